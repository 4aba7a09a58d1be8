"""Retries by the core's policy for SDK-style calls: functions that raise the
package's HTTP errors (``DcsHTTPError``), with ``call``, ``acall`` and the decorator
``retrying``; and the settings every retrying client shares
(``dcs_status.requests``, ``dcs_status.httpx``, ``dcs_status.aiohttp``).

>>> from dcs_status import RetryPolicy, raise_for_status
>>> from dcs_status.retrying import call
>>> answers = iter([429, 200])
>>> def get_instance():  # an SDK call: raises DcsHTTPError for an error response
...     return raise_for_status(next(answers), {"Retry-After": "2"})
>>> slept = []
>>> call(get_instance, idempotent=True, sleep=slept.append)
200
>>> slept
[2.0]

The settings, as keyword arguments of every integration:

- ``policy``: the ``RetryPolicy`` (``None``: the default one, 3 attempts, full
  jitter); ``budget``: a ``RetryBudget`` shared by every request that should draw
  from it, or ``None``. A request that succeeds records it (``record_success``).
- ``sleep``: how to wait, given seconds (``time.sleep``; ``asyncio.sleep`` in async
  code, where a ``sleep`` returning an awaitable is awaited); ``clock``: now, as
  Unix seconds (for Retry-After HTTP-dates and the deadline; the system clock, and
  ``time.monotonic`` for the deadline, if ``None``); ``random``: the draw ``u`` in
  ``[0, 1)`` of the jitter (the core's random source if ``None``). Tests inject all
  three.
- ``deadline``: seconds (or a ``timedelta``) the whole request may take, retries
  and delays included, measured by ``clock`` from the first attempt: a retry whose
  delay would end past it is not made (reason ``deadline``). ``None``: no deadline.
- ``raise_on_exhausted``: when a rule called for a retry that a limit stopped
  (``RetryStep.gave_up``: max_attempts, the deadline, the budget, a too-long
  Retry-After),
  raise the package's HTTP error for the last response (the ``DcsHTTPError``
  subclass ``raise_for_status`` raises, its ``response`` the last response) carrying
  every step in ``.steps``, each step's log line also a note in its traceback (the
  default); with ``False``, return the last response.

Every step is logged to ``logging.getLogger("dcs_status")``, its message the core's
log line (``str(step)``): a retry at INFO, the final step at DEBUG, with the
record's extras ``attempt``, ``reason`` (the ``RetryReason`` value), ``delay_ms``,
``request_id`` (the response's X-Request-Id) and ``error_code`` (of the bounded
error body: read when its client has it or it declares at most ``BODY_LIMIT``
bytes).

Outcomes: a response the policy does not retry is returned as the bare client would
(a 404, a 500 on a POST, a 503 without Retry-After, a response to a request whose
body cannot be sent again: reason ``unreplayable_body``); exhausted retries raise or
return as ``raise_on_exhausted`` says; a connection error (status ``NO_RESPONSE``)
that is not retried (a POST) or whose retries ran out is the client's own exception,
re-raised with each step's log line added as a note (``exc.add_note``).
"""

import functools
import inspect
import time

from . import _native
from ._http import DcsHTTPError
from ._retrying import Exchange, Retrier, _Attempts, with_steps

__all__ = ["acall", "call", "retrying"]

#: What ``call`` counts as "no response" by default: the builtin connection errors
#: (refused, reset, aborted) and timeouts.
CONNECTION_ERRORS = (ConnectionError, TimeoutError)


