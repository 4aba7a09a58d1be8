"""The status codes of the DCS API, from the project's Rust core.

The DCS API reference page "Status Codes" (dcs-api-0312043) lists 42 HTTP status
codes, each with DCS's own name, a description and, for some, advice on retrying.
This package gives Python the same answers as the C and Go SDKs: the table and every
rule come from the Rust crate ``dcs-status`` (through the native module
``dcs_status._native``); nothing here re-types the table or re-implements a rule.

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
>>> from_name("gateway time-out")
<StatusCode.SERVER_TIMEOUT: 504>

Retry-After and the retry decision (``now`` is Unix seconds; the clock by default):

>>> from dcs_status import parse_retry_after, decide
>>> parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now=784111777)
120
>>> d = decide(429, "30")
>>> (d.action.value, d.delay, d.should_retry)
('retry_after', 30, True)
>>> str(decide(502, None, idempotent=True))
'retry_with_backoff'

Errors, from a status code or from a response of requests, httpx, urllib3, urllib or
aiohttp (``raise_for_status`` returns what it was given when it is not an error):

>>> from dcs_status import raise_for_status, TooManyRequests, ClientError
>>> try:
...     raise_for_status(429, headers={"retry-after": "120"})
... except TooManyRequests as err:
...     print(err.code, err.dcs_name, err.retry_after, isinstance(err, ClientError))
429 TooManyRequests 120 True
>>> raise_for_status(204)
204

``python -m dcs_status`` mirrors the ``dcs-status`` command (``python -m dcs_status
429``, ``python -m dcs_status list --json``).
"""

import builtins
from enum import Enum, EnumMeta, IntEnum

from . import _native

__version__: str = _native.VERSION

_ADAPTER_NAMES = ("header_value", "headers_of", "method_of", "status_of")


def _adapters_module():
    """The response adapters (``dcs_status._adapters``), imported on first use."""
    from . import _adapters

    return _adapters


# --------------------------------------------------------------------------- enums


try:  # Python 3.11+
    from enum import StrEnum as _StrEnum
except ImportError:  # Python 3.9, 3.10

    class _StrEnum(str, Enum):  # type: ignore[no-redef]
        """A ``str`` enum whose ``str()`` and ``format()`` are its value."""

        __str__ = str.__str__
        __format__ = str.__format__


try:  # Python 3.11+: the fast constructor the standard library builds HTTPStatus with.
    from enum import _simple_enum  # type: ignore[attr-defined]
except ImportError:  # Python 3.9, 3.10
    _simple_enum = None


def _build_enum(name, base, members, namespace):
    """Creates the enum ``name`` (a subclass of ``base``) with ``members`` (pairs).

    ``namespace`` holds the docstring, properties and methods. On Python 3.11+ this
    uses ``enum._simple_enum``, as ``http.HTTPStatus`` does, to keep ``import``
    fast; before, the ordinary metaclass call.
    """
    body = {"__module__": __name__, "__qualname__": name, **namespace}
    if _simple_enum is not None:
        body.update(members)
        return _simple_enum(base)(type(name, (), body))
    meta = type(base)
    classdict = meta.__prepare__(name, (base,))
    for key, value in body.items():
        classdict[key] = value
    for key, value in members:
        classdict[key] = value
    return meta(name, (base,), classdict)


def _base_code(self):
    return self._base_code_


def _class_is_error(self):
    return self._is_error_


StatusClass = _build_enum(
    "StatusClass",
    _StrEnum,
    [(name.upper(), name) for name, _, _ in _native.CLASSES],
    {
        "__doc__": """The class of a status code, by its first digit (RFC 9110 §15).

        Values are the core's canonical names: ``"informational"``, ``"success"``,
        ``"redirection"``, ``"client_error"``, ``"server_error"``.

        >>> StatusClass.CLIENT_ERROR.value, StatusClass.CLIENT_ERROR.base_code
        ('client_error', 400)
        >>> StatusClass("server_error").is_error
        True
        """,
        "base_code": property(
            _base_code, doc="The ``x00`` code that stands for the class (100, ..., 500)."
        ),
        "is_error": property(_class_is_error, doc="Whether the class reports an error (4xx, 5xx)."),
    },
)
for (_name, _code, _is_error), _member in zip(_native.CLASSES, StatusClass):
    _member._base_code_ = _code
    _member._is_error_ = _is_error


