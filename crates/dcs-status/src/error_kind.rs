//! Every kind of error a dcs-status API reports, with its name and its messages: the
//! one list the C result codes, the Python exceptions and the Go errors are made from.

use core::ffi::CStr;
use core::fmt;

use crate::{quote, GivenNumber, NotAStatusCodeError};
#[cfg(doc)]
use crate::{Quoted, RetryInputError, UnknownErrorCode, UnknownNameError};

/// What went wrong, for every error of every dcs-status API.
///
/// The numbers are those of the C ABI's `dcs_status_result` (where 0 is success) and
/// never change; new kinds get new numbers.
///
/// ```
/// use dcs_status::{parse_retry_after, ErrorKind};
///
/// let err = parse_retry_after("-1", 0).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::RetryAfterInvalidDelay);
/// assert_eq!(err.kind().as_str(), "retry_after_invalid_delay");
/// assert!(err.kind().is_retry_after());
/// assert_eq!(ErrorKind::RetryAfterInvalidDelay as u32, 6);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum ErrorKind {
    /// A required pointer argument was NULL (the C ABI only).
    NullPointer = 1,
    /// The number is not a status code: outside 100–999 ([`NotAStatusCodeError`]).
    NotAStatusCode = 2,
    /// No entry has this name ([`UnknownNameError`]).
    UnknownName = 3,
    /// The text is not valid UTF-8.
    InvalidUtf8 = 4,
    /// The Retry-After value is empty or only spaces ([`crate::RetryAfterError::Empty`]).
    RetryAfterEmpty = 5,
    /// The Retry-After value does not start with a letter, so it must be
    /// delay-seconds, but it is not ASCII digits only
    /// ([`crate::RetryAfterError::InvalidDelay`]).
    RetryAfterInvalidDelay = 6,
    /// The Retry-After value starts with a letter but is not an HTTP-date in any of
    /// its three forms ([`crate::RetryAfterError::InvalidDate`]).
    RetryAfterInvalidDate = 7,
    /// The Retry-After value has the form of an HTTP-date, but no such date or time
    /// exists ([`crate::RetryAfterError::ImpossibleDate`]).
    RetryAfterImpossibleDate = 8,
    /// An internal error (a bug): a panic caught at the C ABI's boundary.
    Internal = 9,
    /// No entry of the error-code catalogue has this code ([`UnknownErrorCode`]).
    UnknownErrorCode = 10,
    /// A retry policy with `max_attempts` 0 ([`RetryInputError::NoAttempts`]).
    NoAttempts = 11,
    /// A retry policy whose `cap_ms` is below a base delay
    /// ([`RetryInputError::CapBelowBase`]).
    CapBelowBase = 12,
    /// A jitter mode that is not `full`, `equal`, `none` or `decorrelated`
    /// ([`RetryInputError::UnknownJitter`]).
    UnknownJitter = 13,
    /// A retry step's input with attempt number 0 ([`RetryInputError::AttemptZero`]).
    AttemptZero = 14,
    /// A random draw outside `[0, 1)` ([`RetryInputError::RandomOutOfRange`]).
    RandomOutOfRange = 15,
    /// A number that is none of the values its C enum defines, or a pointer that
    /// is none of the library's catalogue entries, in an argument or a struct field
    /// (the C ABI only).
    InvalidArgument = 16,
}

impl ErrorKind {
    /// Every kind, in number order.
    pub const ALL: [ErrorKind; 16] = [
        ErrorKind::NullPointer,
        ErrorKind::NotAStatusCode,
        ErrorKind::UnknownName,
        ErrorKind::InvalidUtf8,
        ErrorKind::RetryAfterEmpty,
        ErrorKind::RetryAfterInvalidDelay,
        ErrorKind::RetryAfterInvalidDate,
        ErrorKind::RetryAfterImpossibleDate,
        ErrorKind::Internal,
        ErrorKind::UnknownErrorCode,
        ErrorKind::NoAttempts,
        ErrorKind::CapBelowBase,
        ErrorKind::UnknownJitter,
        ErrorKind::AttemptZero,
        ErrorKind::RandomOutOfRange,
        ErrorKind::InvalidArgument,
    ];

