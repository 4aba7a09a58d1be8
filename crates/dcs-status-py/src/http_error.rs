//! The core's messages for Python: an HTTP error response read as one error
//! ([`HttpError`]) and an error kind's message about an input
//! ([`dcs_status::error_message`]).

use dcs_status::{ErrorKind, HttpError, HttpErrorRef};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::body;
use crate::catalogue;
use crate::convert;
use crate::errors;
use crate::lookup::PyLookup;
use crate::retry::PyDecision;

/// What `http_error` returns: the message, the `Lookup`, the Retry-After delay, the
/// `Decision`, the Retry-After value as given, the request id, the error code, message
/// and extended message, and the catalogue entry.
type HttpErrorParts<'py> = (
    String,
    PyLookup,
    Option<u64>,
    PyDecision,
    Option<Bound<'py, PyAny>>,
    Option<Bound<'py, PyString>>,
    Option<Bound<'py, PyString>>,
    Option<Bound<'py, PyString>>,
    Option<Bound<'py, PyString>>,
    Option<Bound<'py, PyAny>>,
);

/// One header: its name's and value's bytes, and the value as given.
type Header<'py> = (Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyAny>);

/// ``http_error(code, headers=None, body=None, now=None, idempotent=None,
/// retry_after=None, request_id=None)``: the core's reading of an HTTP error response
/// (``HttpError::from_response``), for ``DcsHTTPError``.
///
/// ``headers`` is a sequence of ``(name, value)`` pairs (``_adapters.header_items``);
/// a name or value that is neither ``str`` nor ``bytes`` is skipped. ``retry_after``
/// and ``request_id``, when given, are the values of a Retry-After and an X-Request-Id
/// header that come before them. ``body`` is ``bytes``, ``str`` or ``None`` (no body);
/// ``now`` and ``idempotent`` as for ``decide``. Returns ``(message, lookup,
/// retry_after, decision, retry_after_header, request_id, error_code, error_msg,
/// error_ext_msg, catalogue)``: the core's one-line message, the ``Lookup``, the delay
/// the Retry-After asks for (``None`` when absent or invalid), the ``Decision``, the
/// Retry-After value the core read (the object given), the resolved request id and the
/// body's fields (``str``, each at most ``TEXT_LIMIT`` bytes of UTF-8) and the
/// ``CatalogueEntry`` of the error code. Raises ``NotAStatusCodeError``.
#[pyfunction]
#[pyo3(signature = (code, headers=None, body=None, now=None, idempotent=None, retry_after=None, request_id=None))]
pub(crate) fn http_error<'py>(
    code: &Bound<'py, PyAny>,
    headers: Option<&Bound<'py, PyAny>>,
    body: Option<&Bound<'py, PyAny>>,
    now: Option<&Bound<'py, PyAny>>,
    idempotent: Option<&Bound<'py, PyAny>>,
    retry_after: Option<&Bound<'py, PyAny>>,
    request_id: Option<&Bound<'py, PyAny>>,
) -> PyResult<HttpErrorParts<'py>> {
    let py = code.py();
    let idempotent = convert::optional_flag(idempotent)?.unwrap_or(false);
    let found = convert::lookup(code)?;
    let mut pairs: Vec<Header<'py>> = Vec::new();
    for (name, value) in [
        (HttpError::RETRY_AFTER_HEADER, retry_after),
        (HttpError::REQUEST_ID_HEADER, request_id),
    ] {
        if let Some(value) = value.filter(|v| !v.is_none()) {
            let bytes = convert::text(value)?;
            pairs.push((PyBytes::new(py, name.as_bytes()), bytes, value.clone()));
        }
    }
    if let Some(headers) = headers.filter(|h| !h.is_none()) {
        for pair in headers.try_iter()? {
            let (name, value): (Bound<'py, PyAny>, Bound<'py, PyAny>) = pair?.extract()?;
            if let (Ok(name_bytes), Ok(value_bytes)) = (convert::text(&name), convert::text(&value))
            {
                pairs.push((name_bytes, value_bytes, value));
            }
        }
    }
    let body = convert::optional_text(body)?;
    let now = convert::now(now)?.unwrap_or_else(dcs_status::unix_now);
    let err = HttpErrorRef::from_response(
        found.code(),
        pairs
            .iter()
            .map(|(name, value, _)| (name.as_bytes(), value.as_bytes())),
        body.as_ref().map_or(&b""[..], |b| b.as_bytes()),
        now,
        idempotent,
    )
    .map_err(|err| errors::not_a_status_code(code, &err))?;
    let retry_after_header = err.retry_after_value().and_then(|used| {
        pairs
            .iter()
            .find(|(_, value, _)| value.as_bytes().as_ptr() == used.as_ptr())
            .map(|(_, _, given)| given.clone())
    });
    Ok((
        err.to_string(),
        PyLookup(err.lookup()),
        err.retry_after().map(|delay| delay.as_secs()),
        PyDecision(err.decision()),
        retry_after_header,
        body::text(py, err.request_id()),
        body::text(py, err.error_code()),
        body::text(py, err.error_msg()),
        body::text(py, err.error_ext_msg()),
        catalogue::optional_entry(py, err.catalogue())?,
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
