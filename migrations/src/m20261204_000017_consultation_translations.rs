//! Issue 9, the public page: a consultation's title and description in its other languages
//! (`translations`, JSON `{"bn": {"title": …, "description": …}}`; the row's own `title` and
//! `description` stay the default, English, text), and the "you said, we did" note its owner publishes
//! once it is closed (`feedback`, JSON `{"en": …, "bn": …}`, with `feedback_at`, when it was last
//! published). Existing consultations get no translations and no note, so nothing they show changes.
//!
//! One column per `ALTER TABLE`: SQLite adds only one at a time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "consultations";

fn add(column: &mut ColumnDef) -> TableAlterStatement {
    Table::alter().table(Alias::new(TABLE)).add_column(column).to_owned()
}

fn drop(column: &str) -> TableAlterStatement {
    Table::alter().table(Alias::new(TABLE)).drop_column(Alias::new(column)).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(add(ColumnDef::new(Alias::new("translations")).text().not_null().default("{}"))).await?;
        m.alter_table(add(ColumnDef::new(Alias::new("feedback")).text().null())).await?;
        m.alter_table(add(ColumnDef::new(Alias::new("feedback_at")).timestamp_with_time_zone().null())).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in ["feedback_at", "feedback", "translations"] {
            m.alter_table(drop(column)).await?;
        }
        Ok(())
    }
}
