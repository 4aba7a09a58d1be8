#!/usr/bin/env bash
# The C/C++ suite of libdcs_status, the C API of dcs-status: builds the release
# library, then checks
#
#   - the exported symbols (only dcs_status_*, exactly the header's functions and
#     extern data, not its static inline functions), soname;
#   - the header: C99/C11/C17 and C++11/14/17/20, -Wall -Wextra -Wpedantic -Werror,
#     included twice;
#   - the CTest suite (tests/c/CMakeLists.txt): every function and bad input, the
#     shared vectors, 8 threads, the table as canonical JSON == `dcs-status list
#     --json`, C++/GoogleTest; linked shared and static, plain, under
#     -fsanitize=address,undefined and under valgrind memcheck (zero errors), after
#     planted bugs prove each checker reports;
#   - installation (bindings/c/install.sh) into a temporary prefix: the files, the
#     pkg-config and CMake packages, the C and C++ examples built from the installed
#     files only (pkg-config and find_package, shared and static), the suite against
#     the installed package, a relocated prefix, DESTDIR, version checks;
#   - the benchmark builds and runs (timings: bindings/c/bench/run.sh).
#
# Usage: bash tests/c/run.sh        (from any directory; idempotent)
# Build directories: target/c-*; logs: target/c-logs/. The last line is
# "N passed, M failed"; the exit status is non-zero if any check failed.
# On a fresh Debian machine it installs what it needs with apt-get (as root).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

