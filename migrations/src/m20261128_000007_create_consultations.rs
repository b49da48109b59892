//! Hearing MSMEs: stakeholders (with their personal data kept apart and erasable), consultations with
//! their questionnaire, responses and answers; and the links from impediments to a stakeholder, a
//! response and a sector.

use sea_orm_migration::prelude::*;

use crate::builders::col;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(name: &str, from_table: &str, from_col: &str, to_table: &str, to_col: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(Alias::new(from_table), Alias::new(from_col))
        .to(Alias::new(to_table), Alias::new(to_col))
        .to_owned()
}

async fn indexes(m: &SchemaManager<'_>, table: &str, list: &[(&str, &[&str], bool)]) -> Result<(), DbErr> {
    for (name, cols, unique) in list {
        let mut idx = Index::create().name(*name).table(Alias::new(table)).to_owned();
        for c in *cols {
            idx.col(Alias::new(*c));
        }
        if *unique {
            idx.unique();
        }
        m.create_index(idx).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("stakeholders"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("delegation_id").uuid().not_null())
                .col(col("external_id").string_len(64).null())
                .col(col("name").string_len(200).not_null())
                .col(col("kind").string_len(16).not_null())
                .col(col("country").string_len(3).not_null())
                .col(col("sector").string_len(2).not_null())
                .col(col("size_class").string_len(8).not_null())
                .col(col("employees").integer().null())
                .col(col("women_led").boolean().not_null())
                .col(col("exporter").boolean().not_null())
                .col(col("importer").boolean().not_null())
                // Personal data (DESIGN §5): only these columns, so erasure and redaction have one list.
                .col(col("contact_name").string_len(200).null())
                .col(col("contact_email").string_len(254).null())
                .col(col("contact_phone").string_len(40).null())
                .col(col("consent_purpose").string_len(500).null())
                .col(col("consent_at").date().null())
                .col(col("user_id").uuid().null())
                .col(col("erased_at").timestamp_with_time_zone().null())
                .col(col("created_by").uuid().null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_stakeholders_delegation",
                    "stakeholders",
                    "delegation_id",
                    "delegations",
                    "id",
                ))
                .foreign_key(&mut fk("fk_stakeholders_country", "stakeholders", "country", "countries", "code"))
                .foreign_key(&mut fk("fk_stakeholders_sector", "stakeholders", "sector", "sectors", "code"))
                .foreign_key(&mut fk("fk_stakeholders_user", "stakeholders", "user_id", "users", "id"))
                .to_owned(),
        )
        .await?;
        indexes(
            m,
            "stakeholders",
            &[
                ("ux_stakeholders_external_id", &["external_id"], true),
                ("ux_stakeholders_user", &["user_id"], true),
                ("ix_stakeholders_delegation", &["delegation_id", "id"], false),
                ("ix_stakeholders_country", &["country", "id"], false),
            ],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Alias::new("consultations"))
                .col(col("id").uuid().not_null().primary_key())
                // NULL: a regional consultation, run by the secretariat for all delegations.
                .col(col("delegation_id").uuid().null())
                .col(col("visibility").string_len(12).not_null())
                .col(col("title").string_len(200).not_null())
                .col(col("description").text().not_null())
                .col(col("status").string_len(12).not_null())
                // JSON arrays / documents: read and written whole, never queried inside.
                .col(col("languages").text().not_null())
                .col(col("topic_ids").text().not_null())
                .col(col("questions").text().not_null())
                .col(col("opens_at").timestamp_with_time_zone().null())
                .col(col("closes_at").timestamp_with_time_zone().null())
                .col(col("token").string_len(64).not_null())
                .col(col("created_by").uuid().null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_consultations_delegation",
                    "consultations",
                    "delegation_id",
                    "delegations",
                    "id",
                ))
                .to_owned(),
        )
        .await?;
        indexes(
            m,
            "consultations",
            &[
                ("ux_consultations_token", &["token"], true),
                ("ix_consultations_owner", &["delegation_id", "visibility"], false),
            ],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Alias::new("responses"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("consultation_id").uuid().not_null())
                .col(col("stakeholder_id").uuid().null())
                .col(col("channel").string_len(8).not_null())
                .col(col("lang").string_len(8).not_null())
                .col(col("country").string_len(3).null())
                .col(col("sector").string_len(2).null())
                .col(col("size_class").string_len(8).null())
                .col(col("women_led").boolean().null())
                .col(col("external_id").string_len(64).null())
                .col(col("submitted_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_responses_consultation",
                    "responses",
                    "consultation_id",
                    "consultations",
                    "id",
                ))
                .foreign_key(&mut fk("fk_responses_stakeholder", "responses", "stakeholder_id", "stakeholders", "id"))
                .to_owned(),
        )
        .await?;
        indexes(
            m,
            "responses",
            &[
                ("ix_responses_consultation", &["consultation_id", "submitted_at"], false),
                ("ix_responses_stakeholder", &["stakeholder_id"], false),
                ("ux_responses_external", &["consultation_id", "external_id"], true),
            ],
        )
        .await?;

        // One row per answer (per chosen option for multi-choice), with the respondent profile copied in:
        // results and cross-tabs then read this one table, without a join over a million rows.
        m.create_table(
            Table::create()
                .table(Alias::new("answers"))
                .col(col("id").big_integer().not_null().auto_increment().primary_key())
                .col(col("response_id").uuid().not_null())
                .col(col("consultation_id").uuid().not_null())
                .col(col("question").string_len(40).not_null())
                // 0 on the first row of a (response, question): counts respondents who answered.
                .col(col("seq").small_integer().not_null())
                .col(col("choice").string_len(40).null())
                .col(col("value").double().null())
                .col(col("text").text().null())
                .col(col("country").string_len(3).null())
                .col(col("sector").string_len(2).null())
                .col(col("size_class").string_len(8).null())
                .col(col("women_led").boolean().null())
                .col(col("submitted_at").timestamp_with_time_zone().not_null())
                .foreign_key(
                    &mut fk("fk_answers_response", "answers", "response_id", "responses", "id")
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        indexes(
            m,
            "answers",
            &[
                // Covers every results query over the raw answers, profile and date filters included,
                // so they are answered from the index alone.
                (
                    "ix_answers_tally",
                    &[
                        "consultation_id",
                        "question",
                        "choice",
                        "value",
                        "seq",
                        "country",
                        "sector",
                        "size_class",
                        "women_led",
                        "submitted_at",
                    ],
                    false,
                ),
                ("ix_answers_response", &["response_id"], false),
            ],
        )
        .await?;

        for def in [
            col("sector").string_len(2).null().to_owned(),
            col("stakeholder_id").uuid().null().to_owned(),
            col("response_id").uuid().null().to_owned(),
        ] {
            m.alter_table(Table::alter().table(Alias::new("impediments")).add_column(def.clone()).to_owned()).await?;
        }
        indexes(m, "impediments", &[("ix_impediments_sector", &["sector"], false)]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_impediments_sector").table(Alias::new("impediments")).to_owned()).await?;
        for c in ["response_id", "stakeholder_id", "sector"] {
            m.alter_table(Table::alter().table(Alias::new("impediments")).drop_column(Alias::new(c)).to_owned())
                .await?;
        }
        for t in ["answers", "responses", "consultations", "stakeholders"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
