//! Checking a stakeholder's fields. A create is a patch over nothing, so both paths compute the whole
//! record a write would leave and check it as one: shapes through domain types, references (country,
//! sector, linked user) against the database, the size rule and the consent rule on the final state.

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use gmc_domain::error::{optional_text, parse_enum, required_text};
use gmc_domain::patch::double_option;
use gmc_domain::reference::CountryCode;
use gmc_domain::stakeholder::{
    check_consent, check_consent_date, check_size, parse_employees, parse_phone, SizeClass, StakeholderKind,
};
use gmc_domain::user::Email;
use gmc_domain::{Role, ValidationErrors};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Statement};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::entities::{stakeholders, users};
use crate::services::reference_checks as checks;
use crate::AppResult;

// The body of `POST /stakeholders` (plain comments here: a doc comment would become the schema's
// description). Enum-valued fields arrive as text so that a bad value is a 422 naming the field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateStakeholderRequest))]
pub struct StakeholderInput {
    /// Admins name the delegation; members default to (and may only use) their own.
    pub delegation_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(example = "STK-BGD-0001"))]
    pub external_id: Option<String>,
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = StakeholderKind, example = "msme"))]
    pub kind: String,
    /// ISO alpha-3.
    #[cfg_attr(feature = "openapi", schema(example = "BGD"))]
    pub country: String,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schemas::IsicSection, example = "C"))]
    pub sector: String,
    #[cfg_attr(feature = "openapi", schema(value_type = SizeClass, example = "small"))]
    pub size_class: String,
    /// 0–249, within the size class (micro < 10, small 10–49, medium 50–249).
    pub employees: Option<i64>,
    #[serde(default)]
    pub women_led: bool,
    #[serde(default)]
    pub exporter: bool,
    #[serde(default)]
    pub importer: bool,
    /// Personal data: needs `consent_purpose` and `consent_at`.
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    /// Digits, spaces and dashes with an optional leading `+`; 6–20 digits.
    pub contact_phone: Option<String>,
    pub consent_purpose: Option<String>,
    /// Not in the future.
    pub consent_at: Option<NaiveDate>,
    /// A user with the `stakeholder` role, linked to no other stakeholder.
    pub user_id: Option<Uuid>,
}

/// Fields to change; absent fields stay; `null` clears an optional field.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateStakeholderRequest))]
pub struct StakeholderPatch {
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub external_id: Option<Option<String>>,
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<StakeholderKind>))]
    pub kind: Option<String>,
    pub country: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schemas::IsicSection>))]
    pub sector: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<SizeClass>))]
    pub size_class: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>, nullable))]
    pub employees: Option<Option<i64>>,
    pub women_led: Option<bool>,
    pub exporter: Option<bool>,
    pub importer: Option<bool>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub contact_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub contact_email: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub contact_phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub consent_purpose: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>, nullable))]
    pub consent_at: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Uuid>, nullable))]
    pub user_id: Option<Option<Uuid>>,
}

impl From<StakeholderInput> for StakeholderPatch {
    fn from(i: StakeholderInput) -> Self {
        StakeholderPatch {
            external_id: Some(i.external_id),
            name: Some(i.name),
            kind: Some(i.kind),
            country: Some(i.country),
            sector: Some(i.sector),
            size_class: Some(i.size_class),
            employees: Some(i.employees),
            women_led: Some(i.women_led),
            exporter: Some(i.exporter),
            importer: Some(i.importer),
            contact_name: Some(i.contact_name),
            contact_email: Some(i.contact_email),
            contact_phone: Some(i.contact_phone),
            consent_purpose: Some(i.consent_purpose),
            consent_at: Some(i.consent_at),
            user_id: Some(i.user_id),
        }
    }
}

impl StakeholderPatch {
    fn is_empty(&self) -> bool {
        self.external_id.is_none()
            && self.name.is_none()
            && self.kind.is_none()
            && self.country.is_none()
            && self.sector.is_none()
            && self.size_class.is_none()
            && self.employees.is_none()
            && self.women_led.is_none()
            && self.exporter.is_none()
            && self.importer.is_none()
            && self.contact_name.is_none()
            && self.contact_email.is_none()
            && self.contact_phone.is_none()
            && self.consent_purpose.is_none()
            && self.consent_at.is_none()
            && self.user_id.is_none()
    }
}

