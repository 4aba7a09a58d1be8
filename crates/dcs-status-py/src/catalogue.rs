//! The error-code catalogue: `CatalogueEntry` (the core's [`CatalogueEntry`]).

use dcs_status::CatalogueEntry;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple, PyType};

use crate::convert;
use crate::errors;
use crate::members;

/// An entry of the DCS error-code catalogue (the API reference's "Error Codes"
/// appendix): an error code, the HTTP status DCS sends it with, and the page's
/// message, description and solution, with the ``ErrorAdvice`` read from the
/// solution by the core's rules.
///
/// Entries are made once: ``CatalogueEntry.lookup(code)`` (or ``CatalogueEntry(code)``)
/// and ``CatalogueEntry.all()`` hand out the same objects. ``str()`` is the core's
/// ``code: message``, ``explain()`` the text ``dcs-status CODE`` prints.
///
/// >>> from dcs_status import CatalogueEntry
/// >>> entry = CatalogueEntry.lookup(" dcs. 4111 ")
/// >>> entry
/// CatalogueEntry('DCS.4111')
/// >>> (entry.status, entry.advice, entry.message)
/// (<StatusCode.BAD_REQUEST: 400>, <ErrorAdvice.RETRY_LATER: 'retry_later'>, 'the instance is restarting.')
/// >>> entry.solution
/// 'Try again later or contact technical support.'
/// >>> print(entry)
/// DCS.4111: the instance is restarting.
/// >>> CatalogueEntry.lookup(b"111400017") is CatalogueEntry.all()[CatalogueEntry.lookup("111400017").index]
/// True
#[pyclass(module = "dcs_status", name = "CatalogueEntry", frozen, eq, hash, str)]
pub(crate) struct PyCatalogueEntry(pub(crate) &'static CatalogueEntry);

impl PartialEq for PyCatalogueEntry {
    fn eq(&self, other: &Self) -> bool {
        self.0.index() == other.0.index()
    }
}

impl core::hash::Hash for PyCatalogueEntry {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.0.index().hash(state);
    }
}

impl core::fmt::Display for PyCatalogueEntry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.fmt(f)
    }
}

/// Every entry as a Python object, in document order, made on first use.
fn entries(py: Python<'_>) -> PyResult<&Bound<'_, PyTuple>> {
    static ENTRIES: PyOnceLock<Py<PyTuple>> = PyOnceLock::new();
    ENTRIES
        .get_or_try_init(py, || {
            let all = CatalogueEntry::all()
                .iter()
                .map(|entry| Bound::new(py, PyCatalogueEntry(entry)))
                .collect::<PyResult<Vec<_>>>()?;
            Ok::<_, PyErr>(PyTuple::new(py, all)?.unbind())
        })
        .map(|tuple| tuple.bind(py))
}

/// The Python object of an entry.
pub(crate) fn entry<'py>(py: Python<'py>, entry: &CatalogueEntry) -> PyResult<Bound<'py, PyAny>> {
    entries(py)?
        .get_item(entry.index())
        .map_err(|_| PyRuntimeError::new_err(dcs_status::ErrorKind::Internal.message()))
}

/// [`entry`] of an optional entry: `None` stays `None`.
pub(crate) fn optional_entry<'py>(
    py: Python<'py>,
    found: Option<&CatalogueEntry>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    found.map(|found| entry(py, found)).transpose()
}

