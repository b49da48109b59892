//! One column type for every enum the domain keeps as text (`string_enum!`): an entity declares
//! `status: DbEnum<ImpedimentStatus>`, services read and write the enum, and the database holds the same
//! TEXT spellings as ever (no migration). A stored value the enum does not know is a database error that
//! names the type and the value, never a panic.

use gmc_domain::macros::StringEnum;
use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, StringLen, Value, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, DbErr, QueryResult, TryGetError, TryGetable};

/// A domain enum in a TEXT column. `.0` is the enum; `From` makes one from it (`Set(status.into())`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DbEnum<T>(pub T);

impl<T: StringEnum> DbEnum<T> {
    fn parse(text: &str) -> Result<Self, String> {
        text.parse().map(DbEnum).map_err(|e| format!("stored {} {text:?}: {e}", T::NAME))
    }
}

impl<T: StringEnum> From<T> for DbEnum<T> {
    fn from(value: T) -> Self {
        DbEnum(value)
    }
}

impl<T: StringEnum> From<DbEnum<T>> for Value {
    fn from(value: DbEnum<T>) -> Self {
        Value::String(Some(Box::new(value.0.as_str().to_owned())))
    }
}

impl<T: StringEnum> Nullable for DbEnum<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

impl<T: StringEnum> ValueType for DbEnum<T> {
    fn try_from(v: Value) -> Result<Self, ValueTypeErr> {
        match v {
            Value::String(Some(text)) => Self::parse(&text).map_err(|_| ValueTypeErr),
            _ => Err(ValueTypeErr),
        }
    }

    fn type_name() -> String {
        format!("DbEnum<{}>", T::NAME)
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    /// What `String` fields get, so the entity describes the column exactly as before.
    fn column_type() -> ColumnType {
        ColumnType::String(StringLen::None)
    }
}

impl<T: StringEnum> TryGetable for DbEnum<T> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        let text = String::try_get_by(res, index)?;
        Self::parse(&text).map_err(|e| TryGetError::DbErr(DbErr::Type(e)))
    }
}

/// As its spelling, the way the enum itself serializes (audit `changes` keep reading the same).
impl<T: StringEnum> serde::Serialize for DbEnum<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.as_str())
    }
}

#[cfg(test)]
mod tests {
    use gmc_domain::impediment::ImpedimentStatus;
    use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

    use super::*;

    type Status = DbEnum<ImpedimentStatus>;

    #[tokio::test]
    async fn a_stored_spelling_reads_as_the_enum_and_a_corrupt_one_as_an_error_naming_it() {
        let db = Database::connect("sqlite::memory:").await.expect("an in-memory database");
        let sql = "SELECT 'under_review' AS good, 'lost' AS bad, NULL AS none";
        let row = db.query_one(Statement::from_string(DbBackend::Sqlite, sql)).await.ok().flatten();
        let row = row.expect("one row");

        assert_eq!(Status::try_get_by(&row, "good").ok(), Some(DbEnum(ImpedimentStatus::UnderReview)));
        assert_eq!(Option::<Status>::try_get_by(&row, "none").ok(), Some(None));
        match Status::try_get_by(&row, "bad") {
            Err(TryGetError::DbErr(DbErr::Type(message))) => {
                assert!(message.contains("ImpedimentStatus") && message.contains("\"lost\""), "{message}");
            }
            other => panic!("expected a type error, got {other:?}"),
        }
    }

    #[test]
    fn an_enum_is_written_and_serialized_as_its_spelling() {
        let v = DbEnum(ImpedimentStatus::UnderReview);
        assert_eq!(Value::from(v), Value::String(Some(Box::new("under_review".to_owned()))));
        assert_eq!(serde_json::to_value(v).ok(), Some(serde_json::json!("under_review")));
        assert_eq!(<Status as ValueType>::try_from(Value::from("raised")).ok(), Some(DbEnum(ImpedimentStatus::Raised)));
        assert!(<Status as ValueType>::try_from(Value::from("lost")).is_err());
    }
}
