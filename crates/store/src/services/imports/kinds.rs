//! What differs between the kinds of file: their columns (the fields of the kind's create request) and
//! the service that writes one row. Everything else — reading, counting, reporting, the transaction
//! and its audit event — is the runner's, the same for every kind.

use gmc_domain::ids::DelegationId;
use gmc_domain::import::{ImportKind, RowOutcome};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::ConnectionTrait;
use serde_json::Value;

use crate::services::{impediments, stakeholders};
// issue 11: import-kinds
use crate::services::{prep, topic_import};
// issue 11: wto notifications
use crate::services::wto_notifications;
use crate::{AppError, AppResult};

/// How a column's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// Text the create request requires: a missing one is sent as empty, so the kind's own check names it.
    Text,
    /// Text that may be absent.
    OptText,
    /// A whole number the request requires.
    Int,
    OptInt,
    OptNumber,
    /// `true`/`false` (also `yes`/`no`, `1`/`0`); absent is the request's default.
    Bool,
    /// A list of ids separated by `;` or `|` (or a JSON array in a JSON file).
    List,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// An id.
    Uuid,
}

/// One column: its name, how it is read, an example value (for the template) and what it allows.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub col: Col,
    pub example: &'static str,
    pub help: &'static str,
}

const fn c(name: &'static str, col: Col, example: &'static str, help: &'static str) -> Column {
    Column { name, col, example, help }
}

const STAKEHOLDERS: &[Column] = &[
    c(
        "external_id",
        Col::OptText,
        "STK-BGD-0001",
        "Your own id, unique; with mode=upsert the row changes the record with this id",
    ),
    c("name", Col::Text, "Chattogram Knitwear Ltd", "Required, at most 200 characters"),
    c("kind", Col::Text, "msme", "One of the kinds (sheet 'codes')"),
    c("country", Col::Text, "BGD", "ISO alpha-3 country code (sheet 'codes')"),
    c("sector", Col::Text, "C", "ISIC Rev.4 section (sheet 'codes')"),
    c("size_class", Col::Text, "small", "micro (< 10 employees), small (10-49), medium (50-249)"),
    c("employees", Col::OptInt, "32", "0-249, within the size class"),
    c("women_led", Col::Bool, "true", "true or false (default false)"),
    c("exporter", Col::Bool, "true", "true or false (default false)"),
    c("importer", Col::Bool, "false", "true or false (default false)"),
    c("contact_name", Col::OptText, "Amina Rahman", "Personal data: needs consent_purpose and consent_at"),
    c("contact_email", Col::OptText, "amina@knit.example.org", "Personal data"),
    c("contact_phone", Col::OptText, "+880 555 0101", "Personal data: digits, spaces, dashes, optional leading +"),
    c("consent_purpose", Col::OptText, "Invitations to consultations", "What the contact agreed to"),
    c("consent_at", Col::Date, "2026-03-01", "When consent was given (YYYY-MM-DD, not in the future)"),
    c("user_id", Col::Uuid, "", "A stakeholder account to link (optional)"),
    c("delegation_id", Col::Uuid, "", "Admins: the owning delegation; members: empty (their own)"),
];

const IMPEDIMENTS: &[Column] = &[
    c("reporting_country", Col::Text, "BGD", "ISO alpha-3 country code (sheet 'codes')"),
    c("partner", Col::Text, "EU", "Partner market: ISO alpha-3, or EU"),
    c("hs_code", Col::OptText, "0306", "HS code, 2 to 6 digits"),
    c("ntm_code", Col::Text, "A14", "UNCTAD MAST code (sheet 'codes')"),
    c("title", Col::Text, "Residue testing of every shrimp consignment", "Required, at most 200 characters"),
    c("description", Col::Text, "Each consignment is re-tested at the border.", "Required"),
    c("severity", Col::Int, "4", "1 (minor) to 5 (blocking)"),
    c("frequency", Col::OptText, "recurring", "One of the frequencies (sheet 'codes'); default occasional"),
    c("estimated_cost", Col::OptNumber, "1200", "Cost per occurrence"),
    c("currency", Col::OptText, "USD", "ISO 4217 code, with estimated_cost"),
    c("visibility", Col::OptText, "delegation", "delegation, regional or public (default delegation)"),
    c("source", Col::OptText, "", "staff, stakeholder or response (default staff)"),
    c("topic_ids", Col::List, "", "Topic ids separated by ; (optional)"),
    c("sector", Col::OptText, "A", "ISIC Rev.4 section of the firms affected (optional)"),
    c("stakeholder_id", Col::Uuid, "", "A stakeholder you can read (optional)"),
    c("response_id", Col::Uuid, "", "A consultation response you can read (optional)"),
    c("delegation_id", Col::Uuid, "", "Admins: the owning delegation; members: empty (their own)"),
];

