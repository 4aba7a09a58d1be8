//! One error for one response: what an HTTP error response's status, headers and body
//! say together, and the one message every binding's exception or error value shows.

use core::fmt;
use core::time::Duration;

use crate::body::RequestIdHeaders;
use crate::quote::quote_chars;
#[cfg(doc)]
use crate::ErrorBody;
use crate::{
    lookup, parse_error_body, parse_retry_after, quote, CatalogueEntry, Decision, Lookup,
    LookupKind, NotAStatusCodeError, Quoted, RawStr, RetryAfterError, Status,
};

/// An HTTP error response as the client saw it, read from its status, headers and
/// body: the status code read as RFC 9110 §15 says (the [`Lookup`]), the parsed body
/// ([`parse_error_body`]: error code, message, extended message), the catalogue's
/// entry for the error code, the Retry-After header, the request id, and the retry
/// [`Decision`]. Its `Display` is the error message every binding shows.
///
/// This is the owned form, which keeps copies of the body's fields: make one with
/// [`HttpError::from_response`] (or [`HttpError::new`] from the status and two
/// header values). [`HttpErrorRef`] is the same answer borrowed from the response,
/// with nothing copied.
///
/// ```
/// use dcs_status::{Decision, HttpError};
///
/// let body = br#"{"error_msg":"the instance is restarting.","error_code":"DCS.4111","error_ext_msg":null}"#;
/// let headers: [(&[u8], &[u8]); 1] = [(b"x-request-id", b"req-7")];
/// let err = HttpError::from_response(400, headers, body, 1_700_000_000, false).unwrap();
/// assert_eq!(err.code(), 400);
/// assert_eq!(err.error_code(), Some("DCS.4111"));
/// assert_eq!(err.catalogue().unwrap().solution(), "Try again later or contact technical support.");
/// assert_eq!(err.request_id(), Some("req-7"));
/// assert_eq!(err.decision(), Decision::RetryWithBackoff);
/// assert_eq!(
///     err.to_string(),
///     "400 Bad Request, DCS name BadRequest: DCS.4111 the instance is restarting. \
///      Solution: Try again later or contact technical support. Retry advice: try again \
///      later: the condition is temporary; decision: retry with backoff; request id \"req-7\""
/// );
/// ```
///
/// Without a body, the status alone speaks:
///
/// ```
/// use std::time::Duration;
/// use dcs_status::{Decision, HttpError};
///
/// let err = HttpError::new(429, Some(b"120"), Some(b"req-42"), 1_700_000_000, false).unwrap();
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
    error_code: Option<Kept>,
    error_msg: Option<Kept>,
    error_ext_msg: Option<Kept>,
    request_id: Option<Kept>,
    catalogue: Option<&'static CatalogueEntry>,
    decision: Decision,
}

/// A text of the response as the owned error keeps it: at most
/// [`HttpError::TEXT_LIMIT`] bytes of it, escapes resolved, and the whole text's length
/// (which the message tells).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Kept {
    text: Box<str>,
    len: usize,
}

impl Kept {
    /// The text as the message shows it: quoted, with the whole text's length.
    fn quoted(&self) -> Quoted {
        quote(&*self.text).with_input_len(self.len)
    }
}

