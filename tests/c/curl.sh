#!/usr/bin/env bash
# tests/c/curl.sh: the libcurl retry loop (bindings/c/examples/curl_retry.c) against a
# real server on 127.0.0.1.
#
#   - tests/clients/scripted_server.py, started here, plays every scenario of
#     tests/vectors/client_scenarios.json; tests/c/test_curl_retry.c runs each through
#     dcs_curl_perform with the clock, the random draw and the sleep injected, and
#     checks requests and bodies received, delays, reasons, log lines and levels,
#     request ids, error codes, the outcome and the final body; then streamed bodies
#     (rewound, or sent once), the timeout and a budget. Under ASan+UBSan and under
#     valgrind memcheck;
#   - curl_retry_example (a POST answered DCS.4111 twice, then 200) against the same
#     server, with real sleeps.
#
# libcurl comes from the distribution's development package (libcurl4-openssl-dev,
# installed with apt-get when pkg-config does not know libcurl and we are root on
# Debian); the programs are built with `pkg-config --cflags --libs libcurl`.
#
# Usage: bash tests/c/curl.sh   (builds the release library first; logs in target/c-logs)
# tests/c/run.sh sources it and calls curl_checks.
set -euo pipefail

# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
: "${logs:=$(target_dir)/c-logs}"
curl_release="$(target_dir)/release"
curl_dir="$(target_dir)/c-curl"
curl_warnings=(-Wall -Wextra -Wpedantic -Werror)

# Installs libcurl's development package when pkg-config does not know libcurl.
ensure_libcurl() {
    pkg-config --exists libcurl 2>/dev/null && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "curl.sh: installing libcurl4-openssl-dev"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            libcurl4-openssl-dev pkg-config
    else
        echo "curl.sh: libcurl's development files are missing: install them" \
            "(Debian: apt-get install libcurl4-openssl-dev pkg-config)" >&2
        return 1
    fi
}

# build_curl OUTPUT SOURCES... -- FLAGS...: one program with the loop, libcurl and the
# static libdcs_status of this tree.
build_curl() {
    local output="$1"
    shift
    local sources=()
    while [[ $1 != -- ]]; do
        sources+=("$1")
        shift
    done
    shift
    mkdir -p "$curl_dir"
    # shellcheck disable=SC2046
    gcc -std=c99 "${curl_warnings[@]}" -g "$@" -I include -I bindings/c/examples "${sources[@]}" \
        "$repo/bindings/c/examples/curl_retry.c" -o "$output" $(pkg-config --cflags --libs libcurl) \
        "$curl_release/libdcs_status.a" $(cat "$repo/bindings/c/native-static-libs.txt")
}

build_curl_programs() {
    local test=("$repo/tests/c/test_curl_retry.c" "$repo/tests/c/json.c")
    build_curl "$curl_dir/test_curl_retry" "${test[@]}" -- -pthread
    build_curl "$curl_dir/test_curl_retry-asan" "${test[@]}" -- \
        -pthread -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
    build_curl "$curl_dir/curl_retry_example" "$repo/bindings/c/examples/curl_retry_example.c" --
}

# Starts the scripted server; sets scripted_url and scripted_pid.
start_scripted_server() {
    mkdir -p "$curl_dir"
    rm -f "$curl_dir/server.url"
    python3 "$repo/tests/clients/scripted_server.py" >"$curl_dir/server.url" 2>"$curl_dir/server.log" &
    scripted_pid=$!
    local i
    for i in $(seq 100); do
        scripted_url="$(head -n 1 "$curl_dir/server.url" 2>/dev/null || true)"
        [[ -n $scripted_url ]] && return 0
        kill -0 "$scripted_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "the scripted server did not start:" >&2
    cat "$curl_dir/server.log" >&2
    return 1
}

stop_scripted_server() {
    if [[ -n ${scripted_pid:-} ]]; then
        kill "$scripted_pid" 2>/dev/null || true
        wait "$scripted_pid" 2>/dev/null || true
        scripted_pid=""
    fi
}

curl_scenarios_asan() {
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$curl_dir/test_curl_retry-asan" "$repo/tests/vectors" "$scripted_url"
}

curl_scenarios_valgrind() {
    valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes --quiet \
        "$curl_dir/test_curl_retry" "$repo/tests/vectors" "$scripted_url"
}

# The example's scenario: two busy steps on stderr, then the body and the status.
curl_example_busy_post() {
    local out="$curl_dir/example.out" err="$curl_dir/example.err"
    "$curl_dir/curl_retry_example" "$scripted_url/scenario/dcs-4111-busy-post/example-$$" >"$out" 2>"$err"
    cat "$err" "$out"
    grep -Eq '^dcs_status INFO: retry 1 of 2 in [0-9]+ ms: DCS.4111 says try again later \(busy\) \[attempt=1 reason=busy .*request_id=req-busy-1 error_code=DCS.4111\]$' "$err"
    grep -Eq '^dcs_status INFO: retry 2 of 2 in [0-9]+ ms: DCS.4111 says try again later \(busy\) ' "$err"
    grep -q '^dcs_status DEBUG: do not retry: 200 OK is not an error (not_an_error) ' "$err"
    grep -qx 'ok' "$out"
    grep -qx 'status 200 after 3 attempts' "$out"
}

curl_checks() {
    step "The libcurl retry loop: every client scenario against the scripted server"
    check libcurl_is_installed ensure_libcurl
    check curl_retry_programs_build build_curl_programs
    if start_scripted_server; then
        check curl_retry_client_scenarios_asan_ubsan curl_scenarios_asan
        check curl_retry_client_scenarios_valgrind_memcheck curl_scenarios_valgrind
        check curl_retry_example_busy_post curl_example_busy_post
        stop_scripted_server
    else
        check scripted_server_starts false
    fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    trap stop_scripted_server EXIT
    check cargo_build_release build_release
    curl_checks
    summary
fi