def _explanation(self):
    return self._explanation_


RetryAdvice = _build_enum(
    "RetryAdvice",
    _StrEnum,
    [(name.upper(), name) for name, _ in _native.RETRY_ADVICES],
    {
        "__doc__": """What the document advises about retrying a status code.

        ``NONE`` (not an error), ``RETRY`` (408: re-initiate as is), ``RETRY_AFTER``
        (413, 429: after the Retry-After time), ``MODIFY_REQUEST`` (400, 403, 404,
        405, 503) or ``UNSPECIFIED`` (no advice). See ``decide`` for the decision.

        >>> RetryAdvice.MODIFY_REQUEST.explanation
        'modify the request instead of re-initiating it'
        """,
        "explanation": property(_explanation, doc="The advice as a sentence for people."),
    },
)
for (_name, _text), _member in zip(_native.RETRY_ADVICES, RetryAdvice):
    _member._explanation_ = _text

LookupKind = _build_enum(
    "LookupKind",
    _StrEnum,
    [(name.upper(), name) for name in _native.KINDS],
    {
        "__doc__": """How a code relates to the table (see ``lookup``).

        ``DOCUMENTED`` (the table has it), ``UNRECOGNIZED`` (100–599, read as its
        class's ``x00`` code) or ``INVALID`` (600–999, handled as 500).
        """
    },
)

RetryAction = _build_enum(
    "RetryAction",
    _StrEnum,
    [(name.upper(), name) for name in _native.ACTIONS],
    {
        "__doc__": """What a client should do about a response (see ``Decision``).

        ``DO_NOT_RETRY``, ``RETRY_AFTER`` (after the server's delay) or
        ``RETRY_WITH_BACKOFF`` (after a delay of the caller's own policy).
        """
    },
)

_CLASS_BY_NAME = {member.value: member for member in StatusClass}
_ADVICE_BY_NAME = {member.value: member for member in RetryAdvice}
_KIND_BY_NAME = {member.value: member for member in LookupKind}
_ACTION_BY_NAME = {member.value: member for member in RetryAction}

# ---------------------------------------------------------------------- StatusCode


class _StatusCodeType(EnumMeta):
    """The metaclass of ``StatusCode``: ``StatusCode(404)`` is one dict look-up.

    After the class is built, ``__call__`` becomes the bound ``__getitem__`` of the
    value-to-member dict, so the call runs in C; a value that is not a member falls
    back to ``EnumMeta.__call__`` and its ``ValueError``, as for any enum (only the
    functional API's extra arguments, meaningless for a class with members, are not
    taken). ``StatusCode["NOT_FOUND"]`` is likewise the member map's own look-up.
    """


class _Members(dict):
    """Value -> member; a missing value goes through the ordinary enum call."""

    __slots__ = ()

    def __missing__(self, value):
        return EnumMeta.__call__(StatusCode, value)


def _phrase(self):
    return self._phrase_


def _dcs_name(self):
    return self._dcs_name_


def _description(self):
    return self._description_


def _status_class(self):
    return self._class_


def _retry_advice(self):
    return self._advice_


def _is_informational(self):
    return self._class_ is StatusClass.INFORMATIONAL


def _is_success(self):
    return self._class_ is StatusClass.SUCCESS


def _is_redirection(self):
    return self._class_ is StatusClass.REDIRECTION


def _is_client_error(self):
    return self._class_ is StatusClass.CLIENT_ERROR


def _is_server_error(self):
    return self._class_ is StatusClass.SERVER_ERROR


def _is_error(self):
    return self._class_._is_error_


def _status_from_name(cls, name):
    """The member a name refers to (see the module function ``from_name``)."""
    return from_name(name)


class _StatusCodeBase(IntEnum, metaclass=_StatusCodeType):
    """The member-less base of ``StatusCode``, for its metaclass."""


