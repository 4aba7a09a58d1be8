"""The retry loop every client integration shares (``dcs_status.requests``,
``dcs_status.httpx``, ``dcs_status.aiohttp``, ``dcs_status.retrying``).

Python decides nothing here: each attempt's outcome (a status, or no response) goes
to the core (``RetryPolicy.step``), with what the response says (its Retry-After, its
bounded error body's ``error_code``), the attempt number, the delay waited before it,
the time left before the caller's deadline and the shared ``RetryBudget``; the step
says whether to send the request again and after how long. (When the settings give
none of the clock, draw, deadline or budget, the loop calls the same step by position,
``RetryPolicy._attempt_step``, which also parses the error body: the common case costs
no dict of arguments.) This module counts the
attempts, sleeps, logs every step (its message is the core's log line, ``str(step)``)
and ends the loop:

- a response the step does not retry is the caller's, as the bare client returns it
  (a 404, a 500 on a POST, a 503 without Retry-After, or any response to a request
  whose body cannot be sent again: reason ``unreplayable_body``);
- a response whose retries ran out (``step.gave_up``: max_attempts, the deadline, the
  budget or a too-long Retry-After) raises the package's HTTP error (``DcsHTTPError``)
  carrying every step in ``.steps``, or is returned with ``raise_on_exhausted=False``;
- a connection error (no response, status ``NO_RESPONSE``) that is not retried is the
  client's own exception, re-raised with each step's log line added as a note.

Each integration gives the loop an ``Exchange``: it sends the request once
(``send``), reads a response (``status``, ``header``, ``body``), closes a response it
will not return (``close``), rewinds the request body (``rewind``) and says whether
the body can be sent again (``replayable``, an attribute) and which exceptions of its client mean
that no response arrived (``connection_errors``, ``no_response``); the async loop
awaits ``send``, ``body`` and ``close``.
"""

import asyncio
import inspect
import logging
import time
from datetime import timedelta

from . import _adapters, _http, _native
from ._enums import RetryReason

#: The logger of every retrying client: each step at INFO (a retry) or DEBUG (the
#: final step), its message the core's log line.
LOGGER = logging.getLogger("dcs_status")

#: The status of an attempt that got no response (the native module's, 0).
NO_RESPONSE = _native.NO_RESPONSE

_REQUEST_ID = _native.REQUEST_ID_HEADER
_RETRY_AFTER = _native.RETRY_AFTER_HEADER


class Exchange:
    """One request of a client integration, as the loop drives it (the defaults of
    the methods a subclass may leave out)."""

    __slots__ = ()

    #: The exceptions of the client that may mean no response arrived.
    connection_errors = ()

    @staticmethod
    def no_response(exc):
        """Whether ``exc`` (one of ``connection_errors``) means no response arrived."""
        return True

    #: Whether the request body can be sent again (an attribute, or a property where
    #: sending the request may change it).
    replayable = True

    def rewind(self):
        """Rewinds the request body before it is sent again."""


