//! The crate's static strings: each readable as a `str` and as a NUL-terminated C string
//! over the same bytes. The status table and the error-code catalogue both hold their text
//! this way.

use core::ffi::CStr;

/// A static string, and as a C string the same bytes with the NUL that follows them.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct StaticText {
    // Only the C string: one pointer, so one relocation in a shared library per text
    // (the catalogue has about 1,400 texts); the `str` is read from it when asked.
    c: &'static CStr,
}

impl StaticText {
    /// The text of `with_nul`, which must be the text followed by one NUL (and so
    /// has no NUL of its own), and must be UTF-8: the `str` and the C string are the
    /// same bytes, so a table's text is stored once. Checked at compile time: the
    /// tables are `static`.
    pub(crate) const fn new(with_nul: &'static str) -> StaticText {
        let Some((_, text)) = with_nul.as_bytes().split_last() else {
            panic!("a C string is not its text and a NUL")
        };
        let Ok(c) = CStr::from_bytes_with_nul(with_nul.as_bytes()) else {
            panic!("a static text contains a NUL byte, or does not end with one")
        };
        match core::str::from_utf8(text) {
            Ok(_) => StaticText { c },
            // Unreachable: a prefix of a str ending in an ASCII NUL is valid UTF-8.
            Err(_) => panic!("a static text is not UTF-8"),
        }
    }

    /// The text (checked as UTF-8 again on each call: linear in its length, which
    /// only rendering paths ask for).
    pub(crate) const fn as_str(&self) -> &'static str {
        crate::str_of(self.c)
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
    fn both_forms_hold_the_same_text_in_the_same_bytes() {
        const T: StaticText = StaticText::new("abc é\0");
        assert_eq!(T.as_str(), "abc é");
        assert_eq!(T.as_cstr().to_str(), Ok("abc é"));
        assert_eq!(T.as_str().as_ptr(), T.as_cstr().as_ptr().cast::<u8>());
    }

    #[test]
    #[should_panic(expected = "NUL")]
    fn an_inner_nul_is_refused() {
        let _ = StaticText::new("a\0b\0");
    }

    #[test]
    #[should_panic(expected = "NUL")]
    fn a_text_without_its_nul_is_refused() {
        let _ = StaticText::new("abc");
    }
}
