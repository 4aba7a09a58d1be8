//! The retry policy: `RetryPolicy`, `RetryBudget` and `RetryStep` (the core's
//! [`RetryPolicy`], [`RetryBudget`] and [`RetryStep`]), and `reseed_random_unit`.

use core::fmt;

use dcs_status::{
    CatalogueEntry, Jitter, RetryBudget, RetryCategory, RetryInputError, RetryPolicy, RetryStep,
    StepInput,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyInt, PyString, PyTuple};

use crate::catalogue;
use crate::convert;
use crate::errors;
use crate::members;

/// The settings of a retry loop, immutable: how many attempts, how long to wait
/// between them, what to honour. Each is a keyword argument, the core's default when
/// omitted (or ``None``); the defaults and the reasons for them are the core's (the
/// Rust documentation of ``dcs_status::RetryPolicy``).
///
/// - ``max_attempts``: attempts in all, the first included;
/// - ``jitter``: how a backoff delay is drawn below its ceiling (``Jitter`` or its
///   name);
/// - ``base_transient_ms``, ``base_throttle_ms``, ``base_busy_ms``: the base delay of
///   each ``RetryCategory``, in milliseconds;
/// - ``cap_ms``: the longest backoff delay;
/// - ``max_retry_after_s``: the longest Retry-After honoured, in seconds.
///
/// The policy is checked when made: ``RetryInputError`` (a ``ValueError``, with the
/// core's ``kind`` and message) for no attempts, a cap below a base or an unknown
/// jitter; ``TypeError`` for a value that is not an ``int`` (a ``str`` for
/// ``jitter``), ``ValueError`` for an integer out of range. ``replace(**changes)``
/// (also ``copy.replace`` on Python 3.13) makes a changed copy; policies are equal when
/// their settings are, and pickle.
///
/// >>> from dcs_status import RetryPolicy
/// >>> RetryPolicy()
/// RetryPolicy(max_attempts=3, jitter=<Jitter.FULL: 'full'>, base_transient_ms=50, base_throttle_ms=1000, base_busy_ms=2000, cap_ms=20000, max_retry_after_s=300)
/// >>> patient = RetryPolicy(max_attempts=6, jitter="equal")
/// >>> patient.replace(max_attempts=3) == RetryPolicy(jitter="equal")
/// True
/// >>> RetryPolicy(cap_ms=10)
/// Traceback (most recent call last):
///   ...
/// dcs_status.RetryInputError: cap_ms must be at least each base delay (base_transient_ms, base_throttle_ms, base_busy_ms)
#[pyclass(module = "dcs_status", name = "RetryPolicy", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct PyRetryPolicy(RetryPolicy);

/// The names of a policy's settings, in the order of the core's fields.
const FIELDS: [&str; 7] = [
    "max_attempts",
    "jitter",
    "base_transient_ms",
    "base_throttle_ms",
    "base_busy_ms",
    "cap_ms",
    "max_retry_after_s",
];

impl PyRetryPolicy {
    /// The settings as keyword arguments of the constructor, in [`FIELDS`] order.
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let p = &self.0;
        let dict = PyDict::new(py);
        let numbers = [
            p.base_transient_ms,
            p.base_throttle_ms,
            p.base_busy_ms,
            p.cap_ms,
            p.max_retry_after_s,
        ];
        dict.set_item(FIELDS[0], p.max_attempts)?;
        dict.set_item(FIELDS[1], members::jitter(py, p.jitter)?)?;
        for (name, value) in FIELDS[2..].iter().zip(numbers) {
            dict.set_item(*name, value)?;
        }
        Ok(dict)
    }
}

