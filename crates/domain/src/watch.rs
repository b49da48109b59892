//! The delegation watch-list: which topics a delegation follows, with its private notes.

use crate::actor::Visibility;
use crate::error::{optional_text, parse_enum, ValidationErrors};
use crate::string_enum;

string_enum!(Priority {
    High => "high",
    Medium => "medium",
    Low => "low",
});

pub const NOTE_MAX: usize = 4000;

/// The checked fields of a watch item, for create and update alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchFields {
    pub note: Option<String>,
    pub priority: Option<Priority>,
    pub visibility: Option<Visibility>,
}

impl WatchFields {
    pub fn parse(
        note: Option<&str>,
        priority: Option<&str>,
        visibility: Option<&str>,
    ) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let fields = WatchFields {
            note: note.and_then(|n| e.check("note", optional_text(n, NOTE_MAX))),
            priority: priority.and_then(|p| e.check("priority", parse_enum(p))),
            visibility: visibility.and_then(|v| e.check("visibility", parse_enum(v))),
        };
        e.finish().map(|_| fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_priority_and_visibility_are_both_reported() {
        let e = WatchFields::parse(Some("ok"), Some("urgent"), Some("secret")).err();
        assert_eq!(e.map(|e| e.errors().len()), Some(2));
    }

    #[test]
    fn notes_longer_than_the_limit_are_refused() {
        let long = "x".repeat(NOTE_MAX + 1);
        assert!(WatchFields::parse(Some(&long), None, None).is_err());
    }
}
