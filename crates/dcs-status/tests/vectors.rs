//! The shared test vectors in `tests/vectors/`, which every binding runs too.

use std::time::Duration;

use dcs_status::{decide, from_name, lookup, parse_retry_after, Decision};
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

#[test]
fn names() {
    for case in cases("names.json") {
        let name = str_of(&case, "name");
        match (case.get("code"), from_name(name)) {
            (Some(code), Ok(status)) => {
                assert_eq!(Some(u64::from(status.code())), code.as_u64(), "{name:?}")
            }
            (None, Err(_)) => assert_eq!(str_of(&case, "error"), "unknown_name"),
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
            (Some(error), Err(_)) => assert_eq!(error, "not_a_status_code"),
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
                assert_eq!(Some(delay.as_secs()), seconds.as_u64(), "{value:?}")
            }
            (None, Err(e)) => assert_eq!(e.as_str(), str_of(&case, "error"), "{value:?}"),
            (expected, got) => panic!("{value:?}: expected {expected:?}, got {got:?}"),
        }
    }
}

#[test]
fn decisions() {
    for case in cases("decisions.json") {
        let code = i64_of(&case, "code");
        let retry_after = case["retry_after"].as_str();
        let now = i64_of(&case, "now");
        let idempotent = case["idempotent"]
            .as_bool()
            .unwrap_or_else(|| panic!("{case}"));
        let got = decide(code, retry_after, now, idempotent);
        let context = format!("{code} {retry_after:?} idempotent={idempotent}");
        match (case.get("error"), got) {
            (Some(error), Err(_)) => assert_eq!(error, "not_a_status_code", "{context}"),
            (None, Ok(decision)) => {
                assert_eq!(decision.as_str(), str_of(&case, "action"), "{context}");
                let expected = case
                    .get("seconds")
                    .and_then(Value::as_u64)
                    .map(Duration::from_secs);
                assert_eq!(decision.delay(), expected, "{context}");
                if let Decision::RetryAfter(_) = decision {
                    assert!(expected.is_some(), "{context}: a delay is expected");
                }
            }
            (expected, got) => panic!("{context}: expected error {expected:?}, got {got:?}"),
        }
    }
}
