"""``python -m dcs_status``: the ``dcs-status`` command, run in this process.

It is the Rust command's own code (``_native.cli``, crates/dcs-status-cli): the same
arguments give the same output bytes, messages and exit code. See
``python -m dcs_status --help``.
"""

import os
import sys

from dcs_status import _native


def main(argv=None):
    """Runs the command on ``argv`` (default: ``sys.argv[1:]``), prints what it prints;
    returns its exit code."""
    args = [os.fsencode(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    stdout, stderr, code = _native.cli(args, getattr(sys.stdin, "buffer", None))
    for stream, data in ((sys.stdout, stdout), (sys.stderr, stderr)):
        try:
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        except BrokenPipeError:  # `python -m dcs_status list | head`
            pass
    return code


if __name__ == "__main__":
    sys.exit(main())
