//! `gmc import KIND FILE`: load a file of records, against the local database (as a named account) or a
//! remote server (`--server URL`, the API key from `GMC_API_KEY`). Both go through the same import as
//! `POST /api/v1/imports/{kind}`: the same checks, authorization, single transaction and audit event.
//!
//! Exit codes, for scripts: 0 every row accepted; 1 rows (or the file) rejected; 2 usage, credentials or
//! connection.

use std::io::IsTerminal;
use std::time::Duration;

use clap::Args;
use gmc_domain::import::{ImportFormat, ImportKind, ImportMode, ImportStatus, OnError};
use gmc_store::services::imports::{self as svc, ImportOptions, ImportProblemView, ImportView, Progress};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Deserialize;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// What the file holds: stakeholders, impediments, topics or prep_items.
    pub kind: String,
    /// The file: .csv/.tsv, .json (an array), .ndjson/.jsonl or .xlsx.
    pub file: std::path::PathBuf,
    /// Import through this server (e.g. https://gmc.example.org) with the API key in GMC_API_KEY,
    /// instead of into the local database.
    #[arg(long)]
    pub server: Option<String>,
    /// The local database (default: the server's setting, GMC_DATABASE_URL).
    #[arg(long)]
    pub database_url: Option<String>,
    /// Local database only: the account the import runs as (its role, delegation and audit trail).
    #[arg(long = "as", value_name = "EMAIL")]
    pub as_user: Option<String>,
    /// Check every row and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Change the delegation's record with the row's external_id instead of refusing it.
    #[arg(long)]
    pub upsert: bool,
    /// abort (default: one bad row writes nothing) or skip (write the good rows).
    #[arg(long, default_value = "abort")]
    pub on_error: String,
    /// The file's format, when its extension does not say it: csv, json, ndjson, xlsx.
    #[arg(long)]
    pub format: Option<String>,
    /// Admins: the delegation the rows are for.
    #[arg(long)]
    pub delegation_id: Option<uuid::Uuid>,
    // issue 11: response imports
    /// consultation_responses: the consultation the paper answers are for.
    #[arg(long)]
    pub consultation_id: Option<uuid::Uuid>,
}

/// The outcome as an exit code: 0, 1 or 2.
pub async fn run(args: ImportArgs, database_url: &str) -> u8 {
    match go(args, database_url).await {
        Ok(view) => {
            print_report(&view);
            if view.status == ImportStatus::Completed {
                0
            } else {
                1
            }
        }
        Err(Failure::Refused(text)) => {
            eprintln!("{text}");
            1
        }
        Err(Failure::Usage(text)) => {
            eprintln!("gmc import: {text}");
            2
        }
    }
}

enum Failure {
    /// The file or its options were refused (exit 1).
    Refused(String),
    /// Bad arguments, credentials or connection (exit 2).
    Usage(String),
}

fn options(args: &ImportArgs) -> Result<ImportOptions, Failure> {
    let kind = args.kind.parse::<ImportKind>().map_err(|e| Failure::Usage(format!("KIND {e}")))?;
    let format = match &args.format {
        Some(f) => f.parse::<ImportFormat>().map_err(|e| Failure::Usage(format!("--format {e}")))?,
        None => format_of(&args.file).ok_or_else(|| {
            Failure::Usage("the file's extension names no format; say --format csv|json|ndjson|xlsx".into())
        })?,
    };
    let on_error = args.on_error.parse::<OnError>().map_err(|e| Failure::Usage(format!("--on-error {e}")))?;
    let mode = if args.upsert { ImportMode::Upsert } else { ImportMode::Insert };
    Ok(ImportOptions {
        kind,
        format,
        mode,
        dry_run: args.dry_run,
        on_error,
        delegation_id: args.delegation_id,
        // issue 11: response imports — a local run has no server settings: the default k.
        consultation_id: args.consultation_id,
        small_cell_k: gmc_domain::disclosure::DEFAULT_K,
    })
}

fn format_of(path: &std::path::Path) -> Option<ImportFormat> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "csv" | "tsv" | "txt" => Some(ImportFormat::Csv),
        "json" => Some(ImportFormat::Json),
        "ndjson" | "jsonl" => Some(ImportFormat::Ndjson),
        "xlsx" => Some(ImportFormat::Xlsx),
        _ => None,
    }
}

fn content_type(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::Csv => "text/csv",
        ImportFormat::Json => "application/json",
        ImportFormat::Ndjson => "application/x-ndjson",
        ImportFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
}

/// A validation failure's fields as lines.
fn refused(e: &gmc_domain::ValidationErrors) -> String {
    e.errors()
        .iter()
        .map(|f| format!("refused: {}: {} ({})", f.field, f.message, f.code))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn go(args: ImportArgs, database_url: &str) -> Result<ImportView, Failure> {
    let o = options(&args)?;
    let read = |path: &std::path::Path| {
        std::fs::read(path).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))
    };
    match &args.server {
        Some(server) => remote(server, &o, read(&args.file)?).await,
        None => {
            // A file that cannot be opened is a usage error (exit 2), not a refused file.
            std::fs::File::open(&args.file)
                .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", args.file.display())))?;
            local(database_url, args.as_user.as_deref(), &o, &args.file).await
        }
    }
}

