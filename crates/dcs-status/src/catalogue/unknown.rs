//! The error of a lookup by a code the catalogue does not have.

use core::fmt;

use crate::{quote, ErrorKind, Quoted};

/// The error of [`CatalogueEntry::lookup`](crate::CatalogueEntry::lookup): no entry
/// has this code.
///
/// Keeps the code [`quote`]d (escaped, at most [`Quoted::MAX_CHARS`] characters and
/// the input's length), inline: no allocation, the same size whatever the input.
///
/// ```
/// use dcs_status::{CatalogueEntry, ErrorKind};
///
/// let error = CatalogueEntry::lookup("DCS.9999").unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::UnknownErrorCode);
/// assert_eq!(error.code().shown(), b"DCS.9999");
///
/// let long = "x".repeat(10_000);
/// let error = CatalogueEntry::lookup(&long).unwrap_err();
/// assert_eq!(error.code().shown().len(), 64);
/// assert_eq!(error.code().input_len(), 10_000);
/// assert!(error.to_string().ends_with("\"… (10000 bytes): not in the error-code catalogue"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownErrorCode {
    code: Quoted,
}

impl UnknownErrorCode {
    pub(crate) fn new(input: &[u8]) -> UnknownErrorCode {
        UnknownErrorCode { code: quote(input) }
    }

    /// The code as it was given, quoted (what the message shows of it).
    pub const fn code(&self) -> &Quoted {
        &self.code
    }

    /// [`ErrorKind::UnknownErrorCode`].
    pub const fn kind(&self) -> ErrorKind {
        ErrorKind::UnknownErrorCode
    }
}

impl fmt::Display for UnknownErrorCode {
    /// `unknown DCS error code "DCS.9999": not in the error-code catalogue`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        unknown_error_code(f, &self.code)
    }
}

impl std::error::Error for UnknownErrorCode {}

/// The message of [`ErrorKind::UnknownErrorCode`] about a quoted code.
pub(crate) fn unknown_error_code(f: &mut fmt::Formatter<'_>, code: &Quoted) -> fmt::Result {
    write!(
        f,
        "unknown DCS error code {code}: not in the error-code catalogue"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_message;

    #[test]
    fn quotes_escape_controls_quotes_and_bad_bytes() {
        let error = UnknownErrorCode::new(b"a\"b\\\n\xff\0");
        assert_eq!(
            error.to_string(),
            "unknown DCS error code \"a\\\"b\\\\\\n\\xff\\0\": not in the error-code catalogue"
        );
        assert!(!error.code().is_shortened());
    }

    #[test]
    fn the_message_is_error_message_s() {
        for input in [&b""[..], b"DCS.9999", b"\xff", &[b'x'; 1000]] {
            assert_eq!(
                UnknownErrorCode::new(input).to_string(),
                error_message(ErrorKind::UnknownErrorCode, input).to_string()
            );
        }
    }

    #[test]
    fn long_inputs_are_cut_after_64_characters() {
        let input = format!("{}é", "a".repeat(70));
        let error = UnknownErrorCode::new(input.as_bytes());
        assert_eq!(error.code().shown(), "a".repeat(64).as_bytes());
        assert!(error.code().is_shortened());
        assert_eq!(error.code().input_len(), 72);
    }
}
