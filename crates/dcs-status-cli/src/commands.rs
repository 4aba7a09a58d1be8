//! The command table: every command of `dcs-status`, its arguments, options and help,
//! and what it runs. A new command is one more entry in [`COMMANDS`] and its function;
//! everything it prints comes from the core.

use std::io::Read;

use dcs_status::{quote, CatalogueEntry, HttpError};

use crate::parse::{help_hint, Arg, Command, Failure, Matches, Opt, Output};
use crate::Context;

/// The query form, `dcs-status QUERY`: what runs when the first argument is no
/// command's name.
pub(crate) static QUERY: Command = Command {
    name: "",
    about: "Explains the status codes and error codes of the DCS API (dcs-api-0312043)",
    args: &[Arg {
        name: "QUERY",
        help: "A status code (\"429\"), a name (\"not found\", \"NotFound\", \"Gateway \
               Timeout\") or an error code (\"DCS.4111\", \"111400017\"): a 3-digit number \
               is a status code, \"DCS.\" and digits or a 9-digit \"111...\" number an error code",
    }],
    options: &[],
    run: explain,
};

/// `--now SECONDS`, shared by the commands that read the clock.
pub(crate) const NOW: Opt = Opt {
    long: "--now",
    value: Some("SECONDS"),
    help: "The current time in Unix seconds (default: the clock)",
    repeatable: false,
};

/// `--idempotent`, shared by the commands that decide on a retry.
pub(crate) const IDEMPOTENT: Opt = Opt {
    long: "--idempotent",
    value: None,
    help: "The request is idempotent (GET, PUT, DELETE, ...)",
    repeatable: false,
};

/// `--json`, shared by the commands that list a table.
const JSON: Opt = Opt {
    long: "--json",
    value: None,
    help: "Prints the canonical JSON instead (byte-stable, for tools)",
    repeatable: false,
};

/// The most `explain-body` reads from standard input: 1 MiB.
const BODY_LIMIT: usize = 1 << 20;

/// The commands, in the order the help lists them.
pub(crate) static COMMANDS: [Command; 5] = [
    Command {
        name: "list",
        about: "Lists the whole table, in code order",
        args: &[],
        options: &[JSON],
        run: list,
    },
    Command {
        name: "errors",
        about: "Lists the error-code catalogue, in the document's order",
        args: &[],
        options: &[JSON],
        run: errors,
    },
    Command {
        name: "explain-body",
        about: "Explains an error response from its body on standard input (at most 1 MiB)",
        args: &[],
        options: &[
            Opt {
                long: "--status",
                value: Some("CODE"),
                help: "The response's status code (default: the status the catalogue gives \
                       the body's error code)",
                repeatable: false,
            },
            Opt {
                long: "--header",
                value: Some("'NAME: VALUE'"),
                help: "A response header (X-Request-Id, Retry-After, ...); repeat it for more",
                repeatable: true,
            },
            IDEMPOTENT,
            NOW,
        ],
        run: explain_body,
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
        about: "Tells what the retry policy does after an attempt that got STATUS, and why",
        args: &[Arg {
            name: "STATUS",
            help: "The response's status code, or 0 if no response arrived",
        }],
        options: crate::retry::OPTIONS,
        run: crate::retry::run,
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
pub(crate) fn now(matches: &Matches<'_>, context: &Context<'_>) -> Result<i64, Failure> {
    Ok(matches.value_as("--now")?.unwrap_or_else(context.clock))
}

/// `dcs-status QUERY`: the core's explanation of a status code or name, or of an
/// error code (a query in [`CatalogueEntry::is_code_form`]).
fn explain(matches: &Matches<'_>, _: &mut Context<'_>) -> Result<Output, Failure> {
    let query = matches.arg("QUERY");
    if CatalogueEntry::is_code_form(query) {
        return Ok(CatalogueEntry::lookup(query)?.explain());
    }
    Ok(dcs_status::parse_query(query)?.explain())
}

/// `dcs-status errors [--json]`: the catalogue, as text or as the canonical JSON.
fn errors(matches: &Matches<'_>, _: &mut Context<'_>) -> Result<Output, Failure> {
    Ok(if matches.flag("--json") {
        dcs_status::catalogue_json()
    } else {
        dcs_status::catalogue_text()
    })
}

/// `dcs-status explain-body [--status CODE] [--header 'NAME: VALUE']... [--idempotent]
/// [--now S]`: the core's explanation of the response whose body is on standard input.
fn explain_body(matches: &Matches<'_>, context: &mut Context<'_>) -> Result<Output, Failure> {
    let headers = matches
        .values("--header")
        .iter()
        .map(|header| match header.split_once(':') {
            // As an HTTP parser reads a field line: the value without the spaces and
            // tabs around it.
            Some((name, value)) if !name.trim().is_empty() => Ok((
                name.trim().as_bytes(),
                value.trim_matches([' ', '\t']).as_bytes(),
            )),
            _ => Err(Failure(format!(
                "invalid value {} for --header: expected 'NAME: VALUE'",
                quote(header.as_bytes())
            ))),
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let status: Option<i64> = matches.value_as("--status")?;
    let now = now(matches, context)?;
    let body = read_body(context)?;
    let status =
        match status {
            Some(status) => status,
            None => match dcs_status::parse_error_body(&body).catalogue_entry() {
                Some(entry) => i64::from(entry.status().code()),
                None => return Err(Failure(String::from(
                    "give --status CODE: the body has no error code the catalogue knows, so it \
                     does not tell the response's status",
                ))),
            },
        };
    let err = HttpError::from_response(
        status,
        headers.iter().copied(),
        &body,
        now,
        matches.flag("--idempotent"),
    )?;
    Ok(err.explain())
}

/// The body on standard input: at most [`BODY_LIMIT`] bytes are read, and a longer one
/// is refused.
fn read_body(context: &mut Context<'_>) -> Result<Vec<u8>, Failure> {
    let mut body = Vec::new();
    let limit = u64::try_from(BODY_LIMIT)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    (&mut *context.stdin)
        .take(limit)
        .read_to_end(&mut body)
        .map_err(|e| Failure(format!("cannot read the body from standard input: {e}")))?;
    if body.len() > BODY_LIMIT {
        return Err(Failure(format!(
            "the body on standard input is longer than {BODY_LIMIT} bytes (1 MiB), the most \
             explain-body reads"
        )));
    }
    Ok(body)
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
