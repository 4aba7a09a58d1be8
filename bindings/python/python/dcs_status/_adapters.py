"""Reading status codes, headers and bodies from the response objects of HTTP clients.

Duck-typed, so that nothing here imports requests, httpx, urllib3 or aiohttp:

=============================================  ===============  ==========================
response                                       status from      headers
=============================================  ===============  ==========================
``requests.Response``                          ``status_code``  ``CaseInsensitiveDict``
``httpx.Response``                             ``status_code``  ``httpx.Headers``
``urllib3.BaseHTTPResponse``                   ``status``       ``HTTPHeaderDict``
``http.client.HTTPResponse`` (``urlopen``)     ``status``       ``http.client.HTTPMessage``
``urllib.error.HTTPError``                     ``status``       ``http.client.HTTPMessage``
``aiohttp.ClientResponse``                     ``status``       ``CIMultiDictProxy``
=============================================  ===============  ==========================

Any other object with one of ``status_code``, ``status`` or ``code`` (tried in that
order) and ``headers`` works the same way. A header value that is not text (``str`` or
``bytes``) counts as absent, so that no response makes a function of ``dcs_status``
raise ``TypeError``.

The body (``body_of``) is read only where that takes nothing from the caller: what
the client has already read, or, for a stream not read yet, only through the client's
own caching read and only when the response declares a length of at most
``BODY_LIMIT`` bytes without a content encoding (``_small``). The table of each
client is ``body_of``'s.
"""

from operator import index as _index

from . import _native

#: The most bytes read of a body its client has not read yet (the native module's).
BODY_LIMIT = _native.BODY_LIMIT

_STATUS_ATTRIBUTES = ("status_code", "status", "code")


def status_of(response):
    """The status code of a response object, or of an integer (returned as ``int``).

    >>> class Response:
    ...     status_code = 404
    >>> status_of(Response()), status_of(429)
    (404, 429)
    """
    if isinstance(response, int):
        return int(response)
    for name in _STATUS_ATTRIBUTES:
        value = getattr(response, name, None)
        if value is None:
            continue
        try:
            return int(_index(value))
        except TypeError:
            continue
    try:
        return int(_index(response))
    except TypeError:
        raise TypeError(
            "expected a status code (int) or an HTTP response with a status_code, status "
            f"or code attribute, not {type(response).__name__}"
        ) from None


def headers_of(response):
    """The headers of a response object, or ``None`` (for a code, or no headers).

    >>> class Response:
    ...     status = 200
    ...     headers = {"Retry-After": "5"}
    >>> headers_of(Response()), headers_of(200)
    ({'Retry-After': '5'}, None)
    """
    if isinstance(response, int):
        return None
    return getattr(response, "headers", None)


def method_of(response):
    """The method of the request a response answers, or ``None`` when it does not say.

    aiohttp keeps it as ``response.method``, requests and httpx as
    ``response.request.method``, ``http.client`` as ``response._method``; urllib3's
    responses and ``urllib.error.HTTPError`` do not keep it.

    >>> class Request:
    ...     method = "GET"
    >>> class Response:
    ...     status_code = 503
    ...     request = Request()
    >>> method_of(Response()), method_of(503)
    ('GET', None)
    """
    if isinstance(response, int):
        return None
    method = getattr(response, "method", None)
    if method is None:
        try:
            request = getattr(response, "request", None)
        except RuntimeError:  # httpx: a response built without a request
            request = None
        method = getattr(request, "method", None)
    if method is None:
        method = getattr(response, "_method", None)
    return method if isinstance(method, (str, bytes)) else None


def _same_name(key, lowered):
    if isinstance(key, bytes):
        key = key.decode("latin-1")
    return isinstance(key, str) and key.lower() == lowered


def header_value(headers, name):
    """The value of header ``name``, case-insensitively, or ``None`` when absent.

    ``headers`` is any mapping (the clients' own case-insensitive ones, or a plain
    ``dict``), an ``email.message.Message`` (``http.client``), a list of
    ``(name, value)`` pairs (``str`` or ``bytes``), or ``None``. With several values,
    the first wins. A value that is neither ``str`` nor ``bytes`` counts as absent.

    >>> header_value({"retry-after": "10"}, "Retry-After")
    '10'
    >>> header_value([(b"Retry-After", b"10")], "retry-after")
    b'10'
    >>> header_value(None, "Retry-After") is None, header_value({"Retry-After": 10}, "Retry-After")
    (True, None)
    """
    value = _header_value(headers, name)
    return value if isinstance(value, (str, bytes)) else None


