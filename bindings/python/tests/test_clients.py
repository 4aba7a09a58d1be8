"""Real HTTP clients against a local server on 127.0.0.1 (the ``server`` fixture).

requests, httpx, urllib3, urllib (``urlopen`` and its ``HTTPError``) and aiohttp:
404, 429 with Retry-After in seconds and as an HTTP-date, 503 and 200; the request id
and the request method reach the error. Error bodies: each client's body is read as
``body_of`` documents, and the caller can still read it whole afterwards; a stream of
unknown length (chunked) is never read.
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
from conftest import RETRY_DATE, RETRY_DATE_NOW, error_body
from dcs_status import (
    CatalogueEntry,
    DcsHTTPError,
    RetryAction,
    RetryPolicy,
    RetryReason,
    StatusCode,
    araise_for_status,
    body_of,
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


#: A "try again later" code on 400: retried (busy) only if the body is read.
BUSY = "DCS.4111"
BUSY_PATH = f"/400?error_code={BUSY}&request_id=req-busy"
CHUNKED_PATH = BUSY_PATH + "&chunked=1"


def _error_of(response, **kwargs):
    with pytest.raises(dcs_status.BadRequest) as info:
        raise_for_status(response, **kwargs)
    return info.value


def _check_read(err):
    """The error has the body's fields, and the code-aware decision."""
    assert (err.error_code, err.error_msg) == (BUSY, f"message of {BUSY}")
    assert err.catalogue is CatalogueEntry.lookup(BUSY)
    assert err.request_id == "req-busy"
    assert err.decision.action is RetryAction.RETRY_WITH_BACKOFF  # even for a bare 400
    assert str(err).startswith(f"400 Bad Request, DCS name BadRequest: {BUSY} ")


def _check_unread(err):
    assert (err.error_code, err.catalogue) == (None, None)
    assert err.decision.action is RetryAction.DO_NOT_RETRY


def test_requests_bodies_are_read_as_the_client_holds_them(server):
    with requests.Session() as session:
        response = session.get(server + BUSY_PATH, timeout=10)
        _check_read(_error_of(response))
        step = RetryPolicy().step(response, attempt=1, random=0.5)
        assert (step.reason, step.catalogue) == (RetryReason.BUSY, CatalogueEntry.lookup(BUSY))
        # stream=True with a declared small length: read through content, still usable.
        with session.get(server + BUSY_PATH, timeout=10, stream=True) as streamed:
            _check_read(_error_of(streamed))
            assert streamed.json()["error_code"] == BUSY
            assert b"".join(streamed.iter_content(7)) == error_body(BUSY)
        # stream=True, chunked: the length is unknown, so nothing is read.
        with session.get(server + CHUNKED_PATH, timeout=10, stream=True) as chunked:
            _check_unread(_error_of(chunked))
            assert b"".join(chunked.iter_content(7)) == error_body(BUSY)
            assert RetryPolicy().step(chunked, attempt=1).reason is RetryReason.STATUS


def test_httpx_bodies_are_read_as_the_client_holds_them(server):
    with httpx.Client(timeout=10) as client:
        _check_read(_error_of(client.get(server + BUSY_PATH)))
        with client.stream("GET", server + BUSY_PATH) as streamed:
            _check_read(_error_of(streamed))
            assert streamed.json()["error_code"] == BUSY
        with client.stream("GET", server + CHUNKED_PATH) as chunked:
            _check_unread(_error_of(chunked))
            assert b"".join(chunked.iter_bytes()) == error_body(BUSY)


def test_urllib3_bodies_are_read_only_when_preloaded(server):
    with urllib3.PoolManager() as pool:
        _check_read(_error_of(pool.request("GET", server + BUSY_PATH, retries=False, timeout=10)))
        response = pool.request("GET", server + BUSY_PATH, retries=False, timeout=10, preload_content=False)
        try:
            _check_unread(_error_of(response))
            assert body_of(response) is None
            assert response.read() == error_body(BUSY)  # the stream is still the caller's
        finally:
            response.release_conn()


@pytest.mark.parametrize("path", [BUSY_PATH, CHUNKED_PATH], ids=["length", "chunked"])
def test_urllib_bodies_are_peeked_never_consumed(server, path):
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(server + path, timeout=10)
    with info.value as http_error:
        _check_read(_error_of(http_error))
        assert http_error.read() == error_body(BUSY)  # the whole body, still


def test_aiohttp_bodies_are_read_when_the_caller_has_read_them_or_by_araise_for_status(server):
    async def fetch():
        async with aiohttp.ClientSession() as session:
            async with session.get(server + BUSY_PATH) as response:
                _check_unread(_error_of(response))  # sync: nothing read yet, nothing to await
                with pytest.raises(dcs_status.BadRequest) as info:
                    await araise_for_status(response)
                _check_read(info.value)
                assert (await response.json())["error_code"] == BUSY  # still readable
            async with session.get(server + BUSY_PATH) as response:
                await response.read()
                _check_read(_error_of(response))
            async with session.get(server + CHUNKED_PATH) as response:
                with pytest.raises(dcs_status.BadRequest) as info:
                    await araise_for_status(response)
                _check_unread(info.value)
                assert await response.read() == error_body(BUSY)

    asyncio.run(fetch())


def test_httpx_async_streams_are_read_by_araise_for_status(server):
    async def fetch():
        async with httpx.AsyncClient(timeout=10) as client:
            async with client.stream("GET", server + BUSY_PATH) as response:
                _check_unread(_error_of(response))
                with pytest.raises(dcs_status.BadRequest) as info:
                    await araise_for_status(response)
                _check_read(info.value)
                assert response.json()["error_code"] == BUSY
            response = await client.get(server + BUSY_PATH)
            with pytest.raises(dcs_status.BadRequest) as info:
                await araise_for_status(response)
            _check_read(info.value)
            assert await araise_for_status(await client.get(server + "/200")) is not None

    asyncio.run(fetch())


def test_a_body_given_wins_over_the_response(server):
    with requests.Session() as session:
        response = session.get(server + "/400", timeout=10)
    err = _error_of(response, body=error_body(BUSY))
    assert err.error_code == BUSY and err.response is response
