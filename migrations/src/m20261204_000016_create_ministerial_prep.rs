//! Ministerial preparation (issue 9): coalitions and their member delegations, prep items with their
//! topics, workflow history and text versions, and evidence links from a prep item to what supports it.
//! The coalitions that matter to the region are seeded from `data/coalitions.json` (admins edit them).

use chrono::Utc;
use sea_orm_migration::prelude::*;

use crate::builders::{col, fk, index};
use serde::Deserialize;
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Deserialize)]
struct Coalition {
    code: String,
    name: String,
    description: String,
    source: String,
    members: Vec<String>,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("coalitions"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("code").string_len(16).not_null())
                .col(col("name").string_len(120).not_null())
                .col(col("description").text().not_null())
                .col(col("source").text().not_null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(index("ux_coalitions_code", "coalitions", &["code"]).unique().to_owned()).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("coalition_members"))
                .col(col("coalition_id").uuid().not_null())
                .col(col("delegation_id").uuid().not_null())
                .primary_key(Index::create().col(Alias::new("coalition_id")).col(Alias::new("delegation_id")))
                .foreign_key(&mut fk(
                    "fk_coalition_members_coalition",
                    ("coalition_members", "coalition_id"),
                    ("coalitions", "id"),
                ))
                .foreign_key(&mut fk(
                    "fk_coalition_members_delegation",
                    ("coalition_members", "delegation_id"),
                    ("delegations", "id"),
                ))
                .to_owned(),
        )
        .await?;
        // "The coalitions of my delegation": the read condition of every coalition-owned record asks it.
        m.create_index(index(
            "ix_coalition_members_delegation",
            "coalition_members",
            &["delegation_id", "coalition_id"],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Alias::new("prep_items"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("ministerial_id").uuid().not_null())
                // Exactly one of the two owners is set (checked by the service; a CHECK would need
                // engine-specific SQL for no gain).
                .col(col("delegation_id").uuid().null())
                .col(col("coalition_id").uuid().null())
                .col(col("visibility").string_len(12).not_null())
                .col(col("title").string_len(200).not_null())
                .col(col("summary").text().not_null())
                .col(col("kind").string_len(24).not_null())
                .col(col("interest").string_len(12).not_null())
                .col(col("priority").string_len(8).not_null())
                .col(col("status").string_len(20).not_null())
                .col(col("deadline").date().null())
                .col(col("responsible_user_id").uuid().null())
                .col(col("outcome_text").text().null())
                .col(col("outcome_date").date().null())
                .col(col("outcome_body").string_len(200).null())
                // The number of the latest text version (0: no text yet); a save must name it (412 else).
                .col(col("text_number").integer().not_null())
                .col(col("created_by").uuid().null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_prep_items_ministerial",
                    ("prep_items", "ministerial_id"),
                    ("ministerials", "id"),
                ))
                .foreign_key(&mut fk(
                    "fk_prep_items_delegation",
                    ("prep_items", "delegation_id"),
                    ("delegations", "id"),
                ))
                .foreign_key(&mut fk("fk_prep_items_coalition", ("prep_items", "coalition_id"), ("coalitions", "id")))
                .to_owned(),
        )
        .await?;
        // The board: one ministerial's items by status, then the default order.
        m.create_index(index("ix_prep_items_board", "prep_items", &["ministerial_id", "status", "id"])).await?;
        m.create_index(index("ix_prep_items_delegation", "prep_items", &["delegation_id", "id"])).await?;
        m.create_index(index("ix_prep_items_coalition", "prep_items", &["coalition_id", "id"])).await?;
        m.create_index(index("ix_prep_items_deadline", "prep_items", &["deadline", "id"])).await?;
        m.create_index(index("ix_prep_items_updated_at", "prep_items", &["updated_at", "id"])).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("prep_item_topics"))
                .col(col("prep_item_id").uuid().not_null())
                .col(col("topic_id").uuid().not_null())
                .primary_key(Index::create().col(Alias::new("prep_item_id")).col(Alias::new("topic_id")))
                .foreign_key(&mut fk(
                    "fk_prep_item_topics_item",
                    ("prep_item_topics", "prep_item_id"),
                    ("prep_items", "id"),
                ))
                .foreign_key(&mut fk("fk_prep_item_topics_topic", ("prep_item_topics", "topic_id"), ("topics", "id")))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_prep_item_topics_topic", "prep_item_topics", &["topic_id", "prep_item_id"])).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("prep_item_steps"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("prep_item_id").uuid().not_null())
                .col(col("from_status").string_len(20).null())
                .col(col("to_status").string_len(20).not_null())
                .col(col("note").text().not_null())
                .col(col("actor_id").uuid().null())
                .col(col("at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_prep_item_steps_item",
                    ("prep_item_steps", "prep_item_id"),
                    ("prep_items", "id"),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_prep_item_steps_item", "prep_item_steps", &["prep_item_id", "at"])).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("prep_item_texts"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("prep_item_id").uuid().not_null())
                .col(col("number").integer().not_null())
                .col(col("body").text().not_null())
                .col(col("author_id").uuid().null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_prep_item_texts_item",
                    ("prep_item_texts", "prep_item_id"),
                    ("prep_items", "id"),
                ))
                .to_owned(),
        )
        .await?;
        // One version per number: two saves racing past the 412 check cannot both become version n.
        m.create_index(
            index("ux_prep_item_texts_number", "prep_item_texts", &["prep_item_id", "number"]).unique().to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Alias::new("evidence_links"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("prep_item_id").uuid().not_null())
                // What is linked: `impediment`, `consultation_question` — and later `document`, `meeting`.
                .col(col("target_kind").string_len(24).not_null())
                .col(col("target_id").uuid().not_null())
                // For a consultation result: the question's code and the filter it was read under (JSON).
                .col(col("question_code").string_len(40).null())
                .col(col("filter").text().null())
                .col(col("note").text().not_null())
                .col(col("created_by").uuid().null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_evidence_links_item",
                    ("evidence_links", "prep_item_id"),
                    ("prep_items", "id"),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_evidence_links_item", "evidence_links", &["prep_item_id", "created_at", "id"]))
            .await?;
        // The trace: "which prep items cite this impediment".
        m.create_index(index(
            "ix_evidence_links_target",
            "evidence_links",
            &["target_kind", "target_id", "prep_item_id"],
        ))
        .await?;

        seed_coalitions(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "evidence_links",
            "prep_item_texts",
            "prep_item_steps",
            "prep_item_topics",
            "prep_items",
            "coalition_members",
            "coalitions",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}

async fn seed_coalitions(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let coalitions: Vec<Coalition> = serde_json::from_str(include_str!("../data/coalitions.json"))
        .map_err(|e| DbErr::Custom(format!("data/coalitions.json: {e}")))?;
    let now = Utc::now();
    for c in coalitions {
        let id = Uuid::now_v7();
        let insert = Query::insert()
            .into_table(Alias::new("coalitions"))
            .columns(
                ["id", "code", "name", "description", "source", "version", "created_at", "updated_at"].map(Alias::new),
            )
            .values_panic([
                id.into(),
                c.code.into(),
                c.name.into(),
                c.description.into(),
                c.source.into(),
                1.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        m.exec_stmt(insert).await?;
        // Members by country code, through the delegations the reference seed created.
        let members = Query::select()
            .expr(Expr::val(id))
            .column(Alias::new("id"))
            .from(Alias::new("delegations"))
            .and_where(Expr::col(Alias::new("country_code")).is_in(c.members))
            .to_owned();
        let insert = Query::insert()
            .into_table(Alias::new("coalition_members"))
            .columns(["coalition_id", "delegation_id"].map(Alias::new))
            .select_from(members)
            .map_err(|e| DbErr::Custom(e.to_string()))?
            .to_owned();
        m.exec_stmt(insert).await?;
    }
    Ok(())
}
