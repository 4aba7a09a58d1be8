//! Names: the rule that derives an entry's ident, and the forgiving lookup by name.
//!
//! One rule splits a name into words: runs of ASCII letters and digits, split again at
//! camelCase boundaries (`NotFound` → `not found`, `HTTPVersion` → `http version`).
//! The ident is those words in UPPER_SNAKE_CASE; a name matches an entry when its
//! words, compared case-insensitively, are those of one of the entry's names.

use core::fmt;

use crate::{quote, ErrorKind, Quoted, Status};

/// Words of a name in lower case, joined by `_`: the key names are compared by.
///
/// Built in a fixed buffer so that lookup never allocates.
#[derive(Clone, Copy)]
struct Key {
    bytes: [u8; Key::CAPACITY],
    len: usize,
}

impl Key {
    /// Longer than any name any entry has (the longest is 35 bytes).
    const CAPACITY: usize = 48;

    const fn as_bytes(&self) -> &[u8] {
        self.bytes.split_at(self.len).0
    }

    /// Splits `text` into words and joins them lower-cased with `_`.
    ///
    /// With `camel`, camelCase boundaries split words too. With `any_separator`, every
    /// character that is not an ASCII letter or digit separates words (the ident rule,
    /// for the document's own names). Without it (user input), only spaces, tabs, `-`,
    /// `_`, `(` and `)` do, and anything else makes the name unknown. `None` also for a
    /// name with no words or too long a key.
    // Indexes only: `i < text.len()` and `key.len < CAPACITY` are checked before each
    // step, so no sum overflows.
    #[allow(clippy::arithmetic_side_effects)]
    const fn of(text: &[u8], any_separator: bool, camel: bool) -> Option<Key> {
        let mut key = Key {
            bytes: [0; Key::CAPACITY],
            len: 0,
        };
        let mut pending_separator = false;
        let mut i = 0;
        while i < text.len() {
            let c = text[i];
            if !c.is_ascii_alphanumeric() {
                let separator = matches!(c, b' ' | b'\t' | b'-' | b'_' | b'(' | b')');
                if !separator && !any_separator {
                    return None;
                }
                pending_separator = true;
                i += 1;
                continue;
            }
            if (pending_separator || (camel && camel_boundary(text, i))) && key.len > 0 {
                if key.len == Key::CAPACITY {
                    return None;
                }
                key.bytes[key.len] = b'_';
                key.len += 1;
            }
            pending_separator = false;
            if key.len == Key::CAPACITY {
                return None;
            }
            key.bytes[key.len] = c.to_ascii_lowercase();
            key.len += 1;
            i += 1;
        }
        if key.len == 0 {
            None
        } else {
            Some(key)
        }
    }

    /// Byte-wise order, usable in `const` code.
    #[allow(clippy::arithmetic_side_effects)] // `i` stays below both lengths
    const fn cmp(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
        use core::cmp::Ordering;
        let mut i = 0;
        while i < a.len() && i < b.len() {
            if a[i] != b[i] {
                return if a[i] < b[i] {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
            }
            i += 1;
        }
        if a.len() < b.len() {
            Ordering::Less
        } else if a.len() > b.len() {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    }
}

/// Whether the letter or digit at `i` starts a new word by camelCase: an upper-case
/// letter after a lower-case letter or digit (`NotFound`), or the last capital of an
/// acronym followed by a lower-case letter (`HTTPVersion`).
#[allow(clippy::arithmetic_side_effects)] // 0 < i < text.len(), checked first
const fn camel_boundary(text: &[u8], i: usize) -> bool {
    if i == 0 || i >= text.len() || !text[i].is_ascii_uppercase() {
        return false;
    }
    let prev = text[i - 1];
    let next_is_lower = i + 1 < text.len() && text[i + 1].is_ascii_lowercase();
    prev.is_ascii_lowercase()
        || prev.is_ascii_digit()
        || (prev.is_ascii_uppercase() && next_is_lower)
}

/// Derives an ident from a name: its words in UPPER_SNAKE_CASE.
///
/// Words are split at every character that is not an ASCII letter or digit and at
/// camelCase boundaries. This is the rule that names every entry's
/// [`Status::ident`], and every binding's constants.
///
/// ```
/// use dcs_status::ident_from_name;
///
/// assert_eq!(ident_from_name("NoContent"), "NO_CONTENT");
/// assert_eq!(ident_from_name("Request Time-out"), "REQUEST_TIME_OUT");
/// assert_eq!(ident_from_name("Request-URI Too Large"), "REQUEST_URI_TOO_LARGE");
/// assert_eq!(ident_from_name("HTTP Version not supported"), "HTTP_VERSION_NOT_SUPPORTED");
/// assert_eq!(ident_from_name("OK"), "OK");
/// ```
pub fn ident_from_name(name: &str) -> String {
    let mut ident = String::with_capacity(name.len().saturating_add(4));
    let bytes = name.as_bytes();
    let mut start_of_word = false;
    for (i, &c) in bytes.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            start_of_word = true;
            continue;
        }
        if (start_of_word || camel_boundary(bytes, i)) && !ident.is_empty() {
            ident.push('_');
        }
        start_of_word = false;
        ident.push(char::from(c.to_ascii_uppercase()));
    }
    ident
}

