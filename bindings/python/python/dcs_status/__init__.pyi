"""Type stubs of ``dcs_status``; the generated blocks come from tools/generate_stubs.py."""

import enum
import sys
from datetime import datetime
from typing import Any, ClassVar, Final, Literal, TypeVar, Union

from typing_extensions import Self, TypeAlias

from ._adapters import _Code, _Headers
from ._adapters import header_value as header_value
from ._adapters import headers_of as headers_of
from ._adapters import method_of as method_of
from ._adapters import status_of as status_of

_Now: TypeAlias = Union[int, float, datetime, None]
_R = TypeVar("_R", bound=_Code)

__version__: Final[str]

if sys.version_info >= (3, 11):
    from enum import StrEnum as _StrEnum
else:
    class _StrEnum(str, enum.Enum):
        def __new__(cls, value: str) -> Self: ...

class StatusClass(_StrEnum):
    INFORMATIONAL = "informational"
    SUCCESS = "success"
    REDIRECTION = "redirection"
    CLIENT_ERROR = "client_error"
    SERVER_ERROR = "server_error"
    @property
    def base_code(self) -> int: ...
    @property
    def is_error(self) -> bool: ...

class RetryAdvice(_StrEnum):
    NONE = "none"
    RETRY = "retry"
    RETRY_AFTER = "retry_after"
    MODIFY_REQUEST = "modify_request"
    UNSPECIFIED = "unspecified"
    @property
    def explanation(self) -> str: ...

class LookupKind(_StrEnum):
    DOCUMENTED = "documented"
    UNRECOGNIZED = "unrecognized"
    INVALID = "invalid"

class RetryAction(_StrEnum):
    DO_NOT_RETRY = "do_not_retry"
    RETRY_AFTER = "retry_after"
    RETRY_WITH_BACKOFF = "retry_with_backoff"

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
    code: object
    def __init__(self, message: str, code: object) -> None: ...

class UnknownNameError(KeyError):
    name: object
    def __init__(self, message: str, name: object) -> None: ...

class RetryAfterError(ValueError):
    kind: Literal["empty", "invalid_delay", "invalid_date", "impossible_date"]
    value: str | bytes
    def __init__(self, message: str, kind: str, value: str | bytes) -> None: ...

class Lookup:
    @property
    def code(self) -> int: ...
    @property
    def kind(self) -> LookupKind: ...
    @property
    def status(self) -> StatusCode: ...
    def __init__(
        self, code: int, kind: LookupKind, status: StatusCode, status_class: StatusClass
    ) -> None: ...
    @property
    def status_class(self) -> StatusClass: ...
    @property
    def retry_advice(self) -> RetryAdvice: ...
    @property
    def is_error(self) -> bool: ...
    @property
    def documented(self) -> StatusCode | None: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Decision:
    @property
    def action(self) -> RetryAction: ...
    @property
    def delay(self) -> int | None: ...
    def __init__(self, action: RetryAction, delay: int | None, text: str) -> None: ...
    @property
    def should_retry(self) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def lookup(code: _Code) -> Lookup: ...
def from_name(name: str | bytes) -> StatusCode: ...
def parse_retry_after(value: str | bytes, now: _Now = None) -> int: ...
def decide(
    code: _Code,
    retry_after: str | bytes | None = None,
    now: _Now = None,
    idempotent: bool | None = None,
) -> Decision: ...
def method_is_idempotent(method: str | bytes) -> bool: ...
def retry_after_of(response: object, now: _Now = None) -> int | None: ...

class DcsHTTPError(Exception):
    STATUS: ClassVar[StatusCode | None]
    code: int
    status: StatusCode
    kind: LookupKind
    retry_after: int | None
    retry_after_header: str | bytes | None
    response: Any
    def __init__(
        self,
        code: _Code,
        retry_after: int | None = None,
        response: Any = None,
        retry_after_header: str | bytes | None = None,
    ) -> None: ...
    @property
    def phrase(self) -> str: ...
    @property
    def dcs_name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def retry_advice(self) -> RetryAdvice: ...
    @property
    def status_class(self) -> StatusClass: ...
    def decide(self, idempotent: bool | None = None, now: _Now = None) -> Decision: ...

class ClientError(DcsHTTPError): ...
class ServerError(DcsHTTPError): ...

def error_class(code: _Code) -> type[DcsHTTPError] | None: ...
def raise_for_status(response: _R, headers: _Headers | None = None, now: _Now = None) -> _R: ...

# BEGIN GENERATED: error classes (tools/generate_stubs.py)
class BadRequest(ClientError):
    """400 Bad Request: DCS's 'BadRequest'."""

    STATUS: ClassVar[Literal[StatusCode.BAD_REQUEST]]

class Unauthorized(ClientError):
    """401 Unauthorized: DCS's 'Unauthorized'."""

    STATUS: ClassVar[Literal[StatusCode.UNAUTHORIZED]]

class PaymentRequired(ClientError):
    """402 Payment Required: DCS's 'Payment Required'."""

    STATUS: ClassVar[Literal[StatusCode.PAYMENT_REQUIRED]]

class Forbidden(ClientError):
    """403 Forbidden: DCS's 'Forbidden'."""

    STATUS: ClassVar[Literal[StatusCode.FORBIDDEN]]

