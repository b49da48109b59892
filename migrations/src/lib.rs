//! The schema of Geneva–MSME Connection, one set of migrations for SQLite and PostgreSQL,
//! written with sea-query's portable helpers. Reference data is seeded here from `data/*.json`.

pub use sea_orm_migration::prelude::*;

mod m20261127_000001_create_reference;
mod m20261127_000002_create_accounts;
mod m20261127_000003_create_watch_items;
mod m20261127_000004_create_audit_events;
mod m20261127_000005_create_impediments;
mod m20261127_000006_create_idempotency_keys;
mod m20261128_000007_create_consultations;
mod m20261128_000008_impediment_list_indexes;
mod m20261128_000010_create_answer_counts;
mod m20261130_000011_add_session_stamps;
mod m20261201_000012_add_second_factor;
mod m20261202_000013_list_sort_indexes;
mod m20261203_000014_impediment_text_search;
mod m20261203_000015_registry_readable_indexes;
mod m20261204_000016_create_ministerial_prep;
mod m20261204_000017_consultation_translations;
// issue 10: meetings
mod m20261205_000018_create_meetings;
// issue 10: documents
mod m20261205_000019_create_documents;
// issue 10: briefings
mod m20261205_000020_create_briefing_requests;
// issue 10: notifications
mod m20261205_000021_create_notifications;
// issue 9: the board's covering index
mod m20261205_000022_prep_board_index;
// issue 10: notifications — the SMTP sender
mod m20261205_000023_email_outbox_delivery;
// issue 11: jobs and webhooks
mod builders;
mod m20261206_000025_create_jobs_and_webhooks;
// issue 11: imports
mod m20261206_000024_create_imports;
// issue 11: key budgets
mod m20261206_000026_api_key_budgets;
// issue 11: wto notifications
mod m20261207_000027_create_wto_notifications;
mod m20261208_000028_partial_unique_stakeholder_user;
mod m20261209_000029_documents_fts_inline_vectors;
mod m20261210_000030_read_model_generations;
mod m20261211_000031_registry_changes;
mod seed_reference;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_create_reference::Migration),
            Box::new(m20261127_000002_create_accounts::Migration),
            Box::new(m20261127_000003_create_watch_items::Migration),
            Box::new(m20261127_000004_create_audit_events::Migration),
            Box::new(m20261127_000005_create_impediments::Migration),
            Box::new(m20261127_000006_create_idempotency_keys::Migration),
            Box::new(m20261128_000007_create_consultations::Migration),
            Box::new(m20261128_000008_impediment_list_indexes::Migration),
            Box::new(m20261128_000010_create_answer_counts::Migration),
            Box::new(m20261130_000011_add_session_stamps::Migration),
            Box::new(m20261201_000012_add_second_factor::Migration),
            Box::new(m20261202_000013_list_sort_indexes::Migration),
            Box::new(m20261203_000014_impediment_text_search::Migration),
            Box::new(m20261203_000015_registry_readable_indexes::Migration),
            Box::new(m20261204_000016_create_ministerial_prep::Migration),
            Box::new(m20261204_000017_consultation_translations::Migration),
            // issue 10: meetings
            Box::new(m20261205_000018_create_meetings::Migration),
            // issue 10: documents
            Box::new(m20261205_000019_create_documents::Migration),
            // issue 10: briefings (after 000019 documents, whose table its deliverables reference)
            Box::new(m20261205_000020_create_briefing_requests::Migration),
            // issue 10: notifications
            Box::new(m20261205_000021_create_notifications::Migration),
            // issue 9: the board's covering index
            Box::new(m20261205_000022_prep_board_index::Migration),
            // issue 10: notifications — the SMTP sender
            Box::new(m20261205_000023_email_outbox_delivery::Migration),
            // issue 11: jobs and webhooks
            Box::new(m20261206_000025_create_jobs_and_webhooks::Migration),
            // issue 11: imports
            Box::new(m20261206_000024_create_imports::Migration),
            // issue 11: key budgets
            Box::new(m20261206_000026_api_key_budgets::Migration),
            // issue 11: wto notifications
            Box::new(m20261207_000027_create_wto_notifications::Migration),
            // issue 11: import throughput
            Box::new(m20261208_000028_partial_unique_stakeholder_user::Migration),
            // issue 10: search speed on PostgreSQL
            Box::new(m20261209_000029_documents_fts_inline_vectors::Migration),
            // issue 9: the board's read model
            Box::new(m20261210_000030_read_model_generations::Migration),
            // issue 8: the registry's read model
            Box::new(m20261211_000031_registry_changes::Migration),
        ]
    }
}
