//! Reference tables (countries, delegations, ministerials, topics, NTM categories, sectors) and their data.

use sea_orm_migration::prelude::*;

use crate::seed_reference;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("countries"))
                .col(ColumnDef::new(Alias::new("code")).string_len(3).not_null().primary_key())
                .col(ColumnDef::new(Alias::new("name")).string_len(120).not_null())
                .col(ColumnDef::new(Alias::new("region")).string_len(20).not_null())
                .col(ColumnDef::new(Alias::new("wto_status")).string_len(20).not_null())
                .col(ColumnDef::new(Alias::new("wto_member_since")).date().null())
                .col(ColumnDef::new(Alias::new("ldc")).boolean().not_null())
                .col(ColumnDef::new(Alias::new("ldc_graduation_date")).date().null())
                .col(ColumnDef::new(Alias::new("capital")).string_len(120).not_null())
                .col(ColumnDef::new(Alias::new("time_zone")).string_len(64).not_null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("delegations"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("country_code")).string_len(3).not_null().unique_key())
                .col(ColumnDef::new(Alias::new("name")).string_len(200).not_null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_delegations_country")
                        .from(Alias::new("delegations"), Alias::new("country_code"))
                        .to(Alias::new("countries"), Alias::new("code")),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("ministerials"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("code")).string_len(16).not_null().unique_key())
                .col(ColumnDef::new(Alias::new("name")).string_len(200).not_null())
                .col(ColumnDef::new(Alias::new("host_city")).string_len(120).not_null())
                .col(ColumnDef::new(Alias::new("host_country")).string_len(120).not_null())
                .col(ColumnDef::new(Alias::new("starts_on")).date().not_null())
                .col(ColumnDef::new(Alias::new("ends_on")).date().not_null())
                .col(ColumnDef::new(Alias::new("note")).text().not_null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("topics"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("code")).string_len(24).not_null().unique_key())
                .col(ColumnDef::new(Alias::new("title")).string_len(200).not_null())
                .col(ColumnDef::new(Alias::new("kind")).string_len(32).not_null())
                .col(ColumnDef::new(Alias::new("wto_body")).string_len(200).not_null())
                .col(ColumnDef::new(Alias::new("parent_id")).uuid().null())
                .col(ColumnDef::new(Alias::new("description")).text().not_null())
                .col(ColumnDef::new(Alias::new("status")).string_len(16).not_null())
                .col(ColumnDef::new(Alias::new("version")).integer().not_null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Alias::new("updated_at")).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_topics_parent")
                        .from(Alias::new("topics"), Alias::new("parent_id"))
                        .to(Alias::new("topics"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [("ix_topics_kind", "kind"), ("ix_topics_title", "title"), ("ix_topics_parent", "parent_id")]
        {
            m.create_index(Index::create().name(name).table(Alias::new("topics")).col(Alias::new(col)).to_owned())
                .await?;
        }
        m.create_table(
            Table::create()
                .table(Alias::new("ntm_categories"))
                .col(ColumnDef::new(Alias::new("code")).string_len(16).not_null().primary_key())
                .col(ColumnDef::new(Alias::new("kind")).string_len(20).not_null())
                .col(ColumnDef::new(Alias::new("title")).string_len(300).not_null())
                .col(ColumnDef::new(Alias::new("description")).text().not_null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("sectors"))
                .col(ColumnDef::new(Alias::new("code")).string_len(2).not_null().primary_key())
                .col(ColumnDef::new(Alias::new("title")).string_len(300).not_null())
                .to_owned(),
        )
        .await?;
        seed_reference::seed(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["sectors", "ntm_categories", "topics", "ministerials", "delegations", "countries"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