/// Successful look-ups by the exact `str` given, at most [`CACHE_MAX`] codes of at
/// most [`CACHE_KEY_MAX`] characters: a cache of bounded size whatever codes callers
/// send, which spares a `str` its UTF-8 copy (the abi3 API of Python 3.9 has no view
/// of a `str`'s UTF-8).
fn cache(py: Python<'_>) -> &Bound<'_, PyDict> {
    static CACHE: PyOnceLock<Py<PyDict>> = PyOnceLock::new();
    CACHE.get_or_init(py, || PyDict::new(py).unbind()).bind(py)
}

/// The most codes [`cache`] keeps.
const CACHE_MAX: usize = 1024;
/// The longest code [`cache`] keeps, in characters.
const CACHE_KEY_MAX: usize = 32;

/// The entry of `code` (`str` or `bytes`), or `UnknownErrorCodeError`.
fn lookup_entry<'py>(code: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = code.py();
    let exact_str = code.is_exact_instance_of::<PyString>();
    if exact_str {
        if let Some(found) = cache(py).get_item(code)? {
            return Ok(found);
        }
    }
    let bytes = convert::text(code)?;
    match CatalogueEntry::lookup(bytes.as_bytes()) {
        Ok(found) => {
            let found = entry(py, found)?;
            let cache = cache(py);
            if exact_str && cache.len() < CACHE_MAX && code.len()? <= CACHE_KEY_MAX {
                cache.set_item(code, &found)?;
            }
            Ok(found)
        }
        Err(err) => Err(errors::unknown_error_code(code, &err)),
    }
}

#[pymethods]
impl PyCatalogueEntry {
    /// The entry made once for each code is handed out: ``CatalogueEntry(code)`` is
    /// ``CatalogueEntry.lookup(code)``.
    #[new]
    #[allow(clippy::new_ret_no_self)]
    fn new(code: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        lookup_entry(code).map(Bound::unbind)
    }

    /// The entry of an error code (``str`` or ``bytes``), looked up as the core does:
    /// ASCII case ignored and ASCII whitespace anywhere skipped (``dcs.4855``,
    /// ``" DCS. 4855 "``), both families (``DCS.4111``, ``111400017``), in constant
    /// time.
    ///
    /// Raises ``UnknownErrorCodeError`` (a ``KeyError``, kind
    /// ``ErrorKind.UNKNOWN_ERROR_CODE``) for a code the catalogue lacks, never a
    /// guess; ``TypeError`` for other types.
    ///
    /// >>> CatalogueEntry.lookup("dcs.4855").code
    /// 'DCS.4855'
    /// >>> CatalogueEntry.lookup("DCS.9999")
    /// Traceback (most recent call last):
    ///   ...
    /// dcs_status.UnknownErrorCodeError: unknown DCS error code "DCS.9999": not in the error-code catalogue
    #[staticmethod]
    fn lookup<'py>(code: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        lookup_entry(code)
    }

    /// The whole catalogue, in document order (a ``tuple``).
    ///
    /// >>> entries = CatalogueEntry.all()
    /// >>> entries[0].index, all(e.index == i for i, e in enumerate(entries))
    /// (0, True)
    #[staticmethod]
    fn all(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
        entries(py).cloned()
    }

    /// The error code, as the document writes it without whitespace (``DCS.4855``).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code()
    }

    /// The HTTP status DCS sends the code with (``StatusCode``).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        members::status(py, self.0.status())
    }

    /// The error message, verbatim (templates keep their ``{0}``).
    #[getter]
    fn message(&self) -> &'static str {
        self.0.message()
    }

    /// The description, verbatim.
    #[getter]
    fn description(&self) -> &'static str {
        self.0.description()
    }

    /// The solution, verbatim.
    #[getter]
    fn solution(&self) -> &'static str {
        self.0.solution()
    }

    /// What the solution advises (``ErrorAdvice``).
    #[getter]
    fn advice<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        members::error_advice(py, self.0.advice())
    }

    /// The entry's position in ``CatalogueEntry.all()``.
    #[getter]
    fn index(&self) -> usize {
        self.0.index()
    }

    /// The explanation ``dcs-status CODE`` prints (the core's text).
    ///
    /// >>> print(CatalogueEntry.lookup("DCS.4111").explain())  # doctest: +ELLIPSIS
    /// DCS error code DCS.4111
    ///   status:      400 Bad Request, DCS name BadRequest
    /// ...
    fn explain(&self) -> String {
        self.0.explain()
    }

    fn __repr__(&self) -> String {
        format!("CatalogueEntry('{}')", self.0.code())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, (&'static str,)) {
        (slf.get_type(), (slf.get().0.code(),))
    }
}
