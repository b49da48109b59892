//! A WTO notification as the API answers it: the public record, whether its comment period is open,
//! and what of it concerns the caller (matched impediments the caller may read, never others).

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::wto::Agreement;
use serde::Serialize;
use uuid::Uuid;

use crate::entities::wto_notifications;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = WtoNotification))]
pub struct WtoNotificationView {
    pub id: Uuid,
    /// The WTO document symbol, e.g. `G/SPS/N/EU/789`.
    pub symbol: String,
    /// `sps` (matched to MAST chapter A measures) or `tbt` (chapter B), from the symbol.
    pub agreement: Agreement,
    /// ISO alpha-3 code of the notifying member, or `EU`.
    pub notifying_member: String,
    pub distributed_on: NaiveDate,
    /// HS codes (2, 4 or 6 digits) the notification lists.
    pub hs_codes: Vec<String>,
    pub products: String,
    pub objective: String,
    pub title: String,
    /// The final date for comments; `null` when the notification gives none.
    pub comment_deadline: Option<NaiveDate>,
    /// True while comments may be sent: the deadline is today (UTC) or later.
    pub comment_open: bool,
    /// How many of the impediments this notification matches the caller may read.
    pub matches_readable: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One matched impediment, as much as the list of matches needs.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = WtoMatch))]
pub struct WtoMatchView {
    pub impediment_id: Uuid,
    pub delegation_id: Uuid,
    pub title: String,
    pub partner: String,
    pub hs_code: Option<String>,
    pub ntm_code: String,
    pub matched_on: DateTime<Utc>,
}

/// A notification with the impediments it matches that the caller may read.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = WtoNotificationDetail))]
pub struct WtoNotificationDetail {
    #[serde(flatten)]
    pub notification: WtoNotificationView,
    pub matches: Vec<WtoMatchView>,
}

pub(super) fn view(n: wto_notifications::Model, today: NaiveDate, matches_readable: u64) -> WtoNotificationView {
    WtoNotificationView {
        id: n.id,
        hs_codes: super::hs_list(&n.hs_codes),
        comment_open: n.comment_deadline.is_some_and(|d| d >= today),
        symbol: n.symbol,
        agreement: n.agreement.0,
        notifying_member: n.notifying_member,
        distributed_on: n.distributed_on,
        products: n.products,
        objective: n.objective,
        title: n.title,
        comment_deadline: n.comment_deadline,
        matches_readable,
        created_at: n.created_at,
        updated_at: n.updated_at,
    }
}
