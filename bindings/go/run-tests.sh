#!/usr/bin/env bash
# Every check of the Go package dcsstatus, from any directory:
#
#   bindings/go/run-tests.sh
#
# Builds libdcs_status and the dcs-status CLI (release), then: gofmt, go vet,
# go test -race (vectors, the byte-for-byte table comparison with
# `dcs-status list --json`, the freshness of zz_generated.go, the httptest
# server, zero allocations, goroutines hammering lookups, the fuzz seed corpus,
# the Examples), go test with GODEBUG=cgocheck=1 and with GOGC=1, the shared
# library and pkg-config build tags, and a program outside the module that uses
# the package through a replace directive. Exits non-zero on the first failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

for tool in cargo go pkg-config; do
    command -v "$tool" >/dev/null || { echo "run-tests.sh: $tool is not installed" >&2; exit 1; }
done
command -v "${CC:-gcc}" >/dev/null || command -v cc >/dev/null ||
    { echo "run-tests.sh: cgo needs a C compiler (gcc or cc)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "cargo build --release -p dcs-status-ffi -p dcs-status-cli"
(cd "$root" && cargo build --release -p dcs-status-ffi -p dcs-status-cli)
# The default build links build/linux-x86_64/libdcs_status.a with build/include's header.
bash "$here/stage-native.sh"
export DCS_STATUS_CLI="$root/target/release/dcs-status"

# The go command does not notice when a C library or header changes (go help
# cache). A flag that carries their hash makes it rebuild the package then.
abi_hash="$(cat "$root/include/dcs_status.h" "$root/target/release/libdcs_status.a" | sha256sum | cut -c1-16)"
export CGO_CFLAGS="-O2 -g -DDCSSTATUS_ABI_HASH=$abi_hash"
export CGO_ENABLED=1

cd "$here"

step "gofmt -l"
unformatted="$(gofmt -l .)"
if [ -n "$unformatted" ]; then
    echo "not gofmt'd:" >&2
    echo "$unformatted" >&2
    exit 1
fi

step "go vet (default, dcsstatus_shared, dcsstatus_pkgconfig)"
go vet ./...
go vet -tags dcsstatus_shared ./...
# pkg-config is asked for the flags at vet time too: give it the .pc below.

# The shared library's soname is libdcs_status.so.0, which cargo does not
# create: a directory with that name for the loader, and a dcs_status.pc as
# bindings/c/install.sh installs one, pointing into this checkout.
mkdir -p "$tmp/lib" "$tmp/pkgconfig"
ln -s "$root/target/release/libdcs_status.so" "$tmp/lib/libdcs_status.so.0"
cat >"$tmp/pkgconfig/dcs_status.pc" <<EOF
libdir=$root/target/release
includedir=$root/include

Name: dcs_status
Description: the DCS status-code table (test copy for run-tests.sh)
Version: 0.0.0
Libs: -L\${libdir} -ldcs_status
Cflags: -I\${includedir}
EOF
PKG_CONFIG_PATH="$tmp/pkgconfig" go vet -tags dcsstatus_pkgconfig ./...

step "go test -race ./..."
go test -count=1 -race ./...

step "GODEBUG=cgocheck=1 go test ./..."
GODEBUG=cgocheck=1 go test -count=1 ./...

step "GOGC=1 go test -short ./..."
GOGC=1 go test -count=1 -short ./...

step "go test -tags dcsstatus_shared (libdcs_status.so)"
LD_LIBRARY_PATH="$tmp/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" go test -count=1 -tags dcsstatus_shared ./...

step "go test -tags dcsstatus_pkgconfig (pkg-config dcs_status)"
PKG_CONFIG_PATH="$tmp/pkgconfig" LD_LIBRARY_PATH="$tmp/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    go test -count=1 -tags dcsstatus_pkgconfig ./...

step "a program outside the module (examples/outside, replace directive)"
(
    cd "$here/examples/outside"
    unformatted="$(gofmt -l .)"
    [ -z "$unformatted" ] || { echo "not gofmt'd: $unformatted" >&2; exit 1; }
    go vet ./...
    go build -buildvcs=false -o "$tmp/outside" .
)
"$tmp/outside" | tee "$tmp/outside.out"
grep -q '^entry: 429 Too Many Requests' "$tmp/outside.out"
grep -q 'errors.Is(err, ErrTooManyRequests): true; Retry-After: 2m0s' "$tmp/outside.out"

printf '\nbindings/go: all checks passed (Go %s, libdcs_status %s)\n' \
    "$(go env GOVERSION)" "$(grep -o '"[0-9.]*"' "$root/include/dcs_status.h" | head -n1 | tr -d '"')"
