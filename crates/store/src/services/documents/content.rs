//! What an uploaded file is, decided from its bytes alone (never its name or the client's
//! `Content-Type`), and the text search reads out of it. Only PDF, DOCX, XLSX and Markdown are
//! accepted: PDF by its `%PDF-` signature; DOCX and XLSX are zip containers, accepted only when the
//! archive opens and holds `[Content_Types].xml` and the main part (`word/document.xml`,
//! `xl/workbook.xml`); Markdown is UTF-8 text without control characters. Anything else — an
//! executable renamed `report.pdf`, an image, a plain zip — is refused.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

pub const PDF: &str = "application/pdf";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const MARKDOWN: &str = "text/markdown";

/// At most this much of one container part is inflated: a zip bomb stops here instead of filling memory.
const PART_MAX: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Docx,
    Xlsx,
    Markdown,
}

impl FileKind {
    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => PDF,
            FileKind::Docx => DOCX,
            FileKind::Xlsx => XLSX,
            FileKind::Markdown => MARKDOWN,
        }
    }
}

/// The kind of the file, from its content; `None` for anything not accepted.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"%PDF-") {
        return Some(FileKind::Pdf);
    }
    if infer::archive::is_zip(bytes) {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        zip.by_name("[Content_Types].xml").ok()?;
        if zip.by_name("word/document.xml").is_ok() {
            return Some(FileKind::Docx);
        }
        if zip.by_name("xl/workbook.xml").is_ok() {
            return Some(FileKind::Xlsx);
        }
        return None;
    }
    // Any other format `infer` knows (executables, images, archives) is not text, whatever it is named.
    if infer::get(bytes).is_some() {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let clean = text.chars().all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    clean.then_some(FileKind::Markdown)
}

/// The text to index, or why there is none. A file that does not parse is kept without text: the
/// upload succeeds with a warning (it can still be downloaded), never a server error.
pub fn extract(kind: FileKind, bytes: &[u8]) -> Result<String, String> {
    match kind {
        FileKind::Markdown => Ok(String::from_utf8_lossy(bytes).into_owned()),
        FileKind::Pdf => pdf_text(bytes),
        FileKind::Docx => xml_text(bytes, "word/document.xml", b"t", b"p"),
        FileKind::Xlsx => xml_text(bytes, "xl/sharedStrings.xml", b"t", b"si"),
    }
}

fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    // lopdf is defensive, but a parser over hostile input may still panic; a panic here is a warning.
    let owned = bytes.to_vec();
    let result = std::panic::catch_unwind(move || -> Result<String, String> {
        let doc = lopdf::Document::load_mem(&owned).map_err(|e| format!("the PDF could not be read: {e}"))?;
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).map_err(|e| format!("the PDF's text could not be read: {e}"))
    });
    match result {
        Ok(r) => r.map(|t| t.trim().to_owned()),
        Err(_) => Err("the PDF's text could not be read".to_owned()),
    }
}

/// The text of the elements named `text_tag` in one XML part, a line break after each `break_tag`.
fn xml_text(bytes: &[u8], part: &str, text_tag: &[u8], break_tag: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("the file could not be opened: {e}"))?;
    let mut xml = String::new();
    match zip.by_name(part) {
        Ok(f) => f.take(PART_MAX).read_to_string(&mut xml).map_err(|e| format!("{part} could not be read: {e}"))?,
        Err(_) => return Ok(String::new()),
    };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut out, mut inside) = (String::new(), false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == text_tag => inside = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == text_tag => inside = false,
            Ok(Event::End(e)) if e.local_name().as_ref() == break_tag => out.push('\n'),
            Ok(Event::Text(t)) if inside => {
                let t = t.unescape().map_err(|e| format!("{part} is not valid XML: {e}"))?;
                out.push_str(&t);
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("{part} is not valid XML: {e}")),
            _ => {}
        }
    }
    Ok(out.trim().to_owned())
}

/// The name a file is kept and offered under: its last path segment, without control characters, at
/// most 255 characters; `file` when nothing is left.
pub fn clean_file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last.chars().filter(|c| !c.is_control()).take(gmc_domain::document::FILE_NAME_MAX).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned
    }
}

