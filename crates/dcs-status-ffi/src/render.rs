//! Text the core renders, written into the caller's buffer: messages, explanations,
//! decisions. C and Go print these instead of composing their own.
//!
//! Every renderer has `snprintf`'s contract: it writes at most `cap - 1` bytes of the
//! text and a NUL, cut at a UTF-8 character boundary (never inside a character), and
//! returns the length of the whole text in bytes (without the NUL). A return value of
//! `cap` or more means the text was cut: call again with a buffer of at least the
//! returned value + 1. `buf` may be NULL (with any `cap`) to measure only.

use core::ffi::c_char;
use core::fmt::{self, Write};

use core_status::{error_message, lookup, Action, Decision, HttpErrorRef};

use crate::enums::{dcs_status_action, dcs_status_result};
use crate::input::bytes;

/// A `fmt::Write` into the caller's buffer with `snprintf`'s contract.
struct Buffer<'a> {
    /// The caller's buffer, `cap` bytes; `None` to measure only.
    buf: Option<&'a mut [u8]>,
    /// Bytes written so far (always followed by a NUL).
    written: usize,
    /// Whether a piece of text did not fit: nothing more is written after a cut.
    cut: bool,
    /// The length of the whole text.
    total: usize,
}

impl Write for Buffer<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.total = self.total.saturating_add(s.len());
        let Some(buf) = self.buf.as_deref_mut() else {
            return Ok(());
        };
        if self.cut {
            return Ok(());
        }
        // Room for text: the buffer minus what is written and the NUL.
        let room = buf.len().saturating_sub(self.written).saturating_sub(1);
        let mut take = s.len().min(room);
        while !s.is_char_boundary(take) {
            take = take.saturating_sub(1);
        }
        if take < s.len() {
            self.cut = true;
        }
        let end = self.written.saturating_add(take);
        if let (Some(dst), Some(src)) = (buf.get_mut(self.written..end), s.as_bytes().get(..take)) {
            dst.copy_from_slice(src);
            self.written = end;
        }
        if let Some(nul) = buf.get_mut(self.written) {
            *nul = 0;
        }
        Ok(())
    }
}

/// Writes `text` into `buf` (`cap` bytes, or NULL to measure) with `snprintf`'s
/// contract; returns the whole text's length.
///
/// # Safety
/// `buf` must be NULL or point to `cap` writable bytes.
pub(crate) unsafe fn render(buf: *mut c_char, cap: usize, text: impl fmt::Display) -> usize {
    let buf = if buf.is_null() || cap == 0 {
        None
    } else {
        // SAFETY: `buf` is non-null and, by this function's contract, has `cap`
        // writable bytes; u8 and c_char have the same layout.
        Some(unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), cap) })
    };
    let mut out = Buffer {
        buf,
        written: 0,
        cut: false,
        total: 0,
    };
    // An empty string first, so that the buffer holds a C string whatever happens.
    let _ = out.write_str("");
    // Writing to a Buffer never fails; a Display impl that failed would leave a
    // shorter, still terminated text.
    let _ = write!(out, "{text}");
    out.total
}

/// Writes the message of an error about an input, as the core says it
/// (`dcs_status::error_message`): for `DCS_STATUS_RESULT_ERR_UNKNOWN_NAME` and
/// "nope", `unknown status name "nope": expected a DCS name ("NotFound"), ...`.
///
/// `input` points to the `len` bytes the failed call was given (NULL for none); it is
/// quoted, escaped and shortened to at most 64 characters, so the message is short
/// whatever the input. For `DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE`, pass the number
/// in decimal ("1234"). For `DCS_STATUS_RESULT_OK` the text is "success"; for a value
/// that is not a `dcs_status_result`, "unknown dcs_status_result value".
///
/// Returns the message's length; see the renderers' contract at
/// `dcs_status_explain`.
///
/// # Safety
/// `input` must be NULL or point to `len` readable bytes; `buf` must be NULL or point
/// to `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_error_message(
    result: u32,
    input: *const c_char,
    len: usize,
    buf: *mut c_char,
    cap: usize,
) -> usize {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `input` is NULL or has `len` bytes.
        let input = unsafe { bytes(input, len) }.unwrap_or_default();
        let kind = dcs_status_result::from_value(result).map(dcs_status_result::to_core);
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match kind {
                Some(Some(kind)) => render(buf, cap, error_message(kind, input)),
                Some(None) => render(buf, cap, "success"),
                None => render(buf, cap, "unknown dcs_status_result value"),
            }
        }
    }
}

/// Writes the explanation of `code` for people, as `dcs-status CODE` prints it:
/// several lines (code and phrase or the RFC 9110 fallback, DCS name, ident, class,
/// retry advice, description), wrapped to 80 columns, ending with a newline. Any value
/// is safe: a number outside 100..999 gets its not-a-status-code message.
///
/// Like every renderer of this library (`dcs_status_error_message`,
/// `dcs_status_decision_text`, `dcs_status_http_error_message`), it has `snprintf`'s
/// contract: it writes at most `cap - 1` bytes and a NUL into `buf`, never cutting a
/// UTF-8 character, and returns the length of the whole text (without the NUL). A
/// return value >= `cap` means the text was cut: call again with `cap` at least the
/// returned value + 1. With `buf` NULL (or `cap` 0) it only measures.
///
/// # Safety
/// `buf` must be NULL or point to `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_explain(code: i64, buf: *mut c_char, cap: usize) -> usize {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match lookup(code) {
                Ok(found) => render(buf, cap, found.explain()),
                Err(e) => render(buf, cap, e),
            }
        }
    }
}

