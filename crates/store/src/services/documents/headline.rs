//! PostgreSQL's search snippets, for a page's hits only.
//!
//! `ts_headline` parses all the text it is given, and its parser reads about 7 MB/s: on the benchmark's
//! 5 KB texts a page of twenty cost 6–10 ms; on a 200 KB research study it would cost forty times that.
//! So each text is cut first, and only the stretch is parsed:
//!
//! - where a quoted phrase of the search occurs as written (or, with none quoted, all its words in the
//!   order typed), around its first occurrence;
//! - otherwise from the first to the last of the words' first occurrences (each word as typed and as
//!   its stemmed lexeme, `supplies` → `suppli`), so that every word found is in the stretch and
//!   `ts_headline` has a cover to highlight; at most `HEADLINE_MAX` characters;
//! - where nothing occurs as written (a match in the title, or through stemming alone), the text's first
//!   3,000 characters, where `ts_headline` finds what it can, as it did in the whole text.
//!
//! `strpos` finds the anchors in microseconds. The snippet comes from where the words first appear
//! together, not from the best place in the whole text. docs/benchmarks.md ("Document search, fifth
//! round"). SQLite's FTS5 `snippet()` needs none of this: it reads its own position lists.

use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::syntax::{postgres_query, CLOSE, OPEN};
use crate::AppResult;

/// Characters kept before the first anchor and after the last.
const HEADLINE_BEFORE: i32 = 150;
const HEADLINE_AFTER: i32 = 450;
/// The longest stretch parsed for one document.
const HEADLINE_MAX: i32 = 3000;

/// What a snippet is anchored on, each list `|`-separated for the statement: the search text's words,
/// lower-cased, and its quoted phrases of two words or more (or, with none quoted, all its words in
/// the order typed). Words `websearch_to_tsquery` reads as
/// "not" (`-word`) or as an operator (`or`) are left out.
pub fn anchors(q: &str) -> (String, String) {
    let words_of = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .filter(|w| !w.starts_with('-') && !w.eq_ignore_ascii_case("or"))
            .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    // Between an odd and an even quote is a phrase.
    let mut phrases: Vec<String> =
        q.split('"').skip(1).step_by(2).map(words_of).filter(|w| w.len() > 1).map(|w| w.join(" ")).collect();
    let words = words_of(q);
    // Words typed without quotes are still best shown where they stand together, if they ever do.
    if phrases.is_empty() && words.len() > 1 {
        phrases.push(words.join(" "));
    }
    (words.join("|"), phrases.join("|"))
}

/// The snippets of the page's documents, by id (`ts_headline` never runs on a whole window).
pub(super) async fn headlines(
    db: &DatabaseConnection,
    query: &str,
    ids: impl Iterator<Item = Uuid>,
) -> AppResult<Vec<(Uuid, String)>> {
    let ids: Vec<Uuid> = ids.collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let (function, text) = postgres_query(query);
    let (words, phrases) = anchors(query);
    // Each text is read once: `body || ''` detoasts it into the row (a bare `body` would be fetched and
    // decompressed again at every use below), and `OFFSET 0` keeps PostgreSQL from folding a subquery
    // into the next, which would copy its expressions into every place that uses them.
    let read = Query::select()
        .column(Alias::new("document_id"))
        .expr_as(Expr::cust("body || ''"), Alias::new("body"))
        .expr_as(Expr::cust("lower(body)"), Alias::new("lowered"))
        .from(Alias::new("documents_fts"))
        .and_where(Expr::col(Alias::new("document_id")).is_in(ids.iter().copied()))
        .offset(0)
        .to_owned();
    // First occurrences (1-based; 0: none). `lower` keeps the character count on PostgreSQL, so an
    // offset in the lower-cased text holds in the text itself.
    let first = |aggregate: &str, list: &str| {
        format!(
            "(SELECT coalesce({aggregate}(nullif(strpos(lowered, w), 0)), 0) FROM unnest({list}) AS w WHERE w <> '')"
        )
    };
    let words_and_lexemes =
        "array_cat(string_to_array($1, '|'), tsvector_to_array(to_tsvector('english', replace($2, '|', ' '))))";
    let found = Query::select()
        .column(Alias::new("document_id"))
        .column(Alias::new("body"))
        .expr_as(Expr::cust_with_values(first("min", "string_to_array($1, '|')"), [phrases]), Alias::new("phrase_at"))
        .expr_as(
            Expr::cust_with_values(first("min", words_and_lexemes), [words.clone(), words.clone()]),
            Alias::new("words_from"),
        )
        .expr_as(
            Expr::cust_with_values(first("max", words_and_lexemes), [words.clone(), words]),
            Alias::new("words_to"),
        )
        .from_subquery(read, Alias::new("r"))
        .offset(0)
        .to_owned();
    let (before, after, max) = (HEADLINE_BEFORE, HEADLINE_AFTER, HEADLINE_MAX);
    let bounds = Query::select()
        .column(Alias::new("document_id"))
        .column(Alias::new("body"))
        .expr_as(
            Expr::cust(format!("greatest(1, CASE WHEN phrase_at > 0 THEN phrase_at ELSE words_from END - {before})")),
            Alias::new("start"),
        )
        .expr_as(
            Expr::cust(format!(
                "CASE WHEN phrase_at > 0 THEN phrase_at + {after} \
                 WHEN words_to > 0 THEN words_to + {after} ELSE 0 END"
            )),
            Alias::new("stop"),
        )
        .from_subquery(found, Alias::new("f"))
        .offset(0)
        .to_owned();
    // The stretch, with the words the cut split dropped at either end (only where the text goes on).
    let stretch = format!(
        "CASE WHEN stop = 0 THEN left(body, 3000) ELSE regexp_replace(regexp_replace(\
         substr(body, start, least({max}, stop - start)), \
         CASE WHEN start > 1 THEN '^\\S*\\s+' ELSE '^$' END, ''), \
         CASE WHEN length(body) >= start + least({max}, stop - start) THEN '\\s+\\S*$' ELSE '^$' END, '') END"
    );
    let headline = format!("ts_headline('english', {stretch}, {function}('english', $1), $2)");
    let options = format!(
        "StartSel={OPEN}, StopSel={CLOSE}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \""
    );
    let s = Query::select()
        .expr_as(Expr::cust("document_id"), Alias::new("id"))
        .expr_as(Expr::cust_with_values(headline, [text, options]), Alias::new("snippet"))
        .from_subquery(bounds, Alias::new("b"))
        .to_owned();
    let backend = db.get_database_backend();
    let mut snippets = Vec::with_capacity(ids.len());
    for r in db.query_all(backend.build(&s)).await? {
        snippets.push((r.try_get("", "id")?, r.try_get("", "snippet")?));
    }
    Ok(snippets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_is_anchored_on_the_words_and_phrases_searched_for_not_on_negations_or_operators() {
        let a = |q: &str| anchors(q);
        assert_eq!(a("\"Letter  credit\" -port or jute*"), ("letter|credit|jute".into(), "letter credit".into()));
        assert_eq!(
            a("e-commerce \"one\" \"unbalanced"),
            ("e|commerce|one|unbalanced".into(), "e commerce one unbalanced".into())
        );
        assert_eq!(a("Jute"), ("jute".into(), String::new()));
        assert_eq!(a("-only"), (String::new(), String::new()));
    }
}
