from collections.abc import Iterable, Mapping
from email.message import Message
from typing import Any, Protocol, SupportsIndex, Union

from typing_extensions import TypeAlias

class _StatusCodeResponse(Protocol):
    @property
    def status_code(self) -> int: ...

class _StatusResponse(Protocol):
    @property
    def status(self) -> int: ...

class _CodeResponse(Protocol):
    @property
    def code(self) -> int: ...

#: A status code, or a response object that has one.
_Code: TypeAlias = Union[SupportsIndex, _StatusCodeResponse, _StatusResponse, _CodeResponse]
#: Headers: any mapping, an ``email.message.Message``, or (name, value) pairs.
_Headers: TypeAlias = Union[Mapping[Any, Any], Message, Iterable[tuple[Any, Any]]]

def status_of(response: _Code) -> int: ...
def headers_of(response: object) -> Any: ...
def header_value(headers: _Headers | None, name: str) -> str | bytes | None: ...
def header_of(response: object, name: str) -> str | bytes | None: ...
def method_of(response: object) -> str | bytes | None: ...
