//! The WTO notification list's query and page (the items are the store's `WtoNotificationView`).

use gmc_store::services::wto_notifications::WtoNotificationView;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::routes::{page_of, sort_query};

page_of!(WtoNotificationPage, WtoNotificationView);
sort_query!(
    WtoSortQuery,
    gmc_store::services::wto_notifications::WtoSort,
    "newest distributed first (`-distributed_on`)"
);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WtoQuery {
    /// `sps` or `tbt`.
    pub agreement: Option<String>,
    /// The notifying member's code (`EU`, `USA`).
    pub member: Option<String>,
    /// `true`: only notifications whose comment period is open (deadline today or later); `false`: only
    /// those whose period has closed or which give no deadline.
    pub open: Option<bool>,
    /// An HS prefix (2 to 6 digits): notifications listing a code that starts with it.
    pub hs: Option<String>,
}
