//! Reading a partial change from JSON: an absent field stays as it is, a `null` one is cleared.

use serde::{Deserialize, Deserializer};

/// For an `Option<Option<T>>` field with `#[serde(default, deserialize_with = "double_option")]`: serde calls
/// it only for a present field, so present-and-null is `Some(None)` ("clear") and absent stays `None`
/// ("leave alone").
pub fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Some(Option::deserialize(d)?))
}
