//! The next step of a retry loop: the rules, first match wins.
#![deny(clippy::arithmetic_side_effects)]

use core::ffi::CStr;
use core::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use super::delay::clamp_unit;
use super::{random_unit, RetryBudget, RetryCategory, RetryPolicy, RetryReason, StepInput};
use crate::{lookup, parse_retry_after, CatalogueEntry, ErrorAdvice, NO_RESPONSE};

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
    /// The kind of retry: set when a rule called for a retry (rules 0 and 4–8),
    /// even if the attempts were used up, the Retry-After was too long, the
    /// deadline too near or the budget empty ([`RetryStep::gave_up`]); `None`
    /// otherwise.
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

    /// Whether the policy gave up: a rule called for a retry, but a limit stopped it
    /// (`max_attempts`, `retry_after_too_long`, `deadline` or `budget_exhausted`; not
    /// `unreplayable_body`, where the request itself rules the retry out).
    /// A retrying client then reports the retries as exhausted, where a response
    /// that no retry can fix (a 404, a 500 on a POST) is simply the answer.
    ///
    /// ```
    /// use dcs_status::{RetryPolicy, StepInput};
    ///
    /// let p = RetryPolicy::DEFAULT;
    /// let throttled = StepInput::new(3, 429).with_retry_after(b"1");
    /// assert!(p.step(&throttled, None).gave_up());
    /// assert!(!p.step(&StepInput::new(1, 429).with_retry_after(b"1"), None).gave_up());
    /// assert!(!p.step(&StepInput::new(3, 404), None).gave_up());
    /// ```
    pub const fn gave_up(&self) -> bool {
        matches!(self.action, StepAction::DoNotRetry)
            && self.category.is_some()
            && !matches!(self.reason, RetryReason::UnreplayableBody)
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

    /// The decision as one JSON object, exactly the keys `action`, `delay_ms`,
    /// `category`, `reason` and `tokens_after` in that order, no spaces, `null` for
    /// an absent category or token count: what `dcs-status retry --json` prints
    /// (without its newline), and the `expected` of the shared vectors
    /// (`tests/vectors/retry_steps.json`) less the log line.
    ///
    /// ```
    /// use dcs_status::{RetryBudget, RetryPolicy, StepInput};
    ///
    /// let input = StepInput::new(1, 400).with_error_code(b"DCS.4111").with_random(0.37);
    /// let step = RetryPolicy::DEFAULT.step(&input, Some(&RetryBudget::default()));
    /// assert_eq!(
    ///     step.json(),
    ///     r#"{"action":"retry","delay_ms":740,"category":"busy","reason":"busy","tokens_after":486}"#
    /// );
    /// let stop = RetryPolicy::DEFAULT.step(&StepInput::new(1, 404), None);
    /// assert_eq!(
    ///     stop.json(),
    ///     r#"{"action":"do_not_retry","delay_ms":0,"category":null,"reason":"status","tokens_after":null}"#
    /// );
    /// ```
    pub fn json(&self) -> String {
        use core::fmt::Write;
        // The names are snake_case ASCII: nothing to escape. Writing to a String
        // cannot fail.
        let mut out = String::with_capacity(112);
        let _ = write!(
            out,
            "{{\"action\":\"{}\",\"delay_ms\":{},\"category\":",
            self.action, self.delay_ms
        );
        let _ = match self.category {
            Some(category) => write!(out, "\"{category}\""),
            None => out.write_str("null"),
        };
        let _ = write!(out, ",\"reason\":\"{}\",\"tokens_after\":", self.reason);
        let _ = match self.tokens_after {
            Some(tokens) => write!(out, "{tokens}"),
            None => out.write_str("null"),
        };
        out.push('}');
        out
    }
}

