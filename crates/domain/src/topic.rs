//! Topics of the WTO catalogue: what a new topic and a change to one must satisfy.

use crate::error::{optional_text, parse_enum, required_text, ValidationErrors};
use crate::ids::TopicId;
use crate::reference::{TopicCode, TopicKind, TopicStatus};

// A topic as a client asked to create it, before parsing: the body of `POST /topics` (a plain comment: a doc
// comment would become the schema's description).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateTopicRequest))]
pub struct TopicInput {
    #[cfg_attr(feature = "openapi", schema(example = "AG-PSH"))]
    pub code: String,
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = TopicKind))]
    pub kind: String,
    pub wto_body: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<uuid::Uuid>))]
    pub parent_id: Option<TopicId>,
    pub description: Option<String>,
    /// Default `active`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<TopicStatus>))]
    pub status: Option<String>,
}

/// A topic that is valid to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTopic {
    pub code: TopicCode,
    pub title: String,
    pub kind: TopicKind,
    pub wto_body: String,
    pub parent_id: Option<TopicId>,
    pub description: String,
    pub status: TopicStatus,
}

impl NewTopic {
    pub fn parse(input: TopicInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let code = errors.check("code", TopicCode::parse(&input.code));
        let title = errors.check("title", required_text(&input.title, 200));
        let kind = errors.check("kind", parse_enum::<TopicKind>(&input.kind));
        let wto_body = errors.check("wto_body", optional_text(input.wto_body.as_deref().unwrap_or(""), 200));
        let description = errors.check("description", optional_text(input.description.as_deref().unwrap_or(""), 4000));
        let status = errors.check("status", parse_enum::<TopicStatus>(input.status.as_deref().unwrap_or("active")));
        match (code, title, kind, wto_body, description, status) {
            (Some(code), Some(title), Some(kind), Some(wto_body), Some(description), Some(status)) => {
                Ok(NewTopic { code, title, kind, wto_body, parent_id: input.parent_id, description, status })
            }
            _ => Err(errors),
        }
    }
}

/// Fields to change; absent fields stay as they are.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateTopicRequest))]
pub struct TopicPatchInput {
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<TopicKind>))]
    pub kind: Option<String>,
    pub wto_body: Option<String>,
    /// A topic id, or `null` to make the topic top-level.
    #[serde(default, deserialize_with = "crate::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<uuid::Uuid>, nullable))]
    pub parent_id: Option<Option<TopicId>>,
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<TopicStatus>))]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicPatch {
    pub title: Option<String>,
    pub kind: Option<TopicKind>,
    pub wto_body: Option<String>,
    pub parent_id: Option<Option<TopicId>>,
    pub description: Option<String>,
    pub status: Option<TopicStatus>,
}

impl TopicPatch {
    pub fn parse(input: TopicPatchInput) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let empty = input.title.is_none()
            && input.kind.is_none()
            && input.wto_body.is_none()
            && input.parent_id.is_none()
            && input.description.is_none()
            && input.status.is_none();
        if empty {
            e.add("body", "empty", "names no field to change");
        }
        let patch = TopicPatch {
            title: input.title.and_then(|t| e.check("title", required_text(&t, 200))),
            kind: input.kind.and_then(|k| e.check("kind", parse_enum(&k))),
            wto_body: input.wto_body.and_then(|w| e.check("wto_body", optional_text(&w, 200))),
            parent_id: input.parent_id,
            description: input.description.and_then(|d| e.check("description", optional_text(&d, 4000))),
            status: input.status.and_then(|s| e.check("status", parse_enum(&s))),
        };
        e.finish().map(|_| patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_with_every_field_wrong_reports_each_field() {
        let errs = NewTopic::parse(TopicInput {
            code: "x".into(),
            title: "  ".into(),
            kind: "treaty".into(),
            status: Some("open".into()),
            ..Default::default()
        })
        .err()
        .map(|e| e.into_vec().into_iter().map(|f| f.field).collect::<Vec<_>>());
        assert_eq!(errs, Some(vec!["code".into(), "title".into(), "kind".into(), "status".into()]));
    }

    #[test]
    fn a_valid_topic_parses_with_defaults() {
        let t = NewTopic::parse(TopicInput {
            code: "fish".into(),
            title: "Fisheries subsidies".into(),
            kind: "negotiation".into(),
            ..Default::default()
        });
        assert_eq!(t.map(|t| (t.code.into_string(), t.status)), Ok(("FISH".into(), TopicStatus::Active)));
    }
}
