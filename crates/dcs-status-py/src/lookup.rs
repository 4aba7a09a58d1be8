//! Codes and names: `Lookup` (the core's [`Lookup`]), `lookup` and `from_name`.

use core::fmt;

use dcs_status::Lookup;
use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::convert;
use crate::errors;
use crate::members::Members;

/// The answer ``lookup`` gives for a status code (immutable; equal when the codes are).
///
/// ``code`` is the number looked up; ``kind`` how it relates to the table
/// (``LookupKind``); ``status`` the entry whose meaning applies: the code's own, or
/// its class's ``x00`` entry (500 for 600–999, RFC 9110 §15). ``str()`` is the core's
/// one-line reading of the code, ``explain()`` the text ``dcs-status CODE`` prints.
/// ``Lookup(code)`` is ``lookup(code)``.
///
/// >>> from dcs_status import lookup
/// >>> lookup(700)
/// Lookup(code=700, kind=<LookupKind.INVALID: 'invalid'>, status=<StatusCode.INTERNAL_SERVER_ERROR: 500>)
/// >>> print(lookup(418))
/// 418 (not in the DCS table: read as 400 Bad Request, RFC 9110 §15)
/// >>> lookup(418).documented is None, lookup(404).documented
/// (True, <StatusCode.NOT_FOUND: 404>)
#[pyclass(module = "dcs_status", name = "Lookup", frozen, eq, hash, str)]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct PyLookup(pub(crate) Lookup);

impl fmt::Display for PyLookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl PyLookup {
    #[new]
    fn new(code: &Bound<'_, PyAny>) -> PyResult<Self> {
        convert::lookup(code).map(PyLookup)
    }

    /// The code that was looked up (an ``int``).
    #[getter]
    fn code(&self) -> u16 {
        self.0.code()
    }

    /// Whether the table documents the code (``LookupKind``).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Members::get(py)?.kind(py, self.0.kind())
    }

    /// The entry whose meaning applies (``StatusCode``).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Members::get(py)?.status(py, self.0.status())
    }

    /// The class the code is handled as (``StatusClass``; 600–999: ``SERVER_ERROR``).
    #[getter]
    fn status_class<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Members::get(py)?.class(py, self.0.class())
    }

    /// The retry advice of the entry that applies (``RetryAdvice``).
    #[getter]
    fn retry_advice<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Members::get(py)?.advice(py, self.0.retry_advice())
    }

    /// Whether the code is handled as an error (4xx, 5xx, 600–999).
    #[getter]
    fn is_error(&self) -> bool {
        self.0.is_error()
    }

    /// The code's own entry, or ``None`` when the table does not have the code.
    #[getter]
    fn documented<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .documented()
            .map(|status| Members::get(py)?.status(py, status))
            .transpose()
    }

    /// The explanation ``dcs-status CODE`` prints: the code as read, the entry, its
    /// description and the retry advice (the core's text).
    fn explain(&self) -> String {
        self.0.explain()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Lookup(code={}, kind={}, status={})",
            self.0.code(),
            self.kind(py)?.repr()?,
            self.status(py)?.repr()?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, (u16,)) {
        (slf.get_type(), (slf.get().0.code(),))
    }
}

/// ``lookup(code)``: the core's ``Lookup`` for a code or a response, uncached (the
/// package's ``dcs_status.lookup`` keeps the answers, and documents it).
#[pyfunction]
pub(crate) fn lookup(code: &Bound<'_, PyAny>) -> PyResult<PyLookup> {
    convert::lookup(code).map(PyLookup)
}

/// ``from_name(name)``: the ``StatusCode`` a name (``str`` or ``bytes``) refers to, by
/// the core's rules, uncached (the package's ``dcs_status.from_name`` keeps the answers,
/// and documents it). Raises ``UnknownNameError``, ``InvalidUtf8Error`` or
/// ``TypeError``.
#[pyfunction]
pub(crate) fn from_name<'py>(name: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = name.py();
    let bytes = convert::text(name)?;
    let text = errors::utf8(name, bytes.as_bytes())?;
    match dcs_status::from_name_bytes(text.as_bytes()) {
        Some(status) => Members::get(py)?.status(py, status),
        None => Err(errors::unknown_name(name, bytes.as_bytes())),
    }
}
