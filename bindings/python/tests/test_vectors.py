"""The shared test vectors (tests/vectors/*.json), as every language runs them.

One test per vector file, one parametrized case per vector; each compares the parsed
JSON with what the Python API answers. Every file in tests/vectors is run here or
listed in ``NOT_BOUND`` with the reason.
"""

import json
import sys

import pytest
from conftest import VECTORS, load_vectors
from dcs_status import (
    CatalogueEntry,
    DcsHTTPError,
    ErrorAdvice,
    Jitter,
    LookupKind,
    NotAStatusCodeError,
    RetryAction,
    RetryAfterError,
    RetryBudget,
    RetryCategory,
    RetryInputError,
    RetryInputErrorKind,
    RetryPolicy,
    RetryReason,
    StatusClass,
    StatusCode,
    StepAction,
    UnknownErrorCodeError,
    UnknownNameError,
    _native,
    decide,
    from_name,
    lookup,
    method_is_idempotent,
    parse_error_body,
    parse_retry_after,
)

#: Vector files of APIs Python does not have yet, and why.
NOT_BOUND: dict[str, str] = {}

RUN = {
    "names",
    "lookups",
    "retry_after",
    "decisions",
    "methods",
    "error_messages",
    "http_errors",
    "catalogue",
    "bodies",
    "responses",
    "retry_steps",
}


def _id(case):
    keys = ("note", "name", "value", "code", "method", "input")
    value = next(case[key] for key in keys if key in case)
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}..."


def cases(name):
    return pytest.mark.parametrize("case", load_vectors(name), ids=_id)


def test_every_vector_file_is_run_or_listed_as_not_bound():
    files = {path.stem for path in VECTORS.glob("*.json")}
    assert files == RUN | set(NOT_BOUND)


@cases("names")
def test_names(case):
    for name in (case["name"], case["name"].encode("utf-8")):
        if "error" in case:
            with pytest.raises(UnknownNameError) as info:
                from_name(name)
            assert info.value.kind == case["error"]
            assert info.value.name is name
        else:
            assert from_name(name) is StatusCode(case["code"])
            assert StatusCode.from_name(name) is StatusCode(case["code"])


@cases("lookups")
def test_lookups(case):
    if "error" in case:
        with pytest.raises(NotAStatusCodeError) as info:
            lookup(case["code"])
        assert info.value.kind == case["error"]
        assert info.value.code == case["code"]
        return
    found = lookup(case["code"])
    assert found.code == case["code"]
    assert found.kind is LookupKind(case["kind"])
    assert found.status_class is StatusClass(case["class"])
    assert found.status is StatusCode(case["status"])


@cases("retry_after")
def test_retry_after(case):
    for value in (case["value"], case["value"].encode("utf-8")):
        if "error" in case:
            with pytest.raises(RetryAfterError) as info:
                parse_retry_after(value, case["now"])
            assert info.value.kind == case["error"]
            assert info.value.value is value
        else:
            assert parse_retry_after(value, case["now"]) == case["seconds"]


@cases("decisions")
def test_decisions(case):
    args = (case["code"], case["retry_after"], case["now"], case["idempotent"])
    if "error" in case:
        with pytest.raises(NotAStatusCodeError) as info:
            decide(*args)
        assert info.value.kind == case["error"]
        return
    decision = decide(*args)
    assert decision.action is RetryAction(case["action"])
    assert decision.delay == case.get("seconds")
    assert str(decision) == case["text"]


@cases("methods")
def test_methods(case):
    assert method_is_idempotent(case["method"]) is case["idempotent"]
    assert method_is_idempotent(case["method"].encode("utf-8")) is case["idempotent"]


def _int(text):
    """``int(text)``, beyond the limit of digits Python 3.11+ sets (10**5000 is a case)."""
    limit = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 0
    if limit:
        sys.set_int_max_str_digits(0)
    try:
        return int(text)
    finally:
        if limit:
            sys.set_int_max_str_digits(limit)


