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
        return saturating_i64(now).map(Some);
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

/// A Python `int` as `i64`, saturating: beyond the range of `i64` it is clamped to it
/// (every such number is as far out of any range the core reads as `i64`'s ends).
pub(crate) fn saturating_i64(value: &Bound<'_, PyAny>) -> PyResult<i64> {
    match value.extract::<i64>() {
        Ok(number) => Ok(number),
        Err(err) if err.is_instance_of::<PyOverflowError>(value.py()) => {
            Ok(if value.lt(0)? { i64::MIN } else { i64::MAX })
        }
        Err(err) => Err(err),
    }
}

/// The unsigned integer argument `name`: `default` when it is absent or `None`.
///
/// Errors: `TypeError` for anything but an `int`, `ValueError` for a negative `int`
/// or one larger than `T` holds (the message names the argument and the range).
pub(crate) fn unsigned<T>(value: Option<&Bound<'_, PyAny>>, name: &str, default: T) -> PyResult<T>
where
    T: TryFrom<u64> + Into<u64> + Copy + Bounded,
{
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(default);
    };
    if !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int, not {}",
            value.get_type().name()?
        )));
    }
    value
        .extract::<u64>()
        .ok()
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "{name} must be an integer from 0 to {}",
                T::MAX.into()
            ))
        })
}

/// The largest value of an unsigned integer type, for [`unsigned`]'s message.
pub(crate) trait Bounded: Sized {
    /// The largest value.
    const MAX: Self;
}

impl Bounded for u32 {
    const MAX: u32 = u32::MAX;
}

impl Bounded for u64 {
    const MAX: u64 = u64::MAX;
}

/// A duration argument `name` in whole milliseconds, or `None` when it is absent.
///
/// Accepted: seconds as an `int` or a finite `float` (rounded to the microsecond,
/// then down to the millisecond, so that `0.499` is 499 ms), or a
/// `datetime.timedelta` (down to the millisecond). A negative duration is 0; one past
/// `u64` milliseconds saturates. Errors: `TypeError` for another type, `ValueError`
/// for NaN.
pub(crate) fn millis(value: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<u64>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let py = value.py();
    let ms = if value.is_instance_of::<PyInt>() {
        let seconds = saturating_i64(value)?;
        u64::try_from(seconds).map_or(0, |s| s.saturating_mul(1_000))
    } else if let Ok(float) = value.cast::<PyFloat>() {
        let seconds = float.value();
        if seconds.is_nan() {
            return Err(PyValueError::new_err(format!("{name} must not be NaN")));
        }
        // `as` saturates (negatives to 0); whole microseconds, then milliseconds.
        ((seconds * 1e6).round() as u64) / 1_000
    } else if value.is_instance(timedelta_type(py)?)? {
        let part = |attr: &str| -> PyResult<i64> { value.getattr(attr)?.extract() };
        let (days, seconds, micros) = (part("days")?, part("seconds")?, part("microseconds")?);
        let total = i128::from(days) * 86_400_000
            + i128::from(seconds) * 1_000
            + i128::from(micros) / 1_000;
        u64::try_from(total.max(0)).unwrap_or(u64::MAX)
    } else {
        return Err(PyTypeError::new_err(format!(
            "{name} must be seconds (int or float), a timedelta or None, not {}",
            value.get_type().name()?
        )));
    };
    Ok(Some(ms))
}

/// `datetime.timedelta`, imported on first use.
fn timedelta_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static TIMEDELTA: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    TIMEDELTA.import(py, "datetime", "timedelta")
}

/// The value of header `name` of a response (`_adapters.header_of`), or `None`.
pub(crate) fn response_header<'py>(
    response: &Bound<'py, PyAny>,
    name: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = response.py();
    let value = adapters(py)?.call_method1(intern!(py, "header_of"), (response, name))?;
    Ok((!value.is_none()).then_some(value))
}

/// Whether the request a response answers is idempotent, by its method
/// (`_adapters.method_of` and the core's `method_is_idempotent`); `None` when the
/// response does not say.
pub(crate) fn response_idempotent(response: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
    let py = response.py();
    let method = adapters(py)?.call_method1(intern!(py, "method_of"), (response,))?;
    idempotent_method(&method)
}

/// Whether a request method (`str` or `bytes`; `None`: unknown) is idempotent, by the
/// core's `method_is_idempotent`.
pub(crate) fn idempotent_method(method: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
    Ok(optional_text(Some(method))?.map(|m| dcs_status::method_is_idempotent(m.as_bytes())))
}

/// What a retry step reads of a response, in one call (`_adapters._parts`): its
/// status, and its Retry-After value and request method if asked for (else `None`),
/// and the body its client holds (`None` if none).
pub(crate) fn response_parts<'py>(
    response: &Bound<'py, PyAny>,
    retry_after: bool,
    method: bool,
) -> PyResult<[Bound<'py, PyAny>; 4]> {
    let py = response.py();
    let parts =
        adapters(py)?.call_method1(intern!(py, "_parts"), (response, retry_after, method))?;
    let (status, retry_after, method, body) = parts.extract()?;
    Ok([status, retry_after, method, body])
}

/// The body of a response as far as it can be had without consuming a stream its
/// caller still needs (`_adapters.body_of`), or `None`.
pub(crate) fn response_body<'py>(
    response: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    let py = response.py();
    let body = adapters(py)?.call_method1(intern!(py, "body_of"), (response,))?;
    optional_text(Some(&body))
}
