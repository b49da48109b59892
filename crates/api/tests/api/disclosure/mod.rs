//! Differencing attacks on aggregates (issue 7, finding 2). A non-admin reader of a shared consultation
//! collects everything it may read — unfiltered results, every single-filter result, every cross-tab
//! by every dimension, date-range results, text answers — and tries to compute a value that some answer
//! withheld from it: (a) results minus date-filtered results, (b) differences between filtered results
//! (two date filters one day apart), (c) respondents − answered, (d) column and row totals minus the
//! visible cells and mean × answered, and (e) any linear combination of all it saw. A withheld value
//! computed by any of them, compared with what an admin sees, is a leak. `docs/consultations.md`
//! ("Small-cell suppression") names the rule each attack tests.

mod collect;
mod methods;

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::consultations::{fixture_rows, fixture_with_rows, profile};
use crate::helpers::*;
use collect::attack;
use methods::report;

/// The seven responses of the hand-computed fixture (r1–r7, see `consultations::fixture`) and eight more,
/// so that groups fall on both sides of k = 5 and the responses span three date blocks:
///
/// | r | q1 | q2 | q3 | q4 | q5 | profile | submitted (2026, UTC noon) |
/// |---|----|----|----|----|----|---------|-----------|
/// | 1–7 | (the fixture) | | | | | | Mar 2, 3, 4, 5, 6, 9, 10 |
/// | 8 | yes | a | 4 | 15 | p | BGD C micro women-led | Mar 11 |
/// | 9 | no | b | 2 | | | BGD A small | Mar 16 |
/// | 10 | yes | a b | 5 | 25 | | NPL C micro women-led | Mar 17 |
/// | 11 | maybe | | 3 | 50 | | BGD G small | Mar 23 |
/// | 12 | yes | c | | 5 | q | NPL C small women-led | Mar 24 |
/// | 13 | no | a | 4 | | r | BGD A micro | Mar 25 |
/// | 14 | yes | a | 5 | 60 | | (none) | Mar 26 |
/// | 15 | maybe | | 1 | 35 | | BGD C micro women-led | Mar 27 |
///
/// By hand, all fifteen: q1 yes 8, no 4, maybe 3 (answered 15, skipped 0); q2 a 8, b 4, c 4 (answered
/// 12, skipped 3); q3 1→2, 2→2, 3→2, 4→3, 5→4 (answered 13, skipped 2, mean 44/13, median 4); q4
/// answered 11, skipped 4, sum 390, mean 390/11, median 30; q5 answered 5. Countries BGD 10, NPL 3,
/// none 2; sectors C 8, A 3, G 2, none 2; sizes micro 8, small 4, medium 1, none 2; women-led 7, not 6,
/// none 2. ISO weeks from Monday: Mar 2–8 has 5 responses, Mar 9–15 3, Mar 16–22 2, Mar 23–29 5, so
/// the date blocks of ≥ 5 are [–, Mar 8] (r1–r5), [Mar 9, Mar 22] (r6–r10) and [Mar 23, –] (r11–r15).
pub(crate) fn extended_rows() -> Vec<(Value, Option<Value>)> {
    let mut rows = fixture_rows();
    let p = profile;
    rows.extend([
        (json!({"q1": "yes", "q2": ["a"], "q3": 4, "q4": 15, "q5": "p"}), Some(p("BGD", "C", "micro", true))),
        (json!({"q1": "no", "q2": ["b"], "q3": 2}), Some(p("BGD", "A", "small", false))),
        (json!({"q1": "yes", "q2": ["a", "b"], "q3": 5, "q4": 25}), Some(p("NPL", "C", "micro", true))),
        (json!({"q1": "maybe", "q3": 3, "q4": 50}), Some(p("BGD", "G", "small", false))),
        (json!({"q1": "yes", "q2": ["c"], "q4": 5, "q5": "q"}), Some(p("NPL", "C", "small", true))),
        (json!({"q1": "no", "q2": ["a"], "q3": 4, "q5": "r"}), Some(p("BGD", "A", "micro", false))),
        (json!({"q1": "yes", "q2": ["a"], "q3": 5, "q4": 60}), None),
        (json!({"q1": "maybe", "q3": 1, "q4": 35}), Some(p("BGD", "C", "micro", true))),
    ]);
    rows
}

