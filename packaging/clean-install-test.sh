#!/usr/bin/env bash
# Clean-install test of the Debian package: does hookbench_*.deb install and start on a Debian 12
# that has nothing but what the package declares?
#
#   packaging/clean-install-test.sh [BUILD_DIR | PACKAGE.deb] [--work DIR] [--with-recommends]
#                                   [--rebuild-base] [--mirror URL]
#
# BUILD_DIR (default: build/ of this checkout): the .deb is made there with `cpack -G DEB`.
# PACKAGE.deb: that package is tested as it is.
#
# What it does, as root (it mounts and chroots):
#  1. A minimal Debian 12 (debootstrap --variant=minbase bookworm). The first run debootstraps and
#     keeps the result as a tarball in WORK/base/; later runs unpack that tarball (seconds).
#     Downloaded .debs and apt lists are kept in WORK/archives and WORK/lists between runs; they
#     only save downloads, the system they are installed into is always the fresh tarball.
#  2. `apt-get install --no-install-recommends ./hookbench_*.deb` in that chroot, so apt resolves
#     the declared Depends and nothing else (--with-recommends: also the Recommends).
#  3. Checks in the chroot: hookbench-cli --version; a signed event sent by `hookbench-cli send`
#     and accepted by `hookbench-cli receive` on loopback; no "not found" in ldd of both programs
#     and of the Qt plugins they load at run time; the window started with the offscreen platform
#     writes a PNG (--screenshot); launcher, metainfo and icon where desktops look;
#     `apt-get remove` removes it again.
#  4. A PASS/FAIL line per check and a summary; exit 0 only if every check passed.
#
# WORK defaults to /var/tmp/hookbench-clean-install ($HOOKBENCH_CLEAN_INSTALL_DIR). The chroot of
# the last run stays in WORK/root for inspection and is replaced by the next run.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
target=$top/build
work=${HOOKBENCH_CLEAN_INSTALL_DIR:-/var/tmp/hookbench-clean-install}
mirror=${HOOKBENCH_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
recommends=no
rebuild_base=no
while [ $# -gt 0 ]; do
    case "$1" in
        --work) work=$2; shift 2 ;;
        --mirror) mirror=$2; shift 2 ;;
        --with-recommends) recommends=yes; shift ;;
        --rebuild-base) rebuild_base=yes; shift ;;
        -h | --help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
        *) target=$1; shift ;;
    esac
done

target=$(readlink -f "$target")
if [ "$(id -u)" != 0 ]; then
    echo "clean-install-test.sh needs root (debootstrap, mount, chroot): run it with sudo" >&2
    exit 2
fi

