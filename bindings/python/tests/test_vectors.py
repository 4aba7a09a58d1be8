"""The shared test vectors (tests/vectors/*.json), as every language runs them.

One test per vector file, one parametrized case per vector; each compares the parsed
JSON with what the Python API answers. Every file in tests/vectors is run here or
listed in ``NOT_BOUND`` with the reason.
"""

import sys

import pytest
from conftest import VECTORS, load_vectors
from dcs_status import (
    DcsHTTPError,
    LookupKind,
    NotAStatusCodeError,
    RetryAction,
    RetryAfterError,
    StatusClass,
    StatusCode,
    UnknownNameError,
    _native,
    decide,
    from_name,
    lookup,
    method_is_idempotent,
    parse_retry_after,
)

#: Vector files of APIs Python does not have yet, and why.
NOT_BOUND = {
    "bodies": "the error-body parser (issue 9) has no Python binding yet",
    "catalogue": "the error-code catalogue (issue 9) has no Python binding yet",
    "retry_steps": "the retry policy (issue 10) has no Python binding yet",
}

RUN = {"names", "lookups", "retry_after", "decisions", "methods", "error_messages", "http_errors"}


def _id(case):
    value = next(case[key] for key in ("name", "value", "code", "method", "input") if key in case)
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
    elif kind.startswith("retry_after_"):
        parse_retry_after(text, 0)
    elif kind == "not_a_status_code" and text.lstrip("+-").isdigit():
        lookup(_int(text))
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
    except (UnknownNameError, RetryAfterError, NotAStatusCodeError) as err:
        raised = err
    if raised is None:  # C's kinds, and text that Python cannot pass as a code
        assert kind in ("null_pointer", "internal", "invalid_utf8", "not_a_status_code"), kind
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