StatusCode = _build_enum(
    "StatusCode",
    _StatusCodeBase,
    [(row[1], row[0]) for row in _native.TABLE],
    {
        "__doc__": """The 42 status codes of the DCS table, named by their ident.

        An ``IntEnum`` built at import from the core's table: equal to the plain
        ``int`` and to ``http.HTTPStatus``, usable wherever an ``int`` is.
        ``str()`` and ``format()`` give the number on every Python version.

        >>> StatusCode.TOO_MANY_REQUESTS.phrase
        'Too Many Requests'
        >>> StatusCode(408).dcs_name, StatusCode(408).retry_advice.value
        ('Request Time-out', 'retry')
        >>> StatusCode["NOT_FOUND"].is_client_error, f"{StatusCode.NOT_FOUND}"
        (True, '404')
        """,
        "__str__": int.__repr__,
        "__format__": int.__format__,
        "phrase": property(_phrase, doc="The IANA reason phrase, e.g. ``'Gateway Timeout'``."),
        "dcs_name": property(
            _dcs_name, doc="DCS's name as the document writes it, e.g. ``'ServerTimeout'``."
        ),
        "description": property(
            _description,
            doc="DCS's description, verbatim (paragraphs joined by a blank line).",
        ),
        "status_class": property(_status_class, doc="The code's ``StatusClass``."),
        "retry_advice": property(_retry_advice, doc="What the document advises (``RetryAdvice``)."),
        "is_informational": property(_is_informational, doc="Whether the code is 1xx."),
        "is_success": property(_is_success, doc="Whether the code is 2xx."),
        "is_redirection": property(_is_redirection, doc="Whether the code is 3xx."),
        "is_client_error": property(_is_client_error, doc="Whether the code is 4xx."),
        "is_server_error": property(_is_server_error, doc="Whether the code is 5xx."),
        "is_error": property(_is_error, doc="Whether the code reports an error (4xx or 5xx)."),
        "from_name": classmethod(_status_from_name),
    },
)
for (_code, _ident, _dcs, _phrase_text, _class, _advice, _text), _member in zip(
    _native.TABLE, StatusCode
):
    _member._phrase_ = _phrase_text
    _member._dcs_name_ = _dcs
    _member._description_ = _text
    _member._class_ = _CLASS_BY_NAME[_class]
    _member._advice_ = _ADVICE_BY_NAME[_advice]
_StatusCodeType.__call__ = _Members(StatusCode._value2member_map_).__getitem__
# EnumMeta.__getitem__ is `cls._member_map_[name]`: the same dict look-up, in C.
_StatusCodeType.__getitem__ = StatusCode._member_map_.__getitem__

# ----------------------------------------------------------------- errors of values


class NotAStatusCodeError(ValueError):
    """A number outside 100–999 was given as a status code. ``code`` is the number.

    >>> lookup(42)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    dcs_status.NotAStatusCodeError: 42 is not a status code: status codes are three-digit numbers...
    """

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code

    def __reduce__(self):
        return (type(self), (self.args[0], self.code))


class UnknownNameError(KeyError):
    """No entry has this name (a ``KeyError``, as ``StatusCode["..."]`` raises).

    ``name`` is the name as given; ``str()`` is the core's message.

    >>> from_name("not founded")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    dcs_status.UnknownNameError: unknown status name "not founded": expected a DCS name ...
    """

    def __init__(self, message, name):
        super().__init__(message)
        self.name = name

    def __str__(self):
        return str(self.args[0])

    def __reduce__(self):
        return (type(self), (self.args[0], self.name))


class RetryAfterError(ValueError):
    """A Retry-After value that does not parse.

    ``kind`` is ``"empty"``, ``"invalid_delay"``, ``"invalid_date"`` or
    ``"impossible_date"``; ``value`` is the value as given; ``str()`` is the core's
    message.

    >>> try:
    ...     parse_retry_after("-1")
    ... except RetryAfterError as err:
    ...     print(err.kind)
    invalid_delay
    """

    def __init__(self, message, kind, value):
        super().__init__(message)
        self.kind = kind
        self.value = value

    def __reduce__(self):
        return (type(self), (self.args[0], self.kind, self.value))


