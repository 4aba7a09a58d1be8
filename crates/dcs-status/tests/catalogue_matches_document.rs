//! The catalogue must equal the document, entry by entry, and its canonical export
//! must equal the committed one.
//!
//! `data/error-codes.rst` is the project's copy of the "Error Codes" page. This test
//! reads it with a parser of its own (cells cut at the column borders of the
//! header separator, not split at `|` as `build.rs` does), so a mistake in the
//! generator cannot hide itself.
//!
//! A new version of the page is a file drop. Then `catalogue_json_is_the_committed_export`
//! fails and lists the codes added, removed and changed against
//! `tests/data/error-codes.json`; when the changes are the intended ones, run
//! `DCS_STATUS_BLESS=1 cargo test -p dcs-status --test catalogue_matches_document`
//! to write the new export, and commit both files.

use std::collections::BTreeMap;

use dcs_status::{catalogue_json, CatalogueEntry, ErrorAdvice};
use serde_json::Value;

/// One row of the document, as this test reads it.
#[derive(Debug)]
struct Row {
    status: String,
    code: String,
    message: String,
    description: String,
    solution: String,
}

fn document() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/error-codes.rst");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The rows below the header separator, each cell cut at the column borders that
/// the separator's `+` marks.
fn rows(text: &str) -> Vec<Row> {
    let separator = text
        .lines()
        .find(|l| l.starts_with("+="))
        .expect("a header separator");
    let borders: Vec<usize> = separator.match_indices('+').map(|(i, _)| i).collect();
    assert_eq!(borders.len(), 6, "five columns");
    let body = text.split(separator).nth(1).expect("rows after the header");
    body.lines()
        .filter(|l| l.starts_with('|'))
        .map(|line| {
            let cell = |n: usize| {
                let raw = line
                    .get(borders[n] + 1..borders[n + 1])
                    .unwrap_or_else(|| panic!("a line shorter than the table: {line}"));
                resolve_rst_escapes(raw.trim())
            };
            Row {
                status: cell(0),
                code: cell(1).split_whitespace().collect(),
                message: cell(2),
                description: cell(3),
                solution: cell(4),
            }
        })
        .collect()
}

/// RST: a backslash makes the next character literal; an escaped space is removed.
fn resolve_rst_escapes(cell: &str) -> String {
    let mut out = String::new();
    let mut escaped = false;
    for c in cell.chars() {
        if escaped {
            if c != ' ' {
                out.push(c);
            }
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// The rules, written out as plainly as possible: first match wins,
/// case-insensitive.
fn advice_by_the_rules(solution: &str) -> &'static str {
    let s = solution.to_lowercase();
    if s.contains("try again later") {
        "retry_later"
    } else if s == "contact technical support." {
        "contact_support"
    } else if ["check", "select", "reset", "process"]
        .iter()
        .any(|p| s.starts_with(p))
    {
        "fix_request"
    } else if s == "operation not allowed." || s.starts_with("only ") {
        "not_allowed"
    } else {
        "unspecified"
    }
}

#[test]
fn the_catalogue_equals_the_document_entry_by_entry() {
    let rows = rows(&document());
    let entries = CatalogueEntry::all();
    let mut differences = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let Some(entry) = entries.get(i) else {
            differences.push(format!(
                "row {i} ({}) is missing from the catalogue",
                row.code
            ));
            continue;
        };
        let fields = [
            ("code", row.code.as_str(), entry.code().to_owned()),
            ("status", &row.status, entry.status().code().to_string()),
            ("message", &row.message, entry.message().to_owned()),
            (
                "description",
                &row.description,
                entry.description().to_owned(),
            ),
            ("solution", &row.solution, entry.solution().to_owned()),
            (
                "advice",
                advice_by_the_rules(&row.solution),
                entry.advice().as_str().to_owned(),
            ),
        ];
        for (field, document, catalogue) in fields {
            if document != catalogue {
                differences.push(format!(
                    "row {i} ({}), {field}:\n  document:  {document:?}\n  catalogue: {catalogue:?}",
                    row.code
                ));
            }
        }
    }
    for entry in entries.iter().skip(rows.len()) {
        differences.push(format!(
            "{} is in the catalogue, not in the document",
            entry.code()
        ));
    }
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences.join("\n")
    );
    assert_eq!(entries.len(), rows.len());
}

