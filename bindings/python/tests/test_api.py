"""What the Python layer adds to the core: Python types (enums, pyclasses, exceptions),
their equality, pickling and names, the laziness of the heavy parts, and the docs.

What the core answers is tested once, by the shared vectors (test_vectors.py); what
any input does to the host, by test_bad_input.py.
"""

import builtins
import copy
import datetime
import doctest
import http
import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import dcs_status
import dcs_status._adapters
import dcs_status._native
import dcs_status.aiohttp
import dcs_status.httpx
import dcs_status.requests
import dcs_status.retrying
import pytest
from dcs_status import (
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
    NotAStatusCodeError,
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
    ServerError,
    StatusClass,
    StatusCode,
    StepAction,
    UnknownErrorCodeError,
    UnknownNameError,
    _native,
    decide,
    error_class,
    from_name,
    lookup,
    parse_error_body,
    parse_retry_after,
    raise_for_status,
    retry_after_of,
)

REPO = Path(__file__).resolve().parents[3]


def test_status_code_is_the_table_of_the_cores_canonical_json():
    stdout, _, code = _native.cli(["list", "--json"])
    assert code == 0
    entries = json.loads(stdout)
    assert [entry["code"] for entry in entries] == [member.value for member in StatusCode]
    for entry, member in zip(entries, StatusCode):
        assert entry == {
            "code": member.value,
            "name": member.dcs_name,
            "ident": member.name,
            "phrase": member.phrase,
            "class": member.status_class.value,
            "retry": member.retry_advice.value,
            "description": member.description,
        }


def test_status_code_equals_http_status_and_works_as_an_int():
    assert StatusCode.NOT_FOUND == http.HTTPStatus.NOT_FOUND == 404
    assert StatusCode(404) is StatusCode.NOT_FOUND is StatusCode["NOT_FOUND"]
    assert StatusCode(http.HTTPStatus.NOT_FOUND) is StatusCode.NOT_FOUND
    assert StatusCode.NOT_FOUND + 1 == 405
    assert {404: "x"}[StatusCode.NOT_FOUND] == "x"
    assert (str(StatusCode.OK), f"{StatusCode.OK}", f"{StatusCode.OK:>5}") == ("200", "200", "  200")
    assert repr(StatusCode.OK) == "<StatusCode.OK: 200>"
    shared = [member for member in StatusCode if member.name in http.HTTPStatus.__members__]
    assert shared
    for member in shared:
        assert member == http.HTTPStatus[member.name]


#: HTTPStatus's predicates (Python 3.12+), and the first digit each stands for.
PREDICATES = {
    "is_informational": 1,
    "is_success": 2,
    "is_redirection": 3,
    "is_client_error": 4,
    "is_server_error": 5,
}


