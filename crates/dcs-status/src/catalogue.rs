//! The DCS error-code catalogue: the "Error Codes" appendix of the DCS API
//! reference, one entry per code a DCS error body can carry.
//!
//! `data/error-codes.rst` is the project's copy of the page and the one source of
//! truth: `build.rs` reads its rows into the static table included below, so a new
//! version of the page is a file drop. What the crate derives from a row (its
//! [`ErrorAdvice`], its link to the status table) is computed from the row's text by
//! `const fn`s at compile time; a row whose status is not in the status table fails
//! the build. `tests/catalogue_matches_document.rs` checks the table against the
//! document, entry by entry, with a parser of its own.

use core::ffi::CStr;
use core::fmt;

use crate::Status;

mod advice;
mod json;
/// The lookup key of a code and its hash, shared with `build.rs`.
mod key;
mod unknown;

pub use advice::ErrorAdvice;
pub use json::{catalogue_entry_json, catalogue_json};
pub(crate) use unknown::unknown_error_code;
pub use unknown::UnknownErrorCode;

use key::Key;

/// One entry of the DCS error-code catalogue: an error code, the HTTP status DCS
/// sends it with, and the page's message, description and solution.
///
/// Entries are `'static`: get one from [`CatalogueEntry::lookup`] or
/// [`CatalogueEntry::all`].
///
/// ```
/// use dcs_status::{CatalogueEntry, ErrorAdvice, Status};
///
/// let entry = CatalogueEntry::lookup("DCS.4111").unwrap();
/// assert_eq!(entry.code(), "DCS.4111");
/// assert_eq!(entry.status(), Status::BAD_REQUEST);
/// assert_eq!(entry.message(), "the instance is restarting.");
/// assert_eq!(entry.solution(), "Try again later or contact technical support.");
/// assert_eq!(entry.advice(), ErrorAdvice::RetryLater);
/// assert_eq!(entry.to_string(), "DCS.4111: the instance is restarting.");
/// ```
#[derive(PartialEq, Eq, Hash)]
pub struct CatalogueEntry {
    index: u16,
    /// The texts, as indexes into `SPANS` (no pointers: a table of plain numbers).
    code: u16,
    message: u16,
    description: u16,
    solution: u16,
    /// The HTTP status code, which the status table has (checked at compile time).
    status: u16,
    advice: ErrorAdvice,
}

impl CatalogueEntry {
    /// An entry from a row of the document (used by the generated table), its texts
    /// given as indexes into `SPANS`.
    ///
    /// The advice is derived from the solution, and the status must be in the status
    /// table: a row whose status is not fails the build.
    const fn row(
        index: u16,
        code: u16,
        status: u16,
        message: u16,
        description: u16,
        solution: u16,
    ) -> CatalogueEntry {
        assert!(
            Status::from_code(status).is_some(),
            "an error code's status is not in the status table"
        );
        CatalogueEntry {
            index,
            advice: ErrorAdvice::from_solution(const_text(solution)),
            code,
            status,
            message,
            description,
            solution,
        }
    }

