//! A step as one log line: the only place its wording is written, so every language
//! prints the same line.

use core::fmt;
use core::fmt::Write as _;

use super::{RetryCategory, RetryReason, RetryStep, StepAction};
use crate::{ErrorAdvice, Status, NO_RESPONSE};

impl RetryStep {
    /// The most bytes a log line can have: a buffer this long always holds one.
    ///
    /// ```
    /// assert!(dcs_status::RetryStep::LOG_LINE_MAX >= 200);
    /// ```
    pub const LOG_LINE_MAX: usize = 256;

    /// Writes the log line into `buf` (as much as fits, without a NUL) and returns
    /// its whole length, which is at most [`RetryStep::LOG_LINE_MAX`]; a return
    /// value above `buf.len()` means the line was cut. The line is ASCII, so any cut
    /// is still valid UTF-8. No allocation: for the C ABI and other fixed buffers.
    ///
    /// ```
    /// use dcs_status::{RetryPolicy, RetryStep, StepInput};
    ///
    /// let step = RetryPolicy::DEFAULT.step(&StepInput::new(1, 404), None);
    /// let mut buf = [0u8; RetryStep::LOG_LINE_MAX];
    /// let len = step.write_log_line(&mut buf);
    /// assert_eq!(&buf[..len], b"do not retry: 404 Not Found is not an error a retry can fix (status)");
    /// let mut short = [0u8; 6];
    /// assert_eq!(step.write_log_line(&mut short), len);
    /// assert_eq!(&short, b"do not");
    /// ```
    pub fn write_log_line(&self, buf: &mut [u8]) -> usize {
        let mut out = Truncating { buf, len: 0 };
        // Writing into a Truncating never fails.
        let _ = fmt::Write::write_fmt(&mut out, format_args!("{self}"));
        out.len
    }
}

impl fmt::Display for RetryStep {
    /// The log line: `retry N of M in D ms: WHY (REASON)` or `do not retry: WHY
    /// (REASON)`.
    ///
    /// `N` is the retry's number (the attempt just made), `M` the most retries the
    /// policy allows (`max_attempts − 1`), `D` the delay, `REASON` the
    /// [`RetryReason`] name and `WHY` names the evidence: the error code for
    /// `busy` and `error_code` ("DCS.4111 says try again later"), otherwise the
    /// status with its phrase ("429 Too Many Requests without a valid Retry-After").
    /// ASCII, at most [`RetryStep::LOG_LINE_MAX`] bytes.
    ///
    /// ```
    /// use dcs_status::{RetryPolicy, StepInput};
    ///
    /// let policy = RetryPolicy { max_attempts: 4, base_busy_ms: 1_000, ..RetryPolicy::DEFAULT };
    /// let input = StepInput::new(2, 400).with_error_code(b"DCS.4111").with_random(0.37);
    /// assert_eq!(
    ///     policy.step(&input, None).to_string(),
    ///     "retry 2 of 3 in 740 ms: DCS.4111 says try again later (busy)"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.action {
            StepAction::Retry => write!(
                f,
                "retry {} of {} in {} ms: ",
                self.attempt,
                self.max_attempts.saturating_sub(1),
                self.delay_ms
            )?,
            StepAction::DoNotRetry => f.write_str("do not retry: ")?,
        }
        self.write_why(f)?;
        write!(f, " ({})", self.reason)
    }
}

