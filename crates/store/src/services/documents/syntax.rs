//! The search text, read for each engine: never handed to the engine's query language as it is
//! (`services/documents/search.rs` says how each engine reads it), and the markers the engines put
//! around a match in a snippet.

/// Private-use characters the engines put around a match; the parts are split on them.
pub(super) const OPEN: char = '\u{E000}';
pub(super) const CLOSE: char = '\u{E001}';

/// The search text as an FTS5 query of quoted words, every one required; `None` when no word is left.
pub fn fts5_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split_whitespace()
        .filter_map(|w| {
            let prefix = w.ends_with('*');
            let core: String = w.chars().filter(|c| *c != '*').collect();
            // A "word" of punctuation only tokenizes to nothing: leave it out rather than search for "".
            if !core.chars().any(char::is_alphanumeric) {
                return None;
            }
            let quoted = format!("\"{}\"", core.replace('"', "\"\""));
            Some(if prefix { format!("{quoted}*") } else { quoted })
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// PostgreSQL's reading of the search text, as (function, argument). `websearch_to_tsquery` reads any
/// text without a syntax error (quotes make phrases) but has no prefix search, so a text with a word
/// ending in `*` becomes a `to_tsquery` of its words reduced to letters and digits (`tar*` → `tar:*`),
/// every one required — nothing of the caller's survives to be read as operator syntax.
pub fn postgres_query(q: &str) -> (&'static str, String) {
    if !q.split_whitespace().any(|w| w.ends_with('*')) {
        return ("websearch_to_tsquery", q.to_owned());
    }
    let words: Vec<String> = q
        .split_whitespace()
        .filter_map(|w| {
            let core: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
            (!core.is_empty()).then(|| if w.ends_with('*') { format!("{core}:*") } else { core })
        })
        .collect();
    if words.is_empty() {
        return ("websearch_to_tsquery", q.to_owned());
    }
    ("to_tsquery", words.join(" & "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_search_on_postgres_keeps_only_letters_and_digits() {
        assert_eq!(postgres_query("\"supply chain\""), ("websearch_to_tsquery", "\"supply chain\"".to_owned()));
        assert_eq!(postgres_query("tar* export"), ("to_tsquery", "tar:* & export".to_owned()));
        assert_eq!(postgres_query("a&b|c:* !x*"), ("to_tsquery", "abc:* & x:*".to_owned()));
        assert_eq!(postgres_query("* ()"), ("websearch_to_tsquery", "* ()".to_owned()));
    }

    #[test]
    fn operators_and_quotes_become_quoted_words() {
        assert_eq!(fts5_query("jute tariffs").as_deref(), Some("\"jute\" \"tariffs\""));
        assert_eq!(fts5_query("a NEAR(b c)").as_deref(), Some("\"a\" \"NEAR(b\" \"c)\""));
        assert_eq!(fts5_query("\"unbalanced").as_deref(), Some("\"\"\"unbalanced\""));
        assert_eq!(fts5_query("fish*").as_deref(), Some("\"fish\"*"));
        assert_eq!(fts5_query("* - : ()"), None);
    }
}
