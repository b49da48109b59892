//! The alignment report's aggregates, each one grouped query: weighted impediments per topic and
//! reporting day, respondents per tagged question, and the owner's prep items per topic with their
//! readable evidence.

use std::collections::HashMap;

use gmc_domain::prep::PrepStatus;
use gmc_domain::Actor;
use sea_orm::sea_query::{Alias, Expr, Query, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::score::Weights;
use crate::entities::{consultations, impediment_topics, impediments, prep_item_topics, prep_items};
use crate::services::consultations::questions_of;
use crate::services::prep::read_condition as prep_read_condition;
use crate::services::prep::strength::{answered, VALIDATED};
use crate::services::prep::targets::Readable;
use crate::services::visibility::read_condition;
use crate::AppResult;

/// The owner whose report it is: one delegation, or a coalition (its members' records are the
/// concern, its own prep items the coverage).
pub(crate) enum Whose {
    Delegation(Uuid),
    Coalition { id: Uuid, members: Vec<Uuid> },
}

impl Whose {
    pub(crate) fn delegations(&self) -> Vec<Uuid> {
        match self {
            Whose::Delegation(d) => vec![*d],
            Whose::Coalition { members, .. } => members.clone(),
        }
    }
}

/// The UTC day number (days since 1970-01-01) of `created_at`, in each engine's SQL.
fn day_of_created(backend: DbBackend) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => {
            Expr::cust("CAST(FLOOR(EXTRACT(EPOCH FROM \"impediments\".\"created_at\") / 86400) AS BIGINT)")
        }
        _ => Expr::cust("CAST(strftime('%s', \"impediments\".\"created_at\") AS INTEGER) / 86400"),
    }
}

/// Σ severity weight × decay over the owner's validated impediments the caller may read, per topic —
/// grouped by (topic, severity, reporting day) in SQL, so the rows read are bounded by topics × 5 ×
/// days, not by impediments.
pub(crate) async fn impediment_concern<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    whose: &Whose,
    w: &Weights,
    today: i64,
) -> AppResult<HashMap<Uuid, f64>> {
    let backend = db.get_database_backend();
    let day = day_of_created(backend);
    let topic = (impediment_topics::Entity, impediment_topics::Column::TopicId);
    let severity = (impediments::Entity, impediments::Column::Severity);
    let stmt = Query::select()
        .column(topic)
        .column(severity)
        .expr_as(day.clone(), Alias::new("day"))
        .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
        .from(impediments::Entity)
        .inner_join(
            impediment_topics::Entity,
            Expr::col((impediment_topics::Entity, impediment_topics::Column::ImpedimentId))
                .equals((impediments::Entity, impediments::Column::Id)),
        )
        .and_where(impediments::Column::DelegationId.is_in(whose.delegations()))
        .and_where(impediments::Column::Status.is_in(VALIDATED.iter().map(|s| s.as_str())))
        .cond_where(read_condition(actor, impediments::Column::Visibility, impediments::Column::DelegationId))
        .add_group_by([Expr::col(topic).into(), Expr::col(severity).into(), day])
        .to_owned();
    let mut out: HashMap<Uuid, f64> = HashMap::new();
    for row in db.query_all(backend.build(&stmt)).await? {
        let topic: Uuid = row.try_get("", "topic_id")?;
        let severity: i16 = row.try_get("", "severity")?;
        let day: i64 = row.try_get("", "day")?;
        let n: i64 = row.try_get("", "n")?;
        *out.entry(topic).or_default() += n as f64 * w.impediment(severity, today - day);
    }
    Ok(out)
}

/// Respondents answering the owner's questions tagged with each topic, in the consultations the
/// caller may read; a question fewer than k answered counts for nothing (admins excepted), as in
/// evidence strength, so the report never carries a small round's count.
pub(crate) async fn answers<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    whose: &Whose,
    k: i64,
    sees_all: bool,
) -> AppResult<HashMap<Uuid, i64>> {
    let rows = consultations::Entity::find()
        .filter(consultations::Column::DelegationId.is_in(whose.delegations()))
        .filter(read_condition(actor, consultations::Column::Visibility, consultations::Column::DelegationId))
        .all(db)
        .await?;
    let mut tagged: Vec<(Uuid, String, Uuid)> = Vec::new();
    for c in &rows {
        for q in questions_of(c)? {
            if let Some(t) = q.topic_id {
                tagged.push((c.id, q.code, t));
            }
        }
    }
    let counts = answered(db, tagged.iter().map(|(c, ..)| *c)).await?;
    let mut out: HashMap<Uuid, i64> = HashMap::new();
    for (c, code, topic) in tagged {
        let n = counts.get(&(c, code)).copied().unwrap_or(0);
        if sees_all || n >= k {
            *out.entry(topic).or_default() += n;
        }
    }
    Ok(out)
}

/// Per topic: the owner's open prep items the caller may read, the evidence links on them the caller
/// may read, and how many of those items cite none.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Coverage {
    pub prep_items: i64,
    pub evidence_links: i64,
    pub without_evidence: i64,
}

pub(crate) async fn coverage<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    whose: &Whose,
) -> AppResult<HashMap<Uuid, Coverage>> {
    let owned = match whose {
        Whose::Delegation(d) => prep_items::Column::DelegationId.eq(*d),
        Whose::Coalition { id, .. } => prep_items::Column::CoalitionId.eq(*id),
    };
    let items: Vec<Uuid> = prep_items::Entity::find()
        .select_only()
        .column(prep_items::Column::Id)
        .filter(owned)
        .filter(prep_items::Column::Status.ne(PrepStatus::Withdrawn.as_str()))
        .filter(prep_read_condition(actor))
        .into_tuple()
        .all(db)
        .await?;
    if items.is_empty() {
        return Ok(HashMap::new());
    }
    let topics = prep_item_topics::Entity::find()
        .filter(prep_item_topics::Column::PrepItemId.is_in(items.clone()))
        .all(db)
        .await?;
    let links = crate::entities::evidence_links::Entity::find()
        .filter(crate::entities::evidence_links::Column::PrepItemId.is_in(items))
        .all(db)
        .await?;
    let readable = Readable::of(db, actor, &links).await?;
    let mut per_item: HashMap<Uuid, i64> = HashMap::new();
    for l in links.iter().filter(|l| readable.shows(l)) {
        *per_item.entry(l.prep_item_id).or_default() += 1;
    }
    let mut out: HashMap<Uuid, Coverage> = HashMap::new();
    for t in topics {
        let n = per_item.get(&t.prep_item_id).copied().unwrap_or(0);
        let c = out.entry(t.topic_id).or_default();
        c.prep_items += 1;
        c.evidence_links += n;
        c.without_evidence += i64::from(n == 0);
    }
    Ok(out)
}
