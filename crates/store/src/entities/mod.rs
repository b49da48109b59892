//! sea-orm entities, one per table. They never leave the store crate: services return view types.

pub mod answer_counts;
pub mod answers;
pub mod api_keys;
pub mod audit_events;
pub mod coalition_members;
pub mod coalitions;
pub mod consultations;
pub mod countries;
pub mod delegations;
pub mod evidence_links;
pub mod idempotency_keys;
pub mod impediment_steps;
pub mod impediment_topics;
pub mod impediments;
pub mod mfa_challenges;
pub mod mfa_factors;
pub mod mfa_recovery_codes;
pub mod ministerials;
pub mod ntm_categories;
pub mod prep_item_steps;
pub mod prep_item_texts;
pub mod prep_item_topics;
pub mod prep_items;
pub mod read_model_changes;
pub mod read_model_generations;
pub mod refresh_tokens;
pub mod responses;
pub mod sectors;
pub mod stakeholders;
pub mod topics;
pub mod users;
pub mod watch_items;
// issue 10: briefings
pub mod briefing_comments;
pub mod briefing_deliverables;
pub mod briefing_request_steps;
pub mod briefing_request_topics;
pub mod briefing_requests;
// issue 10: documents
pub mod document_topics;
pub mod document_versions;
pub mod documents;
// issue 10: notifications
pub mod email_outbox;
pub mod notification_settings;
pub mod notifications;
pub mod user_follows;
// issue 10: meetings
pub mod action_items;
pub mod calendar_feeds;
pub mod meeting_agenda_items;
pub mod meeting_invitations;
pub mod meetings;
// issue 11: jobs and webhooks
pub mod jobs;
pub mod webhook_deliveries;
pub mod webhook_subscriptions;
// issue 11: imports
pub mod import_problems;
pub mod imports;
// issue 11: key budgets
pub mod api_key_usage;
// issue 11: wto notifications
pub mod wto_notification_matches;
pub mod wto_notifications;
