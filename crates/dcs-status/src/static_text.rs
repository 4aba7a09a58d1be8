//! The crate's static strings: each a Rust `&str` and a C string over the same bytes,
//! made at compile time. The status table and the error-code catalogue both hold
//! their text this way.

use core::ffi::CStr;

/// A static string and, over the same bytes and the NUL that follows them, a C string:
/// one literal in the library, read both ways in constant time.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct StaticText {
    str: &'static str,
    c: &'static CStr,
}

impl StaticText {
    /// The text of `with_nul`, which must end with its only NUL byte. Checked at
    /// compile time: the tables are `static`.
    pub(crate) const fn new(with_nul: &'static str) -> StaticText {
        let c = match CStr::from_bytes_with_nul(with_nul.as_bytes()) {
            Ok(c) => c,
            Err(_) => panic!("a static text must end with its only NUL byte"),
        };
        // The bytes before the NUL, which from_bytes_with_nul found last.
        let (text, _nul) = with_nul.as_bytes().split_at(c.count_bytes());
        match core::str::from_utf8(text) {
            Ok(str) => StaticText { str, c },
            Err(_) => panic!("a static text is not UTF-8"),
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
    fn both_forms_hold_the_same_text_in_the_same_bytes() {
        static T: StaticText = StaticText::new("abc é\0");
        assert_eq!(T.as_str(), "abc é");
        assert_eq!(T.as_cstr().to_str(), Ok("abc é"));
        assert_eq!(T.as_str().as_ptr(), T.as_cstr().as_ptr().cast());
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
