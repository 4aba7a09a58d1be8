"""``python -m dcs_status`` is the ``dcs-status`` command: the same program, byte for byte.

run-tests.sh builds the Rust command and sets ``DCS_STATUS_CLI`` to it: every case below
must then give the same stdout, stderr and exit code, usage errors and odd input
included. (Both run crates/dcs-status-cli; these tests guard the way there: argument
bytes, streams, exit code.) What each case prints is tested once, in Rust
(crates/dcs-status-cli/tests).
"""

import os
import subprocess
import sys

import pytest
from dcs_status import RetryPolicy, _native

RUST_CLI = os.environ.get("DCS_STATUS_CLI")

#: One argument just under Linux's limit for a single argument (128 KiB).
BIG = 100_000

CASES = [
    # Codes and names.
    ["429"],
    ["404"],
    ["204"],
    ["418"],
    ["599"],
    ["700"],
    ["not found"],
    ["Gateway Time-out"],
    ["  request_uri_too_large "],
    ["+404"],
    ["bogus"],
    ["42"],
    # Every command, and the program's own options.
    ["list"],
    ["list", "--json"],
    ["retry-after", "120", "--now", "0"],
    ["retry-after", "Sun, 06 Nov 1994 08:51:37 GMT", "--now", "784111777"],
    ["retry-after", "Sunday, 06-Nov-94 08:51:37 GMT", "--now=784111777"],
    ["retry-after", "Sun, 06 Nov 1994 08:49:37 GMT"],
    ["retry-after", "soon", "--now", "0"],
    ["retry-after", "+1", "--now", "0"],
    ["retry-after", "\t", "--now", "0"],
    ["retry", "503", "--retry-after", "10", "--now", "0"],
    ["retry", "503", "--now", "0"],
    ["retry", "429", "--now", "0", "--random", "0.5"],
    ["retry", "--idempotent", "502", "--random", "0.5"],
    ["retry", "502"],
    ["retry", "42"],
    # The retry policy (issue 10): the log line, the JSON object, odd values. Every
    # case gives --random when a jittered delay could be printed (else it varies).
    ["retry", "400", "--error-code", "DCS.4111", "--random", "0.37"],
    ["retry", "400", "--error-code", "DCS.4111", "--random", "0.37", "--json", "--budget-tokens", "20"],
    ["retry", "404", "--json"],
    ["retry", "503", "--random", "nan"],
    ["retry", "503", "--random", "inf"],
    ["retry", "503", "--random=-0.25"],
    ["retry", "503", "--random", "abc"],
    ["retry", "503", "--jitter", "bogus"],
    ["retry", "503", "--jitter", "Full"],
    ["retry", "503", "--attempt", "0"],
    ["retry", "503", "--attempt", "4294967296"],
    ["retry", "503", "--max-attempts", "0"],
    ["retry", "503", "--cap-ms", "10"],
    ["retry", "502", "--idempotent", "--attempt=4294967294", "--max-attempts=4294967295", "--random=0.5"],
    ["retry", "502", "--idempotent", "--attempt=64", "--max-attempts=99", "--random=0.5", "--json"],
    ["retry", "429", "--jitter=none", "--cap-ms=18446744073709551615", "--attempt=64", "--max-attempts=65"],
    ["retry", "502", "--idempotent", "--jitter=none", "--attempt=64", "--max-attempts=65"],
    ["retry", "502", "--idempotent", "--random", "0.5", "--budget-retry-cost", "4294967295"],
    ["retry", "429", "--retry-after", "99999999999999999999", "--max-retry-after", "18446744073709551615"],
    ["retry", "503", "--retry-after", "Sun, 06 Nov 1994 08:49:37 GMT", "--now", "-9223372036854775808"],
    ["retry", "500", "--idempotent", "--jitter=decorrelated", "--attempt=2", "--random=0.75"],
    ["retry", "500", "--idempotent", "--jitter=none", "--attempt=2", "--previous-ms=18446744073709551615"],
    ["retry", "504", "--idempotent", "--random", "0.5", "--time-left-ms", "0", "--json"],
    [],
    ["--help"],
    ["-h"],
    ["help"],
    ["help", "retry"],
    ["help", "bogus"],
    ["list", "--help"],
    ["retry-after", "-h"],
    ["retry", "--help"],
    ["--version"],
    ["-V"],
    ["--"],
    ["--", "list"],
    # Unknown options, missing values, extra arguments.
    ["--bogus"],
    ["-x"],
    ["list", "--jsn"],
    ["list", "--json=yes"],
    ["list", "--json", "--json"],
    ["retry", "503", "--bogus"],
    ["retry-after"],
    ["retry"],
    ["retry", "503", "--now"],
    ["retry", "503", "--retry-after"],
    ["list", "extra"],
    ["429", "404"],
    ["retry", "503", "504"],
    # Combining marks, control characters, invisible characters.
    ["retry-after", "\u0301x", "--now", "0"],
    ["\u0301x"],
    ["list", "e\u0301"],
    ["retry-after", "a\tb\x1b[31m\r\n\x01\x7f", "--now", "0"],
    ["list", "\u200b\u2028\ufeff\u00ad"],
    # Arguments that are not UTF-8.
    [b"\xff"],
    [b"list", b"a\xffb"],
    [b"retry-after", b"\xc3", b"--now", b"0"],
    [b"retry", b"503", b"--retry-after", b"\xed\xa0\x80"],
    # Huge arguments.
    ["retry-after", "x" * BIG, "--now", "0"],
    ["retry-after", "1", "--now", "9" * BIG],
    ["retry", "9" * BIG],
    ["list", "--" + "x" * BIG],
    ["x" * BIG],
    # Negative and huge numbers, odd Unicode digits.
    ["-5"],
    ["retry", "-5"],
    ["retry", "-9223372036854775808"],
    ["retry", "99999999999999999999"],
    ["retry", "-9223372036854775809"],
    ["99999999999999999999"],
    ["retry-after", "120", "--now", "-1"],
    ["retry-after", "120", "--now", "9223372036854775807"],
    ["retry-after", "120", "--now", "9223372036854775808"],
    ["retry-after", "99999999999999999999999", "--now", "0"],
    ["retry", "\u0665\u0660\u0663"],
    ["retry", "\uff15\uff10\uff13"],
    ["\u0664\u0660\u0664"],
    ["retry-after", "\u0661\u0662\u0660", "--now", "0"],
    ["retry-after", "120", "--now", "\u0663"],
    # Error codes, the catalogue, error bodies (standard input is empty here).
    ["DCS.4111"],
    ["111400017"],
    [" dcs. 4855"],
    ["DCS.9999"],
    ["111400999"],
    ["errors"],
    ["errors", "--json"],
    ["errors", "--jsn"],
    ["explain-body", "--status", "404"],
    ["explain-body", "--status", "429", "--header", "Retry-After: 30", "--header", "x-request-id: r"],
    ["explain-body"],
    ["explain-body", "--header", "no colon", "--status", "400"],
    ["explain-body", "--status", "1000"],
    ["help", "explain-body"],
]


