//! The people taking part in a meeting (issue 10, forum SPA): read like the meeting, names and
//! delegations only, and exactly the people an action item may be given to.

use serde_json::{json, Value};

use crate::helpers::*;
use crate::meeting_fixtures::{meeting, meeting_body, user_id};

async fn participants(app: &TestApp, token: &str, id: &str) -> reqwest::Response {
    app.get(&format!("/api/v1/meetings/{id}/participants"), token).await
}

#[tokio::test]
async fn participants_are_named_without_contact_details_and_each_may_own_an_action_item() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    let npl_delegation = app.delegation_id(&admin, "NPL").await;
    let npl_user = user_id(&app, &admin, NPL).await;
    let bgd_user = user_id(&app, &admin, BGD).await;
    let analyst = user_id(&app, &admin, ANALYST).await;
    let id = meeting(&app, &bgd, meeting_body(&bgd_delegation, "delegation", &[&npl_delegation], &[])).await;

    // The invited delegation reads the list, like the meeting itself.
    let res = participants(&app, &npl, &id).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    let items = body["items"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = items.iter().filter_map(|p| p["id"].as_str()).collect();
    assert!(ids.contains(&bgd_user.as_str()) && ids.contains(&npl_user.as_str()), "{body}");
    assert!(!ids.contains(&analyst.as_str()), "the analyst takes no part: {body}");
    let nepal = items.iter().find(|p| p["id"] == npl_user.as_str()).unwrap();
    assert_eq!(nepal["delegation"]["code"], "NPL");
    assert!(!nepal["name"].as_str().unwrap_or_default().is_empty());
    // Names and delegations only: no e-mail address anywhere in the answer.
    assert!(!body.to_string().contains("@gmc.test"), "{body}");
    for p in &items {
        assert_eq!(p.as_object().unwrap().len(), 3, "{p}");
    }
    // Sorted by name.
    let names: Vec<&str> = items.iter().filter_map(|p| p["name"].as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);

    // Every one listed may own an action item; someone not listed may not.
    for owner in &ids {
        let body = json!({"title": "Follow up", "owner_user_id": owner, "due_on": "2027-04-15"});
        let res = app.post_json(&format!("/api/v1/meetings/{id}/action-items"), Some(&bgd), body).await;
        assert_eq!(res.status(), 201, "{owner}");
    }
    let body = json!({"title": "Follow up", "owner_user_id": analyst, "due_on": "2027-04-15"});
    let res = app.post_json(&format!("/api/v1/meetings/{id}/action-items"), Some(&bgd), body).await;
    assert_eq!(res.status(), 422);

    // Inviting the analyst by name adds them.
    let res = app
        .request(reqwest::Method::PATCH, &format!("/api/v1/meetings/{id}"), Some(&bgd))
        .header("if-match", "\"1\"")
        .json(&json!({"invited_user_ids": [analyst]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = participants(&app, &bgd, &id).await.json().await.unwrap();
    let analyst_row = body["items"].as_array().unwrap().iter().find(|p| p["id"] == analyst.as_str()).cloned();
    assert!(analyst_row.is_some_and(|p| p["delegation"].is_null()), "{body}");
}

#[tokio::test]
async fn a_confidential_meetings_participants_are_not_found_by_another_delegation() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    let id = meeting(&app, &bgd, meeting_body(&bgd_delegation, "delegation", &[], &[])).await;
    // Exactly like an unknown meeting: 404, with nothing of the names in the answer.
    let res = participants(&app, &npl, &id).await;
    assert_eq!(res.status(), 404);
    let text = res.text().await.unwrap();
    assert!(!text.contains("Bangladesh"), "{text}");
    let unknown = participants(&app, &npl, "00000000-0000-0000-0000-000000000000").await;
    assert_eq!(unknown.status(), 404);
    // The analyst reads no `delegation`-level meeting it is not invited to.
    let analyst = app.login(ANALYST).await;
    assert_eq!(participants(&app, &analyst, &id).await.status(), 404);
}
