//! Demo ministerial preparation that reads like the real MC12 (Geneva, June 2022) and its sequels:
//! the subjects the region's delegations actually prepared — fisheries subsidies, the e-commerce
//! moratorium, food security and public stockholding, the TRIPS waiver, LDC graduation support and the
//! MSME work programme — owned by delegations and by the LDC Group, G-33 and ASEAN, tied to demo
//! impediments and a consultation result. Some positions are left without evidence, so the alignment
//! report has unsupported positions to show; Bangladesh has none on fisheries subsidies, so the topic
//! is a blind spot until someone prepares one (the browser journey does).
//!
//! The firms' own concerns behind these subjects are added as validated impediments tagged with the
//! topics and tied to demo stakeholders (the synthetic registry only tags SPS, TBT, TF and ROO).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use gmc_domain::impediment::{Frequency, ImpedimentSource, ImpedimentStatus};
use gmc_domain::prep::{EvidenceKind, Interest, PrepKind, PrepStatus};
use gmc_domain::watch::Priority;
use gmc_domain::Visibility;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{
    coalition_members, coalitions, consultations, delegations, evidence_links, impediment_steps, impediment_topics,
    impediments, ministerials, prep_item_steps, prep_item_texts, prep_item_topics, prep_items, stakeholders, topics,
};
use crate::AppResult;

