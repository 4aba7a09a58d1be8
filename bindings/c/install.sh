#!/usr/bin/env bash
# Installs libdcs_status, the C API of dcs-status, for C and C++ programs:
#
#   $libdir/libdcs_status.so.X.Y.Z             the shared library (soname libdcs_status.so.0.Y
#                                              before 1.0, libdcs_status.so.X from 1.0 on)
#   $libdir/<soname>, libdcs_status.so         symlinks to it
#   $libdir/libdcs_status.a                    the static library (exports only
#                                              dcs_status_*: localize-static-lib.sh)
#   $includedir/dcs_status.h                   the header
#   $libdir/pkgconfig/dcs_status.pc            pkg-config, shared (static via --static)
#   $libdir/pkgconfig/dcs_status-static.pc     pkg-config, the static library
#   $libdir/cmake/dcs_status/dcs_status-config.cmake, -config-version.cmake
#                                              CMake: dcs_status::dcs_status (shared),
#                                              dcs_status::dcs_status_static
#
# Usage: bindings/c/install.sh [--prefix DIR] [--libdir DIR] [--includedir DIR] [--no-build]
#
#   --prefix DIR      default /usr/local
#   --libdir DIR      default PREFIX/lib
#   --includedir DIR  default PREFIX/include
#   --no-build        install what target/release holds; do not run cargo build
#
# DESTDIR is honoured (staged installs for packagers): files go to $DESTDIR$prefix,
# while the installed .pc and CMake files name $prefix.
# The version comes from Cargo.toml, through cargo; it is written nowhere else.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

prefix=/usr/local
libdir=
includedir=
build=1

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || { echo "install.sh: $1 needs a value" >&2; exit 2; }; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) need_value "$@"; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#*=}"; shift ;;
        --libdir) need_value "$@"; libdir="$2"; shift 2 ;;
        --libdir=*) libdir="${1#*=}"; shift ;;
        --includedir) need_value "$@"; includedir="$2"; shift 2 ;;
        --includedir=*) includedir="${1#*=}"; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

# Absolute, normalized paths (they need not exist yet).
abs() { realpath -m -- "$1"; }
prefix="$(abs "$prefix")"
libdir="$(abs "${libdir:-$prefix/lib}")"
includedir="$(abs "${includedir:-$prefix/include}")"
destdir="${DESTDIR:-}"