/// The submission day of each of the fifteen responses (March 2026).
pub(crate) const DAYS: [u32; 15] = [2, 3, 4, 5, 6, 9, 10, 11, 16, 17, 23, 24, 25, 26, 27];

pub(super) fn march(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

/// The extended fixture as a regional consultation of Bangladesh's, with the responses moved to their
/// days (no endpoint back-dates a response, so the rows are changed directly).
pub(crate) async fn extended_fixture(app: &TestApp, bgd: &str) -> Value {
    use gmc_store::entities::{answers, responses};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let (c, ids) = fixture_with_rows(app, bgd, "regional", extended_rows()).await;
    let db = app.db().await;
    for (id, day) in ids.iter().zip(DAYS) {
        let at = march(day).and_hms_opt(12, 0, 0).unwrap().and_utc();
        let id = uuid::Uuid::parse_str(id).unwrap();
        responses::Entity::update_many()
            .col_expr(responses::Column::SubmittedAt, Expr::value(at))
            .filter(responses::Column::Id.eq(id))
            .exec(&db)
            .await
            .unwrap();
        answers::Entity::update_many()
            .col_expr(answers::Column::SubmittedAt, Expr::value(at))
            .filter(answers::Column::ResponseId.eq(id))
            .exec(&db)
            .await
            .unwrap();
    }
    c
}

#[tokio::test]
async fn no_withheld_value_can_be_derived_by_differencing_what_a_non_admin_can_read() {
    let (facts, withheld, leaks) = attack(5).await;
    assert!(withheld > 20 && facts > 100, "something to attack ({withheld}) and to attack it with ({facts})");
    assert!(leaks.is_empty(), "{}", report(&leaks));
}

/// With k = 3 and k = 2 more of the fixture shows — more blocks (3 and 4), more visible cells — and so
/// more to combine.
#[tokio::test]
async fn no_withheld_value_can_be_derived_with_smaller_k_either() {
    for k in [3, 2] {
        let (facts, withheld, leaks) = attack(k).await;
        assert!(withheld > 20 && facts > 100, "k = {k}: something to attack ({withheld}) and with ({facts})");
        assert!(leaks.is_empty(), "k = {k}: {}", report(&leaks));
    }
}

/// What Nepal's delegate reads of the extended fixture (k = 5), by hand. By country the groups are
/// BGD 10, NPL 3 and not given 2: "not given" is withheld in every dimension (it is often one group),
/// Nepal's 3 with it (3 + 2 = 5 ≥ k), so Bangladesh's 10 shows. q1 is required, so its skipped is 0
/// everywhere and Bangladesh's answered is its 10; Bangladesh's yes 3, no 4, maybe 3 are each below 5.
/// The date blocks hold r1–r5, r6–r10 and r11–r15: 5 respondents each.
#[tokio::test]
async fn a_non_admin_reads_the_hand_computed_protected_tables() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let c = extended_fixture(&app, &bgd).await;
    let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
    let hidden = json!({"count": null, "withheld": true, "below_k": true});
    let shown = |n: i64| json!({"count": n, "withheld": false, "below_k": false});

    let tab = app.get_json(&format!("{base}/crosstab?question=q1&by=country"), &npl).await;
    let heads: Vec<Value> = tab["columns"].as_array().unwrap().iter().map(|c| c["respondents"].clone()).collect();
    assert_eq!(heads, vec![shown(10), hidden.clone(), hidden.clone()]);
    let r = app.get_json(&format!("{base}/results?country=BGD"), &npl).await;
    assert_eq!(r["respondents"], shown(10));
    let q1 = &r["questions"][0];
    assert_eq!((q1["answered"].clone(), q1["skipped"].clone()), (shown(10), shown(0)));
    assert!(q1["options"].as_array().unwrap().iter().all(|o| o["withheld"] == true));
    // Nobody in Sri Lanka answered, as the cross-tab's columns already say: zeros, shown.
    assert_eq!(app.get_json(&format!("{base}/results?country=LKA"), &npl).await["respondents"], shown(0));

    // Dates round to the blocks, and the answer says which dates it used.
    for (query, from, to) in [
        ("from=2026-03-10&to=2026-03-12", json!("2026-03-09"), json!("2026-03-22")),
        ("to=2026-03-06", Value::Null, json!("2026-03-08")),
        ("from=2026-03-27", json!("2026-03-23"), Value::Null),
        ("from=2026-03-02&to=2026-03-02", Value::Null, json!("2026-03-08")),
    ] {
        let r = app.get_json(&format!("{base}/results?{query}"), &npl).await;
        assert_eq!((r["from"].clone(), r["to"].clone(), r["respondents"].clone()), (from, to, shown(5)), "{query}");
    }
    let r = app.get_json(&format!("{base}/results?from=2026-03-09&to=2026-04-30"), &npl).await;
    assert_eq!(
        (r["from"].as_str(), r["to"].clone(), r["respondents"]["count"].as_i64()),
        (Some("2026-03-09"), Value::Null, Some(10))
    );
    // Admins are not rounded: March 10–12 holds r7 and r8.
    let r = app.get_json(&format!("{base}/results?from=2026-03-10&to=2026-03-12"), &app.login(ADMIN).await).await;
    assert_eq!((r["from"].as_str(), r["to"].as_str()), (Some("2026-03-10"), Some("2026-03-12")));
    assert_eq!(r["respondents"], json!({"count": 2, "withheld": false, "below_k": true}));
}

