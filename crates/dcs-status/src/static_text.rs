//! The crate's static strings: each with its NUL-terminated copy for C, made at
//! compile time. The status table and the error-code catalogue both hold their text
//! this way.

use core::ffi::CStr;

/// A static string and the same bytes followed by one NUL, as a C string.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct StaticText {
    str: &'static str,
    c: &'static CStr,
}

impl StaticText {
    /// Pairs `text` with `with_nul`, which must be `text` followed by one NUL (and so
    /// `text` has no NUL of its own). Checked at compile time: the tables are `static`.
    // `i < a.len()` bounds the index: no overflow.
    #[allow(clippy::arithmetic_side_effects)]
    pub(crate) const fn new(text: &'static str, with_nul: &'static str) -> StaticText {
        let (a, b) = (text.as_bytes(), with_nul.as_bytes());
        assert!(
            b.len() == a.len() + 1,
            "a C string is not its text and a NUL"
        );
        let mut i = 0;
        while i < a.len() {
            assert!(a[i] == b[i], "a C string differs from its text");
            i += 1;
        }
        match CStr::from_bytes_with_nul(b) {
            Ok(c) => StaticText { str: text, c },
            Err(_) => panic!("a static text contains a NUL byte"),
        }
    }

    /// The text.
    pub(crate) const fn as_str(&self) -> &'static str {
        self.str
    }

    /// The text as a NUL-terminated C string.
    pub(crate) const fn as_cstr(&self) -> &'static CStr {
        self.c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_hold_the_same_text() {
        const T: StaticText = StaticText::new("abc é", "abc é\0");
        assert_eq!(T.as_str(), "abc é");
        assert_eq!(T.as_cstr().to_str(), Ok("abc é"));
    }

    #[test]
    #[should_panic(expected = "NUL")]
    fn an_inner_nul_is_refused() {
        let _ = StaticText::new("a\0b", "a\0b\0");
    }

    #[test]
    #[should_panic(expected = "differs")]
    fn a_different_c_string_is_refused() {
        let _ = StaticText::new("abc", "abd\0");
    }
}
