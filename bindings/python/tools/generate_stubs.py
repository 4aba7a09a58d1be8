"""Regenerates the table-derived blocks of ``python/dcs_status/__init__.pyi``.

The stub lists the 42 ``StatusCode`` members and the per-entry exception classes,
which the package builds at import from the core's table. This script writes those
blocks (between the ``# BEGIN GENERATED`` / ``# END GENERATED`` markers) from the
installed package, so that the stub can never drift from the table;
``tests/test_stubs.py`` fails when the committed stub differs from its output.

    python tools/generate_stubs.py          # rewrite the stub
    python tools/generate_stubs.py --check  # exit 1 if it is stale
"""

import re
import sys
from pathlib import Path

STUB = Path(__file__).resolve().parent.parent / "python" / "dcs_status" / "__init__.pyi"


def blocks():
    """The generated blocks, by name."""
    import dcs_status

    members = "".join(
        f"    {status.name} = {status.value}\n" for status in dcs_status.StatusCode
    )
    errors = []
    for name in dcs_status._ERROR_NAMES:
        cls = getattr(dcs_status, name)
        status = cls.STATUS
        errors.append(
            f"class {name}({cls.__bases__[0].__name__}):\n"
            f'    """{status.value} {status.phrase}: DCS\'s {status.dcs_name!r}."""\n\n'
            f"    STATUS: ClassVar[Literal[StatusCode.{status.name}]]\n"
        )
    names = "".join(f'    "{name}",\n' for name in dcs_status._ERROR_NAMES)
    return {
        "status members": members,
        "error classes": "\n".join(errors),
        "error names": names,
    }


def render(text):
    """``text`` with every generated block replaced by its fresh content."""
    for name, body in blocks().items():
        pattern = re.compile(
            rf"(# BEGIN GENERATED: {name}[^\n]*\n)(.*?)(^[ ]*# END GENERATED: {name}\n)",
            re.S | re.M,
        )
        text, count = pattern.subn(lambda m, body=body: m.group(1) + body + m.group(3), text)
        if count != 1:
            raise SystemExit(f"{STUB}: no single block named {name!r}")
    return text


def main(argv):
    current = STUB.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            print(f"{STUB} is stale: run python tools/generate_stubs.py", file=sys.stderr)
            return 1
        return 0
    STUB.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
