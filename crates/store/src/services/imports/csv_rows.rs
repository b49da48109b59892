//! CSV rows: UTF-8 with or without a byte-order mark, CRLF or LF line ends, quoted fields that hold
//! newlines, and `,`, `;` or tab as the delimiter — the one the header line uses most.

use std::io::{BufRead, Read};

use super::kinds::Column;
use super::source::{header, text_row, FileError, Rows};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The delimiter the header line uses most (outside quotes); `,` when it uses none.
pub(super) fn delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if *d == b {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties go to the earlier of `,` `;` tab: `max_by_key` keeps the last maximum, so walk in reverse.
    counts.iter().rev().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(d, _)| *d)
}

/// The next line of `reader` with its end (empty at the end of the file).
fn line_of(reader: &mut impl BufRead) -> Result<Vec<u8>, FileError> {
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line).map_err(unreadable)?;
    Ok(line)
}

pub(super) fn unreadable(e: std::io::Error) -> FileError {
    FileError::new("invalid_format", format!("the file cannot be read: {e}"))
}

/// The rows of a CSV file read from `reader` as it goes (a request body in memory, or a job's spooled
/// file): lines starting with `#` above the header (the template's notes) are skipped and counted, the
/// delimiter is found on the header line, and the header line is then handed back to the CSV reader in
/// front of the rest — so only one line is ever looked at ahead.
pub(super) fn rows<'a, R: BufRead + Send + 'a>(mut reader: R, columns: &'a [Column]) -> Result<Rows<'a>, FileError> {
    let mut line = line_of(&mut reader)?;
    if line.starts_with(BOM) {
        line.drain(..BOM.len());
    }
    let mut notes = 0;
    while line.first() == Some(&b'#') {
        notes += 1;
        line = line_of(&mut reader)?;
    }
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(&line))
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::Cursor::new(line).chain(reader));
    let mut records = reader.into_records();
    let head = match records.next() {
        None => return Err(FileError::new("empty", "the file has no header row")),
        Some(Err(e)) => return Err(csv_error(&e, notes)),
        Some(Ok(r)) => r,
    };
    let names = header(head.iter().map(str::to_owned), columns)?;
    Ok(Box::new(records.map(move |r| {
        let record = r.map_err(|e| csv_error(&e, notes))?;
        let line = record.position().map_or(0, csv::Position::line) + notes;
        text_row(line, &names, record.iter().map(str::to_owned).collect())
    })))
}

/// A CSV reader's error as a file error naming the line (counting the `notes` lines skipped).
fn csv_error(e: &csv::Error, notes: u64) -> FileError {
    match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => FileError::not_utf8(pos.as_ref().map_or(0, csv::Position::line) + notes),
        _ => match e.position() {
            Some(p) => {
                FileError::new("invalid_format", format!("line {} cannot be read as CSV: {e}", p.line() + notes))
            }
            None => FileError::new("invalid_format", format!("the file cannot be read as CSV: {e}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::delimiter;

    #[test]
    fn the_delimiter_is_the_one_the_header_uses_most_outside_quotes() {
        assert_eq!(delimiter(b"name,kind\n"), b',');
        assert_eq!(delimiter(b"name;kind;country\r\na,b,c,d,e\n"), b';');
        assert_eq!(delimiter(b"name\tkind\n"), b'\t');
        assert_eq!(delimiter(b"\"a;b;c\",kind\n"), b',');
        assert_eq!(delimiter(b"name\n"), b',');
    }
}