    /// The error code as the document writes it, with whitespace removed
    /// (`DCS.4855`, `111400017`): what a DCS error body sends as `error_code`.
    ///
    /// ```
    /// // The document writes "DCS. 4855".
    /// let entry = dcs_status::CatalogueEntry::lookup("DCS. 4855").unwrap();
    /// assert_eq!(entry.code(), "DCS.4855");
    /// assert_eq!(entry.code_cstr(), c"DCS.4855");
    /// ```
    pub fn code(&self) -> &'static str {
        text(self.code)
    }

    /// [`CatalogueEntry::code`] as a NUL-terminated C string (for the C ABI).
    pub fn code_cstr(&self) -> &'static CStr {
        cstr(self.code)
    }

    /// The entry in the status table for the HTTP status DCS sends this code with.
    ///
    /// This is the document's status, which does not always match the code's family
    /// (`DCS.4069` is sent with 500):
    ///
    /// ```
    /// let entry = dcs_status::CatalogueEntry::lookup("DCS.4069").unwrap();
    /// assert_eq!(entry.status().code(), 500);
    /// ```
    pub const fn status(&self) -> &'static Status {
        match Status::from_code(self.status) {
            Some(status) => status,
            // Unreachable: `row` checked the code at compile time.
            None => Status::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error message, verbatim; templates keep their placeholders (`{0}`, `{}`)
    /// as the document writes them.
    ///
    /// ```
    /// let entry = dcs_status::CatalogueEntry::lookup("DCS.4062").unwrap();
    /// assert_eq!(entry.message(), "Invalid {0} parameter in the request.");
    /// assert_eq!(entry.message_cstr(), c"Invalid {0} parameter in the request.");
    /// ```
    pub fn message(&self) -> &'static str {
        text(self.message)
    }

    /// [`CatalogueEntry::message`] as a NUL-terminated C string (for the C ABI).
    pub fn message_cstr(&self) -> &'static CStr {
        cstr(self.message)
    }

    /// The description, verbatim.
    ///
    /// ```
    /// let entry = dcs_status::CatalogueEntry::lookup("DCS.4111").unwrap();
    /// assert_eq!(entry.description(), "Restarting the instance... Please try again later.");
    /// ```
    pub fn description(&self) -> &'static str {
        text(self.description)
    }

    /// [`CatalogueEntry::description`] as a NUL-terminated C string (for the C ABI).
    pub fn description_cstr(&self) -> &'static CStr {
        cstr(self.description)
    }

    /// The solution, verbatim (RST escapes resolved: `\*` reads `*`).
    ///
    /// ```
    /// let entry = dcs_status::CatalogueEntry::lookup("DCS.5000").unwrap();
    /// assert_eq!(entry.solution(), "Contact technical support.");
    /// ```
    pub fn solution(&self) -> &'static str {
        text(self.solution)
    }

    /// [`CatalogueEntry::solution`] as a NUL-terminated C string (for the C ABI).
    pub fn solution_cstr(&self) -> &'static CStr {
        cstr(self.solution)
    }

    /// What the solution advises: [`ErrorAdvice::from_solution`] of
    /// [`CatalogueEntry::solution`].
    pub const fn advice(&self) -> ErrorAdvice {
        self.advice
    }

    /// The entry's position in [`CatalogueEntry::all`] (0 for the first).
    ///
    /// ```
    /// use dcs_status::CatalogueEntry;
    ///
    /// let entry = CatalogueEntry::lookup("111400017").unwrap();
    /// assert_eq!(CatalogueEntry::all()[entry.index()].code(), "111400017");
    /// ```
    pub const fn index(&self) -> usize {
        self.index as usize
    }

    /// The whole catalogue, in document order.
    ///
    /// ```
    /// use dcs_status::CatalogueEntry;
    ///
    /// let all = CatalogueEntry::all();
    /// assert!(all.iter().any(|e| e.code() == "DCS.4855"));
    /// assert!(all.iter().enumerate().all(|(i, e)| e.index() == i));
    /// ```
    pub const fn all() -> &'static [CatalogueEntry] {
        &ENTRIES
    }

    /// The entry for an error code, forgivingly: ASCII case is ignored and ASCII
    /// whitespace anywhere is skipped, so `dcs.4855`, `" DCS. 4855 "` and `DCS.4855`
    /// are one code. Both of the document's families are found: `DCS.4111` and
    /// `111400017`.
    ///
    /// A code that is not in the catalogue is an [`UnknownErrorCode`], never a guess.
    /// Constant time (a perfect hash built from the document at compile time), no
    /// allocation, memory independent of the input's length.
    ///
    /// ```
    /// use dcs_status::CatalogueEntry;
    ///
    /// for code in ["DCS.4855", "dcs.4855", " DCS. 4855 "] {
    ///     assert_eq!(CatalogueEntry::lookup(code).unwrap().code(), "DCS.4855");
    /// }
    /// assert_eq!(CatalogueEntry::lookup(b"111400017").unwrap().status().code(), 400);
    ///
    /// let unknown = CatalogueEntry::lookup("DCS.9999").unwrap_err();
    /// assert_eq!(
    ///     unknown.to_string(),
    ///     "unknown DCS error code \"DCS.9999\": not in the error-code catalogue"
    /// );
    /// ```
    // The error is the quoted code, inline: a lookup allocates nothing even for a code
    // the catalogue lacks (the C ABI promises it), at the price of a large `Err`.
    #[allow(clippy::result_large_err)]
    pub fn lookup<C: AsRef<[u8]> + ?Sized>(
        code: &C,
    ) -> Result<&'static CatalogueEntry, UnknownErrorCode> {
        let code = code.as_ref();
        find(code).ok_or_else(|| UnknownErrorCode::new(code))
    }
}

impl CatalogueEntry {
    /// Whether `text` has the form of a catalogue code, found or not: `DCS.` and one or
    /// more digits, or `111` and six more digits (the older family, `111SSSNNN`),
    /// ignoring ASCII case and whitespace as [`CatalogueEntry::lookup`] does.
    ///
    /// This is how a query is told apart from a status code: a 3-digit number is a
    /// status code, a 9-digit `111...` number an error code (`dcs-status 111400017`).
    ///
    /// ```
    /// use dcs_status::CatalogueEntry;
    ///
    /// for code in ["DCS.4111", " dcs. 4855 ", "DCS.9999", "111400017", "111 400 999"] {
    ///     assert!(CatalogueEntry::is_code_form(code), "{code}");
    /// }
    /// for other in ["400", "111400", "1114000170", "DCS.", "DCS.48x", "APIGW.0308", "not found"] {
    ///     assert!(!CatalogueEntry::is_code_form(other), "{other}");
    /// }
    /// ```
    pub fn is_code_form(text: impl AsRef<[u8]>) -> bool {
        let Some(key) = Key::of(text.as_ref()) else {
            return false;
        };
        let bytes = key.word().to_le_bytes();
        let code = bytes.get(..key.len()).unwrap_or_default();
        match code {
            [b'D', b'C', b'S', b'.', digits @ ..] => {
                !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
            }
            [b'1', b'1', b'1', rest @ ..] => rest.len() == 6 && rest.iter().all(u8::is_ascii_digit),
            _ => false,
        }
    }
}