/// Reason phrases of earlier RFCs, for codes whose phrase has since changed.
///
/// RFC 2616 (and its §6.1.1 list), RFC 7231 and RFC 4918. Today's IANA phrases, the
/// DCS names and the idents are taken from the table itself.
const OLDER_PHRASES: [(u16, &str); 9] = [
    (408, "Request Time-out"),                // RFC 2616 §6.1.1
    (413, "Request Entity Too Large"),        // RFC 2616
    (413, "Payload Too Large"),               // RFC 7231
    (414, "Request-URI Too Long"),            // RFC 2616
    (414, "Request-URI Too Large"),           // RFC 2616 §6.1.1
    (416, "Requested Range Not Satisfiable"), // RFC 2616
    (422, "Unprocessable Entity"),            // RFC 4918
    (504, "Gateway Time-out"),                // RFC 2616 §6.1.1
    (505, "HTTP Version not supported"),      // RFC 2616
];

/// How many names the index is built from: DCS name, ident and phrase of every entry,
/// and the older phrases.
const NAME_COUNT: usize = 3 * crate::table::LEN + OLDER_PHRASES.len();

/// Every name's key with its code, sorted by key, duplicates (same key, same code)
/// removed. Built at compile time; two entries sharing a key fail the build.
static INDEX: ([(Key, u16); NAME_COUNT], usize) = {
    let empty = Key {
        bytes: [0; Key::CAPACITY],
        len: 0,
    };
    let mut keys = [(empty, 0u16); NAME_COUNT];
    let table = Status::all();
    let mut n = 0;
    let mut i = 0;
    while i < table.len() {
        let s = &table[i];
        let texts = [s.name(), s.ident(), s.phrase()];
        let mut t = 0;
        while t < texts.len() {
            keys[n] = (expect_key(texts[t]), s.code());
            n += 1;
            t += 1;
        }
        i += 1;
    }
    let mut i = 0;
    while i < OLDER_PHRASES.len() {
        keys[n] = (expect_key(OLDER_PHRASES[i].1), OLDER_PHRASES[i].0);
        n += 1;
        i += 1;
    }
    // Insertion sort, then drop repeats.
    let mut i = 1;
    while i < n {
        let mut j = i;
        while j > 0
            && matches!(
                Key::cmp(keys[j - 1].0.as_bytes(), keys[j].0.as_bytes()),
                core::cmp::Ordering::Greater
            )
        {
            let tmp = keys[j - 1];
            keys[j - 1] = keys[j];
            keys[j] = tmp;
            j -= 1;
        }
        i += 1;
    }
    let mut unique = 0;
    let mut i = 0;
    while i < n {
        if unique > 0
            && matches!(
                Key::cmp(keys[unique - 1].0.as_bytes(), keys[i].0.as_bytes()),
                core::cmp::Ordering::Equal
            )
        {
            assert!(keys[unique - 1].1 == keys[i].1, "two codes share a name");
        } else {
            keys[unique] = keys[i];
            unique += 1;
        }
        i += 1;
    }
    (keys, unique)
};

const fn expect_key(text: &str) -> Key {
    match Key::of(text.as_bytes(), true, true) {
        Some(key) => key,
        None => panic!("a table name has no words or is too long"),
    }
}

/// Finds the entry a name refers to, forgivingly.
///
/// Accepts DCS's name, the ident, today's IANA phrase, and the older phrases of
/// RFC 2616, RFC 7231 and RFC 4918 (`"Gateway Time-out"`, `"Request Entity Too
/// Large"`, `"Payload Too Large"`, `"Request-URI Too Long"`, `"Unprocessable
/// Entity"`, ...), in any case, with spaces, tabs, hyphens and underscores
/// interchangeable, parentheses read as spaces (`"(Unused)"`) and camelCase read as
/// separate words (`"NotFound"`, `"notFound"`). Surrounding spaces are ignored. Any
/// other name is an error, never a guess.
///
/// No allocation on success; an unknown name's error keeps a [`Quoted`] copy of at
/// most its first 64 characters, whatever its length.
///
/// ```
/// use dcs_status::{from_name, Status};
///
/// for name in ["not found", "NOT_FOUND", "not-found", "NotFound", "Not Found"] {
///     assert_eq!(from_name(name), Ok(Status::NOT_FOUND));
/// }
/// assert_eq!(from_name("Gateway Time-out").unwrap().code(), 504);
/// assert!(from_name("not founded").is_err());
/// ```
pub fn from_name(name: &str) -> Result<&'static Status, UnknownNameError> {
    find(name.as_bytes()).ok_or_else(|| UnknownNameError::new(name))
}

