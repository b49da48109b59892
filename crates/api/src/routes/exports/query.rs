//! An export's query string → what to export. The filters are the collection's list query structs
//! (`ImpedimentQuery`, `StakeholderQuery` and their `sort`), so an export takes exactly the list's
//! filters; `gmc export` builds the same query string from `--filter key=value` and calls this too.

use gmc_store::services::exports::{ExportQuery, Format};
use gmc_store::services::impediments::ImpedimentFilter;
use gmc_store::services::stakeholders::StakeholderFilter;
use serde::Deserialize;
use utoipa::IntoParams;

use super::qs::parse;
use crate::problem::ApiError;
use crate::routes::impediments::{ImpedimentQuery, ImpedimentSortQuery};
use crate::routes::stakeholders::{StakeholderQuery, StakeholderSortQuery};

/// The collections `gmc export` and the export routes know.
pub const KINDS: &[&str] = &[
    "impediments",
    "stakeholders",
    // issue 11: exports — the other collections (`collections.rs`).
    "topics",
    "prep-items",
    "consultations",
    "meetings",
    "briefing-requests",
    "documents",
];

/// The query parameters an export of `kind` takes (`gmc export` refuses others rather than ignore a typo).
pub fn parameters(kind: &str) -> &'static [&'static str] {
    match kind {
        "impediments" => &[
            "reporting_country",
            "partner",
            "ntm_chapter",
            "hs",
            "topic",
            "status",
            "delegation",
            "severity_min",
            "severity_max",
            "from",
            "to",
            "q",
            "sort",
        ],
        "stakeholders" => &[
            "country",
            "sector",
            "size_class",
            "kind",
            "women_led",
            "exporter",
            "importer",
            "delegation",
            "q",
            "sort",
            "include_contacts",
        ],
        _ => super::collections::parameters(kind),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `csv` (the default) or `xlsx`.
    #[param(value_type = Option<String>, pattern = "^(csv|xlsx)$")]
    pub format: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactsQuery {
    /// Add `contact_name`, `contact_email`, `contact_phone`: only for roles that may read contacts
    /// (admins and the delegation's members, signed in with a session), and each read is audited.
    pub include_contacts: Option<bool>,
}

/// What `kind` with the query string `qs` asks to export, and in which format. Unknown kind: 404.
pub fn export_query(kind: &str, qs: &str) -> Result<(ExportQuery, Format), ApiError> {
    let format = Format::parse(parse::<FormatQuery>(qs)?.format.as_deref())?;
    let query = match kind {
        "impediments" => {
            let q: ImpedimentQuery = parse(qs)?;
            let sort: ImpedimentSortQuery = parse(qs)?;
            ExportQuery::Impediments(ImpedimentFilter {
                reporting_country: q.reporting_country,
                partner: q.partner,
                ntm_chapter: q.ntm_chapter,
                hs: q.hs,
                topic: q.topic,
                status: q.status,
                delegation: q.delegation,
                severity_min: q.severity_min,
                severity_max: q.severity_max,
                from: q.from,
                to: q.to,
                q: q.q,
                sort: sort.sort,
                limit: None,
                cursor: None,
            })
        }
        "stakeholders" => {
            let q: StakeholderQuery = parse(qs)?;
            let sort: StakeholderSortQuery = parse(qs)?;
            let contacts: ContactsQuery = parse(qs)?;
            ExportQuery::Stakeholders {
                filter: StakeholderFilter {
                    country: q.country,
                    sector: q.sector,
                    size_class: q.size_class,
                    kind: q.kind,
                    women_led: q.women_led,
                    exporter: q.exporter,
                    importer: q.importer,
                    delegation: q.delegation,
                    q: q.q,
                    sort: sort.sort,
                    limit: None,
                    cursor: None,
                },
                include_contacts: contacts.include_contacts.unwrap_or(false),
            }
        }
        _ => super::collections::export_query(kind, qs)?,
    };
    Ok((query, format))
}
