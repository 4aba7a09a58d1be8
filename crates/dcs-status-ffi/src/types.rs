//! The structs of the C ABI.

use core::ffi::c_char;

use core_status::{Decision, RawStr};

use crate::enums::{
    dcs_status_action, dcs_status_class, dcs_status_error_advice, dcs_status_lookup_kind,
    dcs_status_retry_advice,
};

/// One entry of the DCS status-code table. Entries are static: never copy the strings,
/// never free anything.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_entry {
    /// The numeric status code.
    pub code: u16,
    /// The code's class.
    pub status_class: dcs_status_class,
    /// What the document advises about retrying.
    pub retry_advice: dcs_status_retry_advice,
    /// The entry's position in the table, 0 to `dcs_status_count() - 1`.
    pub index: u32,
    /// DCS's name, exactly as the document writes it ("NotFound", "Request Time-out").
    pub name: *const c_char,
    /// The name in UPPER_SNAKE_CASE ("NOT_FOUND", "REQUEST_TIME_OUT").
    pub ident: *const c_char,
    /// The reason phrase in today's IANA registry ("Not Found", "Request Timeout").
    pub phrase: *const c_char,
    /// DCS's description, verbatim; paragraphs are separated by a blank line ("\n\n").
    pub description: *const c_char,
}

// SAFETY: an entry's pointers point to immutable 'static NUL-terminated strings (the
// library never makes an entry any other way), so sharing entries between threads is
// sound.
unsafe impl Sync for dcs_status_entry {}

/// A pointer to a static entry, or NULL.
#[repr(transparent)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_entry_ref(pub Option<&'static dcs_status_entry>);

/// The answer for any status code, from `dcs_status_lookup`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_lookup_result {
    /// The code that was looked up.
    pub code: u16,
    /// Whether the code is documented, unrecognized or invalid.
    pub kind: dcs_status_lookup_kind,
    /// The class the code is handled as.
    pub status_class: dcs_status_class,
    /// The entry whose meaning applies: the code's own, the x00 entry of its class
    /// for an unrecognized code, or 500 for 600..999. Never NULL after success.
    pub entry: *const dcs_status_entry,
}

/// A retry decision, from `dcs_status_decide`; `dcs_status_decision_text` writes it
/// as text.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_decision {
    /// What to do.
    pub action: dcs_status_action,
    /// For `DCS_STATUS_ACTION_RETRY_AFTER`, the delay in seconds; otherwise 0.
    pub delay_seconds: u64,
}

impl From<Decision> for dcs_status_decision {
    fn from(d: Decision) -> Self {
        dcs_status_decision {
            action: d.action().into(),
            delay_seconds: d.delay().map_or(0, |delay| delay.as_secs()),
        }
    }
}

/// One entry of the DCS error-code catalogue (the "Error Codes" appendix of the DCS
/// API reference). Entries are static: never copy the strings, never free anything.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_catalogue_entry {
    /// The error code as the document writes it, whitespace removed ("DCS.4855",
    /// "111400017"): what a DCS error body sends as `error_code`.
    pub code: *const c_char,
    /// The HTTP status DCS sends the code with (the document's, which does not always
    /// match the code's family: DCS.4069 is sent with 500).
    pub status: u16,
    /// What the Solution advises.
    pub advice: dcs_status_error_advice,
    /// The entry's position in the catalogue, 0 to `dcs_status_catalogue_count() - 1`,
    /// in document order.
    pub index: u32,
    /// The error message, verbatim; templates keep their placeholders ("{0}", "{}").
    pub message: *const c_char,
    /// The description, verbatim.
    pub description: *const c_char,
    /// The solution, verbatim (RST escapes resolved).
    pub solution: *const c_char,
    /// The status table's entry for `status` (never NULL).
    pub status_entry: *const dcs_status_entry,
}

// SAFETY: as for dcs_status_entry: every pointer of an entry points to immutable
// 'static data (the library never makes an entry any other way), so entries may be
// shared between threads and moved to another (the table is made on one thread and
// read on all).
unsafe impl Sync for dcs_status_catalogue_entry {}
// SAFETY: as for Sync, above.
unsafe impl Send for dcs_status_catalogue_entry {}

