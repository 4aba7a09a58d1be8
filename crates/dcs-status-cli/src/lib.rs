//! The `dcs-status` command as a library: [`run`] takes the arguments and returns what
//! to print and the exit code, so that the `dcs-status` binary and
//! `python -m dcs_status` (through `dcs_status._native.cli`) are one program, byte for
//! byte.
//!
//! ```text
//! dcs-status 429                       explain a status code
//! dcs-status "not found"               ... or a name
//! dcs-status DCS.4111                  ... or an error code (111400017, " dcs. 4855")
//! dcs-status list [--json]             the whole table
//! dcs-status errors [--json]           the whole error-code catalogue
//! dcs-status explain-body [--status CODE] [--header 'NAME: VALUE']... [--idempotent]
//!            [--now SECONDS] < body    explain an error response (body: at most 1 MiB)
//! dcs-status retry-after VALUE [--now SECONDS]
//! dcs-status retry STATUS [--retry-after V] [--error-code C] [--idempotent]
//!            [--attempt N] [--max-attempts N] [--jitter MODE] [--base-transient-ms MS]
//!            [--base-throttle-ms MS] [--base-busy-ms MS] [--cap-ms MS]
//!            [--max-retry-after S] [--random U] [--previous-ms MS] [--time-left-ms MS]
//!            [--budget-tokens T] [--budget-capacity T] [--budget-retry-cost T]
//!            [--budget-throttle-cost T] [--now SECONDS] [--json]
//!                                      one step of the retry policy, and why
//! ```
//!
//! A query is an error code when it has the form of one
//! ([`dcs_status::CatalogueEntry::is_code_form`]: `DCS.` and digits, or a 9-digit
//! number `111SSSNNN`, case and whitespace ignored); otherwise a 3-digit number is a
//! status code and anything else a name.
//!
//! Every answer, table and error sentence is the core's ([`dcs_status`]); this crate
//! parses arguments and adds the usage errors and the help. Exit codes: 0 on success,
//! 2 on any error, with one line `dcs-status: <message>` on stderr.
//!
//! The commands are one table (`commands.rs`): a command is one entry (name, help,
//! arguments, options) and one function from its parsed arguments to its output.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod commands;
mod help;
mod parse;
mod retry;

use std::ffi::OsString;
use std::io::Read;

use commands::{COMMANDS, QUERY};
use dcs_status::{error_message, quote, ErrorKind};
use parse::{help_hint, parse, Failure, Parsed};

/// What a run of the command prints, and how it exits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The bytes for standard output (UTF-8 text).
    pub stdout: Vec<u8>,
    /// The bytes for standard error: one line `dcs-status: <message>\n` on an error,
    /// else nothing.
    pub stderr: Vec<u8>,
    /// The exit code: 0 on success, 2 on an error.
    pub code: u8,
}

/// What a run may read besides its arguments: [`Context::new`], then change a field
/// (a test sets `clock`).
#[non_exhaustive]
pub struct Context<'a> {
    /// Standard input. Only `explain-body` reads it (at most 1 MiB), so a run of any
    /// other command never blocks on it.
    pub stdin: &'a mut dyn Read,
    /// The current time in Unix seconds, for commands given no `--now`.
    pub clock: fn() -> i64,
}

impl<'a> Context<'a> {
    /// The real environment: this standard input and the clock ([`dcs_status::unix_now`]).
    pub fn new(stdin: &'a mut dyn Read) -> Self {
        Context {
            stdin,
            clock: dcs_status::unix_now,
        }
    }
}

/// Runs `dcs-status` with `args` (without the program name) in `context`.
///
/// Never panics and never prints: everything to print is in the [`Outcome`]. An
/// argument that is not valid UTF-8 is a usage error quoting its bytes.
///
/// ```
/// use dcs_status_cli::{run, Context};
///
/// let mut stdin = std::io::empty();
/// let outcome = run(["retry", "429", "--retry-after", "120", "--now", "0"].map(Into::into),
///                   Context::new(&mut stdin));
/// assert_eq!(
///     String::from_utf8_lossy(&outcome.stdout),
///     "retry 1 of 2 in 120000 ms: 429 Too Many Requests asks to wait 120 s (retry_after)\n"
/// );
/// assert_eq!(outcome.code, 0);
///
/// let outcome = run(["list", "--jsn"].map(Into::into), Context::new(&mut stdin));
/// assert_eq!(outcome.code, 2);
/// assert_eq!(
///     outcome.stderr,
///     b"dcs-status: unknown option \"--jsn\": see `dcs-status list --help`\n"
/// );
/// ```
pub fn run(args: impl IntoIterator<Item = OsString>, context: Context<'_>) -> Outcome {
    run_bytes(args.into_iter().map(OsString::into_encoded_bytes), context)
}

/// [`run`] with each argument as bytes (on Unix, an `OsString`'s bytes; Python's
/// `os.fsencode` of an argument).
pub fn run_bytes(args: impl IntoIterator<Item = Vec<u8>>, mut context: Context<'_>) -> Outcome {
    let args: Vec<Vec<u8>> = args.into_iter().collect();
    match answer(&args, &mut context) {
        Ok(text) => Outcome {
            stdout: text.into_bytes(),
            stderr: Vec::new(),
            code: 0,
        },
        Err(Failure(message)) => Outcome {
            stdout: Vec::new(),
            stderr: format!("dcs-status: {message}\n").into_bytes(),
            code: 2,
        },
    }
}

/// What to print for `args`, or the message of the error.
fn answer(args: &[Vec<u8>], context: &mut Context<'_>) -> Result<String, Failure> {
    let args = args
        .iter()
        .map(|arg| {
            std::str::from_utf8(arg).map_err(|_| {
                Failure(format!(
                    "argument {}: {}",
                    error_message(ErrorKind::InvalidUtf8, arg),
                    help_hint(&QUERY)
                ))
            })
        })
        .collect::<Result<Vec<&str>, Failure>>()?;
    let (command, rest) = match args.split_first() {
        None => return Err(commands::no_query()),
        Some((&"help", rest)) => return help_command(rest),
        Some((first, rest)) => match COMMANDS.iter().find(|c| c.name == *first) {
            Some(command) => (command, rest),
            None => (&QUERY, args.as_slice()),
        },
    };
    match parse(command, rest)? {
        Parsed::Run(matches) => (command.run)(&matches, context),
        Parsed::Help(command) => Ok(help::help(command)),
        Parsed::Version => Ok(format!("dcs-status {}\n", dcs_status::VERSION)),
    }
}

/// `dcs-status help [COMMAND]`: the program's help, or the command's.
fn help_command(args: &[&str]) -> Result<String, Failure> {
    match args {
        [] => Ok(help::help(&QUERY)),
        [name] => match COMMANDS.iter().find(|c| c.name == *name) {
            Some(command) => Ok(help::help(command)),
            None => Err(Failure(format!(
                "unknown command {}: {}",
                quote(name.as_bytes()),
                help_hint(&QUERY)
            ))),
        },
        [_, extra, ..] => Err(Failure(format!(
            "unexpected argument {}: {}",
            quote(extra.as_bytes()),
            help_hint(&QUERY)
        ))),
    }
}