cd "$repo"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
[[ "$target_dir" = /* ]] || target_dir="$repo/$target_dir"
release="$target_dir/release"

if [[ $build -eq 1 ]]; then
    echo "install.sh: cargo build --release -p dcs-status-ffi" >&2
    cargo build --release --locked -p dcs-status-ffi >&2
fi

# The version, from Cargo.toml via cargo ("path+file:///...#dcs-status-ffi@0.1.0" or
# "...#0.1.0"); without cargo (--no-build on a machine that has none), from the
# workspace's Cargo.toml directly.
version=
if command -v cargo >/dev/null 2>&1; then
    pkgid="$(cargo pkgid --offline -p dcs-status-ffi 2>/dev/null || true)"
    version="${pkgid##*[#@]}"
fi
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    version="$(awk '/^\[workspace\.package\]/ { s = 1; next } /^\[/ { s = 0 }
                    s && $1 == "version" { gsub(/"/, "", $3); print $3; exit }' "$repo/Cargo.toml")"
fi
if [[ ! "$version" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]]; then
    echo "install.sh: cannot read the version from Cargo.toml (got '$version')" >&2
    exit 1
fi
major="${BASH_REMATCH[1]}"
minor="${BASH_REMATCH[2]}"
# The soname, as crates/dcs-status-ffi/build.rs gives it: before 1.0 a minor release
# may break the ABI, so it names the minor version too.
if [[ "$major" == 0 ]]; then
    soname="libdcs_status.so.0.$minor"
else
    soname="libdcs_status.so.$major"
fi

# The header must be the one the library was built from.
header="$repo/include/dcs_status.h"
if ! grep -q "^#define DCS_STATUS_VERSION \"$version\"\$" "$header"; then
    echo "install.sh: $header does not say version $version: regenerate it" \
         "(DCS_STATUS_BLESS=1 cargo test -p dcs-status-ffi header_is_fresh)" >&2
    exit 1
fi
for f in "$release/libdcs_status.so" "$release/libdcs_status.a"; do
    [[ -f "$f" ]] || { echo "install.sh: $f is missing (run without --no-build)" >&2; exit 1; }
done
built_soname="$(LC_ALL=C readelf -d "$release/libdcs_status.so" 2>/dev/null |
                sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')"
if [[ -n "$built_soname" && "$built_soname" != "$soname" ]]; then
    echo "install.sh: $release/libdcs_status.so has soname $built_soname, expected $soname" >&2
    exit 1
fi

native_static_libs="$(tr -s ' \n' ' ' < "$here/native-static-libs.txt" | sed 's/^ //; s/ $//')"
# The same list for CMake's INTERFACE_LINK_LIBRARIES: a ;-list of library names.
native_static_libs_cmake="$(printf '%s\n' $native_static_libs | sed 's/^-l//' | paste -sd ';')"
url="$(awk '/^\[workspace\.package\]/ { s = 1; next } /^\[/ { s = 0 }
            s && $1 == "repository" { gsub(/"/, "", $3); print $3; exit }' "$repo/Cargo.toml")"

# Paths in the .pc file: relative to ${prefix} where they are under it.
pc_path() {
    case "$1" in
        "$prefix") echo '${prefix}' ;;
        "$prefix"/*) echo "\${prefix}/${1#"$prefix"/}" ;;
        *) echo "$1" ;;
    esac
}
cmake_dir="$libdir/cmake/dcs_status"
libdir_from_config="$(realpath -m --relative-to="$cmake_dir" "$libdir")"
includedir_from_config="$(realpath -m --relative-to="$cmake_dir" "$includedir")"

substitute() { # TEMPLATE OUTPUT
    sed -e "s|@PREFIX@|$prefix|g" \
        -e "s|@LIBDIR@|$(pc_path "$libdir")|g" \
        -e "s|@INCLUDEDIR@|$(pc_path "$includedir")|g" \
        -e "s|@LIBDIR_FROM_CONFIG@|$libdir_from_config|g" \
        -e "s|@INCLUDEDIR_FROM_CONFIG@|$includedir_from_config|g" \
        -e "s|@VERSION@|$version|g" \
        -e "s|@VERSION_MAJOR@|$major|g" \
        -e "s|@VERSION_MINOR@|$minor|g" \
        -e "s|@SONAME@|$soname|g" \
        -e "s|@NATIVE_STATIC_LIBS@|$native_static_libs|g" \
        -e "s|@NATIVE_STATIC_LIBS_CMAKE@|$native_static_libs_cmake|g" \
        -e "s|@URL@|$url|g" \
        "$1" > "$2"
    if grep -n '@[A-Z_]*@' "$2" >&2; then
        echo "install.sh: unsubstituted placeholder in $2" >&2
        exit 1
    fi
}

d_lib="$destdir$libdir"
d_inc="$destdir$includedir"
d_cmake="$destdir$cmake_dir"
install -d "$d_lib" "$d_lib/pkgconfig" "$d_inc" "$d_cmake"

install -m 0755 "$release/libdcs_status.so" "$d_lib/libdcs_status.so.$version"
ln -sfn "libdcs_status.so.$version" "$d_lib/$soname"
ln -sfn "$soname" "$d_lib/libdcs_status.so"
# The archive cargo writes exports its copy of the Rust standard library: installed as
# one object whose only global symbols are dcs_status_*.
bash "$here/localize-static-lib.sh" "$release/libdcs_status.a" "$d_lib/libdcs_status.a"
chmod 0644 "$d_lib/libdcs_status.a"
install -m 0644 "$header" "$d_inc/dcs_status.h"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
substitute "$here/dcs_status.pc.in" "$tmp/dcs_status.pc"
substitute "$here/dcs_status-static.pc.in" "$tmp/dcs_status-static.pc"
substitute "$here/dcs_status-config.cmake.in" "$tmp/dcs_status-config.cmake"
substitute "$here/dcs_status-config-version.cmake.in" "$tmp/dcs_status-config-version.cmake"
install -m 0644 "$tmp/dcs_status.pc" "$tmp/dcs_status-static.pc" "$d_lib/pkgconfig/"
install -m 0644 "$tmp/dcs_status-config.cmake" "$tmp/dcs_status-config-version.cmake" "$d_cmake/"

echo "install.sh: installed dcs_status $version into $destdir$prefix" >&2
for f in "$d_lib/libdcs_status.so.$version" "$d_lib/$soname" \
         "$d_lib/libdcs_status.so" "$d_lib/libdcs_status.a" "$d_inc/dcs_status.h" \
         "$d_lib/pkgconfig/dcs_status.pc" "$d_lib/pkgconfig/dcs_status-static.pc" \
         "$d_cmake/dcs_status-config.cmake" "$d_cmake/dcs_status-config-version.cmake"; do
    echo "  $f" >&2
done
