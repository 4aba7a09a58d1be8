//! `dcs_status._native`: the pyo3 module under the Python package `dcs_status`.
//!
//! Thin wrappers over the core crate [`dcs_status`]: each function converts its
//! arguments ([`convert`]), calls the core, and converts the answer back, as
//! `#[pyclass]`es ([`Lookup`](lookup::PyLookup), [`Decision`](retry::PyDecision),
//! [`CatalogueEntry`](catalogue::PyCatalogueEntry), [`ErrorBody`](body::PyErrorBody),
//! [`RetryPolicy`](policy::PyRetryPolicy), [`RetryBudget`](policy::PyRetryBudget),
//! [`RetryStep`](policy::PyRetryStep)) or as members of the package's enums
//! ([`members`]). Every message a Python user sees
//! is the core's: errors are raised with the core's text ([`errors`]), a `Lookup`'s
//! and a `Decision`'s `str()` are the core's `Display`, and an HTTP error's message is
//! the core's [`dcs_status::HttpError`].
//!
//! No rule lives here, and none in the Python package: the table, the classes, the
//! kinds, the actions and the error kinds reach Python as the constants below, from
//! which `dcs_status._enums` and `dcs_status._errors` build their enums.
//!
//! Layout: [`convert`] (Python arguments), [`members`] (the Python enum members the
//! answers are made of), [`errors`] (raising the package's exceptions), [`lookup`]
//! (codes and names), [`retry`] (Retry-After and the decision), [`catalogue`] (the
//! error-code catalogue), [`body`] (error bodies), [`http_error`] (an HTTP error
//! response read as one error), [`policy`] (the retry policy), [`cli`] (the
//! `dcs-status` command).

mod body;
mod catalogue;
mod cli;
mod convert;
mod errors;
mod http_error;
mod lookup;
mod members;
mod policy;
mod retry;

