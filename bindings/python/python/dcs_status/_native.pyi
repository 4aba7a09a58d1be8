"""The pyo3 module over the Rust core (see crates/dcs-status-py)."""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any, BinaryIO, Final, SupportsIndex, Union, final

from typing_extensions import Self, TypeAlias

from . import (
    ErrorAdvice,
    Jitter,
    LookupKind,
    RetryAction,
    RetryAdvice,
    RetryCategory,
    RetryReason,
    StatusClass,
    StatusCode,
    StepAction,
)
from ._adapters import _Code

_Now: TypeAlias = Union[int, float, datetime, None]
_Text: TypeAlias = Union[str, bytes]

__all__ = [
    "VERSION",
    "TABLE",
    "CLASSES",
    "RETRY_ADVICES",
    "LOOKUP_KINDS",
    "ACTIONS",
    "ERROR_KINDS",
    "RETRY_AFTER_HEADER",
    "REQUEST_ID_HEADER",
    "TEXT_LIMIT",
    "BODY_LIMIT",
    "NO_RESPONSE",
    "ERROR_ADVICES",
    "JITTERS",
    "RETRY_CATEGORIES",
    "RETRY_REASONS",
    "STEP_ACTIONS",
    "RETRY_INPUT_ERRORS",
    "Lookup",
    "Decision",
    "CatalogueEntry",
    "ErrorBody",
    "RetryPolicy",
    "RetryBudget",
    "RetryStep",
    "parse_error_body",
    "reseed_random_unit",
    "lookup",
    "from_name",
    "parse_retry_after",
    "decide",
    "method_is_idempotent",
    "http_error",
    "error_message",
    "cli",
]

VERSION: Final[str]
TABLE: Final[tuple[tuple[int, str, str, str, str, str, str], ...]]
CLASSES: Final[tuple[tuple[str, int, bool], ...]]
RETRY_ADVICES: Final[tuple[tuple[str, str], ...]]
LOOKUP_KINDS: Final[tuple[str, ...]]
ACTIONS: Final[tuple[str, ...]]
ERROR_KINDS: Final[tuple[tuple[str, str, bool], ...]]
RETRY_AFTER_HEADER: Final[str]
REQUEST_ID_HEADER: Final[str]
TEXT_LIMIT: Final[int]
BODY_LIMIT: Final[int]
NO_RESPONSE: Final[int]
ERROR_ADVICES: Final[tuple[tuple[str, str], ...]]
JITTERS: Final[tuple[tuple[str, str], ...]]
RETRY_CATEGORIES: Final[tuple[tuple[str, str], ...]]
RETRY_REASONS: Final[tuple[tuple[str, str, bool], ...]]
STEP_ACTIONS: Final[tuple[tuple[str, str], ...]]
RETRY_INPUT_ERRORS: Final[tuple[tuple[str, str], ...]]

