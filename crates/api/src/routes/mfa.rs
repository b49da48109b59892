//! The second factor (TOTP): enrolling, verifying and disabling one's own, the step-up that finishes a
//! sign-in, and an admin's reset of someone else's. Wrong codes and passwords count towards the login
//! rate limiter, as wrong passwords at `/auth/login` do.

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::Actor;
use gmc_store::services::mfa;
use gmc_store::{AppError, AppResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::auth::{client_ip, TokenResponse};
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct MfaEnrolmentResponse {
    /// The shared secret, base32 (RFC 4648, no padding), for typing into an authenticator app.
    #[schema(example = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")]
    pub secret: String,
    /// `otpauth://totp/…` with the secret, issuer and account: show it as a QR code.
    pub otpauth_uri: String,
    /// SHA-1, 6 digits, a new code every 30 seconds: the defaults every authenticator app assumes.
    pub digits: u8,
    pub period: u32,
}

#[derive(Deserialize, ToSchema)]
pub struct MfaCodeRequest {
    /// The 6-digit code the authenticator app shows now.
    #[schema(example = "123456")]
    pub code: String,
}

impl MfaCodeRequest {
    /// A well-formed request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"code": "123456"})
    }
}

#[derive(Serialize, ToSchema)]
pub struct MfaActivationResponse {
    /// Ten one-time codes for when the authenticator is not at hand: shown this once, stored hashed.
    pub recovery_codes: Vec<String>,
    /// A new token pair whose session has passed the second factor: replace the current one with it.
    pub tokens: TokenResponse,
}

#[derive(Deserialize, ToSchema)]
pub struct MfaSignInRequest {
    /// The `mfa_token` that `/auth/login` answered with.
    #[schema(example = "gmf_P4nYq1LwVx0c8rTzEe2kS9mHd7uJbA3oGfQ5iN6tR-w")]
    pub mfa_token: String,
    /// A current 6-digit code, or an unused recovery code (`ABCD-EFGH-IJKL-MNOP`).
    #[schema(example = "123456")]
    pub code: String,
}

impl MfaSignInRequest {
    /// A well-formed request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"mfa_token": "gmf_P4nYq1LwVx0c8rTzEe2kS9mHd7uJbA3oGfQ5iN6tR-w", "code": "123456"})
    }
}

#[derive(Deserialize, ToSchema)]
pub struct DisableMfaRequest {
    /// The account's password.
    pub password: String,
    /// A current 6-digit code, or an unused recovery code.
    pub code: String,
}

impl DisableMfaRequest {
    /// A well-formed request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"password": "demo-pass-2026", "code": "123456"})
    }
}

/// Runs a code check under the login rate limiter: waits or refuses as it says, and records a failure
/// when `counts` says the outcome was a wrong code or password.
async fn limited<T>(
    state: &AppState,
    req: &HttpRequest,
    account: &str,
    attempt: impl std::future::Future<Output = AppResult<T>>,
    counts: fn(&AppError) -> bool,
) -> Result<T, ApiError> {
    let ip = client_ip(req);
    let delay = state.login_limiter.check(ip, account).map_err(ApiError::RateLimited)?;
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    attempt.await.map_err(|e| {
        if counts(&e) {
            state.login_limiter.record_failure(ip, account);
        }
        e.into()
    })
}

fn account_of(actor: &Actor) -> String {
    format!("user:{}", actor.user_id.as_uuid())
}

/// Start enrolling a second factor
///
/// Who: any signed-in user, with a session only (never an API key) — including an admin who has not passed
/// a second factor yet, for whom this is the way in. Returns a new secret and its `otpauth://` URI (show it as
/// a QR code); the factor stays pending until `POST /api/v1/me/mfa/verification` with a current code.
/// Starting again replaces a pending enrolment.
///
/// Refuses: 401 without a valid credential; 403 for an API key; 409 while a factor is active (disable it
/// first).
#[utoipa::path(post, path = "/me/mfa/enrolment", tag = "auth", operation_id = "start_mfa_enrolment",
    security(("bearer" = [])),
    responses((status = 200, description = "Pending: verify it with a current code", body = MfaEnrolmentResponse),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::Busy))]
pub async fn start_enrolment(state: web::Data<AppState>, Authed(actor): Authed) -> Result<HttpResponse, ApiError> {
    let e = mfa::enrol(&state.db, &actor).await?;
    Ok(HttpResponse::Ok().json(MfaEnrolmentResponse {
        secret: e.secret,
        otpauth_uri: e.otpauth_uri,
        digits: 6,
        period: 30,
    }))
}

