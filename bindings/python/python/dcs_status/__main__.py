"""``python -m dcs_status``: the ``dcs-status`` command, in Python.

Same commands, same output byte for byte, same exit codes (2 on an error) as the
Rust command ``dcs-status``::

    python -m dcs_status 429                 # explain a code
    python -m dcs_status "not found"         # ... or a name
    python -m dcs_status list [--json]       # the whole table
    python -m dcs_status retry-after VALUE [--now SECONDS]
    python -m dcs_status retry CODE [--retry-after VALUE] [--idempotent] [--now SECONDS]

``list --json`` is built from the package's view of the table (``StatusCode``), in
the core's canonical JSON form, so comparing it with the Rust command's output
proves both hold the same table.
"""

import sys

import dcs_status
from dcs_status import (
    NotAStatusCodeError,
    RetryAfterError,
    StatusCode,
    UnknownNameError,
    _native,
    decide,
    parse_retry_after,
)

_COMMANDS = ("list", "retry-after", "retry")


class _CommandError(Exception):
    """An error to print as ``dcs-status: <message>``, exiting with 2."""


def _entry_json(status):
    """One entry in the canonical JSON form (see the core's ``entry_json``)."""
    import json

    fields = {
        "code": status.value,
        "name": status.dcs_name,
        "ident": status.name,
        "phrase": status.phrase,
        "class": status.status_class.value,
        "retry": status.retry_advice.value,
        "description": status.description,
    }
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False)


def table_json():
    """The whole table as the core's canonical JSON, built from ``StatusCode``.

    >>> table_json().startswith('[\\n{"code":100,"name":"Continue","ident":"CONTINUE",')
    True
    """
    return "[\n" + ",\n".join(_entry_json(status) for status in StatusCode) + "\n]\n"


def _list(json):
    return table_json() if json else _native.table_text()


def _explain(query):
    """The core's explanation of a code or a name, as ``dcs-status QUERY`` prints it."""
    try:
        return _native.explain(query)
    except (NotAStatusCodeError, UnknownNameError) as err:
        raise _CommandError(str(err)) from None


def _debug_str(value):
    """``value`` quoted as Rust's ``{:?}`` quotes a string (for error messages)."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}
    out = []
    for char in value:
        if char in escapes:
            out.append(escapes[char])
        elif not char.isprintable() and char != " ":
            out.append(f"\\u{{{ord(char):x}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _retry_after(value, now):
    try:
        return f"{parse_retry_after(value, now)}\n"
    except RetryAfterError as err:
        raise _CommandError(f"{_debug_str(value)}: {err}") from None


def _retry(code, retry_after, idempotent, now):
    try:
        return f"{decide(code, retry_after, now, idempotent)}\n"
    except NotAStatusCodeError as err:
        raise _CommandError(str(err)) from None


def _parser(command):
    import argparse

    prog = "python -m dcs_status"
    if command is None:
        parser = argparse.ArgumentParser(
            prog=prog,
            description="Explains the status codes of the DCS API (dcs-api-0312043). "
            "Give a code (429) or a name (\"not found\"), or a command: "
            + ", ".join(_COMMANDS)
            + ".",
        )
        parser.add_argument(
            "query",
            help='a status code (100-999) or a name ("NotFound", "not found", '
            '"Gateway Timeout")',
        )
        parser.add_argument(
            "-V", "--version", action="version", version=f"dcs-status {dcs_status.__version__}"
        )
        return parser
    parser = argparse.ArgumentParser(prog=f"{prog} {command}")
    if command == "list":
        parser.description = "Lists the whole table, in code order."
        parser.add_argument("--json", action="store_true", help="print the canonical JSON form")
    elif command == "retry-after":
        parser.description = "Parses a Retry-After value; prints the delay in seconds."
        parser.add_argument("value", help='delay-seconds ("120") or an HTTP-date')
        parser.add_argument("--now", type=int, help="the current time in Unix seconds")
    else:
        parser.description = "Decides whether and when to retry a request."
        parser.add_argument("code", type=int, help="the response's status code")
        parser.add_argument("--retry-after", help="the response's Retry-After value")
        parser.add_argument("--idempotent", action="store_true", help="the request is idempotent")
        parser.add_argument("--now", type=int, help="the current time in Unix seconds")
    return parser


def run(argv):
    """Runs the command on ``argv`` (without the program name); its output.

    Raises ``SystemExit`` as the command exits on an error.

    >>> print(run(["retry", "429", "--retry-after", "120"]), end="")
    retry_after 120s
    """
    command = argv[0] if argv and argv[0] in _COMMANDS else None
    args = _parser(command).parse_args(argv if command is None else argv[1:])
    try:
        if command is None:
            return _explain(args.query)
        if command == "list":
            return _list(args.json)
        if command == "retry-after":
            return _retry_after(args.value, args.now)
        return _retry(args.code, args.retry_after, args.idempotent, args.now)
    except _CommandError as failure:
        sys.stderr.flush()
        sys.stderr.buffer.write(f"dcs-status: {failure}\n".encode())
        sys.stderr.buffer.flush()
        raise SystemExit(2) from None


def main(argv=None):
    """The entry point of ``python -m dcs_status``: prints ``run``'s output."""
    text = run(sys.argv[1:] if argv is None else argv)
    try:
        # UTF-8 and "\n", whatever the locale and platform, as the Rust command writes.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode())
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # `python -m dcs_status list | head`
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
