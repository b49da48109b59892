//! Deterministic demo consultations: a regional one (closed), one for Bangladesh in English and Bengali,
//! one for Nepal in English and Nepali (both open), with about 2,200 synthetic responses whose answers
//! follow plausible distributions; and, for benchmarks, one consultation of 10 questions with any
//! number of responses. The same seed always yields the same data.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use gmc_domain::consultation::{check_answers, Channel, ConsultationStatus, Question};
use gmc_domain::Visibility;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::impediments::pick;

use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{answers, consultations, delegations, responses};
use crate::services::consultations::counts::Profile;
use crate::services::consultations::public::answer_rows;
use crate::services::secrets;
use crate::{AppError, AppResult};

const COUNTRIES: &[(&str, u32)] = &[
    ("BGD", 16),
    ("NPL", 12),
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
    ("BRN", 1),
    ("SGP", 1),
];
const SECTORS: &[(&str, u32)] = &[("C", 38), ("A", 22), ("G", 16), ("I", 6), ("H", 5), ("J", 5), ("M", 4), ("S", 4)];
const SIZES: &[(&str, u32)] = &[("micro", 55), ("small", 32), ("medium", 13)];

fn opt(id: &str, en: &str, local: Option<(&str, &str)>) -> Value {
    let mut label = json!({"en": en});
    if let Some((lang, text)) = local {
        label[lang] = json!(text);
    }
    json!({"id": id, "label": label})
}

/// The shared questionnaire, with the local language's texts (`None` for English only).
fn questionnaire(lang: Option<&str>) -> AppResult<Vec<Question>> {
    // Bengali and Nepali texts, in the order of the English ones below.
    let t = |bn: &'static str, ne: &'static str| -> Option<(&'static str, &'static str)> {
        match lang {
            Some("bn") => Some(("bn", bn)),
            Some("ne") => Some(("ne", ne)),
            _ => None,
        }
    };
    let text = |en: &str, local: Option<(&str, &str)>| {
        let mut v = json!({"en": en});
        if let Some((l, s)) = local {
            v[l] = json!(s);
        }
        v
    };
    let q = json!([
        {"code": "exports", "kind": "single_choice", "required": true,
         "prompt": text("Does your business sell abroad?", t("আপনার ব্যবসা কি বিদেশে বিক্রি করে?", "के तपाईंको व्यवसायले विदेशमा बिक्री गर्छ?")),
         "options": [opt("regularly", "Yes, regularly", t("হ্যাঁ, নিয়মিত", "हो, नियमित रूपमा")),
                     opt("sometimes", "Sometimes", t("মাঝে মাঝে", "कहिलेकाहीँ")),
                     opt("planning", "Not yet, but planning to", t("এখনও না, তবে পরিকল্পনা করছি", "अहिले छैन, तर योजना छ")),
                     opt("no", "No", t("না", "छैन"))]},
        {"code": "obstacles", "kind": "multi_choice", "required": false,
         "prompt": text("Which obstacles have you faced in the last 12 months?", t("গত ১২ মাসে কোন বাধাগুলোর মুখোমুখি হয়েছেন?", "पछिल्लो १२ महिनामा कुन अवरोधहरू भोग्नुभयो?")),
         "options": [opt("testing", "Product testing or inspection", t("পণ্য পরীক্ষা বা পরিদর্শন", "वस्तु परीक्षण वा निरीक्षण")),
                     opt("certification", "Certification requirements", t("সনদের শর্ত", "प्रमाणीकरणका सर्तहरू")),
                     opt("documents", "Too many documents", t("অতিরিক্ত কাগজপত্র", "धेरै कागजातहरू")),
                     opt("delays", "Delays at the border", t("সীমান্তে দেরি", "सीमामा ढिलाइ")),
                     opt("fees", "Informal or high payments", t("অনানুষ্ঠানিক বা উচ্চ ফি", "अनौपचारिक वा उच्च शुल्क")),
                     opt("information", "Finding out the rules", t("নিয়ম জানতে পারা", "नियमहरू थाहा पाउन"))]},
        {"code": "difficulty", "kind": "scale", "required": true, "min": 1, "max": 5,
         "prompt": text("How hard is it to meet other countries' product rules?", t("অন্য দেশের পণ্য-বিধি মানা কতটা কঠিন?", "अन्य देशका वस्तु नियमहरू पालना गर्न कति गाह्रो छ?")),
         "min_label": text("Easy", t("সহজ", "सजिलो")), "max_label": text("Very hard", t("খুব কঠিন", "धेरै गाह्रो"))},
        {"code": "days_lost", "kind": "number", "required": false, "min": 0, "max": 365,
         "prompt": text("Days lost per shipment, on average", t("প্রতি চালানে গড়ে কত দিন নষ্ট হয়", "प्रति ढुवानी औसत कति दिन खेर जान्छ"))},
        {"code": "priority", "kind": "single_choice", "required": true,
         "prompt": text("What should your delegation in Geneva push for first?", t("জেনেভায় আপনার প্রতিনিধিদলের প্রথমে কী চাওয়া উচিত?", "जेनेभामा तपाईंको प्रतिनिधिमण्डलले पहिले केमा जोड दिनुपर्छ?")),
         "options": [opt("sps", "Fairer food-safety (SPS) checks", t("ন্যায্য খাদ্য-নিরাপত্তা (SPS) পরীক্ষা", "निष्पक्ष खाद्य-सुरक्षा (SPS) जाँच")),
                     opt("facilitation", "Faster border procedures", t("দ্রুত সীমান্ত প্রক্রিয়া", "छिटो सीमा प्रक्रिया")),
                     opt("ecommerce", "Low-cost digital trade", t("কম খরচের ডিজিটাল বাণিজ্য", "कम खर्चिलो डिजिटल व्यापार")),
                     opt("ldc", "Support after LDC graduation", t("এলডিসি উত্তরণের পর সহায়তা", "अति कम विकसित देशबाट स्तरोन्नतिपछि सहयोग")),
                     opt("fisheries", "Fisheries subsidies rules", t("মৎস্য ভর্তুকি বিধি", "माछापालन अनुदान नियम"))]},
        {"code": "story", "kind": "text", "required": false, "max_length": 1000,
         "prompt": text("Describe the most serious obstacle you faced", t("আপনার সবচেয়ে গুরুতর বাধাটি বর্ণনা করুন", "तपाईंले भोगेको सबैभन्दा गम्भीर अवरोध वर्णन गर्नुहोस्"))}
    ]);
    serde_json::from_value(q).map_err(|e| AppError::Internal(e.into()))
}