/// A Retry-After header as received (quoted: at most 64 characters are kept), and
/// what it was parsed into.
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

    /// The most an error keeps of each text of the response (the error code, the
    /// message, the extended message and the request id): 4096 bytes of UTF-8, escapes
    /// resolved; a longer text is cut there, between two characters. Every real DCS
    /// text is far shorter; the limit keeps a hostile response from making an error
    /// (and each binding's copy of it) as large as itself.
    pub const TEXT_LIMIT: usize = 4096;

    /// The error for a response with status `code`, `headers` (name and value pairs,
    /// names in any case) and `body` (any bytes), at `now` (Unix seconds, see
    /// [`crate::unix_now`]), for a request that is `idempotent` or not (see
    /// [`crate::method_is_idempotent`]): [`HttpErrorRef::from_response`], with the
    /// body's fields copied (escapes resolved).
    ///
    /// Errors: [`NotAStatusCodeError`] for a code outside 100–999.
    ///
    /// With the `http` crate's types:
    ///
    /// ```
    /// use dcs_status::HttpError;
    ///
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("X-Request-Id", "abc")
    ///     .body(r#"{"error_code":"DCS.4922","error_msg":"Instance not found."}"#)
    ///     .unwrap();
    /// let headers = response.headers().iter().map(|(k, v)| (k.as_str().as_bytes(), v.as_bytes()));
    /// let err = HttpError::from_response(response.status().as_u16(), headers, response.body().as_bytes(), 0, true).unwrap();
    /// assert_eq!(err.catalogue(), None);
    /// assert_eq!(err.error_msg(), Some("Instance not found."));
    /// assert!(err.to_string().ends_with(
    ///     "; error code \"DCS.4922\" (not in the DCS error-code catalogue); \
    ///      server message \"Instance not found.\"; request id \"abc\""
    /// ));
    /// ```
    pub fn from_response<'a, 'n, I>(
        code: impl Into<i64>,
        headers: I,
        body: &'a [u8],
        now: i64,
        idempotent: bool,
    ) -> Result<HttpError, NotAStatusCodeError>
    where
        I: IntoIterator<Item = (&'n [u8], &'a [u8])>,
    {
        HttpErrorRef::from_response(code, headers, body, now, idempotent).map(HttpError::from)
    }

    /// The error for a response with status `code` and no body, given the values of
    /// its Retry-After and X-Request-Id headers (`None` when it had none): as
    /// [`HttpError::from_response`] with those two headers and an empty body.
    ///
    /// Errors: [`NotAStatusCodeError`] for a code outside 100–999.
    pub fn new(
        code: impl Into<i64>,
        retry_after: Option<&[u8]>,
        request_id: Option<&[u8]>,
        now: i64,
        idempotent: bool,
    ) -> Result<HttpError, NotAStatusCodeError> {
        HttpErrorRef::new(code, retry_after, request_id, now, idempotent).map(HttpError::from)
    }

    /// The status code as received.
    pub const fn code(&self) -> u16 {
        self.lookup.code()
    }

    /// How the code was read: documented, or its class's `x00` entry (RFC 9110 §15).
    pub const fn lookup(&self) -> Lookup {
        self.lookup
    }

    /// Whether the code is documented, unrecognized or invalid.
    pub const fn kind(&self) -> LookupKind {
        self.lookup.kind()
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

    /// The response's request id ([`crate::resolve_request_id`]: the X-Request-Id
    /// header, else the body's `request_id`, else X-Openstack-Request-Id), at most
    /// [`HttpError::TEXT_LIMIT`] bytes like the fields of the body.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_ref().map(|k| &*k.text)
    }

    /// The body's error code, as sent ([`ErrorBody::error_code`], escapes resolved).
    pub fn error_code(&self) -> Option<&str> {
        self.error_code.as_ref().map(|k| &*k.text)
    }

    /// The body's error message, as sent ([`ErrorBody::error_msg`]).
    pub fn error_msg(&self) -> Option<&str> {
        self.error_msg.as_ref().map(|k| &*k.text)
    }

    /// The body's extended error message ([`ErrorBody::error_ext_msg`]).
    pub fn error_ext_msg(&self) -> Option<&str> {
        self.error_ext_msg.as_ref().map(|k| &*k.text)
    }

    /// The catalogue's entry for the body's error code, when the catalogue has it.
    pub const fn catalogue(&self) -> Option<&'static CatalogueEntry> {
        self.catalogue
    }

    /// What the client should do about the response
    /// ([`Lookup::decide_with_advice`]: the error code's advice, then the status).
    pub const fn decision(&self) -> Decision {
        self.decision
    }
}

impl From<HttpErrorRef<'_>> for HttpError {
    /// The owned error: the borrowed one's fields copied, escapes resolved.
    fn from(e: HttpErrorRef<'_>) -> HttpError {
        let owned = |text: Option<RawStr<'_>>| {
            text.map(|t| Kept {
                text: Box::from(cut(t).decode()),
                len: t.decoded_len(),
            })
        };
        HttpError {
            lookup: e.lookup,
            retry_after: e.retry_after.map(|(value, parsed)| RetryAfterHeader {
                value: quote(value),
                parsed,
            }),
            error_code: owned(e.error_code),
            error_msg: owned(e.error_msg),
            error_ext_msg: owned(e.error_ext_msg),
            request_id: owned(e.request_id),
            catalogue: e.catalogue,
            decision: e.decision,
        }
    }
}

