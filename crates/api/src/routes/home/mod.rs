//! "What needs me today": the home page's one request.

use actix_web::{web, HttpResponse};
use gmc_store::services::home::{self, HomeView};

use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// What needs me today
///
/// Who: every signed-in user, about themselves; sessions, or API keys with `read`. One answer: unread
/// notifications (count and the newest five), prep deadlines this week for which the caller or their delegation is
/// responsible, consultations closing within 7 days, and impediments validated in the last 7 days on what the
/// caller follows — each holding only records the caller may read — and the time zone to show times in.
///
/// Refuses: 401 without a valid credential; 403 for a key without `read`.
#[utoipa::path(get, path = "/home", tag = "notifications", operation_id = "get_home", security(("bearer" = [])),
    responses((status = 200, description = "The caller's day", body = HomeView),
        r::Unauthenticated, r::Forbidden, r::Busy))]
pub async fn get_home(state: web::Data<AppState>, Authed(actor): Authed) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(home::get(&state.db, &actor).await?))
}

pub fn operations() -> Operations {
    operations![get_home]
}