def _header_value(headers, name):
    if headers is None:
        return None
    if _is_case_insensitive(headers):
        # ``in`` first: a missing key costs some clients' ``get`` an exception.
        return headers.get(name) if name in headers else None
    get = getattr(headers, "get", None)
    if get is not None:
        value = get(name)
        if value is not None:
            return value
    items = getattr(headers, "items", None)
    pairs = items() if items is not None else headers
    lowered = name.lower()
    try:
        for key, value in pairs:
            if _same_name(key, lowered):
                return value
    except (TypeError, ValueError):
        raise TypeError(
            "headers must be a mapping or a list of (name, value) pairs, "
            f"not {type(headers).__name__}"
        ) from None
    return None


def header_of(response, name):
    """The value of header ``name`` of a response, or of a headers mapping (as for
    ``header_value``), or ``None``.

    >>> class Response:
    ...     status = 429
    ...     headers = {"retry-after": "5"}
    >>> header_of(Response(), "Retry-After"), header_of({"Retry-After": "7"}, "retry-after")
    ('5', '7')
    >>> header_of(429, "Retry-After") is None
    True
    """
    if isinstance(response, int):
        return None
    headers = headers_of(response)
    if headers is None and (hasattr(response, "items") or isinstance(response, (list, tuple))):
        headers = response  # a mapping or pairs: the headers themselves
    return header_value(headers, name)


def header_items(headers):
    """The ``(name, value)`` pairs of any headers object, as a list, every value of a
    repeated header included (httpx's ``multi_items``), or ``[]`` for ``None``.

    >>> header_items({"Retry-After": "10"}), header_items([[b"X-Request-Id", b"r"]])
    ([('Retry-After', '10')], [(b'X-Request-Id', b'r')])
    """
    if headers is None:
        return []
    pairs = getattr(headers, "multi_items", None) or getattr(headers, "items", None)
    pairs = pairs() if pairs is not None else headers
    try:
        return [(name, value) for name, value in pairs]
    except (TypeError, ValueError):
        raise TypeError(
            "headers must be a mapping or a list of (name, value) pairs, "
            f"not {type(headers).__name__}"
        ) from None


_CLIENTS = frozenset({"requests", "httpx", "urllib3", "http", "urllib", "aiohttp"})
#: The modules whose header mappings' ``get`` ignores case (aiohttp's are multidict's,
#: ``http.client``'s an ``email.message.Message``).
_CASE_INSENSITIVE = _CLIENTS | {"multidict", "email"}


#: Type -> the first of its classes' top-level modules that is in ``_CASE_INSENSITIVE``
#: (or ``None``), for at most ``_ROOTS_MAX`` types.
_ROOTS = {}
_ROOTS_MAX = 256


def _root_of(obj):
    """The top-level module of the first class of ``obj``'s type that comes from a
    client or a case-insensitive headers type, or ``None``."""
    cls = type(obj)
    root = _ROOTS.get(cls, _ROOTS)
    if root is _ROOTS:
        root = next(
            (r for r in (c.__module__.partition(".")[0] for c in cls.__mro__) if r in _CASE_INSENSITIVE),
            None,
        )
        if len(_ROOTS) < _ROOTS_MAX:
            _ROOTS[cls] = root
    return root


def _client_of(response):
    """The top-level module of the HTTP client whose response this is, or ``None``."""
    root = _root_of(response)
    return root if root in _CLIENTS else None


def _is_case_insensitive(headers):
    """Whether ``headers`` is a client's mapping (or a ``Message``), whose ``get`` and
    ``in`` ignore case."""
    return _root_of(headers) is not None


def _small(response):
    """Whether the response declares a body of at most ``BODY_LIMIT`` bytes, not
    content-encoded: one that reading whole costs at most that much."""
    headers = headers_of(response)
    return _declares_small(header_value(headers, "Content-Length"), header_value(headers, "Content-Encoding"))


def _declares_small(length, encoding):
    """``_small`` of a response whose Content-Length (a header value, an ``int`` or
    ``None``) and Content-Encoding (a header value or ``None``) the caller has read."""
    try:
        size = int(length)
    except (TypeError, ValueError):
        return False
    plain = encoding is None or encoding.strip().lower() in ("", "identity", b"", b"identity")
    return 0 <= size <= BODY_LIMIT and plain


