//! Listing documents: by kind, topic and a title search, over only the rows the caller may read
//! (`read_condition`), newest first or sorted by a field, with keyset pages and the bounded total on
//! the first. Searching the documents' text is `search`'s.

use gmc_domain::document::DocumentKind;
use gmc_domain::error::parse_enum;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::view::{self, DocumentView};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{document_topics, documents, topics};
use crate::services::{contains_ci, search_text};
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct DocumentFilter {
    pub kind: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    /// The owning delegation's documents.
    pub delegation_id: Option<Uuid>,
    /// In the title.
    pub q: Option<String>,
    /// One of `DocumentSort`, `-` first for descending; default: newest first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What documents may be sorted by.
    DocumentSort {
        Title => "title",
        Kind => "kind",
        UpdatedAt => "updated_at",
        CreatedAt => "created_at",
    }
);

/// Without `sort`: by id, newest first (ids are time-ordered).
const DEFAULT_SORT: Sort<DocumentSort> = Sort::by_id(true);

fn sort_key(field: DocumentSort) -> Key<documents::Column> {
    use documents::Column as C;
    match field {
        DocumentSort::Title => Key::text(C::Title),
        DocumentSort::Kind => Key::text(C::Kind),
        DocumentSort::UpdatedAt => Key::time(C::UpdatedAt),
        DocumentSort::CreatedAt => Key::time(C::CreatedAt),
    }
}

fn sort_value(field: Option<DocumentSort>, r: &documents::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(DocumentSort::Title) => KeyValue::Text(r.title.clone()),
        Some(DocumentSort::Kind) => KeyValue::Text(r.kind.0.as_str().to_owned()),
        Some(DocumentSort::UpdatedAt) => KeyValue::Time(r.updated_at),
        Some(DocumentSort::CreatedAt) => KeyValue::Time(r.created_at),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: DocumentFilter) -> AppResult<Page<DocumentView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    use documents::Column as C;
    let mut e = ValidationErrors::new();
    let filters = DocumentFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let kind = f.kind.as_deref().and_then(|s| e.check("kind", parse_enum::<DocumentKind>(s)));
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = documents::Entity::find().filter(super::read_condition(actor));
    if let Some(v) = kind {
        query = query.filter(C::Kind.eq(v.as_str()));
    }
    if let Some(v) = f.delegation_id {
        query = query.filter(C::DelegationId.eq(v));
    }
    if let Some(t) = f.topic.as_deref() {
        let topic = match Uuid::parse_str(t) {
            Ok(id) => Some(id),
            Err(_) => topics::Entity::find()
                .filter(topics::Column::Code.eq(t.trim().to_ascii_uppercase()))
                .one(db)
                .await?
                .map(|t| t.id),
        };
        query = query.filter(
            C::Id.in_subquery(
                Query::select()
                    .column(document_topics::Column::DocumentId)
                    .from(document_topics::Entity)
                    .and_where(document_topics::Column::TopicId.eq(topic.unwrap_or(Uuid::nil())))
                    .to_owned(),
            ),
        );
    }
    if let Some(q) = &q {
        query = query.filter(contains_ci(C::Title, q));
    }
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), C::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    let items = view::views(db, actor, rows).await?;
    Ok(Page { items, next_cursor, total })
}