// issue 11: import-kinds — topics (the fields of `POST /topics`, the parent by code or id) and prep items
// (the fields of `POST /prep-items`, topics by code or id).
const TOPICS: &[Column] = &[
    c(
        "code",
        Col::Text,
        "MSME-FIN",
        "Upper-case letters, digits and dashes; with mode=upsert the row changes the topic with this code",
    ),
    c("title", Col::Text, "Trade finance for MSMEs", "Required, at most 200 characters"),
    c("kind", Col::Text, "other", "One of the kinds (sheet 'codes')"),
    c(
        "wto_body",
        Col::OptText,
        "Working Group on Trade, Debt and Finance",
        "The WTO body where it is discussed (optional)",
    ),
    c("parent", Col::OptText, "MSME", "The parent topic's code or id (optional; may be a topic of an earlier row)"),
    c("description", Col::OptText, "", "Optional"),
    c("status", Col::OptText, "active", "active, concluded or dormant (default active)"),
];

const PREP_ITEMS: &[Column] = &[
    c("ministerial", Col::Text, "MC14", "The ministerial conference's code"),
    c("title", Col::Text, "Duty-free access for LDC services", "Required, at most 200 characters"),
    c("summary", Col::OptText, "Our ask for the services waiver.", "Optional"),
    c("kind", Col::Text, "position", "One of the kinds (sheet 'codes')"),
    c("interest", Col::Text, "offensive", "One of the interests (sheet 'codes')"),
    c("priority", Col::Text, "high", "One of the priorities (sheet 'codes')"),
    c("deadline", Col::Date, "2026-03-20", "YYYY-MM-DD (optional)"),
    c("responsible_user_id", Col::Uuid, "", "A member of the owning delegation or coalition (optional)"),
    c("visibility", Col::Text, "delegation", "delegation, regional or public"),
    c("topic_ids", Col::List, "AG-PSH", "Topic codes or ids separated by ; (optional)"),
    c("coalition_id", Col::Uuid, "", "A coalition your delegation belongs to, which then owns the item (optional)"),
    c("delegation_id", Col::Uuid, "", "Admins: the owning delegation; members: empty (their own)"),
];

// issue 11: wto notifications — the columns of a WTO ePing export (docs/integrations.md); dates and HS
// codes are read as text, since ePing writes them in more than one way (`wto_notifications::import`).
const WTO_NOTIFICATIONS: &[Column] = &[
    c("symbol", Col::Text, "G/SPS/N/EU/789", "The WTO document symbol; G/SPS/N/... or G/TBT/N/... gives the agreement"),
    c("notifying_member", Col::Text, "EU", "ISO alpha-3 code, EU, or the member's name (European Union)"),
    c("distributed_on", Col::Text, "2026-11-20", "Distribution date, YYYY-MM-DD (or DD/MM/YYYY)"),
    c("hs_codes", Col::OptText, "0306; 1605", "HS codes separated by ; or , (descriptions after a code are ignored)"),
    c("products", Col::OptText, "Crustaceans", "Products covered"),
    c("objective", Col::OptText, "Food safety", "Objective(s) of the measure"),
    c("title", Col::Text, "Maximum residue levels for crustaceans", "Title of the notified measure"),
    c("comment_deadline", Col::OptText, "2027-01-19", "Final date for comments, YYYY-MM-DD (optional)"),
];

/// Header names other tools write for a column (lower-case), as ePing's export names them: a header is
/// read as the column it means when that column is one of the kind's.
const ALIASES: &[(&str, &str)] = &[
    ("document symbol", "symbol"),
    ("document_symbol", "symbol"),
    ("member", "notifying_member"),
    ("notifying member", "notifying_member"),
    ("notifying_member(s)", "notifying_member"),
    ("distribution date", "distributed_on"),
    ("date of distribution", "distributed_on"),
    ("date", "distributed_on"),
    ("hs codes", "hs_codes"),
    ("hs code(s)", "hs_codes"),
    ("hs code", "hs_codes"),
    ("product(s)", "products"),
    ("products covered", "products"),
    ("objectives", "objective"),
    ("objective(s)", "objective"),
    ("final date for comments", "comment_deadline"),
    ("comment deadline", "comment_deadline"),
    ("comments deadline", "comment_deadline"),
    ("title of the notified measure", "title"),
];

/// The column a header name `lower` means among `columns`, when it is another tool's name for it.
pub(super) fn canonical(lower: &str, columns: &[Column]) -> Option<String> {
    let (_, to) = ALIASES.iter().find(|(from, _)| *from == lower)?;
    columns.iter().any(|c| c.name == *to).then(|| (*to).to_owned())
}

/// Whether a header column the kind does not know is left out rather than refusing the file: only for
/// WTO notifications, whose ePing exports carry many columns (keywords, ICS codes, links) not kept here.
pub(super) fn ignores_unknown(columns: &[Column]) -> bool {
    std::ptr::eq(columns, WTO_NOTIFICATIONS)
}

