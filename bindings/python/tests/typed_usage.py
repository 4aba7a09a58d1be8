"""Typed usage of dcs_status: `mypy --strict` checks this file against the stubs.

It is also run by tests/test_api.py (``test_the_typed_usage_example_runs``), so every
line here is both type-checked and executed.
"""

from __future__ import annotations

import asyncio
import http
import time
import urllib.error
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import dcs_status
import dcs_status.aiohttp
import dcs_status.httpx
import dcs_status.requests
import httpx
from dcs_status import (
    BadRequest,
    CatalogueEntry,
    ClientError,
    DcsHTTPError,
    Decision,
    ErrorAdvice,
    ErrorBody,
    ErrorKind,
    InvalidUtf8Error,
    Jitter,
    Lookup,
    LookupKind,
    RetryAction,
    RetryAdvice,
    RetryAfterError,
    RetryBudget,
    RetryCategory,
    RetryInputError,
    RetryInputErrorKind,
    RetryPolicy,
    RetryReason,
    RetryStep,
    StatusClass,
    StatusCode,
    StepAction,
    TooManyRequests,
    UnknownErrorCodeError,
    araise_for_status,
    decide,
    from_name,
    lookup,
    parse_error_body,
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


def advice_of(code: str | bytes) -> ErrorAdvice | None:
    try:
        entry: CatalogueEntry = CatalogueEntry.lookup(code)
    except UnknownErrorCodeError as err:
        assert err.kind is ErrorKind.UNKNOWN_ERROR_CODE
        return None
    status: StatusCode = entry.status
    assert status.is_error and entry.message and entry.solution and entry.explain()
    return entry.advice


def code_of(body: bytes) -> str | None:
    parsed: ErrorBody = parse_error_body(body)
    entry: CatalogueEntry | None = parsed.catalogue
    return parsed.error_code if entry is None else entry.code


def send_with_retries(send: Callable[[], httpx.Response], policy: RetryPolicy, budget: RetryBudget) -> int:
    """A retry loop: one step per failed attempt, sleeping the step's delay."""
    attempt, previous = 1, 0
    last: RetryStep | None = None
    while True:
        response = send()
        if response.status_code < 400:
            budget.record_success(last)  # refunds the last retry's cost
            return response.status_code
        step = last = policy.step(response, attempt=attempt, previous_delay_ms=previous, budget=budget)
        if not step.is_retry:
            return response.status_code
        action: StepAction = step.action
        category: RetryCategory | None = step.category
        reason: RetryReason = step.reason
        assert action is StepAction.RETRY and category is not None and reason.is_retry
        time.sleep(step.delay)
        attempt, previous = attempt + 1, step.delay_ms


def policy_error(max_attempts: int, cap_ms: int) -> RetryInputErrorKind | None:
    try:
        RetryPolicy(max_attempts=max_attempts, cap_ms=cap_ms)
    except RetryInputError as err:
        return err.kind
    return None


async def check_async(response: httpx.Response) -> str | None:
    try:
        await araise_for_status(response)
    except BadRequest as err:
        return err.error_code
    return None


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

    assert advice_of("dcs.4111") is ErrorAdvice.RETRY_LATER and advice_of(b"APIGW.0308") is None
    assert code_of(b'{"error_code":"DCS.4855"}') == "DCS.4855" and code_of(b"<html>") is None
    body = b'{"error_code":"DCS.4111","error_msg":"the instance is restarting."}'
    busy = httpx.Response(400, content=body, headers={"X-Request-Id": "r-2"}, request=request)
    try:
        raise_for_status(busy)
    except BadRequest as err:
        assert err.error_code == "DCS.4111" and err.request_id == "r-2"
        assert err.catalogue is not None and err.catalogue.advice is ErrorAdvice.RETRY_LATER
    assert asyncio.run(check_async(busy)) == "DCS.4111"

    policy = RetryPolicy(max_attempts=2, jitter=Jitter.NONE, base_busy_ms=1, cap_ms=1_000)
    assert policy.replace(jitter="equal").jitter is Jitter.EQUAL
    budget = RetryBudget(capacity=100)
    replies = iter([busy, httpx.Response(204, request=request)])
    assert send_with_retries(lambda: next(replies), policy, budget) == 204
    assert budget.tokens == 100
    step = policy.step(503, attempt=1, retry_after="2", time_left=timedelta(seconds=1))
    assert step.reason is RetryReason.DEADLINE and str(step).endswith("(deadline)")
    assert policy_error(0, 5_000) is RetryInputErrorKind.NO_ATTEMPTS
    assert policy_error(3, 5_000) is None

    retrying_clients()


def retrying_clients() -> None:
    """The retrying clients, typed: an httpx transport over a mock transport (one
    429, then 200), requests' adapter and session, aiohttp's middleware, and the
    SDK-style helpers."""
    from dcs_status.retrying import acall, call, retrying

    answers = iter([429, 200])

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(next(answers), headers={"Retry-After": "1"}, request=request)

    slept: list[float] = []
    transport = dcs_status.httpx.RetryTransport(
        httpx.MockTransport(reply), policy=RetryPolicy(), sleep=slept.append, clock=lambda: 0.0
    )
    with httpx.Client(transport=transport) as client:
        assert client.get("http://dcs.invalid/v2/instances").status_code == 200
    assert slept == [1.0]
    asynchronous = dcs_status.httpx.AsyncRetryTransport(deadline=timedelta(seconds=30))
    assert asynchronous.retrier.deadline == 30.0

    adapter = dcs_status.requests.RetryAdapter(budget=RetryBudget(), pool_maxsize=4)
    with dcs_status.requests.session(RetryPolicy(max_attempts=2), random=lambda: 0.5) as session:
        session.mount("https://dcs.invalid", adapter)
    middleware = dcs_status.aiohttp.RetryMiddleware(raise_on_exhausted=False)
    assert not middleware.retrier.raise_on_exhausted

    codes = iter([503, 204])

    @retrying(idempotent=True, sleep=lambda seconds: None)
    def delete() -> int:
        return int(raise_for_status(next(codes), {"Retry-After": "1"}))

    assert delete() == 204
    try:
        call(raise_for_status, 404)
    except DcsHTTPError as err:
        steps: tuple[RetryStep, ...] = err.steps
        assert steps[-1].reason is RetryReason.STATUS and not steps[-1].gave_up

    async def fetch(code: int) -> int:
        return int(raise_for_status(code))

    assert asyncio.run(acall(fetch, 200)) == 200


if __name__ == "__main__":
    main()
