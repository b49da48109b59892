//! The authorization policy, in one place. Services call `authorize` before doing anything and
//! `read_scope` / `can_read` / `can_write` for delegation-owned records; nothing else decides access.

use crate::actor::{Actor, Role, Scope, Visibility};
use crate::ids::{DelegationId, UserId};

/// Every kind of thing a caller can ask the system to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// Countries, delegations, ministerials, topics, NTM categories, sectors.
    ReadReference,
    /// Create, change or delete topics of the catalogue.
    ManageTopics,
    ManageUsers,
    ReadAudit,
    /// Read the caller's own profile.
    ReadSelf,
    /// List API keys (own; admins all, when signed in with a session).
    ListApiKeys,
    /// Revoke an API key (same reach as listing).
    RevokeApiKey,
    /// Create an API key: only with a session, so a key can never mint another key.
    CreateApiKey,
    /// Read delegation-owned records (filtered further by `read_scope`).
    ReadDelegationRecords,
    /// Create, change or delete delegation-owned records (checked further by `can_write`).
    WriteDelegationRecords,
    /// Move an impediment through its workflow: a write, so it needs a write-scoped credential, but
    /// analysts take part (they review and validate); who may take which step is `check_step`'s.
    StepImpediments,
    /// Create or change coalitions and their memberships (admins: membership decides who reads
    /// coalition-owned records, so it is an access decision).
    ManageCoalitions,
    /// Add ministerial conferences to the reference data (admins).
    ManageMinisterials,
    /// Enrol, verify or disable one's own second factor: every role, with a session only (a key must
    /// not change how its owner signs in), and open to an admin who has not passed a second factor yet —
    /// that is how they get one.
    ManageOwnSecondFactor,
    // issue 10: notifications
    /// Mark one's own notifications read, choose what one follows and how one is told: every role, a
    /// write (a key needs `write`), reaching only the caller's own rows.
    ManageOwnNotifications,
    /// Read the e-mail outbox (admins: it holds every user's address and messages).
    ReadEmailOutbox,
    // issue 10: meetings
    /// Answer an invitation to a meeting (for oneself, or one's delegation): every role, since anyone
    /// may be invited; a write, so a read-only key cannot answer for its owner.
    AnswerInvitation,
    /// Create, rotate or revoke one's own calendar feed: every role, with a session only — the feed's
    /// token is a credential, and a key must not mint another credential.
    ManageOwnCalendarFeed,
    // issue 10: briefings
    /// Take part in a briefing request's work — steps, comments, deliverables: a write (it needs a
    /// write-scoped credential) open to analysts, who do the work; which request and which step is
    /// `briefing_scope`'s and `briefing::check_step`'s.
    WorkBriefings,
    // issue 10: documents
    /// Create or change documents of the library and upload their versions: analysts and admins publish
    /// platform-wide documents, a delegation's delegates and focal points write their own
    /// (`can_write_document` decides which).
    PublishDocuments,
    // issue 11: webhooks
    /// List one's own webhook subscriptions and their delivery logs: every role but stakeholders (an
    /// integration acts for a desk), with the `read` scope.
    ReadWebhooks,
    /// Create, change, delete one's own webhook subscriptions, rotate their secrets and replay
    /// deliveries: the same roles, with the `write` scope.
    ManageWebhooks,
    // issue 11: imports
    /// Load records from a file, read an import's report, and download the templates: who may create
    /// the records may import them (delegates, focal points, admins; a key needs `write`). Each row is
    /// then checked as its kind's create is, delegation included.
    ImportRecords,
    // issue 11: key budgets
    /// Set an API key's request budget (admins: a budget is a share of the server, not the owner's to
    /// raise).
    SetApiKeyBudget,
    // issue 11: wto notifications
    /// Load WTO SPS/TBT notifications from a file (admins and analysts: public WTO data, kept for every
    /// delegation, not a delegation's record; a key needs `write`).
    ImportWtoNotifications,
}

impl Operation {
    /// The API-key scope the operation needs.
    fn scope(self) -> Scope {
        match self {
            Operation::ReadReference
            | Operation::ReadSelf
            | Operation::ReadDelegationRecords
            | Operation::ListApiKeys => Scope::Read,
            Operation::WriteDelegationRecords
            | Operation::StepImpediments
            | Operation::CreateApiKey
            | Operation::RevokeApiKey
            | Operation::ManageOwnSecondFactor
            | Operation::PublishDocuments => Scope::Write,
            // issue 10: notifications
            Operation::ManageOwnNotifications => Scope::Write,
            Operation::ReadEmailOutbox => Scope::Admin,
            // issue 10: meetings
            Operation::AnswerInvitation | Operation::ManageOwnCalendarFeed => Scope::Write,
            // issue 10: briefings
            Operation::WorkBriefings => Scope::Write,
            // issue 11: webhooks
            Operation::ReadWebhooks => Scope::Read,
            Operation::ManageWebhooks => Scope::Write,
            // issue 11: imports
            Operation::ImportRecords => Scope::Write,
            // issue 11: key budgets
            Operation::SetApiKeyBudget => Scope::Admin,
            // issue 11: wto notifications
            Operation::ImportWtoNotifications => Scope::Write,
            Operation::ManageTopics
            | Operation::ManageUsers
            | Operation::ReadAudit
            | Operation::ManageCoalitions
            | Operation::ManageMinisterials => Scope::Admin,
        }
    }

