//! The command table: every command of `dcs-status`, its arguments, options and help,
//! and what it runs. A new command is one more entry in [`COMMANDS`] and its function;
//! everything it prints comes from the core.

use crate::parse::{help_hint, Arg, Command, Failure, Matches, Opt, Output};
use crate::Context;

/// The query form, `dcs-status QUERY`: what runs when the first argument is no
/// command's name.
pub(crate) static QUERY: Command = Command {
    name: "",
    about: "Explains the status codes of the DCS API (dcs-api-0312043)",
    args: &[Arg {
        name: "QUERY",
        help:
            "A status code (\"429\") or a name (\"not found\", \"NotFound\", \"Gateway Timeout\")",
    }],
    options: &[],
    run: explain,
};

/// `--now SECONDS`, shared by the commands that read the clock.
const NOW: Opt = Opt {
    long: "--now",
    value: Some("SECONDS"),
    help: "The current time in Unix seconds (default: the clock)",
};

/// The commands, in the order the help lists them.
pub(crate) static COMMANDS: [Command; 3] = [
    Command {
        name: "list",
        about: "Lists the whole table, in code order",
        args: &[],
        options: &[Opt {
            long: "--json",
            value: None,
            help: "Prints the canonical JSON instead (byte-stable, for tools)",
        }],
        run: list,
    },
    Command {
        name: "retry-after",
        about: "Prints the delay a Retry-After value asks for, in seconds",
        args: &[Arg {
            name: "VALUE",
            help: "The header's value: delay-seconds (\"120\") or an HTTP-date",
        }],
        options: &[NOW],
        run: retry_after,
    },
    Command {
        name: "retry",
        about: "Decides whether and when to retry a request that got CODE",
        args: &[Arg {
            name: "CODE",
            help: "The response's status code",
        }],
        options: &[
            Opt {
                long: "--retry-after",
                value: Some("VALUE"),
                help: "The response's Retry-After value, if it had one",
            },
            Opt {
                long: "--idempotent",
                value: None,
                help: "The request is idempotent (GET, PUT, DELETE, ...)",
            },
            NOW,
        ],
        run: retry,
    },
];

/// The error without any argument (or without a query after `--`).
pub(crate) fn no_query() -> Failure {
    Failure(format!(
        "give a status code or a name, or a command: {}",
        help_hint(&QUERY)
    ))
}

/// `--now`, or the clock.
fn now(matches: &Matches<'_>, context: &Context<'_>) -> Result<i64, Failure> {
    Ok(matches.value_as("--now")?.unwrap_or_else(context.clock))
}

/// `dcs-status QUERY`: the core's explanation of a code or a name.
fn explain(matches: &Matches<'_>, _: &mut Context<'_>) -> Result<Output, Failure> {
    Ok(dcs_status::parse_query(matches.arg("QUERY"))?.explain())
}

/// `dcs-status list [--json]`: the table, as text or as the canonical JSON.
fn list(matches: &Matches<'_>, _: &mut Context<'_>) -> Result<Output, Failure> {
    Ok(if matches.flag("--json") {
        dcs_status::table_json()
    } else {
        dcs_status::table_text()
    })
}

/// `dcs-status retry-after VALUE [--now S]`: the delay in seconds.
fn retry_after(matches: &Matches<'_>, context: &mut Context<'_>) -> Result<Output, Failure> {
    let value = matches.arg("VALUE");
    let delay = dcs_status::parse_retry_after(value, now(matches, context)?)
        .map_err(|e| Failure(dcs_status::error_message(e.kind(), value.as_bytes()).to_string()))?;
    Ok(format!("{}\n", delay.as_secs()))
}

/// `dcs-status retry CODE [--retry-after V] [--idempotent] [--now S]`: the decision.
fn retry(matches: &Matches<'_>, context: &mut Context<'_>) -> Result<Output, Failure> {
    let code: i64 = matches.arg_as("CODE")?;
    let decision = dcs_status::decide(
        code,
        matches.value("--retry-after"),
        now(matches, context)?,
        matches.flag("--idempotent"),
    )?;
    Ok(format!("{decision}\n"))
}