class Retrier:
    """What a retrying client is configured with (see ``dcs_status.retrying.call``
    for each setting); one per adapter, transport or middleware, shared by its
    requests and threads."""

    __slots__ = ("budget", "clock", "deadline", "plain", "policy", "raise_on_exhausted", "random", "sleep")

    def __init__(
        self,
        policy=None,
        budget=None,
        *,
        sleep=None,
        clock=None,
        random=None,
        deadline=None,
        raise_on_exhausted=True,
    ):
        if policy is None:
            policy = _native.RetryPolicy()
        elif not isinstance(policy, _native.RetryPolicy):
            raise TypeError(f"policy must be a RetryPolicy, not {type(policy).__name__}")
        if budget is not None and not isinstance(budget, _native.RetryBudget):
            raise TypeError(f"budget must be a RetryBudget or None, not {type(budget).__name__}")
        if isinstance(deadline, timedelta):
            deadline = deadline.total_seconds()
        if deadline is not None and not deadline >= 0:
            raise ValueError(f"deadline must be a number of seconds >= 0, not {deadline!r}")
        self.policy = policy
        self.budget = budget
        self.sleep = sleep
        self.clock = clock
        self.random = random
        self.deadline = deadline
        self.raise_on_exhausted = raise_on_exhausted
        #: Whether a step needs none of the injected inputs (the common case's fast path).
        self.plain = clock is None and random is None and budget is None and deadline is None

    def __repr__(self):
        return f"Retrier(policy={self.policy!r}, budget={self.budget!r}, deadline={self.deadline!r})"

    def run(self, exchange, attempts=None, raise_on_exhausted=None):
        """Sends the exchange's request until a step stops; returns the final response
        (or raises, as the module's docstring says). ``attempts``: the loop's state,
        when the caller reads it afterwards; ``raise_on_exhausted`` overrides the
        setting's."""
        if attempts is None:
            attempts = _Attempts(self, exchange)
        sleep = self.sleep or time.sleep
        while True:
            try:
                response = exchange.send()
            except exchange.connection_errors as exc:
                if not exchange.no_response(exc):
                    raise
                step = attempts.no_response()
                if not step.is_retry:
                    attempts.reraise(exc)
                sleep(step.delay)
                exchange.rewind()
                continue
            status = exchange.status(response)
            retry_after = exchange.header(response, _RETRY_AFTER)
            error = _ERRORS.get(status)
            if error is None:
                error = _is_error(status)
            # An error's body, read for its error code; no body for any other status.
            body = exchange.body(response) if error else None
            step = attempts.responded(status, retry_after, body, response)
            if not step.is_retry:
                if step.gave_up or self.budget is not None:
                    return attempts.finish(response, body, raise_on_exhausted)
                return response  # what finish returns for it, without the call
            exchange.close(response)
            sleep(step.delay)
            exchange.rewind()

    async def arun(self, exchange):
        """``run`` for async clients: ``asyncio.sleep`` unless a ``sleep`` was given
        (whose result is awaited when it is awaitable)."""
        attempts = _Attempts(self, exchange)
        while True:
            try:
                response = await exchange.send()
            except exchange.connection_errors as exc:
                if not exchange.no_response(exc):
                    raise
                step = attempts.no_response()
                if not step.is_retry:
                    attempts.reraise(exc)
                await self._asleep(step.delay)
                exchange.rewind()
                continue
            status = exchange.status(response)
            retry_after = exchange.header(response, _RETRY_AFTER)
            error = _ERRORS.get(status)
            if error is None:
                error = _is_error(status)
            # An error's body, read for its error code; no body for any other status.
            body = (await exchange.body(response)) if error else None
            step = attempts.responded(status, retry_after, body, response)
            if not step.is_retry:
                if step.gave_up or self.budget is not None:
                    return attempts.finish(response, body)
                return response  # what finish returns for it, without the call
            await exchange.close(response)
            await self._asleep(step.delay)
            exchange.rewind()

    async def _asleep(self, delay):
        if self.sleep is None:
            await asyncio.sleep(delay)
            return
        result = self.sleep(delay)
        if inspect.isawaitable(result):
            await result

    def now(self):
        """The ``now`` of a step: the injected clock's, else ``None`` (the core's)."""
        return None if self.clock is None else self.clock()

    def elapsed_clock(self):
        """The clock the deadline is measured with: the injected one, else
        ``time.monotonic``."""
        return self.clock or time.monotonic


#: Status -> whether it is an error, for the statuses seen (at most 1000: 0, 100–999).
_ERRORS = {}


def _is_error(status):
    """Whether a status is an error, whose body the step reads for its error code."""
    error = _ERRORS.get(status)
    if error is None:
        error = _native.lookup(status).is_error
        if len(_ERRORS) < 1000:
            _ERRORS[status] = error
    return error


def _error_code(body):
    """The ``error_code`` of an error body as read (``None`` for no body)."""
    return _native.parse_error_body(body).error_code if body else None


#: Method -> whether it is idempotent, for at most 64 methods.
_IDEMPOTENT = {}


def is_idempotent(method):
    """``method_is_idempotent``, remembered for the methods seen."""
    idempotent = _IDEMPOTENT.get(method)
    if idempotent is None:
        idempotent = _native.method_is_idempotent(method)
        if len(_IDEMPOTENT) < 64:
            _IDEMPOTENT[method] = idempotent
    return idempotent


