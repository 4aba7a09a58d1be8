#!/usr/bin/env bash
# Records the ABI of libdcs_status.so as it is now in tests/abi/libdcs_status.abi,
# the baseline tests/abi/check.sh compares with. Run it after a reviewed change of the
# C API, and commit the baseline in the same commit as the change.
#
#   bash tests/abi/update-baseline.sh                         additions, or a new soname
#   bash tests/abi/update-baseline.sh --accept-incompatible   an incompatible change
#                                                             under the same soname
#
# It shows abidiff's report against the old baseline first. An incompatible change
# (something removed or changed) under an unchanged soname would break programs linked
# against the library, so it is refused unless --accept-incompatible says the release
# breaks them knowingly (before 1.0 only, and said so in CHANGELOG.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

accept=0
case "${1:-}" in
"") ;;
--accept-incompatible) accept=1 ;;
*) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac

abi_tools
abi_build
new="$(mktemp)"
trap 'rm -f "$new"' EXIT
abi_dump "$abi_library" "$new"

if [[ -f "$abi_baseline" ]]; then
    abi_compare "$abi_baseline" "$new"
    old_soname="$(abi_soname "$abi_baseline")"
    new_soname="$(abi_soname "$new")"
    if [[ "$abi_verdict" == same ]]; then
        echo "update-baseline: the ABI is unchanged"
    elif [[ "$abi_verdict" == incompatible && "$old_soname" == "$new_soname" && $accept -eq 0 ]]; then
        echo "update-baseline: REFUSED: an incompatible change under the same soname, $new_soname." >&2
        echo "Give the library a new soname (a new minor version before 1.0, a new major one" >&2
        echo "after), or rerun with --accept-incompatible." >&2
        exit 1
    else
        echo "update-baseline: recording: $abi_verdict ($old_soname -> $new_soname)"
    fi
fi
install -m 0644 "$new" "$abi_baseline"
echo "update-baseline: wrote ${abi_baseline#"$abi_repo"/}; commit it with the change"
