//! Checking an impediment's fields: shapes through domain types, references (countries, NTM chapters,
//! topics) against the database, every problem named by field.

use gmc_domain::error::{parse_enum, required_text, FieldProblem};
use gmc_domain::impediment::{
    parse_currency, parse_partner, parse_severity, Frequency, HsCode, ImpedimentSource, NtmCode,
};
use gmc_domain::patch::double_option;
use gmc_domain::{ValidationErrors, Visibility};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, IntoActiveModel};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::entities::impediments;
use crate::services::reference_checks as checks;
use crate::AppResult;

// The body of `POST /impediments` (plain comments here: a doc comment would become the schema's
// description). Enum-valued fields arrive as text so that a bad value is a 422 naming the field (checked
// below), not a 400 from the JSON reader.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateImpedimentRequest))]
pub struct ImpedimentInput {
    /// Admins name the delegation; members default to (and may only use) their own.
    pub delegation_id: Option<Uuid>,
    /// Default `delegation`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "BGD"))]
    pub reporting_country: String,
    #[cfg_attr(feature = "openapi", schema(example = "EU"))]
    pub partner: String,
    #[cfg_attr(feature = "openapi", schema(example = "0306"))]
    pub hs_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "A14"))]
    pub ntm_code: String,
    pub title: String,
    pub description: String,
    pub severity: i64,
    /// Default `occasional`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Frequency>))]
    pub frequency: Option<String>,
    pub estimated_cost: Option<f64>,
    pub currency: Option<String>,
    /// Default `staff`; `response` or `stakeholder` when linked.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ImpedimentSource>))]
    pub source: Option<String>,
    #[serde(default)]
    pub topic_ids: Vec<Uuid>,
    /// ISIC Rev.4 section of the firms affected (default: the linked response's or stakeholder's).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schemas::IsicSection>))]
    pub sector: Option<String>,
    /// The stakeholder who reported it (one the caller may read).
    pub stakeholder_id: Option<Uuid>,
    /// The consultation response it comes from (one the caller may read).
    pub response_id: Option<Uuid>,
}

/// Fields to change; absent fields stay; `null` clears `hs_code`, `estimated_cost`, `currency`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateImpedimentRequest))]
pub struct ImpedimentPatch {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
    pub partner: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub hs_code: Option<Option<String>>,
    pub ntm_code: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub severity: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Frequency>))]
    pub frequency: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<f64>, nullable))]
    pub estimated_cost: Option<Option<f64>>,
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub currency: Option<Option<String>>,
    /// Replaces the topics.
    pub topic_ids: Option<Vec<Uuid>>,
}

pub(super) struct Checked {
    pub visibility: Option<Visibility>,
    pub reporting_country: String,
    pub partner: String,
    pub hs_code: Option<String>,
    pub ntm: NtmCode,
    pub title: String,
    pub description: String,
    pub severity: i16,
    pub frequency: Frequency,
    pub estimated_cost: Option<f64>,
    pub currency: Option<String>,
    pub source: Option<ImpedimentSource>,
    pub topic_ids: Vec<Uuid>,
    pub sector: Option<String>,
}

#[derive(Default)]
struct CheckedPatch {
    pub visibility: Option<Visibility>,
    pub partner: Option<String>,
    pub hs_code: Option<Option<String>>,
    pub ntm: Option<NtmCode>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub severity: Option<i16>,
    pub frequency: Option<Frequency>,
    pub estimated_cost: Option<Option<f64>>,
    pub currency: Option<Option<String>>,
    pub topic_ids: Option<Vec<Uuid>>,
}

const DESCRIPTION_MAX: usize = 8000;

fn cost(value: f64) -> Result<f64, FieldProblem> {
    if value.is_finite() && (0.0..=1e13).contains(&value) {
        Ok(value)
    } else {
        Err(FieldProblem::new("out_of_range", "must be a non-negative amount"))
    }
}