/// Writes a decision as the core displays it: "do_not_retry", "retry_with_backoff" or
/// "retry_after 120s" (the fields of a `dcs_status_decision`; the delay counts only
/// for `DCS_STATUS_ACTION_RETRY_AFTER`). A value that is not a `dcs_status_action`
/// gets "unknown dcs_status_action value". Returns the text's length; see the
/// renderers' contract at `dcs_status_explain`.
///
/// # Safety
/// `buf` must be NULL or point to `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_decision_text(
    action: u32,
    delay_seconds: u64,
    buf: *mut c_char,
    cap: usize,
) -> usize {
    ffi_panic_boundary! {
        let decision = dcs_status_action::from_value(action).map(|a| match a.to_core() {
            Action::DoNotRetry => Decision::DoNotRetry,
            Action::RetryAfter => Decision::RetryAfter(core::time::Duration::from_secs(delay_seconds)),
            Action::RetryWithBackoff => Decision::RetryWithBackoff,
        });
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match decision {
                Some(decision) => render(buf, cap, decision),
                None => render(buf, cap, "unknown dcs_status_action value"),
            }
        }
    }
}

/// Writes the one-line message of an HTTP error response without a body, as every
/// binding shows it (`dcs_status::HttpError::new`): code, phrase, DCS name, what the
/// RFC 9110 fallback did, the description's first paragraph, the retry advice, the
/// decision and the request id, e.g. `429 Too Many Requests, DCS name
/// TooManyRequests: The client has sent ... Retry advice: ...; decision: retry after
/// 120s; request id "req-42"`. For a response with a body (and its error code), see
/// `dcs_status_http_error_from_response_message`. Nothing is allocated.
///
/// `retry_after` and `request_id` are the values of the response's Retry-After and
/// X-Request-Id headers (`len` bytes each, no NUL needed), or NULL when it had none;
/// they are untrusted, and shown quoted and shortened (a request id counts as a header
/// value does: without surrounding spaces and tabs, and only if it is valid UTF-8;
/// longer than 4096 bytes, it is cut there). `now` is Unix seconds and
/// `idempotent` says whether the request may be sent twice, as for
/// `dcs_status_decide`. A `code` outside 100..999 gets its not-a-status-code message.
/// Returns the message's length; see the renderers' contract at `dcs_status_explain`.
///
/// # Safety
/// `retry_after` and `request_id` must each be NULL or point to their length's
/// readable bytes; `buf` must be NULL or point to `cap` writable bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // C has no keyword arguments: each is one field
pub unsafe extern "C" fn dcs_status_http_error_message(
    code: i64,
    retry_after: *const c_char,
    retry_after_len: usize,
    request_id: *const c_char,
    request_id_len: usize,
    now: i64,
    idempotent: bool,
    buf: *mut c_char,
    cap: usize,
) -> usize {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, each is NULL or has its length's bytes.
        let (retry_after, request_id) =
            unsafe { (bytes(retry_after, retry_after_len), bytes(request_id, request_id_len)) };
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match HttpErrorRef::new(code, retry_after, request_id, now, idempotent) {
                Ok(err) => render(buf, cap, err),
                Err(e) => render(buf, cap, e),
            }
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::arithmetic_side_effects
)]
mod tests {
    use super::*;

    /// Renders `text` into a buffer of `cap` bytes (after a canary byte pattern):
    /// the returned length and the buffer's bytes.
    fn rendered(text: &str, cap: usize) -> (usize, Vec<u8>) {
        let mut buf = vec![0xA5u8; cap + 4];
        // SAFETY: `buf` has at least `cap` writable bytes.
        let n = unsafe { render(buf.as_mut_ptr().cast(), cap, text) };
        assert!(buf[cap..].iter().all(|&b| b == 0xA5), "wrote past cap");
        buf.truncate(cap);
        (n, buf)
    }

    #[test]
    fn renderers_have_snprintf_s_contract() {
        let text = "ab€c"; // € is three bytes: 2..5
        for cap in 0..10 {
            let (n, buf) = rendered(text, cap);
            assert_eq!(n, text.len(), "cap {cap}");
            if cap == 0 {
                continue;
            }
            let nul = buf.iter().position(|&b| b == 0).unwrap();
            let written = std::str::from_utf8(&buf[..nul]).unwrap();
            assert!(text.starts_with(written), "cap {cap}: {written:?}");
            assert!(written.len() < cap);
            // As much as fits, but never half a character.
            let fits = (0..=text.len().min(cap - 1))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap();
            assert_eq!(written.len(), fits, "cap {cap}");
        }
        // SAFETY: NULL measures only, whatever cap says.
        assert_eq!(
            unsafe { render(core::ptr::null_mut(), 100, text) },
            text.len()
        );
    }

    #[test]
    fn nothing_is_written_after_a_cut() {
        struct Pieces;
        impl fmt::Display for Pieces {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("€€")?; // 6 bytes
                f.write_str("x") // would fit after a cut, must not be written
            }
        }
        let mut buf = [0xA5u8; 5];
        // SAFETY: `buf` has 5 writable bytes.
        let n = unsafe { render(buf.as_mut_ptr().cast(), buf.len(), Pieces) };
        assert_eq!(n, 7);
        assert_eq!(&buf[..4], "€\0".as_bytes());
    }
}
