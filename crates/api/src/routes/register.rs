//! Registration of every feature's routes. Apart from `routes/mod.rs`, which holds what the features
//! share, so that the features depend on it and it on none of them.

use actix_web::web;

use super::{
    api_keys, audit, auth, consultations, impediments, mfa, reference, stakeholders, topics, users, watch_items,
};

/// Everything under `/api/v1`.
pub fn configure_api(cfg: &mut web::ServiceConfig) {
    auth::configure(cfg);
    mfa::configure(cfg);
    reference::configure(cfg);
    topics::configure(cfg);
    watch_items::configure(cfg);
    impediments::configure(cfg);
    consultations::configure(cfg);
    stakeholders::configure(cfg);
    users::configure(cfg);
    api_keys::configure(cfg);
    audit::configure(cfg);
}