const STORIES_EN: &[&str] = &[
    "Every shrimp consignment to the EU is re-tested for residues even with a certificate from home.",
    "The importer asked for a private certificate that costs more than the shipment earns.",
    "Our jute bags waited eleven days at the land port for a signature.",
    "We could not find which labelling rule applies to handicrafts sold online.",
    "Officials asked for an unofficial payment to release the perishable cargo.",
    "The laboratory that can test our tea is only in the capital and takes three weeks.",
];
const STORIES_BN: &[&str] =
    &["ইইউ-তে প্রতিটি চিংড়ির চালান আবার পরীক্ষা করা হয়।", "স্থলবন্দরে একটি স্বাক্ষরের জন্য এগারো দিন অপেক্ষা করতে হয়েছে।"];
const STORIES_NE: &[&str] =
    &["भन्सार नाकामा कागजात जाँचका लागि हप्तौं कुर्नुपर्‍यो।", "हस्तकलाको अनलाइन बिक्रीमा कुन नियम लाग्छ थाहा भएन।"];

/// A plausible answer set: exporters report more obstacles, food and agriculture report testing.
fn answers_for(rng: &mut StdRng, sector: &str, lang: &str) -> Map<String, Value> {
    let mut a = Map::new();
    let exports = *pick(rng, &[("regularly", 35), ("sometimes", 30), ("planning", 20), ("no", 15)]);
    a.insert("exports".into(), json!(exports));
    if exports != "no" || rng.gen_bool(0.3) {
        let weights: &[(&str, u32)] = if matches!(sector, "A" | "C") {
            &[
                ("testing", 30),
                ("certification", 25),
                ("documents", 15),
                ("delays", 15),
                ("fees", 8),
                ("information", 7),
            ]
        } else {
            &[
                ("testing", 8),
                ("certification", 12),
                ("documents", 25),
                ("delays", 22),
                ("fees", 13),
                ("information", 20),
            ]
        };
        let mut chosen: Vec<&str> = Vec::new();
        for _ in 0..rng.gen_range(1..=3) {
            let o = *pick(rng, weights);
            if !chosen.contains(&o) {
                chosen.push(o);
            }
        }
        a.insert("obstacles".into(), json!(chosen));
    }
    let difficulty = (rng.gen_range(1..=5) + rng.gen_range(2..=5) + 1) / 2;
    a.insert("difficulty".into(), json!(difficulty.min(5)));
    if exports != "no" && rng.gen_bool(0.8) {
        a.insert("days_lost".into(), json!((rng.gen_range(0.0_f64..1.0).powi(2) * 30.0).round()));
    }
    let priority = *pick(rng, &[("sps", 28), ("facilitation", 26), ("ecommerce", 16), ("ldc", 18), ("fisheries", 12)]);
    a.insert("priority".into(), json!(priority));
    if rng.gen_bool(0.3) {
        let pool = match lang {
            "bn" => STORIES_BN,
            "ne" => STORIES_NE,
            _ => STORIES_EN,
        };
        a.insert("story".into(), json!(pool[rng.gen_range(0..pool.len())]));
    }
    a
}

