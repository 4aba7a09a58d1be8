//! The exported functions.

use core::ffi::{c_char, CStr};
use core::time::Duration;

use core_status::{lookup, parse_retry_after, Class, Decision, Kind, RetryAdvice, Status};

use crate::entries::{entry_of, ENTRIES};
use crate::guard::guard;
use crate::types::*;

/// The library's version, e.g. "0.1.0" (static; equal to the DCS_STATUS_VERSION_* macros
/// of the header the library was built with).
#[no_mangle]
pub extern "C" fn dcs_status_version() -> *const c_char {
    const VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(v) => v,
            Err(_) => c"",
        };
    VERSION.as_ptr()
}

/// The number of entries in the table (42).
#[no_mangle]
pub extern "C" fn dcs_status_count() -> usize {
    ENTRIES.len()
}

/// The entry at `index` (0 to `dcs_status_count() - 1`), in code order; NULL when
/// `index` is out of range.
#[no_mangle]
pub extern "C" fn dcs_status_at(index: usize) -> *const dcs_status_entry {
    guard(core::ptr::null(), || {
        ENTRIES
            .get(index)
            .map_or(core::ptr::null(), |e| e as *const _)
    })
}

/// The table's entry for `code`; NULL when the table has no such code (any value of
/// `code` is safe). Constant time.
///
/// For the RFC 9110 answer for codes the table lacks, use `dcs_status_lookup`; for the
/// same answer without a function call, the header's `dcs_status_get_inline`.
#[no_mangle]
pub extern "C" fn dcs_status_get(code: i64) -> *const dcs_status_entry {
    guard(core::ptr::null(), || {
        u16::try_from(code)
            .ok()
            .and_then(Status::from_code)
            .map_or(core::ptr::null(), entry_of)
    })
}

/// Looks up any integer as a status code, as RFC 9110 section 15 says to read it.
///
/// On `DCS_STATUS_RESULT_OK`, `*out` holds the kind (documented, unrecognized or invalid),
/// the class the code is handled as, and the entry whose meaning applies.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE` if `code` is outside 100..999 (`*out` is then
/// left unchanged).
///
/// # Safety
/// `out` must be NULL or point to writable memory for one `dcs_status_lookup_result`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_lookup(
    code: i64,
    out: *mut dcs_status_lookup_result,
) -> dcs_status_result {
    guard(dcs_status_result::ErrPanic, || {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        let Ok(found) = lookup(code) else {
            return dcs_status_result::ErrNotAStatusCode;
        };
        let result = dcs_status_lookup_result {
            code: found.code(),
            kind: found.kind().into(),
            status_class: dcs_status_class::from_core(found.class()),
            entry: entry_of(found.status()),
        };
        // SAFETY: `out` is non-null and, by this function's contract, writable.
        unsafe { out.write(result) };
        dcs_status_result::Ok
    })
}

/// The class `code` is handled as (600..999: server error).
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE` if `code` is outside 100..999.
///
/// # Safety
/// `out` must be NULL or point to writable memory for one `dcs_status_class`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_class_of(
    code: i64,
    out: *mut dcs_status_class,
) -> dcs_status_result {
    guard(dcs_status_result::ErrPanic, || {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        match lookup(code) {
            Ok(found) => {
                // SAFETY: `out` is non-null and, by this function's contract, writable.
                unsafe { out.write(dcs_status_class::from_core(found.class())) };
                dcs_status_result::Ok
            }
            Err(_) => dcs_status_result::ErrNotAStatusCode,
        }
    })
}

/// The retry advice for `code` (for a code the table lacks, that of the entry whose
/// meaning applies).
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE` if `code` is outside 100..999.
///
/// # Safety
/// `out` must be NULL or point to writable memory for one `dcs_status_retry`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_of(
    code: i64,
    out: *mut dcs_status_retry,
) -> dcs_status_result {
    guard(dcs_status_result::ErrPanic, || {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        match lookup(code) {
            Ok(found) => {
                // SAFETY: `out` is non-null and, by this function's contract, writable.
                unsafe { out.write(dcs_status_retry::from_core(found.retry())) };
                dcs_status_result::Ok
            }
            Err(_) => dcs_status_result::ErrNotAStatusCode,
        }
    })
}

