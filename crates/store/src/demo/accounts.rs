//! The demo accounts and their watch-lists: what API tests start from, and the first part of
//! `gmc seed --demo`. Idempotent: running it twice changes nothing.

use gmc_domain::ids::UserId;
use gmc_domain::user::UserInput;
use gmc_domain::{Actor, AuthMethod};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::{delegations, users as user_rows, watch_items};
use crate::services::{topics, users, watch};
use crate::AppResult;

pub const DEMO_PASSWORD: &str = "demo-pass-2026";
pub const DEMO_DOMAIN: &str = "@gmc.test";

struct DemoUser {
    email: &'static str,
    name: &'static str,
    role: &'static str,
    country: Option<&'static str>,
}

const DEMO_USERS: &[DemoUser] = &[
    DemoUser { email: "admin@gmc.test", name: "Forum Secretariat", role: "admin", country: None },
    DemoUser { email: "analyst@gmc.test", name: "Technical Assistance Analyst", role: "analyst", country: None },
    DemoUser { email: "delegate.bgd@gmc.test", name: "Bangladesh Delegate", role: "delegate", country: Some("BGD") },
    DemoUser { email: "delegate.npl@gmc.test", name: "Nepal Delegate", role: "delegate", country: Some("NPL") },
];

/// (country, topic code, priority, visibility, note)
const DEMO_WATCH: &[(&str, &str, &str, &str, &str)] = &[
    ("BGD", "FISH", "high", "delegation",
     "Confidential: red line on the LDC transition period for fisheries subsidies disciplines; hold until capital clears it."),
    ("BGD", "LDC-GRAD", "high", "delegation",
     "Confidential: preferred length of smooth-transition support after graduation; garment exporters' figures attached in capital's memo."),
    ("BGD", "TF", "medium", "regional",
     "Shared with the region: single-window delays at Chattogram reported by small exporters."),
    ("NPL", "LDC", "high", "delegation",
     "Confidential: Nepal's asks on post-graduation support for landlocked LDCs."),
    ("NPL", "ECOM-MORA", "medium", "public",
     "Following the moratorium discussion; MSMEs selling handicrafts online rely on low-cost digital trade."),
];

/// The demo accounts and their watch-lists only: what tests start from.
pub async fn seed_accounts(db: &DatabaseConnection) -> AppResult<()> {
    for u in DEMO_USERS {
        let exists = user_rows::Entity::find().filter(user_rows::Column::Email.eq(u.email)).one(db).await?;
        if exists.is_some() {
            continue;
        }
        let delegation_id = match u.country {
            Some(code) => delegation_of(db, code).await?,
            None => None,
        };
        users::create(
            db,
            None,
            UserInput {
                email: u.email.into(),
                name: u.name.into(),
                password: DEMO_PASSWORD.into(),
                role: u.role.into(),
                delegation_id: delegation_id.map(gmc_domain::ids::DelegationId::from_uuid),
            },
        )
        .await?;
    }
    let admin = user_rows::Entity::find().filter(user_rows::Column::Email.eq("admin@gmc.test")).one(db).await?;
    let Some(admin) = admin else { return Ok(()) };
    let actor = Actor {
        user_id: UserId::from_uuid(admin.id),
        role: admin.role.0,
        delegation_id: None,
        method: AuthMethod::Session,
        // The seed runs from the command line, where nobody signs in: the account's own second factor
        // (the demo admin has none) is not what stands between it and the data here.
        mfa: true,
    };
    for (country, topic, priority, visibility, note) in DEMO_WATCH {
        let Some(delegation) = delegation_of(db, country).await? else { continue };
        let topic = topics::get(db, &actor, topic).await?;
        let exists = watch_items::Entity::find()
            .filter(watch_items::Column::DelegationId.eq(delegation))
            .filter(watch_items::Column::TopicId.eq(topic.id))
            .one(db)
            .await?;
        if exists.is_none() {
            watch::create(
                db,
                &actor,
                watch::WatchInput {
                    topic_id: topic.id,
                    delegation_id: Some(delegation),
                    note: Some((*note).into()),
                    priority: Some((*priority).into()),
                    visibility: Some((*visibility).into()),
                },
            )
            .await?;
        }
    }
    Ok(())
}

/// Whether any demo account exists (production refuses to start with them).
pub async fn has_demo_accounts(db: &DatabaseConnection) -> AppResult<bool> {
    let found = user_rows::Entity::find().filter(user_rows::Column::Email.ends_with(DEMO_DOMAIN)).one(db).await?;
    Ok(found.is_some())
}

async fn delegation_of(db: &DatabaseConnection, country: &str) -> AppResult<Option<uuid::Uuid>> {
    Ok(delegations::Entity::find().filter(delegations::Column::CountryCode.eq(country)).one(db).await?.map(|d| d.id))
}
