//! `dcs_status._native`: the pyo3 module under the Python package `dcs_status`.
//!
//! Thin functions over the core crate [`dcs_status`], and the core's table as Python
//! tuples built once at import. No rule lives here: each function converts its
//! arguments, calls the core, and converts the answer (or the core's error, with the
//! core's message) back. The Python package (`bindings/python/python/dcs_status`)
//! builds its `StatusCode` enum, its exceptions and its caches from this module.
//!
//! Errors are raised as the Python package's own exception classes
//! (`dcs_status.NotAStatusCodeError`, `UnknownNameError`, `RetryAfterError`),
//! imported on first use, so that Python code catches one class whichever layer
//! raised it.

mod cli;

use std::borrow::Cow;

use dcs_status::{
    Action, Class, Lookup, LookupKind, QueryError, RetryAdvice, RetryAfterError, Status,
};
use pyo3::call::PyCallArgs;
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyFloat, PyString, PyTuple, PyType};

/// The Python package whose exception classes this module raises.
const PACKAGE: &str = "dcs_status";

static NOT_A_STATUS_CODE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNKNOWN_NAME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static RETRY_AFTER_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Instantiates the package's exception class `name` with `args`, as a `PyErr`.
fn package_error<'py, A>(
    py: Python<'py>,
    cell: &PyOnceLock<Py<PyType>>,
    name: &str,
    args: A,
) -> PyErr
where
    A: PyCallArgs<'py>,
{
    match cell
        .import(py, PACKAGE, name)
        .and_then(|cls| cls.call1(args))
    {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// `NotAStatusCodeError(message, code)`.
fn not_a_status_code(code: &Bound<'_, PyAny>, message: String) -> PyErr {
    package_error(
        code.py(),
        &NOT_A_STATUS_CODE,
        "NotAStatusCodeError",
        (message, code),
    )
}

/// `RetryAfterError(message, kind, value)`.
fn retry_after_error(value: &Bound<'_, PyAny>, err: RetryAfterError) -> PyErr {
    package_error(
        value.py(),
        &RETRY_AFTER_ERROR,
        "RetryAfterError",
        (err.message(), err.kind().as_str(), value),
    )
}

/// The integer behind `code` (any object with `__index__`).
///
/// The core takes an `i64`; a Python integer too wide for one is not a status code
/// either, and gets the core's message with the number as given.
fn code_arg(code: &Bound<'_, PyAny>) -> PyResult<i64> {
    if code.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(
            "a status code must be an integer, not a float",
        ));
    }
    match code.extract::<i64>() {
        Ok(number) => Ok(number),
        Err(err) if err.is_instance_of::<PyOverflowError>(code.py()) => {
            let negative = code.lt(0)?;
            let stand_in = if negative { i64::MIN } else { i64::MAX };
            let message = match dcs_status::lookup(stand_in) {
                Err(not_a_code) => {
                    let text = not_a_code.to_string();
                    let prefix = stand_in.to_string();
                    let rest = text.strip_prefix(prefix.as_str()).unwrap_or(&text);
                    format!("{}{rest}", code.str()?)
                }
                Ok(_) => String::from("not a status code"),
            };
            Err(not_a_status_code(code, message))
        }
        Err(err) => Err(err),
    }
}

/// The core's answer for `code`, or `NotAStatusCodeError`.
fn lookup_arg(code: &Bound<'_, PyAny>) -> PyResult<Lookup> {
    dcs_status::lookup(code_arg(code)?).map_err(|err| not_a_status_code(code, err.to_string()))
}

/// Calls `f` with the UTF-8 bytes of a `str`, or the bytes of a `bytes` object.
///
/// A `str` that cannot be encoded (lone surrogates) is passed with U+FFFD in their
/// place, which no rule accepts: the core then reports it as it reports any invalid
/// text.
fn with_bytes<T>(value: &Bound<'_, PyAny>, f: impl FnOnce(&[u8]) -> T) -> PyResult<T> {
    if let Ok(text) = value.cast::<PyString>() {
        let text: Cow<'_, str> = match text.to_cow() {
            Ok(text) => text,
            Err(_) => Cow::Owned(text.to_string_lossy().into_owned()),
        };
        Ok(f(text.as_bytes()))
    } else if let Ok(bytes) = value.cast::<PyBytes>() {
        Ok(f(bytes.as_bytes()))
    } else {
        Err(PyTypeError::new_err(format!(
            "expected str or bytes, not {}",
            value.get_type().name()?
        )))
    }
}