target="${CARGO_TARGET_DIR:-$repo/target}"
[[ "$target" = /* ]] || target="$repo/$target"
release="$target/release"
logs="$target/c-logs"
jobs="${DCS_STATUS_C_JOBS:-2}"
mkdir -p "$logs"

passed=0
failed=0
failures=()

# check NAME COMMAND...: runs COMMAND (with set -e) in a subshell, its output in
# target/c-logs/NAME.log; counts and reports the result.
check() {
    local name="$1"
    shift
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

# --- Tools -------------------------------------------------------------------------

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
    if [[ ${#missing[@]} -gt 0 ]]; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
            echo "run.sh: installing ${missing[*]}"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
        else
            echo "run.sh: missing ${missing[*]}: install them (Debian: apt-get install ${missing[*]})" >&2
            exit 1
        fi
    fi
    command -v cargo >/dev/null || { echo "run.sh: cargo is missing" >&2; exit 1; }
}
ensure_tools

generator=()
if command -v ninja >/dev/null; then
    generator=(-G Ninja)
fi
gen_name() { if [[ ${#generator[@]} -gt 0 ]]; then echo Ninja; else echo "Unix Makefiles"; fi; }

# A CMake build directory that can be configured again: wiped if an earlier run used
# another generator.
fresh_cache() {
    local dir="$1"
    if [[ -f "$dir/CMakeCache.txt" ]] &&
        ! grep -qx "CMAKE_GENERATOR:INTERNAL=$(gen_name)" "$dir/CMakeCache.txt"; then
        rm -rf "$dir"
    fi
}

# ctest_suite BUILD_DIR CMAKE_ARGS...: configures tests/c, builds, runs CTest.
ctest_suite() {
    local dir="$1"
    shift
    fresh_cache "$dir"
    cmake -S "$here" -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    cmake --build "$dir" -j "$jobs"
    (cd "$dir" && ctest --output-on-failure -j "$jobs")
}

version="$(sed -n 's/^#define DCS_STATUS_VERSION "\(.*\)"$/\1/p' include/dcs_status.h)"
major="$(sed -n 's/^#define DCS_STATUS_VERSION_MAJOR \([0-9]*\)$/\1/p' include/dcs_status.h)"
echo "dcs_status $version (header), C/C++ suite; logs in $logs"

# --- The library -------------------------------------------------------------------

build_release() {
    cargo build --release --locked -p dcs-status-ffi -p dcs-status-cli
    test -f "$release/libdcs_status.so" && test -f "$release/libdcs_status.a"
    test -x "$release/dcs-status"
}
check cargo_build_release build_release
if [[ $failed -ne 0 ]]; then
    echo "0 passed, $failed failed"
    exit 1
fi

check header_is_fresh cargo test -q --locked -p dcs-status-ffi header_is_fresh

# The header's API, from include/dcs_status.h's lines of code (not comments), one
# "NAME KIND" a line, sorted: KIND is "function" for each function it declares (not
# those it defines itself: its static inline functions are compiled into the caller),
# "data" for each object it declares extern.
header_api() {
    local code
    code="$(grep -vE '^ *(/?\*|//)' "$repo/include/dcs_status.h")"
    {
        grep -vE '^ *static ' <<<"$code" | grep -oE '[ *]dcs_status_[a-z0-9_]+\(' | tr -d ' *(' |
            sed 's/$/ function/'
        grep -E '^ *extern [^(]*;' <<<"$code" | grep -oE 'dcs_status_[a-z0-9_]+ *(\[[0-9]+\])? *;' |
            grep -oE '^dcs_status_[a-z0-9_]+' | sed 's/$/ data/'
    } | sort -u
}
# header_inline_functions: the functions the header defines (static inline).
header_inline_functions() {
    grep -E '^ *static inline [^;]*[ *]dcs_status_[a-z0-9_]+\(' "$repo/include/dcs_status.h" |
        grep -oE '[ *]dcs_status_[a-z0-9_]+\(' | tr -d ' *(' | sort -u
}
# symbol_api NM_LINES: "NAME KIND" for nm's "[ADDR] TYPE NAME" lines (T: function;
# D, R, B: initialized, read-only or zeroed data; anything else: "other TYPE").
symbol_api() {
    awk '{
        t = $(NF - 1)
        kind = t == "T" ? "function" : (t == "D" || t == "R" || t == "B") ? "data" : "other-" t
        print $NF, kind
    }' | sort -u
}

# exports_only_dcs_status LIB: the dynamic symbols LIB defines are exactly the header's
# API: its functions as functions (T), its extern data as data, all dcs_status_*; none
# of its static inline functions; each extern array exactly the size it declares.
exports_only_dcs_status() {
    local lib="$1"
    local exported declared inline
    exported="$(nm -D --defined-only "$lib" | symbol_api)"
    echo "exported by $lib:"
    echo "$exported" | sed 's/^/  /'
    if grep -v '^dcs_status_' <<<"$exported"; then
        echo "FAILED: the symbols above are exported but are not dcs_status_*"
        return 1
    fi
    declared="$(header_api)"
    inline="$(header_inline_functions)"
    echo "defined static inline by the header (not exported):"
    echo "$inline" | sed 's/^/  /'
    # The parse found what we know is there, so an empty or partial parse cannot pass.
    grep -qx 'dcs_status_get function' <<<"$declared"
    grep -qx 'dcs_status_by_code data' <<<"$declared"
    grep -qx 'dcs_status_get_inline' <<<"$inline"
    if ! diff <(echo "$declared") <(echo "$exported"); then
        echo "FAILED: the header's API (<) and the exports (>) differ"
        return 1
    fi
    # Each exported array has the size the header declares (the ABI fixes it).
    local name count size pointer=$(($(getconf LONG_BIT) / 8))
    while read -r name count; do
        size="$(nm -D --defined-only -S "$lib" | awk -v n="$name" '$NF == n { print $2 }')"
        size=$((16#${size:-0}))
        echo "$name[$count]: $size bytes"
        [[ "$size" -eq $((count * pointer)) ]] || {
            echo "FAILED: $name is $size bytes; the header declares $count pointers ($((count * pointer)) bytes)"
            return 1
        }
    done < <(grep -vE '^ *(/?\*|//)' "$repo/include/dcs_status.h" |
        sed -nE 's/^ *extern [^(]*(dcs_status_[a-z0-9_]+) *\[([0-9]+)\] *;.*/\1 \2/p')
    echo "OK: $(wc -l <<<"$exported") symbols, all dcs_status_*, exactly the header's API"
}
check shared_library_exports_only_dcs_status exports_only_dcs_status "$release/libdcs_status.so"

soname_is_major() {
    local lib="$1" soname
    soname="$(LC_ALL=C readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')"
    echo "soname of $lib: $soname"
    [[ "$soname" == "libdcs_status.so.$major" ]]
}
check shared_library_soname_is_libdcs_status.so.$major soname_is_major "$release/libdcs_status.so"

# static_library_defines_the_api LIB: the archive's global dcs_status_* definitions
# are the shared library's exports, kind for kind.
static_library_defines_the_api() {
    local lib="$1" defined
    defined="$(nm --defined-only -g "$lib" 2>/dev/null | awk 'NF >= 3 && $NF ~ /^dcs_status_/' | symbol_api)"
    echo "$defined"
    diff <(echo "$defined") <(nm -D --defined-only "$release/libdcs_status.so" | symbol_api)
}
check static_library_defines_the_header_api static_library_defines_the_api "$release/libdcs_status.a"

# --- The header --------------------------------------------------------------------

warnings=(-Wall -Wextra -Wpedantic -Werror)
header_compiles() {
    local compilers_c=(gcc) compilers_cxx=(g++)
    if command -v clang >/dev/null; then compilers_c+=(clang); fi
    if command -v clang++ >/dev/null; then compilers_cxx+=(clang++); fi
    for cc in "${compilers_c[@]}"; do
        for std in c99 c11 c17; do
            echo "$cc -std=$std: header_twice.c"
            "$cc" -std="$std" "${warnings[@]}" -Wundef -Wstrict-prototypes -Wconversion -Wshadow \
                -I include -fsyntax-only "$here/header_twice.c"
        done
    done
    for cxx in "${compilers_cxx[@]}"; do
        for std in c++11 c++14 c++17 c++20; do
            echo "$cxx -std=$std: header_twice.c as C++"
            "$cxx" -std="$std" "${warnings[@]}" -Wundef -Wconversion -Wshadow -Wold-style-cast \
                -I include -fsyntax-only -x c++ "$here/header_twice.c"
        done
    done
}
check header_compiles_as_c99_c11_c17_cxx11_to_cxx20_twice header_compiles

# --- The checkers are armed: planted bugs must be reported -------------------------

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
    ASAN_OPTIONS=detect_leaks=1 must_report "dcs_status5names\|dcs_status::names" "$canary_dir/canary-rust-asan" library-overread
    ctest_suite "$target/c-asan-rust-instrumented" -DDCS_STATUS_LINK=static -DDCS_STATUS_SANITIZE=ON \
        -DDCS_STATUS_TARGET_DIR="$rust_asan_release"
}
if [[ "$(uname -m)" == x86_64 ]] && rustup run nightly rustc --version >/dev/null 2>&1; then
    check ctest_static_asan_with_the_rust_library_instrumented rust_asan
