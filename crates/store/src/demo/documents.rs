//! The demo library (issue 10): regional update notes and briefing notes in Markdown — the analysts'
//! platform-wide ones and Bangladesh's and Nepal's own — and a few real PDFs generated here (so text
//! extraction and search find their words), stored through the configured storage. And the search
//! benchmark's load: `seed_benchmark` writes N documents of generated prose from a trade vocabulary.

use bytes::Bytes;
use chrono::{Duration, Utc};
use gmc_domain::document::DocumentKind;
use gmc_domain::Visibility;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{delegations, document_versions, documents, users};
use crate::services::documents::content::{pdf_with_text, PDF};
use crate::services::documents::search_index;
use crate::storage::{key_for, BlobStore};
use crate::AppResult;

/// (kind, owner country or none, visibility, title, Markdown body)
type Note = (DocumentKind, Option<&'static str>, Visibility, &'static str, &'static str);

const NOTES: &[Note] = &[
    (DocumentKind::RegionalUpdate, None, Visibility::Regional, "Regional update: fisheries subsidies after MC13",
     "## Where the text stands\n\nThe disciplines on subsidies to illegal, unreported and unregulated fishing are in force; \
      the second wave on **overcapacity and overfishing** is still open. Small-scale and artisanal fishers within \
      12 nautical miles remain the region's main ask.\n\n## For delegations\n\n- Check the notification templates.\n- \
      Coordinate the LDC Group's line on special and differential treatment."),
    (DocumentKind::RegionalUpdate, None, Visibility::Public, "Regional update: the e-commerce moratorium",
     "## Background\n\nThe moratorium on customs duties on electronic transmissions was renewed at MC13 until MC14. \
      MSMEs selling digital services across the region rely on it; several members question its revenue cost.\n\n\
      ## What firms told us\n\nCross-border payment costs and platform fees weigh more than duties."),
    (DocumentKind::BriefingNote, None, Visibility::Regional, "Briefing: public stockholding for food security",
     "## The issue\n\nA permanent solution for public stockholding programmes is sought by the G-33. \
      Rice and wheat procurement prices are at stake.\n\n## Options\n\n1. Peace clause extension\n2. Updated \
      external reference price"),
    (DocumentKind::BriefingNote, Some("BGD"), Visibility::Delegation, "Bangladesh: LDC graduation and TRIPS transition",
     "## Confidential\n\nAfter graduation in 2026 the TRIPS transition ends for pharmaceutical products. \
      Our fallback: a six-year extension for graduating members, with technical assistance for generics producers."),
    (DocumentKind::Minutes, Some("BGD"), Visibility::Regional, "Minutes: LDC Group coordination, October",
     "Present: Bangladesh, Nepal, Cambodia, Lao PDR.\n\n- Agreed a joint submission on graduation support.\n- \
      Jute and garment exporters to be consulted on rules of origin."),
    (DocumentKind::BriefingNote, Some("NPL"), Visibility::Delegation, "Nepal: transit and landlocked trade costs",
     "## Confidential\n\nTransit through Kolkata adds 9–12 days for Nepali carpets and pashmina. \
      Trade facilitation article 11 (freedom of transit) is our lever."),
    (DocumentKind::Submission, Some("NPL"), Visibility::Public, "Nepal's submission on MSME participation",
     "Nepal proposes that the MSME work programme report on the use of trade finance by small exporters."),
];

/// (title, lines) of the generated PDFs, platform-wide and regional.
const STUDIES: &[(&str, &[&str])] = &[
    (
        "Study: sanitary measures on shrimp exports",
        &[
            "Residue testing of shrimp consignments at the border of the European Union",
            "delays Bangladeshi exporters by eight to fifteen days on average.",
            "Mutual recognition of laboratory results would remove most re-testing.",
        ],
    ),
    (
        "Study: garment exports and rules of origin",
        &[
            "Double transformation rules limit the use of imported fabric by garment makers.",
            "Cumulation among LDC suppliers would keep preferences after graduation.",
        ],
    ),
    (
        "Study: trade finance gaps for small exporters",
        &[
            "Letters of credit cost small exporters in Nepal and Bhutan three times the regional average.",
            "Supply chain finance through export credit agencies is rarely available to MSMEs.",
        ],
    ),
];

fn version(document_id: Uuid, author: Uuid, at: chrono::DateTime<Utc>) -> document_versions::ActiveModel {
    document_versions::ActiveModel {
        id: Set(Uuid::now_v7()),
        document_id: Set(document_id),
        number: Set(1),
        body_markdown: Set(None),
        file_name: Set(None),
        media_type: Set(None),
        byte_size: Set(None),
        sha256: Set(None),
        storage_key: Set(None),
        extracted_text: Set(None),
        extraction_warning: Set(None),
        created_by: Set(author),
        created_at: Set(at),
    }
}

fn document(
    kind: DocumentKind,
    owner: Option<Uuid>,
    visibility: Visibility,
    title: &str,
    author: Uuid,
    at: chrono::DateTime<Utc>,
) -> documents::ActiveModel {
    documents::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(kind.into()),
        title: Set(title.to_owned()),
        summary: Set(String::new()),
        visibility: Set(visibility.into()),
        delegation_id: Set(owner),
        created_by: Set(author),
        current_version: Set(1),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
    }
}

