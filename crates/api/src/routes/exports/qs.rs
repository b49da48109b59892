//! One query struct from an export's query string (its own module: `query.rs` and `collections.rs` both
//! parse, and neither imports the other back).

use actix_web::web;

use crate::problem::ApiError;

pub(super) fn parse<T: serde::de::DeserializeOwned>(qs: &str) -> Result<T, ApiError> {
    web::Query::<T>::from_query(qs).map(web::Query::into_inner).map_err(|e| ApiError::BadRequest(e.to_string()))
}
