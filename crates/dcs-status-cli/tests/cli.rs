//! `dcs-status` as `run` sees it: what each input prints, to which stream, with which
//! exit code. Everything `python -m dcs_status` prints is this too (it calls `run`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::cell::Cell;
use std::io::Read;

use common::{error, error_bytes, run_with, stdout};
use dcs_status::{CatalogueEntry, HttpError, Status};
use dcs_status_cli::Outcome;

#[test]
fn a_code_or_a_name_prints_the_cores_explanation() {
    let explain = |code: i64| dcs_status::lookup(code).unwrap().explain();
    assert_eq!(stdout(&["429"]), explain(429));
    assert!(stdout(&["429"]).starts_with("429 Too Many Requests\n"));
    assert_eq!(stdout(&["not found"]), explain(404));
    assert_eq!(stdout(&["  Gateway Time-out "]), explain(504));
    assert_eq!(stdout(&["418"]), explain(418));
    assert_eq!(stdout(&["--", "+404"]), explain(404));
}

#[test]
fn list_prints_the_cores_table_a_line_per_entry() {
    let text = stdout(&["list"]);
    assert_eq!(text, dcs_status::table_text());
    assert_eq!(text.lines().count(), Status::all().len());
}

#[test]
fn list_json_prints_the_canonical_json_an_entry_per_line() {
    let json = stdout(&["list", "--json"]);
    assert_eq!(json, dcs_status::table_json());
    // "[", one line per entry, "]".
    assert_eq!(json.lines().count(), Status::all().len() + 2);
}

#[test]
fn retry_after_prints_seconds_from_now_or_the_clock() {
    let date = "Sun, 06 Nov 1994 08:51:37 GMT";
    assert_eq!(
        stdout(&["retry-after", date, "--now", "784111777"]),
        "120\n"
    );
    assert_eq!(stdout(&["retry-after", "--now=784111717", date]), "180\n");
    assert_eq!(stdout(&["retry-after", date]), "120\n");
    assert_eq!(stdout(&["retry-after", "120", "--now", "-5"]), "120\n");
}

#[test]
fn help_lists_every_command_and_fits_in_80_columns() {
    let help = stdout(&["--help"]);
    assert!(help.starts_with("Explains the status codes and error codes of the DCS API"));
    for args in [&["-h"][..], &["help"], &["429", "--help"]] {
        assert_eq!(stdout(args), help, "{args:?}");
    }
    for command in ["list", "errors", "explain-body", "retry-after", "retry"] {
        assert!(help.contains(&format!("\n  {command} ")), "{command}");
        let own = stdout(&[command, "--help"]);
        assert!(
            own.contains(&format!("Usage: dcs-status {command} ")),
            "{own}"
        );
        assert_eq!(stdout(&[command, "-h"]), own);
        assert_eq!(stdout(&["help", command]), own);
        for text in [&help, &own] {
            for line in text.lines() {
                assert!(line.chars().count() <= 80, "{line:?}");
            }
        }
    }
    assert!(stdout(&["retry", "--help"]).contains("\n      --now SECONDS  "));
}

#[test]
fn help_wins_over_missing_arguments_but_not_over_earlier_errors() {
    assert_eq!(stdout(&["retry", "--help"]), stdout(&["help", "retry"]));
    assert_eq!(
        error(&["retry", "--bogus", "--help"]),
        "dcs-status: unknown option \"--bogus\": see `dcs-status retry --help`\n"
    );
}

#[test]
fn version_prints_the_version() {
    let version = format!("dcs-status {}\n", dcs_status::VERSION);
    assert_eq!(stdout(&["--version"]), version);
    assert_eq!(stdout(&["-V"]), version);
    assert_eq!(stdout(&["429", "-V"]), version);
}

