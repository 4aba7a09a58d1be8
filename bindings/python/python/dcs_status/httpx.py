"""Retries for ``httpx``, by the core's policy: transports that wrap any transport,
``RetryTransport`` for ``httpx.Client`` and ``AsyncRetryTransport`` for
``httpx.AsyncClient``.

>>> import httpx
>>> from dcs_status.httpx import RetryTransport
>>> client = httpx.Client(transport=RetryTransport())
>>> client.close()

Every request sent through the transport goes to the core after each attempt
(``RetryPolicy.step``), which says whether to send it again and after how long;
``dcs_status.retrying.call`` documents the settings (``policy``, ``budget``,
``sleep``, ``clock``, ``random``, ``deadline``, ``raise_on_exhausted``), the logging
and the outcomes; the async transport sleeps with ``asyncio.sleep`` unless given a
``sleep`` (a plain function, or one returning an awaitable). A body given as
``content=`` bytes or text, ``data=`` or ``json=`` is sent again as it is; a body
streamed from an iterator or a file cannot be sent again, so such a request is never
retried (the step's reason is ``unreplayable_body``). Connection errors
(``httpx.NetworkError``, ``httpx.TimeoutException``, ``httpx.RemoteProtocolError``)
are attempts without a response (``NO_RESPONSE``), retried on idempotent methods.
A response the transport retries is read (when small) and closed.

Importing this module needs ``httpx`` (``pip install httpx``); ``import dcs_status``
does not import it.
"""

try:
    import httpx
except ModuleNotFoundError as err:  # pragma: no cover - tested in a subprocess
    if err.name != "httpx":
        raise
    raise ModuleNotFoundError(
        "dcs_status.httpx needs the httpx package: pip install httpx", name="httpx"
    ) from err

from operator import attrgetter

from . import _adapters
from ._retrying import Exchange, Retrier, is_idempotent

__all__ = ["AsyncRetryTransport", "RetryTransport"]

_CONNECTION_ERRORS = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)


class _Wrapping:
    """The settings both transports take: the transport they wrap (``_default()`` if
    ``None``) and the retrier's."""

    _default = None

    def __init__(
        self,
        transport=None,
        *,
        policy=None,
        budget=None,
        sleep=None,
        clock=None,
        random=None,
        deadline=None,
        raise_on_exhausted=True,
    ):
        self.transport = self._default() if transport is None else transport
        self.retrier = Retrier(
            policy,
            budget,
            sleep=sleep,
            clock=clock,
            random=random,
            deadline=deadline,
            raise_on_exhausted=raise_on_exhausted,
        )


class RetryTransport(_Wrapping, httpx.BaseTransport):
    """An ``httpx`` transport that sends each request through ``transport``
    (``httpx.HTTPTransport()`` if ``None``) and retries by the core's policy.

    ``policy``, ``budget`` and the other settings are those of
    ``dcs_status.retrying.call``. Closing it closes ``transport``.
    """

    _default = httpx.HTTPTransport

    def handle_request(self, request):
        """Sends ``request`` until the policy's step stops; returns the final
        response, or raises (``dcs_status.retrying.call`` says when)."""
        return self.retrier.run(_Exchange(self.transport, request))

    def close(self):
        """Closes the wrapped transport."""
        self.transport.close()


class AsyncRetryTransport(_Wrapping, httpx.AsyncBaseTransport):
    """``RetryTransport`` for ``httpx.AsyncClient``: wraps ``transport``
    (``httpx.AsyncHTTPTransport()`` if ``None``), sleeps with ``asyncio.sleep``
    unless given a ``sleep``.
    """

    _default = httpx.AsyncHTTPTransport

    async def handle_async_request(self, request):
        """Sends ``request`` until the policy's step stops; returns the final
        response, or raises (``dcs_status.retrying.call`` says when)."""
        return await self.retrier.arun(_AsyncExchange(self.transport, request))

    async def aclose(self):
        """Closes the wrapped transport."""
        await self.transport.aclose()


class _Exchange(Exchange):
    """One request through ``RetryTransport`` (see ``_retrying``)."""

    __slots__ = ("idempotent", "replayable", "request", "transport")

    connection_errors = _CONNECTION_ERRORS

    def __init__(self, transport, request):
        self.transport = transport
        self.request = request
        self.idempotent = is_idempotent(request.method)
        # Bytes (content=, data=, json=, or a body already read): sent again as they are.
        self.replayable = isinstance(request.stream, httpx.ByteStream)

    def send(self):
        return self.transport.handle_request(self.request)

    status = attrgetter("status_code")  # a C function: one Python call fewer per attempt

    @staticmethod
    def header(response, name):
        # httpx.Headers: any case; the values joined as its ``get`` joins them, whose
        # miss raises and catches a KeyError.
        values = response.headers.get_list(name)
        return ", ".join(values) if values else None

    def body(self, response):
        response.request = self.request  # for the method an HTTP error reads
        return _adapters.body_of(response)

    @staticmethod
    def close(response):
        response.close()


class _AsyncExchange(_Exchange):
    """One request through ``AsyncRetryTransport``."""

    __slots__ = ()

    async def send(self):
        return await self.transport.handle_async_request(self.request)

    async def body(self, response):
        response.request = self.request  # for the method an HTTP error reads
        return await _adapters.abody_of(response)

    @staticmethod
    async def close(response):
        await response.aclose()
