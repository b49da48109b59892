use chrono::Utc;
use reqwest::Method;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};

use crate::helpers::*;

fn body(name: &str, external_id: &str) -> Value {
    json!({"name": name, "external_id": external_id, "kind": "msme", "country": "BGD", "sector": "C",
           "size_class": "small", "employees": 32, "women_led": true, "exporter": true,
           "contact_name": "Amina Rahman", "contact_email": "amina@knit.example.org", "contact_phone": "+880 555 0101",
           "consent_purpose": "Invitations to consultations", "consent_at": "2026-03-01"})
}

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post_json("/api/v1/stakeholders", Some(token), body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn send(app: &TestApp, method: Method, path: &str, token: &str, body: Option<Value>) -> reqwest::Response {
    let mut rb = app.request(method, path, Some(token)).header("if-match", "\"1\"");
    if let Some(b) = body {
        rb = rb.json(&b);
    }
    rb.send().await.unwrap()
}

#[tokio::test]
async fn bad_stakeholders_are_refused_with_every_field_named_and_nothing_written() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let res = app
        .post_json(
            "/api/v1/stakeholders",
            Some(&bgd),
            json!({"name": "", "external_id": "x".repeat(65), "kind": "firm", "country": "XXX", "sector": "Z",
                   "size_class": "huge", "employees": 300, "contact_email": "not-an-email",
                   "contact_phone": "call me", "consent_purpose": "p".repeat(501), "consent_at": "2999-01-01",
                   "user_id": "00000000-0000-0000-0000-000000000000"}),
        )
        .await;
    let mut f = fields(&problem(res, 422).await);
    f.sort();
    assert_eq!(
        f,
        vec![
            "consent_at",
            "consent_purpose",
            "contact_email",
            "contact_phone",
            "country",
            "employees",
            "external_id",
            "kind",
            "name",
            "sector",
            "size_class",
            "user_id"
        ]
    );
    // An employee count must fit the size class.
    let mut b = body("Sylhet Tea Growers", "STK-T-1");
    b["size_class"] = json!("micro");
    let res = app.post_json("/api/v1/stakeholders", Some(&bgd), b).await;
    let p = problem(res, 422).await;
    assert_eq!((fields(&p), p["errors"][0]["code"].as_str()), (vec!["employees".to_owned()], Some("inconsistent")));
    // The linked account must have the stakeholder role.
    let admin = app.login(ADMIN).await;
    let me = app.get_json("/api/v1/me", &bgd).await;
    let mut b = body("Sylhet Tea Growers", "STK-T-2");
    b["user_id"] = me["id"].clone();
    let p = problem(app.post_json("/api/v1/stakeholders", Some(&bgd), b).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "unknown", "the same answer as for a missing or linked account");
    assert!(app.all_pages("/api/v1/stakeholders", &admin).await.is_empty(), "nothing was written");
}

#[tokio::test]
async fn contact_details_are_kept_only_with_consent_recorded() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let mut b = body("Khulna Shrimp Farms", "STK-C-1");
    b.as_object_mut().unwrap().remove("consent_purpose");
    b.as_object_mut().unwrap().remove("consent_at");
    let mut f = fields(&problem(app.post_json("/api/v1/stakeholders", Some(&bgd), b).await, 422).await);
    f.sort();
    assert_eq!(f, vec!["consent_at", "consent_purpose"]);
    // Without contact details, no consent is needed.
    let plain = create(
        &app,
        &bgd,
        json!({"name": "Khulna Jute Cooperative", "kind": "cooperative", "country": "BGD", "sector": "C",
               "size_class": "medium"}),
    )
    .await;
    assert_eq!((plain["has_contact"].as_bool(), plain["women_led"].as_bool()), (Some(false), Some(false)));
    // A change cannot drop consent while the details stay.
    let s = create(&app, &bgd, body("Khulna Shrimp Farms", "STK-C-2")).await;
    let path = format!("/api/v1/stakeholders/{}", s["id"].as_str().unwrap());
    let res = send(&app, Method::PATCH, &path, &bgd, Some(json!({"consent_at": null}))).await;
    assert_eq!(fields(&problem(res, 422).await), vec!["consent_at"]);
}

