//! What is wrong with a policy or a step's input, for callers that check first.

use core::ffi::CStr;
use core::fmt;

use crate::{ErrorKind, Quoted};

/// A setting or input that makes no sense, found by [`RetryPolicy::validate`],
/// [`StepInput::validate`] or a failed [`Jitter::from_name`].
///
/// Each is one [`ErrorKind`] ([`RetryInputError::kind`]: the C ABI's result, the
/// Python and Go error kinds), with that kind's name and message.
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
/// assert_eq!(err.kind().message(), err.message());
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
    /// A status outside 100–999 that is not [`NO_RESPONSE`](crate::NO_RESPONSE).
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
        self.kind().as_cstr()
    }

    /// The kind of error this is, whose name and message it has: the C ABI's
    /// `dcs_status_result` (`DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER`, ...), and the
    /// error kind of the Python and Go bindings. A status outside 100–999 is the
    /// kind every API reports for one, [`ErrorKind::NotAStatusCode`].
    ///
    /// ```
    /// use dcs_status::{ErrorKind, RetryInputError};
    ///
    /// assert_eq!(RetryInputError::CapBelowBase.kind(), ErrorKind::CapBelowBase);
    /// assert_eq!(RetryInputError::NotAStatusCode.kind(), ErrorKind::NotAStatusCode);
    /// ```
    pub const fn kind(self) -> ErrorKind {
        match self {
            RetryInputError::NoAttempts => ErrorKind::NoAttempts,
            RetryInputError::CapBelowBase => ErrorKind::CapBelowBase,
            RetryInputError::UnknownJitter => ErrorKind::UnknownJitter,
            RetryInputError::AttemptZero => ErrorKind::AttemptZero,
            RetryInputError::NotAStatusCode => ErrorKind::NotAStatusCode,
            RetryInputError::RandomOutOfRange => ErrorKind::RandomOutOfRange,
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

    /// [`RetryInputError::message`] as a NUL-terminated C string (for the C ABI):
    /// the message of its [`ErrorKind`].
    ///
    /// ```
    /// let message = dcs_status::RetryInputError::CapBelowBase.message_cstr();
    /// assert!(message.to_bytes().starts_with(b"cap_ms must be"));
    /// ```
    pub const fn message_cstr(self) -> &'static CStr {
        self.kind().message_cstr()
    }
}

/// The message of [`ErrorKind::UnknownJitter`] about a quoted name.
pub(crate) fn unknown_jitter(f: &mut fmt::Formatter<'_>, name: &Quoted) -> fmt::Result {
    write!(
        f,
        "unknown jitter mode {name}: expected full, equal, none or decorrelated"
    )
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

    #[test]
    fn each_error_is_a_distinct_kind_with_its_name_and_message() {
        for (i, error) in RetryInputError::ALL.iter().enumerate() {
            assert_eq!(error.kind().as_str(), error.as_str());
            assert_eq!(error.kind().message(), error.message());
            for other in RetryInputError::ALL.iter().skip(i + 1) {
                assert_ne!(error.kind(), other.kind());
            }
        }
    }

    #[test]
    fn the_message_about_a_name_quotes_it() {
        let message = crate::error_message(ErrorKind::UnknownJitter, b"fast").to_string();
        assert_eq!(
            message,
            "unknown jitter mode \"fast\": expected full, equal, none or decorrelated"
        );
        let message = crate::error_message(ErrorKind::RandomOutOfRange, b"nan").to_string();
        assert_eq!(
            message,
            "\"nan\": the random draw must be a number from 0 up to but not including 1"
        );
        let message = crate::error_message(ErrorKind::NoAttempts, b"0").to_string();
        assert_eq!(message, ErrorKind::NoAttempts.message());
    }
}