impl fmt::Display for HttpError {
    /// One line: see [`HttpErrorRef`]'s `Display`, which writes the same.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = |text: &Option<Kept>| text.as_ref().map(Kept::quoted);
        Message {
            lookup: self.lookup,
            catalogue: self.catalogue,
            decision: self.decision,
            unknown_code: match self.catalogue {
                None => quoted(&self.error_code),
                Some(_) => None,
            },
            server_message: match (self.catalogue, &self.error_msg) {
                (Some(entry), Some(message))
                    if message.len == message.text.len() && entry.message() == &*message.text =>
                {
                    None
                }
                _ => quoted(&self.error_msg),
            },
            error_ext_msg: quoted(&self.error_ext_msg),
            request_id: quoted(&self.request_id),
        }
        .fmt(f)
    }
}

impl std::error::Error for HttpError {}

/// [`HttpError`] borrowed from the response: the same answer, with the body's fields
/// and the request id as [`RawStr`]s pointing into the caller's body and header
/// values. Nothing is copied or allocated: this is what the C ABI hands out.
///
/// ```
/// use dcs_status::{ErrorAdvice, HttpErrorRef};
///
/// let body = br#"{"error_code":"DCS.4062","error_msg":"Invalid instance_id parameter in the request."}"#;
/// let err = HttpErrorRef::from_response(400, [], body, 0, false).unwrap();
/// assert_eq!(err.error_code().unwrap(), "DCS.4062");
/// assert_eq!(err.catalogue().unwrap().advice(), ErrorAdvice::FixRequest);
/// // The catalogue's message is a template: the body's own is shown too.
/// assert!(err.to_string().starts_with(
///     "400 Bad Request, DCS name BadRequest: DCS.4062 Invalid {0} parameter in the request. \
///      Solution: Check whether the request parameters are valid."
/// ));
/// assert!(err.to_string().ends_with(
///     "; decision: do not retry; server message \"Invalid instance_id parameter in the request.\""
/// ));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpErrorRef<'a> {
    lookup: Lookup,
    retry_after: Option<(&'a [u8], Result<Duration, RetryAfterError>)>,
    error_code: Option<RawStr<'a>>,
    error_msg: Option<RawStr<'a>>,
    error_ext_msg: Option<RawStr<'a>>,
    request_id: Option<RawStr<'a>>,
    catalogue: Option<&'static CatalogueEntry>,
    decision: Decision,
}