def call(
    fn,
    /,
    *args,
    policy=None,
    budget=None,
    idempotent=False,
    sleep=None,
    clock=None,
    random=None,
    deadline=None,
    connection_errors=CONNECTION_ERRORS,
    **kwargs,
):
    """Calls ``fn(*args, **kwargs)`` until it returns, or until the policy's step
    for the ``DcsHTTPError`` it raised does not retry.

    Each ``DcsHTTPError`` is read as a response: its ``code``, ``retry_after_header``,
    ``error_code`` and ``request_id``. ``idempotent`` says whether the call may be
    repeated after a server error or a lost response (the method is not known here:
    ``False`` by default, as for a POST). An exception of ``connection_errors`` is
    an attempt without a response. The final error is re-raised: a ``DcsHTTPError``
    with every step in ``.steps``; any other exception with each step's log line as
    a note. The other settings are the module's.
    """
    retrier = Retrier(policy, budget, sleep=sleep, clock=clock, random=random, deadline=deadline)
    attempts = _Attempts(retrier, _Call(idempotent))
    wait = retrier.sleep or time.sleep
    while True:
        try:
            result = fn(*args, **kwargs)
        except DcsHTTPError as err:
            step = _after_error(attempts, err)
        except connection_errors as exc:
            step = attempts.no_response()
            if not step.is_retry:
                attempts.reraise(exc)
        else:
            return _succeeded(attempts, result)
        wait(step.delay)


async def acall(
    fn,
    /,
    *args,
    policy=None,
    budget=None,
    idempotent=False,
    sleep=None,
    clock=None,
    random=None,
    deadline=None,
    connection_errors=CONNECTION_ERRORS,
    **kwargs,
):
    """``call`` for a coroutine function: awaits ``fn(*args, **kwargs)``, sleeps with
    ``asyncio.sleep`` unless given a ``sleep`` (whose result is awaited when it is
    awaitable)."""
    retrier = Retrier(policy, budget, sleep=sleep, clock=clock, random=random, deadline=deadline)
    attempts = _Attempts(retrier, _Call(idempotent))
    while True:
        try:
            result = await fn(*args, **kwargs)
        except DcsHTTPError as err:
            step = _after_error(attempts, err)
        except connection_errors as exc:
            step = attempts.no_response()
            if not step.is_retry:
                attempts.reraise(exc)
        else:
            return _succeeded(attempts, result)
        await retrier._asleep(step.delay)


def retrying(
    fn=None,
    /,
    *,
    policy=None,
    budget=None,
    idempotent=False,
    sleep=None,
    clock=None,
    random=None,
    deadline=None,
    connection_errors=CONNECTION_ERRORS,
):
    """A decorator: the function, called through ``call`` (a coroutine function,
    through ``acall``) with these settings. ``@retrying`` or ``@retrying(...)``.

    >>> from dcs_status import raise_for_status
    >>> answers = iter([503, 204])
    >>> @retrying(idempotent=True, sleep=lambda seconds: None)
    ... def delete_backup():
    ...     return raise_for_status(next(answers), {"Retry-After": "1"})
    >>> delete_backup()
    204
    """
    settings = {
        "policy": policy,
        "budget": budget,
        "idempotent": idempotent,
        "sleep": sleep,
        "clock": clock,
        "random": random,
        "deadline": deadline,
        "connection_errors": connection_errors,
    }
    Retrier(policy, budget, sleep=sleep, clock=clock, random=random, deadline=deadline)  # checks them

    def decorate(function):
        if inspect.iscoroutinefunction(function):

            @functools.wraps(function)
            async def async_wrapper(*args, **kwargs):
                return await acall(function, *args, **settings, **kwargs)

            return async_wrapper

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            return call(function, *args, **settings, **kwargs)

        return wrapper

    return decorate if fn is None else decorate(fn)


class _Call(Exchange):
    """The exchange of a call: whether it may be repeated, and the request id of the
    error it raised."""

    __slots__ = ("idempotent",)

    def __init__(self, idempotent):
        self.idempotent = bool(idempotent)

    @staticmethod
    def header(err, name):
        return err.request_id if name == _native.REQUEST_ID_HEADER else None


def _after_error(attempts, err):
    """The step after ``fn`` raised ``err``; re-raises it with ``.steps`` when the
    step does not retry."""
    step = attempts.step(err.code, err.retry_after_header, err.error_code, err)
    if not step.is_retry:
        raise with_steps(err, attempts.steps)
    return step


def _succeeded(attempts, result):
    budget = attempts.retrier.budget
    if budget is not None:
        budget.record_success(attempts.steps[-1] if attempts.steps else None)
    return result

