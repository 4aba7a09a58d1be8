"""The shared test vectors (tests/vectors/*.json), as every binding runs them."""

import pytest
from conftest import load_vectors
from dcs_status import (
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
    parse_retry_after,
)


def _id(case):
    return repr(case.get("name", case.get("value", case.get("code"))))


@pytest.mark.parametrize("case", load_vectors("names"), ids=_id)
def test_names_resolve_as_the_vectors_say(case):
    if "error" in case:
        assert case["error"] == "unknown_name"
        with pytest.raises(UnknownNameError) as info:
            from_name(case["name"])
        assert info.value.name == case["name"]
        assert str(info.value).startswith("unknown status name")
        with pytest.raises(UnknownNameError):
            from_name(case["name"].encode("utf-8"))
    else:
        assert from_name(case["name"]) is StatusCode(case["code"])
        assert from_name(case["name"].encode("utf-8")) is StatusCode(case["code"])
        assert StatusCode.from_name(case["name"]) is StatusCode(case["code"])


@pytest.mark.parametrize("case", load_vectors("lookups"), ids=_id)
def test_lookups_answer_as_the_vectors_say(case):
    if "error" in case:
        assert case["error"] == "not_a_status_code"
        with pytest.raises(NotAStatusCodeError) as info:
            lookup(case["code"])
        assert info.value.code == case["code"]
        assert str(info.value).startswith(f"{case['code']} is not a status code")
        return
    found = lookup(case["code"])
    assert found.code == case["code"]
    assert found.kind is LookupKind(case["kind"])
    assert found.status_class is StatusClass(case["class"])
    assert found.status is StatusCode(case["status"])
    assert (found.documented is not None) == (case["kind"] == "documented")
    assert _native.lookup(case["code"]) == (case["kind"], case["class"], case["status"])


@pytest.mark.parametrize("case", load_vectors("retry_after"), ids=_id)
def test_retry_after_parses_as_the_vectors_say(case):
    for value in (case["value"], case["value"].encode("utf-8")):
        if "error" in case:
            with pytest.raises(RetryAfterError) as info:
                parse_retry_after(value, case["now"])
            assert info.value.kind == case["error"]
            assert info.value.value == value
            assert str(info.value) == dict(_native.RETRY_AFTER_ERRORS)[case["error"]]
        else:
            assert parse_retry_after(value, case["now"]) == case["seconds"]


@pytest.mark.parametrize("case", load_vectors("decisions"), ids=_id)
def test_decisions_follow_the_vectors(case):
    args = (case["code"], case["retry_after"], case["now"], case["idempotent"])
    if "error" in case:
        assert case["error"] == "not_a_status_code"
        with pytest.raises(NotAStatusCodeError):
            decide(*args)
        return
    decision = decide(*args)
    assert decision.action is RetryAction(case["action"])
    assert decision.delay == case.get("seconds")
    assert decision.should_retry == (case["action"] != "do_not_retry")
    expected = case["action"] + (f" {case['seconds']}s" if "seconds" in case else "")
    assert str(decision) == expected
