//! The C enums, each declared once with its fixed values and its core counterpart
//! (`c_enum!`), and the exports that name and classify their values. Values are fixed
//! forever: new values get new numbers, old numbers are never reused.
//!
//! Functions taking an enum value take it as `uint32_t`, so that any number C passes
//! is safe: an unknown one gets NULL, false or "unknown ... value".

use core::ffi::c_char;

use core_status::{
    Action, Class, ErrorAdvice, ErrorKind, Jitter, LookupKind, RetryAdvice, RetryCategory,
    RetryReason, StepAction,
};

/// The result of a function that can fail. `DCS_STATUS_RESULT_OK` is 0; every error is
/// positive, one per kind of error of the core (its `ErrorKind`, same number).
/// `dcs_status_result_name` and `dcs_status_result_message` name and explain each;
/// the Retry-After errors are 5 to 8 (`dcs_status_result_is_retry_after_error`).
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
    /// An internal error of the library (a bug, caught before it reached C): please
    /// report it.
    ErrInternal = 9,
    /// No entry of the DCS error-code catalogue has this code.
    ErrUnknownErrorCode = 10,
    /// A retry policy's `max_attempts` is 0 (`dcs_status_retry_policy_validate`).
    ErrNoAttempts = 11,
    /// A retry policy's `cap_ms` is below one of its base delays
    /// (`dcs_status_retry_policy_validate`).
    ErrCapBelowBase = 12,
    /// A jitter mode that is none of `DCS_STATUS_JITTER_*` (a policy's `jitter`), or a
    /// name that is not `full`, `equal`, `none` or `decorrelated`.
    ErrUnknownJitter = 13,
    /// A step input's `attempt` is 0 (`dcs_status_step_input_validate`).
    ErrAttemptZero = 14,
    /// A step input's random draw is NaN, negative, or 1 or more
    /// (`dcs_status_step_input_validate`).
    ErrRandomOutOfRange = 15,
    /// An argument or struct field holds a value the C API does not define: an enum
    /// number outside the header's list, or a catalogue entry pointer that is not
    /// the library's.
    ErrInvalidArgument = 16,
}

c_enum!(dcs_status_result (success Ok) from ErrorKind {
    ErrNullPointer => NullPointer,
    ErrNotAStatusCode => NotAStatusCode,
    ErrUnknownName => UnknownName,
    ErrInvalidUtf8 => InvalidUtf8,
    ErrRetryAfterEmpty => RetryAfterEmpty,
    ErrRetryAfterInvalidDelay => RetryAfterInvalidDelay,
    ErrRetryAfterInvalidDate => RetryAfterInvalidDate,
    ErrRetryAfterImpossibleDate => RetryAfterImpossibleDate,
    ErrInternal => Internal,
    ErrUnknownErrorCode => UnknownErrorCode,
    ErrNoAttempts => NoAttempts,
    ErrCapBelowBase => CapBelowBase,
    ErrUnknownJitter => UnknownJitter,
    ErrAttemptZero => AttemptZero,
    ErrRandomOutOfRange => RandomOutOfRange,
    ErrInvalidArgument => InvalidArgument,
});

