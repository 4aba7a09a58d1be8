"""The pyo3 module over the Rust core (see crates/dcs-status-py)."""

from collections.abc import Sequence
from datetime import datetime
from typing import BinaryIO, Final, SupportsIndex, Union, final

from typing_extensions import Self, TypeAlias

from . import LookupKind, RetryAction, RetryAdvice, StatusClass, StatusCode
from ._adapters import _Code

_Now: TypeAlias = Union[int, float, datetime, None]

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
    "Lookup",
    "Decision",
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
def http_error(
    code: SupportsIndex,
    retry_after: str | bytes | None = None,
    request_id: str | bytes | None = None,
    now: _Now = None,
    idempotent: bool | None = None,
) -> tuple[str, Lookup, int | None, Decision]: ...
def error_message(kind: str, input: str | bytes) -> str: ...
def cli(
    argv: Sequence[str | bytes], stdin: BinaryIO | None = None
) -> tuple[bytes, bytes, int]: ...
