//! The answer for any integer: what RFC 9110 §15 says a client should make of it.

use core::ffi::CStr;
use core::fmt;

use crate::{Class, ErrorKind, RetryAdvice, Status};

/// How a code relates to the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LookupKind {
    /// The table has the code.
    Documented,
    /// In 100–599 but not in the table: treated as the `x00` code of its class
    /// (RFC 9110 §15).
    Unrecognized,
    /// 600–999: not a valid status code; processed as a server error (RFC 9110 §15).
    Invalid,
}

impl LookupKind {
    /// Every kind, in declaration order.
    pub const ALL: [LookupKind; 3] = [
        LookupKind::Documented,
        LookupKind::Unrecognized,
        LookupKind::Invalid,
    ];

    /// The canonical name: `documented`, `unrecognized` or `invalid`.
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`LookupKind::as_str`] as a NUL-terminated C string (for the C ABI).
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            LookupKind::Documented => c"documented",
            LookupKind::Unrecognized => c"unrecognized",
            LookupKind::Invalid => c"invalid",
        }
    }
}

/// The answer [`lookup`] gives for a status code.
///
/// [`Lookup::status`] is the entry whose meaning applies: the code's own, or for a
/// code the table lacks, the `x00` entry of its class (500 for 600–999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lookup {
    code: u16,
    kind: LookupKind,
    status: &'static Status,
}

impl Lookup {
    /// The code that was looked up.
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// Whether the code is documented, unrecognized or invalid.
    pub const fn kind(&self) -> LookupKind {
        self.kind
    }

    /// The entry whose meaning applies to the code.
    pub const fn status(&self) -> &'static Status {
        self.status
    }

    /// The code's own entry, if the table has it.
    pub const fn documented(&self) -> Option<&'static Status> {
        match self.kind {
            LookupKind::Documented => Some(self.status),
            LookupKind::Unrecognized | LookupKind::Invalid => None,
        }
    }

    /// The class the code is handled as (600–999: [`Class::ServerError`]).
    pub const fn class(&self) -> Class {
        self.status.class()
    }

    /// The retry advice of the entry that applies.
    pub const fn retry_advice(&self) -> RetryAdvice {
        self.status.retry_advice()
    }

    /// Whether the code is handled as an error.
    pub const fn is_error(&self) -> bool {
        self.class().is_error()
    }
}

/// Looks up any integer as a status code. Constant time, no allocation, no panic.
///
/// - in the table: its entry ([`LookupKind::Documented`]);
/// - 100–599 but not in the table: its class, with the meaning of that class's `x00`
///   entry ([`LookupKind::Unrecognized`]; RFC 9110 §15);
/// - 600–999: [`LookupKind::Invalid`], handled as a server error with the meaning of 500
///   (RFC 9110 §15);
/// - anything else: [`NotAStatusCodeError`].
///
/// ```
/// use dcs_status::{lookup, Class, LookupKind};
///
/// let found = lookup(404).unwrap();
/// assert_eq!(found.kind(), LookupKind::Documented);
/// assert_eq!(found.status().name(), "NotFound");
///
/// let teapot = lookup(418).unwrap();
/// assert_eq!(teapot.kind(), LookupKind::Unrecognized);
/// assert_eq!(teapot.class(), Class::ClientError);
/// assert_eq!(teapot.status().code(), 400);
///
/// assert_eq!(lookup(600).unwrap().class(), Class::ServerError);
/// assert!(lookup(42).is_err());
/// ```
pub fn lookup(code: impl Into<i64>) -> Result<Lookup, NotAStatusCodeError> {
    lookup_i64(code.into())
}

const fn lookup_i64(code: i64) -> Result<Lookup, NotAStatusCodeError> {
    if code < 100 || code > 999 {
        return Err(NotAStatusCodeError::new(GivenNumber::Value(code)));
    }
    let code = code as u16;
    let (kind, base) = match Class::of(code) {
        Some(class) => (LookupKind::Unrecognized, class.base_code()),
        None => (LookupKind::Invalid, 500),
    };
    match Status::from_code(code) {
        Some(status) => Ok(Lookup {
            code,
            kind: LookupKind::Documented,
            status,
        }),
        None => match Status::from_code(base) {
            Some(status) => Ok(Lookup { code, kind, status }),
            // Unreachable: every class's x00 code is in the table (a test checks).
            None => Err(NotAStatusCodeError::new(GivenNumber::Value(code as i64))),
        },
    }
}

impl fmt::Display for Lookup {
    /// The code and what it is read as, the first line of [`Lookup::explain`]:
    /// `404 Not Found`, `418 (not in the DCS table: read as 400 Bad Request, RFC 9110
    /// §15)` or `777 (invalid status code: handled as 500 Internal Server Error, RFC
    /// 9110 §15)`.
    ///
    /// ```
    /// let teapot = dcs_status::lookup(418).unwrap();
    /// assert_eq!(
    ///     teapot.to_string(),
    ///     "418 (not in the DCS table: read as 400 Bad Request, RFC 9110 §15)"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.status;
        match self.kind {
            LookupKind::Documented => status.fmt(f),
            LookupKind::Unrecognized => write!(
                f,
                "{} (not in the DCS table: read as {status}, RFC 9110 §15)",
                self.code
            ),
            LookupKind::Invalid => write!(
                f,
                "{} (invalid status code: handled as {status}, RFC 9110 §15)",
                self.code
            ),
        }
    }
}

