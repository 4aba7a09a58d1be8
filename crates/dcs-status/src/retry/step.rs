//! The next step of a retry loop: the rules, first match wins.
#![deny(clippy::arithmetic_side_effects)]

use core::ffi::CStr;
use core::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use super::delay::clamp_unit;
use super::{random_unit, RetryBudget, RetryCategory, RetryPolicy, RetryReason, StepInput};
use crate::{lookup, parse_retry_after, CatalogueEntry, ErrorAdvice};

/// Whether to send the request again.
///
/// ```
/// use dcs_status::StepAction;
///
/// assert_eq!(StepAction::DoNotRetry.as_str(), "do_not_retry");
/// assert_eq!(StepAction::from_name("retry"), Some(StepAction::Retry));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepAction {
    /// Wait [`RetryStep::delay_ms`], then send the request again.
    Retry = 0,
    /// Do not send it again: hand the response to the caller.
    DoNotRetry = 1,
}

impl StepAction {
    /// Both actions, in declaration order.
    ///
    /// ```
    /// assert_eq!(dcs_status::StepAction::ALL.len(), 2);
    /// ```
    pub const ALL: [StepAction; 2] = [StepAction::Retry, StepAction::DoNotRetry];

    /// The canonical name: `retry` or `do_not_retry`.
    ///
    /// ```
    /// assert_eq!(dcs_status::StepAction::Retry.as_str(), "retry");
    /// ```
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`StepAction::as_str`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// assert_eq!(dcs_status::StepAction::DoNotRetry.as_cstr(), c"do_not_retry");
    /// ```
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            StepAction::Retry => c"retry",
            StepAction::DoNotRetry => c"do_not_retry",
        }
    }

    /// The action named `name` (as [`StepAction::as_str`] writes it), if any.
    ///
    /// ```
    /// assert_eq!(dcs_status::StepAction::from_name("do not retry"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<StepAction> {
        StepAction::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// One sentence for people.
    ///
    /// ```
    /// assert_eq!(
    ///     dcs_status::StepAction::Retry.explain(),
    ///     "wait for the delay, then send the request again"
    /// );
    /// ```
    pub const fn explain(self) -> &'static str {
        crate::str_of(self.explain_cstr())
    }

    /// [`StepAction::explain`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// let sentence = dcs_status::StepAction::DoNotRetry.explain_cstr();
    /// assert!(sentence.to_bytes().starts_with(b"do not send"));
    /// ```
    pub const fn explain_cstr(self) -> &'static CStr {
        match self {
            StepAction::Retry => c"wait for the delay, then send the request again",
            StepAction::DoNotRetry => {
                c"do not send the request again: hand the response to the caller"
            }
        }
    }
}

impl fmt::Display for StepAction {
    /// Writes the canonical name, e.g. `do_not_retry`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What [`RetryPolicy::step`] decided, and what it needs to say why.
///
/// Plain data (`Copy`, no allocation). The first five fields are the decision;
/// the rest echo the input that the log line (its [`Display`](fmt::Display)) cites.
///
/// ```
/// use dcs_status::{RetryCategory, RetryPolicy, RetryReason, StepAction, StepInput};
///
/// let input = StepInput::new(1, 503).with_retry_after(b"7");
/// let step = RetryPolicy::DEFAULT.step(&input, None);
/// assert_eq!(step.action, StepAction::Retry);
/// assert_eq!(step.delay_ms, 7_000);
/// assert_eq!(step.category, Some(RetryCategory::Throttle));
/// assert_eq!(step.reason, RetryReason::RetryAfter);
/// assert_eq!(step.tokens_after, None);
/// assert_eq!(
///     step.to_string(),
///     "retry 1 of 2 in 7000 ms: 503 Service Unavailable asks to wait 7 s (retry_after)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RetryStep {
    /// Whether to send the request again.
    pub action: StepAction,
    /// How long to wait before sending it again, in milliseconds; 0 when the action
    /// is `do_not_retry`.
    pub delay_ms: u64,
    /// The kind of retry: set when a rule called for a retry (rules 4–8), even if
    /// the Retry-After was too long, the deadline too near or the budget empty;
    /// `None` otherwise.
    pub category: Option<RetryCategory>,
    /// Why: the rule that matched, or what stopped its retry.
    pub reason: RetryReason,
    /// The budget's tokens after this step, if a budget was given.
    pub tokens_after: Option<u32>,
    /// The attempt just made, as read (0 was read as 1).
    pub attempt: u32,
    /// The policy's `max_attempts`.
    pub max_attempts: u32,
    /// The status, as given.
    pub status: i64,
    /// The server's Retry-After in seconds, when rule 4 read a valid one.
    pub retry_after_s: Option<u64>,
    /// The catalogue entry of the input's error code, if the catalogue has it.
    pub catalogue_entry: Option<&'static CatalogueEntry>,
}

