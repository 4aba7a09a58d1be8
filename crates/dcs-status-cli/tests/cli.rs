//! `dcs-status` as `run` sees it: what each input prints, to which stream, with which
//! exit code. Everything `python -m dcs_status` prints is this too (it calls `run`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::cell::Cell;
use std::io::Read;

use dcs_status::Status;
use dcs_status_cli::{run_bytes, Context, Outcome};

/// The clock of these runs: Sun, 06 Nov 1994 08:49:37 GMT.
const NOW: i64 = 784_111_777;

fn run_with(args: &[&[u8]], stdin: &mut dyn Read) -> Outcome {
    let mut context = Context::new(stdin);
    context.clock = || NOW;
    run_bytes(args.iter().map(|a| a.to_vec()), context)
}

fn run(args: &[&str]) -> Outcome {
    let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
    run_with(&args, &mut std::io::empty())
}

/// What a successful run prints (and that it prints nothing else).
fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(
        (out.code, String::from_utf8_lossy(&out.stderr).as_ref()),
        (0, ""),
        "{args:?}"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The one line a failing run prints on stderr (and that it prints nothing else).
fn error_bytes(args: &[&[u8]]) -> String {
    let out = run_with(args, &mut std::io::empty());
    // The arguments for a failure's message, each cut short (some are 1 MB).
    let args: Vec<String> = args
        .iter()
        .map(|a| String::from_utf8_lossy(&a[..a.len().min(40)]).into_owned())
        .collect();
    assert_eq!(out.code, 2, "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let line = String::from_utf8(out.stderr).unwrap();
    assert!(
        line.starts_with("dcs-status: ") && line.ends_with('\n'),
        "{line:?}"
    );
    assert_eq!(line.lines().count(), 1, "{line:?}");
    line
}

fn error(args: &[&str]) -> String {
    let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
    error_bytes(&args)
}

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
fn retry_prints_the_cores_decision() {
    assert_eq!(
        stdout(&["retry", "503", "--retry-after", "20", "--now", "0"]),
        "retry_after 20s\n"
    );
    assert_eq!(
        stdout(&[
            "retry",
            "503",
            "--retry-after",
            "Sun, 06 Nov 1994 08:50:37 GMT"
        ]),
        "retry_after 60s\n"
    );
    assert_eq!(stdout(&["retry", "503"]), "do_not_retry\n");
    assert_eq!(
        stdout(&["retry", "--idempotent", "502"]),
        "retry_with_backoff\n"
    );
    assert_eq!(stdout(&["retry", "502"]), "do_not_retry\n");
    assert_eq!(
        stdout(&["retry", "429", "--retry-after=-1"]),
        "retry_with_backoff\n"
    );
}

#[test]
fn help_lists_every_command_and_fits_in_80_columns() {
    let help = stdout(&["--help"]);
    assert!(help.starts_with("Explains the status codes of the DCS API"));
    for args in [&["-h"][..], &["help"], &["429", "--help"]] {
        assert_eq!(stdout(args), help, "{args:?}");
    }
    for command in ["list", "retry-after", "retry"] {
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
        (&["retry"], "missing CODE: see `dcs-status retry --help`"),
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
        (&["retry", "abc"], "invalid value \"abc\" for CODE"),
        (&["retry", "5.0"], "invalid value \"5.0\" for CODE"),
        (
            &["retry", "99999999999999999999"],
            "invalid value \"99999999999999999999\" for CODE",
        ),
        (&["retry", "٥٠٣"], "invalid value \"٥٠٣\" for CODE"),
        (&["retry", "５０３"], "invalid value \"５０３\" for CODE"),
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
    assert_eq!(stdout(&["retry", "+503"]), "do_not_retry\n");
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
