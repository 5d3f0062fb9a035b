#!/usr/bin/env bash
# HookBench set-up in one command, on Debian 12 as root or with sudo.
#   scripts/bootstrap.sh run    install what is missing, build, start the hookbench window
#   scripts/bootstrap.sh test   install what is missing, build with warnings as errors, run every test
# Build folder: $HOOKBENCH_BUILD_DIR (default: build/ in the checkout).
set -euo pipefail

mode=${1:-}
case "$mode" in
    run | test | deps | build) ;;
    *)
        echo "usage: $0 run|test   (run: build and start hookbench; test: build and run every test)" >&2
        exit 2
        ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
build=${HOOKBENCH_BUILD_DIR:-$top/build}
jobs=$(nproc 2>/dev/null || echo 2)

# What a fresh Debian 12 lacks. Build and runtime first, then what the tests and benchmarks talk to.
packages=(
    cmake ninja-build g++ pkg-config git ca-certificates
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qtkeychain-qt6-dev libsecret-1-0 libhttp-parser-dev libssl-dev libsqlite3-dev
    gnome-keyring dbus dbus-bin xvfb xauth
    python3 python3-jwcrypto python3-jwt python3-cryptography python3-gi curl openssl
    clang-format nginx-light wrk clang-14 libclang-rt-14-dev
    qt6-translations-l10n libqt6svg6 appstream desktop-file-utils dpkg-dev file debootstrap
)
# Node.js and npm for tests/interop. A Node.js that ships its own npm (NodeSource's, which conflicts
# with Debian's npm package) is used as it is.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 2; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# tests/interop/*/: the libraries and servers each folder's package-lock.json pins, from npm
# (consumers: the providers' webhook libraries; oauth: oidc-provider). Each folder is installed
# once; delete its node_modules to reinstall.
install_interop() {
    local dir
    for dir in "$top"/tests/interop/*/; do
        [ -f "$dir/package-lock.json" ] || continue
        [ -d "$dir/node_modules" ] && continue
        echo "== npm ci in ${dir#"$top"/}"
        (cd "$dir" && npm ci --no-audit --no-fund)
    done
}

configure_and_build() {
    local werror=$1
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHOOKBENCH_WERROR="$werror"
    cmake --build "$build" -j "$jobs"
}

install_missing
case "$mode" in test | deps) install_interop ;; esac
[ "$mode" = deps ] && exit 0

case "$mode" in
    build)
        configure_and_build OFF
        ;;
    run)
        configure_and_build OFF
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "== no display found: starting hookbench under xvfb-run (nothing will be visible)"
            exec xvfb-run -a "$build/app/hookbench"
        fi
        exec "$build/app/hookbench"
        ;;
    test)
        configure_and_build ON
        # The keychain test needs a real Secret Service: a private D-Bus session with an unlocked
        # gnome-keyring, in a throwaway HOME so the user's own keyring is never touched.
        scratch=$(mktemp -d)
        trap 'rm -rf "$scratch"' EXIT
        mkdir -p "$scratch/home" "$scratch/run"
        chmod 700 "$scratch/run"
        export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" HOOKBENCH_REQUIRE_KEYCHAIN=1
        dbus-run-session -- sh -c '
            echo -n hookbench-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
            ctest --test-dir "$1" --output-on-failure -j "$2" --timeout 600
        ' sh "$build" "$jobs"
        # The libFuzzer targets build and each runs a few seconds over its kept corpus, so they
        # cannot stop linking unnoticed again (fuzz/README.md). HOOKBENCH_SKIP_FUZZ_SMOKE=1 leaves it out.
        if [ "${HOOKBENCH_SKIP_FUZZ_SMOKE:-0}" = 1 ]; then
            echo "== HOOKBENCH_SKIP_FUZZ_SMOKE=1: the fuzz targets were NOT built or run"
        else
            echo "== fuzz smoke: build the libFuzzer targets (clang-14, ASan + UBSan) and run each ${HOOKBENCH_FUZZ_SECONDS:-5} s"
            FUZZ_BUILD_DIR="${build}-fuzz" "$top/fuzz/run.sh" all "${HOOKBENCH_FUZZ_SECONDS:-5}"
        fi
        # The .deb on a clean Debian 12: debootstrap a minimal system, install the package with
        # only its declared dependencies, run both programs (docs/packaging.md). Needs root and
        # the Debian mirror; about 4 minutes the first time, under 1 minute once cached.
        # HOOKBENCH_SKIP_CLEAN_INSTALL=1 leaves it out.
        if [ "${HOOKBENCH_SKIP_CLEAN_INSTALL:-0}" = 1 ]; then
            echo "== HOOKBENCH_SKIP_CLEAN_INSTALL=1: the clean Debian 12 install of the .deb was NOT tested"
        else
            as_root=()
            [ "$(id -u)" -eq 0 ] || as_root=(sudo)
            "${as_root[@]}" "$top/packaging/clean-install-test.sh" "$build"
        fi
        ;;
esac