#[tokio::test]
async fn contact_details_are_read_only_through_the_audited_endpoint_and_never_by_analysts() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let s = create(&app, &bgd, body("Dhaka Knitwear Ltd", "STK-BGD-9001")).await;
    let id = s["id"].as_str().unwrap();
    assert_eq!(s["has_contact"], true);
    let listed = app.get("/api/v1/stakeholders", &bgd).await.text().await.unwrap();
    let read = app.get(&format!("/api/v1/stakeholders/{id}"), &bgd).await.text().await.unwrap();
    for text in [&listed, &read] {
        assert!(
            !text.contains("amina") && !text.contains("555 0101") && !text.contains("Amina"),
            "no contact value in lists or reads: {text}"
        );
    }

    let contact = app.get_json(&format!("/api/v1/stakeholders/{id}/contact"), &bgd).await;
    assert_eq!(contact["contact_email"], "amina@knit.example.org");
    assert_eq!(contact["consent_at"], "2026-03-01");

    let analyst = app.login(ANALYST).await;
    assert_eq!(app.get_json(&format!("/api/v1/stakeholders/{id}"), &analyst).await["name"], "Dhaka Knitwear Ltd");
    problem(app.get(&format!("/api/v1/stakeholders/{id}/contact"), &analyst).await, 403).await;
    // Through an API key, not even the owning delegation reads personal data.
    let key = app.post_json("/api/v1/api-keys", Some(&bgd), json!({"name": "crm", "scopes": ["read"]})).await;
    let key = key.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned();
    assert_eq!(app.get(&format!("/api/v1/stakeholders/{id}"), &key).await.status(), 200);
    problem(app.get(&format!("/api/v1/stakeholders/{id}/contact"), &key).await, 403).await;

    let admin = app.login(ADMIN).await;
    let reads =
        app.get_json(&format!("/api/v1/audit-events?entity_id={id}&action=stakeholder.contact_read"), &admin).await;
    assert_eq!(reads["items"].as_array().unwrap().len(), 1, "one successful read, one event");
    let log = app.get(&format!("/api/v1/audit-events?entity_id={id}"), &admin).await.text().await.unwrap();
    assert!(
        !log.contains("amina") && !log.contains("555 0101") && !log.contains("Amina"),
        "no contact value in the audit log: {log}"
    );
    assert!(log.contains("[redacted]"));
}

#[tokio::test]
async fn nepal_sees_none_of_bangladeshs_stakeholders_through_any_endpoint() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let s = create(&app, &bgd, body("Gazipur Garments Ltd", "STK-BGD-7001")).await;
    let id = s["id"].as_str().unwrap();
    let bgd_delegation = s["delegation_id"].as_str().unwrap();
    for query in ["", "?country=BGD", "?q=gazipur", "?q=STK-BGD", "?sector=C&women_led=true"] {
        let items = app.all_pages(&format!("/api/v1/stakeholders{query}"), &npl).await;
        assert!(items.is_empty(), "{query}");
    }
    let items = app.all_pages(&format!("/api/v1/stakeholders?delegation={bgd_delegation}"), &npl).await;
    assert!(items.is_empty());
    let path = format!("/api/v1/stakeholders/{id}");
    problem(app.get(&path, &npl).await, 404).await;
    problem(app.get(&format!("{path}/contact"), &npl).await, 404).await;
    problem(send(&app, Method::PATCH, &path, &npl, Some(json!({"name": "Mine"}))).await, 404).await;
    problem(send(&app, Method::POST, &format!("{path}/erasure"), &npl, None).await, 404).await;
    problem(send(&app, Method::DELETE, &path, &npl, None).await, 404).await;
    // Nor can Nepal file one for Bangladesh.
    let mut b = body("Elsewhere", "STK-NPL-1");
    b["delegation_id"] = json!(bgd_delegation);
    problem(app.post_json("/api/v1/stakeholders", Some(&npl), b).await, 403).await;
    // Bangladesh still finds it, by every filter.
    let found = app
        .all_pages("/api/v1/stakeholders?q=GAZIPUR&country=bgd&sector=C&size_class=small&exporter=true&kind=msme", &bgd)
        .await;
    assert_eq!(found.len(), 1);
}

