//! The status-code table of the Distributed Cache Service (DCS) API, and every rule
//! derived from it.
//!
//! The DCS API reference page "Status Codes" (dcs-api-0312043) lists HTTP status
//! codes, each with DCS's own name, a description, and for some, advice on retrying.
//! This crate holds that table ([`Status`]) and answers the questions every DCS client
//! asks of it, identically for the C, Go and Python bindings built on it:
//!
//! - what a code means: [`Status::from_code`], or [`lookup`] for any integer (RFC 9110
//!   §15: an unrecognized code is read as the `x00` code of its class, 600–999 as a
//!   server error);
//! - which entry a name refers to: [`from_name`] (DCS names, idents, IANA and older
//!   RFC phrases, case- and separator-insensitive);
//! - whether it is an error, and of which [`Class`];
//! - whether and when to retry: [`RetryAdvice`], [`parse_retry_after`], [`decide`]
//!   (an [`Action`] and its delay).
//!
//! It is also the only author of the text users see, so that every binding says the
//! same thing: [`Lookup::explain`], [`HttpError`]'s message, every error's message
//! ([`ErrorKind`], [`error_message`]), with untrusted input always [`quote`]d
//! (escaped, at most 64 characters).
//!
//! ```
//! use std::time::Duration;
//! use dcs_status::{decide, from_name, lookup, Class, Decision, Status};
//!
//! let s = Status::from_code(504).unwrap();
//! assert_eq!((s.name(), s.phrase()), ("ServerTimeout", "Gateway Timeout"));
//! assert_eq!(s.class(), Class::ServerError);
//!
//! assert_eq!(from_name("request entity too large"), Ok(Status::REQUEST_ENTITY_TOO_LARGE));
//! assert_eq!(lookup(418).unwrap().status(), Status::BAD_REQUEST);
//!
//! let now = 1_700_000_000;
//! assert_eq!(
//!     decide(429, Some("120"), now, false),
//!     Ok(Decision::RetryAfter(Duration::from_secs(120)))
//! );
//! ```
//!
//! The whole table in its canonical JSON form is [`table_json`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Inputs and `now` are untrusted: arithmetic is checked or saturating, so that no value
// can wrap into a wrong answer or panic. A site that cannot overflow says why, in a
// local `allow`.
#![deny(clippy::arithmetic_side_effects)]

mod action;
mod advice;
mod body;
mod catalogue;
mod class;
mod clock;
mod decision;
mod error_kind;
mod explain;
mod http_error;
mod json;
mod lookup;
mod names;
mod quote;
mod retry;
mod retry_after;
mod static_text;
mod table;

pub use action::Action;
pub use advice::RetryAdvice;
pub use body::{parse_error_body, resolve_request_id, ErrorBody, RawStr};
pub use catalogue::{catalogue_entry_json, catalogue_json};
pub use catalogue::{CatalogueEntry, ErrorAdvice, UnknownErrorCode};
pub use class::Class;
pub use clock::unix_now;
pub use decision::{decide, method_is_idempotent, Decision};
pub use error_kind::{error_message, ErrorKind, ErrorMessage};
pub use explain::{catalogue_text, parse_query, table_text, QueryError};
pub use http_error::{HttpError, HttpErrorRef};
pub use json::{entry_json, table_json};
pub use lookup::{lookup, GivenNumber, Lookup, LookupKind, NotAStatusCodeError};
pub use names::{from_name, from_name_bytes, ident_from_name, UnknownNameError};
pub use quote::{quote, Quoted};
pub use retry::random_unit;
pub use retry::reseed_random_unit;
pub use retry::ExhaustedMessage;
pub use retry::Jitter;
pub use retry::RetryBudget;
pub use retry::RetryCategory;
pub use retry::RetryInputError;
pub use retry::RetryPolicy;
pub use retry::RetryReason;
pub use retry::RetryStep;
pub use retry::StepAction;
pub use retry::StepInput;
pub use retry_after::{parse_http_date, parse_retry_after, RetryAfterError};
pub use table::Status;

/// The text of one of the crate's static C strings (each is checked to be UTF-8 when it
/// is made, so this never yields the empty fallback).
pub(crate) const fn str_of(c: &'static core::ffi::CStr) -> &'static str {
    match c.to_str() {
        Ok(s) => s,
        Err(_) => "",
    }
}

/// The status a retry step reads as "no response arrived": the connection failed,
/// was reset or timed out before a response (rule 0 of [`RetryPolicy::step`]). No
/// HTTP status is 0, so it cannot be mistaken for one.
///
/// ```
/// use dcs_status::{RetryPolicy, RetryReason, StepInput, NO_RESPONSE};
///
/// let reset = StepInput::new(1, NO_RESPONSE).with_idempotent(true).with_random(0.5);
/// let step = RetryPolicy::DEFAULT.step(&reset, None);
/// assert_eq!(step.reason, RetryReason::ConnectionError);
/// assert_eq!(step.to_string(), "retry 1 of 2 in 25 ms: no response on an idempotent request (connection_error)");
/// ```
pub const NO_RESPONSE: i64 = 0;

/// The most bytes of an error response's body that a client reads to find its
/// `error_code` ([`parse_error_body`]): a DCS error body is a few hundred bytes, and
/// a client must not read without bound a body it was sent. 64 KiB.
///
/// ```
/// assert_eq!(dcs_status::BODY_LIMIT, 65_536);
/// ```
pub const BODY_LIMIT: usize = 64 * 1024;

/// The version of this crate (and of the C ABI and bindings built from it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The README's Rust examples, run as doctests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
