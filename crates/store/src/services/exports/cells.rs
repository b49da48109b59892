//! One exported value, and how it is written to CSV and XLSX. Every text cell is made spreadsheet-safe:
//! a text that a spreadsheet program would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or
//! a carriage return) gets a leading `'`, so `=HYPERLINK(…)` typed into a record by one user is shown, not
//! run, on another user's machine (OWASP "CSV injection").

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    pub fn opt_text(s: Option<impl Into<String>>) -> Self {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    pub fn id(id: Uuid) -> Self {
        Cell::Text(id.to_string())
    }

    pub fn opt_id(id: Option<Uuid>) -> Self {
        id.map_or(Cell::Empty, Cell::id)
    }

    pub fn date(d: Option<NaiveDate>) -> Self {
        d.map_or(Cell::Empty, |d| Cell::Text(d.to_string()))
    }

    pub fn time(t: DateTime<Utc>) -> Self {
        Cell::Text(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    }

    pub fn opt_time(t: Option<DateTime<Utc>>) -> Self {
        t.map_or(Cell::Empty, Cell::time)
    }

    /// The text of the cell as a CSV field (texts made safe).
    pub fn csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => safe(s),
            Cell::Int(n) => n.to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// A text as a spreadsheet shows it, never as a formula.
pub fn safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_would_be_formulas_are_neutralized_and_numbers_are_not() {
        for bad in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"] {
            assert_eq!(Cell::text(bad).csv(), format!("'{bad}"));
        }
        assert_eq!(Cell::text("Shrimp = testing").csv(), "Shrimp = testing");
        assert_eq!(Cell::Int(-5).csv(), "-5");
        assert_eq!(Cell::Number(-1.5).csv(), "-1.5");
    }
}