impl<'a> HttpErrorRef<'a> {
    /// Reads a response: its status `code`, `headers` (name and value pairs, read
    /// once; names match in any case) and `body` (any bytes: [`parse_error_body`]),
    /// at `now` (Unix seconds) for a request that is `idempotent` or not.
    ///
    /// - the status: [`lookup`] (RFC 9110 §15 for codes the table lacks);
    /// - the error code, message and extended message: [`parse_error_body`]'s, each
    ///   cut to [`HttpError::TEXT_LIMIT`] bytes;
    /// - Retry-After: the first header of that name; a value that does not parse
    ///   counts as absent;
    /// - the request id: [`crate::resolve_request_id`] of the headers and the body,
    ///   cut to [`HttpError::TEXT_LIMIT`] bytes;
    /// - the catalogue entry: [`ErrorBody::catalogue_entry`] of the body's code;
    /// - the decision: [`Lookup::decide_with_advice`] with the entry's advice.
    ///
    /// No allocation for any body [`parse_error_body`] reads without one (every DCS
    /// and gateway error body); time linear in the body and the headers.
    ///
    /// Errors: [`NotAStatusCodeError`] for a code outside 100–999.
    pub fn from_response<'n, I>(
        code: impl Into<i64>,
        headers: I,
        body: &'a [u8],
        now: i64,
        idempotent: bool,
    ) -> Result<HttpErrorRef<'a>, NotAStatusCodeError>
    where
        I: IntoIterator<Item = (&'n [u8], &'a [u8])>,
    {
        let lookup = lookup(code)?;
        let mut retry_after = None;
        let mut ids = RequestIdHeaders::default();
        for (name, value) in headers {
            if retry_after.is_none() && name.eq_ignore_ascii_case(b"retry-after") {
                retry_after = Some(value);
            } else {
                ids.see(name, value);
            }
        }
        let body = parse_error_body(body);
        let catalogue = body.catalogue_entry();
        Ok(HttpErrorRef {
            lookup,
            retry_after: retry_after.map(|value| (value, parse_retry_after(value, now))),
            error_code: body.error_code(),
            error_msg: body.error_msg(),
            error_ext_msg: body.error_ext_msg(),
            request_id: ids.resolve(body.request_id()),
            catalogue,
            decision: lookup.decide_with_advice(
                catalogue.map(CatalogueEntry::advice),
                retry_after,
                now,
                idempotent,
            ),
        })
    }

    /// [`HttpErrorRef::from_response`] for a response with no body, given the values
    /// of its Retry-After and X-Request-Id headers (`None` when it had none).
    ///
    /// Errors: [`NotAStatusCodeError`] for a code outside 100–999.
    pub fn new(
        code: impl Into<i64>,
        retry_after: Option<&'a [u8]>,
        request_id: Option<&'a [u8]>,
        now: i64,
        idempotent: bool,
    ) -> Result<HttpErrorRef<'a>, NotAStatusCodeError> {
        let headers = [
            retry_after.map(|v| (HttpError::RETRY_AFTER_HEADER.as_bytes(), v)),
            request_id.map(|v| (HttpError::REQUEST_ID_HEADER.as_bytes(), v)),
        ];
        HttpErrorRef::from_response(code, headers.into_iter().flatten(), b"", now, idempotent)
    }

    /// The status code as received.
    pub const fn code(&self) -> u16 {
        self.lookup.code()
    }

    /// How the code was read: documented, or its class's `x00` entry (RFC 9110 §15).
    pub const fn lookup(&self) -> Lookup {
        self.lookup
    }

    /// Whether the code is documented, unrecognized or invalid.
    pub const fn kind(&self) -> LookupKind {
        self.lookup.kind()
    }

    /// The entry whose meaning applies (for an unrecognized code, its class's `x00`).
    pub const fn status(&self) -> &'static Status {
        self.lookup.status()
    }

    /// The delay the Retry-After header asked for, if it had one that parses.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after.and_then(|(_, parsed)| parsed.ok())
    }

    /// The Retry-After header's value as received, if it had one.
    pub const fn retry_after_value(&self) -> Option<&'a [u8]> {
        match self.retry_after {
            Some((value, _)) => Some(value),
            None => None,
        }
    }

    /// Why the Retry-After value did not parse, if there was one and it did not.
    pub fn retry_after_error(&self) -> Option<RetryAfterError> {
        self.retry_after.and_then(|(_, parsed)| parsed.err())
    }

    /// The response's request id ([`crate::resolve_request_id`]), borrowed from a
    /// header value or the body; cut to [`HttpError::TEXT_LIMIT`] bytes.
    pub fn request_id(&self) -> Option<RawStr<'a>> {
        self.request_id.map(cut)
    }

    /// The body's error code, as sent ([`ErrorBody::error_code`]); cut to
    /// [`HttpError::TEXT_LIMIT`] bytes.
    pub fn error_code(&self) -> Option<RawStr<'a>> {
        self.error_code.map(cut)
    }

    /// The body's error message, as sent ([`ErrorBody::error_msg`]); cut to
    /// [`HttpError::TEXT_LIMIT`] bytes.
    pub fn error_msg(&self) -> Option<RawStr<'a>> {
        self.error_msg.map(cut)
    }

    /// The body's extended error message ([`ErrorBody::error_ext_msg`]); cut to
    /// [`HttpError::TEXT_LIMIT`] bytes.
    pub fn error_ext_msg(&self) -> Option<RawStr<'a>> {
        self.error_ext_msg.map(cut)
    }

    /// The catalogue's entry for the body's error code, when the catalogue has it.
    pub const fn catalogue(&self) -> Option<&'static CatalogueEntry> {
        self.catalogue
    }

    /// What the client should do about the response.
    pub const fn decision(&self) -> Decision {
        self.decision
    }
}