else
    echo "SKIP  ctest_static_asan_with_the_rust_library_instrumented (no nightly toolchain)"
fi

# --- Installation ------------------------------------------------------------------

prefix="$target/c-prefix"
pcdir="$prefix/lib/pkgconfig"
install_into_prefix() {
    rm -rf "$prefix"
    bash "$repo/bindings/c/install.sh" --prefix "$prefix" --no-build
    local lib="$prefix/lib"
    test -f "$lib/libdcs_status.so.$version" && ! test -L "$lib/libdcs_status.so.$version"
    [[ "$(readlink "$lib/libdcs_status.so.$major")" == "libdcs_status.so.$version" ]]
    [[ "$(readlink "$lib/libdcs_status.so")" == "libdcs_status.so.$major" ]]
    test -f "$lib/libdcs_status.a"
    cmp "$prefix/include/dcs_status.h" include/dcs_status.h
    test -f "$pcdir/dcs_status.pc" && test -f "$pcdir/dcs_status-static.pc"
    test -f "$lib/cmake/dcs_status/dcs_status-config.cmake"
    test -f "$lib/cmake/dcs_status/dcs_status-config-version.cmake"
    soname_is_major "$lib/libdcs_status.so.$version"
    exports_only_dcs_status "$lib/libdcs_status.so.$version"
}
check install_sh_into_a_temporary_prefix install_into_prefix

