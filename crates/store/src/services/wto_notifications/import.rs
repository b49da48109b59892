//! One row of a WTO notification file (an ePing export, or the same fields as JSON): checked, then
//! added — or, with `mode=upsert`, written over the notification with the same symbol. The runner holds
//! the transaction and the one audit event; the notifications written are matched when the batch is
//! flushed (`matching`), still inside that transaction.

use chrono::{NaiveDate, Utc};
use gmc_domain::error::FieldProblem;
use gmc_domain::import::RowOutcome;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::wto::{parse_hs_codes, parse_symbol};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use super::member;
use crate::entities::wto_notifications;
use crate::AppResult;

const TITLE_MAX: usize = 1000;
const TEXT_MAX: usize = 8000;

/// HS codes as one text cell, or (in JSON) a list.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum HsCell {
    Text(String),
    List(Vec<String>),
}

/// The columns of a notification file (`imports::kinds::WTO_NOTIFICATIONS`, ePing's names accepted).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WtoRow {
    #[serde(default)]
    symbol: String,
    #[serde(default)]
    notifying_member: String,
    #[serde(default)]
    distributed_on: String,
    hs_codes: Option<HsCell>,
    products: Option<String>,
    objective: Option<String>,
    #[serde(default)]
    title: String,
    comment_deadline: Option<String>,
}

/// The notifications an import has written so far, to match once its rows are all in.
#[derive(Debug, Default)]
pub(crate) struct Written {
    pub(crate) ids: Vec<Uuid>,
}

pub(crate) fn parse(body: Value) -> AppResult<WtoRow> {
    serde_json::from_value(body).map_err(|e| ValidationErrors::single("row", "invalid_format", e.to_string()).into())
}

/// A date as ePing and spreadsheets write it: `2026-11-20`, `20/11/2026`, `20.11.2026`, with or
/// without a time after it.
fn date(text: &str) -> Result<NaiveDate, FieldProblem> {
    let day = text.trim().split(['T', ' ']).next().unwrap_or_default();
    ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(day, f).ok())
        .ok_or_else(|| FieldProblem::new("invalid_format", "must be a date, YYYY-MM-DD (or DD/MM/YYYY)"))
}

fn text(e: &mut ValidationErrors, field: &str, value: Option<String>, max: usize, required: bool) -> String {
    let v = value.map(|s| s.trim().to_owned()).unwrap_or_default();
    if required && v.is_empty() {
        e.add(field, "required", "is required");
    } else if v.chars().count() > max {
        e.add(field, "too_long", format!("must be at most {max} characters"));
    }
    v
}

/// Writes one row on `db` (the import's transaction). A refused row answers `AppError::Validation`
/// naming its columns, with the API's codes.
pub(crate) async fn write_row<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    upsert: bool,
    row: WtoRow,
    written: &mut Written,
) -> AppResult<RowOutcome> {
    authorize(actor, Operation::ImportWtoNotifications)?;
    let mut e = ValidationErrors::new();
    let symbol = e.check("symbol", parse_symbol(&row.symbol));
    let member = member::resolve(db, &mut e, "notifying_member", &row.notifying_member).await?;
    let distributed_on = match row.distributed_on.trim() {
        "" => {
            e.add("distributed_on", "required", "is required");
            None
        }
        t => e.check("distributed_on", date(t)),
    };
    let deadline = match row.comment_deadline.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(t) => e.check("comment_deadline", date(t)).map(Some),
    };
    let hs = match row.hs_codes {
        None => Some(Vec::new()),
        Some(HsCell::Text(t)) => e.check("hs_codes", parse_hs_codes(&t)),
        Some(HsCell::List(l)) => e.check("hs_codes", parse_hs_codes(&l.join(";"))),
    };
    let title = text(&mut e, "title", Some(row.title), TITLE_MAX, true);
    let products = text(&mut e, "products", row.products, TEXT_MAX, false);
    let objective = text(&mut e, "objective", row.objective, TEXT_MAX, false);
    let current = match &symbol {
        Some((s, _)) => {
            wto_notifications::Entity::find().filter(wto_notifications::Column::Symbol.eq(s.as_str())).one(db).await?
        }
        None => None,
    };
    if current.is_some() && !upsert {
        e.add("symbol", "taken", "a notification with this symbol is already imported; use mode=upsert to change it");
    }
    e.finish()?;
    let (Some((symbol, agreement)), Some(member), Some(distributed_on), Some(deadline), Some(hs)) =
        (symbol, member, distributed_on, deadline, hs)
    else {
        // Every `None` above added its problem, so `finish` has already answered; kept total all the same.
        return Err(ValidationErrors::single("row", "invalid", "is not a notification").into());
    };
    let now = Utc::now();
    let mut m = wto_notifications::ActiveModel {
        symbol: Set(symbol),
        agreement: Set(agreement.into()),
        notifying_member: Set(member),
        distributed_on: Set(distributed_on),
        hs_codes: Set(hs.join(" ")),
        products: Set(products),
        objective: Set(objective),
        title: Set(title),
        comment_deadline: Set(deadline),
        imported_by: Set(Some(actor.user_id.as_uuid())),
        updated_at: Set(now),
        ..Default::default()
    };
    let (id, outcome) = match current {
        Some(c) => {
            m.id = Set(c.id);
            m.update(db).await?;
            (c.id, RowOutcome::Updated)
        }
        None => {
            let id = Uuid::now_v7();
            m.id = Set(id);
            m.created_at = Set(now);
            m.insert(db).await?;
            (id, RowOutcome::Inserted)
        }
    };
    written.ids.push(id);
    Ok(outcome)
}
