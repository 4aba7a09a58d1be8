//! The three things a client can do after a response: the action of a [`Decision`].

use core::ffi::CStr;
use core::fmt;

#[cfg(doc)]
use crate::Decision;

/// What a [`Decision`] says to do, without its delay.
///
/// ```
/// use dcs_status::{decide, Action};
///
/// let decision = decide(429, Some("120"), 0, false).unwrap();
/// assert_eq!(decision.action(), Action::RetryAfter);
/// assert_eq!(Action::RetryAfter.as_str(), "retry_after");
/// assert_eq!(Action::ALL.len(), 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Do not send the request again (as it is).
    DoNotRetry,
    /// Send it again after the delay the Retry-After header asks for.
    RetryAfter,
    /// Send it again after a delay of the caller's own backoff policy.
    RetryWithBackoff,
}

impl Action {
    /// Every action, in declaration order.
    pub const ALL: [Action; 3] = [
        Action::DoNotRetry,
        Action::RetryAfter,
        Action::RetryWithBackoff,
    ];

    /// The canonical name: `do_not_retry`, `retry_after` or `retry_with_backoff`.
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`Action::as_str`] as a NUL-terminated C string (for the C ABI).
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            Action::DoNotRetry => c"do_not_retry",
            Action::RetryAfter => c"retry_after",
            Action::RetryWithBackoff => c"retry_with_backoff",
        }
    }
}

impl fmt::Display for Action {
    /// Writes the canonical name, e.g. `retry_with_backoff`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
