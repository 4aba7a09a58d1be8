#!/usr/bin/env bash
# The Python package's whole suite: one command, from any directory, on a fresh machine
# with python3 (3.9+; 3.11 preferred), pip and rustup's cargo.
#
#   bindings/python/run-tests.sh
#
# Creates (or reuses) the virtualenv $REPO/target/python-venv, installs the pinned test
# dependencies (requirements-test.txt), installs the package the way users do
# (`pip install ./bindings/python`: maturin builds the abi3 wheel, Cargo profile `wheel`),
# then runs cargo fmt/clippy for crates/dcs-status-py, ruff, mypy --strict on the typed
# usage example, mypy.stubtest against the compiled module, and pytest (warnings as
# errors; the Rust command's path in DCS_STATUS_CLI for the byte-for-byte comparison of
# `python -m dcs_status` with `dcs-status`).
# Exits non-zero on the first failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VENV="$REPO/target/python-venv"

step() { printf '\n==> %s\n' "$*"; }

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

step "virtualenv $VENV"
if ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    rm -rf "$VENV"
    "$(pick_python)" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" --version
"$PY" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements-test.txt"

step "pip install ./bindings/python (abi3 wheel, Cargo profile dist, built by maturin)"
cd "$REPO"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps ./bindings/python

step "cargo fmt --check and clippy -D warnings (crates/dcs-status-py)"
cargo fmt --check -p dcs-status-py
cargo clippy --quiet -p dcs-status-py --all-targets -- -D warnings

cd "$HERE"
step "ruff check"
"$VENV/bin/ruff" check .

step "mypy --strict on tests/typed_usage.py"
"$PY" -m mypy --strict tests/typed_usage.py

step "mypy.stubtest dcs_status"
"$PY" -m mypy.stubtest dcs_status

step "cargo build -p dcs-status-cli (the command python -m dcs_status is compared with)"
cargo build --quiet -p dcs-status-cli
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps --manifest-path "$REPO/Cargo.toml" \
    | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
RUST_CLI="$TARGET_DIR/debug/dcs-status"

step "pytest -W error (vectors, properties, real clients on 127.0.0.1, threads, command, stubs)"
DCS_STATUS_CLI="$RUST_CLI" "$PY" -m pytest -W error -p no:cacheprovider tests
