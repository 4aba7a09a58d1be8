//! The C ABI of dcs-status: `libdcs_status.so` / `libdcs_status.a` and the header
//! `include/dcs_status.h`, generated from this crate by cbindgen.
//!
//! Thin `extern "C"` functions over the core crate: no logic of its own. The rules:
//!
//! - every name starts with `dcs_status_` / `DCS_STATUS_`; enums have explicit values
//!   that are never reused;
//! - no allocation, nothing for the caller to free, no mutable global state: every
//!   string and entry returned is static and immutable, so every function is
//!   thread-safe;
//! - every function is total: NULL pointers, invalid UTF-8, out-of-range codes and
//!   indexes give a documented [`dcs_status_result`] (or NULL), never a crash; errors
//!   are returned, never kept in thread-local state;
//! - no panic can reach C: the lints below forbid the ways code panics, and every
//!   exported body runs inside [`guard`], which turns a panic into
//!   `DCS_STATUS_RESULT_ERR_PANIC`.
#![deny(
    unsafe_op_in_unsafe_fn,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]
#![allow(non_camel_case_types)]

mod api;
mod entries;
mod guard;
mod types;

pub use api::*;
pub use entries::dcs_status_by_code;
pub use types::*;

/// The major version of the library; the shared library's soname is
/// `libdcs_status.so.<major>`.
pub const DCS_STATUS_VERSION_MAJOR: u32 = 0;
/// The minor version of the library.
pub const DCS_STATUS_VERSION_MINOR: u32 = 1;
/// The patch version of the library.
pub const DCS_STATUS_VERSION_PATCH: u32 = 0;
/// The version as one number, `major * 10000 + minor * 100 + patch`, for `#if`.
pub const DCS_STATUS_VERSION_NUMBER: u32 = 100;

// Tests may panic: that is how they fail.
#[cfg(test)]
#[allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]
mod tests;
