#!/usr/bin/env bash
# bindings/c/test-install.sh: libdcs_status as users install and use it.
#
#   - bindings/c/install.sh into a temporary prefix: the files, symlinks, soname and
#     exports of the installed library;
#   - the pkg-config and CMake packages: metadata, versions (find_package accepts the
#     same minor and refuses the next), a relocated prefix, DESTDIR and a libdir
#     outside the prefix;
#   - the C and C++ examples built from the installed files only, with pkg-config and
#     with find_package, shared and static, and their output; the libcurl retry loop's
#     example built the same ways (libcurl's development files are needed: run.sh
#     installs them; tests/c/curl.sh runs it);
#   - the CTest suite of tests/c against the installed package, shared and static.
#
# Usage: bash bindings/c/test-install.sh   (builds the release library first; logs in
# target/c-logs). tests/c/run.sh sources it and calls install_checks.
set -euo pipefail

# shellcheck source=../../tests/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../tests/lib.sh"
# shellcheck source=../../tests/c/abi.sh
source "$repo/tests/c/abi.sh"
# shellcheck source=../../tests/c/cmake.sh
source "$repo/tests/c/cmake.sh"
target="$(target_dir)"
prefix="$target/c-prefix"
pcdir="$prefix/lib/pkgconfig"
install_into_prefix() {
    rm -rf "$prefix"
    bash "$repo/bindings/c/install.sh" --prefix "$prefix" --no-build
    local lib="$prefix/lib"
    test -f "$lib/libdcs_status.so.$version" && ! test -L "$lib/libdcs_status.so.$version"
    [[ "$(readlink "$lib/$soname")" == "libdcs_status.so.$version" ]]
    [[ "$(readlink "$lib/libdcs_status.so")" == "$soname" ]]
    test -f "$lib/libdcs_status.a"
    cmp "$prefix/include/dcs_status.h" include/dcs_status.h
    test -f "$pcdir/dcs_status.pc" && test -f "$pcdir/dcs_status-static.pc"
    test -f "$lib/cmake/dcs_status/dcs_status-config.cmake"
    test -f "$lib/cmake/dcs_status/dcs_status-config-version.cmake"
    soname_is_the_version_s "$lib/libdcs_status.so.$version"
    exports_only_dcs_status "$lib/libdcs_status.so.$version"
}

pkg_config_metadata() {
    export PKG_CONFIG_PATH="$pcdir"
    pkg-config --validate dcs_status
    pkg-config --validate dcs_status-static
    [[ "$(pkg-config --modversion dcs_status)" == "$version" ]]
    pkg-config --exists "dcs_status >= $version"
    pkg-config --cflags --libs dcs_status
    pkg-config --cflags --libs --static dcs_status
    pkg-config --cflags --libs dcs_status-static
    [[ "$(pkg-config --variable=libdir dcs_status)" == "$prefix/lib" ]]
}

# The output every example must print: the entry for 429, a parsed Retry-After, the
# RFC 9110 fallback, the dcs_status_get_inline hot path, text from the library, and a
# retry loop with a budget.
example_output_ok() {
    cat "$1"
    grep -q '^429 Too Many Requests$' "$1"
    grep -q 'DCS name:    TooManyRequests' "$1"
    grep -q 'retry advice: retry_after' "$1"
    grep -q 'Retry-After: Tue, 24 Nov 2026 12:01:30 GMT -> retry in 90 s' "$1"
    grep -q '418 is unrecognized: handled as client_error, like 400 Bad Request' "$1"
    grep -q '^hot path: 3 of 10 responses were documented errors$' "$1"
    grep -Eq '^HTTP error( \([0-9]+ bytes\))?: [0-9]{3} [^,]*, DCS name [A-Za-z]+: .*; decision: ' "$1"
    grep -q '^attempt 2: retry 2 of 3 in 2000 ms: DCS.4111 says try again later (busy)$' "$1"
    grep -q '^retry loop: success on attempt 3; the budget holds 486 of 500 tokens$' "$1"
}
# not_linked_to_libdcs_status BINARY: a static build needs no libdcs_status.so.
not_linked_to_libdcs_status() {
    ! LC_ALL=C readelf -d "$1" | grep 'NEEDED' | grep -q libdcs_status
}
linked_to_soname() {
    LC_ALL=C readelf -d "$1" | grep 'NEEDED' | grep -q "\[$soname\]"
}

examples="$repo/bindings/c/examples"
pc_examples() { # shared|static
    local kind="$1" dir="$target/c-examples-pkg-config-$1"
    local module=dcs_status
    [[ $kind == static ]] && module=dcs_status-static
    rm -rf "$dir" && mkdir -p "$dir"
    export PKG_CONFIG_PATH="$pcdir"
    # Exactly as bindings/c/README.md says, from the installed files only.
    # shellcheck disable=SC2046
    cc -std=c99 "${warnings[@]}" "$examples/example.c" $(pkg-config --cflags --libs "$module") -o "$dir/example"
    # shellcheck disable=SC2046
    c++ -std=c++11 "${warnings[@]}" "$examples/example.cpp" $(pkg-config --cflags --libs "$module") -o "$dir/example_cpp"
    # The libcurl retry loop (tests/c/curl.sh runs it): it builds from the installed files.
    # shellcheck disable=SC2046
    cc -std=c99 "${warnings[@]}" "$examples/curl_retry_example.c" "$examples/curl_retry.c" \
        $(pkg-config --cflags --libs "$module" libcurl) -o "$dir/curl_retry_example"
    if [[ $kind == shared ]]; then
        linked_to_soname "$dir/curl_retry_example"
    else
        not_linked_to_libdcs_status "$dir/curl_retry_example"
    fi
    for program in example example_cpp; do
        if [[ $kind == shared ]]; then
            linked_to_soname "$dir/$program"
            LD_LIBRARY_PATH="$prefix/lib" "$dir/$program" >"$dir/$program.out"
        else
            not_linked_to_libdcs_status "$dir/$program"
            "$dir/$program" >"$dir/$program.out"
        fi
        example_output_ok "$dir/$program.out"
    done
}

