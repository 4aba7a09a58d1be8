//! One error for one response: what status, headers and body say together, as a
//! struct of fields and as the one message.

use core::ffi::c_char;

use core_status::{error_message, ErrorKind, HttpErrorRef};

use crate::catalogue::catalogue_entry_of;
use crate::entries::entry_of;
use crate::enums::dcs_status_result;
use crate::input::{bytes_or_empty, headers};
use crate::render::render;
use crate::types::{dcs_status_header, dcs_status_http_error};

/// Reads a response into one error (the core's `dcs_status::HttpErrorRef`), filling
/// `*out` with every field:
///
/// - the status `code` read as RFC 9110 section 15 says (`kind`, `status_class`,
///   `status`);
/// - Retry-After: the first header of that name (any case), parsed at `now` (Unix
///   seconds); a value that does not parse counts as absent;
/// - the body (`body_len` bytes of any content, as `dcs_status_parse_error_body`
///   reads it): `error_code`, `error_msg`, `error_ext_msg`, each cut to 4096 bytes
///   once decoded, and `catalogue`, the entry for the code or NULL;
/// - `request_id`, as `dcs_status_resolve_request_id` resolves it (cut likewise);
/// - `decision`, for a request that is `idempotent` or not: the error code's advice
///   first (a code whose Solution says to try again later is retried, even on 400;
///   one that says to contact support, fix the request or that it is not allowed is
///   not, unless a 413/429/503 carries a Retry-After), then the status's rules
///   (`dcs_status_decide`).
///
/// The texts point into `body` and the header values (valid as long as they are);
/// nothing to free, and nothing is allocated for a body `dcs_status_parse_error_body`
/// reads without allocating. `dcs_status_http_error_from_response_message` writes the
/// message for the same arguments.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `out` is NULL, `body` is NULL with
/// a length, `headers` is NULL with `n_headers` other than 0, or a header's name or
/// value is NULL with a length; `DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE` if `code` is
/// outside 100..999. `*out` is written only on success.
///
/// # Safety
/// `headers` must be NULL or point to `n_headers` readable headers whose pointers are
/// each NULL or point to their length's readable bytes; `body` must be NULL or point
/// to `body_len` readable bytes; `out` must be NULL or point to writable memory for
/// one `dcs_status_http_error`.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // C has no keyword arguments: each is one field
pub unsafe extern "C" fn dcs_status_http_error_from_response(
    code: i64,
    headers: *const dcs_status_header,
    n_headers: usize,
    body: *const c_char,
    body_len: usize,
    now: i64,
    idempotent: bool,
    out: *mut dcs_status_http_error,
) -> dcs_status_result {
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        // SAFETY: forwarded from this function's contract.
        let err = match unsafe { read(code, headers, n_headers, body, body_len, now, idempotent) } {
            Ok(err) => err,
            Err(e) => return e,
        };
        let retry_after = err.retry_after();
        let result = dcs_status_http_error {
            code: err.code(),
            kind: err.kind().into(),
            status_class: err.lookup().class().into(),
            status: entry_of(err.status()),
            has_retry_after: retry_after.is_some(),
            retry_after_seconds: retry_after.map_or(0, |d| d.as_secs()),
            decision: err.decision().into(),
            error_code: err.error_code().into(),
            error_msg: err.error_msg().into(),
            error_ext_msg: err.error_ext_msg().into(),
            request_id: err.request_id().into(),
            catalogue: err.catalogue().map_or(core::ptr::null(), catalogue_entry_of),
        };
        // SAFETY: `out` is non-null and, by this function's contract, writable.
        unsafe { out.write(result) };
        dcs_status_result::Ok
    }
}

/// Writes the one-line message of the error `dcs_status_http_error_from_response`
/// reads from the same arguments, as every binding shows it. With an error code the
/// catalogue knows: `400 Bad Request, DCS name BadRequest: DCS.4111 the instance is
/// restarting. Solution: Try again later or contact technical support. Retry advice:
/// try again later: the condition is temporary; decision: retry with backoff; request
/// id "req-1"`. Otherwise the status's description and advice, then what the response
/// said: `...; decision: do not retry; error code "DCS.4922" (not in the DCS
/// error-code catalogue); server message "Instance not found."`. Untrusted texts are
/// quoted, escaped and shortened to 64 characters.
///
/// A `code` outside 100..999 gets its not-a-status-code message, a bad pointer the
/// null-pointer message. Nothing is allocated. Returns the message's length; see the
/// renderers' contract at `dcs_status_explain`.
///
/// # Safety
/// As `dcs_status_http_error_from_response`; `buf` must be NULL or point to `cap`
/// writable bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // C has no keyword arguments: each is one field
pub unsafe extern "C" fn dcs_status_http_error_from_response_message(
    code: i64,
    headers: *const dcs_status_header,
    n_headers: usize,
    body: *const c_char,
    body_len: usize,
    now: i64,
    idempotent: bool,
    buf: *mut c_char,
    cap: usize,
) -> usize {
    ffi_panic_boundary! {
        // SAFETY: forwarded from this function's contract.
        let err = unsafe { read(code, headers, n_headers, body, body_len, now, idempotent) };
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match err {
                Ok(err) => render(buf, cap, err),
                Err(dcs_status_result::ErrNotAStatusCode) => match core_status::lookup(code) {
                    Err(e) => render(buf, cap, e),
                    Ok(_) => render(buf, cap, ErrorKind::Internal.message()),
                },
                Err(_) => render(buf, cap, error_message(ErrorKind::NullPointer, b"")),
            }
        }
    }
}

/// The core's error for C's arguments.
///
/// # Safety
/// As `dcs_status_http_error_from_response`.
unsafe fn read<'a>(
    code: i64,
    headers: *const dcs_status_header,
    n_headers: usize,
    body: *const c_char,
    body_len: usize,
    now: i64,
    idempotent: bool,
) -> Result<HttpErrorRef<'a>, dcs_status_result> {
    // SAFETY: forwarded from this function's contract.
    let (headers, body) = unsafe {
        (
            self::headers(headers, n_headers)?,
            bytes_or_empty(body, body_len)?,
        )
    };
    HttpErrorRef::from_response(code, headers, body, now, idempotent).map_err(|e| e.kind().into())
}
