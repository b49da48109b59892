//! issue 11: import-ui — `import.finished`: announced with the import's record for every run that is not
//! a dry run (rejected ones too), carrying the summary and no row, and only to subscribers who may read
//! the import (the user who ran it, admins) — never to another delegation's.

use gmc_store::entities::webhook_deliveries;
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::*;
use crate::webhook_fixtures::{subscribe, PUBLIC_URL};

const GOOD: &str = "external_id,name,kind,country,sector,size_class,employees,women_led\n\
                    EV-1,Khulna Jute Works,msme,BGD,C,small,30,yes\n\
                    EV-2,Rajshahi Silk House,msme,BGD,C,micro,4,no\n";
const BAD: &str = "external_id,name,kind,country,sector,size_class,employees,women_led\n\
                   EV-3,Comilla Pottery,msme,XXX,C,small,12,no\n";

async fn import(app: &TestApp, token: &str, query: &str, csv: &str) -> Value {
    let res = app
        .request(Method::POST, &format!("/api/v1/imports/stakeholders{query}"), Some(token))
        .header("content-type", "text/csv")
        .body(csv.to_owned())
        .send()
        .await
        .unwrap();
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

/// The `data` of each delivery of `subscription`, oldest first.
async fn events(app: &TestApp, subscription: &str) -> Vec<Value> {
    let db = app.db().await;
    let mut rows = webhook_deliveries::Entity::find()
        .filter(webhook_deliveries::Column::SubscriptionId.eq(Uuid::parse_str(subscription).unwrap()))
        .all(&db)
        .await
        .unwrap();
    rows.sort_by_key(|d| d.id);
    rows.into_iter()
        .map(|d| {
            assert_eq!(d.event_type, "import.finished");
            let body: Value = serde_json::from_str(&d.body).unwrap();
            assert_eq!(body["type"], "import.finished", "{body}");
            body["data"].clone()
        })
        .collect()
}

#[tokio::test]
async fn a_finished_import_reaches_the_importers_subscription_and_never_another_delegations() {
    let app = TestApp::spawn().await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let bgd_sub = subscribe(&app, &bgd, PUBLIC_URL, &["import.finished"]).await["id"].as_str().unwrap().to_owned();
    let npl_sub = subscribe(&app, &npl, PUBLIC_URL, &["import.finished"]).await["id"].as_str().unwrap().to_owned();

    // A dry run is a check, not an import: nothing is announced.
    let checked = import(&app, &bgd, "?dry_run=true", GOOD).await;
    assert_eq!(checked["dry_run"], true, "{checked}");
    assert!(events(&app, &bgd_sub).await.is_empty(), "a dry run announces nothing");

    let done = import(&app, &bgd, "", GOOD).await;
    assert_eq!(done["status"], "completed", "{done}");
    let got = events(&app, &bgd_sub).await;
    assert_eq!(got.len(), 1, "{got:?}");
    let data = &got[0];
    assert_eq!(data["id"], done["id"]);
    assert_eq!((data["kind"].as_str(), data["status"].as_str()), (Some("stakeholders"), Some("completed")));
    let counts = ["rows_total", "rows_inserted", "rows_updated", "rows_rejected"].map(|k| data[k].as_i64());
    assert_eq!(counts, [Some(2), Some(2), Some(0), Some(0)], "{data}");
    // The summary only: no row of the file travels with it.
    let text = data.to_string();
    assert!(!text.contains("Khulna") && !text.contains("EV-1"), "{text}");

    // A rejected import wrote nothing, and says so.
    let rejected = import(&app, &bgd, "", BAD).await;
    assert_eq!(rejected["status"], "rejected", "{rejected}");
    let got = events(&app, &bgd_sub).await;
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[1]["status"].as_str(), got[1]["rows_rejected"].as_i64()), (Some("rejected"), Some(1)));
    assert!(got[1].get("problems").is_none(), "the report is read through the API: {}", got[1]);

    assert!(events(&app, &npl_sub).await.is_empty(), "Nepal may not read Bangladesh's imports");
    // And Nepal's own import reaches Nepal's subscription, not Bangladesh's.
    let csv = GOOD.replace("BGD", "NPL").replace("EV-", "NP-");
    import(&app, &npl, "", &csv).await;
    assert_eq!(events(&app, &npl_sub).await.len(), 1);
    assert_eq!(events(&app, &bgd_sub).await.len(), 2);
}