impl RetryStep {
    /// The message of a retrying client's error, ended with why its retries ran out
    /// when this (its last) step [gave up](RetryStep::gave_up): `MESSAGE; retries
    /// exhausted: WHY (REASON)` (WHY and REASON as in the log line), the clause alone
    /// for an empty message, and the message unchanged for a step that did not give
    /// up. Bytes that are not UTF-8 are written as U+FFFD. No allocation; the clause
    /// is ASCII and at most [`RetryStep::LOG_LINE_MAX`] bytes.
    ///
    /// ```
    /// use dcs_status::{RetryPolicy, StepInput};
    ///
    /// let p = RetryPolicy::DEFAULT;
    /// let last = p.step(&StepInput::new(3, 503).with_retry_after(b"1"), None);
    /// assert_eq!(
    ///     last.exhausted_message("503 Service Unavailable").to_string(),
    ///     "503 Service Unavailable; retries exhausted: 503 Service Unavailable on attempt 3, \
    ///      and max_attempts is 3 (max_attempts)"
    /// );
    /// assert!(last.exhausted_message("").to_string().starts_with("retries exhausted: "));
    /// let answer = p.step(&StepInput::new(1, 404), None);
    /// assert_eq!(answer.exhausted_message("404 Not Found").to_string(), "404 Not Found");
    /// ```
    pub fn exhausted_message<'a, M: AsRef<[u8]> + ?Sized>(
        &'a self,
        message: &'a M,
    ) -> ExhaustedMessage<'a> {
        ExhaustedMessage {
            step: self,
            message: message.as_ref(),
        }
    }

    /// The evidence for the reason, e.g. `DCS.4111 says try again later`.
    fn write_why(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = StatusText(self.status);
        let code = self.catalogue_entry.map(|entry| entry.code());
        match self.reason {
            RetryReason::NotAnError => write!(f, "{status} is not an error"),
            RetryReason::MaxAttempts => write!(
                f,
                "{status} on attempt {}, and max_attempts is {}",
                self.attempt, self.max_attempts
            ),
            RetryReason::ErrorCode => {
                let says = match self.catalogue_entry.map(|entry| entry.advice()) {
                    Some(ErrorAdvice::NotAllowed) => "says the operation is not allowed",
                    Some(ErrorAdvice::FixRequest) => "says to fix the request",
                    _ => "rules out a retry",
                };
                write!(f, "{} {says}", code.unwrap_or("the error code"))
            }
            RetryReason::RetryAfterTooLong => match self.retry_after_s {
                Some(s) => write!(f, "{status} asks to wait {s} s, more than max_retry_after"),
                None => write!(f, "{status} asks to wait more than max_retry_after"),
            },
            RetryReason::RetryAfter => match self.retry_after_s {
                Some(s) => write!(f, "{status} asks to wait {s} s"),
                None => write!(f, "{status} asks to wait (Retry-After)"),
            },
            RetryReason::Busy => {
                write!(
                    f,
                    "{} says try again later",
                    code.unwrap_or("the error code")
                )
            }
            RetryReason::Throttled => write!(f, "{status} without a valid Retry-After"),
            RetryReason::Timeout => write!(f, "{status}"),
            RetryReason::ServerError | RetryReason::ConnectionError => {
                write!(f, "{status} on an idempotent request")
            }
            RetryReason::NotIdempotent => {
                write!(f, "{status} on a request that is not idempotent")
            }
            RetryReason::Status if status.is_code() => {
                write!(f, "{status} is not an error a retry can fix")
            }
            RetryReason::Status => write!(f, "{status} is not a status code"),
            RetryReason::BudgetExhausted => {
                self.write_evidence(f)?;
                f.write_str(", but the retry budget cannot pay for ")?;
                match self.category {
                    Some(category) => write!(f, "a {category} retry")?,
                    None => f.write_str("a retry")?,
                }
                match self.tokens_after {
                    Some(tokens) => write!(f, " ({tokens} tokens left)"),
                    None => Ok(()),
                }
            }
            RetryReason::Deadline => {
                self.write_evidence(f)?;
                f.write_str(", but the wait would end past the deadline")
            }
            RetryReason::UnreplayableBody => {
                self.write_evidence(f)?;
                f.write_str(", but the request body cannot be sent again")
            }
        }
    }

    /// What called for the retry that the budget or the deadline stopped: the
    /// error code of a busy retry, the Retry-After of a throttle retry that had
    /// one, else the status.
    fn write_evidence(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = StatusText(self.status);
        match (self.category, self.retry_after_s) {
            (Some(RetryCategory::Busy), _) => {
                let code = self.catalogue_entry.map(|entry| entry.code());
                write!(
                    f,
                    "{} says try again later",
                    code.unwrap_or("the error code")
                )
            }
            (Some(RetryCategory::Throttle), Some(s)) => write!(f, "{status} asks to wait {s} s"),
            _ => write!(f, "{status}"),
        }
    }
}

