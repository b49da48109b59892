//! Bulk writes for imports: many new rows in one statement whose rows travel as **one JSON
//! parameter**, not one parameter per value.
//!
//! Why: sea-orm's `insert_many` writes `VALUES ($1, … $11500)` for 500 rows of 23 columns. On
//! PostgreSQL binding and planning that statement cost more than the insert itself (the profile in
//! docs/benchmarks.md, "Imports"), and on both engines building its SQL text is client CPU per value.
//! Here the statement text is fixed per table and the engine unpacks the rows itself:
//! `json_populate_recordset`, typed by the table's own row type. PostgreSQL only: SQLite keeps
//! uuids as blobs and timestamps in sqlx's own text form, which the generic insert writes exactly.
//!
//! Values that have no plain JSON form fall back to `insert_many`, so a caller never has to know.
//! SQLite gets the plain multi-row `VALUES` statement, written without sea-query (`insert_values`).

use chrono::SecondsFormat;
use sea_orm::sea_query::Value;
use sea_orm::{ActiveModelTrait, ActiveValue, ConnectionTrait, DbBackend, DbErr, EntityTrait, Iterable, Statement};
use serde_json::{Map, Value as Json};

/// Inserts `rows` (all columns set, as a create builds them) without reading anything back.
pub(crate) async fn insert<E, C>(db: &C, rows: Vec<E::ActiveModel>) -> Result<(), DbErr>
where
    E: EntityTrait,
    E::Model: sea_orm::IntoActiveModel<E::ActiveModel>,
    C: ConnectionTrait,
{
    if rows.is_empty() {
        return Ok(());
    }
    let backend = db.get_database_backend();
    if backend != DbBackend::Postgres {
        return insert_values::<E, C>(db, rows).await;
    }
    let Some(json) = as_json::<E>(&rows) else {
        return E::insert_many(rows).exec_without_returning(db).await.map(|_| ());
    };
    let sql = statement_text::<E>();
    db.execute(Statement::from_sql_and_values(backend, sql, [Value::String(Some(Box::new(json)))])).await?;
    Ok(())
}

/// SQLite: one `VALUES (?, …), (?, …)` statement whose text is written directly and whose values are
/// the models' own, bound in order. The same statement `insert_many` sends, without building and then
/// dropping an expression tree per value (a tenth of an import's CPU in the profile).
async fn insert_values<E, C>(db: &C, rows: Vec<E::ActiveModel>) -> Result<(), DbErr>
where
    E: EntityTrait,
    E::Model: sea_orm::IntoActiveModel<E::ActiveModel>,
    C: ConnectionTrait,
{
    let columns: Vec<E::Column> = E::Column::iter().collect();
    let mut values = Vec::with_capacity(rows.len() * columns.len());
    for row in &rows {
        for column in &columns {
            match row.get(*column) {
                ActiveValue::Set(v) | ActiveValue::Unchanged(v) => values.push(v),
                // A column left to its default: the generic statement knows how to leave it out.
                ActiveValue::NotSet => return E::insert_many(rows).exec_without_returning(db).await.map(|_| ()),
            }
        }
    }
    let list: Vec<String> = columns.iter().map(|c| format!("\"{}\"", column_name::<E>(*c))).collect();
    let one = format!("({})", vec!["?"; columns.len()].join(", "));
    let sql = format!(
        "INSERT INTO \"{}\" ({}) VALUES {}",
        E::default().table_name(),
        list.join(", "),
        vec![one; rows.len()].join(", ")
    );
    db.execute(Statement::from_sql_and_values(db.get_database_backend(), sql, values)).await?;
    Ok(())
}

/// The rows as a JSON array of objects keyed by column name, or `None` when a value has no plain
/// JSON form (then the caller's statement is the generic one).
fn as_json<E: EntityTrait>(rows: &[E::ActiveModel]) -> Option<String> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut object = Map::new();
        for column in E::Column::iter() {
            let value = match row.get(column) {
                ActiveValue::Set(v) | ActiveValue::Unchanged(v) => to_json(&v)?,
                ActiveValue::NotSet => return None,
            };
            object.insert(column_name::<E>(column), value);
        }
        out.push(Json::Object(object));
    }
    serde_json::to_string(&out).ok()
}

fn column_name<E: EntityTrait>(column: E::Column) -> String {
    use sea_orm::sea_query::Iden;
    column.to_string()
}

