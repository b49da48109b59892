//! Ministerial preparation (DESIGN §2 "Prep item", "Coalition"): the vocabulary of a prep item, its
//! workflow and who may take each step. Who may read or change one is `policy`'s (`Owner`).

use crate::actor::{Actor, Role};
use crate::string_enum;

string_enum!(
    /// What a prep item is.
    PrepKind {
        Position => "position",
        Proposal => "proposal",
        DeclarationText => "declaration_text",
        Decision => "decision",
        CoalitionStatement => "coalition_statement",
    }
);

impl PrepKind {
    /// Proposals and declaration texts carry a Markdown text kept in versions (issue 9).
    pub fn carries_text(self) -> bool {
        matches!(self, PrepKind::Proposal | PrepKind::DeclarationText)
    }
}

string_enum!(
    /// The owner's interest in the subject.
    Interest {
        Offensive => "offensive",
        Defensive => "defensive",
        Neutral => "neutral",
    }
);

string_enum!(
    /// Where a prep item stands: `identified → drafting → capital_review → agreed → tabled →
    /// outcome_recorded`, or `withdrawn` from any open status.
    PrepStatus {
        Identified => "identified",
        Drafting => "drafting",
        CapitalReview => "capital_review",
        Agreed => "agreed",
        Tabled => "tabled",
        OutcomeRecorded => "outcome_recorded",
        Withdrawn => "withdrawn",
    }
);

impl PrepStatus {
    /// No step leads out of these.
    pub fn is_final(self) -> bool {
        matches!(self, PrepStatus::OutcomeRecorded | PrepStatus::Withdrawn)
    }
}

string_enum!(
    /// What an evidence link points at. Documents and meetings join when they exist (issue 10); the
    /// table keeps the kind as a string, so adding one is a new variant and a reader for it.
    EvidenceKind {
        Impediment => "impediment",
        ConsultationQuestion => "consultation_question",
        // issue 10: documents
        Document => "document",
    }
);

pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 4000;
pub const TEXT_MAX: usize = 100_000;
pub const OUTCOME_MAX: usize = 4000;
pub const OUTCOME_BODY_MAX: usize = 200;
pub const NOTE_MAX: usize = 2000;
pub const STEP_NOTE_MAX: usize = 2000;
/// Topics per prep item.
pub const TOPICS_MAX: usize = 10;
pub const COALITION_CODE_MAX: usize = 16;
pub const COALITION_NAME_MAX: usize = 120;

/// Why a workflow step is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepRefused {
    /// The step does not exist from this status.
    NotAllowed { from: PrepStatus, to: PrepStatus },
    /// The step exists but this actor may not take it.
    NotYours,
}

/// May `actor` move a prep item from `from` to `to`? `member` says whether the actor belongs to the
/// owning delegation or to a member delegation of the owning coalition (`policy::Owner::includes`).
///
/// Drafting and tabling are Geneva's work (delegates); the capital signs off (focal points agree or send
/// back); either may start drafting, record the outcome or withdraw. Admins may take any step. Analysts
/// support the work but take no step: a position is the delegation's.
pub fn check_step(actor: &Actor, member: bool, from: PrepStatus, to: PrepStatus) -> Result<(), StepRefused> {
    use PrepStatus as S;
    let admin = actor.role == Role::Admin;
    let delegate = member && actor.role == Role::Delegate;
    let capital = member && actor.role == Role::FocalPoint;
    let allowed = match (from, to) {
        (S::Identified, S::Drafting) => Some(delegate || capital || admin),
        (S::Drafting, S::CapitalReview) => Some(delegate || capital || admin),
        (S::CapitalReview, S::Agreed) | (S::CapitalReview, S::Drafting) => Some(capital || admin),
        (S::Agreed, S::Tabled) => Some(delegate || admin),
        (S::Tabled, S::OutcomeRecorded) => Some(delegate || capital || admin),
        (from, S::Withdrawn) if !from.is_final() => Some(delegate || capital || admin),
        _ => None,
    };
    match allowed {
        None => Err(StepRefused::NotAllowed { from, to }),
        Some(false) => Err(StepRefused::NotYours),
        Some(true) => Ok(()),
    }
}

/// The steps open from `from` for this actor, for the SPA's workflow buttons.
pub fn steps_open(actor: &Actor, member: bool, from: PrepStatus) -> Vec<PrepStatus> {
    PrepStatus::ALL.iter().copied().filter(|to| check_step(actor, member, from, *to).is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::AuthMethod;
    use crate::ids::UserId;

    fn actor(role: Role) -> Actor {
        Actor { user_id: UserId::new(), role, delegation_id: None, method: AuthMethod::Session, mfa: true }
    }

    #[test]
    fn geneva_drafts_and_tables_the_capital_agrees() {
        use PrepStatus as S;
        let delegate = actor(Role::Delegate);
        let capital = actor(Role::FocalPoint);
        assert!(check_step(&delegate, true, S::Identified, S::Drafting).is_ok());
        assert!(check_step(&delegate, true, S::Drafting, S::CapitalReview).is_ok());
        assert_eq!(check_step(&delegate, true, S::CapitalReview, S::Agreed), Err(StepRefused::NotYours));
        assert!(check_step(&capital, true, S::CapitalReview, S::Agreed).is_ok());
        assert!(check_step(&capital, true, S::CapitalReview, S::Drafting).is_ok());
        assert_eq!(check_step(&capital, true, S::Agreed, S::Tabled), Err(StepRefused::NotYours));
        assert!(check_step(&delegate, true, S::Agreed, S::Tabled).is_ok());
        assert!(check_step(&delegate, true, S::Tabled, S::OutcomeRecorded).is_ok());
    }

    #[test]
    fn outsiders_and_analysts_take_no_step_and_final_states_stay_final() {
        use PrepStatus as S;
        assert_eq!(check_step(&actor(Role::Delegate), false, S::Identified, S::Drafting), Err(StepRefused::NotYours));
        assert_eq!(check_step(&actor(Role::Analyst), false, S::Identified, S::Drafting), Err(StepRefused::NotYours));
        assert!(check_step(&actor(Role::Admin), false, S::Identified, S::Drafting).is_ok());
        assert!(matches!(
            check_step(&actor(Role::Admin), false, S::Withdrawn, S::Drafting),
            Err(StepRefused::NotAllowed { .. })
        ));
        assert!(matches!(
            check_step(&actor(Role::Admin), false, S::OutcomeRecorded, S::Withdrawn),
            Err(StepRefused::NotAllowed { .. })
        ));
        assert!(matches!(
            check_step(&actor(Role::Admin), false, S::Identified, S::Tabled),
            Err(StepRefused::NotAllowed { .. })
        ));
    }

    #[test]
    fn the_open_steps_are_the_ones_check_step_allows() {
        let delegate = actor(Role::Delegate);
        assert_eq!(
            steps_open(&delegate, true, PrepStatus::Drafting),
            vec![PrepStatus::CapitalReview, PrepStatus::Withdrawn]
        );
        assert!(steps_open(&delegate, false, PrepStatus::Drafting).is_empty());
    }
}