#[test]
fn usage_errors_are_one_line_naming_the_problem_and_the_help() {
    let cases: &[(&[&str], &str)] = &[
        (
            &[],
            "give a status code or a name, or a command: see `dcs-status --help`",
        ),
        (
            &["--"],
            "give a status code or a name, or a command: see `dcs-status --help`",
        ),
        (
            &["--bogus"],
            "unknown option \"--bogus\": see `dcs-status --help`",
        ),
        (
            &["429", "404"],
            "unexpected argument \"404\": see `dcs-status --help`",
        ),
        (
            &["list", "--jsn"],
            "unknown option \"--jsn\": see `dcs-status list --help`",
        ),
        (
            &["list", "-x"],
            "unknown option \"-x\": see `dcs-status list --help`",
        ),
        (
            &["list", "--version"],
            "unknown option \"--version\": see `dcs-status list --help`",
        ),
        (
            &["list", "all"],
            "unexpected argument \"all\": see `dcs-status list --help`",
        ),
        (
            &["list", "--json=yes"],
            "--json takes no value: see `dcs-status list --help`",
        ),
        (
            &["list", "--json", "--json"],
            "--json is given twice: see `dcs-status list --help`",
        ),
        (
            &["retry-after"],
            "missing VALUE: see `dcs-status retry-after --help`",
        ),
        (
            &["retry-after", "1", "--now"],
            "--now needs a value: see `dcs-status retry-after --help`",
        ),
        (&["retry"], "missing STATUS: see `dcs-status retry --help`"),
        (
            &["retry", "503", "--retry-after"],
            "--retry-after needs a value: see `dcs-status retry --help`",
        ),
        (
            &["retry", "503", "504"],
            "unexpected argument \"504\": see `dcs-status retry --help`",
        ),
        (
            &["retry", "503", "--now", "1", "--now=2"],
            "--now is given twice: see `dcs-status retry --help`",
        ),
        (
            &["help", "bogus"],
            "unknown command \"bogus\": see `dcs-status --help`",
        ),
        (
            &["help", "list", "retry"],
            "unexpected argument \"retry\": see `dcs-status --help`",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(error(args), format!("dcs-status: {message}\n"), "{args:?}");
    }
}

#[test]
fn numbers_must_be_whole_ascii_and_in_range() {
    let expected = "expected an integer from -9223372036854775808 to 9223372036854775807";
    let cases: &[(&[&str], &str)] = &[
        (&["retry", "abc"], "invalid value \"abc\" for STATUS"),
        (&["retry", "5.0"], "invalid value \"5.0\" for STATUS"),
        (
            &["retry", "99999999999999999999"],
            "invalid value \"99999999999999999999\" for STATUS",
        ),
        (&["retry", "٥٠٣"], "invalid value \"٥٠٣\" for STATUS"),
        (&["retry", "５０３"], "invalid value \"５０３\" for STATUS"),
        (
            &["retry-after", "1", "--now", "-9223372036854775809"],
            "invalid value \"-9223372036854775809\" for --now",
        ),
        (
            &["retry-after", "1", "--now="],
            "invalid value \"\" for --now",
        ),
        (
            &["retry", "503", "--now", " 1"],
            "invalid value \" 1\" for --now",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(
            error(args),
            format!("dcs-status: {message}: {expected}\n"),
            "{args:?}"
        );
    }
    assert_eq!(
        error(&["retry", "-5"]),
        "dcs-status: -5 is not a status code: status codes are three-digit numbers from 100 to 999\n"
    );
    assert_eq!(
        error(&["retry", "-9223372036854775808"]),
        "dcs-status: -9223372036854775808 is not a status code: status codes are three-digit numbers from 100 to 999\n"
    );
    assert_eq!(
        stdout(&["retry", "+503"]),
        "do not retry: 503 Service Unavailable is not an error a retry can fix (status)\n"
    );
    assert_eq!(
        stdout(&["retry-after", "120", "--now", "9223372036854775807"]),
        "120\n"
    );
}

#[test]
fn input_errors_are_the_cores_messages() {
    assert_eq!(
        error(&["42"]),
        "dcs-status: 42 is not a status code: status codes are three-digit numbers from 100 to 999\n"
    );
    assert!(error(&["bogus"]).starts_with("dcs-status: unknown status name \"bogus\": expected"));
    assert_eq!(
        error(&["retry-after", "+1", "--now", "0"]),
        format!(
            "dcs-status: \"+1\": {}\n",
            dcs_status::RetryAfterError::InvalidDelay
        )
    );
}

#[test]
fn echoed_input_is_escaped_as_rust_debug_escapes_it() {
    for value in [
        "\u{301}x",
        "a\tb\u{1b}[31m\r\n",
        "\0\u{7f}\u{200b}\u{2028}",
        "say \"hi\"",
    ] {
        assert_eq!(
            error(&["retry-after", value, "--now", "0"]),
            format!(
                "dcs-status: {value:?}: {}\n",
                dcs_status::parse_retry_after(value, 0).unwrap_err()
            )
        );
        assert_eq!(
            error(&["list", value]),
            format!("dcs-status: unexpected argument {value:?}: see `dcs-status list --help`\n")
        );
    }
}

#[test]
fn arguments_that_are_not_utf8_are_a_usage_error_showing_their_bytes() {
    let expected =
        "dcs-status: argument \"a\\xffb\\xc3\": the text is not valid UTF-8: see `dcs-status --help`\n";
    for args in [
        &[&b"a\xffb\xc3"[..]][..],
        &[b"list", b"a\xffb\xc3"],
        &[b"retry", b"503", b"--retry-after", b"a\xffb\xc3"],
        &[b"--help", b"a\xffb\xc3"],
    ] {
        assert_eq!(error_bytes(args), expected, "{args:?}");
    }
}

#[test]
fn a_huge_argument_gives_a_short_message() {
    let huge = "9".repeat(1 << 20);
    let huge_text = "x".repeat(1 << 20);
    let huge_option = format!("--{huge}");
    for args in [
        &["retry-after", huge_text.as_str(), "--now", "0"][..],
        &["retry-after", "1", "--now", &huge],
        &["retry", &huge],
        &["list", &huge],
        &["list", &huge_option],
        &["help", &huge],
        &[
            "retry",
            "503",
            "--retry-after",
            &huge_text,
            "--now",
            &huge_text,
        ],
    ] {
        let message = error(args);
        assert!(message.len() < 400, "{} bytes: {message}", message.len());
        assert!(message.contains("\"…"), "{message}");
    }
    let invalid = vec![0xff; 1 << 20];
    let message = error_bytes(&[b"list", &invalid]);
    assert!(message.len() < 400, "{message}");
}

#[test]
fn a_huge_query_gives_a_short_message() {
    let message = error(&["x".repeat(1 << 20).as_str()]);
    assert!(message.len() < 400, "{} bytes", message.len());
}

#[test]
fn an_error_code_prints_the_catalogue_s_explanation() {
    let explain = |code: &str| CatalogueEntry::lookup(code).unwrap().explain();
    assert_eq!(stdout(&["DCS.4111"]), explain("DCS.4111"));
    assert!(stdout(&["DCS.4111"]).starts_with("DCS error code DCS.4111\n"));
    // The older numeric family: nine digits are an error code, not a status code.
    assert_eq!(stdout(&["111400017"]), explain("111400017"));
    // As forgiving as the lookup: case and whitespace, the document's own spelling.
    for query in [" dcs. 4855", "DCS. 4855", "dcs.4855 "] {
        assert_eq!(stdout(&[query]), explain("DCS.4855"), "{query:?}");
    }
    // Three digits stay a status code.
    assert_eq!(stdout(&["400"]), dcs_status::lookup(400).unwrap().explain());
}

#[test]
fn an_unknown_error_code_is_the_core_s_error_not_a_status_name() {
    for (query, shown) in [
        ("DCS.9999", "\"DCS.9999\""),
        ("DCS.4922", "\"DCS.4922\""),
        ("111400999", "\"111400999\""),
        (" dcs. 48555", "\" dcs. 48555\""),
    ] {
        assert_eq!(
            error(&[query]),
            format!(
                "dcs-status: unknown DCS error code {shown}: not in the error-code catalogue\n"
            )
        );
    }
    // Neither an error code nor a status code: the status-name error, as before.
    assert!(error(&["APIGW.0308"]).starts_with("dcs-status: unknown status name"));
    assert!(error(&["111400"]).starts_with("dcs-status: 111400 is not a status code"));
}

#[test]
fn errors_prints_the_catalogue_a_line_per_entry() {
    let text = stdout(&["errors"]);
    assert_eq!(text, dcs_status::catalogue_text());
    assert_eq!(text.lines().count(), CatalogueEntry::all().len());
}

#[test]
fn errors_json_is_exactly_the_canonical_catalogue() {
    let json = stdout(&["errors", "--json"]);
    assert_eq!(json, dcs_status::catalogue_json());
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = parsed.as_array().unwrap();
    assert_eq!(entries.len(), CatalogueEntry::all().len());
    let keys = [
        "code",
        "status",
        "message",
        "description",
        "solution",
        "advice",
    ];
    // One object per line, after the "[" line, with exactly these keys in this order.
    for ((value, entry), line) in entries
        .iter()
        .zip(CatalogueEntry::all())
        .zip(json.lines().skip(1))
    {
        let mut found: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = keys.to_vec();
        found.sort_unstable();
        expected.sort_unstable();
        assert_eq!(found, expected);
        let at: Vec<usize> = keys
            .iter()
            .map(|k| line.find(&format!("\"{k}\":")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
        assert_eq!(value["code"], entry.code());
    }
    // The committed copy (tests/data/error-codes.json) is the same catalogue.
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/error-codes.json"
    ))
    .unwrap();
    assert_eq!(json, committed);
}

/// What `explain-body ARGS` prints for `body` on standard input.
fn explain_body(args: &[&str], body: &[u8]) -> Outcome {
    let mut all: Vec<&[u8]> = vec![b"explain-body"];
    all.extend(args.iter().map(|a| a.as_bytes()));
    run_with(&all, &mut &body[..])
}

#[test]
fn explain_body_prints_the_core_s_explanation_of_the_response() {
    let body = br#"{"error_msg":"the instance is restarting.","error_code":"DCS.4111","error_ext_msg":null}"#;
    let out = explain_body(
        &[
            "--status",
            "400",
            "--header",
            "x-request-id: abc",
            "--header=Retry-After:\t30 ",
            "--now",
            "0",
        ],
        body,
    );
    let headers: [(&[u8], &[u8]); 2] = [(b"x-request-id", b"abc"), (b"Retry-After", b"30")];
    let expected = HttpError::from_response(400, headers, body, 0, false).unwrap();
    assert_eq!((out.code, out.stderr.as_slice()), (0, &b""[..]));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected.explain());
    assert!(expected
        .explain()
        .contains("\n  decision:    retry after 30s\n"));
}

#[test]
fn explain_body_takes_the_status_from_the_catalogue_unless_given() {
    let body = br#"{"error_code":"DCS.4069","error_msg":"busy"}"#;
    let out = explain_body(&["--idempotent"], body);
    assert_eq!(out.code, 0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("500 Internal Server Error\n"), "{text}");
    let given = explain_body(&["--status", "418"], body);
    assert!(String::from_utf8(given.stdout)
        .unwrap()
        .starts_with("418 (not in the DCS table"));
    // A body without a known code does not tell the status.
    for body in [&b""[..], b"<html>", br#"{"error_code":"DCS.4922"}"#] {
        let out = explain_body(&[], body);
        assert_eq!(out.code, 2);
        assert_eq!(
            out.stderr,
            b"dcs-status: give --status CODE: the body has no error code the catalogue knows, so it does not tell the response's status\n"
        );
    }
    let out = explain_body(&["--status", "404"], b"");
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("\n  error code:  none\n"));
}

