//! Technical assistance on demand (DESIGN §2 "Briefing request"): what a delegation may ask for, the
//! workflow an analyst takes it through, and who may take each step. Who may read a request is
//! `policy::briefing_scope`'s.

use crate::actor::{Actor, Role};
use crate::string_enum;

string_enum!(
    /// What a delegation asks for.
    BriefingKind {
        BriefingNote => "briefing_note",
        RegionalUpdate => "regional_update",
        ResearchStudy => "research_study",
    }
);

string_enum!(
    /// Where a request stands: `requested → accepted → in_progress → in_review → delivered`, or
    /// `declined` from `requested`. `in_review` is the secretariat's own quality review; it may send
    /// the work back to `in_progress`.
    BriefingStatus {
        Requested => "requested",
        Accepted => "accepted",
        InProgress => "in_progress",
        InReview => "in_review",
        Delivered => "delivered",
        Declined => "declined",
    }
);

impl BriefingStatus {
    /// No step leads out of these, and a committed due date no longer makes them overdue.
    pub fn is_final(self) -> bool {
        matches!(self, BriefingStatus::Delivered | BriefingStatus::Declined)
    }

    /// Accepted and not yet delivered: the analyst works on it, and documents are attached to it.
    pub fn is_open_work(self) -> bool {
        matches!(self, BriefingStatus::Accepted | BriefingStatus::InProgress | BriefingStatus::InReview)
    }
}

pub const TITLE_MAX: usize = 200;
pub const QUESTION_MAX: usize = 8000;
pub const NOTE_MAX: usize = 2000;
pub const REASON_MAX: usize = 2000;
pub const COMMENT_MAX: usize = 4000;
/// Topics per request.
pub const TOPICS_MAX: usize = 10;

/// Why a workflow step is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepRefused {
    /// The step does not exist from this status.
    NotAllowed { from: BriefingStatus, to: BriefingStatus },
    /// The step exists but this actor may not take it.
    NotYours,
}

/// The actor's relation to one request, as the store read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Relation {
    /// The request is assigned to the actor.
    pub assignee: bool,
}

/// May `actor` move a request from `from` to `to`?
///
/// The work is the secretariat's: any analyst may take a request from the queue (accept — it is then
/// theirs — or decline); after that only the assigned analyst moves it. Admins take any step (and may
/// assign when accepting). The requesting delegation takes no step: asking is its part, and a delegate
/// accepting its own request would commit an analyst's time on its own say-so.
pub fn check_step(actor: &Actor, rel: Relation, from: BriefingStatus, to: BriefingStatus) -> Result<(), StepRefused> {
    use BriefingStatus as S;
    let admin = actor.role == Role::Admin;
    let analyst = actor.role == Role::Analyst;
    let assignee = analyst && rel.assignee;
    let allowed = match (from, to) {
        (S::Requested, S::Accepted) | (S::Requested, S::Declined) => Some(analyst || admin),
        (S::Accepted, S::InProgress)
        | (S::InProgress, S::InReview)
        | (S::InReview, S::InProgress)
        | (S::InReview, S::Delivered) => Some(assignee || admin),
        _ => None,
    };
    match allowed {
        None => Err(StepRefused::NotAllowed { from, to }),
        Some(false) => Err(StepRefused::NotYours),
        Some(true) => Ok(()),
    }
}

/// The steps open from `from` for this actor, for the SPA's workflow buttons.
pub fn steps_open(actor: &Actor, rel: Relation, from: BriefingStatus) -> Vec<BriefingStatus> {
    BriefingStatus::ALL.iter().copied().filter(|to| check_step(actor, rel, from, *to).is_ok()).collect()
}

/// A committed due date has passed (strictly before `today`) and the request is still open.
pub fn is_overdue(status: BriefingStatus, due: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> bool {
    !status.is_final() && due.is_some_and(|d| d < today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::AuthMethod;
    use crate::ids::{DelegationId, UserId};
    use chrono::NaiveDate;
    use BriefingStatus as S;

    fn actor(role: Role) -> Actor {
        let delegation = role.needs_delegation().then(DelegationId::new);
        Actor { user_id: UserId::new(), role, delegation_id: delegation, method: AuthMethod::Session, mfa: true }
    }

    const MINE: Relation = Relation { assignee: true };
    const NOT_MINE: Relation = Relation { assignee: false };

    #[test]
    fn any_analyst_takes_a_request_from_the_queue_then_only_the_assignee_moves_it() {
        let analyst = actor(Role::Analyst);
        assert!(check_step(&analyst, NOT_MINE, S::Requested, S::Accepted).is_ok());
        assert!(check_step(&analyst, NOT_MINE, S::Requested, S::Declined).is_ok());
        for (from, to) in [
            (S::Accepted, S::InProgress),
            (S::InProgress, S::InReview),
            (S::InReview, S::InProgress),
            (S::InReview, S::Delivered),
        ] {
            assert!(check_step(&analyst, MINE, from, to).is_ok(), "{from} → {to}");
            assert_eq!(check_step(&analyst, NOT_MINE, from, to), Err(StepRefused::NotYours), "{from} → {to}");
            assert!(check_step(&actor(Role::Admin), NOT_MINE, from, to).is_ok(), "{from} → {to}");
        }
    }

    #[test]
    fn the_requesting_side_and_stakeholders_take_no_step() {
        for role in [Role::Delegate, Role::FocalPoint, Role::Stakeholder] {
            let a = actor(role);
            assert_eq!(check_step(&a, NOT_MINE, S::Requested, S::Accepted), Err(StepRefused::NotYours), "{role:?}");
            assert_eq!(check_step(&a, MINE, S::InReview, S::Delivered), Err(StepRefused::NotYours), "{role:?}");
            assert!(steps_open(&a, NOT_MINE, S::Requested).is_empty());
        }
    }

    #[test]
    fn declining_is_only_from_the_queue_and_final_states_stay_final() {
        let admin = actor(Role::Admin);
        assert!(matches!(check_step(&admin, MINE, S::Accepted, S::Declined), Err(StepRefused::NotAllowed { .. })));
        assert!(matches!(check_step(&admin, MINE, S::Requested, S::Delivered), Err(StepRefused::NotAllowed { .. })));
        for from in [S::Delivered, S::Declined] {
            assert!(steps_open(&admin, MINE, from).is_empty(), "{from}");
        }
    }

    #[test]
    fn the_open_steps_are_the_ones_check_step_allows() {
        let analyst = actor(Role::Analyst);
        assert_eq!(steps_open(&analyst, NOT_MINE, S::Requested), vec![S::Accepted, S::Declined]);
        assert_eq!(steps_open(&analyst, MINE, S::InReview), vec![S::InProgress, S::Delivered]);
        assert!(steps_open(&analyst, NOT_MINE, S::InReview).is_empty());
    }

    #[test]
    fn overdue_is_a_passed_due_date_on_an_open_request() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default();
        let yesterday = today.pred_opt().unwrap_or_default();
        assert!(is_overdue(S::InProgress, Some(yesterday), today));
        assert!(!is_overdue(S::InProgress, Some(today), today));
        assert!(!is_overdue(S::Delivered, Some(yesterday), today));
        assert!(!is_overdue(S::Requested, None, today));
    }
}
