//! The impediment registry: impediments, their topics, and the history of their workflow steps.

use sea_orm_migration::prelude::*;

use crate::builders::col;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("impediments"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("delegation_id").uuid().not_null())
                .col(col("visibility").string_len(12).not_null())
                .col(col("reporting_country").string_len(3).not_null())
                .col(col("partner").string_len(12).not_null())
                .col(col("hs_code").string_len(6).null())
                .col(col("ntm_code").string_len(16).not_null())
                .col(col("ntm_chapter").string_len(16).not_null())
                .col(col("title").string_len(200).not_null())
                .col(col("description").text().not_null())
                .col(col("severity").small_integer().not_null())
                .col(col("frequency").string_len(12).not_null())
                .col(col("estimated_cost").double().null())
                .col(col("currency").string_len(3).null())
                .col(col("source").string_len(12).not_null())
                .col(col("status").string_len(16).not_null())
                .col(col("raised_body").string_len(200).null())
                .col(col("raised_on").date().null())
                .col(col("created_by").uuid().null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_impediments_delegation")
                        .from(Alias::new("impediments"), Alias::new("delegation_id"))
                        .to(Alias::new("delegations"), Alias::new("id")),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_impediments_country")
                        .from(Alias::new("impediments"), Alias::new("reporting_country"))
                        .to(Alias::new("countries"), Alias::new("code")),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_impediments_ntm")
                        .from(Alias::new("impediments"), Alias::new("ntm_chapter"))
                        .to(Alias::new("ntm_categories"), Alias::new("code")),
                )
                .to_owned(),
        )
        .await?;
        // The list filters: each index serves one of them; created_at also orders the "by month" summary.
        for (name, cols) in [
            ("ix_impediments_status", &["status", "id"][..]),
            ("ix_impediments_country", &["reporting_country", "id"][..]),
            ("ix_impediments_partner", &["partner", "id"][..]),
            ("ix_impediments_chapter", &["ntm_chapter", "id"][..]),
            ("ix_impediments_hs", &["hs_code"][..]),
            ("ix_impediments_owner", &["delegation_id", "visibility"][..]),
            ("ix_impediments_created", &["created_at"][..]),
        ] {
            let mut idx = Index::create().name(name).table(Alias::new("impediments")).to_owned();
            for c in cols {
                idx.col(Alias::new(*c));
            }
            m.create_index(idx).await?;
        }
        m.create_table(
            Table::create()
                .table(Alias::new("impediment_topics"))
                .col(col("impediment_id").uuid().not_null())
                .col(col("topic_id").uuid().not_null())
                .primary_key(Index::create().col(Alias::new("impediment_id")).col(Alias::new("topic_id")))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_impediment_topics_impediment")
                        .from(Alias::new("impediment_topics"), Alias::new("impediment_id"))
                        .to(Alias::new("impediments"), Alias::new("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_impediment_topics_topic")
                        .from(Alias::new("impediment_topics"), Alias::new("topic_id"))
                        .to(Alias::new("topics"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_impediment_topics_topic")
                .table(Alias::new("impediment_topics"))
                .col(Alias::new("topic_id"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("impediment_steps"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("impediment_id").uuid().not_null())
                .col(col("from_status").string_len(16).null())
                .col(col("to_status").string_len(16).not_null())
                .col(col("note").text().not_null())
                .col(col("actor_id").uuid().null())
                .col(col("at").timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_impediment_steps_impediment")
                        .from(Alias::new("impediment_steps"), Alias::new("impediment_id"))
                        .to(Alias::new("impediments"), Alias::new("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_impediment_steps_impediment")
                .table(Alias::new("impediment_steps"))
                .col(Alias::new("impediment_id"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["impediment_steps", "impediment_topics", "impediments"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
