"""What the Python layer adds to the core: Python types (enums, pyclasses, exceptions),
their equality, pickling and names, the laziness of the heavy parts, and the docs.

What the core answers is tested once, by the shared vectors (test_vectors.py); what
any input does to the host, by test_bad_input.py.
"""

import builtins
import copy
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
import pytest
from dcs_status import (
    ClientError,
    DcsHTTPError,
    Decision,
    ErrorKind,
    InvalidUtf8Error,
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
    _native,
    decide,
    error_class,
    from_name,
    lookup,
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


def test_enum_members_survive_pickle_and_copy():
    for enum in (StatusCode, StatusClass, RetryAdvice, LookupKind, RetryAction, ErrorKind):
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
    assert str(err) == _native.http_error(429, "120", "req-1", 0)[0]
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
        "names = ('StatusClass', 'RetryAdvice', 'LookupKind', 'RetryAction')\n"
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
    # A lookup loads the core and the str enums, but neither errors nor HTTP errors.
    assert after_lookup == (
        "['dcs_status', 'dcs_status._enums', 'dcs_status._native'] "
        "['StatusClass', 'RetryAdvice', 'LookupKind', 'RetryAction'] False"
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
    assert info.value.response is response and info.value.request_id == b"r-9"
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
    for cls in (StatusCode, StatusClass, RetryAdvice, ErrorKind, Lookup, Decision, DcsHTTPError):
        members = getattr(cls, "__members__", {})
        for attr, value in vars(cls).items():
            if attr in members or attr.startswith("_"):
                continue
            if callable(value) or hasattr(value, "__get__"):
                assert value.__doc__, f"{cls.__name__}.{attr}"
