//! The C ABI of dcs-status: `libdcs_status.so` / `libdcs_status.a` and the header
//! `include/dcs_status.h`, generated from this crate by cbindgen.
//!
//! Thin `extern "C"` functions over the core crate: no logic and no text of their
//! own. The rules:
//!
//! - every name starts with `dcs_status_` / `DCS_STATUS_`; enums have explicit values
//!   that are never reused, declared once with their core counterpart (`c_enum!`);
//! - nothing for the caller to free but a retry budget (`dcs_status_retry_budget_new*`
//!   / `_free`), no mutable global state: every string and entry returned is static
//!   and immutable (the catalogue's C table is made once, on first use, and never
//!   changed), every text of a response is a slice of the caller's own buffer,
//!   a budget changes by atomic operations only, so every function is thread-safe.
//!   Lookups by code, name and error code, the body parser, the response error and a
//!   retry step (with or without a budget, its log line included) allocate nothing
//!   (for every DCS and gateway body); the other renderers (`dcs_status_explain`,
//!   ...) write into the caller's buffer and may allocate a small, bounded amount
//!   inside;
//! - every function is total: NULL pointers, invalid UTF-8, out-of-range codes,
//!   indexes and enum values give a documented [`dcs_status_result`] (or NULL),
//!   never a crash; errors are returned, never kept in thread-local state;
//! - no panic can reach C: the lints below forbid the ways code panics, and every
//!   exported body is wrapped in `ffi_panic_boundary!`, which turns a panic into
//!   `DCS_STATUS_RESULT_ERR_INTERNAL` (or NULL, false, 0). A test checks that every
//!   `extern "C" fn` of this crate starts with it.
#![deny(
    unsafe_op_in_unsafe_fn,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented,
    clippy::arithmetic_side_effects
)]
#![allow(non_camel_case_types)]

#[macro_use]
mod panic_boundary;
#[macro_use]
mod c_enum;

mod entries;
mod input;
mod types;

// The header declares the functions in the order of these modules: the table and
// lookups, Retry-After and the decision, the error-code catalogue, error bodies and
// request ids, the response error, the retry policy and its budget, the renderers,
// the enums' names. (One module per
// group: rustfmt sorts a group of `mod` lines, cbindgen follows their order.)
mod lookup;

mod retry;

mod catalogue;

mod body;

mod response;

mod policy;

mod budget;

mod render;

mod enums;

pub use body::*;
pub use budget::*;
pub use catalogue::*;
pub use entries::dcs_status_by_code;
pub use enums::*;
pub use lookup::*;
pub use policy::*;
pub use render::*;
pub use response::*;
pub use retry::*;
pub use types::*;

/// The major version of the library. The shared library's soname is
/// `libdcs_status.so.0.<minor>` before 1.0 (a minor release may break the ABI), and
/// `libdcs_status.so.<major>` from 1.0 on.
pub const DCS_STATUS_VERSION_MAJOR: u32 = 0;
/// The minor version of the library.
pub const DCS_STATUS_VERSION_MINOR: u32 = 3;
/// The patch version of the library.
pub const DCS_STATUS_VERSION_PATCH: u32 = 0;
/// The version as one number, `major * 10000 + minor * 100 + patch`, for `#if`.
pub const DCS_STATUS_VERSION_NUMBER: u32 = 300;

// Tests may panic: that is how they fail.
#[cfg(test)]
#[allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
mod tests;