#[pymethods]
impl PyRetryPolicy {
    #[new]
    #[pyo3(signature = (*, max_attempts=None, jitter=None, base_transient_ms=None, base_throttle_ms=None, base_busy_ms=None, cap_ms=None, max_retry_after_s=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        max_attempts: Option<&Bound<'_, PyAny>>,
        jitter: Option<&Bound<'_, PyAny>>,
        base_transient_ms: Option<&Bound<'_, PyAny>>,
        base_throttle_ms: Option<&Bound<'_, PyAny>>,
        base_busy_ms: Option<&Bound<'_, PyAny>>,
        cap_ms: Option<&Bound<'_, PyAny>>,
        max_retry_after_s: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let d = RetryPolicy::DEFAULT;
        let jitter_value = match jitter.filter(|j| !j.is_none()) {
            None => d.jitter,
            Some(given) => {
                let Ok(name) = given.cast::<PyString>() else {
                    return Err(PyTypeError::new_err(format!(
                        "jitter must be a Jitter or its name (str), not {}",
                        given.get_type().name()?
                    )));
                };
                let name = name.to_cow()?;
                Jitter::from_name(&name).ok_or_else(|| {
                    errors::retry_input(given, RetryInputError::UnknownJitter, name.as_bytes())
                })?
            }
        };
        let policy = RetryPolicy {
            max_attempts: convert::unsigned(max_attempts, FIELDS[0], d.max_attempts)?,
            jitter: jitter_value,
            base_transient_ms: convert::unsigned(
                base_transient_ms,
                FIELDS[2],
                d.base_transient_ms,
            )?,
            base_throttle_ms: convert::unsigned(base_throttle_ms, FIELDS[3], d.base_throttle_ms)?,
            base_busy_ms: convert::unsigned(base_busy_ms, FIELDS[4], d.base_busy_ms)?,
            cap_ms: convert::unsigned(cap_ms, FIELDS[5], d.cap_ms)?,
            max_retry_after_s: convert::unsigned(
                max_retry_after_s,
                FIELDS[6],
                d.max_retry_after_s,
            )?,
        };
        if let Err(err) = policy.validate() {
            // The setting the error is about, as read.
            let value = match err {
                RetryInputError::NoAttempts => policy.max_attempts.into_pyobject(py)?,
                _ => policy.cap_ms.into_pyobject(py)?,
            };
            let input = value.to_string();
            return Err(errors::retry_input(
                &value.into_any(),
                err,
                input.as_bytes(),
            ));
        }
        Ok(PyRetryPolicy(policy))
    }

    /// A copy with the settings given as keyword arguments changed, checked as a new
    /// policy is.
    ///
    /// >>> RetryPolicy().replace(cap_ms=5000).cap_ms
    /// 5000
    #[pyo3(signature = (**changes))]
    fn replace<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kwargs = slf.get().fields(slf.py())?;
        if let Some(changes) = changes {
            kwargs.update(changes.as_mapping())?;
        }
        slf.get_type().call((), Some(&kwargs))
    }

    /// ``copy.replace(policy, **changes)`` (Python 3.13): ``replace``.
    #[pyo3(signature = (**changes))]
    fn __replace__<'py>(
        slf: &Bound<'py, Self>,
        changes: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        Self::replace(slf, changes)
    }

    /// Attempts in all, the first included (``int``).
    #[getter]
    fn max_attempts(&self) -> u32 {
        self.0.max_attempts
    }

    /// How a backoff delay is drawn below its ceiling (``Jitter``).
    #[getter]
    fn jitter<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        members::jitter(py, self.0.jitter)
    }

    /// The base delay of ``transient`` retries, in milliseconds.
    #[getter]
    fn base_transient_ms(&self) -> u64 {
        self.0.base_transient_ms
    }

    /// The base delay of ``throttle`` retries, in milliseconds.
    #[getter]
    fn base_throttle_ms(&self) -> u64 {
        self.0.base_throttle_ms
    }

    /// The base delay of ``busy`` retries, in milliseconds.
    #[getter]
    fn base_busy_ms(&self) -> u64 {
        self.0.base_busy_ms
    }

    /// The longest backoff delay, in milliseconds.
    #[getter]
    fn cap_ms(&self) -> u64 {
        self.0.cap_ms
    }

    /// The longest Retry-After honoured, in seconds.
    #[getter]
    fn max_retry_after_s(&self) -> u64 {
        self.0.max_retry_after_s
    }

    /// The backoff delay, in milliseconds, of retry number ``retry`` (1 for the first)
    /// of a ``RetryCategory`` (or its name), for the random draw ``random`` in
    /// ``[0, 1)`` and, for decorrelated jitter, the previous retry's delay: the core's
    /// one formula (the Rust documentation of ``RetryPolicy::backoff_ms`` gives it).
    ///
    /// >>> RetryPolicy().backoff_ms("transient", 3, 0.5)
    /// 100
    #[pyo3(signature = (category, retry, random, previous_ms=None))]
    fn backoff_ms(
        &self,
        category: &Bound<'_, PyAny>,
        retry: &Bound<'_, PyAny>,
        random: f64,
        previous_ms: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<u64> {
        let name = category.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err("category must be a RetryCategory or its name (str)")
        })?;
        let Some(category) = RetryCategory::from_name(&name.to_cow()?) else {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "category must be a RetryCategory or its name: transient, throttle or busy",
            ));
        };
        let retry = convert::unsigned(Some(retry), "retry", 0u32)?;
        let previous = convert::unsigned(previous_ms, "previous_ms", 0u64)?;
        Ok(self.0.backoff_ms(category, retry, random, previous))
    }

    /// The next step after an attempt: retry (after how long) or stop, and why — the
    /// core's rules, in one call (a ``RetryStep``).
    ///
    /// ``status`` is the status code of the response to attempt number ``attempt`` (1
    /// for the first), or the response itself (of requests, httpx, urllib3, urllib or
    /// aiohttp: then ``retry_after`` defaults to its Retry-After header, ``error_code``
    /// to its body's error code as ``raise_for_status`` reads it, and ``idempotent`` to
    /// its request method's, by ``method_is_idempotent``). ``retry_after`` (``str`` or
    /// ``bytes``) and ``error_code`` count as absent when they do not parse;
    /// ``idempotent`` is ``False`` when unknown. ``now`` is as for
    /// ``parse_retry_after`` (the clock, read only for an HTTP-date). ``random`` is the
    /// draw ``u`` in ``[0, 1)`` (by default the core's fast random source, reseeded in
    /// the child after ``os.fork``). ``previous_delay_ms`` is the delay waited before
    /// this attempt (decorrelated jitter reads it). ``time_left`` is the time left
    /// before the caller's deadline (seconds, or a ``timedelta``): a retry whose delay
    /// is longer stops with ``RetryReason.DEADLINE``. ``unreplayable_body`` says the
    /// request's body cannot be sent again (a generator, a stream already read): a
    /// retry a rule calls for stops with ``RetryReason.UNREPLAYABLE_BODY``.
    /// ``budget`` is a shared ``RetryBudget`` that pays for the retry.
    ///
    /// ``NO_RESPONSE`` (0) is the status of an attempt that got no response (the
    /// connection failed, was reset or timed out): retried only when idempotent,
    /// ``RetryReason.CONNECTION_ERROR``. Like the core, a step answers any value:
    /// another status outside 100–999 stops with ``RetryReason.STATUS``, attempt 0 is read as 1, a draw
    /// outside ``[0, 1)`` is clamped. With ``validate=True`` those raise
    /// ``RetryInputError`` instead. ``TypeError`` for a bad type, ``ValueError`` for a
    /// negative ``attempt`` or ``previous_delay_ms``.
    ///
    /// >>> from dcs_status import RetryBudget
    /// >>> budget = RetryBudget()
    /// >>> step = RetryPolicy().step(400, attempt=1, error_code="DCS.4111", random=0.37, budget=budget)
    /// >>> print(step)
    /// retry 1 of 2 in 740 ms: DCS.4111 says try again later (busy)
    /// >>> step.is_retry, step.delay, step.tokens_after, budget.tokens
    /// (True, 0.74, 486, 486)
    /// >>> print(RetryPolicy().step(502, attempt=1))
    /// do not retry: 502 Bad Gateway on a request that is not idempotent (not_idempotent)
    #[pyo3(signature = (status, *, attempt, retry_after=None, error_code=None, idempotent=None, now=None, random=None, previous_delay_ms=None, time_left=None, unreplayable_body=false, budget=None, validate=false))]
    #[allow(clippy::too_many_arguments)]
    fn step(
        &self,
        status: &Bound<'_, PyAny>,
        attempt: &Bound<'_, PyAny>,
        retry_after: Option<&Bound<'_, PyAny>>,
        error_code: Option<&Bound<'_, PyAny>>,
        idempotent: Option<&Bound<'_, PyAny>>,
        now: Option<&Bound<'_, PyAny>>,
        random: Option<f64>,
        previous_delay_ms: Option<&Bound<'_, PyAny>>,
        time_left: Option<&Bound<'_, PyAny>>,
        unreplayable_body: bool,
        budget: Option<&Bound<'_, PyRetryBudget>>,
        validate: bool,
    ) -> PyResult<PyRetryStep> {
        let py = status.py();
        let attempt_number = convert::unsigned(Some(attempt), "attempt", 0u32)?;
        let mut retry_after = convert::optional_text(retry_after)?;
        let mut error_code = convert::optional_text(error_code)?.map(|b| b.as_bytes().to_vec());
        let mut idempotent = convert::optional_flag(idempotent)?;
        let code = if status.is_instance_of::<PyInt>() {
            convert::saturating_i64(status)?
        } else if status.is_instance_of::<PyFloat>() {
            return Err(PyTypeError::new_err(
                "a status code must be an integer, not float",
            ));
        } else {
            // A response: what it says fills in what the caller left out.
            let response = status;
            let [code, header, method, held] =
                convert::response_parts(response, retry_after.is_none(), idempotent.is_none())?;
            let code = convert::saturating_i64(&code)?;
            if retry_after.is_none() {
                retry_after = convert::optional_text(Some(&header))?;
            }
            if idempotent.is_none() {
                idempotent = convert::idempotent_method(&method)?;
            }
            if error_code.is_none() && is_error(code) {
                let body = match convert::optional_text(Some(&held))? {
                    Some(body) => Some(body),
                    None => convert::response_body(response)?,
                };
                if let Some(body) = body {
                    error_code = error_code_of(body.as_bytes());
                }
            }
            code
        };
        let input = StepInput {
            attempt: attempt_number,
            status: code,
            retry_after: retry_after.as_ref().map(|v| v.as_bytes()),
            error_code: error_code.as_deref(),
            idempotent: idempotent.unwrap_or(false),
            now: convert::now(now)?,
            random,
            previous_delay_ms: convert::unsigned(previous_delay_ms, "previous_delay_ms", 0u64)?,
            time_left_ms: convert::millis(time_left, "time_left")?,
            unreplayable_body,
        };
        if validate {
            if let Err(err) = input.validate() {
                let value = match err {
                    RetryInputError::AttemptZero => attempt.clone(),
                    RetryInputError::RandomOutOfRange => {
                        PyFloat::new(py, random.unwrap_or(f64::NAN)).into_any()
                    }
                    _ => code.into_pyobject(py)?.into_any(),
                };
                // As Python writes it (a draw of `nan`, `1.0`): small numbers, all of them.
                let input = value.str()?;
                return Err(errors::retry_input(&value, err, input.to_cow()?.as_bytes()));
            }
        }
        Ok(PyRetryStep(self.0.step(&input, budget.map(|b| &b.get().0))))
    }

    /// ``step`` as the retrying clients (``dcs_status.requests``, ``.httpx``,
    /// ``.aiohttp``) call it after each attempt, when their settings give no clock,
    /// draw, deadline or budget and the request body can be sent again: the same
    /// step, with the arguments by position and the error body as read instead of its
    /// error code.
    ///
    /// ``body`` (``bytes`` or ``None``) is parsed here, as ``parse_error_body`` does,
    /// and only for an error status; ``retry_after`` is as for ``step``. Positional
    /// because this module is built for the stable ABI of Python 3.9, where keyword
    /// arguments cost a dict on every call. Not a public API: call ``step``.
    ///
    /// >>> body = b'{"error_code": "DCS.4111", "error_msg": "busy"}'
    /// >>> step = RetryPolicy()._attempt_step(400, 1, True, None, body, None)
    /// >>> step.reason.value, step.category == RetryPolicy().step(400, attempt=1, error_code="DCS.4111").category
    /// ('busy', True)
    #[pyo3(signature = (status, attempt, idempotent, retry_after, body, previous_delay_ms, /))]
    fn _attempt_step(
        &self,
        status: &Bound<'_, PyInt>,
        attempt: &Bound<'_, PyAny>,
        idempotent: bool,
        retry_after: Option<&Bound<'_, PyAny>>,
        body: Option<&Bound<'_, PyBytes>>,
        previous_delay_ms: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyRetryStep> {
        let code = convert::saturating_i64(status.as_any())?;
        let retry_after = convert::optional_text(retry_after)?;
        let error_code = match body {
            Some(body) if is_error(code) => error_code_of(body.as_bytes()),
            _ => None,
        };
        let input = StepInput {
            attempt: convert::unsigned(Some(attempt), "attempt", 0u32)?,
            status: code,
            retry_after: retry_after.as_ref().map(|v| v.as_bytes()),
            error_code: error_code.as_deref(),
            idempotent,
            now: None,
            random: None,
            previous_delay_ms: convert::unsigned(previous_delay_ms, "previous_delay_ms", 0u64)?,
            time_left_ms: None,
            unreplayable_body: false,
        };
        Ok(PyRetryStep(self.0.step(&input, None)))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = String::from("RetryPolicy(");
        for (i, (name, value)) in self.fields(py)?.iter().enumerate() {
            let sep = if i > 0 { ", " } else { "" };
            out.push_str(&format!("{sep}{name}={}", value.repr()?));
        }
        out.push(')');
        Ok(out)
    }

    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::empty(py), self.fields(py)?))
    }
}

