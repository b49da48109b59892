//! The registry's text search: the title or the description contains the text, ignoring case. The rule
//! is the `LIKE` of `contains_ci` on both engines; an index makes it fast (migration 000014). On
//! PostgreSQL the `pg_trgm` indexes serve that `LIKE` as it is. On SQLite, where the planner has no
//! statistics, the list says how the FTS5 trigram table takes part (`Plan`): when it leads, it narrows
//! the rows to those holding the text and the `LIKE` then decides, so the answer is always exactly
//! what the `LIKE` alone gives.

use sea_orm::sea_query::{Alias, Condition, Expr, JoinType, Query};
use sea_orm::{DbBackend, QueryFilter, QueryTrait, Select};

use crate::entities::impediments;
use crate::services::contains_ci;

/// How the search index takes part in a query's plan (SQLite; PostgreSQL's planner weighs its
/// indexes itself, from their statistics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Plan {
    /// Start from the index's matches: for counts and summaries, which visit every match (or, bounded,
    /// the first 1,001), and for a page of a narrow match, whose few matches are quickly sorted.
    FromMatches,
    /// Test the `LIKE` row by row as the list walks its order, for a page of a broad match (more than
    /// `COUNT_LIMIT`): the walk stops after the page. Started from the index's matches instead, SQLite
    /// fetches and sorts every one of them to keep 50.
    AsTheListWalks,
}

/// The rows of `query` whose title or description contains `q` (already trimmed and checked by
/// `search_text`).
///
/// The index's matches are joined rather than tested with `rowid IN (…)`: SQLite then reads them one
/// at a time as the outer loop, so a bounded count stops after its 1,001st row (1.3–2.1 ms for a
/// common word over 100,000 rows), where `IN` first collects every match (6–12 ms). The joined
/// subquery names only its rowid, so no column of the FTS table can clash with the registry's.
pub(super) fn containing(
    query: Select<impediments::Entity>,
    backend: DbBackend,
    q: &str,
    plan: Plan,
) -> Select<impediments::Entity> {
    let mut query = query.filter(
        Condition::any()
            .add(contains_ci(impediments::Column::Title, q))
            .add(contains_ci(impediments::Column::Description, q)),
    );
    if let (DbBackend::Sqlite, Plan::FromMatches, Some(phrase)) = (backend, plan, fts_phrase(q)) {
        let matches = Query::select()
            .expr_as(Expr::cust(r#""rowid""#), Alias::new("fts_rowid"))
            .from(Alias::new("impediments_fts"))
            .and_where(Expr::cust_with_values(r#""impediments_fts" MATCH ?"#, [phrase]))
            .to_owned();
        QueryTrait::query(&mut query).join_subquery(
            JoinType::InnerJoin,
            matches,
            Alias::new("text_matches"),
            Expr::col((impediments::Entity, Alias::new("rowid")))
                .equals((Alias::new("text_matches"), Alias::new("fts_rowid"))),
        );
    }
    query
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
    use crate::cursor::Total;
    use crate::entities::impediments;
    use crate::services::impediments::{list, ImpedimentFilter};
    use crate::testdb::TestDatabase;

    const MIGRATION: &str = "m20261203_000014_impediment_text_search";

    /// On either engine (`TEST_DATABASE_URL`): registry rows written before the index existed are all
    /// found once the migration has built it, and for every kind of text, narrow or broad (more than
    /// `COUNT_LIMIT` matches: the page walks the list's order), sorted or not, the first two pages and
    /// the count are exactly what `LIKE` alone gives.
    #[tokio::test]
    async fn the_index_is_built_from_the_rows_already_there_and_answers_as_the_like_does() {
        let test_db = TestDatabase::create().await.expect("a test database");
        let db = crate::db::connect(&test_db.url).await.expect("connect");
        crate::db::migrate(&db).await.expect("migrate");
        // This migration alone (not the ones after it): the rows are written while there is no index.
        let migration = Migrator::migrations().into_iter().find(|m| m.name() == MIGRATION).expect("the migration");
        migration.down(&SchemaManager::new(&db)).await.expect("down");
        crate::demo::seed_accounts(&db).await.expect("accounts");
        crate::demo::impediments::seed(&db, Uuid::new_v4(), 1500).await.expect("impediments");
        migration.up(&SchemaManager::new(&db)).await.expect("up");

        let rows = impediments::Entity::find().all(&db).await.expect("rows");
        let admin = Actor {
            user_id: UserId::new(),
            role: Role::Admin,
            delegation_id: None,
            method: AuthMethod::Session,
            mfa: true,
        };
        let queries = [
            "residue",
            "BORDER",
            "Record 42",
            "nepal",
            "cold storage",
            "(EU, HS 03",
            "synthetic DEMO",
            "no-such-word",
            "hs",
            "E",
            r"\",
        ];
        for (q, sort) in queries.iter().flat_map(|q| [(*q, None), (*q, Some("title"))]) {
            let needle = q.to_lowercase();
            let found = |text: &str| text.to_lowercase().contains(&needle);
            let mut expected: Vec<&impediments::Model> =
                rows.iter().filter(|r| found(&r.title) || found(&r.description)).collect();
            let total = Total::bounded(u64::try_from(expected.len()).unwrap_or(u64::MAX));
            match sort {
                // Newest entered first: the largest ids.
                None => expected.sort_unstable_by_key(|r| std::cmp::Reverse(r.id)),
                Some(_) => expected.sort_unstable_by(|a, b| (&a.title, a.id).cmp(&(&b.title, b.id))),
            }
            let expected: Vec<Uuid> = expected.iter().map(|r| r.id).take(200).collect();
            let filter = ImpedimentFilter {
                q: Some(q.to_owned()),
                sort: sort.map(str::to_owned),
                limit: Some(100),
                ..ImpedimentFilter::default()
            };
            let first = list(&db, &admin, filter.clone()).await.expect("a search");
            assert_eq!(first.total, total, "q = {q}, sort = {sort:?}: the count");
            let mut ids: Vec<Uuid> = first.items.iter().map(|i| i.id).collect();
            if let Some(cursor) = first.next_cursor {
                let second =
                    list(&db, &admin, ImpedimentFilter { cursor: Some(cursor), ..filter }).await.expect("page 2");
                ids.extend(second.items.iter().map(|i| i.id));
            }
            assert_eq!(ids, expected, "q = {q}, sort = {sort:?}: the pages");
            if !matches!(q, "no-such-word" | r"\") {
                assert!(!expected.is_empty(), "q = {q} finds something in the demo registry");
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
