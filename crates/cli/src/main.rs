//! The `gmc` binary: serve the app, run migrations, seed demo data, print the OpenAPI document.

// issue 11: imports
mod import;
// issue 11: exports
mod export;

use clap::{Parser, Subcommand};

/// mimalloc instead of glibc's malloc: a profile of a 100,000-row import spent ~40% of its CPU in
/// glibc's `malloc`/`free` (docs/benchmarks.md, "Imports"), and the server's many small per-request
/// allocations pay the same toll.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use gmc_api::settings::Environment;
use gmc_api::{telemetry, Application, Settings};

#[derive(Parser)]
#[command(name = "gmc", version, about = "Geneva–MSME Connection")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server (applies pending migrations first).
    Serve,
    /// Apply pending migrations and exit.
    Migrate,
    /// Add data: `--demo` adds the demo accounts and records (refused in production).
    Seed {
        #[arg(long)]
        demo: bool,
        /// How many synthetic impediments the demo registry holds (benchmarks use 100000).
        #[arg(long, default_value_t = gmc_store::demo::impediments::DEMO_IMPEDIMENTS)]
        impediments: usize,
        /// Also add a 10-question benchmark consultation with this many responses (benchmarks use 100000).
        #[arg(long, default_value_t = 0)]
        bench_responses: usize,
        /// Add this many ministerial prep items in MC14 (one citing 500 impediments), and make the
        /// benchmark consultation Bangladesh's with topic-tagged questions (the alignment report's load).
        #[arg(long, default_value_t = 0)]
        bench_prep: usize,
        // issue 10: documents
        /// Add this many generated documents (~5 KB of text each) to the library, for the search benchmark.
        #[arg(long, default_value_t = 0)]
        bench_documents: usize,
    },
    /// Print the OpenAPI document (JSON) to stdout.
    Openapi,
    // issue 11: imports
    /// Import a file of stakeholders, impediments, topics or prep_items (CSV, JSON, NDJSON, XLSX) into the
    /// local database (`--as EMAIL`) or through a server (`--server URL`, key in GMC_API_KEY). Exit 0: all rows
    /// accepted; 1: rows or the file rejected; 2: usage or connection.
    Import(import::ImportArgs),
    // issue 11: exports
    /// Export a collection (impediments, stakeholders) as CSV or XLSX, with the list's filters, from the
    /// local database (`--as EMAIL`) or a server (`--server URL`, key in GMC_API_KEY). Exit codes: 0 done,
    /// 1 refused, 2 usage or connection.
    Export(export::ExportArgs),
}

#[tokio::main]
async fn main() -> anyhow::Result<std::process::ExitCode> {
    let cli = Cli::parse();
    if let Command::Openapi = cli.command {
        print!("{}", gmc_api::openapi::document_json());
        return Ok(std::process::ExitCode::SUCCESS);
    }
    // issue 11: imports — needs no settings with --server; its own exit codes for scripts.
    if let Command::Import(args) = cli.command {
        let database_url = match (&args.database_url, args.server.is_some()) {
            (Some(url), _) => url.clone(),
            (None, true) => String::new(),
            (None, false) => Settings::load()?.database_url,
        };
        let code = import::run(args, &database_url).await;
        std::process::exit(i32::from(code));
    }
    let settings = Settings::load()?;
    // issue 11: exports — its own exit codes; nothing logged to stdout, which may be the file.
    if let Command::Export(args) = cli.command {
        let outcome = export::run(args, &settings.database_url).await;
        if let export::Outcome::Refused(m) | export::Outcome::Usage(m) = &outcome {
            eprintln!("gmc export: {m}");
        }
        return Ok(std::process::ExitCode::from(outcome.code()));
    }
    telemetry::init(settings.log_format);
    let done = match cli.command {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            let db = gmc_store::db::connect(&settings.database_url).await?;
            gmc_store::db::migrate(&db).await?;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Seed { demo, impediments, bench_responses, bench_prep, bench_documents } => {
            seed(settings, demo, impediments, bench_responses, bench_prep, bench_documents).await
        }
        Command::Openapi | Command::Import(_) | Command::Export(_) => Ok(()),
    };
    done.map(|()| std::process::ExitCode::SUCCESS)
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let host = settings.host.clone();
    let app = Application::build(settings).await?;
    // Scripts and system tests read the real port from this line (GMC_PORT=0 picks a free one).
    tracing::info!("listening on http://{host}:{}", app.port());
    app.run_until_stopped().await?;
    tracing::info!("stopped");
    Ok(())
}

/// Evidence links on the benchmark's one well-evidenced prep item (issue 9: strength with 500 links).
const BENCH_LINKS: usize = 500;

async fn seed(
    settings: Settings,
    demo: bool,
    impediments: usize,
    bench_responses: usize,
    bench_prep: usize,
    bench_documents: usize,
) -> anyhow::Result<()> {
    if !demo {
        anyhow::bail!("nothing to seed: pass --demo for the demo accounts and records");
    }
    if settings.env == Environment::Production {
        anyhow::bail!("refusing to create demo accounts with GMC_ENV=production");
    }
    let db = gmc_store::db::connect(&settings.database_url).await?;
    gmc_store::db::migrate(&db).await?;
    gmc_store::demo::seed(&db, impediments).await?;
    // issue 10: documents — the demo library's PDFs go where the server will read them.
    let storage = gmc_store::storage::open(&settings.storage())?;
    gmc_store::demo::seed_documents(&db, storage.as_ref(), bench_documents).await?;
    if bench_documents > 0 {
        tracing::info!(documents = bench_documents, "benchmark library ready");
    }
    if bench_prep > 0 {
        let id = gmc_store::demo::seed_benchmark_prep(&db, bench_prep, BENCH_LINKS, bench_responses).await?;
        tracing::info!(prep_item = %id, items = bench_prep, links = BENCH_LINKS, responses = bench_responses, "benchmark preparation ready");
    } else if bench_responses > 0 {
        let id = gmc_store::demo::seed_benchmark_consultation(&db, bench_responses).await?;
        tracing::info!(consultation = %id, responses = bench_responses, "benchmark consultation ready");
    }
    tracing::info!("demo data ready: admin@gmc.test, analyst@gmc.test, delegate.bgd@gmc.test, delegate.npl@gmc.test, msme.bgd@gmc.test (stakeholder)");
    Ok(())
}