use dcs_status::{
    Action, Class, ErrorAdvice, ErrorKind, HttpError, Jitter, LookupKind, RetryAdvice,
    RetryCategory, RetryInputError, RetryReason, Status, StepAction,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// The module: constants built once from the core, its classes and its functions.
///
/// - `VERSION`: the core's version.
/// - `TABLE`: one tuple per entry, in code order:
///   `(code, ident, name, phrase, class, retry_advice, description)`.
/// - `CLASSES`: `(name, base_code, is_error)` per class, in code order.
/// - `RETRY_ADVICES`: `(name, explanation)` per advice.
/// - `LOOKUP_KINDS`, `ACTIONS`: the names of the lookup kinds and decision actions.
/// - `ERROR_KINDS`: `(name, message, is_retry_after)` per error kind, in number order.
/// - `RETRY_AFTER_HEADER`, `REQUEST_ID_HEADER`: the header names an HTTP error reads.
/// - `TEXT_LIMIT`: the most bytes an HTTP error keeps of each text of a response;
///   `BODY_LIMIT`: the most the package reads of a body its client has not read
///   (the core's, as Go's `MaxErrorBodyBytes` and C's `DCS_STATUS_BODY_LIMIT`).
/// - `NO_RESPONSE`: the status a retry step reads as "no response arrived".
/// - `ERROR_ADVICES`, `JITTERS`, `RETRY_CATEGORIES`, `STEP_ACTIONS`: `(name,
///   explanation)` per value; `RETRY_REASONS`: `(name, explanation, is_retry)`;
///   `RETRY_INPUT_ERRORS`: `(name, message)`.
///
/// Loading it registers `reseed_random_unit` to run in the child after `os.fork`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("VERSION", dcs_status::VERSION)?;
    let table = Status::all().iter().map(|s| {
        (
            s.code(),
            s.ident(),
            s.name(),
            s.phrase(),
            s.class().as_str(),
            s.retry_advice().as_str(),
            s.description(),
        )
    });
    m.add("TABLE", PyTuple::new(py, table)?)?;
    let classes = Class::ALL
        .iter()
        .map(|c| (c.as_str(), c.base_code(), c.is_error()));
    m.add("CLASSES", PyTuple::new(py, classes)?)?;
    let advices = RetryAdvice::ALL.iter().map(|a| (a.as_str(), a.explain()));
    m.add("RETRY_ADVICES", PyTuple::new(py, advices)?)?;
    m.add(
        "LOOKUP_KINDS",
        PyTuple::new(py, LookupKind::ALL.map(LookupKind::as_str))?,
    )?;
    m.add(
        "ACTIONS",
        PyTuple::new(py, Action::ALL.map(Action::as_str))?,
    )?;
    let kinds = ErrorKind::ALL
        .iter()
        .map(|k| (k.as_str(), k.message(), k.is_retry_after()));
    m.add("ERROR_KINDS", PyTuple::new(py, kinds)?)?;
    m.add("RETRY_AFTER_HEADER", HttpError::RETRY_AFTER_HEADER)?;
    m.add("REQUEST_ID_HEADER", HttpError::REQUEST_ID_HEADER)?;
    m.add("TEXT_LIMIT", HttpError::TEXT_LIMIT)?;
    m.add("BODY_LIMIT", dcs_status::BODY_LIMIT)?;
    m.add("NO_RESPONSE", dcs_status::NO_RESPONSE)?;
    let explained =
        |name: &str, rows: Vec<(&'static str, &'static str)>| m.add(name, PyTuple::new(py, rows)?);
    explained(
        "ERROR_ADVICES",
        ErrorAdvice::ALL.map(|a| (a.as_str(), a.explain())).to_vec(),
    )?;
    explained(
        "JITTERS",
        Jitter::ALL.map(|j| (j.as_str(), j.explain())).to_vec(),
    )?;
    explained(
        "RETRY_CATEGORIES",
        RetryCategory::ALL
            .map(|c| (c.as_str(), c.explain()))
            .to_vec(),
    )?;
    explained(
        "STEP_ACTIONS",
        StepAction::ALL.map(|a| (a.as_str(), a.explain())).to_vec(),
    )?;
    explained(
        "RETRY_INPUT_ERRORS",
        RetryInputError::ALL
            .map(|e| (e.as_str(), e.message()))
            .to_vec(),
    )?;
    let reasons = RetryReason::ALL.map(|r| (r.as_str(), r.explain(), r.is_retry()));
    m.add("RETRY_REASONS", PyTuple::new(py, reasons)?)?;
    m.add_class::<lookup::PyLookup>()?;
    m.add_class::<retry::PyDecision>()?;
    m.add_class::<catalogue::PyCatalogueEntry>()?;
    m.add_class::<body::PyErrorBody>()?;
    m.add_class::<policy::PyRetryPolicy>()?;
    m.add_class::<policy::PyRetryBudget>()?;
    m.add_class::<policy::PyRetryStep>()?;
    m.add_function(wrap_pyfunction!(body::parse_error_body, m)?)?;
    m.add_function(wrap_pyfunction!(policy::reseed_random_unit, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::lookup, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::from_name, m)?)?;
    m.add_function(wrap_pyfunction!(retry::parse_retry_after, m)?)?;
    m.add_function(wrap_pyfunction!(retry::decide, m)?)?;
    m.add_function(wrap_pyfunction!(retry::method_is_idempotent, m)?)?;
    m.add_function(wrap_pyfunction!(http_error::http_error, m)?)?;
    m.add_function(wrap_pyfunction!(http_error::error_message, m)?)?;
    m.add_function(wrap_pyfunction!(cli::cli, m)?)?;
    // Forked children get their own random draws (os.register_at_fork is POSIX-only).
    if let Ok(register) = py.import("os")?.getattr("register_at_fork") {
        let kwargs = PyDict::new(py);
        kwargs.set_item("after_in_child", m.getattr("reseed_random_unit")?)?;
        register.call((), Some(&kwargs))?;
    }
    Ok(())
}
