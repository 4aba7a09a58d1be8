"""Type stubs of ``dcs_status``; the generated blocks come from tools/generate_stubs.py."""

import enum
import sys
from typing import Any, ClassVar, Final, Literal, SupportsIndex, TypeVar

from typing_extensions import Self, TypeAlias

from ._adapters import _Code, _Headers
from ._adapters import body_of as body_of
from ._adapters import header_of as header_of
from ._adapters import header_value as header_value
from ._adapters import headers_of as headers_of
from ._adapters import method_of as method_of
from ._adapters import status_of as status_of
from ._native import BODY_LIMIT as BODY_LIMIT
from ._native import NO_RESPONSE as NO_RESPONSE
from ._native import CatalogueEntry as CatalogueEntry
from ._native import Decision as Decision
from ._native import ErrorBody as ErrorBody
from ._native import Lookup as Lookup
from ._native import RetryBudget as RetryBudget
from ._native import RetryPolicy as RetryPolicy
from ._native import RetryStep as RetryStep
from ._native import _Now, _Text
from ._native import decide as decide
from ._native import lookup as lookup
from ._native import method_is_idempotent as method_is_idempotent
from ._native import parse_error_body as parse_error_body
from ._native import parse_retry_after as parse_retry_after

_R = TypeVar("_R", bound=_Code)

__version__: Final[str]

if sys.version_info >= (3, 11):
    from enum import StrEnum as _StrEnum
else:
    class _StrEnum(str, enum.Enum):
        def __new__(cls, value: str) -> Self: ...

class StatusClass(_StrEnum):
    # BEGIN GENERATED: status classes (tools/generate_stubs.py)
    INFORMATIONAL = "informational"
    SUCCESS = "success"
    REDIRECTION = "redirection"
    CLIENT_ERROR = "client_error"
    SERVER_ERROR = "server_error"
    # END GENERATED: status classes
    @property
    def base_code(self) -> int: ...
    @property
    def is_error(self) -> bool: ...

class RetryAdvice(_StrEnum):
    # BEGIN GENERATED: retry advices (tools/generate_stubs.py)
    NONE = "none"
    RETRY = "retry"
    RETRY_AFTER = "retry_after"
    MODIFY_REQUEST = "modify_request"
    UNSPECIFIED = "unspecified"
    # END GENERATED: retry advices
    @property
    def explanation(self) -> str: ...

class LookupKind(_StrEnum):
    # BEGIN GENERATED: lookup kinds (tools/generate_stubs.py)
    DOCUMENTED = "documented"
    UNRECOGNIZED = "unrecognized"
    INVALID = "invalid"
    # END GENERATED: lookup kinds

class RetryAction(_StrEnum):
    # BEGIN GENERATED: retry actions (tools/generate_stubs.py)
    DO_NOT_RETRY = "do_not_retry"
    RETRY_AFTER = "retry_after"
    RETRY_WITH_BACKOFF = "retry_with_backoff"
    # END GENERATED: retry actions

class ErrorAdvice(_StrEnum):
    # BEGIN GENERATED: error advices (tools/generate_stubs.py)
    RETRY_LATER = "retry_later"
    CONTACT_SUPPORT = "contact_support"
    FIX_REQUEST = "fix_request"
    NOT_ALLOWED = "not_allowed"
    UNSPECIFIED = "unspecified"
    # END GENERATED: error advices
    @property
    def explanation(self) -> str: ...

class Jitter(_StrEnum):
    # BEGIN GENERATED: jitters (tools/generate_stubs.py)
    FULL = "full"
    EQUAL = "equal"
    NONE = "none"
    DECORRELATED = "decorrelated"
    # END GENERATED: jitters
    @property
    def explanation(self) -> str: ...

class RetryCategory(_StrEnum):
    # BEGIN GENERATED: retry categories (tools/generate_stubs.py)
    TRANSIENT = "transient"
    THROTTLE = "throttle"
    BUSY = "busy"
    # END GENERATED: retry categories
    @property
    def explanation(self) -> str: ...

class RetryReason(_StrEnum):
    # BEGIN GENERATED: retry reasons (tools/generate_stubs.py)
    NOT_AN_ERROR = "not_an_error"
    MAX_ATTEMPTS = "max_attempts"
    ERROR_CODE = "error_code"
    RETRY_AFTER_TOO_LONG = "retry_after_too_long"
    RETRY_AFTER = "retry_after"
    BUSY = "busy"
    THROTTLED = "throttled"
    TIMEOUT = "timeout"
    SERVER_ERROR = "server_error"
    NOT_IDEMPOTENT = "not_idempotent"
    STATUS = "status"
    BUDGET_EXHAUSTED = "budget_exhausted"
    DEADLINE = "deadline"
    CONNECTION_ERROR = "connection_error"
    UNREPLAYABLE_BODY = "unreplayable_body"
    # END GENERATED: retry reasons
    @property
    def explanation(self) -> str: ...
    @property
    def is_retry(self) -> bool: ...

