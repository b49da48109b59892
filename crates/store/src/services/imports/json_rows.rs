//! JSON rows: an array of objects, or NDJSON (one object per line). The array is walked element by
//! element — a small scanner finds where each element ends, and only that element is parsed — so a
//! large array is never turned into a list of records.

use std::io::BufRead;

use serde_json::Value;

use super::source::{FileError, Row};

/// The elements of a JSON array, each an object.
pub(super) fn array(bytes: &[u8]) -> impl Iterator<Item = Result<Row, FileError>> + Send + '_ {
    let mut scan = Scanner { bytes, at: 0, line: 1, index: 0, started: false, done: false };
    std::iter::from_fn(move || scan.next_element())
}

/// The lines of an NDJSON file read from `reader` as it goes (a body in memory or a job's spooled
/// file), each an object; blank lines are skipped.
pub(super) fn lines<'a, R: BufRead + Send + 'a>(
    mut reader: R,
) -> impl Iterator<Item = Result<Row, FileError>> + Send + 'a {
    let mut n = 0u64;
    let mut done = false;
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                done = true;
                return Some(Err(super::csv_rows::unreadable(e)));
            }
        }
        n += 1;
        let line = if n == 1 { buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf) } else { buf.as_slice() };
        if line.trim_ascii().is_empty() {
            continue;
        }
        let Ok(text) = std::str::from_utf8(line) else {
            return Some(Err(FileError::not_utf8(n)));
        };
        return Some(object(n, serde_json::from_str(text), &format!("line {n}")));
    })
}

fn object(number: u64, parsed: Result<Value, serde_json::Error>, place: &str) -> Result<Row, FileError> {
    match parsed {
        Ok(Value::Object(values)) => Ok(Row { number, values, typed: true }),
        Ok(_) => Err(FileError::new("invalid_format", format!("{place} is not a JSON object"))),
        Err(e) => Err(FileError::new("invalid_format", format!("{place} is not valid JSON: {e}"))),
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The line `at` is on, for messages.
    line: u64,
    /// Elements handed out so far.
    index: u64,
    started: bool,
    done: bool,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            if !b.is_ascii_whitespace() {
                break;
            }
            if b == b'\n' {
                self.line += 1;
            }
            self.at += 1;
        }
    }

    fn fail(&mut self, message: String) -> Option<Result<Row, FileError>> {
        self.done = true;
        Some(Err(FileError::new("invalid_format", message)))
    }

    fn next_element(&mut self) -> Option<Result<Row, FileError>> {
        if self.done {
            return None;
        }
        if !self.started {
            self.started = true;
            if self.bytes.starts_with(b"\xEF\xBB\xBF") {
                self.at = 3;
            }
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b'[') {
                return self.fail("the file is not a JSON array (send NDJSON as application/x-ndjson)".into());
            }
            self.at += 1;
            self.skip_space();
            if self.bytes.get(self.at) == Some(&b']') {
                self.done = true;
                return None;
            }
        }
        let (start, line) = (self.at, self.line);
        let (mut depth, mut in_string, mut escaped) = (0u32, false, false);
        loop {
            let Some(&b) = self.bytes.get(self.at) else {
                return self.fail(format!("the array that starts before line {line} is not closed"));
            };
            if b == b'\n' {
                self.line += 1;
            }
            match (in_string, escaped, b) {
                (true, true, _) => escaped = false,
                (true, false, b'\\') => escaped = true,
                (true, false, b'"') => in_string = false,
                (true, false, _) => {}
                (false, _, b'"') => in_string = true,
                (false, _, b'{' | b'[') => depth += 1,
                (false, _, b'}' | b']') if depth > 0 => depth -= 1,
                (false, _, b',' | b']') if depth == 0 => break,
                _ => {}
            }
            self.at += 1;
        }
        let end = self.at;
        let closing = self.bytes.get(self.at) == Some(&b']');
        self.at += 1;
        self.index += 1;
        if closing {
            self.skip_space();
            self.done = true;
            if self.at < self.bytes.len() {
                return self.fail(format!("line {}: nothing may follow the array", self.line));
            }
        }
        let element = self.bytes.get(start..end).unwrap_or_default();
        let Ok(text) = std::str::from_utf8(element) else {
            self.done = true;
            return Some(Err(FileError::not_utf8(line)));
        };
        self.skip_space();
        Some(object(self.index, serde_json::from_str(text), &format!("element {} (line {line})", self.index)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_is_read_one_element_at_a_time_with_strings_holding_brackets() {
        let rows: Vec<_> = array(br#" [ {"a": "x,]}"}, {"b": [1, {"c": 2}]} ] "#).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].as_ref().map(|r| r.values["a"].clone()), Ok(Value::from("x,]}")));
        assert_eq!(rows[1].as_ref().map(|r| r.number), Ok(2));
        assert_eq!(array(b"[]").count(), 0);
        assert!(array(b"{}").next().is_some_and(|r| r.is_err()));
        assert!(array(b"[{\"a\": 1}").last().is_some_and(|r| r.is_err()));
    }

    #[test]
    fn ndjson_lines_are_numbered_and_blank_ones_skipped() {
        let rows: Vec<_> = lines(&b"{\"a\":1}\n\n{\"a\":2}\r\n"[..]).collect();
        assert_eq!(rows.iter().map(|r| r.as_ref().map(|r| r.number)).collect::<Vec<_>>(), vec![Ok(1), Ok(3)]);
        let bad: Vec<_> = lines(&b"{\"a\":1}\n{\"a\":\"\xff\"}\n"[..]).collect();
        assert_eq!(bad[1], Err(FileError::not_utf8(2)));
    }
}