/// Whether a status is an error, whose body the step reads for its error code.
fn is_error(code: i64) -> bool {
    dcs_status::lookup(code).is_ok_and(|found| found.is_error())
}

/// The error code of an error body, as `parse_error_body` reads it (decoded), if any.
fn error_code_of(body: &[u8]) -> Option<Vec<u8>> {
    let parsed = dcs_status::parse_error_body(body);
    parsed.error_code().map(|c| c.decode().as_bytes().to_vec())
}

/// A retry budget (the AWS SDKs' retry quota), shared by every thread that holds it:
/// retries spend tokens, successes earn them back, and when too many requests fail the
/// budget runs dry and stops the retries that would only add load.
///
/// It lives in the core (one atomic counter, no lock): share one ``RetryBudget`` among
/// the threads and requests of a process that talk to one service, and pass it to
/// ``RetryPolicy.step``. It starts full with ``capacity`` tokens (or ``tokens``, at
/// most the capacity); a ``transient`` or ``busy`` retry costs ``retry_cost``, a
/// ``throttle`` retry (any Retry-After included) ``throttle_cost``; a retry it cannot
/// pay for stops with ``RetryReason.BUDGET_EXHAUSTED``. Defaults are the core's. It
/// cannot be copied or pickled: a copy would be a second, separate budget.
///
/// >>> from dcs_status import RetryBudget, RetryPolicy
/// >>> budget = RetryBudget()
/// >>> budget
/// RetryBudget(tokens=500, capacity=500, retry_cost=14, throttle_cost=5)
/// >>> last = RetryPolicy().step(502, attempt=1, idempotent=True, budget=budget)
/// >>> budget.tokens, budget.record_success(last)
/// (486, 500)
#[pyclass(module = "dcs_status", name = "RetryBudget", frozen)]
pub(crate) struct PyRetryBudget(RetryBudget);