/// `now` as Unix seconds: `None` for the clock, an `int`, a finite `float` (rounded
/// down), or any object with a `timestamp()` method such as `datetime.datetime`.
fn now_arg(now: Option<&Bound<'_, PyAny>>) -> PyResult<i64> {
    let Some(now) = now.filter(|now| !now.is_none()) else {
        return Ok(dcs_status::unix_now());
    };
    let seconds = if let Ok(float) = now.cast::<PyFloat>() {
        float.value()
    } else if let Ok(int) = now.extract::<i64>() {
        return Ok(int);
    } else if now.hasattr("timestamp")? {
        now.call_method0("timestamp")?.extract::<f64>()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "now must be Unix seconds (int or float), a datetime or None, not {}",
            now.get_type().name()?
        )));
    };
    if seconds.is_finite() {
        // `as` saturates: times beyond i64 seconds are clamped, as the core's i64 is.
        Ok(seconds.floor() as i64)
    } else {
        Err(PyValueError::new_err(
            "now must be a finite number of seconds",
        ))
    }
}

/// `lookup(code)`: how `code` relates to the table.
///
/// Returns `(kind, class, status)`: `"documented"`, `"unrecognized"` or `"invalid"`;
/// the class the code is handled as; and the code of the entry whose meaning applies
/// (RFC 9110 §15: an unrecognized code reads as its class's `x00`, 600–999 as 500).
/// Raises `NotAStatusCodeError` outside 100–999.
#[pyfunction]
fn lookup(code: &Bound<'_, PyAny>) -> PyResult<(&'static str, &'static str, u16)> {
    let found = lookup_arg(code)?;
    Ok((
        found.kind().as_str(),
        found.class().as_str(),
        found.status().code(),
    ))
}

/// `from_name(name)`: the code of the entry a name refers to (the core's forgiving
/// rules: DCS names, idents, IANA and older RFC phrases, any case, spaces, hyphens
/// and underscores alike). Takes `str` or `bytes`; raises `UnknownNameError`.
#[pyfunction]
fn from_name(name: &Bound<'_, PyAny>) -> PyResult<u16> {
    let result = with_bytes(name, |bytes| match dcs_status::from_name_bytes(bytes) {
        Some(status) => Ok(status.code()),
        // The core's message, for the name as text.
        None => match dcs_status::from_name(&String::from_utf8_lossy(bytes)) {
            Ok(status) => Ok(status.code()),
            Err(err) => Err(err.to_string()),
        },
    })?;
    result.map_err(|message| {
        package_error(
            name.py(),
            &UNKNOWN_NAME,
            "UnknownNameError",
            (message, name),
        )
    })
}

/// Parses a Retry-After value into the delay it asks for, in whole seconds.
///
/// `value` (`str` or `bytes`) is delay-seconds (ASCII digits only; a number too
/// large for 64 bits saturates at `2**64 - 1`) or an HTTP-date in any of its three
/// forms (IMF-fixdate, RFC 850, asctime): the delay is then the time from `now` to
/// that date, 0 for a date in the past. Spaces and tabs around it are allowed.
///
/// `now` is the current time in Unix seconds: an `int`, a `float` (rounded down), a
/// `datetime` (its `timestamp()`; a naive one is local time) or `None` for the
/// clock. Returns an `int`. Raises `RetryAfterError` (a `ValueError`) with the
/// core's message and `kind`.
///
///     >>> from dcs_status import parse_retry_after
///     >>> parse_retry_after("120")
///     120
///     >>> parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now=784111777)
///     120
///     >>> parse_retry_after(b"Sun, 06 Nov 1994 08:49:37 GMT", now=784111777 + 60)
///     0
#[pyfunction]
#[pyo3(signature = (value, now=None))]
fn parse_retry_after(value: &Bound<'_, PyAny>, now: Option<&Bound<'_, PyAny>>) -> PyResult<u64> {
    let now = now_arg(now)?;
    with_bytes(value, |bytes| dcs_status::parse_retry_after(bytes, now))?
        .map(|delay| delay.as_secs())
        .map_err(|err| retry_after_error(value, err))
}