/// One value as JSON, in the text form each engine reads back into the column's type (timestamps in
/// RFC 3339 with the offset, as sea-orm binds them). `None` for a type this module does not map.
fn to_json(v: &Value) -> Option<Json> {
    Some(match v {
        Value::Bool(b) => b.map_or(Json::Null, Json::Bool),
        Value::Int(i) => i.map_or(Json::Null, Json::from),
        Value::BigInt(i) => i.map_or(Json::Null, Json::from),
        Value::SmallInt(i) => i.map_or(Json::Null, Json::from),
        Value::String(s) => s.as_ref().map_or(Json::Null, |s| Json::String(s.as_ref().clone())),
        Value::Uuid(u) => u.as_ref().map_or(Json::Null, |u| Json::String(u.to_string())),
        Value::ChronoDate(d) => d.as_ref().map_or(Json::Null, |d| Json::String(d.format("%Y-%m-%d").to_string())),
        Value::ChronoDateTimeUtc(t) => {
            t.as_ref().map_or(Json::Null, |t| Json::String(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)))
        }
        _ => return None,
    })
}

fn statement_text<E: EntityTrait>() -> String {
    let table = E::default().table_name().to_owned();
    let columns: Vec<String> = E::Column::iter().map(|c| format!("\"{}\"", column_name::<E>(c))).collect();
    let list = columns.join(", ");
    format!("INSERT INTO \"{table}\" ({list}) SELECT {list} FROM json_populate_recordset(NULL::\"{table}\", $1::json)")
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use sea_orm::{EntityTrait, QueryOrder, Set};
    use uuid::Uuid;

    use crate::entities::{delegations, stakeholders};
    use crate::testdb::TestDatabase;

    fn row(delegation: Uuid, n: u32, full: bool) -> stakeholders::ActiveModel {
        use gmc_domain::stakeholder::{SizeClass, StakeholderKind};
        // Microseconds, a second before midnight: the text form must carry them exactly.
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 23, 59, 58).unwrap() + chrono::Duration::microseconds(123_457);
        stakeholders::ActiveModel {
            id: Set(Uuid::now_v7()),
            delegation_id: Set(delegation),
            external_id: Set(full.then(|| format!("X-{n} \"quoted\" ; ünïcode"))),
            name: Set(format!("Firm {n} O'Brien \\ backslash")),
            kind: Set(StakeholderKind::Msme.into()),
            country: Set("BGD".into()),
            sector: Set("C".into()),
            size_class: Set(SizeClass::Small.into()),
            employees: Set(full.then_some(12)),
            women_led: Set(n.is_multiple_of(2)),
            exporter: Set(full),
            importer: Set(!full),
            contact_name: Set(full.then(|| "Ms. Rahman".into())),
            contact_email: Set(full.then(|| "r@example.org".into())),
            contact_phone: Set(None),
            consent_purpose: Set(full.then(|| "consultations".into())),
            consent_at: Set(full.then(|| NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())),
            user_id: Set(None),
            erased_at: Set(None),
            created_by: Set(None),
            version: Set(1),
            created_at: Set(at),
            updated_at: Set(at),
        }
    }

    /// On either engine (`TEST_DATABASE_URL`): rows written by `bulk::insert` read back exactly as the
    /// same rows written by sea-orm's own `insert_many` — every column, nulls, quotes, non-ASCII text,
    /// dates and microsecond timestamps.
    #[tokio::test]
    async fn the_bulk_insert_writes_what_insert_many_writes() {
        let test_db = TestDatabase::create().await.expect("a test database");
        let db = crate::db::connect(&test_db.url).await.expect("connect");
        crate::db::migrate(&db).await.expect("migrate");
        crate::demo::seed_accounts(&db).await.expect("accounts");
        let delegation = delegations::Entity::find().one(&db).await.expect("read").expect("a delegation").id;

        let bulk: Vec<_> = (0..7).map(|n| row(delegation, n, n % 3 != 0)).collect();
        let plain: Vec<_> = (0..7).map(|n| row(delegation, n + 100, n % 3 != 0)).collect();
        super::insert::<stakeholders::Entity, _>(&db, bulk).await.expect("bulk insert");
        stakeholders::Entity::insert_many(plain).exec_without_returning(&db).await.expect("insert_many");

        let all = stakeholders::Entity::find()
            .order_by_asc(stakeholders::Column::CreatedAt)
            .order_by_asc(stakeholders::Column::Id)
            .all(&db)
            .await
            .expect("read back");
        let by_n = |n: u32| {
            all.iter()
                .find(|s| s.name == format!("Firm {n} O'Brien \\ backslash"))
                .unwrap_or_else(|| panic!("row {n} written"))
                .clone()
        };
        for n in 0..7 {
            let (mut b, p) = (by_n(n), by_n(n + 100));
            assert_eq!(b.external_id.is_some(), p.external_id.is_some(), "row {n}");
            // The fields that differ by construction (id, name, external id) aside, the rows are equal.
            b.id = p.id;
            b.name = p.name.clone();
            b.external_id = p.external_id.clone();
            assert_eq!(b, p, "row {n}");
        }
        assert_eq!(by_n(1).external_id.as_deref(), Some("X-1 \"quoted\" ; ünïcode"));
        assert_eq!(by_n(1).created_at.timestamp_subsec_micros(), 123_457);
    }
}
