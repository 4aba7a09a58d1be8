//! Error bodies and request ids, read without allocating: every text handed out is a
//! slice (pointer and length) of the caller's own buffer.

use core::ffi::c_char;

use core_status::{parse_error_body, resolve_request_id, RawStr};

use crate::catalogue::catalogue_entry_of;
use crate::enums::dcs_status_result;
use crate::input::{bytes_or_empty, headers};
use crate::render::render;
use crate::types::{dcs_status_error_body, dcs_status_header, dcs_status_text};

/// Reads an error response's body: any bytes, never an error about its content
/// (the core's `dcs_status::parse_error_body`).
///
/// From a JSON object, the first of these pairs of keys in which the code or the
/// message is a JSON string gives both: `error_code`/`error_msg`;
/// `errorCode`/`errorMsg`; `code`/`message`; then the same pairs one level down, in
/// the first member whose value is an object (`{"error": {"code": ..., "message":
/// ...}}`). `error_ext_msg` comes from the same object, `request_id` from the top
/// level. An empty body, text that is not JSON, JSON that is not an object, invalid
/// UTF-8, an object cut short: every field absent, and `DCS_STATUS_RESULT_OK`.
///
/// Every text in `*out` points into `body` (valid as long as it is; nothing to
/// free); `out->catalogue` is the catalogue's entry for the code, or NULL. Nothing is
/// allocated for a body that is not an object, nor for an object whose members hold
/// no container inside a container (every DCS and gateway error body); deeper
/// nesting costs the JSON parser a scratch stack of a byte per level, and a malformed
/// object its error value, both freed before this returns. Time is linear in `len`.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `out` is NULL, or `body` is NULL
/// with a `len` other than 0 (NULL with 0 is the empty body). `*out` is written only
/// on success.
///
/// # Safety
/// `body` must be NULL or point to `len` readable bytes; `out` must be NULL or point
/// to writable memory for one `dcs_status_error_body`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_parse_error_body(
    body: *const c_char,
    len: usize,
    out: *mut dcs_status_error_body,
) -> dcs_status_result {
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        // SAFETY: by this function's contract, `body` is NULL or has `len` bytes.
        let body = match unsafe { bytes_or_empty(body, len) } {
            Ok(body) => body,
            Err(e) => return e,
        };
        let parsed = parse_error_body(body);
        let result = dcs_status_error_body {
            error_code: parsed.error_code().into(),
            error_msg: parsed.error_msg().into(),
            error_ext_msg: parsed.error_ext_msg().into(),
            request_id: parsed.request_id().into(),
            catalogue: parsed
                .catalogue_entry()
                .map_or(core::ptr::null(), catalogue_entry_of),
        };
        // SAFETY: `out` is non-null and, by this function's contract, writable.
        unsafe { out.write(result) };
        dcs_status_result::Ok
    }
}

/// Resolves a response's request id (the core's `dcs_status::resolve_request_id`):
/// the `X-Request-Id` header, else the body's `request_id` (`body_request_id`, as
/// `dcs_status_parse_error_body` gave it; NULL or absent for none), else the
/// `X-Openstack-Request-Id` header.
///
/// Header names match in any case; a value counts without its surrounding spaces and
/// tabs, when that leaves some valid UTF-8; of several headers with one name, the
/// first that counts wins; an empty `request_id` in the body does not count. `*out`
/// is the id, pointing into a header's value or the body, or absent (`ptr` NULL).
/// Nothing is allocated.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `out` is NULL, `headers` is NULL
/// with `n_headers` other than 0, or a header's name or value is NULL with a length;
/// `DCS_STATUS_RESULT_ERR_INVALID_UTF8` if `body_request_id` is present and not UTF-8
/// (one from `dcs_status_parse_error_body` always is). `*out` is written only on
/// success.
///
/// # Safety
/// `headers` must be NULL or point to `n_headers` readable headers whose pointers are
/// each NULL or point to their length's readable bytes; `body_request_id` must be NULL
/// or point to a readable text whose `ptr` is NULL or points to `len` readable bytes;
/// `out` must be NULL or point to writable memory for one `dcs_status_text`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_resolve_request_id(
    headers: *const dcs_status_header,
    n_headers: usize,
    body_request_id: *const dcs_status_text,
    out: *mut dcs_status_text,
) -> dcs_status_result {
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        // SAFETY: by this function's contract, `headers` has `n_headers` headers.
        let headers = match unsafe { self::headers(headers, n_headers) } {
            Ok(headers) => headers,
            Err(e) => return e,
        };
        // SAFETY: by this function's contract, `body_request_id` is NULL or readable.
        let body_id = match unsafe { raw_str(body_request_id) } {
            Ok(id) => id,
            Err(e) => return e,
        };
        let id: dcs_status_text = resolve_request_id(headers, body_id).into();
        // SAFETY: `out` is non-null and, by this function's contract, writable.
        unsafe { out.write(id) };
        dcs_status_result::Ok
    }
}

