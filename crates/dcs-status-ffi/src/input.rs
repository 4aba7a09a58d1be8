//! Reading what C hands in: pointer + length strings, and output pointers.

use core::ffi::c_char;

use crate::enums::dcs_status_result;
use crate::types::dcs_status_header;

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

/// Views `len` bytes at `ptr`, where NULL stands for no bytes only when `len` is 0:
/// `ErrNullPointer` for NULL with a length.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn bytes_or_empty<'a>(
    ptr: *const c_char,
    len: usize,
) -> Result<&'a [u8], dcs_status_result> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(dcs_status_result::ErrNullPointer)
        };
    }
    // SAFETY: forwarded from this function's contract; `ptr` is non-null.
    Ok(unsafe { bytes(ptr, len) }.unwrap_or_default())
}

/// The headers at `headers` (`n` of them) as `(name, value)` byte pairs, every pointer
/// checked first: `ErrNullPointer` for NULL `headers` with `n` > 0, or a header whose
/// name or value is NULL with a length.
///
/// # Safety
/// `headers` must be NULL or point to `n` readable headers, each of whose pointers is
/// NULL or points to its length's readable bytes, all valid for the returned lifetime.
pub(crate) unsafe fn headers<'a>(
    headers: *const dcs_status_header,
    n: usize,
) -> Result<impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone, dcs_status_result> {
    let headers: &'a [dcs_status_header] = if n == 0 {
        &[]
    } else if headers.is_null() {
        return Err(dcs_status_result::ErrNullPointer);
    } else {
        // SAFETY: `headers` is non-null and, by this function's contract, points to
        // `n` readable headers.
        unsafe { core::slice::from_raw_parts(headers, n) }
    };
    let pair = |h: &dcs_status_header| -> Result<(&'a [u8], &'a [u8]), dcs_status_result> {
        // SAFETY: by this function's contract, each pointer is NULL or has its
        // length's bytes.
        unsafe {
            Ok((
                bytes_or_empty(h.name, h.name_len)?,
                bytes_or_empty(h.value, h.value_len)?,
            ))
        }
    };
    for h in headers {
        pair(h)?;
    }
    Ok(headers.iter().map(move |h| pair(h).unwrap_or_default()))
}