# ------------------------------------------------------------------------ lookups


class Lookup:
    """The answer ``lookup`` gives for a status code (immutable).

    ``code`` is the number looked up; ``kind`` how it relates to the table; ``status``
    the entry whose meaning applies (the code's own, or its class's ``x00`` entry,
    500 for 600–999).

    >>> lookup(700)
    Lookup(code=700, kind=<LookupKind.INVALID: 'invalid'>, status=<StatusCode.INTERNAL_SERVER_ERROR: 500>)
    """

    __slots__ = ("_class", "code", "kind", "status")

    def __init__(self, code, kind, status, status_class):
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "_class", status_class)

    def __setattr__(self, name, value):
        raise AttributeError(f"Lookup is immutable: cannot set {name!r}")

    def __delattr__(self, name):
        raise AttributeError(f"Lookup is immutable: cannot delete {name!r}")

    @property
    def status_class(self):
        """The class the code is handled as (600–999: ``SERVER_ERROR``)."""
        return self._class

    @property
    def retry_advice(self):
        """The retry advice of the entry that applies."""
        return self.status._advice_

    @property
    def is_error(self):
        """Whether the code is handled as an error."""
        return self._class._is_error_

    @property
    def documented(self):
        """The code's own entry, or ``None`` when the table does not have the code."""
        return self.status if self.kind is LookupKind.DOCUMENTED else None

    def __repr__(self):
        return f"Lookup(code={self.code!r}, kind={self.kind!r}, status={self.status!r})"

    def __eq__(self, other):
        if not isinstance(other, Lookup):
            return NotImplemented
        return (self.code, self.kind, self.status) == (other.code, other.kind, other.status)

    def __hash__(self):
        return hash((self.code, self.kind, self.status))

    def __reduce__(self):
        return (lookup, (self.code,))


#: Answers of the core, by plain ``int`` code (at most 900 entries).
_LOOKUPS = {}
_lookups_get = _LOOKUPS.get


def _lookup_slow(code):
    if code.__class__ is not int:
        code = _adapters_module().status_of(code)
    kind, status_class, status = _native.lookup(code)
    found = Lookup(code, _KIND_BY_NAME[kind], StatusCode(status), _CLASS_BY_NAME[status_class])
    if code.__class__ is int:
        _LOOKUPS[code] = found
    return found


def lookup(code):
    """Looks up any integer as a status code (RFC 9110 §15 for codes the table lacks).

    ``code`` is an ``int`` (or a ``StatusCode``, ``HTTPStatus``, any object with
    ``__index__``) or a response object (see ``status_of``). Returns a ``Lookup``:

    - in the table: its entry (``LookupKind.DOCUMENTED``);
    - 100–599 but not in the table: read as its class's ``x00`` entry
      (``UNRECOGNIZED``);
    - 600–999: ``INVALID``, handled as a server error with the meaning of 500.

    Raises ``NotAStatusCodeError`` for any other number. Answers are cached.

    >>> lookup(404).status is StatusCode.NOT_FOUND
    True
    >>> lookup(599).status, lookup(599).kind.value
    (<StatusCode.INTERNAL_SERVER_ERROR: 500>, 'unrecognized')
    """
    found = _lookups_get(code) if code.__class__ is int else None
    if found is None:
        found = _lookup_slow(code)
    return found


#: Successful name look-ups, by the exact ``str``/``bytes`` given (bounded).
_NAMES = {}
_NAMES_MAX = 4096


