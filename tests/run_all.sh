#!/usr/bin/env bash
# Runs every test of dcs-status, from a fresh clone on a fresh machine: the Rust
# workspace (format, lints, unit/property/vector/document tests, doctests), then the
# C/C++, Python and Go suites, each of which installs what it needs, then the release
# artifacts as users without Rust see them (dist: tests/dist/run.sh).
#
#   bash tests/run_all.sh            # everything
#   bash tests/run_all.sh rust go    # only some suites: rust, c, python, go, dist
#
# Every suite runs even if an earlier one failed; the exit code is non-zero if any did.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(rust c python go dist)

suite_rust() {
    rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
    cargo fmt --all -- --check &&
        cargo clippy --workspace --all-targets --locked -- -D warnings &&
        # The Python extension module is built and tested by maturin and pytest.
        cargo test --workspace --exclude dcs-status-py --locked
}
suite_c() { bash tests/c/run.sh; }
suite_python() { bash bindings/python/run-tests.sh; }
suite_go() { bash bindings/go/run-tests.sh; }
suite_dist() { bash tests/dist/run.sh; }

passed=0
failed=()
for suite in "${suites[@]}"; do
    echo
    echo "=============== $suite ==============="
    if "suite_$suite"; then
        passed=$((passed + 1))
    else
        failed+=("$suite")
    fi
done

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "failed suites: ${failed[*]}"
fi
echo "suites: $passed passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