    fn allowed_for(self, role: Role) -> bool {
        match self {
            Operation::ReadReference
            | Operation::ReadSelf
            | Operation::ListApiKeys
            | Operation::RevokeApiKey
            | Operation::CreateApiKey
            | Operation::ReadDelegationRecords
            | Operation::ManageOwnSecondFactor => true,
            // issue 10: notifications
            Operation::ManageOwnNotifications => true,
            Operation::ReadEmailOutbox => role == Role::Admin,
            // issue 11: key budgets
            Operation::SetApiKeyBudget => role == Role::Admin,
            // issue 11: wto notifications
            Operation::ImportWtoNotifications => matches!(role, Role::Admin | Role::Analyst),
            // issue 10: meetings
            Operation::AnswerInvitation | Operation::ManageOwnCalendarFeed => true,
            Operation::ManageTopics
            | Operation::ManageUsers
            | Operation::ReadAudit
            | Operation::ManageCoalitions
            | Operation::ManageMinisterials => role == Role::Admin,
            Operation::WriteDelegationRecords => {
                matches!(role, Role::Admin | Role::Delegate | Role::FocalPoint)
            }
            // issue 11: imports — the roles that may create the records a file holds.
            Operation::ImportRecords => Operation::WriteDelegationRecords.allowed_for(role),
            Operation::StepImpediments | Operation::PublishDocuments => {
                matches!(role, Role::Admin | Role::Analyst | Role::Delegate | Role::FocalPoint)
            }
            // issue 10: briefings
            Operation::WorkBriefings => {
                matches!(role, Role::Admin | Role::Analyst | Role::Delegate | Role::FocalPoint)
            }
            // issue 11: webhooks
            Operation::ReadWebhooks | Operation::ManageWebhooks => role != Role::Stakeholder,
        }
    }

    /// What an admin may do before passing a second factor: see who they are, and get the factor.
    fn open_without_second_factor(self) -> bool {
        matches!(self, Operation::ReadSelf | Operation::ManageOwnSecondFactor)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// The role or the key's scopes do not allow the operation.
    Forbidden,
    /// An admin credential that has not passed a second factor (DESIGN §3: admin accounts need one).
    SecondFactorRequired,
}

/// May this actor attempt the operation at all?
///
/// The admin role counts only with a second factor: an admin session signed in with the password alone
/// (or a key created from one) may read itself and enrol, and nothing else — not the admin operations,
/// and not the reach over every delegation's records that the role gives either. Every other policy
/// function here is asked after `authorize`, so this is the one place the rule lives.
pub fn authorize(actor: &Actor, op: Operation) -> Result<(), Denied> {
    if !op.allowed_for(actor.role) || !actor.has_scope(op.scope()) {
        return Err(Denied::Forbidden);
    }
    if matches!(op, Operation::CreateApiKey | Operation::ManageOwnSecondFactor | Operation::ManageOwnCalendarFeed)
        && actor.is_api_key()
    {
        return Err(Denied::Forbidden);
    }
    if actor.is_admin() && !actor.mfa && !op.open_without_second_factor() {
        return Err(Denied::SecondFactorRequired);
    }
    Ok(())
}

/// Whether the actor reaches every user's API keys: admins with a session only. Through a key, even an
/// admin reaches only their own keys, so a leaked key cannot revoke everyone's integrations.
pub fn reaches_all_api_keys(actor: &Actor) -> bool {
    actor.is_admin() && !actor.is_api_key()
}

/// Which delegation-owned records an actor may read, as a filter the store turns into SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadScope {
    /// Admins: everything.
    All,
    /// Records of `own` delegation at any visibility, plus others' records at the listed visibilities.
    Visible { own: Option<DelegationId>, regional: bool },
}

pub fn read_scope(actor: &Actor) -> ReadScope {
    match actor.role {
        Role::Admin => ReadScope::All,
        Role::Analyst => ReadScope::Visible { own: None, regional: true },
        Role::Delegate | Role::FocalPoint => ReadScope::Visible { own: actor.delegation_id, regional: true },
        Role::Stakeholder => ReadScope::Visible { own: None, regional: false },
    }
}

impl ReadScope {
    /// The visibilities readable on records of other delegations.
    pub fn shared_visibilities(&self) -> Vec<Visibility> {
        match self {
            ReadScope::All => Visibility::ALL.to_vec(),
            ReadScope::Visible { regional: true, .. } => vec![Visibility::Regional, Visibility::Public],
            ReadScope::Visible { regional: false, .. } => vec![Visibility::Public],
        }
    }
}

/// The ownership facts of one record, enough to decide access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ownership {
    pub delegation_id: DelegationId,
    pub visibility: Visibility,
}

pub fn can_read(actor: &Actor, record: Ownership) -> bool {
    can_read_shared(actor, Owner::Delegation(record.delegation_id), record.visibility)
}

/// Writing needs the operation and, for non-admins, membership of the owning delegation.
pub fn can_write(actor: &Actor, owner: DelegationId) -> bool {
    can_write_shared(actor, Owner::Delegation(owner))
}

