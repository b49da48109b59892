//! Notifications (issue 10): what a user is told, what they follow, how they want to be told, and the
//! e-mails waiting to go out.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(a("notifications"))
                .col(ColumnDef::new(a("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(a("user_id")).uuid().not_null())
                .col(ColumnDef::new(a("kind")).string_len(32).not_null())
                .col(ColumnDef::new(a("title")).text().not_null())
                .col(ColumnDef::new(a("body")).text().null())
                .col(ColumnDef::new(a("link")).string_len(300).not_null())
                .col(ColumnDef::new(a("subject_kind")).string_len(32).not_null())
                .col(ColumnDef::new(a("subject_id")).uuid().null())
                .col(ColumnDef::new(a("dedupe_key")).string_len(200).not_null())
                .col(ColumnDef::new(a("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(a("read_at")).timestamp_with_time_zone().null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_notifications_user")
                        .from(a("notifications"), a("user_id"))
                        .to(a("users"), a("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // The same event told twice to one user is one row: a periodic job may run on several nodes.
        m.create_index(
            Index::create()
                .name("ux_notifications_user_dedupe")
                .table(a("notifications"))
                .col(a("user_id"))
                .col(a("dedupe_key"))
                .unique()
                .to_owned(),
        )
        .await?;
        // "My notifications, unread first, newest first" and the unread count walk this index.
        m.create_index(
            Index::create()
                .name("ix_notifications_user_read_id")
                .table(a("notifications"))
                .col(a("user_id"))
                .col(a("read_at"))
                .col(a("id"))
                .to_owned(),
        )
        .await?;

        // What a user follows: a topic (its id), an HS prefix (2–10 digits) or a partner market (code).
        m.create_table(
            Table::create()
                .table(a("user_follows"))
                .col(ColumnDef::new(a("user_id")).uuid().not_null())
                .col(ColumnDef::new(a("follow_kind")).string_len(16).not_null())
                .col(ColumnDef::new(a("value")).string_len(64).not_null())
                .primary_key(Index::create().col(a("user_id")).col(a("follow_kind")).col(a("value")))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_user_follows_user")
                        .from(a("user_follows"), a("user_id"))
                        .to(a("users"), a("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // A validated impediment looks its followers up by what it is about.
        m.create_index(
            Index::create()
                .name("ix_user_follows_kind_value")
                .table(a("user_follows"))
                .col(a("follow_kind"))
                .col(a("value"))
                .to_owned(),
        )
        .await?;

        // Per kind, how a user wants to be told; no row means the defaults (in-app on, e-mail off).
        m.create_table(
            Table::create()
                .table(a("notification_settings"))
                .col(ColumnDef::new(a("user_id")).uuid().not_null())
                .col(ColumnDef::new(a("kind")).string_len(32).not_null())
                .col(ColumnDef::new(a("in_app")).boolean().not_null())
                .col(ColumnDef::new(a("email")).boolean().not_null())
                .primary_key(Index::create().col(a("user_id")).col(a("kind")))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_notification_settings_user")
                        .from(a("notification_settings"), a("user_id"))
                        .to(a("users"), a("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("email_outbox"))
                .col(ColumnDef::new(a("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(a("user_id")).uuid().null())
                .col(ColumnDef::new(a("to_address")).string_len(320).not_null())
                .col(ColumnDef::new(a("subject")).string_len(300).not_null())
                .col(ColumnDef::new(a("body")).text().not_null())
                .col(ColumnDef::new(a("status")).string_len(12).not_null())
                .col(ColumnDef::new(a("attempts")).integer().not_null())
                .col(ColumnDef::new(a("last_error")).text().null())
                .col(ColumnDef::new(a("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(a("sent_at")).timestamp_with_time_zone().null())
                .to_owned(),
        )
        .await?;
        // The worker takes the queued mails oldest first.
        m.create_index(
            Index::create()
                .name("ix_email_outbox_status_id")
                .table(a("email_outbox"))
                .col(a("status"))
                .col(a("id"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["email_outbox", "notification_settings", "user_follows", "notifications"] {
            m.drop_table(Table::drop().table(a(t)).to_owned()).await?;
        }
        Ok(())
    }
}