/// [`from_name`] on raw bytes, never allocating: `None` for an unknown name, including
/// any that is not ASCII. The C ABI's `dcs_status_from_name` calls it (after checking
/// UTF-8); [`UnknownNameError::new`] makes the error when one is wanted.
///
/// ```
/// assert_eq!(dcs_status::from_name_bytes(b"not found").map(|s| s.code()), Some(404));
/// assert!(dcs_status::from_name_bytes(b"no\xffname").is_none());
/// ```
pub fn from_name_bytes(name: &[u8]) -> Option<&'static Status> {
    find(name)
}

/// Looks `name` up with its words split at separators only (`nOt FoUnD`), then also at
/// camelCase boundaries (`NotFound`, `notFound`).
fn find(name: &[u8]) -> Option<&'static Status> {
    let (keys, len) = &INDEX;
    let keys = keys.get(..*len)?;
    let find_key = |key: Key| {
        let at = keys
            .binary_search_by(|(k, _)| Key::cmp(k.as_bytes(), key.as_bytes()))
            .ok()?;
        Status::from_code(keys.get(at)?.1)
    };
    find_key(Key::of(name, false, false)?).or_else(|| find_key(Key::of(name, false, true)?))
}

/// The error of [`from_name`]: no entry has this name.
///
/// It keeps the name [`quote`]d, so a huge name costs no more than a short one.
///
/// ```
/// use dcs_status::{from_name, ErrorKind};
///
/// let err = from_name("no such\tname").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownName);
/// assert_eq!(
///     err.to_string(),
///     r#"unknown status name "no such\tname": expected a DCS name ("NotFound"), an ident ("NOT_FOUND") or a reason phrase ("Not Found")"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownNameError {
    // Boxed: a `Quoted` is a few hundred bytes, too many to return by value in every
    // `Result` of a lookup by name.
    name: Box<Quoted>,
}

impl UnknownNameError {
    /// The error for `name` (raw bytes: UTF-8 or not), which is quoted, not copied.
    pub fn new(name: impl AsRef<[u8]>) -> Self {
        UnknownNameError {
            name: Box::new(quote(name)),
        }
    }

    /// The name as it was given, quoted and possibly shortened.
    pub fn name(&self) -> &Quoted {
        &self.name
    }

    /// [`ErrorKind::UnknownName`].
    pub const fn kind(&self) -> ErrorKind {
        ErrorKind::UnknownName
    }
}

impl fmt::Display for UnknownNameError {
    /// `unknown status name "nope": expected a DCS name ("NotFound"), an ident
    /// ("NOT_FOUND") or a reason phrase ("Not Found")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        unknown_name(f, &self.name)
    }
}

impl std::error::Error for UnknownNameError {}

/// The message of [`ErrorKind::UnknownName`] about `name`.
pub(crate) fn unknown_name(f: &mut fmt::Formatter<'_>, name: &Quoted) -> fmt::Result {
    write!(
        f,
        "unknown status name {name}: expected a DCS name (\"NotFound\"), an ident (\"NOT_FOUND\") or a reason phrase (\"Not Found\")"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_split_words_the_same_way_as_idents() {
        for s in Status::all() {
            for text in [s.name(), s.ident(), s.phrase()] {
                let key = Key::of(text.as_bytes(), true, true).unwrap();
                assert_eq!(
                    key.as_bytes(),
                    ident_from_name(text).to_ascii_lowercase().as_bytes(),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn user_input_only_takes_spaces_hyphens_underscores_and_parentheses_between_words() {
        assert!(find(b"not.found").is_none());
        assert!(find(b"not/found").is_none());
        assert!(find("not\u{a0}found".as_bytes()).is_none());
        assert_eq!(find(b"(Unused)").map(Status::code), Some(306));
        assert_eq!(find(b" \tnot found\t ").map(Status::code), Some(404));
    }

    #[test]
    fn empty_and_overlong_names_are_unknown() {
        assert!(find(b"").is_none());
        assert!(find(b"   ").is_none());
        assert!(find(b"-_-").is_none());
        assert!(find(&[b'a'; 200]).is_none());
    }

    #[test]
    fn words_must_match_whole() {
        assert!(find(b"notfound").is_none());
        assert!(find(b"not found please").is_none());
        assert!(find(b"n o t found").is_none());
    }

    #[test]
    fn older_phrases_resolve() {
        for (code, phrase) in OLDER_PHRASES {
            assert_eq!(
                find(phrase.as_bytes()).map(Status::code),
                Some(code),
                "{phrase}"
            );
        }
    }
}
