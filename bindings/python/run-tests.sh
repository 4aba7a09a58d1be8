#!/usr/bin/env bash
# The Python package's whole suite: one command, from any directory, on a fresh machine
# with python3 (3.9+; 3.11 preferred), pip and rustup's cargo.
#
#   bindings/python/run-tests.sh
#
# Creates (or reuses) the virtualenv $(target_dir)/python-venv, installs the pinned test
# dependencies (requirements-test.txt) and the package the way users do
# (`pip install ./bindings/python`: maturin builds the abi3 wheel, Cargo profile dist),
# then checks, each reported PASS or FAIL with its log (tests/lib.sh): ruff, mypy
# --strict on the typed usage example, mypy.stubtest against the compiled module, and
# pytest (warnings as errors; DCS_STATUS_CLI is the release `dcs-status` command, which
# `python -m dcs_status` is compared with byte for byte). Format and clippy are the
# workspace's (tests/run_all.sh rust). Exits non-zero if a step failed.
set -euo pipefail
# shellcheck source=../../tests/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../tests/lib.sh"

here="$repo/bindings/python"
venv="$(target_dir)/python-venv"
logs="$(target_dir)/test-logs/python"

pick_python() {
    if [[ -n "${PYTHON:-}" ]]; then echo "$PYTHON"; return; fi
    local candidate
    for candidate in python3.11 python3 python; do
        if "$candidate" -c 'import sys; assert sys.version_info >= (3, 9)' >/dev/null 2>&1; then
            echo "$candidate"
            return
        fi
    done
    echo "run-tests.sh: no python3 (3.9 or later) found; set PYTHON" >&2
    exit 1
}

step "virtualenv $venv"
if ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
    rm -rf "$venv"
    "$(pick_python)" -m venv "$venv"
fi
py="$venv/bin/python"
"$py" --version
# `python -m pip`, never the venv's pip script: its first line names the interpreter of
# the virtualenv it was made in, which a copied virtualenv does not change.
"$py" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-test.txt"

step "pip install ./bindings/python (abi3 wheel, Cargo profile dist, built by maturin)"
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps ./bindings/python

step "the dcs-status command (release), which python -m dcs_status is compared with"
cargo build --quiet --release --locked -p dcs-status-cli
rust_cli="$(target_dir)/release/dcs-status"

step "checks (logs in $logs)"
cd "$here"
check ruff "$venv/bin/ruff" check .
check mypy_strict_typed_usage "$py" -m mypy --strict tests/typed_usage.py
check stubtest "$py" -m mypy.stubtest dcs_status
check pytest env DCS_STATUS_CLI="$rust_cli" "$py" -m pytest -W error -p no:cacheprovider tests
summary
