"""Properties (hypothesis) of the boundary between Python and the core.

The rules themselves (name spellings, the Retry-After grammar, date arithmetic) are
the core's, and their properties are tested there (crates/dcs-status/tests/
properties.rs). Here: any ``str``, ``bytes``, code and ``now`` gets an answer or a
documented exception, never another; a ``str`` and its UTF-8 bytes get the same
answer; and the answer is the one the core gives through another door, the
``dcs-status`` command run in process (``_native.cli``).
"""

import json

from dcs_status import (
    CatalogueEntry,
    DcsHTTPError,
    ErrorKind,
    InvalidUtf8Error,
    RetryAfterError,
    RetryPolicy,
    StatusCode,
    UnknownErrorCodeError,
    UnknownNameError,
    _native,
    decide,
    from_name,
    parse_error_body,
    parse_retry_after,
)
from hypothesis import example, given
from hypothesis import strategies as st

I64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
NOW = st.one_of(I64, st.integers(min_value=1_600_000_000, max_value=1_900_000_000))
#: Any text, text shaped like the values the core reads, and bytes.
VALUES = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"[ \t]*[0-9]{1,25}[ \t]*", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{2,8}, [0-9]{2}[ -][A-Z][a-z]{2}[ -][0-9]{2,4} [0-9:]{8} GMT", fullmatch=True),
    st.binary(max_size=40),
)


def _answer(call, value, *args):
    """``call(value, *args)``: ``("ok", result)`` or ``(kind, message)`` for a documented
    error of the core; any other exception propagates and fails the test."""
    try:
        return ("ok", call(value, *args))
    except (UnknownNameError, RetryAfterError, InvalidUtf8Error) as err:
        assert err.kind is ErrorKind(err.kind.value)
        assert str(err) == _native.error_message(err.kind, value)
        return (err.kind, str(err))


@given(VALUES)
@example("not\u00a0found")
@example(b"\xff\xfe")
@example("\ud800")
def test_any_name_gets_an_entry_or_a_documented_error(name):
    answer = _answer(from_name, name)
    if answer[0] == "ok":
        assert answer[1] in StatusCode.__members__.values()
    else:
        assert answer[0] in (ErrorKind.UNKNOWN_NAME, ErrorKind.INVALID_UTF8)
    if isinstance(name, str) and answer[0] != ErrorKind.INVALID_UTF8:
        assert _answer(from_name, name.encode()) == answer


@given(VALUES, NOW)
@example("Sunday, 06-Nov-94 08:49:37 GMT", 2**63 - 1)
@example("Friday, 31-Dec-57 00:00:00 GMT", -(2**63))
@example(" ", 0)
def test_any_retry_after_is_the_cores_answer(value, now):
    answer = _answer(parse_retry_after, value, now)
    if answer[0] == "ok":
        assert 0 <= answer[1] <= 2**64 - 1
    else:
        assert answer[0].is_retry_after or answer[0] is ErrorKind.INVALID_UTF8
    if isinstance(value, str) and answer[0] != ErrorKind.INVALID_UTF8:
        assert _answer(parse_retry_after, value.encode(), now) == answer
    if answer[0] == ErrorKind.INVALID_UTF8:
        return  # the command refuses such an argument before it reads it
    stdout, stderr, _ = _native.cli(["retry-after", f"--now={now}", "--", value])
    if answer[0] == "ok":
        assert stdout == f"{answer[1]}\n".encode()
    else:
        assert stderr == f"dcs-status: {answer[1]}\n".encode()


@given(st.integers(min_value=100, max_value=999), st.one_of(st.none(), VALUES), NOW, st.booleans())
def test_any_decision_is_the_cores_answer(code, retry_after, now, idempotent):
    decision = decide(code, retry_after, now, idempotent)
    err = DcsHTTPError(code, retry_after, now=now, idempotent=idempotent)
    assert err.decision == decision
    if decision.delay is not None:
        assert err.retry_after == decision.delay
    if isinstance(retry_after, str):
        assert decide(code, retry_after.encode(), now, idempotent) == decision


