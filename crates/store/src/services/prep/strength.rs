//! Evidence strength (issue 9): how many distinct firms stand behind a prep item or a topic, from
//! where, of what kind, and how severe and recent their problems are — every count under the
//! small-cell rule of the consultations (`docs/alignment.md`, "Evidence strength").
//!
//! The figures form one table of counts tied by equations — firms = stakeholders + respondents =
//! women-led + not + unknown; impediments = the five severities = recent + older — protected by
//! `gmc_domain::disclosure::Table`: below k withheld, then complementary cells, then an audit that
//! no withheld count follows from the shown ones (a total minus its shown parts). A consultation
//! question contributes its respondents only when at least k answered it, so adding or removing one
//! link never moves the respondents by fewer than k.

use std::collections::{HashMap, HashSet};

use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::policy::{authorize, sees_small_cells, Operation};
use gmc_domain::Actor;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::strength_figures::{figures, Profile};
pub use super::strength_figures::{EvidenceStrength, SeverityCell};
use super::targets::{links_of, Readable};
use crate::entities::{
    answer_counts, answers, consultations, impediment_topics, impediments, prep_items, responses, stakeholders,
};
use crate::services::access::find_readable;
use crate::services::consultations::questions_of;
use crate::services::visibility::read_condition;
use crate::AppResult;

/// What the figures are computed from.
#[derive(Default)]
struct Sources {
    impediments: Vec<impediments::Model>,
    /// (consultation, question code) pairs whose respondents count.
    questions: Vec<(Uuid, String)>,
}

pub async fn for_prep_item(db: &DatabaseConnection, actor: &Actor, id: Uuid, k: i64) -> AppResult<EvidenceStrength> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let item: prep_items::Model = find_readable(db, actor, id).await?;
    let links = links_of(db, item.id).await?;
    let readable = Readable::of(db, actor, &links).await?;
    let mut sources = Sources::default();
    let mut seen = HashSet::new();
    for l in links.iter().filter(|l| readable.shows(l)) {
        if let Some(i) = readable.impediments.get(&l.target_id) {
            if seen.insert(i.id) {
                sources.impediments.push(i.clone());
            }
        } else if let Some((c, q)) = readable.question(l) {
            sources.questions.push((c.id, q.code.clone()));
        }
    }
    compute(db, actor, sources, k).await
}

/// Over a topic: the validated impediments tagged with it and the answers to questions tagged with
/// it, of every owner, as far as the caller may read them.
pub async fn for_topic(db: &DatabaseConnection, actor: &Actor, topic: Uuid, k: i64) -> AppResult<EvidenceStrength> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let tagged = Query::select()
        .column(impediment_topics::Column::ImpedimentId)
        .from(impediment_topics::Entity)
        .and_where(Expr::col(impediment_topics::Column::TopicId).eq(topic))
        .to_owned();
    let impediments = impediments::Entity::find()
        .filter(impediments::Column::Id.in_subquery(tagged))
        .filter(impediments::Column::Status.is_in(VALIDATED.iter().map(|s| s.as_str())))
        .filter(read_condition(actor, impediments::Column::Visibility, impediments::Column::DelegationId))
        .all(db)
        .await?;
    let consultations = consultations::Entity::find()
        .filter(read_condition(actor, consultations::Column::Visibility, consultations::Column::DelegationId))
        .all(db)
        .await?;
    let mut questions = Vec::new();
    for c in &consultations {
        for q in questions_of(c)? {
            if q.topic_id == Some(topic) {
                questions.push((c.id, q.code));
            }
        }
    }
    compute(db, actor, Sources { impediments, questions }, k).await
}

/// The statuses of an impediment that passed validation.
pub(crate) const VALIDATED: &[ImpedimentStatus] =
    &[ImpedimentStatus::Validated, ImpedimentStatus::Raised, ImpedimentStatus::Resolved];

