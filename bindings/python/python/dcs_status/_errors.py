"""The exceptions ``dcs_status`` raises about values, ``ErrorKind`` and
``RetryInputErrorKind``.

Each carries the core's error kind (``kind``, an ``ErrorKind``: the names C's
``dcs_status_result_name`` and Go's errors report for the same input; for
``RetryInputError``, a ``RetryInputErrorKind``) and the core's message (``str()``: the
offending value quoted, escaped and cut to 64 characters, whatever its size). The
native module raises them; this module is imported on first use.
"""

from . import _native
from ._enums import _make_enum, _StrEnum


class _ErrorKind:
    """What went wrong: the kinds of error of the core, by their names.

    The members are the core's list, in its order. Python raises ``NOT_A_STATUS_CODE``
    (``NotAStatusCodeError``), ``UNKNOWN_NAME`` (``UnknownNameError``),
    ``INVALID_UTF8`` (``InvalidUtf8Error``), the ``RETRY_AFTER_*`` kinds
    (``RetryAfterError``), ``UNKNOWN_ERROR_CODE`` (``UnknownErrorCodeError``) and the
    retry policy's ``NO_ATTEMPTS``, ``CAP_BELOW_BASE``, ``UNKNOWN_JITTER``,
    ``ATTEMPT_ZERO`` and ``RANDOM_OUT_OF_RANGE`` (``RetryInputError``, whose
    ``RetryInputErrorKind`` has the same names); ``NULL_POINTER``, ``INTERNAL`` and
    ``INVALID_ARGUMENT`` are C's.

    >>> from dcs_status import ErrorKind
    >>> ErrorKind.RETRY_AFTER_EMPTY.is_retry_after, ErrorKind("unknown_name").is_retry_after
    (True, False)
    >>> ErrorKind.INVALID_UTF8.message
    'the text is not valid UTF-8'
    """

    @property
    def message(self):
        """What was wrong, without the value (the core's sentence)."""
        return self._message_

    @property
    def is_retry_after(self):
        """Whether this is an error of a Retry-After value."""
        return self._is_retry_after_


def _make_error_kind():
    """``ErrorKind``, each kind with the core's message and group."""
    kinds = [(name.upper(), name) for name, _, _ in _native.ERROR_KINDS]
    error_kind = _make_enum("ErrorKind", _StrEnum, kinds, _ErrorKind)
    for (_, message, is_retry_after), kind in zip(_native.ERROR_KINDS, error_kind):
        kind._message_ = message
        kind._is_retry_after_ = is_retry_after
    return error_kind


ErrorKind = _make_error_kind()


class _RetryInputErrorKind:
    """What is wrong with a retry setting or a step's input (``RetryInputError.kind``),
    by the core's names, each with the core's message.

    >>> from dcs_status import RetryInputErrorKind
    >>> RetryInputErrorKind.NO_ATTEMPTS.message
    'max_attempts must be at least 1: it counts every attempt, the first included'
    """

    @property
    def message(self):
        """What is wrong and what is expected (the core's sentence)."""
        return self._message_


def _make_retry_input_error_kind():
    """``RetryInputErrorKind``, each kind with the core's message."""
    rows = _native.RETRY_INPUT_ERRORS
    kinds = [(name.upper(), name) for name, _ in rows]
    enum = _make_enum("RetryInputErrorKind", _StrEnum, kinds, _RetryInputErrorKind)
    for (_, message), kind in zip(rows, enum):
        kind._message_ = message
    return enum


RetryInputErrorKind = _make_retry_input_error_kind()


class _CoreError(Exception):
    """An error of the core about a value: ``(message, kind, value)``."""

    #: The enum of ``kind``.
    _kinds = ErrorKind

    def __init__(self, message, kind, value):
        super().__init__(message)
        self.kind = self._kinds(kind)
        self._value = value

    def __str__(self):
        return str(self.args[0])

    def __reduce__(self):
        return (type(self), (self.args[0], self.kind.value, self._value))


