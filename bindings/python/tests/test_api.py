"""The Python API: StatusCode as HTTPStatus's peer, lookups, errors, immutability."""

import copy
import doctest
import http
import json
import pickle

import dcs_status
import dcs_status._adapters
import dcs_status._native
import pytest
from dcs_status import (
    ClientError,
    DcsHTTPError,
    Decision,
    Lookup,
    LookupKind,
    NotAStatusCodeError,
    RetryAction,
    RetryAdvice,
    RetryAfterError,
    ServerError,
    StatusClass,
    StatusCode,
    UnknownNameError,
    decide,
    error_class,
    from_name,
    lookup,
    parse_retry_after,
    raise_for_status,
    retry_after_of,
)


def test_status_code_holds_the_cores_table_in_order():
    assert len(StatusCode) == len(dcs_status._native.TABLE) == 42
    for member, row in zip(StatusCode, dcs_status._native.TABLE):
        code, ident, name, phrase, status_class, retry, description = row
        assert (member.value, member.name) == (code, ident)
        assert (member.dcs_name, member.phrase, member.description) == (name, phrase, description)
        assert member.status_class is StatusClass(status_class)
        assert member.retry_advice is RetryAdvice(retry)


def test_the_python_view_of_the_table_is_the_cores_canonical_json():
    parsed = json.loads(dcs_status._native.table_json())
    assert [entry["code"] for entry in parsed] == [member.value for member in StatusCode]
    for entry, member in zip(parsed, StatusCode):
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
    assert isinstance(StatusCode.OK, int)
    assert (str(StatusCode.OK), f"{StatusCode.OK}", f"{StatusCode.OK:>5}") == ("200", "200", "  200")
    assert repr(StatusCode.OK) == "<StatusCode.OK: 200>"
    for member in StatusCode:
        if member.name in http.HTTPStatus.__members__:
            assert member == http.HTTPStatus[member.name]


def test_class_predicates_match_http_status():
    for member in StatusCode:
        try:
            peer = http.HTTPStatus(member.value)
        except ValueError:
            continue
        for name in ("is_informational", "is_success", "is_redirection",
                     "is_client_error", "is_server_error"):
            expected = getattr(peer, name, None)
            if expected is not None:  # Python 3.12+
                assert getattr(member, name) == expected, (member, name)
    assert StatusCode.SERVER_TIMEOUT.is_server_error and StatusCode.SERVER_TIMEOUT.is_error
    assert StatusCode.CONTINUE.is_informational and not StatusCode.CONTINUE.is_error


def test_status_code_rejects_values_outside_the_table_like_any_enum():
    with pytest.raises(ValueError, match="418 is not a valid StatusCode"):
        StatusCode(418)
    with pytest.raises(ValueError, match="is not a valid StatusCode"):
        StatusCode("404")
    with pytest.raises(KeyError):
        StatusCode["I_AM_A_TEAPOT"]


def test_members_survive_pickle_and_copy():
    for member in StatusCode:
        assert pickle.loads(pickle.dumps(member)) is member
        assert copy.deepcopy(member) is member
    assert pickle.loads(pickle.dumps(StatusClass.CLIENT_ERROR)) is StatusClass.CLIENT_ERROR


def test_str_enums_have_the_cores_values_and_extras():
    assert [c.value for c in StatusClass] == [c[0] for c in dcs_status._native.CLASSES]
    assert [c.base_code for c in StatusClass] == [100, 200, 300, 400, 500]
    assert [c.is_error for c in StatusClass] == [False, False, False, True, True]
    assert StatusClass.CLIENT_ERROR == "client_error" and str(StatusClass.CLIENT_ERROR) == "client_error"
    assert RetryAdvice.MODIFY_REQUEST == "modify_request"
    assert f"{RetryAdvice.RETRY_AFTER}" == "retry_after"
    assert [a.value for a in RetryAdvice] == [a[0] for a in dcs_status._native.RETRY_ADVICES]
    assert all(a.explanation for a in RetryAdvice)
    assert [k.value for k in LookupKind] == ["documented", "unrecognized", "invalid"]
    assert [a.value for a in RetryAction] == ["do_not_retry", "retry_after", "retry_with_backoff"]


def test_lookup_reads_unknown_codes_as_rfc_9110_says():
    assert lookup(404).documented is StatusCode.NOT_FOUND
    teapot = lookup(418)
    assert (teapot.kind, teapot.status, teapot.documented) == (
        LookupKind.UNRECOGNIZED, StatusCode.BAD_REQUEST, None)
    assert teapot.is_error and teapot.retry_advice is RetryAdvice.MODIFY_REQUEST
    invalid = lookup(999)
    assert (invalid.kind, invalid.status_class) == (LookupKind.INVALID, StatusClass.SERVER_ERROR)
    assert lookup(StatusCode.NOT_FOUND) == lookup(404) == lookup(http.HTTPStatus.NOT_FOUND)
    assert lookup(StatusCode.NOT_FOUND).code.__class__ is int


