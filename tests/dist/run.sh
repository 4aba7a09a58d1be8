#!/usr/bin/env bash
# The `dist` suite: the release artifacts, used as a user without Rust would use them.
#
#   1. bindings/release.sh builds every artifact into target/dist-release (wheel,
#      sdist, C archive, Go module proxy);
#   2. sizes against the goals (wheel <= 500 KiB, stripped .so <= 500 KiB, static
#      library <= 5 MiB); the wheel is abi3 and manylinux2014, and the glibc symbol
#      versions its extension and the C library need are <= 2.17; the static library
#      and the shared library export exactly the same dcs_status_* symbols, nothing else;
#   3. the ABI against the committed baseline (tests/abi/check.sh, abidiff);
#   4. with cargo, rustc, rustup and ~/.cargo/bin removed from PATH:
#      - one C program calls libdcs_status.a and a second Rust static library
#        (tests/dist/other-rust-lib), linked in both orders, while the archive cargo
#        writes (before bindings/c/localize-static-lib.sh) fails to link there;
#      - the wheel in a fresh virtualenv: pip install to a working import (timed, not
#        asserted), then the Python suite (bindings/python/tests, pytest) against it;
#        the same wheel imported on the oldest and newest CPython at hand (abi3);
#      - the C archive unpacked into a temporary directory: the C and C++ examples
#        built with pkg-config and with CMake, shared and static, and run;
#      - a Go program outside the repository gets the module from the file:// proxy
#        (no network, no checksum database), builds with -race and runs; then again
#        from `go mod vendor`, with the module cache gone.
#
# Usage: bash tests/dist/run.sh   (from any directory; installs what it needs with
# apt-get and pip). Logs: target/dist-logs/. The last line is "N passed, M failed".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
target="${CARGO_TARGET_DIR:-$repo/target}"
[[ "$target" = /* ]] || target="$repo/$target"
out="$target/dist-release"
logs="$target/dist-logs"
work="$target/dist-work"
module=github.com/dcs-status/dcs-status/bindings/go
mkdir -p "$logs"
# (The Go module cache inside is read-only: make it writable to remove it.)
[[ ! -d "$work" ]] || chmod -R u+w "$work"
rm -rf "$work" && mkdir -p "$work"

passed=0
failed=0
failures=()
# check NAME COMMAND...: runs COMMAND (with set -e) in a subshell, its output in
# target/dist-logs/NAME.log; counts and reports the result.
# (Its locals start with check_: bash's locals are seen by the functions it calls.)
check() {
    local check_name="$1"
    shift
    local check_log="$logs/$check_name.log" check_start=$SECONDS check_rc
    set +e
    (set -e; "$@") >"$check_log" 2>&1
    check_rc=$?
    set -e
    if [[ $check_rc -eq 0 ]]; then
        passed=$((passed + 1))
        printf 'PASS  %-62s %4ss\n' "$check_name" $((SECONDS - check_start))
    else
        failed=$((failed + 1))
        failures+=("$check_name")
        printf 'FAIL  %-62s %4ss  (exit %s, log %s)\n' "$check_name" $((SECONDS - check_start)) \
            "$check_rc" "$check_log"
        tail -n 40 "$check_log" | sed 's/^/    | /'
    fi
}
finish() {
    echo
    echo "figures:"
    cat "$logs/sizes_within_the_goals.log" "$logs/wheel_installs_into_a_fresh_venv_and_imports.log" \
        2>/dev/null | grep -E 'KiB|import:' | sed 's/^/  /' || true
    echo
    [[ $failed -eq 0 ]] || echo "failed: ${failures[*]}"
    echo "$passed passed, $failed failed"
    exit $((failed > 0))
}

# --- Tools ---------------------------------------------------------------------------

missing=()
for tool in gcc g++ make cmake pkg-config abidw objdump; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    packages=()
    for tool in "${missing[@]}"; do
        case "$tool" in
        abidw) packages+=(abigail-tools) ;;
        objdump) packages+=(binutils) ;;
        *) packages+=("$tool") ;;
        esac
    done
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "dist: installing ${packages[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
    else
        echo "dist: missing ${missing[*]} (Debian: apt-get install ${packages[*]})" >&2
        exit 1
    fi
fi

# --- The release -----------------------------------------------------------------------

check release_sh_builds_every_artifact bash bindings/release.sh "$out"
version="$(cargo pkgid --offline -p dcs-status-ffi)"
version="${version##*[#@]}"
major="${version%%.*}"
# The soname, as crates/dcs-status-ffi/build.rs gives it: libdcs_status.so.0.MINOR
# before 1.0, libdcs_status.so.MAJOR from 1.0 on.
if [[ "$major" == 0 ]]; then
    soname="libdcs_status.so.0.$(cut -d. -f2 <<<"$version")"
else
    soname="libdcs_status.so.$major"
fi
name="dcs_status-$version-x86_64-linux-gnu"
wheel="$(ls "$out"/dcs_status-"$version"-cp*-abi3-*.whl 2>/dev/null | head -n 1)"
carchive="$out/$name.tar.gz"
proxy="$out/goproxy"
if [[ $failed -ne 0 || -z "$wheel" || ! -f "$carchive" || ! -f "$proxy/$module/@v/v$version.zip" ]]; then
    echo "dist: the release is incomplete; nothing else to check"
    finish
fi
prefix="$work/c-archive/$name"
mkdir -p "$work/c-archive" "$work/wheel"
tar -xzf "$carchive" -C "$work/c-archive"
python3 -m zipfile -e "$wheel" "$work/wheel"
extension="$(find "$work/wheel" -name '_native*.so' | head -n 1)"

# --- Sizes and symbols --------------------------------------------------------------------

kib() { echo "$(( ($(stat -c %s "$1") + 1023) / 1024 ))"; }
sizes() {
    local so="$prefix/lib/libdcs_status.so.$version" a="$prefix/lib/libdcs_status.a"
    local stripped="$work/libdcs_status.so.stripped"
    strip --strip-unneeded -o "$stripped" "$so"
    printf '%-58s %6s KiB (goal <= %s)\n' "wheel $(basename "$wheel")" "$(kib "$wheel")" 500
    printf '%-58s %6s KiB (goal <= %s)\n' "libdcs_status.so.$version, stripped" "$(kib "$stripped")" 500
    printf '%-58s %6s KiB (goal <= %s)\n' "libdcs_status.a" "$(kib "$a")" $((5 * 1024))
    printf '%-58s %6s KiB\n' "$name.tar.gz" "$(kib "$carchive")"
    printf '%-58s %6s KiB\n' "Go module zip v$version" "$(kib "$proxy/$module/@v/v$version.zip")"
    printf '%-58s %6s KiB\n' "sdist" "$(kib "$out/dcs_status-$version.tar.gz")"
    [[ $(kib "$wheel") -le 500 && $(kib "$stripped") -le 500 && $(kib "$a") -le $((5 * 1024)) ]]
}
check sizes_within_the_goals sizes

# glibc_needed ELF: the highest GLIBC_x.y version ELF's dynamic symbols need.
glibc_needed() { objdump -T "$1" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)*' | sed 's/GLIBC_//' | sort -V | tail -n 1; }
# The libraries manylinux2014 (PEP 599) allows this package to need.
manylinux_libs='\[(libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|libgcc_s\.so\.1|ld-linux-x86-64\.so\.2)\]'
wheel_tags() {
    local tags
    tags="$(grep '^Tag: ' "$work/wheel/dcs_status-$version.dist-info/WHEEL")"
    echo "$tags"
    grep -qx 'Tag: cp39-abi3-manylinux2014_x86_64' <<<"$tags"
    local so needs
    for so in "$extension" "$prefix/lib/libdcs_status.so.$version"; do
        needs="$(glibc_needed "$so")"
        echo "$so: needs GLIBC_$needs; $(readelf -d "$so" | grep -o 'NEEDED.*' | tr -s ' ' | tr '\n' ' ')"
        [[ "$(printf '%s\n' "$needs" 2.17 | sort -V | tail -n 1)" == 2.17 ]]
        # Only libraries manylinux2014 (PEP 599) allows.
        if readelf -d "$so" | grep NEEDED | grep -vE "$manylinux_libs"; then
            echo "FAILED: $so needs a library manylinux2014 does not allow (above)"
            return 1
        fi
    done
}
check wheel_is_abi3_manylinux2014_and_needs_glibc_2.17_at_most wheel_tags

exports_match() {
    local a="$prefix/lib/libdcs_status.a" so="$prefix/lib/libdcs_status.so.$version"
    local static shared
    static="$(nm --defined-only --extern-only "$a" | awk 'NF >= 3 { print $NF }' | sort -u)"
    shared="$(nm -D --defined-only "$so" | awk '{ print $NF }' | sort -u)"
    echo "global definitions of libdcs_status.a: $(wc -l <<<"$static")"
    if grep -v '^dcs_status_' <<<"$static"; then
        echo "FAILED: libdcs_status.a defines the global symbols above, not dcs_status_*"
        return 1
    fi
    diff <(echo "$static") <(echo "$shared")
    [[ "$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')" == "$soname" ]]
}
check static_and_shared_library_export_only_the_same_dcs_status_symbols exports_match

# --- The ABI (builds the library with debug info: needs cargo) ---------------------------

check abi_matches_the_committed_baseline bash tests/abi/check.sh

# --- What the no-Rust checks use, built now ------------------------------------------------

other_lib="$target/dist-other-rust/release/libother_rust.a"
check other_rust_static_library_builds cargo build --quiet --release --locked \
    --manifest-path tests/dist/other-rust-lib/Cargo.toml --target-dir "$target/dist-other-rust"
check rust_cli_builds cargo build --quiet --release --locked -p dcs-status-cli
cli="$target/release/dcs-status"
# The archive cargo writes, before localize-static-lib.sh: the control of the link test.
raw_archive="$target/x86_64-unknown-linux-gnu/dist/libdcs_status.a"

# --- Without Rust -------------------------------------------------------------------------

# PATH without a directory that holds cargo, rustc or rustup, and without ~/.cargo/bin.
no_rust_path=
IFS=: read -ra path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
    [[ -n "$dir" && "$dir" != "$HOME/.cargo/bin" ]] || continue
    [[ -e "$dir/cargo" || -e "$dir/rustc" || -e "$dir/rustup" ]] && continue
    no_rust_path="${no_rust_path:+$no_rust_path:}$dir"
done
without_rust() {
    export PATH="$no_rust_path"
    unset CARGO CARGO_HOME RUSTUP_HOME RUSTUP_TOOLCHAIN RUSTC CARGO_TARGET_DIR
    ! command -v cargo && ! command -v rustc && ! command -v rustup
}
check no_cargo_rustc_or_rustup_on_the_test_path without_rust

native_libs="$(cat bindings/c/native-static-libs.txt)"
two_rust_libraries() {
    without_rust
    local dir="$work/two-rust-libs" archive="$prefix/lib/libdcs_status.a"
    mkdir -p "$dir"
    # The control: cargo's archive exports its copy of std, so the link fails.
    # shellcheck disable=SC2086
    if gcc -std=c99 -I "$prefix/include" "$here/two_rust_libs.c" "$raw_archive" "$other_lib" \
        $native_libs -o "$dir/control" 2>"$dir/control.err"; then
        echo "FAILED: the control linked: the test would prove nothing"
        return 1
    fi
    echo "control (cargo's archive): $(grep -c 'multiple definition' "$dir/control.err") multiple definitions"
    # shellcheck disable=SC2086
    gcc -std=c99 -Wall -Wextra -Wpedantic -Werror -I "$prefix/include" "$here/two_rust_libs.c" \
        "$archive" "$other_lib" $native_libs -o "$dir/dcs-first"
    # shellcheck disable=SC2086
    gcc -std=c99 -Wall -Wextra -Wpedantic -Werror -I "$prefix/include" "$here/two_rust_libs.c" \
        "$other_lib" "$archive" $native_libs -o "$dir/other-first"
    "$dir/dcs-first"
    "$dir/other-first"
}
check two_rust_static_libraries_in_one_c_program two_rust_libraries

# Python: a fresh virtualenv per interpreter; the suite on the newest 3.x with venv.
python_for_suite="$(command -v python3.11 || command -v python3)"
venv="$work/venv"
wheel_install_and_import() {
    without_rust
    "$python_for_suite" -m venv "$venv"
    local start end
    start="$(date +%s.%N)"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --no-deps "$wheel"
    "$venv/bin/python" -c 'import dcs_status; assert dcs_status.StatusCode(429).phrase'
    end="$(date +%s.%N)"
    echo "pip install <wheel> to a working import: $(python3 -c "print(f'{$end - $start:.2f}')") s (goal <= 3 s; measured, not asserted)"
    "$venv/bin/python" -c 'import dcs_status, dcs_status._native as n; print(dcs_status.__file__); print(n.__file__)' |
        tee "$work/imported-from"
    if grep "$repo/bindings" "$work/imported-from"; then
        echo "FAILED: imported from the repository, not from the wheel"
        return 1
    fi
}
check wheel_installs_into_a_fresh_venv_and_imports wheel_install_and_import

python_suite() {
    without_rust
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt
    # From a directory outside the package sources, so only the installed wheel imports.
    cd "$work"
    DCS_STATUS_CLI="$cli" "$venv/bin/python" -m pytest -W error -p no:cacheprovider -q \
        --rootdir "$repo/bindings/python" -c "$repo/bindings/python/pyproject.toml" "$repo/bindings/python/tests"
}
check python_suite_against_the_installed_wheel python_suite

# The CPython interpreters at hand other than the suite's (pyenv's versions too), 3.9 or
# later: the oldest and the newest.
other_pythons() {
    local candidates=() python version
    for python in python3.9 python3.10 python3.12 python3.13 python3.14; do
        candidates+=("$(command -v "$python" || true)")
    done
    if command -v pyenv >/dev/null; then
        candidates+=("$(pyenv root)"/versions/3.*/bin/python3)
    fi
    for python in "${candidates[@]}"; do
        [[ -n "$python" && -x "$python" ]] || continue
        version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" || continue
        [[ "$(printf '%s\n' "$version" 3.9 | sort -V | head -n 1)" == 3.9 ]] || continue
        [[ "$version" != "$("$python_for_suite" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" ]] || continue
        echo "$version $python"
    done | sort -V -u -k1,1 | sed -n '1p;$p' | sort -u | cut -d' ' -f2
}
abi3_on_other_pythons() {
    without_rust
    local python ran=0 dir
    for python in $(other_pythons); do
        dir="$work/venv-$(basename "$(dirname "$(dirname "$python")")")-$(basename "$python")"
        rm -rf "$dir"
        "$python" -m venv "$dir"
        "$dir/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --no-deps "$wheel"
        "$dir/bin/python" -c 'import sys, dcs_status
assert dcs_status.StatusCode(404).phrase == "Not Found"
print("CPython", sys.version.split()[0], "imports dcs_status from the abi3 wheel")'
        ran=$((ran + 1))
    done
    echo "$ran other interpreters"
}
check abi3_wheel_imports_on_the_other_pythons_at_hand abi3_on_other_pythons