async fn delegation_of(db: &DatabaseConnection, country: &str) -> AppResult<Option<Uuid>> {
    Ok(delegations::Entity::find().filter(delegations::Column::CountryCode.eq(country)).one(db).await?.map(|d| d.id))
}

/// The demo library, once (nothing is added when documents exist). PDFs go to `storage` first.
pub async fn seed(db: &DatabaseConnection, storage: &dyn BlobStore, admin: Uuid) -> AppResult<()> {
    if documents::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let analyst = users::Entity::find().filter(users::Column::Email.eq("analyst@gmc.test")).one(db).await?;
    let analyst = analyst.map_or(admin, |u| u.id);
    let mut pdfs = Vec::new();
    for (title, lines) in STUDIES {
        let bytes = pdf_with_text(lines);
        let sha = hex::encode(Sha256::digest(&bytes));
        storage.put(&key_for(&sha), Bytes::from(bytes.clone())).await.map_err(crate::AppError::Internal)?;
        pdfs.push((*title, lines.join("\n"), bytes.len(), sha));
    }
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    for (i, (kind, owner, visibility, title, body)) in NOTES.iter().enumerate() {
        let owner = match owner {
            Some(c) => delegation_of(db, c).await?,
            None => None,
        };
        let at = now - Duration::days(i64::try_from(i).unwrap_or(0) * 3 + 1);
        let doc = documents::Entity::insert(document(*kind, owner, *visibility, title, analyst, at));
        let id = doc.exec(&txn).await?.last_insert_id;
        let mut v = version(id, analyst, at);
        v.body_markdown = Set(Some((*body).to_owned()));
        document_versions::Entity::insert(v).exec(&txn).await?;
        search_index::refresh(&txn, id).await?;
    }
    for (i, (title, text, size, sha)) in pdfs.into_iter().enumerate() {
        let at = now - Duration::days(i64::try_from(i).unwrap_or(0) * 5 + 2);
        let doc = document(DocumentKind::ResearchStudy, None, Visibility::Regional, title, analyst, at);
        let id = documents::Entity::insert(doc).exec(&txn).await?.last_insert_id;
        let mut v = version(id, analyst, at);
        v.file_name = Set(Some(format!("{}.pdf", title.replace(':', ""))));
        v.media_type = Set(Some(PDF.to_owned()));
        v.byte_size = Set(i64::try_from(size).ok());
        v.storage_key = Set(Some(key_for(&sha)));
        v.sha256 = Set(Some(sha));
        v.extracted_text = Set(Some(text));
        document_versions::Entity::insert(v).exec(&txn).await?;
        search_index::refresh(&txn, id).await?;
    }
    txn.commit_unaudited(Unaudited::DemoData).await?;
    Ok(())
}

