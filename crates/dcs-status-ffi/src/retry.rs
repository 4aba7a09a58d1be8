//! Retry-After and the retry decision.

use core::ffi::c_char;

use core_status::{lookup, parse_retry_after};

use crate::enums::dcs_status_result;
use crate::input::{bytes, text};
use crate::types::dcs_status_decision;

/// Parses a Retry-After value (RFC 9110 section 10.2.3) into the delay it asks for,
/// in seconds, relative to `now` (Unix seconds, any value), by the core's rules (the
/// Rust documentation of `dcs_status::parse_retry_after` gives the grammar): delay-seconds
/// or an HTTP-date; a date in the past gives 0, a huge delay saturates at UINT64_MAX.
///
/// `value` points to `len` bytes; no NUL terminator is needed or read.
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
    ffi_panic_boundary! {
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
    }
}

/// Decides whether and when to retry a request that got status `code`, by the core's
/// rules (the Rust documentation of `dcs_status::Lookup::decide` lists them).
///
/// `retry_after` points to the response's Retry-After value (`len` bytes, no NUL
/// needed), or is NULL when the response had none; a value that does not parse
/// (including invalid UTF-8) counts as absent. `now` is Unix seconds; `idempotent`
/// says whether the request may safely be sent twice
/// (`dcs_status_method_is_idempotent`).
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
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        let found = match lookup(code) {
            Ok(found) => found,
            Err(e) => return e.kind().into(),
        };
        // SAFETY: by this function's contract, `retry_after` is NULL or has `len` bytes.
        let retry_after = unsafe { bytes(retry_after, len) };
        let decision = found.decide(retry_after, now, idempotent);
        // SAFETY: `out` is non-null and, by this function's contract, writable.
        unsafe { out.write(decision.into()) };
        dcs_status_result::Ok
    }
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
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `method` is NULL or has `len` bytes.
        unsafe { bytes(method, len) }.is_some_and(core_status::method_is_idempotent)
    }
}
