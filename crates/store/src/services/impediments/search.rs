//! The registry's text search: the title or the description contains the text, ignoring case. The rule
//! is the `LIKE` of `contains_ci` on both engines; an index makes it fast (migration 000014). On
//! PostgreSQL the `pg_trgm` indexes serve that `LIKE` as it is. On SQLite the FTS5 trigram table first
//! narrows the rows to those holding the text, and the `LIKE` then decides, so the answer is exactly
//! what the `LIKE` alone gives.

use sea_orm::sea_query::{Condition, Expr};
use sea_orm::DbBackend;

use crate::entities::impediments;
use crate::services::contains_ci;

/// How the search index takes part in a query's plan (SQLite; PostgreSQL's planner weighs its
/// indexes itself, from their statistics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Plan {
    /// Counts and summaries visit every match: start from the index's matches (a common word over
    /// 100,000 rows: 16 ms instead of 99 for the `LIKE` over every readable row).
    FromMatches,
    /// A page in sort order: walk the sort key's index and stop after the page, each row tested
    /// against the index's matches. Started from the matches instead, SQLite would fetch and sort
    /// every one of them to keep 50 (44 ms for a common word instead of 8; the `LIKE` alone: 1 ms for
    /// a common word, 94 ms for a word nobody wrote).
    InSortOrder,
}

/// The rows whose title or description contains `q` (already trimmed and checked by `search_text`).
pub(super) fn text_matches(backend: DbBackend, q: &str, plan: Plan) -> Condition {
    let like = Condition::any()
        .add(contains_ci(impediments::Column::Title, q))
        .add(contains_ci(impediments::Column::Description, q));
    match (backend, fts_phrase(q)) {
        (DbBackend::Sqlite, Some(phrase)) => {
            // A unary `+` makes the rowid a value rather than a key SQLite may start from.
            let rowid = match plan {
                Plan::FromMatches => r#""impediments"."rowid""#,
                Plan::InSortOrder => r#"+"impediments"."rowid""#,
            };
            let sql = format!(r#"{rowid} IN (SELECT "rowid" FROM "impediments_fts" WHERE "impediments_fts" MATCH ?)"#);
            Condition::all().add(Expr::cust_with_values(sql, [phrase])).add(like)
        }
        _ => like,
    }
}

/// The search text as one FTS5 string, or `None` when it is too short for the trigram index (fewer
/// than three characters match no row there), so that the `LIKE` alone must answer.
///
/// The text is the `LIKE`'s own lowercased pattern: the tokenizer folds case one character at a time,
/// so every row the `LIKE` matches (ASCII case ignored) holds this string's trigrams in order. Inside an
/// FTS5 string nothing is syntax but the closing quote, which is doubled: `*`, `-`, `:`, `^`, `AND`,
/// `NEAR(…)` are plain text.
fn fts_phrase(q: &str) -> Option<String> {
    let text = q.to_lowercase();
    (text.chars().count() >= 3).then(|| format!("\"{}\"", text.replace('"', "\"\"")))
}

#[cfg(test)]
mod tests {
    use gmc_domain::ids::UserId;
    use gmc_domain::{Actor, AuthMethod, Role};
    use migration::{Migrator, MigratorTrait, SchemaManager};
    use sea_orm::EntityTrait;
    use uuid::Uuid;

    use super::fts_phrase;
    use crate::entities::impediments;
    use crate::services::impediments::{list, ImpedimentFilter};
    use crate::testdb::TestDatabase;

    const MIGRATION: &str = "m20261203_000014_impediment_text_search";

    /// On either engine (`TEST_DATABASE_URL`): registry rows written before the index existed are all
    /// found once the migration has built it, and for every kind of text the search answers exactly
    /// what `LIKE` alone would.
    #[tokio::test]
    async fn the_index_is_built_from_the_rows_already_there_and_answers_as_the_like_does() {
        let test_db = TestDatabase::create().await.expect("a test database");
        let db = crate::db::connect(&test_db.url).await.expect("connect");
        crate::db::migrate(&db).await.expect("migrate");
        // This migration alone (not the ones after it): the rows are written while there is no index.
        let migration = Migrator::migrations().into_iter().find(|m| m.name() == MIGRATION).expect("the migration");
        migration.down(&SchemaManager::new(&db)).await.expect("down");
        crate::demo::seed_accounts(&db).await.expect("accounts");
        crate::demo::impediments::seed(&db, Uuid::new_v4(), 300).await.expect("impediments");
        migration.up(&SchemaManager::new(&db)).await.expect("up");

        let rows = impediments::Entity::find().all(&db).await.expect("rows");
        let admin = Actor {
            user_id: UserId::new(),
            role: Role::Admin,
            delegation_id: None,
            method: AuthMethod::Session,
            mfa: true,
        };
        let queries =
            ["residue", "BORDER", "Record 42", "nepal", "cold storage", "(EU, HS 03", "no-such-word", "hs", "E", r"\"];
        for q in queries {
            let needle = q.to_lowercase();
            let found = |text: &str| text.to_lowercase().contains(&needle);
            let mut expected: Vec<Uuid> =
                rows.iter().filter(|r| found(&r.title) || found(&r.description)).map(|r| r.id).collect();
            let total = u64::try_from(expected.len()).ok();
            // The first page, newest entered first: the largest ids.
            expected.sort_unstable_by(|a, b| b.cmp(a));
            expected.truncate(100);
            let filter = ImpedimentFilter { q: Some(q.to_owned()), limit: Some(100), ..ImpedimentFilter::default() };
            let page = list(&db, &admin, filter).await.expect("a search");
            assert_eq!(page.total, total, "q = {q}: the count");
            assert_eq!(page.items.iter().map(|i| i.id).collect::<Vec<_>>(), expected, "q = {q}: the page");
            if !matches!(q, "no-such-word" | r"\") {
                assert!(total > Some(0), "q = {q} finds something in the demo registry");
            }
        }
    }

    #[test]
    fn a_search_text_becomes_one_quoted_fts_string_with_its_quotes_doubled() {
        assert_eq!(fts_phrase("Border").as_deref(), Some(r#""border""#));
        assert_eq!(fts_phrase(r#""a" OR b"#).as_deref(), Some(r#""""a"" or b""#));
        assert_eq!(fts_phrase("NEAR(a b)").as_deref(), Some(r#""near(a b)""#));
        assert_eq!(fts_phrase("foo*").as_deref(), Some(r#""foo*""#));
    }

    #[test]
    fn texts_of_fewer_than_three_characters_are_left_to_the_like() {
        assert_eq!(fts_phrase("ab"), None);
        // Characters, not bytes: three accented letters are six bytes.
        assert_eq!(fts_phrase("éé"), None);
        assert_eq!(fts_phrase("ééé").as_deref(), Some("\"ééé\""));
    }
}
