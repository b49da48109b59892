//! The document library (DESIGN §2 "Document"): the vocabulary of a document and the limits of its
//! fields and uploads. Who may read or change one is `policy`'s (`Owner`, `Operation::PublishDocument`).

use crate::string_enum;

string_enum!(
    /// What a document is.
    DocumentKind {
        RegionalUpdate => "regional_update",
        BriefingNote => "briefing_note",
        ResearchStudy => "research_study",
        Minutes => "minutes",
        Submission => "submission",
    }
);

pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 4000;
/// A Markdown body, in characters.
pub const BODY_MAX: usize = 500_000;
/// Topics per document.
pub const TOPICS_MAX: usize = 10;
/// An uploaded file's name, in characters.
pub const FILE_NAME_MAX: usize = 255;
/// The default upload limit in bytes (setting `GMC_UPLOAD_MAX_BYTES`).
pub const UPLOAD_MAX_BYTES_DEFAULT: u64 = 20 * 1024 * 1024;
