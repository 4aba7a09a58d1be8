//! The five classes of status code (RFC 9110 §15).

use core::ffi::CStr;
use core::fmt;

/// The class of a status code, given by its first digit (RFC 9110 §15).
///
/// ```
/// use dcs_status::Class;
///
/// assert_eq!(Class::of(404), Some(Class::ClientError));
/// assert_eq!(Class::ClientError.as_str(), "client_error");
/// assert!(Class::ServerError.is_error());
/// assert_eq!(Class::of(99), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// 1xx: the request was received, continuing process.
    Informational,
    /// 2xx: the request was successfully received, understood and accepted.
    Success,
    /// 3xx: further action needs to be taken to complete the request.
    Redirection,
    /// 4xx: the request contains bad syntax or cannot be fulfilled.
    ClientError,
    /// 5xx: the server failed to fulfil an apparently valid request.
    ServerError,
}

impl Class {
    /// Every class, in code order.
    pub const ALL: [Class; 5] = [
        Class::Informational,
        Class::Success,
        Class::Redirection,
        Class::ClientError,
        Class::ServerError,
    ];

    /// The class of a code in 100–599, or `None` for any other number.
    ///
    /// Codes 600–999 have no class of their own: [`crate::lookup`] reports them as
    /// [`crate::LookupKind::Invalid`] and treats them as server errors.
    pub const fn of(code: u16) -> Option<Class> {
        match code {
            100..=199 => Some(Class::Informational),
            200..=299 => Some(Class::Success),
            300..=399 => Some(Class::Redirection),
            400..=499 => Some(Class::ClientError),
            500..=599 => Some(Class::ServerError),
            _ => None,
        }
    }

    /// The class's canonical name: `informational`, `success`, `redirection`,
    /// `client_error` or `server_error` (the `class` key of the canonical JSON).
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`Class::as_str`] as a NUL-terminated C string (for the C ABI).
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            Class::Informational => c"informational",
            Class::Success => c"success",
            Class::Redirection => c"redirection",
            Class::ClientError => c"client_error",
            Class::ServerError => c"server_error",
        }
    }

    /// The `x00` code that stands for the whole class (100, 200, ..., 500).
    ///
    /// RFC 9110 §15: a client that does not recognize a status code treats it as the
    /// `x00` code of its class.
    pub const fn base_code(self) -> u16 {
        match self {
            Class::Informational => 100,
            Class::Success => 200,
            Class::Redirection => 300,
            Class::ClientError => 400,
            Class::ServerError => 500,
        }
    }

    /// Whether codes of this class report an error (4xx or 5xx).
    pub const fn is_error(self) -> bool {
        matches!(self, Class::ClientError | Class::ServerError)
    }
}

impl fmt::Display for Class {
    /// Writes the canonical name, e.g. `client_error`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_boundaries_follow_the_first_digit() {
        assert_eq!(Class::of(99), None);
        assert_eq!(Class::of(100), Some(Class::Informational));
        assert_eq!(Class::of(199), Some(Class::Informational));
        assert_eq!(Class::of(200), Some(Class::Success));
        assert_eq!(Class::of(399), Some(Class::Redirection));
        assert_eq!(Class::of(400), Some(Class::ClientError));
        assert_eq!(Class::of(599), Some(Class::ServerError));
        assert_eq!(Class::of(600), None);
    }

    #[test]
    fn base_code_is_in_the_class() {
        for class in Class::ALL {
            assert_eq!(Class::of(class.base_code()), Some(class));
        }
    }
}
