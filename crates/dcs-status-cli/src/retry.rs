//! `dcs-status retry STATUS [OPTIONS]`: what a client with the core's retry policy
//! does after an attempt that got STATUS, and why — one step of
//! [`dcs_status::RetryPolicy::step`], printed as its log line or its JSON object.
//!
//! Every option is a field of the core's [`RetryPolicy`], [`StepInput`] or
//! [`RetryBudget`], defaulting to the core's default; every value a person gives is
//! checked by the core ([`StepInput::validate`], [`RetryPolicy::validate`],
//! [`Jitter::from_name`]) and a bad one reported with the core's message.

use dcs_status::{
    error_message, ErrorKind, Jitter, RetryBudget, RetryInputError, RetryPolicy, StepInput,
};

use crate::commands::{IDEMPOTENT, NOW};
use crate::parse::{Failure, Matches, Opt, Output};
use crate::Context;

/// An option with a value; never repeated.
const fn valued(long: &'static str, value: &'static str, help: &'static str) -> Opt {
    Opt {
        long,
        value: Some(value),
        help,
        repeatable: false,
    }
}

/// The options of `retry`, in the order the help lists them. The defaults the help
/// states are the core's (the CLI tests compare them).
pub(crate) const OPTIONS: &[Opt] = &[
    valued(
        "--retry-after",
        "VALUE",
        "The response's Retry-After value, if it had one (one that does not parse counts \
         as absent)",
    ),
    valued(
        "--error-code",
        "CODE",
        "The error_code of the response's body, if it had one (DCS.4111, 111400017)",
    ),
    IDEMPOTENT,
    Opt {
        long: "--unreplayable-body",
        value: None,
        help: "The request's body cannot be sent again (a stream already read)",
        repeatable: false,
    },
    valued(
        "--attempt",
        "N",
        "The number of the attempt just made, the first being 1 (default 1)",
    ),
    valued(
        "--max-attempts",
        "N",
        "The policy's attempts in all, the first included (default 3)",
    ),
    valued(
        "--jitter",
        "MODE",
        "How a backoff delay is drawn: full, equal, none or decorrelated (default full)",
    ),
    valued(
        "--base-transient-ms",
        "MS",
        "The base delay of transient retries (default 50)",
    ),
    valued(
        "--base-throttle-ms",
        "MS",
        "The base delay of throttle retries (default 1000)",
    ),
    valued(
        "--base-busy-ms",
        "MS",
        "The base delay of busy retries (default 2000)",
    ),
    valued(
        "--cap-ms",
        "MS",
        "The longest backoff delay (default 20000)",
    ),
    valued(
        "--max-retry-after",
        "S",
        "The longest Retry-After honoured, in seconds (default 300)",
    ),
    valued(
        "--random",
        "U",
        "The random draw in [0, 1) that places a jittered delay (default: a fresh draw, \
         so a jittered delay differs from run to run)",
    ),
    valued(
        "--previous-ms",
        "MS",
        "The previous retry's delay, which decorrelated jitter reads (default 0)",
    ),
    valued(
        "--time-left-ms",
        "MS",
        "The time left before the caller's deadline (default: no deadline)",
    ),
    valued(
        "--budget-tokens",
        "T",
        "Pay the retry from a retry budget holding T tokens, at most its capacity \
         (default: a full budget if another --budget option is given, else no budget)",
    ),
    valued(
        "--budget-capacity",
        "T",
        "The retry budget's capacity (default 500)",
    ),
    valued(
        "--budget-retry-cost",
        "T",
        "What a transient or busy retry costs the budget (default 14)",
    ),
    valued(
        "--budget-throttle-cost",
        "T",
        "What a throttle retry (429, any Retry-After) costs the budget (default 5)",
    ),
    NOW,
    Opt {
        long: "--json",
        value: None,
        help: "Prints one JSON object instead: action, delay_ms, category, reason and \
               tokens_after (null where there is none)",
        repeatable: false,
    },
];

/// The options of the budget: any of them asks for one.
const BUDGET_OPTIONS: [&str; 4] = [
    "--budget-tokens",
    "--budget-capacity",
    "--budget-retry-cost",
    "--budget-throttle-cost",
];

