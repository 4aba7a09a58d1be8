//! Error bodies: `ErrorBody` and `parse_error_body` (the core's
//! [`dcs_status::parse_error_body`]).

use dcs_status::{CatalogueEntry, RawStr};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::catalogue;
use crate::convert;

/// What an error response's body says (see ``parse_error_body``): its ``error_code``,
/// ``error_msg``, ``error_ext_msg`` and its own ``request_id``, each a ``str`` with
/// JSON escapes resolved, or ``None`` when the body does not have it as a JSON string.
/// ``catalogue`` is the catalogue's entry for the error code, or ``None``.
///
/// Immutable; equal when the four fields are.
///
/// >>> from dcs_status import parse_error_body
/// >>> parse_error_body(b'{"error_code": "DCS.4111", "error_msg": "the instance is restarting."}')
/// ErrorBody(error_code='DCS.4111', error_msg='the instance is restarting.', error_ext_msg=None, request_id=None)
#[pyclass(module = "dcs_status", name = "ErrorBody", frozen)]
pub(crate) struct PyErrorBody {
    /// The error code as sent (``DCS.4855``, ``111400017``, ``APIGW.0308``), or ``None``.
    #[pyo3(get)]
    error_code: Option<Py<PyString>>,
    /// The error message as sent, or ``None``.
    #[pyo3(get)]
    error_msg: Option<Py<PyString>>,
    /// The extended message (DCS sends ``null``), or ``None``.
    #[pyo3(get)]
    error_ext_msg: Option<Py<PyString>>,
    /// The body's own top-level ``request_id`` (the API gateway sends one), or
    /// ``None``. The request id of a response, which prefers the ``X-Request-Id``
    /// header, is ``DcsHTTPError.request_id``.
    #[pyo3(get)]
    request_id: Option<Py<PyString>>,
}

impl PyErrorBody {
    /// The four fields, in order.
    fn fields(&self) -> [&Option<Py<PyString>>; 4] {
        [
            &self.error_code,
            &self.error_msg,
            &self.error_ext_msg,
            &self.request_id,
        ]
    }
}

/// The text of a field of a body (escapes resolved) as a `str`.
pub(crate) fn text<'py>(py: Python<'py>, raw: Option<RawStr<'_>>) -> Option<Bound<'py, PyString>> {
    raw.map(|raw| match raw.as_str() {
        Some(plain) => PyString::new(py, plain),
        None => PyString::new(py, &raw.decode()),
    })
}

#[pymethods]
impl PyErrorBody {
    /// The catalogue's entry for the error code (``CatalogueEntry``), looked up as
    /// ``CatalogueEntry.lookup`` does, or ``None`` when there is no code or the
    /// catalogue lacks it.
    ///
    /// >>> parse_error_body('{"error_code":"dcs.4855"}').catalogue
    /// CatalogueEntry('DCS.4855')
    #[getter]
    fn catalogue<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(code) = &self.error_code else {
            return Ok(None);
        };
        let code = code.bind(py).encode_utf8()?;
        let found = CatalogueEntry::lookup(code.as_bytes()).ok();
        catalogue::optional_entry(py, found)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<PyErrorBody>() else {
            return Ok(false);
        };
        let py = other.py();
        for (a, b) in self.fields().into_iter().zip(other.get().fields()) {
            let same = match (a, b) {
                (Some(a), Some(b)) => PyAnyMethods::eq(a.bind(py).as_any(), b.bind(py))?,
                (a, b) => a.is_none() && b.is_none(),
            };
            if !same {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let names = ["error_code", "error_msg", "error_ext_msg", "request_id"];
        let mut out = String::from("ErrorBody(");
        for (i, (name, field)) in names.into_iter().zip(self.fields()).enumerate() {
            let value = match field {
                Some(text) => text.bind(py).repr()?.to_string(),
                None => String::from("None"),
            };
            let sep = if i > 0 { ", " } else { "" };
            out.push_str(&format!("{sep}{name}={value}"));
        }
        out.push(')');
        Ok(out)
    }
}

/// Reads an error response's body, by the core's rules, never raising for its content.
///
/// ``body`` is ``bytes`` (any content: not JSON, not UTF-8, empty, huge, deeply
/// nested) or ``str`` (read as its UTF-8). The fields are read by the core's rules: the
/// Rust documentation of ``dcs_status::parse_error_body`` lists the keys it reads, and
/// in which order (DCS's, the API gateway's, then others', one level down too). A body
/// that is not a JSON object gives an ``ErrorBody`` whose fields are all ``None``. Work
/// is linear in the body; the fields are copied out as ``str``.
///
/// Raises ``TypeError`` for a type other than ``bytes`` or ``str`` (``bytearray`` and
/// ``memoryview`` included: ``bytes(view)`` first).
///
/// >>> body = parse_error_body(b'{"error_msg":"Master standby swap is not supported.","error_code":"DCS.4855","error_ext_msg":null}')
/// >>> body.error_code, body.error_ext_msg, body.catalogue.advice.value
/// ('DCS.4855', None, 'not_allowed')
/// >>> parse_error_body(b"<html>502 Bad Gateway</html>").error_code is None
/// True
/// >>> parse_error_body('{"error": {"code": "E1", "message": "boom"}}').error_msg
/// 'boom'
#[pyfunction]
pub(crate) fn parse_error_body(body: &Bound<'_, PyAny>) -> PyResult<PyErrorBody> {
    let py = body.py();
    let owned;
    let bytes = match body.cast::<PyBytes>() {
        Ok(bytes) => bytes,
        Err(_) => {
            owned = convert::text(body)?;
            &owned
        }
    };
    let parsed = dcs_status::parse_error_body(bytes.as_bytes());
    let field = |raw| text(py, raw).map(Bound::unbind);
    Ok(PyErrorBody {
        error_code: field(parsed.error_code()),
        error_msg: field(parsed.error_msg()),
        error_ext_msg: field(parsed.error_ext_msg()),
        request_id: field(parsed.request_id()),
    })
}
