"""The enums of ``dcs_status``, built from the core's constants (``_native``).

So that ``import dcs_status`` costs about what ``import http`` does, it builds
``StatusCode`` alone, and without loading the native module: its members (idents and
codes) are a block generated from the core's table (``_MEMBERS``, written by
tools/generate_stubs.py and checked fresh by the tests, as the type stubs are). Their
extras (phrase, DCS name, description, class, advice) are read from the core on first
use, when the generated block is also checked against the core's table; the ``str``
enums of the values the core names (``StatusClass``, ``RetryAdvice``, ``LookupKind``,
``RetryAction``) are built on first use (``__getattr__``). Enums are built with the
constructor ``http.HTTPStatus`` is built with.
"""

from _thread import RLock
from enum import Enum, EnumMeta, IntEnum

try:  # Python 3.11+
    from enum import StrEnum as _StrEnum
except ImportError:  # Python 3.9, 3.10

    class _StrEnum(str, Enum):  # type: ignore[no-redef]
        """A ``str`` enum whose ``str()`` and ``format()`` are its value."""

        __str__ = str.__str__
        __format__ = str.__format__  # type: ignore[assignment]


try:  # Python 3.11+: the fast constructor the standard library builds HTTPStatus with.
    from enum import _simple_enum  # type: ignore[attr-defined]
except ImportError:  # Python 3.9, 3.10
    _simple_enum = None

#: What a class body holds that is not to be copied into an enum.
_CLASS_ONLY = frozenset({"__dict__", "__weakref__", "__module__", "__qualname__"})


def _make_enum(name, base, members, body):
    """The enum ``name``, a subclass of ``base``, of ``members`` (``(name, value)``
    pairs, from the core), with the docstring, properties and methods of the class
    ``body``.

    On Python 3.11+ this is ``enum._simple_enum``, as for ``http.HTTPStatus``, to keep
    it fast; before, the ordinary metaclass call. The enum says it is
    ``dcs_status``'s, where it is public.
    """
    namespace = {key: value for key, value in vars(body).items() if key not in _CLASS_ONLY}
    namespace["__module__"] = "dcs_status"
    namespace["__qualname__"] = name
    if _simple_enum is not None:
        namespace.update(members)
        return _simple_enum(base)(type(name, (), namespace))
    meta = type(base)
    classdict = meta.__prepare__(name, (base,))
    for key, value in [*namespace.items(), *members]:
        classdict[key] = value
    return meta(name, (base,), classdict)


#: Enum name -> how to build it (see ``_str_enum``).
_LAZY: dict[str, object] = {}
#: Held while a lazy part is made, so that every thread sees the same enum.
_LAZY_LOCK = RLock()


def _core():
    """The native module (the Rust core), imported on first use."""
    from . import _native

    return _native


def _str_enum(name, rows, attach=None):
    """A class decorator: the class is the body of the ``str`` enum ``name``, built on
    first use.

    ``rows`` names a ``_native`` constant: names, or tuples whose first item is the
    name. Each member is named by the upper-cased name and valued by the name;
    ``attach``, if given, is called with each member and its row. Returns the body,
    unchanged.
    """

    def register(body):
        def build():
            rows_ = getattr(_core(), rows)
            names = [row if isinstance(row, str) else row[0] for row in rows_]
            enum = _make_enum(name, _StrEnum, [(n.upper(), n) for n in names], body)
            if attach is not None:
                for row, member in zip(rows_, enum):
                    attach(member, row)
            return enum

        _LAZY[name] = build
        return body

    return register


def __getattr__(name):
    """Builds a ``str`` enum on first use, once (also under threads)."""
    build = _LAZY.get(name)
    if build is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _LAZY_LOCK:
        enum = globals().get(name)
        if enum is None:
            enum = globals()[name] = build()
    return enum


def _member(enum, value):
    """The member of the ``str`` enum named ``enum`` whose value is ``value``."""
    return (globals().get(enum) or __getattr__(enum))._value2member_map_[value]


def _attach_class(member, row):
    _, member._base_code_, member._is_error_ = row


