#!/usr/bin/env bash
# The C/C++ suite of libdcs_status, the C API of dcs-status: builds the release
# library and the dcs-status command, then runs
#
#   - the ABI checks (tests/c/abi.sh): header freshness, exported symbols, soname,
#     the native static-library list, the header compile matrix;
#   - planted bugs (canary.c) that prove ASan, UBSan and valgrind report;
#   - the CTest suite (tests/c/CMakeLists.txt: every function and bad input, the shared
#     vectors, 8 threads, the retry policy (its functions, its vectors, a budget shared
#     by 8 threads), the table against `dcs-status list --json`, huge input,
#     C++/GoogleTest) linked shared and static, plain, under -fsanitize=address,undefined
#     and under valgrind memcheck; with a nightly toolchain, also against the library
#     built with -Zsanitizer=address;
#   - libFuzzer harnesses (tests/c/fuzz: names, Retry-After, the decision and the
#     rendered text, error bodies and response errors, the retry policy's step and
#     budget) against the library
#     instrumented for coverage and overflow
#     checks, from boundary seeds, for DCS_STATUS_FUZZ_SECONDS (default 20) each;
#   - the libcurl retry loop (tests/c/curl.sh: bindings/c/examples/curl_retry.c) playing
#     every scenario of tests/vectors/client_scenarios.json against the scripted
#     127.0.0.1 server, under ASan+UBSan and valgrind, and its example;
#   - installation (bindings/c/test-install.sh): install.sh, pkg-config, CMake, the
#     examples (the libcurl one included) and the suite from the installed files;
#   - the benchmark builds and runs (timings: bindings/c/bench/run.sh).
#
# Usage: bash tests/c/run.sh        (from any directory; idempotent)
# Build directories: target/c-*; logs: target/c-logs/. The last line is
# "N passed, M failed"; the exit status is non-zero if any check failed.
# On a fresh Debian machine it installs what it needs with apt-get (as root).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
target="$(target_dir)"
logs="$target/c-logs"
release="$target/release"

# --- Tools -------------------------------------------------------------------------

# The clang runtime package of the installed clang (libFuzzer lives there).
clang_runtime_package() {
    local major
    major="$(clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1)"
    echo "libclang-rt-${major:-14}-dev"
}

# Whether clang can build a libFuzzer harness here.
clang_can_fuzz() {
    command -v clang >/dev/null &&
        echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' |
        clang -x c -fsanitize=fuzzer,address,undefined - -o /dev/null 2>/dev/null
}

