//! The document library (issue 10): documents with their topics and numbered versions (a Markdown body
//! and/or an uploaded file with its extracted text), and the full-text index over each document's title
//! and current version.
//!
//! The search index holds one row per document — its title and the text of its current version — and
//! is written by the document service in the same transaction as the change it reflects
//! (`services::documents::search_index`), so it needs no triggers and an old version's words never
//! surface. Each engine gets the index it has:
//!
//! - **SQLite:** an FTS5 table (`unicode61`, diacritics removed) that stores its own copy of the text, so
//!   that `snippet()` and `bm25()` work; its rowid is the document row's rowid.
//! - **PostgreSQL:** a plain table with a stored generated `tsvector` (title weighted above the body) and
//!   a GIN index; queries use `websearch_to_tsquery`, `ts_rank` and `ts_headline`.

use sea_orm_migration::prelude::*;

use crate::builders::{col, fk, index};
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &["CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, \
     document_id UNINDEXED, version_number UNINDEXED, tokenize='unicode61 remove_diacritics 2')"];

const SQLITE_DOWN: &[&str] = &["DROP TABLE IF EXISTS documents_fts"];

const POSTGRES_UP: &[&str] = &[
    "CREATE TABLE documents_fts (\
     document_id uuid PRIMARY KEY REFERENCES documents(id), \
     version_number integer NOT NULL, \
     title text NOT NULL, \
     body text NOT NULL, \
     tsv tsvector GENERATED ALWAYS AS (\
     setweight(to_tsvector('english', title), 'A') || \
     setweight(to_tsvector('english', left(body, 500000)), 'B')) STORED)",
    "CREATE INDEX ix_documents_fts_tsv ON documents_fts USING gin (tsv)",
];

const POSTGRES_DOWN: &[&str] = &["DROP TABLE IF EXISTS documents_fts"];

async fn run(m: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    for sql in statements {
        m.get_connection().execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("documents"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("kind").string_len(24).not_null())
                .col(col("title").string_len(200).not_null())
                .col(col("summary").text().not_null())
                .col(col("visibility").string_len(12).not_null())
                // The owner delegation; none for a platform-wide document (analysts and admins publish).
                .col(col("delegation_id").uuid().null())
                .col(col("created_by").uuid().not_null())
                // The number of the latest version (0: none yet).
                .col(col("current_version").integer().not_null())
                .col(col("version").integer().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .col(col("updated_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk("fk_documents_delegation", ("documents", "delegation_id"), ("delegations", "id")))
                .foreign_key(&mut fk("fk_documents_created_by", ("documents", "created_by"), ("users", "id")))
                .to_owned(),
        )
        .await?;
        // One `(sort key, id)` index per sortable column, and the owner's for the read condition.
        m.create_index(index("ix_documents_delegation", "documents", &["delegation_id", "id"])).await?;
        m.create_index(index("ix_documents_updated_at", "documents", &["updated_at", "id"])).await?;
        m.create_index(index("ix_documents_created_at", "documents", &["created_at", "id"])).await?;
        m.create_index(index("ix_documents_title", "documents", &["title", "id"])).await?;
        m.create_index(index("ix_documents_kind", "documents", &["kind", "id"])).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("document_topics"))
                .col(col("document_id").uuid().not_null())
                .col(col("topic_id").uuid().not_null())
                .primary_key(Index::create().col(Alias::new("document_id")).col(Alias::new("topic_id")))
                .foreign_key(&mut fk(
                    "fk_document_topics_document",
                    ("document_topics", "document_id"),
                    ("documents", "id"),
                ))
                .foreign_key(&mut fk("fk_document_topics_topic", ("document_topics", "topic_id"), ("topics", "id")))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_document_topics_topic", "document_topics", &["topic_id", "document_id"])).await?;

        m.create_table(
            Table::create()
                .table(Alias::new("document_versions"))
                .col(col("id").uuid().not_null().primary_key())
                .col(col("document_id").uuid().not_null())
                .col(col("number").integer().not_null())
                .col(col("body_markdown").text().null())
                .col(col("file_name").string_len(255).null())
                .col(col("media_type").string_len(120).null())
                .col(col("byte_size").big_integer().null())
                .col(col("sha256").string_len(64).null())
                .col(col("storage_key").string_len(200).null())
                .col(col("extracted_text").text().null())
                // Why there is no extracted text although there is a file (e.g. a PDF that did not parse).
                .col(col("extraction_warning").text().null())
                .col(col("created_by").uuid().not_null())
                .col(col("created_at").timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk(
                    "fk_document_versions_document",
                    ("document_versions", "document_id"),
                    ("documents", "id"),
                ))
                .foreign_key(&mut fk(
                    "fk_document_versions_created_by",
                    ("document_versions", "created_by"),
                    ("users", "id"),
                ))
                .to_owned(),
        )
        .await?;
        // One version per number: two uploads racing cannot both become version n.
        m.create_index(
            index("ux_document_versions_number", "document_versions", &["document_id", "number"]).unique().to_owned(),
        )
        .await?;

        match m.get_database_backend() {
            DbBackend::Postgres => run(m, POSTGRES_UP).await,
            _ => run(m, SQLITE_UP).await,
        }
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        match m.get_database_backend() {
            DbBackend::Postgres => run(m, POSTGRES_DOWN).await?,
            _ => run(m, SQLITE_DOWN).await?,
        }
        for t in ["document_versions", "document_topics", "documents"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
