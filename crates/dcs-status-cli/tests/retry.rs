//! `dcs-status retry`: one step of the core's retry policy from a shell. Every step
//! case of the shared vectors (`tests/vectors/retry_steps.json`) runs through `run`,
//! with `--json` and without; bad values get the core's messages.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{error, stdout};
use dcs_status::{
    error_message, ErrorKind, Jitter, RetryBudget, RetryInputError, RetryPolicy, StepInput,
};
use serde_json::Value;

fn vectors() -> Value {
    let path = format!(
        "{}/../../tests/vectors/retry_steps.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// A vector's number as the command line writes it: integers as integers, draws as
/// Rust's shortest round-tripping decimal.
fn number(value: &Value) -> String {
    match value
        .as_u64()
        .map(|n| n.to_string())
        .or_else(|| value.as_i64().map(|n| n.to_string()))
    {
        Some(n) => n,
        None => format!("{:?}", value.as_f64().unwrap()),
    }
}

/// The arguments of `dcs-status retry` for a step case: every policy, input and
/// budget field as its option (`--name=value`, so a value may start with `-`).
fn arguments(case: &Value) -> Vec<String> {
    let (policy, input, budget) = (&case["policy"], &case["input"], &case["budget"]);
    let mut args = vec!["retry".to_owned(), number(&input["status"])];
    let mut option = |name: &str, value: String| args.push(format!("--{name}={value}"));
    for (name, key) in [
        ("max-attempts", "max_attempts"),
        ("base-transient-ms", "base_transient_ms"),
        ("base-throttle-ms", "base_throttle_ms"),
        ("base-busy-ms", "base_busy_ms"),
        ("cap-ms", "cap_ms"),
        ("max-retry-after", "max_retry_after_s"),
    ] {
        option(name, number(&policy[key]));
    }
    option("jitter", policy["jitter"].as_str().unwrap().to_owned());
    for (name, key) in [
        ("attempt", "attempt"),
        ("now", "now"),
        ("random", "random"),
        ("previous-ms", "previous_delay_ms"),
        ("time-left-ms", "time_left_ms"),
    ] {
        if !input[key].is_null() {
            option(name, number(&input[key]));
        }
    }
    for (name, key) in [("retry-after", "retry_after"), ("error-code", "error_code")] {
        if let Some(text) = input[key].as_str() {
            option(name, text.to_owned());
        }
    }
    if !budget.is_null() {
        for (name, key) in [
            ("budget-capacity", "capacity"),
            ("budget-retry-cost", "retry_cost"),
            ("budget-throttle-cost", "throttle_cost"),
            ("budget-tokens", "tokens"),
        ] {
            option(name, number(&budget[key]));
        }
    }
    if input["idempotent"].as_bool().unwrap() {
        args.push("--idempotent".to_owned());
    }
    if input["unreplayable_body"].as_bool().unwrap() {
        args.push("--unreplayable-body".to_owned());
    }
    args
}

/// What the core's validation says of a case: `Some(message)` when the command must
/// refuse it, the message being the core's about the value given.
fn refusal(case: &Value) -> Option<String> {
    let (policy, input) = (&case["policy"], &case["input"]);
    let u64_of = |v: &Value, key: &str| v[key].as_u64().unwrap();
    let core_input = StepInput {
        attempt: u64_of(input, "attempt") as u32,
        status: input["status"].as_i64().unwrap(),
        random: input["random"].as_f64(),
        ..StepInput::new(1, 200)
    };
    let core_policy = RetryPolicy {
        max_attempts: u64_of(policy, "max_attempts") as u32,
        jitter: Jitter::from_name(policy["jitter"].as_str().unwrap()).unwrap(),
        base_transient_ms: u64_of(policy, "base_transient_ms"),
        base_throttle_ms: u64_of(policy, "base_throttle_ms"),
        base_busy_ms: u64_of(policy, "base_busy_ms"),
        cap_ms: u64_of(policy, "cap_ms"),
        max_retry_after_s: u64_of(policy, "max_retry_after_s"),
    };
    let error = core_input.validate().and(core_policy.validate()).err()?;
    let given = match error {
        RetryInputError::NotAStatusCode => number(&input["status"]),
        RetryInputError::RandomOutOfRange => number(&input["random"]),
        _ => String::new(),
    };
    Some(format!(
        "dcs-status: {}\n",
        error_message(error.kind(), given.as_bytes())
    ))
}

#[test]
fn every_step_vector_prints_its_json_and_its_log_line_or_the_cores_refusal() {
    let json = vectors();
    let steps = json["steps"].as_array().unwrap();
    let (mut answered, mut refused) = (0, 0);
    for case in steps {
        let note = &case["note"];
        let args = arguments(case);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        if let Some(message) = refusal(case) {
            assert_eq!(error(&args), message, "{note}: {args:?}");
            refused += 1;
            continue;
        }
        let mut expected = case["expected"].clone();
        let log_line = expected["log_line"].take();
        expected.as_object_mut().unwrap().remove("log_line");
        let printed = stdout(&[&args[..], &["--json"]].concat());
        assert!(printed.ends_with("}\n"), "{note}: {printed}");
        let object: Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(object, expected, "{note}: {args:?}");
        // Exactly these keys, in this order.
        let keys: Vec<&String> = object.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 5);
        assert!(printed.starts_with("{\"action\":"), "{printed}");
        assert_eq!(
            stdout(&args),
            format!("{}\n", log_line.as_str().unwrap()),
            "{note}: {args:?}"
        );
        answered += 1;
    }
    // Both kinds are there: the vectors hold inputs the core answers but validation
    // refuses (status 42, attempt 0, a draw of 2.5).
    assert!(answered > 100 && refused > 0, "{answered} {refused}");
}

#[test]
fn the_help_states_the_cores_defaults() {
    let help = stdout(&["retry", "--help"]);
    // The help wraps its text: join the lines of each option.
    let text = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let p = RetryPolicy::DEFAULT;
    let b = RetryBudget::default();
    for (option, default) in [
        ("--attempt N", "1".to_owned()),
        ("--max-attempts N", p.max_attempts.to_string()),
        ("--jitter MODE", p.jitter.to_string()),
        ("--base-transient-ms MS", p.base_transient_ms.to_string()),
        ("--base-throttle-ms MS", p.base_throttle_ms.to_string()),
        ("--base-busy-ms MS", p.base_busy_ms.to_string()),
        ("--cap-ms MS", p.cap_ms.to_string()),
        ("--max-retry-after S", p.max_retry_after_s.to_string()),
        ("--previous-ms MS", "0".to_owned()),
        ("--budget-capacity T", b.capacity().to_string()),
        ("--budget-retry-cost T", b.retry_cost().to_string()),
        ("--budget-throttle-cost T", b.throttle_cost().to_string()),
    ] {
        let at = text.find(option).unwrap_or_else(|| panic!("{option}"));
        let rest = &text[at..];
        let default_at = rest.find("(default ").unwrap_or_else(|| panic!("{option}"));
        // The default is this option's: no other option starts before it.
        assert!(!rest[option.len()..default_at].contains(" --"), "{option}");
        assert!(
            rest[default_at..].starts_with(&format!("(default {default})")),
            "{option}: {}",
            &rest[default_at..]
        );
    }
    for mode in Jitter::ALL {
        assert!(text.contains(mode.as_str()), "{mode}");
    }
}

#[test]
fn without_json_it_prints_the_log_line_with_json_the_object() {
    let busy = [
        "retry",
        "400",
        "--error-code",
        "DCS.4111",
        "--random",
        "0.37",
    ];
    assert_eq!(
        stdout(&busy),
        "retry 1 of 2 in 740 ms: DCS.4111 says try again later (busy)\n"
    );
    assert_eq!(
        stdout(&[&busy[..], &["--json"]].concat()),
        "{\"action\":\"retry\",\"delay_ms\":740,\"category\":\"busy\",\"reason\":\"busy\",\"tokens_after\":null}\n"
    );
    assert_eq!(
        stdout(&[&busy[..], &["--json", "--budget-tokens", "20"]].concat()),
        "{\"action\":\"retry\",\"delay_ms\":740,\"category\":\"busy\",\"reason\":\"busy\",\"tokens_after\":6}\n"
    );
    // Any budget option asks for a budget, full unless --budget-tokens says.
    assert!(
        stdout(&[&busy[..], &["--json", "--budget-capacity", "100"]].concat())
            .ends_with("\"tokens_after\":86}\n")
    );
    // More tokens than the capacity: as many as the capacity.
    assert!(
        stdout(&[&busy[..], &["--json", "--budget-tokens", "9999"]].concat())
            .ends_with("\"tokens_after\":486}\n")
    );
    assert_eq!(
        stdout(&["retry", "404", "--json"]),
        "{\"action\":\"do_not_retry\",\"delay_ms\":0,\"category\":null,\"reason\":\"status\",\"tokens_after\":null}\n"
    );
}

#[test]
fn the_old_questions_get_the_policy_s_answers() {
    // 0.1's `retry CODE [--retry-after V] [--idempotent] [--now S]` printed the
    // decision ("retry_after 20s"); the same arguments now print the step.
    assert_eq!(
        stdout(&["retry", "503", "--retry-after", "20", "--now", "0"]),
        "retry 1 of 2 in 20000 ms: 503 Service Unavailable asks to wait 20 s (retry_after)\n"
    );
    // --now reads an HTTP-date (the tests' clock is 08:49:37).
    assert_eq!(
        stdout(&[
            "retry",
            "503",
            "--retry-after",
            "Sun, 06 Nov 1994 08:50:37 GMT"
        ]),
        "retry 1 of 2 in 60000 ms: 503 Service Unavailable asks to wait 60 s (retry_after)\n"
    );
    assert_eq!(
        stdout(&[
            "retry",
            "503",
            "--retry-after",
            "Sun, 06 Nov 1994 08:50:37 GMT",
            "--now",
            "784111817"
        ]),
        "retry 1 of 2 in 20000 ms: 503 Service Unavailable asks to wait 20 s (retry_after)\n"
    );
    assert_eq!(
        stdout(&["retry", "502"]),
        "do not retry: 502 Bad Gateway on a request that is not idempotent (not_idempotent)\n"
    );
    assert_eq!(
        stdout(&["retry", "--idempotent", "502", "--random", "0.5"]),
        "retry 1 of 2 in 25 ms: 502 Bad Gateway on an idempotent request (server_error)\n"
    );
    assert_eq!(
        stdout(&["retry", "429", "--retry-after=-1", "--random", "0.5"]),
        "retry 1 of 2 in 500 ms: 429 Too Many Requests without a valid Retry-After (throttled)\n"
    );
}

#[test]
fn without_random_the_draw_is_fresh_and_below_the_ceiling() {
    // 429's first ceiling is the throttle base, 1000 ms: full jitter draws below it.
    let delays: Vec<u64> = (0..20)
        .map(|_| {
            let out = stdout(&["retry", "429", "--json"]);
            let object: Value = serde_json::from_str(&out).unwrap();
            object["delay_ms"].as_u64().unwrap()
        })
        .collect();
    assert!(delays.iter().all(|&d| d < 1000), "{delays:?}");
    assert!(delays.iter().any(|&d| d != delays[0]), "{delays:?}");
}

#[test]
fn bad_values_get_the_cores_messages() {
    let core = |kind: ErrorKind, input: &str| {
        format!("dcs-status: {}\n", error_message(kind, input.as_bytes()))
    };
    let cases: &[(&[&str], String)] = &[
        (&["retry", "42"], core(ErrorKind::NotAStatusCode, "42")),
        (&["retry", "1000"], core(ErrorKind::NotAStatusCode, "1000")),
        (
            &["retry", "503", "--random", "nan"],
            core(ErrorKind::RandomOutOfRange, "nan"),
        ),
        (
            &["retry", "503", "--random", "1"],
            core(ErrorKind::RandomOutOfRange, "1"),
        ),
        (
            &["retry", "503", "--random=-0.5"],
            core(ErrorKind::RandomOutOfRange, "-0.5"),
        ),
        (
            &["retry", "503", "--random", "inf"],
            core(ErrorKind::RandomOutOfRange, "inf"),
        ),
        (
            &["retry", "503", "--jitter", "bogus"],
            core(ErrorKind::UnknownJitter, "bogus"),
        ),
        (
            &["retry", "503", "--jitter", "Full"],
            core(ErrorKind::UnknownJitter, "Full"),
        ),
        (
            &["retry", "503", "--attempt", "0"],
            core(ErrorKind::AttemptZero, "0"),
        ),
        (
            &["retry", "503", "--max-attempts", "0"],
            core(ErrorKind::NoAttempts, "0"),
        ),
        (
            &["retry", "503", "--cap-ms", "10"],
            core(ErrorKind::CapBelowBase, ""),
        ),
        (
            &["retry", "503", "--base-busy-ms", "18446744073709551615"],
            core(ErrorKind::CapBelowBase, ""),
        ),
    ];
    for (args, message) in cases {
        assert_eq!(&error(args), message, "{args:?}");
    }
    assert_eq!(
        error(&["retry", "503", "--jitter", "bogus"]),
        "dcs-status: unknown jitter mode \"bogus\": expected full, equal, none or decorrelated\n"
    );
    assert_eq!(
        error(&["retry", "503", "--random", "nan"]),
        "dcs-status: \"nan\": the random draw must be a number from 0 up to but not including 1\n"
    );
    // Values that are not numbers at all are usage errors, as for every option.
    for (option, value, expected) in [
        ("--random", "abc", "a number such as 0.25"),
        ("--random", "", "a number such as 0.25"),
        ("--attempt", "-1", "an integer from 0 to 4294967295"),
        ("--attempt", "4294967296", "an integer from 0 to 4294967295"),
        (
            "--cap-ms",
            "18446744073709551616",
            "an integer from 0 to 18446744073709551615",
        ),
        ("--budget-tokens", "1.5", "an integer from 0 to 4294967295"),
    ] {
        assert_eq!(
            error(&["retry", "503", &format!("{option}={value}")]),
            format!("dcs-status: invalid value {value:?} for {option}: expected {expected}\n"),
        );
    }
}

#[test]
fn huge_numbers_are_answered_without_overflow() {
    let max32 = u32::MAX.to_string();
    let max64 = u64::MAX.to_string();
    let out = stdout(&[
        "retry",
        "502",
        "--idempotent",
        "--attempt",
        &(u32::MAX - 1).to_string(),
        "--max-attempts",
        &max32,
        "--base-transient-ms",
        &max64,
        "--base-throttle-ms",
        &max64,
        "--base-busy-ms",
        &max64,
        "--cap-ms",
        &max64,
        "--max-retry-after",
        &max64,
        "--random",
        "0.9999999999999999",
        "--previous-ms",
        &max64,
        "--budget-capacity",
        &max32,
        "--budget-retry-cost",
        &max32,
        "--json",
    ]);
    let object: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(object["reason"], "server_error", "{out}");
    assert_eq!(object["tokens_after"], 0);
    assert!(object["delay_ms"].as_u64().unwrap() > 1 << 63, "{out}");
    // The server may ask for more than a u64 of milliseconds: saturated, not wrapped.
    let out = stdout(&[
        "retry",
        "429",
        "--retry-after",
        "99999999999999999999",
        "--max-retry-after",
        &max64,
        "--json",
    ]);
    assert!(out.contains(&format!("\"delay_ms\":{max64}")), "{out}");
    let out = stdout(&[
        "retry",
        "503",
        "--now",
        &i64::MIN.to_string(),
        "--retry-after",
        "Sun, 06 Nov 1994 08:49:37 GMT",
    ]);
    assert!(out.contains("(retry_after_too_long)"), "{out}");
}