/// The whole record a write leaves, checked.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fields {
    pub external_id: Option<String>,
    pub name: String,
    pub kind: StakeholderKind,
    pub country: String,
    pub sector: String,
    pub size_class: SizeClass,
    pub employees: Option<i32>,
    pub women_led: bool,
    pub exporter: bool,
    pub importer: bool,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub consent_purpose: Option<String>,
    pub consent_at: Option<NaiveDate>,
    pub user_id: Option<Uuid>,
}

/// Contact columns: never written to the audit log, only noted as changed.
pub(super) const CONTACT_FIELDS: [&str; 3] = ["contact_name", "contact_email", "contact_phone"];

/// Empty or blank text means "none".
fn blank_to_none(v: Option<String>) -> Option<String> {
    v.filter(|s| !s.trim().is_empty())
}

/// Checks the patch over `current` (`None` for a create) and returns the resulting record. Any
/// connection: an import checks each row inside its own transaction, so rows see the ones before them.
pub(super) async fn checked<C: ConnectionTrait>(
    db: &C,
    current: Option<&stakeholders::Model>,
    p: StakeholderPatch,
) -> AppResult<Fields> {
    checked_with(db, current, p, None).await
}

/// External ids whose answer to "is it taken?" is known without asking the database: an import reads
/// them for a block of rows in one query (`import::Pending::prefetch`) instead of one probe per row.
#[derive(Debug, Default)]
pub(super) struct KnownIds {
    /// The ids asked about.
    pub checked: HashSet<String>,
    /// Those of them taken, and every id written since the question was asked.
    pub taken: HashSet<String>,
}

/// `checked`, answering the external-id probe of a new record from `known` when it holds the id.
pub(super) async fn checked_with<C: ConnectionTrait>(
    db: &C,
    current: Option<&stakeholders::Model>,
    p: StakeholderPatch,
    known: Option<&KnownIds>,
) -> AppResult<Fields> {
    let mut e = ValidationErrors::new();
    if current.is_some() && p.is_empty() {
        e.add("body", "empty", "names no field to change");
        return Err(e.into());
    }
    let own_id = current.map(|c| c.id);
    let name = match (&p.name, current) {
        (Some(n), _) => e.check("name", required_text(n, 200)),
        (None, Some(c)) => Some(c.name.clone()),
        (None, None) => e.check("name", required_text("", 200)),
    };
    let kind = match (&p.kind, current) {
        (Some(k), _) => e.check("kind", parse_enum::<StakeholderKind>(k.trim())),
        (None, Some(c)) => Some(c.kind.0),
        (None, None) => None,
    };
    let size_class = match (&p.size_class, current) {
        (Some(s), _) => e.check("size_class", parse_enum::<SizeClass>(s.trim())),
        (None, Some(c)) => Some(c.size_class.0),
        (None, None) => None,
    };
    let country = match (&p.country, current) {
        (Some(c), _) => match e.check("country", CountryCode::parse(c)) {
            Some(code) if !checks::country(db, &mut e, "country", code.as_str()).await? => None,
            other => other.map(|c| c.as_str().to_owned()),
        },
        (None, Some(c)) => Some(c.country.clone()),
        (None, None) => None,
    };
    let sector = match (&p.sector, current) {
        (Some(s), _) => checks::required_sector(db, &mut e, "sector", s).await?,
        (None, Some(c)) => Some(c.sector.clone()),
        (None, None) => None,
    };
    let employees = match &p.employees {
        Some(Some(n)) => e.check("employees", parse_employees(*n)).map(Some),
        Some(None) => Some(None),
        None => Some(current.and_then(|c| c.employees)),
    };
    if let (Some(Some(n)), Some(size)) = (employees, size_class) {
        e.check("employees", check_size(size, n.into()));
    }
    let external_id = match &p.external_id {
        Some(v) => match blank_to_none(v.clone()) {
            None => Some(None),
            Some(x) => match e.check("external_id", optional_text(&x, 64)) {
                Some(x) if taken(db, &x, own_id, known).await? => {
                    e.add("external_id", "taken", "another stakeholder already has this external id");
                    None
                }
                other => other.map(Some),
            },
        },
        None => Some(current.and_then(|c| c.external_id.clone())),
    };
    let text = |e: &mut ValidationErrors, field: &str, v: &Option<Option<String>>, old: Option<&String>, max| match v {
        Some(v) => match blank_to_none(v.clone()) {
            None => Some(None),
            Some(x) => e.check(field, optional_text(&x, max)).map(Some),
        },
        None => Some(old.cloned()),
    };
    let contact_name =
        text(&mut e, "contact_name", &p.contact_name, current.and_then(|c| c.contact_name.as_ref()), 200);
    let consent_purpose =
        text(&mut e, "consent_purpose", &p.consent_purpose, current.and_then(|c| c.consent_purpose.as_ref()), 500);
    let contact_email = match &p.contact_email {
        Some(v) => match blank_to_none(v.clone()) {
            None => Some(None),
            Some(x) => e.check("contact_email", Email::parse(&x)).map(|m| Some(m.as_str().to_owned())),
        },
        None => Some(current.and_then(|c| c.contact_email.clone())),
    };
    let contact_phone = match &p.contact_phone {
        Some(v) => match blank_to_none(v.clone()) {
            None => Some(None),
            Some(x) => e.check("contact_phone", parse_phone(&x)).map(Some),
        },
        None => Some(current.and_then(|c| c.contact_phone.clone())),
    };
    let consent_at = match &p.consent_at {
        Some(Some(d)) => e.check("consent_at", check_consent_date(*d, Utc::now().date_naive())).map(Some),
        Some(None) => Some(None),
        None => Some(current.and_then(|c| c.consent_at)),
    };
    let user_id = match &p.user_id {
        Some(Some(u)) => {
            check_user(db, &mut e, *u, own_id).await?;
            Some(Some(*u))
        }
        Some(None) => Some(None),
        None => Some(current.and_then(|c| c.user_id)),
    };
    if let (Some(n), Some(m), Some(ph), Some(cp), Some(ca)) =
        (&contact_name, &contact_email, &contact_phone, &consent_purpose, &consent_at)
    {
        check_consent(&mut e, n.is_some() || m.is_some() || ph.is_some(), cp.is_some(), ca.is_some());
    }
    if current.is_none() {
        for (field, missing) in [("kind", kind.is_none()), ("size_class", size_class.is_none())] {
            if missing && !e.errors().iter().any(|x| x.field == field) {
                e.add(field, "required", "is required");
            }
        }
    }
    let women_led = p.women_led.or(current.map(|c| c.women_led)).unwrap_or(false);
    let exporter = p.exporter.or(current.map(|c| c.exporter)).unwrap_or(false);
    let importer = p.importer.or(current.map(|c| c.importer)).unwrap_or(false);
    match (
        name,
        kind,
        country,
        sector,
        size_class,
        employees,
        external_id,
        contact_name,
        contact_email,
        contact_phone,
        consent_purpose,
        consent_at,
        user_id,
    ) {
        (
            Some(name),
            Some(kind),
            Some(country),
            Some(sector),
            Some(size_class),
            Some(employees),
            Some(external_id),
            Some(contact_name),
            Some(contact_email),
            Some(contact_phone),
            Some(consent_purpose),
            Some(consent_at),
            Some(user_id),
        ) if e.is_empty() => Ok(Fields {
            external_id,
            name,
            kind,
            country,
            sector,
            size_class,
            employees,
            women_led,
            exporter,
            importer,
            contact_name,
            contact_email,
            contact_phone,
            consent_purpose,
            consent_at,
            user_id,
        }),
        _ => Err(e.into()),
    }
}

