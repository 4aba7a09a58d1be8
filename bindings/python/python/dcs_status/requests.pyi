import requests
from requests.adapters import HTTPAdapter

from ._native import RetryBudget, RetryPolicy
from ._retrying import Retrier, _Clock, _Deadline, _Random, _Sleep

__all__ = ["RetryAdapter", "session"]

class RetryAdapter(HTTPAdapter):
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
        pool_connections: int = ...,
        pool_maxsize: int = ...,
        pool_block: bool = ...,
    ) -> None: ...

def session(
    policy: RetryPolicy | None = None,
    budget: RetryBudget | None = None,
    *,
    sleep: _Sleep | None = None,
    clock: _Clock | None = None,
    random: _Random | None = None,
    deadline: _Deadline = None,
    raise_on_exhausted: bool = True,
) -> requests.Session: ...