ensure_tools() {
    local missing=()
    command -v cmake >/dev/null || missing+=(cmake)
    command -v gcc >/dev/null || missing+=(gcc)
    command -v g++ >/dev/null || missing+=(g++)
    command -v make >/dev/null || missing+=(make)
    command -v valgrind >/dev/null || missing+=(valgrind)
    command -v pkg-config >/dev/null || missing+=(pkg-config)
    command -v nm >/dev/null && command -v readelf >/dev/null || missing+=(binutils)
    [[ -f /usr/include/gtest/gtest.h ]] || missing+=(libgtest-dev)
    command -v clang >/dev/null || missing+=(clang)
    command -v python3 >/dev/null || missing+=(python3)
    pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev)
    if [[ ${#missing[@]} -gt 0 ]] || ! clang_can_fuzz; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
            echo "run.sh: installing ${missing[*]} (and clang's runtime, for libFuzzer)"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
            clang_can_fuzz ||
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                    "$(clang_runtime_package)"
        else
            echo "run.sh: missing ${missing[*]} or clang's libFuzzer: install them" \
                "(Debian: apt-get install ${missing[*]} clang $(clang_runtime_package))" >&2
            exit 1
        fi
    fi
    command -v cargo >/dev/null || { echo "run.sh: cargo is missing" >&2; exit 1; }
}
ensure_tools

# shellcheck source=cmake.sh
source "$here/cmake.sh"
echo "dcs_status $(version), C/C++ suite; logs in $logs"

check cargo_build_release build_release
if [[ $failed -ne 0 ]]; then
    summary
    exit 1
fi

# --- The ABI -----------------------------------------------------------------------

# shellcheck source=abi.sh
source "$here/abi.sh"
abi_checks

# --- The checkers are armed: planted bugs must be reported -------------------------

step "The checkers are armed: planted bugs are reported"
canary_dir="$target/c-canary"
native_libs="$(cat "$repo/bindings/c/native-static-libs.txt")"
build_canary() { # OUTPUT EXTRA_FLAGS...
    local output="$1"
    shift
    mkdir -p "$canary_dir"
    # shellcheck disable=SC2086
    gcc -std=c99 "${warnings[@]}" -g "$@" -I include "$here/canary.c" -o "$output" \
        "$release/libdcs_status.a" $native_libs
}
must_report() { # PATTERN COMMAND...: COMMAND must fail and print PATTERN
    local pattern="$1"
    shift
    local output
    set +e
    output="$("$@" 2>&1)"
    local rc=$?
    set -e
    echo "$output" | head -n 20
    echo "exit status $rc"
    [[ $rc -ne 0 ]] && grep -q -- "$pattern" <<<"$output"
}
sanitizers_armed() {
    build_canary "$canary_dir/canary-asan" -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
    export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1
    must_report "heap-buffer-overflow" "$canary_dir/canary-asan" heap-overflow
    must_report "signed integer overflow" "$canary_dir/canary-asan" signed-overflow
    must_report "detected memory leaks" "$canary_dir/canary-asan" leak
}
valgrind_armed() {
    build_canary "$canary_dir/canary"
    must_report "Invalid read" valgrind --error-exitcode=99 "$canary_dir/canary" library-overread
    must_report "definitely lost" valgrind --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite "$canary_dir/canary" leak
}
check sanitizers_report_planted_bugs sanitizers_armed
check valgrind_reports_planted_bugs_inside_the_library valgrind_armed

# --- The CTest suite, six ways -----------------------------------------------------

step "The CTest suite: shared and static; plain, ASan+UBSan, valgrind"
valgrind_wrapper="valgrind;--error-exitcode=99;--leak-check=full;--show-leak-kinds=definite,indirect,possible;--errors-for-leak-kinds=definite,indirect,possible;--track-origins=yes;--num-callers=40;--quiet"
for link in shared static; do
    check "ctest_${link}" ctest_suite "$target/c-tests-$link" -DDCS_STATUS_LINK=$link
done
for link in shared static; do
    check "ctest_${link}_asan_ubsan" ctest_suite "$target/c-asan-$link" -DDCS_STATUS_LINK=$link \
        -DDCS_STATUS_SANITIZE=ON
done
for link in shared static; do
    check "ctest_${link}_valgrind_memcheck" ctest_suite "$target/c-valgrind-$link" \
        -DDCS_STATUS_LINK=$link "-DDCS_STATUS_TEST_WRAPPER=$valgrind_wrapper" \
        -DDCS_STATUS_THREAD_ITERATIONS=20000
done

# --- The libcurl retry loop --------------------------------------------------------

# shellcheck source=curl.sh
source "$here/curl.sh"
trap stop_scripted_server EXIT
curl_checks

# --- Fuzzing -----------------------------------------------------------------------

# The static library built for fuzzing: coverage-instrumented for libFuzzer (as
# cargo-fuzz does, on stable Rust), and with overflow checks and debug assertions, so
# that an overflow panics, the panic boundary turns it into ERR_INTERNAL, and the
# harness reports a broken promise. Only the static library: RUSTFLAGS apply to
# --target builds only, not to build scripts.
fuzz_dir="$target/c-fuzz"
fuzz_triple="$(rustc -vV | sed -n 's/^host: //p')"
build_fuzz_targets() {
    RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=3 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks" \
        cargo rustc --release --locked -p dcs-status-ffi --lib --crate-type staticlib \
        --target "$fuzz_triple" --target-dir "$fuzz_dir/cargo"
    mkdir -p "$fuzz_dir/bin"
    local name
    for name in names retry_after decide body retry; do
        # shellcheck disable=SC2046
        clang -g -O1 -std=c99 "${warnings[@]}" -fsanitize=fuzzer,address,undefined \
            -fno-sanitize-recover=all -I include "$here/fuzz/fuzz_$name.c" -o "$fuzz_dir/bin/fuzz_$name" \
            "$fuzz_dir/cargo/$fuzz_triple/release/libdcs_status.a" $(cat "$repo/bindings/c/native-static-libs.txt")
    done
    rm -rf "$fuzz_dir/seeds"
    bash "$here/fuzz/make_seeds.sh" "$fuzz_dir/seeds"
}
# fuzz NAME: runs one harness for the time budget, from the seeds and the corpus kept
# from earlier runs (target/c-fuzz/corpus/NAME); a crash or a broken promise fails.
fuzz() {
    local name="$1" corpus="$fuzz_dir/corpus/$1"
    mkdir -p "$corpus"
    "$fuzz_dir/bin/fuzz_$name" -max_total_time="${DCS_STATUS_FUZZ_SECONDS:-20}" -max_len=4096 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$fuzz_dir/" \
        "$corpus" "$fuzz_dir/seeds/$name"
}
step "Fuzzing: names, Retry-After, the decision, error bodies and response errors, retry steps (libFuzzer)"
check fuzz_targets_build build_fuzz_targets
for name in names retry_after decide body retry; do
    check "fuzz_$name" fuzz "$name"
done

# With a nightly toolchain at hand (never installed here: it is optional), the library
# itself is built with -Zsanitizer=address, so ASan also checks the Rust code's own
# memory accesses, not only those of the C tests and of intercepted libc calls.
rust_asan_dir="$target/c-rust-asan"
rust_asan_release="$rust_asan_dir/x86_64-unknown-linux-gnu/release"
rust_asan() {
    RUSTFLAGS="-Zsanitizer=address" cargo +nightly build --release --locked -p dcs-status-ffi \
        --target x86_64-unknown-linux-gnu --target-dir "$rust_asan_dir"
    # Armed: a read past the caller's buffer is reported inside the Rust code.
    mkdir -p "$canary_dir"
    # shellcheck disable=SC2086
    gcc -std=c99 "${warnings[@]}" -g -fsanitize=address,undefined -I include "$here/canary.c" \
        -o "$canary_dir/canary-rust-asan" "$rust_asan_release/libdcs_status.a" $native_libs
    ASAN_OPTIONS=detect_leaks=1 must_report "dcs_status5names\|dcs_status::names\|from_utf8\|core::str" "$canary_dir/canary-rust-asan" library-overread
    ctest_suite "$target/c-asan-rust-instrumented" -DDCS_STATUS_LINK=static -DDCS_STATUS_SANITIZE=ON \
        -DDCS_STATUS_TARGET_DIR="$rust_asan_release"
}
if [[ "$(uname -m)" == x86_64 ]] && rustup run nightly rustc --version >/dev/null 2>&1; then
    check ctest_static_asan_with_the_rust_library_instrumented rust_asan
else
    echo "SKIP  ctest_static_asan_with_the_rust_library_instrumented (no nightly toolchain)"
fi

# --- Installation ------------------------------------------------------------------

# shellcheck source=../../bindings/c/test-install.sh
source "$repo/bindings/c/test-install.sh"
install_checks

# --- The benchmark builds and runs (its timings are bindings/c/bench/run.sh's job) --

step "The benchmark builds and runs"
check benchmark_builds_and_runs bash "$repo/bindings/c/bench/run.sh" --smoke --no-build

summary