id=io.github.hookbench.HookBench
arch=$(dpkg --print-architecture)
root=$work/root
base=$work/base/$suite-minbase-$arch.tar.gz
logs=$work/logs
started=$(date +%s)
step() { echo; echo "== $*"; }
results=()
failed=0
pass() { results+=("PASS  $1"); echo "PASS: $1"; }
fail() { results+=("FAIL  $1${2:+: $2}"); echo "FAIL: $1${2:+: $2}" >&2; failed=$((failed + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }

# ---- mounts: whatever is mounted is unmounted on every exit, in reverse order.
mounted=()
receiver_pid=
xvfb_pid=
cleanup() {
    if [ -n "$receiver_pid" ]; then kill "$receiver_pid" 2>/dev/null || true; fi
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
    receiver_pid= xvfb_pid=
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" 2>/dev/null || true
    done
    mounted=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mount_in() { # mount_in TARGET_IN_ROOT mount-arguments...
    local dir=$root$1
    shift
    mkdir -p "$dir"
    mount "$@" "$dir"
    mounted+=("$dir")
}
# Refuse to delete a tree that still has something mounted in it (a run killed with -9).
assert_unmounted() {
    if [ -d "$1" ] && findmnt -rn -o TARGET | grep -q "^$1/"; then
        die "$1 still has mounts (findmnt | grep $1); unmount them first"
    fi
}

mkdir -p "$work/base" "$work/archives/partial" "$work/lists/partial" "$logs"

# ---- 1. the package
step "package"
if [[ "$target" == *.deb ]]; then
    deb=$target
    [ -s "$deb" ] || die "$target does not exist"
else
    [ -f "$target/CPackConfig.cmake" ] || die "$target is not a configured build folder (no CPackConfig.cmake)"
    command -v cpack >/dev/null || die "cpack (package cmake) is missing"
    rm -rf "$work/pkg"
    t0=$(date +%s)
    (cd "$target" && cpack -G DEB --config "$target/CPackConfig.cmake" -B "$work/pkg") >"$logs/cpack.log" 2>&1 \
        || { tail -20 "$logs/cpack.log"; die "cpack -G DEB failed (log: $logs/cpack.log)"; }
    echo "cpack: $(($(date +%s) - t0)) s"
    deb=$(ls "$work"/pkg/hookbench_*.deb | head -1)
fi
version=$(dpkg-deb -f "$deb" Version)
echo "$(basename "$deb"), version $version"
dpkg-deb -f "$deb" Depends Recommends Installed-Size | sed 's/^/  /'

# ---- 2. the clean system
step "Debian 12 minbase"
if ! command -v debootstrap >/dev/null; then
    apt-get install -y debootstrap >"$logs/apt-debootstrap.log" 2>&1 || die "cannot install debootstrap"
fi
t0=$(date +%s)
if [ ! -s "$base" ] || [ "$rebuild_base" = yes ]; then
    staging=$work/base/staging
    assert_unmounted "$staging"
    rm -rf "$staging"
    echo "debootstrap --variant=minbase $suite (first run; later runs reuse $base)"
    debootstrap --variant=minbase --arch="$arch" "$suite" "$staging" "$mirror" >"$logs/debootstrap.log" 2>&1 \
        || { tail -20 "$logs/debootstrap.log"; die "debootstrap failed (log: $logs/debootstrap.log)"; }
    rm -rf "$staging"/var/cache/apt/archives/*.deb
    tar -C "$staging" -czf "$base.tmp" . && mv "$base.tmp" "$base"
    rm -rf "$staging"
    echo "debootstrap: $(($(date +%s) - t0)) s"
fi
assert_unmounted "$root"
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xzf "$base"
echo "unpacked $(basename "$base") into $root: $(($(date +%s) - t0)) s"

# What a user's Debian 12 has: the release, its updates and the security archive.
security=${mirror%/debian}/debian-security
[ "$mirror" = http://deb.debian.org/debian ] || security=http://deb.debian.org/debian-security
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
# The download cache is shared between runs and written by root; no services start in a chroot.
echo 'APT::Sandbox::User "root";' >"$root/etc/apt/apt.conf.d/90hookbench-test"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

mount_in /proc -t proc proc
mount_in /sys -t sysfs sysfs
mount_in /dev --bind /dev
mount_in /dev/pts --bind /dev/pts
mount_in /tmp -t tmpfs tmpfs
mount_in /var/cache/apt/archives --bind "$work/archives"
mount_in /var/lib/apt/lists --bind "$work/lists"

# ---- 3. install
step "apt-get install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
in_root dpkg-query -W -f='${Package}\n' | sort >"$logs/packages-before.txt"
t0=$(date +%s)
in_root apt-get update >"$logs/apt-update.log" 2>&1 || { tail -20 "$logs/apt-update.log"; die "apt-get update failed"; }
install_flags=(--no-install-recommends)
[ "$recommends" = yes ] && install_flags=()
if in_root sh -c "cd /tmp && apt-get install -y ${install_flags[*]} ./$(basename "$deb")" >"$logs/apt-install.log" 2>&1; then
    pass "apt-get install ${install_flags[*]:-(with Recommends)} resolves the declared dependencies ($(($(date +%s) - t0)) s)"
else
    tail -30 "$logs/apt-install.log"
    fail "apt-get install" "see $logs/apt-install.log"
    die "the package does not install; nothing else to check"
fi
in_root dpkg-query -W -f='${Package}\n' | sort >"$logs/packages-after.txt"
added=$(comm -13 "$logs/packages-before.txt" "$logs/packages-after.txt" | wc -l)
grep -E '^(Need to get|After this operation)' "$logs/apt-install.log" | sed 's/^/  /' || true
echo "  $added packages added to minbase (list: $logs/packages-after.txt minus packages-before.txt)"
installed_kb=$(in_root dpkg-query -W -f='${Installed-Size}' hookbench)
echo "  hookbench itself: ${installed_kb} KiB installed"

# ---- 4. checks
step "hookbench-cli --version"
out=$(in_root hookbench-cli --version 2>&1) || true
if [ "$out" = "hookbench-cli $version" ]; then pass "hookbench-cli --version prints '$out'"; else
    fail "hookbench-cli --version" "printed '$out', expected 'hookbench-cli $version'"
fi

step "ldd"
qtplugins=$(in_root sh -c 'ls -d /usr/lib/*/qt6/plugins | head -1')
# xcb and offscreen come with libqt6gui6; the Wayland plugin with qt6-wayland, a Recommends.
wayland=
[ "$recommends" = yes ] && wayland=$qtplugins/platforms/libqwayland-generic.so
for f in /usr/bin/hookbench /usr/bin/hookbench-cli "$qtplugins/platforms/libqxcb.so" \
    ${wayland:+"$wayland"} "$qtplugins/platforms/libqoffscreen.so" \
    "$qtplugins/sqldrivers/libqsqlite.so" "$qtplugins/iconengines/libqsvgicon.so" \
    "$qtplugins/imageformats/libqsvg.so"; do
    if [ ! -e "$root$f" ]; then
        fail "ldd $f" "not installed"
        continue
    fi
    missing=$(in_root ldd "$f" 2>&1 | grep 'not found' | tr -s ' \t' ' ' || true)
    if [ -z "$missing" ]; then pass "ldd $f: every library found"; else fail "ldd $f" "$missing"; fi
done
# libqt6keychain1 opens libsecret with dlopen(); ldd cannot see it.
if in_root sh -c 'ls /usr/lib/*/libsecret-1.so.0' >/dev/null 2>&1; then
    pass "libsecret-1.so.0 (dlopen'ed by libqt6keychain1) is installed"
else
    fail "libsecret-1.so.0" "not installed: the keychain cannot store secrets"
fi

step "round trip: hookbench-cli receive <- hookbench-cli send"
rt=/tmp/roundtrip
mkdir -p "$root$rt/data"
cat >"$root$rt/receiver.json" <<'EOF'
{
    "format": "hookbench.receiver/1",
    "listen": "127.0.0.1:0",
    "verify": {
        "signatures": [
            { "scheme": "hmac-sha256", "header": "X-Signature", "prefix": "sha256=", "secrets": ["env:HOOK_KEY"] }
        ]
    }
}
EOF
key=clean-install-$RANDOM$RANDOM
in_root env HOOKBENCH_DATA_DIR=$rt/data HOOK_KEY="$key" \
    hookbench-cli receive --config $rt/receiver.json --json --max-requests 1 --timeout-s 60 \
    >"$root$rt/receive.out" 2>"$root$rt/receive.err" &
receiver_pid=$!
url=
for _ in $(seq 1 100); do
    url=$(sed -n 's/^{"listening":"\(http[^"]*\)"}$/\1/p' "$root$rt/receive.out" 2>/dev/null | head -1)
    [ -n "$url" ] && break
    kill -0 "$receiver_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    fail "hookbench-cli receive starts" "$(cat "$root$rt/receive.err" "$root$rt/receive.out" 2>/dev/null | head -5)"
else
    pass "hookbench-cli receive listens on $url"
    cat >"$root$rt/profile.json" <<EOF
{
    "format": "hookbench.endpoint/1",
    "name": "Clean install",
    "url": "$url/hooks/clean-install",
    "signatures": [
        { "scheme": "hmac-sha256", "secret": "env:HOOK_KEY", "header": "X-Signature", "encoding": "hex", "prefix": "sha256=" }
    ]
}
EOF
    if sent=$(in_root env HOOKBENCH_DATA_DIR=$rt/data-send HOOK_KEY="$key" \
        hookbench-cli send --profile $rt/profile.json --type clean.install --data '{"ok":true}' 2>&1); then
        pass "hookbench-cli send delivers ($(echo "$sent" | tail -1))"
    else
        fail "hookbench-cli send" "$sent"
    fi
    receiver_status=0
    wait "$receiver_pid" || receiver_status=$?
    receiver_pid=
    line=$(grep '"verdict"' "$root$rt/receive.out" | head -1 || true)
    if [ "$receiver_status" = 0 ] && echo "$line" | grep -q '"verdict":"accepted"' \
        && echo "$line" | grep -q '"check":"hmac-sha256"[^}]*"ok":true\|"ok":true[^}]*"check":"hmac-sha256"' \
        && echo "$line" | grep -q '"type":"clean.install"'; then
        pass "hookbench-cli receive accepted the event, HMAC verified"
    else
        fail "hookbench-cli receive accepts the signed event" \
            "exit $receiver_status, $(head -c 600 <<<"${line:-$(cat "$root$rt/receive.err")}")"
    fi
fi

step "the window (QT_QPA_PLATFORM=offscreen hookbench --screenshot)"
shot=/tmp/window.png
mkdir -p "$root/tmp/gui-data" "$root/tmp/xdg-runtime"
chmod 700 "$root/tmp/xdg-runtime"
gui_status=0
in_root env QT_QPA_PLATFORM=offscreen HOOKBENCH_DATA_DIR=/tmp/gui-data XDG_RUNTIME_DIR=/tmp/xdg-runtime \
    timeout 60 hookbench --screenshot $shot >"$logs/gui.out" 2>"$logs/gui.err" || gui_status=$?
if [ "$gui_status" = 0 ] && [ "$(head -c 8 "$root$shot" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
    size=$(file -b "$root$shot" 2>/dev/null | grep -o '[0-9]* x [0-9]*' || stat -c '%s bytes' "$root$shot")
    pass "hookbench started and saved the window as a PNG ($size)"
    cp "$root$shot" "$logs/window.png"
else
    fail "hookbench --screenshot" "exit $gui_status, $(head -c 600 "$logs/gui.err")"
fi
# Loaded at run time, so a missing package shows only as a warning: the history database driver.
if grep -qi 'driver not loaded\|could not load the qt platform plugin\|cannot load library' "$logs/gui.err"; then
    fail "the window's run-time plugins" "$(grep -i 'driver not loaded\|platform plugin\|cannot load library' "$logs/gui.err" | head -3)"
else
    pass "no plugin or SQL driver failed to load (stderr: $logs/gui.err)"
fi

# The plugin a desktop session really uses: xcb, on an X server of the host (Xvfb, package xvfb)
# whose socket is bound into the chroot. Skipped when the host has no Xvfb.
if command -v Xvfb >/dev/null; then
    n=90
    while [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
    Xvfb :$n -nolisten tcp -screen 0 1280x1024x24 >"$logs/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 50); do [ -S /tmp/.X11-unix/X$n ] && break; sleep 0.1; done
    mount_in /tmp/.X11-unix --bind /tmp/.X11-unix
    shot=/tmp/window-xcb.png
    gui_status=0
    in_root env DISPLAY=:$n QT_QPA_PLATFORM=xcb HOOKBENCH_DATA_DIR=/tmp/gui-data XDG_RUNTIME_DIR=/tmp/xdg-runtime \
        timeout 60 hookbench --screenshot $shot >"$logs/gui-xcb.out" 2>"$logs/gui-xcb.err" || gui_status=$?
    if [ "$gui_status" = 0 ] && [ "$(head -c 8 "$root$shot" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
        pass "hookbench opened its window on an X server (xcb plugin) and saved it"
        cp "$root$shot" "$logs/window-xcb.png"
    else
        fail "hookbench on X (xcb)" "exit $gui_status, $(head -c 600 "$logs/gui-xcb.err")"
    fi
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=
else
    echo "(no Xvfb on this machine: the xcb window check is skipped; apt-get install xvfb)"
fi

step "desktop integration"
for f in /usr/share/applications/$id.desktop /usr/share/metainfo/$id.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$id.svg /usr/share/doc/hookbench/copyright; do
    if [ -s "$root$f" ]; then pass "$f installed"; else fail "$f" "missing"; fi
done
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/$id.desktop" 2>/dev/null | cut -d' ' -f1)
if [ -n "$exec_line" ] && in_root sh -c "command -v $exec_line" >/dev/null; then
    pass "the launcher's Exec=$exec_line is on PATH"
else
    fail "the launcher's Exec" "'$exec_line' is not on PATH"
fi

step "apt-get remove"
if in_root apt-get remove -y hookbench >"$logs/apt-remove.log" 2>&1 && [ ! -e "$root/usr/bin/hookbench" ] \
    && [ ! -e "$root/usr/share/applications/$id.desktop" ]; then
    pass "apt-get remove hookbench removes the programs and the launcher"
else
    fail "apt-get remove" "see $logs/apt-remove.log"
fi

cleanup
step "summary ($(basename "$deb") on Debian 12 $suite minbase, $(($(date +%s) - started)) s)"
printf '%s\n' "${results[@]}"
echo "logs: $logs"
if [ "$failed" = 0 ]; then
    echo "PASS: all ${#results[@]} checks"
else
    echo "FAIL: $failed of ${#results[@]} checks"
    exit 1
fi
