//! The panic guard every exported function runs its body in.

use std::panic::{catch_unwind, UnwindSafe};

/// Runs `body`; if it panics, returns `on_panic` instead of unwinding into C.
///
/// The lints on this crate rule out the usual ways to panic; this is the second line.
pub(crate) fn guard<T>(on_panic: T, body: impl FnOnce() -> T + UnwindSafe) -> T {
    catch_unwind(body).unwrap_or(on_panic)
}