impl fmt::Display for HttpErrorRef<'_> {
    /// One line, in two parts. First what the document says:
    ///
    /// - with an error code the catalogue knows: the code as read (`400 Bad Request`,
    ///   or the RFC 9110 fallback), the DCS name, the catalogue's code, message and
    ///   Solution, and the retry advice of the code;
    /// - otherwise: the code as read, the DCS name, the first paragraph of the
    ///   status's description and its retry advice.
    ///
    /// Then `; `-separated: the decision, and what the response itself said, each
    /// [`quote`]d (escaped, at most 64 characters): an error code the catalogue lacks,
    /// the server's message (when there is no entry, or it differs from the entry's,
    /// as a template filled in does), the extended message and the request id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = |text: Option<RawStr<'_>>| {
            text.map(|t| match t.as_str() {
                Some(plain) => quote(plain),
                None => quote_chars(t.chars()),
            })
        };
        Message {
            lookup: self.lookup,
            catalogue: self.catalogue,
            decision: self.decision,
            unknown_code: match self.catalogue {
                None => quoted(self.error_code),
                Some(_) => None,
            },
            server_message: match (self.catalogue, self.error_msg) {
                (Some(entry), Some(message)) if message == entry.message() => None,
                (_, message) => quoted(message),
            },
            error_ext_msg: quoted(self.error_ext_msg),
            request_id: quoted(self.request_id),
        }
        .fmt(f)
    }
}

/// A text of the response as an error keeps it: at most [`HttpError::TEXT_LIMIT`]
/// bytes, escapes resolved, cut between two characters.
fn cut(text: RawStr<'_>) -> RawStr<'_> {
    text.truncated(HttpError::TEXT_LIMIT)
}

/// A decision in words: "do not retry", "retry with backoff", "retry after 120s".
pub(crate) struct DecisionWords(pub(crate) Decision);

impl fmt::Display for DecisionWords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, word) in self.0.action().as_str().split('_').enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(word)?;
        }
        if let Some(delay) = self.0.delay() {
            write!(f, " {}s", delay.as_secs())?;
        }
        Ok(())
    }
}