#[tokio::test]
async fn erasure_removes_personal_data_and_keeps_linked_answers_and_impediments() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let admin = app.login(ADMIN).await;
    let s = create(&app, &bgd, body("Rajshahi Silk Works", "STK-BGD-5001")).await;
    let id: uuid::Uuid = s["id"].as_str().unwrap().parse().unwrap();
    let path = format!("/api/v1/stakeholders/{id}");
    let imp = app
        .post_json(
            "/api/v1/impediments",
            Some(&bgd),
            json!({"reporting_country": "BGD", "partner": "EU", "ntm_code": "B31", "title": "Labelling",
                   "description": "Labels re-done per market.", "severity": 3}),
        )
        .await;
    let imp: uuid::Uuid = imp.json::<Value>().await.unwrap()["id"].as_str().unwrap().parse().unwrap();
    let db = app.db().await;
    use gmc_domain::consultation::{Channel, ConsultationStatus};
    use gmc_domain::Visibility;
    use gmc_store::entities::{consultations, impediments, responses};
    impediments::Entity::update_many()
        .col_expr(impediments::Column::StakeholderId, Expr::value(Some(id)))
        .filter(impediments::Column::Id.eq(imp))
        .exec(&db)
        .await
        .unwrap();
    let now = Utc::now();
    let consultation = uuid::Uuid::now_v7();
    consultations::ActiveModel {
        id: Set(consultation),
        delegation_id: Set(None),
        visibility: Set(Visibility::Regional.into()),
        title: Set("Export costs".into()),
        description: Set(String::new()),
        status: Set(ConsultationStatus::Open.into()),
        languages: Set("[\"en\"]".into()),
        topic_ids: Set("[]".into()),
        questions: Set("[]".into()),
        opens_at: Set(None),
        closes_at: Set(None),
        token: Set("t-erasure".into()),
        created_by: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        translations: Set("{}".into()),
        feedback: Set(None),
        feedback_at: Set(None),
    }
    .insert(&db)
    .await
    .unwrap();
    let response = uuid::Uuid::now_v7();
    responses::ActiveModel {
        id: Set(response),
        consultation_id: Set(consultation),
        stakeholder_id: Set(Some(id)),
        channel: Set(Channel::Web.into()),
        lang: Set("en".into()),
        country: Set(Some("BGD".into())),
        sector: Set(Some("C".into())),
        size_class: Set(Some("small".into())),
        women_led: Set(Some(true)),
        external_id: Set(None),
        submitted_at: Set(now),
    }
    .insert(&db)
    .await
    .unwrap();

    let refused = problem(send(&app, Method::DELETE, &path, &bgd, None).await, 409).await;
    assert!(refused["detail"].as_str().unwrap().contains("erase it instead"));

    let res = send(&app, Method::POST, &format!("{path}/erasure"), &bgd, None).await;
    assert_eq!(res.status(), 200);
    let erased: Value = res.json().await.unwrap();
    assert_eq!(erased["name"], "Erased stakeholder");
    assert_eq!((erased["erased"].as_bool(), erased["has_contact"].as_bool()), (Some(true), Some(false)));
    assert!(erased["external_id"].is_null() && erased["consent_at"].is_null() && erased["erased_at"].is_string());
    assert_eq!(erased["version"], 2);
    let contact = app.get_json(&format!("{path}/contact"), &bgd).await;
    assert!(contact["contact_email"].is_null() && contact["contact_name"].is_null());

    assert!(responses::Entity::find_by_id(response)
        .one(&db)
        .await
        .unwrap()
        .is_some_and(|r| r.stakeholder_id == Some(id)));
    assert!(impediments::Entity::find_by_id(imp).one(&db).await.unwrap().is_some_and(|i| i.stakeholder_id == Some(id)));

    // The log keeps that it happened, not who it was.
    let log = app.get(&format!("/api/v1/audit-events?entity_id={id}"), &admin).await.text().await.unwrap();
    assert!(!log.contains("Rajshahi") && !log.contains("STK-BGD-5001"), "{log}");
    assert!(log.contains("stakeholder.erase"));

    // An erased record stays erased.
    let res = app
        .request(Method::PATCH, &path, Some(&bgd))
        .header("if-match", "\"2\"")
        .json(&json!({"name": "Back again"}))
        .send()
        .await
        .unwrap();
    assert!(problem(res, 409).await["detail"].as_str().unwrap().contains("erased"));
    problem(send(&app, Method::POST, &format!("{path}/erasure"), &bgd, None).await, 409).await;
}