struct Spec {
    title: &'static str,
    description: &'static str,
    owner: Option<&'static str>,
    lang: Option<&'static str>,
    status: ConsultationStatus,
    responses: usize,
    /// Share of respondents from the owner's country (the rest from across the region).
    home_share: f64,
}

const SPECS: &[Spec] = &[
    Spec {
        title: "Regional survey: MSMEs and non-tariff measures, MC14 follow-up",
        description: "The forum's regional survey of small firms on the obstacles they meet when selling abroad.",
        owner: None,
        lang: None,
        status: ConsultationStatus::Closed,
        responses: 600,
        home_share: 0.0,
    },
    Spec {
        title: "Bangladesh exporters: obstacles abroad, 2026",
        description:
            "Bangladesh's delegation asks small exporters which measures hurt most, ahead of the SPS Committee.",
        owner: Some("BGD"),
        lang: Some("bn"),
        status: ConsultationStatus::Open,
        responses: 900,
        home_share: 0.92,
    },
    Spec {
        title: "Nepal MSMEs: trading after LDC graduation",
        description: "Nepal's delegation hears small firms on border procedures and post-graduation support.",
        owner: Some("NPL"),
        lang: Some("ne"),
        status: ConsultationStatus::Open,
        responses: 700,
        home_share: 0.9,
    },
];

async fn delegation(db: &DatabaseConnection, country: &str) -> AppResult<Option<Uuid>> {
    Ok(delegations::Entity::find().filter(delegations::Column::CountryCode.eq(country)).one(db).await?.map(|d| d.id))
}

/// Seeds the three demo consultations unless they exist.
pub async fn seed(db: &DatabaseConnection, created_by: Uuid) -> AppResult<()> {
    if consultations::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let mut rng = StdRng::seed_from_u64(2027);
    let end = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default().and_time(NaiveTime::MIN).and_utc();
    for spec in SPECS {
        let owner = match spec.owner {
            Some(c) => delegation(db, c).await?,
            None => None,
        };
        let langs: Vec<&str> = std::iter::once("en").chain(spec.lang).collect();
        let questions = questionnaire(spec.lang)?;
        let id = insert_consultation(
            db,
            spec.title,
            spec.description,
            owner,
            &langs,
            &questions,
            spec.status,
            created_by,
            end,
        )
        .await?;
        let mut batch = Vec::with_capacity(spec.responses);
        for i in 0..spec.responses {
            let country = match spec.owner {
                Some(home) if rng.gen_bool(spec.home_share) => home,
                _ => *pick(&mut rng, COUNTRIES),
            };
            let sector = *pick(&mut rng, SECTORS);
            let lang = if spec.lang.is_some() && country == spec.owner.unwrap_or("") && rng.gen_bool(0.6) {
                spec.lang.unwrap_or("en")
            } else {
                "en"
            };
            let at = end - Duration::minutes(rng.gen_range(0..60 * 24 * 45)) - Duration::seconds(i as i64 % 60);
            let profile = Profile {
                country: rng.gen_bool(0.95).then(|| country.to_owned()),
                sector: rng.gen_bool(0.9).then(|| sector.to_owned()),
                size_class: Some((*pick(&mut rng, SIZES)).to_owned()),
                women_led: if rng.gen_bool(0.85) { Some(rng.gen_bool(0.34)) } else { None },
            };
            batch.push((answers_for(&mut rng, sector, lang), profile, lang, at));
        }
        insert_responses(db, id, &questions, batch).await?;
    }
    analyze(db).await
}

