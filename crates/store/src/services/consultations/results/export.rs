//! The results as CSV (built from the results, so a file says exactly what the results say to the same
//! reader), and the spreadsheet-safe writing of every export's text cells.

use gmc_domain::consultation::Question;
use gmc_domain::Actor;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::{results, Cell, ResultFilter};
use crate::AppResult;

/// The results as CSV: one line per option (or per question for numbers and texts), withheld values
/// written as `withheld`.
pub async fn results_csv(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    f: ResultFilter,
    k: i64,
) -> AppResult<String> {
    let r = results(db, actor, id, f, k).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let cell = |c: Cell| c.count.map(|n| n.to_string()).unwrap_or_else(|| "withheld".into());
    let num = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
    let write = |w: &mut csv::Writer<Vec<u8>>, rec: &[String]| write_safe(w, rec);
    write(
        &mut w,
        &["question", "kind", "prompt_en", "option", "count", "share", "answered", "skipped", "mean", "median"]
            .map(String::from),
    )?;
    for q in &r.questions {
        let prompt = Question::text_in(&q.prompt, "en");
        let base = |option: String, count: String, share: String| {
            vec![
                q.code.clone(),
                q.kind.as_str().into(),
                prompt.clone(),
                option,
                count,
                share,
                cell(q.answered),
                cell(q.skipped),
                num(q.mean),
                num(q.median),
            ]
        };
        if q.options.is_empty() {
            write(&mut w, &base(String::new(), String::new(), String::new()))?;
        }
        for o in &q.options {
            write(&mut w, &base(o.id.clone(), cell(o.cell), num(o.share)))?;
        }
    }
    finish(w)
}

pub(super) fn finish(w: csv::Writer<Vec<u8>>) -> AppResult<String> {
    let bytes = w.into_inner().map_err(|e| crate::AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    String::from_utf8(bytes).map_err(|e| crate::AppError::Internal(e.into()))
}

/// Every text cell of an export goes into a file delegates open in a spreadsheet — answers typed by
/// the public, but also a consultation's own prompts and options, which its author typed: a cell
/// starting with `=`, `+`, `-`, `@` (or a tab or carriage return) would run as a formula there ("CSV
/// injection"), so such a cell is prefixed with an apostrophe, which spreadsheets show as text. A
/// plain number (`-3.5`) is left alone: it is a value, not a formula.
pub(crate) fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Writes one CSV record with every cell made spreadsheet-safe.
pub(super) fn write_safe(w: &mut csv::Writer<Vec<u8>>, rec: &[String]) -> AppResult<()> {
    w.write_record(rec.iter().map(|c| spreadsheet_safe(c))).map_err(|e| crate::AppError::Internal(e.into()))
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn public_text_cannot_become_a_spreadsheet_formula() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("-1+2"), "'-1+2");
        assert_eq!(spreadsheet_safe("Fees at the border"), "Fees at the border");
        assert_eq!(spreadsheet_safe("-3.5"), "-3.5", "a negative number stays a number");
    }
}
