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
retried (its step's reason is ``body_not_replayable``). A connection error
(``requests.ConnectionError``, ``requests.Timeout``) is an attempt without a
response (``NO_RESPONSE``), retried on idempotent methods.

Importing this module needs ``requests`` (``pip install requests``); ``import
dcs_status`` does not import it.
"""

try:
    import requests
    from requests.adapters import HTTPAdapter
except ModuleNotFoundError as err:  # pragma: no cover - tested in a subprocess
    if err.name not in ("requests", "urllib3"):
        raise
    raise ModuleNotFoundError(
        "dcs_status.requests needs the requests package: pip install requests", name=err.name
    ) from err

from . import _adapters, _native
from ._retrying import Retrier

__all__ = ["RetryAdapter", "session"]

_CONNECTION_ERRORS = (requests.exceptions.ConnectionError, requests.exceptions.Timeout)


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
        return self.retrier.run(_Exchange(self, request, (stream, timeout, verify, cert, proxies)))


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


class _Exchange:
    """One request through the adapter (see ``_retrying``)."""

    __slots__ = ("adapter", "arguments", "idempotent", "request", "rewindable")

    connection_errors = _CONNECTION_ERRORS

    def __init__(self, adapter, request, arguments):
        self.adapter = adapter
        self.request = request
        self.arguments = arguments
        self.idempotent = _native.method_is_idempotent(request.method or "GET")
        body = request.body
        # A file requests recorded the position of (prepare_body), rewound as for redirects.
        self.rewindable = body is None or isinstance(body, (bytes, str)) or (
            hasattr(body, "seek") and isinstance(getattr(request, "_body_position", None), int)
        )

    def send(self):
        return HTTPAdapter.send(self.adapter, self.request, *self.arguments)

    def replayable(self):
        return self.rewindable

    def rewind(self):
        body = self.request.body
        if body is not None and not isinstance(body, (bytes, str)):
            requests.utils.rewind_body(self.request)

    @staticmethod
    def status(response):
        return response.status_code

    @staticmethod
    def header(response, name):
        return _adapters.header_value(response.headers, name)

    @staticmethod
    def body(response):
        return _adapters.body_of(response)

    @staticmethod
    def close(response):
        response.close()