def from_name(name):
    """The ``StatusCode`` a name refers to, by the core's forgiving rules.

    Accepts DCS's name (``"NotFound"``), the ident (``"NOT_FOUND"``), today's IANA
    phrase (``"Not Found"``) and older RFC phrases (``"Gateway Time-out"``,
    ``"Payload Too Large"``, ...), in any case, with spaces, hyphens and underscores
    alike and camelCase read as words; ``str`` or ``bytes``. Anything else raises
    ``UnknownNameError``, never a guess.

    >>> from_name("not found"), from_name(b"Request Entity Too Large")
    (<StatusCode.NOT_FOUND: 404>, <StatusCode.REQUEST_ENTITY_TOO_LARGE: 413>)
    """
    try:
        return _NAMES[name]
    except (KeyError, TypeError):
        pass
    status = StatusCode(_native.from_name(name))
    if (name.__class__ is str or name.__class__ is bytes) and len(_NAMES) < _NAMES_MAX:
        _NAMES[name] = status
    return status


parse_retry_after = _native.parse_retry_after
method_is_idempotent = _native.method_is_idempotent


class Decision:
    """The retry decision for a response (immutable): see ``decide``.

    ``action`` is a ``RetryAction``; ``delay`` the server's delay in seconds for
    ``RETRY_AFTER``, else ``None``; ``should_retry`` whether to send the request
    again. ``str()`` is the core's display (``"retry_after 120s"``).

    >>> decide(429, "120")
    Decision(action=<RetryAction.RETRY_AFTER: 'retry_after'>, delay=120)
    """

    __slots__ = ("_text", "action", "delay")

    def __init__(self, action, delay, text):
        object.__setattr__(self, "action", action)
        object.__setattr__(self, "delay", delay)
        object.__setattr__(self, "_text", text)

    def __setattr__(self, name, value):
        raise AttributeError(f"Decision is immutable: cannot set {name!r}")

    def __delattr__(self, name):
        raise AttributeError(f"Decision is immutable: cannot delete {name!r}")

    @property
    def should_retry(self):
        """Whether the request should be sent again."""
        return self.action is not RetryAction.DO_NOT_RETRY

    def __str__(self):
        return self._text

    def __repr__(self):
        return f"Decision(action={self.action!r}, delay={self.delay!r})"

    def __eq__(self, other):
        if not isinstance(other, Decision):
            return NotImplemented
        return (self.action, self.delay) == (other.action, other.delay)

    def __hash__(self):
        return hash((self.action, self.delay))

    def __reduce__(self):
        return (Decision, (self.action, self.delay, self._text))


def decide(code, retry_after=None, now=None, idempotent=None):
    """The retry decision for a status code (or a response), as the core decides it.

    ``retry_after`` is the Retry-After value (``str``/``bytes``) or ``None``; given a
    response and no value, its Retry-After header is used. ``now`` as for
    ``parse_retry_after``; ``idempotent`` whether the request may safely be sent
    twice. Left ``None``, it is read from a response's request method
    (``method_is_idempotent``: GET, HEAD, OPTIONS, TRACE, PUT, DELETE), and is
    ``False`` when that is unknown. The rules, first match wins:

    1. 1xx–3xx: ``DO_NOT_RETRY`` (not an error).
    2. 413, 429 or 503 with a valid Retry-After: ``RETRY_AFTER`` that delay.
    3. 408, and 429 without a valid Retry-After: ``RETRY_WITH_BACKOFF``.
    4. 500, 502, 504: ``RETRY_WITH_BACKOFF`` if idempotent, else ``DO_NOT_RETRY``.
    5. Everything else: ``DO_NOT_RETRY`` (400, 403, 404, 405, 503 without
       Retry-After: modify the request instead).

    Unrecognized codes count as their class's ``x00``, 600–999 as 500; an invalid
    Retry-After counts as absent. Raises ``NotAStatusCodeError``.

    >>> decide(503, None).action.value, decide(503, "10").delay
    ('do_not_retry', 10)
    >>> decide(504, idempotent=True).should_retry
    True
    """
    if code.__class__ is not int:
        adapters = _adapters_module()
        if retry_after is None:
            retry_after = adapters.header_value(adapters.headers_of(code), "Retry-After")
        if idempotent is None:
            method = adapters.method_of(code)
            idempotent = method is not None and _native.method_is_idempotent(method)
        code = adapters.status_of(code)
    action, delay, text = _native.decide(code, retry_after, now, bool(idempotent))
    return Decision(_ACTION_BY_NAME[action], delay, text)