/// Who owns a record: one delegation, or a coalition (a WTO negotiating group such as the LDC Group),
/// whose member delegations then stand where an owning delegation stands — DESIGN §3: "a
/// coalition-owned record at the confidential level is read by the coalition's member delegations
/// only". The same rule serves both, so a coalition is not a second access model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner<'a> {
    Delegation(DelegationId),
    /// The coalition's member delegations, as the store read them with the record.
    Coalition {
        members: &'a [DelegationId],
    },
}

impl Owner<'_> {
    /// Whether `delegation` owns the record (itself, or as a member of the owning coalition).
    pub fn includes(&self, delegation: Option<DelegationId>) -> bool {
        match (self, delegation) {
            (_, None) => false,
            (Owner::Delegation(owner), Some(d)) => *owner == d,
            (Owner::Coalition { members }, Some(d)) => members.contains(&d),
        }
    }
}

/// Reading a record owned by a delegation or a coalition: owners read it at any visibility, others
/// by its visibility (`read_scope`).
pub fn can_read_shared(actor: &Actor, owner: Owner<'_>, visibility: Visibility) -> bool {
    match read_scope(actor) {
        ReadScope::All => true,
        scope @ ReadScope::Visible { own, .. } => {
            owner.includes(own) || scope.shared_visibilities().contains(&visibility)
        }
    }
}

// issue 10: meetings
/// Who a meeting invites: delegations (all their members) and single users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invitees<'a> {
    pub delegations: &'a [DelegationId],
    pub users: &'a [UserId],
}

impl Invitees<'_> {
    pub fn include(&self, actor: &Actor) -> bool {
        self.users.contains(&actor.user_id) || actor.delegation_id.is_some_and(|d| self.delegations.contains(&d))
    }
}

/// Reading a meeting (or its minutes): as any delegation-owned record, and also by those it invites —
/// a `delegation`-level meeting between Bangladesh and Nepal is read by both, never by a third
/// delegation. The store's SQL form is `meetings::read_condition`.
pub fn can_read_invited(actor: &Actor, record: Ownership, invitees: Invitees<'_>) -> bool {
    can_read(actor, record) || invitees.include(actor)
}

/// Writing one: the operation and, for non-admins, being one of its owners.
pub fn can_write_shared(actor: &Actor, owner: Owner<'_>) -> bool {
    if authorize(actor, Operation::WriteDelegationRecords).is_err() {
        return false;
    }
    actor.is_admin() || owner.includes(actor.delegation_id)
}

/// Who reads an owner's alignment report (issue 9): it says which of the owner's firms' concerns are
/// not yet defended, so it is the owner's working document. Admins read any; analysts, who support
/// every delegation, any delegation's (its figures count only what they may read); a delegation's
/// delegates and focal points their own and their coalitions'. Stakeholder accounts read none.
pub fn reads_alignment(actor: &Actor, owner: Owner<'_>) -> bool {
    if authorize(actor, Operation::ReadDelegationRecords).is_err() {
        return false;
    }
    match (actor.role, owner) {
        (Role::Admin, _) | (Role::Analyst, Owner::Delegation(_)) => true,
        (Role::Delegate | Role::FocalPoint, owner) => owner.includes(actor.delegation_id),
        _ => false,
    }
}

/// Reading a record that may have no owning delegation (a regional consultation run by the
/// secretariat): such a record is read by its visibility alone.
pub fn can_read_owned(actor: &Actor, owner: Option<DelegationId>, visibility: Visibility) -> bool {
    match owner {
        Some(delegation_id) => can_read(actor, Ownership { delegation_id, visibility }),
        None => match read_scope(actor) {
            ReadScope::All => true,
            scope => scope.shared_visibilities().contains(&visibility),
        },
    }
}

/// Writing a record that may have no owning delegation: regional records belong to the secretariat,
/// so only admins write them.
pub fn can_write_owned(actor: &Actor, owner: Option<DelegationId>) -> bool {
    match owner {
        Some(d) => can_write(actor, d),
        None => actor.is_admin() && authorize(actor, Operation::WriteDelegationRecords).is_ok(),
    }
}

// issue 10: documents
/// Writing a document of the library (or adding a version): a platform-wide one (no owner) is published
/// by analysts and admins; a delegation's by its delegates and focal points, and admins. Analysts do not
/// write delegations' documents: they support every delegation, so they own none.
pub fn can_write_document(actor: &Actor, owner: Option<DelegationId>) -> bool {
    if authorize(actor, Operation::PublishDocuments).is_err() {
        return false;
    }
    match owner {
        None => matches!(actor.role, Role::Admin | Role::Analyst),
        Some(d) => {
            actor.is_admin()
                || (matches!(actor.role, Role::Delegate | Role::FocalPoint) && actor.delegation_id == Some(d))
        }
    }
}

/// Whether small-cell suppression is lifted for this actor: admins only (DESIGN §3, issue 3).
pub fn sees_small_cells(actor: &Actor) -> bool {
    actor.is_admin()
}

