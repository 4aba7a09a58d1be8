"""Reading status codes and headers from the response objects of HTTP clients.

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
"""

from operator import index as _index

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