/// Words of trade prose, for the benchmark's generated text (with a few hundred rarer made-up terms, so
/// that queries range from very common words to rare ones).
const VOCABULARY: &[&str] = &[
    "tariff",
    "quota",
    "export",
    "import",
    "customs",
    "subsidy",
    "fisheries",
    "agriculture",
    "services",
    "investment",
    "procurement",
    "standard",
    "certificate",
    "inspection",
    "laboratory",
    "residue",
    "origin",
    "cumulation",
    "preference",
    "graduation",
    "transition",
    "moratorium",
    "electronic",
    "transmission",
    "payment",
    "finance",
    "credit",
    "letter",
    "insurance",
    "transit",
    "port",
    "border",
    "delay",
    "cost",
    "small",
    "medium",
    "enterprise",
    "exporter",
    "garment",
    "jute",
    "shrimp",
    "rice",
    "wheat",
    "tea",
    "spice",
    "carpet",
    "pashmina",
    "pharmaceutical",
    "generic",
    "patent",
    "licence",
    "notification",
    "committee",
    "council",
    "ministerial",
    "declaration",
    "proposal",
    "negotiation",
    "coalition",
    "delegation",
    "capital",
    "regional",
    "market",
    "access",
    "barrier",
    "measure",
    "sanitary",
    "phytosanitary",
    "technical",
    "regulation",
    "conformity",
    "assessment",
    "recognition",
    "mutual",
    "facilitation",
    "single",
    "window",
    "clearance",
    "time",
    "release",
    "average",
    "days",
    "consignment",
    "container",
    "shipping",
    "logistics",
    "digital",
    "platform",
    "women",
    "youth",
    "rural",
    "producer",
    "cooperative",
    "value",
    "chain",
    "supply",
    "demand",
    "price",
];

/// `n` documents of generated prose (~5 KB of text each), half platform-wide regional, half owned by the
/// demo delegations at mixed visibility, indexed. Returns how many it wrote.
pub async fn seed_benchmark(db: &DatabaseConnection, admin: Uuid, n: usize) -> AppResult<usize> {
    let mut rng = StdRng::seed_from_u64(10);
    let owners: Vec<Uuid> = delegations::Entity::find().all(db).await?.into_iter().map(|d| d.id).collect();
    let rare: Vec<String> = (0..500).map(|i| format!("term{i:03}x")).collect();
    let now = Utc::now();
    let mut written = 0;
    while written < n {
        let txn = AuditedTxn::begin(db).await?;
        for _ in 0..500.min(n - written) {
            let mut text = String::with_capacity(5200);
            while text.len() < 5000 {
                let word = if rng.gen_ratio(1, 40) {
                    rare[rng.gen_range(0..rare.len())].as_str()
                } else {
                    VOCABULARY[rng.gen_range(0..VOCABULARY.len())]
                };
                text.push_str(word);
                text.push(if rng.gen_ratio(1, 12) { '.' } else { ' ' });
            }
            let title = format!(
                "{} {} {} note {written}",
                VOCABULARY[rng.gen_range(0..VOCABULARY.len())],
                VOCABULARY[rng.gen_range(0..VOCABULARY.len())],
                VOCABULARY[rng.gen_range(0..VOCABULARY.len())]
            );
            let (owner, visibility) = match (written % 2, owners.is_empty()) {
                (0, _) | (_, true) => (None, Visibility::Regional),
                _ => {
                    let v = [Visibility::Delegation, Visibility::Regional, Visibility::Public][written % 3];
                    (Some(owners[written % owners.len()]), v)
                }
            };
            let at = now - Duration::minutes(i64::try_from(written).unwrap_or(0));
            let doc = document(DocumentKind::RegionalUpdate, owner, visibility, &title, admin, at);
            let id = documents::Entity::insert(doc).exec(&txn).await?.last_insert_id;
            let mut v = version(id, admin, at);
            v.file_name = Set(Some(format!("note-{written}.pdf")));
            v.media_type = Set(Some(PDF.to_owned()));
            v.extracted_text = Set(Some(text));
            document_versions::Entity::insert(v).exec(&txn).await?;
            search_index::refresh(&txn, id).await?;
            written += 1;
        }
        txn.commit_unaudited(Unaudited::DemoData).await?;
    }
    Ok(written)
}
