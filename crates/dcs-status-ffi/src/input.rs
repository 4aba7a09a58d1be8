//! Reading what C hands in: pointer + length strings, and output pointers.

use core::ffi::c_char;

use crate::enums::dcs_status_result;

/// Views `len` bytes at `ptr`; `None` for NULL.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that stay valid and unchanged
/// for the returned lifetime.
pub(crate) unsafe fn bytes<'a>(ptr: *const c_char, len: usize) -> Option<&'a [u8]> {
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

/// Views `len` bytes at `ptr` as UTF-8 text: `ErrNullPointer` for NULL,
/// `ErrInvalidUtf8` for bytes that are not UTF-8.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn text<'a>(
    ptr: *const c_char,
    len: usize,
) -> Result<&'a str, dcs_status_result> {
    // SAFETY: forwarded from this function's contract.
    let bytes = unsafe { bytes(ptr, len) }.ok_or(dcs_status_result::ErrNullPointer)?;
    core::str::from_utf8(bytes).map_err(|_| dcs_status_result::ErrInvalidUtf8)
}
