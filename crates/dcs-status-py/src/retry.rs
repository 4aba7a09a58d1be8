//! Retry-After and the retry decision: `Decision` (the core's [`Decision`]),
//! `parse_retry_after`, `decide` and `method_is_idempotent`.

use core::fmt;
use core::time::Duration;

use dcs_status::{Action, Decision, HttpError};
use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyType};

use crate::convert;
use crate::errors;
use crate::members::Members;

/// The retry decision for a response (immutable; see ``decide``).
///
/// ``action`` is a ``RetryAction``; ``delay`` the server's delay in seconds for
/// ``RETRY_AFTER``, else ``None``; ``should_retry`` whether to send the request again.
/// ``str()`` is the core's text of the decision. ``Decision(action, delay=None)``
/// makes one (a delay with ``RETRY_AFTER`` and only with it).
///
/// >>> from dcs_status import decide
/// >>> decide(429, "120")
/// Decision(action=<RetryAction.RETRY_AFTER: 'retry_after'>, delay=120)
/// >>> str(decide(429, "120")), str(decide(502, idempotent=True))
/// ('retry_after 120s', 'retry_with_backoff')
#[pyclass(module = "dcs_status", name = "Decision", frozen, eq, hash, str)]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct PyDecision(pub(crate) Decision);

impl fmt::Display for PyDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl PyDecision {
    #[new]
    #[pyo3(signature = (action, delay=None))]
    fn new(action: &str, delay: Option<u64>) -> PyResult<Self> {
        let action = Action::ALL.into_iter().find(|a| a.as_str() == action);
        match (action, delay) {
            (Some(Action::RetryAfter), Some(delay)) => {
                Ok(PyDecision(Decision::RetryAfter(Duration::from_secs(delay))))
            }
            (Some(Action::DoNotRetry), None) => Ok(PyDecision(Decision::DoNotRetry)),
            (Some(Action::RetryWithBackoff), None) => Ok(PyDecision(Decision::RetryWithBackoff)),
            (None, _) => Err(PyValueError::new_err(
                "action must be a RetryAction (or its value)",
            )),
            (Some(_), _) => Err(PyValueError::new_err(
                "a Decision has a delay with RetryAction.RETRY_AFTER, and only with it",
            )),
        }
    }

