//! `dcs-status`: explain DCS status codes, list the table, parse Retry-After values and
//! decide on retries, from the command line.

use std::io::Write;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{Parser, Subcommand};

/// Explains the status codes of the DCS API (dcs-api-0312043).
///
/// Give a code (`dcs-status 429`) or a name (`dcs-status "not found"`).
#[derive(Parser)]
#[command(name = "dcs-status", version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A status code (100–999) or a name ("NotFound", "not found", "Gateway Timeout").
    query: Option<String>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Lists the whole table, in code order.
    List {
        /// Prints the canonical JSON form instead (byte-stable, for tools and bindings).
        #[arg(long)]
        json: bool,
    },
    /// Parses a Retry-After value and prints the delay it asks for, in seconds.
    RetryAfter {
        /// The header's value: delay-seconds ("120") or an HTTP-date.
        value: String,
        /// The current time, in Unix seconds (default: the clock).
        #[arg(long, allow_negative_numbers = true)]
        now: Option<i64>,
    },
    /// Decides whether and when to retry a request that got this status code.
    Retry {
        /// The response's status code.
        code: i64,
        /// The response's Retry-After value, if it had one.
        #[arg(long)]
        retry_after: Option<String>,
        /// The request is idempotent (GET, HEAD, PUT, DELETE, ...).
        #[arg(long)]
        idempotent: bool,
        /// The current time, in Unix seconds (default: the clock).
        #[arg(long, allow_negative_numbers = true)]
        now: Option<i64>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match (cli.command, cli.query) {
        (Some(Command::List { json }), _) => Ok(list(json)),
        (Some(Command::RetryAfter { value, now }), _) => retry_after(&value, now),
        (
            Some(Command::Retry {
                code,
                retry_after,
                idempotent,
                now,
            }),
            _,
        ) => retry(code, retry_after.as_deref(), idempotent, now),
        (None, Some(query)) => explain(&query),
        (None, None) => {
            Err("give a status code or a name, or a command: see `dcs-status --help`".into())
        }
    };
    match result {
        Ok(text) => {
            // A closed pipe (`dcs-status list | head`) is not an error worth a message.
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("dcs-status: {message}");
            ExitCode::from(2)
        }
    }
}

fn now_or_clock(now: Option<i64>) -> i64 {
    now.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    })
}

fn explain(query: &str) -> Result<String, String> {
    dcs_status::parse_query(query)
        .map(|found| found.explain())
        .map_err(|e| e.to_string())
}

fn list(json: bool) -> String {
    if json {
        dcs_status::table_json()
    } else {
        dcs_status::table_text()
    }
}

fn retry_after(value: &str, now: Option<i64>) -> Result<String, String> {
    let delay = dcs_status::parse_retry_after(value, now_or_clock(now))
        .map_err(|e| format!("{value:?}: {e}"))?;
    Ok(format!("{}\n", delay.as_secs()))
}

fn retry(
    code: i64,
    retry_after: Option<&str>,
    idempotent: bool,
    now: Option<i64>,
) -> Result<String, String> {
    let decision = dcs_status::decide(code, retry_after, now_or_clock(now), idempotent)
        .map_err(|e| e.to_string())?;
    Ok(format!("{decision}\n"))
}
