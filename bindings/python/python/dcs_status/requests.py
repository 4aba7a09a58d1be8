"""Retries for ``requests``, by the core's policy: a transport adapter to mount on a
``Session``, and ``session()``, a ``Session`` with it mounted for http and https.

>>> import dcs_status.requests
>>> from dcs_status import RetryPolicy
>>> http = dcs_status.requests.session(RetryPolicy(max_attempts=4))
>>> type(http.get_adapter("https://dcs.example.com")).__name__
'RetryAdapter'

Every request sent through the adapter goes to the core after each attempt
(``RetryPolicy.step``), which says whether to send it again and after how long;
``dcs_status.retrying.call`` documents the settings (``policy``, ``budget``,
``sleep``, ``clock``, ``random``, ``deadline``, ``raise_on_exhausted``), the logging
and the outcomes. Request bodies of ``bytes`` or ``str`` are sent again as they are,
a file is rewound to where it was (``requests``' own rewind, as for redirects); a
generator or another iterator cannot be sent again, so a request with one is never
retried (the step's reason is ``unreplayable_body``). A connection error (what requests raises as
``ConnectionError`` or ``ReadTimeout``: refused, reset, timed out) is an attempt
without a response (``NO_RESPONSE``), retried on idempotent methods.

The attempts are made where urllib3's own ``Retry`` makes them, inside the
adapter's call to its connection pool, so that a retry costs what urllib3's does;
``requests`` builds one ``Response``, of the final attempt. The adapter's
``max_retries`` stays 0.

Importing this module needs ``requests`` 2.32.2 or later (``pip install requests``);
``import dcs_status`` does not import it.
"""

try:
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.exceptions import (
        ConnectTimeoutError,
        MaxRetryError,
        ProtocolError,
        ReadTimeoutError,
    )
except ModuleNotFoundError as err:  # pragma: no cover - tested in a subprocess
    if err.name not in ("requests", "urllib3"):
        raise
    raise ModuleNotFoundError(
        "dcs_status.requests needs the requests package: pip install requests", name=err.name
    ) from err

from functools import partial
from operator import attrgetter

from . import _adapters
from ._retrying import Exchange, Retrier, _add_note, _Attempts, is_idempotent

__all__ = ["RetryAdapter", "session"]

#: What urllib3 raises, to requests' adapter, when no response arrived: requests
#: turns them into its ConnectionError, ConnectTimeout and ReadTimeout.
_NO_RESPONSE = (ProtocolError, OSError, ConnectTimeoutError, ReadTimeoutError)
#: The attribute of a ``PreparedRequest`` that carries its loop to the pool, while
#: the adapter sends it.
_ATTEMPTS = "_dcs_status_attempts"


class RetryAdapter(HTTPAdapter):
    """A ``requests`` transport adapter that retries by the core's policy.

    ``policy`` (a ``RetryPolicy``, the default one if ``None``), ``budget`` (a shared
    ``RetryBudget``, or ``None``) and the keyword settings are those of
    ``dcs_status.retrying.call``; ``adapter_options`` go to ``HTTPAdapter``
    (``pool_connections``, ``pool_maxsize``, ``pool_block``; its own ``max_retries``
    stays 0: the policy retries).

    >>> import requests
    >>> http = requests.Session()
    >>> http.mount("https://", RetryAdapter())
    """

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
        **adapter_options,
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
        super().__init__(**adapter_options)

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        """Sends ``request`` (a ``PreparedRequest``) until the policy's step stops;
        returns the final response, or raises (``dcs_status.retrying.call`` says
        when)."""
        attempts = _Attempts(self.retrier, _Exchange(request))
        request._dcs_status_attempts = attempts  # _ATTEMPTS, stored without a call
        try:
            response = super().send(request, stream, timeout, verify, cert, proxies)
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
            for step in attempts.steps:  # requests' error, raised from urllib3's
                _add_note(exc, str(step))
            raise
        finally:
            del request._dcs_status_attempts
        body = getattr(response.raw, "_body", None)  # the error body the loop read
        if body is not None and response._content is False:
            response._content = body
            response._content_consumed = True
        if attempts.steps and attempts.steps[-1].gave_up and self.retrier.raise_on_exhausted:
            raise attempts.exhausted(response, body)
        return response

    def cert_verify(self, conn, url, verify, cert):
        """``HTTPAdapter.cert_verify`` on the pool itself, not through the pool of one
        request (whose ``__setattr__`` would forward each setting)."""
        pool = conn.pool if conn.__class__ is _RetryingPool else conn
        super().cert_verify(pool, url, verify, cert)

    def get_connection_with_tls_context(self, request, verify, proxies=None, cert=None):
        """The connection pool of ``HTTPAdapter``, whose ``urlopen`` makes the
        attempts of a request this adapter sends."""
        pool = super().get_connection_with_tls_context(request, verify, proxies=proxies, cert=cert)
        attempts = getattr(request, _ATTEMPTS, None)
        return pool if attempts is None else _RetryingPool(pool, attempts)


