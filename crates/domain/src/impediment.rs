//! Trade impediments: the value types (HS code, NTM code, severity, partner market, currency) and
//! the workflow `reported → under_review → validated → raised → resolved` (or `dismissed`), with who
//! may take each step.

use crate::actor::{Actor, Role};
use crate::error::FieldProblem;
use crate::ids::DelegationId;
use crate::string_enum;

string_enum!(
    /// Where an impediment stands.
    ImpedimentStatus {
        Reported => "reported",
        UnderReview => "under_review",
        Validated => "validated",
        Raised => "raised",
        Resolved => "resolved",
        Dismissed => "dismissed",
    }
);

string_enum!(Frequency {
    OneOff => "one_off",
    Occasional => "occasional",
    Recurring => "recurring",
    Constant => "constant",
});

string_enum!(
    /// Who brought the impediment to the registry.
    ImpedimentSource {
        Stakeholder => "stakeholder",
        Response => "response",
        Staff => "staff",
    }
);

/// A Harmonized System code of 2, 4 or 6 digits whose chapter is 01–97, except the reserved 77.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HsCode(String);

impl HsCode {
    pub fn parse(value: &str) -> Result<Self, FieldProblem> {
        let v: String = value.trim().chars().filter(|c| *c != '.').collect();
        if !matches!(v.len(), 2 | 4 | 6) || !v.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldProblem::new("invalid_format", "must be 2, 4 or 6 digits (e.g. 0306 or 610910)"));
        }
        let chapter: u8 = v[..2].parse().unwrap_or(0);
        if !(1..=97).contains(&chapter) || chapter == 77 {
            return Err(FieldProblem::new("invalid_chapter", "chapter must be 01–97 (77 is reserved)"));
        }
        Ok(Self(v))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An NTM code: a MAST chapter letter A–P, optionally with up to three digits of a finer code (`A14`),
/// or a procedural-obstacle group (`PO-ADMIN`). `chapter` is what summaries group by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NtmCode {
    code: String,
    chapter: String,
}

impl NtmCode {
    pub fn parse(value: &str) -> Result<Self, FieldProblem> {
        let v = value.trim().to_ascii_uppercase();
        if let Some(group) = v.strip_prefix("PO-") {
            if !group.is_empty() && group.len() <= 12 && group.bytes().all(|b| b.is_ascii_uppercase()) {
                return Ok(Self { chapter: v.clone(), code: v });
            }
        } else if let Some(first) = v.chars().next() {
            let rest = &v[first.len_utf8()..];
            if ('A'..='P').contains(&first) && rest.len() <= 3 && rest.bytes().all(|b| b.is_ascii_digit()) {
                return Ok(Self { chapter: first.to_string(), code: v });
            }
        }
        Err(FieldProblem::new(
            "invalid_format",
            "must be a MAST chapter A–P with an optional finer code (A, A14, B310) or a procedural code (PO-ADMIN)",
        ))
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn chapter(&self) -> &str {
        &self.chapter
    }
}

/// Markets that are not one country.
pub const PARTNER_GROUPS: &[&str] = &["EU", "ASEAN", "GCC", "EAEU", "MERCOSUR", "SACU", "WORLD"];

/// A partner market: an ISO alpha-3 country code (checked against the countries by the service) or a
/// group from `PARTNER_GROUPS`.
pub fn parse_partner(value: &str) -> Result<String, FieldProblem> {
    let v = value.trim().to_ascii_uppercase();
    let country_shaped = v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase());
    if country_shaped || PARTNER_GROUPS.contains(&v.as_str()) {
        Ok(v)
    } else {
        Err(FieldProblem::new(
            "invalid_format",
            format!("must be an ISO alpha-3 country code or one of {}", PARTNER_GROUPS.join(", ")),
        ))
    }
}

pub fn parse_severity(value: i64) -> Result<i16, FieldProblem> {
    if (1..=5).contains(&value) {
        Ok(value as i16)
    } else {
        Err(FieldProblem::new("out_of_range", "must be between 1 (minor) and 5 (blocks trade)"))
    }
}

/// An ISO 4217 currency code (`USD`, `BDT`).
pub fn parse_currency(value: &str) -> Result<String, FieldProblem> {
    let v = value.trim().to_ascii_uppercase();
    if v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(v)
    } else {
        Err(FieldProblem::new("invalid_format", "must be an ISO 4217 code such as USD"))
    }
}

