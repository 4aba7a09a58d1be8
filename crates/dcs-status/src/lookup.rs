//! The answer for any integer: what RFC 9110 §15 says a client should make of it.

use core::ffi::CStr;
use core::fmt;

use crate::{Class, RetryAdvice, Status};

/// How a code relates to the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The table has the code.
    Documented,
    /// In 100–599 but not in the table: treated as the `x00` code of its class
    /// (RFC 9110 §15).
    Unrecognized,
    /// 600–999: not a valid status code; processed as a server error (RFC 9110 §15).
    Invalid,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 3] = [Kind::Documented, Kind::Unrecognized, Kind::Invalid];

    /// The canonical name: `documented`, `unrecognized` or `invalid`.
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`Kind::as_str`] as a NUL-terminated C string (for the C ABI).
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            Kind::Documented => c"documented",
            Kind::Unrecognized => c"unrecognized",
            Kind::Invalid => c"invalid",
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
    kind: Kind,
    status: &'static Status,
}

impl Lookup {
    /// The code that was looked up.
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// Whether the code is documented, unrecognized or invalid.
    pub const fn kind(&self) -> Kind {
        self.kind
    }

    /// The entry whose meaning applies to the code.
    pub const fn status(&self) -> &'static Status {
        self.status
    }

    /// The code's own entry, if the table has it.
    pub const fn documented(&self) -> Option<&'static Status> {
        match self.kind {
            Kind::Documented => Some(self.status),
            Kind::Unrecognized | Kind::Invalid => None,
        }
    }

    /// The class the code is handled as (600–999: [`Class::ServerError`]).
    pub const fn class(&self) -> Class {
        self.status.class()
    }

    /// The retry advice of the entry that applies.
    pub const fn retry(&self) -> RetryAdvice {
        self.status.retry()
    }

    /// Whether the code is handled as an error.
    pub const fn is_error(&self) -> bool {
        self.class().is_error()
    }
}

/// Looks up any integer as a status code. Constant time, no allocation, no panic.
///
/// - in the table: its entry ([`Kind::Documented`]);
/// - 100–599 but not in the table: its class, with the meaning of that class's `x00`
///   entry ([`Kind::Unrecognized`]; RFC 9110 §15);
/// - 600–999: [`Kind::Invalid`], handled as a server error with the meaning of 500
///   (RFC 9110 §15);
/// - anything else: [`NotAStatusCode`].
///
/// ```
/// use dcs_status::{lookup, Class, Kind};
///
/// let found = lookup(404).unwrap();
/// assert_eq!(found.kind(), Kind::Documented);
/// assert_eq!(found.status().name(), "NotFound");
///
/// let teapot = lookup(418).unwrap();
/// assert_eq!(teapot.kind(), Kind::Unrecognized);
/// assert_eq!(teapot.class(), Class::ClientError);
/// assert_eq!(teapot.status().code(), 400);
///
/// assert_eq!(lookup(600).unwrap().class(), Class::ServerError);
/// assert!(lookup(42).is_err());
/// ```
pub fn lookup(code: impl Into<i64>) -> Result<Lookup, NotAStatusCode> {
    lookup_i64(code.into())
}

const fn lookup_i64(code: i64) -> Result<Lookup, NotAStatusCode> {
    if code < 100 || code > 999 {
        return Err(NotAStatusCode { code });
    }
    let code = code as u16;
    let (kind, base) = match Class::of(code) {
        Some(class) => (Kind::Unrecognized, class.base_code()),
        None => (Kind::Invalid, 500),
    };
    match Status::from_code(code) {
        Some(status) => Ok(Lookup {
            code,
            kind: Kind::Documented,
            status,
        }),
        None => match Status::from_code(base) {
            Some(status) => Ok(Lookup { code, kind, status }),
            // Unreachable: every class's x00 code is in the table (a test checks).
            None => Err(NotAStatusCode { code: code as i64 }),
        },
    }
}

/// The error of [`lookup`]: the number is outside 100–999, so it is not a status
/// code at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NotAStatusCode {
    code: i64,
}

impl NotAStatusCode {
    /// The number that was given.
    pub const fn code(&self) -> i64 {
        self.code
    }
}

impl fmt::Display for NotAStatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is not a status code: status codes are three-digit numbers from 100 to 999",
            self.code
        )
    }
}

impl std::error::Error for NotAStatusCode {}

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
        assert_eq!(lookup(100).unwrap().kind(), Kind::Documented);
        assert_eq!(lookup(599).unwrap().kind(), Kind::Unrecognized);
        assert_eq!(lookup(599).unwrap().status().code(), 500);
        assert_eq!(lookup(999).unwrap().kind(), Kind::Invalid);
        assert_eq!(lookup(999).unwrap().status().code(), 500);
        assert_eq!(lookup(150u8).unwrap().status().code(), 100);
    }

    #[test]
    fn error_message_names_the_number() {
        let err = lookup(1234).unwrap_err();
        assert_eq!(err.code(), 1234);
        assert!(err.to_string().starts_with("1234 is not a status code"));
    }
}
