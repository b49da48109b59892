//! Demo meetings (issue 10): a season of forum meetings around MC12 (Geneva, June 2022) with minutes
//! and action items for the demo accounts, and meetings still to come — counted from the day the demo
//! is seeded, so there is always something upcoming — with mixed answers and one cancelled. Bangladesh
//! and Nepal take part in most, so both demo delegates have invitations, RSVPs due and action items.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use gmc_domain::meeting::{ActionStatus, MeetingKind, MeetingStatus, Rsvp};
use gmc_domain::Visibility;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{action_items, delegations, meeting_agenda_items, meeting_invitations, meetings, topics, users};
use crate::AppResult;

/// One demo meeting. `day`: a date for past ones, or days from the seeding day for upcoming ones.
struct Demo {
    organiser: &'static str,
    kind: MeetingKind,
    title: &'static str,
    description: &'static str,
    when: When,
    hour: u32,
    minutes_long: i64,
    zone: Tz,
    place: Option<&'static str>,
    url: Option<&'static str>,
    visibility: Visibility,
    /// Invited delegations with their answers.
    invited: &'static [(&'static str, Rsvp)],
    /// Agenda: (title, topic code).
    agenda: &'static [(&'static str, Option<&'static str>)],
    cancelled: bool,
    minutes: Option<&'static str>,
    /// (title, owner e-mail, due in days after the meeting, done?)
    actions: &'static [(&'static str, &'static str, i64, bool)],
}

enum When {
    On(i32, u32, u32),
    InDays(i64),
}

const BGD: &str = "delegate.bgd@gmc.test";
const NPL: &str = "delegate.npl@gmc.test";

