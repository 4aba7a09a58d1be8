//! The shared vectors of the retry policy (`tests/vectors/retry_steps.json`), which
//! every binding runs too: steps, delays, budget sequences, validation and names.

use dcs_status::{
    Jitter, RetryBudget, RetryCategory, RetryInputError, RetryPolicy, RetryReason, RetryStep,
    StepAction, StepInput,
};
use serde_json::Value;

fn vectors() -> Value {
    let path = format!(
        "{}/../../tests/vectors/retry_steps.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn list<'a>(json: &'a Value, key: &str) -> &'a [Value] {
    let items = json[key]
        .as_array()
        .unwrap_or_else(|| panic!("no list {key}"));
    assert!(!items.is_empty(), "{key} is empty");
    items
}

fn u64_of(json: &Value, key: &str) -> u64 {
    json[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} in {json}"))
}

fn u32_of(json: &Value, key: &str) -> u32 {
    u32::try_from(u64_of(json, key)).unwrap_or_else(|_| panic!("{key} in {json}"))
}

fn policy_of(json: &Value) -> RetryPolicy {
    let jitter = json["jitter"].as_str().and_then(Jitter::from_name);
    RetryPolicy {
        max_attempts: u32_of(json, "max_attempts"),
        jitter: jitter.unwrap_or_else(|| panic!("jitter in {json}")),
        base_transient_ms: u64_of(json, "base_transient_ms"),
        base_throttle_ms: u64_of(json, "base_throttle_ms"),
        base_busy_ms: u64_of(json, "base_busy_ms"),
        cap_ms: u64_of(json, "cap_ms"),
        max_retry_after_s: u64_of(json, "max_retry_after_s"),
    }
}

fn budget_of(json: &Value) -> RetryBudget {
    RetryBudget::new(
        u32_of(json, "capacity"),
        u32_of(json, "retry_cost"),
        u32_of(json, "throttle_cost"),
    )
    .with_tokens(u32_of(json, "tokens"))
}

fn input_of(json: &Value) -> StepInput<'_> {
    let text = |key: &str| json[key].as_str().map(str::as_bytes);
    StepInput {
        attempt: u32_of(json, "attempt"),
        status: json["status"].as_i64().expect("status"),
        retry_after: text("retry_after"),
        error_code: text("error_code"),
        idempotent: json["idempotent"].as_bool().expect("idempotent"),
        now: Some(json["now"].as_i64().expect("now")),
        random: Some(json["random"].as_f64().expect("random")),
        previous_delay_ms: u64_of(json, "previous_delay_ms"),
        time_left_ms: json["time_left_ms"].as_u64(),
        unreplayable_body: json["unreplayable_body"]
            .as_bool()
            .expect("unreplayable_body"),
    }
}

/// The step as the vectors write it.
fn step_json(step: &RetryStep) -> Value {
    serde_json::json!({
        "action": step.action.as_str(),
        "delay_ms": step.delay_ms,
        "category": step.category.map(RetryCategory::as_str),
        "reason": step.reason.as_str(),
        "tokens_after": step.tokens_after,
        "log_line": step.to_string(),
    })
}

fn category_of(json: &Value) -> RetryCategory {
    json.as_str()
        .and_then(RetryCategory::from_name)
        .unwrap_or_else(|| panic!("category {json}"))
}

#[test]
fn every_step_vector_gives_its_action_delay_category_reason_tokens_and_line() {
    let json = vectors();
    for case in list(&json, "steps") {
        let policy = policy_of(&case["policy"]);
        let budget = (!case["budget"].is_null()).then(|| budget_of(&case["budget"]));
        let step = policy.step(&input_of(&case["input"]), budget.as_ref());
        assert_eq!(step_json(&step), case["expected"], "{}", case["note"]);
        assert_eq!(
            budget.map(|b| b.tokens()),
            step.tokens_after,
            "{}",
            case["note"]
        );
    }
}

#[test]
fn every_delay_vector_gives_its_delay() {
    let json = vectors();
    for case in list(&json, "delays") {
        let policy = policy_of(&case["policy"]);
        let delay = policy.backoff_ms(
            category_of(&case["category"]),
            u32_of(case, "retry"),
            case["random"].as_f64().expect("random"),
            u64_of(case, "previous_ms"),
        );
        assert_eq!(delay, u64_of(case, "delay_ms"), "{}", case["note"]);
    }
}