def _raise(kind, text):
    """Makes the Python API raise its error of ``kind`` about ``text``, where a Python
    function can; returns where none can."""
    if kind == "unknown_name":
        from_name(text)
    elif kind == "unknown_error_code":
        CatalogueEntry.lookup(text)
    elif kind.startswith("retry_after_"):
        parse_retry_after(text, 0)
    elif kind == "not_a_status_code" and text.lstrip("+-").isdigit():
        lookup(_int(text))
    elif kind == "no_attempts":
        RetryPolicy(max_attempts=_int(text))
    elif kind == "cap_below_base":  # the message names the settings, not a value
        RetryPolicy(cap_ms=RetryPolicy().base_transient_ms - 1)
    elif kind == "unknown_jitter":
        RetryPolicy(jitter=text)
    elif kind == "attempt_zero":
        RetryPolicy().step(503, attempt=_int(text), validate=True)
    elif kind == "random_out_of_range":
        RetryPolicy().step(503, attempt=1, random=float(text), validate=True)
    else:
        return
    raise AssertionError(f"no error of kind {kind} about {text!r}")


@cases("error_messages")
def test_error_messages(case):
    kind, text = case["error"], case["input"]
    assert _native.error_message(kind, text) == case["message"]
    assert _native.error_message(kind, text.encode("utf-8")) == case["message"]
    raised = None
    try:
        _raise(kind, text)
    except (
        UnknownNameError,
        RetryAfterError,
        NotAStatusCodeError,
        UnknownErrorCodeError,
        RetryInputError,
    ) as err:
        raised = err
    if raised is None:  # C's kinds, and text that Python cannot pass as a code
        c_kinds = ("null_pointer", "internal", "invalid_utf8", "invalid_argument", "not_a_status_code")
        assert kind in c_kinds, kind
    else:
        assert raised.kind == kind
        assert str(raised) == case["message"]


@cases("http_errors")
def test_http_errors(case):
    err = DcsHTTPError(
        case["code"],
        case["retry_after"],
        case["request_id"],
        now=case["now"],
        idempotent=case["idempotent"],
    )
    assert str(err) == case["message"]
    assert (err.code, err.retry_after_header, err.request_id) == (
        case["code"],
        case["retry_after"],
        case["request_id"],
    )
    assert err.decision == decide(case["code"], case["retry_after"], case["now"], case["idempotent"])


def _bytes(case, key):
    """The bytes a case gives as ``key`` (text), ``key_hex`` or ``key_pieces``."""
    if key in case:
        return case[key].encode("utf-8")
    if f"{key}_hex" in case:
        return bytes.fromhex(case[f"{key}_hex"])
    return b"".join(piece["text"].encode("utf-8") * piece["times"] for piece in case[f"{key}_pieces"])


@cases("catalogue")
def test_catalogue(case):
    given = _bytes(case, "input")
    for code in (given, case["input"]) if "input" in case else (given,):
        if "error" in case:
            with pytest.raises(UnknownErrorCodeError) as info:
                CatalogueEntry.lookup(code)
            assert info.value.kind == case["error"] and info.value.code is code
            if "error_message" in case:
                assert str(info.value) == case["error_message"]
            continue
        entry = CatalogueEntry.lookup(code)
        assert entry is CatalogueEntry(code)
        assert (entry.code, entry.status, entry.message) == (
            case["code"], StatusCode(case["status"]), case["message"])
        assert entry.advice is ErrorAdvice(case["advice"])


def test_the_catalogue_is_the_cores_canonical_json_in_document_order():
    stdout, _, code = _native.cli(["errors", "--json"])
    assert code == 0
    entries = CatalogueEntry.all()
    assert [json.loads(line.rstrip(",")) for line in stdout.decode().splitlines()[1:-1]] == [
        {
            "code": e.code,
            "status": e.status.value,
            "message": e.message,
            "description": e.description,
            "solution": e.solution,
            "advice": e.advice.value,
        }
        for e in entries
    ]


