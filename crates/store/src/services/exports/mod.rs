//! Exports of collections (issue 11, part 3) as CSV or XLSX, for `GET /<collection>/export` and
//! `gmc export`. An export is a walk of the collection's own list, page after page through its cursor —
//! the list's filters, sort and the caller's visibility are the one read rule, so an export holds
//! exactly what the list would show the same caller — with each code's name beside it and every text
//! cell spreadsheet-safe (`cells::safe`).
//!
//! CSV leaves a page at a time (`Export::next_csv`): memory holds one page whatever the size. XLSX is
//! a zip that `rust_xlsxwriter` finishes at the end: its worksheet is in constant-memory mode (each row
//! goes to a temp file as it is written), and only the finished, compressed file is held in memory.

// issue 11: exports — briefings, consultations, documents, meetings, prep_items, topics added.
mod briefings;
pub mod cells;
mod consultations;
mod documents;
mod impediments;
mod local;
mod meetings;
pub mod names;
mod prep_items;
mod stakeholders;
mod topics;

use gmc_domain::policy::{authorize, Operation};
use gmc_domain::Actor;
use sea_orm::DatabaseConnection;
use serde_json::json;

pub use self::cells::Cell;
pub use self::local::local_actor;
use self::names::Names;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::catalogue::Catalogue;
use crate::services::briefings::BriefingFilter;
use crate::services::consultations::ConsultationFilter;
use crate::services::documents::DocumentFilter;
use crate::services::impediments::ImpedimentFilter;
use crate::services::meetings::MeetingFilter;
use crate::services::prep::PrepItemFilter;
use crate::services::stakeholders::StakeholderFilter;
use crate::services::topics::TopicFilter;
use crate::{AppError, AppResult};

/// Rows read per page of the walk (the lists' largest page).
const PAGE: i64 = 200;

/// What to export and how to filter it (each the collection's list filter).
#[derive(Debug, Clone)]
pub enum ExportQuery {
    Impediments(ImpedimentFilter),
    Stakeholders { filter: StakeholderFilter, include_contacts: bool },
    Topics(TopicFilter),
    PrepItems(PrepItemFilter),
    Consultations(ConsultationFilter),
    Meetings(MeetingFilter),
    BriefingRequests(BriefingFilter),
    Documents(DocumentFilter),
}

impl ExportQuery {
    /// The collection's name, for file names and audit events.
    pub fn kind(&self) -> &'static str {
        match self {
            ExportQuery::Impediments(_) => "impediments",
            ExportQuery::Stakeholders { .. } => "stakeholders",
            ExportQuery::Topics(_) => "topics",
            ExportQuery::PrepItems(_) => "prep-items",
            ExportQuery::Consultations(_) => "consultations",
            ExportQuery::Meetings(_) => "meetings",
            ExportQuery::BriefingRequests(_) => "briefing-requests",
            ExportQuery::Documents(_) => "documents",
        }
    }

    /// The filters, for the export's audit event (what left, not only that something did).
    fn filters(&self) -> String {
        match self {
            ExportQuery::Impediments(f) => format!("{f:?}"),
            ExportQuery::Stakeholders { filter, .. } => format!("{filter:?}"),
            ExportQuery::Topics(f) => format!("{f:?}"),
            ExportQuery::PrepItems(f) => format!("{f:?}"),
            ExportQuery::Consultations(f) => format!("{f:?}"),
            ExportQuery::Meetings(f) => format!("{f:?}"),
            ExportQuery::BriefingRequests(f) => format!("{f:?}"),
            ExportQuery::Documents(f) => format!("{f:?}"),
        }
    }
}

