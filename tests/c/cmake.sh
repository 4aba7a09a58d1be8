# tests/c/cmake.sh: configuring, building and running CMake projects for the C tests
# (tests/c/run.sh and bindings/c/test-install.sh source it after tests/lib.sh).
#
#   generator              (-G Ninja) when ninja is installed, else empty (make)
#   fresh_cache DIR        wipes DIR if an earlier run configured it with another generator
#                          or for another directory
#   ctest_suite DIR ARGS   configures tests/c in DIR with ARGS, builds, runs CTest
# shellcheck shell=bash

jobs="${DCS_STATUS_C_JOBS:-2}"
generator=()
if command -v ninja >/dev/null; then
    generator=(-G Ninja)
fi
gen_name() { if [[ ${#generator[@]} -gt 0 ]]; then echo Ninja; else echo "Unix Makefiles"; fi; }

fresh_cache() {
    local dir="$1"
    [[ -f "$dir/CMakeCache.txt" ]] || return 0
    # Another generator, or a cache made for another directory (a target/ copied from
    # another checkout): CMake refuses both, so start over.
    if ! grep -qx "CMAKE_GENERATOR:INTERNAL=$(gen_name)" "$dir/CMakeCache.txt" ||
        ! grep -qx "CMAKE_CACHEFILE_DIR:INTERNAL=$(realpath -m "$dir")" "$dir/CMakeCache.txt"; then
        rm -rf "$dir"
    fi
}

ctest_suite() {
    local dir="$1"
    shift
    fresh_cache "$dir"
    cmake -S "$repo/tests/c" -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    cmake --build "$dir" -j "$jobs"
    (cd "$dir" && ctest --output-on-failure -j "$jobs")
}
