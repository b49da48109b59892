//! Choosing the reader for a file's format: over a body held in memory (a small file, in the request)
//! or over a spooled file (a large one, in a job).

use std::io::BufReader;
use std::path::Path;

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

/// The rows of the file at `path`, streamed: CSV and NDJSON are read a buffer at a time, so memory
/// stays flat whatever the file's size. A JSON array is not read from a file (the request refuses one
/// above the job threshold: NDJSON says the same row by row), and XLSX is loaded by `calamine` whole
/// (a zip needs its central directory; the upload limit bounds it).
pub fn rows_from_file(format: ImportFormat, path: &Path, kind: ImportKind) -> Result<Rows<'static>, FileError> {
    let open = || {
        std::fs::File::open(path)
            .map_err(|e| FileError::new("missing", format!("the uploaded file is no longer available: {e}")))
    };
    match format {
        ImportFormat::Csv => csv_rows::rows(BufReader::with_capacity(64 * 1024, open()?), columns(kind)),
        ImportFormat::Ndjson => Ok(Box::new(json_rows::lines(BufReader::with_capacity(64 * 1024, open()?)))),
        ImportFormat::Json => Err(FileError::new("too_large", JSON_TOO_LARGE)),
        ImportFormat::Xlsx => {
            let bytes = std::fs::read(path)
                .map_err(|e| FileError::new("missing", format!("the uploaded file is no longer available: {e}")))?;
            xlsx_rows::rows(&bytes, columns(kind))
        }
    }
}

/// Why a large JSON array is refused.
pub const JSON_TOO_LARGE: &str = "a JSON array this large is not read in one piece; send the same objects as \
    NDJSON (one object per line, Content-Type application/x-ndjson), which is read row by row";
