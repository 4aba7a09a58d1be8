"""The status codes of the DCS API, from the project's Rust core.

The DCS API reference page "Status Codes" (dcs-api-0312043) lists HTTP status codes,
each with DCS's own name, a description and, for some, advice on retrying. This
package gives Python the same answers and the same messages as the C and Go SDKs: the
table, every rule and every sentence come from the Rust crate ``dcs-status`` (through
the native module ``dcs_status._native``).

The table, as an ``IntEnum`` usable wherever an ``int`` (or ``http.HTTPStatus``) is:

>>> import http
>>> from dcs_status import StatusCode, StatusClass, RetryAdvice
>>> StatusCode(404) is StatusCode.NOT_FOUND
True
>>> StatusCode.NOT_FOUND == http.HTTPStatus.NOT_FOUND == 404
True
>>> s = StatusCode.SERVER_TIMEOUT
>>> (s.value, s.dcs_name, s.phrase, s.status_class, s.is_server_error)
(504, 'ServerTimeout', 'Gateway Timeout', <StatusClass.SERVER_ERROR: 'server_error'>, True)
>>> StatusCode.NOT_FOUND.retry_advice is RetryAdvice.MODIFY_REQUEST
True

Any integer, with RFC 9110's reading of the codes the table lacks, and any name:

>>> from dcs_status import lookup, from_name
>>> found = lookup(418)
>>> (found.kind.value, found.status, found.status_class.value)
('unrecognized', <StatusCode.BAD_REQUEST: 400>, 'client_error')
>>> print(found)
418 (not in the DCS table: read as 400 Bad Request, RFC 9110 §15)
>>> from_name("gateway time-out")
<StatusCode.SERVER_TIMEOUT: 504>

Retry-After and the retry decision (``now`` is Unix seconds or an aware ``datetime``;
the clock by default):

>>> from dcs_status import parse_retry_after, decide
>>> parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now=784111777)
120
>>> d = decide(429, "30")
>>> (d.action.value, d.delay, d.should_retry, str(d))
('retry_after', 30, True, 'retry_after 30s')

Errors, from a status code or from a response of requests, httpx, urllib3, urllib or
aiohttp (``raise_for_status`` returns what it was given when it is not an error):

>>> from dcs_status import raise_for_status, TooManyRequests, ClientError
>>> try:
...     raise_for_status(429, headers={"retry-after": "120", "x-request-id": "r-1"})
... except TooManyRequests as err:
...     print(err.code, err.retry_after, err.request_id, err.decision, isinstance(err, ClientError))
429 120 r-1 retry_after 120s True
>>> raise_for_status(204)
204

An error response's body, read for any content, and the DCS error-code catalogue
(what the code means and what to do about it); ``raise_for_status`` reads the body of
a response too, where that takes nothing from the caller:

>>> from dcs_status import parse_error_body, CatalogueEntry, BadRequest
>>> body = b'{"error_msg": "the instance is restarting.", "error_code": "DCS.4111", "error_ext_msg": null}'
>>> parse_error_body(body).catalogue is CatalogueEntry.lookup("dcs.4111")
True
>>> CatalogueEntry.lookup("DCS.4111").advice.value
'retry_later'
>>> try:
...     raise_for_status(400, {"X-Request-Id": "r-2"}, body=body)
... except BadRequest as err:
...     print(err.error_code, err.request_id, err.decision)
DCS.4111 r-2 retry_with_backoff

The retry policy: one native call per step, with the core's log line:

>>> from dcs_status import RetryPolicy, RetryBudget
>>> policy, budget = RetryPolicy(), RetryBudget()
>>> step = policy.step(400, attempt=1, error_code="DCS.4111", random=0.37, budget=budget)
>>> step.delay, step.tokens_after, str(step)
(0.74, 486, 'retry 1 of 2 in 740 ms: DCS.4111 says try again later (busy)')

Retrying clients, on that policy, where users configure their client (each module
imports its client only when imported itself): ``dcs_status.requests``
(``RetryAdapter``, ``session()``), ``dcs_status.httpx`` (``RetryTransport``,
``AsyncRetryTransport``), ``dcs_status.aiohttp`` (``RetryMiddleware``,
``session()``) and ``dcs_status.retrying`` (``call``, ``acall`` and the decorator
``retrying``, for functions that raise ``DcsHTTPError``). Each logs the core's line
for every step to the ``dcs_status`` logger; retries that run out raise the HTTP
error with every step in ``.steps``:

>>> from dcs_status import DcsHTTPError
>>> from dcs_status.retrying import call
>>> try:
...     call(raise_for_status, 503, {"Retry-After": "1"}, sleep=lambda seconds: None)
... except DcsHTTPError as err:
...     print(err.code, [step.reason.value for step in err.steps])
503 ['retry_after', 'retry_after', 'max_attempts']

Every error about a value carries the core's ``kind`` (``ErrorKind``) and message:

>>> from dcs_status import UnknownNameError
>>> try:
...     from_name("teapot")
... except UnknownNameError as err:
...     print(err.kind.value)
unknown_name

``python -m dcs_status`` is the ``dcs-status`` command (``python -m dcs_status 429``,
``python -m dcs_status list --json``).

The package's modules: ``_enums`` (``StatusCode``, built at import, and the ``str``
enums, built on first use from the bodies in ``_str_enums``), ``_native`` (``Lookup``,
``Decision``, ``CatalogueEntry``, ``ErrorBody``, ``RetryPolicy``, ``RetryBudget``,
``RetryStep`` and the functions, over the Rust core), ``_errors`` (the exceptions about
values), ``_http`` (the HTTP errors), ``_adapters`` (reading responses) and
``_retrying`` (the retry loop the client integrations share). All but
``_enums`` are imported on first use of one of their names, so that ``import
dcs_status`` costs about what ``import http`` does.
"""

