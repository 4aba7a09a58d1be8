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

/// The settings of a retry loop (the core's `dcs_status::RetryPolicy`, whose
/// documentation gives the reasons for the defaults): plain data, copied freely.
///
/// Start from `dcs_status_retry_policy_default()` and change fields; a struct filled
/// by hand must hold a `DCS_STATUS_JITTER_*` value in `jitter` (any other number gets
/// `DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER` from every function that reads the policy;
/// 0, from a zeroed struct, is none). `dcs_status_retry_policy_validate` says whether
/// the settings make sense; `dcs_status_retry_policy_step` answers for any values.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct dcs_status_retry_policy {
    /// Attempts in all, the first included: 3 (the default) means at most two
    /// retries. A step reads 0 as 1.
    pub max_attempts: u32,
    /// How a backoff delay is drawn: a `dcs_status_jitter` value (default
    /// `DCS_STATUS_JITTER_FULL`).
    pub jitter: u32,
    /// The base delay of transient retries, in milliseconds (default 50).
    pub base_transient_ms: u64,
    /// The base delay of throttle retries, in milliseconds (default 1000).
    pub base_throttle_ms: u64,
    /// The base delay of busy retries, in milliseconds (default 2000).
    pub base_busy_ms: u64,
    /// The longest backoff delay, in milliseconds (default 20000). A Retry-After
    /// delay is limited by `max_retry_after_s` instead.
    pub cap_ms: u64,
    /// The longest Retry-After honoured, in seconds (default 300); a longer one is
    /// `DCS_STATUS_RETRY_REASON_RETRY_AFTER_TOO_LONG`.
    pub max_retry_after_s: u64,
}

/// The attempt just made and what came back: what `dcs_status_retry_policy_step`
/// reads (the core's `dcs_status::StepInput`).
///
/// A zeroed struct (`dcs_status_step_input in = {0};`) means: attempt 1, no
/// Retry-After, no error code, not idempotent, the system clock, a draw from the
/// library's random source, no previous delay, no deadline; set `attempt` and
/// `status`, then what the response had. Text is pointer + length (no NUL needed or
/// read); a NULL pointer means absent, whatever the length.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_step_input {
    /// The number of the attempt just made: 1 for the first (also the number of the
    /// retry that would follow). 0 is read as 1.
    pub attempt: u32,
    /// The response's HTTP status code; a number outside 100..999 is
    /// `DCS_STATUS_RETRY_REASON_STATUS`.
    pub status: i64,
    /// The response's Retry-After value as received (delay-seconds or an
    /// HTTP-date), or NULL if it had none. One that does not parse counts as absent.
    pub retry_after: *const c_char,
    /// The Retry-After value's length in bytes.
    pub retry_after_len: usize,
    /// The `error_code` of the response's body ("DCS.4111"), as received, or NULL if
    /// it had none; looked up as `dcs_status_catalogue_lookup` does. A code the
    /// catalogue lacks gives no advice.
    pub error_code: *const c_char,
    /// The error code's length in bytes.
    pub error_code_len: usize,
    /// Whether the request may safely be sent twice
    /// (`dcs_status_method_is_idempotent`).
    pub idempotent: bool,
    /// Whether `now` is set; when false, an HTTP-date Retry-After is read against
    /// the system clock.
    pub has_now: bool,
    /// The current time in Unix seconds, for an HTTP-date Retry-After.
    pub now: i64,
    /// Whether `random` is set; when false, the step draws from the library's fast
    /// random source (`dcs_status_random_unit`).
    pub has_random: bool,
    /// The random draw u in [0, 1) that places a jittered delay (for reproducible
    /// delays). NaN and negatives are read as 0, 1 and more as the largest double
    /// below 1 (`dcs_status_step_input_validate` reports them).
    pub random: f64,
    /// The previous retry's delay in milliseconds: only decorrelated jitter reads
    /// it, and not for the first retry.
    pub previous_delay_ms: u64,
    /// Whether `time_left_ms` is set (a deadline).
    pub has_time_left: bool,
    /// The time left before the caller's deadline, in milliseconds, measured when
    /// the response came; a retry whose delay is longer is
    /// `DCS_STATUS_RETRY_REASON_DEADLINE`.
    pub time_left_ms: u64,
    /// Whether the request has a body that cannot be sent again (one a read
    /// callback streamed and cannot rewind): a retry a rule calls for is then
    /// `DCS_STATUS_RETRY_REASON_UNREPLAYABLE_BODY`. False (zero) for no body or one
    /// the client can send again.
    pub unreplayable_body: bool,
}

/// What `dcs_status_retry_policy_step` decided, and what its log line cites (the
/// core's `dcs_status::RetryStep`). The first fields are the decision, the rest echo
/// the input. Enum fields are `uint32_t` holding the named enum's values.
///
/// A step is also read back, by `dcs_status_retry_budget_record_success` and
/// `dcs_status_retry_step_log_line`: pass it as the step function wrote it. A field
/// that holds a value the header does not define gets
/// `DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_retry_step {
    /// Whether to send the request again: a `dcs_status_step_action` value.
    pub action: u32,
    /// How long to wait before sending it again, in milliseconds; 0 for
    /// `DCS_STATUS_STEP_ACTION_DO_NOT_RETRY`.
    pub delay_ms: u64,
    /// Whether `category` is set: when a rule called for a retry (rules 4 to 8),
    /// even if the Retry-After was too long, the deadline too near or the budget
    /// empty.
    pub has_category: bool,
    /// The kind of retry: a `dcs_status_retry_category` value; 0 when
    /// `has_category` is false.
    pub category: u32,
    /// Why: a `dcs_status_retry_reason` value.
    pub reason: u32,
    /// Whether `tokens_after` is set: when a budget was given.
    pub has_tokens_after: bool,
    /// The budget's tokens after this step; 0 when `has_tokens_after` is false.
    pub tokens_after: u32,
    /// The attempt just made, as read (0 was read as 1).
    pub attempt: u32,
    /// The policy's `max_attempts`.
    pub max_attempts: u32,
    /// The status, as given.
    pub status: i64,
    /// Whether `retry_after_s` is set: when rule 4 read a valid Retry-After.
    pub has_retry_after: bool,
    /// The server's Retry-After in seconds; 0 when `has_retry_after` is false.
    pub retry_after_s: u64,
    /// The catalogue's entry for the input's error code, or NULL.
    pub catalogue: *const dcs_status_catalogue_entry,
}