#[allow(clippy::too_many_arguments)]
async fn insert_consultation(
    db: &DatabaseConnection,
    title: &str,
    description: &str,
    owner: Option<Uuid>,
    langs: &[&str],
    questions: &[Question],
    status: ConsultationStatus,
    created_by: Uuid,
    at: DateTime<Utc>,
) -> AppResult<Uuid> {
    let id = Uuid::now_v7();
    let visibility = if owner.is_some() { Visibility::Delegation } else { Visibility::Regional };
    let txn = AuditedTxn::begin(db).await?;
    consultations::Entity::insert(consultations::ActiveModel {
        id: Set(id),
        delegation_id: Set(owner),
        visibility: Set(visibility.into()),
        title: Set(title.into()),
        description: Set(description.into()),
        status: Set(status.into()),
        languages: Set(json!(langs).to_string()),
        topic_ids: Set("[]".into()),
        questions: Set(json!(questions).to_string()),
        opens_at: Set(None),
        closes_at: Set(None),
        token: Set(secrets::generate("")),
        created_by: Set(Some(created_by)),
        version: Set(1),
        created_at: Set(at - Duration::days(50)),
        updated_at: Set(at - Duration::days(50)),
        translations: Set("{}".into()),
        feedback: Set(None),
        feedback_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    txn.commit_unaudited(Unaudited::DemoData).await?;
    Ok(id)
}

type Row = (Map<String, Value>, Profile, &'static str, DateTime<Utc>);

/// Inserts responses in batches, each checked against the questionnaire exactly like a submission.
async fn insert_responses(
    db: &DatabaseConnection,
    consultation: Uuid,
    questions: &[Question],
    rows: Vec<Row>,
) -> AppResult<()> {
    let txn = AuditedTxn::begin(db).await?;
    for chunk in rows.chunks(400) {
        let mut resp = Vec::with_capacity(chunk.len());
        let mut ans = Vec::with_capacity(chunk.len() * 8);
        let mut counts = crate::services::consultations::counts::Counts::new();
        let scales = crate::services::consultations::counts::scale_codes(questions);
        for (answers, profile, lang, at) in chunk {
            let checked = check_answers(questions, answers)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("demo answers: {e}")))?;
            let id = Uuid::now_v7();
            resp.push(responses::ActiveModel {
                id: Set(id),
                consultation_id: Set(consultation),
                stakeholder_id: Set(None),
                channel: Set(Channel::Web.into()),
                lang: Set((*lang).into()),
                country: Set(profile.country.clone()),
                sector: Set(profile.sector.clone()),
                size_class: Set(profile.size_class.clone()),
                women_led: Set(profile.women_led),
                external_id: Set(None),
                submitted_at: Set(*at),
            });
            ans.extend(answer_rows(id, consultation, &checked, profile, *at));
            crate::services::consultations::counts::add(&mut counts, consultation, &scales, &checked, profile);
        }
        responses::Entity::insert_many(resp).exec_without_returning(&txn).await?;
        for a in ans.chunks(1000) {
            answers::Entity::insert_many(a.to_vec()).exec_without_returning(&txn).await?;
        }
        crate::services::consultations::counts::upsert(&txn, counts).await?;
    }
    txn.commit_unaudited(Unaudited::DemoData).await?;
    Ok(())
}

async fn analyze(db: &DatabaseConnection) -> AppResult<()> {
    // On PostgreSQL, VACUUM also marks the pages all-visible, which index-only scans need.
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => "VACUUM ANALYZE",
        _ => "ANALYZE",
    };
    db.execute_unprepared(sql).await?;
    // Like the registry's seed: keep SQLite's row counts, drop the value samples that make it re-plan
    // every statement.
    if db.get_database_backend() == sea_orm::DbBackend::Sqlite {
        super::impediments::sqlite_without_stat4(db).await?;
    }
    Ok(())
}

