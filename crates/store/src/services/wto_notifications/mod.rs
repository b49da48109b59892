//! WTO SPS/TBT notifications (issue 11, part 6): imported from ePing exports by the import machinery
//! (`import`), matched to impediments in the import's transaction (`matching`), and listed for every
//! signed-in user (`list`) — with, for each notification, only the matched impediments the caller may
//! read: another delegation's delegation-level impediment is neither listed nor counted.

pub(crate) mod import;
mod list;
pub(crate) mod matching;
mod member;
mod view;

pub use list::{get, list, WtoFilter, WtoSort};
pub use view::{WtoMatchView, WtoNotificationDetail, WtoNotificationView};

/// The stored HS codes (`"0306 1604"`) as a list.
pub(crate) fn hs_list(stored: &str) -> Vec<String> {
    stored.split_whitespace().map(str::to_owned).collect()
}