pub fn columns(kind: ImportKind) -> &'static [Column] {
    match kind {
        ImportKind::Stakeholders => STAKEHOLDERS,
        ImportKind::Impediments => IMPEDIMENTS,
        // issue 11: import-kinds
        ImportKind::Topics => TOPICS,
        ImportKind::PrepItems => PREP_ITEMS,
        // issue 11: response imports — no fixed list: the columns are the consultation's (its questions,
        // `consultations::import`), so the readers take any header and each row names its unknown cells.
        ImportKind::ConsultationResponses => &[],
        // issue 11: wto notifications
        ImportKind::WtoNotifications => WTO_NOTIFICATIONS,
    }
}

/// Whether `mode=upsert` means anything: only kinds with an external id (or, for topics, the
/// catalogue's own code) can match a row to a record.
pub fn has_external_id(kind: ImportKind) -> bool {
    // issue 11: import-kinds — a topic's code is its external id.
    matches!(kind, ImportKind::Topics | ImportKind::WtoNotifications)
        || columns(kind).iter().any(|c| c.name == "external_id")
}

// issue 11: import-kinds — what a kind needs beyond importing records for a delegation.
/// Asked before the file is read: topics are the catalogue's, so only whoever may manage topics imports
/// them.
pub fn authorize_kind(actor: &Actor, kind: ImportKind) -> AppResult<()> {
    match kind {
        ImportKind::Topics => topic_import::authorize_topics(actor),
        // issue 11: response imports — the consultation's owners; checked with the consultation (runner).
        ImportKind::Stakeholders | ImportKind::Impediments | ImportKind::PrepItems => Ok(()),
        ImportKind::ConsultationResponses => Ok(()),
        // issue 11: wto notifications — settled by `authorize_import` (`Operation::ImportWtoNotifications`).
        ImportKind::WtoNotifications => Ok(()),
    }
}

/// Rows a kind has checked and holds to write together; `flush` writes them. Only stakeholders batch
/// so far (the kind the benchmark loads); the others write each row at once.
#[derive(Default)]
pub(super) struct Batch {
    stakeholders: stakeholders::import::Pending,
    // issue 11: wto notifications — the notifications written, matched when the batch is flushed.
    wto: wto_notifications::import::Written,
}

/// Before a block of rows is written: lets a kind ask the database once about all of them (only
/// stakeholders do, for their external ids, when inserting).
pub(super) async fn prefetch<C: ConnectionTrait>(
    db: &C,
    kind: ImportKind,
    upsert: bool,
    bodies: &[Result<Value, ValidationErrors>],
    batch: &mut Batch,
) -> AppResult<()> {
    if kind != ImportKind::Stakeholders || upsert {
        return Ok(());
    }
    let ids = bodies
        .iter()
        .filter_map(|b| b.as_ref().ok()?.get("external_id")?.as_str())
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect();
    batch.stakeholders.prefetch(db, ids).await
}

/// Writes what `batch` holds: before the import commits, and before anything reads the rows.
pub(super) async fn flush<C: ConnectionTrait>(db: &C, batch: &mut Batch) -> AppResult<()> {
    batch.stakeholders.flush(db).await?;
    // issue 11: wto notifications — matched (and alerted) in the import's transaction, after every row.
    wto_notifications::matching::match_written(db, &mut batch.wto).await
}

/// Writes one row's body with the kind's own create (or, upserting, update) checks.
pub(super) async fn write_row<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    kind: ImportKind,
    delegation: Option<DelegationId>,
    upsert: bool,
    body: Value,
    batch: &mut Batch,
) -> AppResult<RowOutcome> {
    // Every kind but WTO notifications is a delegation's records (`authorize_import` names one).
    let owner = || delegation.ok_or(AppError::Forbidden);
    match kind {
        ImportKind::Stakeholders => {
            let input = stakeholders::import::parse(body)?;
            stakeholders::import::write_row(db, actor, owner()?, upsert, input, &mut batch.stakeholders).await
        }
        ImportKind::Impediments => {
            let input = impediments::import::parse(body)?;
            impediments::import::write_row(db, actor, owner()?, input).await
        }
        // issue 11: import-kinds
        ImportKind::Topics => {
            let row = topic_import::parse(body)?;
            topic_import::write_row(db, actor, upsert, row).await
        }
        ImportKind::PrepItems => {
            let row = prep::import::parse(body)?;
            prep::import::write_row(db, actor, owner()?, row).await
        }
        // issue 11: wto notifications
        ImportKind::WtoNotifications => {
            let row = wto_notifications::import::parse(body)?;
            wto_notifications::import::write_row(db, actor, upsert, row, &mut batch.wto).await
        }
        // issue 11: response imports — written by the runner through `consultations::import` (a row needs
        // its consultation), never through here.
        ImportKind::ConsultationResponses => Err(crate::AppError::Internal(anyhow::anyhow!(
            "consultation responses are written with their consultation"
        ))),
    }
}
