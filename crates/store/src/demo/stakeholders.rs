//! A deterministic synthetic stakeholder directory for demo runs: 600 MSMEs, associations, chambers
//! and cooperatives across the forum's South and Southeast Asian delegations, each owned by its
//! country's delegation, mostly micro and small firms in agriculture, manufacturing and trade. About a
//! third have consented to be contacted, with obviously synthetic contact details (example.org
//! addresses, 555 phone numbers). One BGD firm is linked to the demo account `msme.bgd@gmc.test`.

use chrono::{Duration, NaiveDate, NaiveTime};
use gmc_domain::stakeholder::{SizeClass, StakeholderKind as Kind};
use gmc_domain::user::UserInput;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use super::impediments::pick;

use super::accounts::DEMO_PASSWORD;
use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{delegations, stakeholders, users};
use crate::AppResult;

pub const DEMO_STAKEHOLDERS: usize = 600;
pub const DEMO_STAKEHOLDER_ACCOUNT: &str = "msme.bgd@gmc.test";

/// (country, weight, calling code, places firms are named after)
const COUNTRIES: &[(&str, u32, &str, &[&str])] = &[
    ("BGD", 16, "880", &["Dhaka", "Chattogram", "Khulna", "Sylhet", "Rajshahi", "Gazipur"]),
    ("NPL", 12, "977", &["Kathmandu", "Pokhara", "Biratnagar", "Lalitpur", "Bhaktapur"]),
    ("IND", 10, "91", &["Tiruppur", "Surat", "Kochi", "Ludhiana", "Pune", "Jaipur"]),
    ("PAK", 7, "92", &["Sialkot", "Faisalabad", "Lahore", "Karachi", "Multan"]),
    ("LKA", 7, "94", &["Colombo", "Kandy", "Galle", "Negombo", "Kurunegala"]),
    ("VNM", 7, "84", &["Hai Phong", "Can Tho", "Da Nang", "Binh Duong", "Hue"]),
    ("KHM", 6, "855", &["Phnom Penh", "Siem Reap", "Battambang", "Kampot"]),
    ("IDN", 6, "62", &["Surabaya", "Bandung", "Makassar", "Medan", "Yogyakarta"]),
    ("PHL", 5, "63", &["Cebu", "Davao", "Iloilo", "Batangas", "Baguio"]),
    ("MMR", 4, "95", &["Yangon", "Mandalay", "Mawlamyine", "Bago"]),
    ("LAO", 4, "856", &["Vientiane", "Luang Prabang", "Pakse", "Savannakhet"]),
    ("THA", 4, "66", &["Chiang Mai", "Khon Kaen", "Songkhla", "Nakhon Ratchasima"]),
    ("MYS", 3, "60", &["Penang", "Johor Bahru", "Kuching", "Ipoh"]),
    ("MDV", 2, "960", &["Male", "Addu", "Fuvahmulah"]),
    ("AFG", 2, "93", &["Kabul", "Herat", "Mazar-i-Sharif"]),
    ("TLS", 1, "670", &["Dili", "Baucau"]),
    ("SGP", 1, "65", &["Jurong", "Tampines"]),
    ("BRN", 1, "673", &["Bandar Seri Begawan"]),
];

/// ISIC section and what its firms make or do, for names.
const SECTORS: &[((&str, &[&str]), u32)] = &[
    (("A", &["Shrimp Farms", "Tea Growers", "Spice Producers", "Fruit Exports", "Rice Mills", "Fisheries"]), 22),
    (
        (
            "C",
            &["Knitwear", "Garments", "Leather Goods", "Handicrafts", "Footwear", "Food Processing", "Jute Products"],
        ),
        38,
    ),
    (("G", &["Traders", "Trading House", "Import Export", "Wholesale"]), 14),
    (("H", &["Logistics", "Freight Forwarding", "Cold Chain"]), 5),
    (("I", &["Homestays", "Catering"]), 4),
    (("J", &["Software", "Digital Services", "E-commerce"]), 8),
    (("M", &["Testing Laboratory", "Design Studio", "Consultancy"]), 5),
    (("S", &["Artisans Workshop", "Repair Services"]), 4),
];

const SUFFIXES: &[&str] = &["Ltd", "Enterprise", "& Co", "Industries", "Pvt Ltd", "Group", "Works"];
/// Trades whose words already name a business.
const COMPLETE: &[&str] = &[
    "Farms",
    "Growers",
    "Producers",
    "Exports",
    "Mills",
    "Fisheries",
    "Traders",
    "House",
    "Workshop",
    "Studio",
    "Laboratory",
    "Homestays",
    "Services",
    "Consultancy",
    "Wholesale",
    "Logistics",
    "Forwarding",
];
const GIVEN: &[&str] =
    &["Amina", "Rahim", "Sita", "Arjun", "Nguyen", "Siti", "Maria", "Dawa", "Nimal", "Sokha", "Aye", "Farah"];
const FAMILY: &[&str] =
    &["Rahman", "Shrestha", "Perera", "Tran", "Santos", "Hossain", "Khan", "Win", "Chan", "Lim", "Gurung", "Das"];
const PURPOSES: &[&str] = &[
    "Invitations to delegation consultations on WTO negotiations affecting MSMEs",
    "Follow-up questions on reported trade impediments",
    "Consultations and briefings on LDC graduation and market access",
];

