//! Reference data value types: country codes, regions, WTO status, topic kinds, NTM kinds.

use crate::error::FieldProblem;
use crate::string_enum;

/// An ISO 3166-1 alpha-3 code, upper case (`BGD`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct CountryCode(String);

impl CountryCode {
    pub fn parse(value: &str) -> Result<Self, FieldProblem> {
        let v = value.trim().to_ascii_uppercase();
        if v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Self(v))
        } else {
            Err(FieldProblem::new("invalid_format", "must be an ISO 3166-1 alpha-3 code such as BGD"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_enum!(Region {
    SouthAsia => "south_asia",
    SoutheastAsia => "southeast_asia",
    Other => "other",
});

string_enum!(WtoStatus {
    Member => "member",
    Observer => "observer",
    Acceding => "acceding",
    None => "none",
});

string_enum!(TopicKind {
    Negotiation => "negotiation",
    RegularBody => "regular_body",
    JointStatementInitiative => "joint_statement_initiative",
    Plurilateral => "plurilateral",
    Other => "other",
});

string_enum!(TopicStatus {
    Active => "active",
    Concluded => "concluded",
    Dormant => "dormant",
});

string_enum!(NtmKind {
    MastChapter => "mast_chapter",
    Procedural => "procedural",
});

/// A stable topic code: 2–24 characters of A–Z, 0–9 and `-`, starting with a letter (`AG-PSH`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct TopicCode(String);

impl TopicCode {
    pub fn parse(value: &str) -> Result<Self, FieldProblem> {
        let v = value.trim().to_ascii_uppercase();
        let shape_ok = (2..=24).contains(&v.len())
            && v.starts_with(|c: char| c.is_ascii_uppercase())
            && v.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if shape_ok {
            Ok(Self(v))
        } else {
            Err(FieldProblem::new(
                "invalid_format",
                "must be 2–24 characters of A–Z, 0–9 and '-', starting with a letter",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Checks that a name is a real IANA time zone (`Asia/Kathmandu`), not an offset.
pub fn parse_time_zone(value: &str) -> Result<chrono_tz::Tz, FieldProblem> {
    value
        .parse::<chrono_tz::Tz>()
        .map_err(|_| FieldProblem::new("invalid_time_zone", "must be an IANA time zone such as Asia/Dhaka"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Timelike};

    #[test]
    fn country_codes_are_three_letters_upper_cased() {
        assert_eq!(CountryCode::parse("bgd").map(|c| c.as_str().to_owned()), Ok("BGD".into()));
        assert!(CountryCode::parse("BD").is_err());
        assert!(CountryCode::parse("B1D").is_err());
    }

    #[test]
    fn topic_codes_reject_bad_shapes() {
        assert!(TopicCode::parse("ag-psh").is_ok());
        assert!(TopicCode::parse("1AG").is_err());
        assert!(TopicCode::parse("A").is_err());
        assert!(TopicCode::parse("AG PSH").is_err());
    }

    #[test]
    fn kathmandu_is_five_forty_five_ahead_of_utc() {
        let tz = parse_time_zone("Asia/Kathmandu").ok();
        let noon_utc = chrono::Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).single();
        let local = tz.zip(noon_utc).map(|(tz, t)| t.with_timezone(&tz));
        assert_eq!(local.map(|l| (l.hour(), l.minute())), Some((17, 45)));
        assert!(parse_time_zone("UTC+5:45").is_err());
    }
}
