# Shared by tests/abi/check.sh and tests/abi/update-baseline.sh (sourced, not run).
#
# The ABI of libdcs_status.so is what libabigail's abidw reads from the library's
# exported symbols and their DWARF debug info: every exported function with its
# parameter and return types, every exported variable, and the layout of each type
# reachable from them (struct members and sizes, enumerator values). The baseline,
# tests/abi/libdcs_status.abi, is that representation for the last accepted ABI.
#
# Why no --hd1/--hd2 (public headers as the filter): libabigail takes a type as public
# when its declaration is in one of those headers, but the library's DWARF is Rust's,
# which declares every type in a .rs file, so the filter hides every change (a field
# added to dcs_status_decision: abidiff exit 4 without it, 0 with it). The header is
# the filter in another way: the library exports exactly the header's functions and
# data (checked by tests/c with nm -D, and by release.sh's localize step), and abidw
# only describes exported symbols and what they reach.
#
# The header itself is checked by crates/dcs-status-ffi's test header_is_fresh against
# cbindgen, pinned to one exact version in that crate's Cargo.toml.

abi_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
abi_repo="$(cd "$abi_here/../.." && pwd)"
abi_target="${CARGO_TARGET_DIR:-$abi_repo/target}"
[[ "$abi_target" = /* ]] || abi_target="$abi_repo/$abi_target"
abi_baseline="$abi_here/libdcs_status.abi"
abi_library="$abi_target/abi/dist/libdcs_status.so"

# abidw and abidiff, from Debian's abigail-tools (installed when missing, as root).
abi_tools() {
    command -v abidw >/dev/null && command -v abidiff >/dev/null && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "abi: installing abigail-tools" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends abigail-tools >&2
    else
        echo "abi: abidw/abidiff are missing: install abigail-tools (Debian, Ubuntu)" >&2
        return 1
    fi
}

# The library as released (the dist profile), with debug info for abidw, in
# target/abi so that it does not replace the release build.
abi_build() {
    (cd "$abi_repo" && cargo build --locked --profile dist -p dcs-status-ffi \
        --config 'profile.dist.debug=true' --config 'profile.dist.strip="none"' \
        --target-dir "$abi_target/abi") >&2
    [[ -f "$abi_library" ]]
}

# abi_dump LIBRARY OUTPUT: the ABI representation of LIBRARY. Paths, line numbers and
# the toolchain's empty compilation units are left out, so the file changes only when
# the ABI does.
abi_dump() {
    abidw --no-corpus-path --no-comp-dir-path --no-show-locs --type-id-style hash \
        --drop-undefined-syms "$1" |
        python3 -c '
import re, sys
text = sys.stdin.read()
text = re.sub(r"\n *<abi-instr [^>]*>\n *</abi-instr>", "", text)
text = re.sub(r"\.[0-9a-f]{16}-cgu\.", "-cgu.", text)
sys.stdout.write(text)
' >"$2"
}

abi_soname() { sed -n "s/^<abi-corpus .*soname='\([^']*\)'.*/\1/p" "$1"; }

# abi_compare OLD NEW: runs abidiff, prints its report, and sets
#   abi_verdict: same | addition | incompatible
# (addition: only new functions or variables; incompatible: anything removed or
# changed: abidiff's bit 8, or bit 4 with a removal or a change, since a grown struct
# only sets bit 4). Returns non-zero if abidiff itself failed (bits 1 or 2, or bits it
# does not document).
abi_compare() {
    local old="$1" new="$2" report rc
    set +e
    report="$(abidiff --no-show-locs "$old" "$new" 2>&1)"
    rc=$?
    set -e
    abi_report="$report"
    echo "abidiff exit status $rc (bits: 1 error, 2 usage error, 4 ABI change, 8 incompatible change)"
    [[ -z "$report" ]] || echo "$report"
    if ((rc & ~12)); then
        echo "abi: abidiff failed (exit status $rc)" >&2
        return 1
    fi
    if ((rc == 0)); then
        abi_verdict=same
    elif ((rc & 8)); then
        abi_verdict=incompatible
    elif grep -E 'changes summary:' <<<"$report" | grep -qE '(^|[^0-9])[1-9][0-9]* (Removed|Changed)'; then
        abi_verdict=incompatible
    elif grep -E 'changes summary:' <<<"$report" | grep -qE '(^|[^0-9])[1-9][0-9]* Added' &&
        ! grep -qiE 'SONAME changed|architecture changed' <<<"$report"; then
        abi_verdict=addition
    else
        abi_verdict=incompatible
    fi
}