from ._enums import StatusCode as StatusCode
from ._enums import _core

#: Answers by plain ``int`` code: only status codes are kept, so at most 900.
_LOOKUPS = {}
_lookups_get = _LOOKUPS.get


def lookup(code):
    """Looks up any integer as a status code, with RFC 9110 §15's reading of the codes
    the table lacks (the Rust documentation of ``dcs_status::lookup`` gives it).

    ``code`` is an ``int`` (a ``StatusCode``, an ``HTTPStatus``) or a response object
    of an HTTP client (``status_of`` reads its status). Returns a ``Lookup``; raises
    ``NotAStatusCodeError`` for an integer outside 100–999, of any size, and
    ``TypeError`` for anything that is neither an integer nor a response.

    >>> lookup(404).status is StatusCode.NOT_FOUND
    True
    >>> lookup(599).status, lookup(599).kind.value
    (<StatusCode.INTERNAL_SERVER_ERROR: 500>, 'unrecognized')
    """
    found = _lookups_get(code) if code.__class__ is int else None
    if found is None:
        found = _core().lookup(code)
        if code.__class__ is int:
            _LOOKUPS[code] = found
    return found


#: Successful name look-ups by the exact ``str`` or ``bytes`` given, at most
#: ``_NAMES_MAX`` names of at most ``_NAME_MAX_LEN`` characters: a cache of bounded
#: size, whatever names callers send.
_NAMES = {}
_NAMES_MAX = 1024
_NAME_MAX_LEN = 64


def from_name(name):
    """The ``StatusCode`` a name refers to (``str`` or ``bytes``), by the core's
    forgiving rules: DCS names, idents, IANA and older RFC phrases, in any case and
    spacing (the Rust documentation of ``dcs_status::from_name`` lists them).

    Raises ``UnknownNameError`` (a ``KeyError``) for any other name, never a guess;
    ``InvalidUtf8Error`` for bytes that are not UTF-8 (and a ``str`` with lone
    surrogates); ``TypeError`` for other types.

    >>> from_name("not found"), from_name(b"Request Entity Too Large")
    (<StatusCode.NOT_FOUND: 404>, <StatusCode.REQUEST_ENTITY_TOO_LARGE: 413>)
    """
    try:
        return _NAMES[name]
    except (KeyError, TypeError):
        pass
    status = _core().from_name(name)
    if len(name) <= _NAME_MAX_LEN and len(_NAMES) < _NAMES_MAX:
        _NAMES[name] = status
    return status


#: Public name -> the module that defines it, imported on first use.
_LAZY = {
    "Decision": "_native",
    "Lookup": "_native",
    "decide": "_native",
    "method_is_idempotent": "_native",
    "parse_retry_after": "_native",
    "CatalogueEntry": "_native",
    "ErrorBody": "_native",
    "parse_error_body": "_native",
    "RetryPolicy": "_native",
    "RetryBudget": "_native",
    "RetryStep": "_native",
    "NO_RESPONSE": "_native",
    "BODY_LIMIT": "_native",
    "StatusClass": "_enums",
    "RetryAdvice": "_enums",
    "LookupKind": "_enums",
    "RetryAction": "_enums",
    "ErrorAdvice": "_enums",
    "Jitter": "_enums",
    "RetryCategory": "_enums",
    "RetryReason": "_enums",
    "StepAction": "_enums",
    "ErrorKind": "_errors",
    "NotAStatusCodeError": "_errors",
    "UnknownNameError": "_errors",
    "RetryAfterError": "_errors",
    "InvalidUtf8Error": "_errors",
    "UnknownErrorCodeError": "_errors",
    "RetryInputError": "_errors",
    "RetryInputErrorKind": "_errors",
    "DcsHTTPError": "_http",
    "ClientError": "_http",
    "ServerError": "_http",
    "error_class": "_http",
    "raise_for_status": "_http",
    "araise_for_status": "_http",
    "retry_after_of": "_http",
    "body_of": "_adapters",
    "header_of": "_adapters",
    "header_value": "_adapters",
    "headers_of": "_adapters",
    "method_of": "_adapters",
    "status_of": "_adapters",
}

#: The names defined or imported above, and __version__.
_EAGER = ["StatusCode", "__version__", "from_name", "lookup"]


def _import(module):
    from importlib import import_module

    return import_module(f"{__name__}.{module}")


def __getattr__(name):
    """Imports the names of the other modules on first use, and makes the per-entry
    exception classes (``NotFound``, ...); ``__all__`` lists them."""
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(_import(module), name)
    elif name == "__version__":
        value = _core().VERSION
    elif name == "__all__":
        value = [*_EAGER, *_LAZY, *_import("_http").ERROR_NAMES]
    elif name.startswith("_"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    else:
        try:
            value = getattr(_import("_http"), name)
        except AttributeError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__():
    return sorted({*globals(), *_LAZY, *_import("_http").ERROR_NAMES})
