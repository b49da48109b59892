//! Text answers to one question, newest (or oldest) first, paged. Listing them under a filter says how many the
//! group wrote, so they show only where that count shows; outside the consultation's owners they are
//! filtered by date only and carry no time (either would let one answer be traced across lists).

use chrono::{DateTime, Utc};
use gmc_domain::consultation::QuestionKind;
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{reads_response_rows, sees_results_below_k, sees_small_cells};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::dates::Run;
use super::filter::{check_filter, dates_only_for_text, filtered, one_at_a_time, ResultFilter};
use super::profile;
use crate::cursor::{KeyType, KeyValue, Page, PageParams, Paging, Sort, Total};
use crate::entities::answers;
use crate::entities::consultations;
use crate::services::access::find_readable;
use crate::services::consultations::counts::{self, ProfileFilter};
use crate::services::consultations::questions_of;
use crate::AppResult;

crate::sort_fields!(
    /// Text answers sort by the order they were received only: any other key (the time above all) would
    /// let one answer be traced across filtered lists.
    TextAnswerSort {
        Received => "received",
    }
);

/// Without `sort`: newest first.
const DEFAULT_SORT: Sort<TextAnswerSort> = Sort { field: Some(TextAnswerSort::Received), descending: true };

#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = TextAnswerDto))]
pub struct TextAnswer {
    pub text: String,
    /// For the consultation's owners only (`null` for other readers: the time would let one answer be
    /// traced across filtered lists).
    pub submitted_at: Option<DateTime<Utc>>,
}

/// Text answers to one question, newest or oldest first; withheld (empty, no total, `true`) where the
/// small-cell rule withholds the group's answered count. Otherwise the first page says how many there
/// are: no more than paging through them all would tell.
pub async fn text_answers(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    question: &str,
    f: ResultFilter,
    page: PageParams<'_>,
    k: i64,
) -> AppResult<(Page<TextAnswer>, bool)> {
    let row: consultations::Model = find_readable(db, actor, id).await?;
    let owner = row.delegation_id.map(DelegationId::from_uuid);
    let (sees_all, rows_reader) = (sees_small_cells(actor), reads_response_rows(actor, owner));
    let mut e = ValidationErrors::new();
    let mut checked = check_filter(&f, &mut e);
    if !rows_reader {
        dates_only_for_text(&f, &mut e);
    } else if !sees_all {
        one_at_a_time(&f, &mut e);
    }
    let paging = Paging::check(&mut e, page, DEFAULT_SORT, &(row.id, question, &f));
    let questions = questions_of(&row)?;
    let q = questions.iter().find(|q| q.code == question);
    match q {
        None => e.add("question", "unknown", "is not a question of this consultation"),
        Some(q) if q.kind != QuestionKind::Text => e.add("question", "not_text", "is not a text question"),
        _ => {}
    }
    let (Some(paging), Some(q)) = (paging, q) else {
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
        return Ok((Page { items: Vec::new(), next_cursor: None, total: Total::NONE }, true));
    }
    let rows = filtered(
        answers::Entity::find()
            .filter(answers::Column::ConsultationId.eq(row.id))
            .filter(answers::Column::Question.eq(question))
            .filter(answers::Column::Text.is_not_null()),
        &checked,
    );
    let total = paging.total(db, &rows).await?;
    // The answer's position (its id) is both the key and the tie-breaker: the cursor carries it alone,
    // since a response id (a UUID v7) would tell its time.
    let desc = paging.sort.descending;
    let mut rows = if desc { rows.order_by_desc(answers::Column::Id) } else { rows.order_by_asc(answers::Column::Id) };
    if let Some(c) = paging.after() {
        let after = match KeyValue::decode(KeyType::Int, c.k.as_deref()) {
            Ok(KeyValue::Int(n)) => n,
            _ => {
                return Err(
                    ValidationErrors::single("cursor", "invalid_cursor", "is not a cursor this API returned").into()
                )
            }
        };
        rows = rows.filter(if desc { answers::Column::Id.lt(after) } else { answers::Column::Id.gt(after) });
    }
    let rows = rows.limit(paging.limit.get() + 1).all(db).await?;
    let (rows, next_cursor) = paging.split(rows, |r| (KeyValue::Int(r.id), Uuid::nil()));
    let items = rows
        .into_iter()
        .map(|r| TextAnswer { text: r.text.unwrap_or_default(), submitted_at: rows_reader.then_some(r.submitted_at) })
        .collect();
    Ok((Page { items, next_cursor, total }, false))
}
