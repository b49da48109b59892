//! The error responses an operation can declare, one type per status, so each `#[utoipa::path]` lists
//! exactly the statuses its handler (and the middleware in front of it) can give — a generated client
//! then types every answer it can get and none it cannot. `scripts/check-statuses.py` fails the test
//! run when the suite observes a status an operation does not declare. What each status means for a
//! particular operation is said in the operation's description.

use utoipa::IntoResponses;

use crate::problem::Problem;

#[derive(IntoResponses)]
#[response(
    status = 400,
    description = "Malformed request: unparseable JSON, a query or path parameter of the wrong type, a missing required query parameter, or a NUL byte in the URL",
    content_type = "application/problem+json"
)]
pub struct BadRequest(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 401,
    description = "No valid credential: send `Authorization: Bearer <access token or API key>`. A present but invalid, expired or revoked credential is always refused, never ignored",
    content_type = "application/problem+json",
    headers(("WWW-Authenticate" = String, description = "`Bearer`"))
)]
pub struct Unauthenticated(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 403,
    description = "Signed in, but the role or the API key's scopes do not allow this, or the record is readable but not writable by the caller; for an admin whose session (or key) has not passed a second factor, `type` is `urn:gmc:problem:second-factor-required` and only `/me` and enrolment are open",
    content_type = "application/problem+json"
)]
pub struct Forbidden(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 404,
    description = "No such record, or one the caller may not read (the two are not told apart)",
    content_type = "application/problem+json"
)]
pub struct NotFound(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 409,
    description = "Clashes with the record's current state (see the operation), or a request with the same `Idempotency-Key` is still in progress",
    content_type = "application/problem+json"
)]
pub struct Conflict(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 410,
    description = "A repeat of a create (same `Idempotency-Key`) whose record has since been erased: nothing of it is sent again, and nothing is created",
    content_type = "application/problem+json"
)]
pub struct Gone(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 412,
    description = "`If-Match` names a version that is no longer current: reload, reapply, resend",
    content_type = "application/problem+json"
)]
pub struct PreconditionFailed(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 413,
    description = "The body is larger than the server accepts (`GMC_MAX_JSON_BYTES`)",
    content_type = "application/problem+json"
)]
pub struct PayloadTooLarge(pub Problem);

#[derive(IntoResponses)]
#[response(status = 415, description = "The body is not `application/json`", content_type = "application/problem+json")]
pub struct UnsupportedMediaType(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 422,
    description = "Validation failed: `errors` names each field (`title`, `scopes[1]`, `answers.q1`, `limit`, `Idempotency-Key`) with a stable `code`",
    content_type = "application/problem+json"
)]
pub struct Invalid(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 428,
    description = "`If-Match` is required: send the ETag of the version being changed",
    content_type = "application/problem+json"
)]
pub struct PreconditionRequired(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 429,
    description = "Too many requests from this client: wait `Retry-After` seconds",
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before trying again"))
)]
pub struct TooManyRequests(pub Problem);

#[derive(IntoResponses)]
#[response(
    status = 503,
    description = "The database is busy (another process holds SQLite's write lock past the busy timeout): retry after `Retry-After` seconds",
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))
)]
pub struct Busy(pub Problem);

// issue 11: key budgets
#[derive(IntoResponses)]
#[response(
    status = 429,
    description = "Through an API key: the key's request budget is spent (per minute, per node); wait `Retry-After` seconds",
    content_type = "application/problem+json",
    headers(
        ("Retry-After" = u64, description = "Seconds to wait before trying again"),
        ("RateLimit-Policy" = String, description = "The key's budget: `\"api-key\";q=<requests>;w=60`"),
        ("RateLimit" = String, description = "Where the key stands: `\"api-key\";r=<left>;t=<seconds>`")
    )
)]
pub struct KeyBudgetSpent(pub Problem);
