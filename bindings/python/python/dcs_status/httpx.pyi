import httpx

from ._native import RetryBudget, RetryPolicy
from ._retrying import Retrier, _Clock, _Deadline, _Random, _Sleep

__all__ = ["AsyncRetryTransport", "RetryTransport"]

class RetryTransport(httpx.BaseTransport):
    transport: httpx.BaseTransport
    retrier: Retrier
    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        *,
        policy: RetryPolicy | None = None,
        budget: RetryBudget | None = None,
        sleep: _Sleep | None = None,
        clock: _Clock | None = None,
        random: _Random | None = None,
        deadline: _Deadline = None,
        raise_on_exhausted: bool = True,
    ) -> None: ...
    def handle_request(self, request: httpx.Request) -> httpx.Response: ...
    def close(self) -> None: ...

class AsyncRetryTransport(httpx.AsyncBaseTransport):
    transport: httpx.AsyncBaseTransport
    retrier: Retrier
    def __init__(
        self,
        transport: httpx.AsyncBaseTransport | None = None,
        *,
        policy: RetryPolicy | None = None,
        budget: RetryBudget | None = None,
        sleep: _Sleep | None = None,
        clock: _Clock | None = None,
        random: _Random | None = None,
        deadline: _Deadline = None,
        raise_on_exhausted: bool = True,
    ) -> None: ...
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response: ...
    async def aclose(self) -> None: ...