cmake_examples() { # shared|static PREFIX
    local kind="$1" from="$2" dir="$target/c-examples-cmake-$1"
    local static=OFF
    [[ $kind == static ]] && static=ON
    rm -rf "$dir"
    cmake -S "$examples" -B "$dir" "${generator[@]}" -DCMAKE_PREFIX_PATH="$from" -DDCS_STATUS_STATIC=$static
    cmake --build "$dir" -j "$jobs"
    test -x "$dir/curl_retry_example" # libcurl is installed: the loop builds too
    for program in example example_cpp; do
        if [[ $kind == shared ]]; then
            linked_to_soname "$dir/$program"
            # No LD_LIBRARY_PATH: the imported target gives the program its rpath.
            env -u LD_LIBRARY_PATH "$dir/$program" >"$dir/$program.out"
            env -u LD_LIBRARY_PATH ldd "$dir/$program" | grep "$soname => $from/lib/"
        else
            not_linked_to_libdcs_status "$dir/$program"
            "$dir/$program" >"$dir/$program.out"
        fi
        example_output_ok "$dir/$program.out"
    done
}


# The CMake package is relocatable: copy the prefix elsewhere, use it from there.
relocated() {
    local moved="$target/c-prefix-moved"
    rm -rf "$moved"
    cp -a "$prefix" "$moved"
    local dir="$target/c-examples-cmake-moved"
    rm -rf "$dir"
    cmake -S "$examples" -B "$dir" "${generator[@]}" -DCMAKE_PREFIX_PATH="$moved"
    cmake --build "$dir" -j "$jobs"
    env -u LD_LIBRARY_PATH ldd "$dir/example" | grep "$soname => $moved/lib/"
    "$dir/example" >"$dir/example.out"
    example_output_ok "$dir/example.out"
}

# find_package honours versions: MAJOR.MINOR and the exact version yes; the next minor,
# the next major and a newer patch no (before 1.0 a minor release may break the API).
cmake_versions() {
    local dir="$target/c-version-check"
    rm -rf "$dir"
    expect() { # WANT yes|no
        rm -rf "$dir/build"
        cmake -S "$repo/tests/c/version_check" -B "$dir/build" -DCMAKE_PREFIX_PATH="$prefix" \
            "-DWANT=${1// /;}" >/dev/null
        local got=no
        [[ -f "$dir/build/found" ]] && got=yes
        echo "find_package(dcs_status $1): $got (expected $2)"
        [[ $got == "$2" ]]
    }
    local minor="${version#*.}"
    minor="${minor%%.*}"
    expect "" yes
    expect "$major" yes
    expect "$major.$minor" yes
    expect "$version" yes
    expect "$version EXACT" yes
    expect "$major.$((minor + 1))" no
    expect "$((major + 1))" no
    expect "$major.$minor.999" no
}

destdir_install() {
    local stage="$target/c-destdir"
    rm -rf "$stage"
    DESTDIR="$stage" bash "$repo/bindings/c/install.sh" --prefix /opt/dcs-status --no-build
    test -f "$stage/opt/dcs-status/lib/libdcs_status.so.$version"
    test -f "$stage/opt/dcs-status/include/dcs_status.h"
    grep -qx 'prefix=/opt/dcs-status' "$stage/opt/dcs-status/lib/pkgconfig/dcs_status.pc"
    # A custom libdir outside the prefix: the CMake package still finds the header.
    rm -rf "$stage"
    DESTDIR="$stage" bash "$repo/bindings/c/install.sh" --prefix /usr --libdir /usr/lib/x86_64-linux-gnu --no-build
    test -f "$stage/usr/lib/x86_64-linux-gnu/libdcs_status.a"
    grep -qF '"${CMAKE_CURRENT_LIST_DIR}/../../../../include"' \
        "$stage/usr/lib/x86_64-linux-gnu/cmake/dcs_status/dcs_status-config.cmake"
    grep -qx 'libdir=${prefix}/lib/x86_64-linux-gnu' "$stage/usr/lib/x86_64-linux-gnu/pkgconfig/dcs_status.pc"
}

install_checks() {
    step "Installation: install.sh, pkg-config, CMake, the examples, the suite installed"
    check install_sh_into_a_temporary_prefix install_into_prefix
    check pkg_config_knows_dcs_status pkg_config_metadata
    check examples_c_cxx_via_pkg_config_shared pc_examples shared
    check examples_c_cxx_via_pkg_config_static pc_examples static
    check examples_c_cxx_via_cmake_find_package_shared cmake_examples shared "$prefix"
    check examples_c_cxx_via_cmake_find_package_static cmake_examples static "$prefix"
    check ctest_against_installed_package_shared ctest_suite "$target/c-installed-shared" \
        -DDCS_STATUS_SOURCE=installed -DCMAKE_PREFIX_PATH="$prefix" -DDCS_STATUS_LINK=shared
    check ctest_against_installed_package_static ctest_suite "$target/c-installed-static" \
        -DDCS_STATUS_SOURCE=installed -DCMAKE_PREFIX_PATH="$prefix" -DDCS_STATUS_LINK=static
    check cmake_package_is_relocatable relocated
    check cmake_package_version_checks cmake_versions
    check install_sh_destdir_and_libdir destdir_install
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    check cargo_build_release build_release
    install_checks
    summary
fi
