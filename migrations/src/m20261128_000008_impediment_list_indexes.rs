//! Indexes for the registry list's common filter combination: partner market and NTM chapter
//! together, newest first. With `(partner, ntm_chapter, id)` both engines walk exactly the rows of
//! that (partner, chapter) pair in `ORDER BY id DESC` order and stop after the page, instead of
//! walking one single-column index (`ix_impediments_partner` or `ix_impediments_chapter`) and
//! discarding the rows of the other partners or chapters (docs/benchmarks.md).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "ix_impediments_partner_chapter";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(INDEX)
                .table(Alias::new("impediments"))
                .col(Alias::new("partner"))
                .col(Alias::new("ntm_chapter"))
                .col(Alias::new("id"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(INDEX).table(Alias::new("impediments")).to_owned()).await
    }
}