@pytest.mark.parametrize("predicate", PREDICATES)
def test_class_predicates_agree_with_http_status(predicate):
    peers = [(m, http.HTTPStatus(m.value)) for m in StatusCode if m.value in set(http.HTTPStatus)]
    assert peers
    for member, peer in peers:
        # HTTPStatus has the predicates from Python 3.12; before, their definition.
        expected = getattr(peer, predicate, peer.value // 100 == PREDICATES[predicate])
        assert getattr(member, predicate) is expected, (member, predicate)
    for member in StatusCode:
        assert getattr(member, predicate) is (member.status_class.base_code // 100 == PREDICATES[predicate])
        assert member.is_error is member.status_class.is_error


def test_status_code_rejects_values_outside_the_table_like_any_enum():
    with pytest.raises(ValueError, match="418 is not a valid StatusCode"):
        StatusCode(418)
    with pytest.raises(ValueError, match="is not a valid StatusCode"):
        StatusCode("404")
    with pytest.raises(KeyError):
        StatusCode["I_AM_A_TEAPOT"]


#: Every enum of the package.
ENUMS = (
    StatusCode,
    StatusClass,
    RetryAdvice,
    LookupKind,
    RetryAction,
    ErrorKind,
    ErrorAdvice,
    Jitter,
    RetryCategory,
    RetryReason,
    StepAction,
    RetryInputErrorKind,
)


def test_enum_members_survive_pickle_and_copy():
    for enum in ENUMS:
        for member in enum:
            assert pickle.loads(pickle.dumps(member)) is member
            assert copy.deepcopy(member) is member
        assert enum.__module__ == "dcs_status"


@pytest.mark.parametrize(
    ("enum", "rows"),
    [
        (StatusClass, _native.CLASSES),
        (RetryAdvice, _native.RETRY_ADVICES),
        (LookupKind, _native.LOOKUP_KINDS),
        (RetryAction, _native.ACTIONS),
        (ErrorKind, _native.ERROR_KINDS),
        (ErrorAdvice, _native.ERROR_ADVICES),
        (Jitter, _native.JITTERS),
        (RetryCategory, _native.RETRY_CATEGORIES),
        (RetryReason, _native.RETRY_REASONS),
        (StepAction, _native.STEP_ACTIONS),
        (RetryInputErrorKind, _native.RETRY_INPUT_ERRORS),
    ],
)
def test_str_enums_are_the_cores_names(enum, rows):
    names = [row if isinstance(row, str) else row[0] for row in rows]
    assert [member.value for member in enum] == names
    for member in enum:
        assert member == member.value == str(member) == f"{member}"
        assert member.name == member.value.upper()


def test_str_enum_extras_are_the_cores():
    assert [(c.base_code, c.is_error) for c in StatusClass] == [row[1:] for row in _native.CLASSES]
    assert [a.explanation for a in RetryAdvice] == [row[1] for row in _native.RETRY_ADVICES]
    assert [(k.message, k.is_retry_after) for k in ErrorKind] == [row[1:] for row in _native.ERROR_KINDS]
    for enum, rows in [
        (ErrorAdvice, _native.ERROR_ADVICES),
        (Jitter, _native.JITTERS),
        (RetryCategory, _native.RETRY_CATEGORIES),
        (StepAction, _native.STEP_ACTIONS),
    ]:
        assert [m.explanation for m in enum] == [row[1] for row in rows]
    assert [(r.explanation, r.is_retry) for r in RetryReason] == [row[1:] for row in _native.RETRY_REASONS]
    assert [k.message for k in RetryInputErrorKind] == [row[1] for row in _native.RETRY_INPUT_ERRORS]


def test_lookup_is_a_frozen_value_with_the_cores_text():
    teapot = lookup(418)
    assert (teapot.code, teapot.kind, teapot.status, teapot.documented) == (
        418, LookupKind.UNRECOGNIZED, StatusCode.BAD_REQUEST, None)
    assert (teapot.status_class, teapot.retry_advice, teapot.is_error) == (
        StatusClass.CLIENT_ERROR, RetryAdvice.MODIFY_REQUEST, True)
    assert lookup(404).documented is StatusCode.NOT_FOUND
    assert str(teapot) == teapot.explain().splitlines()[0]
    assert teapot.explain().encode() == _native.cli(["418"])[0]
    assert Lookup(418) == teapot and hash(Lookup(418)) == hash(teapot)
    assert lookup(418) != lookup(419) and lookup(418) != 418
    assert pickle.loads(pickle.dumps(teapot)) == teapot
    assert repr(lookup(700)) == (
        "Lookup(code=700, kind=<LookupKind.INVALID: 'invalid'>, "
        "status=<StatusCode.INTERNAL_SERVER_ERROR: 500>)")
    assert lookup(StatusCode.NOT_FOUND) == lookup(404) == lookup(http.HTTPStatus.NOT_FOUND)
    with pytest.raises(AttributeError):
        teapot.code = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        type("Sub", (Lookup,), {})


def test_decision_is_a_frozen_value_with_the_cores_text():
    d = decide(429, "120", 0)
    assert (d.action, d.delay, d.should_retry) == (RetryAction.RETRY_AFTER, 120, True)
    assert str(d) == "retry_after 120s"
    assert d == Decision(RetryAction.RETRY_AFTER, 120) == Decision("retry_after", 120)
    assert hash(d) == hash(decide(429, b"120", 0))
    assert repr(d) == "Decision(action=<RetryAction.RETRY_AFTER: 'retry_after'>, delay=120)"
    assert pickle.loads(pickle.dumps(d)) == d
    for action in RetryAction:
        assert Decision(action, 5 if action is RetryAction.RETRY_AFTER else None).action is action
    for bad in [("retry_after", None), ("do_not_retry", 5), ("retry_later", None)]:
        with pytest.raises(ValueError, match=r"RETRY_AFTER|RetryAction"):
            Decision(*bad)
    with pytest.raises(AttributeError):
        d.delay = 1  # type: ignore[misc]


def test_decide_reads_a_response_unless_told():
    class Request:
        method = "GET"

    class Response:
        status_code = 503
        request = Request()

        def __init__(self):
            self.headers = {"retry-after": "7"}

    assert decide(Response(), now=0) == Decision(RetryAction.RETRY_AFTER, 7)
    assert decide(Response(), "9", now=0).delay == 9
    Response.status_code = 502
    assert decide(Response()).action is RetryAction.RETRY_WITH_BACKOFF
    assert decide(Response(), idempotent=False).action is RetryAction.DO_NOT_RETRY
    assert decide(502).action is RetryAction.DO_NOT_RETRY  # a bare code: method unknown


def test_value_errors_carry_the_cores_kind_and_message_and_pickle():
    cases = [
        (lookup, 42, NotAStatusCodeError, "not_a_status_code"),
        (from_name, "teapot", UnknownNameError, "unknown_name"),
        (parse_retry_after, "soon", RetryAfterError, "retry_after_invalid_date"),
        (from_name, b"\xff", InvalidUtf8Error, "invalid_utf8"),
    ]
    errors = []
    for call, arg, cls, kind in cases:
        with pytest.raises(cls) as info:
            call(arg)
        err = info.value
        errors.append(err)
        assert err.kind is ErrorKind(kind)
        assert type(err).__module__ == "dcs_status"
        again = pickle.loads(pickle.dumps(err))
        assert (type(again), again.kind, str(again), again.args) == (type(err), err.kind, str(err), err.args)
    not_a_code, unknown, retry_after, utf8 = errors
    assert not_a_code.code == 42 and unknown.name == "teapot"
    assert retry_after.value == "soon" and utf8.value == b"\xff"
    assert str(unknown) == _native.error_message("unknown_name", "teapot")  # not KeyError's repr
    assert isinstance(unknown, UnknownNameError) and isinstance(unknown, KeyError)


def test_retry_after_error_kinds_are_the_retry_after_group():
    assert {kind for kind in ErrorKind if kind.is_retry_after} == {
        kind for kind in ErrorKind if kind.value.startswith("retry_after_")}
    for value in ("", "-1", "soon", "Thu, 31 Nov 1994 08:49:37 GMT"):
        with pytest.raises(RetryAfterError) as info:
            parse_retry_after(value, 0)
        assert info.value.kind.is_retry_after


def test_http_error_carries_the_fields_of_gos_error():
    with pytest.raises(dcs_status.TooManyRequests) as info:
        raise_for_status(429, {"RETRY-AFTER": "120", "x-request-id": "req-1"}, now=0)
    err = info.value
    assert isinstance(err, ClientError) and isinstance(err, DcsHTTPError)
    assert (err.code, err.status, err.kind) == (429, StatusCode.TOO_MANY_REQUESTS, LookupKind.DOCUMENTED)
    assert (err.retry_after, err.retry_after_header, err.request_id) == (120, "120", "req-1")
    assert err.decision == Decision(RetryAction.RETRY_AFTER, 120)
    assert err.response is None
    assert str(err) == _native.http_error(429, retry_after="120", request_id="req-1", now=0)[0]
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is type(err) and again.args == err.args
    fields = (again.code, again.retry_after, again.request_id, again.decision)
    assert fields == (429, 120, "req-1", err.decision)


def test_http_errors_of_codes_the_table_lacks():
    with pytest.raises(ClientError) as info:
        raise_for_status(418)
    assert type(info.value) is ClientError and info.value.status is StatusCode.BAD_REQUEST
    assert str(info.value).startswith(str(lookup(418)))
    with pytest.raises(ServerError) as info:
        raise_for_status(777, [("Retry-After", "soon")])
    assert (info.value.retry_after, info.value.retry_after_header) == (None, "soon")
    assert info.value.kind is LookupKind.INVALID
    assert raise_for_status(StatusCode.OK) is StatusCode.OK
    with pytest.raises(NotAStatusCodeError):
        raise_for_status(42)


def test_catalogue_entries_are_made_once_and_are_frozen_values():
    entry = CatalogueEntry.lookup("DCS.4111")
    assert entry is CatalogueEntry("dcs.4111") is CatalogueEntry.lookup(b" DCS. 4111 ")
    assert CatalogueEntry.all()[entry.index] is entry and CatalogueEntry.all() is CatalogueEntry.all()
    assert (entry.status, entry.advice) == (StatusCode.BAD_REQUEST, ErrorAdvice.RETRY_LATER)
    assert str(entry) == "DCS.4111: the instance is restarting."
    assert entry.explain().encode() == _native.cli(["DCS.4111"])[0]
    assert repr(entry) == "CatalogueEntry('DCS.4111')" and eval(repr(entry)) is entry
    assert pickle.loads(pickle.dumps(entry)) is entry and copy.deepcopy(entry) is entry
    assert {entry: 1}[CatalogueEntry.lookup("DCS.4111")] == 1 and entry != CatalogueEntry("DCS.4855")
    assert [e.code for e in CatalogueEntry.all()][:2] == [CatalogueEntry.all()[i].code for i in (0, 1)]
    with pytest.raises(AttributeError):
        entry.code = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        type("Sub", (CatalogueEntry,), {})
    with pytest.raises(UnknownErrorCodeError) as info:
        CatalogueEntry.lookup("DCS.9999")
    err = info.value
    assert isinstance(err, KeyError) and err.kind is ErrorKind.UNKNOWN_ERROR_CODE and err.code == "DCS.9999"
    assert str(err) == _native.error_message("unknown_error_code", "DCS.9999")
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), again.kind, str(again)) == (type(err), err.kind, str(err))