/// Finds the entry a name refers to: DCS's name, the ident, the IANA phrase or an
/// older RFC phrase, in any case, with spaces, hyphens and underscores
/// interchangeable ("not found", "NOT_FOUND", "NotFound" are all 404).
///
/// `name` points to `len` bytes of UTF-8; no NUL terminator is needed or read.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `name` or `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_INVALID_UTF8`; `DCS_STATUS_RESULT_ERR_UNKNOWN_NAME`.
///
/// # Safety
/// `name` must be NULL or point to `len` readable bytes; `out` must be NULL or point
/// to writable memory for one pointer.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_from_name(
    name: *const c_char,
    len: usize,
    out: *mut *const dcs_status_entry,
) -> dcs_status_result {
    guard(dcs_status_result::ErrPanic, || {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        // SAFETY: by this function's contract, `name` is NULL or has `len` bytes.
        let name = match unsafe { text(name, len) } {
            Ok(name) => name,
            Err(e) => return e,
        };
        match core_status::from_name(name) {
            Ok(status) => {
                // SAFETY: `out` is non-null and, by this function's contract, writable.
                unsafe { out.write(entry_of(status)) };
                dcs_status_result::Ok
            }
            Err(_) => dcs_status_result::ErrUnknownName,
        }
    })
}

/// Parses a Retry-After value (RFC 9110 section 10.2.3) into the delay it asks for,
/// in seconds, relative to `now` (Unix seconds).
///
/// `value` points to `len` bytes; no NUL terminator is needed or read. It is
/// delay-seconds (ASCII digits only; a huge number saturates at UINT64_MAX) or an
/// HTTP-date in IMF-fixdate, RFC 850 or asctime form (a date in the past gives 0).
/// Spaces and tabs around the value are allowed.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `value` or `out_seconds` is NULL;
/// `DCS_STATUS_RESULT_ERR_INVALID_UTF8`; `DCS_STATUS_RESULT_ERR_RETRY_AFTER_*` saying what was
/// wrong. `*out_seconds` is written only on success.
///
/// # Safety
/// `value` must be NULL or point to `len` readable bytes; `out_seconds` must be NULL
/// or point to writable memory for one `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_parse_retry_after(
    value: *const c_char,
    len: usize,
    now: i64,
    out_seconds: *mut u64,
) -> dcs_status_result {
    guard(dcs_status_result::ErrPanic, || {
        if out_seconds.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        // SAFETY: by this function's contract, `value` is NULL or has `len` bytes.
        let value = match unsafe { text(value, len) } {
            Ok(value) => value,
            Err(e) => return e,
        };
        match parse_retry_after(value, now) {
            Ok(delay) => {
                // SAFETY: `out_seconds` is non-null and, by contract, writable.
                unsafe { out_seconds.write(delay.as_secs()) };
                dcs_status_result::Ok
            }
            Err(e) => e.into(),
        }
    })
}

/// Decides whether and when to retry a request that got status `code`.
///
/// `retry_after` points to the response's Retry-After value (`len` bytes, no NUL
/// needed), or is NULL when the response had none; a value that does not parse
/// (including invalid UTF-8) counts as absent. `now` is Unix seconds; `idempotent`
/// says whether the request may safely be sent twice. The rules, first match wins,
/// on the code as it is handled (an unrecognized code as its class's x00, 600..999
/// as 500):
///
/// 1. 1xx-3xx: do not retry.
/// 2. 413, 429 or 503 with a valid Retry-After: retry after that delay.
/// 3. 408, and 429 without a valid Retry-After: retry with the caller's backoff.
/// 4. 500, 502, 504: retry with backoff if the request is idempotent.
/// 5. Everything else: do not retry.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE` if `code` is outside 100..999.
///
/// # Safety
/// `retry_after` must be NULL or point to `len` readable bytes; `out` must be NULL or
/// point to writable memory for one `dcs_status_decision`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_decide(
    code: i64,
    retry_after: *const c_char,
    len: usize,
    now: i64,
    idempotent: bool,
    out: *mut dcs_status_decision,
) -> dcs_status_result {
    guard(dcs_status_result::ErrPanic, || {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        let Ok(found) = lookup(code) else {
            return dcs_status_result::ErrNotAStatusCode;
        };
        // SAFETY: by this function's contract, `retry_after` is NULL or has `len` bytes.
        let retry_after = unsafe { bytes(retry_after, len) };
        let decision = found.decide(retry_after, now, idempotent);
        // SAFETY: `out` is non-null and, by this function's contract, writable.
        unsafe { out.write(decision.into()) };
        dcs_status_result::Ok
    })
}