impl RetryPolicy {
    /// The next step after an attempt: retry (after how long) or stop, and why.
    ///
    /// The rules, applied to the status as [`lookup`] handles it (an unrecognized
    /// code as the `x00` code of its class, 600–999 as 500); first match wins:
    ///
    /// 0. [`NO_RESPONSE`] (no response arrived: the connection failed, was reset or
    ///    timed out): idempotent → `retry`, category `transient`, reason
    ///    `connection_error`; not idempotent → `do_not_retry`, `not_idempotent` (the
    ///    server may have acted on it).
    /// 1. 1xx–3xx → `do_not_retry`, reason `not_an_error`.
    /// 2. (no rule: `max_attempts` is checked with the limits below.)
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
    /// Rules 0 and 5–8 wait [`RetryPolicy::backoff_ms`] of their category, for retry
    /// number `attempt`. A retry that a rule calls for is then checked against the
    /// limits, in this order (the first that stops it is the reason; the step keeps
    /// its category, so [`RetryStep::gave_up`] tells it apart from a response no
    /// retry can fix):
    ///
    /// - `attempt ≥ max_attempts` → `do_not_retry`, `max_attempts` (for rule 4,
    ///   before its `retry_after_too_long`);
    /// - a body that cannot be sent again ([`StepInput::unreplayable_body`]) →
    ///   `do_not_retry`, `unreplayable_body` (not [`RetryStep::gave_up`]: the
    ///   response is the answer);
    /// - a deadline (`time_left_ms`) shorter than the delay → `do_not_retry`,
    ///   `deadline`;
    /// - a budget that cannot pay [`RetryBudget::cost_of`] the category →
    ///   `do_not_retry`, `budget_exhausted`. The budget is charged only for a retry
    ///   that passes every check.
    ///
    /// The step answers any input and never panics: a status outside 100–999 (other
    /// than [`NO_RESPONSE`]) is `do_not_retry`, `status` before rule 1; attempt 0 is
    /// read as 1; a Retry-After or error code that does not parse counts as absent;
    /// the random draw is clamped into `[0, 1)` ([`StepInput::random`]);
    /// `max_attempts` 0 stops like 1. [`StepInput::validate`] and
    /// [`RetryPolicy::validate`] report these as errors for callers that want them.
    /// No allocation.
    ///
    /// ```
    /// use dcs_status::{RetryPolicy, RetryReason, StepInput, NO_RESPONSE};
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
    /// // A connection reset on a GET is retried like a 502.
    /// let reset = step(StepInput::new(1, NO_RESPONSE).with_idempotent(true));
    /// assert_eq!((reset.reason, reset.delay_ms), (RetryReason::ConnectionError, 25));
    /// // The third attempt was the last: the policy gives up.
    /// let last = step(StepInput::new(3, 502).with_idempotent(true));
    /// assert_eq!(last.reason, RetryReason::MaxAttempts);
    /// assert!(last.gave_up());
    /// // A 404 is final whatever the attempt: nothing was given up.
    /// assert!(!step(StepInput::new(3, 404)).gave_up());
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
        // Rule 0.
        if input.status == NO_RESPONSE {
            if !input.idempotent {
                return step.stopped(RetryReason::NotIdempotent);
            }
            return self.backoff(
                step,
                RetryCategory::Transient,
                RetryReason::ConnectionError,
                input,
                budget,
            );
        }
        let Ok(found) = lookup(input.status) else {
            return step;
        };
        // Rule 1.
        if !found.is_error() {
            return step.stopped(RetryReason::NotAnError);
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
                if attempt >= self.max_attempts {
                    return step.stopped(RetryReason::MaxAttempts);
                }
                if seconds > self.max_retry_after_s {
                    return step.stopped(RetryReason::RetryAfterTooLong);
                }
                let delay_ms = seconds.saturating_mul(1_000);
                return self.pay(step, RetryReason::RetryAfter, delay_ms, input, budget);
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
        self.backoff(step, category, reason, input, budget)
    }

    /// A retry of `category` that a rule calls for, after a jittered backoff.
    fn backoff(
        &self,
        step: RetryStep,
        category: RetryCategory,
        reason: RetryReason,
        input: &StepInput<'_>,
        budget: Option<&RetryBudget>,
    ) -> RetryStep {
        let u = input.random.map_or_else(random_unit, clamp_unit);
        let delay_ms = self.backoff_ms(category, step.attempt, u, input.previous_delay_ms);
        let step = RetryStep {
            category: Some(category),
            ..step
        };
        self.pay(step, reason, delay_ms, input, budget)
    }

    /// A retry that a rule calls for, checked against the limits (attempts, the
    /// deadline), then paid for.
    fn pay(
        &self,
        step: RetryStep,
        reason: RetryReason,
        delay_ms: u64,
        input: &StepInput<'_>,
        budget: Option<&RetryBudget>,
    ) -> RetryStep {
        if step.attempt >= self.max_attempts {
            return step.stopped(RetryReason::MaxAttempts);
        }
        if input.unreplayable_body {
            return step.stopped(RetryReason::UnreplayableBody);
        }
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
