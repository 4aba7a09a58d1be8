#!/usr/bin/env bash
# Every check of the Go package dcsstatus, from any directory:
#
#   bindings/go/run-tests.sh
#
# Builds libdcs_status and the dcs-status command (release, tests/lib.sh's
# build_release) and stages the static library in build/ (stage-native.sh), then
# runs, each as one check that reports PASS or FAIL and lets the others run:
#   - gofmt -l, and go vet in the three link modes;
#   - go test -race (the shared vectors, the comparison with `dcs-status list
#     --json` and `dcs-status errors --json`, the freshness of the generated
#     files, the httptest server (error bodies too), zero allocations, goroutines
#     hammering lookups, a retry budget shared by goroutines, the retry
#     policy's vectors, the retrying clients' scenarios through Transport and
#     Retrier.Do against an httptest server, the fuzzers' seed corpora, the
#     Examples);
#   - go test built with GOEXPERIMENT=cgocheck2 (every Go pointer store checked),
#     and with GOGC=1;
#   - go test with the shared library (-tags dcsstatus_shared) and with an
#     installed library found by pkg-config (-tags dcsstatus_pkgconfig, installed by
#     bindings/c/install.sh into a temporary prefix);
#   - each fuzzer for 10 s (FuzzFromName, FuzzParseRetryAfter, FuzzDecide,
#     FuzzParseErrorBody, FuzzStep);
#   - a program outside the module (examples/outside, through a replace directive).
# Exits non-zero if any check failed; logs are in <target>/test-logs/go-*.log.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../tests/lib.sh
source "$here/../../tests/lib.sh" # sets $repo and cd's there

for tool in cargo go pkg-config; do
    command -v "$tool" >/dev/null || { echo "run-tests.sh: $tool is not installed" >&2; exit 1; }
done
command -v "${CC:-gcc}" >/dev/null || command -v cc >/dev/null ||
    { echo "run-tests.sh: cgo needs a C compiler (gcc or cc)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

step "build the library and the command (release), stage the library in bindings/go/build"
build_release
release="$(target_dir)/release"
bash "$here/stage-native.sh" "$release/libdcs_status.a"
export DCS_STATUS_CLI="$release/dcs-status"
export CGO_ENABLED=1
# The go command does not notice when a C library or header changes (go help
# cache). A flag that carries their hash makes it rebuild the package then.
abi_hash="$(cat "$repo/include/dcs_status.h" "$release/libdcs_status.a" | sha256sum | cut -c1-16)"
export CGO_CFLAGS="-O2 -g -DDCSSTATUS_ABI_HASH=$abi_hash"

step "install the library into a temporary prefix, for -tags dcsstatus_pkgconfig"
install_log="$(bash bindings/c/install.sh --no-build --prefix "$tmp/prefix" 2>&1)" || { echo "$install_log" >&2; exit 1; }
pkgconfig=(env PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig" LD_LIBRARY_PATH="$tmp/prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")

# in_go CMD...: CMD in bindings/go (check runs it in a subshell).
in_go() { cd "$here" && "$@"; }

gofmt_clean() {
    local unformatted
    unformatted="$(gofmt -l .)"
    [[ -z "$unformatted" ]] || { echo "not gofmt'd: $unformatted"; return 1; }
}

outside() {
    cd "$here/examples/outside"
    gofmt_clean
    go vet ./...
    go build -buildvcs=false -o "$tmp/outside" .
    "$tmp/outside" | tee "$tmp/outside.out"
    grep -q '^entry: 429 Too Many Requests' "$tmp/outside.out"
    grep -q 'errors.Is(err, ErrTooManyRequests): true; Retry-After: 2m0s' "$tmp/outside.out"
    grep -q 'errors.Is(err, ErrorCode("DCS.4111")): true; advice: retry_later; decision: retry_with_backoff' "$tmp/outside.out"
}

step "bindings/go"
check go-gofmt in_go gofmt_clean
check go-vet in_go go vet ./...
check go-vet-shared in_go go vet -tags dcsstatus_shared ./...
check go-vet-pkgconfig in_go "${pkgconfig[@]}" go vet -tags dcsstatus_pkgconfig ./...
check go-test-race in_go go test -count=1 -race ./...
check go-test-cgocheck2 in_go env GOEXPERIMENT=cgocheck2 go test -count=1 ./...
check go-test-gogc1 in_go env GOGC=1 go test -count=1 -short ./...
check go-test-shared in_go go test -count=1 -tags dcsstatus_shared ./...
check go-test-pkgconfig in_go "${pkgconfig[@]}" go test -count=1 -tags dcsstatus_pkgconfig ./...
for fuzzer in FuzzFromName FuzzParseRetryAfter FuzzDecide FuzzParseErrorBody FuzzStep; do
    # A short minimization budget: a new input is shrunk for at most 2 s, so the
    # 10 s go to fuzzing.
    check "go-fuzz-$fuzzer" in_go go test -run '^$' -fuzz "^$fuzzer\$" -fuzztime=10s -fuzzminimizetime=2s .
done
check go-examples-outside outside

summary
printf 'bindings/go: Go %s, libdcs_status %s\n' "$(go env GOVERSION)" "$(version)"