impl RetryStep {
    /// Whether the action is [`StepAction::Retry`].
    ///
    /// ```
    /// use dcs_status::{RetryPolicy, StepInput};
    ///
    /// assert!(!RetryPolicy::DEFAULT.step(&StepInput::new(1, 404), None).is_retry());
    /// ```
    pub const fn is_retry(&self) -> bool {
        matches!(self.action, StepAction::Retry)
    }

    /// [`RetryStep::delay_ms`] as a [`Duration`](std::time::Duration).
    ///
    /// ```
    /// use std::time::Duration;
    /// use dcs_status::{RetryPolicy, StepInput};
    ///
    /// let step = RetryPolicy::DEFAULT.step(&StepInput::new(1, 429).with_retry_after(b"2"), None);
    /// assert_eq!(step.delay(), Duration::from_secs(2));
    /// ```
    pub const fn delay(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.delay_ms)
    }
}

impl RetryPolicy {
    /// The next step after an attempt: retry (after how long) or stop, and why.
    ///
    /// The rules, applied to the status as [`lookup`] handles it (an unrecognized
    /// code as the `x00` code of its class, 600–999 as 500); first match wins:
    ///
    /// 1. 1xx–3xx → `do_not_retry`, reason `not_an_error`.
    /// 2. `attempt ≥ max_attempts` → `do_not_retry`, `max_attempts`.
    /// 3. the error code's catalogue advice is `fix_request` or `not_allowed` →
    ///    `do_not_retry`, `error_code`.
    /// 4. 413, 429 or 503 with a valid Retry-After: longer than `max_retry_after_s` →
    ///    `do_not_retry`, `retry_after_too_long`; else `retry` after exactly that
    ///    many seconds × 1000 ms, category `throttle`, reason `retry_after`, no
    ///    jitter.
    /// 5. the error code's advice is `retry_later` → `retry`, category `busy`, reason
    ///    `busy`, whatever the method: the error proves the request had no effect.
    /// 6. 429 (without a valid Retry-After) → `retry`, `throttle`, `throttled`.
    /// 7. 408 → `retry`, `transient`, `timeout`.
    /// 8. 500, 502, 504 and codes handled as 500: idempotent → `retry`, `transient`,
    ///    `server_error`; not idempotent → `do_not_retry`, `not_idempotent`.
    /// 9. everything else → `do_not_retry`, `status`.
    ///
    /// Rules 5–8 wait [`RetryPolicy::backoff_ms`] of their category, for retry
    /// number `attempt`. A retry that a rule allows is then checked, in this order:
    ///
    /// - a deadline (`time_left_ms`) shorter than the delay → `do_not_retry`,
    ///   `deadline`;
    /// - a budget that cannot pay [`RetryBudget::cost_of`] the category →
    ///   `do_not_retry`, `budget_exhausted`. The budget is charged only for a retry
    ///   that passes every check.
    ///
    /// The step answers any input and never panics: a status outside 100–999 is
    /// `do_not_retry`, `status` before rule 1; attempt 0 is read as 1; a
    /// Retry-After or error code that does not parse counts as absent; the random
    /// draw is clamped into `[0, 1)` ([`StepInput::random`]); `max_attempts` 0 stops
    /// at rule 2 like 1. [`StepInput::validate`] and [`RetryPolicy::validate`] report
    /// these as errors for callers that want them. No allocation.
    ///
    /// ```
    /// use dcs_status::{RetryPolicy, RetryReason, StepInput};
    ///
    /// let p = RetryPolicy::DEFAULT;
    /// let step = |input: StepInput| p.step(&input.with_random(0.5), None);
    ///
    /// // A DCS.4111 ("the instance is restarting") on a POST: busy, retried.
    /// let busy = step(StepInput::new(1, 400).with_error_code(b"DCS.4111"));
    /// assert_eq!((busy.reason, busy.delay_ms), (RetryReason::Busy, 1_000));
    /// // DCS.4202 ("check the request parameters") even on 429: never.
    /// let fix = step(StepInput::new(1, 429).with_error_code(b"DCS.4202"));
    /// assert_eq!(fix.reason, RetryReason::ErrorCode);
    /// // A 502 on a POST is not retried; on a GET it is.
    /// assert_eq!(step(StepInput::new(1, 502)).reason, RetryReason::NotIdempotent);
    /// assert_eq!(step(StepInput::new(1, 502).with_idempotent(true)).delay_ms, 25);
    /// // The third attempt was the last.
    /// assert_eq!(step(StepInput::new(3, 502)).reason, RetryReason::MaxAttempts);
    /// ```
    pub fn step(&self, input: &StepInput<'_>, budget: Option<&RetryBudget>) -> RetryStep {
        let attempt = input.attempt.max(1);
        let catalogue_entry = input
            .error_code
            .and_then(|code| CatalogueEntry::lookup(code).ok());
        let mut step = RetryStep {
            action: StepAction::DoNotRetry,
            delay_ms: 0,
            category: None,
            reason: RetryReason::Status,
            tokens_after: budget.map(RetryBudget::tokens),
            attempt,
            max_attempts: self.max_attempts,
            status: input.status,
            retry_after_s: None,
            catalogue_entry,
        };
        let Ok(found) = lookup(input.status) else {
            return step;
        };
        // Rule 1.
        if !found.is_error() {
            return step.stopped(RetryReason::NotAnError);
        }
        // Rule 2.
        if attempt >= self.max_attempts {
            return step.stopped(RetryReason::MaxAttempts);
        }
        // Rule 3.
        let advice = catalogue_entry.map(CatalogueEntry::advice);
        if let Some(ErrorAdvice::FixRequest | ErrorAdvice::NotAllowed) = advice {
            return step.stopped(RetryReason::ErrorCode);
        }
        let handled_as = found.status().code();
        // Rule 4.
        if let (413 | 429 | 503, Some(value)) = (handled_as, input.retry_after) {
            let now = input.now.unwrap_or_else(unix_seconds);
            if let Ok(wait) = parse_retry_after(value, now) {
                let seconds = wait.as_secs();
                step.retry_after_s = Some(seconds);
                step.category = Some(RetryCategory::Throttle);
                if seconds > self.max_retry_after_s {
                    return step.stopped(RetryReason::RetryAfterTooLong);
                }
                let delay_ms = seconds.saturating_mul(1_000);
                return pay(step, RetryReason::RetryAfter, delay_ms, input, budget);
            }
        }
        // Rules 5 to 9.
        let (category, reason) = match (advice, handled_as) {
            (Some(ErrorAdvice::RetryLater), _) => (RetryCategory::Busy, RetryReason::Busy),
            (_, 429) => (RetryCategory::Throttle, RetryReason::Throttled),
            (_, 408) => (RetryCategory::Transient, RetryReason::Timeout),
            (_, 500 | 502 | 504) if input.idempotent => {
                (RetryCategory::Transient, RetryReason::ServerError)
            }
            (_, 500 | 502 | 504) => return step.stopped(RetryReason::NotIdempotent),
            _ => return step.stopped(RetryReason::Status),
        };
        let u = input.random.map_or_else(random_unit, clamp_unit);
        let delay_ms = self.backoff_ms(category, attempt, u, input.previous_delay_ms);
        step.category = Some(category);
        pay(step, reason, delay_ms, input, budget)
    }
}

