//! The one message of an HTTP error response, which every binding's exception or
//! error value shows.

use core::fmt;
use core::time::Duration;

use crate::{
    lookup, parse_retry_after, quote, Decision, Lookup, NotAStatusCodeError, Quoted,
    RetryAfterError, Status,
};

/// An HTTP error response as the client saw it: its status code read as RFC 9110
/// §15 says (the [`Lookup`]), its Retry-After and request id headers, and the retry
/// [`Decision`]. Its `Display` is the error message every binding shows.
///
/// The header values are untrusted: they are kept [`quote`]d (at most 64 characters,
/// escaped), never copied whole.
///
/// ```
/// use std::time::Duration;
/// use dcs_status::{Decision, HttpError};
///
/// let err = HttpError::new(429, Some(b"120"), Some(b"req-42"), 1_700_000_000, false).unwrap();
/// assert_eq!(err.code(), 429);
/// assert_eq!(err.retry_after(), Some(Duration::from_secs(120)));
/// assert_eq!(err.decision(), Decision::RetryAfter(Duration::from_secs(120)));
/// assert_eq!(
///     err.to_string(),
///     "429 Too Many Requests, DCS name TooManyRequests: The client has sent more requests \
///      than its rate limit is allowed within a given amount of time, or the server has \
///      received more requests than it is able to process within a given amount of time. \
///      In this case, it is advisable for the client to re-initiate requests after the time \
///      specified in the Retry-After header of the response expires. Retry advice: \
///      re-initiate the request after the time in the Retry-After header; decision: retry \
///      after 120s; request id \"req-42\""
/// );
///
/// let teapot = HttpError::new(418, None, None, 0, true).unwrap();
/// assert_eq!(
///     teapot.to_string(),
///     "418 (not in the DCS table: read as 400 Bad Request, RFC 9110 §15), DCS name \
///      BadRequest: The request is invalid. Retry advice: modify the request instead of \
///      re-initiating it; decision: do not retry"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpError {
    lookup: Lookup,
    retry_after: Option<RetryAfterHeader>,
    request_id: Option<Quoted>,
    decision: Decision,
}

/// A Retry-After header as received, and what it was parsed into.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RetryAfterHeader {
    value: Quoted,
    parsed: Result<Duration, RetryAfterError>,
}

impl HttpError {
    /// The name of the header whose value is the `retry_after` argument.
    pub const RETRY_AFTER_HEADER: &'static str = "Retry-After";

    /// The name of the header whose value is the `request_id` argument.
    pub const REQUEST_ID_HEADER: &'static str = "X-Request-Id";

    /// The error for a response with status `code`, the values of its Retry-After and
    /// X-Request-Id headers (`None` when it had none), at `now` (Unix seconds, see
    /// [`crate::unix_now`]), for a request that is `idempotent` or not (see
    /// [`crate::method_is_idempotent`]). The decision is [`Lookup::decide`]'s; a
    /// Retry-After value that does not parse counts as absent.
    ///
    /// Errors: [`NotAStatusCodeError`] for a code outside 100–999.
    pub fn new(
        code: impl Into<i64>,
        retry_after: Option<&[u8]>,
        request_id: Option<&[u8]>,
        now: i64,
        idempotent: bool,
    ) -> Result<HttpError, NotAStatusCodeError> {
        let lookup = lookup(code)?;
        Ok(HttpError {
            lookup,
            retry_after: retry_after.map(|value| RetryAfterHeader {
                value: quote(value),
                parsed: parse_retry_after(value, now),
            }),
            request_id: request_id.map(quote),
            decision: lookup.decide(retry_after, now, idempotent),
        })
    }

    /// The status code as received.
    pub const fn code(&self) -> u16 {
        self.lookup.code()
    }

    /// How the code was read: documented, or its class's `x00` entry (RFC 9110 §15).
    pub const fn lookup(&self) -> Lookup {
        self.lookup
    }

    /// The entry whose meaning applies (for an unrecognized code, its class's `x00`).
    pub const fn status(&self) -> &'static Status {
        self.lookup.status()
    }

    /// The delay the Retry-After header asked for, if it had one that parses.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after.as_ref().and_then(|h| h.parsed.ok())
    }

    /// The Retry-After header's value as received (quoted), if it had one.
    pub fn retry_after_value(&self) -> Option<&Quoted> {
        self.retry_after.as_ref().map(|h| &h.value)
    }

    /// Why the Retry-After value did not parse, if there was one and it did not.
    pub fn retry_after_error(&self) -> Option<RetryAfterError> {
        self.retry_after.as_ref().and_then(|h| h.parsed.err())
    }

    /// The request id header's value as received (quoted), if it had one.
    pub fn request_id(&self) -> Option<&Quoted> {
        self.request_id.as_ref()
    }

    /// What the client should do about the response.
    pub const fn decision(&self) -> Decision {
        self.decision
    }
}

impl fmt::Display for HttpError {
    /// One line: the code as read ([`Lookup`]'s `Display`), the DCS name, the first
    /// paragraph of the description, the retry advice, the decision and the request id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.status();
        let first_paragraph = status
            .description()
            .split("\n\n")
            .next()
            .unwrap_or_default();
        write!(
            f,
            "{}, DCS name {}: {first_paragraph} Retry advice: {}; decision: ",
            self.lookup,
            status.name(),
            status.retry_advice().explain(),
        )?;
        // The action's name in words: "do not retry", "retry after 120s".
        for (i, word) in self.decision.action().as_str().split('_').enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(word)?;
        }
        if let Some(delay) = self.decision.delay() {
            write!(f, " {}s", delay.as_secs())?;
        }
        if let Some(id) = &self.request_id {
            write!(f, "; request id {id}")?;
        }
        Ok(())
    }
}

impl std::error::Error for HttpError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_gives_one_line() {
        for code in 100..=999 {
            let err = HttpError::new(code, Some(b"10"), Some(b"id"), 0, true).unwrap();
            let message = err.to_string();
            assert_eq!(message.lines().count(), 1, "{code}: {message}");
            assert!(message.starts_with(&code.to_string()), "{message}");
            assert!(message.contains(err.status().name()), "{message}");
        }
    }

    #[test]
    fn untrusted_headers_are_quoted_and_shortened() {
        let huge = vec![b'\n'; 50_000_000];
        let err = HttpError::new(503, Some(&huge), Some(&huge), 0, true).unwrap();
        let message = err.to_string();
        assert!(message.len() < 1_000, "{} bytes", message.len());
        assert!(message.ends_with("\"… (50000000 bytes)"), "{message}");
        assert_eq!(err.retry_after(), None);
        assert_eq!(err.retry_after_error(), Some(RetryAfterError::InvalidDelay));
        assert_eq!(
            err.retry_after_value().map(Quoted::input_len),
            Some(50_000_000)
        );
    }

    #[test]
    fn the_fallback_is_told_in_the_words_of_the_explanation() {
        let err = HttpError::new(777, None, None, 0, false).unwrap();
        let first_line = lookup(777).unwrap().explain();
        let header = first_line.lines().next().unwrap();
        assert!(err.to_string().starts_with(header), "{err}");
        assert!(HttpError::new(42, None, None, 0, false).is_err());
    }

    #[test]
    fn the_decision_is_in_words() {
        let message = |code, idempotent| {
            HttpError::new(code, None, None, 0, idempotent)
                .unwrap()
                .to_string()
        };
        assert!(message(502, true).contains("; decision: retry with backoff"));
        assert!(message(502, false).contains("; decision: do not retry"));
    }
}