/// Writes a text with its JSON escapes resolved (`\"`, `\n`, `\u00e9`, surrogate
/// pairs; a lone surrogate reads as U+FFFD, a backslash that starts no valid escape as
/// itself) into the caller's buffer; a text that is not `escaped` is copied as it is.
/// Nothing is allocated; the decoded text is never longer than `text->len`, so a
/// buffer of `text->len + 1` bytes always holds it. The text may hold NUL bytes (from
/// `\u0000`): the returned length is the truth, not `strlen`.
///
/// An absent text (`text` NULL, or `text->ptr` NULL) writes the empty string, as
/// does a text that is not valid UTF-8 (never one this library hands out). Returns the
/// decoded length; see the renderers' contract at `dcs_status_explain`.
///
/// # Safety
/// `text` must be NULL or point to a readable text whose `ptr` is NULL or points to
/// `len` readable bytes; `buf` must be NULL or point to `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_text_decode(
    text: *const dcs_status_text,
    buf: *mut c_char,
    cap: usize,
) -> usize {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `text` is NULL or readable.
        let text = unsafe { raw_str(text) }.ok().flatten();
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match text {
                Some(text) => render(buf, cap, text),
                None => render(buf, cap, ""),
            }
        }
    }
}

/// The core's view of a C text: `None` when absent; `ErrInvalidUtf8` for bytes that
/// are not UTF-8, `ErrNullPointer` for a NULL `ptr` with a length.
///
/// # Safety
/// `text` must be NULL or point to a readable text whose `ptr` is NULL or points to
/// `len` readable bytes, valid for the returned lifetime.
unsafe fn raw_str<'a>(
    text: *const dcs_status_text,
) -> Result<Option<RawStr<'a>>, dcs_status_result> {
    // SAFETY: by this function's contract, `text` is NULL or readable.
    let Some(text) = (unsafe { text.as_ref() }) else {
        return Ok(None);
    };
    if text.ptr.is_null() {
        return if text.len == 0 {
            Ok(None)
        } else {
            Err(dcs_status_result::ErrNullPointer)
        };
    }
    // SAFETY: `ptr` is non-null and, by this function's contract, has `len` bytes.
    let bytes = unsafe { bytes_or_empty(text.ptr, text.len) }?;
    let raw = core::str::from_utf8(bytes).map_err(|_| dcs_status_result::ErrInvalidUtf8)?;
    Ok(Some(if text.escaped {
        RawStr::json(raw)
    } else {
        RawStr::literal(raw)
    }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_slices_of_the_callers_body() {
        let body = br#"{"error_code":"DCS.4855","error_msg":"say \"hi\"","request_id":"r"}"#;
        let mut out = core::mem::MaybeUninit::<dcs_status_error_body>::uninit();
        // SAFETY: body has its length; out is writable.
        let result = unsafe {
            dcs_status_parse_error_body(body.as_ptr().cast(), body.len(), out.as_mut_ptr())
        };
        assert_eq!(result, dcs_status_result::Ok);
        // SAFETY: written on success.
        let out = unsafe { out.assume_init() };
        let range = body.as_ptr_range();
        for text in [out.error_code, out.error_msg, out.request_id] {
            let start = text.ptr.cast::<u8>();
            assert!(range.start <= start && start.wrapping_add(text.len) <= range.end);
        }
        assert!(out.error_ext_msg.ptr.is_null());
        assert!(out.error_msg.escaped && !out.error_code.escaped);
        assert!(!out.catalogue.is_null());
    }
}
