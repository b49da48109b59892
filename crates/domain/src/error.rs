//! Validation failures that name the field, a machine-readable code and a human message.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// Every problem found in one input, collected rather than stopping at the first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors(Vec<FieldError>);

impl ValidationErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: &str, code: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new();
        e.add(field, code, message);
        e
    }

    pub fn add(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.0.push(FieldError { field: field.to_owned(), code: code.to_owned(), message: message.into() });
    }

    /// Runs a parse and records its error under `field`, returning the value when it parsed.
    pub fn check<T>(&mut self, field: &str, result: Result<T, FieldProblem>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(p) => {
                self.add(field, p.code, p.message);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }

    pub fn errors(&self) -> &[FieldError] {
        &self.0
    }

    /// `Ok(())` when nothing was recorded.
    pub fn finish(self) -> Result<(), ValidationErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

/// What is wrong with one value, before we know which field it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub code: &'static str,
    pub message: String,
}

impl FieldProblem {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }
}

/// Trims a required text and checks its length in characters.
pub fn required_text(value: &str, max: usize) -> Result<String, FieldProblem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(FieldProblem::new("required", "must not be empty"));
    }
    optional_text(trimmed, max)
}

/// Trims a text that may be empty and checks its length in characters. Control characters other than
/// tab and line breaks are refused: NUL in particular cannot be stored in PostgreSQL text at all.
pub fn optional_text(value: &str, max: usize) -> Result<String, FieldProblem> {
    let trimmed = value.trim();
    if has_control_chars(trimmed) {
        return Err(FieldProblem::new("invalid_character", "must not contain control characters"));
    }
    if trimmed.chars().count() > max {
        return Err(FieldProblem::new("too_long", format!("must be at most {max} characters")));
    }
    Ok(trimmed.to_owned())
}

/// Parses a string-backed enum, mapping its error to a field problem.
pub fn parse_enum<T: std::str::FromStr<Err = String>>(value: &str) -> Result<T, FieldProblem> {
    value.parse::<T>().map_err(|m| FieldProblem::new("invalid_choice", m))
}

/// True when the text holds a control character other than tab, CR or LF.
pub fn has_control_chars(value: &str) -> bool {
    value.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_with_nul_or_other_control_characters_are_refused() {
        assert!(optional_text("a\u{0}b", 10).is_err());
        assert!(required_text("bell\u{7}", 10).is_err());
        assert_eq!(optional_text(" two\nlines\t", 20), Ok("two\nlines".to_owned()));
    }
}
