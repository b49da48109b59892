//! A sort key's type and one row's value of it: what a cursor carries. Its own module so that the
//! keyset query (`keyset`) and the sort and paging rules (`sort`) both use it without using each other.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use gmc_domain::error::FieldProblem;
use sea_orm::Value;

/// How a sort key is compared and written into a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    Text,
    Int,
    Time,
    /// A calendar date (`YYYY-MM-DD`): prep items' deadlines.
    Date,
}

/// One row's sort key. The derived order puts `Null` first, as the SQL order does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyValue {
    Null,
    Int(i64),
    Text(String),
    Time(DateTime<Utc>),
    Date(NaiveDate),
}

impl KeyValue {
    pub fn encode(self) -> Option<String> {
        match self {
            KeyValue::Null => None,
            KeyValue::Int(n) => Some(n.to_string()),
            KeyValue::Text(s) => Some(s),
            KeyValue::Time(t) => Some(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
            KeyValue::Date(d) => Some(d.to_string()),
        }
    }

    pub fn decode(ty: KeyType, value: Option<&str>) -> Result<Self, FieldProblem> {
        let bad = || FieldProblem::new("invalid_cursor", "is not a cursor this API returned");
        let Some(v) = value else { return Ok(KeyValue::Null) };
        Ok(match ty {
            KeyType::Text => KeyValue::Text(v.to_owned()),
            KeyType::Int => KeyValue::Int(v.parse().map_err(|_| bad())?),
            KeyType::Time => KeyValue::Time(DateTime::parse_from_rfc3339(v).map_err(|_| bad())?.with_timezone(&Utc)),
            KeyType::Date => KeyValue::Date(NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| bad())?),
        })
    }

    pub(super) fn sql(self) -> Option<Value> {
        match self {
            KeyValue::Null => None,
            KeyValue::Int(n) => Some(n.into()),
            KeyValue::Text(s) => Some(s.into()),
            KeyValue::Time(t) => Some(t.into()),
            KeyValue::Date(d) => Some(d.into()),
        }
    }
}