/// One index probe, written out in SQL: an import runs it for every row, and building the entity's
/// full `SELECT` was a quarter of an import's time (docs/benchmarks.md, "Imports").
/// The probe, or its answer from `known` for a new record (`own` none) whose id it holds.
async fn taken<C: ConnectionTrait>(
    db: &C,
    value: &str,
    own: Option<Uuid>,
    known: Option<&KnownIds>,
) -> AppResult<bool> {
    match known {
        Some(k) if own.is_none() && k.checked.contains(value) => Ok(k.taken.contains(value)),
        _ => external_id_taken(db, value, own).await,
    }
}

/// Which of `values` some stakeholder already has as its external id: one query for a block of rows.
pub(super) async fn external_ids_taken<C: ConnectionTrait>(db: &C, values: &[String]) -> AppResult<HashSet<String>> {
    if values.is_empty() {
        return Ok(HashSet::new());
    }
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        // One JSON parameter instead of one per id: a 500-value `IN` list cost PostgreSQL ~7 ms a
        // block to bind and plan (docs/benchmarks.md, "Imports").
        let list = serde_json::to_string(values).map_err(|e| crate::AppError::Internal(e.into()))?;
        let rows = db
            .query_all(Statement::from_sql_and_values(
                sea_orm::DbBackend::Postgres,
                "SELECT external_id FROM stakeholders WHERE external_id IN (SELECT json_array_elements_text($1::json))",
                [list.into()],
            ))
            .await?;
        return rows.iter().map(|r| r.try_get_by_index::<String>(0).map_err(Into::into)).collect();
    }
    let found: Vec<Option<String>> = stakeholders::Entity::find()
        .select_only()
        .column(stakeholders::Column::ExternalId)
        .filter(stakeholders::Column::ExternalId.is_in(values.iter().cloned()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(found.into_iter().flatten().collect())
}

async fn external_id_taken<C: ConnectionTrait>(db: &C, value: &str, own: Option<Uuid>) -> AppResult<bool> {
    let backend = db.get_database_backend();
    let statement = match own {
        Some(own) => Statement::from_sql_and_values(
            backend,
            "SELECT 1 FROM stakeholders WHERE external_id = $1 AND id <> $2 LIMIT 1",
            [value.into(), own.into()],
        ),
        None => Statement::from_sql_and_values(
            backend,
            "SELECT 1 FROM stakeholders WHERE external_id = $1 LIMIT 1",
            [value.into()],
        ),
    };
    Ok(db.query_one(statement).await?.is_some())
}

/// The linked account must exist, have the `stakeholder` role and be linked to no other stakeholder.
/// The three failures give one and the same answer: a delegate may not list users, so telling them
/// apart would let anyone learn whether a UUID is an account, which role it has, and whether another
/// delegation's firm uses it.
async fn check_user<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    user: Uuid,
    own: Option<Uuid>,
) -> AppResult<()> {
    let account = users::Entity::find_by_id(user).one(db).await?.filter(|u| u.role.0 == Role::Stakeholder);
    let mut q = stakeholders::Entity::find().filter(stakeholders::Column::UserId.eq(user));
    if let Some(own) = own {
        q = q.filter(stakeholders::Column::Id.ne(own));
    }
    if account.is_none() || q.one(db).await?.is_some() {
        e.add("user_id", "unknown", USER_UNKNOWN);
    }
    Ok(())
}

