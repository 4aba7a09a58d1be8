"""HTTP errors: ``DcsHTTPError``, its classes, ``error_class``, ``raise_for_status``,
``araise_for_status`` and ``retry_after_of``.

Imported on first use of one of its names, so that ``import dcs_status`` does not pay
for it. The message of every error is the core's (``_native.http_error``).
"""

import builtins

from . import _adapters, _native
from ._enums import StatusClass, StatusCode
from ._errors import InvalidUtf8Error, RetryAfterError

# The words a class name writes in capitals, as Go's names do (bindings/initialisms.txt).
# BEGIN GENERATED: initialisms (tools/generate_stubs.py)
_INITIALISMS = frozenset({
    "ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID",
    "IP", "JSON", "OK", "QPS", "RAM", "RPC", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL",
    "UDP", "UI", "UID", "URI", "URL", "UTF8", "UUID", "VM", "XML", "XMPP", "XSRF", "XSS",
})
# END GENERATED: initialisms


def _rebuild(cls, args, state):
    """An unpickled error: its message and fields as they were, nothing recomputed."""
    err = cls.__new__(cls, *args)
    err.args = args
    err.__dict__.update(state)
    return err


class DcsHTTPError(Exception):
    """An error status code of the DCS API (4xx, 5xx, and 600–999 as server errors),
    read with its headers and body as one error by the core
    (``HttpError::from_response``).

    ``str()`` is the core's message: the code as read and DCS's name; with an error
    code the catalogue knows, its code, message and Solution, else the status's
    description; the retry advice and the decision; then what the response said
    (quoted and shortened). Fields, as Go's ``Error`` has them:

    - ``code`` (the number received), ``status`` (the ``StatusCode`` whose meaning
      applies), ``kind`` (``LookupKind``);
    - ``retry_after`` (the delay the Retry-After header asks for, in seconds, or
      ``None`` when it is absent or invalid) and ``retry_after_header`` (its value as
      given, or ``None``);
    - ``request_id``: the ``X-Request-Id`` header, else the body's ``request_id``,
      else ``X-Openstack-Request-Id`` (a ``str``, or ``None``);
    - ``error_code``, ``error_msg``, ``error_ext_msg``: the body's (``str`` or
      ``None``; each text is kept up to ``TEXT_LIMIT``, 4096 bytes of UTF-8), and
      ``catalogue``, the ``CatalogueEntry`` of the error code (or ``None``);
    - ``decision``: the ``Decision``, which reads the error code's advice before the
      status (a "try again later" code is retried even on 400);
    - ``response``: the response object, or ``None``;
    - ``steps``: the ``RetryStep`` of every attempt, when a retrying client raised
      it because its retries ran out (``dcs_status.retrying``), else ``()``.

    ``raise_for_status`` raises it from a response. It can be made from a code, the
    values of a Retry-After and an X-Request-Id header, ``headers`` (any mapping or
    list of pairs) and ``body`` (``bytes`` or ``str``); ``now`` and ``idempotent`` as
    for ``decide``:

    >>> err = DcsHTTPError(404, request_id="req-7")
    >>> type(err).__name__, err.status, err.request_id
    ('DcsHTTPError', <StatusCode.NOT_FOUND: 404>, 'req-7')
    >>> print(err)  # doctest: +NORMALIZE_WHITESPACE
    404 Not Found, DCS name NotFound: The requested resource could not be found. Retry
    advice: modify the request instead of re-initiating it; decision: do not retry;
    request id "req-7"
    >>> body = b'{"error_code":"DCS.4111","error_msg":"the instance is restarting."}'
    >>> err = DcsHTTPError(400, body=body, headers={"X-Openstack-Request-Id": "os-1"})
    >>> err.error_code, err.catalogue.advice.value, str(err.decision), err.request_id
    ('DCS.4111', 'retry_later', 'retry_with_backoff', 'os-1')
    """

    __module__ = "dcs_status"

    #: The table entry this class stands for (``None`` for the base classes).
    STATUS = None

    #: Every ``RetryStep`` of the retrying client (``dcs_status.retrying``) that
    #: raised this error, in order; ``()`` for an error raised otherwise.
    steps = ()

    def __init__(
        self,
        code,
        retry_after_header=None,
        request_id=None,
        *,
        now=None,
        idempotent=False,
        response=None,
        headers=None,
        body=None,
    ):
        (
            message,
            found,
            self.retry_after,
            self.decision,
            self.retry_after_header,
            self.request_id,
            self.error_code,
            self.error_msg,
            self.error_ext_msg,
            self.catalogue,
        ) = _native.http_error(
            code,
            _adapters.header_items(headers),
            body,
            now,
            idempotent,
            retry_after_header,
            request_id,
        )
        super().__init__(message)
        self.code = found.code
        self.status = found.status
        self.kind = found.kind
        self.response = response

    def __reduce__(self):
        # Neither the response nor the retry steps (native, and tied to this process)
        # travel: an unpickled error has ``response`` None and ``steps`` ().
        state = {**self.__dict__, "response": None}
        state.pop("steps", None)
        return (_rebuild, (type(self), self.args, state))


class ClientError(DcsHTTPError):
    """A 4xx status code: the request was wrong (see ``status.retry_advice``)."""

    __module__ = "dcs_status"


class ServerError(DcsHTTPError):
    """A 5xx status code, or 600–999 (handled as server errors, RFC 9110 §15)."""

    __module__ = "dcs_status"


def _class_name(ident):
    """The class name of an entry's error: its ident in PascalCase, initialisms in
    capitals (``HTTP_VERSION_NOT_SUPPORTED`` -> ``HTTPVersionNotSupported``), and
    ``HTTP`` in front of a Python builtin's name (``HTTPNotImplemented``)."""
    name = "".join(w if w in _INITIALISMS else w.capitalize() for w in ident.split("_"))
    return "HTTP" + name if hasattr(builtins, name) else name


