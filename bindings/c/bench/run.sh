#!/usr/bin/env bash
# Times lookups by code through libdcs_status (dcs_status_get, and the header's
# static inline dcs_status_get_inline) against a plain static C array (see bench.c),
# the error-code catalogue and error bodies (catalogue lookup against an exact match
# by binary search, body parse, the response error: see bench_errors.c), and the
# retry policy (one step without and with a budget, against the bare formula inlined:
# see bench_retry.c): builds each linked with the shared library and with the static
# one (from target/release, built here), runs each several times, and prints the
# medians over the runs as markdown tables.
#
# Usage: bash bindings/c/bench/run.sh [--runs N] [--lookups N] [--smoke] [--no-build]
#   --runs N      how many times to run each program (default 3)
#   --lookups N   lookups per timed loop (default 20000000; a tenth of it for the
#                 catalogue, bodies and retry steps)
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
        -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

if [[ $build -eq 1 ]]; then
    (cd "$repo" && cargo build --release --locked -p dcs-status-ffi)
fi
major="$(sed -n 's/^#define DCS_STATUS_VERSION_MAJOR \([0-9]*\)$/\1/p' "$repo/include/dcs_status.h")"
minor="$(sed -n 's/^#define DCS_STATUS_VERSION_MINOR \([0-9]*\)$/\1/p' "$repo/include/dcs_status.h")"
# The soname (crates/dcs-status-ffi/build.rs): .so.0.MINOR before 1.0, .so.MAJOR after.
if [[ "$major" == 0 ]]; then soname="libdcs_status.so.0.$minor"; else soname="libdcs_status.so.$major"; fi
mkdir -p "$out/lib"
# The soname's file, which cargo does not make: found through the rpath.
ln -sfn "$release/libdcs_status.so" "$out/lib/$soname"

cflags=(${CFLAGS:--O2} -std=c99 -Wall -Wextra -Wpedantic -Werror -I"$repo/include")
native_libs="$(cat "$repo/bindings/c/native-static-libs.txt")"
cc "${cflags[@]}" "$here/bench.c" -o "$out/bench-shared" \
    -L"$out/lib" "-l:$soname" -Wl,-rpath,"$out/lib"
# shellcheck disable=SC2086
cc "${cflags[@]}" "$here/bench.c" -o "$out/bench-static" "$release/libdcs_status.a" $native_libs
for program in bench_errors bench_retry; do
    cc "${cflags[@]}" "$here/$program.c" -o "$out/$program-shared" \
        -L"$out/lib" "-l:$soname" -Wl,-rpath,"$out/lib"
    # shellcheck disable=SC2086
    cc "${cflags[@]}" "$here/$program.c" -o "$out/$program-static" "$release/libdcs_status.a" $native_libs
done

echo "$(cc --version | head -n 1); CFLAGS ${CFLAGS:--O2}; $(nproc) CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "ns per lookup, best of $inner_runs loops of $lookups lookups; ratio = against the inlined array of the same program"
results="$out/results.txt"
: >"$results"
results_errors="$out/results-errors.txt"
: >"$results_errors"
results_retry="$out/results-retry.txt"
: >"$results_retry"
for ((i = 1; i <= runs; i++)); do
    echo "--- run $i of $runs"
    "$out/bench-shared" "shared" "$lookups" "$inner_runs" | tee -a "$results"
    "$out/bench-static" "static" "$lookups" "$inner_runs" | tee -a "$results"
    "$out/bench_errors-shared" "shared" "$((lookups / 10))" "$inner_runs" | tee -a "$results_errors"
    "$out/bench_errors-static" "static" "$((lookups / 10))" "$inner_runs" | tee -a "$results_errors"
    "$out/bench_retry-shared" "shared" "$((lookups / 10))" "$inner_runs" | tee -a "$results_retry"
    "$out/bench_retry-static" "static" "$((lookups / 10))" "$inner_runs" | tee -a "$results_retry"
done

# The medians over the runs, of the times and of each run's ratios.
echo
echo "--- median of $runs runs"
echo
echo "| ns per lookup (ratio to the inlined array) | independent lookups | dependent chain |"
echo "| --- | --- | --- |"
awk '
    function median(list,    v, n, i, j, t) {
        n = split(list, v, " ")
        for (i = 2; i <= n; i++) {
            t = v[i] + 0
            for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]
            v[j + 1] = t
        }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    /^(shared|static) / { link = $1; next }
    /^  / {
        name = substr($0, 3, 32); sub(/ +$/, "", name)
        rest = substr($0, 35); split(rest, f, " ")   # ns "ns" ratio ns "ns" ratio
        if (!(name in seen)) { seen[name] = 1; order[++rows] = name }
        key = name SUBSEP link
        ti[key] = ti[key] " " f[1]; ri[key] = ri[key] " " f[3]
        td[key] = td[key] " " f[4]; rd[key] = rd[key] " " f[6]
    }
    END {
        for (r = 1; r <= rows; r++) {
            name = order[r]
            for (l = 1; l <= 2; l++) {
                link = l == 1 ? "shared" : "static"
                key = name SUBSEP link
                if (!(key in ti)) continue
                if (name ~ /^static C array/) label = name ", " link " build"
                else label = "`" name "`, " link " library"
                printf "| %s | %.2f (%.2fx) | %.2f (%.2fx) |\n", label,
                    median(ti[key]), median(ri[key]), median(td[key]), median(rd[key])
            }
        }
    }
' "$results"

# ops_table FILE BASELINE: the medians of a program printing "  NAME  T ns  Rx" rows,
# shared against static; rows are `code` but the baseline's (matched by BASELINE).
ops_table() {
    awk -v baseline="$2" '
    function median(list,    v, n, i, j, t) {
        n = split(list, v, " ")
        for (i = 2; i <= n; i++) {
            t = v[i] + 0
            for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]
            v[j + 1] = t
        }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    /^(shared|static) / { link = $1; next }
    /^  / {
        name = substr($0, 3, 32); sub(/ +$/, "", name)
        rest = substr($0, 35); split(rest, f, " ")   # ns "ns" ratio
        if (!(name in seen)) { seen[name] = 1; order[++rows] = name }
        key = name SUBSEP link
        t[key] = t[key] " " f[1]; r[key] = r[key] " " f[3]
    }
    END {
        for (i = 1; i <= rows; i++) {
            name = order[i]
            label = name ~ baseline ? name : "`" name "`"
            a = name SUBSEP "shared"; b = name SUBSEP "static"
            printf "| %s | %.1f (%.2fx) | %.1f (%.2fx) |\n", label,
                median(t[a]), median(r[a]), median(t[b]), median(r[b])
        }
    }
' "$1"
}

echo
echo "| ns per operation (ratio to the exact match) | shared library | static library |"
echo "| --- | --- | --- |"
ops_table "$results_errors" "^exact match"

echo
echo "| ns per retry step (ratio to the formula alone) | shared library | static library |"
echo "| --- | --- | --- |"
ops_table "$results_retry" "^formula alone"
