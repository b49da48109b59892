//! A deterministic, realistic synthetic impediment registry for demo runs: 1,000 obstacles reported by
//! the forum's delegations, distributed the way ITC's NTM business surveys find them (SPS and TBT
//! requirements and procedural delays most often), on the region's typical exports. The same seed
//! always yields the same data.

use chrono::{Duration, NaiveDate, NaiveTime};
use gmc_domain::impediment::{Frequency, ImpedimentSource as Source, ImpedimentStatus as Status};
use gmc_domain::Visibility;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait, Statement,
};
use uuid::Uuid;

use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{delegations, impediment_steps, impediment_topics, impediments, topics};
use crate::AppResult;

pub const DEMO_IMPEDIMENTS: usize = 1_000;

/// Picks from weighted choices (shared by every demo generator).
pub(crate) fn pick<'a, T>(rng: &mut StdRng, choices: &'a [(T, u32)]) -> &'a T {
    let total: u32 = choices.iter().map(|(_, w)| w).sum();
    let mut n = rng.gen_range(0..total);
    for (v, w) in choices {
        if n < *w {
            return v;
        }
        n -= w;
    }
    &choices[0].0
}

const REPORTERS: &[(&str, u32)] = &[
    ("BGD", 18),
    ("NPL", 14),
    ("IND", 10),
    ("PAK", 8),
    ("LKA", 8),
    ("VNM", 7),
    ("KHM", 7),
    ("IDN", 6),
    ("PHL", 5),
    ("MMR", 4),
    ("LAO", 4),
    ("THA", 4),
    ("MYS", 3),
    ("MDV", 2),
    ("AFG", 2),
    ("TLS", 1),
];
const PARTNERS: &[(&str, u32)] = &[
    ("EU", 22),
    ("USA", 14),
    ("IND", 10),
    ("CHN", 9),
    ("JPN", 6),
    ("ASEAN", 6),
    ("GBR", 5),
    ("ARE", 5),
    ("AUS", 4),
    ("SAU", 4),
    ("KOR", 3),
    ("THA", 3),
    ("MYS", 3),
    ("SGP", 2),
    ("CAN", 2),
    ("TUR", 2),
];
/// An NTM code, the HS chapters it usually meets, and the topic it bears on.
type Measure = (&'static str, &'static [&'static str], Option<&'static str>);

/// Measures with their weights.
const MEASURES: &[(Measure, u32)] = &[
    (("A14", &["03", "08", "09", "10"], Some("SPS")), 10),
    (("A21", &["03", "08", "16", "20"], Some("SPS")), 8),
    (("A83", &["03", "09", "10"], Some("SPS")), 7),
    (("B31", &["61", "62", "64", "42"], Some("TBT")), 9),
    (("B82", &["61", "62", "85"], Some("TBT")), 6),
    (("B7", &["52", "61", "94"], Some("TBT")), 5),
    (("C3", &["03", "10", "52"], Some("TF")), 5),
    (("E1", &["10", "52"], None), 4),
    (("F7", &["09", "61", "71"], None), 3),
    (("O", &["61", "62", "64"], Some("ROO")), 6),
    (("P13", &["10", "03"], None), 3),
    (("PO-TIME", &["03", "08", "61", "62"], Some("TF")), 10),
    (("PO-ADMIN", &["61", "64", "09"], Some("TF")), 8),
    (("PO-INFO", &["52", "94", "42"], None), 5),
    (("PO-PAY", &["10", "61", "71"], None), 4),
    (("PO-FACIL", &["03", "08"], Some("TF")), 3),
    (("PO-RECOG", &["03", "16", "85"], Some("SPS")), 4),
];
const TITLES: &[(&str, &str)] = &[
    ("A", "Repeated residue testing of consignments"),
    ("B", "Labelling and conformity rules differ from the international standard"),
    ("C", "Mandatory pre-shipment inspection by a designated agency"),
    ("E", "Non-automatic import licence needed for each shipment"),
    ("F", "Additional charge levied at the border"),
    ("O", "Proof of origin cannot be documented for regional inputs"),
    ("P", "Export licence delays for small consignments"),
    ("PO-TIME", "Clearance takes weeks at the border"),
    ("PO-ADMIN", "Many documents and copies required for one shipment"),
    ("PO-INFO", "Requirements are not published in time"),
    ("PO-PAY", "Informal payments requested to release goods"),
    ("PO-FACIL", "No cold storage or testing laboratory at the port"),
    ("PO-RECOG", "Certificates of accredited home laboratories not recognised"),
];
const BODIES: &[&str] = &[
    "SPS Committee",
    "TBT Committee",
    "Committee on Trade Facilitation",
    "Committee on Rules of Origin",
    "Committee on Agriculture",
];

/// Adds `count` demo impediments unless the registry already holds any.
pub async fn seed(db: &DatabaseConnection, created_by: Uuid, count: usize) -> AppResult<()> {
    if impediments::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let delegations: Vec<delegations::Model> = delegations::Entity::find().all(db).await?;
    let topic_ids: Vec<(String, Uuid)> =
        topics::Entity::find().all(db).await?.into_iter().map(|t| (t.code, t.id)).collect();
    let mut rng = StdRng::seed_from_u64(2026);
    let base = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default().and_time(NaiveTime::MIN).and_utc();
    let mut rows = Vec::with_capacity(count);
    let mut links = Vec::new();
    let mut steps = Vec::new();
    for n in 0..count {
        let reporter = *pick(&mut rng, REPORTERS);
        let Some(owner) = delegations.iter().find(|d| d.country_code == reporter) else { continue };
        let mut partner = *pick(&mut rng, PARTNERS);
        if partner == reporter {
            partner = "EU";
        }
        let (code, hs_chapters, topic) = *pick(&mut rng, MEASURES);
        let chapter = if code.starts_with("PO-") { code.to_owned() } else { code[..1].to_owned() };
        let hs_chapter = hs_chapters[rng.gen_range(0..hs_chapters.len())];
        let hs = if rng.gen_bool(0.5) {
            format!("{hs_chapter}{:02}", rng.gen_range(1..10))
        } else {
            format!("{hs_chapter}{:02}{:02}", rng.gen_range(1..10), rng.gen_range(10..90))
        };
        let title = TITLES.iter().find(|(c, _)| *c == chapter).map(|(_, t)| *t).unwrap_or("Trade obstacle");
        let severity = *pick(&mut rng, &[(1i16, 8), (2, 17), (3, 33), (4, 28), (5, 14)]);
        let status = *pick(
            &mut rng,
            &[
                (Status::Reported, 45),
                (Status::UnderReview, 20),
                (Status::Validated, 20),
                (Status::Raised, 8),
                (Status::Resolved, 3),
                (Status::Dismissed, 4),
            ],
        );
        let visibility =
            *pick(&mut rng, &[(Visibility::Regional, 70), (Visibility::Delegation, 25), (Visibility::Public, 5)]);
        let frequency = *pick(
            &mut rng,
            &[
                (Frequency::OneOff, 10),
                (Frequency::Occasional, 35),
                (Frequency::Recurring, 40),
                (Frequency::Constant, 15),
            ],
        );
        let created = base - Duration::days(rng.gen_range(0..540)) + Duration::minutes(rng.gen_range(0..1440));
        let cost = rng.gen_bool(0.6).then(|| (10f64.powf(rng.gen_range(2.0..4.7)) / 10.0).round() * 10.0);
        let id = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + n as u128);
        let raised = matches!(status, Status::Raised | Status::Resolved);
        rows.push(impediments::ActiveModel {
            id: Set(id),
            delegation_id: Set(owner.id),
            visibility: Set(visibility.into()),
            reporting_country: Set(reporter.to_owned()),
            partner: Set(partner.to_owned()),
            hs_code: Set(Some(hs.clone())),
            ntm_code: Set(code.to_owned()),
            ntm_chapter: Set(chapter.clone()),
            title: Set(format!("{title} ({partner}, HS {hs})")),
            description: Set(format!(
                "Small exporters from {} report: {}. Synthetic demo record {}.",
                owner.name,
                title.to_lowercase(),
                n + 1
            )),
            severity: Set(severity),
            frequency: Set(frequency.into()),
            estimated_cost: Set(cost),
            currency: Set(cost.map(|_| "USD".to_owned())),
            source: Set(
                (*pick(&mut rng, &[(Source::Stakeholder, 60), (Source::Response, 25), (Source::Staff, 15)])).into()
            ),
            status: Set(status.into()),
            raised_body: Set(raised.then(|| BODIES[rng.gen_range(0..BODIES.len())].to_owned())),
            raised_on: Set(raised.then(|| (created + Duration::days(60)).min(base).date_naive())),
            created_by: Set(Some(created_by)),
            sector: Set(None),
            stakeholder_id: Set(None),
            response_id: Set(None),
            version: Set(1),
            created_at: Set(created),
            updated_at: Set(created),
        });
        if let Some(topic) = topic.and_then(|t| topic_ids.iter().find(|(c, _)| c == t)) {
            links.push(impediment_topics::ActiveModel { impediment_id: Set(id), topic_id: Set(topic.1) });
        }
        use Status::*;
        let path: &[Status] = match status {
            Reported => &[Reported],
            UnderReview => &[Reported, UnderReview],
            Validated => &[Reported, UnderReview, Validated],
            Raised => &[Reported, UnderReview, Validated, Raised],
            Resolved => &[Reported, UnderReview, Validated, Raised, Resolved],
            Dismissed => &[Reported, Dismissed],
        };
        for (i, to) in path.iter().enumerate() {
            steps.push(impediment_steps::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_9000_0000_0000_0000 + (n * 8 + i) as u128)),
                impediment_id: Set(id),
                from_status: Set(i.checked_sub(1).map(|p| path[p].into())),
                to_status: Set((*to).into()),
                note: Set(if i == 0 { "reported".to_owned() } else { format!("moved to {to} (demo)") }),
                actor_id: Set(Some(created_by)),
                // Steps follow at 20-day intervals, never later than the data set's date.
                at: Set((created + Duration::days(i as i64 * 20)).min(base)),
            });
        }
    }
    let txn = AuditedTxn::begin(db).await?;
    for chunk in rows.chunks(200) {
        impediments::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in links.chunks(500) {
        impediment_topics::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in steps.chunks(400) {
        impediment_steps::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    // One transaction: a demo registry is either all there or not at all.
    txn.commit_unaudited(Unaudited::DemoData).await?;
    // Fresh planner statistics after a bulk load (both engines understand a bare ANALYZE).
    db.execute_unprepared("ANALYZE").await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        sqlite_without_stat4(db).await?;
    }
    Ok(())
}

/// Keeps SQLite's per-index row counts (`sqlite_stat1`) and drops the value samples (`sqlite_stat4`)
/// that ANALYZE also writes in the bundled SQLite. With samples present, SQLite re-plans a prepared
/// statement every time a value is bound to a parameter compared with an indexed column (so that the
/// plan can depend on the value): every registry query, every time — 16% of the CPU of the list
/// benchmark. The composite index (migration 000008) makes the right plan obvious from the row counts.
pub(crate) async fn sqlite_without_stat4(db: &DatabaseConnection) -> AppResult<()> {
    let present = db
        .query_one(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat4'",
        ))
        .await?
        .is_some();
    if present {
        db.execute_unprepared("DELETE FROM sqlite_stat4").await?;
        // Reloads the statistics into the schema that new statements are planned with.
        db.execute_unprepared("ANALYZE sqlite_schema").await?;
    }
    Ok(())
}
