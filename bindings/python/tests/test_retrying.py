"""The retrying clients against the scripted server on 127.0.0.1 (issue 11).

Every scenario of tests/vectors/client_scenarios.json runs through each integration:
``dcs_status.requests`` (a Session with the adapter), ``dcs_status.httpx`` (sync and
async transports), ``dcs_status.aiohttp`` (the middleware) and
``dcs_status.retrying.call`` (an SDK-style function over ``http.client`` that raises
``DcsHTTPError``). The clock, the random draw and the sleep are injected, so nothing
waits and the delays are the vector's. Each case checks the requests the server
received (method and body of every attempt), the delays slept, each step's reason and
log line (the records of the ``dcs_status`` logger, with their extras) and what the
caller got. Then what the scenarios do not cover: bodies that cannot be replayed,
``raise_on_exhausted=False``, the budget, the deadline, the default async sleep and
the optional imports.
"""

import asyncio
import http.client
import importlib.util
import logging
import pickle
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import dcs_status
import dcs_status.aiohttp
import dcs_status.httpx
import dcs_status.requests
import httpx
import pytest
import requests
from dcs_status import (
    DcsHTTPError,
    RetryBudget,
    RetryPolicy,
    RetryReason,
    method_is_idempotent,
    parse_error_body,
    raise_for_status,
)
from dcs_status.retrying import acall, call, retrying

#: tests/clients/scripted_server.py at the repository root, imported by path.
_SCRIPTED_PATH = Path(__file__).resolve().parents[3] / "tests" / "clients" / "scripted_server.py"
_spec = importlib.util.spec_from_file_location("scripted_server", _SCRIPTED_PATH)
scripted = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scripted)

DOCUMENT = scripted.load()
SCENARIOS = DOCUMENT["scenarios"]
NOW = DOCUMENT["now"]
DRAW = DOCUMENT["random"]


@pytest.fixture(scope="module")
def base_url():
    """The scripted server's base URL."""
    with scripted.serve() as url:
        yield url


@pytest.fixture
def logs(caplog):
    """The records of the ``dcs_status`` logger, every level."""
    caplog.set_level(logging.DEBUG, logger="dcs_status")
    return caplog


class Run:
    """One run of a scenario: its URL, its injected settings and what it slept."""

    def __init__(self, base_url, scenario):
        self.base_url = base_url
        self.scenario = scenario
        self.run = uuid.uuid4().hex
        self.url = f"{base_url}/scenario/{scenario['name']}/{self.run}"
        self.sleeps = []
        body = scenario["request_body"]
        self.body = None if body is None else body.encode("utf-8")

    def sleep(self, seconds):
        self.sleeps.append(seconds)

    def settings(self, **overrides):
        settings = {"sleep": self.sleep, "clock": lambda: NOW, "random": lambda: DRAW}
        settings.update(overrides)
        return settings

    def received(self):
        url = f"{self.base_url}/received/{self.scenario['name']}/{self.run}"
        return requests.get(url, timeout=10).json()


# Each client: runs the scenario, returns ("response", status, body text),
# ("http_error", the error) or ("connection_error", the exception).


def with_requests(run):
    with dcs_status.requests.session(**run.settings()) as session:
        try:
            response = session.request(run.scenario["method"], run.url, data=run.body, timeout=10)
        except DcsHTTPError as err:
            return "http_error", err
        except requests.ConnectionError as exc:
            return "connection_error", exc
        return "response", response.status_code, response.text


def with_httpx(run):
    transport = dcs_status.httpx.RetryTransport(**run.settings())
    with httpx.Client(transport=transport, timeout=10) as client:
        try:
            response = client.request(run.scenario["method"], run.url, content=run.body)
        except DcsHTTPError as err:
            return "http_error", err
        except httpx.TransportError as exc:
            return "connection_error", exc
        return "response", response.status_code, response.text


def with_httpx_async(run):
    async def main():
        transport = dcs_status.httpx.AsyncRetryTransport(**run.settings())
        async with httpx.AsyncClient(transport=transport, timeout=10) as client:
            try:
                response = await client.request(run.scenario["method"], run.url, content=run.body)
            except DcsHTTPError as err:
                return "http_error", err
            except httpx.TransportError as exc:
                return "connection_error", exc
            return "response", response.status_code, response.text

    return asyncio.run(main())


def with_aiohttp(run):
    async def main():
        async with dcs_status.aiohttp.session(**run.settings()) as session:
            try:
                async with session.request(run.scenario["method"], run.url, data=run.body) as response:
                    return "response", response.status, await response.text()
            except DcsHTTPError as err:
                return "http_error", err
            except aiohttp.ClientConnectionError as exc:
                return "connection_error", exc

    return asyncio.run(main())


