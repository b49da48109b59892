//! The files to start an import from (`GET /imports/templates/{kind}.csv|.xlsx`): the header row, one
//! example row, and the allowed codes — in the CSV as `#` lines above the header (which the reader
//! skips), in the XLSX on a second and third sheet ("columns", "codes").

use gmc_domain::impediment::{Frequency, ImpedimentSource};
use gmc_domain::import::ImportKind;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::stakeholder::{SizeClass, StakeholderKind};
use gmc_domain::ValidationErrors;
use gmc_domain::{Actor, Visibility};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};
use uuid::Uuid;

use super::kinds::columns;
use crate::entities::{countries, ntm_categories, sectors};
// issue 11: import-kinds
use crate::entities::{ministerials, topics};
use crate::services::consultations::import as response_import;
use crate::services::consultations::results::spreadsheet_safe;
use crate::{AppError, AppResult};
use gmc_domain::prep::{Interest, PrepKind};
use gmc_domain::reference::{TopicKind, TopicStatus};
use gmc_domain::watch::Priority;

/// A list of allowed codes: what it is for, and each code with its name.
struct Codes {
    label: String,
    codes: Vec<(String, String)>,
}

fn of_enum<T: Copy>(label: &'static str, all: &[T], text: impl Fn(T) -> &'static str) -> Codes {
    Codes {
        label: label.to_owned(),
        codes: all.iter().map(|v| (text(*v).to_owned(), text(*v).replace('_', " "))).collect(),
    }
}

async fn codes(db: &DatabaseConnection, kind: ImportKind) -> AppResult<Vec<Codes>> {
    let countries = countries::Entity::find().order_by_asc(countries::Column::Code).all(db).await?;
    let countries: Vec<(String, String)> = countries.into_iter().map(|c| (c.code, c.name)).collect();
    let sectors = sectors::Entity::find().order_by_asc(sectors::Column::Code).all(db).await?;
    let sectors: Vec<(String, String)> = sectors.into_iter().map(|s| (s.code, s.title)).collect();
    Ok(match kind {
        ImportKind::Stakeholders => vec![
            of_enum("kind", StakeholderKind::ALL, StakeholderKind::as_str),
            of_enum("size_class", SizeClass::ALL, SizeClass::as_str),
            Codes { label: "country".into(), codes: countries },
            Codes { label: "sector".into(), codes: sectors },
        ],
        ImportKind::Impediments => {
            let ntm = ntm_categories::Entity::find().order_by_asc(ntm_categories::Column::Code).all(db).await?;
            vec![
                Codes { label: "reporting_country and partner".into(), codes: countries },
                Codes { label: "ntm_code".into(), codes: ntm.into_iter().map(|n| (n.code, n.title)).collect() },
                of_enum("frequency", Frequency::ALL, Frequency::as_str),
                of_enum("visibility", Visibility::ALL, Visibility::as_str),
                of_enum("source", ImpedimentSource::ALL, ImpedimentSource::as_str),
                Codes { label: "sector".into(), codes: sectors },
            ]
        }
        // issue 11: import-kinds
        ImportKind::Topics => vec![
            of_enum("kind", TopicKind::ALL, TopicKind::as_str),
            of_enum("status", TopicStatus::ALL, TopicStatus::as_str),
            Codes { label: "parent (existing topics)".into(), codes: topic_codes(db).await? },
        ],
        ImportKind::PrepItems => {
            let ministerials = ministerials::Entity::find().order_by_asc(ministerials::Column::Code).all(db).await?;
            vec![
                Codes {
                    label: "ministerial".into(),
                    codes: ministerials.into_iter().map(|m| (m.code, m.name)).collect(),
                },
                of_enum("kind", PrepKind::ALL, PrepKind::as_str),
                of_enum("interest", Interest::ALL, Interest::as_str),
                of_enum("priority", Priority::ALL, Priority::as_str),
                of_enum("visibility", Visibility::ALL, Visibility::as_str),
                Codes { label: "topic_ids".into(), codes: topic_codes(db).await? },
            ]
        }
        // issue 11: response imports — a consultation's codes come with its columns (`layout`).
        ImportKind::ConsultationResponses => Vec::new(),
        // issue 11: wto notifications — the member as a country code (or EU); a name is read too.
        ImportKind::WtoNotifications => {
            let mut members = vec![("EU".to_owned(), "European Union".to_owned())];
            members.extend(countries);
            vec![Codes { label: "notifying_member".into(), codes: members }]
        }
    })
}

// issue 11: import-kinds
async fn topic_codes(db: &DatabaseConnection) -> AppResult<Vec<(String, String)>> {
    let topics = topics::Entity::find().order_by_asc(topics::Column::Code).all(db).await?;
    Ok(topics.into_iter().map(|t| (t.code, t.title)).collect())
}

// issue 11: response imports — a template is built from owned columns, so that a consultation's
// (`consultation_responses`, one column per question) is written by the same code as the fixed kinds'.
struct TemplateCol {
    name: String,
    help: String,
    example: String,
}

