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
    for name in ("__init__.pyi", "_native.pyi", "_adapters.pyi", "__main__.pyi"):
        assert (installed / name).read_text(encoding="utf-8") == (
            PACKAGE_SOURCE / name
        ).read_text(encoding="utf-8"), name
    assert (installed / "py.typed").exists()