def sdk_request(run):
    """An SDK-style call over ``http.client``: the body on success, ``DcsHTTPError``
    (``raise_for_status``) for an error response."""
    url = urlsplit(run.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        connection.request(run.scenario["method"], url.path, body=run.body)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    raise_for_status(response.status, response.headers, body=body)
    return response.status, body.decode("utf-8")


def with_call(run):
    idempotent = method_is_idempotent(run.scenario["method"])
    try:
        status, text = call(sdk_request, run, idempotent=idempotent, **run.settings())
    except DcsHTTPError as err:
        # An SDK raises for every error response: retried out, or not retried at all.
        return ("http_error", err) if err.steps[-1].gave_up else ("response", err.code, None)
    except ConnectionError as exc:
        return "connection_error", exc
    return "response", status, text


CLIENTS = {
    "requests": with_requests,
    "httpx": with_httpx,
    "httpx-async": with_httpx_async,
    "aiohttp": with_aiohttp,
    "call": with_call,
}


def final_body(scenario, received):
    """The body of the response the server sent last."""
    responses = scenario["responses"]
    return responses[min(received, len(responses)) - 1].get("body")


@pytest.mark.parametrize("client", CLIENTS)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_every_client_plays_every_scenario_as_the_vector_says(base_url, logs, client, scenario):
    run = Run(base_url, scenario)
    expected = scenario["expected"]
    outcome = CLIENTS[client](run)

    received = run.received()
    sent = {"method": scenario["method"], "body": scenario["request_body"]}
    assert received == [sent] * expected["requests"]
    assert [round(seconds * 1000) for seconds in run.sleeps] == expected["sleeps_ms"]

    if client == "call" and expected["reasons"][-1] == RetryReason.NOT_AN_ERROR.value:
        # An SDK call's return value has no status: no step for it.
        expected = {**expected, "log_lines": expected["log_lines"][:-1], "reasons": expected["reasons"][:-1]}
    records = [r for r in logs.records if r.name == "dcs_status"]
    assert [r.getMessage() for r in records] == expected["log_lines"]
    assert [r.reason for r in records] == expected["reasons"]
    retries = len(expected["sleeps_ms"])
    finals = len(records) - retries
    assert [r.levelno for r in records] == [logging.INFO] * retries + [logging.DEBUG] * finals
    assert [r.attempt for r in records] == list(range(1, len(records) + 1))
    assert [r.delay_ms for r in records] == expected["sleeps_ms"] + [0] * finals
    for record, answer in zip(records, scenario["responses"]):
        if answer.get("reset"):
            assert (record.request_id, record.error_code) == (None, None)
            continue
        headers = dict(answer["headers"])
        assert record.request_id == headers.get("X-Request-Id")
        error_code = parse_error_body(answer["body"]).error_code if answer["status"] >= 400 else None
        assert record.error_code == error_code

    want = expected["outcome"]
    assert outcome[0] == want["kind"]
    if want["kind"] == "response":
        assert outcome[1] == want["status"]
        if outcome[2] is not None:  # the caller reads the final body whole
            assert outcome[2] == final_body(scenario, expected["requests"])
    elif want["kind"] == "http_error":
        err = outcome[1]
        assert isinstance(err, dcs_status.error_class(want["status"]))
        assert err.code == want["status"]
        assert [str(step) for step in err.steps] == expected["log_lines"]
        assert [step.reason.value for step in err.steps] == expected["reasons"]
        assert err.steps[-1].gave_up
        # The traceback says why it ended: each step's line is a note, as on a
        # connection error (the message is the response's, whose decision alone
        # would still say "retry").
        assert getattr(err, "__notes__", [])[-len(expected["log_lines"]) :] == expected["log_lines"]
        # ... and its message ends with why, as Go's does.
        why = expected["log_lines"][-1].removeprefix("do not retry: ")
        assert str(err).endswith(f"; retries exhausted: {why}")
        assert err.request_id == dict(scenario["responses"][expected["requests"] - 1]["headers"]).get(
            "X-Request-Id"
        )
        if client != "call":
            assert err.response is not None
    else:
        notes = getattr(outcome[1], "__notes__", [])
        assert notes[-len(expected["log_lines"]) :] == expected["log_lines"]


def scenario_named(name):
    return next(s for s in SCENARIOS if s["name"] == name)


def busy_scenario():
    """A POST the vector retries (DCS.4111 twice, then 200)."""
    return scenario_named("dcs-4111-busy-post")


def exhausted_scenario():
    """The scenario whose retries run out."""
    return next(s for s in SCENARIOS if s["expected"]["outcome"]["kind"] == "http_error")


# Bodies that cannot be sent again: no retry, and the response is the caller's.


def check_sent_once(run, logs, status):
    """One request, no sleep, the step's reason unreplayable_body (not "gave up": the
    request itself rules the retry out), and the caller got the response."""
    scenario = run.scenario
    assert run.received() == [{"method": scenario["method"], "body": scenario["request_body"]}]
    assert run.sleeps == []
    assert status == scenario["responses"][0]["status"]
    (record,) = logs.records
    assert record.reason == RetryReason.UNREPLAYABLE_BODY.value and record.replayable is False
    assert record.levelno == logging.DEBUG


def test_requests_never_retries_a_generator_body(base_url, logs):
    run = Run(base_url, busy_scenario())
    with dcs_status.requests.session(**run.settings()) as session:
        response = session.post(run.url, data=iter([run.body]), timeout=10)
    check_sent_once(run, logs, response.status_code)
    first = busy_scenario()["responses"][0]["body"]
    assert response.json()["error_code"] == parse_error_body(first).error_code  # read whole by the caller


def test_requests_rewinds_a_file_body_for_each_retry(base_url, tmp_path):
    run = Run(base_url, busy_scenario())
    path = tmp_path / "body.json"
    path.write_bytes(run.body)
    with dcs_status.requests.session(**run.settings()) as session, path.open("rb") as file:
        response = session.post(run.url, data=file, timeout=10)
    assert response.status_code == 200
    assert [r["body"] for r in run.received()] == [busy_scenario()["request_body"]] * 3


def test_httpx_never_retries_an_iterator_body(base_url, logs):
    run = Run(base_url, busy_scenario())
    transport = dcs_status.httpx.RetryTransport(**run.settings())
    with httpx.Client(transport=transport, timeout=10) as client:
        response = client.post(run.url, content=iter([run.body]))
    check_sent_once(run, logs, response.status_code)


def test_httpx_async_never_retries_an_async_iterator_body(base_url, logs):
    run = Run(base_url, busy_scenario())

    async def body():
        yield run.body

    async def main():
        transport = dcs_status.httpx.AsyncRetryTransport(**run.settings())
        async with httpx.AsyncClient(transport=transport, timeout=10) as client:
            return (await client.post(run.url, content=body())).status_code

    check_sent_once(run, logs, asyncio.run(main()))


def test_aiohttp_never_retries_an_async_iterator_body(base_url, logs):
    run = Run(base_url, busy_scenario())

    async def body():
        yield run.body

    async def main():
        async with dcs_status.aiohttp.session(**run.settings()) as session, session.post(
            run.url, data=body()
        ) as response:
            return response.status

    check_sent_once(run, logs, asyncio.run(main()))


# raise_on_exhausted=False: the last response, not an error.


def test_every_client_returns_the_last_response_when_told_not_to_raise(base_url):
    scenario = exhausted_scenario()
    status = scenario["expected"]["outcome"]["status"]
    run = Run(base_url, scenario)
    with dcs_status.requests.session(**run.settings(raise_on_exhausted=False)) as session:
        response = session.request(scenario["method"], run.url, data=run.body, timeout=10)
    assert response.status_code == status
    assert response.text == final_body(scenario, scenario["expected"]["requests"])

    run = Run(base_url, scenario)
    transport = dcs_status.httpx.RetryTransport(**run.settings(raise_on_exhausted=False))
    with httpx.Client(transport=transport, timeout=10) as client:
        assert client.request(scenario["method"], run.url, content=run.body).status_code == status

    run = Run(base_url, scenario)

    async def main():
        settings = run.settings(raise_on_exhausted=False)
        async with dcs_status.aiohttp.session(**settings) as session, session.request(
            scenario["method"], run.url, data=run.body
        ) as response:
            return response.status

    assert asyncio.run(main()) == status
    assert len(run.received()) == scenario["expected"]["requests"]


# The budget: retries draw from it, a success records itself.


def test_a_shared_budget_pays_for_retries_and_a_success_refunds_them(base_url):
    scenario = busy_scenario()
    budget = RetryBudget()
    full = budget.tokens
    run = Run(base_url, scenario)
    with dcs_status.requests.session(budget=budget, **run.settings()) as session:
        assert session.post(run.url, data=run.body, timeout=10).status_code == 200
    # Two retries paid, the last one refunded: the same as the core's loop.
    policy = RetryPolicy()
    reference = RetryBudget()
    steps = [
        policy.step(400, attempt=n, error_code="DCS.4111", random=DRAW, budget=reference, previous_delay_ms=p)
        for n, p in ((1, None), (2, 1000))
    ]
    reference.record_success(steps[-1])
    assert budget.tokens == reference.tokens < full


def test_a_budget_that_cannot_pay_stops_the_retries(base_url, logs):
    scenario = busy_scenario()
    run = Run(base_url, scenario)
    with pytest.raises(dcs_status.BadRequest) as info:
        call(sdk_request, run, budget=RetryBudget(tokens=0), **run.settings())
    assert info.value.steps[-1].reason is RetryReason.BUDGET_EXHAUSTED
    assert len(run.received()) == 1


def test_a_first_time_success_adds_a_token(base_url):
    budget = RetryBudget(tokens=100)
    run = Run(base_url, scenario_named("429-retry-after-seconds"))
    with dcs_status.requests.session(budget=budget, **run.settings()) as session:
        session.get(f"{base_url}/received/{run.scenario['name']}/{run.run}", timeout=10)
    assert budget.tokens == 101


# The deadline: no retry whose delay would end past it.


def test_a_deadline_stops_a_retry_whose_delay_would_end_past_it(base_url, logs):
    scenario = scenario_named("429-retry-after-seconds")
    delay_ms = scenario["expected"]["sleeps_ms"][0]
    run = Run(base_url, scenario)
    deadline = timedelta(milliseconds=delay_ms - 1)
    with dcs_status.requests.session(deadline=deadline, **run.settings()) as session, pytest.raises(
        dcs_status.TooManyRequests
    ) as info:
        session.get(run.url, timeout=10)
    assert [step.reason for step in info.value.steps] == [RetryReason.DEADLINE]
    assert run.sleeps == [] and len(run.received()) == 1


def test_the_deadline_counts_the_time_already_spent(base_url):
    scenario = busy_scenario()
    run = Run(base_url, scenario)
    clock = [float(NOW)]

    def sleep(seconds):  # the clock moves only while sleeping
        run.sleep(seconds)
        clock[0] += seconds

    first, second = scenario["expected"]["sleeps_ms"]
    deadline = timedelta(milliseconds=first + second - 1)  # both delays, less one millisecond
    with pytest.raises(dcs_status.BadRequest) as info:
        call(sdk_request, run, **run.settings(sleep=sleep, clock=lambda: clock[0], deadline=deadline))
    assert [step.reason for step in info.value.steps] == [RetryReason.BUSY, RetryReason.DEADLINE]
    assert [round(seconds * 1000) for seconds in run.sleeps] == [first]


# Async code sleeps with asyncio.sleep unless told otherwise.


def test_async_clients_sleep_with_asyncio_sleep_by_default(base_url, monkeypatch):
    slept = []

    async def recording_sleep(seconds):
        slept.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", recording_sleep)
    scenario = scenario_named("500-get-retried")
    expected = [ms / 1000 for ms in scenario["expected"]["sleeps_ms"]]
    settings = {"clock": lambda: NOW, "random": lambda: DRAW}

    async def main():
        run = Run(base_url, scenario)
        transport = dcs_status.httpx.AsyncRetryTransport(**settings)
        async with httpx.AsyncClient(transport=transport, timeout=10) as client:
            assert (await client.get(run.url)).status_code == 200
        run = Run(base_url, scenario)
        async with dcs_status.aiohttp.session(**settings) as session, session.get(run.url) as response:
            assert response.status == 200

        sdk_run = Run(base_url, scenario)

        async def sdk():
            return await asyncio.to_thread(sdk_request, sdk_run)

        assert (await acall(sdk, idempotent=True, **settings))[0] == 200

    asyncio.run(main())
    assert [seconds for seconds in slept if seconds] == expected * 3  # the clients' own sleep(0)s aside


def test_an_async_client_awaits_an_injected_async_sleep(base_url):
    slept = []

    async def async_sleep(seconds):
        slept.append(seconds)

    run = Run(base_url, scenario_named("500-get-retried"))

    async def main():
        transport = dcs_status.httpx.AsyncRetryTransport(**run.settings(sleep=async_sleep))
        async with httpx.AsyncClient(transport=transport, timeout=10) as client:
            return (await client.get(run.url)).status_code

    assert asyncio.run(main()) == 200
    assert [round(s * 1000) for s in slept] == scenario_named("500-get-retried")["expected"]["sleeps_ms"]


# The decorator and the SDK-style call.


def test_the_decorator_retries_sync_and_async_functions(base_url):
    scenario = busy_scenario()
    run = Run(base_url, scenario)

    @retrying(**run.settings())
    def create():
        return sdk_request(run)

    assert create()[0] == 200
    assert create.__name__ == "create"

    async_run = Run(base_url, scenario)

    @retrying(**async_run.settings())
    async def acreate():
        return await asyncio.to_thread(sdk_request, async_run)

    assert asyncio.run(acreate())[0] == 200
    assert run.sleeps == async_run.sleeps == [ms / 1000 for ms in scenario["expected"]["sleeps_ms"]]


def test_call_does_not_retry_a_server_error_unless_told_it_is_idempotent(base_url):
    scenario = scenario_named("500-get-retried")
    run = Run(base_url, scenario)
    with pytest.raises(dcs_status.InternalServerError) as info:
        call(sdk_request, run, **run.settings())
    assert [step.reason for step in info.value.steps] == [RetryReason.NOT_IDEMPOTENT]
    assert not info.value.steps[-1].gave_up


def test_errors_raised_without_retrying_have_no_steps():
    assert DcsHTTPError(404).steps == ()


def test_an_exhausted_error_pickles_without_its_steps(base_url):
    scenario = exhausted_scenario()
    run = Run(base_url, scenario)
    with pytest.raises(DcsHTTPError) as info:
        call(sdk_request, run, idempotent=True, **run.settings())
    assert len(info.value.steps) == scenario["expected"]["requests"]
    copy = pickle.loads(pickle.dumps(info.value))
    assert (type(copy), str(copy), copy.steps) == (type(info.value), str(info.value), ())


def test_a_request_without_settings_asks_the_core_once_and_logs_it(base_url, logs):
    with dcs_status.requests.session() as session:
        assert session.get(f"{base_url}/received/{SCENARIOS[0]['name']}/{uuid.uuid4().hex}").ok
    (record,) = logs.records
    assert (record.reason, record.attempt) == (RetryReason.NOT_AN_ERROR.value, 1)
    assert record.levelno == logging.DEBUG
    assert record.getMessage() == str(RetryPolicy().step(200, attempt=1))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario["name"])
