//! Bulk imports (issue 11): one row per file loaded (`imports`: what was asked, what came of it) and
//! one per rejected value (`import_problems`), so that `GET /imports/{id}` and its CSV report outlive
//! the request. A dry run and a rejected file are recorded too: their report is the point.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(a("imports"))
                .col(ColumnDef::new(a("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(a("kind")).string_len(32).not_null())
                .col(ColumnDef::new(a("format")).string_len(8).not_null())
                .col(ColumnDef::new(a("mode")).string_len(8).not_null())
                .col(ColumnDef::new(a("dry_run")).boolean().not_null())
                .col(ColumnDef::new(a("on_error")).string_len(8).not_null())
                .col(ColumnDef::new(a("status")).string_len(12).not_null())
                .col(ColumnDef::new(a("rows_total")).big_integer().not_null())
                .col(ColumnDef::new(a("rows_inserted")).big_integer().not_null())
                .col(ColumnDef::new(a("rows_updated")).big_integer().not_null())
                .col(ColumnDef::new(a("rows_rejected")).big_integer().not_null())
                .col(ColumnDef::new(a("created_by")).uuid().not_null())
                .col(ColumnDef::new(a("delegation_id")).uuid().null())
                .col(ColumnDef::new(a("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(a("finished_at")).timestamp_with_time_zone().null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_imports_created_by")
                        .from(a("imports"), a("created_by"))
                        .to(a("users"), a("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_imports_delegation")
                        .from(a("imports"), a("delegation_id"))
                        .to(a("delegations"), a("id")),
                )
                .to_owned(),
        )
        .await?;
        // "My imports", newest first.
        m.create_index(
            Index::create()
                .name("ix_imports_created_by")
                .table(a("imports"))
                .col(a("created_by"))
                .col(a("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(a("import_problems"))
                .col(ColumnDef::new(a("import_id")).uuid().not_null())
                // The problem's place in the report: rows in file order, a row's problems as found.
                .col(ColumnDef::new(a("seq")).integer().not_null())
                .col(ColumnDef::new(a("row")).big_integer().not_null())
                .col(ColumnDef::new(a("column")).string_len(64).not_null())
                .col(ColumnDef::new(a("code")).string_len(64).not_null())
                .col(ColumnDef::new(a("message")).string_len(500).not_null())
                .primary_key(Index::create().col(a("import_id")).col(a("seq")))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_import_problems_import")
                        .from(a("import_problems"), a("import_id"))
                        .to(a("imports"), a("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("import_problems")).to_owned()).await?;
        m.drop_table(Table::drop().table(a("imports")).to_owned()).await
    }
}