@cases("bodies")
def test_bodies(case):
    body = _bytes(case, "body")
    parsed = parse_error_body(body)
    if "body" in case:
        assert parse_error_body(case["body"]) == parsed
    assert (parsed.error_code, parsed.error_msg, parsed.error_ext_msg, parsed.request_id) == (
        case["error_code"], case["error_msg"], case["error_ext_msg"], case["body_request_id"])
    catalogue = parsed.catalogue
    assert (catalogue and catalogue.code) == case["catalogue_code"]
    # The response's request id (headers, then the body): the HTTP error's.
    assert DcsHTTPError(400, headers=case["headers"], body=body).request_id == case["request_id"]


@cases("responses")
def test_responses(case):
    body = _bytes(case, "body")
    make = lambda: DcsHTTPError(  # noqa: E731
        case["code"], headers=case["headers"], body=body, now=case["now"], idempotent=case["idempotent"]
    )
    if "error" in case:
        with pytest.raises(NotAStatusCodeError) as info:
            make()
        assert (info.value.kind, str(info.value)) == (case["error"], case["message"])
        return
    err = make()
    assert str(err) == case["message"]
    assert (err.code, err.status, err.kind) == (case["code"], StatusCode(case["status"]), case["kind"])
    assert (err.retry_after, err.request_id) == (case["retry_after"], case["request_id"])
    assert (err.decision.action, err.decision.delay) == (RetryAction(case["action"]), case.get("seconds"))
    fields = (err.error_code, err.error_msg, err.error_ext_msg)
    assert fields == (case["error_code"], case["error_msg"], case["error_ext_msg"])
    assert (err.catalogue and err.catalogue.code) == case["catalogue_code"]


RETRY = json.loads((VECTORS / "retry_steps.json").read_text(encoding="utf-8"))


def _retry_cases(section):
    return pytest.mark.parametrize("case", RETRY[section], ids=lambda case: case["note"])


def _budget(spec):
    """A budget made from a case's ``{capacity, retry_cost, throttle_cost, tokens}``."""
    return None if spec is None else RetryBudget(**spec)


def _step(policy, given, budget):
    """``policy.step`` of a case's input."""
    time_left = given["time_left_ms"]
    return policy.step(
        given["status"],
        attempt=given["attempt"],
        retry_after=given["retry_after"],
        error_code=given["error_code"],
        idempotent=given["idempotent"],
        now=given["now"],
        random=given["random"],
        previous_delay_ms=given["previous_delay_ms"],
        time_left=None if time_left is None else time_left / 1000,
        unreplayable_body=given["unreplayable_body"],
        budget=budget,
    )


def _check_step(step, expected):
    assert step.action is StepAction(expected["action"])
    assert (step.delay_ms, step.tokens_after) == (expected["delay_ms"], expected["tokens_after"])
    category = expected["category"]
    assert step.category is (None if category is None else RetryCategory(category))
    assert step.reason is RetryReason(expected["reason"])
    assert str(step) == expected["log_line"]


def test_the_default_policy_and_budget_are_the_vectors():
    assert RetryPolicy() == RetryPolicy(**RETRY["default_policy"])
    budget = RetryBudget()
    assert (budget.capacity, budget.retry_cost, budget.throttle_cost) == tuple(
        RETRY["default_budget"][key] for key in ("capacity", "retry_cost", "throttle_cost"))


@_retry_cases("steps")
def test_retry_steps(case):
    try:
        policy = RetryPolicy(**case["policy"])
    except RetryInputError:
        # Python refuses the policies the core's validate refuses, so their steps
        # cannot happen here; the validation section checks the refusals.
        assert _expected_refusal(case["policy"]) is not None
        return
    budget = _budget(case["budget"])
    _check_step(_step(policy, case["input"], budget), case["expected"])
    if budget is not None:
        assert budget.tokens == case["expected"]["tokens_after"]