def _case_id(args):
    text = " ".join(repr(arg) if isinstance(arg, bytes) else arg for arg in args)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _run(command, args):
    return subprocess.run(
        [*command, *args], capture_output=True, stdin=subprocess.DEVNULL, check=False
    )


@pytest.mark.skipif(RUST_CLI is None, reason="DCS_STATUS_CLI (the Rust command) not set")
@pytest.mark.parametrize("args", CASES, ids=_case_id)
def test_python_command_matches_the_rust_command_byte_for_byte(args):
    rust = _run([RUST_CLI], args)
    python = _run([sys.executable, "-m", "dcs_status"], args)
    assert (python.stdout, python.stderr, python.returncode) == (
        rust.stdout,
        rust.stderr,
        rust.returncode,
    )


def test_the_command_runs_in_process_through_native_cli():
    line = b"retry 1 of 2 in 120000 ms: 429 Too Many Requests asks to wait 120 s (retry_after)\n"
    assert _native.cli(["retry", "429", "--retry-after", "120"]) == (line, b"", 0)
    assert line == f"{RetryPolicy().step(429, attempt=1, retry_after='120')}\n".encode()
    stdout, stderr, code = _native.cli([])
    assert (stdout, code) == (b"", 2)
    assert stderr.startswith(b"dcs-status: ") and stderr.endswith(b"\n")


def test_arguments_are_bytes_as_os_fsencode_gives_them():
    for text in ["\u0301x", "caf\xe9", "\udcff", "a\udcc3b"]:
        assert _native.cli(["list", text]) == _native.cli([b"list", os.fsencode(text)])
    stderr = _native.cli(["list", "a\udcffb"])[1]
    assert stderr == b'dcs-status: argument "a\\xffb": the text is not valid UTF-8: see `dcs-status --help`\n'
    with pytest.raises(TypeError, match="str or bytes, not int"):
        _native.cli(["retry", 503])


def test_a_huge_argument_gives_a_short_message():
    huge = "x" * (1 << 20)
    for args in [
        ["retry-after", huge, "--now", "0"],
        ["retry", huge],
        ["list", huge],
        ["list", "--" + huge],
        ["retry-after", "1", "--now", huge],
        [b"list", b"\xff" * (1 << 20)],
    ]:
        stdout, stderr, code = _native.cli(args)
        assert (stdout, code) == (b"", 2)
        assert len(stderr) < 400 and '"…'.encode() in stderr, stderr


class _Unreadable:
    """A standard input that fails the test if anything reads it."""

    def read(self, size=-1):
        raise AssertionError("stdin was read")


def test_commands_that_need_no_input_never_read_stdin():
    for args in [["429"], ["list", "--json"], ["retry", "503"], ["retry-after", "1"], ["--help"]]:
        assert _native.cli(args, _Unreadable())[2] == 0


def test_main_prints_the_output_and_returns_the_exit_code():
    result = subprocess.run(
        [sys.executable, "-c", "import sys, dcs_status.__main__ as m; sys.exit(m.main(['42']) + 1)"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert (result.stdout, result.returncode) == (b"", 3)
    assert result.stderr.startswith(b"dcs-status: 42 is not a status code")
