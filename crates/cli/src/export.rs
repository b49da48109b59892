//! `gmc export KIND` (issue 11): a collection as CSV or XLSX, to a file or stdout — from the local
//! database acting as a user (`--as EMAIL`), or from a server (`--server URL`, the key in `GMC_API_KEY`).
//! Both go through the same code as `GET /api/v1/<kind>/export`: the query string is parsed by the
//! route's own parser, and the rows come from the collection's own list.
//!
//! Exit codes: 0 done; 1 refused (the server's or the service's problem is printed); 2 usage or
//! connection.

use std::io::Write;

use clap::Args;
use gmc_api::routes::exports::{export_query, parameters, KINDS};
use gmc_store::services::exports::{local_actor, Export, Format};

#[derive(Args)]
pub struct ExportArgs {
    /// What to export: impediments, stakeholders, topics, prep-items, consultations, meetings,
    /// briefing-requests or documents.
    kind: String,
    /// csv (default) or xlsx.
    #[arg(long, default_value = "csv")]
    format: String,
    /// Write to this file instead of stdout.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// A list filter, `key=value` (repeatable), as the list takes it: `--filter partner=EU --filter sort=-severity`.
    #[arg(long = "filter", value_name = "KEY=VALUE")]
    filters: Vec<String>,
    /// Export from this server (`https://gmc.example.org`) with the API key in `GMC_API_KEY`.
    #[arg(long)]
    server: Option<String>,
    /// Against the local database: the account whose rights the export has (its e-mail).
    #[arg(long = "as", value_name = "EMAIL")]
    as_user: Option<String>,
}

/// How an export ended, as the process's exit code.
pub enum Outcome {
    Done,
    Refused(String),
    Usage(String),
}

impl Outcome {
    pub fn code(&self) -> u8 {
        match self {
            Outcome::Done => 0,
            Outcome::Refused(_) => 1,
            Outcome::Usage(_) => 2,
        }
    }
}

fn query_string(args: &ExportArgs) -> Result<String, String> {
    if !KINDS.contains(&args.kind.as_str()) {
        return Err(format!("unknown kind `{}`: one of {}", args.kind, KINDS.join(", ")));
    }
    let allowed = parameters(&args.kind);
    let mut qs = url::form_urlencoded::Serializer::new(String::new());
    for f in &args.filters {
        let (k, v) = f.split_once('=').ok_or_else(|| format!("`--filter {f}`: write key=value"))?;
        if !allowed.contains(&k) {
            return Err(format!("`{k}` is not a filter of {}: one of {}", args.kind, allowed.join(", ")));
        }
        qs.append_pair(k, v);
    }
    qs.append_pair("format", &args.format);
    Ok(qs.finish())
}

fn sink(args: &ExportArgs) -> std::io::Result<Box<dyn Write>> {
    Ok(match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(std::fs::File::create(path)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

pub async fn run(args: ExportArgs, database_url: &str) -> Outcome {
    let qs = match query_string(&args) {
        Ok(qs) => qs,
        Err(m) => return Outcome::Usage(m),
    };
    match &args.server {
        Some(server) => remote(&args, server, &qs).await,
        None => local(&args, database_url, &qs).await,
    }
}

async fn local(args: &ExportArgs, database_url: &str, qs: &str) -> Outcome {
    let Some(email) = &args.as_user else {
        return Outcome::Usage("against the local database, say whose rights the export has: --as EMAIL".into());
    };
    let db = match gmc_store::db::connect(database_url).await {
        Ok(db) => db,
        Err(e) => return Outcome::Usage(format!("cannot open the database: {e}")),
    };
    let (query, format) = match export_query(&args.kind, qs) {
        Ok(q) => q,
        Err(e) => return Outcome::Refused(e.to_string()),
    };
    let written = async {
        let actor = local_actor(&db, email).await?;
        let mut export = Export::start(&db, &actor, query).await?;
        let mut out = sink(args).map_err(|e| gmc_store::AppError::Internal(e.into()))?;
        let io = |e: std::io::Error| gmc_store::AppError::Internal(e.into());
        match format {
            Format::Xlsx => out.write_all(&export.xlsx().await?).map_err(io)?,
            Format::Csv => {
                out.write_all(&export.csv_header()?).map_err(io)?;
                while let Some(chunk) = export.next_csv().await? {
                    out.write_all(&chunk).map_err(io)?;
                }
            }
        }
        out.flush().map_err(io)
    };
    match written.await {
        Ok(()) => Outcome::Done,
        Err(gmc_store::AppError::Validation(e)) => {
            let named: Vec<String> = e.into_vec().into_iter().map(|f| format!("{}: {}", f.field, f.message)).collect();
            Outcome::Refused(named.join("; "))
        }
        Err(e) => Outcome::Refused(e.to_string()),
    }
}

async fn remote(args: &ExportArgs, server: &str, qs: &str) -> Outcome {
    let Some(key) = std::env::var("GMC_API_KEY").ok().filter(|k| !k.is_empty()) else {
        return Outcome::Usage("with --server, put the API key in GMC_API_KEY".into());
    };
    let url = format!("{}/api/v1/{}/export?{qs}", server.trim_end_matches('/'), args.kind);
    let client = reqwest::Client::new();
    let mut res = match client.get(&url).bearer_auth(key).send().await {
        Ok(r) => r,
        Err(e) => return Outcome::Usage(format!("cannot reach {server}: {e}")),
    };
    if !res.status().is_success() {
        let status = res.status();
        let body = res.text().await.unwrap_or_default();
        return Outcome::Refused(format!("{status}: {body}"));
    }
    let mut out = match sink(args) {
        Ok(o) => o,
        Err(e) => return Outcome::Usage(format!("cannot write the output: {e}")),
    };
    loop {
        match res.chunk().await {
            Ok(Some(chunk)) => {
                if let Err(e) = out.write_all(&chunk) {
                    return Outcome::Usage(format!("cannot write the output: {e}"));
                }
            }
            Ok(None) => break,
            Err(e) => return Outcome::Usage(format!("the download broke off: {e}")),
        }
    }
    match out.flush() {
        Ok(()) => Outcome::Done,
        Err(e) => Outcome::Usage(format!("cannot write the output: {e}")),
    }
}
