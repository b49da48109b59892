//! WTO SPS and TBT notifications (issue 11, part 6) and their matches to impediments. The notifications
//! are public WTO records (no delegation, no visibility); a match names the impediment's delegation so
//! that the alerts and the "matches" of a notification are asked of that delegation's readers only.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn n(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(n("wto_notifications"))
                .col(ColumnDef::new(n("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(n("symbol")).string_len(80).not_null())
                .col(ColumnDef::new(n("agreement")).string_len(4).not_null())
                .col(ColumnDef::new(n("notifying_member")).string_len(8).not_null())
                .col(ColumnDef::new(n("distributed_on")).date().not_null())
                // The HS codes as digit prefixes separated by single spaces ("0306 1604"), so that a
                // prefix filter is one LIKE per position (`visibility`-free public data, no join table).
                .col(ColumnDef::new(n("hs_codes")).text().not_null())
                .col(ColumnDef::new(n("products")).text().not_null())
                .col(ColumnDef::new(n("objective")).text().not_null())
                .col(ColumnDef::new(n("title")).text().not_null())
                .col(ColumnDef::new(n("comment_deadline")).date().null())
                .col(ColumnDef::new(n("imported_by")).uuid().null())
                .col(ColumnDef::new(n("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(n("updated_at")).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_wto_notifications_symbol")
                .table(n("wto_notifications"))
                .col(n("symbol"))
                .unique()
                .to_owned(),
        )
        .await?;
        // One `(sort key, id)` index per sortable column.
        for col in ["distributed_on", "comment_deadline"] {
            m.create_index(
                Index::create()
                    .name(format!("ix_wto_notifications_{col}"))
                    .table(n("wto_notifications"))
                    .col(n(col))
                    .col(n("id"))
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(n("wto_notification_matches"))
                .col(ColumnDef::new(n("notification_id")).uuid().not_null())
                .col(ColumnDef::new(n("impediment_id")).uuid().not_null())
                .col(ColumnDef::new(n("delegation_id")).uuid().not_null())
                .col(ColumnDef::new(n("matched_on")).timestamp_with_time_zone().not_null())
                .primary_key(Index::create().col(n("notification_id")).col(n("impediment_id")))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_wto_matches_notification")
                        .from(n("wto_notification_matches"), n("notification_id"))
                        .to(n("wto_notifications"), n("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_wto_matches_impediment")
                        .from(n("wto_notification_matches"), n("impediment_id"))
                        .to(n("impediments"), n("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_wto_matches_delegation")
                        .from(n("wto_notification_matches"), n("delegation_id"))
                        .to(n("delegations"), n("id")),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_wto_matches_delegation")
                .table(n("wto_notification_matches"))
                .col(n("delegation_id"))
                .col(n("notification_id"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(n("wto_notification_matches")).to_owned()).await?;
        m.drop_table(Table::drop().table(n("wto_notifications")).to_owned()).await
    }
}
