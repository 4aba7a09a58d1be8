//! The request id of an error response, from its headers and body.

use super::RawStr;

/// The response's request id: the `X-Request-Id` header, else the body's
/// `request_id` (from [`ErrorBody::request_id`](crate::ErrorBody::request_id)), else
/// the `X-Openstack-Request-Id` header.
///
/// Header names match in any case (`x-request-id`, `X-REQUEST-ID`). A header value is
/// taken without surrounding spaces and tabs, and counts only when that leaves some
/// valid UTF-8; of several headers with one name, the first that counts wins. An
/// empty `request_id` in the body does not count either. `headers` is read once, as
/// `(name, value)` byte pairs; the id is borrowed from a value or from the body. No
/// allocation.
///
/// ```
/// use dcs_status::{parse_error_body, resolve_request_id};
///
/// let body = parse_error_body(br#"{"error_code":"APIGW.0308","error_msg":"throttled","request_id":"from-body"}"#);
/// let headers: [(&[u8], &[u8]); 2] = [
///     (b"x-openstack-request-id", b"req-openstack"),
///     (b"X-REQUEST-ID", b" from-header "),
/// ];
/// assert_eq!(resolve_request_id(headers, body.request_id()).unwrap(), "from-header");
/// assert_eq!(resolve_request_id(headers[..1].iter().copied(), body.request_id()).unwrap(), "from-body");
/// assert_eq!(resolve_request_id(headers[..1].iter().copied(), None).unwrap(), "req-openstack");
/// assert_eq!(resolve_request_id([], None), None);
/// ```
pub fn resolve_request_id<'n, 'a, I>(
    headers: I,
    body_request_id: Option<RawStr<'a>>,
) -> Option<RawStr<'a>>
where
    I: IntoIterator<Item = (&'n [u8], &'a [u8])>,
{
    let mut ids = RequestIdHeaders::default();
    for (name, value) in headers {
        ids.see(name, value);
        if ids.is_settled() {
            break;
        }
    }
    ids.resolve(body_request_id)
}

/// The request-id headers of a response, seen one header at a time: the rule of
/// [`resolve_request_id`], for a reader that looks at each header for other reasons
/// too (`HttpErrorRef::from_response`).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RequestIdHeaders<'a> {
    x_request_id: Option<RawStr<'a>>,
    openstack: Option<RawStr<'a>>,
}

impl<'a> RequestIdHeaders<'a> {
    /// Takes note of one header.
    pub(crate) fn see(&mut self, name: &[u8], value: &'a [u8]) {
        if name.eq_ignore_ascii_case(b"x-request-id") {
            if self.x_request_id.is_none() {
                self.x_request_id = header_value(value);
            }
        } else if self.openstack.is_none() && name.eq_ignore_ascii_case(b"x-openstack-request-id") {
            self.openstack = header_value(value);
        }
    }

    /// Whether the headers still to come cannot change the answer (an X-Request-Id
    /// that counts was seen).
    pub(crate) fn is_settled(&self) -> bool {
        self.x_request_id.is_some()
    }

    /// The request id, given the body's own `request_id`.
    pub(crate) fn resolve(self, body_request_id: Option<RawStr<'a>>) -> Option<RawStr<'a>> {
        self.x_request_id
            .or_else(|| body_request_id.filter(|id| !id.as_raw().is_empty()))
            .or(self.openstack)
    }
}

/// A header value without its surrounding spaces and tabs, if that leaves some valid
/// UTF-8.
fn header_value(value: &[u8]) -> Option<RawStr<'_>> {
    let ows = |b: &u8| *b == b' ' || *b == b'\t';
    let start = value.iter().position(|b| !ows(b))?;
    let end = value.iter().rposition(|b| !ows(b))?.checked_add(1)?;
    let text = core::str::from_utf8(value.get(start..end)?).ok()?;
    Some(RawStr::literal(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_invalid_header_values_do_not_count() {
        let headers: [(&[u8], &[u8]); 4] = [
            (b"X-Request-Id", b"  \t"),
            (b"X-Request-Id", b"\xff\xfe"),
            (b"X-Openstack-Request-Id", b""),
            (b"X-Openstack-Request-Id", b"os"),
        ];
        assert_eq!(resolve_request_id(headers, None).unwrap(), "os");
        assert_eq!(
            resolve_request_id(headers, Some(RawStr::json(""))).unwrap(),
            "os"
        );
        assert_eq!(
            resolve_request_id(headers, Some(RawStr::json("b"))).unwrap(),
            "b"
        );
    }

    #[test]
    fn header_values_are_literal() {
        let headers: [(&[u8], &[u8]); 1] = [(b"x-request-id", br"a\nb")];
        let id = resolve_request_id(headers, None).unwrap();
        assert_eq!(id.as_str(), Some(r"a\nb"));
    }

    #[test]
    fn other_headers_are_ignored() {
        let headers: [(&[u8], &[u8]); 2] = [(b"X-Request-Ids", b"a"), (b"Request-Id", b"b")];
        assert_eq!(resolve_request_id(headers, None), None);
    }
}
