#!/usr/bin/env bash
# Puts the C library where package dcsstatus links it from by default
# (link_static.go), for development in this repository:
#
#   build/include/dcs_status.h          from include/dcs_status.h
#   build/linux-x86_64/libdcs_status.a  from target/release (cargo build --release
#                                       -p dcs-status-ffi), or the archive given
#
# Usage: bindings/go/stage-native.sh [STATIC_LIBRARY]
# run-tests.sh runs it; bindings/release.sh stages the release library the same way.
# Both files are ignored by git. Only linux/amd64 has a prebuilt directory; elsewhere
# build with -tags dcsstatus_pkgconfig (README.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
[[ "$target" = /* ]] || target="$root/$target"
library="${1:-$target/release/libdcs_status.a}"

platform="$(uname -s)-$(uname -m)"
if [[ "$platform" != Linux-x86_64 ]]; then
    echo "stage-native.sh: no prebuilt directory for $platform; use -tags dcsstatus_pkgconfig" >&2
    exit 1
fi
[[ -f "$library" ]] || { echo "stage-native.sh: $library is missing (cargo build --release -p dcs-status-ffi)" >&2; exit 1; }

# Copied only when changed, so unchanged files keep their time.
copy() {
    cmp -s "$1" "$2" 2>/dev/null || install -m 0644 "$1" "$2"
}
copy "$root/include/dcs_status.h" "$here/build/include/dcs_status.h"
copy "$library" "$here/build/linux-x86_64/libdcs_status.a"
