//! The error of a lookup by a code the catalogue does not have.

use core::fmt;

/// The error of [`CatalogueEntry::lookup`](crate::CatalogueEntry::lookup): no entry
/// has this code.
///
/// Keeps at most the first [`UnknownErrorCode::QUOTED`] bytes of the input, inline
/// (no allocation, the same size whatever the input), and its length; its message
/// quotes that prefix, escaped.
///
/// ```
/// use dcs_status::CatalogueEntry;
///
/// let long = "x".repeat(10_000);
/// let error = CatalogueEntry::lookup(&long).unwrap_err();
/// assert_eq!(error.input().len(), 64);
/// assert_eq!(error.input_len(), 10_000);
/// assert!(error.to_string().ends_with("…\" (10000 bytes): not in the error-code catalogue"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownErrorCode {
    prefix: [u8; UnknownErrorCode::QUOTED],
    prefix_len: u8,
    input_len: usize,
}

impl UnknownErrorCode {
    /// How many bytes of the input the error keeps and quotes, at most.
    pub const QUOTED: usize = 64;

    pub(crate) fn new(input: &[u8]) -> UnknownErrorCode {
        let mut end = input.len().min(UnknownErrorCode::QUOTED);
        // Do not cut a UTF-8 character in two.
        while end > 0 && end < input.len() && input.get(end).is_some_and(|&b| b & 0xC0 == 0x80) {
            end = end.saturating_sub(1);
        }
        let mut prefix = [0; UnknownErrorCode::QUOTED];
        let kept = input.get(..end).unwrap_or_default();
        if let Some(slot) = prefix.get_mut(..end) {
            slot.copy_from_slice(kept);
        }
        UnknownErrorCode {
            prefix,
            prefix_len: end as u8,
            input_len: input.len(),
        }
    }

    /// The start of the code as it was given: all of it, unless it was longer than
    /// [`UnknownErrorCode::QUOTED`] bytes (then cut at a character boundary).
    ///
    /// ```
    /// let error = dcs_status::CatalogueEntry::lookup(b"DCS.0000").unwrap_err();
    /// assert_eq!(error.input(), b"DCS.0000");
    /// assert!(!error.is_truncated());
    /// ```
    pub fn input(&self) -> &[u8] {
        self.prefix
            .get(..usize::from(self.prefix_len))
            .unwrap_or_default()
    }

    /// The length of the code as it was given, in bytes.
    pub const fn input_len(&self) -> usize {
        self.input_len
    }

    /// Whether [`UnknownErrorCode::input`] is only the start of the code given.
    pub const fn is_truncated(&self) -> bool {
        (self.prefix_len as usize) < self.input_len
    }
}

impl fmt::Display for UnknownErrorCode {
    /// `unknown DCS error code "DCS.9999": not in the error-code catalogue`; an input
    /// longer than the quote ends `…" (10000 bytes): ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown DCS error code \"")?;
        for chunk in self.input().utf8_chunks() {
            for c in chunk.valid().chars() {
                write!(f, "{}", c.escape_debug())?;
            }
            for byte in chunk.invalid() {
                write!(f, "\\x{byte:02x}")?;
            }
        }
        if self.is_truncated() {
            write!(f, "…\" ({} bytes)", self.input_len)?;
        } else {
            f.write_str("\"")?;
        }
        f.write_str(": not in the error-code catalogue")
    }
}

impl fmt::Debug for UnknownErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownErrorCode")
            .field("input", &String::from_utf8_lossy(self.input()))
            .field("input_len", &self.input_len)
            .finish()
    }
}

impl std::error::Error for UnknownErrorCode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_escape_controls_quotes_and_bad_bytes() {
        let error = UnknownErrorCode::new(b"a\"b\\\n\xff\0");
        assert_eq!(
            error.to_string(),
            "unknown DCS error code \"a\\\"b\\\\\\n\\xff\\0\": not in the error-code catalogue"
        );
        assert!(!error.is_truncated());
    }

    #[test]
    fn long_inputs_are_cut_at_a_character_boundary() {
        let input = format!("{}é", "a".repeat(UnknownErrorCode::QUOTED - 1));
        let error = UnknownErrorCode::new(input.as_bytes());
        assert_eq!(error.input(), "a".repeat(63).as_bytes());
        assert!(error.is_truncated());
        assert_eq!(error.input_len(), 65);
    }

    #[test]
    fn empty_input() {
        let error = UnknownErrorCode::new(b"");
        assert_eq!(
            error.to_string(),
            "unknown DCS error code \"\": not in the error-code catalogue"
        );
    }
}