def test_error_bodies_are_frozen_values():
    text = '{"error_code":"DCS.4111","error_msg":"m","request_id":"r"}'
    body = parse_error_body(text)
    assert isinstance(body, ErrorBody) and body == parse_error_body(text.encode())
    assert body != parse_error_body("{}") and body != text
    fields = (body.error_code, body.error_msg, body.error_ext_msg, body.request_id)
    assert fields == ("DCS.4111", "m", None, "r")
    assert body.catalogue is CatalogueEntry.lookup("DCS.4111")
    assert parse_error_body('{"error_code":"APIGW.0308"}').catalogue is None
    assert repr(body) == "ErrorBody(error_code='DCS.4111', error_msg='m', error_ext_msg=None, request_id='r')"
    with pytest.raises(AttributeError):
        body.error_code = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ErrorBody()  # type: ignore[call-arg]


def test_http_errors_read_headers_and_bodies_as_one_error():
    body = b'{"error_code":"DCS.4062","error_msg":"Invalid instance_id parameter in the request."}'
    headers = [("Retry-After", "5"), ("x-openstack-request-id", "os-1"), ("RETRY-AFTER", "99")]
    err = DcsHTTPError(400, headers=headers, body=body, now=0)
    assert (err.retry_after, err.retry_after_header, err.request_id) == (5, "5", "os-1")
    assert err.retry_after_header is headers[0][1]  # the value as given
    assert (err.error_code, err.error_ext_msg) == ("DCS.4062", None)
    assert err.catalogue.advice is ErrorAdvice.FIX_REQUEST
    assert err.decision.action is RetryAction.DO_NOT_RETRY
    said = '; server message "Invalid instance_id parameter in the request."; request id "os-1"'
    assert str(err).endswith(said)
    # The X-Request-Id given first wins over the headers' own, and over the body's.
    assert DcsHTTPError(400, None, b" id-1 ", headers={"X-Request-Id": "id-2"}).request_id == "id-1"
    again = pickle.loads(pickle.dumps(err))
    assert (again.catalogue, again.error_code, str(again)) == (err.catalogue, err.error_code, str(err))
    with pytest.raises(TypeError, match="headers must be"):
        DcsHTTPError(400, headers=42)
    with pytest.raises(TypeError):
        DcsHTTPError(400, body=42)


