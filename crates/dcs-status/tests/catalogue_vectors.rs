//! The shared vectors of the error catalogue, error bodies and response errors
//! (`tests/vectors/catalogue.json`, `bodies.json`, `responses.json`), which every
//! binding runs too.

use dcs_status::{
    parse_error_body, resolve_request_id, CatalogueEntry, HttpError, HttpErrorRef, RawStr,
};
use serde_json::Value;

fn cases(file: &str) -> Vec<Value> {
    let path = format!("{}/../../tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let cases = json["cases"].as_array().cloned().unwrap_or_default();
    assert!(!cases.is_empty(), "{path} has no cases");
    cases
}

/// The bytes a case describes as `{prefix}` (text), `{prefix}_hex` or
/// `{prefix}_pieces` (texts repeated and concatenated).
fn bytes_of(case: &Value, prefix: &str) -> Vec<u8> {
    let forms = [
        case.get(prefix).map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("{prefix} in {case}"))
                .as_bytes()
                .to_vec()
        }),
        case.get(format!("{prefix}_hex")).map(|v| {
            let hex = v.as_str().unwrap_or_else(|| panic!("hex in {case}"));
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digits"))
                .collect()
        }),
        case.get(format!("{prefix}_pieces")).map(|v| {
            let pieces = v.as_array().unwrap_or_else(|| panic!("pieces in {case}"));
            let mut out = Vec::new();
            for piece in pieces {
                let text = piece["text"].as_str().expect("a piece's text");
                let times = piece["times"].as_u64().expect("a piece's times");
                for _ in 0..times {
                    out.extend_from_slice(text.as_bytes());
                }
            }
            out
        }),
    ];
    let mut given = forms.into_iter().flatten();
    let bytes = given
        .next()
        .unwrap_or_else(|| panic!("no {prefix} in {}", case["note"]));
    assert!(
        given.next().is_none(),
        "two forms of {prefix} in {}",
        case["note"]
    );
    bytes
}

/// An expected text field: a string or null.
fn expected(case: &Value, key: &str) -> Option<String> {
    match case.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Null) => None,
        _ => panic!("{key} must be a string or null in {}", case["note"]),
    }
}

#[test]
fn catalogue_lookups() {
    for case in cases("catalogue.json") {
        let input = bytes_of(&case, "input");
        let note = &case["note"];
        match (case.get("error"), CatalogueEntry::lookup(&input)) {
            (None, Ok(entry)) => {
                assert_eq!(entry.code(), case["code"], "{note}");
                assert_eq!(entry.status().code(), case["status"], "{note}");
                assert_eq!(entry.advice().as_str(), case["advice"], "{note}");
                assert_eq!(entry.message(), case["message"], "{note}");
            }
            (Some(error), Err(unknown)) => {
                assert_eq!(error, "unknown_error_code", "{note}");
                if let Some(message) = case.get("error_message") {
                    assert_eq!(unknown.to_string(), *message, "{note}");
                }
            }
            (expected, got) => panic!("{note}: expected error {expected:?}, got {got:?}"),
        }
    }
}

/// A case's `headers`: `[name, value]` pairs.
fn headers_of(case: &Value) -> Vec<(Vec<u8>, Vec<u8>)> {
    case["headers"]
        .as_array()
        .unwrap_or_else(|| panic!("headers in {}", case["note"]))
        .iter()
        .map(|pair| {
            let text = |i: usize| pair[i].as_str().expect("a header text").as_bytes().to_vec();
            (text(0), text(1))
        })
        .collect()
}

#[test]
fn error_bodies() {
    for case in cases("bodies.json") {
        let body = bytes_of(&case, "body");
        let note = &case["note"];
        let headers = headers_of(&case);
        let parsed = parse_error_body(&body);
        let decoded = |field: Option<RawStr<'_>>| field.map(|s| s.decode().into_owned());
        let request_id = resolve_request_id(
            headers.iter().map(|(n, v)| (n.as_slice(), v.as_slice())),
            parsed.request_id(),
        );
        let got = [
            ("error_code", decoded(parsed.error_code())),
            ("error_msg", decoded(parsed.error_msg())),
            ("error_ext_msg", decoded(parsed.error_ext_msg())),
            ("body_request_id", decoded(parsed.request_id())),
            ("request_id", decoded(request_id)),
            (
                "catalogue_code",
                parsed.catalogue_entry().map(|e| e.code().to_owned()),
            ),
        ];
        for (key, value) in got {
            assert_eq!(value, expected(&case, key), "{note}: {key}");
        }
    }
}

#[test]
fn response_errors() {
    for case in cases("responses.json") {
        let body = bytes_of(&case, "body");
        let note = &case["note"];
        let headers = headers_of(&case);
        let pairs = || headers.iter().map(|(n, v)| (n.as_slice(), v.as_slice()));
        let code = case["code"].as_i64().expect("code");
        let now = case["now"].as_i64().expect("now");
        let idempotent = case["idempotent"].as_bool().expect("idempotent");
        let borrowed = HttpErrorRef::from_response(code, pairs(), &body, now, idempotent);
        let owned = HttpError::from_response(code, pairs(), &body, now, idempotent);
        let (borrowed, owned) = match (case.get("error"), borrowed, owned) {
            (Some(error), Err(e), Err(same)) => {
                assert_eq!(e, same, "{note}");
                assert_eq!(e.kind().as_str(), error, "{note}");
                assert_eq!(e.to_string(), case["message"], "{note}");
                continue;
            }
            (None, Ok(borrowed), Ok(owned)) => (borrowed, owned),
            (expected, borrowed, owned) => {
                panic!("{note}: expected {expected:?}, got {borrowed:?} and {owned:?}")
            }
        };
        let text = |t: Option<&str>| t.map(str::to_owned);
        let decoded = |t: Option<RawStr<'_>>| t.map(|t| t.decode().into_owned());
        for (key, got_owned, got_borrowed) in [
            (
                "request_id",
                text(owned.request_id()),
                decoded(borrowed.request_id()),
            ),
            (
                "error_code",
                text(owned.error_code()),
                decoded(borrowed.error_code()),
            ),
            (
                "error_msg",
                text(owned.error_msg()),
                decoded(borrowed.error_msg()),
            ),
            (
                "error_ext_msg",
                text(owned.error_ext_msg()),
                decoded(borrowed.error_ext_msg()),
            ),
            (
                "catalogue_code",
                owned.catalogue().map(|e| e.code().to_owned()),
                borrowed.catalogue().map(|e| e.code().to_owned()),
            ),
        ] {
            assert_eq!(got_owned, expected(&case, key), "{note}: {key}");
            assert_eq!(got_borrowed, got_owned, "{note}: {key}");
        }
        assert_eq!(owned.code(), case["code"], "{note}");
        assert_eq!(owned.status().code(), case["status"], "{note}");
        assert_eq!(owned.kind().as_str(), case["kind"], "{note}");
        assert_eq!(
            owned.retry_after().map(|d| d.as_secs()),
            case["retry_after"].as_u64(),
            "{note}"
        );
        assert_eq!(owned.decision().action().as_str(), case["action"], "{note}");
        assert_eq!(
            owned.decision().delay().map(|d| d.as_secs()),
            case.get("seconds").and_then(Value::as_u64),
            "{note}"
        );
        assert_eq!(owned.decision(), borrowed.decision(), "{note}");
        assert_eq!(owned.to_string(), case["message"], "{note}");
        assert_eq!(borrowed.to_string(), case["message"], "{note}");
    }
}
