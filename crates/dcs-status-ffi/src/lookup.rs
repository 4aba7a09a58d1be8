//! The table and lookups: by index, by code (with or without the RFC 9110 fallback)
//! and by name.

use core::ffi::{c_char, CStr};

use core_status::{lookup, Status};

use crate::entries::{entry_of, ENTRIES};
use crate::enums::{dcs_status_class, dcs_status_result, dcs_status_retry_advice};
use crate::input::text;
use crate::types::{dcs_status_entry, dcs_status_lookup_result};

/// The library's version, e.g. "0.3.0" (static; equal to the DCS_STATUS_VERSION_*
/// macros of the header the library was built with).
#[no_mangle]
pub extern "C" fn dcs_status_version() -> *const c_char {
    ffi_panic_boundary! {
        const VERSION: &CStr =
            match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
                Ok(v) => v,
                Err(_) => c"",
            };
        VERSION.as_ptr()
    }
}

/// The number of entries in the table.
#[no_mangle]
pub extern "C" fn dcs_status_count() -> usize {
    ffi_panic_boundary! { ENTRIES.len() }
}

/// The entry at `index` (0 to `dcs_status_count() - 1`), in code order; NULL when
/// `index` is out of range.
#[no_mangle]
pub extern "C" fn dcs_status_at(index: usize) -> *const dcs_status_entry {
    ffi_panic_boundary! {
        ENTRIES
            .get(index)
            .map_or(core::ptr::null(), |e| e as *const _)
    }
}

/// The table's entry for `code`; NULL when the table has no such code (any value of
/// `code` is safe). Constant time.
///
/// For the RFC 9110 answer for codes the table lacks, use `dcs_status_lookup`; for the
/// same answer without a function call, the header's `dcs_status_get_inline`.
#[no_mangle]
pub extern "C" fn dcs_status_get(code: i64) -> *const dcs_status_entry {
    ffi_panic_boundary! {
        u16::try_from(code)
            .ok()
            .and_then(Status::from_code)
            .map_or(core::ptr::null(), entry_of)
    }
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
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        let Ok(found) = lookup(code) else {
            return dcs_status_result::ErrNotAStatusCode;
        };
        let result = dcs_status_lookup_result {
            code: found.code(),
            kind: found.kind().into(),
            status_class: found.class().into(),
            entry: entry_of(found.status()),
        };
        // SAFETY: `out` is non-null and, by this function's contract, writable.
        unsafe { out.write(result) };
        dcs_status_result::Ok
    }
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
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        match lookup(code) {
            Ok(found) => {
                // SAFETY: `out` is non-null and, by this function's contract, writable.
                unsafe { out.write(found.class().into()) };
                dcs_status_result::Ok
            }
            Err(e) => e.kind().into(),
        }
    }
}

/// The retry advice for `code` (for a code the table lacks, that of the entry whose
/// meaning applies).
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE` if `code` is outside 100..999.
///
/// # Safety
/// `out` must be NULL or point to writable memory for one `dcs_status_retry_advice`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_advice_of(
    code: i64,
    out: *mut dcs_status_retry_advice,
) -> dcs_status_result {
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        match lookup(code) {
            Ok(found) => {
                // SAFETY: `out` is non-null and, by this function's contract, writable.
                unsafe { out.write(found.retry_advice().into()) };
                dcs_status_result::Ok
            }
            Err(e) => e.kind().into(),
        }
    }
}

/// Finds the entry a name refers to, by the core's rules (`dcs_status::from_name`):
/// DCS's name, the ident, the IANA phrase or an older RFC phrase, forgiving case,
/// separators and camelCase ("not found", "NOT_FOUND", "NotFound" are all 404).
///
/// `name` points to `len` bytes of UTF-8; no NUL terminator is needed or read.
/// Nothing is allocated, whatever the name's length.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `name` or `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_INVALID_UTF8`; `DCS_STATUS_RESULT_ERR_UNKNOWN_NAME`
/// (`dcs_status_error_message` writes its message about the name).
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
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        // SAFETY: by this function's contract, `name` is NULL or has `len` bytes.
        let name = match unsafe { text(name, len) } {
            Ok(name) => name,
            Err(e) => return e,
        };
        match core_status::from_name_bytes(name.as_bytes()) {
            Some(status) => {
                // SAFETY: `out` is non-null and, by this function's contract, writable.
                unsafe { out.write(entry_of(status)) };
                dcs_status_result::Ok
            }
            None => dcs_status_result::ErrUnknownName,
        }
    }
}