class NotAStatusCodeError(_CoreError, ValueError):
    """A number outside 100–999 was given as a status code; ``code`` is the number.

    >>> from dcs_status import lookup
    >>> lookup(42)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    dcs_status.NotAStatusCodeError: 42 is not a status code: status codes are three-digit numbers...
    >>> lookup(10**5000)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    dcs_status.NotAStatusCodeError: a number larger than 9223372036854775807 is not a status code: ...
    """

    __module__ = "dcs_status"

    @property
    def code(self):
        """The number as given."""
        return self._value


class UnknownNameError(_CoreError, KeyError):
    """No entry has this name (a ``KeyError``, as ``StatusCode["..."]`` raises).

    ``name`` is the name as given; ``str()`` shows at most its first 64 characters.

    >>> from dcs_status import from_name
    >>> from_name("not founded")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    dcs_status.UnknownNameError: unknown status name "not founded": expected a DCS name ...
    """

    __module__ = "dcs_status"

    @property
    def name(self):
        """The name as given."""
        return self._value


class RetryAfterError(_CoreError, ValueError):
    """A Retry-After value that does not parse; ``value`` is the value as given.

    ``kind`` says why: ``RETRY_AFTER_EMPTY``, ``RETRY_AFTER_INVALID_DELAY``,
    ``RETRY_AFTER_INVALID_DATE`` or ``RETRY_AFTER_IMPOSSIBLE_DATE``.

    >>> from dcs_status import parse_retry_after
    >>> try:
    ...     parse_retry_after("-1")
    ... except RetryAfterError as err:
    ...     print(err.kind.value)
    ...     print(err)  # doctest: +ELLIPSIS
    retry_after_invalid_delay
    "-1": Retry-After delay-seconds must be ASCII digits only: no sign, decimal point, ...
    """

    __module__ = "dcs_status"

    @property
    def value(self):
        """The value as given."""
        return self._value


class InvalidUtf8Error(_CoreError, ValueError):
    """Text given as ``bytes`` is not UTF-8 (or a ``str`` holds lone surrogates), as C
    and Go report for the same bytes; ``value`` is the value as given.

    >>> from dcs_status import from_name
    >>> from_name(b"not\\xfffound")
    Traceback (most recent call last):
      ...
    dcs_status.InvalidUtf8Error: "not\\xfffound": the text is not valid UTF-8
    """

    __module__ = "dcs_status"

    @property
    def value(self):
        """The value as given."""
        return self._value


class UnknownErrorCodeError(_CoreError, KeyError):
    """The error-code catalogue has no entry for this code (a ``KeyError``, as a
    failed look-up); ``code`` is the code as given, ``kind`` is
    ``ErrorKind.UNKNOWN_ERROR_CODE``.

    >>> from dcs_status import CatalogueEntry
    >>> try:
    ...     CatalogueEntry.lookup("APIGW.0308")
    ... except UnknownErrorCodeError as err:
    ...     print(err.kind.value, err.code)
    ...     print(err)
    unknown_error_code APIGW.0308
    unknown DCS error code "APIGW.0308": not in the error-code catalogue
    """

    __module__ = "dcs_status"

    @property
    def code(self):
        """The code as given."""
        return self._value


class RetryInputError(_CoreError, ValueError):
    """A retry setting or a step's input that makes no sense (a ``ValueError``):
    ``kind`` (a ``RetryInputErrorKind``) says what, ``str()`` is the core's message for
    that kind about the value (a jitter name or a random draw quoted, a status told)
    and ``value`` the value it is about (for ``CAP_BELOW_BASE``, the cap).

    >>> from dcs_status import RetryPolicy
    >>> try:
    ...     RetryPolicy(max_attempts=0)
    ... except RetryInputError as err:
    ...     print(err.kind.value, err.value)
    no_attempts 0
    """

    __module__ = "dcs_status"
    _kinds = RetryInputErrorKind

    @property
    def value(self):
        """The value the error is about."""
        return self._value
