//! XLSX rows: the first sheet, its first row the header. `calamine` reads the workbook whole (a zip
//! needs its central directory); the rows are then handed out one at a time like the other formats'.

use calamine::{Data, Reader, Xlsx};

use super::kinds::Column;
use super::source::{header, text_row, FileError, Rows};

pub(super) fn rows<'a>(bytes: &[u8], columns: &'a [Column]) -> Result<Rows<'a>, FileError> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| FileError::new("invalid_format", format!("the file cannot be read as XLSX: {e}")))?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(r)) => r,
        Some(Err(e)) => return Err(FileError::new("invalid_format", format!("the first sheet cannot be read: {e}"))),
        None => return Err(FileError::new("empty", "the workbook has no sheet")),
    };
    // Sheet row numbers as a spreadsheet shows them: the range may start below row 1.
    let first = u64::from(range.start().map_or(0, |(r, _)| r)) + 1;
    let (height, width) = range.get_size();
    let cells_of = move |r: usize| (0..width).map(|c| range.get((r, c)).map(text).unwrap_or_default()).collect();
    let head: Vec<String> = if height == 0 { Vec::new() } else { cells_of(0) };
    // Trailing empty header cells are formatting, not columns.
    let named = head.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
    let names = header(head.into_iter().take(named), columns)?;
    let numbers = (1..height).zip(first + 1..);
    Ok(Box::new(
        numbers
            .map(move |(r, number)| (cells_of(r), number))
            .filter(|(cells, _)| cells.iter().any(|c| !c.trim().is_empty()))
            .map(move |(mut cells, number)| {
                let used = cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
                cells.truncate(used);
                text_row(number, &names, cells)
            }),
    ))
}

/// A cell as the text a CSV would hold: whole numbers without `.0`, dates as ISO dates.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // A whole number stored as a float (every number in a sheet is one) is written without `.0`.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) if dt.time() == chrono::NaiveTime::MIN => dt.date().to_string(),
            Some(dt) => dt.to_string(),
            None => d.to_string(),
        },
        Data::Error(e) => format!("#{e:?}"),
    }
}