/// The file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(s: Option<&str>) -> Result<Self, gmc_domain::ValidationErrors> {
        match s.map(str::trim) {
            None | Some("csv") => Ok(Format::Csv),
            Some("xlsx") => Ok(Format::Xlsx),
            Some(_) => Err(gmc_domain::ValidationErrors::single("format", "invalid_choice", "must be csv or xlsx")),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// A started export: the header, then pages of rows until the list has no more.
pub struct Export {
    db: DatabaseConnection,
    actor: Actor,
    query: ExportQuery,
    names: Names,
    /// The topic list reads a catalogue snapshot: one of its own, so the walk sees one state of it.
    catalogue: Catalogue,
    /// The first page, read by `start` (so that a bad filter is refused before anything is sent).
    first: Option<Vec<Vec<Cell>>>,
    cursor: Option<String>,
    done: bool,
}

impl Export {
    /// Authorizes, checks the filters by reading the first page, and returns the export ready to walk.
    /// Contacts asked for by a role that may not read them: 403.
    pub async fn start(db: &DatabaseConnection, actor: &Actor, query: ExportQuery) -> AppResult<Self> {
        authorize(actor, Operation::ReadDelegationRecords)?;
        if let ExportQuery::Stakeholders { include_contacts: true, .. } = &query {
            if !stakeholders::may_read_contacts(actor) {
                return Err(AppError::Forbidden);
            }
        }
        let names = Names::load(db).await?;
        let catalogue = Catalogue::new(std::time::Duration::from_secs(3600));
        let mut export = Export {
            db: db.clone(),
            actor: actor.clone(),
            query,
            names,
            catalogue,
            first: None,
            cursor: None,
            done: false,
        };
        export.first = export.fetch().await?;
        export.audit().await?;
        Ok(export)
    }

    /// One audit event per export, once the filters are accepted (a refused export sent nothing).
    async fn audit(&self) -> AppResult<()> {
        let kind = self.query.kind();
        let include_contacts = matches!(self.query, ExportQuery::Stakeholders { include_contacts: true, .. });
        let mut entry = AuditEntry::by(&self.actor, "export.run", "export", kind)
            .changes(json!({"kind": kind, "filters": self.query.filters(), "include_contacts": include_contacts}));
        if let Some(own) = self.actor.delegation_id {
            entry = entry.delegation(own.as_uuid());
        }
        AuditedTxn::begin(&self.db).await?.commit(entry).await
    }

    pub fn header(&self) -> Vec<&'static str> {
        match &self.query {
            ExportQuery::Impediments(_) => impediments::HEADER.to_vec(),
            ExportQuery::Stakeholders { include_contacts, .. } => {
                let mut h = stakeholders::HEADER.to_vec();
                if *include_contacts {
                    h.extend_from_slice(stakeholders::CONTACT_HEADER);
                }
                h
            }
            ExportQuery::Topics(_) => topics::HEADER.to_vec(),
            ExportQuery::PrepItems(_) => prep_items::HEADER.to_vec(),
            ExportQuery::Consultations(_) => consultations::HEADER.to_vec(),
            ExportQuery::Meetings(_) => meetings::HEADER.to_vec(),
            ExportQuery::BriefingRequests(_) => briefings::HEADER.to_vec(),
            ExportQuery::Documents(_) => documents::HEADER.to_vec(),
        }
    }

    /// A file name safe in `Content-Disposition` and on any file system: `impediments-2026-12-01.csv`.
    pub fn file_name(&self, format: Format) -> String {
        format!("{}-{}.{}", self.query.kind(), chrono::Utc::now().date_naive(), format.extension())
    }

    async fn fetch(&mut self) -> AppResult<Option<Vec<Vec<Cell>>>> {
        if self.done {
            return Ok(None);
        }
        let cursor = self.cursor.take();
        let (rows, next) = match &self.query {
            ExportQuery::Impediments(f) => {
                impediments::page(&self.db, &self.actor, &self.names, f, cursor, PAGE).await?
            }
            ExportQuery::Stakeholders { filter, include_contacts } => {
                stakeholders::page(&self.db, &self.actor, &self.names, filter, *include_contacts, cursor, PAGE).await?
            }
            ExportQuery::Topics(f) => {
                topics::page(&self.db, &self.catalogue, &self.actor, &self.names, f, cursor, PAGE).await?
            }
            ExportQuery::PrepItems(f) => prep_items::page(&self.db, &self.actor, f, cursor, PAGE).await?,
            ExportQuery::Consultations(f) => {
                consultations::page(&self.db, &self.actor, &self.names, f, cursor, PAGE).await?
            }
            ExportQuery::Meetings(f) => meetings::page(&self.db, &self.actor, f, cursor, PAGE).await?,
            ExportQuery::BriefingRequests(f) => briefings::page(&self.db, &self.actor, f, cursor, PAGE).await?,
            ExportQuery::Documents(f) => documents::page(&self.db, &self.actor, f, cursor, PAGE).await?,
        };
        self.done = next.is_none();
        self.cursor = next;
        Ok(Some(rows))
    }

    /// The next page of rows; none when the walk is over.
    pub async fn next_rows(&mut self) -> AppResult<Option<Vec<Vec<Cell>>>> {
        if let Some(first) = self.first.take() {
            return Ok(Some(first));
        }
        self.fetch().await
    }

    /// The start of the CSV: a byte order mark (Excel reads a CSV as UTF-8 only with one) and the header.
    pub fn csv_header(&self) -> AppResult<Vec<u8>> {
        let mut out = b"\xEF\xBB\xBF".to_vec();
        out.extend(csv_lines(std::iter::once(self.header().into_iter().map(str::to_owned).collect()))?);
        Ok(out)
    }

    /// The next page as CSV lines; none when the walk is over.
    pub async fn next_csv(&mut self) -> AppResult<Option<Vec<u8>>> {
        match self.next_rows().await? {
            None => Ok(None),
            Some(rows) => csv_lines(rows.iter().map(|r| r.iter().map(Cell::csv).collect())).map(Some),
        }
    }

    /// The whole export as an XLSX file.
    pub async fn xlsx(mut self) -> AppResult<Vec<u8>> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet_with_constant_memory();
        sheet.set_name(self.query.kind()).map_err(xlsx_error)?;
        for (c, h) in self.header().into_iter().enumerate() {
            sheet.write_string(0, col(c)?, h).map_err(xlsx_error)?;
        }
        let mut r: u32 = 1;
        while let Some(rows) = self.next_rows().await? {
            for row in rows {
                for (c, cell) in row.iter().enumerate() {
                    let c = col(c)?;
                    match cell {
                        Cell::Empty => {}
                        Cell::Text(s) => {
                            sheet.write_string(r, c, cells::safe(s)).map_err(xlsx_error)?;
                        }
                        Cell::Int(n) => {
                            // Exact up to 2^53, far beyond any count or version here.
                            #[allow(clippy::cast_precision_loss)]
                            sheet.write_number(r, c, *n as f64).map_err(xlsx_error)?;
                        }
                        Cell::Number(n) => {
                            sheet.write_number(r, c, *n).map_err(xlsx_error)?;
                        }
                        Cell::Bool(b) => {
                            sheet.write_boolean(r, c, *b).map_err(xlsx_error)?;
                        }
                    }
                }
                r = r.checked_add(1).ok_or_else(|| AppError::Internal(anyhow::anyhow!("too many rows")))?;
            }
        }
        book.save_to_buffer().map_err(xlsx_error)
    }
}

fn col(c: usize) -> AppResult<u16> {
    u16::try_from(c).map_err(|e| AppError::Internal(e.into()))
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> AppError {
    AppError::Internal(anyhow::anyhow!("writing the XLSX export: {e}"))
}

fn csv_lines(rows: impl Iterator<Item = Vec<String>>) -> AppResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(&row).map_err(|e| AppError::Internal(e.into()))?;
    }
    w.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))
}
