//! Demo briefing requests (issue 10): technical assistance the region's delegations asked for, in every
//! state of the workflow, with their history and comments; some overdue; the demo analyst assigned to
//! most. Dates are relative to the day of seeding, so "overdue" stays true of the same requests.
//!
//! No delivered request of Bangladesh bears on fisheries subsidies: the ministerial journey needs that
//! topic to be a blind spot in Bangladesh's alignment report until it prepares a position.

use chrono::{Duration, Utc};
use gmc_domain::briefing::{BriefingKind, BriefingStatus};
use gmc_domain::watch::Priority;
use gmc_domain::Visibility;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{
    briefing_comments, briefing_deliverables, briefing_request_steps, briefing_request_topics, briefing_requests,
    delegations, documents, topics, users,
};
use gmc_domain::document::DocumentKind;

/// The secretariat's public regional update the demo delivers (and the browser journey attaches): a
/// fixed id, so the journey can name it while document upload is another slice's.
pub const DEMO_DELIVERABLE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_c300_0000_0000_0001);
use crate::AppResult;

/// (country, kind, topics, priority, status, days since asked, due in days from today (accepted
/// onwards), title, question, comments (requester's, analyst's)).
type Request = (
    &'static str,
    BriefingKind,
    &'static [&'static str],
    Priority,
    BriefingStatus,
    i64,
    i64,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const REQUESTS: &[Request] = &[
    ("BGD", BriefingKind::BriefingNote, &["LDC-GRAD"], Priority::High, BriefingStatus::Delivered, 60, -20,
     "Smooth transition after LDC graduation: what support continues",
     "Which LDC-specific support measures continue after November 2026, for how long, and what did MC12 and MC13 add?",
     &["Please include the EU's GSP+ conditions.", "Covered in section 3; the note is attached."]),
    ("BGD", BriefingKind::ResearchStudy, &["ECOM-MORA", "MSME"], Priority::Medium, BriefingStatus::InProgress, 40, -5,
     "E-commerce moratorium: revenue forgone against MSME gains",
     "Estimate the tariff revenue forgone under the moratorium against the costs it saves our small online sellers.",
     &["Can you use our 2025 customs data?", "Yes — requested from NBR; the estimate is delayed until it arrives."]),
    ("BGD", BriefingKind::BriefingNote, &["TF"], Priority::Medium, BriefingStatus::Accepted, 10, 12,
     "Single-window delays at Chattogram in the TFA committee",
     "How have other LDCs raised single-window implementation delays in the Committee on Trade Facilitation?",
     &[]),
    ("BGD", BriefingKind::RegionalUpdate, &["AG-EXR"], Priority::Low, BriefingStatus::Requested, 3, 0,
     "Export restrictions on staples in South Asia since 2022",
     "A regional update on export bans and duties on rice, wheat and onions by South Asian members since MC12.",
     &[]),
    ("BGD", BriefingKind::BriefingNote, &["FISH"], Priority::High, BriefingStatus::Declined, 30, 0,
     "Fisheries subsidies: a second note on overcapacity",
     "Could we have a second note on the overcapacity and overfishing pillar?",
     &["The regional update of November covers it; we declined to avoid duplicating it."]),
    ("NPL", BriefingKind::BriefingNote, &["LDC"], Priority::High, BriefingStatus::InReview, 25, 2,
     "Post-graduation support for landlocked LDCs",
     "What can Nepal ask for at MC14 on post-graduation support, given its landlocked status?",
     &["The capital wants the transit angle covered.", "Added; the draft is in review."]),
    ("NPL", BriefingKind::ResearchStudy, &["ECOM-MORA"], Priority::Medium, BriefingStatus::Accepted, 35, -3,
     "Handicraft exporters and digital trade costs",
     "Survey what platform and payment fees cost Nepali handicraft exporters selling abroad online.",
     &[]),
    ("NPL", BriefingKind::RegionalUpdate, &["MSME"], Priority::Low, BriefingStatus::Requested, 1, 0,
     "MSME work programme: what the region proposed",
     "A regional update on what South and Southeast Asian members proposed in the informal MSME group this year.",
     &[]),
    ("KHM", BriefingKind::BriefingNote, &["AG-PSH"], Priority::Medium, BriefingStatus::Delivered, 70, -30,
     "Public stockholding: where the permanent solution stands",
     "Where do the negotiations on a permanent solution for public stockholding stand before MC14?",
     &[]),
    ("LKA", BriefingKind::BriefingNote, &["FISH-OCOF"], Priority::High, BriefingStatus::InProgress, 20, -2,
     "Catch documentation for small boats",
     "Which members' catch-documentation rules could be met by small boats, and how were exemptions obtained?",
     &[]),
];

