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
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, TransactionTrait,
};
use serde::Serialize;
use uuid::Uuid;

pub use super::syntax::{fts5_query, postgres_query};
use super::syntax::{CLOSE, OPEN};
use super::view::{self, DocumentView};
use crate::cursor::{Page, Total, COUNT_LIMIT};
use crate::entities::documents;
use crate::services::search_text;
use crate::AppResult;

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
            let (function, text) = postgres_query(q);
            s.join(
                JoinType::InnerJoin,
                Alias::new("documents_fts"),
                Expr::cust("documents_fts.document_id = documents.id"),
            )
            .and_where(Expr::cust_with_values(format!("documents_fts.tsv @@ {function}('english', $1)"), [text]));
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

    let (hits, more, total) = match backend {
        DbBackend::Postgres => {
            let (mut hits, window) = ranked_postgres(db, actor, &query, limit, offset).await?;
            let more = hits.len() as u64 > limit;
            hits.truncate(usize::try_from(limit).unwrap_or(20));
            for (id, snippet) in super::headline::headlines(db, &query, hits.iter().map(|h| h.0)).await? {
                if let Some(h) = hits.iter_mut().find(|h| h.0 == id) {
                    h.3 = snippet;
                }
            }
            (hits, more, if offset == 0 { Total::bounded(window) } else { Total::NONE })
        }
        _ => {
            let (hits, more, window) = ranked_sqlite(db, actor, &query, limit, offset).await?;
            (hits, more, if offset == 0 { Total::bounded(window) } else { Total::NONE })
        }
    };
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

/// A hit before its document is loaded: id, matched version, rank, raw snippet.
type Hit = (Uuid, i32, f64, String);

/// How many of the newest readable matches are ranked. SQLite's `bm25` costs about 1.5 µs a match, so
/// ranking every match of a word found in 20,000 documents took 30 ms (PostgreSQL's `ts_rank`, which
/// detoasts each match's vector, far more); ranking the newest `RANK_WINDOW` takes 2 ms. Up to this many matches (the bounded count says so exactly) the ranking is complete; past it
/// (the count says "more than 1,000") the results are the best of the newest 1,000, and paging ends
/// there — a word that common asks for another word. docs/decisions.md.
pub const RANK_WINDOW: u64 = COUNT_LIMIT;

/// SQLite: rank the newest `RANK_WINDOW` (+1, to tell "exactly 1,000" from "more") readable matches —
/// the FTS table walks its rowids downwards, so the window is read in order and never sorted whole —
/// then take the page, with the window's size as the count; snippets are computed for the page only (in
/// the window's select list they would be computed for every match in it). Returns the hits, whether
/// more follow, and the window's size.
async fn ranked_sqlite(
    db: &DatabaseConnection,
    actor: &Actor,
    query: &str,
    limit: u64,
    offset: u64,
) -> AppResult<(Vec<Hit>, bool, u64)> {
    let backend = db.get_database_backend();
    let mut window = matching(backend, actor, query);
    window
        .expr_as(Expr::col((documents::Entity, documents::Column::Id)), Alias::new("id"))
        // The index row's `version_number` is the document's `current_version` (search_index writes
        // both together); read from the FTS table it would load every window row's whole text.
        .expr_as(Expr::col((documents::Entity, documents::Column::CurrentVersion)), Alias::new("version_number"))
        .expr_as(Expr::cust("documents_fts.rowid"), Alias::new("fts_rowid"))
        .expr_as(Expr::cust("-bm25(documents_fts, 10.0, 1.0)"), Alias::new("rank"))
        .order_by_expr(Expr::cust("documents_fts.rowid"), Order::Desc)
        .limit(RANK_WINDOW + 1);
    let page = Query::select()
        .columns([Alias::new("id"), Alias::new("version_number"), Alias::new("fts_rowid"), Alias::new("rank")])
        // The window's size is the first page's bounded count: no second walk over the matches.
        .expr_as(Expr::cust("COUNT(*) OVER ()"), Alias::new("window_count"))
        .from_subquery(window, Alias::new("w"))
        .order_by(Alias::new("rank"), Order::Desc)
        .order_by(Alias::new("id"), Order::Asc)
        .limit(limit + 1)
        .offset(offset)
        .to_owned();
    let rows = db.query_all(backend.build(&page)).await?;
    let mut hits: Vec<(i64, Hit)> = Vec::with_capacity(rows.len());
    let mut window_count = 0;
    for r in &rows {
        window_count = u64::try_from(r.try_get::<i64>("", "window_count")?).unwrap_or(0);
        let hit = (r.try_get("", "id")?, r.try_get("", "version_number")?, r.try_get("", "rank")?, String::new());
        hits.push((r.try_get("", "fts_rowid")?, hit));
    }
    let more = hits.len() as u64 > limit;
    hits.truncate(usize::try_from(limit).unwrap_or(20));
    let low = hits.iter().map(|h| h.0).min();
    let high = hits.iter().map(|h| h.0).max();
    if let (Some(low), Some(high)) = (low, high) {
        // Integers from the database, so writing them into the statement injects nothing.
        let rowids: Vec<String> = hits.iter().map(|h| h.0.to_string()).collect();
        let snippets = Query::select()
            .expr_as(Expr::cust("rowid"), Alias::new("fts_rowid"))
            .expr_as(
                Expr::cust_with_values(
                    "snippet(documents_fts, -1, ?, ?, '…', 24)",
                    [OPEN.to_string(), CLOSE.to_string()],
                ),
                Alias::new("snippet"),
            )
            .from(Alias::new("documents_fts"))
            .and_where(Expr::cust_with_values("documents_fts MATCH ?", [query]))
            .and_where(Expr::cust_with_values("rowid BETWEEN ? AND ?", [low, high]))
            // `+` keeps the list out of FTS5's hands: given `rowid IN (…)` it re-runs the whole MATCH
            // once per value (1.5 ms for a common word's page); the range is one walk (0.2 ms).
            .and_where(Expr::cust(format!("+rowid IN ({})", rowids.join(","))))
            .to_owned();
        for r in db.query_all(backend.build(&snippets)).await? {
            let rowid: i64 = r.try_get("", "fts_rowid")?;
            let snippet: String = r.try_get("", "snippet")?;
            if let Some(h) = hits.iter_mut().find(|h| h.0 == rowid) {
                h.1 .3 = snippet;
            }
        }
    }
    Ok((hits.into_iter().map(|(_, h)| h).collect(), more, window_count))
}