class StepAction(_StrEnum):
    # BEGIN GENERATED: step actions (tools/generate_stubs.py)
    RETRY = "retry"
    DO_NOT_RETRY = "do_not_retry"
    # END GENERATED: step actions
    @property
    def explanation(self) -> str: ...

class RetryInputErrorKind(_StrEnum):
    # BEGIN GENERATED: retry input error kinds (tools/generate_stubs.py)
    NO_ATTEMPTS = "no_attempts"
    CAP_BELOW_BASE = "cap_below_base"
    UNKNOWN_JITTER = "unknown_jitter"
    ATTEMPT_ZERO = "attempt_zero"
    NOT_A_STATUS_CODE = "not_a_status_code"
    RANDOM_OUT_OF_RANGE = "random_out_of_range"
    # END GENERATED: retry input error kinds
    @property
    def message(self) -> str: ...

class ErrorKind(_StrEnum):
    # BEGIN GENERATED: error kinds (tools/generate_stubs.py)
    NULL_POINTER = "null_pointer"
    NOT_A_STATUS_CODE = "not_a_status_code"
    UNKNOWN_NAME = "unknown_name"
    INVALID_UTF8 = "invalid_utf8"
    RETRY_AFTER_EMPTY = "retry_after_empty"
    RETRY_AFTER_INVALID_DELAY = "retry_after_invalid_delay"
    RETRY_AFTER_INVALID_DATE = "retry_after_invalid_date"
    RETRY_AFTER_IMPOSSIBLE_DATE = "retry_after_impossible_date"
    INTERNAL = "internal"
    UNKNOWN_ERROR_CODE = "unknown_error_code"
    NO_ATTEMPTS = "no_attempts"
    CAP_BELOW_BASE = "cap_below_base"
    UNKNOWN_JITTER = "unknown_jitter"
    ATTEMPT_ZERO = "attempt_zero"
    RANDOM_OUT_OF_RANGE = "random_out_of_range"
    INVALID_ARGUMENT = "invalid_argument"
    # END GENERATED: error kinds
    @property
    def message(self) -> str: ...
    @property
    def is_retry_after(self) -> bool: ...

class StatusCode(enum.IntEnum):
    # BEGIN GENERATED: status members (tools/generate_stubs.py)
    CONTINUE = 100
    SWITCHING_PROTOCOLS = 101
    OK = 200
    CREATED = 201
    ACCEPTED = 202
    NON_AUTHORITATIVE_INFORMATION = 203
    NO_CONTENT = 204
    RESET_CONTENT = 205
    PARTIAL_CONTENT = 206
    MULTIPLE_CHOICES = 300
    MOVED_PERMANENTLY = 301
    FOUND = 302
    SEE_OTHER = 303
    NOT_MODIFIED = 304
    USE_PROXY = 305
    UNUSED = 306
    BAD_REQUEST = 400
    UNAUTHORIZED = 401
    PAYMENT_REQUIRED = 402
    FORBIDDEN = 403
    NOT_FOUND = 404
    METHOD_NOT_ALLOWED = 405
    NOT_ACCEPTABLE = 406
    PROXY_AUTHENTICATION_REQUIRED = 407
    REQUEST_TIME_OUT = 408
    CONFLICT = 409
    GONE = 410
    LENGTH_REQUIRED = 411
    PRECONDITION_FAILED = 412
    REQUEST_ENTITY_TOO_LARGE = 413
    REQUEST_URI_TOO_LARGE = 414
    UNSUPPORTED_MEDIA_TYPE = 415
    REQUESTED_RANGE_NOT_SATISFIABLE = 416
    EXPECTATION_FAILED = 417
    UNPROCESSABLE_ENTITY = 422
    TOO_MANY_REQUESTS = 429
    INTERNAL_SERVER_ERROR = 500
    NOT_IMPLEMENTED = 501
    BAD_GATEWAY = 502
    SERVICE_UNAVAILABLE = 503
    SERVER_TIMEOUT = 504
    HTTP_VERSION_NOT_SUPPORTED = 505
    # END GENERATED: status members
    @property
    def phrase(self) -> str: ...
    @property
    def dcs_name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def status_class(self) -> StatusClass: ...
    @property
    def retry_advice(self) -> RetryAdvice: ...
    @property
    def is_informational(self) -> bool: ...
    @property
    def is_success(self) -> bool: ...
    @property
    def is_redirection(self) -> bool: ...
    @property
    def is_client_error(self) -> bool: ...
    @property
    def is_server_error(self) -> bool: ...
    @property
    def is_error(self) -> bool: ...
    @classmethod
    def from_name(cls, name: str | bytes) -> StatusCode: ...

