//! The retry decision: what a client should do after a response.

use core::fmt;
use core::time::Duration;

use crate::{lookup, parse_retry_after, Action, ErrorAdvice, Lookup, NotAStatusCodeError};

/// What a client should do about a response: an [`Action`], with the delay for
/// [`Action::RetryAfter`].
///
/// ```
/// use std::time::Duration;
/// use dcs_status::{Action, Decision};
///
/// let decision = Decision::RetryAfter(Duration::from_secs(120));
/// assert_eq!(decision.action(), Action::RetryAfter);
/// assert_eq!(decision.to_string(), "retry_after 120s");
/// assert_eq!(Decision::DoNotRetry.to_string(), "do_not_retry");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Do not send the request again (as it is).
    DoNotRetry,
    /// Send it again after this delay, taken from the Retry-After header.
    RetryAfter(Duration),
    /// Send it again after a delay of the caller's own backoff policy.
    RetryWithBackoff,
}

impl Decision {
    /// What to do, without the delay.
    pub const fn action(&self) -> Action {
        match self {
            Decision::DoNotRetry => Action::DoNotRetry,
            Decision::RetryAfter(_) => Action::RetryAfter,
            Decision::RetryWithBackoff => Action::RetryWithBackoff,
        }
    }

    /// Whether the request should be sent again.
    pub const fn should_retry(&self) -> bool {
        !matches!(self, Decision::DoNotRetry)
    }

    /// The delay the server asked for, for [`Decision::RetryAfter`].
    pub const fn delay(&self) -> Option<Duration> {
        match self {
            Decision::RetryAfter(delay) => Some(*delay),
            Decision::DoNotRetry | Decision::RetryWithBackoff => None,
        }
    }
}

impl fmt::Display for Decision {
    /// `do_not_retry`, `retry_with_backoff`, or `retry_after 120s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::RetryAfter(delay) => write!(f, "retry_after {}s", delay.as_secs()),
            other => other.action().fmt(f),
        }
    }
}

impl Lookup {
    /// The retry decision for a response with this status code.
    ///
    /// `retry_after` is the Retry-After header's value, if the response had one; `now`
    /// is the current time in Unix seconds; `idempotent` says whether the request may
    /// safely be sent twice (GET, HEAD, PUT, DELETE, ... RFC 9110 §9.2.2). The rules,
    /// applied to the code as it is handled (an unrecognized code as its class's
    /// `x00`, 600–999 as 500), first match wins:
    ///
    /// 1. 1xx–3xx: [`Decision::DoNotRetry`] (not an error).
    /// 2. 413, 429 or 503 with a valid Retry-After: [`Decision::RetryAfter`] that delay.
    /// 3. 408, and 429 without a valid Retry-After: [`Decision::RetryWithBackoff`].
    /// 4. 500, 502, 504: [`Decision::RetryWithBackoff`] if the request is idempotent,
    ///    else [`Decision::DoNotRetry`].
    /// 5. Everything else: [`Decision::DoNotRetry`]. That includes 400, 403, 404, 405
    ///    and 503 without Retry-After (the document says to modify the request instead),
    ///    the other 4xx, 501 and 505.
    ///
    /// A Retry-After value that does not parse counts as absent.
    pub fn decide(&self, retry_after: Option<&[u8]>, now: i64, idempotent: bool) -> Decision {
        let code = self.status().code();
        if !self.class().is_error() {
            return Decision::DoNotRetry;
        }
        let delay = retry_after.and_then(|value| parse_retry_after(value, now).ok());
        match (code, delay) {
            (413 | 429 | 503, Some(delay)) => Decision::RetryAfter(delay),
            (408 | 429, _) => Decision::RetryWithBackoff,
            (500 | 502 | 504, _) if idempotent => Decision::RetryWithBackoff,
            _ => Decision::DoNotRetry,
        }
    }
}