    /// The stable snake_case name: `null_pointer`, `not_a_status_code`,
    /// `unknown_name`, `invalid_utf8`, `retry_after_empty`,
    /// `retry_after_invalid_delay`, `retry_after_invalid_date`,
    /// `retry_after_impossible_date`, `internal`, `unknown_error_code`,
    /// `no_attempts`, `cap_below_base`, `unknown_jitter`, `attempt_zero`,
    /// `random_out_of_range` or `invalid_argument` (as the shared test vectors write
    /// it; the retry policy's kinds are [`RetryInputError::as_str`]).
    ///
    /// ```
    /// use dcs_status::{ErrorKind, RetryInputError};
    ///
    /// assert_eq!(ErrorKind::UnknownJitter.as_str(), RetryInputError::UnknownJitter.as_str());
    /// ```
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`ErrorKind::as_str`] as a NUL-terminated C string (for the C ABI).
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            ErrorKind::NullPointer => c"null_pointer",
            ErrorKind::NotAStatusCode => c"not_a_status_code",
            ErrorKind::UnknownName => c"unknown_name",
            ErrorKind::InvalidUtf8 => c"invalid_utf8",
            ErrorKind::RetryAfterEmpty => c"retry_after_empty",
            ErrorKind::RetryAfterInvalidDelay => c"retry_after_invalid_delay",
            ErrorKind::RetryAfterInvalidDate => c"retry_after_invalid_date",
            ErrorKind::RetryAfterImpossibleDate => c"retry_after_impossible_date",
            ErrorKind::Internal => c"internal",
            ErrorKind::UnknownErrorCode => c"unknown_error_code",
            ErrorKind::NoAttempts => c"no_attempts",
            ErrorKind::CapBelowBase => c"cap_below_base",
            ErrorKind::UnknownJitter => c"unknown_jitter",
            ErrorKind::AttemptZero => c"attempt_zero",
            ErrorKind::RandomOutOfRange => c"random_out_of_range",
            ErrorKind::InvalidArgument => c"invalid_argument",
        }
    }

    /// Whether this is one of the errors of a Retry-After value (the
    /// `retry_after_*` kinds).
    pub const fn is_retry_after(self) -> bool {
        matches!(
            self,
            ErrorKind::RetryAfterEmpty
                | ErrorKind::RetryAfterInvalidDelay
                | ErrorKind::RetryAfterInvalidDate
                | ErrorKind::RetryAfterImpossibleDate
        )
    }

    /// A sentence saying what was wrong, without the offending value (for that, see
    /// [`error_message`]).
    ///
    /// ```
    /// assert_eq!(dcs_status::ErrorKind::InvalidUtf8.message(), "the text is not valid UTF-8");
    /// ```
    pub const fn message(self) -> &'static str {
        crate::str_of(self.message_cstr())
    }

    /// [`ErrorKind::message`] as a NUL-terminated C string (for the C ABI).
    pub const fn message_cstr(self) -> &'static CStr {
        match self {
            ErrorKind::NullPointer => c"a required pointer argument was NULL",
            ErrorKind::NotAStatusCode => c"not a status code: status codes are three-digit numbers from 100 to 999",
            ErrorKind::UnknownName => c"unknown status name: expected a DCS name (\"NotFound\"), an ident (\"NOT_FOUND\") or a reason phrase (\"Not Found\")",
            ErrorKind::InvalidUtf8 => c"the text is not valid UTF-8",
            ErrorKind::RetryAfterEmpty => c"Retry-After is empty: expected delay-seconds such as \"120\" or an HTTP-date such as \"Sun, 06 Nov 1994 08:49:37 GMT\"",
            ErrorKind::RetryAfterInvalidDelay => c"Retry-After delay-seconds must be ASCII digits only: no sign, decimal point, inner spaces or non-ASCII digits",
            ErrorKind::RetryAfterInvalidDate => c"Retry-After is not an HTTP-date: expected IMF-fixdate \"Sun, 06 Nov 1994 08:49:37 GMT\", RFC 850 \"Sunday, 06-Nov-94 08:49:37 GMT\" or asctime \"Sun Nov  6 08:49:37 1994\"",
            ErrorKind::RetryAfterImpossibleDate => c"Retry-After names a date or time that does not exist: a day past the end of its month, an hour over 23, a minute over 59 or a second over 60",
            ErrorKind::Internal => c"internal error in dcs-status (a bug): please report it",
            ErrorKind::UnknownErrorCode => c"unknown DCS error code: not in the error-code catalogue",
            ErrorKind::NoAttempts => c"max_attempts must be at least 1: it counts every attempt, the first included",
            ErrorKind::CapBelowBase => c"cap_ms must be at least each base delay (base_transient_ms, base_throttle_ms, base_busy_ms)",
            ErrorKind::UnknownJitter => c"unknown jitter mode: expected full, equal, none or decorrelated",
            ErrorKind::AttemptZero => c"attempt numbers start at 1: the attempt just made, the first being 1",
            ErrorKind::RandomOutOfRange => c"the random draw must be a number from 0 up to but not including 1",
            ErrorKind::InvalidArgument => c"an argument or struct field holds a value the C API does not define: an enum number outside the header's list, or a catalogue entry pointer that is not the library's",
        }
    }
}

