//! What every handler can reach: the database, the token keys, the login limiter.

use gmc_store::services::tokens::Tokens;
use sea_orm::DatabaseConnection;

use crate::rate_limit::LoginLimiter;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub tokens: Tokens,
    pub login_limiter: LoginLimiter,
}