/// (topic, reporting countries, partner, NTM code, title, description) — concerns firms raise on the
/// subjects of the ministerial.
type Concern = (&'static str, &'static [&'static str], &'static str, &'static str, &'static str, &'static str);

/// Impediments added per reporting country and concern.
pub const CONCERNS_PER_COUNTRY: usize = 3;

/// How many impediments the concerns add to the demo registry (every listed country has a delegation).
pub fn concern_impediments() -> usize {
    CONCERNS.iter().map(|c| c.1.len()).sum::<usize>() * CONCERNS_PER_COUNTRY
}

const CONCERNS: &[Concern] = &[
    ("FISH", &["BGD", "LKA", "IDN", "VNM", "PHL", "MMR", "KHM"], "CHN", "PO-FACIL",
     "Subsidised distant-water fleets deplete the stocks small fishers depend on",
     "Artisanal fishing cooperatives report falling catches and prices undercut by subsidised industrial fleets landing in the same markets."),
    ("FISH-OCOF", &["BGD", "LKA", "IDN", "PHL"], "EU", "A14",
     "Catch-documentation rules written for industrial fleets",
     "Small boats cannot produce the vessel and catch certificates the buyer's rules require, so their shrimp and fish are sold at a discount to exporters who can."),
    ("ECOM-MORA", &["NPL", "BGD", "IND", "LKA", "KHM", "IDN", "VNM"], "USA", "F7",
     "Platform and payment fees take most of the margin on online sales",
     "Handicraft and garment micro-firms selling online abroad say cross-border payment and platform fees, not duties, decide whether a sale pays."),
    ("AG-PSH", &["IND", "PHL", "IDN", "PAK", "LKA"], "USA", "E1",
     "Procurement at support prices questioned as trade-distorting",
     "Smallholder rice cooperatives fear the end of public procurement at support prices, their only buyer in lean seasons."),
    ("AG-EXR", &["BGD", "NPL", "LKA", "MMR", "LAO"], "IND", "P13",
     "Sudden export bans on staple foods by neighbours",
     "Food processors lose inputs overnight when a neighbour bans exports of rice, wheat or onions without notice."),
    ("TRIPS-COVID", &["BGD", "IND", "PAK", "IDN"], "EU", "PO-ADMIN",
     "Licences to produce diagnostics and vaccines take years",
     "Small pharmaceutical manufacturers report that licensing and regulatory approval of patented COVID-19 products cannot be obtained in time to matter."),
    ("LDC-GRAD", &["BGD", "NPL", "LAO", "KHM", "MMR"], "EU", "O",
     "Duty-free access ends with graduation before firms can adjust",
     "Garment and leather SMEs face tariffs of 9–12% in their main market after graduation, with stricter rules of origin on top."),
    ("MSME", &["NPL", "BGD", "KHM", "LAO", "LKA", "VNM", "MDV"], "EU", "PO-INFO",
     "Requirements for small shipments are not published in one place",
     "Micro-exporters cannot find which documents a small shipment needs; the trade portal lists rules for large consignments only."),
];

/// A prep item of the demo: (owner — a delegation's country code or `coalition:CODE`, ministerial,
/// topic codes, kind, interest, priority, status, visibility, title, summary, evidence topics).
type Item = (
    &'static str,
    &'static str,
    &'static [&'static str],
    PrepKind,
    Interest,
    Priority,
    PrepStatus,
    Visibility,
    &'static str,
    &'static str,
    bool,
);

const ITEMS: &[Item] = &[
    // Bangladesh, MC12 — no fisheries item: that blind spot is the journey's to close.
    ("BGD", "MC12", &["ECOM-MORA"], PrepKind::Position, Interest::Defensive, Priority::High, PrepStatus::OutcomeRecorded, Visibility::Delegation,
     "Moratorium on customs duties on electronic transmissions: accept a time-bound extension",
     "Support extending the moratorium to MC13 only, with a work programme on its revenue and development impact.", true),
    ("BGD", "MC12", &["AG-PSH", "AG-EXR"], PrepKind::Position, Interest::Offensive, Priority::High, PrepStatus::Tabled, Visibility::Regional,
     "Food security: exempt WFP purchases and curb export restrictions on staples",
     "Net food-importing LDC perspective: back the WFP exemption and disciplines on export bans affecting neighbours.", true),
    ("BGD", "MC12", &["TRIPS-COVID"], PrepKind::Proposal, Interest::Offensive, Priority::High, PrepStatus::Agreed, Visibility::Delegation,
     "TRIPS waiver: include diagnostics and therapeutics",
     "Press for the decision on COVID-19 vaccines to extend to diagnostics and therapeutics within six months.", true),
    ("BGD", "MC12", &["LDC-GRAD"], PrepKind::DeclarationText, Interest::Offensive, Priority::High, PrepStatus::CapitalReview, Visibility::Delegation,
     "Smooth transition for graduating LDCs: paragraph for the ministerial declaration",
     "Draft paragraph asking members to extend LDC-specific support for a period after graduation.", true),
    ("BGD", "MC12", &["MSME"], PrepKind::Position, Interest::Neutral, Priority::Medium, PrepStatus::Drafting, Visibility::Regional,
     "MSME work programme: support the informal group's declaration",
     "Welcome the informal working group's package; no evidence gathered yet from our firms.", false),
    ("BGD", "MC13", &["ECOM-MORA", "ECOM-WP"], PrepKind::Position, Interest::Defensive, Priority::Medium, PrepStatus::OutcomeRecorded, Visibility::Delegation,
     "MC13: e-commerce moratorium and the work programme",
     "Accept an extension to MC14 tied to a reinvigorated work programme.", true),
    ("BGD", "MC14", &["LDC-GRAD"], PrepKind::Position, Interest::Offensive, Priority::High, PrepStatus::Tabled, Visibility::Delegation,
     "MC14: apply the smooth-transition decision to Bangladesh's graduation",
     "Ask preference-granting members to announce transition periods ahead of the November 2026 graduation.", true),
    // Nepal, MC12.
    ("NPL", "MC12", &["FISH"], PrepKind::Position, Interest::Neutral, Priority::Low, PrepStatus::OutcomeRecorded, Visibility::Regional,
     "Fisheries subsidies: keep LDC special and differential treatment",
     "As a landlocked LDC with inland fisheries only, support S&DT for LDCs and a short list of prohibitions.", false),
    ("NPL", "MC12", &["ECOM-MORA"], PrepKind::Position, Interest::Offensive, Priority::High, PrepStatus::OutcomeRecorded, Visibility::Delegation,
     "E-commerce moratorium: our handicraft sellers need low-cost digital trade",
     "Support the extension; ask for capacity building on digital trade for LDC MSMEs.", true),
    ("NPL", "MC12", &["AG-PSH"], PrepKind::Position, Interest::Defensive, Priority::Medium, PrepStatus::Agreed, Visibility::Regional,
     "Food security: public stockholding and the food-import bill",
     "Back the emergency response declaration; seek recognition of landlocked LDCs' transport costs.", false),
    ("NPL", "MC12", &["TRIPS-COVID"], PrepKind::Position, Interest::Offensive, Priority::Medium, PrepStatus::OutcomeRecorded, Visibility::Public,
     "TRIPS waiver: co-sponsor with the LDC Group",
     "Align with the LDC Group in support of the waiver proposal.", false),
    ("NPL", "MC12", &["LDC-GRAD"], PrepKind::Proposal, Interest::Offensive, Priority::High, PrepStatus::Drafting, Visibility::Delegation,
     "Post-graduation support for landlocked LDCs",
     "Proposal text for support measures that continue for landlocked LDCs after graduation.", true),
    ("NPL", "MC12", &["MSME"], PrepKind::Position, Interest::Neutral, Priority::Medium, PrepStatus::Identified, Visibility::Regional,
     "MSME work programme: access to information",
     "Support the trade-information commitments of the MSME package.", true),
    ("NPL", "MC14", &["ECOM-MORA"], PrepKind::Position, Interest::Offensive, Priority::Medium, PrepStatus::Tabled, Visibility::Delegation,
     "MC14: the moratorium's expiry",
     "Seek an extension or, failing it, a transition for LDC MSMEs.", true),
    // Coalitions.
    ("coalition:LDC", "MC12", &["LDC-GRAD", "LDC"], PrepKind::DeclarationText, Interest::Offensive, Priority::High, PrepStatus::OutcomeRecorded, Visibility::Delegation,
     "LDC Group: smooth-transition text for the MC12 outcome",
     "Group text on support after graduation; the MC12 outcome document asked the Committee on Trade and Development to work on it.", true),
    ("coalition:LDC", "MC13", &["LDC-GRAD"], PrepKind::Decision, Interest::Offensive, Priority::High, PrepStatus::OutcomeRecorded, Visibility::Regional,
     "LDC Group: decision on smooth transition for graduated LDCs",
     "The decision adopted at MC13 on support after graduation.", true),
    ("coalition:G33", "MC12", &["AG-PSH", "AG-SSM"], PrepKind::Proposal, Interest::Defensive, Priority::High, PrepStatus::Tabled, Visibility::Delegation,
     "G-33: permanent solution on public stockholding",
     "Proposal for a permanent solution on public stockholding for food security purposes.", true),
    ("coalition:ASEAN", "MC14", &["ECOM-WP", "MSME"], PrepKind::CoalitionStatement, Interest::Neutral, Priority::Medium, PrepStatus::Agreed, Visibility::Regional,
     "ASEAN: statement on digital trade for MSMEs",
     "Joint statement on MSME participation in digital trade.", false),
];

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default().and_time(NaiveTime::MIN).and_utc()
}

