//! The DCS error-code catalogue as C structs, built from the core's at compile time,
//! and its lookups.

use core::ffi::c_char;

use core_status::{error_message, CatalogueEntry, ErrorKind};

use crate::entries::ENTRIES;
use crate::enums::{dcs_status_error_advice, dcs_status_result};
use crate::input::bytes;
use crate::render::render;
use crate::types::{dcs_status_catalogue_entry, dcs_status_entry};

/// The catalogue as C sees it, in document order.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // evaluated at compile time only
pub(crate) static CATALOGUE: [dcs_status_catalogue_entry; CatalogueEntry::all().len()] = {
    let all = CatalogueEntry::all();
    let mut out = [dcs_status_catalogue_entry {
        code: core::ptr::null(),
        status: 0,
        advice: dcs_status_error_advice::Unspecified,
        index: 0,
        message: core::ptr::null(),
        description: core::ptr::null(),
        solution: core::ptr::null(),
        status_entry: core::ptr::null(),
    }; CatalogueEntry::all().len()];
    let mut i = 0;
    while i < all.len() {
        let e = &all[i];
        let status: &dcs_status_entry = &ENTRIES[e.status().index()];
        out[i] = dcs_status_catalogue_entry {
            code: e.code_cstr().as_ptr(),
            status: e.status().code(),
            advice: dcs_status_error_advice::from_core(e.advice()),
            index: e.index() as u32,
            message: e.message_cstr().as_ptr(),
            description: e.description_cstr().as_ptr(),
            solution: e.solution_cstr().as_ptr(),
            status_entry: status,
        };
        i += 1;
    }
    out
};

/// The C entry of a core entry.
pub(crate) fn catalogue_entry_of(
    entry: &'static CatalogueEntry,
) -> *const dcs_status_catalogue_entry {
    CATALOGUE
        .get(entry.index())
        .map_or(core::ptr::null(), |e| e as *const _)
}

/// The core's entry of a pointer C hands back: `Some(None)` for NULL,
/// `Some(Some(entry))` for one of [`CATALOGUE`]'s entries, `None` for any other
/// pointer. Found by its address alone: the pointer is never dereferenced.
pub(crate) fn core_entry_of(
    entry: *const dcs_status_catalogue_entry,
) -> Option<Option<&'static CatalogueEntry>> {
    if entry.is_null() {
        return Some(None);
    }
    let size = core::mem::size_of::<dcs_status_catalogue_entry>();
    let offset = (entry as usize).checked_sub(CATALOGUE.as_ptr() as usize)?;
    if offset.checked_rem(size)? != 0 {
        return None;
    }
    let index = offset.checked_div(size)?;
    CatalogueEntry::all().get(index).map(Some)
}

/// The number of entries in the error-code catalogue.
#[no_mangle]
pub extern "C" fn dcs_status_catalogue_count() -> usize {
    ffi_panic_boundary! { CATALOGUE.len() }
}

/// The catalogue's entry at `index` (0 to `dcs_status_catalogue_count() - 1`), in the
/// document's order; NULL when `index` is out of range.
#[no_mangle]
pub extern "C" fn dcs_status_catalogue_at(index: usize) -> *const dcs_status_catalogue_entry {
    ffi_panic_boundary! {
        CATALOGUE
            .get(index)
            .map_or(core::ptr::null(), |e| e as *const _)
    }
}

/// Finds the catalogue's entry for an error code, forgivingly: ASCII case is ignored
/// and ASCII whitespace anywhere is skipped, so "dcs.4855", " DCS. 4855 " and
/// "DCS.4855" are one code; both families are found ("DCS.4111", "111400017").
///
/// `code` points to `len` bytes; no NUL terminator is needed or read. Constant time,
/// nothing allocated, whatever the length.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `code` or `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE` if no entry has the code, never a guess
/// (`dcs_status_error_message` writes its message about the code). Bytes that are not
/// UTF-8 are no code either: UNKNOWN_ERROR_CODE, as the core and every binding answer
/// (tests/vectors/catalogue.json). `*out` is written only on success.
///
/// # Safety
/// `code` must be NULL or point to `len` readable bytes; `out` must be NULL or point
/// to writable memory for one pointer.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_catalogue_lookup(
    code: *const c_char,
    len: usize,
    out: *mut *const dcs_status_catalogue_entry,
) -> dcs_status_result {
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        // SAFETY: by this function's contract, `code` is NULL or has `len` bytes.
        let Some(code) = (unsafe { bytes(code, len) }) else {
            return dcs_status_result::ErrNullPointer;
        };
        match CatalogueEntry::lookup(code) {
            Ok(entry) => {
                // SAFETY: `out` is non-null and, by this function's contract, writable.
                unsafe { out.write(catalogue_entry_of(entry)) };
                dcs_status_result::Ok
            }
            Err(e) => e.kind().into(),
        }
    }
}

/// Writes the explanation of an error code for people, as `dcs-status DCS.4111`
/// prints it: the code, the status DCS sends it with, the message, description,
/// solution and advice, wrapped to 80 columns, ending with a newline. `code` is read
/// as `dcs_status_catalogue_lookup` reads it; a code the catalogue lacks gets its
/// unknown-error-code message, NULL the null-pointer message. Returns the text's
/// length; see the renderers' contract at `dcs_status_explain`.
///
/// # Safety
/// `code` must be NULL or point to `len` readable bytes; `buf` must be NULL or point
/// to `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_catalogue_explain(
    code: *const c_char,
    len: usize,
    buf: *mut c_char,
    cap: usize,
) -> usize {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `code` is NULL or has `len` bytes.
        let code = unsafe { bytes(code, len) };
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match code.map(CatalogueEntry::lookup) {
                Some(Ok(entry)) => render(buf, cap, entry.explain()),
                Some(Err(e)) => render(buf, cap, e),
                None => render(buf, cap, error_message(ErrorKind::NullPointer, b"")),
            }
        }
    }
}
