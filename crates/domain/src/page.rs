//! Page sizes for cursor pagination.

use crate::error::FieldProblem;

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 200;

/// A page size between 1 and `MAX_LIMIT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(u64);

impl Limit {
    pub fn parse(value: Option<i64>) -> Result<Self, FieldProblem> {
        match value {
            None => Ok(Self(DEFAULT_LIMIT)),
            Some(v) if v >= 1 && v <= MAX_LIMIT as i64 => Ok(Self(v as u64)),
            Some(_) => Err(FieldProblem::new("out_of_range", format!("must be between 1 and {MAX_LIMIT}"))),
        }
    }

    pub fn get(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_defaults_and_rejects_out_of_range_values() {
        assert_eq!(Limit::parse(None).map(Limit::get), Ok(DEFAULT_LIMIT));
        assert_eq!(Limit::parse(Some(200)).map(Limit::get), Ok(200));
        assert!(Limit::parse(Some(0)).is_err());
        assert!(Limit::parse(Some(201)).is_err());
    }
}
