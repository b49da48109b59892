//! Demo and benchmark data for a first run (`gmc seed --demo`) and for benchmarks: deterministic
//! synthetic records written straight to the tables. Not services: nothing here is a user's request, so
//! nothing is authorized or audited (the accounts and watch-lists go through the services all the
//! same). Idempotent: running it twice changes nothing. Refused in production by the CLI.

// Generators draw an index from `0..len` of non-empty constant tables; they run from the CLI and
// tests, never on a request, so indexing is allowed here rather than `choose(..).unwrap_or(..)` at
// every draw.
#![allow(clippy::indexing_slicing)]

mod accounts;
// issue 10: briefings
pub mod briefings;
pub mod consultations;
// issue 10: documents
pub mod documents;
pub mod impediments;
// issue 10: notifications
pub mod notifications;
// issue 10: meetings
pub mod meetings;
pub mod prep;
pub mod stakeholders;

pub use accounts::{has_demo_accounts, seed_accounts, DEMO_DOMAIN, DEMO_PASSWORD};

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::users as user_rows;
use crate::AppResult;

/// Creates what is missing of the demo accounts and records, a synthetic stakeholder directory
/// (`stakeholders`) and a synthetic impediment registry of `impediments` records
/// (`impediments::DEMO_IMPEDIMENTS` for a demo; more for benchmarks).
pub async fn seed(db: &DatabaseConnection, impediments: usize) -> AppResult<()> {
    seed_accounts(db).await?;
    let admin = user_rows::Entity::find().filter(user_rows::Column::Email.eq("admin@gmc.test")).one(db).await?;
    if let Some(admin) = admin {
        stakeholders::seed(db, admin.id).await?;
        impediments::seed(db, admin.id, impediments).await?;
        consultations::seed(db, admin.id).await?;
        prep::seed(db, admin.id).await?;
        // issue 10: notifications
        notifications::seed(db).await?;
        // issue 10: meetings
        meetings::seed(db, admin.id).await?;
        // issue 10: briefings
        briefings::seed(db).await?;
    }
    Ok(())
}

/// A 10-question consultation with `responses` synthetic responses, for the results benchmark.
pub async fn seed_benchmark_consultation(db: &DatabaseConnection, responses: usize) -> AppResult<uuid::Uuid> {
    let admin = user_rows::Entity::find().filter(user_rows::Column::Email.eq("admin@gmc.test")).one(db).await?;
    let admin = admin.ok_or(crate::AppError::NotFound("admin account"))?;
    consultations::seed_benchmark(db, admin.id, responses, None, &[]).await
}

/// Ministerial-preparation load for the benchmarks of issue 9: `items` prep items in MC14, one
/// Bangladesh item with `links` evidence links, and — when `responses` > 0 — a Bangladesh consultation
/// whose 10 questions bear on the prep topics, with `responses` responses (10 answers each), so the
/// alignment report has answers to weigh. Returns the id of the item with the links.
pub async fn seed_benchmark_prep(
    db: &DatabaseConnection,
    items: usize,
    links: usize,
    responses: usize,
) -> AppResult<uuid::Uuid> {
    let admin = user_rows::Entity::find().filter(user_rows::Column::Email.eq("admin@gmc.test")).one(db).await?;
    let admin = admin.ok_or(crate::AppError::NotFound("admin account"))?;
    let (linked, owner, topics) = prep::seed_benchmark(db, admin.id, items, links).await?;
    if responses > 0 {
        consultations::seed_benchmark(db, admin.id, responses, Some(owner), &topics).await?;
    }
    Ok(linked)
}

// issue 10: documents
/// The demo library (its PDFs written to `storage`), and — when `bench` > 0 — that many generated
/// documents for the search benchmark. Needs the demo accounts (`seed`).
pub async fn seed_documents(
    db: &DatabaseConnection,
    storage: &dyn crate::storage::BlobStore,
    bench: usize,
) -> AppResult<()> {
    let admin = user_rows::Entity::find().filter(user_rows::Column::Email.eq("admin@gmc.test")).one(db).await?;
    let admin = admin.ok_or(crate::AppError::NotFound("admin account"))?;
    documents::seed(db, storage, admin.id).await?;
    if bench > 0 {
        documents::seed_benchmark(db, admin.id, bench).await?;
    }
    Ok(())
}
