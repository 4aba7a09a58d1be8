"""The stubs and the other generated blocks are fresh, and ship with the package."""

import subprocess
import sys
from pathlib import Path

import dcs_status

HERE = Path(__file__).resolve().parent
PACKAGE_SOURCE = HERE.parent / "python" / "dcs_status"


def test_generated_blocks_are_fresh():
    result = subprocess.run(
        [sys.executable, str(HERE.parent / "tools" / "generate_stubs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_installed_package_ships_the_stubs_and_py_typed():
    installed = Path(dcs_status.__file__).resolve().parent
    stubs = sorted(path.name for path in PACKAGE_SOURCE.glob("*.pyi"))
    assert {"__init__.pyi", "_native.pyi", "requests.pyi", "retrying.pyi"} <= set(stubs)
    for name in stubs:
        assert (installed / name).read_text(encoding="utf-8") == (
            PACKAGE_SOURCE / name
        ).read_text(encoding="utf-8"), name
    assert (installed / "py.typed").exists()