pkg_config_metadata() {
    export PKG_CONFIG_PATH="$pcdir"
    pkg-config --validate dcs_status
    pkg-config --validate dcs_status-static
    [[ "$(pkg-config --modversion dcs_status)" == "$version" ]]
    pkg-config --exists "dcs_status >= $version"
    pkg-config --cflags --libs dcs_status
    pkg-config --cflags --libs --static dcs_status
    pkg-config --cflags --libs dcs_status-static
    [[ "$(pkg-config --variable=libdir dcs_status)" == "$prefix/lib" ]]
}
check pkg_config_knows_dcs_status pkg_config_metadata

# The output every example must print: the entry for 429, a parsed Retry-After, the
# RFC 9110 fallback and the dcs_status_get_inline hot path.
example_output_ok() { # OUTPUT_FILE
    cat "$1"
    grep -q '^429 Too Many Requests$' "$1"
    grep -q 'DCS name:    TooManyRequests' "$1"
    grep -q 'retry:       retry_after' "$1"
    grep -q 'Retry-After: Tue, 24 Nov 2026 12:01:30 GMT -> retry in 90 s' "$1"
    grep -q '418 is unrecognized: handled as client_error, like 400 Bad Request' "$1"
    grep -q '^hot path: 3 of 10 responses were documented errors$' "$1"
}
# not_linked_to_libdcs_status BINARY: a static build needs no libdcs_status.so.
not_linked_to_libdcs_status() {
    ! LC_ALL=C readelf -d "$1" | grep 'NEEDED' | grep -q libdcs_status
}
linked_to_soname() {
    LC_ALL=C readelf -d "$1" | grep 'NEEDED' | grep -q "\[libdcs_status.so.$major\]"
}

examples="$repo/bindings/c/examples"
pc_examples() { # shared|static
    local kind="$1" dir="$target/c-examples-pkg-config-$1"
    local module=dcs_status
    [[ $kind == static ]] && module=dcs_status-static
    rm -rf "$dir" && mkdir -p "$dir"
    export PKG_CONFIG_PATH="$pcdir"
    # Exactly as bindings/c/README.md says, from the installed files only.
    # shellcheck disable=SC2046
    cc -std=c99 "${warnings[@]}" "$examples/example.c" $(pkg-config --cflags --libs "$module") -o "$dir/example"
    # shellcheck disable=SC2046
    c++ -std=c++11 "${warnings[@]}" "$examples/example.cpp" $(pkg-config --cflags --libs "$module") -o "$dir/example_cpp"
    for program in example example_cpp; do
        if [[ $kind == shared ]]; then
            linked_to_soname "$dir/$program"
            LD_LIBRARY_PATH="$prefix/lib" "$dir/$program" >"$dir/$program.out"
        else
            not_linked_to_libdcs_status "$dir/$program"
            "$dir/$program" >"$dir/$program.out"
        fi
        example_output_ok "$dir/$program.out"
    done
}
check examples_c_cxx_via_pkg_config_shared pc_examples shared
check examples_c_cxx_via_pkg_config_static pc_examples static

cmake_examples() { # shared|static PREFIX
    local kind="$1" from="$2" dir="$target/c-examples-cmake-$1"
    local static=OFF
    [[ $kind == static ]] && static=ON
    rm -rf "$dir"
    cmake -S "$examples" -B "$dir" "${generator[@]}" -DCMAKE_PREFIX_PATH="$from" -DDCS_STATUS_STATIC=$static
    cmake --build "$dir" -j "$jobs"
    for program in example example_cpp; do
        if [[ $kind == shared ]]; then
            linked_to_soname "$dir/$program"
            # No LD_LIBRARY_PATH: the imported target gives the program its rpath.
            env -u LD_LIBRARY_PATH "$dir/$program" >"$dir/$program.out"
            env -u LD_LIBRARY_PATH ldd "$dir/$program" | grep "libdcs_status.so.$major => $from/lib/"
        else
            not_linked_to_libdcs_status "$dir/$program"
            "$dir/$program" >"$dir/$program.out"
        fi
        example_output_ok "$dir/$program.out"
    done
}
check examples_c_cxx_via_cmake_find_package_shared cmake_examples shared "$prefix"
check examples_c_cxx_via_cmake_find_package_static cmake_examples static "$prefix"

