//! Pre-aggregated answer counts: per consultation, question, answer bucket and respondent profile, the
//! number of answer rows and of respondents answering. Results and cross-tabs without a date filter
//! read these few thousand rows instead of a million answers; every submission adds to them in the
//! same transaction. Unknown profile values are stored as `''` (and -1 for women-led) rather than
//! NULL, because the upsert's conflict target must match rows with unknown values too.

use sea_orm_migration::prelude::*;

use crate::builders::col;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("answer_counts"))
                .col(col("consultation_id").uuid().not_null())
                // '' counts respondents (responses) rather than the answers to one question.
                .col(col("question").string_len(40).not_null())
                // The option id, the value of a scale or number, or '' for a text answer.
                .col(col("bucket").string_len(64).not_null())
                .col(col("country").string_len(3).not_null())
                .col(col("sector").string_len(2).not_null())
                .col(col("size_class").string_len(8).not_null())
                // 1 women-led, 0 not, -1 not said.
                .col(col("women_led").small_integer().not_null())
                .col(col("n").big_integer().not_null())
                .col(col("firsts").big_integer().not_null())
                .primary_key(
                    Index::create()
                        .col(Alias::new("consultation_id"))
                        .col(Alias::new("question"))
                        .col(Alias::new("bucket"))
                        .col(Alias::new("country"))
                        .col(Alias::new("sector"))
                        .col(Alias::new("size_class"))
                        .col(Alias::new("women_led")),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_answer_counts_consultation")
                        .from(Alias::new("answer_counts"), Alias::new("consultation_id"))
                        .to(Alias::new("consultations"), Alias::new("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("answer_counts")).to_owned()).await
    }
}