/// The benchmark consultation: 10 questions (choices, scales, numbers, a text) and `n` responses from
/// across the region; regional, open.
/// `owner` and `topics` make it a delegation's consultation whose questions bear on those topics (one each,
/// in turn), for the alignment report's benchmark; the results benchmark uses a regional, untagged one.
pub async fn seed_benchmark(
    db: &DatabaseConnection,
    created_by: Uuid,
    n: usize,
    owner: Option<Uuid>,
    topics: &[Uuid],
) -> AppResult<Uuid> {
    let mut questions = questionnaire(None)?;
    let extra: Vec<Question> = serde_json::from_value(json!([
        {"code": "employees", "kind": "number", "min": 0, "max": 250, "prompt": {"en": "Employees"}},
        {"code": "online", "kind": "single_choice", "prompt": {"en": "Do you sell online?"},
         "options": [{"id": "yes", "label": {"en": "Yes"}}, {"id": "no", "label": {"en": "No"}}]},
        {"code": "finance", "kind": "scale", "min": 1, "max": 5, "prompt": {"en": "Access to trade finance"}},
        {"code": "markets", "kind": "multi_choice", "prompt": {"en": "Main markets"},
         "options": [{"id": "eu", "label": {"en": "EU"}}, {"id": "us", "label": {"en": "USA"}},
                     {"id": "asean", "label": {"en": "ASEAN"}}, {"id": "south_asia", "label": {"en": "South Asia"}}]}
    ]))
    .map_err(|e| AppError::Internal(e.into()))?;
    questions.extend(extra);
    debug_assert_eq!(questions.len(), 10);
    if !topics.is_empty() {
        for (q, topic) in questions.iter_mut().zip(topics.iter().cycle()) {
            q.topic_id = Some(*topic);
        }
    }
    let end = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default().and_time(NaiveTime::MIN).and_utc();
    let id = insert_consultation(
        db,
        "Benchmark: 10 questions",
        "Synthetic load for benchmarks.",
        owner,
        &["en"],
        &questions,
        ConsultationStatus::Open,
        created_by,
        end,
    )
    .await?;
    let mut rng = StdRng::seed_from_u64(2028);
    let mut done = 0;
    while done < n {
        let size = (n - done).min(10_000);
        let mut batch = Vec::with_capacity(size);
        for _ in 0..size {
            let sector = *pick(&mut rng, SECTORS);
            let mut a = answers_for(&mut rng, sector, "en");
            a.insert("story".into(), Value::Null);
            if rng.gen_bool(0.05) {
                a.insert("story".into(), json!(STORIES_EN[rng.gen_range(0..STORIES_EN.len())]));
            }
            a.insert("employees".into(), json!(rng.gen_range(1..250)));
            a.insert("online".into(), json!(if rng.gen_bool(0.4) { "yes" } else { "no" }));
            a.insert("finance".into(), json!(rng.gen_range(1..=5)));
            let markets: Vec<&str> =
                ["eu", "us", "asean", "south_asia"].into_iter().filter(|_| rng.gen_bool(0.4)).collect();
            a.insert("markets".into(), json!(markets));
            let profile = Profile {
                country: Some((*pick(&mut rng, COUNTRIES)).to_owned()),
                sector: Some(sector.to_owned()),
                size_class: Some((*pick(&mut rng, SIZES)).to_owned()),
                women_led: Some(rng.gen_bool(0.34)),
            };
            let at = end - Duration::minutes(rng.gen_range(0..60 * 24 * 45));
            batch.push((a, profile, "en", at));
        }
        insert_responses(db, id, &questions, batch).await?;
        done += size;
    }
    analyze(db).await?;
    Ok(id)
}
