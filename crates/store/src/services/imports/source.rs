//! A file's rows as the readers (`csv_rows`, `json_rows`, `xlsx_rows`; chosen in `read`) hand them
//! out, one at a time, whatever the format. Each reader walks the bytes it was
//! given and hands out one record at a time: no reader builds a list of the file's records, so the
//! records of a large file are never all held at once. A small file's body is held in memory; a large
//! one is spooled to disk by the request and read from there by a job (`read::rows_from_file`; XLSX is
//! read whole by `calamine`, which needs the zip's central directory).

use gmc_domain::ValidationErrors;
use serde_json::{Map, Value};

use super::kinds::Column;

/// One record: where it is in the file and its values by column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// For CSV the line the record starts on and for XLSX its sheet row (the header being 1); for NDJSON
    /// its line; for a JSON array the element's position (the first is 1).
    pub number: u64,
    pub values: Map<String, Value>,
    /// Whether the values came typed (JSON) or as text to convert by column (CSV, XLSX).
    pub typed: bool,
}

/// A file that cannot be read as a whole (not UTF-8, not the format it claims, an unknown column):
/// nothing of it is applied, and the answer is a 422 naming the `file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub code: &'static str,
    pub message: String,
}

impl FileError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }

    pub fn not_utf8(line: u64) -> Self {
        Self::new(
            "invalid_encoding",
            format!("line {line} is not UTF-8 text; save the file as UTF-8 and send it again"),
        )
    }
}

impl From<FileError> for crate::AppError {
    fn from(e: FileError) -> Self {
        ValidationErrors::single("file", e.code, e.message).into()
    }
}

/// A source of rows: what the import runner consumes (a request's body, or a job's spooled file).
pub type Rows<'a> = Box<dyn Iterator<Item = Result<Row, FileError>> + Send + 'a>;

/// A header's column names, trimmed and lower-cased; an unknown or repeated one refuses the file, so
/// that a misspelt column is not silently ignored.
pub(super) fn header(names: impl Iterator<Item = String>, columns: &[Column]) -> Result<Vec<String>, FileError> {
    let mut out: Vec<String> = Vec::new();
    for (i, raw) in names.enumerate() {
        let name = raw.trim().to_ascii_lowercase();
        if name.is_empty() {
            return Err(FileError::new("invalid_header", format!("column {} of the header has no name", i + 1)));
        }
        // issue 11: wto notifications — another tool's header names (ePing's "Document symbol") for a
        // column, and that tool's other columns left out (an empty name, which `text_row` skips).
        let name = super::kinds::canonical(&name, columns).unwrap_or(name);
        if !columns.iter().any(|c| c.name == name) && super::kinds::ignores_unknown(columns) {
            out.push(String::new());
            continue;
        }
        // issue 11: response imports — a kind without a fixed list (empty) checks its columns row by row.
        if !columns.is_empty() && !columns.iter().any(|c| c.name == name) {
            let known: Vec<&str> = columns.iter().map(|c| c.name).collect();
            return Err(FileError::new(
                "unknown_column",
                format!("the header names an unknown column {name:?}; the columns are: {}", known.join(", ")),
            ));
        }
        if out.contains(&name) {
            return Err(FileError::new("invalid_header", format!("the header names the column {name:?} twice")));
        }
        out.push(name);
    }
    if out.iter().all(String::is_empty) {
        return Err(FileError::new("empty", "the file has no header row"));
    }
    Ok(out)
}

/// A text row from a header and its cells: blank cells are left out (a missing value), surplus cells
/// refuse the file, and a spreadsheet-safe cell is read as the text it protects (`unprotect`).
pub(super) fn text_row(number: u64, header: &[String], cells: Vec<String>) -> Result<Row, FileError> {
    if cells.len() > header.len() {
        return Err(FileError::new(
            "invalid_row",
            format!("line {number} has {} cells but the header names {} columns", cells.len(), header.len()),
        ));
    }
    let values = header
        .iter()
        .zip(cells)
        .filter(|(k, v)| !k.is_empty() && !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), Value::String(unprotect(v))))
        .collect();
    Ok(Row { number, values, typed: false })
}

/// Undoes the apostrophe every export (and the CSV template) puts before a cell a spreadsheet would take
/// for a formula (`'+880 555 0101`), so that a file written by this system reads back as it was.
fn unprotect(v: String) -> String {
    match v.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => v,
    }
}