async fn compute<C: ConnectionTrait>(db: &C, actor: &Actor, s: Sources, k: i64) -> AppResult<EvidenceStrength> {
    let stakeholder_ids: HashSet<Uuid> = s.impediments.iter().filter_map(|i| i.stakeholder_id).collect();
    let mut firms: HashMap<Uuid, Profile> = HashMap::new();
    if !stakeholder_ids.is_empty() {
        let rows = stakeholders::Entity::find()
            .filter(stakeholders::Column::Id.is_in(stakeholder_ids.iter().copied()))
            .all(db)
            .await?;
        for r in rows {
            let p = Profile {
                country: Some(r.country),
                sector: Some(r.sector),
                size_class: Some(r.size_class.0.as_str().to_owned()),
                women_led: Some(r.women_led),
            };
            firms.insert(r.id, p);
        }
    }
    let stakeholder_count = firms.len() as i64;
    let mut respondents: HashMap<Uuid, Profile> = HashMap::new();
    let direct: Vec<Uuid> =
        s.impediments.iter().filter(|i| i.stakeholder_id.is_none()).filter_map(|i| i.response_id).collect();
    respondent_profiles(db, responses::Column::Id.is_in(direct), &mut respondents).await?;
    for (consultation, code) in counted_questions(db, &s.questions, k, sees_small_cells(actor)).await? {
        let answering = Query::select()
            .column(answers::Column::ResponseId)
            .from(answers::Entity)
            .and_where(Expr::col(answers::Column::ConsultationId).eq(consultation))
            .and_where(Expr::col(answers::Column::Question).eq(code))
            .to_owned();
        respondent_profiles(db, responses::Column::Id.in_subquery(answering), &mut respondents).await?;
    }
    let respondent_count = respondents.len() as i64;
    let all: Vec<&Profile> = firms.values().chain(respondents.values()).collect();
    Ok(figures(actor, k, (stakeholder_count, respondent_count), &all, &s.impediments))
}

/// Respondents answering each question of these consultations, from the pre-aggregated counts (one
/// query, whatever the number of answers).
pub(crate) async fn answered<C: ConnectionTrait>(
    db: &C,
    consultations: impl Iterator<Item = Uuid>,
) -> AppResult<HashMap<(Uuid, String), i64>> {
    let ids: Vec<Uuid> = consultations.collect::<HashSet<_>>().into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Uuid, String, Option<i64>)> = answer_counts::Entity::find()
        .select_only()
        .column(answer_counts::Column::ConsultationId)
        .column(answer_counts::Column::Question)
        .column_as(Expr::cust("CAST(SUM(\"firsts\") AS BIGINT)"), "n")
        .filter(answer_counts::Column::ConsultationId.is_in(ids))
        .group_by(answer_counts::Column::ConsultationId)
        .group_by(answer_counts::Column::Question)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(c, q, n)| ((c, q), n.unwrap_or(0))).collect())
}

/// The questions whose respondents count: those at least k answered (everyone's for admins, who see
/// every cell anyway). Read from the pre-aggregated counts, one query.
async fn counted_questions<C: ConnectionTrait>(
    db: &C,
    questions: &[(Uuid, String)],
    k: i64,
    sees_all: bool,
) -> AppResult<Vec<(Uuid, String)>> {
    let answered = answered(db, questions.iter().map(|(c, _)| *c)).await?;
    let mut out: Vec<(Uuid, String)> = questions
        .iter()
        .filter(|q| sees_all || answered.get(*q).copied().unwrap_or(0) >= k)
        .cloned()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    out.sort();
    Ok(out)
}

/// A response's id and profile: country, sector, size class, women-led.
type ProfileRow = (Uuid, Option<String>, Option<String>, Option<String>, Option<bool>);

async fn respondent_profiles<C: ConnectionTrait>(
    db: &C,
    which: sea_orm::sea_query::SimpleExpr,
    into: &mut HashMap<Uuid, Profile>,
) -> AppResult<()> {
    let rows: Vec<ProfileRow> = responses::Entity::find()
        .select_only()
        .column(responses::Column::Id)
        .column(responses::Column::Country)
        .column(responses::Column::Sector)
        .column(responses::Column::SizeClass)
        .column(responses::Column::WomenLed)
        .filter(which)
        .into_tuple()
        .all(db)
        .await?;
    for (id, country, sector, size_class, women_led) in rows {
        into.insert(id, Profile { country, sector, size_class, women_led });
    }
    Ok(())
}