/// A piece of text in a buffer of the caller's (a response's body or a header
/// value): `len` bytes of UTF-8 at `ptr`, not NUL-terminated, or absent (`ptr` NULL,
/// `len` 0). It stays valid as long as that buffer does.
///
/// A text from a JSON string is as the body writes it, between its quotes: when
/// `escaped` is true, it holds escapes (`\"`, `\n`, `\u00e9`) that
/// `dcs_status_text_decode` resolves into a buffer; when false, the bytes are the text.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_text {
    /// The first byte, or NULL when the text is absent.
    pub ptr: *const c_char,
    /// The length in bytes (0 when absent).
    pub len: usize,
    /// Whether the bytes hold JSON escapes still to resolve.
    pub escaped: bool,
}

impl dcs_status_text {
    /// The absent text.
    pub(crate) const ABSENT: dcs_status_text = dcs_status_text {
        ptr: core::ptr::null(),
        len: 0,
        escaped: false,
    };
}

impl From<Option<RawStr<'_>>> for dcs_status_text {
    fn from(text: Option<RawStr<'_>>) -> Self {
        match text {
            Some(text) => dcs_status_text {
                ptr: text.as_raw().as_ptr().cast(),
                len: text.as_raw().len(),
                escaped: text.has_escapes(),
            },
            None => dcs_status_text::ABSENT,
        }
    }
}

/// What an error response's body says, from `dcs_status_parse_error_body`: each
/// field a text in the caller's body, absent when the body does not have it as a JSON
/// string.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_error_body {
    /// The error code ("DCS.4855", "APIGW.0308"), as sent.
    pub error_code: dcs_status_text,
    /// The error message, as sent.
    pub error_msg: dcs_status_text,
    /// The extended error message (DCS sends null: absent).
    pub error_ext_msg: dcs_status_text,
    /// The body's own top-level `request_id` (the API gateway sends one); for the
    /// response's request id, see `dcs_status_resolve_request_id`.
    pub request_id: dcs_status_text,
    /// The catalogue's entry for the error code, or NULL when the catalogue lacks it
    /// (or there is no code).
    pub catalogue: *const dcs_status_catalogue_entry,
}

/// One header of a response: `name_len` bytes of name and `value_len` bytes of value
/// (no NUL needed). A pointer may be NULL only with a length of 0.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_header {
    /// The header's name, in any case ("X-Request-Id", "x-request-id").
    pub name: *const c_char,
    /// The name's length in bytes.
    pub name_len: usize,
    /// The header's value.
    pub value: *const c_char,
    /// The value's length in bytes.
    pub value_len: usize,
}

/// One error for one response, from `dcs_status_http_error_from_response`: the
/// status read as RFC 9110 says, the parsed body, the catalogue entry, Retry-After,
/// the request id and the decision. The texts point into the caller's body and
/// header values; the entries are static. Nothing to free.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_http_error {
    /// The status code as received.
    pub code: u16,
    /// Whether the code is documented, unrecognized or invalid.
    pub kind: dcs_status_lookup_kind,
    /// The class the code is handled as.
    pub status_class: dcs_status_class,
    /// The entry whose meaning applies (for an unrecognized code, its class's x00;
    /// 500 for 600..999). Never NULL after success.
    pub status: *const dcs_status_entry,
    /// Whether the response had a Retry-After header that parses.
    pub has_retry_after: bool,
    /// Its delay in seconds (0 when `has_retry_after` is false).
    pub retry_after_seconds: u64,
    /// What to do: the error code's advice first, then the status.
    pub decision: dcs_status_decision,
    /// The body's error code, as sent (at most 4096 bytes once decoded).
    pub error_code: dcs_status_text,
    /// The body's error message, as sent (at most 4096 bytes once decoded).
    pub error_msg: dcs_status_text,
    /// The body's extended error message (at most 4096 bytes once decoded).
    pub error_ext_msg: dcs_status_text,
    /// The request id: the X-Request-Id header, else the body's request_id, else the
    /// X-Openstack-Request-Id header (at most 4096 bytes once decoded).
    pub request_id: dcs_status_text,
    /// The catalogue's entry for the error code, or NULL.
    pub catalogue: *const dcs_status_catalogue_entry,
}