def _expected_refusal(policy):
    """The error the core's documented validation gives a policy (at least one attempt,
    then a cap no lower than any base), or None; checked against the validation
    vectors by ``test_retry_policy_validation``."""
    if policy["max_attempts"] == 0:
        return "no_attempts"
    bases = (policy["base_transient_ms"], policy["base_throttle_ms"], policy["base_busy_ms"])
    return "cap_below_base" if policy["cap_ms"] < max(bases) else None


@_retry_cases("delays")
def test_retry_delays(case):
    try:
        policy = RetryPolicy(**case["policy"])
    except RetryInputError:
        assert _expected_refusal(case["policy"]) is not None
        return
    args = (case["category"], case["retry"], case["random"], case["previous_ms"])
    assert policy.backoff_ms(*args) == case["delay_ms"]
    assert policy.backoff_ms(RetryCategory(case["category"]), *args[1:]) == case["delay_ms"]


@_retry_cases("budget_sequences")
def test_retry_budget_sequences(case):
    policy = RetryPolicy(**case["policy"])
    budget = _budget(case["budget"])
    last = None
    for event in case["events"]:
        if "step" in event:
            last = _step(policy, event["step"], budget)
            _check_step(last, event["expected"])
            assert budget.tokens == event["expected"]["tokens_after"]
        else:
            after = budget.record_success(last if event["success"] == "after_last_step" else None)
            assert after == budget.tokens == event["tokens_after"]


@pytest.mark.parametrize("case", RETRY["validation"]["policies"], ids=lambda case: str(case["error"]))
def test_retry_policy_validation(case):
    if case["error"] is None:
        assert RetryPolicy(**case["policy"]) == RetryPolicy().replace(**case["policy"])
        assert _expected_refusal(case["policy"]) is None
        return
    with pytest.raises(RetryInputError) as info:
        RetryPolicy(**case["policy"])
    err = info.value
    assert err.kind is RetryInputErrorKind(case["error"])
    assert str(err) == err.kind.message
    assert _expected_refusal(case["policy"]) == case["error"]


@pytest.mark.parametrize("case", RETRY["validation"]["inputs"], ids=lambda case: str(case["error"]))
def test_retry_step_input_validation(case):
    given = case["input"]
    policy = RetryPolicy()
    args = {k: v for k, v in given.items() if k not in ("status", "time_left_ms")}
    if case["error"] is None:
        assert policy.step(given["status"], **args, validate=True) == policy.step(given["status"], **args)
        return
    with pytest.raises(RetryInputError) as info:
        policy.step(given["status"], **args, validate=True)
    err = info.value
    assert err.kind is RetryInputErrorKind(case["error"])
    # The core's message about the value (the status, the draw as Python writes it).
    assert str(err) == _native.error_message(err.kind.value, str(err.value))
    assert err.kind.message in str(err)
    policy.step(given["status"], **args)  # without validate=True: the core's reading


@pytest.mark.parametrize("case", RETRY["validation"]["jitter_names"], ids=lambda case: repr(case["name"]))
def test_jitter_names(case):
    if case["jitter"] is None:
        with pytest.raises(RetryInputError) as info:
            RetryPolicy(jitter=case["name"])
        assert info.value.kind is RetryInputErrorKind.UNKNOWN_JITTER and info.value.value == case["name"]
        with pytest.raises(ValueError, match="is not a valid Jitter"):
            Jitter(case["name"])
    else:
        assert RetryPolicy(jitter=case["name"]).jitter is Jitter(case["jitter"])


@pytest.mark.parametrize(
    ("section", "enum", "sentence"),
    [
        ("reasons", RetryReason, "explanation"),
        ("categories", RetryCategory, "explanation"),
        ("actions", StepAction, "explanation"),
        ("jitters", Jitter, "explanation"),
        ("input_errors", RetryInputErrorKind, "message"),
    ],
)
def test_retry_names_and_sentences(section, enum, sentence):
    expected = [(row["name"], row["sentence"]) for row in RETRY["names"][section]]
    assert [(member.value, getattr(member, sentence)) for member in enum] == expected
