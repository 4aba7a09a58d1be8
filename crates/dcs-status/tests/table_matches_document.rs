//! The table must equal the document, entry by entry.
//!
//! `tests/data/status-codes.rst` is the project's copy of the "Status Codes" page
//! (dcs-api-0312043). A new version of the page is a file drop: this test then fails
//! and prints exactly which entries and fields changed.

use dcs_status::{ident_from_name, RetryAdvice, Status};

/// One row of the document's table.
#[derive(Debug, PartialEq)]
struct Row {
    code: u16,
    name: String,
    description: String,
}

/// Parses the RST grid table: rows between `+---` lines, cells between `|`, a
/// description's paragraphs separated by empty cell lines.
fn parse_document(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut current: Option<(u16, String, Vec<Vec<String>>)> = None;
    for line in text.lines() {
        if line.starts_with('+') {
            if let Some((code, name, paragraphs)) = current.take() {
                let description = paragraphs
                    .iter()
                    .filter(|p| !p.is_empty())
                    .map(|p| p.join(" "))
                    .collect::<Vec<_>>()
                    .join("\n\n");
                rows.push(Row {
                    code,
                    name,
                    description,
                });
            }
            continue;
        }
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let [code, name, description] = cells[..] else {
            panic!("a table line without three cells: {line}");
        };
        if code == "Status Code" {
            continue;
        }
        match (&mut current, code) {
            (None, code) => {
                let code = code
                    .parse()
                    .unwrap_or_else(|_| panic!("not a code: {code:?} in {line}"));
                current = Some((code, name.to_owned(), vec![vec![description.to_owned()]]));
            }
            (Some((_, _, paragraphs)), "") => {
                if description.is_empty() {
                    paragraphs.push(Vec::new());
                } else if let Some(last) = paragraphs.last_mut() {
                    last.push(description.to_owned());
                }
                assert!(name.is_empty(), "a name spread over two lines: {line}");
            }
            (Some(_), code) => panic!("a new code {code} without a row separator"),
        }
    }
    rows
}

fn document() -> Vec<Row> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/status-codes.rst"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_document(&text)
}

#[test]
fn the_table_equals_the_document_entry_by_entry() {
    let doc = document();
    assert!(!doc.is_empty(), "no entries parsed from the document");
    assert_eq!(
        doc.len(),
        Status::all().len(),
        "the document and the table have as many entries"
    );
    let mut differences = Vec::new();
    for row in &doc {
        match Status::from_code(row.code) {
            None => differences.push(format!(
                "{}: in the document, missing from the table",
                row.code
            )),
            Some(s) => {
                if s.name() != row.name {
                    differences.push(format!(
                        "{} name:\n    document: {:?}\n    table:    {:?}",
                        row.code,
                        row.name,
                        s.name()
                    ));
                }
                if s.description() != row.description {
                    differences.push(format!(
                        "{} description:\n    document: {:?}\n    table:    {:?}",
                        row.code,
                        row.description,
                        s.description()
                    ));
                }
            }
        }
    }
    for s in Status::all() {
        if !doc.iter().any(|row| row.code == s.code()) {
            differences.push(format!("{}: in the table, not in the document", s.code()));
        }
    }
    assert!(
        differences.is_empty(),
        "the table differs from tests/data/status-codes.rst:\n{}",
        differences.join("\n")
    );
    let doc_codes: Vec<u16> = doc.iter().map(|r| r.code).collect();
    let table_codes: Vec<u16> = Status::all().iter().map(Status::code).collect();
    assert_eq!(doc_codes, table_codes, "the same codes in the same order");
}

#[test]
fn every_ident_is_derived_from_its_name() {
    for s in Status::all() {
        assert_eq!(s.ident(), ident_from_name(s.name()), "{}", s.code());
    }
}

/// The advice the document's words give, read independently of the table.
fn advice_in_text(code: u16, description: &str) -> RetryAdvice {
    let text = description.to_lowercase();
    if code < 400 {
        RetryAdvice::None
    } else if text.contains("modify the request instead of re-initiating") {
        RetryAdvice::ModifyRequest
    } else if text.contains("re-initiate the request without modification") {
        RetryAdvice::Retry
    } else if text.contains("retry-after") {
        RetryAdvice::RetryAfter
    } else {
        RetryAdvice::Unspecified
    }
}

#[test]
fn every_retry_advice_is_what_the_description_says() {
    for s in Status::all() {
        assert_eq!(
            s.retry_advice(),
            advice_in_text(s.code(), s.description()),
            "{} {}",
            s.code(),
            s.name()
        );
    }
}

#[test]
fn the_issue_s_examples_of_advice_hold() {
    let advice = |code| Status::from_code(code).map(Status::retry_advice);
    for code in [400, 403, 404, 405, 503] {
        assert_eq!(advice(code), Some(RetryAdvice::ModifyRequest), "{code}");
    }
    assert_eq!(advice(408), Some(RetryAdvice::Retry));
    assert_eq!(advice(413), Some(RetryAdvice::RetryAfter));
    assert_eq!(advice(429), Some(RetryAdvice::RetryAfter));
    assert_eq!(advice(200), Some(RetryAdvice::None));
    assert_eq!(advice(500), Some(RetryAdvice::Unspecified));
}

#[test]
fn phrases_are_today_s_iana_phrases_for_the_codes_that_changed() {
    let phrase = |code| Status::from_code(code).map(Status::phrase);
    assert_eq!(phrase(504), Some("Gateway Timeout"));
    assert_eq!(phrase(413), Some("Content Too Large"));
    assert_eq!(phrase(414), Some("URI Too Long"));
    assert_eq!(phrase(416), Some("Range Not Satisfiable"));
    assert_eq!(phrase(422), Some("Unprocessable Content"));
    assert_eq!(phrase(306), Some("(Unused)"));
    assert_eq!(phrase(408), Some("Request Timeout"));
    assert_eq!(phrase(505), Some("HTTP Version Not Supported"));
}

#[test]
fn the_parser_reads_a_changed_document_as_changed() {
    // The check must be able to fail: a one-word change to the copy is caught.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/status-codes.rst"
    );
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let changed = text.replacen("already exits", "already exists", 1);
    assert_ne!(parse_document(&changed), document());
}
