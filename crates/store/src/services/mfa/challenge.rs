//! Starting the second step of a sign-in: the short-lived challenge that `/auth/login` answers for an
//! account with an active factor (`auth::login`), and that `sign_in` completes.

use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

use crate::entities::mfa_challenges;
use crate::services::secrets;
use crate::AppResult;

pub(super) const CHALLENGE_PREFIX: &str = "gmf_";
/// Long enough to open the authenticator app, short enough that a stolen challenge is soon worthless.
pub const CHALLENGE_TTL_SECS: i64 = 300;

/// What `/auth/login` answers for an account with an active factor. Never logged.
pub struct MfaChallenge {
    pub token: String,
    pub expires_in: i64,
}

impl std::fmt::Debug for MfaChallenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MfaChallenge").field("expires_in", &self.expires_in).finish_non_exhaustive()
    }
}

pub(crate) async fn start_challenge<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> AppResult<MfaChallenge> {
    let token = secrets::generate(CHALLENGE_PREFIX);
    let now = Utc::now();
    mfa_challenges::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        token_hash: Set(secrets::hash(&token)),
        failures: Set(0),
        expires_at: Set(now + Duration::seconds(CHALLENGE_TTL_SECS)),
        created_at: Set(now),
    }
    .insert(conn)
    .await?;
    Ok(MfaChallenge { token, expires_in: CHALLENGE_TTL_SECS })
}
