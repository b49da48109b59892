//! The query strings of the exports added after impediments and stakeholders (issue 11: exports):
//! topics, prep items, consultations, meetings, briefing requests and documents. Each takes its list's
//! own query structs, so the export's filters and `sort` are exactly the list's.

use gmc_store::services::briefings::BriefingFilter;
use gmc_store::services::consultations::ConsultationFilter;
use gmc_store::services::documents::DocumentFilter;
use gmc_store::services::exports::ExportQuery;
use gmc_store::services::meetings::MeetingFilter;
use gmc_store::services::prep::PrepItemFilter;
use gmc_store::services::topics::TopicFilter;

use super::qs::parse;
use crate::problem::ApiError;
use crate::routes::briefings::{BriefingQuery, BriefingSortQuery};
use crate::routes::consultations::{ConsultationQuery, ConsultationSortQuery};
use crate::routes::documents::{DocumentQuery, DocumentSortQuery};
use crate::routes::meetings::{MeetingQuery, MeetingSortQuery};
use crate::routes::prep_items::{PrepItemQuery, PrepItemSortQuery};
use crate::routes::topics::{TopicQuery, TopicSortQuery};

/// The query parameters an export of `kind` takes (the list's filters and `sort`).
pub fn parameters(kind: &str) -> &'static [&'static str] {
    match kind {
        "topics" => &["kind", "status", "parent", "q", "sort"],
        "prep-items" => &[
            "ministerial",
            "status",
            "topic",
            "delegation_id",
            "coalition_id",
            "interest",
            "kind",
            "q",
            "due_before",
            "sort",
        ],
        "consultations" => &["status", "delegation", "q", "sort"],
        "meetings" => &["from", "to", "kind", "status", "invited", "topic", "sort"],
        "briefing-requests" => &["status", "kind", "topic", "delegation_id", "assigned", "queue", "overdue", "sort"],
        "documents" => &["kind", "topic", "delegation_id", "q", "sort"],
        _ => &[],
    }
}

/// What `kind` with the query string `qs` asks to export. Unknown kind: 404.
pub fn export_query(kind: &str, qs: &str) -> Result<ExportQuery, ApiError> {
    Ok(match kind {
        "topics" => {
            let (q, sort): (TopicQuery, TopicSortQuery) = (parse(qs)?, parse(qs)?);
            ExportQuery::Topics(TopicFilter {
                kind: q.kind,
                status: q.status,
                parent: q.parent,
                q: q.q,
                sort: sort.sort,
                limit: None,
                cursor: None,
            })
        }
        "prep-items" => {
            let (q, sort): (PrepItemQuery, PrepItemSortQuery) = (parse(qs)?, parse(qs)?);
            ExportQuery::PrepItems(PrepItemFilter {
                ministerial: q.ministerial,
                status: q.status,
                topic: q.topic,
                delegation_id: q.delegation_id,
                coalition_id: q.coalition_id,
                interest: q.interest,
                kind: q.kind,
                q: q.q,
                due_before: q.due_before,
                sort: sort.sort,
                limit: None,
                cursor: None,
            })
        }
        "consultations" => {
            let (q, sort): (ConsultationQuery, ConsultationSortQuery) = (parse(qs)?, parse(qs)?);
            ExportQuery::Consultations(ConsultationFilter {
                status: q.status,
                delegation: q.delegation,
                q: q.q,
                sort: sort.sort,
                limit: None,
                cursor: None,
            })
        }
        "meetings" => {
            let (q, sort): (MeetingQuery, MeetingSortQuery) = (parse(qs)?, parse(qs)?);
            ExportQuery::Meetings(MeetingFilter {
                from: q.from,
                to: q.to,
                kind: q.kind,
                status: q.status,
                invited: q.invited,
                topic: q.topic,
                sort: sort.sort,
                limit: None,
                cursor: None,
            })
        }
        "briefing-requests" => {
            let (q, sort): (BriefingQuery, BriefingSortQuery) = (parse(qs)?, parse(qs)?);
            ExportQuery::BriefingRequests(BriefingFilter {
                status: q.status,
                kind: q.kind,
                topic: q.topic,
                delegation_id: q.delegation_id,
                assigned: q.assigned,
                queue: q.queue,
                overdue: q.overdue,
                sort: sort.sort,
                limit: None,
                cursor: None,
            })
        }
        "documents" => {
            let (q, sort): (DocumentQuery, DocumentSortQuery) = (parse(qs)?, parse(qs)?);
            ExportQuery::Documents(DocumentFilter {
                kind: q.kind,
                topic: q.topic,
                delegation_id: q.delegation_id,
                q: q.q,
                sort: sort.sort,
                limit: None,
                cursor: None,
            })
        }
        _ => return Err(ApiError::App(gmc_store::AppError::NotFound("export"))),
    })
}