/// The one answer for a linked account that cannot be linked, whatever the reason (see `check_user`).
pub(super) const USER_UNKNOWN: &str = "names no stakeholder account that can be linked";

impl Fields {
    /// The record as `{field: value}` for comparing and auditing (contacts included; see `changes`).
    fn values(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("external_id", json!(self.external_id)),
            ("name", json!(self.name)),
            ("kind", json!(self.kind.as_str())),
            ("country", json!(self.country)),
            ("sector", json!(self.sector)),
            ("size_class", json!(self.size_class.as_str())),
            ("employees", json!(self.employees)),
            ("women_led", json!(self.women_led)),
            ("exporter", json!(self.exporter)),
            ("importer", json!(self.importer)),
            ("contact_name", json!(self.contact_name)),
            ("contact_email", json!(self.contact_email)),
            ("contact_phone", json!(self.contact_phone)),
            ("consent_purpose", json!(self.consent_purpose)),
            ("consent_at", json!(self.consent_at)),
            ("user_id", json!(self.user_id)),
        ]
    }

    pub(super) fn of(m: &stakeholders::Model) -> Fields {
        Fields {
            external_id: m.external_id.clone(),
            name: m.name.clone(),
            kind: m.kind.0,
            country: m.country.clone(),
            sector: m.sector.clone(),
            size_class: m.size_class.0,
            employees: m.employees,
            women_led: m.women_led,
            exporter: m.exporter,
            importer: m.importer,
            contact_name: m.contact_name.clone(),
            contact_email: m.contact_email.clone(),
            contact_phone: m.contact_phone.clone(),
            consent_purpose: m.consent_purpose.clone(),
            consent_at: m.consent_at,
            user_id: m.user_id,
        }
    }
}

/// The audit `changes`: for a create (`before` = `None`) the values set, for an update `{field: {from,
/// to}}` of what changed. Contact values never appear: a changed contact field is noted as
/// `"[redacted]"`.
pub(super) fn changes(before: Option<&Fields>, after: &Fields) -> Value {
    let redact =
        |field: &str, v: Value| if CONTACT_FIELDS.contains(&field) && !v.is_null() { json!("[redacted]") } else { v };
    let mut out = Map::new();
    let old: Option<Vec<(&str, Value)>> = before.map(Fields::values);
    for (i, (field, to)) in after.values().into_iter().enumerate() {
        match &old {
            None if !to.is_null() => {
                out.insert(field.to_owned(), redact(field, to));
            }
            None => {}
            Some(old) => {
                // `values()` lists the same fields in the same order for every `Fields`.
                let from = old.get(i).map_or(Value::Null, |(_, v)| v.clone());
                if from != to {
                    out.insert(field.to_owned(), json!({"from": redact(field, from), "to": redact(field, to)}));
                }
            }
        }
    }
    Value::Object(out)
}