class NotAStatusCodeError(ValueError):
    kind: Literal[ErrorKind.NOT_A_STATUS_CODE]
    def __init__(self, message: str, kind: str, value: object) -> None: ...
    @property
    def code(self) -> object: ...

class UnknownNameError(KeyError):
    kind: Literal[ErrorKind.UNKNOWN_NAME]
    def __init__(self, message: str, kind: str, value: object) -> None: ...
    @property
    def name(self) -> object: ...

class RetryAfterError(ValueError):
    kind: _RetryAfterKind
    def __init__(self, message: str, kind: str, value: object) -> None: ...
    @property
    def value(self) -> object: ...

class InvalidUtf8Error(ValueError):
    kind: Literal[ErrorKind.INVALID_UTF8]
    def __init__(self, message: str, kind: str, value: object) -> None: ...
    @property
    def value(self) -> object: ...

class UnknownErrorCodeError(KeyError):
    kind: Literal[ErrorKind.UNKNOWN_ERROR_CODE]
    def __init__(self, message: str, kind: str, value: object) -> None: ...
    @property
    def code(self) -> object: ...

class RetryInputError(ValueError):
    kind: RetryInputErrorKind
    def __init__(self, message: str, kind: str, value: object) -> None: ...
    @property
    def value(self) -> object: ...

# BEGIN GENERATED: retry-after kinds (tools/generate_stubs.py)
_RetryAfterKind: TypeAlias = Literal[
    ErrorKind.RETRY_AFTER_EMPTY,
    ErrorKind.RETRY_AFTER_INVALID_DELAY,
    ErrorKind.RETRY_AFTER_INVALID_DATE,
    ErrorKind.RETRY_AFTER_IMPOSSIBLE_DATE,
]
# END GENERATED: retry-after kinds

def from_name(name: str | bytes) -> StatusCode: ...

class DcsHTTPError(Exception):
    STATUS: ClassVar[StatusCode | None]
    code: int
    status: StatusCode
    kind: LookupKind
    retry_after: int | None
    retry_after_header: Any
    request_id: str | None
    error_code: str | None
    error_msg: str | None
    error_ext_msg: str | None
    catalogue: CatalogueEntry | None
    decision: Decision
    response: Any
    def __init__(
        self,
        code: SupportsIndex,
        retry_after_header: _Text | None = None,
        request_id: _Text | None = None,
        *,
        now: _Now = None,
        idempotent: bool = False,
        response: Any = None,
        headers: _Headers | None = None,
        body: _Text | None = None,
    ) -> None: ...

class ClientError(DcsHTTPError): ...
class ServerError(DcsHTTPError): ...

def error_class(code: _Code) -> type[DcsHTTPError] | None: ...
def raise_for_status(
    response: _R, headers: _Headers | None = None, now: _Now = None, *, body: _Text | None = None
) -> _R: ...
async def araise_for_status(
    response: _R, headers: _Headers | None = None, now: _Now = None, *, body: _Text | None = None
) -> _R: ...
def retry_after_of(response: object, now: _Now = None) -> int | None: ...

# BEGIN GENERATED: error classes (tools/generate_stubs.py)
class BadRequest(ClientError):
    STATUS: ClassVar[Literal[StatusCode.BAD_REQUEST]]

class Unauthorized(ClientError):
    STATUS: ClassVar[Literal[StatusCode.UNAUTHORIZED]]

class PaymentRequired(ClientError):
    STATUS: ClassVar[Literal[StatusCode.PAYMENT_REQUIRED]]

class Forbidden(ClientError):
    STATUS: ClassVar[Literal[StatusCode.FORBIDDEN]]

class NotFound(ClientError):
    STATUS: ClassVar[Literal[StatusCode.NOT_FOUND]]

class MethodNotAllowed(ClientError):
    STATUS: ClassVar[Literal[StatusCode.METHOD_NOT_ALLOWED]]

class NotAcceptable(ClientError):
    STATUS: ClassVar[Literal[StatusCode.NOT_ACCEPTABLE]]

class ProxyAuthenticationRequired(ClientError):
    STATUS: ClassVar[Literal[StatusCode.PROXY_AUTHENTICATION_REQUIRED]]

class RequestTimeOut(ClientError):
    STATUS: ClassVar[Literal[StatusCode.REQUEST_TIME_OUT]]

class Conflict(ClientError):
    STATUS: ClassVar[Literal[StatusCode.CONFLICT]]