class _Attempts:
    """One request's loop: the attempt number, the delay waited before it, when it
    started (for the deadline) and the steps so far."""

    __slots__ = ("exchange", "previous_delay_ms", "retrier", "started", "steps")

    def __init__(self, retrier, exchange):
        self.retrier = retrier
        self.exchange = exchange
        self.previous_delay_ms = None
        self.started = None if retrier.deadline is None else retrier.elapsed_clock()()
        self.steps = []

    def no_response(self):
        """The step after an attempt that got no response."""
        return self.step(NO_RESPONSE, None, None, None)

    def responded(self, status, retry_after, body, response):
        """The step after a response: ``retry_after`` is its Retry-After header,
        ``body`` its error body as read (``None`` when it is not an error, or its body
        was not read)."""
        retrier = self.retrier
        exchange = self.exchange
        if retry_after is not None and retry_after.__class__ is not str:
            retry_after = _text(retry_after)
        replayable = exchange.replayable
        if retrier.plain and replayable and (body is None or body.__class__ is bytes):
            # The common case: the core's step, by position, parses the body itself.
            step = retrier.policy._attempt_step(
                status, len(self.steps) + 1, exchange.idempotent, retry_after, body, self.previous_delay_ms
            )
            return self._record(step, None, body, replayable, response)
        error_code = _error_code(body)
        step = self._step(status, len(self.steps) + 1, retry_after, error_code, replayable)
        return self._record(step, error_code, None, replayable, response)

    def step(self, status, retry_after, error_code, response):
        """The step after an attempt whose error code is known (``None`` if none),
        as ``responded``."""
        if retry_after is not None and retry_after.__class__ is not str:
            retry_after = _text(retry_after)
        replayable = self.exchange.replayable
        step = self._step(status, len(self.steps) + 1, retry_after, error_code, replayable)
        return self._record(step, error_code, None, replayable, response)

    def _record(self, step, error_code, body, replayable, response):
        """Counts ``step`` and logs it (with the X-Request-Id of ``response``, if any,
        and the error code, ``body``'s if not given)."""
        self.steps.append(step)
        if step.is_retry:
            self.previous_delay_ms = step.delay_ms
            level = logging.INFO
        else:
            self.previous_delay_ms = None
            level = logging.DEBUG
        if LOGGER.isEnabledFor(level):  # no extras built for a logger that drops them
            if error_code is None:
                error_code = _error_code(body)
            request_id = None if response is None else self.exchange.header(response, _REQUEST_ID)
            extra = {
                "attempt": step.attempt,
                "reason": step.reason.value,
                "delay_ms": step.delay_ms,
                "request_id": _text(request_id),
                "error_code": error_code,
                "replayable": replayable,
            }
            LOGGER.log(level, "%s", step, extra=extra)
        return step

    def _step(self, status, attempt, retry_after, error_code, replayable):
        """``policy.step`` with every input the settings give (the clock, the draw,
        the deadline, the budget), and ``unreplayable_body``."""
        retrier = self.retrier
        time_left = None
        if self.started is not None:
            time_left = max(0.0, retrier.deadline - (retrier.elapsed_clock()() - self.started))
        return retrier.policy.step(
            status,
            attempt=attempt,
            idempotent=self.exchange.idempotent,
            retry_after=retry_after,
            error_code=error_code,
            now=None if retrier.clock is None else retrier.clock(),
            random=None if retrier.random is None else retrier.random(),
            previous_delay_ms=self.previous_delay_ms,
            time_left=time_left,
            unreplayable_body=not replayable,
            budget=retrier.budget,
        )

    def finish(self, response, body, raise_on_exhausted=None):
        """The caller's outcome of a response the last step did not retry."""
        step = self.steps[-1]
        if step.gave_up:
            if self.retrier.raise_on_exhausted if raise_on_exhausted is None else raise_on_exhausted:
                raise self.exhausted(response, body)
            return response
        budget = self.retrier.budget
        if budget is not None and step.reason is RetryReason.NOT_AN_ERROR:
            budget.record_success(self.steps[-2] if len(self.steps) > 1 else None)
        return response

    def exhausted(self, response, body):
        """The package's HTTP error for the last response, carrying every step (each
        step's log line also a note, so that the traceback says why it ended)."""
        status = _adapters.status_of(response)
        err = _http._error(_native.lookup(status), response, None, self.retrier.now(), body)
        return with_steps(err, self.steps)

    def reraise(self, exc):
        """Re-raises the client's connection error, each step's log line a note."""
        for step in self.steps:
            _add_note(exc, str(step))
        raise exc


def with_steps(err, steps):
    """``err`` (a ``DcsHTTPError``) with ``steps``; when the last gave up, its message
    ends with why the retries ran out (the core's ``RetryStep.exhausted_message``, as
    Go's does) and each step's log line is a note, so that the traceback says why."""
    err.steps = tuple(steps)
    if steps and steps[-1].gave_up:
        err.args = (steps[-1].exhausted_message(err.args[0]), *err.args[1:])
        for step in steps:
            _add_note(err, str(step))
    return err


def _add_note(exc, note):
    add_note = getattr(exc, "add_note", None)
    if add_note is not None:
        add_note(note)
    else:  # Python < 3.11: the attribute 3.11's traceback prints
        notes = getattr(exc, "__notes__", None)
        if not isinstance(notes, list):
            notes = []
            exc.__notes__ = notes
        notes.append(note)


def _text(value):
    """A header value as ``str`` (``None`` stays ``None``; bytes read as Latin-1)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    return None

