"""The pyo3 module over the Rust core (see crates/dcs-status-py)."""

from collections.abc import Sequence
from datetime import datetime
from typing import BinaryIO, Final, SupportsIndex, Union

from typing_extensions import TypeAlias

_Now: TypeAlias = Union[int, float, datetime, None]

__all__ = [
    "VERSION",
    "TABLE",
    "CLASSES",
    "RETRY_ADVICES",
    "KINDS",
    "ACTIONS",
    "RETRY_AFTER_ERRORS",
    "lookup",
    "from_name",
    "parse_retry_after",
    "decide",
    "table_json",
    "table_text",
    "explain",
    "method_is_idempotent",
    "cli",
]

VERSION: Final[str]
TABLE: Final[tuple[tuple[int, str, str, str, str, str, str], ...]]
CLASSES: Final[tuple[tuple[str, int, bool], ...]]
RETRY_ADVICES: Final[tuple[tuple[str, str], ...]]
KINDS: Final[tuple[str, ...]]
ACTIONS: Final[tuple[str, ...]]
RETRY_AFTER_ERRORS: Final[tuple[tuple[str, str], ...]]

def lookup(code: SupportsIndex) -> tuple[str, str, int]: ...
def from_name(name: str | bytes) -> int: ...
def parse_retry_after(value: str | bytes, now: _Now = None) -> int: ...
def decide(
    code: SupportsIndex,
    retry_after: str | bytes | None = None,
    now: _Now = None,
    idempotent: bool = False,
) -> tuple[str, int | None, str]: ...
def table_json() -> str: ...
def table_text() -> str: ...
def explain(query: str) -> str: ...
def method_is_idempotent(method: str | bytes) -> bool: ...
def cli(
    argv: Sequence[str | bytes], stdin: BinaryIO | None = None
) -> tuple[bytes, bytes, int]: ...