@given(
    st.integers(min_value=100, max_value=999),
    st.one_of(st.none(), VALUES),
    NOW,
    st.booleans(),
    st.integers(min_value=1, max_value=4),
    st.floats(min_value=0, max_value=1, exclude_max=True),
)
@example(429, "120", 0, False, 1, 0.5)
def test_any_step_is_the_cores_answer(code, retry_after, now, idempotent, attempt, random):
    """``RetryPolicy.step`` is the step ``dcs-status retry`` prints: its ``--json``
    object and its log line."""
    step = RetryPolicy().step(
        code, attempt=attempt, retry_after=retry_after, idempotent=idempotent, now=now, random=random
    )
    args = ["retry", str(code), f"--now={now}", f"--attempt={attempt}", f"--random={random!r}"]
    if retry_after is not None:
        value = retry_after if isinstance(retry_after, bytes) else retry_after.encode()
        args.append(b"--retry-after=" + value)
    if idempotent:
        args.append("--idempotent")
    stdout, stderr, code_ = _native.cli([*args, "--json"])
    if code_ != 0:  # an argument the command refuses as text (not UTF-8)
        assert isinstance(retry_after, bytes) and b"UTF-8" in stderr
        return
    assert json.loads(stdout) == {
        "action": step.action,
        "delay_ms": step.delay_ms,
        "category": step.category,
        "reason": step.reason,
        "tokens_after": None,
    }
    assert _native.cli(args) == (f"{step}\n".encode(), b"", 0)


#: Bodies: any bytes, any JSON value, and objects with the keys the parser reads.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(
    ["error_code", "error_msg", "errorCode", "errorMsg", "code", "message", "error_ext_msg", "request_id",
     "error"]
)
BODIES = st.one_of(
    st.binary(max_size=80),
    JSON.map(lambda value: json.dumps(value).encode()),
    st.dictionaries(KEYS, JSON, max_size=6).map(lambda value: json.dumps(value).encode()),
)


@given(BODIES)
@example(b'{"error_code":"DCS.4111","error_msg":"m\\u00e9","error_ext_msg":null}')
@example(b'{"error":{"code":"E1","message":"boom"}}')
def test_any_body_gets_an_answer_and_the_http_error_agrees(body):
    parsed = parse_error_body(body)
    fields = (parsed.error_code, parsed.error_msg, parsed.error_ext_msg, parsed.request_id)
    assert all(field is None or isinstance(field, str) for field in fields)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        assert parse_error_body(text) == parsed
    err = DcsHTTPError(400, body=body)
    assert (err.error_code, err.error_msg, err.error_ext_msg) == fields[:3]
    assert err.catalogue is parsed.catalogue
    if parsed.catalogue is None and parsed.error_code is not None:
        assert "not in the DCS error-code catalogue" in str(err)


CODES = st.sampled_from([entry.code for entry in CatalogueEntry.all()])


@given(st.one_of(st.text(max_size=20), st.binary(max_size=20), CODES, CODES.map(lambda c: f" {c.lower()} ")))
def test_any_code_gets_an_entry_or_a_documented_error(code):
    try:
        entry = CatalogueEntry.lookup(code)
    except UnknownErrorCodeError as err:
        assert err.kind is ErrorKind.UNKNOWN_ERROR_CODE and err.code is code
        assert str(err) == _native.error_message(err.kind, code)
        return
    assert entry is CatalogueEntry.all()[entry.index]
    given = code if isinstance(code, str) else code.decode("ascii")
    assert "".join(given.split()).upper() == entry.code.upper()


U64 = st.integers(min_value=0, max_value=2**64 - 1)


@given(
    st.integers(min_value=1, max_value=2**32 - 1),
    st.sampled_from(["full", "equal", "none", "decorrelated"]),
    st.tuples(U64, U64, U64, U64),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=0, max_value=2**32 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    U64,
)
def test_any_step_is_an_answer_within_the_cap(
    max_attempts, jitter, delays, status, attempt, random, previous
):
    transient, throttle, busy, cap = delays
    cap = max(cap, transient, throttle, busy)
    policy = RetryPolicy(
        max_attempts=max_attempts,
        jitter=jitter,
        base_transient_ms=transient,
        base_throttle_ms=throttle,
        base_busy_ms=busy,
        cap_ms=cap,
    )
    step = policy.step(status, attempt=attempt, random=random, previous_delay_ms=previous, idempotent=True)
    assert step.delay_ms <= cap and (step.delay_ms == 0 or step.is_retry)
    assert step.reason.is_retry is step.is_retry
    assert str(step).isascii()
