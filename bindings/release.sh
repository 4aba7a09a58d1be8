#!/usr/bin/env bash
# Builds the release artifacts of dcs-status for x86_64 Linux (glibc), so that C, C++,
# Python and Go users need no Rust toolchain:
#
#   OUTDIR/dcs_status-VERSION-cp39-abi3-manylinux2014_x86_64...whl
#                        the Python wheel: one abi3 wheel for CPython 3.9 and later,
#                        its extension linked against glibc 2.17 (manylinux2014)
#   OUTDIR/dcs_status-VERSION.tar.gz
#                        the Python sdist (checked: a wheel builds from it)
#   OUTDIR/dcs_status-VERSION-x86_64-linux-gnu.tar.gz
#                        the C archive: lib/libdcs_status.so.VERSION (soname
#                        libdcs_status.so.0.MINOR before 1.0, .so.MAJOR from 1.0 on,
#                        with its symlinks), lib/libdcs_status.a
#                        (exports only dcs_status_*), include/dcs_status.h, pkg-config
#                        and CMake files (relocatable), LICENSE-*, README.md
#   OUTDIR/goproxy/github.com/dcs-status/dcs-status/bindings/go/@v/
#                        the Go module vVERSION in the module-proxy layout (list,
#                        .info, .mod, .zip), with build/linux-x86_64/libdcs_status.a and
#                        build/include/dcs_status.h inside: serve it with
#                        GOPROXY=file://OUTDIR/goproxy
#   OUTDIR/SHA256SUMS    the checksums of the files above
#
# Usage: bash bindings/release.sh OUTDIR
#
# Needs cargo (rustup), python3 (3.9+) with venv, go, git and binutils; installs the
# pinned build tools of bindings/requirements-release.txt (maturin, zig, cargo-zigbuild)
# into the virtualenv target/release-tools. Builds with the `dist` profile of Cargo.toml
# (fat LTO, no debug info). The version comes from Cargo.toml. Files are taken from the
# working tree, the files git tracks; the archives are reproducible (times from the
# last commit). tests/dist/run.sh checks every artifact without Rust.
set -euo pipefail