#[test]
fn advice_counts_follow_the_rules_and_the_unspecified_are_listed() {
    let rows = rows(&document());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unspecified = Vec::new();
    for row in &rows {
        let advice = advice_by_the_rules(&row.solution);
        *counts.entry(advice).or_default() += 1;
        if advice == "unspecified" {
            unspecified.push(format!("{}: {}", row.code, row.solution));
        }
    }
    let mut catalogue: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in CatalogueEntry::all() {
        *catalogue.entry(entry.advice().as_str()).or_default() += 1;
    }
    let shown: Vec<String> = ErrorAdvice::ALL
        .iter()
        .map(|a| format!("{} {}", a, counts.get(a.as_str()).unwrap_or(&0)))
        .collect();
    println!("advice on this document: {}", shown.join(" / "));
    println!("unspecified:\n  {}", unspecified.join("\n  "));
    assert_eq!(catalogue, counts);
    assert_eq!(
        counts.values().sum::<usize>(),
        rows.len(),
        "every row has one advice"
    );
}

#[test]
fn every_status_is_in_the_status_table_and_matches_its_row() {
    // Also enforced at build time: CatalogueEntry::row panics in const evaluation.
    for (row, entry) in rows(&document()).iter().zip(CatalogueEntry::all()) {
        let status = dcs_status::Status::from_code(row.status.parse().expect("a number"));
        assert_eq!(status, Some(entry.status()), "{}", row.code);
    }
}

fn export_path() -> String {
    format!(
        "{}/../../tests/data/error-codes.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The entries of a canonical export, by code.
fn by_code(json: &str) -> BTreeMap<String, Value> {
    let entries: Vec<Value> = serde_json::from_str(json).expect("the export is JSON");
    entries
        .into_iter()
        .map(|e| (e["code"].as_str().expect("a code").to_owned(), e))
        .collect()
}

#[test]
fn catalogue_json_is_the_committed_export() {
    let path = export_path();
    let generated = catalogue_json();
    if std::env::var_os("DCS_STATUS_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if committed == generated {
        return;
    }
    let (old, new) = (by_code(&committed), by_code(&generated));
    let added: Vec<&String> = new.keys().filter(|c| !old.contains_key(*c)).collect();
    let removed: Vec<&String> = old.keys().filter(|c| !new.contains_key(*c)).collect();
    let mut changed = Vec::new();
    for (code, entry) in &new {
        let Some(before) = old.get(code) else {
            continue;
        };
        for field in ["status", "message", "description", "solution", "advice"] {
            if before[field] != entry[field] {
                changed.push(format!(
                    "{code} {field}: {} -> {}",
                    before[field], entry[field]
                ));
            }
        }
    }
    panic!(
        "the catalogue differs from {path}\n\
         added ({}): {added:?}\nremoved ({}): {removed:?}\nchanged ({}):\n  {}\n{}\
         If the new document is intended, run DCS_STATUS_BLESS=1 cargo test -p dcs-status \
         --test catalogue_matches_document and commit the new export.",
        added.len(),
        removed.len(),
        changed.len(),
        changed.join("\n  "),
        if added.is_empty() && removed.is_empty() && changed.is_empty() {
            "(same entries: the order or the format differs)\n"
        } else {
            ""
        },
    );
}

#[test]
fn the_export_has_exactly_the_six_keys_in_order() {
    let json = catalogue_json();
    let entries: Vec<Value> = serde_json::from_str(&json).expect("JSON");
    assert_eq!(entries.len(), CatalogueEntry::all().len());
    for (value, entry) in entries.iter().zip(CatalogueEntry::all()) {
        let keys: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        // serde_json sorts an object's keys.
        assert_eq!(
            keys,
            [
                "advice",
                "code",
                "description",
                "message",
                "solution",
                "status"
            ]
        );
        assert_eq!(value["code"], entry.code());
        assert_eq!(value["status"], entry.status().code());
        assert_eq!(value["message"], entry.message());
        assert_eq!(value["description"], entry.description());
        assert_eq!(value["solution"], entry.solution());
        assert_eq!(value["advice"], entry.advice().as_str());
    }
    // In canonical JSON a `"` outside escapes only delimits a token, so each key
    // token is found where it is, and they come in this order.
    for line in json.lines().filter(|l| l.starts_with('{')) {
        let at: Vec<Option<usize>> = [
            "{\"code\":",
            ",\"status\":",
            ",\"message\":",
            ",\"description\":",
            ",\"solution\":",
            ",\"advice\":",
        ]
        .iter()
        .map(|key| line.find(key))
        .collect();
        assert!(at.iter().all(Option::is_some) && at.is_sorted(), "{line}");
        assert_eq!(at[0], Some(0), "{line}");
    }
}