/// `Content-Disposition` for a download (RFC 6266): `attachment`, an ASCII fallback `filename` in which
/// anything but safe characters becomes `_` (so no quote, backslash, semicolon or line break can end the
/// value or start a header), and the real name UTF-8 percent-encoded in `filename*` (RFC 8187).
pub fn content_disposition(name: &str) -> String {
    let name = clean_file_name(name);
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || " .-_()[]+,@".contains(c) { c } else { '_' }).collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A one-page PDF whose text is `lines` (Helvetica, standard encoding), for the demo library, the
/// benchmark and the tests: real PDFs, so extraction finds their words.
pub fn pdf_with_text(lines: &[&str]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("TL", vec![14.into()]),
        Operation::new("Td", vec![50.into(), 790.into()]),
    ];
    for line in lines {
        // WinAnsi has no code for most non-Latin characters: keep what it has.
        let latin: String = line.chars().map(|c| if c.is_ascii() { c } else { '?' }).collect();
        ops.push(Operation::new("Tj", vec![Object::string_literal(latin)]));
        ops.push(Operation::new("T*", vec![]));
    }
    ops.push(Operation::new("ET", vec![]));
    let encoded = Content { operations: ops }.encode().unwrap_or_default();
    let content_id = doc.add_object(Stream::new(dictionary! {}, encoded));
    let page_id = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    // Writing into a Vec cannot fail for lack of space; an error would leave an empty (refused) file.
    let _ = doc.save_to(&mut out);
    out
}

/// A minimal DOCX whose paragraphs are `paragraphs`, for the tests and the demo.
pub fn docx_with_text(paragraphs: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    for p in paragraphs {
        let escaped = p.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        body.push_str(&format!("<w:p><w:r><w:t>{escaped}</w:t></w:r></w:p>"));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut write = || -> zip::result::ZipResult<Vec<u8>> {
        zip.start_file("[Content_Types].xml", opts)?;
        zip.write_all(types.as_bytes())?;
        zip.start_file("word/document.xml", opts)?;
        zip.write_all(document.as_bytes())?;
        Ok(Vec::new())
    };
    let _ = write();
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_comes_from_the_bytes_and_executables_are_refused() {
        assert_eq!(sniff(&pdf_with_text(&["hello"])), Some(FileKind::Pdf));
        assert_eq!(sniff(&docx_with_text(&["hello"])), Some(FileKind::Docx));
        assert_eq!(sniff("# Title\n\nSome *Markdown*.\n".as_bytes()), Some(FileKind::Markdown));
        let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00";
        assert_eq!(sniff(elf), None);
        let pe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00";
        assert_eq!(sniff(pe), None);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), None);
        assert_eq!(sniff(b"text with a \x00 NUL"), None);
    }

    #[test]
    fn pdf_and_docx_text_is_extracted_and_a_broken_pdf_is_a_warning() {
        let pdf = extract(FileKind::Pdf, &pdf_with_text(&["Tariff quotas for jute", "second line"]));
        assert!(pdf.as_deref().unwrap_or("").contains("jute"), "{pdf:?}");
        let docx = extract(FileKind::Docx, &docx_with_text(&["Fisheries subsidies & MSMEs"]));
        assert_eq!(docx.as_deref(), Ok("Fisheries subsidies & MSMEs"));
        assert!(extract(FileKind::Pdf, b"%PDF-1.4 garbage that is no pdf").is_err());
    }

    #[test]
    fn a_hostile_name_cannot_break_out_of_the_header() {
        let h = content_disposition("evil\"; filename=x.exe\r\nSet-Cookie: a=b.pdf");
        assert!(!h.contains('\r') && !h.contains('\n'));
        assert_eq!(h.matches('"').count(), 2, "{h}");
        assert!(h.starts_with("attachment; filename=\"evil__ filename_x.exeSet-Cookie_ a_b.pdf\""), "{h}");
        let h = content_disposition("../../etc/Résumé 2026.pdf");
        assert_eq!(h, "attachment; filename=\"R_sum_ 2026.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%202026.pdf");
    }
}
