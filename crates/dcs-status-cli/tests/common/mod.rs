//! What the tests of `dcs-status` share: running it as `run` does, with a fixed clock
//! and no standard input, and reading what it printed.
#![allow(dead_code, clippy::unwrap_used, clippy::indexing_slicing)]

use std::io::Read;

use dcs_status_cli::{run_bytes, Context, Outcome};

/// The clock of these runs: Sun, 06 Nov 1994 08:49:37 GMT.
pub const NOW: i64 = 784_111_777;

pub fn run_with(args: &[&[u8]], stdin: &mut dyn Read) -> Outcome {
    let mut context = Context::new(stdin);
    context.clock = || NOW;
    run_bytes(args.iter().map(|a| a.to_vec()), context)
}

pub fn run(args: &[&str]) -> Outcome {
    let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
    run_with(&args, &mut std::io::empty())
}

/// What a successful run prints (and that it prints nothing else).
pub fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(
        (out.code, String::from_utf8_lossy(&out.stderr).as_ref()),
        (0, ""),
        "{args:?}"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The one line a failing run prints on stderr (and that it prints nothing else).
pub fn error_bytes(args: &[&[u8]]) -> String {
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

pub fn error(args: &[&str]) -> String {
    let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
    error_bytes(&args)
}