@_str_enum("StatusClass", "CLASSES", _attach_class)
class _StatusClass:
    """The class of a status code, by its first digit (RFC 9110 §15).

    Values are the core's names: ``"informational"``, ``"success"``,
    ``"redirection"``, ``"client_error"``, ``"server_error"``.

    >>> from dcs_status import StatusClass
    >>> StatusClass.CLIENT_ERROR.value, StatusClass.CLIENT_ERROR.base_code
    ('client_error', 400)
    >>> StatusClass("server_error").is_error
    True
    """

    @property
    def base_code(self):
        """The ``x00`` code that stands for the class (100, ..., 500)."""
        return self._base_code_

    @property
    def is_error(self):
        """Whether the class reports an error (4xx, 5xx)."""
        return self._is_error_


def _attach_advice(member, row):
    _, member._explanation_ = row


@_str_enum("RetryAdvice", "RETRY_ADVICES", _attach_advice)
class _RetryAdvice:
    """What the document advises about retrying a status code.

    ``NONE`` (not an error), ``RETRY`` (re-initiate as is), ``RETRY_AFTER`` (after the
    Retry-After time), ``MODIFY_REQUEST`` or ``UNSPECIFIED`` (no advice). ``decide``
    turns it into a decision.

    >>> from dcs_status import RetryAdvice
    >>> RetryAdvice.MODIFY_REQUEST.explanation
    'modify the request instead of re-initiating it'
    """

    @property
    def explanation(self):
        """The advice as a sentence for people (the core's)."""
        return self._explanation_


@_str_enum("LookupKind", "LOOKUP_KINDS")
class _LookupKind:
    """How a code relates to the table (see ``lookup``).

    ``DOCUMENTED`` (the table has it), ``UNRECOGNIZED`` (100–599, read as its class's
    ``x00`` code) or ``INVALID`` (600–999, handled as 500).
    """


@_str_enum("RetryAction", "ACTIONS")
class _RetryAction:
    """What a client should do about a response (see ``Decision``).

    ``DO_NOT_RETRY``, ``RETRY_AFTER`` (after the server's delay) or
    ``RETRY_WITH_BACKOFF`` (after a delay of the caller's own policy).
    """


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


class _StatusCodeBase(IntEnum, metaclass=_StatusCodeType):
    """The member-less base of ``StatusCode``, for its metaclass."""