/// Verify and activate the second factor
///
/// Who: any signed-in user with a pending enrolment, with a session only. A current code activates the
/// factor; the answer holds ten recovery codes (shown this once) and a new token pair whose session has
/// passed the second factor — an admin's rights start with it. From now on signing in asks for a code.
///
/// Refuses: 401 without a valid credential; 403 for an API key; 409 with no pending enrolment or an active
/// factor; 422 for a wrong code (`code`: `wrong_code`) or a missing field; 429 after too many wrong codes;
/// 400/413/415 for a body that is not small JSON.
#[utoipa::path(post, path = "/me/mfa/verification", tag = "auth", operation_id = "verify_mfa_enrolment",
    request_body(content = MfaCodeRequest, example = MfaCodeRequest::example), security(("bearer" = [])),
    responses((status = 200, description = "Active: the recovery codes and a new token pair", body = MfaActivationResponse),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::TooManyRequests, r::Busy))]
pub async fn verify_enrolment(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<MfaCodeRequest>,
) -> Result<HttpResponse, ApiError> {
    let attempt = mfa::verify(&state.db, &state.tokens, &state.sessions, &actor, &body.code);
    let a = limited(&state, &req, &account_of(&actor), attempt, |e| matches!(e, AppError::Validation(_))).await?;
    Ok(HttpResponse::Ok().json(MfaActivationResponse { recovery_codes: a.recovery_codes, tokens: a.tokens.into() }))
}

/// Disable the second factor
///
/// Who: any signed-in user with an active factor, with a session only, giving the password and a current
/// code (or an unused recovery code) — an open session alone is not enough. Signing in then needs the
/// password only; an admin loses the admin rights until enrolling again.
///
/// Refuses: 401 without a valid credential; 403 for an API key; 404 without an active factor; 422 for a wrong
/// password (`password`: `wrong_password`), a wrong or used code (`code`: `wrong_code`) or a missing field; 429
/// after too many wrong attempts; 400/413/415 for a body that is not small JSON.
#[utoipa::path(delete, path = "/me/mfa", tag = "auth", operation_id = "disable_mfa",
    request_body(content = DisableMfaRequest, example = DisableMfaRequest::example), security(("bearer" = [])),
    responses((status = 204, description = "Disabled"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::TooManyRequests, r::Busy))]
pub async fn disable(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<DisableMfaRequest>,
) -> Result<HttpResponse, ApiError> {
    let attempt = mfa::disable(&state.db, &state.sessions, &actor, &body.password, &body.code);
    limited(&state, &req, &account_of(&actor), attempt, |e| matches!(e, AppError::Validation(_))).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Finish signing in with a second factor
///
/// Who: anyone holding the `mfa_token` that `/auth/login` answered with (no `Authorization` header). With a
/// current code from the authenticator app, or an unused recovery code (each works once), returns the token
/// pair; the session counts as having passed the second factor. A code is accepted once: the same code
/// again, even within its 30 seconds, is refused.
///
/// Refuses: 401 for an unknown or expired `mfa_token`, or a wrong or already used code (five wrong codes spend
/// the challenge); 429 with `Retry-After` after too many attempts, counted with the password attempts of
/// `/auth/login`; 422 when a field is missing; 400/413/415 for a body that is not small JSON.
#[utoipa::path(post, path = "/auth/mfa", tag = "auth", operation_id = "complete_mfa_sign_in",
    request_body(content = MfaSignInRequest, example = MfaSignInRequest::example),
    responses((status = 200, description = "Signed in", body = TokenResponse),
        r::BadRequest, r::Unauthenticated, r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::TooManyRequests, r::Busy))]
pub async fn complete_sign_in(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<MfaSignInRequest>,
) -> Result<HttpResponse, ApiError> {
    // The account's e-mail, so code guesses and password guesses share the account's budget.
    let token: String = body.mfa_token.chars().take(200).collect();
    let account = mfa::challenge_account(&state.db, &token).await?.unwrap_or(token);
    let attempt = mfa::complete_sign_in(&state.db, &state.tokens, &body.mfa_token, &body.code);
    let pair = limited(&state, &req, &account, attempt, |e| matches!(e, AppError::Unauthenticated(_))).await?;
    Ok(HttpResponse::Ok().json(TokenResponse::from(pair)))
}

/// Reset a user's second factor
///
/// Who: admins only (in a session or with a key that passed the second factor), with the `admin` scope for a
/// key. Removes the user's factor and recovery codes (a lost phone) and, when there was one, signs the user out
/// everywhere; they sign in with the password and may enrol again. Audited as `mfa.reset`; answers 204 also
/// when the user had no factor.
///
/// Refuses: 401 without a valid credential; 403 for any other role, a key without `admin`, or an admin without
/// a second factor; 404 for an unknown user.
#[utoipa::path(delete, path = "/users/{id}/mfa", tag = "admin", operation_id = "reset_user_mfa",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "The user has no second factor now"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn reset_user(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    mfa::reset(&state.db, &state.sessions, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn operations() -> Operations {
    operations![disable, start_enrolment, verify_enrolment, complete_sign_in, reset_user]
}
