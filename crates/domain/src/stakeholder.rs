//! Stakeholders: the MSMEs, associations, chambers and cooperatives a delegation hears. Value types
//! for kind and size class, the employee-count rule, and the shapes of the contact details (personal
//! data, DESIGN §5) together with the rule that they are stored only with consent recorded.

use chrono::NaiveDate;

use crate::error::{FieldProblem, ValidationErrors};
use crate::string_enum;

string_enum!(
    /// What kind of organisation the stakeholder is.
    StakeholderKind {
        Msme => "msme",
        Association => "association",
        Chamber => "chamber",
        Cooperative => "cooperative",
    }
);

string_enum!(
    /// Firm size by headcount: micro < 10, small 10–49, medium 50–249.
    SizeClass {
        Micro => "micro",
        Small => "small",
        Medium => "medium",
    }
);

impl SizeClass {
    /// The employee counts the class covers.
    pub fn employees(self) -> std::ops::RangeInclusive<i64> {
        match self {
            SizeClass::Micro => 0..=9,
            SizeClass::Small => 10..=49,
            SizeClass::Medium => 50..=249,
        }
    }
}

/// The name every erased stakeholder takes.
pub const ERASED_NAME: &str = "Erased stakeholder";

/// An employee count of an MSME (0–249).
pub fn parse_employees(value: i64) -> Result<i32, FieldProblem> {
    if (0..=249).contains(&value) {
        Ok(value as i32)
    } else {
        Err(FieldProblem::new("out_of_range", "must be between 0 and 249 (an MSME)"))
    }
}

/// Whether an employee count fits the size class; the message says which range would.
pub fn check_size(size: SizeClass, employees: i64) -> Result<(), FieldProblem> {
    let range = size.employees();
    if range.contains(&employees) {
        Ok(())
    } else {
        Err(FieldProblem::new("inconsistent", format!("a {size} firm has {}–{} employees", range.start(), range.end())))
    }
}

/// A phone number: an optional leading `+`, then digits, spaces and dashes, with 6–20 digits.
pub fn parse_phone(value: &str) -> Result<String, FieldProblem> {
    let v = value.trim();
    let body = v.strip_prefix('+').unwrap_or(v);
    let shape = !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if shape && (6..=20).contains(&digits) && v.len() <= 40 {
        Ok(v.to_owned())
    } else {
        Err(FieldProblem::new(
            "invalid_phone",
            "must be digits, spaces and dashes with an optional leading +, 6–20 digits",
        ))
    }
}

/// A consent date: a day that has happened (today counts).
pub fn check_consent_date(value: NaiveDate, today: NaiveDate) -> Result<NaiveDate, FieldProblem> {
    if value > today {
        Err(FieldProblem::new("in_the_future", "must not be in the future"))
    } else {
        Ok(value)
    }
}

/// The consent rule: contact details are kept only with a recorded purpose and date. Called on the
/// state a write would leave, so a PATCH cannot drop consent while keeping the details.
pub fn check_consent(e: &mut ValidationErrors, has_contact: bool, has_purpose: bool, has_date: bool) {
    if !has_contact {
        return;
    }
    if !has_purpose {
        e.add("consent_purpose", "required", "contact details are stored only with the purpose consented to");
    }
    if !has_date {
        e.add("consent_at", "required", "contact details are stored only with the date consent was given");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn employee_counts_must_fit_the_size_class() {
        assert!(check_size(SizeClass::Micro, 9).is_ok());
        assert!(check_size(SizeClass::Micro, 10).is_err());
        assert!(check_size(SizeClass::Small, 10).is_ok());
        assert!(check_size(SizeClass::Medium, 49).is_err());
        assert!(check_size(SizeClass::Medium, 249).is_ok());
        assert!(parse_employees(250).is_err());
        assert!(parse_employees(-1).is_err());
    }

    #[test]
    fn phones_are_digits_spaces_and_dashes_with_an_optional_plus() {
        assert!(parse_phone("+880 2-5566 7788").is_ok());
        assert!(parse_phone("12345").is_err());
        assert!(parse_phone("+1 (555) 0100").is_err());
        assert!(parse_phone("call me").is_err());
        assert!(parse_phone("123456789012345678901").is_err());
    }

    #[test]
    fn contacts_without_consent_name_both_missing_fields() {
        let mut e = ValidationErrors::new();
        check_consent(&mut e, true, false, false);
        let fields: Vec<&str> = e.errors().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["consent_purpose", "consent_at"]);
        let mut ok = ValidationErrors::new();
        check_consent(&mut ok, false, false, false);
        assert!(ok.is_empty());
    }
}