def test_retry_policies_are_frozen_validated_values():
    policy = RetryPolicy()
    assert policy == RetryPolicy(**{name: getattr(policy, name) for name in _policy_fields()})
    assert repr(policy).startswith("RetryPolicy(max_attempts=3, jitter=<Jitter.FULL: 'full'>, ")
    patient = policy.replace(max_attempts=6, jitter=Jitter.EQUAL)
    assert (patient.max_attempts, patient.jitter, patient.cap_ms) == (6, Jitter.EQUAL, policy.cap_ms)
    assert patient != policy and hash(patient) == hash(RetryPolicy(max_attempts=6, jitter="equal"))
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(patient, protocol)) == patient
    assert copy.copy(patient) == patient == copy.deepcopy(patient)
    if hasattr(copy, "replace"):  # Python 3.13
        assert copy.replace(policy, cap_ms=30_000) == policy.replace(cap_ms=30_000)
    with pytest.raises(AttributeError):
        policy.cap_ms = 1  # type: ignore[misc]
    with pytest.raises(TypeError, match="unexpected keyword argument 'caps'"):
        policy.replace(caps=1)
    with pytest.raises(TypeError):
        RetryPolicy(3)  # type: ignore[misc]
    for bad, kind, value in [
        ({"max_attempts": 0}, "no_attempts", 0),
        ({"cap_ms": 49}, "cap_below_base", 49),
        ({"base_busy_ms": 20_001}, "cap_below_base", 20_000),
        ({"jitter": "Full"}, "unknown_jitter", "Full"),
    ]:
        with pytest.raises(RetryInputError) as info:
            RetryPolicy(**bad)
        assert (info.value.kind, info.value.value) == (RetryInputErrorKind(kind), value)
        # The core's message for the kind about the value: the jitter name quoted.
        assert str(info.value) == _native.error_message(kind, str(value))
        assert isinstance(info.value, ValueError)
    for bad, error, match in [
        ({"max_attempts": -1}, ValueError, "max_attempts must be an integer from 0 to 4294967295"),
        ({"cap_ms": 2**64}, ValueError, "cap_ms must be an integer from 0 to 18446744073709551615"),
        ({"cap_ms": 1.5}, TypeError, "cap_ms must be an int, not float"),
        ({"jitter": 1}, TypeError, "jitter must be a Jitter or its name"),
    ]:
        with pytest.raises(error, match=match):
            RetryPolicy(**bad)