#[pymethods]
impl PyRetryBudget {
    #[new]
    #[pyo3(signature = (*, capacity=None, retry_cost=None, throttle_cost=None, tokens=None))]
    fn new(
        capacity: Option<&Bound<'_, PyAny>>,
        retry_cost: Option<&Bound<'_, PyAny>>,
        throttle_cost: Option<&Bound<'_, PyAny>>,
        tokens: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let capacity = convert::unsigned(capacity, "capacity", RetryBudget::CAPACITY)?;
        let budget = RetryBudget::new(
            capacity,
            convert::unsigned(retry_cost, "retry_cost", RetryBudget::RETRY_COST)?,
            convert::unsigned(throttle_cost, "throttle_cost", RetryBudget::THROTTLE_COST)?,
        );
        let tokens = convert::unsigned(tokens, "tokens", capacity)?;
        Ok(PyRetryBudget(budget.with_tokens(tokens)))
    }

    /// The tokens it holds now (another thread may change them at any time).
    #[getter]
    fn tokens(&self) -> u32 {
        self.0.tokens()
    }

    /// The most tokens it can hold.
    #[getter]
    fn capacity(&self) -> u32 {
        self.0.capacity()
    }

    /// The cost of a ``transient`` or ``busy`` retry.
    #[getter]
    fn retry_cost(&self) -> u32 {
        self.0.retry_cost()
    }

