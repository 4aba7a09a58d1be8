#!/usr/bin/env bash
# Times lookups by code through libdcs_status against a plain static C array (see
# bench.c): builds bench.c linked with the shared library and with the static one
# (from target/release, built here), and runs each several times.
#
# Usage: bash bindings/c/bench/run.sh [--runs N] [--lookups N] [--smoke] [--no-build]
#   --runs N      how many times to run each program (default 3)
#   --lookups N   lookups per timed loop (default 20000000)
#   --smoke       a quick run that only proves the benchmark builds and works
#   --no-build    use target/release as it is
# Build directory: target/c-bench. CFLAGS (default -O2) is honoured.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
[[ "$target" = /* ]] || target="$repo/$target"
release="$target/release"
out="$target/c-bench"

runs=3
lookups=20000000
inner_runs=7
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --lookups) lookups="$2"; shift 2 ;;
        --smoke) runs=1; lookups=100000; inner_runs=1; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

if [[ $build -eq 1 ]]; then
    (cd "$repo" && cargo build --release --locked -p dcs-status-ffi)
fi
major="$(sed -n 's/^#define DCS_STATUS_VERSION_MAJOR \([0-9]*\)$/\1/p' "$repo/include/dcs_status.h")"
mkdir -p "$out/lib"
# The soname's file, which cargo does not make: found through the rpath.
ln -sfn "$release/libdcs_status.so" "$out/lib/libdcs_status.so.$major"

cflags=(${CFLAGS:--O2} -std=c99 -Wall -Wextra -Wpedantic -Werror -I"$repo/include")
native_libs="$(cat "$repo/bindings/c/native-static-libs.txt")"
# The prototype's arrays (proto.h): in a shared library of their own for the shared
# build, linked in for the static one.
cc "${cflags[@]}" -fPIC -shared "$here/proto.c" -o "$out/lib/libdcs_status_proto.so" \
    -L"$out/lib" "-l:libdcs_status.so.$major"
cc "${cflags[@]}" "$here/bench.c" -o "$out/bench-shared" \
    -L"$out/lib" -ldcs_status_proto "-l:libdcs_status.so.$major" -Wl,-rpath,"$out/lib"
# shellcheck disable=SC2086
cc "${cflags[@]}" "$here/bench.c" "$here/proto.c" -o "$out/bench-static" "$release/libdcs_status.a" $native_libs

echo "$(cc --version | head -n 1); CFLAGS ${CFLAGS:--O2}; $(nproc) CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "ns per lookup, best of $inner_runs loops of $lookups lookups; ratio = against the inlined array of the same program"
for ((i = 1; i <= runs; i++)); do
    echo "--- run $i of $runs"
    "$out/bench-shared" "shared library (libdcs_status.so)" "$lookups" "$inner_runs"
    "$out/bench-static" "static library (libdcs_status.a)" "$lookups" "$inner_runs"
done
