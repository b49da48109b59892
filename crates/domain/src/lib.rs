//! The business vocabulary of Geneva–MSME Connection: value types that cannot hold invalid states,
//! the rules that apply to them, and the authorization policy. No web or database framework here.

pub mod actor;
// issue 10: briefings
pub mod briefing;
pub mod consultation;
pub mod disclosure;
// issue 10: documents
pub mod document;
pub mod error;
pub mod ids;
pub mod impediment;
// issue 11: imports
pub mod import;
pub mod macros;
// issue 10: meetings
pub mod meeting;
pub mod ministerial;
// issue 10: notifications
pub mod notification;
pub mod page;
pub mod patch;
pub mod policy;
pub mod prep;
pub mod reference;
pub mod stakeholder;
pub mod topic;
pub mod user;
pub mod watch;
// issue 11: jobs and webhooks
pub mod webhook;
// issue 11: wto notifications
pub mod wto;

pub use actor::{Actor, AuthMethod, Role, Scope, Visibility};
pub use error::{FieldError, ValidationErrors};

#[cfg(test)]
mod tests {
    use crate::reference::{NtmKind, Region, TopicKind, TopicStatus, WtoStatus};
    use crate::watch::Priority;
    use crate::{Role, Scope, Visibility};

    fn same_spelling<T: serde::Serialize + Copy>(all: &[T], as_str: impl Fn(T) -> &'static str) {
        for v in all {
            assert_eq!(serde_json::to_value(v).ok(), Some(serde_json::Value::from(as_str(*v))));
        }
    }

    #[test]
    fn every_enum_serializes_as_its_stored_spelling() {
        same_spelling(Role::ALL, Role::as_str);
        same_spelling(Visibility::ALL, Visibility::as_str);
        same_spelling(Scope::ALL, Scope::as_str);
        same_spelling(Region::ALL, Region::as_str);
        same_spelling(WtoStatus::ALL, WtoStatus::as_str);
        same_spelling(TopicKind::ALL, TopicKind::as_str);
        same_spelling(TopicStatus::ALL, TopicStatus::as_str);
        same_spelling(NtmKind::ALL, NtmKind::as_str);
        same_spelling(Priority::ALL, Priority::as_str);
        use crate::consultation::{Channel, ConsultationStatus, PublicState, QuestionKind};
        same_spelling(ConsultationStatus::ALL, ConsultationStatus::as_str);
        same_spelling(QuestionKind::ALL, QuestionKind::as_str);
        same_spelling(Channel::ALL, Channel::as_str);
        same_spelling(PublicState::ALL, PublicState::as_str);
        use crate::prep::{EvidenceKind, Interest, PrepKind, PrepStatus};
        same_spelling(PrepKind::ALL, PrepKind::as_str);
        same_spelling(Interest::ALL, Interest::as_str);
        same_spelling(PrepStatus::ALL, PrepStatus::as_str);
        same_spelling(EvidenceKind::ALL, EvidenceKind::as_str);
        // issue 10: notifications
        use crate::notification::{EmailStatus, FollowKind, NotificationKind};
        same_spelling(NotificationKind::ALL, NotificationKind::as_str);
        same_spelling(FollowKind::ALL, FollowKind::as_str);
        same_spelling(EmailStatus::ALL, EmailStatus::as_str);
        // issue 10: meetings
        use crate::meeting::{ActionLinkKind, ActionStatus, MeetingKind, MeetingStatus, Rsvp};
        same_spelling(MeetingKind::ALL, MeetingKind::as_str);
        same_spelling(MeetingStatus::ALL, MeetingStatus::as_str);
        same_spelling(Rsvp::ALL, Rsvp::as_str);
        same_spelling(ActionStatus::ALL, ActionStatus::as_str);
        same_spelling(ActionLinkKind::ALL, ActionLinkKind::as_str);
        // issue 11: jobs and webhooks
        use crate::webhook::{DeliveryStatus, JobStatus};
        same_spelling(JobStatus::ALL, JobStatus::as_str);
        same_spelling(DeliveryStatus::ALL, DeliveryStatus::as_str);
        // issue 11: imports
        use crate::import::{ImportFormat, ImportKind, ImportMode, ImportStatus, OnError};
        same_spelling(ImportKind::ALL, ImportKind::as_str);
        same_spelling(ImportFormat::ALL, ImportFormat::as_str);
        same_spelling(ImportMode::ALL, ImportMode::as_str);
        same_spelling(OnError::ALL, OnError::as_str);
        same_spelling(ImportStatus::ALL, ImportStatus::as_str);
    }
}