#[test]
fn explain_body_reads_at_most_one_mebibyte() {
    let mut body = br#"{"error_code":"DCS.4111","padding":""#.to_vec();
    body.resize((1 << 20) - 2, b'x');
    body.extend_from_slice(b"\"}");
    assert_eq!(body.len(), 1 << 20);
    assert_eq!(explain_body(&[], &body).code, 0);
    body.insert(body.len() - 2, b'x');
    let out = explain_body(&[], &body);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        b"dcs-status: the body on standard input is longer than 1048576 bytes (1 MiB), the most explain-body reads\n"
    );
    // It stops reading there: an endless input is no trouble.
    let mut endless = std::io::repeat(b' ');
    let out = run_with(&[b"explain-body"], &mut endless);
    assert_eq!(out.code, 2);
}

#[test]
fn explain_body_usage_errors() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--header", "no colon"],
            "invalid value \"no colon\" for --header: expected 'NAME: VALUE'",
        ),
        (
            &["--header", ": value"],
            "invalid value \": value\" for --header: expected 'NAME: VALUE'",
        ),
        (
            &["--status", "4xx"],
            "invalid value \"4xx\" for --status: expected an integer from -9223372036854775808 to 9223372036854775807",
        ),
        (
            &["--status", "1000"],
            "1000 is not a status code: status codes are three-digit numbers from 100 to 999",
        ),
        (
            &["--status", "400", "--status", "404"],
            "--status is given twice: see `dcs-status explain-body --help`",
        ),
        (
            &["body"],
            "unexpected argument \"body\": see `dcs-status explain-body --help`",
        ),
    ];
    for (args, message) in cases {
        let out = explain_body(args, b"{}");
        assert_eq!(out.code, 2, "{args:?}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("dcs-status: {message}\n"),
            "{args:?}"
        );
    }
}