/// Seeds the demo prep items unless any exist.
pub async fn seed(db: &DatabaseConnection, created_by: Uuid) -> AppResult<()> {
    if prep_items::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let delegations = delegations::Entity::find().all(db).await?;
    let topic_ids: Vec<(String, Uuid)> =
        topics::Entity::find().all(db).await?.into_iter().map(|t| (t.code, t.id)).collect();
    let topic = |code: &str| topic_ids.iter().find(|(c, _)| c == code).map(|(_, id)| *id);
    let ministerials = ministerials::Entity::find().all(db).await?;
    let coalitions = coalitions::Entity::find().all(db).await?;
    let memberships = coalition_members::Entity::find().all(db).await?;
    let firms = stakeholders::Entity::find().filter(stakeholders::Column::ErasedAt.is_null()).all(db).await?;
    let mut rng = StdRng::seed_from_u64(2029);
    let txn = AuditedTxn::begin(db).await?;

    // The firms' concerns, validated and tagged.
    let mut concerns: Vec<(Uuid, Uuid, &str)> = Vec::new(); // (impediment, delegation, topic code)
    let mut n: u128 = 0;
    for (topic_code, countries, partner, ntm, title, description) in CONCERNS {
        let Some(topic_id) = topic(topic_code) else { continue };
        for country in *countries {
            let Some(owner) = delegations.iter().find(|d| d.country_code == *country) else { continue };
            let home: Vec<&stakeholders::Model> = firms.iter().filter(|f| f.delegation_id == owner.id).collect();
            for _ in 0..CONCERNS_PER_COUNTRY {
                n += 1;
                let id = Uuid::from_u128(0x0190_0000_0000_7000_a000_0000_0000_0000 + n);
                let firm = (!home.is_empty()).then(|| home[rng.gen_range(0..home.len())]);
                let created = at(2026, 11, 1) - Duration::days(rng.gen_range(10..700));
                let chapter = if ntm.starts_with("PO-") { (*ntm).to_owned() } else { ntm[..1].to_owned() };
                impediments::Entity::insert(impediments::ActiveModel {
                    id: Set(id),
                    delegation_id: Set(owner.id),
                    visibility: Set(
                        if rng.gen_bool(0.7) { Visibility::Regional } else { Visibility::Delegation }.into()
                    ),
                    reporting_country: Set((*country).to_owned()),
                    partner: Set((*partner).to_owned()),
                    hs_code: Set(None),
                    ntm_code: Set((*ntm).to_owned()),
                    ntm_chapter: Set(chapter),
                    title: Set((*title).to_owned()),
                    description: Set(format!("{description} Reported to the {} delegation (demo).", owner.name)),
                    severity: Set(rng.gen_range(3..=5)),
                    frequency: Set(Frequency::Recurring.into()),
                    estimated_cost: Set(None),
                    currency: Set(None),
                    source: Set(ImpedimentSource::Stakeholder.into()),
                    status: Set(ImpedimentStatus::Validated.into()),
                    raised_body: Set(None),
                    raised_on: Set(None),
                    created_by: Set(Some(created_by)),
                    sector: Set(firm.map(|f| f.sector.clone())),
                    stakeholder_id: Set(firm.map(|f| f.id)),
                    response_id: Set(None),
                    version: Set(1),
                    created_at: Set(created),
                    updated_at: Set(created + Duration::days(30)),
                })
                .exec(&txn)
                .await?;
                impediment_topics::Entity::insert(impediment_topics::ActiveModel {
                    impediment_id: Set(id),
                    topic_id: Set(topic_id),
                })
                .exec(&txn)
                .await?;
                for (i, (from, to)) in [
                    (None, ImpedimentStatus::Reported),
                    (Some(ImpedimentStatus::Reported), ImpedimentStatus::UnderReview),
                    (Some(ImpedimentStatus::UnderReview), ImpedimentStatus::Validated),
                ]
                .into_iter()
                .enumerate()
                {
                    impediment_steps::Entity::insert(impediment_steps::ActiveModel {
                        id: Set(Uuid::from_u128(0x0190_0000_0000_7000_b000_0000_0000_0000 + n * 4 + i as u128)),
                        impediment_id: Set(id),
                        from_status: Set(from.map(Into::into)),
                        to_status: Set(to.into()),
                        note: Set(if i == 0 { "reported".to_owned() } else { format!("moved to {to} (demo)") }),
                        actor_id: Set(Some(created_by)),
                        at: Set(created + Duration::days(i as i64 * 15)),
                    })
                    .exec(&txn)
                    .await?;
                }
                concerns.push((id, owner.id, topic_code));
            }
        }
    }

    let bgd_consultation = consultations::Entity::find()
        .filter(consultations::Column::Title.eq("Bangladesh exporters: obstacles abroad, 2026"))
        .one(&txn)
        .await?;
    for (i, (owner, mc, topic_codes, kind, interest, priority, status, visibility, title, summary, evidence)) in
        ITEMS.iter().enumerate()
    {
        let Some(ministerial) = ministerials.iter().find(|m| m.code == *mc) else { continue };
        let (delegation_id, coalition_id, members): (Option<Uuid>, Option<Uuid>, Vec<Uuid>) =
            match owner.strip_prefix("coalition:") {
                Some(code) => {
                    let Some(c) = coalitions.iter().find(|c| c.code == code) else { continue };
                    let members = memberships.iter().filter(|m| m.coalition_id == c.id).map(|m| m.delegation_id);
                    (None, Some(c.id), members.collect())
                }
                None => {
                    let Some(d) = delegations.iter().find(|d| d.country_code == *owner) else { continue };
                    (Some(d.id), None, vec![d.id])
                }
            };
        let id = Uuid::from_u128(0x0190_0000_0000_7000_c000_0000_0000_0000 + i as u128);
        let deadline = ministerial.starts_on - Duration::days(rng.gen_range(7..60));
        let created = deadline.and_time(NaiveTime::MIN).and_utc() - Duration::days(90);
        let outcome = *status == PrepStatus::OutcomeRecorded;
        let texts = if kind.carries_text() { 2 } else { 0 };
        prep_items::Entity::insert(prep_items::ActiveModel {
            id: Set(id),
            ministerial_id: Set(ministerial.id),
            delegation_id: Set(delegation_id),
            coalition_id: Set(coalition_id),
            visibility: Set((*visibility).into()),
            title: Set((*title).to_owned()),
            summary: Set((*summary).to_owned()),
            kind: Set((*kind).into()),
            interest: Set((*interest).into()),
            priority: Set((*priority).into()),
            status: Set((*status).into()),
            deadline: Set(Some(deadline)),
            responsible_user_id: Set(None),
            outcome_text: Set(
                outcome.then(|| format!("Recorded at {}: see the conference's outcome documents.", ministerial.code))
            ),
            outcome_date: Set(outcome.then_some(ministerial.ends_on)),
            outcome_body: Set(outcome.then(|| "Ministerial Conference".to_owned())),
            text_number: Set(texts),
            created_by: Set(Some(created_by)),
            version: Set(1),
            created_at: Set(created),
            updated_at: Set(created + Duration::days(30)),
        })
        .exec(&txn)
        .await?;
        for code in *topic_codes {
            if let Some(topic_id) = topic(code) {
                prep_item_topics::Entity::insert(prep_item_topics::ActiveModel {
                    prep_item_id: Set(id),
                    topic_id: Set(topic_id),
                })
                .exec(&txn)
                .await?;
            }
        }
        // The history: every step from `identified` to where the item stands.
        let path = path_to(*status);
        for (s, to) in path.iter().enumerate() {
            prep_item_steps::Entity::insert(prep_item_steps::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_d000_0000_0000_0000 + (i * 8 + s) as u128)),
                prep_item_id: Set(id),
                from_status: Set(s.checked_sub(1).and_then(|p| path.get(p)).map(|p| (*p).into())),
                to_status: Set((*to).into()),
                note: Set(if s == 0 { "identified".to_owned() } else { format!("moved to {to} (demo)") }),
                actor_id: Set(Some(created_by)),
                at: Set(created + Duration::days(s as i64 * 10)),
            })
            .exec(&txn)
            .await?;
        }
        for number in 1..=texts {
            let body = if number == 1 {
                format!("# {title}\n\n{summary}\n\nMembers agree to consider the needs of small firms.")
            } else {
                format!("# {title}\n\n{summary}\n\nMembers agree to address the specific needs of micro, small and medium-sized enterprises, drawing on the evidence they report.")
            };
            prep_item_texts::Entity::insert(prep_item_texts::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_e000_0000_0000_0000 + (i * 4) as u128 + number as u128)),
                prep_item_id: Set(id),
                number: Set(number),
                body: Set(body),
                author_id: Set(Some(created_by)),
                created_at: Set(created + Duration::days(i64::from(number) * 7)),
            })
            .exec(&txn)
            .await?;
        }
        if !*evidence {
            continue;
        }
        // Evidence: the owner's own firms' concerns on the item's topics (a coalition's: its members'
        // firms'), three at most.
        let cited = concerns.iter().filter(|(_, d, t)| topic_codes.contains(t) && members.contains(d)).take(3);
        for (k, (impediment, _, _)) in cited.enumerate() {
            evidence_links::Entity::insert(evidence_links::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_f000_0000_0000_0000 + (i * 8 + k) as u128)),
                prep_item_id: Set(id),
                target_kind: Set(EvidenceKind::Impediment.into()),
                target_id: Set(*impediment),
                question_code: Set(None),
                filter: Set(None),
                note: Set("Firms reported this obstacle on the item's subject (demo).".to_owned()),
                created_by: Set(Some(created_by)),
                created_at: Set(created + Duration::days(5)),
            })
            .exec(&txn)
            .await?;
        }
        if let (Some(c), Some("BGD")) = (&bgd_consultation, Some(*owner)) {
            evidence_links::Entity::insert(evidence_links::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_f000_0000_0000_0000 + (i * 8 + 7) as u128)),
                prep_item_id: Set(id),
                target_kind: Set(EvidenceKind::ConsultationQuestion.into()),
                target_id: Set(c.id),
                question_code: Set(Some("obstacles".to_owned())),
                filter: Set(Some("{}".to_owned())),
                note: Set("What Bangladesh's small exporters named as their main obstacles.".to_owned()),
                created_by: Set(Some(created_by)),
                created_at: Set(created + Duration::days(6)),
            })
            .exec(&txn)
            .await?;
        }
    }
    // One transaction: demo preparation is all there or not at all.
    txn.commit_unaudited(Unaudited::DemoData).await?;
    Ok(())
}

