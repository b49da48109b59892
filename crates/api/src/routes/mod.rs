//! The routes, one module per feature, and the pieces they share (`register` puts them under `/api/v1`).

pub mod alignment;
pub mod api_keys;
pub mod audit;
pub mod auth;
// issue 10: briefings
pub mod briefings;
pub mod coalitions;
pub mod consultations;
// issue 10: documents
pub mod documents;
pub mod evidence;
pub mod health;
pub mod impediments;
pub mod mfa;
pub mod operations;
pub mod prep_items;
pub mod reference;
mod register;
pub mod stakeholders;
pub mod topics;
pub mod users;
pub mod watch_items;
// issue 10: notifications
pub mod home;
pub mod notifications;
// issue 10: meetings
pub mod meetings;
// issue 11: webhooks
pub mod webhooks;
// issue 11: imports
pub mod imports;
// issue 11: exports
pub mod exports;
// issue 11: import-kinds
pub mod import_kinds;
// issue 11: wto notifications
pub mod wto_notifications;

use gmc_store::cursor::SortField;
use serde::Deserialize;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::RefOr;
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

/// The `sort` parameter's schema: the values the store accepts for the list, so that the OpenAPI
/// document (and the generated client) carries them as an enum.
pub fn sort_schema<F: SortField>(description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .enum_values(Some(F::values()))
        .description(Some(description))
        .into()
}

/// Declares a list's `sort` query parameter, documented with the allowed values of the store's
/// `SortField` type and the list's default order.
macro_rules! sort_query {
    ($name:ident, $fields:ty, $default:literal) => {
        #[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
        #[into_params(parameter_in = Query)]
        pub struct $name {
            #[param(schema_with = $name::schema)]
            pub sort: Option<String>,
        }

        impl $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                crate::routes::sort_schema::<$fields>(concat!(
                    "A field to sort by, ascending, or `-field` for descending; ties are broken by id in the same ",
                    "direction, text compares byte by byte and a missing (null) value sorts before any other. Without ",
                    "`sort`: ",
                    $default,
                    ". A `cursor` continues only the sort and filters it came from."
                ))
            }
        }
    };
}
pub(crate) use sort_query;

/// Declares a concrete page type (`{items, next_cursor, total}`) for the OpenAPI document.
macro_rules! page_of {
    ($name:ident, $item:ty) => {
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` to get the next page; `null` on the last page.
            pub next_cursor: Option<String>,
            /// On the first page (no `cursor`): how many items match the filters, counting only those the
            /// caller may read, up to 1,000 (see `total_is_lower_bound`). `null` on later pages, so that
            /// paging deep costs no count.
            pub total: Option<u64>,
            /// True when more than 1,000 items match: `total` is then 1,000 and means "at least 1,000"
            /// (show "1,000+"). Counting stops there so that a first page costs the same over 100,000 rows
            /// as over 1,000.
            pub total_is_lower_bound: bool,
        }

        impl<V> From<gmc_store::cursor::Page<V>> for $name
        where
            $item: From<V>,
        {
            fn from(p: gmc_store::cursor::Page<V>) -> Self {
                $name {
                    items: p.items.into_iter().map(<$item>::from).collect(),
                    next_cursor: p.next_cursor,
                    total: p.total.count,
                    total_is_lower_bound: p.total.is_lower_bound,
                }
            }
        }
    };
}
pub(crate) use page_of;
pub use register::configure_api;
