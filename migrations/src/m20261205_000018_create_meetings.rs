//! Meetings (issue 10): meetings with their agenda, invitations and RSVPs, minutes, action items, and
//! each user's calendar feed; plus the capital time zone of every delegation, filled from its country,
//! so a meeting can show each participant's local time.

use sea_orm_migration::prelude::*;

use crate::builders::{col, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The capital's zone, copied from the country (data/countries.json has one per country) so that
        // a delegation's own setting can later differ from its country's without a join.
        m.alter_table(
            Table::alter()
                .table(Alias::new("delegations"))
                .add_column(col("capital_time_zone").string_len(64).null())
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::update()
                .table(Alias::new("delegations"))
                .value(
                    Alias::new("capital_time_zone"),
                    SimpleExpr::SubQuery(
                        None,
                        Box::new(
                            Query::select()
                                .column(Alias::new("time_zone"))
                                .from(Alias::new("countries"))
                                .and_where(
                                    Expr::col((Alias::new("countries"), Alias::new("code")))
                                        .equals((Alias::new("delegations"), Alias::new("country_code"))),
                                )
                                .to_owned()
                                .into_sub_query_statement(),
                        ),
                    ),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Alias::new("meetings"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("delegation_id").uuid().not_null())
                .col(col("visibility").string_len(12).not_null())
                .col(col("kind").string_len(24).not_null())
                .col(col("title").string_len(200).not_null())
                .col(col("description").text().not_null())
                .col(col("starts_at").timestamp_with_time_zone().not_null())
                .col(col("ends_at").timestamp_with_time_zone().not_null())
                .col(col("time_zone").string_len(64).not_null())
                .col(col("place").string_len(300).null())
                .col(col("online_url").text().null())
                .col(col("status").string_len(12).not_null())
                // RFC 5545 SEQUENCE: bumped when the time, place or status changes after invitations.
                .col(col("sequence").integer().not_null())
                .col(col("rsvp_deadline").timestamp_with_time_zone().null())
                .col(col("minutes").text().null())
                .col(col("minutes_visibility").string_len(12).null())
                .col(col("minutes_updated_at").timestamp_with_time_zone().null())
                .col(col("minutes_updated_by").uuid().null())
                .col(col("created_by").uuid().null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk("fk_meetings_delegation", ("meetings", "delegation_id"), ("delegations", "id")))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_meetings_starts_at", "meetings", &["starts_at", "id"])).await?;
        m.create_index(index("ix_meetings_title", "meetings", &["title", "id"])).await?;
        m.create_index(index("ix_meetings_delegation", "meetings", &["delegation_id", "id"])).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("meeting_agenda_items"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("meeting_id").uuid().not_null())
                .col(col("position").integer().not_null())
                .col(col("title").string_len(200).not_null())
                .col(col("topic_id").uuid().null())
                .col(col("prep_item_id").uuid().null())
                .foreign_key(&mut fk("fk_agenda_meeting", ("meeting_agenda_items", "meeting_id"), ("meetings", "id")))
                .foreign_key(&mut fk("fk_agenda_topic", ("meeting_agenda_items", "topic_id"), ("topics", "id")))
                .foreign_key(&mut fk(
                    "fk_agenda_prep_item",
                    ("meeting_agenda_items", "prep_item_id"),
                    ("prep_items", "id"),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_agenda_meeting", "meeting_agenda_items", &["meeting_id", "position"])).await?;
        m.create_index(index("ix_agenda_topic", "meeting_agenda_items", &["topic_id", "meeting_id"])).await?;

        // One row per invitee: a delegation (any member answers for it) or a user (answers for itself).
        m.create_table(
            Table::create()
                .table(Alias::new("meeting_invitations"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("meeting_id").uuid().not_null())
                .col(col("delegation_id").uuid().null())
                .col(col("user_id").uuid().null())
                .col(col("response").string_len(12).not_null())
                .col(col("responded_at").timestamp_with_time_zone().null())
                .col(col("responded_by").uuid().null())
                .foreign_key(&mut fk(
                    "fk_invitations_meeting",
                    ("meeting_invitations", "meeting_id"),
                    ("meetings", "id"),
                ))
                .foreign_key(&mut fk(
                    "fk_invitations_delegation",
                    ("meeting_invitations", "delegation_id"),
                    ("delegations", "id"),
                ))
                .foreign_key(&mut fk("fk_invitations_user", ("meeting_invitations", "user_id"), ("users", "id")))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_invitations_meeting", "meeting_invitations", &["meeting_id"])).await?;
        // "Meetings that invite me / my delegation": the read condition of every list asks these.
        m.create_index(index("ix_invitations_delegation", "meeting_invitations", &["delegation_id", "meeting_id"]))
            .await?;
        m.create_index(index("ix_invitations_user", "meeting_invitations", &["user_id", "meeting_id"])).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("action_items"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("meeting_id").uuid().not_null())
                .col(col("title").string_len(300).not_null())
                .col(col("owner_user_id").uuid().not_null())
                .col(col("due_on").date().not_null())
                .col(col("status").string_len(8).not_null())
                .col(col("linked_kind").string_len(16).null())
                .col(col("linked_id").uuid().null())
                .col(col("created_by").uuid().null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk("fk_action_items_meeting", ("action_items", "meeting_id"), ("meetings", "id")))
                .foreign_key(&mut fk("fk_action_items_owner", ("action_items", "owner_user_id"), ("users", "id")))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_action_items_owner", "action_items", &["owner_user_id", "status", "due_on", "id"]))
            .await?;
        m.create_index(index("ix_action_items_meeting", "action_items", &["meeting_id", "id"])).await?;
        m.create_index(index("ix_action_items_due_on", "action_items", &["due_on", "id"])).await?;

        // A user's calendar feed: only the token's hash is kept (like refresh tokens and API keys).
        m.create_table(
            Table::create()
                .table(Alias::new("calendar_feeds"))
                .col(col("user_id").uuid().not_null().primary_key())
                .col(col("token_hash").string_len(64).not_null().unique_key())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk("fk_calendar_feeds_user", ("calendar_feeds", "user_id"), ("users", "id")))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["calendar_feeds", "action_items", "meeting_invitations", "meeting_agenda_items", "meetings"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        m.alter_table(
            Table::alter().table(Alias::new("delegations")).drop_column(Alias::new("capital_time_zone")).to_owned(),
        )
        .await
    }
}
