//! Text borrowed from a response as it was sent, read without copying.

use std::borrow::Cow;
use std::fmt;

/// A piece of text borrowed from a response: the content of a JSON string as the
/// body writes it (between its quotes, escapes such as `\"` or `\u00e9` not yet
/// resolved), or a header value (which has no escapes).
///
/// Getting one never copies. Most values have no escapes: then
/// [`RawStr::as_str`] is the text itself, still pointing into the caller's bytes.
/// Otherwise [`RawStr::decode`] resolves the escapes (allocating), or
/// [`RawStr::decode_into`] writes the text into a buffer the caller owns (no
/// allocation; a buffer of [`RawStr::as_raw`]`.len()` bytes is always enough). This
/// is how the C ABI hands out a parsed body as pointer and length into the caller's
/// own buffer, with nothing to free.
///
/// Decoding never fails: a lone UTF-16 surrogate (`\ud800`) reads as U+FFFD, and a
/// backslash that starts no valid escape reads as itself.
///
/// ```
/// use dcs_status::RawStr;
///
/// let plain = RawStr::json("DCS.4855");
/// assert_eq!(plain.as_str(), Some("DCS.4855"));
///
/// let escaped = RawStr::json(r#"say \"hi\" \u00e9"#);
/// assert_eq!(escaped.as_str(), None);
/// assert_eq!(escaped.decode(), r#"say "hi" é"#);
/// let mut buf = [0u8; 32];
/// assert_eq!(escaped.decode_into(&mut buf), Some(r#"say "hi" é"#));
/// assert_eq!(escaped, "say \"hi\" é");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RawStr<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> RawStr<'a> {
    /// The content of a JSON string as written between its quotes: escapes are
    /// resolved when it is read.
    ///
    /// ```
    /// let text = dcs_status::RawStr::json(r"tab\there");
    /// assert!(text.has_escapes());
    /// assert_eq!(text.as_raw(), r"tab\there");
    /// assert_eq!(text.decode(), "tab\there");
    /// ```
    pub const fn json(raw: &'a str) -> RawStr<'a> {
        let bytes = raw.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\\' {
                return RawStr { raw, escaped: true };
            }
            i = i.saturating_add(1); // below bytes.len()
        }
        RawStr {
            raw,
            escaped: false,
        }
    }

    /// Literal text, such as a header value: backslashes are just backslashes.
    ///
    /// ```
    /// let text = dcs_status::RawStr::literal(r"tab\there");
    /// assert!(!text.has_escapes());
    /// assert_eq!(text.as_str(), Some(r"tab\there"));
    /// ```
    pub const fn literal(text: &'a str) -> RawStr<'a> {
        RawStr {
            raw: text,
            escaped: false,
        }
    }

    /// The text as it was sent: for a JSON string, with its escapes.
    pub const fn as_raw(&self) -> &'a str {
        self.raw
    }

    /// Whether reading the text needs its escapes resolved (then
    /// [`RawStr::as_str`] is `None`).
    pub const fn has_escapes(&self) -> bool {
        self.escaped
    }

    /// The text, when it is exactly what was sent (no escapes): borrowed, no copy.
    pub const fn as_str(&self) -> Option<&'a str> {
        if self.escaped {
            None
        } else {
            Some(self.raw)
        }
    }

    /// The text, escapes resolved: borrowed when there are none.
    pub fn decode(&self) -> Cow<'a, str> {
        match self.as_str() {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(self.chars().collect()),
        }
    }

    /// The length in bytes of the text with its escapes resolved: never more than
    /// [`RawStr::as_raw`]`.len()`.
    pub fn decoded_len(&self) -> usize {
        match self.as_str() {
            Some(text) => text.len(),
            None => self.chars().map(char::len_utf8).sum(),
        }
    }

    /// Writes the text, escapes resolved, to the start of `out` and returns it; `None`
    /// when `out` is shorter than [`RawStr::decoded_len`] (one of
    /// [`RawStr::as_raw`]`.len()` bytes is always long enough). No allocation.
    ///
    /// ```
    /// let message = dcs_status::RawStr::json(r"caf\u00e9 \ud83d\ude00");
    /// assert_eq!(message.decoded_len(), 10);
    /// let mut buf = [0u8; 10];
    /// assert_eq!(message.decode_into(&mut buf), Some("café 😀"));
    /// assert_eq!(message.decode_into(&mut buf[..9]), None);
    /// ```
    pub fn decode_into<'b>(&self, out: &'b mut [u8]) -> Option<&'b str> {
        let mut len: usize = 0;
        for c in self.chars() {
            let end = len.checked_add(c.len_utf8())?;
            c.encode_utf8(out.get_mut(len..end)?);
            len = end;
        }
        core::str::from_utf8(out.get(..len)?).ok()
    }

    /// The longest start of the text whose decoded length is at most `max` bytes: a
    /// slice of the same raw text, cut between two characters (never inside one, nor
    /// inside an escape). Itself when it is short enough. Linear in `max` at most.
    pub(crate) fn truncated(self, max: usize) -> RawStr<'a> {
        if self.raw.len() <= max {
            // The decoded text is never longer than the raw one.
            return self;
        }
        let mut chars = self.chars();
        let mut decoded: usize = 0;
        loop {
            let before = chars.rest.len();
            match chars.next() {
                Some(c) if decoded.saturating_add(c.len_utf8()) <= max => {
                    decoded = decoded.saturating_add(c.len_utf8());
                }
                _ => {
                    let cut = self.raw.len().saturating_sub(before);
                    let raw = self.raw.get(..cut).unwrap_or_default();
                    return if self.escaped {
                        RawStr::json(raw)
                    } else {
                        RawStr::literal(raw)
                    };
                }
            }
        }
    }

    /// The characters of the text, escapes resolved.
    pub(crate) fn chars(&self) -> Chars<'a> {
        Chars {
            rest: self.raw,
            escaped: self.escaped,
        }
    }
}

