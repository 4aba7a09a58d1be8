//! The shared test vectors in `tests/vectors/`, which every binding runs too.

use std::time::Duration;

use dcs_status::{
    decide, error_message, from_name, lookup, method_is_idempotent, parse_retry_after, Decision,
    ErrorKind, HttpError,
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

fn str_of<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} in {case}"))
}

fn i64_of(case: &Value, key: &str) -> i64 {
    case[key]
        .as_i64()
        .unwrap_or_else(|| panic!("{key} in {case}"))
}

fn bool_of(case: &Value, key: &str) -> bool {
    case[key]
        .as_bool()
        .unwrap_or_else(|| panic!("{key} in {case}"))
}

/// The error kind a case's "error" names: the vectors use [`ErrorKind::as_str`].
fn kind_of(case: &Value) -> ErrorKind {
    let name = str_of(case, "error");
    ErrorKind::ALL
        .into_iter()
        .find(|k| k.as_str() == name)
        .unwrap_or_else(|| panic!("no error kind is named {name:?}"))
}

#[test]
fn names() {
    for case in cases("names.json") {
        let name = str_of(&case, "name");
        match (case.get("code"), from_name(name)) {
            (Some(code), Ok(status)) => {
                assert_eq!(Some(u64::from(status.code())), code.as_u64(), "{name:?}")
            }
            (None, Err(e)) => assert_eq!(e.kind(), kind_of(&case), "{name:?}"),
            (expected, got) => panic!("{name:?}: expected {expected:?}, got {got:?}"),
        }
    }
}

#[test]
fn lookups() {
    for case in cases("lookups.json") {
        let code = i64_of(&case, "code");
        match (case.get("error"), lookup(code)) {
            (None, Ok(found)) => {
                assert_eq!(found.kind().as_str(), str_of(&case, "kind"), "{code}");
                assert_eq!(found.class().as_str(), str_of(&case, "class"), "{code}");
                assert_eq!(
                    i64::from(found.status().code()),
                    i64_of(&case, "status"),
                    "{code}"
                );
            }
            (Some(_), Err(e)) => assert_eq!(e.kind(), kind_of(&case), "{code}"),
            (expected, got) => panic!("{code}: expected error {expected:?}, got {got:?}"),
        }
    }
}

#[test]
fn retry_after() {
    for case in cases("retry_after.json") {
        let value = str_of(&case, "value");
        let now = i64_of(&case, "now");
        match (case.get("seconds"), parse_retry_after(value, now)) {
            (Some(seconds), Ok(delay)) => {
                assert_eq!(
                    Some(delay.as_secs()),
                    seconds.as_u64(),
                    "{value:?} at {now}"
                )
            }
            (None, Err(e)) => assert_eq!(e.kind(), kind_of(&case), "{value:?}"),
            (expected, got) => panic!("{value:?} at {now}: expected {expected:?}, got {got:?}"),
        }
    }
}

#[test]
fn decisions() {
    for case in cases("decisions.json") {
        let code = i64_of(&case, "code");
        let retry_after = case["retry_after"].as_str();
        let now = i64_of(&case, "now");
        let idempotent = bool_of(&case, "idempotent");
        let got = decide(code, retry_after, now, idempotent);
        let context = format!("{code} {retry_after:?} idempotent={idempotent}");
        match (case.get("error"), got) {
            (Some(_), Err(e)) => assert_eq!(e.kind(), kind_of(&case), "{context}"),
            (None, Ok(decision)) => {
                assert_eq!(
                    decision.action().as_str(),
                    str_of(&case, "action"),
                    "{context}"
                );
                let expected = case
                    .get("seconds")
                    .and_then(Value::as_u64)
                    .map(Duration::from_secs);
                assert_eq!(decision.delay(), expected, "{context}");
                if let Decision::RetryAfter(_) = decision {
                    assert!(expected.is_some(), "{context}: a delay is expected");
                }
                assert_eq!(decision.to_string(), str_of(&case, "text"), "{context}");
            }
            (expected, got) => panic!("{context}: expected error {expected:?}, got {got:?}"),
        }
    }
}

#[test]
fn methods() {
    for case in cases("methods.json") {
        let method = str_of(&case, "method");
        assert_eq!(
            method_is_idempotent(method),
            bool_of(&case, "idempotent"),
            "{method:?}"
        );
    }
}

#[test]
fn error_messages() {
    for case in cases("error_messages.json") {
        let input = str_of(&case, "input");
        let kind = kind_of(&case);
        let expected = str_of(&case, "message");
        assert_eq!(
            error_message(kind, input.as_bytes()).to_string(),
            expected,
            "{kind} {input:?}"
        );
        // The errors Rust returns say the same.
        let returned = match kind {
            ErrorKind::UnknownName => from_name(input).err().map(|e| e.to_string()),
            ErrorKind::NotAStatusCode => input
                .parse::<i64>()
                .ok()
                .and_then(|code| lookup(code).err())
                .map(|e| e.to_string()),
            _ => None,
        };
        if let Some(returned) = returned {
            assert_eq!(returned, expected, "{kind} {input:?}");
        }
    }
}

#[test]
fn http_errors() {
    for case in cases("http_errors.json") {
        let code = i64_of(&case, "code");
        let retry_after = case["retry_after"].as_str().map(str::as_bytes);
        let request_id = case["request_id"].as_str().map(str::as_bytes);
        let err = HttpError::new(
            code,
            retry_after,
            request_id,
            i64_of(&case, "now"),
            bool_of(&case, "idempotent"),
        )
        .unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(err.to_string(), str_of(&case, "message"), "{case}");
    }
}
