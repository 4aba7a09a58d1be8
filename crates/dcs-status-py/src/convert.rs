//! Python arguments as the core takes them: a status code (or a response that has
//! one), text (`str` or `bytes`), and `now`.
//!
//! Each bad type is a `TypeError`; a value the core refuses is the package's own
//! exception, raised by [`crate::errors`] with the core's message.

use dcs_status::{GivenNumber, Lookup, NotAStatusCodeError};
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyFloat, PyInt, PyModule, PyString, PyType};

use crate::errors;

/// The module that reads responses of HTTP clients (`dcs_status._adapters`),
/// imported on first use.
pub(crate) fn adapters(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static ADAPTERS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    ADAPTERS
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("dcs_status._adapters")?.unbind())
        })
        .map(|module| module.bind(py))
}

/// The core's reading of `code`: an `int` (or `IntEnum`), or a response object whose
/// status the adapters read (`status_of`).
///
/// Errors: `TypeError` for a `float` or an object without a status code;
/// `NotAStatusCodeError` for an integer outside 100–999, of any size.
pub(crate) fn lookup(code: &Bound<'_, PyAny>) -> PyResult<Lookup> {
    if code.is_instance_of::<PyInt>() {
        return lookup_int(code);
    }
    if code.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(
            "a status code must be an integer, not float",
        ));
    }
    let status = adapters(code.py())?.call_method1(intern!(code.py(), "status_of"), (code,))?;
    lookup_int(&status)
}

/// [`lookup`] of a Python `int`.
fn lookup_int(code: &Bound<'_, PyAny>) -> PyResult<Lookup> {
    let given = match code.extract::<i64>() {
        Ok(number) => GivenNumber::Value(number),
        Err(err) if err.is_instance_of::<PyOverflowError>(code.py()) => {
            if code.lt(0)? {
                GivenNumber::TooSmall
            } else {
                GivenNumber::TooLarge
            }
        }
        Err(err) => return Err(err),
    };
    let result = match given {
        GivenNumber::Value(number) => dcs_status::lookup(number),
        GivenNumber::TooLarge | GivenNumber::TooSmall => Err(NotAStatusCodeError::new(given)),
    };
    result.map_err(|err| errors::not_a_status_code(code, &err))
}

/// The bytes of a `str` (UTF-8) or a `bytes` object, as a `bytes` object.
///
/// A `str` that UTF-8 cannot encode (lone surrogates) is encoded with
/// `surrogatepass`: its bytes are then not UTF-8, and the core says so as for any
/// other bytes that are not. Other types are a `TypeError`.
pub(crate) fn text<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(bytes.clone());
    }
    let Ok(text) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "expected str or bytes, not {}",
            value.get_type().name()?
        )));
    };
    match text.encode_utf8() {
        Ok(bytes) => Ok(bytes),
        Err(_) => Ok(text
            .call_method1(intern!(value.py(), "encode"), ("utf-8", "surrogatepass"))?
            .cast_into::<PyBytes>()?),
    }
}

/// [`text`] of an optional argument: `None` stays `None`.
pub(crate) fn optional_text<'py>(
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    value.filter(|v| !v.is_none()).map(text).transpose()
}

/// A flag: `None` stays `None`, anything else is its truth value (as `bool()` reads it).
pub(crate) fn optional_flag(flag: Option<&Bound<'_, PyAny>>) -> PyResult<Option<bool>> {
    flag.filter(|f| !f.is_none())
        .map(|f| f.is_truthy())
        .transpose()
}

/// `now` as Unix seconds, or `None` for the clock ([`dcs_status::unix_now`], which the
/// caller reads only when a date needs it).
///
/// Accepted: `None`; an `int` (beyond the range of `i64`, clamped to it: every date is
/// then as far in the past or future as `i64` can say); a finite `float` (rounded
/// down, clamped likewise); an aware `datetime.datetime` (its `timestamp()`). A naive
/// `datetime` has no time zone, so it is refused (`ValueError`) rather than read in
/// the local one. Errors: `TypeError` for any other type, `ValueError` for NaN and
/// infinities.
pub(crate) fn now(now: Option<&Bound<'_, PyAny>>) -> PyResult<Option<i64>> {
    let Some(now) = now.filter(|now| !now.is_none()) else {
        return Ok(None);
    };
    if now.is_instance_of::<PyInt>() {
        return match now.extract::<i64>() {
            Ok(seconds) => Ok(Some(seconds)),
            Err(err) if err.is_instance_of::<PyOverflowError>(now.py()) => {
                Ok(Some(if now.lt(0)? { i64::MIN } else { i64::MAX }))
            }
            Err(err) => Err(err),
        };
    }
    let seconds = if let Ok(float) = now.cast::<PyFloat>() {
        float.value()
    } else if now.is_instance(datetime_type(now.py())?)? {
        if now.call_method0(intern!(now.py(), "utcoffset"))?.is_none() {
            return Err(PyValueError::new_err(
                "now is a naive datetime: give an aware one (with tzinfo, such as \
                 datetime.now(timezone.utc)), so that the local time zone does not matter",
            ));
        }
        now.call_method0(intern!(now.py(), "timestamp"))?
            .extract::<f64>()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "now must be Unix seconds (int or float), an aware datetime or None, not {}",
            now.get_type().name()?
        )));
    };
    if seconds.is_finite() {
        // `as` saturates: beyond i64 seconds is clamped, as for an int.
        Ok(Some(seconds.floor() as i64))
    } else {
        Err(PyValueError::new_err(
            "now must be a finite number of seconds",
        ))
    }
}

/// `datetime.datetime`, imported on first use.
fn datetime_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DATETIME.import(py, "datetime", "datetime")
}