@final
class Lookup:
    def __new__(cls, code: _Code) -> Self: ...
    @property
    def code(self) -> int: ...
    @property
    def kind(self) -> LookupKind: ...
    @property
    def status(self) -> StatusCode: ...
    @property
    def status_class(self) -> StatusClass: ...
    @property
    def retry_advice(self) -> RetryAdvice: ...
    @property
    def is_error(self) -> bool: ...
    @property
    def documented(self) -> StatusCode | None: ...
    def explain(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Decision:
    def __new__(cls, action: str, delay: int | None = None) -> Self: ...
    @property
    def action(self) -> RetryAction: ...
    @property
    def delay(self) -> int | None: ...
    @property
    def should_retry(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class CatalogueEntry:
    def __new__(cls, code: _Text) -> Self: ...
    @staticmethod
    def lookup(code: _Text) -> CatalogueEntry: ...
    @staticmethod
    def all() -> tuple[CatalogueEntry, ...]: ...
    @property
    def code(self) -> str: ...
    @property
    def status(self) -> StatusCode: ...
    @property
    def message(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def solution(self) -> str: ...
    @property
    def advice(self) -> ErrorAdvice: ...
    @property
    def index(self) -> int: ...
    def explain(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class ErrorBody:
    @property
    def error_code(self) -> str | None: ...
    @property
    def error_msg(self) -> str | None: ...
    @property
    def error_ext_msg(self) -> str | None: ...
    @property
    def request_id(self) -> str | None: ...
    @property
    def catalogue(self) -> CatalogueEntry | None: ...
    def __eq__(self, other: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

@final
class RetryPolicy:
    def __new__(
        cls,
        *,
        max_attempts: int | None = None,
        jitter: Jitter | str | None = None,
        base_transient_ms: int | None = None,
        base_throttle_ms: int | None = None,
        base_busy_ms: int | None = None,
        cap_ms: int | None = None,
        max_retry_after_s: int | None = None,
    ) -> Self: ...
    def replace(
        self,
        *,
        max_attempts: int = ...,
        jitter: Jitter | str = ...,
        base_transient_ms: int = ...,
        base_throttle_ms: int = ...,
        base_busy_ms: int = ...,
        cap_ms: int = ...,
        max_retry_after_s: int = ...,
    ) -> RetryPolicy: ...
    def __replace__(self, **changes: Any) -> RetryPolicy: ...
    @property
    def max_attempts(self) -> int: ...
    @property
    def jitter(self) -> Jitter: ...
    @property
    def base_transient_ms(self) -> int: ...
    @property
    def base_throttle_ms(self) -> int: ...
    @property
    def base_busy_ms(self) -> int: ...
    @property
    def cap_ms(self) -> int: ...
    @property
    def max_retry_after_s(self) -> int: ...
    def backoff_ms(
        self, category: RetryCategory | str, retry: int, random: float, previous_ms: int | None = None
    ) -> int: ...
    def step(
        self,
        status: _Code,
        *,
        attempt: int,
        retry_after: _Text | None = None,
        error_code: _Text | None = None,
        idempotent: bool | None = None,
        now: _Now = None,
        random: float | None = None,
        previous_delay_ms: int | None = None,
        time_left: float | timedelta | None = None,
        unreplayable_body: bool = False,
        budget: RetryBudget | None = None,
        validate: bool = False,
    ) -> RetryStep: ...
    def _attempt_step(
        self,
        status: int,
        attempt: int,
        idempotent: bool,
        retry_after: _Text | None,
        body: bytes | None,
        previous_delay_ms: int | None,
        /,
    ) -> RetryStep: ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class RetryBudget:
    def __new__(
        cls,
        *,
        capacity: int | None = None,
        retry_cost: int | None = None,
        throttle_cost: int | None = None,
        tokens: int | None = None,
    ) -> Self: ...
    @property
    def tokens(self) -> int: ...
    @property
    def capacity(self) -> int: ...
    @property
    def retry_cost(self) -> int: ...
    @property
    def throttle_cost(self) -> int: ...
    def record_success(self, last_step: RetryStep | None = None) -> int: ...

@final
class RetryStep:
    @property
    def action(self) -> StepAction: ...
    @property
    def is_retry(self) -> bool: ...
    @property
    def gave_up(self) -> bool: ...
    def exhausted_message(self, message: str) -> str: ...
    @property
    def delay_ms(self) -> int: ...
    @property
    def delay(self) -> float: ...
    @property
    def category(self) -> RetryCategory | None: ...
    @property
    def reason(self) -> RetryReason: ...
    @property
    def tokens_after(self) -> int | None: ...
    @property
    def attempt(self) -> int: ...
    @property
    def max_attempts(self) -> int: ...
    @property
    def status(self) -> int: ...
    @property
    def retry_after(self) -> int | None: ...
    @property
    def catalogue(self) -> CatalogueEntry | None: ...
    def __eq__(self, value: object, /) -> bool: ...
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
def parse_error_body(body: _Text) -> ErrorBody: ...
def reseed_random_unit() -> None: ...
def http_error(
    code: SupportsIndex,
    headers: Iterable[tuple[Any, Any]] | None = None,
    body: _Text | None = None,
    now: _Now = None,
    idempotent: bool | None = None,
    retry_after: _Text | None = None,
    request_id: _Text | None = None,
) -> tuple[
    str,
    Lookup,
    int | None,
    Decision,
    Any,
    str | None,
    str | None,
    str | None,
    str | None,
    CatalogueEntry | None,
]: ...
def error_message(kind: str, input: str | bytes) -> str: ...
def cli(
    argv: Sequence[str | bytes], stdin: BinaryIO | None = None
) -> tuple[bytes, bytes, int]: ...
