//! Listing impediments: every filter of the registry, over only the rows the caller may read, newest
//! first, with keyset pages.

use chrono::{NaiveDate, NaiveTime};
use gmc_domain::error::{parse_enum, FieldProblem};
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use uuid::Uuid;

use super::views;
use crate::cursor::{self, Cursor, Page};
use crate::entities::{impediment_topics, impediments, topics};
use crate::services::{contains_ci, search_text, visibility::read_condition};
use crate::views::ImpedimentView;
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct ImpedimentFilter {
    pub reporting_country: Option<String>,
    pub partner: Option<String>,
    /// MAST chapter letter or procedural group.
    pub ntm_chapter: Option<String>,
    /// HS code prefix (`03` matches `0306` and `030617`).
    pub hs: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    pub status: Option<String>,
    pub delegation: Option<Uuid>,
    pub severity_min: Option<i64>,
    pub severity_max: Option<i64>,
    /// Created on or after this date.
    pub from: Option<NaiveDate>,
    /// Created on or before this date.
    pub to: Option<NaiveDate>,
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn code(value: &str, max: usize) -> Result<String, FieldProblem> {
    let v = value.trim().to_ascii_uppercase();
    if !v.is_empty() && v.len() <= max && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(v)
    } else {
        Err(FieldProblem::new("invalid_format", "is not a code"))
    }
}

fn severity(value: i64) -> Result<i16, FieldProblem> {
    gmc_domain::impediment::parse_severity(value)
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: ImpedimentFilter) -> AppResult<Page<ImpedimentView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let cursor = e.check("cursor", cursor::parse(f.cursor.as_deref()));
    let query = filtered(db, actor, &f, &mut e).await?;
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = query.order_by_desc(impediments::Column::Id);
    if let Some(c) = cursor {
        query = query.filter(impediments::Column::Id.lt(c.id));
    }
    let rows = query.limit(limit.get() + 1).all(db).await?;
    let more = rows.len() as u64 > limit.get();
    let mut items = views(db, actor, rows).await?;
    items.truncate(limit.get() as usize);
    let next_cursor = if more { items.last().map(|i| Cursor { k: String::new(), id: i.id }.encode()) } else { None };
    Ok(Page { items, next_cursor })
}

/// The rows the actor may read that match the filter; problems with the filter go into `e`.
pub(super) async fn filtered(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &ImpedimentFilter,
    e: &mut ValidationErrors,
) -> AppResult<Select<impediments::Entity>> {
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<ImpedimentStatus>(s)));
    let country = f.reporting_country.as_deref().and_then(|c| e.check("reporting_country", code(c, 3)));
    let partner = f.partner.as_deref().and_then(|p| e.check("partner", code(p, 12)));
    let chapter = f.ntm_chapter.as_deref().and_then(|c| e.check("ntm_chapter", code(c, 16)));
    let hs = f.hs.as_deref().and_then(|h| {
        let digits = h.trim().bytes().all(|b| b.is_ascii_digit()) && (1..=6).contains(&h.trim().len());
        e.check(
            "hs",
            if digits {
                Ok(h.trim().to_owned())
            } else {
                Err(FieldProblem::new("invalid_format", "must be 1–6 digits"))
            },
        )
    });
    let min = f.severity_min.and_then(|s| e.check("severity_min", severity(s)));
    let max = f.severity_max.and_then(|s| e.check("severity_max", severity(s)));
    if let (Some(a), Some(b)) = (min, max) {
        if a > b {
            e.add("severity_max", "out_of_range", "must not be below severity_min");
        }
    }
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            e.add("to", "out_of_range", "must not be before from");
        }
    }
    let mut query = impediments::Entity::find().filter(read_condition(
        actor,
        impediments::Column::Visibility,
        impediments::Column::DelegationId,
    ));
    if let Some(v) = status {
        query = query.filter(impediments::Column::Status.eq(v.as_str()));
    }
    if let Some(v) = country {
        query = query.filter(impediments::Column::ReportingCountry.eq(v));
    }
    if let Some(v) = partner {
        query = query.filter(impediments::Column::Partner.eq(v));
    }
    if let Some(v) = chapter {
        query = query.filter(impediments::Column::NtmChapter.eq(v));
    }
    if let Some(v) = hs {
        query = query.filter(impediments::Column::HsCode.starts_with(v));
    }
    if let Some(v) = f.delegation {
        query = query.filter(impediments::Column::DelegationId.eq(v));
    }
    if let Some(v) = min {
        query = query.filter(impediments::Column::Severity.gte(v));
    }
    if let Some(v) = max {
        query = query.filter(impediments::Column::Severity.lte(v));
    }
    if let Some(d) = f.from {
        query = query.filter(impediments::Column::CreatedAt.gte(d.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        query = query.filter(impediments::Column::CreatedAt.lt(d.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(t) = f.topic.as_deref() {
        let topic = match Uuid::parse_str(t) {
            Ok(id) => Some(id),
            Err(_) => topics::Entity::find()
                .filter(topics::Column::Code.eq(t.trim().to_ascii_uppercase()))
                .one(db)
                .await?
                .map(|t| t.id),
        };
        // An unknown topic matches nothing.
        let topic = topic.unwrap_or(Uuid::nil());
        query = query.filter(
            impediments::Column::Id.in_subquery(
                Query::select()
                    .column(impediment_topics::Column::ImpedimentId)
                    .from(impediment_topics::Entity)
                    .and_where(impediment_topics::Column::TopicId.eq(topic))
                    .to_owned(),
            ),
        );
    }
    if let Some(q) = &q {
        query = query.filter(
            Condition::any()
                .add(contains_ci(impediments::Column::Title, q))
                .add(contains_ci(impediments::Column::Description, q)),
        );
    }
    Ok(query)
}
