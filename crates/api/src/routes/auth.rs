//! Sign in, refresh, sign out, and who am I.

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::{auth, users};
use gmc_store::views::{MeView, TokenPair};
use gmc_store::AppError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    #[schema(example = "delegate.bgd@gmc.test")]
    pub email: String,
    #[schema(example = "demo-pass-2026")]
    pub password: String,
}

impl LoginRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"email": "delegate.bgd@gmc.test", "password": "demo-pass-2026"})
    }
}

#[derive(Deserialize, ToSchema)]
pub struct RefreshRequest {
    /// The `refresh_token` of the last sign-in or refresh.
    #[schema(example = "gmr_Vx3cM0rTqk2b8yZf1HjQeW5nP7sLd9AaKu4oGiR6tYE")]
    pub refresh_token: String,
}

impl RefreshRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"refresh_token": "gmr_Vx3cM0rTqk2b8yZf1HjQeW5nP7sLd9AaKu4oGiR6tYE"})
    }
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    /// A short-lived JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Spend it once at `/auth/refresh` for a new pair; reusing a spent one signs the family out.
    pub refresh_token: String,
}

/// What a correct password gets from an account with an active second factor: no tokens yet, but a
/// challenge to send with a code to `POST /api/v1/auth/mfa`.
#[derive(Serialize, ToSchema)]
pub struct MfaChallengeResponse {
    /// Always `true`; tells this answer from a token pair.
    #[schema(value_type = bool, example = true)]
    pub mfa_required: bool,
    /// Send it with a code to `POST /api/v1/auth/mfa`. Good for one successful code, five wrong ones, and
    /// `expires_in` seconds.
    #[schema(example = "gmf_P4nYq1LwVx0c8rTzEe2kS9mHd7uJbA3oGfQ5iN6tR-w")]
    pub mfa_token: String,
    /// Seconds until `mfa_token` expires.
    pub expires_in: i64,
}

/// The answer to a correct sign-in: a token pair (`access_token` present), or, for an account with an
/// active second factor, a challenge (`mfa_required: true`).
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum LoginResponse {
    Tokens(TokenResponse),
    SecondFactor(MfaChallengeResponse),
}

impl From<auth::SignIn> for LoginResponse {
    fn from(s: auth::SignIn) -> Self {
        match s {
            auth::SignIn::Tokens(pair) => LoginResponse::Tokens(pair.into()),
            auth::SignIn::SecondFactor(c) => LoginResponse::SecondFactor(MfaChallengeResponse {
                mfa_required: true,
                mfa_token: c.token,
                expires_in: c.expires_in,
            }),
        }
    }
}

impl From<TokenPair> for TokenResponse {
    fn from(p: TokenPair) -> Self {
        TokenResponse {
            access_token: p.access_token,
            token_type: "Bearer".into(),
            expires_in: p.expires_in,
            refresh_token: p.refresh_token,
        }
    }
}

pub(crate) fn client_ip(req: &HttpRequest) -> std::net::IpAddr {
    req.peer_addr().map_or(std::net::IpAddr::from([0, 0, 0, 0]), |a| a.ip())
}

/// Sign in with e-mail and password
///
/// Who: anyone (anonymous). Returns a short-lived access token (send it as `Authorization: Bearer`) and a
/// refresh token to spend once at `/auth/refresh`. For an account with an active second factor the right
/// password returns no tokens but a challenge, `{mfa_required: true, mfa_token, expires_in}`: send
/// `mfa_token` with a code from the authenticator app (or a recovery code) to `POST /api/v1/auth/mfa`.
/// Every attempt, failed or not, is audited.
///
/// Refuses: 401 for a wrong e-mail or password or a disabled account (the answer does not say which);
/// 429 with `Retry-After` after too many attempts from one client address, or too many failures for one
/// e-mail from that address (failures from many addresses only slow an e-mail's attempts by a second,
/// so nobody can lock its owner out); 422 when `email` or
/// `password` is missing; 400/413/415 for a body that is not small JSON.
#[utoipa::path(post, path = "/auth/login", tag = "auth", operation_id = "login", request_body(content = LoginRequest, example = LoginRequest::example),
    responses((status = 200, description = "Signed in (a token pair), or a second factor is needed (a challenge)", body = LoginResponse),
        r::BadRequest, r::Unauthenticated, r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::TooManyRequests, r::Busy))]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let ip = client_ip(&req);
    let delay = state.login_limiter.check(ip, &body.email).map_err(ApiError::RateLimited)?;
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let signed_in = match auth::login(&state.db, &state.tokens, &body.email, &body.password).await {
        Err(e @ AppError::Unauthenticated(_)) => {
            state.login_limiter.record_failure(ip, &body.email);
            return Err(e.into());
        }
        other => other?,
    };
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(LoginResponse::from(signed_in)))
}

/// Exchange a refresh token for a new token pair
///
/// Who: anyone holding a refresh token (no `Authorization` header needed). The token is spent; the new
/// pair belongs to the same family.
///
/// Refuses: 401 for an unknown, expired, revoked or already spent token — and a spent token coming back
/// means it leaked, so its whole family is signed out; 422 when `refresh_token` is missing; 400/413/415
/// for a body that is not small JSON.
#[utoipa::path(post, path = "/auth/refresh", tag = "auth", operation_id = "refresh_token",
    request_body(content = RefreshRequest, example = RefreshRequest::example),
    responses((status = 200, description = "A new token pair; the old refresh token is spent", body = TokenResponse),
        r::BadRequest, r::Unauthenticated, r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn refresh(state: web::Data<AppState>, body: web::Json<RefreshRequest>) -> Result<HttpResponse, ApiError> {
    let pair = auth::refresh(&state.db, &state.tokens, &state.sessions, &body.refresh_token).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(TokenResponse::from(pair)))
}

/// Sign out
///
/// Who: anyone holding a refresh token (no `Authorization` header needed). Revokes the token's whole
/// family; an unknown token is accepted silently, so signing out twice is not an error. Access tokens
/// already issued stay valid until they expire (minutes).
///
/// Refuses: 422 when `refresh_token` is missing; 400/413/415 for a body that is not small JSON.
#[utoipa::path(post, path = "/auth/logout", tag = "auth", operation_id = "logout",
    request_body(content = RefreshRequest, example = RefreshRequest::example),
    responses((status = 204, description = "Signed out: the refresh token's family is revoked"),
        r::BadRequest, r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn logout(state: web::Data<AppState>, body: web::Json<RefreshRequest>) -> Result<HttpResponse, ApiError> {
    auth::logout(&state.db, &state.sessions, &body.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The signed-in user
///
/// Who: any role, with a session or an API key with the `read` scope. Says who the credential belongs
/// to, the role and delegation, and `scopes`: every scope for a session, the key's own for an API key.
///
/// Refuses: 401 without a valid credential (or when the account was disabled since); 403 for an API key
/// without the `read` scope.
#[utoipa::path(get, path = "/me", tag = "auth", operation_id = "get_me", security(("bearer" = [])),
    responses((status = 200, description = "The signed-in user", body = MeView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Busy))]
pub async fn me(state: web::Data<AppState>, Authed(actor): Authed) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(users::me(&state.db, &state.catalogue, &actor).await?))
}

pub fn operations() -> Operations {
    operations![login, refresh, logout, me]
}
