//! WTO SPS and TBT notifications (issue 11, part 6): the agreement a symbol names, the HS codes a
//! notification lists, and the rule that ties a notification to an impediment. The WTO's ePing service
//! exports notifications with free-text HS cells ("0306: Crustaceans; 1604.20"), so the codes are read
//! leniently here and normalised to the 2/4/6-digit prefixes impediments use.

use crate::error::FieldProblem;
use crate::impediment::HsCode;
use crate::string_enum;

string_enum!(
    /// The agreement under which a notification is made (`sps`, `tbt`), read from its symbol (`G/SPS/N/…`,
    /// `G/TBT/N/…`).
    Agreement {
        Sps => "sps",
        Tbt => "tbt",
    }
);

impl Agreement {
    /// The UNCTAD MAST chapter of the measures this agreement covers: SPS measures are chapter A, TBT
    /// measures chapter B. An impediment matches a notification only within that chapter.
    pub fn mast_chapter(self) -> &'static str {
        match self {
            Agreement::Sps => "A",
            Agreement::Tbt => "B",
        }
    }

    /// The agreement whose notifications may match a measure of MAST `chapter`: none outside A and B.
    pub fn for_mast_chapter(chapter: &str) -> Option<Agreement> {
        [Agreement::Sps, Agreement::Tbt].into_iter().find(|a| a.mast_chapter() == chapter)
    }
}

/// A notification's symbol, trimmed and upper-cased, with the agreement it names: `G/SPS/N/EU/123`,
/// `G/TBT/N/USA/1987/Add.1` (addenda, corrigenda and revisions keep their suffix, each its own record).
pub fn parse_symbol(value: &str) -> Result<(String, Agreement), FieldProblem> {
    let v: String = value.split_whitespace().collect::<Vec<_>>().join("").to_ascii_uppercase();
    let agreement = if v.starts_with("G/SPS/N/") {
        Agreement::Sps
    } else if v.starts_with("G/TBT/N/") {
        Agreement::Tbt
    } else {
        return Err(FieldProblem::new("invalid_format", "must be a WTO symbol G/SPS/N/… or G/TBT/N/…"));
    };
    if v.len() > 80 || v.len() <= "G/SPS/N/".len() {
        return Err(FieldProblem::new("invalid_format", "must be a WTO symbol such as G/SPS/N/EU/123"));
    }
    Ok((v, agreement))
}

/// The HS codes of a notification cell: each piece between `;` `,` or a line break is read up to its
/// first non-digit (dots ignored, a leading "HS" allowed), national lines beyond six digits are cut to
/// the subheading and an odd length to the level above. A piece without digits (a description) is
/// skipped; a code outside the HS chapters is the cell's problem. Sorted, without repeats.
pub fn parse_hs_codes(value: &str) -> Result<Vec<String>, FieldProblem> {
    let mut out: Vec<String> = Vec::new();
    for piece in value.split([';', ',', '\n', '\r', '|']) {
        let piece = piece.trim();
        let piece = piece.strip_prefix("HS").or_else(|| piece.strip_prefix("hs")).unwrap_or(piece).trim_start();
        let digits: String =
            piece.chars().take_while(|c| c.is_ascii_digit() || *c == '.').filter(|c| *c != '.').collect();
        if digits.is_empty() {
            continue;
        }
        let mut len = digits.len().min(6);
        len -= len % 2;
        let code = digits.get(..len).unwrap_or_default();
        let code = HsCode::parse(code).map_err(|p| FieldProblem::new(p.code, format!("{digits:?}: {}", p.message)))?;
        out.push(code.as_str().to_owned());
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Whether two HS code lists overlap: some code of one is a prefix of (or equal to) a code of the other.
pub fn hs_overlap<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            let (x, y) = (x.as_ref(), y.as_ref());
            x.starts_with(y) || y.starts_with(x)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_symbol_names_the_agreement() {
        assert_eq!(parse_symbol(" g/sps/n/eu/123 ").ok(), Some(("G/SPS/N/EU/123".into(), Agreement::Sps)));
        assert_eq!(parse_symbol("G/TBT/N/USA/1987/Add.1").map(|s| s.1).ok(), Some(Agreement::Tbt));
        assert!(parse_symbol("G/SPS/N/").is_err());
        assert!(parse_symbol("G/AG/N/EU/1").is_err());
        assert_eq!(Agreement::Sps.mast_chapter(), "A");
        assert_eq!(Agreement::Tbt.mast_chapter(), "B");
    }

    #[test]
    fn hs_cells_are_read_as_the_prefixes_impediments_use() {
        let codes = parse_hs_codes("HS 0306: Crustaceans; 1604.20, 03061710 ; Fish and fishery products");
        assert_eq!(codes.ok(), Some(vec!["0306".into(), "030617".into(), "160420".into()]));
        assert_eq!(parse_hs_codes("").ok(), Some(vec![]));
        assert_eq!(parse_hs_codes("030").ok(), Some(vec!["03".into()]));
        assert_eq!(parse_hs_codes("7701").map_err(|p| p.code), Err("invalid_chapter"));
    }

    #[test]
    fn hs_lists_overlap_when_one_code_is_a_prefix_of_another() {
        assert!(hs_overlap(&["03"], &["0306"]));
        assert!(hs_overlap(&["030617"], &["0306", "61"]));
        assert!(!hs_overlap(&["0306"], &["0307"]));
        assert!(!hs_overlap::<&str, &str>(&[], &["03"]));
    }
}