pub(super) async fn checked<C: ConnectionTrait>(db: &C, i: &ImpedimentInput) -> AppResult<Checked> {
    let mut e = ValidationErrors::new();
    let visibility = i.visibility.as_deref().and_then(|v| e.check("visibility", parse_enum::<Visibility>(v)));
    let reporting_country =
        e.check("reporting_country", gmc_domain::reference::CountryCode::parse(&i.reporting_country));
    if let Some(c) = &reporting_country {
        checks::country(db, &mut e, "reporting_country", c.as_str()).await?;
    }
    let partner = e.check("partner", parse_partner(&i.partner));
    if let Some(p) = &partner {
        checks::partner(db, &mut e, "partner", p).await?;
    }
    let hs_code =
        i.hs_code.as_deref().filter(|h| !h.trim().is_empty()).and_then(|h| e.check("hs_code", HsCode::parse(h)));
    let ntm = e.check("ntm_code", NtmCode::parse(&i.ntm_code));
    if let Some(n) = &ntm {
        checks::ntm_code(db, &mut e, "ntm_code", n).await?;
    }
    let title = e.check("title", required_text(&i.title, 200));
    let description = e.check("description", required_text(&i.description, DESCRIPTION_MAX));
    let severity = e.check("severity", parse_severity(i.severity));
    let frequency = e.check("frequency", parse_enum::<Frequency>(i.frequency.as_deref().unwrap_or("occasional")));
    let estimated_cost = i.estimated_cost.and_then(|c| e.check("estimated_cost", cost(c)));
    let currency = i.currency.as_deref().and_then(|c| e.check("currency", parse_currency(c)));
    if i.estimated_cost.is_some() != i.currency.is_some() {
        e.add("currency", "required_together", "estimated_cost and currency go together");
    }
    let source = i.source.as_deref().and_then(|s| e.check("source", parse_enum::<ImpedimentSource>(s)));
    let topic_ids = checks::topic_ids(db, &mut e, "topic_ids", &i.topic_ids).await?;
    let sector = match i.sector.as_deref() {
        Some(s) => checks::sector(db, &mut e, "sector", s).await?,
        None => None,
    };
    match (reporting_country, partner, ntm, title, description, severity, frequency) {
        (Some(rc), Some(partner), Some(ntm), Some(title), Some(description), Some(severity), Some(frequency))
            if e.is_empty() =>
        {
            Ok(Checked {
                visibility,
                reporting_country: rc.as_str().to_owned(),
                partner,
                hs_code: hs_code.map(|h| h.as_str().to_owned()),
                ntm,
                title,
                description,
                severity,
                frequency,
                estimated_cost,
                currency,
                source,
                topic_ids,
                sector,
            })
        }
        _ => Err(e.into()),
    }
}

/// The topics a patch sets, when it names them: they live in a link table, not in the row.
pub(super) type NewTopics = Option<Vec<Uuid>>;

/// Checks a patch against the current row; returns the active model to save, the audit changes, and
/// the topics to set.
pub(super) async fn patched(
    db: &DatabaseConnection,
    current: &impediments::Model,
    p: &ImpedimentPatch,
) -> AppResult<(impediments::ActiveModel, Value, NewTopics)> {
    let c = checked_patch(db, current, p).await?;
    let mut m = current.clone().into_active_model();
    let changes = apply(current, &c, &mut m);
    Ok((m, changes, c.topic_ids))
}