if [[ $# -ne 1 || "$1" == -* ]]; then
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="$(realpath -m -- "$1")"
target="${CARGO_TARGET_DIR:-$repo/target}"
[[ "$target" = /* ]] || target="$repo/$target"
triple=x86_64-unknown-linux-gnu
glibc=2.17
module=github.com/dcs-status/dcs-status/bindings/go

step() { printf '\n== release: %s\n' "$*" >&2; }
die() { echo "release.sh: $*" >&2; exit 1; }

[[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] || die "builds for x86_64 Linux only (this is $(uname -sm))"
for tool in cargo go git python3 ld objcopy nm strip ar tar gzip; do
    command -v "$tool" >/dev/null || die "$tool is missing"
done
cd "$repo"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || die "$repo is not a git checkout"
if [[ -n "$(git status --porcelain --untracked-files=no)" ]]; then
    echo "release.sh: warning: the working tree has uncommitted changes; they are released too" >&2
fi

version="$(cargo pkgid --offline -p dcs-status-ffi)"
version="${version##*[#@]}"
[[ "$version" =~ ^([0-9]+)\.([0-9]+)\.[0-9]+$ ]] || die "cannot read the version from Cargo.toml (got '$version')"
major="${BASH_REMATCH[1]}"
# The soname, as crates/dcs-status-ffi/build.rs gives it.
if [[ "$major" == 0 ]]; then
    soname="libdcs_status.so.0.${BASH_REMATCH[2]}"
else
    soname="libdcs_status.so.$major"
fi
# Archive times and the Go version's time: the last commit's.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
commit_time="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)"

mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step "build tools (bindings/requirements-release.txt) in $target/release-tools"
tools="$target/release-tools"
if ! "$tools/bin/python" -c 'import sys' >/dev/null 2>&1; then
    rm -rf "$tools"
    python3 -m venv "$tools"
fi
"$tools/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-release.txt"
# maturin and cargo-zigbuild find zig as `python -m ziglang` through this PATH.
export PATH="$tools/bin:$PATH"

step "the C library: cargo zigbuild --profile dist, linked against glibc $glibc"
cargo zigbuild --locked --profile dist -p dcs-status-ffi --target "$triple.$glibc"
built="$target/$triple/dist"
mkdir -p "$work/lib/release"
strip --strip-unneeded -o "$work/lib/release/libdcs_status.so" "$built/libdcs_status.so"
cp "$built/libdcs_status.a" "$work/lib/release/libdcs_status.a"

step "the C archive"
name="dcs_status-$version-x86_64-linux-gnu"
stage="$work/c/$name"
# install.sh installs what <target dir>/release holds: here, the release build above;
# it makes the static library export only dcs_status_* (c/localize-static-lib.sh).
CARGO_TARGET_DIR="$work/lib" bash "$here/c/install.sh" --no-build --prefix "$stage"
# Relocatable pkg-config files: the prefix is wherever the archive is unpacked.
sed -i 's|^prefix=.*|prefix=${pcfiledir}/../..|' "$stage/lib/pkgconfig/"*.pc
cp LICENSE-MIT LICENSE-APACHE "$stage/"
sed -e "s|@VERSION@|$version|g" -e "s|@MAJOR@|$major|g" -e "s|@SONAME@|$soname|g" -e "s|@NAME@|$name|g" \
    -e "s|@GLIBC@|$glibc|g" "$here/c/release-README.md.in" >"$stage/README.md"
rm -f "$out/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C "$work/c" -cf - "$name" | gzip -n -9 >"$out/$name.tar.gz"

step "the Python wheel (abi3, manylinux2014 through zig) and sdist"
rm -f "$out"/dcs_status-"$version"-*.whl "$out/dcs_status-$version.tar.gz"
(
    cd "$here/python"
    maturin build --locked --profile dist --zig --compatibility manylinux2014 --out "$out"
    maturin sdist --out "$out"
)
wheel="$(ls "$out"/dcs_status-"$version"-cp*-abi3-manylinux*_x86_64*.whl)"
sdist="$out/dcs_status-$version.tar.gz"
[[ -f "$sdist" ]] || die "maturin wrote no $sdist"

step "the sdist builds a wheel (pip wheel, cargo in $target/release-sdist)"
CARGO_TARGET_DIR="$target/release-sdist" "$tools/bin/python" -m pip wheel --quiet \
    --disable-pip-version-check --no-deps --no-build-isolation -w "$work/sdist-wheel" "$sdist"
ls "$work/sdist-wheel"/dcs_status-"$version"-*.whl >/dev/null

step "the Go module v$version with build/linux-x86_64/libdcs_status.a inside"
gomod="$work/gomod"
git ls-files -z bindings/go | while IFS= read -r -d '' file; do
    install -D -m 0644 "$file" "$gomod/${file#bindings/go/}"
done
install -D -m 0644 include/dcs_status.h "$gomod/build/include/dcs_status.h"
install -D -m 0644 "$stage/lib/libdcs_status.a" "$gomod/build/linux-x86_64/libdcs_status.a"
cp LICENSE-MIT LICENSE-APACHE "$gomod/"
rm -rf "$out/goproxy/$module/@v/v$version".*
(cd tools/gomodzip && go run . -dir "$gomod" -version "v$version" -time "$commit_time" -out "$out/goproxy")

step "checksums and sizes"
(
    cd "$out"
    files=("$(basename "$wheel")" "$(basename "$sdist")" "$name.tar.gz" "goproxy/$module/@v/v$version.zip")
    sha256sum "${files[@]}" >SHA256SUMS
    for f in "${files[@]}"; do printf '%10s bytes  %s\n' "$(stat -c %s "$f")" "$f"; done
)
printf '%10s bytes  %s\n' "$(stat -c %s "$stage/lib/libdcs_status.so.$version")" "lib/libdcs_status.so.$version (stripped, in the C archive)"
printf '%10s bytes  %s\n' "$(stat -c %s "$stage/lib/libdcs_status.a")" "lib/libdcs_status.a (in the C archive and the Go module)"
echo "release.sh: dcs-status $version for x86_64 Linux (glibc $glibc) in $out" >&2
