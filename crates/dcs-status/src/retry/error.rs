//! What is wrong with a policy or a step's input, for callers that check first.

use core::ffi::CStr;
use core::fmt;

/// A setting or input that makes no sense, found by [`RetryPolicy::validate`],
/// [`StepInput::validate`] or a failed [`Jitter::from_name`].
///
/// [`RetryPolicy::step`] itself never fails: its documentation says how it reads
/// each of these. Bindings that take settings from people (keyword arguments,
/// command-line flags) check them and report the error with this message.
///
/// [`RetryPolicy::validate`]: crate::RetryPolicy::validate
/// [`StepInput::validate`]: crate::StepInput::validate
/// [`Jitter::from_name`]: crate::Jitter::from_name
/// [`RetryPolicy::step`]: crate::RetryPolicy::step
///
/// ```
/// use dcs_status::{RetryInputError, StepInput};
///
/// let err = StepInput::new(1, 503).with_random(1.0).validate().unwrap_err();
/// assert_eq!(err, RetryInputError::RandomOutOfRange);
/// assert_eq!(err.as_str(), "random_out_of_range");
/// assert_eq!(err.to_string(), "the random draw must be a number from 0 up to but not including 1");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RetryInputError {
    /// `max_attempts` is 0.
    NoAttempts = 0,
    /// `cap_ms` is below one of the base delays.
    CapBelowBase = 1,
    /// A jitter mode name that is not `full`, `equal`, `none` or `decorrelated`.
    UnknownJitter = 2,
    /// An attempt number of 0 (the first attempt is 1).
    AttemptZero = 3,
    /// A status outside 100–999.
    NotAStatusCode = 4,
    /// A random draw that is NaN, negative, or 1 or more.
    RandomOutOfRange = 5,
}

impl RetryInputError {
    /// Every error, in declaration order.
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryInputError::ALL.len(), 6);
    /// ```
    pub const ALL: [RetryInputError; 6] = [
        RetryInputError::NoAttempts,
        RetryInputError::CapBelowBase,
        RetryInputError::UnknownJitter,
        RetryInputError::AttemptZero,
        RetryInputError::NotAStatusCode,
        RetryInputError::RandomOutOfRange,
    ];

    /// The canonical name, e.g. `cap_below_base`.
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryInputError::NoAttempts.as_str(), "no_attempts");
    /// ```
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`RetryInputError::as_str`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryInputError::AttemptZero.as_cstr(), c"attempt_zero");
    /// ```
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            RetryInputError::NoAttempts => c"no_attempts",
            RetryInputError::CapBelowBase => c"cap_below_base",
            RetryInputError::UnknownJitter => c"unknown_jitter",
            RetryInputError::AttemptZero => c"attempt_zero",
            RetryInputError::NotAStatusCode => c"not_a_status_code",
            RetryInputError::RandomOutOfRange => c"random_out_of_range",
        }
    }

    /// What is wrong and what is expected, for a person.
    ///
    /// ```
    /// assert_eq!(
    ///     dcs_status::RetryInputError::NoAttempts.message(),
    ///     "max_attempts must be at least 1: it counts every attempt, the first included"
    /// );
    /// ```
    pub const fn message(self) -> &'static str {
        crate::str_of(self.message_cstr())
    }

    /// [`RetryInputError::message`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// let message = dcs_status::RetryInputError::CapBelowBase.message_cstr();
    /// assert!(message.to_bytes().starts_with(b"cap_ms must be"));
    /// ```
    pub const fn message_cstr(self) -> &'static CStr {
        match self {
            RetryInputError::NoAttempts => {
                c"max_attempts must be at least 1: it counts every attempt, the first included"
            }
            RetryInputError::CapBelowBase => {
                c"cap_ms must be at least each base delay (base_transient_ms, base_throttle_ms, base_busy_ms)"
            }
            RetryInputError::UnknownJitter => {
                c"unknown jitter mode: expected full, equal, none or decorrelated"
            }
            RetryInputError::AttemptZero => {
                c"attempt numbers start at 1: the attempt just made, the first being 1"
            }
            RetryInputError::NotAStatusCode => {
                c"status codes are three-digit numbers from 100 to 999"
            }
            RetryInputError::RandomOutOfRange => {
                c"the random draw must be a number from 0 up to but not including 1"
            }
        }
    }
}

impl fmt::Display for RetryInputError {
    /// Writes [`RetryInputError::message`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for RetryInputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages_agree_with_their_c_strings() {
        for error in RetryInputError::ALL {
            assert_eq!(error.as_cstr().to_str(), Ok(error.as_str()));
            assert_eq!(error.message_cstr().to_str(), Ok(error.message()));
            assert_eq!(error.to_string(), error.message());
        }
    }
}
