"""Retries for ``aiohttp`` (3.12 or later), by the core's policy: a client middleware,
``RetryMiddleware``, for ``ClientSession(middlewares=...)`` or one request's
``middlewares=``, and ``session()``, a ``ClientSession`` with it.

>>> import asyncio, aiohttp
>>> from dcs_status.aiohttp import RetryMiddleware
>>> async def main():
...     async with aiohttp.ClientSession(middlewares=(RetryMiddleware(),)) as http:
...         return http.closed
>>> asyncio.run(main())
False

Every request sent through the middleware goes to the core after each attempt
(``RetryPolicy.step``), which says whether to send it again and after how long;
``dcs_status.retrying.call`` documents the settings (``policy``, ``budget``,
``sleep``, ``clock``, ``random``, ``deadline``, ``raise_on_exhausted``), the logging
and the outcomes. It sleeps with ``asyncio.sleep`` unless given a ``sleep`` (a plain
function, or one returning an awaitable). aiohttp sends a body of bytes, text, form
data, JSON or a seekable file again as it is; a body from an async iterator (or a
stream) is consumed by the first attempt, so such a request is never retried (the
step's reason is ``unreplayable_body``). Connection errors
(``aiohttp.ClientConnectionError``: refused, reset, disconnected, socket timeouts)
are attempts without a response (``NO_RESPONSE``), retried on idempotent methods. A
response the middleware retries is read (when small) and released.

Put it last among a session's middlewares, so that each retry passes through the
others (authentication, logging) as aiohttp's retry recipe does. Importing this
module needs ``aiohttp`` (``pip install aiohttp``); ``import dcs_status`` does not
import it.
"""

try:
    import aiohttp
except ModuleNotFoundError as err:  # pragma: no cover - tested in a subprocess
    if err.name != "aiohttp":
        raise
    raise ModuleNotFoundError(
        "dcs_status.aiohttp needs the aiohttp package (3.12 or later): pip install aiohttp", name="aiohttp"
    ) from err

from . import _adapters
from ._retrying import Exchange, Retrier, is_idempotent

__all__ = ["RetryMiddleware", "session"]


class RetryMiddleware:
    """An aiohttp client middleware that retries by the core's policy (``policy``,
    ``budget`` and the other settings are those of ``dcs_status.retrying.call``).

    One instance can serve any number of sessions and requests.
    """

    __slots__ = ("retrier",)

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
        self.retrier = Retrier(
            policy,
            budget,
            sleep=sleep,
            clock=clock,
            random=random,
            deadline=deadline,
            raise_on_exhausted=raise_on_exhausted,
        )

    async def __call__(self, request, handler):
        """Sends ``request`` through ``handler`` until the policy's step stops;
        returns the final response, or raises (``dcs_status.retrying.call`` says
        when)."""
        return await self.retrier.arun(_Exchange(request, handler))

    def __repr__(self):
        return f"RetryMiddleware({self.retrier!r})"


def session(
    policy=None,
    budget=None,
    *,
    sleep=None,
    clock=None,
    random=None,
    deadline=None,
    raise_on_exhausted=True,
    **session_options,
):
    """An ``aiohttp.ClientSession`` whose last middleware is a ``RetryMiddleware`` of
    these settings (``session_options`` go to ``ClientSession``, its
    ``middlewares`` first). Call it inside a running event loop, as
    ``ClientSession`` itself.
    """
    middleware = RetryMiddleware(
        policy,
        budget,
        sleep=sleep,
        clock=clock,
        random=random,
        deadline=deadline,
        raise_on_exhausted=raise_on_exhausted,
    )
    middlewares = (*session_options.pop("middlewares", ()), middleware)
    return aiohttp.ClientSession(middlewares=middlewares, **session_options)


class _Exchange(Exchange):
    """One request through the middleware (see ``_retrying``)."""

    __slots__ = ("handler", "idempotent", "request")

    connection_errors = (aiohttp.ClientConnectionError,)

    def __init__(self, request, handler):
        self.request = request
        self.handler = handler
        self.idempotent = is_idempotent(request.method)

    async def send(self):
        return await self.handler(self.request)

    @property
    def replayable(self):
        # aiohttp marks a payload it cannot write again (an async iterator it read).
        return not getattr(self.request.body, "consumed", False)

    def rewind(self):
        pass  # aiohttp's payloads rewind themselves (files seek back to where they were)

    @staticmethod
    def status(response):
        return response.status

    @staticmethod
    def header(response, name):
        return response.headers.get(name)  # a CIMultiDictProxy: any case

    @staticmethod
    async def body(response):
        return await _adapters.abody_of(response)

    @staticmethod
    async def close(response):
        response.release()
