//! Meetings of the forum (issue 10): scheduling with invitations and RSVPs, cancelling (the record
//! stays), minutes (`minutes.rs`), action items (`actions.rs`), the list (`list.rs`), the `.ics` file
//! and per-user calendar feed (`ics.rs`, `feed.rs`), and what the home page asks (`home.rs`).
//!
//! A meeting is a delegation's record read by its visibility, and also by those it invites
//! (`policy::can_read_invited`; `guard::read_condition` for lists and feeds). Only the organising
//! delegation (and admins) change it.

pub mod actions;
pub(crate) mod feed;
pub(crate) mod fields;
pub(crate) mod guard;
pub mod home;
pub mod ics;
mod list;
pub mod minutes;
pub mod participants;
// issue 10: a page of meetings loads what its views name in a fixed number of statements
mod related;
mod rsvp;
pub(crate) mod view;
mod write;

pub use actions::{ActionItemFilter, ActionItemInput, ActionItemPatch, ActionItemSort};
pub use feed::{feed_ics, revoke_feed, rotate_feed, CalendarFeedView, FEED_PREFIX};
pub use fields::{AgendaInput, MeetingInput, MeetingPatch};
pub use ics::meeting_ics;
pub use list::{list, MeetingFilter, MeetingSort};
pub use minutes::{minutes, save_minutes, MinutesInput, MinutesView};
pub use participants::{participants, ParticipantView}; // issue 10: forum SPA
pub use rsvp::{rsvp, RsvpInput};
pub use view::{
    ActionItemView, AgendaItemView, DelegationRef, InvitationView, LocalTimes, MeetingView, PersonRef, ZoneRole,
};
pub use write::{cancel, create, people_to_tell, update};

use gmc_domain::policy::{authorize, Operation};
use gmc_domain::Actor;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::entities::meetings;
use crate::services::access::find_readable;
use crate::AppResult;

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<MeetingView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: meetings::Model = find_readable(db, actor, id).await?;
    view::one(db, actor, row).await
}