/// One profile filter at a time, dates not with one, no filter on a cross-tab — for anyone but admins,
/// each refusal a 422 naming the field. Text answers outside the owners: by date only.
#[tokio::test]
async fn non_admins_ask_one_filter_at_a_time_and_are_told_which_field_is_refused() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let admin = app.login(ADMIN).await;
    let c = extended_fixture(&app, &bgd).await;
    let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
    for (query, field) in [
        ("results?country=BGD&sector=C", "sector"),
        ("results?women_led=true&size_class=micro", "women_led"),
        ("results?country=BGD&from=2026-03-01", "from"),
        ("results.csv?sector=C&to=2026-03-20", "to"),
        ("crosstab?question=q1&by=sector&country=BGD", "country"),
        ("crosstab?question=q1&by=sector&from=2026-03-01", "from"),
    ] {
        for token in [&npl, &bgd] {
            let p = problem(app.get(&format!("{base}/{query}"), token).await, 422).await;
            assert_eq!(fields(&p), vec![field], "{query}");
            assert!(p["errors"][0]["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
        assert_eq!(app.get(&format!("{base}/{query}"), &admin).await.status(), 200, "admins combine: {query}");
    }
    let texts = format!("{base}/text-answers?question=q5");
    let p = problem(app.get(&format!("{texts}&country=BGD&sector=C"), &bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["sector"]);
    let p = problem(app.get(&format!("{texts}&country=BGD"), &npl).await, 422).await;
    assert_eq!(fields(&p), vec!["country"], "outside the owners, text answers go by date only");
    assert_eq!(app.get(&format!("{texts}&country=BGD"), &bgd).await.status(), 200);
    assert_eq!(app.get(&format!("{texts}&from=2026-03-09"), &npl).await.status(), 200);
}

/// A text answer read outside the owners carries neither its time nor, in the paging cursor, its
/// response's id (a UUID v7, which holds the time too): either would trace it across filtered lists.
#[tokio::test]
async fn text_answers_outside_the_owners_carry_no_time() {
    use base64::Engine;
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let c = extended_fixture(&app, &bgd).await;
    let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
    let page = app.get_json(&format!("{base}/text-answers?question=q5&limit=2"), &npl).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert!(page["items"].as_array().unwrap().iter().all(|t| t["submitted_at"].is_null()));
    let cursor =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(page["next_cursor"].as_str().unwrap()).unwrap();
    let cursor: Value = serde_json::from_slice(&cursor).unwrap();
    assert_eq!(cursor["id"], uuid::Uuid::nil().to_string());
    let page = app.get_json(&format!("{base}/text-answers?question=q5&limit=2"), &bgd).await;
    assert!(page["items"].as_array().unwrap().iter().all(|t| t["submitted_at"].is_string()), "owners read rows anyway");
    // A date block's answers show when the block's count of them does: r11–r15 wrote q and r (2 < 5).
    let page = app.get_json(&format!("{base}/text-answers?question=q5&from=2026-03-23"), &npl).await;
    assert_eq!((page["withheld"].as_bool(), page["items"].as_array().unwrap().len()), (Some(true), 0));
}
