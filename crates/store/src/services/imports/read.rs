//! Choosing the reader for a file's format.

use gmc_domain::import::{ImportFormat, ImportKind};

use super::kinds::columns;
use super::source::{FileError, Rows};
use super::{csv_rows, json_rows, xlsx_rows};

/// The rows of `bytes` read as `format`, for a file of `kind` (whose columns a header may name).
pub fn rows(format: ImportFormat, bytes: &[u8], kind: ImportKind) -> Result<Rows<'_>, FileError> {
    match format {
        ImportFormat::Csv => csv_rows::rows(bytes, columns(kind)),
        ImportFormat::Json => Ok(Box::new(json_rows::array(bytes))),
        ImportFormat::Ndjson => Ok(Box::new(json_rows::lines(bytes))),
        ImportFormat::Xlsx => xlsx_rows::rows(bytes, columns(kind)),
    }
}