#[test]
fn every_budget_sequence_leaves_its_tokens() {
    let json = vectors();
    for sequence in list(&json, "budget_sequences") {
        let note = &sequence["note"];
        let policy = policy_of(&sequence["policy"]);
        let budget = budget_of(&sequence["budget"]);
        let mut last: Option<RetryStep> = None;
        for event in list(sequence, "events") {
            match event["success"].as_str() {
                Some("first_attempt") => {
                    let tokens = budget.record_success(None);
                    assert_eq!(u64::from(tokens), u64_of(event, "tokens_after"), "{note}");
                }
                Some("after_last_step") => {
                    let step = last
                        .as_ref()
                        .unwrap_or_else(|| panic!("no step yet: {note}"));
                    let tokens = budget.record_success(Some(step));
                    assert_eq!(u64::from(tokens), u64_of(event, "tokens_after"), "{note}");
                }
                Some(other) => panic!("unknown success {other:?}: {note}"),
                None => {
                    let step = policy.step(&input_of(&event["step"]), Some(&budget));
                    assert_eq!(step_json(&step), event["expected"], "{note}");
                    last = Some(step);
                }
            }
        }
    }
}

fn error_name(result: Result<(), RetryInputError>) -> Value {
    result.err().map(RetryInputError::as_str).into()
}

#[test]
fn every_validation_vector_gives_its_error() {
    let json = vectors();
    let validation = &json["validation"];
    for case in list(validation, "policies") {
        let policy = policy_of(&case["policy"]);
        assert_eq!(
            error_name(policy.validate()),
            case["error"],
            "{}",
            case["policy"]
        );
    }
    for case in list(validation, "inputs") {
        let input = input_of(&case["input"]);
        assert_eq!(
            error_name(input.validate()),
            case["error"],
            "{}",
            case["input"]
        );
    }
    for case in list(validation, "jitter_names") {
        let name = case["name"].as_str().expect("name");
        let found: Value = Jitter::from_name(name).map(Jitter::as_str).into();
        assert_eq!(found, case["jitter"], "{name:?}");
    }
}

#[test]
fn the_defaults_are_the_vectors_defaults() {
    let json = vectors();
    assert_eq!(policy_of(&json["default_policy"]), RetryPolicy::DEFAULT);
    let budget = RetryBudget::default();
    let expected = &json["default_budget"];
    assert_eq!(u64::from(budget.capacity()), u64_of(expected, "capacity"));
    assert_eq!(
        u64::from(budget.retry_cost()),
        u64_of(expected, "retry_cost")
    );
    assert_eq!(
        u64::from(budget.throttle_cost()),
        u64_of(expected, "throttle_cost")
    );
    assert_eq!(budget.tokens(), budget.capacity());
}

/// Every name and sentence, in declaration order, so a binding that lists them
/// (or re-types one) is checked against the core.
#[test]
fn the_names_and_sentences_are_the_cores() {
    let json = vectors();
    let names = &json["names"];
    let pairs = |items: Vec<(&str, &str)>| -> Value {
        items
            .into_iter()
            .map(|(name, sentence)| serde_json::json!({ "name": name, "sentence": sentence }))
            .collect()
    };
    let expected = serde_json::json!({
        "reasons": pairs(RetryReason::ALL.iter().map(|r| (r.as_str(), r.explain())).collect()),
        "categories": pairs(RetryCategory::ALL.iter().map(|c| (c.as_str(), c.explain())).collect()),
        "actions": pairs(StepAction::ALL.iter().map(|a| (a.as_str(), a.explain())).collect()),
        "jitters": pairs(Jitter::ALL.iter().map(|j| (j.as_str(), j.explain())).collect()),
        "input_errors": pairs(RetryInputError::ALL.iter().map(|e| (e.as_str(), e.message())).collect()),
    });
    assert_eq!(names, &expected);
}

/// The vectors reach every rule, reason, category, action and jitter mode.
#[test]
fn the_vectors_cover_every_reason_category_and_jitter() {
    let json = vectors();
    let steps = list(&json, "steps");
    let seen = |key: &str, name: &str| {
        steps
            .iter()
            .any(|case| case["expected"][key] == name || case["policy"][key] == name)
    };
    for reason in RetryReason::ALL {
        assert!(
            seen("reason", reason.as_str()),
            "no step with reason {reason}"
        );
    }
    for category in RetryCategory::ALL {
        assert!(
            seen("category", category.as_str()),
            "no step in category {category}"
        );
    }
    for action in StepAction::ALL {
        assert!(
            seen("action", action.as_str()),
            "no step that does {action}"
        );
    }
    for jitter in Jitter::ALL {
        assert!(
            seen("jitter", jitter.as_str()),
            "no step with jitter {jitter}"
        );
    }
}