/// Whether the actor sees a consultation's unfiltered results while it has fewer than k respondents:
/// its owners (admins, and members of the owning delegation; a regional consultation is the
/// secretariat's) — they run the round and read its responses anyway. Anyone else sees only that there
/// are fewer than k, because "Yes 1 — 100 %" of one respondent singles out a firm.
pub fn sees_results_below_k(actor: &Actor, owner: Option<DelegationId>) -> bool {
    sees_small_cells(actor) || (owner.is_some() && actor.delegation_id == owner)
}

/// Whether the actor reads a consultation's responses row by row (each response with its profile,
/// time and free text): its owners only — admins, and the delegates and focal points of the owning
/// delegation (a regional consultation is the secretariat's). Everyone else who may read the
/// consultation gets aggregates that pass the small-cell rule. Analysts are not owners: nothing yet
/// marks a consultation as shared with the project for analysis, so they work from the aggregates.
pub fn reads_response_rows(actor: &Actor, owner: Option<DelegationId>) -> bool {
    if authorize(actor, Operation::ReadDelegationRecords).is_err() {
        return false;
    }
    actor.is_admin()
        || (matches!(actor.role, Role::Delegate | Role::FocalPoint) && owner.is_some() && actor.delegation_id == owner)
}

/// Which stakeholders an actor may read. Stakeholders carry no visibility: they are the delegation's
/// own contacts, so they are narrower than other delegation-owned records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StakeholderScope {
    /// Admins and analysts (who never see contact details, see `can_read_contact`).
    All,
    /// Delegates and focal points: their own delegation's.
    Delegation(DelegationId),
    /// A `stakeholder` account: only the record linked to it.
    LinkedUser(UserId),
    /// A member role without a delegation (not a valid account; reads nothing).
    Nothing,
}

pub fn stakeholder_scope(actor: &Actor) -> StakeholderScope {
    match actor.role {
        Role::Admin | Role::Analyst => StakeholderScope::All,
        Role::Delegate | Role::FocalPoint => {
            actor.delegation_id.map(StakeholderScope::Delegation).unwrap_or(StakeholderScope::Nothing)
        }
        Role::Stakeholder => StakeholderScope::LinkedUser(actor.user_id),
    }
}

pub fn can_read_stakeholder(actor: &Actor, owner: DelegationId, linked_user: Option<UserId>) -> bool {
    match stakeholder_scope(actor) {
        StakeholderScope::All => true,
        StakeholderScope::Delegation(d) => d == owner,
        StakeholderScope::LinkedUser(u) => linked_user == Some(u),
        StakeholderScope::Nothing => false,
    }
}

/// Contact details (personal data): admins and members of the owning delegation, and only with a
/// signed-in session — personal data does not leave through integrations (API keys).
pub fn can_read_contact(actor: &Actor, owner: DelegationId) -> bool {
    if actor.is_api_key() {
        return false;
    }
    actor.is_admin() || (actor.role.needs_delegation() && actor.delegation_id == Some(owner))
}

// issue 10: briefings
/// Which briefing requests an actor may read. A request carries a delegation's question — often about
/// its own defensive interests — so it is narrower than other delegation-owned records: whatever its
/// `visibility`, no other delegation reads it. Analysts see the work: what is assigned to them and the
/// queue (`requested`, nobody's yet), never other analysts' assignments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefingScope {
    /// Admins.
    All,
    /// An analyst: assigned to them, or in the queue.
    Analyst(UserId),
    /// Delegates and focal points: their own delegation's requests.
    Delegation(DelegationId),
    /// Stakeholders, and member roles without a delegation.
    Nothing,
}

pub fn briefing_scope(actor: &Actor) -> BriefingScope {
    match actor.role {
        Role::Admin => BriefingScope::All,
        Role::Analyst => BriefingScope::Analyst(actor.user_id),
        Role::Delegate | Role::FocalPoint => {
            actor.delegation_id.map(BriefingScope::Delegation).unwrap_or(BriefingScope::Nothing)
        }
        Role::Stakeholder => BriefingScope::Nothing,
    }
}

/// The facts of one briefing request that decide who reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BriefingFacts {
    pub delegation_id: DelegationId,
    pub assigned_to: Option<UserId>,
    /// `requested` and unassigned: the analysts' queue.
    pub queued: bool,
}

pub fn can_read_briefing(actor: &Actor, b: BriefingFacts) -> bool {
    match briefing_scope(actor) {
        BriefingScope::All => true,
        BriefingScope::Analyst(me) => b.queued || b.assigned_to == Some(me),
        BriefingScope::Delegation(d) => d == b.delegation_id,
        BriefingScope::Nothing => false,
    }
}

/// Editing a request's own fields (title, question, …) is the requesting delegation's (and admins').
pub fn can_edit_briefing(actor: &Actor, b: BriefingFacts) -> bool {
    can_read_briefing(actor, b) && can_write(actor, b.delegation_id)
}
/// Whether the members of `delegation` read a document owned by `owner` (none: the secretariat's) at
/// `visibility` — what a deliverable must allow before it is attached to the delegation's request, so
/// that delivering never hands over something the requester cannot open.
pub fn delegation_reads_owned(delegation: DelegationId, owner: Option<DelegationId>, visibility: Visibility) -> bool {
    owner == Some(delegation)
        || (ReadScope::Visible { own: Some(delegation), regional: true }).shared_visibilities().contains(&visibility)
}

