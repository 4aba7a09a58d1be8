//! How a message shows a value the user gave: quoted, escaped, shortened.

use std::fmt::Write;

/// At most this many characters of a value are shown; the rest is cut as `…`.
const MAX_CHARS: usize = 64;

// TODO(core): replace with dcs_status::quote
/// `bytes` as a message shows them: in double quotes, escaped as Rust's `{:?}` escapes a
/// string (control characters, combining marks and other invisible characters as
/// `\u{…}`), each byte that is not part of valid UTF-8 as `\xNN`, and cut after
/// [`MAX_CHARS`] characters with `…` after the closing quote.
///
/// The work is bounded by [`MAX_CHARS`], however long `bytes` is, after one scan for
/// valid UTF-8.
pub(crate) fn quote(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut shown = 0;
    for chunk in bytes.utf8_chunks() {
        let invalid = chunk.invalid().iter().map(|&byte| Err::<char, u8>(byte));
        for item in chunk.valid().chars().map(Ok).chain(invalid) {
            if shown == MAX_CHARS {
                out.push_str("\"…");
                return out;
            }
            shown += 1;
            match item {
                // `{:?}` of a string leaves single quotes alone; `char::escape_debug`
                // would write `\'`.
                Ok('\'') => out.push('\''),
                Ok(c) => out.extend(c.escape_debug()),
                Err(byte) => {
                    let _ = write!(out, "\\x{byte:02x}");
                }
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_text_is_quoted_as_rusts_debug_quotes_a_string() {
        for text in [
            "",
            "plain",
            "\u{301}x",
            "e\u{301}",
            "it's \"so\"\\",
            "\t\r\n\0\u{7f}\u{a0}\u{ad}\u{200b}\u{2028}\u{feff}",
            "٣ ６ 😀 \u{fffd}",
        ] {
            assert_eq!(quote(text.as_bytes()), format!("{text:?}"), "{text:?}");
        }
    }

    #[test]
    fn every_char_is_escaped_as_rusts_debug_escapes_it() {
        let mut buf = [0; 4];
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut buf);
            assert_eq!(
                quote(text.as_bytes()),
                format!("{text:?}"),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_hex_escapes() {
        assert_eq!(quote(b"a\xffb\xc3"), r#""a\xffb\xc3""#);
        assert_eq!(quote(b"\xe2\x82"), r#""\xe2\x82""#);
        assert_eq!(quote("é\u{301}".as_bytes()), r#""é\u{301}""#);
    }

    #[test]
    fn at_most_64_characters_are_shown() {
        let exactly = "x".repeat(MAX_CHARS);
        assert_eq!(quote(exactly.as_bytes()), format!("\"{exactly}\""));
        let longer = "é".repeat(1_000_000);
        assert_eq!(
            quote(longer.as_bytes()),
            format!("\"{}\"…", "é".repeat(MAX_CHARS))
        );
        let invalid = vec![0xff; 1_000_000];
        assert_eq!(
            quote(&invalid),
            format!("\"{}\"…", "\\xff".repeat(MAX_CHARS))
        );
    }
}