#[tokio::test]
async fn updates_need_the_current_version_and_duplicates_are_named_not_crashed() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let a = create(&app, &bgd, body("Sialkot Footwear", "STK-D-1")).await;
    create(&app, &bgd, body("Other Footwear", "STK-D-2")).await;
    let p = problem(app.post_json("/api/v1/stakeholders", Some(&bgd), body("Copy", "STK-D-1")).await, 422).await;
    assert_eq!((fields(&p), p["errors"][0]["code"].as_str()), (vec!["external_id".to_owned()], Some("taken")));

    let path = format!("/api/v1/stakeholders/{}", a["id"].as_str().unwrap());
    let res = app.request(Method::PATCH, &path, Some(&bgd)).json(&json!({"exporter": false})).send().await.unwrap();
    problem(res, 428).await;
    let p = problem(send(&app, Method::PATCH, &path, &bgd, Some(json!({"external_id": "STK-D-2"}))).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "taken");
    let res = send(&app, Method::PATCH, &path, &bgd, Some(json!({"exporter": false, "contact_phone": null}))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let updated: Value = res.json().await.unwrap();
    assert_eq!((updated["exporter"].as_bool(), updated["version"].as_i64()), (Some(false), Some(2)));
    problem(send(&app, Method::PATCH, &path, &bgd, Some(json!({"exporter": true}))).await, 412).await;

    let admin = app.login(ADMIN).await;
    let id = a["id"].as_str().unwrap();
    let ev = app.get_json(&format!("/api/v1/audit-events?entity_id={id}&action=stakeholder.update"), &admin).await;
    let changes = &ev["items"][0]["changes"];
    assert_eq!(changes["contact_phone"], json!({"from": "[redacted]", "to": null}));
    assert_eq!(changes["exporter"], json!({"from": true, "to": false}));
}

#[tokio::test]
async fn a_retried_create_makes_one_stakeholder_and_an_account_sees_only_its_own() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let admin = app.login(ADMIN).await;
    let send_once = || {
        app.request(Method::POST, "/api/v1/stakeholders", Some(&bgd))
            .header("idempotency-key", "stk-1")
            .json(&body("Cox's Bazar Fisheries", "STK-I-1"))
            .send()
    };
    let first: Value = send_once().await.unwrap().json().await.unwrap();
    let again = send_once().await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.json::<Value>().await.unwrap()["id"], first["id"]);
    assert_eq!(app.all_pages("/api/v1/stakeholders", &admin).await.len(), 1);

    let user = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": "msme@gmc.test", "name": "MSME", "password": PASSWORD, "role": "stakeholder"}),
        )
        .await;
    let user: Value = user.json().await.unwrap();
    let mut b = body("Linked Firm", "STK-I-2");
    b["user_id"] = user["id"].clone();
    let linked = create(&app, &bgd, b).await;
    let mut b = body("Second Link", "STK-I-3");
    b["user_id"] = user["id"].clone();
    let p = problem(app.post_json("/api/v1/stakeholders", Some(&bgd), b).await, 422).await;
    assert_eq!((fields(&p), p["errors"][0]["code"].as_str()), (vec!["user_id".to_owned()], Some("unknown")));

    let msme = app.login("msme@gmc.test").await;
    let mine = app.all_pages("/api/v1/stakeholders", &msme).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["id"], linked["id"]);
    problem(app.get(&format!("/api/v1/stakeholders/{}", first["id"].as_str().unwrap()), &msme).await, 404).await;
    problem(app.get(&format!("/api/v1/stakeholders/{}/contact", linked["id"].as_str().unwrap()), &msme).await, 403)
        .await;
}
