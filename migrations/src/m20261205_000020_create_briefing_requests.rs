//! Briefing requests (issue 10): technical assistance a delegation asks the secretariat for, with its
//! topics, workflow history, comments, and the documents delivered for it.

use sea_orm_migration::prelude::*;

use crate::builders::{col, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

const REQUESTS: &str = "briefing_requests";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new(REQUESTS))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("delegation_id").uuid().not_null())
                .col(col("kind").string_len(20).not_null())
                .col(col("title").string_len(200).not_null())
                .col(col("question").text().not_null())
                .col(col("priority").string_len(8).not_null())
                .col(col("wished_date").date().null())
                .col(col("visibility").string_len(12).not_null())
                .col(col("status").string_len(12).not_null())
                .col(col("assigned_to").uuid().null())
                .col(col("due_date").date().null())
                .col(col("decline_reason").text().null())
                .col(col("delivered_at").timestamp_with_time_zone().null())
                .col(col("created_by").uuid().null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_briefing_requests_delegation",
                    (REQUESTS, "delegation_id"),
                    ("delegations", "id"),
                ))
                .foreign_key(&mut fk("fk_briefing_requests_assignee", (REQUESTS, "assigned_to"), ("users", "id")))
                .to_owned(),
        )
        .await?;
        // The read condition's three ways in (own delegation, assigned, the queue by status), and one
        // `(sort key, id)` index per sortable column.
        m.create_index(index("ix_briefing_requests_delegation", REQUESTS, &["delegation_id", "id"])).await?;
        m.create_index(index("ix_briefing_requests_assignee", REQUESTS, &["assigned_to", "id"])).await?;
        m.create_index(index("ix_briefing_requests_status", REQUESTS, &["status", "id"])).await?;
        m.create_index(index("ix_briefing_requests_wished_date", REQUESTS, &["wished_date", "id"])).await?;
        m.create_index(index("ix_briefing_requests_due_date", REQUESTS, &["due_date", "id"])).await?;
        m.create_index(index("ix_briefing_requests_updated_at", REQUESTS, &["updated_at", "id"])).await?;
        m.create_index(index("ix_briefing_requests_priority", REQUESTS, &["priority", "id"])).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("briefing_request_topics"))
                .col(col("briefing_request_id").uuid().not_null())
                .col(col("topic_id").uuid().not_null())
                .primary_key(Index::create().col(Alias::new("briefing_request_id")).col(Alias::new("topic_id")))
                .foreign_key(&mut fk(
                    "fk_briefing_request_topics_request",
                    ("briefing_request_topics", "briefing_request_id"),
                    (REQUESTS, "id"),
                ))
                .foreign_key(&mut fk(
                    "fk_briefing_request_topics_topic",
                    ("briefing_request_topics", "topic_id"),
                    ("topics", "id"),
                ))
                .to_owned(),
        )
        .await?;
        // The topic filter and the alignment report's coverage go from the topic to the requests.
        m.create_index(index(
            "ix_briefing_request_topics_topic",
            "briefing_request_topics",
            &["topic_id", "briefing_request_id"],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Alias::new("briefing_request_steps"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("briefing_request_id").uuid().not_null())
                .col(col("from_status").string_len(12).null())
                .col(col("to_status").string_len(12).not_null())
                .col(col("note").text().not_null())
                .col(col("actor_id").uuid().null())
                .col(col("at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_briefing_request_steps_request",
                    ("briefing_request_steps", "briefing_request_id"),
                    (REQUESTS, "id"),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_briefing_request_steps_request",
            "briefing_request_steps",
            &["briefing_request_id", "at"],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Alias::new("briefing_comments"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("briefing_request_id").uuid().not_null())
                .col(col("author_id").uuid().null())
                .col(col("body").text().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_briefing_comments_request",
                    ("briefing_comments", "briefing_request_id"),
                    (REQUESTS, "id"),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_briefing_comments_request", "briefing_comments", &["briefing_request_id", "id"]))
            .await?;

        m.create_table(
            Table::create()
                .table(Alias::new("briefing_deliverables"))
                .col(col("briefing_request_id").uuid().not_null())
                .col(col("document_id").uuid().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("created_by").uuid().null())
                .primary_key(Index::create().col(Alias::new("briefing_request_id")).col(Alias::new("document_id")))
                .foreign_key(&mut fk(
                    "fk_briefing_deliverables_request",
                    ("briefing_deliverables", "briefing_request_id"),
                    (REQUESTS, "id"),
                ))
                .foreign_key(&mut fk(
                    "fk_briefing_deliverables_document",
                    ("briefing_deliverables", "document_id"),
                    ("documents", "id"),
                ))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "briefing_deliverables",
            "briefing_comments",
            "briefing_request_steps",
            "briefing_request_topics",
            REQUESTS,
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