/// Where a document stands as the deliverable of briefing requests, for the analyst asking: DESIGN §3
/// has analysts see "what they are assigned", so the analyst assigned to a request reads the documents
/// delivered for it — even a `delegation`-level one filed under the requesting delegation, which the
/// library never shows to another analyst — and adds versions to them while the work is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveredFor {
    /// Delivered for no request assigned to this analyst.
    NotAssigned,
    /// Delivered for requests assigned to this analyst; `open` when one of them is still being worked on.
    Assigned { open: bool },
}

/// Reading a library document: by its owner and visibility, or as the assigned analyst's deliverable.
pub fn can_read_document(
    actor: &Actor,
    owner: Option<DelegationId>,
    visibility: Visibility,
    delivered: DeliveredFor,
) -> bool {
    can_read_owned(actor, owner, visibility)
        || (actor.role == Role::Analyst && matches!(delivered, DeliveredFor::Assigned { .. }))
}

/// Changing one (a new version, its fields): `can_write_document`, or the assigned analyst while the
/// request it is delivered for is open.
pub fn can_change_document(actor: &Actor, owner: Option<DelegationId>, delivered: DeliveredFor) -> bool {
    can_write_document(actor, owner)
        || (actor.role == Role::Analyst
            && authorize(actor, Operation::WorkBriefings).is_ok()
            && delivered == DeliveredFor::Assigned { open: true })
}

/// Filing a new document under the requesting delegation, as a request's deliverable: its assigned
/// analyst (or an admin), while the work is open — the only way an analyst writes a delegation's document.
pub fn can_file_deliverable(actor: &Actor, b: BriefingFacts, open: bool) -> bool {
    if authorize(actor, Operation::WorkBriefings).is_err() || !open {
        return false;
    }
    actor.is_admin() || (actor.role == Role::Analyst && b.assigned_to == Some(actor.user_id))
}
// end issue 10: briefings