impl Lookup {
    /// The retry decision for an error response whose body carries an error code the
    /// catalogue knows, with this [`ErrorAdvice`] (`None`: no code, or a code the
    /// catalogue lacks). The error code is read before the status, as it says more;
    /// first match wins:
    ///
    /// 1. 1xx–3xx: [`Decision::DoNotRetry`] (not an error).
    /// 2. [`ErrorAdvice::RetryLater`] (the instance is restarting, backing up, busy
    ///    with a job): [`Decision::RetryAfter`] a valid Retry-After's delay, else
    ///    [`Decision::RetryWithBackoff`], whatever the status (36 of these codes are
    ///    sent with 400) and whether or not the request is idempotent: the service
    ///    turned it away without acting on it.
    /// 3. 413, 429 or 503 with a valid Retry-After: [`Decision::RetryAfter`] that
    ///    delay (the server's own word wins over the document's).
    /// 4. [`ErrorAdvice::ContactSupport`], [`ErrorAdvice::FixRequest`],
    ///    [`ErrorAdvice::NotAllowed`]: [`Decision::DoNotRetry`] (retrying will not help,
    ///    even a 500 on an idempotent request).
    /// 5. Otherwise ([`ErrorAdvice::Unspecified`], or no known code): the status's
    ///    decision, [`Lookup::decide`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use dcs_status::{lookup, Decision, ErrorAdvice};
    ///
    /// let bad_request = lookup(400).unwrap();
    /// assert_eq!(bad_request.decide(None, 0, false), Decision::DoNotRetry);
    /// assert_eq!(
    ///     bad_request.decide_with_advice(Some(ErrorAdvice::RetryLater), None, 0, false),
    ///     Decision::RetryWithBackoff
    /// );
    /// let server_error = lookup(500).unwrap();
    /// assert_eq!(
    ///     server_error.decide_with_advice(Some(ErrorAdvice::ContactSupport), None, 0, true),
    ///     Decision::DoNotRetry
    /// );
    /// assert_eq!(
    ///     lookup(503).unwrap().decide_with_advice(Some(ErrorAdvice::ContactSupport), Some(b"5"), 0, true),
    ///     Decision::RetryAfter(Duration::from_secs(5))
    /// );
    /// ```
    pub fn decide_with_advice(
        &self,
        advice: Option<ErrorAdvice>,
        retry_after: Option<&[u8]>,
        now: i64,
        idempotent: bool,
    ) -> Decision {
        if !self.class().is_error() {
            return Decision::DoNotRetry;
        }
        let delay = || retry_after.and_then(|value| parse_retry_after(value, now).ok());
        match advice {
            Some(ErrorAdvice::RetryLater) => {
                return delay().map_or(Decision::RetryWithBackoff, Decision::RetryAfter)
            }
            Some(
                ErrorAdvice::ContactSupport | ErrorAdvice::FixRequest | ErrorAdvice::NotAllowed,
            ) => {
                return match (self.status().code(), delay()) {
                    (413 | 429 | 503, Some(delay)) => Decision::RetryAfter(delay),
                    _ => Decision::DoNotRetry,
                };
            }
            Some(ErrorAdvice::Unspecified) | None => {}
        }
        self.decide(retry_after, now, idempotent)
    }
}

/// Whether requests with this method are idempotent (RFC 9110 §9.2.2): GET, HEAD,
/// OPTIONS, TRACE, PUT and DELETE. Method names are case-sensitive; any other
/// method (POST, PATCH, CONNECT, extensions) is not.
///
/// ```
/// use dcs_status::method_is_idempotent;
///
/// assert!(method_is_idempotent("GET"));
/// assert!(method_is_idempotent("DELETE"));
/// assert!(!method_is_idempotent("POST"));
/// assert!(!method_is_idempotent("get"));
/// ```
pub fn method_is_idempotent(method: impl AsRef<[u8]>) -> bool {
    matches!(
        method.as_ref(),
        b"GET" | b"HEAD" | b"OPTIONS" | b"TRACE" | b"PUT" | b"DELETE"
    )
}