def session(
    policy=None,
    budget=None,
    *,
    sleep=None,
    clock=None,
    random=None,
    deadline=None,
    raise_on_exhausted=True,
):
    """A ``requests.Session`` with a ``RetryAdapter`` of these settings mounted for
    ``http://`` and ``https://`` (one adapter: one budget, one connection pool).

    >>> with session() as http:
    ...     type(http.get_adapter("http://127.0.0.1")).__name__
    'RetryAdapter'
    """
    adapter = RetryAdapter(
        policy,
        budget,
        sleep=sleep,
        clock=clock,
        random=random,
        deadline=deadline,
        raise_on_exhausted=raise_on_exhausted,
    )
    http = requests.Session()
    http.mount("https://", adapter)
    http.mount("http://", adapter)
    return http


class _RetryingPool:
    """A urllib3 connection pool, for one request: ``urlopen`` runs the loop (the
    other attributes are the pool's)."""

    __slots__ = ("attempts", "pool")

    def __init__(self, pool, attempts):
        object.__setattr__(self, "pool", pool)
        object.__setattr__(self, "attempts", attempts)

    def urlopen(self, **arguments):
        exchange = self.attempts.exchange
        exchange.send = partial(self.pool.urlopen, **arguments)
        retrier = self.attempts.retrier
        # The adapter raises for exhausted retries, with requests' Response.
        return retrier.run(exchange, self.attempts, raise_on_exhausted=False)

    def __getattr__(self, name):
        return getattr(self.pool, name)

    def __setattr__(self, name, value):  # cert_verify sets the pool's TLS settings
        setattr(self.pool, name, value)


class _Exchange(Exchange):
    """One request through the adapter, sent by its pool (see ``_retrying``)."""

    __slots__ = ("idempotent", "replayable", "request", "send")

    connection_errors = (*_NO_RESPONSE, MaxRetryError)

    def __init__(self, request):
        self.request = request
        self.idempotent = is_idempotent(request.method or "GET")
        body = request.body
        # A file requests recorded the position of (prepare_body), rewound as for redirects.
        self.replayable = (
            body is None
            or isinstance(body, (bytes, str))
            or (hasattr(body, "seek") and isinstance(getattr(request, "_body_position", None), int))
        )

    @staticmethod
    def no_response(exc):
        # With the adapter's Retry(0, read=False), urllib3 raises a failed connection
        # as MaxRetryError, whose reason says what failed (an SSL or proxy error is not
        # "no response").
        return not isinstance(exc, MaxRetryError) or isinstance(exc.reason, _NO_RESPONSE)

    def rewind(self):
        body = self.request.body
        if body is not None and not isinstance(body, (bytes, str)):
            requests.utils.rewind_body(self.request)

    status = attrgetter("status")  # a C function: one Python call fewer per attempt

    @staticmethod
    def header(response, name):
        # urllib3's HTTPHeaderDict: any case. ``in`` first: its ``get`` of a missing
        # header raises and catches a KeyError.
        headers = response.headers
        return headers[name] if name in headers else None  # noqa: SIM401

    @staticmethod
    def body(response):
        # A small body (as body_of reads one), kept for requests' Response. Its declared
        # length as urllib3 read the Content-Length (nothing of the body is read yet);
        # not content-encoded, so read as it came (no decoder to set up).
        headers = response.headers
        encoding = headers["Content-Encoding"] if "Content-Encoding" in headers else None  # noqa: SIM401
        if _adapters._declares_small(response.length_remaining, encoding):
            return response.read(decode_content=False, cache_content=True)
        return None

    @staticmethod
    def close(response):
        response.drain_conn()