/// `dcs-status retry STATUS [OPTIONS]`: the step, as its log line (the core's
/// explanation) or, with `--json`, its JSON object.
pub(crate) fn run(matches: &Matches<'_>, context: &mut Context<'_>) -> Result<Output, Failure> {
    let status: i64 = matches.arg_as("STATUS")?;
    let defaults = RetryPolicy::DEFAULT;
    let input = StepInput {
        attempt: matches.value_as("--attempt")?.unwrap_or(1),
        status,
        retry_after: matches.value("--retry-after").map(str::as_bytes),
        error_code: matches.value("--error-code").map(str::as_bytes),
        idempotent: matches.flag("--idempotent"),
        now: Some(crate::commands::now(matches, context)?),
        random: matches.value_as("--random")?,
        previous_delay_ms: matches.value_as("--previous-ms")?.unwrap_or(0),
        time_left_ms: matches.value_as("--time-left-ms")?,
        unreplayable_body: matches.flag("--unreplayable-body"),
    };
    let policy = RetryPolicy {
        max_attempts: matches
            .value_as("--max-attempts")?
            .unwrap_or(defaults.max_attempts),
        jitter: defaults.jitter,
        base_transient_ms: matches
            .value_as("--base-transient-ms")?
            .unwrap_or(defaults.base_transient_ms),
        base_throttle_ms: matches
            .value_as("--base-throttle-ms")?
            .unwrap_or(defaults.base_throttle_ms),
        base_busy_ms: matches
            .value_as("--base-busy-ms")?
            .unwrap_or(defaults.base_busy_ms),
        cap_ms: matches.value_as("--cap-ms")?.unwrap_or(defaults.cap_ms),
        max_retry_after_s: matches
            .value_as("--max-retry-after")?
            .unwrap_or(defaults.max_retry_after_s),
    };
    let budget = budget(matches)?;
    input.validate().map_err(|e| invalid(e, matches))?;
    let policy = match matches.value("--jitter") {
        Some(name) => RetryPolicy {
            jitter: Jitter::from_name(name)
                .ok_or_else(|| invalid(RetryInputError::UnknownJitter, matches))?,
            ..policy
        },
        None => policy,
    };
    policy.validate().map_err(|e| invalid(e, matches))?;
    let step = policy.step(&input, budget.as_ref());
    Ok(if matches.flag("--json") {
        format!("{}\n", step.json())
    } else {
        format!("{step}\n")
    })
}

/// The budget the options ask for: `None` without any `--budget-*` option.
fn budget(matches: &Matches<'_>) -> Result<Option<RetryBudget>, Failure> {
    if !BUDGET_OPTIONS.iter().any(|o| matches.value(o).is_some()) {
        return Ok(None);
    }
    let defaults = RetryBudget::default();
    let budget = RetryBudget::new(
        matches
            .value_as("--budget-capacity")?
            .unwrap_or(defaults.capacity()),
        matches
            .value_as("--budget-retry-cost")?
            .unwrap_or(defaults.retry_cost()),
        matches
            .value_as("--budget-throttle-cost")?
            .unwrap_or(defaults.throttle_cost()),
    );
    Ok(Some(match matches.value_as("--budget-tokens")? {
        Some(tokens) => budget.with_tokens(tokens),
        None => budget,
    }))
}

/// The core's message about the value that is wrong: the one given to the option or
/// argument the error is about.
fn invalid(error: RetryInputError, matches: &Matches<'_>) -> Failure {
    let kind: ErrorKind = error.kind();
    let given = match error {
        RetryInputError::NotAStatusCode => Some(matches.arg("STATUS")),
        RetryInputError::AttemptZero => matches.value("--attempt"),
        RetryInputError::RandomOutOfRange => matches.value("--random"),
        RetryInputError::NoAttempts => matches.value("--max-attempts"),
        RetryInputError::UnknownJitter => matches.value("--jitter"),
        RetryInputError::CapBelowBase => None,
    };
    Failure(error_message(kind, given.unwrap_or("").as_bytes()).to_string())
}
