//! The authenticated caller as an extractor. A handler that takes `Authed` cannot run without a valid
//! credential; a present-but-invalid credential is always a 401, never silently ignored.

use std::future::Future;
use std::pin::Pin;

use actix_web::{dev::Payload, web, FromRequest, HttpMessage, HttpRequest};
use gmc_domain::Actor;
use gmc_store::services::auth::authenticate;
use gmc_store::AppError;

use crate::problem::ApiError;
use crate::state::AppState;

pub struct Authed(pub Actor);

impl FromRequest for Authed {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let req = req.clone();
        let header = req.headers().get(actix_web::http::header::AUTHORIZATION).map(|h| h.to_str().map(str::to_owned));
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::Internal(anyhow::anyhow!("app state missing")))?;
            let token = match header {
                None => {
                    return Err(
                        AppError::Unauthenticated("sign in: send Authorization: Bearer <token or API key>").into()
                    )
                }
                Some(Err(_)) => {
                    return Err(AppError::Unauthenticated("the Authorization header is not readable").into())
                }
                Some(Ok(h)) => match h.split_once(' ') {
                    Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
                        token.trim().to_owned()
                    }
                    _ => return Err(AppError::Unauthenticated("use the Bearer scheme").into()),
                },
            };
            let actor = authenticate(&state.db, &state.tokens, &state.sessions, &token).await?;
            // issue 11: key budgets — a keyed request spends its key's budget; the answer carries where
            // it stands (`key_budget::rate_headers`).
            if let gmc_domain::AuthMethod::ApiKey { id, .. } = &actor.method {
                match state.key_limiter.check(&state.db, id.as_uuid()).await? {
                    Ok(rate) => {
                        req.extensions_mut().insert(rate);
                    }
                    Err(spent) => return Err(ApiError::KeyBudgetSpent(spent)),
                }
            }
            Ok(Authed(actor))
        })
    }
}

/// An optional caller: no `Authorization` header means anonymous; a header that is present must be valid.
pub struct MaybeAuthed(pub Option<Actor>);

impl FromRequest for MaybeAuthed {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if req.headers().get(actix_web::http::header::AUTHORIZATION).is_none() {
            return Box::pin(async { Ok(MaybeAuthed(None)) });
        }
        let authed = Authed::from_request(req, payload);
        Box::pin(async move { Ok(MaybeAuthed(Some(authed.await?.0))) })
    }
}