    /// What to do (``RetryAction``).
    #[getter]
    fn action<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Members::get(py)?.action(py, self.0.action())
    }

    /// The delay the server asked for, in seconds, for ``RETRY_AFTER``; else ``None``.
    #[getter]
    fn delay(&self) -> Option<u64> {
        self.0.delay().map(|delay| delay.as_secs())
    }

    /// Whether the request should be sent again.
    #[getter]
    fn should_retry(&self) -> bool {
        self.0.should_retry()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let delay = match self.delay() {
            Some(delay) => delay.to_string(),
            None => String::from("None"),
        };
        Ok(format!(
            "Decision(action={}, delay={delay})",
            self.action(py)?.repr()?
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (Bound<'py, PyType>, (&'static str, Option<u64>)) {
        let decision = &slf.get().0;
        (
            slf.get_type(),
            (
                decision.action().as_str(),
                decision.delay().map(|d| d.as_secs()),
            ),
        )
    }
}

/// Parses a Retry-After value into the delay it asks for, in whole seconds (an ``int``).
///
/// ``value`` (``str`` or ``bytes``) is delay-seconds or an HTTP-date, by the core's
/// grammar (RFC 9110 §10.2.3; the Rust documentation of
/// ``dcs_status::parse_retry_after`` gives it): a date in the past gives 0, a huge
/// delay saturates at ``2**64 - 1``. ``now`` is the current time: Unix seconds (``int``, or ``float``
/// rounded down), an aware ``datetime``, or ``None`` for the clock; a naive
/// ``datetime`` is refused (``ValueError``), so the answer never depends on the local
/// time zone.
///
/// Raises ``RetryAfterError`` (a ``ValueError``; ``kind`` says what was wrong),
/// ``InvalidUtf8Error`` for bytes that are not UTF-8, ``TypeError`` for other types.
///
/// >>> from dcs_status import parse_retry_after
/// >>> parse_retry_after("120")
/// 120
/// >>> parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now=784111777)
/// 120
/// >>> parse_retry_after(b"Sun, 06 Nov 1994 08:49:37 GMT", now=784111777 + 60)
/// 0
#[pyfunction]
#[pyo3(signature = (value, now=None))]
pub(crate) fn parse_retry_after(
    value: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
) -> PyResult<u64> {
    let bytes = convert::text(value)?;
    let text = errors::utf8(value, bytes.as_bytes())?;
    let now = convert::now(now)?.unwrap_or_else(dcs_status::unix_now);
    dcs_status::parse_retry_after(text, now)
        .map(|delay| delay.as_secs())
        .map_err(|err| errors::retry_after(value, bytes.as_bytes(), err))
}

/// The retry decision for a status code or a response, as the core decides it.
///
/// ``code`` is an ``int`` or a response object of an HTTP client. ``retry_after`` is
/// the Retry-After value (``str``/``bytes``) or ``None``; for a response, ``None``
/// reads its Retry-After header. A value that does not parse (invalid UTF-8 included)
/// counts as absent. ``now`` as for ``parse_retry_after``. ``idempotent`` says
/// whether the request may safely be sent twice; ``None`` reads it from a response's
/// request method (``method_is_idempotent``), and is ``False`` when that is unknown.
/// The rules are the core's, listed in the Rust documentation of
/// ``dcs_status::Lookup::decide``.
///
/// Raises ``NotAStatusCodeError``, and ``TypeError`` for bad types.
///
/// >>> from dcs_status import decide
/// >>> decide(503, None).action.value, decide(503, "10").delay
/// ('do_not_retry', 10)
/// >>> decide(504, idempotent=True).should_retry
/// True
#[pyfunction]
#[pyo3(signature = (code, retry_after=None, now=None, idempotent=None))]
pub(crate) fn decide(
    code: &Bound<'_, PyAny>,
    retry_after: Option<&Bound<'_, PyAny>>,
    now: Option<&Bound<'_, PyAny>>,
    idempotent: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDecision> {
    let py = code.py();
    let found = convert::lookup(code)?;
    let response = (!code.is_instance_of::<PyInt>()).then_some(code);
    let mut retry_after = retry_after.filter(|v| !v.is_none()).cloned();
    let mut idempotent = convert::optional_flag(idempotent)?;
    if let Some(response) = response {
        let adapters = convert::adapters(py)?;
        if retry_after.is_none() {
            let header = adapters.call_method1(
                intern!(py, "header_of"),
                (response, HttpError::RETRY_AFTER_HEADER),
            )?;
            retry_after = (!header.is_none()).then_some(header);
        }
        if idempotent.is_none() {
            let method = adapters.call_method1(intern!(py, "method_of"), (response,))?;
            idempotent = convert::optional_text(Some(&method))?
                .map(|method| dcs_status::method_is_idempotent(method.as_bytes()));
        }
    }
    let retry_after = convert::optional_text(retry_after.as_ref())?;
    let now = match convert::now(now)? {
        Some(now) => now,
        None if retry_after.is_some() => dcs_status::unix_now(),
        None => 0,
    };
    let value = retry_after.as_ref().map(|value| value.as_bytes());
    Ok(PyDecision(found.decide(
        value,
        now,
        idempotent.unwrap_or(false),
    )))
}

/// Whether requests with this method (``str`` or ``bytes``, case-sensitive) are
/// idempotent, as the core decides it (RFC 9110 §9.2.2: GET, HEAD, OPTIONS, TRACE,
/// PUT, DELETE).
///
/// >>> from dcs_status import method_is_idempotent
/// >>> method_is_idempotent("PUT"), method_is_idempotent(b"POST")
/// (True, False)
#[pyfunction]
pub(crate) fn method_is_idempotent(method: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(dcs_status::method_is_idempotent(
        convert::text(method)?.as_bytes(),
    ))
}