impl fmt::Display for RawStr<'_> {
    /// Writes the text, escapes resolved.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_str() {
            Some(text) => f.write_str(text),
            None => self.chars().try_for_each(|c| fmt::Write::write_char(f, c)),
        }
    }
}

impl fmt::Debug for RawStr<'_> {
    /// Writes the text, escapes resolved, as a quoted Rust string.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.chars() {
            write!(f, "{}", c.escape_debug())?;
        }
        f.write_str("\"")
    }
}

impl PartialEq<str> for RawStr<'_> {
    /// Compares the text, escapes resolved (no allocation).
    fn eq(&self, other: &str) -> bool {
        match self.as_str() {
            Some(text) => text == other,
            None => self.chars().eq(other.chars()),
        }
    }
}

impl PartialEq<&str> for RawStr<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// The characters of a [`RawStr`], escapes resolved.
#[derive(Clone, Debug)]
pub(crate) struct Chars<'a> {
    rest: &'a str,
    escaped: bool,
}

impl Iterator for Chars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let mut chars = self.rest.chars();
        let c = chars.next()?;
        if c != '\\' || !self.escaped {
            self.rest = chars.as_str();
            return Some(c);
        }
        let (c, used) = escape(self.rest.as_bytes());
        // `used` counts ASCII bytes only, so it ends on a character boundary.
        self.rest = self.rest.get(used..).unwrap_or_default();
        Some(c)
    }
}

/// The character an escape at the start of `s` (which starts with `\`) stands for,
/// and how many bytes it takes.
fn escape(s: &[u8]) -> (char, usize) {
    let simple = match s.get(1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => return unicode_escape(s),
        _ => return ('\\', 1),
    };
    (simple, 2)
}

/// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at the start of `s`.
fn unicode_escape(s: &[u8]) -> (char, usize) {
    let Some(unit) = hex4(s.get(2..6)) else {
        return ('\\', 1);
    };
    match unit {
        0xD800..=0xDBFF => {
            let low = match s.get(6..8) {
                Some(b"\\u") => hex4(s.get(8..12)),
                _ => None,
            };
            match low {
                Some(low @ 0xDC00..=0xDFFF) => {
                    // At most 0x10000 + (0x3FF << 10) + 0x3FF = 0x10FFFF: no overflow.
                    #[allow(clippy::arithmetic_side_effects)]
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    (char::from_u32(code).unwrap_or('\u{FFFD}'), 12)
                }
                _ => ('\u{FFFD}', 6),
            }
        }
        unit => (char::from_u32(unit).unwrap_or('\u{FFFD}'), 6),
    }
}

/// Four hex digits as a number.
fn hex4(digits: Option<&[u8]>) -> Option<u32> {
    digits?.iter().try_fold(0u32, |n, &d| {
        n.checked_mul(16)?.checked_add(char::from(d).to_digit(16)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(raw: &str) -> String {
        let text = RawStr::json(raw);
        let mut buf = vec![0; raw.len()];
        let into = text.decode_into(&mut buf).map(str::to_owned);
        let decoded = text.decode().into_owned();
        assert_eq!(into.as_deref(), Some(decoded.as_str()), "{raw}");
        assert_eq!(text.decoded_len(), decoded.len(), "{raw}");
        assert_eq!(text.to_string(), decoded, "{raw}");
        assert!(text == decoded.as_str(), "{raw}");
        decoded
    }

    #[test]
    fn simple_escapes() {
        assert_eq!(decoded(r#"\"\\\/\b\f\n\r\t"#), "\"\\/\u{8}\u{c}\n\r\t");
    }

    #[test]
    fn unicode_escapes_and_surrogate_pairs() {
        assert_eq!(decoded(r"\u00e9\u00E9\u4e2d"), "éé中");
        assert_eq!(decoded(r"\ud83d\ude00!"), "😀!");
    }

    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        assert_eq!(decoded(r"\ud800"), "\u{FFFD}");
        assert_eq!(decoded(r"\ud800x"), "\u{FFFD}x");
        assert_eq!(decoded(r"\udc00\ud800\u0041"), "\u{FFFD}\u{FFFD}A");
        assert_eq!(decoded(r"\ud800\ud800\udc00"), "\u{FFFD}\u{10000}");
    }

    #[test]
    fn malformed_escapes_read_as_themselves() {
        assert_eq!(decoded(r"\x"), r"\x");
        assert_eq!(decoded("\\"), "\\");
        assert_eq!(decoded(r"\u12"), r"\u12");
        assert_eq!(decoded(r"\u12g4"), r"\u12g4");
        assert_eq!(decoded(r"\u+123"), r"\u+123");
    }

    #[test]
    fn literals_keep_backslashes() {
        let text = RawStr::literal(r"a\nb");
        assert_eq!(text.as_str(), Some(r"a\nb"));
        assert_eq!(text.decode(), r"a\nb");
        assert!(!text.has_escapes());
    }

    #[test]
    fn truncation_cuts_between_characters_and_escapes() {
        let text = RawStr::json(r"ab\u00e9\ud83d\ude00c");
        let cut = |max| text.truncated(max).decode().into_owned();
        assert_eq!(cut(100), "abé😀c");
        assert_eq!(cut(8), "abé😀");
        assert_eq!(cut(7), "abé");
        assert_eq!(cut(3), "ab");
        assert_eq!(cut(0), "");
        assert_eq!(text.truncated(7).as_raw(), r"ab\u00e9");
        let plain = RawStr::literal("€€€");
        assert_eq!(plain.truncated(7).as_str(), Some("€€"));
        assert_eq!(RawStr::json(r"\n\n").truncated(1).as_raw(), r"\n");
    }

    #[test]
    fn a_short_buffer_is_refused() {
        let text = RawStr::json(r"ab\u00e9");
        assert_eq!(text.decoded_len(), 4);
        assert_eq!(text.decode_into(&mut [0; 3]), None);
        assert_eq!(text.decode_into(&mut [0; 4]), Some("abé"));
    }
}