def test_the_positional_step_of_the_clients_is_the_step(scenario):
    # The loop's fast path (no clock, draw, deadline or budget) asks the core with
    # RetryPolicy._attempt_step, giving it the error body as read; it must take every
    # decision RetryPolicy.step takes given that body's error code.
    policy = RetryPolicy(jitter="none")  # no draw: the delays are comparable
    idempotent = method_is_idempotent(scenario["method"])
    for response in (r for r in scenario["responses"] if "status" in r):
        status, body = response["status"], response["body"].encode()
        retry_after = next((v for k, v in response["headers"] if k.lower() == "retry-after"), None)
        error_code = parse_error_body(body).error_code if dcs_status.lookup(status).is_error else None
        for attempt in (1, 2, 3):
            for previous in (None, 1000):
                fast = policy._attempt_step(status, attempt, idempotent, retry_after, body, previous)
                step = policy.step(
                    status,
                    attempt=attempt,
                    idempotent=idempotent,
                    retry_after=retry_after,
                    error_code=error_code,
                    previous_delay_ms=previous,
                )
                assert (fast, str(fast)) == (step, str(step))


def test_bad_settings_are_refused_when_the_client_is_made():
    with pytest.raises(TypeError, match="RetryPolicy"):
        dcs_status.requests.RetryAdapter(policy="3 attempts")
    with pytest.raises(TypeError, match="RetryBudget"):
        dcs_status.httpx.RetryTransport(budget=10)
    with pytest.raises(ValueError, match="deadline"):
        dcs_status.aiohttp.RetryMiddleware(deadline=-1)
    with pytest.raises(ValueError, match="deadline"):
        retrying(deadline=timedelta(seconds=-1))


# Optional imports.


def test_importing_dcs_status_imports_no_http_client():
    code = (
        "import sys, dcs_status, dcs_status.retrying\n"
        "dcs_status.RetryPolicy().step(503, attempt=1)\n"
        "print(sorted({'requests', 'httpx', 'aiohttp', 'urllib3'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("client", ["requests", "httpx", "aiohttp"])
def test_an_integration_without_its_client_says_what_to_install(client):
    code = (
        f"import sys\nsys.modules[{client!r}] = None\n"
        f"try:\n    import dcs_status.{client}\n"
        "except ImportError as err:\n    print(err)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert f"pip install {client}" in result.stdout


def test_the_scenarios_cover_every_outcome():
    kinds = {s["expected"]["outcome"]["kind"] for s in SCENARIOS}
    assert kinds == {"response", "http_error", "connection_error"}