impl fmt::Display for ErrorKind {
    /// Writes the snake_case name, e.g. `unknown_name`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The message of an error of `kind` about `input`: the same sentence Rust's errors
/// display, for bindings that hold only a kind and the input's bytes.
///
/// The input is shown [`quote`]d (escaped, at most [`Quoted::MAX_CHARS`] characters),
/// so the message is short whatever the input:
///
/// - [`ErrorKind::NotAStatusCode`]: the input is the number in decimal (`"1234"`;
///   digits beyond `i64` are read as "a number larger than ..."), as
///   [`NotAStatusCodeError`] displays it; any other text is quoted;
/// - [`ErrorKind::UnknownName`]: as [`UnknownNameError`] displays it;
/// - [`ErrorKind::UnknownErrorCode`]: as [`UnknownErrorCode`] displays it;
/// - [`ErrorKind::InvalidUtf8`] and the Retry-After kinds: the quoted input, a colon
///   and [`ErrorKind::message`];
/// - [`ErrorKind::UnknownJitter`]: `unknown jitter mode "fast": expected ...`;
/// - [`ErrorKind::RandomOutOfRange`]: the quoted input (the draw as the caller wrote
///   it, e.g. `"nan"`), a colon and [`ErrorKind::message`];
/// - [`ErrorKind::NullPointer`], [`ErrorKind::Internal`],
///   [`ErrorKind::InvalidArgument`] and the retry policy's [`ErrorKind::NoAttempts`],
///   [`ErrorKind::CapBelowBase`] and [`ErrorKind::AttemptZero`]:
///   [`ErrorKind::message`] alone (it names the setting; the input adds nothing).
///
/// ```
/// use dcs_status::{error_message, from_name, ErrorKind};
///
/// assert_eq!(
///     error_message(ErrorKind::UnknownName, b"nope").to_string(),
///     from_name("nope").unwrap_err().to_string()
/// );
/// assert_eq!(
///     error_message(ErrorKind::NotAStatusCode, b"1234").to_string(),
///     "1234 is not a status code: status codes are three-digit numbers from 100 to 999"
/// );
/// assert_eq!(
///     error_message(ErrorKind::RetryAfterInvalidDelay, b"+1").to_string(),
///     "\"+1\": Retry-After delay-seconds must be ASCII digits only: no sign, decimal point, inner spaces or non-ASCII digits"
/// );
/// ```
pub fn error_message(kind: ErrorKind, input: &[u8]) -> ErrorMessage<'_> {
    ErrorMessage { kind, input }
}

/// The message [`error_message`] renders; written by its `Display` (no allocation
/// until it is turned into a `String`).
#[derive(Clone, Copy, Debug)]
pub struct ErrorMessage<'a> {
    kind: ErrorKind,
    input: &'a [u8],
}

impl fmt::Display for ErrorMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::NullPointer
            | ErrorKind::Internal
            | ErrorKind::InvalidArgument
            | ErrorKind::NoAttempts
            | ErrorKind::CapBelowBase
            | ErrorKind::AttemptZero => f.write_str(self.kind.message()),
            ErrorKind::UnknownJitter => crate::retry::unknown_jitter(f, &quote(self.input)),
            ErrorKind::NotAStatusCode => match GivenNumber::parse(self.input) {
                Some(given) => NotAStatusCodeError::new(given).fmt(f),
                None => crate::lookup::not_a_status_code(f, &quote(self.input)),
            },
            ErrorKind::UnknownName => crate::names::unknown_name(f, &quote(self.input)),
            ErrorKind::UnknownErrorCode => {
                crate::catalogue::unknown_error_code(f, &quote(self.input))
            }
            ErrorKind::InvalidUtf8
            | ErrorKind::RetryAfterEmpty
            | ErrorKind::RetryAfterInvalidDelay
            | ErrorKind::RetryAfterInvalidDate
            | ErrorKind::RetryAfterImpossibleDate
            | ErrorKind::RandomOutOfRange => {
                write!(f, "{}: {}", quote(self.input), self.kind.message())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_dense_from_one_in_declaration_order() {
        for (i, kind) in ErrorKind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i + 1, "{kind}");
        }
    }

    #[test]
    fn names_and_messages_are_distinct() {
        for (i, a) in ErrorKind::ALL.iter().enumerate() {
            for b in ErrorKind::ALL.iter().skip(i + 1) {
                assert_ne!(a.as_str(), b.as_str());
                assert_ne!(a.message(), b.message());
            }
        }
    }

    #[test]
    fn the_retry_after_group_is_the_retry_after_prefix() {
        for kind in ErrorKind::ALL {
            assert_eq!(
                kind.is_retry_after(),
                kind.as_str().starts_with("retry_after_"),
                "{kind}"
            );
        }
    }

    #[test]
    fn messages_quote_and_shorten_the_input() {
        let long = vec![b'\n'; 100_000_000];
        let message = error_message(ErrorKind::UnknownName, &long).to_string();
        assert!(message.len() < 400, "{message}");
        assert!(message.contains("(100000000 bytes)"));
        let message = error_message(ErrorKind::InvalidUtf8, b"no\xfft").to_string();
        assert_eq!(message, "\"no\\xfft\": the text is not valid UTF-8");
        let message = error_message(ErrorKind::NotAStatusCode, b"abc").to_string();
        assert_eq!(
            message,
            "\"abc\" is not a status code: status codes are three-digit numbers from 100 to 999"
        );
        let digits = "9".repeat(5000);
        let message = error_message(ErrorKind::NotAStatusCode, digits.as_bytes()).to_string();
        assert!(message.starts_with("a number larger than 9223372036854775807 is not"));
        assert_eq!(
            error_message(ErrorKind::Internal, b"ignored").to_string(),
            ErrorKind::Internal.message()
        );
    }
}
