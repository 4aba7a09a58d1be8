"""Real HTTP clients against a local server on 127.0.0.1 (the ``server`` fixture).

requests, httpx, urllib3, urllib (``urlopen`` and its ``HTTPError``) and aiohttp:
404, 429 with Retry-After in seconds and as an HTTP-date, 503 and 200; the request id
and the request method reach the error.
"""

import asyncio
import urllib.error
import urllib.request
from urllib.parse import quote

import aiohttp
import dcs_status
import httpx
import pytest
import requests
import urllib3
from conftest import RETRY_DATE, RETRY_DATE_NOW
from dcs_status import (
    DcsHTTPError,
    RetryAction,
    StatusCode,
    decide,
    lookup,
    raise_for_status,
    retry_after_of,
)

#: (path, expected class, expected Retry-After seconds at RETRY_DATE_NOW)
CASES = [
    ("/404?request_id=req-404", dcs_status.NotFound, None),
    ("/429?retry_after=120", dcs_status.TooManyRequests, 120),
    (f"/429?retry_after={quote(RETRY_DATE)}", dcs_status.TooManyRequests, 90),
    ("/503", dcs_status.ServiceUnavailable, None),
    ("/503?retry_after=30", dcs_status.ServiceUnavailable, 30),
]
IDS = ["404", "429-seconds", "429-http-date", "503", "503-retry-after"]


def _check_error(response, expected, delay):
    with pytest.raises(expected) as info:
        raise_for_status(response, now=RETRY_DATE_NOW)
    err = info.value
    assert isinstance(err, DcsHTTPError)
    assert err.status is expected.STATUS and err.code == expected.STATUS.value
    assert err.retry_after == delay
    assert err.response is response
    assert err.request_id == ("req-404" if err.code == 404 else None)
    assert err.decision == decide(response, now=RETRY_DATE_NOW)
    assert retry_after_of(response, now=RETRY_DATE_NOW) == delay
    decision = decide(response, now=RETRY_DATE_NOW)
    if delay is not None:
        assert (decision.action, decision.delay) == (RetryAction.RETRY_AFTER, delay)
    assert lookup(response).status is expected.STATUS


@pytest.mark.parametrize(("path", "expected", "delay"), CASES, ids=IDS)
def test_requests_responses_raise_typed_errors(server, path, expected, delay):
    with requests.Session() as session:
        response = session.get(server + path, timeout=10)
    _check_error(response, expected, delay)


def test_requests_200_passes_through(server):
    with requests.Session() as session:
        response = session.get(server + "/200", timeout=10)
    assert raise_for_status(response) is response
    assert lookup(response).status is StatusCode.OK


@pytest.mark.parametrize(("path", "expected", "delay"), CASES, ids=IDS)
def test_httpx_responses_raise_typed_errors(server, path, expected, delay):
    with httpx.Client(timeout=10) as client:
        response = client.get(server + path)
    _check_error(response, expected, delay)


def test_httpx_200_passes_through(server):
    with httpx.Client(timeout=10) as client:
        response = client.get(server + "/200")
    assert raise_for_status(response) is response


@pytest.mark.parametrize(("path", "expected", "delay"), CASES, ids=IDS)
def test_urllib3_responses_raise_typed_errors(server, path, expected, delay):
    with urllib3.PoolManager() as pool:
        response = pool.request("GET", server + path, retries=False, timeout=10)
    _check_error(response, expected, delay)


def test_urllib3_200_passes_through(server):
    with urllib3.PoolManager() as pool:
        response = pool.request("GET", server + "/200", retries=False, timeout=10)
    assert raise_for_status(response) is response


@pytest.mark.parametrize(("path", "expected", "delay"), CASES, ids=IDS)
def test_urllib_http_errors_raise_typed_errors(server, path, expected, delay):
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(server + path, timeout=10)
    with info.value as http_error:
        _check_error(http_error, expected, delay)


def test_urllib_200_passes_through(server):
    with urllib.request.urlopen(server + "/200", timeout=10) as response:
        assert raise_for_status(response) is response
        assert lookup(response).status is StatusCode.OK
        assert response.read() == b"status 200\n"


@pytest.mark.parametrize(("path", "expected", "delay"), CASES, ids=IDS)
def test_aiohttp_responses_raise_typed_errors(server, path, expected, delay):
    async def fetch():
        async with aiohttp.ClientSession() as session, session.get(server + path) as response:
            await response.read()
            _check_error(response, expected, delay)

    asyncio.run(fetch())


def test_the_done_when_example(server):
    """The issue's acceptance: requests.get(429 url) raises TooManyRequests with the delay."""
    with pytest.raises(dcs_status.TooManyRequests) as info:
        raise_for_status(requests.get(server + "/429?retry_after=120", timeout=10))
    assert info.value.retry_after == 120


@pytest.mark.parametrize(
    ("method", "expected"),
    [("GET", RetryAction.RETRY_WITH_BACKOFF), ("POST", RetryAction.DO_NOT_RETRY)],
)
def test_a_502_is_retried_only_for_an_idempotent_request_method(server, method, expected):
    with requests.Session() as session:
        response = session.request(method, server + "/502", timeout=10)
    assert dcs_status.method_of(response) == method
    assert decide(response).action is expected
    with pytest.raises(dcs_status.BadGateway) as info:
        raise_for_status(response)
    assert info.value.decision.action is expected
    assert decide(response, idempotent=True).action is RetryAction.RETRY_WITH_BACKOFF


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_httpx_and_aiohttp_responses_carry_their_request_method(server, method):
    with httpx.Client(timeout=10) as client:
        assert dcs_status.method_of(client.request(method, server + "/504")) == method

    async def fetch():
        async with (
            aiohttp.ClientSession() as session,
            session.request(method, server + "/504") as response,
        ):
            return dcs_status.method_of(response), decide(response).action

    got_method, action = asyncio.run(fetch())
    assert got_method == method
    assert action is (RetryAction.RETRY_WITH_BACKOFF if method == "GET" else RetryAction.DO_NOT_RETRY)
