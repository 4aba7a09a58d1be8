//! The one way untrusted input is shown inside a message: escaped, shortened, and in
//! memory of a fixed size whatever the input.

use core::fmt::{self, Write};

/// Untrusted input (a name, a header value, a request id) as messages show it.
///
/// Made by [`quote`]. Displayed between double quotes and escaped as Rust's `{:?}`
/// escapes a string: control characters, quotes, backslashes, invisible and combining
/// characters become escapes (`\n`, `\"`, `\u{301}`), and each byte that is not part
/// of valid UTF-8 becomes `\xNN`. At most [`Quoted::MAX_CHARS`] characters of the input
/// are shown (an invalid byte counts as one); a longer input is cut there, followed by
/// an ellipsis and its total length in bytes:
///
/// ```
/// use dcs_status::quote;
///
/// assert_eq!(quote("not found").to_string(), r#""not found""#);
/// assert_eq!(quote("\u{301}x\n").to_string(), r#""\u{301}x\n""#);
/// assert_eq!(quote(b"no\xfft").to_string(), r#""no\xfft""#);
/// assert_eq!(quote("a".repeat(300)).to_string(), format!("\"{}\"… (300 bytes)", "a".repeat(64)));
/// ```
///
/// A `Quoted` keeps a copy of the shown characters only: it is the same size for a
/// 10-byte and a 300 MB input, and [`quote`] reads no more than the bytes it keeps.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quoted {
    /// The first bytes of the input: [`Quoted::MAX_CHARS`] characters or fewer.
    prefix: [u8; Quoted::PREFIX_CAPACITY],
    /// How many bytes of `prefix` are the input's.
    prefix_len: u16,
    /// The length of the whole input, in bytes.
    input_len: usize,
}

impl Quoted {
    /// The most characters of input a quote shows.
    pub const MAX_CHARS: usize = 64;

    /// Room for [`Quoted::MAX_CHARS`] characters of four bytes each.
    const PREFIX_CAPACITY: usize = 4 * Quoted::MAX_CHARS;

    /// The bytes of the input that are shown (all of it, unless it was shortened).
    ///
    /// ```
    /// assert_eq!(dcs_status::quote("abc").shown(), b"abc");
    /// ```
    pub fn shown(&self) -> &[u8] {
        self.prefix
            .get(..usize::from(self.prefix_len))
            .unwrap_or(&self.prefix)
    }

    /// The length of the whole input, in bytes.
    pub const fn input_len(&self) -> usize {
        self.input_len
    }

    /// Whether the input was longer than what is shown.
    ///
    /// ```
    /// assert!(!dcs_status::quote("abc").is_shortened());
    /// assert!(dcs_status::quote([b'x'; 65]).is_shortened());
    /// ```
    pub fn is_shortened(&self) -> bool {
        self.shown().len() < self.input_len
    }
}

/// Quotes untrusted input for a message: see [`Quoted`]. Time and memory do not
/// depend on the input's length beyond the [`Quoted::MAX_CHARS`] characters shown.
///
/// ```
/// let q = dcs_status::quote(vec![b'x'; 10_000_000]);
/// assert!(q.is_shortened());
/// assert_eq!(q.input_len(), 10_000_000);
/// assert!(q.to_string().ends_with("\"… (10000000 bytes)"));
/// ```
pub fn quote(input: impl AsRef<[u8]>) -> Quoted {
    let input = input.as_ref();
    // Every character is at most four bytes, so the first MAX_CHARS characters (and
    // whether there are more) are decided within the first PREFIX_CAPACITY bytes: a
    // sequence cut at the window's end could only be past the last character kept.
    let window = input.get(..Quoted::PREFIX_CAPACITY).unwrap_or(input);
    let mut kept = 0usize;
    let mut chars = 0usize;
    'chunks: for chunk in window.utf8_chunks() {
        for c in chunk.valid().chars() {
            if chars == Quoted::MAX_CHARS {
                break 'chunks;
            }
            kept = kept.saturating_add(c.len_utf8());
            chars = chars.saturating_add(1);
        }
        for _ in chunk.invalid() {
            if chars == Quoted::MAX_CHARS {
                break 'chunks;
            }
            kept = kept.saturating_add(1);
            chars = chars.saturating_add(1);
        }
    }
    let mut prefix = [0u8; Quoted::PREFIX_CAPACITY];
    let shown = window.get(..kept).unwrap_or(window);
    if let Some(slot) = prefix.get_mut(..shown.len()) {
        slot.copy_from_slice(shown);
    }
    Quoted {
        prefix,
        prefix_len: u16::try_from(shown.len()).unwrap_or(0),
        input_len: input.len(),
    }
}

