"""``python -m dcs_status`` mirrors the Rust ``dcs-status`` command.

run-tests.sh builds the Rust command and sets ``DCS_STATUS_CLI`` to it: every case
below must then give the same stdout, stderr and exit code, byte for byte (usage
errors are the argument parsers' own: clap and argparse word them differently).
"""

import os
import subprocess
import sys

import dcs_status._native
import pytest

RUST_CLI = os.environ.get("DCS_STATUS_CLI")

CASES = [
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
    ["99999999999999999999"],
    ["list"],
    ["list", "--json"],
    ["retry-after", "120", "--now", "0"],
    ["retry-after", "Sun, 06 Nov 1994 08:51:37 GMT", "--now", "784111777"],
    ["retry-after", "Sunday, 06-Nov-94 08:51:37 GMT", "--now", "784111777"],
    ["retry-after", "soon", "--now", "0"],
    ["retry-after", "+1", "--now", "0"],
    ["retry-after", "\t", "--now", "0"],
    ["retry", "503", "--retry-after", "10", "--now", "0"],
    ["retry", "503", "--now", "0"],
    ["retry", "429", "--now", "0"],
    ["retry", "502", "--idempotent"],
    ["retry", "502"],
    ["retry", "42"],
]


def _python(args):
    return subprocess.run(
        [sys.executable, "-m", "dcs_status", *args], capture_output=True, check=False
    )


@pytest.mark.skipif(RUST_CLI is None, reason="DCS_STATUS_CLI (the Rust command) not set")
@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_python_command_matches_the_rust_command_byte_for_byte(args):
    rust = subprocess.run([RUST_CLI, *args], capture_output=True, check=False)
    python = _python(args)
    assert python.stdout == rust.stdout
    assert python.stderr == rust.stderr
    assert python.returncode == rust.returncode


def test_list_json_is_the_cores_canonical_json():
    result = _python(["list", "--json"])
    assert result.returncode == 0
    assert result.stdout == dcs_status._native.table_json().encode()


def test_explaining_429_names_the_retry_after_advice():
    result = _python(["429"])
    assert result.returncode == 0
    text = result.stdout.decode()
    assert text.startswith("429 Too Many Requests\n  DCS name:    TooManyRequests\n")
    assert "re-initiate the request after the time in the Retry-After header" in text


def test_errors_exit_with_2_and_a_message():
    result = _python(["bogus"])
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.startswith(b'dcs-status: unknown status name "bogus"')
