//! The read model against the tables, on either engine (`TEST_DATABASE_URL`): for many callers and
//! queries (every filter, every sort, several page sizes, three pages deep), the model's pages, totals
//! and cursors are exactly the tables'. Then the tables are changed behind the model's back — the way
//! another node, `gmc import` or `psql` would — and the comparison runs again after each change.

use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::{Actor, AuthMethod, Role};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::{list, list_rendered, RegistryModel};
use crate::entities::{delegations, impediment_topics, impediments, read_model_changes, stakeholders, topics};
use crate::services::impediments::{list as from_tables, ImpedimentFilter};
use crate::testdb::TestDatabase;

fn actor(role: Role, delegation: Option<Uuid>) -> Actor {
    Actor {
        user_id: UserId::new(),
        role,
        delegation_id: delegation.map(DelegationId::from_uuid),
        method: AuthMethod::Session,
        mfa: true,
    }
}

async fn delegation(db: &DatabaseConnection, code: &str) -> Uuid {
    delegations::Entity::find()
        .filter(delegations::Column::CountryCode.eq(code))
        .one(db)
        .await
        .expect("a query")
        .map(|d| d.id)
        .expect("the delegation")
}

/// The values queries draw from, taken from the data so that filters select something.
struct Values {
    partners: Vec<String>,
    chapters: Vec<String>,
    hs: Vec<String>,
    topics: Vec<(String, Uuid)>,
    delegations: Vec<Uuid>,
}

async fn values(db: &DatabaseConnection) -> Values {
    let rows = impediments::Entity::find().all(db).await.expect("rows");
    let mut partners: Vec<String> = rows.iter().map(|r| r.partner.clone()).collect();
    let mut chapters: Vec<String> = rows.iter().map(|r| r.ntm_chapter.clone()).collect();
    let mut hs: Vec<String> = rows.iter().filter_map(|r| r.hs_code.clone()).collect();
    let mut delegations: Vec<Uuid> = rows.iter().map(|r| r.delegation_id).collect();
    for v in [&mut partners, &mut chapters, &mut hs] {
        v.sort();
        v.dedup();
    }
    delegations.sort();
    delegations.dedup();
    partners.push("NOWHERE".into());
    let topics = topics::Entity::find().all(db).await.expect("topics").into_iter().map(|t| (t.code, t.id)).collect();
    Values { partners, chapters, hs, topics, delegations }
}

fn pick<'a, T>(rng: &mut StdRng, v: &'a [T]) -> Option<&'a T> {
    (!v.is_empty()).then(|| &v[rng.gen_range(0..v.len())])
}

fn query(rng: &mut StdRng, v: &Values) -> ImpedimentFilter {
    let mut f = ImpedimentFilter::default();
    let sorts = ["created_at", "updated_at", "severity", "title", "partner", "ntm_code", "status"];
    if rng.gen_bool(0.4) {
        f.partner = pick(rng, &v.partners).map(|p| if rng.gen_bool(0.2) { p.to_lowercase() } else { p.clone() });
    }
    if rng.gen_bool(0.3) {
        f.ntm_chapter = pick(rng, &v.chapters).cloned();
    }
    if rng.gen_bool(0.25) {
        let len = *pick(rng, &[1usize, 2, 4, 6]).unwrap_or(&2);
        f.hs = pick(rng, &v.hs).map(|h| h.chars().take(len).collect());
    }
    if rng.gen_bool(0.2) {
        f.topic = match rng.gen_range(0..3) {
            0 => pick(rng, &v.topics).map(|t| t.0.to_lowercase()),
            1 => pick(rng, &v.topics).map(|t| t.1.to_string()),
            _ => Some("NO-SUCH-TOPIC".into()),
        };
    }
    if rng.gen_bool(0.2) {
        f.status = pick(rng, &["reported", "under_review", "validated", "raised", "resolved", "dismissed"])
            .map(|s| (*s).into());
    }
    if rng.gen_bool(0.1) {
        f.reporting_country = pick(rng, &["BGD", "NPL", "IND", "KHM"]).map(|s| (*s).into());
    }
    if rng.gen_bool(0.1) {
        f.delegation = pick(rng, &v.delegations).copied();
    }
    if rng.gen_bool(0.25) {
        f.severity_min = Some(rng.gen_range(1..=5));
    }
    if rng.gen_bool(0.1) {
        f.severity_max = Some(rng.gen_range(3..=5));
    }
    if rng.gen_bool(0.1) {
        f.from = chrono::NaiveDate::from_ymd_opt(2026, rng.gen_range(1..=12), rng.gen_range(1..=28));
    }
    if rng.gen_bool(0.1) {
        f.to = chrono::NaiveDate::from_ymd_opt(2026, rng.gen_range(1..=12), rng.gen_range(1..=28));
    }
    if rng.gen_bool(0.6) {
        let s = pick(rng, &sorts).copied().unwrap_or("title");
        f.sort = Some(if rng.gen_bool(0.5) { format!("-{s}") } else { s.to_owned() });
    }
    if rng.gen_bool(0.25) {
        let words = [
            "border",
            "RESIDUE",
            "licence",
            "nepal",
            "cold storage",
            "record 4",
            "no-such-word",
            "istanbul",
            "İSTANBUL",
            "ärzte",
            "ÄRZTE",
            "straße",
            "%",
            "_",
            "50%",
            r"\",
            "e",
            "é",
            "  border  ",
        ];
        f.q = pick(rng, &words).map(|w| (*w).to_owned());
    }
    f.limit = pick(rng, &[1i64, 7, 25, 100]).copied();
    f
}

