"""No input can hurt the host: each reproducer of issue 8 for Python, as a test.

Huge and odd input gives a short message in bounded memory; bytes that are not UTF-8
give C's and Go's error kind; integers of any size, header values of any type and
``now`` of any type give a documented exception or an answer, never ``TypeError``
where an HTTP error is due, never a ``PanicException``; ``now`` never depends on the
local time zone.
"""

import datetime
import os
import time
import tracemalloc

import dcs_status
import pytest
from dcs_status import (
    CatalogueEntry,
    DcsHTTPError,
    ErrorKind,
    InvalidUtf8Error,
    NotAStatusCodeError,
    RetryAction,
    RetryAfterError,
    RetryBudget,
    RetryPolicy,
    RetryReason,
    UnknownErrorCodeError,
    UnknownNameError,
    decide,
    error_class,
    from_name,
    lookup,
    method_is_idempotent,
    parse_error_body,
    parse_retry_after,
    raise_for_status,
    retry_after_of,
)

MB = 1_000_000
I64_MIN, I64_MAX = -(2**63), 2**63 - 1


def _peak_bytes(call, *args):
    """The exception ``call(*args)`` raises, and the peak of memory traced meanwhile."""
    tracemalloc.start()
    try:
        call(*args)
    except Exception as err:  # the caller checks the type
        raised = err
    else:
        raised = None
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return raised, peak


def test_a_100_mb_unknown_name_gives_a_short_message_in_bounded_memory():
    """Was: a 524-million-character message and a 1.25 GB peak."""
    name = b"\n" * (100 * MB)
    err, peak = _peak_bytes(from_name, name)
    assert isinstance(err, UnknownNameError) and err.name is name
    assert len(str(err)) < 400
    assert str(err).endswith(ErrorKind.UNKNOWN_NAME.message[len("unknown status name") :])
    assert "(100000000 bytes)" in str(err)
    assert peak < MB  # bytes reach the core as they are
    text = name.decode()
    del name
    err, peak = _peak_bytes(from_name, text)
    assert isinstance(err, UnknownNameError) and len(str(err)) < 400
    # A str reaches the core as its UTF-8 bytes, copied once for the call (the abi3
    # API of Python 3.9 has no view of a str's UTF-8), then freed.
    assert peak < 1.1 * len(text)


def test_huge_header_values_give_a_short_message():
    huge = "\n" * (10 * MB)
    err, peak = _peak_bytes(raise_for_status, 503, {"Retry-After": huge, "X-Request-Id": huge.encode()})
    assert isinstance(err, dcs_status.ServiceUnavailable)
    assert err.retry_after is None and err.retry_after_header is huge
    # The request id is kept up to TEXT_LIMIT bytes; the message quotes 64 characters of
    # that and tells the whole length of the text the response sent.
    assert len(str(err)) < 1000 and str(err).endswith(f'"… ({len(huge)} bytes)')
    assert err.request_id == "\n" * dcs_status._native.TEXT_LIMIT
    assert peak < 1.1 * len(huge)
    err, _ = _peak_bytes(parse_retry_after, huge.encode(), 0)
    assert isinstance(err, RetryAfterError) and len(str(err)) < 400


def test_a_100_mb_unknown_error_code_gives_a_short_message_in_bounded_memory():
    code = b" " * (50 * MB) + b"x" * (50 * MB)
    err, peak = _peak_bytes(CatalogueEntry.lookup, code)
    assert isinstance(err, UnknownErrorCodeError) and err.code is code
    assert len(str(err)) < 400 and "(100000000 bytes)" in str(err)
    assert peak < MB


@pytest.mark.parametrize(
    "body",
    [
        b"[" * (10 * MB),
        b'{"a":' * (2 * MB),
        b"\xff" * (10 * MB),
        b"{" + b'"k":[1,{"a":null}],' * 500_000 + b'"code":"C"}',
    ],
    ids=["10 MB of [", "2M nested objects", "10 MB not UTF-8", "500000 members"],
)
def test_any_body_is_read_without_raising_in_bounded_memory(body):
    parsed, peak = _peak_bytes(lambda: parse_error_body(body))
    assert parsed is None  # nothing raised
    found = parse_error_body(body)
    assert found.error_code in (None, "C")
    assert peak < MB  # the body is read in place; deep nesting costs no stack
    err = DcsHTTPError(500, body=body, idempotent=True)
    assert len(str(err)) < 1000 and err.decision.action is RetryAction.RETRY_WITH_BACKOFF