const DEMOS: &[Demo] = &[
    Demo {
        organiser: "BGD",
        kind: MeetingKind::ForumMeeting,
        title: "LDC coordination on the fisheries subsidies text",
        description: "Where the draft leaves small-scale and artisanal fishing, and what the LDC Group asks for before MC12.",
        when: When::On(2022, 5, 24),
        hour: 10,
        minutes_long: 120,
        zone: chrono_tz::Europe::Zurich,
        place: Some("CICG, Room 4"),
        url: None,
        visibility: Visibility::Regional,
        invited: &[("NPL", Rsvp::Yes), ("KHM", Rsvp::Yes), ("MMR", Rsvp::Tentative), ("LKA", Rsvp::No)],
        agenda: &[
            ("Special and differential treatment for artisanal fishing", Some("FISH")),
            ("Overcapacity and overfishing: the LDC exemption", Some("FISH-OCOF")),
        ],
        cancelled: false,
        minutes: Some("## Decisions\n\n- The LDC Group asks for a 25-year exemption for small-scale fishing in territorial waters.\n- Bangladesh drafts the intervention; Nepal collects the landlocked members' support.\n\n## Follow-up\n\nCirculate the draft to capitals by 3 June."),
        actions: &[
            ("Draft the LDC intervention on artisanal fishing", BGD, 10, true),
            ("Collect the landlocked LDCs' support for the exemption", NPL, 14, false),
        ],
    },
    Demo {
        organiser: "NPL",
        kind: MeetingKind::TechnicalExchange,
        title: "E-commerce moratorium: what platform fees cost micro-firms",
        description: "Nepal's and Bangladesh's handicraft exporters compare payment and platform fees before the moratorium decision.",
        when: When::On(2022, 6, 2),
        hour: 14,
        minutes_long: 90,
        zone: chrono_tz::Europe::Zurich,
        place: None,
        url: Some("https://meet.example.org/gmc-ecommerce"),
        visibility: Visibility::Delegation,
        invited: &[("BGD", Rsvp::Yes)],
        agenda: &[("Fees against duties: the firms' numbers", Some("ECOM-MORA"))],
        cancelled: false,
        minutes: Some("## Summary\n\nFees, not duties, decide whether an online sale pays. Both delegations support extending the moratorium with a work programme on MSME costs."),
        actions: &[("Share Bangladesh's survey of platform fees", BGD, 21, false)],
    },
    Demo {
        organiser: "BGD",
        kind: MeetingKind::CapitalDialogue,
        title: "Food security declaration: views from Dhaka and Kathmandu",
        description: "Capitals on export restrictions of staple foods and public stockholding.",
        when: When::On(2022, 6, 8),
        hour: 16,
        minutes_long: 60,
        zone: chrono_tz::Asia::Dhaka,
        place: None,
        url: Some("https://meet.example.org/gmc-food"),
        visibility: Visibility::Regional,
        invited: &[("NPL", Rsvp::Yes), ("LKA", Rsvp::Yes)],
        agenda: &[("Export bans by neighbours", Some("AG-EXR")), ("Public stockholding", Some("AG-PSH"))],
        cancelled: false,
        minutes: None,
        actions: &[],
    },
    Demo {
        organiser: "BGD",
        kind: MeetingKind::ForumMeeting,
        title: "MSME work programme: what firms told us",
        description: "The consultation results on testing delays and fees, and the forum's asks for the next ministerial.",
        when: When::InDays(7),
        hour: 10,
        minutes_long: 120,
        zone: chrono_tz::Europe::Zurich,
        place: Some("WTO, Room D"),
        url: Some("https://meet.example.org/gmc-msme"),
        visibility: Visibility::Regional,
        invited: &[("NPL", Rsvp::Pending), ("LKA", Rsvp::Tentative), ("KHM", Rsvp::Yes), ("IDN", Rsvp::Pending)],
        agenda: &[("The consultation results", Some("MSME")), ("Asks for the ministerial", None)],
        cancelled: false,
        minutes: None,
        actions: &[],
    },
    Demo {
        organiser: "NPL",
        kind: MeetingKind::TechnicalExchange,
        title: "Residue testing at EU border posts: Bangladesh and Nepal",
        description: "Testing delays on shrimp and honey consignments, and what to raise in the SPS committee.",
        when: When::InDays(14),
        hour: 15,
        minutes_long: 60,
        zone: chrono_tz::Asia::Kathmandu,
        place: None,
        url: Some("https://meet.example.org/gmc-sps"),
        visibility: Visibility::Delegation,
        invited: &[("BGD", Rsvp::Pending)],
        agenda: &[("Testing delays", Some("SPS"))],
        cancelled: false,
        minutes: None,
        actions: &[],
    },
    Demo {
        organiser: "BGD",
        kind: MeetingKind::CapitalDialogue,
        title: "LDC graduation support: capital views",
        description: "Postponed: the capitals meet after the General Council instead.",
        when: When::InDays(21),
        hour: 9,
        minutes_long: 60,
        zone: chrono_tz::Asia::Dhaka,
        place: None,
        url: Some("https://meet.example.org/gmc-ldc"),
        visibility: Visibility::Regional,
        invited: &[("NPL", Rsvp::No)],
        agenda: &[("Support after graduation", Some("LDC-GRAD"))],
        cancelled: true,
        minutes: None,
        actions: &[],
    },
];

fn start_of(d: &Demo, today: NaiveDate) -> DateTime<Utc> {
    let day = match d.when {
        When::On(y, m, dd) => NaiveDate::from_ymd_opt(y, m, dd).unwrap_or(today),
        When::InDays(n) => today + Duration::days(n),
    };
    let local = day.and_time(NaiveTime::from_hms_opt(d.hour, 0, 0).unwrap_or(NaiveTime::MIN));
    gmc_domain::meeting::instant(local, d.zone).unwrap_or_else(|_| local.and_utc())
}

