//! Receiving an import's body (issue 11: import jobs). Up to the job threshold it is held in memory and
//! run in the request, as before; past it, what was held and the rest are written to a file in the spool
//! directory as they arrive — memory stays flat whatever the size — and the file's lines are counted on
//! the way, as the job's expected rows. A JSON array over the threshold is refused (it would have to be
//! parsed whole): NDJSON carries the same objects one per line.

use std::io::Write;
use std::path::{Path, PathBuf};

use actix_web::http::header;
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;
use gmc_domain::import::ImportFormat;
use gmc_domain::ValidationErrors;
use gmc_store::services::imports::JSON_TOO_LARGE;

use crate::problem::ApiError;
use crate::state::AppState;

/// What an upload became.
pub enum Upload {
    /// Small: the whole body.
    Held(Vec<u8>),
    /// Large: a file in the spool directory, for a job.
    Spooled(Spooled),
}

/// A spooled file, removed when dropped unless `keep` was called (a failed upload leaves nothing).
pub struct Spooled {
    pub name: String,
    path: PathBuf,
    pub rows_expected: Option<u64>,
    keep: bool,
}

impl Spooled {
    /// Removes the file now (its import could not be queued).
    pub fn remove(mut self) {
        self.keep = false;
    }
}

impl Drop for Spooled {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Removes the spooled file `name` (a cancelled import's); a name that is not a plain file name is ignored.
pub fn remove_named(dir: &Path, name: &str) {
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') {
        let _ = std::fs::remove_file(dir.join(name));
    }
}

/// Lines and whether the last byte seen ended one.
#[derive(Default)]
struct Lines {
    newlines: u64,
    last: Option<u8>,
}

impl Lines {
    fn add(&mut self, bytes: &[u8]) {
        self.newlines += bytes.iter().filter(|b| **b == b'\n').count() as u64;
        if let Some(b) = bytes.last() {
            self.last = Some(*b);
        }
    }

    /// The data rows the lines suggest: a CSV's header (and a template's `#` notes, not told apart
    /// here) is one line; an estimate, since a quoted CSV value may hold a line break.
    fn rows(&self, format: ImportFormat) -> Option<u64> {
        let lines = self.newlines + u64::from(self.last.is_some_and(|b| b != b'\n'));
        match format {
            ImportFormat::Csv => Some(lines.saturating_sub(1)),
            ImportFormat::Ndjson => Some(lines),
            ImportFormat::Json | ImportFormat::Xlsx => None,
        }
    }
}

fn io(e: impl std::fmt::Display) -> ApiError {
    ApiError::App(gmc_store::AppError::Internal(anyhow::anyhow!("the import file could not be spooled: {e}")))
}

/// Receives the body: held up to the job threshold, spooled past it, refused (413) past the import limit.
pub async fn receive(
    req: &HttpRequest,
    mut payload: web::Payload,
    state: &AppState,
    format: ImportFormat,
) -> Result<Upload, ApiError> {
    let threshold = state.import_job_threshold_bytes;
    let max = state.import_max_bytes;
    let too_large = || ApiError::PayloadTooLarge(usize::try_from(max).unwrap_or(usize::MAX));
    let declared =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let json_too_large =
        || ApiError::from(gmc_store::AppError::from(ValidationErrors::single("file", "too_large", JSON_TOO_LARGE)));
    if format == ImportFormat::Json && declared.is_some_and(|n| n > threshold as u64) {
        return Err(json_too_large());
    }
    let mut held: Vec<u8> = Vec::with_capacity(declared.map_or(0, |n| n.min(threshold as u64) as usize));
    let mut spooled: Option<(Spooled, std::fs::File)> = None;
    let mut lines = Lines::default();
    let mut size: u64 = 0;
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest(format!("the upload could not be read: {e}")))?;
        size = size.saturating_add(chunk.len() as u64);
        if size > max {
            return Err(too_large());
        }
        lines.add(&chunk);
        match spooled.take() {
            None if held.len().saturating_add(chunk.len()) <= threshold => held.extend_from_slice(&chunk),
            None => {
                if format == ImportFormat::Json {
                    return Err(json_too_large());
                }
                let (s, f) = open(&state.import_spool_dir)?;
                let first = std::mem::take(&mut held);
                let f = write(f, [web::Bytes::from(first), chunk]).await?;
                spooled = Some((s, f));
            }
            Some((s, f)) => {
                let f = write(f, [chunk, web::Bytes::new()]).await?;
                spooled = Some((s, f));
            }
        }
    }
    match spooled {
        None => Ok(Upload::Held(held)),
        Some((mut s, f)) => {
            web::block(move || f.sync_all()).await.map_err(io)?.map_err(io)?;
            s.rows_expected = lines.rows(format);
            s.keep = true;
            Ok(Upload::Spooled(s))
        }
    }
}

fn open(dir: &Path) -> Result<(Spooled, std::fs::File), ApiError> {
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = format!("{}.upload", uuid::Uuid::new_v4());
    let path = dir.join(&name);
    let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(io)?;
    Ok((Spooled { name, path, rows_expected: None, keep: false }, file))
}

/// Writes off the async threads (a slow disk must not stall other requests).
async fn write(mut f: std::fs::File, chunks: [web::Bytes; 2]) -> Result<std::fs::File, ApiError> {
    web::block(move || {
        for c in &chunks {
            f.write_all(c)?;
        }
        Ok::<_, std::io::Error>(f)
    })
    .await
    .map_err(io)?
    .map_err(io)
}