/// Seeds the demo briefing requests unless any exist.
pub async fn seed(db: &DatabaseConnection) -> AppResult<()> {
    if briefing_requests::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let delegations = delegations::Entity::find().all(db).await?;
    let topic_ids: Vec<(String, Uuid)> =
        topics::Entity::find().all(db).await?.into_iter().map(|t| (t.code, t.id)).collect();
    let email = |e: &'static str| users::Entity::find().filter(users::Column::Email.eq(e)).one(db);
    let (Some(analyst), admin) = (email("analyst@gmc.test").await?, email("admin@gmc.test").await?) else {
        return Ok(());
    };
    let requesters: Vec<users::Model> =
        users::Entity::find().filter(users::Column::DelegationId.is_not_null()).all(db).await?;
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    if documents::Entity::find_by_id(DEMO_DELIVERABLE).one(&txn).await?.is_none() {
        documents::Entity::insert(documents::ActiveModel {
            id: Set(DEMO_DELIVERABLE),
            kind: Set(DocumentKind::RegionalUpdate.into()),
            title: Set("Regional update: LDC graduation and trade support after MC13".to_owned()),
            summary: Set(
                "What continues for graduating LDCs of South and Southeast Asia, and what to ask for at MC14."
                    .to_owned(),
            ),
            visibility: Set(Visibility::Public.into()),
            delegation_id: Set(None),
            created_by: Set(analyst.id),
            current_version: Set(0),
            version: Set(1),
            created_at: Set(now - Duration::days(30)),
            updated_at: Set(now - Duration::days(30)),
        })
        .exec(&txn)
        .await?;
    }
    let today = now.date_naive();
    for (n, (country, kind, topic_codes, priority, status, asked, due, title, question, comments)) in
        REQUESTS.iter().enumerate()
    {
        let Some(delegation) = delegations.iter().find(|d| d.country_code == *country) else { continue };
        let requester = requesters.iter().find(|u| u.delegation_id == Some(delegation.id)).map(|u| u.id);
        let n = n as u128;
        let id = Uuid::from_u128(0x0190_0000_0000_7000_c000_0000_0000_0000 + n * 16);
        let asked_at = now - Duration::days(*asked);
        // The way here: requested, then (unless declined) each status up to this one, a day or more apart.
        let path: Vec<BriefingStatus> = match status {
            BriefingStatus::Declined => vec![BriefingStatus::Requested, BriefingStatus::Declined],
            s => BriefingStatus::ALL
                .iter()
                .copied()
                .take_while(|x| *x != BriefingStatus::Declined)
                .take_while(|x| x != s)
                .chain([*s])
                .collect(),
        };
        let taken = *status != BriefingStatus::Requested;
        let step_at = |i: usize| asked_at + Duration::days(i as i64 * (*asked / (path.len() as i64 + 1)).max(1) / 2);
        let last = step_at(path.len().saturating_sub(1));
        briefing_requests::Entity::insert(briefing_requests::ActiveModel {
            id: Set(id),
            delegation_id: Set(delegation.id),
            kind: Set((*kind).into()),
            title: Set((*title).to_owned()),
            question: Set((*question).to_owned()),
            priority: Set((*priority).into()),
            wished_date: Set(Some(today + Duration::days(*due + 7))),
            visibility: Set(Visibility::Delegation.into()),
            status: Set((*status).into()),
            assigned_to: Set(taken.then_some(analyst.id)),
            due_date: Set((taken && *status != BriefingStatus::Declined).then(|| today + Duration::days(*due))),
            decline_reason: Set((*status == BriefingStatus::Declined)
                .then(|| "Covered by the regional update of November; see the library.".to_owned())),
            delivered_at: Set((*status == BriefingStatus::Delivered).then_some(last)),
            created_by: Set(requester),
            version: Set(path.len() as i32),
            created_at: Set(asked_at),
            updated_at: Set(last),
        })
        .exec(&txn)
        .await?;
        if *status == BriefingStatus::Delivered {
            briefing_deliverables::Entity::insert(briefing_deliverables::ActiveModel {
                briefing_request_id: Set(id),
                document_id: Set(DEMO_DELIVERABLE),
                created_at: Set(last),
                created_by: Set(Some(analyst.id)),
            })
            .exec(&txn)
            .await?;
        }
        for code in *topic_codes {
            if let Some((_, topic_id)) = topic_ids.iter().find(|(c, _)| c == code) {
                briefing_request_topics::Entity::insert(briefing_request_topics::ActiveModel {
                    briefing_request_id: Set(id),
                    topic_id: Set(*topic_id),
                })
                .exec(&txn)
                .await?;
            }
        }
        for (i, to) in path.iter().enumerate() {
            let from = i.checked_sub(1).and_then(|j| path.get(j)).copied();
            briefing_request_steps::Entity::insert(briefing_request_steps::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_c100_0000_0000_0000 + n * 16 + i as u128)),
                briefing_request_id: Set(id),
                from_status: Set(from.map(Into::into)),
                to_status: Set((*to).into()),
                note: Set(if i == 0 { "requested".to_owned() } else { format!("moved to {to} (demo)") }),
                actor_id: Set(if i == 0 { requester } else { Some(analyst.id) }),
                at: Set(step_at(i)),
            })
            .exec(&txn)
            .await?;
        }
        for (i, body) in comments.iter().enumerate() {
            // The requester asks, the analyst answers (the admin stands in for a delegation without a demo account).
            let author = if i % 2 == 0 { requester.or(admin.as_ref().map(|a| a.id)) } else { Some(analyst.id) };
            briefing_comments::Entity::insert(briefing_comments::ActiveModel {
                id: Set(Uuid::from_u128(0x0190_0000_0000_7000_c200_0000_0000_0000 + n * 16 + i as u128)),
                briefing_request_id: Set(id),
                author_id: Set(author),
                body: Set((*body).to_owned()),
                created_at: Set(asked_at + Duration::hours(6 * (i as i64 + 1))),
            })
            .exec(&txn)
            .await?;
        }
    }
    txn.commit_unaudited(Unaudited::DemoData).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_is_shown_and_bangladesh_has_no_delivered_fisheries_briefing() {
        for s in BriefingStatus::ALL {
            assert!(REQUESTS.iter().any(|r| r.4 == *s), "{s}");
        }
        assert!(!REQUESTS.iter().any(|r| r.0 == "BGD" && r.4 == BriefingStatus::Delivered && r.2.contains(&"FISH")));
        // Overdue: accepted onwards, not final, due in the past.
        assert!(
            REQUESTS.iter().filter(|r| !r.4.is_final() && r.4 != BriefingStatus::Requested && r.6 < 0).count() >= 2
        );
    }
}