/// A number as it was given, which may be too large or too small for `i64` (Python
/// integers have no limit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GivenNumber {
    /// A number that fits in `i64`.
    Value(i64),
    /// A number larger than `i64::MAX`.
    TooLarge,
    /// A number smaller than `i64::MIN`.
    TooSmall,
}

impl GivenNumber {
    /// Reads a decimal integer: an optional `+` or `-`, then ASCII digits only (any
    /// number of them). `None` for any other text. No allocation.
    ///
    /// ```
    /// use dcs_status::GivenNumber;
    ///
    /// assert_eq!(GivenNumber::parse(b"-42"), Some(GivenNumber::Value(-42)));
    /// assert_eq!(GivenNumber::parse("9".repeat(30).as_bytes()), Some(GivenNumber::TooLarge));
    /// assert_eq!(GivenNumber::parse(b"-99999999999999999999"), Some(GivenNumber::TooSmall));
    /// assert_eq!(GivenNumber::parse(b"4x"), None);
    /// ```
    pub fn parse(text: &[u8]) -> Option<GivenNumber> {
        let (negative, digits) = match text {
            [b'-', rest @ ..] => (true, rest),
            [b'+', rest @ ..] => (false, rest),
            _ => (false, text),
        };
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Accumulated towards the sign, so i64::MIN is read exactly.
        let mut value: i64 = 0;
        for digit in digits {
            let digit = i64::from(digit.wrapping_sub(b'0'));
            let next = value.checked_mul(10).and_then(|v| {
                if negative {
                    v.checked_sub(digit)
                } else {
                    v.checked_add(digit)
                }
            });
            match next {
                Some(next) => value = next,
                None if negative => return Some(GivenNumber::TooSmall),
                None => return Some(GivenNumber::TooLarge),
            }
        }
        Some(GivenNumber::Value(value))
    }
}

impl From<i64> for GivenNumber {
    fn from(value: i64) -> Self {
        GivenNumber::Value(value)
    }
}

impl fmt::Display for GivenNumber {
    /// `1234`, `a number larger than 9223372036854775807` or `a number smaller than
    /// -9223372036854775808`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GivenNumber::Value(value) => value.fmt(f),
            GivenNumber::TooLarge => write!(f, "a number larger than {}", i64::MAX),
            GivenNumber::TooSmall => write!(f, "a number smaller than {}", i64::MIN),
        }
    }
}

/// The error of [`lookup`]: the number is outside 100–999, so it is not a status
/// code at all.
///
/// ```
/// use dcs_status::{lookup, GivenNumber, NotAStatusCodeError};
///
/// let err = lookup(1234).unwrap_err();
/// assert_eq!(err.code(), Some(1234));
/// assert_eq!(
///     err.to_string(),
///     "1234 is not a status code: status codes are three-digit numbers from 100 to 999"
/// );
/// // For a binding whose integers have no limit (Python's 10**5000):
/// let huge = NotAStatusCodeError::new(GivenNumber::TooLarge);
/// assert!(huge.to_string().starts_with("a number larger than 9223372036854775807 is not a status code"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NotAStatusCodeError {
    given: GivenNumber,
}

impl NotAStatusCodeError {
    /// The error for a number that is not in 100–999 (this does not check it).
    pub const fn new(given: GivenNumber) -> Self {
        NotAStatusCodeError { given }
    }

    /// The number that was given.
    pub const fn given(&self) -> GivenNumber {
        self.given
    }

    /// The number that was given, if it fits in `i64`.
    pub const fn code(&self) -> Option<i64> {
        match self.given {
            GivenNumber::Value(code) => Some(code),
            GivenNumber::TooLarge | GivenNumber::TooSmall => None,
        }
    }

    /// [`ErrorKind::NotAStatusCode`].
    pub const fn kind(&self) -> ErrorKind {
        ErrorKind::NotAStatusCode
    }
}

impl fmt::Display for NotAStatusCodeError {
    /// `1234 is not a status code: status codes are three-digit numbers from 100 to 999`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        not_a_status_code(f, &self.given)
    }
}

impl std::error::Error for NotAStatusCodeError {}

/// The message of [`ErrorKind::NotAStatusCode`] about `given` (a number, or quoted
/// text that is not one).
pub(crate) fn not_a_status_code(
    f: &mut fmt::Formatter<'_>,
    given: &dyn fmt::Display,
) -> fmt::Result {
    write!(
        f,
        "{given} is not a status code: status codes are three-digit numbers from 100 to 999"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_base_code_is_documented() {
        for class in Class::ALL {
            assert!(Status::from_code(class.base_code()).is_some(), "{class}");
        }
    }

    #[test]
    fn range_edges() {
        assert!(lookup(99).is_err());
        assert!(lookup(1000).is_err());
        assert!(lookup(-404).is_err());
        assert!(lookup(i64::MAX).is_err());
        assert_eq!(lookup(100).unwrap().kind(), LookupKind::Documented);
        assert_eq!(lookup(599).unwrap().kind(), LookupKind::Unrecognized);
        assert_eq!(lookup(599).unwrap().status().code(), 500);
        assert_eq!(lookup(999).unwrap().kind(), LookupKind::Invalid);
        assert_eq!(lookup(999).unwrap().status().code(), 500);
        assert_eq!(lookup(150u8).unwrap().status().code(), 100);
    }

    #[test]
    fn error_message_names_the_number() {
        let err = lookup(1234).unwrap_err();
        assert_eq!(err.code(), Some(1234));
        assert!(err.to_string().starts_with("1234 is not a status code"));
    }
}