/// A progress display: a spinner with the rate on a terminal, a plain line every 10,000 rows otherwise.
struct Display {
    bar: Option<ProgressBar>,
    last_line: u64,
}

impl Display {
    fn new(message: &str) -> Self {
        if !std::io::stderr().is_terminal() {
            eprintln!("{message}");
            return Display { bar: None, last_line: 0 };
        }
        let bar = ProgressBar::new_spinner();
        let style = ProgressStyle::with_template("{spinner} {msg} {pos} rows, {per_sec}, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.set_message(message.to_owned());
        bar.enable_steady_tick(Duration::from_millis(120));
        Display { bar: Some(bar), last_line: 0 }
    }

    fn tell(&mut self, p: Progress) {
        match &self.bar {
            Some(bar) => bar.set_position(p.rows),
            None if p.rows >= self.last_line + 10_000 => {
                self.last_line = p.rows;
                eprintln!("{} rows read, {} rejected", p.rows, p.rejected);
            }
            None => {}
        }
    }

    fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

async fn local(
    database_url: &str,
    as_user: Option<&str>,
    o: &ImportOptions,
    file: &std::path::Path,
) -> Result<ImportView, Failure> {
    let email = as_user.ok_or_else(|| Failure::Usage("a local import needs --as EMAIL (or use --server)".into()))?;
    let db = gmc_store::db::connect(database_url)
        .await
        .map_err(|e| Failure::Usage(format!("cannot open the database: {e}")))?;
    let app = |e: gmc_store::AppError| match e {
        gmc_store::AppError::Validation(v) => Failure::Refused(refused(&v)),
        gmc_store::AppError::Forbidden => Failure::Usage(format!("{email} may not import {}", o.kind)),
        other => Failure::Usage(other.to_string()),
    };
    let actor = svc::local_actor(&db, email).await.map_err(app)?;
    svc::authorize_import(&actor, o).map_err(app)?;
    // issue 11: import jobs — CSV and NDJSON stream from the file (memory stays flat whatever its size);
    // a JSON array is read whole.
    let bytes = match o.format {
        ImportFormat::Json => {
            std::fs::read(file).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", file.display())))?
        }
        _ => Vec::new(),
    };
    let rows = match o.format {
        ImportFormat::Json => svc::rows(o.format, &bytes, o.kind),
        _ => svc::rows_from_file(o.format, file, o.kind),
    }
    .map_err(|e| Failure::Refused(format!("refused: file: {}", e.message)))?;
    let mut display = Display::new(&format!("importing {}", o.kind));
    let result = svc::run(&db, &actor, o, rows, &mut |p| display.tell(p)).await;
    display.finish();
    result.map_err(app)
}

#[derive(Deserialize)]
struct ProblemBody {
    title: Option<String>,
    detail: Option<String>,
    #[serde(default)]
    errors: Vec<FieldError>,
}

#[derive(Deserialize)]
struct FieldError {
    field: String,
    code: String,
    message: String,
}

async fn remote(server: &str, o: &ImportOptions, bytes: Vec<u8>) -> Result<ImportView, Failure> {
    let key = std::env::var("GMC_API_KEY")
        .ok()
        .filter(|k| !k.is_empty())
        .ok_or_else(|| Failure::Usage("set GMC_API_KEY to an API key with the write scope".into()))?;
    let mut url = format!(
        "{}/api/v1/imports/{}?dry_run={}&mode={}&on_error={}",
        server.trim_end_matches('/'),
        o.kind,
        o.dry_run,
        o.mode,
        o.on_error
    );
    if let Some(d) = o.delegation_id {
        url.push_str(&format!("&delegation_id={d}"));
    }
    // issue 11: response imports
    if let Some(c) = o.consultation_id {
        url.push_str(&format!("&consultation_id={c}"));
    }
    let display = Display::new(&format!("sending {} bytes to {server}", bytes.len()));
    let res = reqwest::Client::new()
        .post(&url)
        .bearer_auth(&key)
        .header("content-type", content_type(o.format))
        .body(bytes)
        .send()
        .await;
    display.finish();
    let res = res.map_err(|e| Failure::Usage(format!("cannot reach {server}: {e}")))?;
    let status = res.status();
    let text = res.text().await.map_err(|e| Failure::Usage(format!("the answer could not be read: {e}")))?;
    if status.is_success() {
        let view = serde_json::from_str::<RemoteView>(&text)
            .map_err(|e| Failure::Usage(format!("the server's answer is not an import: {e}")))?;
        // issue 11: import jobs — 202: a large file runs as a job; follow it to its end.
        if view.status.is_open() {
            return follow(server, &key, view).await;
        }
        return Ok(view.into_view());
    }
    let problem: Option<ProblemBody> = serde_json::from_str(&text).ok();
    let detail = problem.as_ref().map_or(text, |p| {
        let mut lines =
            vec![format!("{}: {}", p.title.clone().unwrap_or_default(), p.detail.clone().unwrap_or_default())];
        lines.extend(p.errors.iter().map(|f| format!("refused: {}: {} ({})", f.field, f.message, f.code)));
        lines.join("\n")
    });
    if status.as_u16() == 422 {
        Err(Failure::Refused(detail))
    } else {
        Err(Failure::Usage(format!("{status}: {detail}")))
    }
}

// issue 11: import jobs
/// Polls `GET /imports/{id}` every second, showing the rows done, until the import has ended.
async fn follow(server: &str, key: &str, mut view: RemoteView) -> Result<ImportView, Failure> {
    let url = format!("{}/api/v1/imports/{}", server.trim_end_matches('/'), view.id);
    let mut display = Display::new(&format!("import {} queued on the server", view.id));
    let client = reqwest::Client::new();
    while view.status.is_open() {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let res = client.get(&url).bearer_auth(key).send().await;
        let res = res.map_err(|e| Failure::Usage(format!("cannot reach {server}: {e}")))?;
        if !res.status().is_success() {
            display.finish();
            return Err(Failure::Usage(format!("{}: following the import at {url}", res.status())));
        }
        let text = res.text().await.map_err(|e| Failure::Usage(format!("the answer could not be read: {e}")))?;
        view = serde_json::from_str(&text)
            .map_err(|e| Failure::Usage(format!("the server's answer is not an import: {e}")))?;
        let rows = u64::try_from(view.rows_done).unwrap_or(0);
        display.tell(Progress { rows, ..Progress::default() });
    }
    display.finish();
    Ok(view.into_view())
}

/// The server's JSON answer (the store's view serializes only; this reads it back).
#[derive(Deserialize)]
struct RemoteView {
    id: uuid::Uuid,
    kind: ImportKind,
    format: ImportFormat,
    mode: ImportMode,
    dry_run: bool,
    on_error: OnError,
    status: ImportStatus,
    rows_total: i64,
    // issue 11: import jobs
    #[serde(default)]
    rows_done: i64,
    #[serde(default)]
    rows_expected: Option<i64>,
    rows_inserted: i64,
    rows_updated: i64,
    rows_rejected: i64,
    delegation_id: Option<uuid::Uuid>,
    created_by: uuid::Uuid,
    created_at: chrono::DateTime<chrono::Utc>,
    finished_at: Option<chrono::DateTime<chrono::Utc>>,
    problems: Vec<FieldRow>,
}

#[derive(Deserialize)]
struct FieldRow {
    row: i64,
    column: String,
    code: String,
    message: String,
}

impl RemoteView {
    fn into_view(self) -> ImportView {
        ImportView {
            id: self.id,
            kind: self.kind,
            format: self.format,
            mode: self.mode,
            dry_run: self.dry_run,
            on_error: self.on_error,
            status: self.status,
            rows_total: self.rows_total,
            rows_done: self.rows_done,
            rows_expected: self.rows_expected,
            rows_inserted: self.rows_inserted,
            rows_updated: self.rows_updated,
            rows_rejected: self.rows_rejected,
            delegation_id: self.delegation_id,
            created_by: self.created_by,
            created_at: self.created_at,
            finished_at: self.finished_at,
            problems: self
                .problems
                .into_iter()
                .map(|p| ImportProblemView { row: p.row, column: p.column, code: p.code, message: p.message })
                .collect(),
        }
    }
}

/// The summary, then the rejected values as a table (on stdout, for scripts to keep).
fn print_report(v: &ImportView) {
    let what = if v.dry_run { "dry run" } else { "import" };
    println!(
        "{what} {}: {} — {} rows, {} inserted, {} updated, {} rejected{}",
        v.id,
        v.status,
        v.rows_total,
        v.rows_inserted,
        v.rows_updated,
        v.rows_rejected,
        match (v.dry_run, v.status) {
            (true, _) => " (nothing written)",
            (false, ImportStatus::Rejected) => " (nothing written)",
            _ => "",
        }
    );
    if v.problems.is_empty() {
        return;
    }
    let header = ("row".to_owned(), "column", "code", "message");
    let rows: Vec<(String, &str, &str, &str)> = v
        .problems
        .iter()
        .map(|p| (p.row.to_string(), p.column.as_str(), p.code.as_str(), p.message.as_str()))
        .collect();
    let w0 = rows.iter().map(|r| r.0.len()).chain([header.0.len()]).max().unwrap_or(3);
    let w1 = rows.iter().map(|r| r.1.chars().count()).chain([header.1.len()]).max().unwrap_or(6);
    let w2 = rows.iter().map(|r| r.2.len()).chain([header.2.len()]).max().unwrap_or(4);
    println!("{:>w0$}  {:<w1$}  {:<w2$}  {}", header.0, header.1, header.2, header.3);
    for (row, column, code, message) in rows {
        // One line per problem: a newline in a message would break the table.
        println!("{row:>w0$}  {column:<w1$}  {code:<w2$}  {}", message.replace(['\n', '\r'], " "));
    }
}
