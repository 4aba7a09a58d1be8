#!/usr/bin/env bash
# Makes the static library that C, C++ and Go programs link: the archive cargo writes
# (target/<profile>/libdcs_status.a) holds our code and a copy of the Rust standard
# library, every symbol of it global, so linking it beside another Rust static library
# fails with "multiple definition" errors. This script turns it into one relocatable
# object whose only global definitions are the C API:
#
#   1. ld -r --whole-archive: pre-link every member into one object, so calls between
#      our code and its std resolve inside it; --force-group-allocation dissolves the
#      COMDAT groups (DW.ref.rust_eh_personality, ...), or the linker could keep our
#      now-local copy of a group and drop the other library's, leaving its references
#      undefined;
#   2. objcopy: drop debug info and the .llvmbc/.llvmcmd sections (LLVM bitcode that
#      compiler_builtins carries: linkers discard it, and binutils' LLVM plugin aborts
#      on it);
#   3. objcopy --keep-global-symbols: every global definition becomes local except
#      dcs_status_*, the list read from the object with nm (never typed by hand);
#      undefined references (libc, libgcc_s's unwinder) stay as they are;
#   4. strip --strip-unneeded: drop the local symbols no relocation needs;
#   5. ar: an archive with that one object.
#
# Usage: bindings/c/localize-static-lib.sh INPUT.a OUTPUT.a
# Prints the number of exported symbols and the sizes. Needs binutils (ld, objcopy,
# nm, strip, ar).
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 INPUT.a OUTPUT.a" >&2
    exit 2
fi
input="$(realpath -- "$1")"
output="$(realpath -m -- "$2")"
[[ -f "$input" ]] || { echo "localize-static-lib.sh: $input is missing" >&2; exit 1; }
for tool in ld objcopy nm strip ar; do
    command -v "$tool" >/dev/null || { echo "localize-static-lib.sh: $tool (binutils) is missing" >&2; exit 1; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

ld -r --force-group-allocation -o "$tmp/prelinked.o" --whole-archive "$input"
objcopy --strip-debug --remove-section=.llvmbc --remove-section=.llvmcmd \
    "$tmp/prelinked.o" "$tmp/stripped.o"

nm --defined-only --extern-only "$tmp/stripped.o" | awk '$NF ~ /^dcs_status_/ { print $NF }' |
    sort -u >"$tmp/keep.txt"
# An empty list would make every symbol local: a library that links to nothing.
if [[ ! -s "$tmp/keep.txt" ]]; then
    echo "localize-static-lib.sh: no dcs_status_* definition in $input: is it libdcs_status.a?" >&2
    exit 1
fi
objcopy --keep-global-symbols="$tmp/keep.txt" "$tmp/stripped.o" "$tmp/localized.o"
strip --strip-unneeded "$tmp/localized.o" -o "$tmp/dcs_status.o"

# Exactly the kept names remain global definitions.
if ! diff <(nm --defined-only --extern-only "$tmp/dcs_status.o" | awk '{ print $NF }' | sort -u) \
    "$tmp/keep.txt" >&2; then
    echo "localize-static-lib.sh: the global definitions (<) are not the dcs_status_* list (>)" >&2
    exit 1
fi

mkdir -p "$(dirname "$output")"
rm -f "$output"
ar rcsD "$output" "$tmp/dcs_status.o"
echo "localize-static-lib.sh: $output: $(wc -l <"$tmp/keep.txt") global symbols (dcs_status_*)," \
    "$(stat -c %s "$output") bytes (from $(stat -c %s "$input"))" >&2
