//! Text answers to one question, newest first, paged. Listing them under a filter says how many the
//! group wrote, so they show only where that count shows; outside the consultation's owners they are
//! filtered by date only and carry no time (either would let one answer be traced across lists).

use chrono::{DateTime, Utc};
use gmc_domain::consultation::QuestionKind;
use gmc_domain::ids::DelegationId;
use gmc_domain::page::Limit;
use gmc_domain::policy::{reads_response_rows, sees_results_below_k, sees_small_cells};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::dates::Run;
use super::filter::{check_filter, dates_only_for_text, filtered, one_at_a_time, ResultFilter};
use super::profile;
use crate::cursor::{self, Cursor, Page};
use crate::entities::answers;
use crate::services::consultations::counts::{self, ProfileFilter};
use crate::services::consultations::{find_readable, questions_of};
use crate::AppResult;

#[derive(Debug, Clone)]
pub struct TextAnswer {
    pub text: String,
    /// When it was submitted: for readers of the response rows only.
    pub submitted_at: Option<DateTime<Utc>>,
}

/// Text answers to one question, newest first; withheld (empty, `true`) where the small-cell rule
/// withholds the group's answered count.
pub async fn text_answers(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    question: &str,
    f: ResultFilter,
    paging: (Option<i64>, Option<&str>),
    k: i64,
) -> AppResult<(Page<TextAnswer>, bool)> {
    let row = find_readable(db, actor, id).await?;
    let owner = row.delegation_id.map(DelegationId::from_uuid);
    let (sees_all, rows_reader) = (sees_small_cells(actor), reads_response_rows(actor, owner));
    let mut e = ValidationErrors::new();
    let mut checked = check_filter(&f, &mut e);
    if !rows_reader {
        dates_only_for_text(&f, &mut e);
    } else if !sees_all {
        one_at_a_time(&f, &mut e);
    }
    let limit = e.check("limit", Limit::parse(paging.0));
    let cursor = e.check("cursor", cursor::parse(paging.1));
    let questions = questions_of(&row)?;
    let q = questions.iter().find(|q| q.code == question);
    match q {
        None => e.add("question", "unknown", "is not a question of this consultation"),
        Some(q) if q.kind != QuestionKind::Text => e.add("question", "not_text", "is not a text question"),
        _ => {}
    }
    let (Some(limit), Some(cursor), Some(q)) = (limit, cursor, q) else {
        return Err(e.into());
    };
    e.finish()?;
    let few =
        !sees_results_below_k(actor, owner) && counts::respondents(db, row.id, &ProfileFilter::default()).await? < k;
    let withheld = if sees_all {
        false
    } else if let Some(group) = checked.profile() {
        few || !profile::texts_show(db, &row, q, (group.0, &group.1), k).await?
    } else if f.from.is_some() || f.to.is_some() {
        let run = Run::snap(db, &row, (f.from, f.to), k).await?;
        (checked.from, checked.until) = if run.is_everything() { (None, None) } else { run.instants() };
        few || (!run.is_everything() && !run.texts_show(db, &row, q, k).await?)
    } else {
        few
    };
    if withheld {
        return Ok((Page { items: Vec::new(), next_cursor: None, total: None }, true));
    }
    let mut rows = filtered(
        answers::Entity::find()
            .filter(answers::Column::ConsultationId.eq(row.id))
            .filter(answers::Column::Question.eq(question))
            .filter(answers::Column::Text.is_not_null()),
        &checked,
    )
    .order_by_desc(answers::Column::Id);
    if let Some(c) = cursor {
        let before: i64 = c.k.as_deref().unwrap_or("").parse().unwrap_or(i64::MAX);
        rows = rows.filter(answers::Column::Id.lt(before));
    }
    let rows = rows.limit(limit.get() + 1).all(db).await?;
    // The cursor carries the answer's position only: a response id (a UUID v7) would tell its time.
    let page = Page::from_rows(
        rows,
        limit.get(),
        |r| Cursor { k: Some(r.id.to_string()), id: Uuid::nil(), s: String::new() },
        |r| TextAnswer { text: r.text.unwrap_or_default(), submitted_at: rows_reader.then_some(r.submitted_at) },
    );
    Ok((page, false))
}