def _policy_fields():
    return ("max_attempts", "jitter", "base_transient_ms", "base_throttle_ms", "base_busy_ms", "cap_ms",
            "max_retry_after_s")


def test_retry_steps_are_frozen_values_with_the_cores_log_line():
    policy = RetryPolicy()
    step = policy.step(400, attempt=1, error_code=b"DCS.4111", random=0.37)
    assert isinstance(step, RetryStep) and step.is_retry and step.action is StepAction.RETRY
    decision = (step.delay_ms, step.delay, step.category, step.reason)
    assert decision == (740, 0.74, RetryCategory.BUSY, RetryReason.BUSY)
    assert (step.attempt, step.max_attempts, step.status, step.retry_after) == (1, 3, 400, None)
    assert step.catalogue is CatalogueEntry.lookup("DCS.4111") and step.tokens_after is None
    assert str(step) == "retry 1 of 2 in 740 ms: DCS.4111 says try again later (busy)"
    assert step == policy.step(400, attempt=1, error_code="DCS.4111", random=0.37)
    assert hash(step) == hash(policy.step(400, attempt=1, error_code="DCS.4111", random=0.37))
    assert repr(step) == (
        "RetryStep(action=<StepAction.RETRY: 'retry'>, delay_ms=740, category=<RetryCategory.BUSY: 'busy'>, "
        "reason=<RetryReason.BUSY: 'busy'>, tokens_after=None)")
    stop = policy.step(StatusCode.NOT_FOUND, attempt=1)
    assert (stop.is_retry, stop.delay, stop.category, stop.reason) == (False, 0.0, None, RetryReason.STATUS)
    with pytest.raises(AttributeError):
        step.delay_ms = 1  # type: ignore[misc]