/// A retry that a rule allows, checked against the deadline, then paid for.
fn pay(
    step: RetryStep,
    reason: RetryReason,
    delay_ms: u64,
    input: &StepInput<'_>,
    budget: Option<&RetryBudget>,
) -> RetryStep {
    if input.time_left_ms.is_some_and(|left| delay_ms > left) {
        return step.stopped(RetryReason::Deadline);
    }
    let tokens_after = match (budget, step.category) {
        (Some(budget), Some(category)) => match budget.withdraw(budget.cost_of(category)) {
            Ok(after) => Some(after),
            Err(held) => {
                return RetryStep {
                    tokens_after: Some(held),
                    ..step.stopped(RetryReason::BudgetExhausted)
                }
            }
        },
        _ => step.tokens_after,
    };
    RetryStep {
        action: StepAction::Retry,
        delay_ms,
        reason,
        tokens_after,
        ..step
    }
}

impl RetryStep {
    /// This step, stopped for `reason` (a `do_not_retry` step waits 0 ms).
    const fn stopped(self, reason: RetryReason) -> RetryStep {
        RetryStep {
            action: StepAction::DoNotRetry,
            delay_ms: 0,
            reason,
            ..self
        }
    }
}

/// The system clock in Unix seconds (negative before 1970).
fn unix_seconds() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => {
            i64::try_from(before.duration().as_secs()).map_or(i64::MIN, i64::saturating_neg)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_names_round_trip() {
        for action in StepAction::ALL {
            assert_eq!(StepAction::from_name(action.as_str()), Some(action));
            assert_eq!(action.as_cstr().to_str(), Ok(action.as_str()));
            assert_eq!(action.explain_cstr().to_str(), Ok(action.explain()));
            assert_eq!(action.to_string(), action.as_str());
        }
    }

    #[test]
    fn the_clock_reads_a_time_after_this_code_was_written() {
        assert!(unix_seconds() > 1_770_000_000);
    }

    #[test]
    fn an_http_date_retry_after_reads_the_clock_when_no_time_is_given() {
        let input = StepInput::new(1, 503).with_retry_after(b"Sun, 06 Nov 1994 08:49:37 GMT");
        let step = RetryPolicy::DEFAULT.step(&input, None);
        assert_eq!((step.reason, step.delay_ms), (RetryReason::RetryAfter, 0));
    }

    #[test]
    fn a_step_refused_by_the_deadline_does_not_charge_the_budget() {
        let budget = RetryBudget::default();
        let input = StepInput::new(1, 429)
            .with_random(0.5)
            .with_time_left_ms(499);
        let step = RetryPolicy::DEFAULT.step(&input, Some(&budget));
        assert_eq!(step.reason, RetryReason::Deadline);
        assert_eq!(step.tokens_after, Some(500));
        assert_eq!(budget.tokens(), 500);
    }
}