def retry_after_of(response, now=None):
    """The delay a response's (or a headers mapping's) Retry-After asks for, or ``None``.

    ``None`` when the header is absent or does not parse. Headers are matched
    case-insensitively, whatever the mapping.

    >>> retry_after_of({"retry-after": "30"}), retry_after_of({}), retry_after_of({"Retry-After": "soon"})
    (30, None, None)
    """
    adapters = _adapters_module()
    headers = adapters.headers_of(response)
    value = adapters.header_value(response if headers is None else headers, "Retry-After")
    if value is None:
        return None
    try:
        return parse_retry_after(value, now)
    except RetryAfterError:
        return None


# ----------------------------------------------------------------- HTTP errors


class DcsHTTPError(Exception):
    """An error status code of the DCS API (4xx, 5xx, and 600–999 as server errors).

    Attributes: ``code`` (the number received), ``status`` (the ``StatusCode`` whose
    meaning applies), ``kind`` (``LookupKind``), ``phrase``, ``dcs_name``,
    ``description``, ``retry_advice``, ``status_class``; ``retry_after`` (the parsed
    Retry-After in seconds, or ``None``), ``retry_after_header`` (the raw value) and
    ``response`` (the response object, or ``None``). Construct one from a code:

    >>> err = DcsHTTPError(404)
    >>> type(err).__name__, err.status
    ('DcsHTTPError', <StatusCode.NOT_FOUND: 404>)
    >>> str(err)
    '404 Not Found (NotFound): The requested resource could not be found.'

    """

    #: The table entry this class stands for (``None`` for the base classes).
    STATUS = None

    def __init__(self, code, retry_after=None, response=None, retry_after_header=None):
        found = lookup(code)
        self.code = found.code
        self.status = found.status
        self.kind = found.kind
        self.retry_after = retry_after
        self.retry_after_header = retry_after_header
        self.response = response
        super().__init__(self._message())

    def _message(self):
        status = self.status
        first = status._description_.split("\n\n", 1)[0]
        if self.kind is LookupKind.DOCUMENTED:
            head = f"{self.code} {status._phrase_} ({status._dcs_name_})"
        else:
            head = f"{self.code} (read as {status.value} {status._phrase_}, {status._dcs_name_})"
        tail = "" if self.retry_after is None else f" Retry after {self.retry_after}s."
        return f"{head}: {first}{tail}"

    @property
    def phrase(self):
        """The IANA reason phrase of the entry that applies."""
        return self.status._phrase_

    @property
    def dcs_name(self):
        """DCS's name of the entry that applies."""
        return self.status._dcs_name_

    @property
    def description(self):
        """DCS's description of the entry that applies."""
        return self.status._description_

    @property
    def retry_advice(self):
        """The document's retry advice for the entry that applies."""
        return self.status._advice_

    @property
    def status_class(self):
        """The class the code is handled as."""
        return self.status._class_

    def decide(self, idempotent=None, now=None):
        """The retry decision for this error (``decide`` with its code, its header and,
        unless ``idempotent`` is given, its response's request method)."""
        subject = self.code if self.response is None else self.response
        return decide(subject, self.retry_after_header, now, idempotent)

    def __reduce__(self):
        return (type(self), (self.code, self.retry_after, None, self.retry_after_header))


class ClientError(DcsHTTPError):
    """A 4xx status code: the request was wrong (see ``retry_advice``)."""


class ServerError(DcsHTTPError):
    """A 5xx status code, or 600–999 (handled as server errors, RFC 9110 §15)."""


def _error_class_name(ident):
    """The Python class name of an entry's error: its ident in PascalCase.

    ``NOT_FOUND`` -> ``NotFound``; a name that is a Python builtin
    (``NotImplemented``) takes the prefix ``Http``: ``HttpNotImplemented``.
    """
    name = ident.title().replace("_", "")
    return "Http" + name if hasattr(builtins, name) else name


#: Error entry -> its exception class, made on first use (``_error_class_of``).
_ERROR_CLASSES = {}
#: Class name -> error entry, for every error entry of the table.
_ERROR_ENTRIES = {
    _error_class_name(member.name): member for member in StatusCode if member._class_._is_error_
}
_ERROR_NAMES = list(_ERROR_ENTRIES)