def test_a_step_reads_a_response_unless_told():
    class Request:
        method = "GET"

    class Response:
        status_code = 503
        request = Request()

        def __init__(self):
            self.headers = {"retry-after": "7"}

    policy = RetryPolicy()
    assert policy.step(Response(), attempt=1, now=0).delay_ms == 7_000
    assert policy.step(Response(), attempt=1, retry_after="9", now=0).retry_after == 9
    Response.status_code = 502
    assert policy.step(Response(), attempt=1).reason is RetryReason.SERVER_ERROR
    assert policy.step(Response(), attempt=1, idempotent=False).reason is RetryReason.NOT_IDEMPOTENT


def test_a_step_reads_time_left_as_seconds_or_a_timedelta():
    policy = RetryPolicy()
    for fits, time_left in [
        (True, 7),
        (True, 7.0),
        (True, datetime.timedelta(seconds=7)),
        (False, 6.999),
        (False, datetime.timedelta(milliseconds=6_999)),
        (False, -1),
        (False, datetime.timedelta(days=-1)),
    ]:
        step = policy.step(503, attempt=1, retry_after="7", now=0, time_left=time_left)
        assert step.is_retry is fits, time_left
    assert policy.step(503, attempt=1, retry_after="0", now=0, time_left=-5.0).is_retry  # a 0 ms wait fits
    with pytest.raises(ValueError, match="time_left must not be NaN"):
        policy.step(503, attempt=1, time_left=float("nan"))
    with pytest.raises(TypeError, match="time_left must be seconds"):
        policy.step(503, attempt=1, time_left="7")


def test_budgets_are_shared_not_copied():
    budget = RetryBudget(capacity=100, retry_cost=10, throttle_cost=1, tokens=15)
    assert (budget.tokens, budget.capacity, budget.retry_cost, budget.throttle_cost) == (15, 100, 10, 1)
    assert repr(budget) == "RetryBudget(tokens=15, capacity=100, retry_cost=10, throttle_cost=1)"
    step = RetryPolicy().step(502, attempt=1, idempotent=True, budget=budget)
    assert (step.tokens_after, budget.tokens) == (5, 5)
    empty = RetryPolicy().step(502, attempt=1, idempotent=True, budget=budget)
    assert (empty.reason, empty.tokens_after) == (RetryReason.BUDGET_EXHAUSTED, 5)
    assert budget.record_success(step) == 15 and budget.record_success() == 16
    assert RetryBudget(tokens=10**3).tokens == RetryBudget().capacity
    for copier in (copy.copy, copy.deepcopy, pickle.dumps):
        with pytest.raises(TypeError):
            copier(budget)
    with pytest.raises(TypeError):
        RetryBudget(100)  # type: ignore[misc]