/// The topics the benchmark's prep items and consultation questions bear on.
const BENCH_TOPICS: &[&str] =
    &["FISH", "ECOM-MORA", "AG-PSH", "TRIPS-COVID", "LDC-GRAD", "MSME", "SPS", "TBT", "TF", "ROO"];

/// `items` prep items in MC14 spread over every delegation and coalition (a third Bangladesh's), at every
/// status and visibility, and one Bangladesh item citing `links` of Bangladesh's impediments. Returns
/// (that item, Bangladesh's delegation, the topics used).
pub async fn seed_benchmark(
    db: &DatabaseConnection,
    created_by: Uuid,
    items: usize,
    links: usize,
) -> AppResult<(Uuid, Uuid, Vec<Uuid>)> {
    let delegations = delegations::Entity::find().all(db).await?;
    let bgd = delegations
        .iter()
        .find(|d| d.country_code == "BGD")
        .map(|d| d.id)
        .ok_or(crate::AppError::NotFound("delegation BGD"))?;
    let coalitions = coalitions::Entity::find().all(db).await?;
    let mc14 = ministerials::Entity::find()
        .filter(ministerials::Column::Code.eq("MC14"))
        .one(db)
        .await?
        .ok_or(crate::AppError::NotFound("ministerial MC14"))?;
    let all_topics = topics::Entity::find().all(db).await?;
    let topic_ids: Vec<Uuid> =
        BENCH_TOPICS.iter().filter_map(|c| all_topics.iter().find(|t| t.code == *c).map(|t| t.id)).collect();
    let mut rng = StdRng::seed_from_u64(2030);
    let now = Utc::now();
    let mut rows = Vec::with_capacity(items + 1);
    let mut tags = Vec::new();
    for n in 0..=items {
        let id = Uuid::now_v7();
        let (delegation_id, coalition_id) = if n == items || n % 3 == 0 || coalitions.is_empty() {
            (Some(if n == items { bgd } else { delegations[rng.gen_range(0..delegations.len())].id }), None)
        } else if n % 3 == 1 {
            (Some(bgd), None)
        } else {
            (None, Some(coalitions[rng.gen_range(0..coalitions.len())].id))
        };
        let status = PrepStatus::ALL[rng.gen_range(0..PrepStatus::ALL.len())];
        let kind = PrepKind::ALL[rng.gen_range(0..PrepKind::ALL.len())];
        rows.push(prep_items::ActiveModel {
            id: Set(id),
            ministerial_id: Set(mc14.id),
            delegation_id: Set(delegation_id),
            coalition_id: Set(coalition_id),
            visibility: Set(Visibility::ALL[rng.gen_range(0..Visibility::ALL.len())].into()),
            title: Set(if n == items {
                "Benchmark: the item with many links".to_owned()
            } else {
                format!("Benchmark prep item {n}")
            }),
            summary: Set("Synthetic load for benchmarks.".to_owned()),
            kind: Set(kind.into()),
            interest: Set(Interest::ALL[rng.gen_range(0..Interest::ALL.len())].into()),
            priority: Set(Priority::ALL[rng.gen_range(0..Priority::ALL.len())].into()),
            status: Set(status.into()),
            deadline: Set(Some(mc14.starts_on - Duration::days(rng.gen_range(0..120)))),
            responsible_user_id: Set(None),
            outcome_text: Set(None),
            outcome_date: Set(None),
            outcome_body: Set(None),
            text_number: Set(0),
            created_by: Set(Some(created_by)),
            version: Set(1),
            created_at: Set(now - Duration::days(rng.gen_range(0..365))),
            updated_at: Set(now),
        });
        if !topic_ids.is_empty() {
            let first = rng.gen_range(0..topic_ids.len());
            tags.push(prep_item_topics::ActiveModel { prep_item_id: Set(id), topic_id: Set(topic_ids[first]) });
            let second = (first + 1 + rng.gen_range(0..topic_ids.len() - 1)) % topic_ids.len();
            if rng.gen_bool(0.3) && second != first {
                tags.push(prep_item_topics::ActiveModel { prep_item_id: Set(id), topic_id: Set(topic_ids[second]) });
            }
        }
    }
    let linked = rows.last().and_then(|r| r.id.clone().take()).unwrap_or_default();
    let cited: Vec<Uuid> = impediments::Entity::find()
        .select_only()
        .column(impediments::Column::Id)
        .filter(impediments::Column::DelegationId.eq(bgd))
        .limit(links as u64)
        .into_tuple()
        .all(db)
        .await?;
    let evidence: Vec<evidence_links::ActiveModel> = cited
        .into_iter()
        .map(|target| evidence_links::ActiveModel {
            id: Set(Uuid::now_v7()),
            prep_item_id: Set(linked),
            target_kind: Set(EvidenceKind::Impediment.into()),
            target_id: Set(target),
            question_code: Set(None),
            filter: Set(None),
            note: Set("Benchmark link.".to_owned()),
            created_by: Set(Some(created_by)),
            created_at: Set(now),
        })
        .collect();
    let txn = AuditedTxn::begin(db).await?;
    for chunk in rows.chunks(200) {
        prep_items::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in tags.chunks(500) {
        prep_item_topics::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in evidence.chunks(200) {
        evidence_links::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit_unaudited(Unaudited::DemoData).await?;
    Ok((linked, bgd, topic_ids))
}

/// The workflow path from `identified` to `status` (a withdrawn item: withdrawn while drafting).
fn path_to(status: PrepStatus) -> Vec<PrepStatus> {
    use PrepStatus as S;
    let main = [S::Identified, S::Drafting, S::CapitalReview, S::Agreed, S::Tabled, S::OutcomeRecorded];
    match status {
        S::Withdrawn => vec![S::Identified, S::Drafting, S::Withdrawn],
        s => main.iter().copied().take_while(|m| *m != s).chain(std::iter::once(s)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_runs_from_identified_to_the_status() {
        assert_eq!(path_to(PrepStatus::Identified), vec![PrepStatus::Identified]);
        assert_eq!(path_to(PrepStatus::CapitalReview).len(), 3);
        assert_eq!(path_to(PrepStatus::Withdrawn).last(), Some(&PrepStatus::Withdrawn));
    }

    #[test]
    fn bangladesh_has_no_fisheries_item_so_the_journey_has_a_blind_spot_to_close() {
        assert!(!ITEMS.iter().any(|i| i.0 == "BGD" && i.2.iter().any(|t| t.starts_with("FISH"))));
        assert!(CONCERNS.iter().any(|c| c.0 == "FISH" && c.1.contains(&"BGD")));
    }
}
