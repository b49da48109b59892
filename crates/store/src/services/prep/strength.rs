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

use chrono::{DateTime, Duration, Utc};
use gmc_domain::disclosure::{Role, Table};
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::policy::{authorize, sees_small_cells, Operation};
use gmc_domain::Actor;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use serde::Serialize;
use uuid::Uuid;

use super::evidence::{links_of, Readable};
use crate::entities::{
    answer_counts, answers, consultations, impediment_topics, impediments, prep_items, responses, stakeholders,
};
use crate::services::access::find_readable;
use crate::services::consultations::questions_of;
use crate::services::consultations::results::Cell;
use crate::services::visibility::read_condition;
use crate::AppResult;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeverityCell {
    /// 1 (minor) – 5 (prohibitive).
    pub severity: i16,
    pub impediments: Cell,
}

/// The strength of the evidence, as the caller may read it: only what they may read is counted,
/// and each count of fewer than `k` (or one that would let such a count be worked out) is withheld.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceStrength {
    pub k: i64,
    /// Distinct firms: the stakeholders behind the impediments plus the anonymous respondents.
    pub firms: Cell,
    pub stakeholders: Cell,
    /// Anonymous respondents: behind impediments reported through a consultation, and answering the
    /// linked (or topic-tagged) questions that at least k answered.
    pub respondents: Cell,
    /// Distinct countries, sectors and size classes of the firms; `null` when `firms` is withheld.
    pub countries: Option<i64>,
    pub sectors: Option<i64>,
    pub size_classes: Option<i64>,
    pub women_led: Cell,
    /// Women-led firms among those whose answer is known; `null` when a count behind it is withheld.
    pub women_led_share: Option<f64>,
    pub impediments: Cell,
    pub severity: Vec<SeverityCell>,
    /// Reported in the last 12 months.
    pub recent: Cell,
    pub recent_share: Option<f64>,
    /// When the newest and the oldest impediment were reported; `null` when `impediments` is withheld.
    pub newest: Option<DateTime<Utc>>,
    pub oldest: Option<DateTime<Utc>>,
}

/// What the figures are computed from.
#[derive(Default)]
struct Sources {
    impediments: Vec<impediments::Model>,
    /// (consultation, question code) pairs whose respondents count.
    questions: Vec<(Uuid, String)>,
}

#[derive(Default, Clone)]
struct Profile {
    country: Option<String>,
    sector: Option<String>,
    size_class: Option<String>,
    women_led: Option<bool>,
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

fn distinct(all: &[&Profile], f: impl Fn(&Profile) -> Option<&String>) -> i64 {
    all.iter().filter_map(|p| f(p)).collect::<HashSet<_>>().len() as i64
}

/// A table of counts with each cell's value kept beside it.
#[derive(Default)]
struct Counts {
    table: Table,
    values: Vec<i64>,
}

impl Counts {
    fn add(&mut self, n: i64) -> usize {
        self.values.push(n);
        self.table.cell(n, Role::Inner)
    }
}

/// Builds the protected table and reads the figures off it.
fn figures(
    actor: &Actor,
    k: i64,
    (stakeholders, respondents): (i64, i64),
    all: &[&Profile],
    imps: &[impediments::Model],
) -> EvidenceStrength {
    let women = all.iter().filter(|p| p.women_led == Some(true)).count() as i64;
    let men = all.iter().filter(|p| p.women_led == Some(false)).count() as i64;
    let year_ago = Utc::now() - Duration::days(365);
    let recent = imps.iter().filter(|i| i.created_at >= year_ago).count() as i64;
    let total_imps = imps.len() as i64;

    let mut t = Counts::default();
    let c_st = t.add(stakeholders);
    let c_re = t.add(respondents);
    let c_firms = t.add(stakeholders + respondents);
    t.table.equation(vec![c_st, c_re], c_firms);
    let c_women = t.add(women);
    let c_men = t.add(men);
    let c_unknown = t.add(all.len() as i64 - women - men);
    t.table.equation(vec![c_women, c_men, c_unknown], c_firms);
    let c_imps = t.add(total_imps);
    let sev: Vec<(i16, usize)> =
        (1..=5i16).map(|s| (s, t.add(imps.iter().filter(|i| i.severity == s).count() as i64))).collect();
    t.table.equation(sev.iter().map(|(_, c)| *c).collect(), c_imps);
    let c_recent = t.add(recent);
    let c_older = t.add(total_imps - recent);
    t.table.equation(vec![c_recent, c_older], c_imps);

    let sees_all = sees_small_cells(actor);
    let withheld = if sees_all { Vec::new() } else { t.table.protect(k) };
    let cell = |c: usize| -> Cell {
        let n = t.values.get(c).copied().unwrap_or(0);
        let hide = withheld.get(c).copied().unwrap_or(false);
        Cell { count: (!hide).then_some(n), withheld: hide, below_k: if sees_all { n < k } else { hide } }
    };
    let share = |part: usize, other: usize| -> Option<f64> {
        let (a, b) = (cell(part).count?, cell(other).count?);
        (a + b > 0).then(|| a as f64 / (a + b) as f64)
    };
    let firms = cell(c_firms);
    let shown_firms = firms.count.is_some();
    let imps_cell = cell(c_imps);
    let when = |newest: bool| {
        let dates = imps.iter().map(|i| i.created_at);
        let d = if newest { dates.max() } else { dates.min() };
        d.filter(|_| imps_cell.count.is_some())
    };
    EvidenceStrength {
        k,
        stakeholders: cell(c_st),
        respondents: cell(c_re),
        countries: shown_firms.then(|| distinct(all, |p| p.country.as_ref())),
        sectors: shown_firms.then(|| distinct(all, |p| p.sector.as_ref())),
        size_classes: shown_firms.then(|| distinct(all, |p| p.size_class.as_ref())),
        women_led: cell(c_women),
        women_led_share: share(c_women, c_men),
        severity: sev.iter().map(|(s, c)| SeverityCell { severity: *s, impediments: cell(*c) }).collect(),
        recent: cell(c_recent),
        recent_share: share(c_recent, c_older),
        newest: when(true),
        oldest: when(false),
        firms,
        impediments: imps_cell,
    }
}
