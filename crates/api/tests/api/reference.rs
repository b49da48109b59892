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
