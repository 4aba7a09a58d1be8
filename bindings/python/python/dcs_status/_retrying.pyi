import logging
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any, Final, TypeVar, Union

from typing_extensions import TypeAlias

from . import DcsHTTPError
from ._native import RetryBudget, RetryPolicy, RetryStep

#: How a retrying client waits, given seconds (an async client awaits what it returns).
_Sleep: TypeAlias = Callable[[float], object]
#: Now, as Unix seconds.
_Clock: TypeAlias = Callable[[], float]
#: A draw in [0, 1).
_Random: TypeAlias = Callable[[], float]
#: Seconds the whole request may take, retries included.
_Deadline: TypeAlias = Union[float, timedelta, None]

LOGGER: Final[logging.Logger]
NO_RESPONSE: Final[int]

class Exchange:
    connection_errors: tuple[type[BaseException], ...]
    @staticmethod
    def no_response(exc: BaseException) -> bool: ...
    replayable: bool
    def rewind(self) -> None: ...

class Retrier:
    policy: RetryPolicy
    budget: RetryBudget | None
    sleep: _Sleep | None
    clock: _Clock | None
    random: _Random | None
    deadline: float | None
    raise_on_exhausted: bool
    plain: bool
    def __init__(
        self,
        policy: RetryPolicy | None = None,
        budget: RetryBudget | None = None,
        *,
        sleep: _Sleep | None = None,
        clock: _Clock | None = None,
        random: _Random | None = None,
        deadline: _Deadline = None,
        raise_on_exhausted: bool = True,
    ) -> None: ...
    def run(
        self, exchange: Exchange, attempts: Any = None, raise_on_exhausted: bool | None = None
    ) -> Any: ...
    async def arun(self, exchange: Exchange) -> Any: ...
    def now(self) -> float | None: ...
    def elapsed_clock(self) -> _Clock: ...

def is_idempotent(method: str | bytes) -> bool: ...

_E = TypeVar("_E", bound=DcsHTTPError)

def with_steps(err: _E, steps: Sequence[RetryStep]) -> _E: ...
