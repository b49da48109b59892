//! A page of meetings (issue 10): its views are loaded for the whole page at once
//! (`meetings::related`), so each must still carry exactly its own agenda, invitations and answer —
//! the same as the meeting read alone, for the organiser and for an invitee.

use serde_json::{json, Value};

use crate::helpers::*;
use crate::meeting_fixtures::meeting;

#[tokio::test]
async fn a_page_of_many_meetings_carries_each_ones_own_agenda_invitations_and_answer() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    let npl_delegation = app.delegation_id(&admin, "NPL").await;
    let topics = app.get_json("/api/v1/topics?limit=3", &bgd).await;
    let topic_ids: Vec<&str> = topics["items"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert!(topic_ids.len() >= 2);

    // Meeting i: i agenda items (every other one on a topic); Nepal invited to the even ones, which
    // are the only ones Nepal may read (`delegation` level otherwise).
    let mut made = Vec::new();
    for i in 0..9usize {
        let agenda: Vec<Value> = (0..i)
            .map(|j| json!({"title": format!("Point {i}.{j}"), "topic_id": (j % 2 == 0).then(|| topic_ids[j % topic_ids.len()])}))
            .collect();
        let invited: Vec<&str> = if i % 2 == 0 { vec![&npl_delegation] } else { vec![] };
        let body = json!({"delegation_id": bgd_delegation, "kind": "forum_meeting", "title": format!("Meeting {i}"),
            "starts_at": format!("2027-03-{:02}T10:00", 10 + i), "ends_at": format!("2027-03-{:02}T11:00", 10 + i),
            "time_zone": "Europe/Zurich", "place": "CICG", "visibility": "delegation",
            "invited_delegation_ids": invited, "invited_user_ids": [], "agenda": agenda});
        made.push(meeting(&app, &bgd, body).await);
    }
    // Nepal answers two of its invitations differently.
    for (id, answer) in [(&made[2], "yes"), (&made[4], "no")] {
        let res = app
            .request(reqwest::Method::PUT, &format!("/api/v1/meetings/{id}/rsvp"), Some(&npl))
            .json(&json!({"response": answer}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }

    let bgd_page = app.all_pages("/api/v1/meetings?limit=50", &bgd).await;
    assert_eq!(bgd_page.len(), 9);
    for (i, m) in bgd_page.iter().enumerate() {
        assert_eq!(m["title"], format!("Meeting {i}"));
        let agenda: Vec<&str> = m["agenda"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
        let expected: Vec<String> = (0..i).map(|j| format!("Point {i}.{j}")).collect();
        assert_eq!(agenda, expected, "meeting {i}'s own agenda, in order");
        assert_eq!(m["invitations"].as_array().unwrap().len(), usize::from(i % 2 == 0));
        let alone = app.get_json(&format!("/api/v1/meetings/{}", m["id"].as_str().unwrap()), &bgd).await;
        assert_eq!(m, &alone, "meeting {i} in the page is the meeting read alone");
    }

    let npl_page = app.all_pages("/api/v1/meetings?limit=50", &npl).await;
    let titles: Vec<&str> = npl_page.iter().map(|m| m["title"].as_str().unwrap()).collect();
    assert_eq!(titles, vec!["Meeting 0", "Meeting 2", "Meeting 4", "Meeting 6", "Meeting 8"]);
    let answers: Vec<&Value> = npl_page.iter().map(|m| &m["my_rsvp"]).collect();
    assert_eq!(answers, vec!["pending", "yes", "no", "pending", "pending"]);
    for m in &npl_page {
        let alone = app.get_json(&format!("/api/v1/meetings/{}", m["id"].as_str().unwrap()), &npl).await;
        assert_eq!(m, &alone);
    }
}