def test_every_error_entry_has_its_class_named_with_capitalised_initialisms():
    errors = [member for member in StatusCode if member.is_error]
    assert [error_class(member).STATUS for member in errors] == errors
    for member in errors:
        cls = error_class(member)
        assert cls is getattr(dcs_status, cls.__name__)
        assert issubclass(cls, ClientError if member.is_client_error else ServerError)
        assert cls.__module__ == "dcs_status" and cls.__doc__ == lookup(member).explain()
        assert cls.__name__.lower() == member.name.replace("_", "").lower() or cls.__name__.startswith("HTTP")
    names = {error_class(member).__name__ for member in errors}
    assert {"NotFound", "HTTPVersionNotSupported", "RequestURITooLarge", "HTTPNotImplemented"} <= names
    assert error_class(418) is ClientError and error_class(599) is ServerError
    assert error_class(700) is ServerError and error_class(302) is None
    assert set(dcs_status.__all__) <= set(dir(dcs_status))
    with pytest.raises(AttributeError):
        dcs_status.NoSuchThing  # noqa: B018


def test_the_old_class_names_are_aliases():
    assert dcs_status.HttpVersionNotSupported is dcs_status.HTTPVersionNotSupported
    assert dcs_status.RequestUriTooLarge is dcs_status.RequestURITooLarge
    assert dcs_status.HttpNotImplemented is dcs_status.HTTPNotImplemented
    assert "HttpNotImplemented" not in dcs_status.__all__


def test_class_names_are_gos_error_names():
    """Python's per-entry classes and Go's sentinel errors name each entry alike."""
    generated = REPO / "bindings" / "go" / "zz_generated.go"
    if not generated.exists():
        pytest.skip("no Go binding in this tree")
    go = set(re.findall(r"\bErr([A-Z]\w*)", generated.read_text(encoding="utf-8")))
    for member in StatusCode:
        if member.is_error:
            name = error_class(member).__name__
            # Python prefixes HTTP where the name is a builtin's (NotImplemented).
            unprefixed = name[len("HTTP"):] if hasattr(builtins, name[len("HTTP"):]) else name
            assert unprefixed in go, name