def test_lookup_is_cached_and_immutable():
    assert lookup(503) is lookup(503)
    with pytest.raises(AttributeError):
        lookup(503).code = 1
    with pytest.raises(AttributeError):
        del lookup(503).status
    assert pickle.loads(pickle.dumps(lookup(418))) == lookup(418)
    assert hash(lookup(418)) == hash(Lookup(418, LookupKind.UNRECOGNIZED, StatusCode.BAD_REQUEST,
                                            StatusClass.CLIENT_ERROR))


def test_lookup_rejects_non_codes_and_non_integers():
    for bad in (99, 1000, -404, 2**64, -(2**70)):
        with pytest.raises(NotAStatusCodeError) as info:
            lookup(bad)
        assert info.value.code == bad
        assert str(info.value) == (
            f"{bad} is not a status code: status codes are three-digit numbers from 100 to 999")
    for bad in (404.0, "404", None):
        with pytest.raises(TypeError):
            lookup(bad)
    assert isinstance(NotAStatusCodeError("m", 1), ValueError)


def test_from_name_errors_are_key_errors_with_the_cores_message():
    with pytest.raises(KeyError) as info:
        from_name("teapot")
    err = info.value
    assert isinstance(err, UnknownNameError) and err.name == "teapot"
    assert str(err) == ('unknown status name "teapot": expected a DCS name ("NotFound"), '
                        'an ident ("NOT_FOUND") or a reason phrase ("Not Found")')
    assert pickle.loads(pickle.dumps(err)).name == "teapot"
    with pytest.raises(TypeError):
        from_name(404)


def test_from_name_caches_only_what_the_core_accepted():
    assert from_name("  NoT-FoUnD ") is StatusCode.NOT_FOUND
    assert dcs_status._NAMES["  NoT-FoUnD "] is StatusCode.NOT_FOUND
    with pytest.raises(UnknownNameError):
        from_name("not founded")
    assert "not founded" not in dcs_status._NAMES


def test_parse_retry_after_takes_now_as_int_float_datetime_or_clock():
    import datetime

    date = "Sun, 06 Nov 1994 08:51:37 GMT"
    aware = datetime.datetime(1994, 11, 6, 8, 49, 37, tzinfo=datetime.timezone.utc)
    assert parse_retry_after(date, 784111777) == 120
    assert parse_retry_after(date, 784111777.9) == 120
    assert parse_retry_after(date, aware) == 120
    assert parse_retry_after(date) == 0  # the clock: 1994 is past
    assert parse_retry_after(date, now=None) == 0
    assert parse_retry_after("18446744073709551616") == 2**64 - 1
    with pytest.raises(TypeError):
        parse_retry_after(date, "now")
    with pytest.raises(ValueError, match="finite"):
        parse_retry_after(date, float("nan"))
    with pytest.raises(TypeError):
        parse_retry_after(120)


def test_retry_after_error_carries_kind_value_and_message():
    with pytest.raises(ValueError, match="does not exist") as info:
        parse_retry_after("Thu, 31 Nov 1994 08:49:37 GMT", 0)
    err = info.value
    assert isinstance(err, RetryAfterError) and err.kind == "impossible_date"
    assert err.value == "Thu, 31 Nov 1994 08:49:37 GMT"
    assert str(err).startswith("Retry-After names a date or time that does not exist")
    again = pickle.loads(pickle.dumps(err))
    assert (again.kind, again.value, str(again)) == (err.kind, err.value, str(err))
    with pytest.raises(RetryAfterError) as info:
        parse_retry_after("\ud800", 0)  # a lone surrogate is invalid text, not a crash
    assert info.value.kind == "invalid_delay"


def test_decision_is_a_small_immutable_value():
    d = decide(429, "120", 0)
    assert d == Decision(RetryAction.RETRY_AFTER, 120, "retry_after 120s")
    assert hash(d) == hash(decide(429, b"120", 0))
    assert repr(d) == "Decision(action=<RetryAction.RETRY_AFTER: 'retry_after'>, delay=120)"
    assert pickle.loads(pickle.dumps(d)) == d
    with pytest.raises(AttributeError):
        d.delay = 1
    assert decide(502, idempotent=True).action is RetryAction.RETRY_WITH_BACKOFF
    assert decide(502).action is RetryAction.DO_NOT_RETRY
    assert decide(503, "soon").action is RetryAction.DO_NOT_RETRY


