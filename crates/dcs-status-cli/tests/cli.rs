//! The `dcs-status` command, run as a user runs it.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dcs-status"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running dcs-status: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_code_is_explained() {
    let out = run(&["429"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("429 Too Many Requests\n"), "{text}");
    assert!(text.contains("TooManyRequests"));
    assert!(text.contains("TOO_MANY_REQUESTS"));
    assert!(text.contains("client error (4xx)"));
    assert!(text.contains("Retry-After header"));
}

#[test]
fn a_name_is_explained() {
    let out = run(&["not found"]);
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("404 Not Found\n"));
}

#[test]
fn an_unrecognized_code_is_read_as_its_class() {
    let out = run(&["418"]);
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("418 (not in the DCS table: read as 400 Bad Request"));
}

#[test]
fn bad_input_is_one_line_on_stderr_and_a_failure() {
    for args in [
        &["42"][..],
        &["bogus name"],
        &["retry-after", "+1"],
        &["retry", "7"],
        &[],
    ] {
        let out = run(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("dcs-status: "), "{args:?}: {err}");
    }
}

#[test]
fn list_json_is_the_canonical_json() {
    let out = run(&["list", "--json"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), dcs_status::table_json());
    assert_eq!(stdout(&out).lines().count(), 44);
}

#[test]
fn list_has_a_line_per_entry() {
    let out = run(&["list"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 42);
    assert!(text
        .lines()
        .any(|l| l.starts_with("504 ServerTimeout") && l.contains("Gateway Timeout")));
}

#[test]
fn retry_after_prints_seconds() {
    let out = run(&[
        "retry-after",
        "Sun, 06 Nov 1994 08:51:37 GMT",
        "--now",
        "784111777",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "120\n");
}

#[test]
fn retry_prints_the_decision() {
    let decision = |args: &[&str]| stdout(&run(args));
    assert_eq!(
        decision(&["retry", "503", "--retry-after", "20", "--now", "0"]),
        "retry_after 20s\n"
    );
    assert_eq!(decision(&["retry", "503"]), "do_not_retry\n");
    assert_eq!(
        decision(&["retry", "502", "--idempotent"]),
        "retry_with_backoff\n"
    );
}
