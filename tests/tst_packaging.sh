#!/usr/bin/env bash
# Packaging check: the .desktop file and the AppStream metainfo pass their validators, the install
# rules put every file where a desktop looks for it with matching ids, and cpack builds a .deb
# whose control file declares the libraries the programs need.
# Usage: tst_packaging.sh SOURCE_DIR BUILD_DIR. Exit 77 (ctest: skipped) only if a tool is missing.
set -euo pipefail
src=$1
build=$2
id=io.github.hookbench.HookBench
fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in appstreamcli desktop-file-validate dpkg-shlibdeps dpkg-deb; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (apt-get install appstream desktop-file-utils dpkg-dev; scripts/bootstrap.sh does)"
        exit 77
    fi
done

echo "== validators"
# The metainfo is a template; the build folder holds it with the configured addresses.
metainfo=$build/packaging/$id.metainfo.xml
[ -s "$metainfo" ] || fail "$metainfo is missing (configure_file in packaging/CMakeLists.txt)"
! grep -n '@[A-Z_]*@' "$metainfo" || fail "the configured metainfo still holds @VARIABLE@ placeholders"
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
homepage=$(cache HOOKBENCH_HOMEPAGE)
grep -q "<url type=\"homepage\">$homepage</url>" "$metainfo" || fail "the metainfo's homepage is not HOOKBENCH_HOMEPAGE ($homepage)"
grep -q "<url type=\"bugtracker\">$(cache HOOKBENCH_BUGTRACKER)</url>" "$metainfo" \
    || fail "the metainfo's bugtracker is not HOOKBENCH_BUGTRACKER"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate found problems"
desktop-file-validate "$src/packaging/$id.desktop" || fail "desktop-file-validate found problems"
out=$(desktop-file-validate "$src/packaging/$id.desktop" 2>&1)
[ -z "$out" ] || fail "desktop-file-validate is not silent: $out"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== cmake --install"
DESTDIR="$scratch/root" cmake --install "$build" --prefix /usr >/dev/null
root=$scratch/root/usr
for f in bin/hookbench bin/hookbench-cli share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$id.svg share/doc/hookbench/copyright; do
    [ -s "$root/$f" ] || fail "the install does not provide $f"
done
[ -x "$root/bin/hookbench" ] || fail "bin/hookbench is not executable"
# The ids that tie launcher, metainfo, icon and window together.
grep -qx "Icon=$id" "$root/share/applications/$id.desktop" || fail "the desktop file's Icon= is not $id"
grep -qx "Exec=hookbench" "$root/share/applications/$id.desktop" || fail "the desktop file does not start hookbench"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$root/share/metainfo/$id.metainfo.xml" \
    || fail "the metainfo's launchable is not $id.desktop"
grep -q "setDesktopFileName(QStringLiteral(\"$id\"))" "$src/app/main.cpp" \
    || fail "app/main.cpp does not set the desktop file name $id (Wayland matches windows to launchers with it)"
/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); sys.exit(0 if r.tag.endswith("svg") else 1)' \
    "$root/share/icons/hicolor/scalable/apps/$id.svg" || fail "the icon is not an SVG document"
# The metainfo screenshots are the docs' pictures: each must exist in the tree.
for shot in $(grep -o 'docs/screenshots/[a-z-]*\.png' "$metainfo"); do
    [ -s "$src/$shot" ] || fail "the metainfo names $shot, which is not in the tree"
done
appstreamcli validate-tree --no-net "$scratch/root" || fail "appstreamcli validate-tree found problems in the installed tree"

echo "== cpack -G DEB"
(cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/pkg" >/dev/null) || fail "cpack -G DEB failed"
deb=$(ls "$scratch"/pkg/hookbench_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack wrote no hookbench_*.deb"
info=$(dpkg-deb -I "$deb")
echo "$info" | sed -n '/Package:/,$p'
depends=$(echo "$info" | sed -n 's/^ Depends: //p')
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6sql6-sqlite libqt6keychain1 \
    libsecret-1-0 libssl3 libsqlite3-0 libhttp-parser2.9 libqt6svg6; do
    echo "$depends" | tr ',' '\n' | grep -q "^ *$dep\( \|$\)" || fail "Depends lacks $dep: $depends"
done
recommends=$(echo "$info" | sed -n 's/^ Recommends: //p')
for dep in qt6-wayland qt6-translations-l10n gnome-keyring; do
    echo "$recommends" | tr ',|' '\n\n' | grep -q "^ *$dep\( \|$\)" || fail "Recommends lacks $dep: $recommends"
done
echo "$info" | grep -qx " Homepage: $homepage" || fail "the package's Homepage is not HOOKBENCH_HOMEPAGE ($homepage)"
maintainer=$(echo "$info" | sed -n 's/^ Maintainer: //p')
echo "$maintainer" | grep -Eq '^[^<>]+ <[^<>@ ]+@[^<>@ ]+>$' || fail "the Maintainer is not \"Name <email>\": $maintainer"
echo "$maintainer" | grep -q '\.invalid>' && fail "the Maintainer is a placeholder address: $maintainer"
echo "$info" | grep -q '^ Section: devel' || fail "the section is not devel"
files=$(dpkg-deb -c "$deb")
for f in ./usr/bin/hookbench ./usr/bin/hookbench-cli ./usr/share/applications/$id.desktop \
    ./usr/share/metainfo/$id.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/$id.svg; do
    echo "$files" | grep -q " $f\$" || fail "the package does not contain $f"
done
echo "PASS: $(basename "$deb")"
