//! The core's messages for Python: an HTTP error's ([`HttpError`]) and an error kind's
//! about an input ([`dcs_status::error_message`]).

use dcs_status::{ErrorKind, HttpError};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert;
use crate::errors;
use crate::lookup::PyLookup;
use crate::retry::PyDecision;

/// ``http_error(code, retry_after=None, request_id=None, now=None, idempotent=False)``:
/// the core's reading of an HTTP error response, for ``DcsHTTPError``.
///
/// ``retry_after`` and ``request_id`` are the values of the response's Retry-After
/// and X-Request-Id headers (``str``/``bytes``, ``None`` when absent); ``now`` and
/// ``idempotent`` as for ``decide``. Returns ``(message, lookup, retry_after,
/// decision)``: the core's one-line message (the header values quoted and shortened),
/// the ``Lookup``, the delay the Retry-After asks for (``None`` when absent or
/// invalid) and the ``Decision``. Raises ``NotAStatusCodeError``.
#[pyfunction]
#[pyo3(signature = (code, retry_after=None, request_id=None, now=None, idempotent=None))]
pub(crate) fn http_error(
    code: &Bound<'_, PyAny>,
    retry_after: Option<&Bound<'_, PyAny>>,
    request_id: Option<&Bound<'_, PyAny>>,
    now: Option<&Bound<'_, PyAny>>,
    idempotent: Option<&Bound<'_, PyAny>>,
) -> PyResult<(String, PyLookup, Option<u64>, PyDecision)> {
    let idempotent = convert::optional_flag(idempotent)?.unwrap_or(false);
    let found = convert::lookup(code)?;
    let retry_after = convert::optional_text(retry_after)?;
    let request_id = convert::optional_text(request_id)?;
    let now = convert::now(now)?.unwrap_or_else(dcs_status::unix_now);
    let err = HttpError::new(
        found.code(),
        retry_after.as_ref().map(|v| v.as_bytes()),
        request_id.as_ref().map(|v| v.as_bytes()),
        now,
        idempotent,
    )
    .map_err(|err| errors::not_a_status_code(code, &err))?;
    Ok((
        err.to_string(),
        PyLookup(err.lookup()),
        err.retry_after().map(|delay| delay.as_secs()),
        PyDecision(err.decision()),
    ))
}

/// ``error_message(kind, input)``: the core's message of an error of ``kind`` (an
/// ``ErrorKind`` or its name) about ``input`` (``str`` or ``bytes``), quoted and
/// shortened as every language shows it. Raises ``ValueError`` for an unknown kind.
///
/// >>> from dcs_status._native import error_message
/// >>> error_message("retry_after_invalid_delay", "+1")[:40]
/// '"+1": Retry-After delay-seconds must be '
#[pyfunction]
pub(crate) fn error_message(kind: &str, input: &Bound<'_, PyAny>) -> PyResult<String> {
    let Some(kind) = ErrorKind::ALL.into_iter().find(|k| k.as_str() == kind) else {
        return Err(PyValueError::new_err(
            "kind must be an ErrorKind (or its value)",
        ));
    };
    let input = convert::text(input)?;
    Ok(dcs_status::error_message(kind, input.as_bytes()).to_string())
}
