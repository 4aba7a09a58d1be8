//! The document's own defects (`/work/shared/seed/README.md`), each handled and not
//! hidden. Every test first finds the defect in the project's copy of the document,
//! so it states what it protects, then checks what the catalogue makes of it.

use dcs_status::{CatalogueEntry, Status};

fn document() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/error-codes.rst");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The document's table lines that have `text` in a cell.
fn lines_with(text: &str) -> Vec<String> {
    document()
        .lines()
        .filter(|l| l.starts_with('|') && l.contains(text))
        .map(str::to_owned)
        .collect()
}

fn entry(code: &str) -> &'static CatalogueEntry {
    CatalogueEntry::lookup(code).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn codes_written_with_a_space_are_found_as_live_responses_send_them() {
    for (written, sent) in [("DCS. 4855", "DCS.4855"), ("DCS. 5094", "DCS.5094")] {
        assert_eq!(lines_with(&format!("| {written} ")).len(), 1, "{written}");
        let entry = entry(sent);
        assert_eq!(entry.code(), sent, "the code drops the document's space");
        assert_eq!(CatalogueEntry::lookup(written), Ok(entry));
        assert_eq!(CatalogueEntry::lookup(&sent.to_lowercase()), Ok(entry));
    }
    assert_eq!(
        entry("DCS.4855").message(),
        "Master standby swap is not supported."
    );
    // No code of the catalogue keeps whitespace.
    assert!(CatalogueEntry::all()
        .iter()
        .all(|e| !e.code().contains(char::is_whitespace)));
}

#[test]
fn the_status_is_the_documents_even_when_it_does_not_match_the_codes_family() {
    for (code, status) in [
        ("DCS.4069", 500),
        ("111400069", 500),
        ("111400101", 500),
        ("111400842", 500),
        ("DCS.5101", 404),
        ("DCS.4001", 404),
        ("DCS.5050", 400),
    ] {
        let row = lines_with(&format!("| {code} "));
        assert_eq!(row.len(), 1, "{code}");
        assert!(row[0].starts_with(&format!("| {status} ")), "{code}");
        assert_eq!(entry(code).status().code(), status, "{code}");
    }
    // Each entry links to the status table's entry for its status.
    assert_eq!(entry("DCS.4069").status(), Status::INTERNAL_SERVER_ERROR);
    assert_eq!(entry("DCS.5101").status(), Status::NOT_FOUND);
}

#[test]
fn message_templates_keep_their_placeholders_literally() {
    let templates = lines_with("{0}").len() + lines_with("{}").len();
    assert!(templates > 0, "the document has templates");
    let kept: Vec<&str> = CatalogueEntry::all()
        .iter()
        .filter(|e| e.message().contains("{0}") || e.message().contains("{}"))
        .map(CatalogueEntry::code)
        .collect();
    assert_eq!(
        kept.len(),
        templates,
        "every template keeps its placeholder: {kept:?}"
    );
    assert_eq!(
        entry("DCS.4062").message(),
        "Invalid {0} parameter in the request."
    );
    assert_eq!(
        entry("111400063").message(),
        "Invalid {0} parameter in the request."
    );
    assert_eq!(
        entry("DCS.2007").message(),
        "Policy does not allow {} to be performed."
    );
}

#[test]
fn the_rst_escape_reads_as_the_character_it_escapes() {
    let row = lines_with("| DCS.4821 ");
    assert!(row[0].contains(r"interval \* 2"), "the document escapes *");
    let entry = entry("DCS.4821");
    assert!(
        entry.message().contains("interval * 2"),
        "{}",
        entry.message()
    );
    // No field of any entry keeps an RST escape.
    for e in CatalogueEntry::all() {
        for text in [e.code(), e.message(), e.description(), e.solution()] {
            assert!(!text.contains('\\'), "{}: {text}", e.code());
        }
    }
}

#[test]
fn both_code_families_are_found() {
    let is_dcs = |c: &str| {
        c.strip_prefix("DCS.")
            .is_some_and(|n| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let is_numeric =
        |c: &str| c.len() == 9 && c.starts_with("111") && c.bytes().all(|b| b.is_ascii_digit());
    let all = CatalogueEntry::all();
    let dcs = all.iter().filter(|e| is_dcs(e.code())).count();
    let numeric = all.iter().filter(|e| is_numeric(e.code())).count();
    assert!(
        dcs > 0 && numeric > 0,
        "two families: {dcs} DCS.NNNN, {numeric} 111SSSNNN"
    );
    assert_eq!(
        dcs + numeric,
        all.len(),
        "a code of a third family: {:?}",
        all.iter()
            .map(CatalogueEntry::code)
            .filter(|c| !is_dcs(c) && !is_numeric(c))
            .collect::<Vec<_>>()
    );
    // The older numeric code and its DCS. twin are two entries with one message.
    let (old, new) = (entry("111400017"), entry("DCS.4017"));
    assert_ne!(old, new);
    assert_eq!(old.message(), new.message());
    assert_eq!(entry(" 111 400 017 ").code(), "111400017");
}

#[test]
fn unknown_codes_are_errors_not_guesses() {
    // Codes used in the API reference's own examples but missing from the catalogue.
    for code in ["DCS.4133", "DCS.4201", "DCS.4818", "DCS.4922", "DCS.5010"] {
        assert!(lines_with(&format!("| {code} ")).is_empty(), "{code}");
        let error = CatalogueEntry::lookup(code).unwrap_err();
        assert_eq!(error.code().shown(), code.as_bytes());
    }
    for near in [
        "DCS.485",
        "DCS.48555",
        "DCS4855",
        "DCS.4855.",
        "DCS-4855",
        "11140001",
        "1114000170",
    ] {
        assert!(CatalogueEntry::lookup(near).is_err(), "{near}");
    }
}