    /// The cost of a ``throttle`` retry (429, or any Retry-After).
    #[getter]
    fn throttle_cost(&self) -> u32 {
        self.0.throttle_cost()
    }

    /// Records that a request succeeded and returns the tokens held after:
    /// ``last_step`` is the last ``RetryStep`` of its loop, ``None`` when the first
    /// attempt succeeded (adds 1 token); a retry paid from a budget refunds its cost;
    /// never above the capacity.
    ///
    /// >>> RetryBudget(tokens=100).record_success()
    /// 101
    #[pyo3(signature = (last_step=None))]
    fn record_success(&self, last_step: Option<&Bound<'_, PyRetryStep>>) -> u32 {
        self.0.record_success(last_step.map(|s| &s.get().0))
    }

    fn __repr__(&self) -> String {
        let b = &self.0;
        format!(
            "RetryBudget(tokens={}, capacity={}, retry_cost={}, throttle_cost={})",
            b.tokens(),
            b.capacity(),
            b.retry_cost(),
            b.throttle_cost()
        )
    }
}

/// What ``RetryPolicy.step`` decided, and why (immutable; equal when every field is).
///
/// ``action`` (``StepAction``), ``delay_ms`` (``int``; 0 unless retrying) and ``delay``
/// (the same in seconds, a ``float``, for ``time.sleep`` and ``asyncio.sleep``),
/// ``category`` (``RetryCategory``, or ``None``), ``reason`` (``RetryReason``) and
/// ``tokens_after`` (the budget's tokens after the step, or ``None`` without one) are
/// the decision; ``attempt``, ``max_attempts``, ``status``, ``retry_after`` (the
/// server's delay in seconds, when rule 4 read one) and ``catalogue`` (the
/// ``CatalogueEntry`` of the error code) echo what it was about. ``str()`` is the
/// core's log line, the same in every language.
///
/// >>> from dcs_status import RetryPolicy
/// >>> step = RetryPolicy().step(503, attempt=1, retry_after="7")
/// >>> step
/// RetryStep(action=<StepAction.RETRY: 'retry'>, delay_ms=7000, category=<RetryCategory.THROTTLE: 'throttle'>, reason=<RetryReason.RETRY_AFTER: 'retry_after'>, tokens_after=None)
/// >>> str(step)
/// 'retry 1 of 2 in 7000 ms: 503 Service Unavailable asks to wait 7 s (retry_after)'
#[pyclass(module = "dcs_status", name = "RetryStep", frozen, eq, hash, str)]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct PyRetryStep(RetryStep);