def _peek(response):
    """What ``http.client`` holds of the body in its buffer, without consuming it, if
    that is the whole body."""
    fp = getattr(response, "fp", None)  # urllib.error.HTTPError wraps the response
    source = response if hasattr(response, "peek") and hasattr(response, "length") else fp
    peek = getattr(source, "peek", None)
    if peek is None:
        return None
    try:
        data = peek(BODY_LIMIT)
    except (OSError, ValueError):  # closed
        return None
    length = getattr(source, "length", None)
    complete = length is None or len(data) >= length
    return bytes(data[: length if length is not None else BODY_LIMIT]) if complete else None


def body_of(response):
    """The body of a response as far as it can be had without taking it from the
    caller (``bytes``), or ``None``.

    ===========================  ==================================================
    response                     what is read
    ===========================  ==================================================
    ``requests``                 ``content`` when read (the default); with
                                 ``stream=True`` and not read yet, ``content``
                                 only when small (below), which keeps ``content``,
                                 ``text``, ``json()`` and ``iter_content`` working
    ``httpx``                    ``content`` when read (the default); a sync stream
                                 not read yet, ``read()`` only when small; an async
                                 one, nothing (``araise_for_status`` reads it)
    ``urllib3``                  ``data`` when preloaded (the default), else nothing:
                                 ``read()`` and ``stream()`` stay the caller's
    ``http.client``, urllib's    ``peek()``: what the client has buffered, if that
    ``HTTPError``                is the whole body; nothing is consumed, so
                                 ``read()`` still returns the whole body
    ``aiohttp``                  the body when read (``await response.read()``,
                                 ``text()``, ``json()``), else nothing
                                 (``araise_for_status`` reads it)
    ===========================  ==================================================

    "Small": the response declares a ``Content-Length`` of at most ``BODY_LIMIT``
    bytes (64 KiB) and no ``Content-Encoding``, so that reading it costs no more than
    that; a body of unknown length is never read. Any other object: ``None``.

    >>> body_of(404) is None
    True
    """
    if isinstance(response, int):
        return None
    client = _client_of(response)
    body = _held_body(response, client)
    if body is not None or client not in ("requests", "httpx") or not _small(response):
        return body
    # A stream not read yet, of a small declared length: the client's caching read.
    if client == "requests":
        return response.content
    if client == "httpx":
        try:
            return response.read()
        except RuntimeError:  # an async stream, or one the caller consumed
            return None
    return None


def _held_body(response, client):
    """The body the client has already read (``bytes``), or what ``http.client`` has
    buffered of it; never reads."""
    if client == "requests":
        content = getattr(response, "_content", False)
        return None if content is False else content  # False: stream=True, not read
    if client == "httpx":
        try:
            return response.content
        except RuntimeError:  # httpx.ResponseNotRead: a stream
            return None
    if client == "urllib3":
        return getattr(response, "_body", None)
    if client in ("http", "urllib"):
        return _peek(response)
    if client == "aiohttp":
        return getattr(response, "_body", None)
    return None


def _parts(response, retry_after, method):
    """What a retry step reads of a response, in one call from the native module:
    ``(status, Retry-After value, request method, body)``, the header and the method
    only if asked for (else ``None``), the body only if the client holds it
    (``_held_body``)."""
    headers = headers_of(response)
    return (
        status_of(response),
        header_value(headers, _native.RETRY_AFTER_HEADER) if retry_after else None,
        method_of(response) if method else None,
        _held_body(response, _client_of(response)),
    )


async def abody_of(response):
    """``body_of``, but an async stream of httpx or aiohttp that is small (as
    ``body_of`` says) and not read yet is read, through the client's caching read
    (``await response.aread()``, ``await response.read()``), so that its ``text()`` and
    ``json()`` still work.

    >>> import asyncio
    >>> asyncio.run(abody_of(404)) is None
    True
    """
    body = body_of(response)
    if body is not None or isinstance(response, int) or not _small(response):
        return body
    client = _client_of(response)
    try:
        if client == "httpx":
            return await response.aread()
        if client == "aiohttp":
            return await response.read()
    except RuntimeError:  # httpx: a sync stream, or one the caller consumed
        return None
    return None