def test_huge_body_fields_are_kept_up_to_the_text_limit():
    limit = dcs_status._native.TEXT_LIMIT
    long = "\\u00e9" * (5 * MB)
    body = f'{{"error_code":"{long}","error_msg":"{long}","error_ext_msg":"{long}"}}'.encode()
    err, peak = _peak_bytes(lambda: DcsHTTPError(400, body=body))
    assert err is None
    err = DcsHTTPError(400, body=body)
    for text in (err.error_code, err.error_msg, err.error_ext_msg):
        assert text == "é" * (limit // 2)
    assert len(str(err)) < 2000 and peak < MB
    # The parser itself keeps each field whole: the caller's body, decoded once.
    assert parse_error_body(body).error_msg == "é" * (5 * MB)


@pytest.mark.parametrize(
    "status", [10**5000, -(10**5000), -1, 1, 2**63], ids=["10**5000", "-10**5000", "-1", "1", "2**63"]
)
def test_a_step_answers_any_status(status):
    step = RetryPolicy().step(status, attempt=1)
    assert (step.is_retry, step.reason) == (False, RetryReason.STATUS)
    assert str(step).endswith("is not a status code (status)")


def test_the_name_cache_is_bounded_in_total_size():
    """Was: bounded in count only, so 50 valid names of 10 MB kept 530 MB alive."""
    padded = [" " * (MB + i) + "not found" for i in range(20)]
    for name in padded:
        assert from_name(name) is dcs_status.StatusCode.NOT_FOUND
    for i in range(3 * dcs_status._NAMES_MAX):
        from_name(" " * (i % 40) + "not found" + " " * (i // 40))
    cache = dcs_status._NAMES
    assert len(cache) <= dcs_status._NAMES_MAX
    assert all(len(name) <= dcs_status._NAME_MAX_LEN for name in cache)


@pytest.mark.parametrize("call", [from_name, parse_retry_after])
@pytest.mark.parametrize("value", [b"\xff", b"not\xfffound", b"12\xc3", "\ud800", "a\udcffb"])
def test_text_that_is_not_utf8_is_an_invalid_utf8_error_as_in_c_and_go(call, value):
    """Was: "invalid delay" or "unknown name"."""
    with pytest.raises(InvalidUtf8Error) as info:
        call(value)
    assert info.value.kind is ErrorKind.INVALID_UTF8 and info.value.value is value
    assert str(info.value).endswith(": " + ErrorKind.INVALID_UTF8.message)


def test_a_retry_after_that_is_not_utf8_counts_as_absent_in_the_decision():
    assert decide(429, b"12\xff", 0).action is RetryAction.RETRY_WITH_BACKOFF
    assert DcsHTTPError(429, b"12\xff", now=0).retry_after is None
    assert retry_after_of({"Retry-After": b"\xff"}) is None


@pytest.mark.parametrize(
    "code", [10**5000, -(10**5000), 2**63, I64_MIN - 1], ids=["10**5000", "-10**5000", "2**63", "-2**63-1"]
)
def test_integers_of_any_size_are_not_status_codes(code):
    """Was: a bare ValueError from int-to-str conversion."""
    side = "larger than" if code > 0 else "smaller than"
    for call in (lookup, decide, error_class, raise_for_status, DcsHTTPError):
        with pytest.raises(NotAStatusCodeError) as info:
            call(code)
        assert info.value.code is code
        assert str(info.value).startswith(f"a number {side} ")
        assert str(info.value).endswith(ErrorKind.NOT_A_STATUS_CODE.message[len("not a status code"):])


@pytest.mark.parametrize("value", [b"120", 120, 1.5, None, object(), ["120"], {"v": 1}])
def test_a_header_value_of_any_type_still_raises_the_http_error(value):
    """Was: TypeError for a Retry-After that is not a str."""
    headers = {"Retry-After": value, "X-Request-Id": value}
    with pytest.raises(dcs_status.TooManyRequests) as info:
        raise_for_status(429, headers, now=0)
    expected = 120 if value == b"120" else None
    assert info.value.retry_after == expected
    assert info.value.request_id == ("120" if value == b"120" else None)
    assert retry_after_of(headers, now=0) == expected

    class Response:
        status_code = 429

        def __init__(self):
            self.headers = headers

    assert decide(Response(), now=0).delay == expected


@pytest.mark.parametrize("now", [I64_MIN, I64_MAX, -(10**30), 10**30, -1e300, 1e300, True])
@pytest.mark.parametrize(
    "value",
    [
        "120",
        "18446744073709551616",
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Friday, 31-Dec-99 23:59:60 GMT",
        "Sun Nov  6 08:49:37 1994",
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ],
)
def test_any_now_gives_an_answer_never_a_panic(value, now):
    """Was: a PanicException (which ``except Exception`` does not catch) near the i64 limits."""
    delay = parse_retry_after(value, now)
    assert 0 <= delay <= 2**64 - 1
    assert decide(503, value, now).delay == delay
    assert DcsHTTPError(503, value, now=now).retry_after == delay


def test_now_never_depends_on_the_local_time_zone():
    date = "Sun, 06 Nov 1994 08:51:37 GMT"
    aware = datetime.datetime(1994, 11, 6, 8, 49, 37, tzinfo=datetime.timezone.utc)
    tokyo = aware.astimezone(datetime.timezone(datetime.timedelta(hours=9)))
    naive = datetime.datetime(1994, 11, 6, 8, 49, 37)
    saved = os.environ.get("TZ")
    try:
        for zone in ("UTC", "Asia/Tokyo", "America/New_York"):
            os.environ["TZ"] = zone
            time.tzset()
            assert parse_retry_after(date, aware) == parse_retry_after(date, tokyo) == 120
            assert parse_retry_after(date, 784111777) == 120
            for call in (lambda: parse_retry_after(date, naive), lambda: decide(503, date, naive)):
                with pytest.raises(ValueError, match="naive datetime"):
                    call()
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


#: Bad types, and the exception each gets: the types documented in each docstring.
BAD_TYPES = [
    (lookup, ("404",), TypeError),
    (lookup, (404.0,), TypeError),
    (lookup, (None,), TypeError),
    (from_name, (404,), TypeError),
    (from_name, (None,), TypeError),
    (from_name, (bytearray(b"ok"),), TypeError),
    (parse_retry_after, (120,), TypeError),
    (parse_retry_after, ("120", "now"), TypeError),
    (parse_retry_after, ("120", datetime.date(2020, 1, 1)), TypeError),
    (parse_retry_after, ("120", float("nan")), ValueError),
    (parse_retry_after, ("120", float("inf")), ValueError),
    (decide, (429, 120), TypeError),
    (decide, (429, "1", "now"), TypeError),
    (method_is_idempotent, (None,), TypeError),
    (DcsHTTPError, (429, 120), TypeError),
    (error_class, ("404",), TypeError),
    (raise_for_status, (object(),), TypeError),
    (parse_error_body, (None,), TypeError),
    (parse_error_body, (bytearray(b"{}"),), TypeError),
    (parse_error_body, (memoryview(b"{}"),), TypeError),
    (CatalogueEntry.lookup, (4111,), TypeError),
    (CatalogueEntry.lookup, (None,), TypeError),
    (RetryPolicy().step, (429.0,), TypeError),  # attempt is required
    (lambda: RetryPolicy().step(429.0, attempt=1), (), TypeError),
    (lambda: RetryPolicy().step("429", attempt=1), (), TypeError),
    (lambda: RetryPolicy().step(429, attempt=1.0), (), TypeError),
    (lambda: RetryPolicy().step(429, attempt=-1), (), ValueError),
    (lambda: RetryPolicy().step(429, attempt=1, random="0.5"), (), TypeError),
    (lambda: RetryPolicy().step(429, attempt=1, retry_after=5), (), TypeError),
    (lambda: RetryPolicy().step(429, attempt=1, budget=object()), (), TypeError),
    (lambda: RetryPolicy().step(429, attempt=1, previous_delay_ms=-1), (), ValueError),
    (lambda: RetryPolicy().backoff_ms("slow", 1, 0.5), (), ValueError),
    (lambda: RetryPolicy().backoff_ms(1, 1, 0.5), (), TypeError),
    (lambda: RetryBudget(capacity="500"), (), TypeError),
    (lambda: RetryBudget(capacity=2**32), (), ValueError),
    (lambda: RetryBudget().record_success(object()), (), TypeError),
]


@pytest.mark.parametrize(("call", "args", "expected"), BAD_TYPES, ids=lambda x: getattr(x, "__name__", ""))
def test_every_bad_type_gets_its_documented_exception(call, args, expected):
    with pytest.raises(expected) as info:
        call(*args)
    assert type(info.value) is expected
