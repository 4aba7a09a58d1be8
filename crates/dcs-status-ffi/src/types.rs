//! The types of the C ABI. Enum values are fixed forever: new values get new numbers,
//! old numbers are never reused.

use core::ffi::{c_char, CStr};

use core_status::{Class, Decision, Kind, RetryAdvice, RetryAfterError};

/// The result of a function that can fail. `DCS_STATUS_RESULT_OK` is 0; every error is
/// positive. `dcs_status_result_message` explains each.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_result {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    ErrNullPointer = 1,
    /// The number is not a status code: outside 100..999.
    ErrNotAStatusCode = 2,
    /// No entry has this name.
    ErrUnknownName = 3,
    /// The text is not valid UTF-8.
    ErrInvalidUtf8 = 4,
    /// The Retry-After value is empty or only spaces.
    ErrRetryAfterEmpty = 5,
    /// The Retry-After value is not delay-seconds (ASCII digits only) and does not
    /// start with a letter as an HTTP-date does.
    ErrRetryAfterInvalidDelay = 6,
    /// The Retry-After value is not an HTTP-date in any of its three forms.
    ErrRetryAfterInvalidDate = 7,
    /// The Retry-After value has the form of an HTTP-date, but no such date or time
    /// exists (31 November, hour 25, ...).
    ErrRetryAfterImpossibleDate = 8,
    /// An internal error of the library (a bug): please report it.
    ErrPanic = 9,
}

impl dcs_status_result {
    /// Every result, in value order.
    pub(crate) const ALL: [dcs_status_result; 10] = [
        dcs_status_result::Ok,
        dcs_status_result::ErrNullPointer,
        dcs_status_result::ErrNotAStatusCode,
        dcs_status_result::ErrUnknownName,
        dcs_status_result::ErrInvalidUtf8,
        dcs_status_result::ErrRetryAfterEmpty,
        dcs_status_result::ErrRetryAfterInvalidDelay,
        dcs_status_result::ErrRetryAfterInvalidDate,
        dcs_status_result::ErrRetryAfterImpossibleDate,
        dcs_status_result::ErrPanic,
    ];

    /// A sentence explaining the result; Retry-After errors use the core's messages.
    pub(crate) const fn message(self) -> &'static CStr {
        match self {
            dcs_status_result::Ok => c"success",
            dcs_status_result::ErrNullPointer => c"a required pointer argument was NULL",
            dcs_status_result::ErrNotAStatusCode => {
                c"not a status code: status codes are three-digit numbers from 100 to 999"
            }
            dcs_status_result::ErrUnknownName => c"unknown status name: expected a DCS name (\"NotFound\"), an ident (\"NOT_FOUND\") or a reason phrase (\"Not Found\")",
            dcs_status_result::ErrInvalidUtf8 => c"the text is not valid UTF-8",
            dcs_status_result::ErrRetryAfterEmpty => RetryAfterError::Empty.message_cstr(),
            dcs_status_result::ErrRetryAfterInvalidDelay => {
                RetryAfterError::InvalidDelay.message_cstr()
            }
            dcs_status_result::ErrRetryAfterInvalidDate => {
                RetryAfterError::InvalidDate.message_cstr()
            }
            dcs_status_result::ErrRetryAfterImpossibleDate => {
                RetryAfterError::ImpossibleDate.message_cstr()
            }
            dcs_status_result::ErrPanic => {
                c"internal error in libdcs_status (a bug): please report it"
            }
        }
    }
}

impl From<RetryAfterError> for dcs_status_result {
    fn from(e: RetryAfterError) -> Self {
        match e {
            RetryAfterError::Empty => dcs_status_result::ErrRetryAfterEmpty,
            RetryAfterError::InvalidDelay => dcs_status_result::ErrRetryAfterInvalidDelay,
            RetryAfterError::InvalidDate => dcs_status_result::ErrRetryAfterInvalidDate,
            RetryAfterError::ImpossibleDate => dcs_status_result::ErrRetryAfterImpossibleDate,
        }
    }
}

/// The class of a status code; the value is the code's first digit.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_class {
    /// 1xx
    Informational = 1,
    /// 2xx
    Success = 2,
    /// 3xx
    Redirection = 3,
    /// 4xx
    ClientError = 4,
    /// 5xx (and 600..999, which are handled as server errors)
    ServerError = 5,
}

impl dcs_status_class {
    /// The C value of a core class (`const`, for the static table).
    pub(crate) const fn from_core(c: Class) -> Self {
        match c {
            Class::Informational => dcs_status_class::Informational,
            Class::Success => dcs_status_class::Success,
            Class::Redirection => dcs_status_class::Redirection,
            Class::ClientError => dcs_status_class::ClientError,
            Class::ServerError => dcs_status_class::ServerError,
        }
    }
}

/// What the document advises about retrying a request that got this code.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_retry {
    /// 1xx-3xx: not an error, nothing to retry.
    None = 1,
    /// The request may be re-initiated without modification (408).
    Retry = 2,
    /// Re-initiate after the time in the Retry-After header (413, 429).
    RetryAfter = 3,
    /// Modify the request instead of re-initiating it (400, 403, 404, 405, 503).
    ModifyRequest = 4,
    /// An error about which the document gives no advice.
    Unspecified = 5,
}

impl dcs_status_retry {
    /// The C value of a core retry advice (`const`, for the static table).
    pub(crate) const fn from_core(r: RetryAdvice) -> Self {
        match r {
            RetryAdvice::None => dcs_status_retry::None,
            RetryAdvice::Retry => dcs_status_retry::Retry,
            RetryAdvice::RetryAfter => dcs_status_retry::RetryAfter,
            RetryAdvice::ModifyRequest => dcs_status_retry::ModifyRequest,
            RetryAdvice::Unspecified => dcs_status_retry::Unspecified,
        }
    }
}

/// How a looked-up code relates to the table.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_kind {
    /// The table has the code.
    Documented = 1,
    /// 100..599 but not in the table: handled as the x00 code of its class
    /// (RFC 9110 section 15).
    Unrecognized = 2,
    /// 600..999: not a valid status code; handled as a server error with the meaning
    /// of 500 (RFC 9110 section 15).
    Invalid = 3,
}

impl From<Kind> for dcs_status_kind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Documented => dcs_status_kind::Documented,
            Kind::Unrecognized => dcs_status_kind::Unrecognized,
            Kind::Invalid => dcs_status_kind::Invalid,
        }
    }
}

/// What a client should do about a response.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_action {
    /// Do not send the request again.
    DoNotRetry = 1,
    /// Send it again after `delay_seconds`, from the Retry-After header.
    RetryAfter = 2,
    /// Send it again after a delay of the caller's own backoff policy.
    RetryWithBackoff = 3,
}

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
    pub retry: dcs_status_retry,
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
    pub kind: dcs_status_kind,
    /// The class the code is handled as.
    pub status_class: dcs_status_class,
    /// The entry whose meaning applies: the code's own, the x00 entry of its class
    /// for an unrecognized code, or 500 for 600..999. Never NULL after success.
    pub entry: *const dcs_status_entry,
}

/// A retry decision, from `dcs_status_decide`.
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
        match d {
            Decision::DoNotRetry => dcs_status_decision {
                action: dcs_status_action::DoNotRetry,
                delay_seconds: 0,
            },
            Decision::RetryAfter(delay) => dcs_status_decision {
                action: dcs_status_action::RetryAfter,
                delay_seconds: delay.as_secs(),
            },
            Decision::RetryWithBackoff => dcs_status_decision {
                action: dcs_status_action::RetryWithBackoff,
                delay_seconds: 0,
            },
        }
    }
}
