#!/usr/bin/env bash
# tests/c/abi.sh: libdcs_status as the linker and the compilers see it.
#
#   - the committed header is what cbindgen makes of the FFI crate now;
#   - the shared library exports only dcs_status_*, exactly the header's functions and
#     extern data (not its static inline functions), each array of the size the header
#     declares; its soname is libdcs_status.so.0.<minor> (from 1.0 on .so.<major>);
#   - the static library defines the same symbols;
#   - bindings/c/native-static-libs.txt is what rustc says the static library needs
#     (`--print native-static-libs`);
#   - the header compiles as C99/C11/C17 and C++11/14/17/20 with gcc (and clang when
#     installed), -Wall -Wextra -Wpedantic -Werror and more, included twice.
#
# Usage: bash tests/c/abi.sh   (builds the release library first; logs in target/c-logs)
# tests/c/run.sh sources it and calls abi_checks; bindings/c/test-install.sh sources it
# for exports_only_dcs_status and soname_is_the_version_s.
set -euo pipefail

# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
: "${logs:=$(target_dir)/c-logs}"
release="$(target_dir)/release"
version="$(version)"
major="${version%%.*}"
soname="$(soname_of "$version")"
warnings=(-Wall -Wextra -Wpedantic -Werror)

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

# soname_is_the_version_s LIB: LIB's soname is the one of this version ($soname).
soname_is_the_version_s() {
    local lib="$1" found
    found="$(LC_ALL=C readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')"
    echo "soname of $lib: $found (expected $soname)"
    [[ "$found" == "$soname" ]]
}

# static_library_defines_the_api LIB: the archive's global dcs_status_* definitions
# are the shared library's exports, kind for kind.
static_library_defines_the_api() {
    local lib="$1" defined
    defined="$(nm --defined-only -g "$lib" 2>/dev/null | awk 'NF >= 3 && $NF ~ /^dcs_status_/' | symbol_api)"
    echo "$defined"
    diff <(echo "$defined") <(nm -D --defined-only "$release/libdcs_status.so" | symbol_api)
}

# The system libraries the static library needs, as rustc lists them for this crate
# (built apart, in debug, so the release build's cache is left alone), must be the
# list the .pc files, the CMake package and the C tests link with.
native_static_libs_are_current() {
    local dir listed said
    dir="$(target_dir)/c-native-static-libs"
    listed="$(cat "$repo/bindings/c/native-static-libs.txt")"
    # Cleaned first: rustc prints the list only when it builds the crate.
    cargo clean --quiet -p dcs-status-ffi --target-dir "$dir"
    said="$(cargo rustc --locked -p dcs-status-ffi --lib --crate-type staticlib --target-dir "$dir" \
        -- --print native-static-libs 2>&1 | sed -n 's/.*note: native-static-libs: //p' | tail -n 1)"
    echo "rustc --print native-static-libs: $said"
    echo "bindings/c/native-static-libs.txt: $listed"
    if [[ -z "$said" || "$said" != "$listed" ]]; then
        echo "FAILED: update bindings/c/native-static-libs.txt (and the Go copies) to rustc's list"
        return 1
    fi
}

header_compiles() {
    local compilers_c=(gcc) compilers_cxx=(g++) cc cxx std
    if command -v clang >/dev/null; then compilers_c+=(clang); fi
    if command -v clang++ >/dev/null; then compilers_cxx+=(clang++); fi
    for cc in "${compilers_c[@]}"; do
        for std in c99 c11 c17; do
            echo "$cc -std=$std: header_twice.c"
            "$cc" -std="$std" "${warnings[@]}" -Wundef -Wstrict-prototypes -Wconversion -Wshadow \
                -I include -fsyntax-only "$repo/tests/c/header_twice.c"
        done
    done
    for cxx in "${compilers_cxx[@]}"; do
        for std in c++11 c++14 c++17 c++20; do
            echo "$cxx -std=$std: header_twice.c as C++"
            "$cxx" -std="$std" "${warnings[@]}" -Wundef -Wconversion -Wshadow -Wold-style-cast \
                -I include -fsyntax-only -x c++ "$repo/tests/c/header_twice.c"
        done
    done
}

abi_checks() {
    step "The ABI: header, exported symbols, soname, native libraries, header matrix"
    check header_is_fresh cargo test -q --locked -p dcs-status-ffi header_is_fresh
    check shared_library_exports_only_dcs_status exports_only_dcs_status "$release/libdcs_status.so"
    check "shared_library_soname_is_$soname" soname_is_the_version_s "$release/libdcs_status.so"
    check static_library_defines_the_header_api static_library_defines_the_api "$release/libdcs_status.a"
    check native_static_libs_txt_is_rustc_s_list native_static_libs_are_current
    check header_compiles_as_c99_c11_c17_cxx11_to_cxx20_twice header_compiles
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    check cargo_build_release build_release
    abi_checks
    summary
fi
