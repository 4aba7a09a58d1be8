//! The panic boundary every exported function's body runs inside.

/// The value an exported function returns when its body panicked: an error result,
/// NULL, false, 0, nothing, or a zeroed policy.
pub(crate) trait OnPanic {
    /// The value that stands for "internal error" in this return type.
    fn on_panic() -> Self;
}

impl OnPanic for crate::dcs_status_result {
    fn on_panic() -> Self {
        crate::dcs_status_result::ErrInternal
    }
}

impl<T> OnPanic for *const T {
    fn on_panic() -> Self {
        core::ptr::null()
    }
}

impl<T> OnPanic for *mut T {
    fn on_panic() -> Self {
        core::ptr::null_mut()
    }
}

impl OnPanic for u32 {
    fn on_panic() -> Self {
        0
    }
}

impl OnPanic for f64 {
    fn on_panic() -> Self {
        0.0
    }
}

impl OnPanic for () {
    fn on_panic() -> Self {}
}

impl OnPanic for crate::dcs_status_retry_policy {
    /// A zeroed policy, which every function that reads one refuses (its `jitter` 0
    /// is none).
    fn on_panic() -> Self {
        crate::dcs_status_retry_policy {
            max_attempts: 0,
            jitter: 0,
            base_transient_ms: 0,
            base_throttle_ms: 0,
            base_busy_ms: 0,
            cap_ms: 0,
            max_retry_after_s: 0,
        }
    }
}

impl OnPanic for bool {
    fn on_panic() -> Self {
        false
    }
}

impl OnPanic for usize {
    fn on_panic() -> Self {
        0
    }
}

/// Runs an exported function's body; if it panics, returns the return type's
/// [`OnPanic`] value instead of unwinding into C (which is undefined behaviour).
///
/// Every `extern "C" fn` of this crate is written `{ ffi_panic_boundary! { body } }`
/// (as rustls-ffi's `ffi_panic_boundary!`); the macro goes inside the body, not
/// around the function, so that cbindgen still sees the function. The test
/// `every_export_runs_inside_the_panic_boundary` checks that none is missing it. The
/// lints on this crate rule out the usual ways to panic; this is the second line.
///
/// `return` inside the body returns from the body, as in a closure.
macro_rules! ffi_panic_boundary {
    ($($body:tt)*) => {
        // AssertUnwindSafe: the library has no mutable state that a panic could leave
        // half-updated; what the body writes through the caller's pointers is its own.
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* })) {
            Ok(value) => value,
            Err(_) => $crate::panic_boundary::OnPanic::on_panic(),
        }
    };
}
