//! Why a step retries or stops: one name and one sentence per rule.

use core::ffi::CStr;
use core::fmt;

/// Why [`RetryPolicy::step`](crate::RetryPolicy::step) decided as it did: the rule
/// that matched, or what stopped a retry that a rule allowed.
///
/// [`RetryPolicy::step`](crate::RetryPolicy::step) lists the rules; each variant
/// names the rule it stands for.
///
/// ```
/// use dcs_status::RetryReason;
///
/// assert_eq!(RetryReason::BudgetExhausted.as_str(), "budget_exhausted");
/// assert!(RetryReason::Busy.is_retry());
/// assert!(!RetryReason::NotIdempotent.is_retry());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RetryReason {
    /// Rule 1: 1xx–3xx is not an error.
    NotAnError = 0,
    /// Rule 2: the attempt just made was the last the policy allows.
    MaxAttempts = 1,
    /// Rule 3: the error code's catalogue entry says to fix the request or that the
    /// operation is not allowed.
    ErrorCode = 2,
    /// Rule 4: the server's Retry-After asks for longer than `max_retry_after_s`.
    RetryAfterTooLong = 3,
    /// Rule 4: retry after exactly the server's Retry-After.
    RetryAfter = 4,
    /// Rule 5: the error code says "try again later".
    Busy = 5,
    /// Rule 6: 429 without a valid Retry-After.
    Throttled = 6,
    /// Rule 7: 408.
    Timeout = 7,
    /// Rule 8: 500, 502, 504 or a code handled as 500, on an idempotent request.
    ServerError = 8,
    /// Rules 0 and 8: no response, or the same server errors, on a request that is
    /// not idempotent.
    NotIdempotent = 9,
    /// Rule 9: any other status, or a number that is not a status code.
    Status = 10,
    /// A retry the budget cannot pay for.
    BudgetExhausted = 11,
    /// A retry whose delay would end past the caller's deadline.
    Deadline = 12,
    /// Rule 0: no response arrived ([`NO_RESPONSE`](crate::NO_RESPONSE): the
    /// connection failed, was reset or timed out) on an idempotent request.
    ConnectionError = 13,
    /// A retry of a request whose body cannot be sent again
    /// ([`StepInput::unreplayable_body`](crate::StepInput::unreplayable_body)).
    UnreplayableBody = 14,
}

impl RetryReason {
    /// Every reason, in declaration order (the order of the rules).
    ///
    /// ```
    /// use dcs_status::RetryReason;
    ///
    /// assert_eq!(RetryReason::ALL.first(), Some(&RetryReason::NotAnError));
    /// assert!(RetryReason::ALL.iter().enumerate().all(|(i, r)| *r as usize == i));
    /// ```
    pub const ALL: [RetryReason; 15] = [
        RetryReason::NotAnError,
        RetryReason::MaxAttempts,
        RetryReason::ErrorCode,
        RetryReason::RetryAfterTooLong,
        RetryReason::RetryAfter,
        RetryReason::Busy,
        RetryReason::Throttled,
        RetryReason::Timeout,
        RetryReason::ServerError,
        RetryReason::NotIdempotent,
        RetryReason::Status,
        RetryReason::BudgetExhausted,
        RetryReason::Deadline,
        RetryReason::ConnectionError,
        RetryReason::UnreplayableBody,
    ];

    /// Whether a step with this reason retries: true for `retry_after`, `busy`,
    /// `throttled`, `timeout`, `server_error` and `connection_error`.
    ///
    /// ```
    /// assert!(dcs_status::RetryReason::RetryAfter.is_retry());
    /// assert!(!dcs_status::RetryReason::Deadline.is_retry());
    /// ```
    pub const fn is_retry(self) -> bool {
        matches!(
            self,
            RetryReason::RetryAfter
                | RetryReason::Busy
                | RetryReason::Throttled
                | RetryReason::Timeout
                | RetryReason::ServerError
                | RetryReason::ConnectionError
        )
    }