class _StatusCode:
    """The status codes of the DCS table, named by their ident.

    An ``IntEnum`` of the core's table: equal to the plain ``int`` and to
    ``http.HTTPStatus``, usable wherever an ``int`` is. ``str()`` and
    ``format()`` give the number on every Python version. ``name`` is the ident (as
    ``Enum`` requires); DCS's own name is ``dcs_name``.

    >>> StatusCode.TOO_MANY_REQUESTS.phrase
    'Too Many Requests'
    >>> StatusCode(408).dcs_name, StatusCode(408).retry_advice.value
    ('Request Time-out', 'retry')
    >>> StatusCode["NOT_FOUND"].is_client_error, f"{StatusCode.NOT_FOUND}"
    (True, '404')
    """

    __str__ = int.__repr__
    __format__ = int.__format__

    def __getattr__(self, name):
        """Reads the core's extras on the first use of one (see ``_attach_extras``)."""
        if name in _EXTRAS and _attach_extras():
            return object.__getattribute__(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def phrase(self):
        """The IANA reason phrase, e.g. ``'Gateway Timeout'``."""
        return self._phrase_

    @property
    def dcs_name(self):
        """DCS's name as the document writes it, e.g. ``'ServerTimeout'``."""
        return self._dcs_name_

    @property
    def description(self):
        """DCS's description, verbatim (paragraphs joined by a blank line)."""
        return self._description_

    @property
    def status_class(self):
        """The code's ``StatusClass``."""
        return _member("StatusClass", self._class_)

    @property
    def retry_advice(self):
        """What the document advises (``RetryAdvice``)."""
        return _member("RetryAdvice", self._advice_)

    # The class's name is the core's (``StatusClass`` values), kept as a str so that
    # the predicates do not build StatusClass.
    @property
    def is_informational(self):
        """Whether the code is 1xx."""
        return self._class_ == "informational"

    @property
    def is_success(self):
        """Whether the code is 2xx."""
        return self._class_ == "success"

    @property
    def is_redirection(self):
        """Whether the code is 3xx."""
        return self._class_ == "redirection"

    @property
    def is_client_error(self):
        """Whether the code is 4xx."""
        return self._class_ == "client_error"

    @property
    def is_server_error(self):
        """Whether the code is 5xx."""
        return self._class_ == "server_error"

    @property
    def is_error(self):
        """Whether the code reports an error (4xx or 5xx)."""
        return self._is_error_

    @classmethod
    def from_name(cls, name):
        """The member a name refers to (see the function ``from_name``)."""
        return _core().from_name(name)


#: The members of StatusCode, ``(ident, code)`` in the table's order: the core's
#: table as ``_native.TABLE`` gives it, checked again when that is first read.
# BEGIN GENERATED: members (tools/generate_stubs.py)
_MEMBERS = (
    ("CONTINUE", 100),
    ("SWITCHING_PROTOCOLS", 101),
    ("OK", 200),
    ("CREATED", 201),
    ("ACCEPTED", 202),
    ("NON_AUTHORITATIVE_INFORMATION", 203),
    ("NO_CONTENT", 204),
    ("RESET_CONTENT", 205),
    ("PARTIAL_CONTENT", 206),
    ("MULTIPLE_CHOICES", 300),
    ("MOVED_PERMANENTLY", 301),
    ("FOUND", 302),
    ("SEE_OTHER", 303),
    ("NOT_MODIFIED", 304),
    ("USE_PROXY", 305),
    ("UNUSED", 306),
    ("BAD_REQUEST", 400),
    ("UNAUTHORIZED", 401),
    ("PAYMENT_REQUIRED", 402),
    ("FORBIDDEN", 403),
    ("NOT_FOUND", 404),
    ("METHOD_NOT_ALLOWED", 405),
    ("NOT_ACCEPTABLE", 406),
    ("PROXY_AUTHENTICATION_REQUIRED", 407),
    ("REQUEST_TIME_OUT", 408),
    ("CONFLICT", 409),
    ("GONE", 410),
    ("LENGTH_REQUIRED", 411),
    ("PRECONDITION_FAILED", 412),
    ("REQUEST_ENTITY_TOO_LARGE", 413),
    ("REQUEST_URI_TOO_LARGE", 414),
    ("UNSUPPORTED_MEDIA_TYPE", 415),
    ("REQUESTED_RANGE_NOT_SATISFIABLE", 416),
    ("EXPECTATION_FAILED", 417),
    ("UNPROCESSABLE_ENTITY", 422),
    ("TOO_MANY_REQUESTS", 429),
    ("INTERNAL_SERVER_ERROR", 500),
    ("NOT_IMPLEMENTED", 501),
    ("BAD_GATEWAY", 502),
    ("SERVICE_UNAVAILABLE", 503),
    ("SERVER_TIMEOUT", 504),
    ("HTTP_VERSION_NOT_SUPPORTED", 505),
)
# END GENERATED: members

#: The attributes ``_attach_extras`` gives every member.
_EXTRAS = frozenset({"_phrase_", "_dcs_name_", "_description_", "_class_", "_is_error_", "_advice_"})
_attached = False


def _attach_extras():
    """Gives every member the core's extras, once; returns True.

    Raises ``RuntimeError`` when the generated members are not the core's table (a
    package built from mismatched sources).
    """
    global _attached
    with _LAZY_LOCK:
        if _attached:
            return True
        core = _core()
        if tuple((row[1], row[0]) for row in core.TABLE) != _MEMBERS:
            raise RuntimeError(
                "dcs_status: the members of StatusCode are not the core's table: "
                "rebuild the package (tools/generate_stubs.py writes them)"
            )
        class_is_error = {name: is_error for name, _, is_error in core.CLASSES}
        for (_, _, dcs_name, phrase, status_class, advice, description), member in zip(
            core.TABLE, StatusCode
        ):
            member._phrase_ = phrase
            member._dcs_name_ = dcs_name
            member._description_ = description
            member._class_ = status_class
            member._is_error_ = class_is_error[status_class]
            member._advice_ = advice
        _attached = True
    return True


def _make_status_code():
    """``StatusCode``, and its fast look-ups by value and by name."""
    status_code = _make_enum("StatusCode", _StatusCodeBase, _MEMBERS, _StatusCode)
    _StatusCodeType.__call__ = _Members(status_code._value2member_map_).__getitem__
    # EnumMeta.__getitem__ is `cls._member_map_[name]`: the same dict look-up, in C.
    _StatusCodeType.__getitem__ = status_code._member_map_.__getitem__
    return status_code


StatusCode = _make_status_code()