/// The retry decision for a status code: [`lookup`] then [`Lookup::decide`], whose
/// documentation lists the rules.
///
/// ```
/// use std::time::Duration;
/// use dcs_status::{decide, Decision};
///
/// let now = 1_700_000_000;
/// assert_eq!(decide(429, Some("30"), now, false), Ok(Decision::RetryAfter(Duration::from_secs(30))));
/// assert_eq!(decide(429, None, now, false), Ok(Decision::RetryWithBackoff));
/// assert_eq!(decide(503, None, now, true), Ok(Decision::DoNotRetry));
/// assert_eq!(decide(502, None, now, true), Ok(Decision::RetryWithBackoff));
/// assert_eq!(decide(502, None, now, false), Ok(Decision::DoNotRetry));
/// assert!(decide(42, None, now, true).is_err());
/// ```
pub fn decide(
    code: impl Into<i64>,
    retry_after: Option<&str>,
    now: i64,
    idempotent: bool,
) -> Result<Decision, NotAStatusCodeError> {
    Ok(lookup(code)?.decide(retry_after.map(str::as_bytes), now, idempotent))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Class;

    #[test]
    fn informational_success_and_redirection_never_retry() {
        for code in [100, 101, 150, 200, 204, 299, 301, 304, 399] {
            let found = lookup(code).unwrap();
            assert_ne!(found.class(), Class::ClientError);
            assert_eq!(
                found.decide(Some(b"10"), 0, true),
                Decision::DoNotRetry,
                "{code}"
            );
        }
    }

    #[test]
    fn codes_handled_as_500_retry_when_idempotent() {
        for code in [500, 550, 599, 600, 999] {
            assert_eq!(
                decide(code, None, 0, true),
                Ok(Decision::RetryWithBackoff),
                "{code}"
            );
            assert_eq!(
                decide(code, None, 0, false),
                Ok(Decision::DoNotRetry),
                "{code}"
            );
        }
    }

    #[test]
    fn an_unparseable_retry_after_counts_as_absent() {
        assert_eq!(decide(503, Some("soon"), 0, true), Ok(Decision::DoNotRetry));
        assert_eq!(
            decide(429, Some("-5"), 0, true),
            Ok(Decision::RetryWithBackoff)
        );
        assert_eq!(decide(413, Some(""), 0, true), Ok(Decision::DoNotRetry));
    }

    #[test]
    fn the_error_code_s_advice_comes_before_the_status() {
        let decide = |code, advice, retry_after: Option<&[u8]>, idempotent| {
            lookup(code)
                .unwrap()
                .decide_with_advice(advice, retry_after, 0, idempotent)
        };
        let later = Some(ErrorAdvice::RetryLater);
        for code in [400, 404, 500, 502] {
            assert_eq!(
                decide(code, later, None, false),
                Decision::RetryWithBackoff,
                "{code}"
            );
            assert_eq!(
                decide(code, later, Some(b"7"), false),
                Decision::RetryAfter(Duration::from_secs(7)),
                "{code}"
            );
        }
        for advice in [
            ErrorAdvice::ContactSupport,
            ErrorAdvice::FixRequest,
            ErrorAdvice::NotAllowed,
        ] {
            assert_eq!(decide(500, Some(advice), None, true), Decision::DoNotRetry);
            assert_eq!(decide(429, Some(advice), None, true), Decision::DoNotRetry);
            assert_eq!(
                decide(429, Some(advice), Some(b"3"), true),
                Decision::RetryAfter(Duration::from_secs(3))
            );
        }
        for code in [200, 304] {
            assert_eq!(decide(code, later, None, true), Decision::DoNotRetry);
        }
        // Unspecified advice, or none: the status decides.
        for advice in [Some(ErrorAdvice::Unspecified), None] {
            for code in [400, 429, 500, 502, 503] {
                for idempotent in [false, true] {
                    assert_eq!(
                        decide(code, advice, Some(b"4"), idempotent),
                        lookup(code).unwrap().decide(Some(b"4"), 0, idempotent),
                        "{code}"
                    );
                }
            }
        }
    }

    #[test]
    fn retry_after_only_counts_for_413_429_503() {
        assert_eq!(decide(404, Some("10"), 0, true), Ok(Decision::DoNotRetry));
        assert_eq!(
            decide(500, Some("10"), 0, true),
            Ok(Decision::RetryWithBackoff)
        );
        assert_eq!(
            decide(413, Some("10"), 0, false),
            Ok(Decision::RetryAfter(Duration::from_secs(10)))
        );
    }
}