check ctest_against_installed_package_shared ctest_suite "$target/c-installed-shared" \
    -DDCS_STATUS_SOURCE=installed -DCMAKE_PREFIX_PATH="$prefix" -DDCS_STATUS_LINK=shared
check ctest_against_installed_package_static ctest_suite "$target/c-installed-static" \
    -DDCS_STATUS_SOURCE=installed -DCMAKE_PREFIX_PATH="$prefix" -DDCS_STATUS_LINK=static

# The CMake package is relocatable: copy the prefix elsewhere, use it from there.
relocated() {
    local moved="$target/c-prefix-moved"
    rm -rf "$moved"
    cp -a "$prefix" "$moved"
    local dir="$target/c-examples-cmake-moved"
    rm -rf "$dir"
    cmake -S "$examples" -B "$dir" "${generator[@]}" -DCMAKE_PREFIX_PATH="$moved"
    cmake --build "$dir" -j "$jobs"
    env -u LD_LIBRARY_PATH ldd "$dir/example" | grep "libdcs_status.so.$major => $moved/lib/"
    "$dir/example" >"$dir/example.out"
    example_output_ok "$dir/example.out"
}
check cmake_package_is_relocatable relocated

# find_package honours versions: 0.1 and 0.1.0 yes; 0.2, 1 and a newer patch no.
cmake_versions() {
    local dir="$target/c-version-check"
    rm -rf "$dir" && mkdir -p "$dir/src"
    cat >"$dir/src/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.16)
project(version_check LANGUAGES C)
find_package(dcs_status ${WANT} QUIET)
if(dcs_status_FOUND)
  message(STATUS "found dcs_status ${dcs_status_VERSION} for '${WANT}'")
  file(WRITE "${CMAKE_BINARY_DIR}/found" "${dcs_status_VERSION}")
endif()
EOF
    expect() { # WANT yes|no
        rm -rf "$dir/build"
        cmake -S "$dir/src" -B "$dir/build" -DCMAKE_PREFIX_PATH="$prefix" "-DWANT=${1// /;}" >/dev/null
        local got=no
        [[ -f "$dir/build/found" ]] && got=yes
        echo "find_package(dcs_status $1): $got (expected $2)"
        [[ $got == "$2" ]]
    }
    local minor="${version#*.}"
    minor="${minor%%.*}"
    expect "" yes
    expect "$major" yes
    expect "$major.$minor" yes
    expect "$version" yes
    expect "$version EXACT" yes
    expect "$major.$((minor + 1))" no
    expect "$((major + 1))" no
    expect "$major.$minor.999" no
}
check cmake_package_version_checks cmake_versions

destdir_install() {
    local stage="$target/c-destdir"
    rm -rf "$stage"
    DESTDIR="$stage" bash "$repo/bindings/c/install.sh" --prefix /opt/dcs-status --no-build
    test -f "$stage/opt/dcs-status/lib/libdcs_status.so.$version"
    test -f "$stage/opt/dcs-status/include/dcs_status.h"
    grep -qx 'prefix=/opt/dcs-status' "$stage/opt/dcs-status/lib/pkgconfig/dcs_status.pc"
    # A custom libdir outside the prefix: the CMake package still finds the header.
    rm -rf "$stage"
    DESTDIR="$stage" bash "$repo/bindings/c/install.sh" --prefix /usr --libdir /usr/lib/x86_64-linux-gnu --no-build
    test -f "$stage/usr/lib/x86_64-linux-gnu/libdcs_status.a"
    grep -qF '"${CMAKE_CURRENT_LIST_DIR}/../../../../include"' \
        "$stage/usr/lib/x86_64-linux-gnu/cmake/dcs_status/dcs_status-config.cmake"
    grep -qx 'libdir=${prefix}/lib/x86_64-linux-gnu' "$stage/usr/lib/x86_64-linux-gnu/pkgconfig/dcs_status.pc"
}
check install_sh_destdir_and_libdir destdir_install

# --- The benchmark builds and runs (its timings are bindings/c/bench/run.sh's job) --

check benchmark_builds_and_runs bash "$repo/bindings/c/bench/run.sh" --smoke

echo
if [[ $failed -gt 0 ]]; then
    echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