impl From<core_status::RetryAfterError> for dcs_status_result {
    fn from(e: core_status::RetryAfterError) -> Self {
        e.kind().into()
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

c_enum!(dcs_status_class from Class {
    Informational => Informational,
    Success => Success,
    Redirection => Redirection,
    ClientError => ClientError,
    ServerError => ServerError,
});

/// What the document advises about retrying a request that got this code.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_retry_advice {
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

c_enum!(dcs_status_retry_advice from RetryAdvice {
    None => None,
    Retry => Retry,
    RetryAfter => RetryAfter,
    ModifyRequest => ModifyRequest,
    Unspecified => Unspecified,
});

/// How a looked-up code relates to the table.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_lookup_kind {
    /// The table has the code.
    Documented = 1,
    /// 100..599 but not in the table: handled as the x00 code of its class
    /// (RFC 9110 section 15).
    Unrecognized = 2,
    /// 600..999: not a valid status code; handled as a server error with the meaning
    /// of 500 (RFC 9110 section 15).
    Invalid = 3,
}

c_enum!(dcs_status_lookup_kind from LookupKind {
    Documented => Documented,
    Unrecognized => Unrecognized,
    Invalid => Invalid,
});

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

c_enum!(dcs_status_action from Action {
    DoNotRetry => DoNotRetry,
    RetryAfter => RetryAfter,
    RetryWithBackoff => RetryWithBackoff,
});

/// What the DCS error-code catalogue's Solution advises about an error code (the
/// retry signal the HTTP status hides).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_error_advice {
    /// The Solution says to try again later: the condition is temporary (the
    /// instance is restarting, backing up, running a job), even on HTTP 400.
    RetryLater = 1,
    /// The Solution is "Contact technical support.": retrying will not help.
    ContactSupport = 2,
    /// The Solution asks to check, select, reset or process something: the request
    /// must change.
    FixRequest = 3,
    /// The operation is not allowed (for this instance, or at all).
    NotAllowed = 4,
    /// The Solution gives no advice the rules recognize.
    Unspecified = 5,
}

c_enum!(dcs_status_error_advice from ErrorAdvice {
    RetryLater => RetryLater,
    ContactSupport => ContactSupport,
    FixRequest => FixRequest,
    NotAllowed => NotAllowed,
    Unspecified => Unspecified,
});

/// How a retry policy draws a backoff delay below its ceiling (its `jitter`; the
/// formulas: `dcs_status_retry_policy_backoff_ms`).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_jitter {
    /// A uniform draw in [0, ceiling): the AWS SDKs' "full jitter" (the default).
    Full = 1,
    /// Half the ceiling plus a uniform draw up to the other half.
    Equal = 2,
    /// Exactly the ceiling: plain exponential backoff.
    None = 3,
    /// A uniform draw between the base and three times the previous delay, capped.
    Decorrelated = 4,
}

c_enum!(dcs_status_jitter from Jitter {
    Full => Full,
    Equal => Equal,
    None => None,
    Decorrelated => Decorrelated,
});

/// What kind of failure a retry answers; it picks the base delay and the budget cost.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_retry_category {
    /// A failure that may clear at once: a server error on an idempotent request, a
    /// request timeout.
    Transient = 1,
    /// The server limits the request rate: 429, or any Retry-After it sent.
    Throttle = 2,
    /// The DCS instance is busy (restarting, backing up, running a job): an error
    /// code that says to try again later.
    Busy = 3,
}

c_enum!(dcs_status_retry_category from RetryCategory {
    Transient => Transient,
    Throttle => Throttle,
    Busy => Busy,
});

/// Why a retry step decided as it did: the rule that matched (1 to 9, first match
/// wins), or what stopped the retry a rule allowed.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_retry_reason {
    /// Rule 1: 1xx-3xx is not an error.
    NotAnError = 1,
    /// Rule 2: the attempt just made was the last the policy allows.
    MaxAttempts = 2,
    /// Rule 3: the error code says to fix the request, or that the operation is not
    /// allowed.
    ErrorCode = 3,
    /// Rule 4: the server's Retry-After asks for longer than `max_retry_after_s`.
    RetryAfterTooLong = 4,
    /// Rule 4: retry after exactly the server's Retry-After.
    RetryAfter = 5,
    /// Rule 5: the error code says to try again later.
    Busy = 6,
    /// Rule 6: 429 without a valid Retry-After.
    Throttled = 7,
    /// Rule 7: 408.
    Timeout = 8,
    /// Rule 8: 500, 502, 504 or a code handled as 500, on an idempotent request.
    ServerError = 9,
    /// Rules 0 and 8: no response, or the same server errors, on a request that is
    /// not idempotent.
    NotIdempotent = 10,
    /// Rule 9: any other status, or a number that is not a status code.
    Status = 11,
    /// A retry the budget cannot pay for.
    BudgetExhausted = 12,
    /// A retry whose delay would end past the caller's deadline.
    Deadline = 13,
    /// Rule 0: no response arrived (status `DCS_STATUS_NO_RESPONSE`: the connection
    /// failed, was reset or timed out) on an idempotent request.
    ConnectionError = 14,
    /// A retry of a request whose body cannot be sent again (the input's
    /// `unreplayable_body`).
    UnreplayableBody = 15,
}