/// Asks both for up to three pages of `f` as `who` and requires the same answer each time.
async fn same(db: &DatabaseConnection, model: &RegistryModel, who: &Actor, f: ImpedimentFilter) -> usize {
    let mut f = f;
    let mut shown = 0;
    for page in 0..3 {
        let tables = from_tables(db, who, f.clone()).await;
        let memory = list(db, model, who, f.clone()).await;
        let (tables, memory) = match (tables, memory) {
            (Ok(t), Ok(m)) => (t, m),
            (Err(t), Err(m)) => {
                assert_eq!(format!("{t:?}"), format!("{m:?}"), "{f:?}: the same refusal");
                return shown;
            }
            (t, m) => panic!("{f:?}, page {page}: tables {:?}, model {:?}", t.map(|p| p.total), m.map(|p| p.total)),
        };
        let json = |items: &Vec<crate::views::ImpedimentView>| serde_json::to_value(items).expect("json");
        assert_eq!(json(&memory.items), json(&tables.items), "{f:?} as {:?}, page {page}: the items", who.role);
        assert_eq!(memory.total, tables.total, "{f:?}, page {page}: the total");
        assert_eq!(memory.next_cursor, tables.next_cursor, "{f:?}, page {page}: the cursor");
        // What the endpoint sends: each item's stored JSON must be the tables' item serialized.
        let rendered = list_rendered(db, model, who, f.clone()).await.expect("the same page as JSON");
        let expected: Vec<Vec<u8>> = tables.items.iter().map(|i| serde_json::to_vec(i).expect("json")).collect();
        let got: Vec<&[u8]> = rendered.items.iter().map(super::RenderedItem::as_bytes).collect();
        assert_eq!(got, expected, "{f:?} as {:?}, page {page}: the items' JSON", who.role);
        assert_eq!(rendered.next_cursor, tables.next_cursor, "{f:?}, page {page}: the JSON page's cursor");
        shown += memory.items.len();
        match tables.next_cursor {
            Some(c) => f.cursor = Some(c),
            None => break,
        }
    }
    shown
}

async fn all_same(db: &DatabaseConnection, model: &RegistryModel, who: &[Actor], seed: u64, queries: usize) {
    let v = values(db).await;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut shown = 0;
    for n in 0..queries {
        let f = query(&mut rng, &v);
        shown += same(db, model, &who[n % who.len()], f).await;
    }
    assert!(shown > queries, "the queries found records ({shown})");
}

