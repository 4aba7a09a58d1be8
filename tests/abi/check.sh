#!/usr/bin/env bash
# Proves the ABI of libdcs_status.so is the one recorded in tests/abi/libdcs_status.abi
# (see common.sh for what that covers and why the header is not abidiff's filter):
#
#   1. builds the library as released (dist profile) with debug info, in target/abi;
#   2. abidiff baseline -> this build, its exit status decoded (1 error, 2 usage
#      error, 4 ABI change, 8 incompatible change):
#        no change                        passes;
#        only additions                   fails until the baseline records them:
#                                         review, then bash tests/abi/update-baseline.sh
#                                         and commit the baseline with the change;
#        a removal or a change            fails: programs linked against the soname would
#        (bit 8, or bit 4 with a removed  break. Undo it, or give the library a new
#        or changed item)                 soname (a new minor version before 1.0, the
#                                         soname being .so.0.<minor>; a new major from
#                                         1.0 on), then update the baseline;
#   3. the check is armed: planted changes in copies of the ABI must be reported (an
#      enumerator's value changed, a function removed: incompatible; a function added:
#      an addition).
#
# Usage: bash tests/abi/check.sh   (from any directory; needs cargo and python3;
# installs abigail-tools with apt-get if missing). Exit status 0 only if all pass.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

abi_tools
abi_build
current="$abi_target/abi/current.abi"
abi_dump "$abi_library" "$current"
[[ -f "$abi_baseline" ]] || {
    echo "abi: no baseline $abi_baseline: create it with bash tests/abi/update-baseline.sh" >&2
    exit 1
}

echo "== the library's ABI against the baseline (${abi_baseline#"$abi_repo"/})"
abi_compare "$abi_baseline" "$current"
old_soname="$(abi_soname "$abi_baseline")"
new_soname="$(abi_soname "$current")"
status=0
case "$abi_verdict" in
same)
    echo "OK: the ABI of $new_soname is the baseline's" ;;
addition)
    echo "FAILED: the library adds to the ABI (compatible, listed above), but the baseline does not"
    echo "record it. Review the additions, then run: bash tests/abi/update-baseline.sh"
    echo "and commit tests/abi/libdcs_status.abi in the same commit as the change."
    status=1 ;;
incompatible)
    if [[ "$old_soname" != "$new_soname" ]]; then
        echo "FAILED: an incompatible ABI change, with a new soname ($old_soname -> $new_soname);"
        echo "record it: bash tests/abi/update-baseline.sh, and commit the baseline with it."
    else
        echo "FAILED: an incompatible ABI change (above) under the same soname, $new_soname:"
        echo "programs linked against it would break. Undo the change, or release it with a new"
        echo "soname (a new minor version before 1.0, a new major one after), then run"
        echo "bash tests/abi/update-baseline.sh."
    fi
    status=1 ;;
esac

echo
echo "== the check is armed: planted changes are reported"
planted="$abi_target/abi/planted"
rm -rf "$planted" && mkdir -p "$planted"
python3 - "$current" "$planted" <<'PY'
import re, sys
current, out = sys.argv[1], sys.argv[2]
text = open(current).read()
# An enumerator of one of the C API's enums gets another value.
enum = re.search(r"<enum-decl name='dcs_status_[^']*'.*?</enum-decl>", text, re.S)
value = re.search(r"(<enumerator name='[^']*' value=')(\d+)'", enum.group(0))
changed = enum.group(0).replace(value.group(0), f"{value.group(1)}{int(value.group(2)) + 100}'", 1)
open(f"{out}/enumerator-changed.abi", "w").write(text.replace(enum.group(0), changed, 1))
# The last exported function disappears: its ELF symbol and its declaration.
name = re.findall(r"<elf-symbol name='(dcs_status_[^']*)' type='func-type'", text)[-1]
without = re.sub(rf"\n *<elf-symbol name='{name}' [^>]*/>", "", text)
without = re.sub(rf"\n *<function-decl [^>]*elf-symbol-id='{name}'.*?</function-decl>", "", without, flags=re.S)
assert without.count(name) == 0, name
open(f"{out}/function-removed.abi", "w").write(without)
PY
armed() { # OLD NEW EXPECTED_VERDICT WHAT
    echo "-- $4"
    abi_compare "$1" "$2" >"$planted/report.txt"
    sed 's/^/   | /' "$planted/report.txt"
    if [[ "$abi_verdict" == "$3" ]]; then
        echo "   reported as $abi_verdict: OK"
    else
        echo "   FAILED: reported as '$abi_verdict', expected '$3'"
        status=1
    fi
}
armed "$current" "$planted/enumerator-changed.abi" incompatible "an enumerator's value changed"
armed "$current" "$planted/function-removed.abi" incompatible "a function removed"
armed "$planted/function-removed.abi" "$current" addition "a function added"

echo
if [[ $status -eq 0 ]]; then echo "abi: passed"; else echo "abi: FAILED"; fi
exit $status
