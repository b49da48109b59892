use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn countries_carry_real_wto_ldc_and_time_zone_facts() {
    let app = TestApp::spawn().await;
    let token = app.login(BGD).await;
    let npl = app.get_json("/api/v1/countries/npl", &token).await;
    assert_eq!(npl["wto_status"], "member");
    assert_eq!(npl["wto_member_since"], "2004-04-23");
    assert_eq!(npl["ldc"], true);
    assert_eq!(npl["time_zone"], "Asia/Kathmandu");
    assert_eq!(app.get_json("/api/v1/countries/MMR", &token).await["time_zone"], "Asia/Yangon");
    assert_eq!(app.get_json("/api/v1/countries/BTN", &token).await["wto_status"], "observer");
    let south = app.all_pages("/api/v1/countries?region=south_asia&limit=3", &token).await;
    assert_eq!(south.len(), 8);
    let southeast = app.all_pages("/api/v1/countries?region=southeast_asia", &token).await;
    assert_eq!(southeast.len(), 11);
    problem(app.get("/api/v1/countries/XXX", &token).await, 404).await;
    assert_eq!(fields(&problem(app.get("/api/v1/countries?region=europe", &token).await, 422).await), vec!["region"]);
}

#[tokio::test]
async fn every_south_and_southeast_asian_wto_member_has_a_delegation_and_bhutan_does_not() {
    let app = TestApp::spawn().await;
    let token = app.login(ANALYST).await;
    let delegations = app.all_pages("/api/v1/delegations?limit=5", &token).await;
    let codes: Vec<&str> = delegations.iter().filter_map(|d| d["country_code"].as_str()).collect();
    assert_eq!(codes.len(), 18);
    assert!(codes.contains(&"BGD") && codes.contains(&"TLS") && !codes.contains(&"BTN"));
    let id = delegations[0]["id"].as_str().unwrap();
    assert_eq!(app.get_json(&format!("/api/v1/delegations/{id}"), &token).await["id"], id);
}

#[tokio::test]
async fn ministerials_ntm_categories_and_sectors_are_seeded() {
    let app = TestApp::spawn().await;
    let token = app.login(NPL).await;
    let mcs = app.all_pages("/api/v1/ministerials", &token).await;
    let codes: Vec<&str> = mcs.iter().filter_map(|m| m["code"].as_str()).collect();
    assert!(codes.windows(2).any(|w| w == ["MC12", "MC13"]) && codes.contains(&"MC14"));
    let mc12 = app.get_json("/api/v1/ministerials/mc12", &token).await;
    assert_eq!(mc12["host_city"], "Geneva");
    assert_eq!(mc12["starts_on"], "2022-06-12");
    let mast = app.all_pages("/api/v1/ntm-categories?kind=mast_chapter", &token).await;
    let letters: String = mast.iter().filter_map(|n| n["code"].as_str()).collect();
    assert_eq!(letters, "ABCDEFGHIJKLMNOP");
    let procedural = app.all_pages("/api/v1/ntm-categories?kind=procedural", &token).await;
    assert_eq!(procedural.len(), 8);
    let sectors = app.all_pages("/api/v1/sectors?limit=4", &token).await;
    assert_eq!(sectors.len(), 21);
}

#[tokio::test]
async fn an_admin_adds_a_ministerial_and_bad_or_taken_ones_write_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let body = json!({"code": "MC15", "name": "Fifteenth WTO Ministerial Conference", "host_city": "Geneva",
        "host_country": "Switzerland", "starts_on": "2028-03-01", "ends_on": "2028-03-04"});
    let res = app.post_json("/api/v1/ministerials", Some(&admin), body.clone()).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["location"], "/api/v1/ministerials/MC15");
    assert_eq!(app.get_json("/api/v1/ministerials/MC15", &admin).await["host_city"], "Geneva");
    // The same code again: refused, naming the field.
    let p = problem(app.post_json("/api/v1/ministerials", Some(&admin), body.clone()).await, 422).await;
    assert_eq!(p["errors"][0]["field"], "code");
    // Every problem at once, and nothing written.
    let bad = json!({"code": "mc 16", "name": " ", "host_city": "x", "host_country": "y",
        "starts_on": "2028-03-04", "ends_on": "2028-03-01"});
    let p = problem(app.post_json("/api/v1/ministerials", Some(&admin), bad).await, 422).await;
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert_eq!(fields, ["code", "name", "ends_on"]);
    let all = app.all_pages("/api/v1/ministerials", &admin).await;
    assert_eq!(all.iter().filter(|m| m["code"] == "MC15").count(), 1);
    assert_eq!(all.len(), 5, "MC11–MC14 and MC15");
    // A delegate may not add one.
    let bgd = app.login(BGD).await;
    let other = json!({"code": "MC16", "name": "x", "host_city": "x", "host_country": "x",
        "starts_on": "2030-03-01", "ends_on": "2030-03-04"});
    assert_eq!(app.post_json("/api/v1/ministerials", Some(&bgd), other).await.status(), 403);
}
