"""The retry loop every client integration shares (``dcs_status.requests``,
``dcs_status.httpx``, ``dcs_status.aiohttp``, ``dcs_status.retrying``).

Python decides nothing here: each attempt's outcome (a status, or no response) goes
to the core (``RetryPolicy.step``), with what the response says (its Retry-After, its
bounded error body's ``error_code``), the attempt number, the delay waited before it,
the time left before the caller's deadline and the shared ``RetryBudget``; the step
says whether to send the request again and after how long. This module counts the
attempts, sleeps, logs every step (its message is the core's log line, ``str(step)``)
and ends the loop:

- a response the step does not retry is the caller's, as the bare client returns it
  (a 404, a 500 on a POST, a 503 without Retry-After);
- a response whose retries ran out (``step.gave_up``: max_attempts, the deadline, the
  budget or a too-long Retry-After) raises the package's HTTP error (``DcsHTTPError``)
  carrying every step in ``.steps``, or is returned with ``raise_on_exhausted=False``;
- a connection error (no response, status ``NO_RESPONSE``) that is not retried is the
  client's own exception, re-raised with each step's log line added as a note.

Each integration gives the loop an exchange: an object that sends the request once
(``send``), reads a response (``status``, ``header``, ``body``), closes a response it
will not return (``close``), rewinds the request body (``rewind``) and says whether
the body can be sent again (``replayable``), with the client's connection errors
(``connection_errors``); the async loop awaits ``send``, ``body`` and ``close``.
"""

import asyncio
import inspect
import logging
import time
from datetime import timedelta

from . import _http, _native

#: The logger of every retrying client: each step at INFO (a retry) or DEBUG (the
#: final step), its message the core's log line.
LOGGER = logging.getLogger("dcs_status")

#: The status of an attempt that got no response (the native module's, 0).
NO_RESPONSE = _native.NO_RESPONSE

_REQUEST_ID = _native.REQUEST_ID_HEADER
_RETRY_AFTER = _native.RETRY_AFTER_HEADER


class Retrier:
    """What a retrying client is configured with (see ``dcs_status.retrying.call``
    for each setting); one per adapter, transport or middleware, shared by its
    requests and threads."""

    __slots__ = ("budget", "clock", "deadline", "policy", "raise_on_exhausted", "random", "sleep")

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

    def __repr__(self):
        return f"Retrier(policy={self.policy!r}, budget={self.budget!r}, deadline={self.deadline!r})"

    def run(self, exchange):
        """Sends the exchange's request until a step stops; returns the final response
        (or raises, as the module's docstring says)."""
        attempts = _Attempts(self, exchange)
        sleep = self.sleep or time.sleep
        while True:
            try:
                response = exchange.send()
            except exchange.connection_errors as exc:
                step = attempts.no_response()
                if not step.is_retry:
                    attempts.reraise(exc)
                sleep(step.delay)
                exchange.rewind()
                continue
            status = exchange.status(response)
            body = exchange.body(response) if _is_error(status) else None
            step = attempts.responded(status, exchange.header(response, _RETRY_AFTER), body,
                                      exchange.header(response, _REQUEST_ID))
            if not step.is_retry:
                return attempts.finish(response, body)
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
                step = attempts.no_response()
                if not step.is_retry:
                    attempts.reraise(exc)
                await self._asleep(step.delay)
                exchange.rewind()
                continue
            status = exchange.status(response)
            body = await exchange.body(response) if _is_error(status) else None
            step = attempts.responded(status, exchange.header(response, _RETRY_AFTER), body,
                                      exchange.header(response, _REQUEST_ID))
            if not step.is_retry:
                return attempts.finish(response, body)
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


def _is_error(status):
    """Whether a status is an error, whose body the step reads for its error code."""
    return _native.lookup(status).is_error


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

    def responded(self, status, retry_after, body, request_id):
        """The step after a response (``body``: its error body as read, or ``None``)."""
        error_code = None
        if body:
            error_code = _native.parse_error_body(body).error_code
        return self.step(status, retry_after, error_code, request_id)

    def no_response(self):
        """The step after an attempt that got no response."""
        return self.step(NO_RESPONSE, None, None, None)

    def step(self, status, retry_after, error_code, request_id):
        """Asks the core for the next step, logs it and counts it."""
        retrier = self.retrier
        time_left = None
        if self.started is not None:
            time_left = max(0.0, retrier.deadline - (retrier.elapsed_clock()() - self.started))
        policy = retrier.policy
        replayable = self.exchange.replayable()
        if not replayable:
            # A body that cannot be sent again: this attempt is the request's last.
            policy = policy.replace(max_attempts=len(self.steps) + 1)
        step = policy.step(
            status,
            attempt=len(self.steps) + 1,
            retry_after=_text(retry_after),
            error_code=error_code,
            idempotent=self.exchange.idempotent,
            now=retrier.now(),
            random=None if retrier.random is None else retrier.random(),
            previous_delay_ms=self.previous_delay_ms,
            time_left=time_left,
            budget=retrier.budget,
        )
        self.steps.append(step)
        self.previous_delay_ms = step.delay_ms if step.is_retry else None
        level = logging.INFO if step.is_retry else logging.DEBUG
        if LOGGER.isEnabledFor(level):
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

    def finish(self, response, body):
        """The caller's outcome of a response the last step did not retry."""
        step = self.steps[-1]
        if step.gave_up:
            if self.retrier.raise_on_exhausted:
                raise self.exhausted(response, body)
            return response
        budget = self.retrier.budget
        if budget is not None and step.reason.value == "not_an_error":
            budget.record_success(self.steps[-2] if len(self.steps) > 1 else None)
        return response

    def exhausted(self, response, body):
        """The package's HTTP error for the last response, carrying every step."""
        status = self.exchange.status(response)
        err = _http._error(_native.lookup(status), response, None, self.retrier.now(), body)
        err.steps = tuple(self.steps)
        return err

    def reraise(self, exc):
        """Re-raises the client's connection error, each step's log line a note."""
        for step in self.steps:
            _add_note(exc, str(step))
        raise exc


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