class Gone(ClientError):
    STATUS: ClassVar[Literal[StatusCode.GONE]]

class LengthRequired(ClientError):
    STATUS: ClassVar[Literal[StatusCode.LENGTH_REQUIRED]]

class PreconditionFailed(ClientError):
    STATUS: ClassVar[Literal[StatusCode.PRECONDITION_FAILED]]

class RequestEntityTooLarge(ClientError):
    STATUS: ClassVar[Literal[StatusCode.REQUEST_ENTITY_TOO_LARGE]]

class RequestURITooLarge(ClientError):
    STATUS: ClassVar[Literal[StatusCode.REQUEST_URI_TOO_LARGE]]

class UnsupportedMediaType(ClientError):
    STATUS: ClassVar[Literal[StatusCode.UNSUPPORTED_MEDIA_TYPE]]

class RequestedRangeNotSatisfiable(ClientError):
    STATUS: ClassVar[Literal[StatusCode.REQUESTED_RANGE_NOT_SATISFIABLE]]

class ExpectationFailed(ClientError):
    STATUS: ClassVar[Literal[StatusCode.EXPECTATION_FAILED]]

class UnprocessableEntity(ClientError):
    STATUS: ClassVar[Literal[StatusCode.UNPROCESSABLE_ENTITY]]

class TooManyRequests(ClientError):
    STATUS: ClassVar[Literal[StatusCode.TOO_MANY_REQUESTS]]

class InternalServerError(ServerError):
    STATUS: ClassVar[Literal[StatusCode.INTERNAL_SERVER_ERROR]]

class HTTPNotImplemented(ServerError):
    STATUS: ClassVar[Literal[StatusCode.NOT_IMPLEMENTED]]

class BadGateway(ServerError):
    STATUS: ClassVar[Literal[StatusCode.BAD_GATEWAY]]

class ServiceUnavailable(ServerError):
    STATUS: ClassVar[Literal[StatusCode.SERVICE_UNAVAILABLE]]

class ServerTimeout(ServerError):
    STATUS: ClassVar[Literal[StatusCode.SERVER_TIMEOUT]]

class HTTPVersionNotSupported(ServerError):
    STATUS: ClassVar[Literal[StatusCode.HTTP_VERSION_NOT_SUPPORTED]]
# END GENERATED: error classes

# The names 0.1 gave, kept as aliases.
# BEGIN GENERATED: error aliases (tools/generate_stubs.py)
RequestUriTooLarge = RequestURITooLarge
HttpNotImplemented = HTTPNotImplemented
HttpVersionNotSupported = HTTPVersionNotSupported
# END GENERATED: error aliases

__all__ = [
    "BODY_LIMIT",
    "NO_RESPONSE",
    "Decision",
    "Lookup",
    "StatusCode",
    "__version__",
    "decide",
    "from_name",
    "lookup",
    "method_is_idempotent",
    "parse_retry_after",
    "CatalogueEntry",
    "ErrorBody",
    "parse_error_body",
    "RetryPolicy",
    "RetryBudget",
    "RetryStep",
    "StatusClass",
    "RetryAdvice",
    "LookupKind",
    "RetryAction",
    "ErrorAdvice",
    "Jitter",
    "RetryCategory",
    "RetryReason",
    "StepAction",
    "ErrorKind",
    "NotAStatusCodeError",
    "UnknownNameError",
    "RetryAfterError",
    "InvalidUtf8Error",
    "UnknownErrorCodeError",
    "RetryInputError",
    "RetryInputErrorKind",
    "DcsHTTPError",
    "ClientError",
    "ServerError",
    "error_class",
    "raise_for_status",
    "araise_for_status",
    "retry_after_of",
    "body_of",
    "header_of",
    "header_value",
    "headers_of",
    "method_of",
    "status_of",
    # BEGIN GENERATED: error names (tools/generate_stubs.py)
    "BadRequest",
    "Unauthorized",
    "PaymentRequired",
    "Forbidden",
    "NotFound",
    "MethodNotAllowed",
    "NotAcceptable",
    "ProxyAuthenticationRequired",
    "RequestTimeOut",
    "Conflict",
    "Gone",
    "LengthRequired",
    "PreconditionFailed",
    "RequestEntityTooLarge",
    "RequestURITooLarge",
    "UnsupportedMediaType",
    "RequestedRangeNotSatisfiable",
    "ExpectationFailed",
    "UnprocessableEntity",
    "TooManyRequests",
    "InternalServerError",
    "HTTPNotImplemented",
    "BadGateway",
    "ServiceUnavailable",
    "ServerTimeout",
    "HTTPVersionNotSupported",
    # END GENERATED: error names
]
