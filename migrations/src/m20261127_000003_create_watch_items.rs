//! The delegation watch-list: the first delegation-owned record, with a visibility.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("watch_items"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("delegation_id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("topic_id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("note")).text().not_null())
                .col(ColumnDef::new(Alias::new("priority")).string_len(8).not_null())
                .col(ColumnDef::new(Alias::new("visibility")).string_len(12).not_null())
                .col(ColumnDef::new(Alias::new("created_by")).uuid().null())
                .col(ColumnDef::new(Alias::new("version")).integer().not_null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Alias::new("updated_at")).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_watch_items_delegation")
                        .from(Alias::new("watch_items"), Alias::new("delegation_id"))
                        .to(Alias::new("delegations"), Alias::new("id")),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_watch_items_topic")
                        .from(Alias::new("watch_items"), Alias::new("topic_id"))
                        .to(Alias::new("topics"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
        // One entry per delegation and topic; the index also serves "my delegation's list".
        m.create_index(
            Index::create()
                .name("ux_watch_items_delegation_topic")
                .table(Alias::new("watch_items"))
                .col(Alias::new("delegation_id"))
                .col(Alias::new("topic_id"))
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_watch_items_visibility")
                .table(Alias::new("watch_items"))
                .col(Alias::new("visibility"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("watch_items")).to_owned()).await
    }
}
