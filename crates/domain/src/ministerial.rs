//! Ministerial conferences beyond the seeded MC11–MC14: admins add the next ones, so prep items can
//! belong to a conference the reference data did not know about (DESIGN §2: the platform outlives MC12).

use chrono::NaiveDate;

use crate::error::{optional_text, required_text, FieldProblem, ValidationErrors};

// A ministerial conference as an admin asked to add it: the body of `POST /ministerials` (a plain
// comment: a doc comment would become the schema's description).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateMinisterialRequest))]
pub struct MinisterialInput {
    /// Upper-case letters, digits and hyphens, 2–16 characters, starting with a letter (`MC15`).
    #[cfg_attr(feature = "openapi", schema(example = "MC15"))]
    pub code: String,
    pub name: String,
    pub host_city: String,
    pub host_country: String,
    pub starts_on: NaiveDate,
    /// On or after `starts_on`.
    pub ends_on: NaiveDate,
    #[serde(default)]
    pub note: Option<String>,
}

/// A ministerial conference that is valid to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMinisterial {
    pub code: String,
    pub name: String,
    pub host_city: String,
    pub host_country: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub note: String,
}

fn parse_code(value: &str) -> Result<String, FieldProblem> {
    let v = value.trim();
    let shaped = (2..=16).contains(&v.len())
        && v.starts_with(|c: char| c.is_ascii_uppercase())
        && v.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if shaped {
        Ok(v.to_owned())
    } else {
        Err(FieldProblem::new(
            "invalid_format",
            "must be 2–16 upper-case letters, digits or hyphens, starting with a letter (MC15)",
        ))
    }
}

impl NewMinisterial {
    /// Checks every field and reports every problem at once.
    pub fn parse(input: MinisterialInput) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let code = e.check("code", parse_code(&input.code));
        let name = e.check("name", required_text(&input.name, 200));
        let host_city = e.check("host_city", required_text(&input.host_city, 100));
        let host_country = e.check("host_country", required_text(&input.host_country, 100));
        let note = e.check("note", optional_text(input.note.as_deref().unwrap_or(""), 2000));
        if input.ends_on < input.starts_on {
            e.add("ends_on", "before_start", "must be on or after starts_on");
        }
        e.finish()?;
        match (code, name, host_city, host_country, note) {
            (Some(code), Some(name), Some(host_city), Some(host_country), Some(note)) => Ok(NewMinisterial {
                code,
                name,
                host_city,
                host_country,
                starts_on: input.starts_on,
                ends_on: input.ends_on,
                note,
            }),
            _ => Err(ValidationErrors::single("code", "invalid", "is invalid")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(code: &str, starts: (i32, u32, u32), ends: (i32, u32, u32)) -> MinisterialInput {
        MinisterialInput {
            code: code.into(),
            name: "Fifteenth WTO Ministerial Conference".into(),
            host_city: "Somewhere".into(),
            host_country: "Somewhere".into(),
            starts_on: NaiveDate::from_ymd_opt(starts.0, starts.1, starts.2).unwrap_or_default(),
            ends_on: NaiveDate::from_ymd_opt(ends.0, ends.1, ends.2).unwrap_or_default(),
            note: None,
        }
    }

    #[test]
    fn a_well_formed_conference_parses() {
        assert!(NewMinisterial::parse(input("MC15", (2028, 3, 1), (2028, 3, 4))).is_ok());
    }

    #[test]
    fn a_bad_code_and_an_end_before_the_start_are_both_reported() {
        let e = NewMinisterial::parse(input("mc 15", (2028, 3, 4), (2028, 3, 1))).err();
        let fields: Vec<String> = e.map(|e| e.errors().iter().map(|f| f.field.clone()).collect()).unwrap_or_default();
        assert_eq!(fields, vec!["code".to_owned(), "ends_on".to_owned()]);
    }
}
