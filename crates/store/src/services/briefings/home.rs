//! "Requests waiting on me", for the home page (issue 10 item 6; the home service composes it).
//!
//! - An analyst: the requests assigned to them that are not delivered or declined, then the queue
//!   (requested, nobody's yet) — the work they can pick up.
//! - An admin: the queue, since an unassigned request waits on whoever assigns it.
//! - A delegate or focal point: their delegation's requests answered in the last 14 days (delivered
//!   or declined) — the answer waits on them to be read. There is no read-marker per user yet, so a
//!   fortnight stands for "new"; the notifications slice can narrow this to unread when it lands.
//! - Stakeholders: nothing.

use chrono::{Duration, Utc};
use gmc_domain::briefing::BriefingStatus;
use gmc_domain::policy::{authorize, briefing_scope, BriefingScope, Operation};
use gmc_domain::Actor;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::view::{self, BriefingRequestView};
use crate::entities::briefing_requests;
use crate::AppResult;

/// How long an answered request stays on the requesting delegation's home page.
pub const ANSWERED_SHOWN_DAYS: i64 = 14;

pub async fn waiting_on(db: &DatabaseConnection, actor: &Actor, limit: u64) -> AppResult<Vec<BriefingRequestView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    use briefing_requests::Column as C;
    let queue = || Condition::all().add(C::Status.eq(BriefingStatus::Requested.as_str())).add(C::AssignedTo.is_null());
    let open: Vec<&str> = BriefingStatus::ALL.iter().filter(|s| !s.is_final()).map(|s| s.as_str()).collect();
    let waiting = match briefing_scope(actor) {
        BriefingScope::Analyst(me) => Condition::any()
            .add(Condition::all().add(C::AssignedTo.eq(me.as_uuid())).add(C::Status.is_in(open)))
            .add(queue()),
        BriefingScope::All => queue(),
        BriefingScope::Delegation(_) => Condition::all()
            .add(C::Status.is_in([BriefingStatus::Delivered.as_str(), BriefingStatus::Declined.as_str()]))
            .add(C::UpdatedAt.gte(Utc::now() - Duration::days(ANSWERED_SHOWN_DAYS))),
        BriefingScope::Nothing => return Ok(Vec::new()),
    };
    // `read_condition` as well: what waits on someone is never more than what they may read.
    let rows = briefing_requests::Entity::find()
        .filter(super::read_condition(actor))
        .filter(waiting)
        .order_by_desc(C::UpdatedAt)
        .order_by_desc(C::Id)
        .limit(limit)
        .all(db)
        .await?;
    let mut items = view::views(db, actor, rows).await?;
    // Overdue work first, then by the committed date; the query's order (latest change) breaks ties.
    items.sort_by_key(|v| (!v.overdue, v.due_date.is_none(), v.due_date));
    Ok(items)
}
