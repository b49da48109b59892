//! The columns of each kind of file and how a text cell becomes the value the API's body would carry.
//! The column names are the fields of the kind's create request, so that a row means what the same
//! JSON body to `POST /stakeholders` (or `/impediments`) would mean — and is checked by the same code.

use gmc_domain::ValidationErrors;
use serde_json::{Map, Value};

use super::kinds::{Col, Column};
use super::source::Row;

/// The row's values as the kind's request body, or the problems of its cells (named by column, with the
/// API's codes). JSON rows are taken as sent; text rows are converted by each column's type.
pub fn body(row: &Row, columns: &[Column]) -> Result<Value, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut out = Map::new();
    for (name, value) in &row.values {
        let Some(column) = columns.iter().find(|c| c.name == name.as_str()) else {
            // Only JSON rows get here: a CSV or XLSX header with an unknown column refuses the file.
            e.add(name, "unknown_field", "is not a column of this kind of file");
            continue;
        };
        match (row.typed, value) {
            // A date or id sent as text in JSON is checked here too, so its problem names the column.
            (true, Value::String(text)) if matches!(column.col, Col::Date | Col::Uuid) => {
                if let Some(v) = e.check(name, convert(column.col, text.trim())) {
                    out.insert(name.clone(), v);
                }
            }
            (true, v) => {
                out.insert(name.clone(), v.clone());
            }
            (false, Value::String(text)) => {
                if let Some(v) = e.check(name, convert(column.col, text.trim())) {
                    out.insert(name.clone(), v);
                }
            }
            (false, v) => {
                out.insert(name.clone(), v.clone());
            }
        }
    }
    for c in columns {
        if out.contains_key(c.name) || e.errors().iter().any(|x| x.field == c.name) {
            continue;
        }
        match c.col {
            // Sent empty: the kind's check answers `required` (or `invalid_choice`) as the API does.
            Col::Text => {
                out.insert(c.name.to_owned(), Value::String(String::new()));
            }
            Col::Int => e.add(c.name, "required", "is required"),
            _ => {}
        }
    }
    e.finish().map(|()| Value::Object(out))
}

fn convert(col: Col, text: &str) -> Result<Value, gmc_domain::error::FieldProblem> {
    use gmc_domain::error::FieldProblem;
    match col {
        Col::Text | Col::OptText => Ok(Value::String(text.to_owned())),
        Col::Int | Col::OptInt => text
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| FieldProblem::new("invalid_format", "must be a whole number")),
        Col::OptNumber => text
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Value::from)
            .ok_or_else(|| FieldProblem::new("invalid_format", "must be a number")),
        Col::Bool => match text.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(Value::Bool(true)),
            "false" | "no" | "0" => Ok(Value::Bool(false)),
            _ => Err(FieldProblem::new("invalid_format", "must be true or false")),
        },
        Col::Date => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|d| Value::String(d.to_string()))
            .map_err(|_| FieldProblem::new("invalid_format", "must be a date, YYYY-MM-DD")),
        Col::Uuid => uuid::Uuid::parse_str(text)
            .map(|u| Value::String(u.to_string()))
            .map_err(|_| FieldProblem::new("invalid_format", "must be an id (UUID)")),
        Col::List => {
            Ok(Value::Array(text.split([';', '|']).map(str::trim).filter(|s| !s.is_empty()).map(Value::from).collect()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::imports::kinds::{Col, Column};

    const COLS: &[Column] = &[
        Column { name: "name", col: Col::Text, example: "", help: "" },
        Column { name: "n", col: Col::Int, example: "", help: "" },
        Column { name: "b", col: Col::Bool, example: "", help: "" },
        Column { name: "l", col: Col::List, example: "", help: "" },
    ];

    fn row(pairs: &[(&str, &str)]) -> Row {
        let values = pairs.iter().map(|(k, v)| ((*k).to_owned(), Value::from(*v))).collect();
        Row { number: 2, values, typed: false }
    }

    #[test]
    fn text_cells_become_the_values_a_json_body_carries() {
        let v = body(&row(&[("n", " 32 "), ("b", "Yes"), ("l", "a; b|")]), COLS);
        assert_eq!(v.ok(), Some(serde_json::json!({"name": "", "n": 32, "b": true, "l": ["a", "b"]})));
        let bad = body(&row(&[("n", "x"), ("b", "maybe")]), COLS).err().map(|e| e.errors().to_vec());
        let mut named: Vec<_> = bad.unwrap_or_default().into_iter().map(|e| (e.field, e.code)).collect();
        named.sort();
        assert_eq!(
            named,
            vec![("b".to_owned(), "invalid_format".to_owned()), ("n".to_owned(), "invalid_format".to_owned())]
        );
    }
}
