//! What the document advises a client to do about a status code.

use core::ffi::CStr;
use core::fmt;

/// The retry advice the document gives for a status code.
///
/// It is read from the description's own words (a test checks every entry against its
/// text): see [`crate::decide`] for the decision that combines it with a Retry-After
/// value and the request's idempotency.
///
/// ```
/// use dcs_status::{RetryAdvice, Status};
///
/// assert_eq!(Status::NOT_FOUND.retry_advice(), RetryAdvice::ModifyRequest);
/// assert_eq!(Status::TOO_MANY_REQUESTS.retry_advice().as_str(), "retry_after");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RetryAdvice {
    /// 1xx–3xx: not an error, nothing to retry.
    None,
    /// The request may be re-initiated without modification (408).
    Retry,
    /// Re-initiate after the time in the Retry-After header (413, 429).
    RetryAfter,
    /// Modify the request instead of re-initiating it (400, 403, 404, 405, 503).
    ModifyRequest,
    /// An error about which the document gives no advice.
    Unspecified,
}

impl RetryAdvice {
    /// Every advice, in declaration order.
    pub const ALL: [RetryAdvice; 5] = [
        RetryAdvice::None,
        RetryAdvice::Retry,
        RetryAdvice::RetryAfter,
        RetryAdvice::ModifyRequest,
        RetryAdvice::Unspecified,
    ];

    /// The canonical name: `none`, `retry`, `retry_after`, `modify_request` or
    /// `unspecified` (the `retry` key of the canonical JSON).
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`RetryAdvice::as_str`] as a NUL-terminated C string (for the C ABI).
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            RetryAdvice::None => c"none",
            RetryAdvice::Retry => c"retry",
            RetryAdvice::RetryAfter => c"retry_after",
            RetryAdvice::ModifyRequest => c"modify_request",
            RetryAdvice::Unspecified => c"unspecified",
        }
    }

    /// A sentence for people, e.g. "modify the request instead of re-initiating it".
    pub const fn explain(self) -> &'static str {
        match self {
            RetryAdvice::None => "not an error: nothing to retry",
            RetryAdvice::Retry => "the request may be re-initiated without modification",
            RetryAdvice::RetryAfter => {
                "re-initiate the request after the time in the Retry-After header"
            }
            RetryAdvice::ModifyRequest => "modify the request instead of re-initiating it",
            RetryAdvice::Unspecified => "the document gives no retry advice",
        }
    }
}

impl fmt::Display for RetryAdvice {
    /// Writes the canonical name, e.g. `modify_request`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