# C and C++: the examples against the unpacked archive, as its README says.
example_ok() { # PROGRAM [shared|static]
    local program="$1" kind="$2"
    if [[ $kind == shared ]]; then
        readelf -d "$program" | grep NEEDED | grep -q "\[$soname\]"
    elif readelf -d "$program" | grep NEEDED | grep libdcs_status; then
        echo "FAILED: $program, linked statically, needs libdcs_status.so"
        return 1
    fi
    env -u LD_LIBRARY_PATH "$program" >"$program.out"
    cat "$program.out"
    grep -q '^429 Too Many Requests$' "$program.out"
}
c_examples_pkg_config() { # shared|static
    without_rust
    local kind="$1" dir="$work/c-pkg-config-$1" pc=dcs_status rpath=()
    export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
    unset PKG_CONFIG_LIBDIR
    [[ $kind == static ]] && pc=dcs_status-static
    [[ $kind == shared ]] && rpath=("-Wl,-rpath,$(pkg-config --variable=libdir dcs_status)")
    [[ "$(pkg-config --modversion "$pc")" == "$version" ]]
    mkdir -p "$dir"
    # shellcheck disable=SC2046
    cc -std=c99 -Wall -Wextra -Wpedantic -Werror bindings/c/examples/example.c \
        $(pkg-config --cflags --libs "$pc") "${rpath[@]}" -o "$dir/example"
    # shellcheck disable=SC2046
    c++ -std=c++11 -Wall -Wextra -Wpedantic -Werror bindings/c/examples/example.cpp \
        $(pkg-config --cflags --libs "$pc") "${rpath[@]}" -o "$dir/example_cpp"
    example_ok "$dir/example" "$kind"
    example_ok "$dir/example_cpp" "$kind"
}
check c_cxx_examples_from_the_archive_pkg_config_shared c_examples_pkg_config shared
check c_cxx_examples_from_the_archive_pkg_config_static c_examples_pkg_config static