/// Whether requests with this method are idempotent (RFC 9110 section 9.2.2): GET,
/// HEAD, OPTIONS, TRACE, PUT and DELETE, case-sensitive. For the `idempotent`
/// argument of `dcs_status_decide`. `method` points to `len` bytes (no NUL needed);
/// NULL gives false.
///
/// # Safety
/// `method` must be NULL or point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_method_is_idempotent(
    method: *const c_char,
    len: usize,
) -> bool {
    guard(false, || {
        // SAFETY: by this function's contract, `method` is NULL or has `len` bytes.
        unsafe { bytes(method, len) }.is_some_and(core_status::method_is_idempotent)
    })
}

/// A static sentence explaining a result code, e.g. "a required pointer argument was
/// NULL". Any value is safe: an unknown one gets "unknown dcs_status_result value".
#[no_mangle]
pub extern "C" fn dcs_status_result_message(result: u32) -> *const c_char {
    dcs_status_result::ALL
        .iter()
        .find(|r| **r as u32 == result)
        .map_or(c"unknown dcs_status_result value", |r| r.message())
        .as_ptr()
}

/// The canonical name of a class ("informational", "success", "redirection",
/// "client_error", "server_error"); NULL for a value that is not a `dcs_status_class`.
#[no_mangle]
pub extern "C" fn dcs_status_class_name(class: u32) -> *const c_char {
    name_of(
        &Class::ALL,
        class,
        |c| dcs_status_class::from_core(*c) as u32,
        |c| c.as_cstr(),
    )
}

/// The canonical name of a retry advice ("none", "retry", "retry_after",
/// "modify_request", "unspecified"); NULL for a value that is not a `dcs_status_retry`.
#[no_mangle]
pub extern "C" fn dcs_status_retry_name(retry: u32) -> *const c_char {
    name_of(
        &RetryAdvice::ALL,
        retry,
        |r| dcs_status_retry::from_core(*r) as u32,
        |r| r.as_cstr(),
    )
}

/// The canonical name of a kind ("documented", "unrecognized", "invalid"); NULL for a
/// value that is not a `dcs_status_kind`.
#[no_mangle]
pub extern "C" fn dcs_status_kind_name(kind: u32) -> *const c_char {
    name_of(
        &Kind::ALL,
        kind,
        |k| dcs_status_kind::from(*k) as u32,
        |k| k.as_cstr(),
    )
}

/// The canonical name of an action ("do_not_retry", "retry_after",
/// "retry_with_backoff"); NULL for a value that is not a `dcs_status_action`.
#[no_mangle]
pub extern "C" fn dcs_status_action_name(action: u32) -> *const c_char {
    let decisions = [
        Decision::DoNotRetry,
        Decision::RetryAfter(Duration::ZERO),
        Decision::RetryWithBackoff,
    ];
    name_of(
        &decisions,
        action,
        |d| dcs_status_decision::from(*d).action as u32,
        |d| d.as_cstr(),
    )
}

/// The C string of the item of `all` whose C value is `value`, or NULL.
fn name_of<T>(
    all: &[T],
    value: u32,
    c_value: impl Fn(&T) -> u32,
    name: impl Fn(&T) -> &'static CStr,
) -> *const c_char {
    all.iter()
        .find(|item| c_value(item) == value)
        .map_or(core::ptr::null(), |item| name(item).as_ptr())
}

/// Views `len` bytes at `ptr` as UTF-8 text.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that stay valid and unchanged
/// for the returned lifetime.
unsafe fn text<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, dcs_status_result> {
    // SAFETY: forwarded from this function's contract.
    let bytes = unsafe { bytes(ptr, len) }.ok_or(dcs_status_result::ErrNullPointer)?;
    core::str::from_utf8(bytes).map_err(|_| dcs_status_result::ErrInvalidUtf8)
}

/// Views `len` bytes at `ptr`; `None` for NULL.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that stay valid and unchanged
/// for the returned lifetime.
unsafe fn bytes<'a>(ptr: *const c_char, len: usize) -> Option<&'a [u8]> {
    if ptr.is_null() {
        return None;
    }
    if len == 0 {
        return Some(&[]);
    }
    // SAFETY: `ptr` is non-null and, by this function's contract, points to `len`
    // readable bytes; u8 and c_char have the same layout.
    Some(unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}
