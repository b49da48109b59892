//! The anonymised responses, row by row — for a consultation's owners only
//! (`policy::reads_response_rows`): a page of them, and all of them as CSV.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use gmc_domain::consultation::{Question, QuestionKind};
use gmc_domain::ids::DelegationId;
use gmc_domain::page::Limit;
use gmc_domain::policy::reads_response_rows;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::{json, Value};
use uuid::Uuid;

use super::export::{finish, write_safe};
use crate::cursor::{self, Cursor, Page};
use crate::entities::{answers, consultations, responses};
use crate::services::consultations::{find_readable, questions_of};
use crate::AppResult;

/// One anonymised response: no stakeholder, only the profile and the answers by question code.
#[derive(Debug, Clone)]
pub struct ResponseRecord {
    pub id: Uuid,
    pub submitted_at: DateTime<Utc>,
    pub channel: String,
    pub lang: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    pub answers: serde_json::Map<String, Value>,
}

/// A stored number as JSON: whole numbers without a fraction (`5`, not `5.0`).
fn number(v: f64) -> Value {
    crate::services::consultations::counts::whole(v).map_or(Value::from(v), Value::from)
}

/// A consultation whose responses the actor may read row by row: its owners only
/// (`policy::reads_response_rows`). A reader of the consultation who is not an owner is refused (it
/// already knows the consultation exists); one who may not read it gets "not found".
async fn find_rows_readable(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<consultations::Model> {
    let row = find_readable(db, actor, id).await?;
    if !reads_response_rows(actor, row.delegation_id.map(DelegationId::from_uuid)) {
        return Err(crate::AppError::Forbidden);
    }
    Ok(row)
}

/// The anonymised responses, newest first, with their answers: for the consultation's owners only.
pub async fn responses_page(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> AppResult<Page<ResponseRecord>> {
    let row = find_rows_readable(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(limit));
    let cursor = e.check("cursor", cursor::parse(cursor));
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    let questions = questions_of(&row)?;
    let mut q = responses::Entity::find()
        .filter(responses::Column::ConsultationId.eq(row.id))
        .order_by_desc(responses::Column::Id);
    if let Some(c) = cursor {
        q = q.filter(responses::Column::Id.lt(c.id));
    }
    let rows = q.limit(limit.get() + 1).all(db).await?;
    let more = rows.len() as u64 > limit.get();
    let rows: Vec<responses::Model> = rows.into_iter().take(limit.get() as usize).collect();
    let items = records(db, &questions, rows).await?;
    let next_cursor =
        if more { items.last().map(|r| Cursor { k: None, id: r.id, s: String::new() }.encode()) } else { None };
    Ok(Page { items, next_cursor, total: None })
}

async fn records(
    db: &DatabaseConnection,
    questions: &[Question],
    rows: Vec<responses::Model>,
) -> AppResult<Vec<ResponseRecord>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut by_response: HashMap<Uuid, Vec<answers::Model>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for a in answers::Entity::find()
            .filter(answers::Column::ResponseId.is_in(chunk.to_vec()))
            .order_by_asc(answers::Column::Id)
            .all(db)
            .await?
        {
            by_response.entry(a.response_id).or_default().push(a);
        }
    }
    let kinds: HashMap<&str, QuestionKind> = questions.iter().map(|q| (q.code.as_str(), q.kind)).collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut map = serde_json::Map::new();
            for a in by_response.remove(&r.id).unwrap_or_default() {
                let v = match kinds.get(a.question.as_str()) {
                    Some(QuestionKind::MultiChoice) => {
                        let entry = map.entry(a.question.clone()).or_insert_with(|| json!([]));
                        if let (Some(list), Some(c)) = (entry.as_array_mut(), a.choice) {
                            list.push(json!(c));
                        }
                        continue;
                    }
                    _ => a.choice.map(Value::from).or(a.value.map(number)).or(a.text.map(Value::from)),
                };
                map.insert(a.question, v.unwrap_or(Value::Null));
            }
            ResponseRecord {
                id: r.id,
                submitted_at: r.submitted_at,
                channel: r.channel,
                lang: r.lang,
                country: r.country,
                sector: r.sector,
                size_class: r.size_class,
                women_led: r.women_led,
                answers: map,
            }
        })
        .collect())
}

/// Every response, anonymised, as CSV: one column per question (multi-choice ids joined by `;`). For
/// the consultation's owners only.
pub async fn responses_csv(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<String> {
    let row = find_rows_readable(db, actor, id).await?;
    let questions = questions_of(&row)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> =
        ["response_id", "submitted_at", "channel", "lang", "country", "sector", "size_class", "women_led"]
            .map(String::from)
            .to_vec();
    header.extend(questions.iter().map(|q| q.code.clone()));
    write_safe(&mut w, &header)?;
    let mut after: Option<Uuid> = None;
    loop {
        let mut q = responses::Entity::find()
            .filter(responses::Column::ConsultationId.eq(row.id))
            .order_by_asc(responses::Column::Id);
        if let Some(a) = after {
            q = q.filter(responses::Column::Id.gt(a));
        }
        let batch = q.limit(2000).all(db).await?;
        let Some(last) = batch.last().map(|r| r.id) else { break };
        after = Some(last);
        for r in records(db, &questions, batch).await? {
            let mut rec = vec![
                r.id.to_string(),
                r.submitted_at.to_rfc3339(),
                r.channel,
                r.lang,
                r.country.unwrap_or_default(),
                r.sector.unwrap_or_default(),
                r.size_class.unwrap_or_default(),
                r.women_led.map(|b| b.to_string()).unwrap_or_default(),
            ];
            for q in &questions {
                rec.push(match r.answers.get(&q.code) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(";"),
                    Some(v) => v.to_string(),
                });
            }
            write_safe(&mut w, &rec)?;
        }
    }
    finish(w)
}