/// The parts of the message, the untrusted ones already quoted: one writer for
/// [`HttpError`] and [`HttpErrorRef`].
struct Message {
    lookup: Lookup,
    catalogue: Option<&'static CatalogueEntry>,
    decision: Decision,
    unknown_code: Option<Quoted>,
    server_message: Option<Quoted>,
    error_ext_msg: Option<Quoted>,
    request_id: Option<Quoted>,
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.lookup.status();
        write!(f, "{}, DCS name {}: ", self.lookup, status.name())?;
        match self.catalogue {
            Some(entry) => {
                let message = entry.message();
                let stop = if message.ends_with(['.', '!', '?']) {
                    ""
                } else {
                    "."
                };
                write!(
                    f,
                    "{} {message}{stop} Solution: {} Retry advice: {}",
                    entry.code(),
                    entry.solution(),
                    entry.advice().explain()
                )?;
            }
            None => {
                let first_paragraph = status
                    .description()
                    .split("\n\n")
                    .next()
                    .unwrap_or_default();
                write!(
                    f,
                    "{first_paragraph} Retry advice: {}",
                    status.retry_advice().explain()
                )?;
            }
        }
        write!(f, "; decision: {}", DecisionWords(self.decision))?;
        if let Some(code) = &self.unknown_code {
            write!(
                f,
                "; error code {code} (not in the DCS error-code catalogue)"
            )?;
        }
        if let Some(message) = &self.server_message {
            write!(f, "; server message {message}")?;
        }
        if let Some(ext) = &self.error_ext_msg {
            write!(f, "; extended message {ext}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, "; request id {id}")?;
        }
        Ok(())
    }
}

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
    fn every_catalogue_code_gives_one_line_naming_it() {
        for entry in CatalogueEntry::all() {
            let body = format!(r#"{{"error_code":"{}","error_msg":"x\ny"}}"#, entry.code());
            let err = HttpError::from_response(400, [], body.as_bytes(), 0, false).unwrap();
            let message = err.to_string();
            assert_eq!(message.lines().count(), 1, "{message}");
            assert!(message.contains(entry.solution()), "{message}");
            assert!(message.ends_with("; server message \"x\\ny\""), "{message}");
        }
    }

    #[test]
    fn untrusted_headers_are_quoted_and_shortened() {
        let huge = vec![b'\n'; 50_000_000];
        let err = HttpError::new(503, Some(&huge), Some(&huge), 0, true).unwrap();
        let message = err.to_string();
        assert!(message.len() < 1_000, "{} bytes", message.len());
        // The request id is kept cut to its limit; the message tells its whole length.
        assert!(message.ends_with("\"… (50000000 bytes)"), "{message}");
        assert_eq!(err.request_id().map(str::len), Some(HttpError::TEXT_LIMIT));
        assert_eq!(err.retry_after(), None);
        assert_eq!(err.retry_after_error(), Some(RetryAfterError::InvalidDelay));
        assert_eq!(
            err.retry_after_value().map(Quoted::input_len),
            Some(50_000_000)
        );
    }

    #[test]
    fn untrusted_body_fields_are_quoted_and_shortened_escapes_resolved() {
        let long = "\\u00e9".repeat(10_000);
        let body =
            format!(r#"{{"error_code":"{long}","error_msg":"{long}","error_ext_msg":"{long}"}}"#);
        let borrowed = HttpErrorRef::from_response(500, [], body.as_bytes(), 0, true).unwrap();
        let owned = HttpError::from(borrowed);
        assert_eq!(
            owned.error_code().map(str::len),
            Some(HttpError::TEXT_LIMIT)
        );
        for message in [borrowed.to_string(), owned.to_string()] {
            assert!(message.len() < 2_000, "{message}");
            assert_eq!(message.matches("\"… (20000 bytes)").count(), 3, "{message}");
            assert!(message.contains(&format!("\"{}\"", "é".repeat(64))));
        }
    }

    #[test]
    fn each_text_is_cut_to_the_limit() {
        let long = "\\u00e9".repeat(3_000); // 6000 bytes decoded
        let body =
            format!(r#"{{"error_code":"{long}","error_msg":"{long}","error_ext_msg":"{long}"}}"#);
        let id = vec![b'i'; 10_000];
        let headers: [(&[u8], &[u8]); 1] = [(b"X-Request-Id", &id)];
        let borrowed = HttpErrorRef::from_response(400, headers, body.as_bytes(), 0, true).unwrap();
        let owned = HttpError::from(borrowed);
        let limit = HttpError::TEXT_LIMIT;
        for text in [
            borrowed.error_code(),
            borrowed.error_msg(),
            borrowed.error_ext_msg(),
        ] {
            assert_eq!(text.unwrap().decode(), "é".repeat(limit / 2));
        }
        assert_eq!(
            borrowed.request_id().unwrap().as_str().map(str::len),
            Some(limit)
        );
        for text in [
            owned.error_code(),
            owned.error_msg(),
            owned.error_ext_msg(),
            owned.request_id(),
        ] {
            assert_eq!(text.map(str::len), Some(limit));
        }
    }

    #[test]
    fn the_owned_and_the_borrowed_error_say_the_same() {
        let headers: [(&[u8], &[u8]); 3] = [
            (b"Retry-After", b"30"),
            (b"x-openstack-request-id", b"os"),
            (b"retry-after", b"99"),
        ];
        for body in [
            &br#"{"error_code":"DCS.4111","error_msg":"the instance is restarting."}"#[..],
            br#"{"error_code":"DCS.4062","error_msg":"Invalid \"x\" parameter"}"#,
            br#"{"code":"X.1","message":"m","error_ext_msg":"e","request_id":"body-id"}"#,
            b"<html>",
            b"",
        ] {
            for code in [400, 429, 500, 503, 200] {
                let borrowed = HttpErrorRef::from_response(code, headers, body, 0, true).unwrap();
                let owned = HttpError::from(borrowed);
                assert_eq!(owned.to_string(), borrowed.to_string());
                assert_eq!(owned.retry_after(), Some(Duration::from_secs(30)));
                assert_eq!(owned.decision(), borrowed.decision());
                assert_eq!(
                    owned.request_id(),
                    borrowed.request_id().map(|r| r.decode()).as_deref()
                );
            }
        }
    }

    #[test]
    fn the_fallback_is_told_in_the_words_of_the_explanation() {
        let err = HttpError::new(777, None, None, 0, false).unwrap();
        let first_line = lookup(777).unwrap().explain();
        let header = first_line.lines().next().unwrap();
        assert!(err.to_string().starts_with(header), "{err}");
        assert!(HttpError::new(42, None, None, 0, false).is_err());
        assert!(HttpError::from_response(1000, [], b"", 0, false).is_err());
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