def test_import_builds_only_status_code_and_loads_the_core_on_first_use():
    script = (
        "import sys, dcs_status\n"
        "def loaded(): return sorted(m for m in sys.modules if m.startswith('dcs_status'))\n"
        "enums = vars(sys.modules['dcs_status._enums'])\n"
        "names = ('StatusClass', 'RetryAdvice', 'LookupKind', 'RetryAction', 'ErrorAdvice', 'Jitter',\n"
        "         'RetryCategory', 'RetryReason', 'StepAction')\n"
        "def report():\n"
        "    attached = '_phrase_' in vars(dcs_status.StatusCode.OK)\n"
        "    print(loaded(), [n for n in names if n in enums], attached)\n"
        "report()\n"
        "dcs_status.lookup(404).kind\n"
        "report()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    at_import, after_lookup = result.stdout.splitlines()
    assert at_import == "['dcs_status', 'dcs_status._enums'] [] False"
    # A lookup loads the core and the one str enum its answer is made of, but neither
    # errors nor HTTP errors.
    assert after_lookup == (
        "['dcs_status', 'dcs_status._enums', 'dcs_status._native', 'dcs_status._str_enums'] "
        "['LookupKind'] False"
    )


def test_status_code_is_checked_against_the_cores_table_on_first_use():
    from dcs_status import _enums

    assert tuple((row[1], row[0]) for row in _native.TABLE) == _enums._MEMBERS
    assert StatusCode.OK.phrase == _native.TABLE[[m.value for m in StatusCode].index(200)][3]


def test_adapters_read_status_and_headers_from_any_response():
    class Response:
        status = 503

        def __init__(self):
            self.headers = {"retry-after": "7", "X-Request-ID": b"r-9"}

    response = Response()
    assert lookup(response).status is StatusCode.SERVICE_UNAVAILABLE
    assert retry_after_of(response, now=0) == 7
    with pytest.raises(dcs_status.ServiceUnavailable) as info:
        raise_for_status(response, now=0)
    assert info.value.response is response and info.value.request_id == "r-9"
    assert retry_after_of({"Retry-After": "-1"}) is None
    with pytest.raises(TypeError, match="status_code, status or code"):
        lookup(object())
    with pytest.raises(TypeError, match="headers must be"):
        dcs_status.header_value(42, "Retry-After")


def test_the_typed_usage_example_runs():
    import typed_usage

    typed_usage.main()


def _docstrings():
    """Every docstring of the public API, once each."""
    finder = doctest.DocTestFinder()
    public = {name: getattr(dcs_status, name) for name in dcs_status.__all__}
    seen, tests = set(), []
    for name, item in public.items():
        for test in finder.find(item, name, module=False, globs=dict(public)):
            if test.examples and test.name not in seen:
                seen.add(test.name)
                tests.append(test)
    modules = [dcs_status, dcs_status._adapters, dcs_status._native, dcs_status._errors, dcs_status._http]
    modules += [dcs_status.retrying, dcs_status.requests, dcs_status.httpx, dcs_status.aiohttp]
    for module in modules:
        for test in finder.find(module):
            if test.examples and test.name not in seen:
                seen.add(test.name)
                tests.append(test)
    return tests


@pytest.mark.parametrize("test", _docstrings(), ids=lambda test: test.name)
def test_doc_examples_run(test):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


def _readme_examples():
    """The ``pycon`` blocks of the README's Python section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```pycon\n(.*?)^```", section, re.S | re.M)


@pytest.mark.parametrize("block", _readme_examples())
def test_readme_examples_run(block):
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert test.examples and runner.failures == 0


def test_every_public_item_has_a_docstring():
    for name in dcs_status.__all__:
        if name != "__version__":
            assert getattr(dcs_status, name).__doc__, name
    classes = (*ENUMS, Lookup, Decision, DcsHTTPError, CatalogueEntry, ErrorBody, RetryPolicy, RetryBudget,
               RetryStep)
    for cls in classes:
        members = getattr(cls, "__members__", {})
        for attr, value in vars(cls).items():
            if attr in members or attr.startswith("_"):
                continue
            if callable(value) or hasattr(value, "__get__"):
                assert value.__doc__, f"{cls.__name__}.{attr}"


def test_no_response_and_gave_up_are_the_cores():
    """Status NO_RESPONSE (0) is a connection that failed: retried on an idempotent
    request only; ``gave_up`` marks a retry a limit stopped, not a final answer."""
    policy = dcs_status.RetryPolicy()
    assert dcs_status.NO_RESPONSE == 0
    assert dcs_status.BODY_LIMIT == 65536
    reset = policy.step(dcs_status.NO_RESPONSE, attempt=1, idempotent=True, random=0.5)
    assert reset.reason is dcs_status.RetryReason.CONNECTION_ERROR
    assert str(reset) == "retry 1 of 2 in 25 ms: no response on an idempotent request (connection_error)"
    assert not reset.gave_up
    post = policy.step(dcs_status.NO_RESPONSE, attempt=1, idempotent=False)
    assert post.reason is dcs_status.RetryReason.NOT_IDEMPOTENT and not post.gave_up
    assert policy.step(503, attempt=3, retry_after="1").gave_up
    assert not policy.step(404, attempt=3).gave_up
