//! The OpenAPI 3.1 document, generated from the handlers' annotations as the app registers them.

use actix_web::dev::{ServiceFactory, ServiceRequest};
use actix_web::web;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{scope, AppExt, UtoipaApp};

use crate::problem::{ApiError, Problem, ProblemField};
use crate::routes;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(
                    Http::builder()
                        .scheme(HttpAuthScheme::Bearer)
                        .description(Some("An access token from /api/v1/auth/login, or an API key (gmc_…)"))
                        .build(),
                ),
            );
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Geneva–MSME Connection API",
        description = "Connects WTO delegations of South and Southeast Asian developing and least-developed \
countries with what their MSMEs face at home. Errors are RFC 9457 problem+json. Collections use cursor \
pagination (`limit`, `cursor` → `{items, next_cursor, total}`, `total` on the first page only) and sort on the \
server (`sort=field` or `-field`, from each operation's enum); a cursor continues only the sort and filters it \
came from. Versioned records carry an ETag; updates need If-Match.

**Who may call what.** Every operation's description names who may call it and what it refuses. Callers are \
anonymous (sign-in, health, the public consultation form) or signed in with a role — `admin` (the secretariat), \
`analyst` (technical assistance), `delegate` and `focal_point` (members of one delegation), `stakeholder` (an MSME's \
own account) — through either a session (an access token from `/api/v1/auth/login`) or an API key. A session may \
do all its role allows; an API key only what its scopes allow as well: `read` for reads, `write` for changes to \
delegation-owned records and for revoking keys, `admin` for the catalogue, users and the audit log. \
An admin acts as admin only in a session that passed the second factor (TOTP; `/auth/login` then answers with \
a challenge for `/auth/mfa`), or with a key created from such a session; before that only `/me` and enrolment \
(`/me/mfa/*`) answer, and everything else is a 403 of type `urn:gmc:problem:second-factor-required`.

**How refusals read.** 401: no valid credential. 403: signed in, but the role or the key's scopes do not allow \
the operation, or the record is readable but not writable by the caller. 404: no such record, or one the caller \
may not read — the two are never told apart. 409: the record's state forbids it. 412/428: a stale or missing \
`If-Match`. 422: validation, with each field named in `errors`. 429 and 503 come with `Retry-After`. \
Each operation declares exactly the statuses it can answer; a test run fails when one it does not declare is \
observed.

**Retries.** POSTs under `/api/v1` (except `/auth/*`, `/api-keys` and `/me/mfa/*`) accept `Idempotency-Key` (1–255 visible \
ASCII characters, per user, kept 24 h): a repeat with the same request answers with the first outcome \
(`Idempotency-Replayed: true`); the same key with a different request is a 422 (`reused`); one still in progress \
a 409. A key names one attempt at one body: derive it from the body, so that a corrected request is a new \
attempt.",
        license(name = "MIT")
    ),
    components(schemas(Problem, ProblemField)),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Sign in, tokens, the current user"),
        (name = "reference", description = "Countries, delegations, ministerials, NTM categories, sectors"),
        (name = "topics", description = "The catalogue of WTO topics"),
        (name = "watch-list", description = "Each delegation's followed topics and notes (delegation-level records)"),
        (name = "impediments", description = "The registry of trade impediments MSMEs face, classified by UNCTAD MAST chapter or procedural obstacle, HS product and partner market"),
        (name = "consultations", description = "Hearing MSMEs: multilingual questionnaires, results with small-cell suppression, anonymised exports"),
        (name = "public", description = "The public response form behind a consultation's link token (no sign-in)"),
        (name = "stakeholders", description = "MSMEs, associations, chambers and cooperatives a delegation hears; contact details are personal data, read only through the audited contact endpoint"),
        (name = "api-keys", description = "Keys for third-party integrations"),
        (name = "admin", description = "Users and the audit log"),
        (name = "health", description = "Liveness and readiness"),
        // issue 10: notifications
        (name = "notifications", description = "The caller's notifications, follows and settings, and the home page's \"what needs me today\""),
    )
)]
/// Everything but the operations, which `document` collects from the registrations that serve them.
pub struct ApiDoc;

/// The whole document, read from the routes mounted on an `App` that is never started: no database, no
/// server, the same registrations (`mount`) that serve each operation.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = mount(actix_web::App::new().into_utoipa_app()).split_for_parts().1;
    // issue 11: key budgets
    declare_key_budgets(&mut doc);
    doc
}

// issue 11: key budgets
/// Every operation a bearer credential may call can answer 429 when that credential is an API key whose
/// budget is spent (`key_budget`): declared here once rather than in each of them.
fn declare_key_budgets(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::IntoResponses;
    let spent = crate::responses::KeyBudgetSpent::responses();
    for item in doc.paths.paths.values_mut() {
        for op in [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch, &mut item.head]
            .into_iter()
            .flatten()
        {
            if op.security.as_ref().is_none_or(Vec::is_empty) {
                continue;
            }
            for (status, response) in &spent {
                op.responses.responses.entry(status.clone()).or_insert_with(|| response.clone());
            }
        }
    }
}

/// The document as pretty JSON with a trailing newline, exactly as committed in `openapi/openapi.json`.
pub fn document_json() -> String {
    let mut s = document().to_pretty_json().unwrap_or_default();
    s.push('\n');
    s
}

/// The operations of the OpenAPI document, each registered once: the registration that serves a handler
/// is what documents it (`document` mounts them on an app that never runs).
pub(crate) fn mount<T>(app: UtoipaApp<T>) -> UtoipaApp<T>
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = actix_web::Error, InitError = ()>,
{
    app.openapi(ApiDoc::openapi())
        .service(routes::health::operations())
        .service(scope("/api/v1").configure(routes::configure_api).default_service(web::to(api_not_found)))
}

pub(crate) async fn api_not_found() -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::App(gmc_store::AppError::NotFound("resource")))
}