impl fmt::Display for PyRetryStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl PyRetryStep {
    /// Whether to send the request again (``StepAction``).
    #[getter]
    fn action<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        members::step_action(py, self.0.action)
    }

    /// Whether the action is ``StepAction.RETRY``.
    #[getter]
    fn is_retry(&self) -> bool {
        self.0.is_retry()
    }

    /// Whether the policy gave up: a rule called for a retry, but a limit stopped it
    /// (``max_attempts``, ``retry_after_too_long``, ``deadline`` or
    /// ``budget_exhausted``). A retrying client then reports its retries as
    /// exhausted, where a response no retry can fix (a 404, a 500 on a POST) is
    /// simply the answer.
    #[getter]
    fn gave_up(&self) -> bool {
        self.0.gave_up()
    }

    /// ``message``, ended with why the retries ran out when this (the last) step
    /// ``gave_up``: ``MESSAGE; retries exhausted: WHY (REASON)`` (the clause alone for
    /// an empty message; ``message`` unchanged for a step that did not give up). The
    /// core's text: an exhausted ``DcsHTTPError``'s message is made with it, as Go's.
    ///
    /// >>> last = RetryPolicy().step(503, attempt=3, retry_after="1")
    /// >>> last.exhausted_message("503")
    /// '503; retries exhausted: 503 Service Unavailable on attempt 3, and max_attempts is 3 (max_attempts)'
    fn exhausted_message(&self, message: &str) -> String {
        self.0.exhausted_message(message).to_string()
    }

    /// How long to wait before sending the request again, in milliseconds.
    #[getter]
    fn delay_ms(&self) -> u64 {
        self.0.delay_ms
    }

    /// ``delay_ms`` in seconds (a ``float``).
    #[getter]
    fn delay(&self) -> f64 {
        self.0.delay().as_secs_f64()
    }

    /// The kind of retry (``RetryCategory``), set when a rule called for one (even if
    /// the budget or the deadline stopped it); ``None`` otherwise.
    #[getter]
    fn category<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .category
            .map(|c| members::category(py, c))
            .transpose()
    }

    /// Why (``RetryReason``): the rule that matched, or what stopped its retry.
    #[getter]
    fn reason<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        members::reason(py, self.0.reason)
    }

    /// The budget's tokens after this step, or ``None`` without a budget.
    #[getter]
    fn tokens_after(&self) -> Option<u32> {
        self.0.tokens_after
    }

    /// The attempt just made, as read (0 is read as 1).
    #[getter]
    fn attempt(&self) -> u32 {
        self.0.attempt
    }

    /// The policy's ``max_attempts``.
    #[getter]
    fn max_attempts(&self) -> u32 {
        self.0.max_attempts
    }

    /// The status, as given (an ``int``).
    #[getter]
    fn status(&self) -> i64 {
        self.0.status
    }

    /// The server's Retry-After in seconds, when the step read a valid one (rule 4).
    #[getter]
    fn retry_after(&self) -> Option<u64> {
        self.0.retry_after_s
    }

    /// The ``CatalogueEntry`` of the error code, or ``None``.
    #[getter]
    fn catalogue<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        catalogue::optional_entry(py, self.0.catalogue_entry.map(|e: &CatalogueEntry| e))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let category = match self.category(py)? {
            Some(category) => category.repr()?.to_string(),
            None => String::from("None"),
        };
        let tokens = match self.0.tokens_after {
            Some(tokens) => tokens.to_string(),
            None => String::from("None"),
        };
        Ok(format!(
            "RetryStep(action={}, delay_ms={}, category={category}, reason={}, tokens_after={tokens})",
            self.action(py)?.repr()?,
            self.0.delay_ms,
            self.reason(py)?.repr()?,
        ))
    }
}

/// Gives this thread's random source (the core's, which ``RetryPolicy.step`` draws
/// from) a fresh seed. The package calls it in the child after ``os.fork``
/// (``os.register_at_fork``), so that forked workers do not draw the same delays.
#[pyfunction]
pub(crate) fn reseed_random_unit() {
    dcs_status::reseed_random_unit();
}