c_examples_cmake() { # shared|static
    without_rust
    local kind="$1" dir="$work/c-cmake-$1" static=OFF
    [[ $kind == static ]] && static=ON
    cmake -S bindings/c/examples -B "$dir" -DCMAKE_PREFIX_PATH="$prefix" -DDCS_STATUS_STATIC=$static
    cmake --build "$dir" -j 2
    example_ok "$dir/example" "$kind"
    example_ok "$dir/example_cpp" "$kind"
}
check c_cxx_examples_from_the_archive_cmake_shared c_examples_cmake shared
check c_cxx_examples_from_the_archive_cmake_static c_examples_cmake static

# Go: a program in a directory of its own, the module from the file:// proxy only.
go_app="$work/go-app"
# The proxy is the only source: GONOSUMDB skips the checksum database for this module
# only (the zip is not published). Not GOPRIVATE: it implies GONOPROXY, which would make
# the go command bypass the proxy and clone the repository.
go_env() {
    without_rust
    export GOPROXY="file://$proxy" GONOSUMDB="$module" GOFLAGS=-mod=mod GOTOOLCHAIN=local GOWORK=off
    export GOMODCACHE="$work/gomodcache" CGO_ENABLED=1
    unset CGO_CFLAGS CGO_LDFLAGS PKG_CONFIG_PATH LD_LIBRARY_PATH GOPRIVATE GONOPROXY
}
outside_output_ok() {
    cat "$1"
    grep -q '^entry: 429 Too Many Requests' "$1"
    grep -q 'errors.Is(err, ErrTooManyRequests): true; Retry-After: 2m0s' "$1"
}
go_get_and_build() {
    go_env
    rm -rf "$go_app" && mkdir -p "$go_app"
    cp bindings/go/examples/outside/main.go "$go_app/"
    cd "$go_app"
    go mod init example.com/dcsstatus-dist-check
    go get "$module@v$version"
    go build -race -o app .
    if readelf -d app | grep NEEDED | grep libdcs_status; then
        echo "FAILED: the Go program needs libdcs_status.so"
        return 1
    fi
    ./app >app.out
    outside_output_ok app.out
    echo "linked from: $(go list -m -f '{{.Dir}}' "$module")"
}
check go_get_from_the_file_proxy_and_build_with_race go_get_and_build

go_vendor() {
    go_env
    cd "$go_app"
    go mod vendor
    ls -l "vendor/$module/build/linux-x86_64/libdcs_status.a" "vendor/$module/build/include/dcs_status.h"
    # Without the module cache and the proxy, only vendor/ can provide the module.
    chmod -R u+w "$GOMODCACHE" && rm -rf "$GOMODCACHE"
    GOPROXY=off GOFLAGS=-mod=vendor go build -o app-vendored .
    ./app-vendored >app-vendored.out
    outside_output_ok app-vendored.out
}
check go_mod_vendor_keeps_the_library_and_builds go_vendor

finish
