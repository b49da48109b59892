//! The documents' wire types beyond the store's own (`DocumentView`, `DocumentInput`, …, which are the
//! bodies): the list's and search's queries, the pages, the upload form's schema and the examples.

use gmc_domain::document::DocumentKind;
use gmc_store::services::documents::{DocumentSearchHit, DocumentSort, DocumentVersionView, DocumentView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

page_of!(DocumentPage, DocumentView);
page_of!(DocumentSearchPage, DocumentSearchHit);
sort_query!(DocumentSortQuery, DocumentSort, "newest first");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentQuery {
    #[param(value_type = Option<DocumentKind>)]
    pub kind: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    /// The owning delegation's documents.
    pub delegation_id: Option<Uuid>,
    /// Text search in the title (`GET /documents/search` searches the text).
    pub q: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentSearchQuery {
    /// The words to find (all of them), in titles, summaries, Markdown bodies and uploaded files' text. A trailing
    /// `*` matches a prefix; anything else is taken literally.
    pub q: Option<String>,
    /// Page size, 1–50 (default 20).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentVersionList {
    /// Oldest first.
    pub items: Vec<DocumentVersionView>,
}

/// The `multipart/form-data` body of a new version: a file, a Markdown body, or both.
#[derive(Debug, ToSchema)]
#[allow(dead_code)] // documents the form; the handler reads the parts as they stream in
pub struct DocumentVersionForm {
    /// A PDF, DOCX, XLSX or Markdown file (its type is judged from its content), up to the upload limit.
    #[schema(value_type = Option<String>, format = Binary)]
    pub file: Option<Vec<u8>>,
    /// Markdown text.
    pub body_markdown: Option<String>,
}

/// A valid `DocumentInput`, shown in the OpenAPI document.
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "kind": "briefing_note",
        "title": "Fisheries subsidies: where the text stands",
        "summary": "Two-page note for the capital ahead of the negotiating group.",
        "visibility": "delegation",
        "topic_ids": [],
        "body_markdown": "## Where it stands\n\nThe overcapacity pillar is still open."
    })
}

/// A valid `DocumentPatch`, shown in the OpenAPI document.
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"visibility": "regional"})
}