/// `decide(code, retry_after=None, now=None, idempotent=False)`: the retry decision.
///
/// Returns `(action, delay, text)`: `"do_not_retry"`, `"retry_after"` or
/// `"retry_with_backoff"`; the delay in seconds for `"retry_after"`, else `None`; and
/// the core's display of the decision (`"retry_after 120s"`). A Retry-After value
/// that does not parse counts as absent. Raises `NotAStatusCodeError`.
#[pyfunction]
#[pyo3(signature = (code, retry_after=None, now=None, idempotent=false))]
fn decide(
    code: &Bound<'_, PyAny>,
    retry_after: Option<&Bound<'_, PyAny>>,
    now: Option<&Bound<'_, PyAny>>,
    idempotent: bool,
) -> PyResult<(&'static str, Option<u64>, String)> {
    let found = lookup_arg(code)?;
    let decision = match retry_after.filter(|value| !value.is_none()) {
        Some(value) => {
            let now = now_arg(now)?;
            with_bytes(value, |bytes| found.decide(Some(bytes), now, idempotent))?
        }
        None => found.decide(None, 0, idempotent),
    };
    Ok((
        decision.action().as_str(),
        decision.delay().map(|delay| delay.as_secs()),
        decision.to_string(),
    ))
}

/// `method_is_idempotent(method)`: whether requests with this method (`str` or
/// `bytes`, case-sensitive) are idempotent (RFC 9110 §9.2.2: GET, HEAD, OPTIONS,
/// TRACE, PUT, DELETE), as the core decides it.
#[pyfunction]
fn method_is_idempotent(method: &Bound<'_, PyAny>) -> PyResult<bool> {
    with_bytes(method, |bytes| dcs_status::method_is_idempotent(bytes))
}

/// `explain(query)`: the explanation `dcs-status QUERY` prints for a code (`"429"`)
/// or a name (`"not found"`), from the core. Raises `NotAStatusCodeError` or
/// `UnknownNameError` with the core's message.
#[pyfunction]
fn explain(query: &Bound<'_, PyString>) -> PyResult<String> {
    let text = query.to_cow()?;
    match dcs_status::parse_query(&text) {
        Ok(found) => Ok(found.explain()),
        Err(QueryError::NotAStatusCode(err)) => Err(package_error(
            query.py(),
            &NOT_A_STATUS_CODE,
            "NotAStatusCodeError",
            (err.to_string(), err.code()),
        )),
        Err(QueryError::UnknownName(err)) => Err(package_error(
            query.py(),
            &UNKNOWN_NAME,
            "UnknownNameError",
            (err.to_string(), query),
        )),
    }
}

/// `table_text()`: the table as the aligned rows `dcs-status list` prints.
#[pyfunction]
fn table_text() -> String {
    dcs_status::table_text()
}

/// `table_json()`: the whole table in the core's canonical JSON form, byte for byte
/// what `dcs-status list --json` prints (for tests: the package builds its own JSON
/// from `TABLE` to prove it holds the same table).
#[pyfunction]
fn table_json() -> String {
    dcs_status::table_json()
}

/// The module: constants built once from the core, and the functions above.
///
/// - `VERSION`: the core's version.
/// - `TABLE`: one tuple per entry, in code order:
///   `(code, ident, name, phrase, class, retry, description)`.
/// - `CLASSES`: `(name, base_code, is_error)` per class, in code order.
/// - `RETRY_ADVICES`: `(name, explanation)` per advice.
/// - `KINDS`, `ACTIONS`: the names of the lookup kinds and decision actions.
/// - `RETRY_AFTER_ERRORS`: `(kind, message)` per Retry-After error.
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
        "KINDS",
        PyTuple::new(py, LookupKind::ALL.map(LookupKind::as_str))?,
    )?;
    m.add(
        "ACTIONS",
        PyTuple::new(py, Action::ALL.map(Action::as_str))?,
    )?;
    m.add(
        "RETRY_AFTER_ERRORS",
        PyTuple::new(
            py,
            RetryAfterError::ALL.map(|e| (e.kind().as_str(), e.message())),
        )?,
    )?;
    m.add_function(wrap_pyfunction!(lookup, m)?)?;
    m.add_function(wrap_pyfunction!(from_name, m)?)?;
    m.add_function(wrap_pyfunction!(parse_retry_after, m)?)?;
    m.add_function(wrap_pyfunction!(decide, m)?)?;
    m.add_function(wrap_pyfunction!(table_json, m)?)?;
    m.add_function(wrap_pyfunction!(table_text, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(method_is_idempotent, m)?)?;
    m.add_function(wrap_pyfunction!(cli::cli, m)?)?;
    Ok(())
}
