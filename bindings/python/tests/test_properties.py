"""Properties (hypothesis) of names and Retry-After, over the core's rules."""

import email.utils
import string
import time
from datetime import datetime, timedelta, timezone

from dcs_status import RetryAfterError, StatusCode, UnknownNameError, from_name, parse_retry_after
from hypothesis import example, given
from hypothesis import strategies as st

MEMBERS = list(StatusCode)
SEPARATORS = st.text(alphabet=" -_\t", min_size=1, max_size=3)
KINDS = {"empty", "invalid_delay", "invalid_date", "impossible_date"}
U64_MAX = 2**64 - 1


@st.composite
def spelled_names(draw):
    """An entry and its ident's words in random case, joined by random separators."""
    member = draw(st.sampled_from(MEMBERS))
    words = member.name.split("_")
    cased = [
        "".join(draw(st.sampled_from([c.lower(), c.upper()])) for c in word) for word in words
    ]
    seps = [draw(SEPARATORS) for _ in words[1:]]
    name = cased[0] + "".join(sep + word for sep, word in zip(seps, cased[1:]))
    pad = draw(st.sampled_from(["", " ", "\t ", "  "]))
    return member, pad + name + pad


@given(spelled_names())
def test_any_case_and_separator_spelling_of_an_ident_finds_its_entry(case):
    member, name = case
    assert from_name(name) is member
    assert from_name(name.encode()) is member


@given(st.sampled_from(MEMBERS))
def test_every_entry_is_found_by_its_dcs_name_ident_and_phrase(member):
    for name in (member.dcs_name, member.name, member.phrase):
        assert from_name(name) is member
        if not any(c.isupper() for c in name[1:]):  # no camelCase to lose
            assert from_name(name.lower()) is member


@given(st.one_of(st.text(max_size=40), st.binary(max_size=40)))
@example("not\u00a0found")
@example(b"\xff\xfe")
def test_from_name_answers_any_text_with_an_entry_or_unknown_name_error(name):
    try:
        member = from_name(name)
    except UnknownNameError as err:
        assert err.name == name
        assert str(err).startswith("unknown status name")
    else:
        assert member in MEMBERS
        assert from_name(member.name) is member


@given(st.integers(min_value=0, max_value=U64_MAX), st.integers(0, 3), st.sampled_from(["", " ", "\t"]))
def test_delay_seconds_parse_to_themselves(n, zeros, pad):
    assert parse_retry_after(f"{pad}{'0' * zeros}{n}{pad}", 0) == n


@given(st.integers(min_value=U64_MAX + 1, max_value=10**40))
def test_huge_delay_seconds_saturate(n):
    assert parse_retry_after(str(n), 0) == U64_MAX


INSTANTS = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 30), timezones=st.just(timezone.utc)
)


@given(INSTANTS, st.integers(min_value=-(10**9), max_value=10**9))
def test_imf_fixdate_delay_is_the_time_until_the_date(at, offset):
    at = at.replace(microsecond=0)
    value = email.utils.format_datetime(at, usegmt=True)
    target = int(at.timestamp())
    now = target - offset
    assert parse_retry_after(value, now) == max(offset, 0)
    assert email.utils.parsedate_to_datetime(value) == at  # the stdlib agrees on the instant


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 12, 31)))
def test_the_three_date_forms_agree(at):
    tm = at.timetuple()
    imf = time.strftime("%a, %d %b %Y %H:%M:%S GMT", tm)
    rfc850 = time.strftime("%A, %d-%b-%y %H:%M:%S GMT", tm)
    asctime = time.strftime("%a %b ", tm) + f"{at.day:>2}" + time.strftime(" %H:%M:%S %Y", tm)
    now = int(at.replace(tzinfo=timezone.utc).timestamp()) - 3600
    assert parse_retry_after(imf, now) == parse_retry_after(rfc850, now) == 3600
    assert parse_retry_after(asctime, now) == 3600


@given(st.one_of(st.text(max_size=40), st.binary(max_size=40)), st.integers(-(2**40), 2**40))
@example("Sun, 06 Nov 1994 08:49:37 GMT", 0)
@example(" ", 0)
def test_any_value_gives_a_delay_or_a_retry_after_error(value, now):
    try:
        delay = parse_retry_after(value, now)
    except RetryAfterError as err:
        assert err.kind in KINDS and err.value == value and str(err)
    else:
        assert 0 <= delay <= U64_MAX
        if isinstance(value, str) and value.isascii():
            assert parse_retry_after(value.encode(), now) == delay


@given(st.text(alphabet=string.digits, min_size=1, max_size=25), st.sampled_from(["+", "-", ".", "x", " 1"]))
def test_digits_with_anything_else_are_invalid_delays(digits, junk):
    try:
        parse_retry_after(digits + junk if junk != "+" else junk + digits, 0)
    except RetryAfterError as err:
        assert err.kind == "invalid_delay"
    else:
        raise AssertionError("accepted")


def test_a_date_in_the_past_is_zero_and_now_can_be_a_datetime():
    at = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
    value = email.utils.format_datetime(at, usegmt=True)
    assert parse_retry_after(value, at + timedelta(days=1)) == 0
    assert parse_retry_after(value, at - timedelta(seconds=5)) == 5