#[tokio::test]
async fn the_model_answers_as_the_tables_do_before_and_after_changes_behind_its_back() {
    let test_db = TestDatabase::create().await.expect("a test database");
    let db = crate::db::connect(&test_db.url).await.expect("connect");
    crate::db::migrate(&db).await.expect("migrate");
    crate::demo::seed(&db, 1500).await.expect("demo");
    let (bgd, npl, ind) = (delegation(&db, "BGD").await, delegation(&db, "NPL").await, delegation(&db, "IND").await);
    // Some records lead to a firm: shown only to who may read it.
    let firms: Vec<Uuid> = stakeholders::Entity::find()
        .select_only()
        .column(stakeholders::Column::Id)
        .into_tuple()
        .all(&db)
        .await
        .expect("firms");
    assert!(!firms.is_empty(), "the demo has stakeholders");
    let some: Vec<Uuid> = impediments::Entity::find()
        .select_only()
        .column(impediments::Column::Id)
        .order_by_asc(impediments::Column::Id)
        .limit(60)
        .into_tuple()
        .all(&db)
        .await
        .expect("ids");
    for (n, id) in some.iter().enumerate() {
        impediments::Entity::update_many()
            .col_expr(impediments::Column::StakeholderId, Expr::value(firms[n % firms.len()]))
            .filter(impediments::Column::Id.eq(*id))
            .exec(&db)
            .await
            .expect("link");
    }
    // Texts whose case rules differ between engines and languages: the model must find exactly what
    // each engine's own `lower(…) LIKE` finds.
    let texts = ["Ärzte certificate İSTANBUL 50% rule", "Licence for STRASSE and Straße_ways", r"Path C:\border\fees"];
    for (n, title) in texts.iter().enumerate() {
        impediments::Entity::update_many()
            .col_expr(impediments::Column::Title, Expr::value(*title))
            .filter(impediments::Column::Id.eq(some[n + 30]))
            .exec(&db)
            .await
            .expect("retitle");
    }
    let who = [
        actor(Role::Admin, None),
        actor(Role::Analyst, None),
        actor(Role::Delegate, Some(bgd)),
        actor(Role::Delegate, Some(npl)),
        actor(Role::FocalPoint, Some(ind)),
        actor(Role::Stakeholder, None),
    ];
    let model = RegistryModel::new(true);
    all_same(&db, &model, &who, 1, 150).await;
    let held = model.len();
    assert!(held >= 1500, "the model holds the registry ({held})");

    // 1. A record's visibility narrows: Nepal must stop seeing a Bangladesh record at once.
    let record = impediments::Entity::find()
        .filter(impediments::Column::DelegationId.eq(bgd))
        .filter(impediments::Column::Visibility.eq("regional"))
        .one(&db)
        .await
        .expect("a query")
        .expect("a regional Bangladesh record");
    let nepal = &who[3];
    let by_partner = ImpedimentFilter { partner: Some(record.partner.clone()), limit: Some(200), ..Default::default() };
    let seen = |page: &crate::cursor::Page<crate::views::ImpedimentView>| page.items.iter().any(|i| i.id == record.id);
    let before = list(&db, &model, nepal, ImpedimentFilter { delegation: Some(bgd), ..by_partner.clone() }).await;
    assert!(before.as_ref().is_ok_and(seen), "Nepal reads the regional record");
    impediments::Entity::update_many()
        .col_expr(impediments::Column::Visibility, Expr::value("delegation"))
        .filter(impediments::Column::Id.eq(record.id))
        .exec(&db)
        .await
        .expect("narrow");
    let after = list(&db, &model, nepal, ImpedimentFilter { delegation: Some(bgd), ..by_partner.clone() }).await;
    assert!(after.as_ref().is_ok_and(|p| !seen(p)), "Nepal no longer reads it");

    // 1b. A firm registered after the model loaded (a firm's insert is not logged) and then linked to a
    // record: the record's change must bring the firm's owner along, so that Bangladesh, which owns the
    // firm, sees the link and Nepal, which reads the record, does not.
    let template = stakeholders::Entity::find().one(&db).await.expect("a query").expect("a firm");
    let firm = Uuid::new_v4();
    let mut new_firm: stakeholders::ActiveModel = template.into();
    new_firm.id = Set(firm);
    new_firm.delegation_id = Set(bgd);
    new_firm.external_id = Set(None);
    new_firm.user_id = Set(None);
    new_firm.erased_at = Set(None);
    stakeholders::Entity::insert(new_firm).exec(&db).await.expect("a new firm");
    impediments::Entity::update_many()
        .col_expr(impediments::Column::StakeholderId, Expr::value(firm))
        .col_expr(impediments::Column::Title, Expr::value("Firm registered after the load"))
        .col_expr(impediments::Column::DelegationId, Expr::value(bgd))
        .col_expr(impediments::Column::Visibility, Expr::value("regional"))
        .filter(impediments::Column::Id.eq(some[5]))
        .exec(&db)
        .await
        .expect("link the new firm");
    let probe = ImpedimentFilter { q: Some("registered after the load".into()), ..Default::default() };
    for caller in &who {
        same(&db, &model, caller, probe.clone()).await;
    }
    let linked_firm = |page: crate::cursor::Page<crate::views::ImpedimentView>| {
        let record = page.items.iter().find(|i| i.id == some[5]).expect("the record is read");
        record.stakeholder_id
    };
    let bangladesh = linked_firm(list(&db, &model, &who[2], probe.clone()).await.expect("a page"));
    assert_eq!(bangladesh, Some(firm), "Bangladesh sees its new firm on the record");
    let nepal_sees = linked_firm(list(&db, &model, &who[3], probe.clone()).await.expect("a page"));
    assert_eq!(nepal_sees, None, "Nepal reads the record but not Bangladesh's firm");

    // 2. Topic links move, a topic is renamed, a firm changes hands, a record is deleted.
    let link = impediment_topics::Entity::find().one(&db).await.expect("a query").expect("a link");
    impediment_topics::Entity::delete_many()
        .filter(impediment_topics::Column::ImpedimentId.eq(link.impediment_id))
        .exec(&db)
        .await
        .expect("unlink");
    impediment_topics::Entity::update_many()
        .col_expr(impediment_topics::Column::ImpedimentId, Expr::value(link.impediment_id))
        .filter(impediment_topics::Column::ImpedimentId.eq(some[1]))
        .exec(&db)
        .await
        .expect("move links");
    let topic = topics::Entity::find().one(&db).await.expect("a query").expect("a topic");
    topics::Entity::update_many()
        .col_expr(topics::Column::Code, Expr::value("RENAMED"))
        .filter(topics::Column::Id.eq(topic.id))
        .exec(&db)
        .await
        .expect("rename");
    let renamed = ImpedimentFilter { topic: Some("renamed".into()), ..Default::default() };
    same(&db, &model, &who[0], renamed.clone()).await;
    let old_code = ImpedimentFilter { topic: Some(topic.code.clone()), ..Default::default() };
    let old = list(&db, &model, &who[0], old_code).await.expect("a page");
    assert!(old.items.is_empty(), "the old code names no topic now");
    stakeholders::Entity::update_many()
        .col_expr(stakeholders::Column::DelegationId, Expr::value(npl))
        .filter(stakeholders::Column::Id.is_in(firms.iter().take(3).copied()))
        .exec(&db)
        .await
        .expect("hand over");
    let gone = some[2];
    impediments::Entity::delete_many().filter(impediments::Column::Id.eq(gone)).exec(&db).await.expect("delete");
    all_same(&db, &model, &who, 2, 120).await;

    // 3. The log lost changes (pruned): the model notices the gap and reloads everything.
    db.execute_unprepared("DELETE FROM read_model_changes").await.expect("prune");
    impediments::Entity::update_many()
        .col_expr(impediments::Column::Severity, Expr::value(5))
        .filter(impediments::Column::Id.is_in(some.iter().skip(10).take(20).copied()))
        .exec(&db)
        .await
        .expect("raise");
    let lost = read_model_changes::Entity::find()
        .filter(read_model_changes::Column::Kind.eq("impediment"))
        .filter(read_model_changes::Column::RecordId.eq(some[10]))
        .one(&db)
        .await
        .expect("a query")
        .expect("the change is logged")
        .generation;
    // Every entry of that number (PostgreSQL numbers the whole statement's rows once).
    read_model_changes::Entity::delete_many()
        .filter(read_model_changes::Column::Generation.eq(lost))
        .exec(&db)
        .await
        .expect("lose one");
    all_same(&db, &model, &who, 3, 120).await;
    let severity = {
        let inner = model.inner.as_ref().expect("on");
        let guard = inner.state.read().expect("the state");
        let state = guard.as_ref().expect("loaded");
        state.by_id.get(&some[10]).and_then(|s| state.get(*s)).map(|r| r.severity)
    };
    assert_eq!(severity, Some(5), "the change whose log entry was lost is in");
    assert_eq!(model.len(), held - 1, "the deleted record is gone after the full reload");

    // 4. PostgreSQL's `TRUNCATE` fires no row trigger: its statement trigger must tell the model.
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        let linked = impediment_topics::Entity::find().one(&db).await.expect("a query").expect("a link");
        let with_topic = ImpedimentFilter { topic: Some(linked.topic_id.to_string()), ..Default::default() };
        let page = list(&db, &model, &who[0], with_topic.clone()).await.expect("a page");
        assert!(!page.items.is_empty(), "the topic has records before");
        db.execute_unprepared("TRUNCATE impediment_topics").await.expect("truncate");
        let page = list(&db, &model, &who[0], with_topic).await.expect("a page");
        assert!(page.items.is_empty(), "no record has a topic after the truncation");
        all_same(&db, &model, &who, 4, 60).await;
    }
}