def test_every_error_entry_has_its_exception_class():
    errors = [m for m in StatusCode if m.is_error]
    assert len(errors) == len(dcs_status._ERROR_NAMES) == 26
    for member in errors:
        cls = error_class(member)
        assert cls is getattr(dcs_status, cls.__name__)
        assert cls.STATUS is member
        assert issubclass(cls, ClientError if member.is_client_error else ServerError)
        assert cls.__module__ == "dcs_status" and cls.__doc__
    names = {error_class(m).__name__ for m in errors}
    assert {"NotFound", "TooManyRequests", "ServerTimeout", "BadRequest"} <= names
    assert error_class(501).__name__ == "HttpNotImplemented"  # NotImplemented is a builtin
    assert error_class(418) is ClientError and error_class(599) is ServerError
    assert error_class(700) is ServerError and error_class(302) is None
    assert set(dcs_status._ERROR_NAMES) <= set(dir(dcs_status))
    assert set(dcs_status.__all__) <= set(dir(dcs_status))
    with pytest.raises(AttributeError):
        dcs_status.NoSuchThing  # noqa: B018


def test_raise_for_status_raises_the_entrys_class_with_everything_attached():
    with pytest.raises(dcs_status.TooManyRequests) as info:
        raise_for_status(429, {"RETRY-AFTER": "120"})
    err = info.value
    assert isinstance(err, ClientError) and isinstance(err, DcsHTTPError)
    assert (err.code, err.status, err.kind) == (429, StatusCode.TOO_MANY_REQUESTS, LookupKind.DOCUMENTED)
    assert (err.phrase, err.dcs_name) == ("Too Many Requests", "TooManyRequests")
    assert err.description == StatusCode.TOO_MANY_REQUESTS.description
    assert err.retry_advice is RetryAdvice.RETRY_AFTER and err.status_class is StatusClass.CLIENT_ERROR
    assert (err.retry_after, err.retry_after_header, err.response) == (120, "120", None)
    assert err.decide(now=0) == Decision(RetryAction.RETRY_AFTER, 120, "retry_after 120s")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is type(err) and (again.code, again.retry_after) == (429, 120)


def test_raise_for_status_on_unknown_codes_and_bad_headers():
    with pytest.raises(ClientError) as info:
        raise_for_status(418)
    assert type(info.value) is ClientError and info.value.status is StatusCode.BAD_REQUEST
    assert str(info.value).startswith("418 (read as 400 Bad Request, BadRequest): ")
    with pytest.raises(ServerError) as info:
        raise_for_status(777, [("Retry-After", "soon")])
    assert info.value.retry_after is None and info.value.retry_after_header == "soon"
    assert raise_for_status(StatusCode.OK) is StatusCode.OK
    with pytest.raises(NotAStatusCodeError):
        raise_for_status(42)


class _Response:
    """A minimal response object of the adapters' duck type."""

    def __init__(self, status, headers, attribute="status_code"):
        setattr(self, attribute, status)
        self.headers = headers


@pytest.mark.parametrize("attribute", ["status_code", "status", "code"])
def test_adapters_read_status_and_headers_from_any_response(attribute):
    response = _Response(503, {"retry-after": "7"}, attribute)
    assert lookup(response).status is StatusCode.SERVICE_UNAVAILABLE
    assert decide(response, now=0).delay == 7
    assert retry_after_of(response, now=0) == 7
    with pytest.raises(dcs_status.ServiceUnavailable) as info:
        raise_for_status(response)
    assert info.value.response is response and info.value.retry_after == 7
    assert retry_after_of({"Retry-After": "-1"}) is None
    with pytest.raises(TypeError, match="status_code, status or code"):
        lookup(object())
    with pytest.raises(TypeError, match="headers must be"):
        dcs_status.header_value(42, "Retry-After")


def test_the_typed_usage_example_runs():
    import typed_usage

    typed_usage.main()


@pytest.mark.parametrize(
    "module",
    [dcs_status, dcs_status._adapters, dcs_status._native],
    ids=lambda m: m.__name__,
)
def test_doc_examples_run(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0


def test_every_public_item_has_a_docstring():
    for name in dcs_status.__all__:
        item = getattr(dcs_status, name)
        if name != "__version__":
            assert item.__doc__, name
    for cls in (StatusCode, Lookup, Decision, DcsHTTPError):
        for attr, value in vars(cls).items():
            if isinstance(value, property) and not attr.startswith("_"):
                assert value.__doc__, f"{cls.__name__}.{attr}"
