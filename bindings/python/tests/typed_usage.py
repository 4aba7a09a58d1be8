"""Typed usage of dcs_status: `mypy --strict` checks this file against the stubs.

It is also run by tests/test_api.py (``test_the_typed_usage_example_runs``), so every
line here is both type-checked and executed.
"""

from __future__ import annotations

import http
import urllib.error
from datetime import datetime, timezone

import dcs_status
import httpx
from dcs_status import (
    ClientError,
    DcsHTTPError,
    Decision,
    ErrorKind,
    InvalidUtf8Error,
    Lookup,
    LookupKind,
    RetryAction,
    RetryAdvice,
    RetryAfterError,
    StatusClass,
    StatusCode,
    TooManyRequests,
    decide,
    from_name,
    lookup,
    parse_retry_after,
    raise_for_status,
)


def describe(code: int) -> str:
    found: Lookup = lookup(code)
    status: StatusCode = found.status
    kind: LookupKind = found.kind
    cls: StatusClass = found.status_class
    advice: RetryAdvice = status.retry_advice
    return f"{found.code} {kind.value} {status.phrase} {cls.value} {advice.explanation}"


def as_int(status: StatusCode) -> int:
    return status + 0  # an IntEnum member is an int


def delay_of(value: str | bytes, now: float | datetime | None = None) -> int | None:
    try:
        return parse_retry_after(value, now)
    except RetryAfterError as err:
        kind: ErrorKind = err.kind
        assert kind.is_retry_after and str(err).endswith(kind.message)
        return None
    except InvalidUtf8Error as err:
        assert err.kind is ErrorKind.INVALID_UTF8
        return None


def retry_delay(response: httpx.Response) -> float | None:
    decision: Decision = decide(response, idempotent=response.request.method == "GET")
    if decision.action is RetryAction.RETRY_AFTER:
        return decision.delay
    return 1.0 if decision.should_retry else None


def check(response: httpx.Response) -> httpx.Response:
    checked: httpx.Response = raise_for_status(response)
    return checked


def check_urllib(err: urllib.error.HTTPError) -> int | None:
    try:
        raise_for_status(err)
    except TooManyRequests as too_many:
        return too_many.retry_after
    except DcsHTTPError as other:
        cls: type[DcsHTTPError] | None = dcs_status.error_class(other.code)
        return None if cls is None else other.code
    return None


def request_id_of(err: DcsHTTPError) -> str | None:
    request_id = err.request_id
    return request_id.decode("ascii", "replace") if isinstance(request_id, bytes) else request_id


def main() -> None:
    assert describe(404).startswith("404 documented Not Found")
    assert as_int(StatusCode.NOT_FOUND) == http.HTTPStatus.NOT_FOUND
    assert from_name("not found") is StatusCode.NOT_FOUND
    assert StatusCode.from_name(b"Gateway Time-out") is StatusCode.SERVER_TIMEOUT
    assert delay_of("120") == 120
    assert delay_of("soon") is None
    assert delay_of(b"\xff") is None
    then = datetime(1994, 11, 6, 8, 49, 37, tzinfo=timezone.utc)
    assert delay_of("Sun, 06 Nov 1994 08:51:37 GMT", then) == 120
    request = httpx.Request("GET", "http://127.0.0.1/")
    response = httpx.Response(429, headers={"Retry-After": "7", "X-Request-Id": "r-1"}, request=request)
    assert retry_delay(response) == 7
    assert check(httpx.Response(200, request=request)).status_code == 200
    try:
        check(response)
    except ClientError as err:
        assert isinstance(err, TooManyRequests)
        assert err.retry_after == 7 and err.status.dcs_name == "TooManyRequests"
        assert err.STATUS is StatusCode.TOO_MANY_REQUESTS
        assert request_id_of(err) == "r-1"
        decision: Decision = err.decision
        assert decision.action is RetryAction.RETRY_AFTER and str(decision) == "retry_after 7s"
    else:
        raise AssertionError("429 did not raise")
    status_class: StatusClass = StatusCode.SERVER_TIMEOUT.status_class
    assert status_class.is_error and status_class.base_code == 500


if __name__ == "__main__":
    main()
