# tests/lib.sh: what the test scripts of every language share. Source it (bash):
#
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
#
# It sets `repo` (the repository's root; the working directory becomes it) and gives:
#
#   step TEXT           prints a section header: "==> TEXT"
#   check NAME CMD...   runs CMD in a subshell with `set -e`, its output in
#                       $logs/NAME.log; prints PASS or FAIL (with the log's tail),
#                       counts, and goes on
#   summary             prints the failed checks and "N passed, M failed"; its status
#                       is non-zero if any failed
#   target_dir          cargo's target directory, as cargo resolves it (honours
#                       CARGO_TARGET_DIR and .cargo/config)
#   version             the workspace's version, e.g. 0.2.0 (from cargo)
#   build_release       cargo build --release --locked of the C library (shared and
#                       static) and the dcs-status command
#
# `logs` (where check writes) defaults to $(target_dir)/test-logs; set it first to
# choose. Sourcing twice is harmless: the counters are kept.
# shellcheck shell=bash

if [[ -z "${DCS_STATUS_TESTS_LIB:-}" ]]; then
    DCS_STATUS_TESTS_LIB=1
    repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    cd "$repo"
    passed=0
    failed=0
    failures=()

    step() { printf '\n==> %s\n' "$*"; }

    target_dir() {
        local dir
        dir="$(cargo metadata --format-version 1 --no-deps --offline 2>/dev/null |
            sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
        echo "${dir:-$repo/target}"
    }

    version() {
        local pkgid
        pkgid="$(cargo pkgid --offline -p dcs-status 2>/dev/null)"
        echo "${pkgid##*[#@]}"
    }

    # soname_of VERSION: the shared library's soname for a version, as
    # crates/dcs-status-ffi/build.rs gives it: libdcs_status.so.0.MINOR before 1.0,
    # libdcs_status.so.MAJOR from 1.0 on.
    soname_of() {
        local major="${1%%.*}" rest="${1#*.}"
        if [[ "$major" == 0 ]]; then
            echo "libdcs_status.so.0.${rest%%.*}"
        else
            echo "libdcs_status.so.$major"
        fi
    }

    build_release() {
        cargo build --release --locked -p dcs-status-ffi -p dcs-status-cli
        local release
        release="$(target_dir)/release"
        test -f "$release/libdcs_status.so" && test -f "$release/libdcs_status.a"
        test -x "$release/dcs-status"
    }

    check() {
        local name="$1"
        shift
        : "${logs:=$(target_dir)/test-logs}"
        mkdir -p "$logs"
        local log="$logs/$name.log"
        local start=$SECONDS rc
        set +e
        (set -e; "$@") >"$log" 2>&1
        rc=$?
        set -e
        if [[ $rc -eq 0 ]]; then
            passed=$((passed + 1))
            printf 'PASS  %-58s %4ss\n' "$name" $((SECONDS - start))
        else
            failed=$((failed + 1))
            failures+=("$name")
            printf 'FAIL  %-58s %4ss  (exit %s, log %s)\n' "$name" $((SECONDS - start)) "$rc" "$log"
            tail -n 40 "$log" | sed 's/^/    | /'
        fi
    }

    summary() {
        echo
        if [[ $failed -gt 0 ]]; then
            echo "failed: ${failures[*]}"
        fi
        echo "$passed passed, $failed failed"
        [[ $failed -eq 0 ]]
    }
fi
