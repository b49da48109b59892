//! The trace (issue 9): an impediment's way from a firm's report to Geneva — reported, validated,
//! tagged with topics, cited by prep items, raised, decided — and a prep item's evidence chain back to
//! the firms, in aggregate. Each part holds only what the caller may read: the prep items citing an
//! impediment go through the prep items' read rule, the evidence through its targets' rules.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use gmc_domain::consultation::Question;
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::policy::{authorize, sees_small_cells, Operation};
use gmc_domain::prep::{EvidenceKind, PrepStatus};
use gmc_domain::Actor;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::strength;
use super::targets::{links_of, Readable};
pub use super::trace_views::{
    ImpedimentTrace, PrepItemTrace, TraceImpediment, TraceOutcome, TraceOwner, TracePrepItem, TraceQuestion, TraceStep,
    TraceTopic,
};
use crate::entities::{
    coalitions, delegations, evidence_links, impediment_steps, impediment_topics, impediments, ministerials,
    prep_item_steps, prep_items, topics,
};
use crate::services::access::find_readable;
use crate::services::consultations::results::Cell;
use crate::AppResult;

async fn topics_of<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> AppResult<HashMap<Uuid, Vec<TraceTopic>>> {
    let links = impediment_topics::Entity::find()
        .filter(impediment_topics::Column::ImpedimentId.is_in(ids.to_vec()))
        .all(db)
        .await?;
    let topic_ids: Vec<Uuid> = links.iter().map(|l| l.topic_id).collect();
    let rows: HashMap<Uuid, topics::Model> = topics::Entity::find()
        .filter(topics::Column::Id.is_in(topic_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let mut out: HashMap<Uuid, Vec<TraceTopic>> = HashMap::new();
    for l in links {
        if let Some(t) = rows.get(&l.topic_id) {
            out.entry(l.impediment_id).or_default().push(TraceTopic {
                id: t.id,
                code: t.code.clone(),
                title: t.title.clone(),
            });
        }
    }
    for v in out.values_mut() {
        v.sort_by(|a, b| a.code.cmp(&b.code));
    }
    Ok(out)
}

async fn traced_impediments<C: ConnectionTrait>(
    db: &C,
    rows: Vec<impediments::Model>,
) -> AppResult<Vec<TraceImpediment>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut topics = topics_of(db, &ids).await?;
    let validated: Vec<(Uuid, DateTime<Utc>)> = impediment_steps::Entity::find()
        .select_only()
        .column(impediment_steps::Column::ImpedimentId)
        .column(impediment_steps::Column::At)
        .filter(impediment_steps::Column::ImpedimentId.is_in(ids))
        .filter(impediment_steps::Column::ToStatus.eq(ImpedimentStatus::Validated.as_str()))
        .order_by_desc(impediment_steps::Column::At)
        .into_tuple()
        .all(db)
        .await?;
    // Descending, so the last insert per impediment is its first validation.
    let validated: HashMap<Uuid, DateTime<Utc>> = validated.into_iter().collect();
    Ok(rows
        .into_iter()
        .map(|r| TraceImpediment {
            topics: topics.remove(&r.id).unwrap_or_default(),
            validated_at: validated.get(&r.id).copied(),
            id: r.id,
            title: r.title,
            status: r.status.0,
            severity: r.severity,
            reporting_country: r.reporting_country,
            partner: r.partner,
            reported_at: r.created_at,
            raised_body: r.raised_body,
            raised_on: r.raised_on,
        })
        .collect())
}

async fn traced_items<C: ConnectionTrait>(db: &C, rows: Vec<prep_items::Model>) -> AppResult<Vec<TracePrepItem>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let ministerials: HashMap<Uuid, ministerials::Model> = ministerials::Entity::find()
        .filter(ministerials::Column::Id.is_in(rows.iter().map(|r| r.ministerial_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let delegations: HashMap<Uuid, delegations::Model> = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(rows.iter().filter_map(|r| r.delegation_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let coalitions: HashMap<Uuid, coalitions::Model> = coalitions::Entity::find()
        .filter(coalitions::Column::Id.is_in(rows.iter().filter_map(|r| r.coalition_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let tabled: HashMap<Uuid, DateTime<Utc>> = prep_item_steps::Entity::find()
        .select_only()
        .column(prep_item_steps::Column::PrepItemId)
        .column(prep_item_steps::Column::At)
        .filter(prep_item_steps::Column::PrepItemId.is_in(ids))
        .filter(prep_item_steps::Column::ToStatus.eq(PrepStatus::Tabled.as_str()))
        .order_by_asc(prep_item_steps::Column::At)
        .into_tuple::<(Uuid, DateTime<Utc>)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let owner = match (
                r.delegation_id.and_then(|d| delegations.get(&d)),
                r.coalition_id.and_then(|c| coalitions.get(&c)),
            ) {
                (Some(d), _) => TraceOwner {
                    kind: "delegation".into(),
                    id: d.id,
                    name: d.name.clone(),
                    code: d.country_code.clone(),
                },
                (None, Some(c)) => {
                    TraceOwner { kind: "coalition".into(), id: c.id, name: c.name.clone(), code: c.code.clone() }
                }
                (None, None) => {
                    TraceOwner { kind: "delegation".into(), id: Uuid::nil(), name: String::new(), code: String::new() }
                }
            };
            let m = ministerials.get(&r.ministerial_id);
            let has_outcome = r.outcome_text.is_some() || r.outcome_date.is_some() || r.outcome_body.is_some();
            TracePrepItem {
                id: r.id,
                kind: r.kind.0,
                status: r.status.0,
                ministerial_code: m.map(|m| m.code.clone()).unwrap_or_default(),
                ministerial_name: m.map(|m| m.name.clone()).unwrap_or_default(),
                owner,
                tabled_at: tabled.get(&r.id).copied(),
                outcome: has_outcome.then_some(TraceOutcome {
                    text: r.outcome_text,
                    date: r.outcome_date,
                    body: r.outcome_body,
                }),
                title: r.title,
            }
        })
        .collect())
}

pub async fn impediment(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<ImpedimentTrace> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: impediments::Model = find_readable(db, actor, id).await?;
    let steps = impediment_steps::Entity::find()
        .filter(impediment_steps::Column::ImpedimentId.eq(id))
        .order_by_asc(impediment_steps::Column::At)
        .all(db)
        .await?
        .into_iter()
        .map(|s| TraceStep { from: s.from_status.map(|f| f.0), to: s.to_status.0, at: s.at })
        .collect();
    let citing = Query::select()
        .column(evidence_links::Column::PrepItemId)
        .from(evidence_links::Entity)
        .and_where(Expr::col(evidence_links::Column::TargetKind).eq(EvidenceKind::Impediment.as_str()))
        .and_where(Expr::col(evidence_links::Column::TargetId).eq(id))
        .to_owned();
    let items = prep_items::Entity::find()
        .filter(prep_items::Column::Id.in_subquery(citing))
        .filter(super::read_condition(actor))
        .order_by_asc(prep_items::Column::CreatedAt)
        .all(db)
        .await?;
    let impediment = traced_impediments(db, vec![row]).await?.pop().ok_or(crate::AppError::NotFound("impediment"))?;
    Ok(ImpedimentTrace { impediment, steps, prep_items: traced_items(db, items).await? })
}

pub async fn prep_item(db: &DatabaseConnection, actor: &Actor, id: Uuid, k: i64) -> AppResult<PrepItemTrace> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let item: prep_items::Model = find_readable(db, actor, id).await?;
    let links = links_of(db, item.id).await?;
    let readable = Readable::of(db, actor, &links).await?;
    let mut imps: Vec<impediments::Model> = Vec::new();
    let mut questions: Vec<(Uuid, String, String, String)> = Vec::new();
    for l in links.iter().filter(|l| readable.shows(l)) {
        if let Some(i) = readable.impediments.get(&l.target_id) {
            if !imps.iter().any(|x| x.id == i.id) {
                imps.push(i.clone());
            }
        } else if let Some((c, q)) = readable.question(l) {
            if !questions.iter().any(|(cid, code, ..)| *cid == c.id && *code == q.code) {
                questions.push((c.id, q.code.clone(), c.title.clone(), Question::text_in(&q.prompt, "en")));
            }
        }
    }
    let answered = strength::answered(db, questions.iter().map(|q| q.0)).await?;
    let sees_all = sees_small_cells(actor);
    let questions = questions
        .into_iter()
        .map(|(consultation_id, question_code, consultation_title, prompt)| {
            let n = answered.get(&(consultation_id, question_code.clone())).copied().unwrap_or(0);
            let hide = !sees_all && n < k;
            TraceQuestion {
                consultation_id,
                consultation_title,
                prompt,
                answered: Cell { count: (!hide).then_some(n), withheld: hide, below_k: n < k },
                question_code,
            }
        })
        .collect();
    let strength = strength::for_prep_item(db, actor, id, k).await?;
    let prep_item = traced_items(db, vec![item]).await?.pop().ok_or(crate::AppError::NotFound("prep item"))?;
    Ok(PrepItemTrace { prep_item, impediments: traced_impediments(db, imps).await?, questions, strength })
}