/// Adds the demo directory unless there are stakeholders already.
pub async fn seed(db: &DatabaseConnection, created_by: Uuid) -> AppResult<()> {
    if stakeholders::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let account = demo_account(db).await?;
    let delegations: Vec<delegations::Model> = delegations::Entity::find().all(db).await?;
    let mut rng = StdRng::seed_from_u64(2027);
    let base = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default().and_time(NaiveTime::MIN).and_utc();
    let mut numbers: Vec<(&str, usize)> = Vec::new();
    let mut rows = Vec::with_capacity(DEMO_STAKEHOLDERS);
    for n in 0..DEMO_STAKEHOLDERS {
        let (country, _, calling, places) = COUNTRIES[{
            let weights: Vec<(usize, u32)> = COUNTRIES.iter().enumerate().map(|(i, c)| (i, c.1)).collect();
            *pick(&mut rng, &weights)
        }];
        let Some(owner) = delegations.iter().find(|d| d.country_code == country) else { continue };
        let seq = match numbers.iter_mut().find(|(c, _)| *c == country) {
            Some((_, k)) => {
                *k += 1;
                *k
            }
            None => {
                numbers.push((country, 1));
                1
            }
        };
        let (sector, trades) = *pick(&mut rng, SECTORS);
        let place = places[rng.gen_range(0..places.len())];
        let trade = trades[rng.gen_range(0..trades.len())];
        let kind =
            *pick(&mut rng, &[(Kind::Msme, 85), (Kind::Association, 6), (Kind::Cooperative, 6), (Kind::Chamber, 3)]);
        let women_led = rng.gen_bool(0.27);
        let name = match kind {
            Kind::Association if women_led => format!("{place} Women Entrepreneurs Association"),
            Kind::Association => format!("{place} {trade} Association"),
            Kind::Cooperative => format!("{place} {trade} Cooperative"),
            Kind::Chamber => format!("{place} Chamber of Commerce and Industry"),
            Kind::Msme => {
                let suffix = SUFFIXES[rng.gen_range(0..SUFFIXES.len())];
                // "Sylhet Tea Growers" already reads as a firm's name; "Sylhet Knitwear" needs "Ltd".
                if COMPLETE.iter().any(|w| trade.ends_with(w)) {
                    format!("{place} {trade}")
                } else {
                    format!("{place} {trade} {suffix}")
                }
            }
        };
        let size = *pick(&mut rng, &[(SizeClass::Micro, 50), (SizeClass::Small, 34), (SizeClass::Medium, 16)]);
        let range = match size {
            SizeClass::Micro => 1..10,
            SizeClass::Small => 10..50,
            SizeClass::Medium => 50..250,
        };
        let employees = rng.gen_bool(0.7).then(|| rng.gen_range(range));
        let exporter = rng.gen_bool(if sector == "C" || sector == "A" { 0.6 } else { 0.3 });
        let importer = rng.gen_bool(if sector == "G" { 0.8 } else { 0.25 });
        let created = base - Duration::days(rng.gen_range(0..720)) + Duration::minutes(rng.gen_range(0..1440));
        let external_id = format!("STK-{country}-{seq:04}");
        let consent = rng.gen_bool(0.35);
        let (given, family) = (GIVEN[rng.gen_range(0..GIVEN.len())], FAMILY[rng.gen_range(0..FAMILY.len())]);
        let slug = external_id.to_lowercase();
        let phone = format!("+{calling} 555 {:04}", rng.gen_range(100..9999));
        let consent_at = (created - Duration::days(rng.gen_range(0..60))).date_naive();
        let purpose = PURPOSES[rng.gen_range(0..PURPOSES.len())];
        let linked = (country == "BGD" && seq == 1).then_some(account).flatten();
        rows.push(stakeholders::ActiveModel {
            id: Set(Uuid::from_u128(0x0190_0000_0000_7000_a000_0000_0000_0000 + n as u128)),
            delegation_id: Set(owner.id),
            external_id: Set(Some(external_id)),
            name: Set(name),
            kind: Set(kind.into()),
            country: Set(country.to_owned()),
            sector: Set(sector.to_owned()),
            size_class: Set(size.into()),
            employees: Set(employees),
            women_led: Set(women_led),
            exporter: Set(exporter),
            importer: Set(importer),
            contact_name: Set(consent.then(|| format!("{given} {family}"))),
            contact_email: Set(
                consent.then(|| format!("{}.{}@{slug}.example.org", given.to_lowercase(), family.to_lowercase()))
            ),
            contact_phone: Set(consent.then_some(phone)),
            consent_purpose: Set(consent.then(|| purpose.to_owned())),
            consent_at: Set(consent.then_some(consent_at)),
            user_id: Set(linked),
            erased_at: Set(None),
            created_by: Set(Some(created_by)),
            version: Set(1),
            created_at: Set(created),
            updated_at: Set(created),
        });
    }
    let txn = AuditedTxn::begin(db).await?;
    for chunk in rows.chunks(200) {
        stakeholders::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    // One transaction: the demo directory is either all there or not at all.
    txn.commit_unaudited(Unaudited::DemoData).await?;
    Ok(())
}

/// The demo `stakeholder` account, created when missing.
async fn demo_account(db: &DatabaseConnection) -> AppResult<Option<Uuid>> {
    let found = users::Entity::find().filter(users::Column::Email.eq(DEMO_STAKEHOLDER_ACCOUNT)).one(db).await?;
    if let Some(u) = found {
        return Ok(Some(u.id));
    }
    let input = UserInput {
        email: DEMO_STAKEHOLDER_ACCOUNT.into(),
        name: "MSME account (Bangladesh demo)".into(),
        password: DEMO_PASSWORD.into(),
        role: "stakeholder".into(),
        delegation_id: None,
    };
    Ok(Some(crate::services::users::create(db, None, input).await?.id))
}
