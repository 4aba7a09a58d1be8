"""Properties (hypothesis) of the boundary between Python and the core.

The rules themselves (name spellings, the Retry-After grammar, date arithmetic) are
the core's, and their properties are tested there (crates/dcs-status/tests/
properties.rs). Here: any ``str``, ``bytes``, code and ``now`` gets an answer or a
documented exception, never another; a ``str`` and its UTF-8 bytes get the same
answer; and the answer is the one the core gives through another door, the
``dcs-status`` command run in process (``_native.cli``).
"""

from dcs_status import (
    DcsHTTPError,
    ErrorKind,
    InvalidUtf8Error,
    RetryAfterError,
    StatusCode,
    UnknownNameError,
    _native,
    decide,
    from_name,
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
    args = ["retry", str(code), f"--now={now}"]
    if retry_after is not None:
        value = retry_after if isinstance(retry_after, bytes) else retry_after.encode()
        args.append(b"--retry-after=" + value)
    if idempotent:
        args.append("--idempotent")
    stdout, stderr, code_ = _native.cli(args)
    if code_ == 0:
        assert stdout == f"{decision}\n".encode()
    else:  # an argument the command refuses as text (not UTF-8): the value counts as absent
        assert b"UTF-8" in stderr
        assert decide(code, None, now, idempotent) == decision