impl fmt::Display for CatalogueEntry {
    /// Writes the code and its message: `DCS.4855: Master standby swap is not
    /// supported.`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl fmt::Debug for CatalogueEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatalogueEntry")
            .field("index", &self.index)
            .field("code", &self.code())
            .field("status", &self.status)
            .field("message", &self.message())
            .field("advice", &self.advice)
            .finish()
    }
}

/// The bytes of the catalogue text at `index` in `TEXT`, with the NUL that follows
/// it or without (an index the generated table holds: in range).
const fn span(index: u16, nul: bool) -> &'static [u8] {
    let index = index as usize;
    if index >= SPANS.len() {
        return &[];
    }
    // In range: checked above.
    #[allow(clippy::indexing_slicing)]
    let (start, len) = SPANS[index];
    let len = (len as usize).saturating_add(nul as usize);
    let Some((_, rest)) = TEXT.as_bytes().split_at_checked(start as usize) else {
        return &[];
    };
    match rest.split_at_checked(len) {
        Some((text, _)) => text,
        None => &[],
    }
}

/// The catalogue text at `index`, in constant time (a `str` slice of `TEXT`).
fn text(index: u16) -> &'static str {
    SPANS
        .get(usize::from(index))
        .and_then(|&(start, len)| {
            TEXT.get(start as usize..(start as usize).saturating_add(len as usize))
        })
        .unwrap_or_default()
}

/// [`text`] at compile time (checked as UTF-8 again: linear, for `row` only).
const fn const_text(index: u16) -> &'static str {
    match core::str::from_utf8(span(index, false)) {
        Ok(text) => text,
        Err(_) => "",
    }
}

/// The catalogue text at `index` as a C string (linear in its length: the C ABI reads
/// each once, to build its table).
fn cstr(index: u16) -> &'static CStr {
    CStr::from_bytes_with_nul(span(index, true)).unwrap_or_default()
}

/// Probes the perfect hash for `code`'s key; `None` for any code not in the table.
#[inline]
fn find(code: &[u8]) -> Option<&'static CatalogueEntry> {
    let key = Key::of(code)?;
    let hash = key.hash(SEED);
    let pilot = PILOTS[key::bucket(hash, PILOTS.len())];
    let index = usize::from(SLOTS[key::slot(hash, pilot, SLOTS.len())]);
    let entry = ENTRIES.get(index)?;
    if KEYS[index] == key.word() && entry.code().len() == key.len() {
        Some(entry)
    } else {
        None
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogue_table.rs"));

// The probe masks with `len - 1`.
const _: () = assert!(PILOTS.len().is_power_of_two() && SLOTS.len().is_power_of_two());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_found_in_its_own_slot() {
        for entry in CatalogueEntry::all() {
            let found = find(entry.code().as_bytes()).map(CatalogueEntry::index);
            assert_eq!(found, Some(entry.index()), "{}", entry.code());
        }
    }

    #[test]
    fn every_empty_slot_is_empty_and_every_entry_has_one_slot() {
        let mut used: Vec<u16> = SLOTS.iter().copied().filter(|&s| s != u16::MAX).collect();
        used.sort_unstable();
        let expected: Vec<u16> = (0..LEN as u16).collect();
        assert_eq!(used, expected);
    }

    #[test]
    fn every_entry_has_its_codes_key_and_length() {
        for (entry, &word) in CatalogueEntry::all().iter().zip(&KEYS) {
            let key = Key::of(entry.code().as_bytes()).unwrap();
            assert_eq!((key.word(), key.len()), (word, entry.code().len()));
        }
    }

    #[test]
    fn keys_ignore_whitespace_and_case_and_nothing_else() {
        let key = |code: &str| Key::of(code.as_bytes());
        assert_eq!(key(" dcs .\t48\n55 "), key("DCS.4855"));
        assert_ne!(key("DCS-4855"), key("DCS.4855"));
        assert_ne!(key("DCS.4855\0"), key("DCS.4855"));
        assert_eq!(key(""), None);
        assert_eq!(key(" \t\r\n"), None);
        assert_eq!(
            key(&"1".repeat(Key::CAPACITY)).map(|k| k.len()),
            Some(Key::CAPACITY)
        );
        assert_eq!(key(&"1".repeat(Key::CAPACITY + 1)), None);
    }

    #[test]
    fn text_and_c_string_agree() {
        for e in CatalogueEntry::all() {
            for (s, c) in [
                (e.code(), e.code_cstr()),
                (e.message(), e.message_cstr()),
                (e.description(), e.description_cstr()),
                (e.solution(), e.solution_cstr()),
            ] {
                assert_eq!(c.to_str(), Ok(s));
            }
        }
    }
}
