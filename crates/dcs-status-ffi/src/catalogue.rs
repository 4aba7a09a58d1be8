//! The DCS error-code catalogue as C structs, made from the core's once, on first use,
//! and its lookups.

use core::ffi::c_char;
use std::sync::OnceLock;

use core_status::{error_message, CatalogueEntry, ErrorKind};

use crate::entries::entry_of;
use crate::enums::dcs_status_result;
use crate::input::bytes;
use crate::render::render;
use crate::types::dcs_status_catalogue_entry;

/// How many entries the catalogue has.
const LEN: usize = CatalogueEntry::all().len();

/// The catalogue as C sees it, in document order: made on first use, never changed
/// after. (A static table of C structs would cost the shared library a relocation per
/// pointer, five per entry, about 50 KB; this lives in .bss and costs nothing on disk.
/// Making it allocates nothing; threads that race to make it wait for the first.)
static CATALOGUE: OnceLock<[dcs_status_catalogue_entry; LEN]> = OnceLock::new();

/// The catalogue as C sees it.
fn catalogue() -> &'static [dcs_status_catalogue_entry; LEN] {
    CATALOGUE.get_or_init(|| {
        let all = CatalogueEntry::all();
        core::array::from_fn(|i| c_entry(all.get(i).unwrap_or(FIRST)))
    })
}

/// A fallback that `catalogue` never uses (its indexes are the core's).
static FIRST: &CatalogueEntry = match CatalogueEntry::all().first() {
    Some(first) => first,
    None => panic!("the catalogue is empty"),
};

/// The C struct of a core entry.
fn c_entry(e: &'static CatalogueEntry) -> dcs_status_catalogue_entry {
    dcs_status_catalogue_entry {
        code: e.code_cstr().as_ptr(),
        status: e.status().code(),
        advice: e.advice().into(),
        index: u32::try_from(e.index()).unwrap_or(u32::MAX),
        message: e.message_cstr().as_ptr(),
        description: e.description_cstr().as_ptr(),
        solution: e.solution_cstr().as_ptr(),
        status_entry: entry_of(e.status()),
    }
}

/// The C entry of a core entry.
pub(crate) fn catalogue_entry_of(
    entry: &'static CatalogueEntry,
) -> *const dcs_status_catalogue_entry {
    catalogue()
        .get(entry.index())
        .map_or(core::ptr::null(), |e| e as *const _)
}

/// The core's entry of a pointer C hands back: `Some(None)` for NULL,
/// `Some(Some(entry))` for one of [`catalogue`]'s entries, `None` for any other
/// pointer. Found by its address alone: the pointer is never dereferenced.
pub(crate) fn core_entry_of(
    entry: *const dcs_status_catalogue_entry,
) -> Option<Option<&'static CatalogueEntry>> {
    if entry.is_null() {
        return Some(None);
    }
    let size = core::mem::size_of::<dcs_status_catalogue_entry>();
    let offset = (entry as usize).checked_sub(catalogue().as_ptr() as usize)?;
    if offset.checked_rem(size)? != 0 {
        return None;
    }
    let index = offset.checked_div(size)?;
    CatalogueEntry::all().get(index).map(Some)
}

/// The number of entries in the error-code catalogue.
#[no_mangle]
pub extern "C" fn dcs_status_catalogue_count() -> usize {
    ffi_panic_boundary! { LEN }
}

/// The catalogue's entry at `index` (0 to `dcs_status_catalogue_count() - 1`), in the
/// document's order; NULL when `index` is out of range.
#[no_mangle]
pub extern "C" fn dcs_status_catalogue_at(index: usize) -> *const dcs_status_catalogue_entry {
    ffi_panic_boundary! {
        catalogue()
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
