//! Raising the package's exceptions (`dcs_status._errors`) with the core's error kind
//! and message.
//!
//! Each is called as `Class(message, kind, value)`: the core's message (the offending
//! value quoted and shortened by the core, whatever its size), the name of the core's
//! [`ErrorKind`], and the value as the caller gave it (a reference, not a copy). The
//! classes are imported on first use, so that Python code catches one class whichever
//! layer raised it.

use dcs_status::{
    error_message, ErrorKind, NotAStatusCodeError, RetryAfterError, RetryInputError,
    UnknownErrorCode, UnknownNameError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// The module that defines the exception classes.
const MODULE: &str = "dcs_status._errors";

/// `cls(message, kind, value)` as a `PyErr`, `kind` the name of an [`ErrorKind`] (or of
/// a [`RetryInputError`]); an error while making it is raised instead.
fn raise(
    value: &Bound<'_, PyAny>,
    class: &PyOnceLock<Py<PyType>>,
    name: &str,
    message: String,
    kind: &str,
) -> PyErr {
    match class
        .import(value.py(), MODULE, name)
        .and_then(|cls| cls.call1((message, kind, value)))
    {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// `NotAStatusCodeError` for `code` (an `int` of any size).
pub(crate) fn not_a_status_code(code: &Bound<'_, PyAny>, err: &NotAStatusCodeError) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    raise(
        code,
        &CLASS,
        "NotAStatusCodeError",
        err.to_string(),
        err.kind().as_str(),
    )
}

/// `UnknownNameError` for `name`, whose bytes are `bytes`.
pub(crate) fn unknown_name(name: &Bound<'_, PyAny>, bytes: &[u8]) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let err = UnknownNameError::new(bytes);
    raise(
        name,
        &CLASS,
        "UnknownNameError",
        err.to_string(),
        err.kind().as_str(),
    )
}

/// `RetryAfterError` for `value`, whose bytes are `bytes`.
pub(crate) fn retry_after(value: &Bound<'_, PyAny>, bytes: &[u8], err: RetryAfterError) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let message = error_message(err.kind(), bytes).to_string();
    raise(
        value,
        &CLASS,
        "RetryAfterError",
        message,
        err.kind().as_str(),
    )
}

/// The text of `value` (its `bytes`), or `InvalidUtf8Error` when they are not UTF-8: the
/// check C's functions make before anything else, so that the same bytes give the
/// same error kind in every language.
pub(crate) fn utf8<'a>(value: &Bound<'_, PyAny>, bytes: &'a [u8]) -> PyResult<&'a str> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    std::str::from_utf8(bytes).map_err(|_| {
        let kind = ErrorKind::InvalidUtf8;
        let message = error_message(kind, bytes).to_string();
        raise(value, &CLASS, "InvalidUtf8Error", message, kind.as_str())
    })
}

/// `UnknownErrorCodeError` for `code` (`str` or `bytes`): the catalogue has no entry.
pub(crate) fn unknown_error_code(code: &Bound<'_, PyAny>, err: &UnknownErrorCode) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let kind = err.kind().as_str();
    raise(code, &CLASS, "UnknownErrorCodeError", err.to_string(), kind)
}

/// `RetryInputError` for `value`, the setting or input that `err` is about; `input` is
/// that value as text. The message is the core's for `err`'s [`ErrorKind`] about
/// `input` ([`error_message`]): it quotes a jitter name or a random draw and tells a
/// status, and is the kind's sentence alone for a setting (as the command's).
pub(crate) fn retry_input(value: &Bound<'_, PyAny>, err: RetryInputError, input: &[u8]) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let kind = err.kind();
    let message = error_message(kind, input).to_string();
    raise(value, &CLASS, "RetryInputError", message, kind.as_str())
}