// issue 11: imports
/// An import's summary and report: the user who ran it, and admins. The report quotes the rejected
/// rows' values' problems, and a file is its uploader's business; anyone else gets a 404.
pub fn can_read_import(actor: &Actor, created_by: UserId) -> bool {
    actor.is_admin() || actor.user_id == created_by
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::AuthMethod;
    use crate::ids::ApiKeyId;

    /// A session that passed the second factor (which only admins need).
    fn actor(role: Role, delegation: Option<DelegationId>) -> Actor {
        Actor { user_id: UserId::new(), role, delegation_id: delegation, method: AuthMethod::Session, mfa: true }
    }

    // issue 10: deliverables filed by the assigned analyst
    #[test]
    fn only_the_assigned_analyst_reads_and_changes_a_confidential_deliverable() {
        let (own, other) = (DelegationId::new(), DelegationId::new());
        let analyst = actor(Role::Analyst, None);
        let owner = Some(own);
        let open = DeliveredFor::Assigned { open: true };
        let closed = DeliveredFor::Assigned { open: false };
        assert!(!can_read_document(&analyst, owner, Visibility::Delegation, DeliveredFor::NotAssigned));
        assert!(can_read_document(&analyst, owner, Visibility::Delegation, closed));
        assert!(!can_change_document(&analyst, owner, DeliveredFor::NotAssigned));
        assert!(!can_change_document(&analyst, owner, closed));
        assert!(can_change_document(&analyst, owner, open));
        // Being told "assigned" gives a delegate nothing: the rule is the analyst's.
        let stranger = actor(Role::Delegate, Some(other));
        assert!(!can_read_document(&stranger, owner, Visibility::Delegation, open));
        assert!(!can_change_document(&stranger, owner, open));
        let facts = BriefingFacts { delegation_id: own, assigned_to: Some(analyst.user_id), queued: false };
        assert!(can_file_deliverable(&analyst, facts, true));
        assert!(!can_file_deliverable(&analyst, facts, false));
        assert!(!can_file_deliverable(&actor(Role::Analyst, None), facts, true));
        assert!(!can_file_deliverable(&actor(Role::Delegate, Some(own)), facts, true));
    }

    // issue 10: documents
    #[test]
    fn platform_documents_are_published_by_analysts_and_admins_and_a_delegations_by_its_members() {
        let (own, other) = (DelegationId::new(), DelegationId::new());
        assert!(can_write_document(&actor(Role::Analyst, None), None));
        assert!(can_write_document(&actor(Role::Admin, None), None));
        assert!(can_write_document(&actor(Role::Admin, None), Some(other)));
        assert!(!can_write_document(&actor(Role::Delegate, Some(own)), None));
        assert!(can_write_document(&actor(Role::Delegate, Some(own)), Some(own)));
        assert!(can_write_document(&actor(Role::FocalPoint, Some(own)), Some(own)));
        assert!(!can_write_document(&actor(Role::Delegate, Some(own)), Some(other)));
        assert!(!can_write_document(&actor(Role::Analyst, None), Some(own)));
        assert!(!can_write_document(&actor(Role::Stakeholder, None), None));
        let mut key = actor(Role::Analyst, None);
        key.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Read] };
        assert!(!can_write_document(&key, None), "a read-only key publishes nothing");
    }

    #[test]
    fn a_delegate_reads_own_private_records_but_not_another_delegations() {
        let bgd = DelegationId::new();
        let npl = DelegationId::new();
        let private_bgd = Ownership { delegation_id: bgd, visibility: Visibility::Delegation };
        assert!(can_read(&actor(Role::Delegate, Some(bgd)), private_bgd));
        assert!(!can_read(&actor(Role::Delegate, Some(npl)), private_bgd));
        assert!(!can_read(&actor(Role::Analyst, None), private_bgd));
        assert!(can_read(&actor(Role::Admin, None), private_bgd));
    }

    #[test]
    fn regional_records_are_hidden_from_stakeholders_but_public_ones_are_not() {
        let bgd = DelegationId::new();
        let s = actor(Role::Stakeholder, None);
        assert!(!can_read(&s, Ownership { delegation_id: bgd, visibility: Visibility::Regional }));
        assert!(can_read(&s, Ownership { delegation_id: bgd, visibility: Visibility::Public }));
    }

    #[test]
    fn only_members_and_admins_write_a_delegations_records() {
        let bgd = DelegationId::new();
        assert!(can_write(&actor(Role::Delegate, Some(bgd)), bgd));
        assert!(can_write(&actor(Role::FocalPoint, Some(bgd)), bgd));
        assert!(!can_write(&actor(Role::Delegate, Some(DelegationId::new())), bgd));
        assert!(!can_write(&actor(Role::Analyst, None), bgd));
        assert!(can_write(&actor(Role::Admin, None), bgd));
    }

    #[test]
    fn a_coalitions_confidential_record_is_read_and_written_by_its_members_only() {
        let npl = DelegationId::new();
        let khm = DelegationId::new();
        let bgd = DelegationId::new();
        let members = [npl, khm];
        let owner = Owner::Coalition { members: &members };
        assert!(can_read_shared(&actor(Role::Delegate, Some(khm)), owner, Visibility::Delegation));
        assert!(can_read_shared(&actor(Role::FocalPoint, Some(npl)), owner, Visibility::Delegation));
        assert!(!can_read_shared(&actor(Role::Delegate, Some(bgd)), owner, Visibility::Delegation));
        assert!(!can_read_shared(&actor(Role::Analyst, None), owner, Visibility::Delegation));
        assert!(can_read_shared(&actor(Role::Delegate, Some(bgd)), owner, Visibility::Regional));
        assert!(can_write_shared(&actor(Role::Delegate, Some(khm)), owner));
        assert!(!can_write_shared(&actor(Role::Delegate, Some(bgd)), owner));
        assert!(!can_write_shared(&actor(Role::Analyst, None), owner));
        assert!(can_write_shared(&actor(Role::Admin, None), owner));
        // A coalition with no members on the platform is nobody's but the admins'.
        let empty = Owner::Coalition { members: &[] };
        assert!(!can_read_shared(&actor(Role::Delegate, Some(bgd)), empty, Visibility::Delegation));
    }

    #[test]
    fn only_admins_manage_coalitions_because_membership_decides_access() {
        assert!(authorize(&actor(Role::Admin, None), Operation::ManageCoalitions).is_ok());
        assert!(authorize(&actor(Role::Delegate, Some(DelegationId::new())), Operation::ManageCoalitions).is_err());
        assert!(authorize(&actor(Role::Analyst, None), Operation::ManageCoalitions).is_err());
        assert!(authorize(&actor(Role::Delegate, None), Operation::ManageMinisterials).is_err());
        assert!(authorize(&actor(Role::Admin, None), Operation::ManageMinisterials).is_ok());
    }

    #[test]
    fn stepping_an_impediment_is_a_write_that_a_read_key_cannot_do() {
        let key = |role, scopes: Vec<Scope>| Actor {
            user_id: UserId::new(),
            role,
            delegation_id: None,
            method: AuthMethod::ApiKey { id: ApiKeyId::new(), scopes },
            mfa: true,
        };
        for role in [Role::Admin, Role::Analyst, Role::Delegate, Role::FocalPoint] {
            assert!(authorize(&actor(role, None), Operation::StepImpediments).is_ok(), "{role:?}");
            assert!(authorize(&key(role, vec![Scope::Read]), Operation::StepImpediments).is_err(), "{role:?}");
            assert!(authorize(&key(role, vec![Scope::Read, Scope::Write]), Operation::StepImpediments).is_ok());
        }
        assert!(authorize(&actor(Role::Stakeholder, None), Operation::StepImpediments).is_err());
    }

    #[test]
    fn only_a_consultations_owners_read_its_responses_row_by_row() {
        let bgd = DelegationId::new();
        assert!(reads_response_rows(&actor(Role::Delegate, Some(bgd)), Some(bgd)));
        assert!(reads_response_rows(&actor(Role::FocalPoint, Some(bgd)), Some(bgd)));
        assert!(reads_response_rows(&actor(Role::Admin, None), Some(bgd)));
        assert!(reads_response_rows(&actor(Role::Admin, None), None));
        assert!(!reads_response_rows(&actor(Role::Delegate, Some(DelegationId::new())), Some(bgd)));
        assert!(!reads_response_rows(&actor(Role::Delegate, Some(bgd)), None));
        assert!(!reads_response_rows(&actor(Role::Analyst, None), Some(bgd)));
        assert!(!reads_response_rows(&actor(Role::Stakeholder, None), Some(bgd)));
    }

    #[test]
    fn only_owners_see_a_consultations_whole_results_below_k() {
        let bgd = DelegationId::new();
        assert!(sees_results_below_k(&actor(Role::Delegate, Some(bgd)), Some(bgd)));
        assert!(sees_results_below_k(&actor(Role::FocalPoint, Some(bgd)), Some(bgd)));
        assert!(sees_results_below_k(&actor(Role::Admin, None), Some(bgd)));
        assert!(sees_results_below_k(&actor(Role::Admin, None), None));
        assert!(!sees_results_below_k(&actor(Role::Delegate, Some(DelegationId::new())), Some(bgd)));
        assert!(!sees_results_below_k(&actor(Role::Analyst, None), Some(bgd)));
        assert!(!sees_results_below_k(&actor(Role::Stakeholder, None), Some(bgd)));
        // A regional round belongs to the secretariat: no delegation owns it, none sees it below k.
        assert!(!sees_results_below_k(&actor(Role::Delegate, Some(bgd)), None));
        assert!(!sees_results_below_k(&actor(Role::Analyst, None), None));
    }

    #[test]
    fn regional_records_are_read_by_visibility_and_written_by_admins_only() {
        let bgd = DelegationId::new();
        let delegate = actor(Role::Delegate, Some(bgd));
        assert!(can_read_owned(&delegate, None, Visibility::Regional));
        assert!(!can_read_owned(&actor(Role::Stakeholder, None), None, Visibility::Regional));
        assert!(!can_write_owned(&delegate, None));
        assert!(can_write_owned(&delegate, Some(bgd)));
        assert!(can_write_owned(&actor(Role::Admin, None), None));
        assert!(!can_write_owned(&actor(Role::Analyst, None), None));
    }

    #[test]
    fn api_key_scopes_narrow_what_the_role_allows() {
        let mut a = actor(Role::Admin, None);
        a.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Read] };
        assert!(authorize(&a, Operation::ReadReference).is_ok());
        assert_eq!(authorize(&a, Operation::ManageUsers), Err(Denied::Forbidden));
        assert!(!can_write(&a, DelegationId::new()));
    }

    #[test]
    fn a_read_key_lists_but_cannot_revoke_keys_and_never_reaches_others_keys() {
        let mut a = actor(Role::Admin, None);
        assert!(reaches_all_api_keys(&a));
        a.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Read] };
        assert!(authorize(&a, Operation::ListApiKeys).is_ok());
        assert_eq!(authorize(&a, Operation::RevokeApiKey), Err(Denied::Forbidden));
        assert!(!reaches_all_api_keys(&a));
    }

    #[test]
    fn an_api_key_cannot_create_another_api_key() {
        let mut a = actor(Role::Delegate, Some(DelegationId::new()));
        a.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Read, Scope::Write, Scope::Admin] };
        assert_eq!(authorize(&a, Operation::CreateApiKey), Err(Denied::Forbidden));
    }

    #[test]
    fn a_key_never_exceeds_its_owners_role() {
        let mut a = actor(Role::Delegate, Some(DelegationId::new()));
        a.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Admin] };
        assert_eq!(authorize(&a, Operation::ManageUsers), Err(Denied::Forbidden));
    }

    #[test]
    fn analysts_read_every_stakeholder_but_only_admins_and_members_read_contacts() {
        let bgd = DelegationId::new();
        let analyst = actor(Role::Analyst, None);
        assert!(can_read_stakeholder(&analyst, bgd, None));
        assert!(!can_read_contact(&analyst, bgd));
        let member = actor(Role::FocalPoint, Some(bgd));
        assert!(can_read_contact(&member, bgd));
        assert!(!can_read_stakeholder(&actor(Role::Delegate, Some(DelegationId::new())), bgd, None));
        let mut keyed = actor(Role::Admin, None);
        keyed.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Read] };
        assert!(!can_read_contact(&keyed, bgd), "personal data does not leave through API keys");
    }

    #[test]
    fn a_stakeholder_account_reads_only_its_linked_record() {
        let s = actor(Role::Stakeholder, None);
        assert!(can_read_stakeholder(&s, DelegationId::new(), Some(s.user_id)));
        assert!(!can_read_stakeholder(&s, DelegationId::new(), Some(UserId::new())));
        assert!(!can_read_stakeholder(&s, DelegationId::new(), None));
    }

    const EVERY_OPERATION: [Operation; 12] = [
        Operation::ReadReference,
        Operation::ManageTopics,
        Operation::ManageUsers,
        Operation::ReadAudit,
        Operation::ReadSelf,
        Operation::ListApiKeys,
        Operation::RevokeApiKey,
        Operation::CreateApiKey,
        Operation::ReadDelegationRecords,
        Operation::WriteDelegationRecords,
        Operation::StepImpediments,
        Operation::ManageOwnSecondFactor,
    ];

    #[test]
    fn an_admin_without_a_second_factor_may_only_read_itself_and_enrol() {
        let mut admin = actor(Role::Admin, None);
        admin.mfa = false;
        for op in EVERY_OPERATION {
            let expected = match op {
                Operation::ReadSelf | Operation::ManageOwnSecondFactor => Ok(()),
                _ => Err(Denied::SecondFactorRequired),
            };
            assert_eq!(authorize(&admin, op), expected, "{op:?}");
        }
        admin.mfa = true;
        for op in EVERY_OPERATION {
            assert_eq!(authorize(&admin, op), Ok(()), "{op:?}");
        }
    }

    #[test]
    fn other_roles_need_no_second_factor() {
        let bgd = DelegationId::new();
        for role in [Role::Analyst, Role::Delegate, Role::FocalPoint, Role::Stakeholder] {
            let mut a = actor(role, role.needs_delegation().then_some(bgd));
            a.mfa = false;
            assert!(authorize(&a, Operation::ReadDelegationRecords).is_ok(), "{role:?}");
            assert!(authorize(&a, Operation::ManageOwnSecondFactor).is_ok(), "{role:?}");
        }
    }

    #[test]
    fn an_admin_key_acts_as_admin_only_when_made_from_a_second_factor_session() {
        let mut key = actor(Role::Admin, None);
        key.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Read, Scope::Admin] };
        assert!(authorize(&key, Operation::ManageUsers).is_ok());
        key.mfa = false;
        assert_eq!(authorize(&key, Operation::ManageUsers), Err(Denied::SecondFactorRequired));
        assert_eq!(authorize(&key, Operation::ReadDelegationRecords), Err(Denied::SecondFactorRequired));
    }

    #[test]
    fn a_key_never_changes_its_owners_second_factor() {
        let mut key = actor(Role::Delegate, Some(DelegationId::new()));
        key.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Read, Scope::Write] };
        assert_eq!(authorize(&key, Operation::ManageOwnSecondFactor), Err(Denied::Forbidden));
    }

    // issue 10: meetings
    #[test]
    fn an_invited_delegation_reads_a_confidential_meeting_and_a_third_does_not() {
        let (bgd, npl, khm) = (DelegationId::new(), DelegationId::new(), DelegationId::new());
        let meeting = Ownership { delegation_id: bgd, visibility: Visibility::Delegation };
        let invited = [npl];
        let invitees = Invitees { delegations: &invited, users: &[] };
        assert!(can_read_invited(&actor(Role::Delegate, Some(bgd)), meeting, invitees));
        assert!(can_read_invited(&actor(Role::Delegate, Some(npl)), meeting, invitees));
        assert!(!can_read_invited(&actor(Role::Delegate, Some(khm)), meeting, invitees));
        let analyst = actor(Role::Analyst, None);
        assert!(!can_read_invited(&analyst, meeting, invitees));
        let users = [analyst.user_id];
        assert!(can_read_invited(&analyst, meeting, Invitees { delegations: &[], users: &users }));
    }

    // issue 10: briefings
    #[test]
    fn a_briefing_request_is_read_by_its_delegation_its_analyst_and_the_queue_only() {
        let bgd = DelegationId::new();
        let analyst = actor(Role::Analyst, None);
        let other_analyst = actor(Role::Analyst, None);
        let assigned = BriefingFacts { delegation_id: bgd, assigned_to: Some(analyst.user_id), queued: false };
        let queued = BriefingFacts { delegation_id: bgd, assigned_to: None, queued: true };
        assert!(can_read_briefing(&actor(Role::Delegate, Some(bgd)), assigned));
        assert!(can_read_briefing(&actor(Role::FocalPoint, Some(bgd)), queued));
        assert!(!can_read_briefing(&actor(Role::Delegate, Some(DelegationId::new())), queued));
        assert!(!can_read_briefing(&actor(Role::Delegate, None), queued));
        assert!(can_read_briefing(&analyst, assigned));
        assert!(!can_read_briefing(&other_analyst, assigned));
        assert!(can_read_briefing(&other_analyst, queued));
        assert!(!can_read_briefing(&actor(Role::Stakeholder, None), queued));
        assert!(can_read_briefing(&actor(Role::Admin, None), assigned));
        assert!(can_edit_briefing(&actor(Role::Delegate, Some(bgd)), queued));
        assert!(!can_edit_briefing(&analyst, assigned));
    }

    #[test]
    fn working_on_briefings_needs_a_write_credential() {
        let mut key = actor(Role::Analyst, None);
        key.method = AuthMethod::ApiKey { id: ApiKeyId::new(), scopes: vec![Scope::Read] };
        assert_eq!(authorize(&key, Operation::WorkBriefings), Err(Denied::Forbidden));
        assert!(authorize(&actor(Role::Analyst, None), Operation::WorkBriefings).is_ok());
        assert!(authorize(&actor(Role::Stakeholder, None), Operation::WorkBriefings).is_err());
    }

    #[test]
    fn a_deliverable_must_be_readable_by_the_requesting_delegation() {
        let bgd = DelegationId::new();
        assert!(delegation_reads_owned(bgd, Some(bgd), Visibility::Delegation));
        assert!(delegation_reads_owned(bgd, None, Visibility::Regional));
        assert!(delegation_reads_owned(bgd, Some(DelegationId::new()), Visibility::Public));
        assert!(!delegation_reads_owned(bgd, None, Visibility::Delegation));
        assert!(!delegation_reads_owned(bgd, Some(DelegationId::new()), Visibility::Delegation));
    }
}