/// The columns and the allowed codes of `kind`'s template; `consultation_id` for `consultation_responses`.
async fn layout(
    db: &DatabaseConnection,
    actor: &Actor,
    kind: ImportKind,
    consultation_id: Option<Uuid>,
) -> AppResult<(Vec<TemplateCol>, Vec<Codes>)> {
    authorize(actor, Operation::ReadReference)?;
    if kind != ImportKind::ConsultationResponses {
        let cols = columns(kind)
            .iter()
            .map(|c| TemplateCol { name: c.name.to_owned(), help: c.help.to_owned(), example: c.example.to_owned() })
            .collect();
        return Ok((cols, codes(db, kind).await?));
    }
    let Some(id) = consultation_id else {
        let text = "names the consultation whose questions are the columns";
        return Err(ValidationErrors::single("consultation_id", "required", text).into());
    };
    let mut cols = Vec::new();
    let mut lists = Vec::new();
    for c in response_import::template_columns(db, actor, id).await? {
        if !c.codes.is_empty() {
            lists.push(Codes { label: c.name.clone(), codes: c.codes });
        }
        cols.push(TemplateCol { name: c.name, help: c.help, example: c.example });
    }
    Ok((cols, lists))
}

/// The CSV template. Every signed-in user may download it: it holds only reference data (and, for
/// consultation responses, the questionnaire of a consultation the caller may read).
pub async fn template_csv(
    db: &DatabaseConnection,
    actor: &Actor,
    kind: ImportKind,
    consultation_id: Option<Uuid>,
) -> AppResult<String> {
    let (cols, lists) = layout(db, actor, kind, consultation_id).await?;
    let mut out = String::new();
    out.push_str(&format!("# {kind} import template. Lines starting with # above the header are skipped.\n"));
    for c in &cols {
        out.push_str(&format!("# {}: {}\n", c.name, one_line(&c.help)));
    }
    for list in lists {
        let codes: Vec<&str> = list.codes.iter().map(|(code, _)| code.as_str()).collect();
        out.push_str(&format!("# allowed {}: {}\n", list.label, codes.join(" ")));
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| AppError::Internal(e.into());
    w.write_record(cols.iter().map(|c| c.name.as_str())).map_err(internal)?;
    w.write_record(cols.iter().map(|c| spreadsheet_safe(&c.example))).map_err(internal)?;
    let bytes = w.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    out.push_str(&String::from_utf8(bytes).map_err(|e| AppError::Internal(e.into()))?);
    Ok(out)
}

/// A help text on one `#` line: a question's prompt may hold line breaks.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The XLSX template: the header and example on the first sheet, each column's rule on "columns", the
/// allowed codes with their names on "codes".
pub async fn template_xlsx(
    db: &DatabaseConnection,
    actor: &Actor,
    kind: ImportKind,
    consultation_id: Option<Uuid>,
) -> AppResult<Vec<u8>> {
    let (cols, lists) = layout(db, actor, kind, consultation_id).await?;
    let xlsx = |e: XlsxError| AppError::Internal(anyhow::anyhow!("xlsx: {e}"));
    let bold = Format::new().set_bold();
    let mut book = Workbook::new();
    // A sheet name holds at most 31 characters.
    let name: String = kind.as_str().chars().take(31).collect();
    let sheet = book.add_worksheet().set_name(name).map_err(xlsx)?;
    for (i, c) in cols.iter().enumerate() {
        let col = u16::try_from(i).map_err(|e| AppError::Internal(e.into()))?;
        sheet.write_string_with_format(0, col, &c.name, &bold).map_err(xlsx)?;
        if !c.example.is_empty() {
            sheet.write_string(1, col, &c.example).map_err(xlsx)?;
        }
    }
    let help = book.add_worksheet().set_name("columns").map_err(xlsx)?;
    help.write_string_with_format(0, 0, "column", &bold).map_err(xlsx)?;
    help.write_string_with_format(0, 1, "what it holds", &bold).map_err(xlsx)?;
    for (row, c) in (1u32..).zip(&cols) {
        help.write_string(row, 0, &c.name).map_err(xlsx)?;
        help.write_string(row, 1, &c.help).map_err(xlsx)?;
    }
    let sheet = book.add_worksheet().set_name("codes").map_err(xlsx)?;
    for (i, title) in ["for", "code", "name"].into_iter().enumerate() {
        let col = u16::try_from(i).map_err(|e| AppError::Internal(e.into()))?;
        sheet.write_string_with_format(0, col, title, &bold).map_err(xlsx)?;
    }
    let mut row = 1u32;
    for list in &lists {
        for (code, name) in &list.codes {
            sheet.write_string(row, 0, &list.label).map_err(xlsx)?;
            sheet.write_string(row, 1, code).map_err(xlsx)?;
            sheet.write_string(row, 2, name).map_err(xlsx)?;
            row += 1;
        }
    }
    book.save_to_buffer().map_err(xlsx)
}
