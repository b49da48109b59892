//! `GET /documents/search`: full-text search over titles, summaries, Markdown bodies and the text
//! extracted from uploaded files (the index of `search_index`), ranked, with a highlighted snippet, over
//! only the documents the caller may read — the same `read_condition` as the list, in the same query,
//! so neither the hits nor the count can reveal a hidden document.
//!
//! The search text is never handed to the engine's query language as it is. On SQLite every word
//! becomes a quoted FTS5 string (quotes doubled), so `AND`, `NEAR`, `-`, `:` and unbalanced quotes are
//! words or nothing; a trailing `*` keeps its prefix meaning. On PostgreSQL `websearch_to_tsquery`
//! reads any text without a syntax error. The snippet comes back as parts (`text`, `highlight`), not
//! markup: a document's own `<script>` is text for the client to show as text.

use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{Alias, Expr, JoinType, Order, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter};
use serde::Serialize;
use uuid::Uuid;

use super::view::{self, DocumentView};
use crate::cursor::{Page, Total, COUNT_LIMIT};
use crate::entities::documents;
use crate::services::search_text;
use crate::AppResult;

/// Private-use characters the engines put around a match; the parts are split on them.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

#[derive(Debug, Clone, Default)]
pub struct DocumentSearch {
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// A stretch of a snippet; `highlight` marks the words that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnippetPart {
    pub text: String,
    pub highlight: bool,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = DocumentSearchHit))]
pub struct DocumentSearchHit {
    pub document: DocumentView,
    /// The version whose text matched (the current one).
    pub version_number: i32,
    /// Higher is more relevant (comparable within one result list only).
    pub rank: f64,
    /// Where the words matched, as plain-text parts.
    pub snippet: Vec<SnippetPart>,
}

/// The search text as an FTS5 query of quoted words, every one required; `None` when no word is left.
pub fn fts5_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split_whitespace()
        .filter_map(|w| {
            let prefix = w.ends_with('*');
            let core: String = w.chars().filter(|c| *c != '*').collect();
            // A "word" of punctuation only tokenizes to nothing: leave it out rather than search for "".
            if !core.chars().any(char::is_alphanumeric) {
                return None;
            }
            let quoted = format!("\"{}\"", core.replace('"', "\"\""));
            Some(if prefix { format!("{quoted}*") } else { quoted })
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Splits an engine's snippet on the match markers.
pub fn snippet_parts(raw: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let (mut text, mut highlight) = (String::new(), false);
    for c in raw.chars() {
        if c == OPEN || c == CLOSE {
            if !text.is_empty() {
                parts.push(SnippetPart { text: std::mem::take(&mut text), highlight });
            }
            highlight = c == OPEN;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, highlight });
    }
    parts
}

// Custom SQL takes the engine's own placeholders: `?` on SQLite, numbered `$1` on PostgreSQL (sea-query
// renumbers them into the whole statement).
fn matching(backend: DbBackend, actor: &Actor, q: &str) -> SelectStatement {
    let mut s = Query::select();
    s.from(documents::Entity).cond_where(super::read_condition(actor));
    match backend {
        DbBackend::Postgres => {
            s.join(
                JoinType::InnerJoin,
                Alias::new("documents_fts"),
                Expr::cust("documents_fts.document_id = documents.id"),
            )
            .and_where(Expr::cust_with_values("documents_fts.tsv @@ websearch_to_tsquery('english', $1)", [q]));
        }
        _ => {
            s.join(
                JoinType::InnerJoin,
                Alias::new("documents_fts"),
                Expr::cust("documents_fts.rowid = documents.rowid"),
            )
            .and_where(Expr::cust_with_values("documents_fts MATCH ?", [q]));
        }
    }
    s
}

pub async fn search(db: &DatabaseConnection, actor: &Actor, f: DocumentSearch) -> AppResult<Page<DocumentSearchHit>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let limit = f.limit.unwrap_or(20);
    if !(1..=50).contains(&limit) {
        e.add("limit", "out_of_range", "must be between 1 and 50");
    }
    let offset = match f.cursor.as_deref().map(str::parse::<u64>) {
        None => 0,
        Some(Ok(o)) if o <= 10_000 => o,
        Some(_) => {
            e.add("cursor", "invalid", "is not a cursor of this search");
            0
        }
    };
    let backend = db.get_database_backend();
    let query = match (&q, backend) {
        (None, _) => {
            e.add("q", "required", "must name the words to search for");
            None
        }
        (Some(q), DbBackend::Postgres) => Some(q.clone()),
        (Some(q), _) => {
            let fts = fts5_query(q);
            if fts.is_none() {
                e.add("q", "no_words", "must contain a word to search for");
            }
            fts
        }
    };
    e.finish()?;
    let Some(query) = query else { return Ok(Page { items: Vec::new(), next_cursor: None, total: Total::NONE }) };
    let limit = u64::try_from(limit).unwrap_or(20);

    let total = if offset == 0 {
        let mut inner = matching(backend, actor, &query);
        inner.expr(Expr::val(1)).limit(COUNT_LIMIT + 1);
        let count = Query::select()
            .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
            .from_subquery(inner, Alias::new("hits"))
            .to_owned();
        let row = db.query_one(backend.build(&count)).await?;
        let n: i64 = row.map(|r| r.try_get("", "n")).transpose()?.unwrap_or(0);
        Total::bounded(u64::try_from(n).unwrap_or(0))
    } else {
        Total::NONE
    };

    let mut s = matching(backend, actor, &query);
    s.expr_as(Expr::col((documents::Entity, documents::Column::Id)), Alias::new("id"));
    s.expr_as(Expr::cust("documents_fts.version_number"), Alias::new("version_number"));
    match backend {
        DbBackend::Postgres => {
            s.expr_as(
                Expr::cust_with_values(
                    "ts_rank(documents_fts.tsv, websearch_to_tsquery('english', $1))::float8",
                    [&query],
                ),
                Alias::new("rank"),
            );
        }
        _ => {
            s.expr_as(Expr::cust("-bm25(documents_fts, 10.0, 1.0)"), Alias::new("rank"));
            s.expr_as(
                Expr::cust_with_values(
                    "snippet(documents_fts, -1, ?, ?, '…', 24)",
                    [OPEN.to_string(), CLOSE.to_string()],
                ),
                Alias::new("snippet"),
            );
        }
    }
    s.order_by_expr(Expr::cust("rank"), Order::Desc)
        .order_by((documents::Entity, documents::Column::Id), Order::Asc)
        .limit(limit + 1)
        .offset(offset);
    let rows = db.query_all(backend.build(&s)).await?;
    let mut hits: Vec<(Uuid, i32, f64, String)> = Vec::with_capacity(rows.len());
    for r in &rows {
        let snippet = if backend == DbBackend::Postgres { String::new() } else { r.try_get("", "snippet")? };
        hits.push((r.try_get("", "id")?, r.try_get("", "version_number")?, r.try_get("", "rank")?, snippet));
    }
    let more = hits.len() as u64 > limit;
    hits.truncate(usize::try_from(limit).unwrap_or(20));
    if backend == DbBackend::Postgres {
        headlines(db, &query, &mut hits).await?;
    }

    let ids: Vec<Uuid> = hits.iter().map(|h| h.0).collect();
    let rows = documents::Entity::find().filter(documents::Column::Id.is_in(ids)).all(db).await?;
    let mut by_id: std::collections::HashMap<Uuid, DocumentView> =
        view::views(db, actor, rows).await?.into_iter().map(|d| (d.id, d)).collect();
    let items = hits
        .into_iter()
        .filter_map(|(id, version_number, rank, snippet)| {
            by_id.remove(&id).map(|document| DocumentSearchHit {
                document,
                version_number,
                rank,
                snippet: snippet_parts(&snippet),
            })
        })
        .collect();
    let next_cursor = more.then(|| (offset + limit).to_string());
    Ok(Page { items, next_cursor, total })
}