class NotFound(ClientError):
    """404 Not Found: DCS's 'NotFound'."""

    STATUS: ClassVar[Literal[StatusCode.NOT_FOUND]]

class MethodNotAllowed(ClientError):
    """405 Method Not Allowed: DCS's 'MethodNotAllowed'."""

    STATUS: ClassVar[Literal[StatusCode.METHOD_NOT_ALLOWED]]

class NotAcceptable(ClientError):
    """406 Not Acceptable: DCS's 'Not Acceptable'."""

    STATUS: ClassVar[Literal[StatusCode.NOT_ACCEPTABLE]]

class ProxyAuthenticationRequired(ClientError):
    """407 Proxy Authentication Required: DCS's 'Proxy Authentication Required'."""

    STATUS: ClassVar[Literal[StatusCode.PROXY_AUTHENTICATION_REQUIRED]]

class RequestTimeOut(ClientError):
    """408 Request Timeout: DCS's 'Request Time-out'."""

    STATUS: ClassVar[Literal[StatusCode.REQUEST_TIME_OUT]]

class Conflict(ClientError):
    """409 Conflict: DCS's 'Conflict'."""

    STATUS: ClassVar[Literal[StatusCode.CONFLICT]]

class Gone(ClientError):
    """410 Gone: DCS's 'Gone'."""

    STATUS: ClassVar[Literal[StatusCode.GONE]]

class LengthRequired(ClientError):
    """411 Length Required: DCS's 'Length Required'."""

    STATUS: ClassVar[Literal[StatusCode.LENGTH_REQUIRED]]

class PreconditionFailed(ClientError):
    """412 Precondition Failed: DCS's 'Precondition Failed'."""

    STATUS: ClassVar[Literal[StatusCode.PRECONDITION_FAILED]]

class RequestEntityTooLarge(ClientError):
    """413 Content Too Large: DCS's 'Request Entity Too Large'."""

    STATUS: ClassVar[Literal[StatusCode.REQUEST_ENTITY_TOO_LARGE]]

class RequestUriTooLarge(ClientError):
    """414 URI Too Long: DCS's 'Request-URI Too Large'."""

    STATUS: ClassVar[Literal[StatusCode.REQUEST_URI_TOO_LARGE]]

class UnsupportedMediaType(ClientError):
    """415 Unsupported Media Type: DCS's 'Unsupported Media Type'."""

    STATUS: ClassVar[Literal[StatusCode.UNSUPPORTED_MEDIA_TYPE]]

class RequestedRangeNotSatisfiable(ClientError):
    """416 Range Not Satisfiable: DCS's 'Requested range not satisfiable'."""

    STATUS: ClassVar[Literal[StatusCode.REQUESTED_RANGE_NOT_SATISFIABLE]]

class ExpectationFailed(ClientError):
    """417 Expectation Failed: DCS's 'Expectation Failed'."""

    STATUS: ClassVar[Literal[StatusCode.EXPECTATION_FAILED]]

class UnprocessableEntity(ClientError):
    """422 Unprocessable Content: DCS's 'UnprocessableEntity'."""

    STATUS: ClassVar[Literal[StatusCode.UNPROCESSABLE_ENTITY]]

class TooManyRequests(ClientError):
    """429 Too Many Requests: DCS's 'TooManyRequests'."""

    STATUS: ClassVar[Literal[StatusCode.TOO_MANY_REQUESTS]]

class InternalServerError(ServerError):
    """500 Internal Server Error: DCS's 'InternalServerError'."""

    STATUS: ClassVar[Literal[StatusCode.INTERNAL_SERVER_ERROR]]

class HttpNotImplemented(ServerError):
    """501 Not Implemented: DCS's 'Not Implemented'."""

    STATUS: ClassVar[Literal[StatusCode.NOT_IMPLEMENTED]]

class BadGateway(ServerError):
    """502 Bad Gateway: DCS's 'Bad Gateway'."""

    STATUS: ClassVar[Literal[StatusCode.BAD_GATEWAY]]

class ServiceUnavailable(ServerError):
    """503 Service Unavailable: DCS's 'ServiceUnavailable'."""

    STATUS: ClassVar[Literal[StatusCode.SERVICE_UNAVAILABLE]]

class ServerTimeout(ServerError):
    """504 Gateway Timeout: DCS's 'ServerTimeout'."""

    STATUS: ClassVar[Literal[StatusCode.SERVER_TIMEOUT]]

class HttpVersionNotSupported(ServerError):
    """505 HTTP Version Not Supported: DCS's 'HTTP Version not supported'."""

    STATUS: ClassVar[Literal[StatusCode.HTTP_VERSION_NOT_SUPPORTED]]
# END GENERATED: error classes

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
    "RequestUriTooLarge",
    "UnsupportedMediaType",
    "RequestedRangeNotSatisfiable",
    "ExpectationFailed",
    "UnprocessableEntity",
    "TooManyRequests",
    "InternalServerError",
    "HttpNotImplemented",
    "BadGateway",
    "ServiceUnavailable",
    "ServerTimeout",
    "HttpVersionNotSupported",
    # END GENERATED: error names
]