/// Why a workflow step is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepRefused {
    /// The step does not exist from this status.
    NotAllowed { from: ImpedimentStatus, to: ImpedimentStatus },
    /// The step exists but this actor may not take it.
    NotYours,
}

/// May `actor` move an impediment owned by `owner` from `from` to `to`? Validation is a technical
/// judgement for the project's analysts (and admins); raising and resolving are the delegation's acts
/// in Geneva; triage and dismissal are open to both.
pub fn check_step(
    actor: &Actor,
    owner: DelegationId,
    from: ImpedimentStatus,
    to: ImpedimentStatus,
) -> Result<(), StepRefused> {
    use ImpedimentStatus as S;
    let member = actor.delegation_id == Some(owner) && matches!(actor.role, Role::Delegate | Role::FocalPoint);
    let staff = matches!(actor.role, Role::Analyst | Role::Admin);
    let admin = actor.role == Role::Admin;
    let allowed = match (from, to) {
        (S::Reported, S::UnderReview) => Some(staff || member),
        (S::UnderReview, S::Validated) => Some(staff),
        (S::Validated, S::Raised) => Some(member || admin),
        (S::Raised, S::Resolved) => Some(member || admin),
        (S::Reported | S::UnderReview | S::Validated, S::Dismissed) => Some(staff || member),
        _ => None,
    };
    match allowed {
        None => Err(StepRefused::NotAllowed { from, to }),
        Some(false) => Err(StepRefused::NotYours),
        Some(true) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::AuthMethod;
    use crate::ids::UserId;

    #[test]
    fn hs_codes_are_2_4_or_6_digits_in_chapters_01_to_97_but_not_77() {
        assert_eq!(HsCode::parse("0306").map(|h| h.as_str().to_owned()), Ok("0306".into()));
        assert!(HsCode::parse("6109.10").is_ok());
        assert!(HsCode::parse("030").is_err());
        assert!(HsCode::parse("00").is_err());
        assert!(HsCode::parse("98").is_err());
        assert_eq!(HsCode::parse("7701").map_err(|p| p.code), Err("invalid_chapter"));
        assert!(HsCode::parse("61a9").is_err());
    }

    #[test]
    fn ntm_codes_are_mast_chapters_with_finer_codes_or_procedural_groups() {
        assert_eq!(
            NtmCode::parse("a14").map(|n| (n.code().to_owned(), n.chapter().to_owned())),
            Ok(("A14".into(), "A".into()))
        );
        assert_eq!(NtmCode::parse("PO-ADMIN").map(|n| n.chapter().to_owned()), Ok("PO-ADMIN".into()));
        assert!(NtmCode::parse("Q").is_err());
        assert!(NtmCode::parse("A1234").is_err());
        assert!(NtmCode::parse("PO-").is_err());
    }

    #[test]
    fn partners_are_countries_or_known_groups() {
        assert_eq!(parse_partner("eu"), Ok("EU".into()));
        assert_eq!(parse_partner("ind"), Ok("IND".into()));
        assert!(parse_partner("Europe").is_err());
    }

    fn actor(role: Role, delegation: Option<DelegationId>) -> Actor {
        Actor { user_id: UserId::new(), role, delegation_id: delegation, method: AuthMethod::Session, mfa: true }
    }

    #[test]
    fn only_staff_validate_and_only_the_delegation_raises() {
        use ImpedimentStatus as S;
        let bgd = DelegationId::new();
        let delegate = actor(Role::Delegate, Some(bgd));
        let analyst = actor(Role::Analyst, None);
        let other = actor(Role::Delegate, Some(DelegationId::new()));
        assert_eq!(check_step(&delegate, bgd, S::UnderReview, S::Validated), Err(StepRefused::NotYours));
        assert!(check_step(&analyst, bgd, S::UnderReview, S::Validated).is_ok());
        assert!(check_step(&delegate, bgd, S::Validated, S::Raised).is_ok());
        assert_eq!(check_step(&analyst, bgd, S::Validated, S::Raised), Err(StepRefused::NotYours));
        assert_eq!(check_step(&other, bgd, S::Reported, S::UnderReview), Err(StepRefused::NotYours));
        assert!(matches!(check_step(&analyst, bgd, S::Reported, S::Resolved), Err(StepRefused::NotAllowed { .. })));
        assert!(matches!(check_step(&delegate, bgd, S::Dismissed, S::Reported), Err(StepRefused::NotAllowed { .. })));
    }
}