/// A standard input that records whether anything read it.
struct Watched<'a>(&'a Cell<bool>);

impl Read for Watched<'_> {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        self.0.set(true);
        Ok(0)
    }
}

#[test]
fn no_command_reads_stdin_that_does_not_need_it() {
    for args in [
        &["429"][..],
        &["list", "--json"],
        &["retry-after", "1"],
        &["retry", "503"],
        &["--help"],
        &["DCS.4111"],
        &["errors", "--json"],
        &["explain-body", "--help"],
        &["explain-body", "--status", "4xx"],
        &[],
    ] {
        let read = Cell::new(false);
        let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
        run_with(&args, &mut Watched(&read));
        assert!(!read.get(), "{args:?}");
    }
}

mod the_binary {
    //! The `dcs-status` binary prints what `run` returns.

    use std::process::Command;

    #[test]
    fn prints_the_outcome_on_its_streams_with_its_exit_code() {
        let bin = env!("CARGO_BIN_EXE_dcs-status");
        let out = Command::new(bin).arg("429").output().unwrap();
        assert!(out.status.success());
        assert_eq!(
            out.stdout,
            dcs_status::lookup(429).unwrap().explain().into_bytes()
        );
        assert!(out.stderr.is_empty());

        let out = Command::new(bin).args(["list", "--jsn"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        assert_eq!(
            out.stderr,
            b"dcs-status: unknown option \"--jsn\": see `dcs-status list --help`\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn passes_arguments_that_are_not_utf8_as_bytes() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;

        let out = Command::new(env!("CARGO_BIN_EXE_dcs-status"))
            .arg(OsStr::from_bytes(b"\xff"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            out.stderr,
            b"dcs-status: argument \"\\xff\": the text is not valid UTF-8: see `dcs-status --help`\n"
        );
    }
}