async fn checked_patch(
    db: &DatabaseConnection,
    current: &impediments::Model,
    p: &ImpedimentPatch,
) -> AppResult<CheckedPatch> {
    let mut e = ValidationErrors::new();
    let mut c = CheckedPatch {
        visibility: p.visibility.as_deref().and_then(|v| e.check("visibility", parse_enum(v))),
        title: p.title.as_deref().and_then(|t| e.check("title", required_text(t, 200))),
        description: p.description.as_deref().and_then(|d| e.check("description", required_text(d, DESCRIPTION_MAX))),
        severity: p.severity.and_then(|s| e.check("severity", parse_severity(s))),
        frequency: p.frequency.as_deref().and_then(|f| e.check("frequency", parse_enum(f))),
        ..Default::default()
    };
    if let Some(partner) = p.partner.as_deref().and_then(|v| e.check("partner", parse_partner(v))) {
        checks::partner(db, &mut e, "partner", &partner).await?;
        c.partner = Some(partner);
    }
    if let Some(hs) = &p.hs_code {
        c.hs_code = match hs.as_deref().filter(|h| !h.trim().is_empty()) {
            None => Some(None),
            Some(h) => e.check("hs_code", HsCode::parse(h)).map(|h| Some(h.as_str().to_owned())),
        };
    }
    if let Some(ntm) = p.ntm_code.as_deref().and_then(|n| e.check("ntm_code", NtmCode::parse(n))) {
        checks::ntm_code(db, &mut e, "ntm_code", &ntm).await?;
        c.ntm = Some(ntm);
    }
    if let Some(cost_value) = &p.estimated_cost {
        c.estimated_cost = match cost_value {
            None => Some(None),
            Some(v) => e.check("estimated_cost", cost(*v)).map(Some),
        };
    }
    if let Some(currency) = &p.currency {
        c.currency = match currency {
            None => Some(None),
            Some(v) => e.check("currency", parse_currency(v)).map(Some),
        };
    }
    let final_cost = c.estimated_cost.unwrap_or(current.estimated_cost);
    let final_currency = c.currency.clone().unwrap_or(current.currency.clone());
    if final_cost.is_some() != final_currency.is_some() {
        e.add("currency", "required_together", "estimated_cost and currency go together");
    }
    if let Some(ids) = &p.topic_ids {
        c.topic_ids = Some(checks::topic_ids(db, &mut e, "topic_ids", ids).await?);
    }
    let empty = p.visibility.is_none()
        && p.partner.is_none()
        && p.hs_code.is_none()
        && p.ntm_code.is_none()
        && p.title.is_none()
        && p.description.is_none()
        && p.severity.is_none()
        && p.frequency.is_none()
        && p.estimated_cost.is_none()
        && p.currency.is_none()
        && p.topic_ids.is_none();
    if empty {
        e.add("body", "empty", "names no field to change");
    }
    e.finish()?;
    Ok(c)
}

/// Writes the checked changes into the active model and returns `{field: {from, to}}` for the audit.
fn apply(current: &impediments::Model, c: &CheckedPatch, m: &mut impediments::ActiveModel) -> Value {
    let mut changes = Map::new();
    let mut note = |field: &str, from: Value, to: Value| {
        changes.insert(field.to_owned(), json!({"from": from, "to": to}));
    };
    if let Some(v) = c.visibility {
        note("visibility", json!(current.visibility), json!(v.as_str()));
        m.visibility = Set(v.into());
    }
    if let Some(v) = &c.partner {
        note("partner", json!(current.partner), json!(v));
        m.partner = Set(v.clone());
    }
    if let Some(v) = &c.hs_code {
        note("hs_code", json!(current.hs_code), json!(v));
        m.hs_code = Set(v.clone());
    }
    if let Some(v) = &c.ntm {
        note("ntm_code", json!(current.ntm_code), json!(v.code()));
        m.ntm_code = Set(v.code().to_owned());
        m.ntm_chapter = Set(v.chapter().to_owned());
    }
    if let Some(v) = &c.title {
        note("title", json!(current.title), json!(v));
        m.title = Set(v.clone());
    }
    if let Some(v) = &c.description {
        note("description", json!(current.description), json!(v));
        m.description = Set(v.clone());
    }
    if let Some(v) = c.severity {
        note("severity", json!(current.severity), json!(v));
        m.severity = Set(v);
    }
    if let Some(v) = c.frequency {
        note("frequency", json!(current.frequency), json!(v.as_str()));
        m.frequency = Set(v.into());
    }
    if let Some(v) = c.estimated_cost {
        note("estimated_cost", json!(current.estimated_cost), json!(v));
        m.estimated_cost = Set(v);
    }
    if let Some(v) = &c.currency {
        note("currency", json!(current.currency), json!(v));
        m.currency = Set(v.clone());
    }
    if let Some(v) = &c.topic_ids {
        note("topic_ids", Value::Null, json!(v));
    }
    Value::Object(changes)
}
