//! Keeping the full-text index in step: one row per document (its title, and its summary with the
//! current version's Markdown and extracted text), rewritten by the service in the same transaction as
//! every change to what it holds — create, a new version, a title or summary change. The tables are
//! migration 000019's: FTS5 on SQLite (rowid = the document row's rowid), `tsvector` on PostgreSQL.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use uuid::Uuid;

use crate::AppResult;

const SQLITE: [&str; 2] = [
    "DELETE FROM documents_fts WHERE rowid = (SELECT rowid FROM documents WHERE id = ?)",
    "INSERT INTO documents_fts(rowid, title, body, document_id, version_number) \
     SELECT d.rowid, d.title, d.summary || char(10) || coalesce(v.body_markdown, '') || char(10) || \
     coalesce(v.extracted_text, ''), d.id, d.current_version \
     FROM documents d LEFT JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version \
     WHERE d.id = ?",
];

const POSTGRES: [&str; 2] = [
    "DELETE FROM documents_fts WHERE document_id = $1",
    "INSERT INTO documents_fts(document_id, version_number, title, body) \
     SELECT d.id, d.current_version, d.title, d.summary || E'\\n' || coalesce(v.body_markdown, '') || E'\\n' || \
     coalesce(v.extracted_text, '') \
     FROM documents d LEFT JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version \
     WHERE d.id = $1",
];

/// Rewrites the document's index row from what is stored now (call it inside the writing transaction).
pub(crate) async fn refresh<C: ConnectionTrait>(db: &C, document_id: Uuid) -> AppResult<()> {
    let backend = db.get_database_backend();
    let statements = match backend {
        DbBackend::Postgres => POSTGRES,
        _ => SQLITE,
    };
    for sql in statements {
        db.execute(Statement::from_sql_and_values(backend, sql, [document_id.into()])).await?;
    }
    Ok(())
}