c_enum!(dcs_status_retry_reason from RetryReason {
    NotAnError => NotAnError,
    MaxAttempts => MaxAttempts,
    ErrorCode => ErrorCode,
    RetryAfterTooLong => RetryAfterTooLong,
    RetryAfter => RetryAfter,
    Busy => Busy,
    Throttled => Throttled,
    Timeout => Timeout,
    ServerError => ServerError,
    NotIdempotent => NotIdempotent,
    Status => Status,
    BudgetExhausted => BudgetExhausted,
    Deadline => Deadline,
    ConnectionError => ConnectionError,
    UnreplayableBody => UnreplayableBody,
});

/// Whether a retry step sends the request again.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum dcs_status_step_action {
    /// Wait `delay_ms`, then send the request again.
    Retry = 1,
    /// Do not send it again: hand the response to the caller.
    DoNotRetry = 2,
}

c_enum!(dcs_status_step_action from StepAction {
    Retry => Retry,
    DoNotRetry => DoNotRetry,
});

/// The canonical name of a result ("ok", "null_pointer", "not_a_status_code",
/// "unknown_name", "invalid_utf8", "retry_after_empty", "retry_after_invalid_delay",
/// "retry_after_invalid_date", "retry_after_impossible_date", "internal",
/// "unknown_error_code", "no_attempts", "cap_below_base", "unknown_jitter",
/// "attempt_zero", "random_out_of_range", "invalid_argument": the error names of the
/// shared test vectors); NULL for a value that is not a `dcs_status_result`.
#[no_mangle]
pub extern "C" fn dcs_status_result_name(result: u32) -> *const c_char {
    ffi_panic_boundary! {
        match dcs_status_result::from_value(result).map(dcs_status_result::to_core) {
            Some(Some(kind)) => kind.as_cstr().as_ptr(),
            Some(None) => c"ok".as_ptr(),
            None => core::ptr::null(),
        }
    }
}

/// A static sentence explaining a result, e.g. "a required pointer argument was NULL"
/// (for the message about a particular input, `dcs_status_error_message`). Any value
/// is safe: an unknown one gets "unknown dcs_status_result value".
#[no_mangle]
pub extern "C" fn dcs_status_result_message(result: u32) -> *const c_char {
    ffi_panic_boundary! {
        match dcs_status_result::from_value(result).map(dcs_status_result::to_core) {
            Some(Some(kind)) => kind.message_cstr().as_ptr(),
            Some(None) => c"success".as_ptr(),
            None => c"unknown dcs_status_result value".as_ptr(),
        }
    }
}

/// Whether a result is one of the errors of a Retry-After value
/// (`DCS_STATUS_RESULT_ERR_RETRY_AFTER_*`); false for any other value.
#[no_mangle]
pub extern "C" fn dcs_status_result_is_retry_after_error(result: u32) -> bool {
    ffi_panic_boundary! {
        dcs_status_result::from_value(result)
            .and_then(dcs_status_result::to_core)
            .is_some_and(ErrorKind::is_retry_after)
    }
}

/// The canonical name of a class ("informational", "success", "redirection",
/// "client_error", "server_error"); NULL for a value that is not a `dcs_status_class`.
#[no_mangle]
pub extern "C" fn dcs_status_class_name(class: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_class::name(class) }
}

/// Whether codes of this class report an error (client or server error); false for a
/// value that is not a `dcs_status_class`.
#[no_mangle]
pub extern "C" fn dcs_status_class_is_error(class: u32) -> bool {
    ffi_panic_boundary! {
        dcs_status_class::from_value(class).is_some_and(|c| c.to_core().is_error())
    }
}

/// The canonical name of a retry advice ("none", "retry", "retry_after",
/// "modify_request", "unspecified"); NULL for a value that is not a
/// `dcs_status_retry_advice`.
#[no_mangle]
pub extern "C" fn dcs_status_retry_advice_name(advice: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_retry_advice::name(advice) }
}

