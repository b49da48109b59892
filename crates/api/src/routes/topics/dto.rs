//! Request and response types of the topic catalogue.

use chrono::{DateTime, Utc};
use gmc_domain::ids::TopicId;
use gmc_domain::reference::{TopicKind, TopicStatus};
use gmc_domain::topic::{TopicInput, TopicPatchInput};
use gmc_store::views::TopicView;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

#[derive(Debug, Serialize, ToSchema)]
pub struct TopicDto {
    pub id: Uuid,
    #[schema(example = "FISH")]
    pub code: String,
    pub title: String,
    pub kind: TopicKind,
    pub wto_body: String,
    pub parent_id: Option<Uuid>,
    pub description: String,
    pub status: TopicStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TopicView> for TopicDto {
    fn from(t: TopicView) -> Self {
        TopicDto {
            id: t.id,
            code: t.code,
            title: t.title,
            kind: t.kind,
            wto_body: t.wto_body,
            parent_id: t.parent_id,
            description: t.description,
            status: t.status,
            version: t.version,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

page_of!(TopicPage, TopicDto);
sort_query!(TopicSortQuery, gmc_store::services::topics::TopicSort, "by code");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TopicQuery {
    #[param(value_type = Option<TopicKind>)]
    pub kind: Option<String>,
    #[param(value_type = Option<TopicStatus>)]
    pub status: Option<String>,
    /// The parent topic's id or code: only its direct sub-topics.
    pub parent: Option<String>,
    /// Text search in code, title and description (case-insensitive).
    pub q: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTopicRequest {
    #[schema(example = "AG-PSH")]
    pub code: String,
    pub title: String,
    #[schema(value_type = TopicKind)]
    pub kind: String,
    pub wto_body: Option<String>,
    pub parent_id: Option<Uuid>,
    pub description: Option<String>,
    /// Default `active`.
    #[schema(value_type = Option<TopicStatus>)]
    pub status: Option<String>,
}

impl CreateTopicRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({
            "code": "MSME-TFIN",
            "title": "Trade finance for MSMEs",
            "kind": "other",
            "wto_body": "Informal Working Group on MSMEs",
            "description": "Access of micro, small and medium enterprises to trade finance.",
            "status": "active"
        })
    }
}

impl From<CreateTopicRequest> for TopicInput {
    fn from(r: CreateTopicRequest) -> Self {
        TopicInput {
            code: r.code,
            title: r.title,
            kind: r.kind,
            wto_body: r.wto_body,
            parent_id: r.parent_id.map(TopicId::from_uuid),
            description: r.description,
            status: r.status,
        }
    }
}

/// Present-and-null means "clear"; absent means "leave alone".
pub(crate) fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Some(Option::deserialize(d)?))
}

/// Fields to change; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTopicRequest {
    pub title: Option<String>,
    #[schema(value_type = Option<TopicKind>)]
    pub kind: Option<String>,
    pub wto_body: Option<String>,
    /// A topic id, or `null` to make the topic top-level.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub parent_id: Option<Option<Uuid>>,
    pub description: Option<String>,
    #[schema(value_type = Option<TopicStatus>)]
    pub status: Option<String>,
}

impl UpdateTopicRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"title": "Trade finance for micro, small and medium enterprises", "status": "dormant"})
    }
}

impl From<UpdateTopicRequest> for TopicPatchInput {
    fn from(r: UpdateTopicRequest) -> Self {
        TopicPatchInput {
            title: r.title,
            kind: r.kind,
            wto_body: r.wto_body,
            parent_id: r.parent_id.map(|p| p.map(TopicId::from_uuid)),
            description: r.description,
            status: r.status,
        }
    }
}
