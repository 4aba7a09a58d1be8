"""Regenerates the derived blocks of the Python package's sources.

The package builds its enums and exception classes at run time from the core's
constants (``dcs_status._native``); the type stubs must list them by name. This script
writes, between the ``# BEGIN GENERATED: <name>`` / ``# END GENERATED: <name>``
markers:

- in ``python/dcs_status/__init__.pyi``: the members of ``StatusCode`` and of the
  ``str`` enums (``StatusClass``, ``RetryAdvice``, ``LookupKind``, ``RetryAction``,
  ``ErrorKind``), the kinds ``RetryAfterError.kind`` can be, the per-entry exception
  classes, their old names and ``__all__``'s list of them, all read from the installed
  package;
- in ``python/dcs_status/_enums.py``: the members of ``StatusCode`` (ident and code),
  read from the core's table (``_native.TABLE``), so that ``import dcs_status`` builds
  ``StatusCode`` without loading the native module;
- in ``python/dcs_status/_http.py``: the initialisms of class names, read from
  ``bindings/initialisms.txt`` (the list the Go names are made with too).

so that none of them can drift from the core; ``tests/test_stubs.py`` fails when a
committed block differs from this script's output. Run it after installing the
package (``run-tests.sh`` does):

    python tools/generate_stubs.py          # rewrite the blocks
    python tools/generate_stubs.py --check  # exit 1 if one is stale
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent / "python" / "dcs_status"
STUB = PACKAGE / "__init__.pyi"
HTTP = PACKAGE / "_http.py"
ENUMS = PACKAGE / "_enums.py"
INITIALISMS = HERE.parents[1] / "initialisms.txt"


def initialisms():
    """The words of bindings/initialisms.txt, in its order."""
    lines = INITIALISMS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def http_blocks():
    """The generated blocks of ``_http.py``."""
    words = ", ".join(f'"{word}"' for word in sorted(initialisms()))
    lines, line = [], "   "
    for word in words.split(" "):
        if len(line) + 1 + len(word) > 94:
            lines.append(line)
            line = "   "
        line += " " + word
    lines.append(line + ",")
    return {"initialisms": "_INITIALISMS = frozenset({\n" + "\n".join(lines) + "\n})\n"}


def enums_blocks():
    """The generated blocks of ``_enums.py``, from the core's table."""
    from dcs_status import _native

    rows = "".join(f"    ({row[1]!r}, {row[0]}),\n" for row in _native.TABLE).replace("'", '"')
    return {"members": f"_MEMBERS = (\n{rows})\n"}


def members(enum):
    """An enum's members as the stub's class body lists them."""
    return "".join(f"    {member.name} = {member.value!r}\n" for member in enum).replace("'", '"')


def stub_blocks():
    """The generated blocks of ``__init__.pyi``, from the installed package."""
    import dcs_status
    from dcs_status import _http

    retry_after_kinds = "".join(
        f"    ErrorKind.{kind.name},\n" for kind in dcs_status.ErrorKind if kind.is_retry_after
    )
    classes = []
    for name in _http.ERROR_NAMES:
        cls = getattr(dcs_status, name)
        classes.append(
            f"class {name}({cls.__bases__[0].__name__}):\n"
            f"    STATUS: ClassVar[Literal[StatusCode.{cls.STATUS.name}]]\n"
        )
    return {
        "status classes": members(dcs_status.StatusClass),
        "retry advices": members(dcs_status.RetryAdvice),
        "lookup kinds": members(dcs_status.LookupKind),
        "retry actions": members(dcs_status.RetryAction),
        "error kinds": members(dcs_status.ErrorKind),
        "status members": "".join(
            f"    {status.name} = {status.value}\n" for status in dcs_status.StatusCode
        ),
        "retry-after kinds": f"_RetryAfterKind: TypeAlias = Literal[\n{retry_after_kinds}]\n",
        "error classes": "\n".join(classes),
        "error aliases": "".join(f"{old} = {new}\n" for old, new in _http._ALIASES.items()),
        "error names": "".join(f'    "{name}",\n' for name in _http.ERROR_NAMES),
    }


def render(path, text, blocks):
    """``text`` with every generated block replaced by its fresh content."""
    for name, body in blocks.items():
        marker = re.escape(name)
        pattern = re.compile(
            rf"(# BEGIN GENERATED: {marker}[^\n]*\n)(.*?)(^[ ]*# END GENERATED: {marker}\n)", re.S | re.M
        )
        text, count = pattern.subn(lambda m, body=body: m.group(1) + body + m.group(3), text)
        if count != 1:
            raise SystemExit(f"{path}: no single block named {name!r}")
    return text


def main(argv):
    stale = []
    for path, blocks in ((ENUMS, enums_blocks), (HTTP, http_blocks), (STUB, stub_blocks)):
        current = path.read_text(encoding="utf-8")
        fresh = render(path, current, blocks())
        if fresh == current:
            continue
        if "--check" in argv:
            stale.append(path)
        else:
            path.write_text(fresh, encoding="utf-8")
    for path in stale:
        print(f"{path} is stale: run python tools/generate_stubs.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