/// The canonical name of a lookup kind ("documented", "unrecognized", "invalid");
/// NULL for a value that is not a `dcs_status_lookup_kind`.
#[no_mangle]
pub extern "C" fn dcs_status_lookup_kind_name(kind: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_lookup_kind::name(kind) }
}

/// The canonical name of an action ("do_not_retry", "retry_after",
/// "retry_with_backoff"); NULL for a value that is not a `dcs_status_action`.
#[no_mangle]
pub extern "C" fn dcs_status_action_name(action: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_action::name(action) }
}

/// The canonical name of an error advice ("retry_later", "contact_support",
/// "fix_request", "not_allowed", "unspecified"); NULL for a value that is not a
/// `dcs_status_error_advice`.
#[no_mangle]
pub extern "C" fn dcs_status_error_advice_name(advice: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_error_advice::name(advice) }
}

/// The canonical name of a jitter mode ("full", "equal", "none", "decorrelated");
/// NULL for a value that is not a `dcs_status_jitter`.
#[no_mangle]
pub extern "C" fn dcs_status_jitter_name(jitter: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_jitter::name(jitter) }
}

/// A static sentence explaining a jitter mode, e.g. "full jitter: a uniform draw
/// between zero and the ceiling"; NULL for a value that is not a `dcs_status_jitter`.
#[no_mangle]
pub extern "C" fn dcs_status_jitter_explain(jitter: u32) -> *const c_char {
    ffi_panic_boundary! {
        dcs_status_jitter::from_value(jitter)
            .map_or(core::ptr::null(), |j| j.to_core().explain_cstr().as_ptr())
    }
}

/// The canonical name of a retry category ("transient", "throttle", "busy"); NULL
/// for a value that is not a `dcs_status_retry_category`.
#[no_mangle]
pub extern "C" fn dcs_status_retry_category_name(category: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_retry_category::name(category) }
}

/// A static sentence explaining a retry category; NULL for a value that is not a
/// `dcs_status_retry_category`.
#[no_mangle]
pub extern "C" fn dcs_status_retry_category_explain(category: u32) -> *const c_char {
    ffi_panic_boundary! {
        dcs_status_retry_category::from_value(category)
            .map_or(core::ptr::null(), |c| c.to_core().explain_cstr().as_ptr())
    }
}

/// The canonical name of a retry reason ("not_an_error", "max_attempts",
/// "error_code", "retry_after_too_long", "retry_after", "busy", "throttled",
/// "timeout", "server_error", "not_idempotent", "status", "budget_exhausted",
/// "deadline"); NULL for a value that is not a `dcs_status_retry_reason`.
#[no_mangle]
pub extern "C" fn dcs_status_retry_reason_name(reason: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_retry_reason::name(reason) }
}

/// A static sentence explaining a retry reason, whatever the response (for the
/// sentence about one step, `dcs_status_retry_step_log_line`); NULL for a value that
/// is not a `dcs_status_retry_reason`.
#[no_mangle]
pub extern "C" fn dcs_status_retry_reason_explain(reason: u32) -> *const c_char {
    ffi_panic_boundary! {
        dcs_status_retry_reason::from_value(reason)
            .map_or(core::ptr::null(), |r| r.to_core().explain_cstr().as_ptr())
    }
}

/// The canonical name of a step action ("retry", "do_not_retry"); NULL for a value
/// that is not a `dcs_status_step_action`.
#[no_mangle]
pub extern "C" fn dcs_status_step_action_name(action: u32) -> *const c_char {
    ffi_panic_boundary! { dcs_status_step_action::name(action) }
}

/// A static sentence explaining a step action; NULL for a value that is not a
/// `dcs_status_step_action`.
#[no_mangle]
pub extern "C" fn dcs_status_step_action_explain(action: u32) -> *const c_char {
    ffi_panic_boundary! {
        dcs_status_step_action::from_value(action)
            .map_or(core::ptr::null(), |a| a.to_core().explain_cstr().as_ptr())
    }
}