/// PostgreSQL: the same window as SQLite's — the newest `RANK_WINDOW` (+1) readable matches (ids are
/// UUIDv7, so the id order is the creation order) — ranked with `ts_rank`, whose detoasting of each
/// match's `tsv` is what made ranking every match of a common word cost a second; the window's size is
/// the count. Returns the page's `limit + 1` hits and the window's size.
async fn ranked_postgres(
    db: &DatabaseConnection,
    actor: &Actor,
    query: &str,
    limit: u64,
    offset: u64,
) -> AppResult<(Vec<Hit>, u64)> {
    // `random_page_cost` is PostgreSQL's price of reading a page out of order, 4 times a sequential
    // one by default (spinning disks). At that price a rare word's ~500 matches were joined to a
    // sequential scan of every document (5–6 ms) rather than to 500 primary-key probes (0.5 ms); 1.1,
    // PostgreSQL's own advice for SSDs and for data in memory, chooses the probes. Read-only: the
    // transaction only scopes the setting to this statement. docs/benchmarks.md.
    let txn = db.begin().await?;
    txn.execute_unprepared("SET LOCAL random_page_cost = 1.1").await?;
    let ranked = ranked_postgres_on(&txn, actor, query, limit, offset).await?;
    txn.commit().await?;
    Ok(ranked)
}

async fn ranked_postgres_on<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    query: &str,
    limit: u64,
    offset: u64,
) -> AppResult<(Vec<Hit>, u64)> {
    let backend = db.get_database_backend();
    let (function, text) = postgres_query(query);
    let mut window = matching(backend, actor, query);
    window
        .expr_as(Expr::col((documents::Entity, documents::Column::Id)), Alias::new("id"))
        .expr_as(Expr::col((documents::Entity, documents::Column::CurrentVersion)), Alias::new("version_number"))
        // Ranked in the window's own select list, so only the rank travels up: carried as `tsv`, each
        // window row's whole vector (~3.5 KB) was copied through the join and the sort.
        .expr_as(
            Expr::cust_with_values(format!("ts_rank(documents_fts.tsv, {function}('english', $1))::float8"), [text]),
            Alias::new("rank"),
        )
        .order_by((documents::Entity, documents::Column::Id), Order::Desc)
        .limit(RANK_WINDOW + 1);
    let page = Query::select()
        .columns([Alias::new("id"), Alias::new("version_number"), Alias::new("rank")])
        .expr_as(Expr::cust("COUNT(*) OVER ()"), Alias::new("window_count"))
        .from_subquery(window, Alias::new("w"))
        .order_by_expr(Expr::cust("rank"), Order::Desc)
        .order_by(Alias::new("id"), Order::Asc)
        .limit(limit + 1)
        .offset(offset)
        .to_owned();
    let mut hits = Vec::new();
    let mut window_count = 0;
    for r in db.query_all(backend.build(&page)).await? {
        window_count = u64::try_from(r.try_get::<i64>("", "window_count")?).unwrap_or(0);
        hits.push((r.try_get("", "id")?, r.try_get("", "version_number")?, r.try_get("", "rank")?, String::new()));
    }
    Ok((hits, window_count))
}

#[cfg(test)]
mod tests {
    use super::*;

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
