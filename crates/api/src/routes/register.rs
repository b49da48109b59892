//! Registration of every feature's routes. Apart from `routes/mod.rs`, which holds what the features
//! share, so that the features depend on it and it on none of them.

use utoipa_actix_web::service_config::ServiceConfig;

use super::{alignment, evidence};
use super::{
    api_keys, audit, auth, consultations, impediments, mfa, reference, stakeholders, topics, users, watch_items,
};
use super::{coalitions, prep_items};
// issue 10: notifications
use super::{home, notifications};
// issue 10: meetings
use super::meetings;
// issue 10: briefings
use super::briefings;
// issue 10: documents
use super::documents;
// issue 11: webhooks
use super::webhooks;
// issue 11: imports
use super::imports;
// issue 11: exports
use super::exports;
// issue 11: import-kinds
use super::import_kinds;
// issue 11: wto notifications
use super::wto_notifications;

/// Everything under `/api/v1`, served and documented by the same registrations.
pub fn configure_api(cfg: &mut ServiceConfig) {
    cfg.service(auth::operations())
        // issue 11: exports — before the collections, whose `/{id}` would take `export` for an id.
        .service(exports::operations())
        .service(mfa::operations())
        .service(reference::operations())
        .service(topics::operations())
        .service(watch_items::operations())
        // issue 11: wto notifications
        .service(wto_notifications::operations())
        .service(impediments::operations())
        .service(consultations::operations())
        .service(evidence::operations())
        .service(alignment::operations())
        .service(stakeholders::operations())
        .service(coalitions::operations())
        .service(prep_items::operations())
        // issue 10: meetings
        .service(meetings::operations())
        // issue 10: briefings
        .service(briefings::operations())
        // issue 10: documents
        .service(documents::operations())
        .service(users::operations())
        .service(api_keys::operations())
        .service(audit::operations())
        // issue 10: notifications
        .service(notifications::operations())
        .service(home::operations())
        // issue 11: webhooks
        .service(webhooks::operations())
        // issue 11: import-kinds — before imports, whose `/imports/{id}` would answer their POST with 405.
        .service(import_kinds::operations())
        // issue 11: imports
        .service(imports::operations());
}
