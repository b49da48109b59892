//! The routes, one module per feature, and the pieces they share (`register` puts them under `/api/v1`).

pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod consultations;
pub mod health;
pub mod impediments;
pub mod mfa;
pub mod operations;
pub mod reference;
mod register;
pub mod stakeholders;
pub mod topics;
pub mod users;
pub mod watch_items;

use serde::Deserialize;
use utoipa::IntoParams;

/// Cursor pagination parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1–200 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Declares a concrete page type (`{items, next_cursor}`) for the OpenAPI document.
macro_rules! page_of {
    ($name:ident, $item:ty) => {
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` to get the next page; `null` on the last page.
            pub next_cursor: Option<String>,
        }

        impl<V> From<gmc_store::cursor::Page<V>> for $name
        where
            $item: From<V>,
        {
            fn from(p: gmc_store::cursor::Page<V>) -> Self {
                $name { items: p.items.into_iter().map(<$item>::from).collect(), next_cursor: p.next_cursor }
            }
        }
    };
}
pub(crate) use page_of;
pub use register::configure_api;