def _old_class_name(ident):
    """The name 0.1 gave (``HttpVersionNotSupported``), kept as an alias."""
    name = ident.title().replace("_", "")
    return "Http" + name if hasattr(builtins, name) else name


#: Class name -> error entry, for every error entry of the table, in table order.
_ENTRIES = {_class_name(m.name): m for m in StatusCode if m.is_error}
#: Old class name -> class name, where they differ.
_ALIASES = {
    _old_class_name(m.name): _class_name(m.name)
    for m in StatusCode
    if m.is_error and _old_class_name(m.name) != _class_name(m.name)
}
#: The names of the per-entry classes, in table order.
ERROR_NAMES = tuple(_ENTRIES)
#: Error entry -> its class, made on first use.
_CLASSES: dict[object, type] = {}


def _class_of(member):
    """The class of an error entry, made once (also under threads)."""
    cls = _CLASSES.get(member)
    if cls is None:
        base = ClientError if member.status_class is StatusClass.CLIENT_ERROR else ServerError
        body = {"__doc__": _native.lookup(member).explain(), "__module__": "dcs_status", "STATUS": member}
        made = type(_class_name(member.name), (base,), body)
        # setdefault is atomic: two threads racing here still share one class.
        cls = _CLASSES.setdefault(member, made)
    return cls


def __getattr__(name):
    """The per-entry classes (``NotFound``, ...) and their old names, made on first use."""
    member = _ENTRIES.get(_ALIASES.get(name, name))
    if member is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _class_of(member)


def error_class(code):
    """The exception class ``raise_for_status`` raises for a code, or ``None``.

    A documented error code has its own class (``NotFound``, ``TooManyRequests``,
    ...); another 4xx raises ``ClientError``, another 5xx and 600–999
    ``ServerError``; 1xx–3xx are not errors (``None``).

    >>> error_class(404).__name__, error_class(418).__name__, error_class(200)
    ('NotFound', 'ClientError', None)
    """
    found = _native.lookup(code)
    if not found.is_error:
        return None
    if found.documented is not None:
        return _class_of(found.status)
    return ClientError if found.status_class is StatusClass.CLIENT_ERROR else ServerError


def raise_for_status(response, headers=None, now=None, *, body=None):
    """Raises the ``DcsHTTPError`` subclass for an error status; else returns ``response``.

    ``response`` is a status code or a response object of requests, httpx, urllib3,
    ``urllib`` (``http.client.HTTPResponse``, ``urllib.error.HTTPError``) or aiohttp.
    ``headers`` overrides the response's headers (any mapping or list of pairs,
    matched case-insensitively). ``body`` (``bytes`` or ``str``) is the response's
    body, when the caller has it; by default it is read as far as that takes nothing
    from the caller (``body_of``: what the client has read, or a small declared
    length; never a stream of unknown length). The error carries the headers' and the
    body's fields (see ``DcsHTTPError``) and the decision at ``now`` (as for
    ``parse_retry_after``) for the response's request method. A header value that is
    absent, invalid or not text counts as absent; a body of any content is read
    without raising.

    >>> raise_for_status(200)
    200
    >>> raise_for_status(503, {"Retry-After": "10"}, now=0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    dcs_status.ServiceUnavailable: 503 Service Unavailable, DCS name ...; decision: retry after 10s
    >>> raise_for_status(400, body='{"error_code": "DCS.4111"}')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    dcs_status.BadRequest: 400 Bad Request, DCS name BadRequest: DCS.4111 the instance is restarting. ...
    """
    found = _native.lookup(response)
    if not found.is_error:
        return response
    is_code = isinstance(response, int)
    if body is None and not is_code:
        body = _adapters.body_of(response)
    raise _error(found, response, headers, now, body)


def _error(found, response, headers, now, body):
    """The error ``raise_for_status`` raises, for an error's ``Lookup``."""
    is_code = isinstance(response, int)
    source = (None if is_code else _adapters.headers_of(response)) if headers is None else headers
    method = None if is_code else _adapters.method_of(response)
    return error_class(found.code)(
        found.code,
        now=now,
        idempotent=method is not None and _native.method_is_idempotent(method),
        response=None if is_code else response,
        headers=source,
        body=body,
    )


async def araise_for_status(response, headers=None, now=None, *, body=None):
    """``raise_for_status`` for async clients: an error response's body that httpx
    (``AsyncClient.stream``) or aiohttp has not read yet is read first, when it is
    small (``abody_of``: a declared length of at most ``BODY_LIMIT`` bytes, not
    content-encoded), through the client's caching read, so that ``text()`` and
    ``json()`` still work afterwards.

    >>> import asyncio
    >>> asyncio.run(araise_for_status(204))
    204
    """
    found = _native.lookup(response)
    if not found.is_error:
        return response
    if body is None and not isinstance(response, int):
        body = await _adapters.abody_of(response)
    raise _error(found, response, headers, now, body)


def retry_after_of(response, now=None):
    """The delay a response's (or a headers mapping's) Retry-After asks for, or ``None``
    when it is absent, invalid or not text. Headers are matched case-insensitively.

    >>> retry_after_of({"retry-after": "30"}), retry_after_of({}), retry_after_of({"Retry-After": "soon"})
    (30, None, None)
    """
    value = _adapters.header_of(response, _native.RETRY_AFTER_HEADER)
    if value is None:
        return None
    try:
        return _native.parse_retry_after(value, now)
    except (RetryAfterError, InvalidUtf8Error):
        return None