/// PostgreSQL's snippets, for the page's hits only: `ts_headline` reads the whole text, so it runs on
/// twenty rows, never on every match.
async fn headlines(db: &DatabaseConnection, query: &str, hits: &mut [(Uuid, i32, f64, String)]) -> AppResult<()> {
    if hits.is_empty() {
        return Ok(());
    }
    let options = format!(
        "StartSel={OPEN}, StopSel={CLOSE}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \""
    );
    let s = Query::select()
        .expr_as(Expr::cust("document_id"), Alias::new("id"))
        .expr_as(
            Expr::cust_with_values(
                "ts_headline('english', left(body, 200000), websearch_to_tsquery('english', $1), $2)",
                [query.to_owned(), options],
            ),
            Alias::new("snippet"),
        )
        .from(Alias::new("documents_fts"))
        .and_where(Expr::col(Alias::new("document_id")).is_in(hits.iter().map(|h| h.0)))
        .to_owned();
    let backend = db.get_database_backend();
    for r in db.query_all(backend.build(&s)).await? {
        let id: Uuid = r.try_get("", "id")?;
        let snippet: String = r.try_get("", "snippet")?;
        if let Some(h) = hits.iter_mut().find(|h| h.0 == id) {
            h.3 = snippet;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_and_quotes_become_quoted_words() {
        assert_eq!(fts5_query("jute tariffs").as_deref(), Some("\"jute\" \"tariffs\""));
        assert_eq!(fts5_query("a NEAR(b c)").as_deref(), Some("\"a\" \"NEAR(b\" \"c)\""));
        assert_eq!(fts5_query("\"unbalanced").as_deref(), Some("\"\"\"unbalanced\""));
        assert_eq!(fts5_query("fish*").as_deref(), Some("\"fish\"*"));
        assert_eq!(fts5_query("* - : ()"), None);
    }

    #[test]
    fn a_snippet_splits_into_plain_and_highlighted_parts() {
        let raw = format!("the {OPEN}jute{CLOSE} quota <script>");
        assert_eq!(
            snippet_parts(&raw),
            vec![
                SnippetPart { text: "the ".into(), highlight: false },
                SnippetPart { text: "jute".into(), highlight: true },
                SnippetPart { text: " quota <script>".into(), highlight: false },
            ]
        );
    }
}