impl Quoted {
    /// The same quote, telling `input_len` as the input's length: for input kept cut
    /// short (at no fewer than [`Quoted::MAX_CHARS`] characters), whose message tells
    /// the length of the whole.
    pub(crate) fn with_input_len(mut self, input_len: usize) -> Quoted {
        self.input_len = input_len.max(self.input_len);
        self
    }
}

/// [`quote`] for text given as characters (a JSON string whose escapes are resolved
/// as it is read): the same `Quoted` as `quote` of the text's UTF-8. Reads every
/// character, to count the text's length; keeps the first [`Quoted::MAX_CHARS`].
pub(crate) fn quote_chars(chars: impl Iterator<Item = char>) -> Quoted {
    let mut prefix = [0u8; Quoted::PREFIX_CAPACITY];
    let mut kept = 0usize;
    let mut input_len = 0usize;
    for (i, c) in chars.enumerate() {
        if i < Quoted::MAX_CHARS {
            let end = kept.saturating_add(c.len_utf8());
            if let Some(slot) = prefix.get_mut(kept..end) {
                c.encode_utf8(slot);
                kept = end;
            }
        }
        input_len = input_len.saturating_add(c.len_utf8());
    }
    Quoted {
        prefix,
        prefix_len: u16::try_from(kept).unwrap_or(0),
        input_len,
    }
}

impl fmt::Display for Quoted {
    /// `"the input"`, escaped; when shortened, `"the first characters"… (N bytes)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for chunk in self.shown().utf8_chunks() {
            for c in chunk.valid().chars() {
                // As `{:?}` on a str: a single quote needs no escape between double quotes.
                if c == '\'' {
                    f.write_char(c)?;
                } else {
                    for e in c.escape_debug() {
                        f.write_char(e)?;
                    }
                }
            }
            for byte in chunk.invalid() {
                write!(f, "\\x{byte:02x}")?;
            }
        }
        f.write_char('"')?;
        if self.is_shortened() {
            write!(f, "… ({} bytes)", self.input_len)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Quoted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Quoted({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_valid_text_is_shown_as_rust_debug_shows_it() {
        for s in [
            "",
            "plain",
            "a'b\"c\\d",
            "\n\t\r\0\u{7f}",
            "\u{301}x",
            "e\u{301}",
            "\u{a0}\u{200b}\u{feff}",
            "é€𝄞",
            "\u{e0001}\u{10ffff}",
        ] {
            assert_eq!(quote(s).to_string(), format!("{s:?}"), "{s:?}");
        }
    }

    #[test]
    fn invalid_bytes_are_hex_escapes_and_count_as_one_character_each() {
        assert_eq!(quote(b"\xff\xfe").to_string(), r#""\xff\xfe""#);
        assert_eq!(quote(b"\xc3").to_string(), r#""\xc3""#);
        assert_eq!(quote(b"a\xf0\x9f\x98b").to_string(), r#""a\xf0\x9f\x98b""#);
        let q = quote([0xffu8; 65]);
        assert!(q.is_shortened());
        assert_eq!(q.shown().len(), 64);
    }

    #[test]
    fn the_cut_is_after_64_characters_not_bytes() {
        let four_byte = "𝄞".repeat(100);
        let q = quote(&four_byte);
        assert_eq!(q.shown(), "𝄞".repeat(64).as_bytes());
        assert_eq!(
            q.to_string(),
            format!("\"{}\"… (400 bytes)", "𝄞".repeat(64))
        );
        let exactly = "é".repeat(64);
        assert!(!quote(&exactly).is_shortened());
        assert!(quote(format!("{exactly}x")).is_shortened());
    }

    #[test]
    fn quoting_characters_is_quoting_their_utf8() {
        for s in [
            String::new(),
            "plain \" \n".to_owned(),
            "é€𝄞".repeat(30),
            "x".repeat(64),
            "x".repeat(65),
        ] {
            assert_eq!(quote_chars(s.chars()), quote(&s), "{s:?}");
        }
    }

    #[test]
    fn a_character_cut_by_the_window_is_never_shown_half() {
        // 63 four-byte characters, then one more split across the window's end.
        let mut input = "𝄞".repeat(63).into_bytes();
        input.extend_from_slice("𝄞".as_bytes());
        input.extend_from_slice("𝄞".as_bytes());
        let q = quote(&input);
        assert_eq!(q.shown(), "𝄞".repeat(64).as_bytes());
        assert!(q.to_string().starts_with("\"𝄞"));
        assert!(!q.to_string().contains("\\x"));
    }
}