/// Seeds the demo meetings unless any exist.
pub async fn seed(db: &DatabaseConnection, created_by: Uuid) -> AppResult<()> {
    if meetings::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let delegations = delegations::Entity::find().all(db).await?;
    let delegation = |code: &str| delegations.iter().find(|d| d.country_code == code).map(|d| d.id);
    let topic_rows = topics::Entity::find().all(db).await?;
    let topic = |code: &str| topic_rows.iter().find(|t| t.code == code).map(|t| t.id);
    let people = users::Entity::find().filter(users::Column::Email.is_in([BGD, NPL])).all(db).await?;
    let person = |email: &str| people.iter().find(|u| u.email == email).map(|u| u.id);
    let now = Utc::now();
    let today = now.date_naive();
    let txn = AuditedTxn::begin(db).await?;
    for (n, d) in DEMOS.iter().enumerate() {
        let Some(owner) = delegation(d.organiser) else { continue };
        let id = Uuid::from_u128(0x0190_0000_0000_7000_c000_0000_0000_0000 + n as u128);
        let starts_at = start_of(d, today);
        let past = starts_at < now;
        meetings::Entity::insert(meetings::ActiveModel {
            id: Set(id),
            delegation_id: Set(owner),
            visibility: Set(d.visibility.into()),
            kind: Set(d.kind.into()),
            title: Set(d.title.to_owned()),
            description: Set(d.description.to_owned()),
            starts_at: Set(starts_at),
            ends_at: Set(starts_at + Duration::minutes(d.minutes_long)),
            time_zone: Set(d.zone.name().to_owned()),
            place: Set(d.place.map(str::to_owned)),
            online_url: Set(d.url.map(str::to_owned)),
            status: Set(if d.cancelled { MeetingStatus::Cancelled } else { MeetingStatus::Scheduled }.into()),
            sequence: Set(i32::from(d.cancelled)),
            rsvp_deadline: Set(Some(starts_at - Duration::days(2))),
            minutes: Set(d.minutes.map(str::to_owned)),
            minutes_visibility: Set(d.minutes.map(|_| d.visibility.into())),
            minutes_updated_at: Set(d.minutes.map(|_| starts_at + Duration::days(1))),
            minutes_updated_by: Set(d.minutes.and(person(BGD))),
            created_by: Set(Some(created_by)),
            version: Set(1),
            created_at: Set(if past { starts_at - Duration::days(14) } else { now }),
            updated_at: Set(if past { starts_at - Duration::days(14) } else { now }),
        })
        .exec(&txn)
        .await?;
        for (i, (title, code)) in d.agenda.iter().enumerate() {
            meeting_agenda_items::Entity::insert(meeting_agenda_items::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_c100_0000_0000_0000 + (n * 100 + i) as u128)),
                meeting_id: Set(id),
                position: Set(i32::try_from(i).unwrap_or(0) + 1),
                title: Set((*title).to_owned()),
                topic_id: Set(code.and_then(topic)),
                prep_item_id: Set(None),
            })
            .exec(&txn)
            .await?;
        }
        for (i, (code, answer)) in d.invited.iter().enumerate() {
            let Some(invited) = delegation(code) else { continue };
            let answered = *answer != Rsvp::Pending;
            meeting_invitations::Entity::insert(meeting_invitations::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_c200_0000_0000_0000 + (n * 100 + i) as u128)),
                meeting_id: Set(id),
                delegation_id: Set(Some(invited)),
                user_id: Set(None),
                response: Set((*answer).into()),
                responded_at: Set(answered.then(|| starts_at - Duration::days(5))),
                responded_by: Set(None),
            })
            .exec(&txn)
            .await?;
        }
        for (i, (title, owner_email, due, done)) in d.actions.iter().enumerate() {
            let Some(owner_id) = person(owner_email) else { continue };
            action_items::Entity::insert(action_items::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_c300_0000_0000_0000 + (n * 100 + i) as u128)),
                meeting_id: Set(id),
                title: Set((*title).to_owned()),
                owner_user_id: Set(owner_id),
                due_on: Set((starts_at + Duration::days(*due)).date_naive()),
                status: Set(if *done { ActionStatus::Done } else { ActionStatus::Open }.into()),
                linked_kind: Set(None),
                linked_id: Set(None),
                created_by: Set(Some(created_by)),
                version: Set(1),
                created_at: Set(starts_at + Duration::days(1)),
                updated_at: Set(starts_at + Duration::days(1)),
            })
            .exec(&txn)
            .await?;
        }
    }
    txn.commit_unaudited(Unaudited::DemoData).await?;
    Ok(())
}
