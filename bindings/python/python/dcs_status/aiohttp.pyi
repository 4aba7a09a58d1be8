from typing import Any

import aiohttp

from ._native import RetryBudget, RetryPolicy
from ._retrying import Retrier, _Clock, _Deadline, _Random, _Sleep

__all__ = ["RetryMiddleware", "session"]

class RetryMiddleware:
    retrier: Retrier
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
    async def __call__(
        self, request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
    ) -> aiohttp.ClientResponse: ...

def session(
    policy: RetryPolicy | None = None,
    budget: RetryBudget | None = None,
    *,
    sleep: _Sleep | None = None,
    clock: _Clock | None = None,
    random: _Random | None = None,
    deadline: _Deadline = None,
    raise_on_exhausted: bool = True,
    **session_options: Any,
) -> aiohttp.ClientSession: ...
