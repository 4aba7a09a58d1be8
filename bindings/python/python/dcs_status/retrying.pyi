from collections.abc import Awaitable, Callable
from typing import Any, Final, TypeVar, overload

from typing_extensions import ParamSpec

from ._native import RetryBudget, RetryPolicy
from ._retrying import _Clock, _Deadline, _Random, _Sleep

__all__ = ["acall", "call", "retrying"]

_P = ParamSpec("_P")
_T = TypeVar("_T")

CONNECTION_ERRORS: Final[tuple[type[BaseException], ...]]

def call(
    fn: Callable[..., _T],
    /,
    *args: Any,
    policy: RetryPolicy | None = None,
    budget: RetryBudget | None = None,
    idempotent: bool = False,
    sleep: _Sleep | None = None,
    clock: _Clock | None = None,
    random: _Random | None = None,
    deadline: _Deadline = None,
    connection_errors: tuple[type[BaseException], ...] = ...,
    **kwargs: Any,
) -> _T: ...
async def acall(
    fn: Callable[..., Awaitable[_T]],
    /,
    *args: Any,
    policy: RetryPolicy | None = None,
    budget: RetryBudget | None = None,
    idempotent: bool = False,
    sleep: _Sleep | None = None,
    clock: _Clock | None = None,
    random: _Random | None = None,
    deadline: _Deadline = None,
    connection_errors: tuple[type[BaseException], ...] = ...,
    **kwargs: Any,
) -> _T: ...
@overload
def retrying(fn: Callable[_P, _T], /) -> Callable[_P, _T]: ...
@overload
def retrying(
    fn: None = None,
    /,
    *,
    policy: RetryPolicy | None = None,
    budget: RetryBudget | None = None,
    idempotent: bool = False,
    sleep: _Sleep | None = None,
    clock: _Clock | None = None,
    random: _Random | None = None,
    deadline: _Deadline = None,
    connection_errors: tuple[type[BaseException], ...] = ...,
) -> Callable[[Callable[_P, _T]], Callable[_P, _T]]: ...