    /// The canonical name, e.g. `retry_after_too_long`.
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryReason::NotAnError.as_str(), "not_an_error");
    /// ```
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`RetryReason::as_str`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryReason::Deadline.as_cstr(), c"deadline");
    /// ```
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            RetryReason::NotAnError => c"not_an_error",
            RetryReason::MaxAttempts => c"max_attempts",
            RetryReason::ErrorCode => c"error_code",
            RetryReason::RetryAfterTooLong => c"retry_after_too_long",
            RetryReason::RetryAfter => c"retry_after",
            RetryReason::Busy => c"busy",
            RetryReason::Throttled => c"throttled",
            RetryReason::Timeout => c"timeout",
            RetryReason::ServerError => c"server_error",
            RetryReason::NotIdempotent => c"not_idempotent",
            RetryReason::Status => c"status",
            RetryReason::BudgetExhausted => c"budget_exhausted",
            RetryReason::Deadline => c"deadline",
            RetryReason::ConnectionError => c"connection_error",
            RetryReason::UnreplayableBody => c"unreplayable_body",
        }
    }

    /// The reason named `name` (as [`RetryReason::as_str`] writes it), if any.
    ///
    /// ```
    /// use dcs_status::RetryReason;
    ///
    /// assert_eq!(RetryReason::from_name("server_error"), Some(RetryReason::ServerError));
    /// assert_eq!(RetryReason::from_name("server error"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<RetryReason> {
        RetryReason::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// One sentence for people: what the reason means, whatever the response.
    ///
    /// ```
    /// assert_eq!(
    ///     dcs_status::RetryReason::Busy.explain(),
    ///     "the error code says to try again later: the instance is busy and the request had no effect"
    /// );
    /// ```
    pub const fn explain(self) -> &'static str {
        crate::str_of(self.explain_cstr())
    }

    /// [`RetryReason::explain`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// let sentence = dcs_status::RetryReason::MaxAttempts.explain_cstr();
    /// assert!(sentence.to_bytes().starts_with(b"the attempt just made"));
    /// ```
    pub const fn explain_cstr(self) -> &'static CStr {
        match self {
            RetryReason::NotAnError => c"the response is not an error: there is nothing to retry",
            RetryReason::MaxAttempts => {
                c"the attempt just made was the last one the policy allows"
            }
            RetryReason::ErrorCode => {
                c"the error code says to fix the request or that the operation is not allowed: the same request cannot succeed"
            }
            RetryReason::RetryAfterTooLong => {
                c"the server asks to wait longer than the policy's max_retry_after"
            }
            RetryReason::RetryAfter => c"the server said how long to wait, in its Retry-After header",
            RetryReason::Busy => {
                c"the error code says to try again later: the instance is busy and the request had no effect"
            }
            RetryReason::Throttled => {
                c"the server is limiting the request rate and did not say how long to wait"
            }
            RetryReason::Timeout => {
                c"the server timed out waiting for the request, which may be sent again unchanged"
            }
            RetryReason::ServerError => {
                c"a server error on an idempotent request, which is safe to send again"
            }
            RetryReason::NotIdempotent => {
                c"a server error or no response on a request that is not idempotent: sending it again could repeat its effect"
            }
            RetryReason::Status => c"the status is not one that a retry can fix",
            RetryReason::BudgetExhausted => {
                c"the retry budget cannot pay for another retry: too many requests are failing"
            }
            RetryReason::Deadline => c"the retry's delay would end past the caller's deadline",
            RetryReason::ConnectionError => {
                c"no response arrived on an idempotent request, which is safe to send again"
            }
            RetryReason::UnreplayableBody => {
                c"the request's body cannot be sent again: it was a stream, and it has been read"
            }
        }
    }
}

impl fmt::Display for RetryReason {
    /// Writes the canonical name, e.g. `server_error`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_snake_case() {
        for reason in RetryReason::ALL {
            assert_eq!(RetryReason::from_name(reason.as_str()), Some(reason));
            assert_eq!(reason.as_cstr().to_str(), Ok(reason.as_str()));
            assert_eq!(reason.explain_cstr().to_str(), Ok(reason.explain()));
            assert!(reason
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert_eq!(reason.to_string(), reason.as_str());
        }
    }

    #[test]
    fn sentences_are_one_sentence_without_a_final_period() {
        for reason in RetryReason::ALL {
            let sentence = reason.explain();
            assert!(!sentence.ends_with('.'), "{sentence}");
            assert!(!sentence.contains(". "), "{sentence}");
            assert!(
                sentence.starts_with(|c: char| c.is_ascii_lowercase()),
                "{sentence}"
            );
        }
    }
}
