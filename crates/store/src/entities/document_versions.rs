//! The `document_versions` table: every version of a document — a Markdown body, an uploaded file (kept
//! in the storage backend under its content address), or both — with the text extracted for search.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub document_id: Uuid,
    /// 1, 2, 3, … per document (unique).
    pub number: i32,
    pub body_markdown: Option<String>,
    /// The uploaded file's name as given (shown and offered on download, never trusted for its type).
    pub file_name: Option<String>,
    /// The type found from the file's content.
    pub media_type: Option<String>,
    pub byte_size: Option<i64>,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: Option<String>,
    /// Where the storage backend keeps the bytes (content-addressed).
    pub storage_key: Option<String>,
    pub extracted_text: Option<String>,
    /// Why a file yielded no text (e.g. a PDF that did not parse); the version is kept all the same.
    pub extraction_warning: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