/// [`RetryStep::exhausted_message`]: a retrying client's error message, ended with
/// why its retries ran out (its `Display`; written into a fixed buffer as the C ABI
/// does, without allocating).
#[derive(Clone, Copy, Debug)]
pub struct ExhaustedMessage<'a> {
    step: &'a RetryStep,
    message: &'a [u8],
}

impl fmt::Display for ExhaustedMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for chunk in self.message.utf8_chunks() {
            f.write_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                f.write_char(char::REPLACEMENT_CHARACTER)?;
            }
        }
        if !self.step.gave_up() {
            return Ok(());
        }
        if !self.message.is_empty() {
            f.write_str("; ")?;
        }
        f.write_str("retries exhausted: ")?;
        self.step.write_why(f)?;
        write!(f, " ({})", self.step.reason)
    }
}

/// A status as a log line cites it: `429 Too Many Requests` for a code in the
/// table, `no response` for [`NO_RESPONSE`], the bare number for any other.
struct StatusText(i64);

impl StatusText {
    /// Whether the number is a status code at all (100–999).
    fn is_code(&self) -> bool {
        (100..=999).contains(&self.0)
    }
}

impl fmt::Display for StatusText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == NO_RESPONSE {
            return f.write_str("no response");
        }
        match u16::try_from(self.0).ok().and_then(Status::from_code) {
            Some(status) => write!(f, "{status}"),
            None => write!(f, "{}", self.0),
        }
    }
}

/// A `fmt::Write` into a fixed buffer that keeps what fits and counts the rest.
struct Truncating<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl fmt::Write for Truncating<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let start = self.len.min(self.buf.len());
        let room = self.buf.len().saturating_sub(start);
        let kept = s.len().min(room);
        if let (Some(to), Some(from)) = (
            self.buf.get_mut(start..start.saturating_add(kept)),
            s.as_bytes().get(..kept),
        ) {
            to.copy_from_slice(from);
        }
        self.len = self.len.saturating_add(s.len());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RetryPolicy, StepInput};

    /// A step with the longest number in every numeric field.
    fn widest(reason: RetryReason, action: StepAction) -> RetryStep {
        RetryStep {
            action,
            delay_ms: u64::MAX,
            category: Some(RetryCategory::Transient),
            reason,
            tokens_after: Some(u32::MAX),
            attempt: u32::MAX,
            max_attempts: u32::MAX,
            status: i64::MIN,
            retry_after_s: Some(u64::MAX),
            catalogue_entry: crate::CatalogueEntry::all()
                .iter()
                .max_by_key(|e| e.code().len()),
        }
    }

    #[test]
    fn no_line_is_longer_than_the_maximum() {
        let statuses = Status::all().iter().map(|s| i64::from(s.code()));
        for status in statuses.chain([i64::MIN, 999]) {
            for reason in RetryReason::ALL {
                for action in StepAction::ALL {
                    let step = RetryStep {
                        status,
                        ..widest(reason, action)
                    };
                    let line = step.to_string();
                    assert!(line.len() <= RetryStep::LOG_LINE_MAX, "{line}");
                    assert!(line.is_ascii(), "{line}");
                }
            }
        }
    }

    #[test]
    fn write_log_line_reports_the_whole_length() {
        let step = RetryPolicy::DEFAULT.step(&StepInput::new(1, 42), None);
        let line = step.to_string();
        assert_eq!(line, "do not retry: 42 is not a status code (status)");
        let mut buf = [0u8; RetryStep::LOG_LINE_MAX];
        assert_eq!(step.write_log_line(&mut buf), line.len());
        assert_eq!(&buf[..line.len()], line.as_bytes());
        assert_eq!(step.write_log_line(&mut []), line.len());
    }

    #[test]
    fn an_exhausted_message_writes_bytes_that_are_not_utf8_as_replacement_characters() {
        use crate::{RetryPolicy, StepInput};

        let last = RetryPolicy::DEFAULT.step(&StepInput::new(3, 502).with_idempotent(true), None);
        let message = last
            .exhausted_message(&b"read tcp: \xff\xfe reset"[..])
            .to_string();
        assert_eq!(
            message,
            "read tcp: \u{fffd}\u{fffd} reset; retries exhausted: 502 Bad Gateway on attempt 3, \
             and max_attempts is 3 (max_attempts)"
        );
    }
}