def _error_class_of(member):
    """The exception class of an error entry, made once (also under threads)."""
    cls = _ERROR_CLASSES.get(member)
    if cls is None:
        name = _error_class_name(member.name)
        base = ClientError if member._class_ is StatusClass.CLIENT_ERROR else ServerError
        doc = f"{member.value} {member._phrase_}: DCS's {member._dcs_name_!r}.\n\n{member._description_}"
        made = type(name, (base,), {"__doc__": doc, "__module__": __name__, "STATUS": member})
        # setdefault is atomic: two threads racing here still share one class.
        cls = _ERROR_CLASSES.setdefault(member, made)
        globals()[name] = cls
    return cls


def __getattr__(name):
    """Makes the per-entry exception classes (``NotFound``, ...) on first access,
    and imports the response adapters (``status_of``, ...) on first use.

    Building 26 classes costs more than the rest of ``import dcs_status``.
    """
    member = _ERROR_ENTRIES.get(name)
    if member is not None:
        return _error_class_of(member)
    if name in _ADAPTER_NAMES:
        return getattr(_adapters_module(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted({*globals(), *_ERROR_NAMES, *_ADAPTER_NAMES})


def error_class(code):
    """The exception class ``raise_for_status`` raises for a code, or ``None``.

    A documented error code has its own class (``NotFound``, ``TooManyRequests``,
    ...); another 4xx raises ``ClientError``, another 5xx and 600–999
    ``ServerError``; 1xx–3xx are not errors (``None``).

    >>> error_class(404).__name__, error_class(418).__name__, error_class(200)
    ('NotFound', 'ClientError', None)
    """
    found = lookup(code)
    if not found._class._is_error_:
        return None
    if found.kind is LookupKind.DOCUMENTED:
        return _error_class_of(found.status)
    return ClientError if found._class is StatusClass.CLIENT_ERROR else ServerError


def raise_for_status(response, headers=None, now=None):
    """Raises the ``DcsHTTPError`` subclass for an error status; else returns ``response``.

    ``response`` is a status code or a response object of requests, httpx, urllib3,
    ``urllib`` (``http.client.HTTPResponse``, ``urllib.error.HTTPError``) or aiohttp
    (its status read from ``status_code``, ``status`` or ``code``). ``headers``
    overrides the response's headers (any mapping or list of pairs, matched
    case-insensitively); the error carries the parsed Retry-After (``now`` as for
    ``parse_retry_after``; an invalid value gives ``None``).

    >>> raise_for_status(200)
    200
    >>> raise_for_status(503, {"Retry-After": "10"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    dcs_status.ServiceUnavailable: 503 Service Unavailable (ServiceUnavailable): ... Retry after 10s.
    """
    found = lookup(response)
    if not found._class._is_error_:
        return response
    if headers is None and not isinstance(response, int):
        headers = _adapters_module().headers_of(response)
    value = None if headers is None else _adapters_module().header_value(headers, "Retry-After")
    delay = None
    if value is not None:
        try:
            delay = parse_retry_after(value, now)
        except RetryAfterError:
            delay = None
    cls = error_class(found.code)
    raise cls(found.code, delay, None if isinstance(response, int) else response, value)


__all__ = [
    "ClientError",
    "DcsHTTPError",
    "Decision",
    "Lookup",
    "LookupKind",
    "NotAStatusCodeError",
    "RetryAction",
    "RetryAdvice",
    "RetryAfterError",
    "ServerError",
    "StatusClass",
    "StatusCode",
    "UnknownNameError",
    "__version__",
    "decide",
    "error_class",
    "from_name",
    "header_value",
    "headers_of",
    "lookup",
    "method_is_idempotent",
    "method_of",
    "parse_retry_after",
    "raise_for_status",
    "retry_after_of",
    "status_of",
    *_ERROR_NAMES,
]

del _name, _code, _is_error, _member, _text, _ident, _dcs, _phrase_text, _class, _advice
