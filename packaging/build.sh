#!/usr/bin/env bash
# The frozen build of Casefile for Linux: a PyInstaller one-folder build holding `casefile`
# (console: the CLI verbs, and the window without a verb) and `casefile-gui` (the desktop
# entry's), with LICENSES/, wrapped as a .tar.gz and a .deb. Prints the size targets.
#
#   packaging/build.sh [--folder-only]   (uses $PYTHON, else the active venv's python, else
#                                          .venv/bin/python; --folder-only: no .tar.gz/.deb)
#
# Needs: `pip install -e '.[packaging]'` in that Python (PyInstaller pinned there), binutils
# (objdump, strip, ld), dpkg-deb, icu-devtools (icupkg, genccode). Output in build/: dist/casefile/ (the folder), then
# casefile-VERSION-linux-ARCH.tar.gz and casefile_VERSION_ARCH.deb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  if [ -n "${VIRTUAL_ENV:-}" ]; then PY=$VIRTUAL_ENV/bin/python; else PY=$ROOT/.venv/bin/python; fi
fi
export QT_QPA_PLATFORM=offscreen
OUT=${CASEFILE_BUILD_DIR:-$ROOT/build}
START=$(date +%s)
FOLDER_ONLY=""; [ "${1:-}" = "--folder-only" ] && FOLDER_ONLY=1

step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - START ))"; }

step "checking the build environment"
"$PY" - <<'PYEOF'
import importlib.metadata as md, sys, re, tomllib
pins = {}
for req in tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["packaging"]:
    name, _, version = req.partition("==")
    pins[name] = version
for name, version in pins.items():
    have = md.version(name)
    if have != version:
        sys.exit(f"build: {name} {have} is installed; pyproject.toml pins {version} "
                 "(pip install -e '.[packaging]')")
pyside = md.version("PySide6_Essentials") if any(
    d.metadata["Name"].lower() == "pyside6_essentials" or d.metadata["Name"] == "PySide6-Essentials"
    for d in md.distributions()) else md.version("PySide6")
major_minor = tuple(int(x) for x in pyside.split(".")[:2])
if sys.version_info[:2] == (3, 11) and major_minor >= (6, 12):
    sys.exit(f"build: PySide6 {pyside} on Python 3.11 aborts the interpreter; use <6.12")
print(f"build: Python {sys.version.split()[0]}, PySide6 {pyside}, "
      f"PyInstaller {md.version('pyinstaller')}")
PYEOF
# icupkg and genccode (icu-devtools, which libicu-dev brings) and ld rebuild the ICU data
# library screening's transliteration reads, trimmed (packaging/icu_data.py)
for tool in objdump strip ld dpkg-deb tar gzip icupkg genccode; do
  command -v "$tool" >/dev/null || { echo "build: $tool is missing (apt-get install binutils dpkg icu-devtools)"; exit 1; }
done
VERSION=$("$PY" -c 'import casefile; print(casefile.__version__)')
ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)

step "PyInstaller one-folder build"
rm -rf "$OUT/dist" "$OUT/pkg"
mkdir -p "$OUT"
"$PY" packaging/render_icons.py "$OUT/icons" >/dev/null
PYTHONPATH=$ROOT "$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work" packaging/casefile.spec \
  2> >(grep -v -e 'required via ctypes not found' -e 'Hidden import "\(pysqlite2\|MySQLdb\)"' \
          -e "libqgtk3.so'" -e "pyqtgraph.opengl" >&2)
DIST=$OUT/dist/casefile

step "stripping debug information (not from wheel-vendored libraries)"
before=$(du -sm "$DIST" | cut -f1)
find "$DIST/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) \
  -not -path '*.libs/*' -not -path '*/PySide6/Qt/lib/*' -print0 |
  xargs -0 -r strip --strip-debug 2>/dev/null || true
echo "build: ${before} MB -> $(du -sm "$DIST" | cut -f1) MB"

step "licences"
"$PY" packaging/licenses.py "$DIST"

step "desktop integration files"
SHARE=$DIST/share
mkdir -p "$SHARE/applications" "$SHARE/mime/packages" "$SHARE/metainfo" \
  "$SHARE/icons/hicolor/scalable/apps"
cp resources/desktop/org.casefile.Casefile.desktop "$SHARE/applications/"
cp resources/desktop/casefile-mime.xml "$SHARE/mime/packages/casefile.xml"
cp resources/desktop/org.casefile.Casefile.metainfo.xml "$SHARE/metainfo/"
cp -r "$OUT/icons/hicolor/." "$SHARE/icons/hicolor/"
cp resources/icons/casefile.svg "$SHARE/icons/hicolor/scalable/apps/casefile.svg"
cat > "$DIST/README.txt" <<TXT
Casefile $VERSION — offline case files for investigators.

Run ./casefile-gui (the window) or ./casefile --help (the command line) from this folder.
To add Casefile to your desktop menu and make .casefile files open with it, for your user:

  ./install-desktop.sh

Licences: LICENSES/README.txt (and Help → About → Licences in the window).
TXT
cat > "$DIST/install-desktop.sh" <<'SH'
#!/bin/sh
# Register this Casefile folder with your desktop (menu entry, icon, .casefile file type).
set -e
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/mime/packages" "$data/icons" "$HOME/.local/bin"
sed "s|^Exec=casefile-gui|Exec=$here/casefile-gui|; s|^TryExec=.*|TryExec=$here/casefile-gui|" \
  "$here/share/applications/org.casefile.Casefile.desktop" \
  > "$data/applications/org.casefile.Casefile.desktop"
cp "$here/share/mime/packages/casefile.xml" "$data/mime/packages/"
cp -r "$here/share/icons/hicolor" "$data/icons/"
ln -sf "$here/casefile" "$HOME/.local/bin/casefile"
update-mime-database "$data/mime" 2>/dev/null || true
update-desktop-database "$data/applications" 2>/dev/null || true
echo "Casefile is in your applications menu; .casefile files open with it."
SH
chmod +x "$DIST/install-desktop.sh"

if [ -n "$FOLDER_ONLY" ]; then
  echo "build: $DIST ($(du -sm "$DIST" | cut -f1) MB); not wrapped (--folder-only)"; exit 0
fi

step "tar.gz"
mkdir -p "$OUT/pkg"
TGZ=$OUT/pkg/casefile-$VERSION-linux-$ARCH.tar.gz
tar -C "$OUT/dist" -cf - casefile | gzip -6 > "$TGZ"

step "deb"
DEB_ROOT=$OUT/pkg/deb
rm -rf "$DEB_ROOT"
mkdir -p "$DEB_ROOT/DEBIAN" "$DEB_ROOT/opt" "$DEB_ROOT/usr/bin" "$DEB_ROOT/usr/share/doc/casefile"
cp -a "$DIST" "$DEB_ROOT/opt/casefile"
rm -rf "$DEB_ROOT/opt/casefile/share" "$DEB_ROOT/opt/casefile/install-desktop.sh"
cp -r "$SHARE" "$DEB_ROOT/usr/"
ln -s /opt/casefile/casefile "$DEB_ROOT/usr/bin/casefile"
ln -s /opt/casefile/casefile-gui "$DEB_ROOT/usr/bin/casefile-gui"
cp LICENSE "$DEB_ROOT/usr/share/doc/casefile/copyright"
SIZE_KB=$(du -sk --exclude=DEBIAN "$DEB_ROOT" | cut -f1)
cat > "$DEB_ROOT/DEBIAN/control" <<CTL
Package: casefile
Version: $VERSION
Architecture: $ARCH
Maintainer: Casefile developers
Installed-Size: $SIZE_KB
Depends: libc6 (>= 2.36), libgl1, libegl1, libfontconfig1, libxkbcommon0
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme
Section: utils
Priority: optional
Description: offline case files for investigators
 Casefile keeps an investigation in one SQLite file: companies, people and
 state bodies, the shipments between them, events and graded sources. It
 shows the case on a timeline and prints a PDF dossier in which every line
 cites its source. Licences of everything bundled: /opt/casefile/LICENSES.
CTL
# the desktop, MIME and icon caches are refreshed by those packages' dpkg triggers
DEB=$OUT/pkg/casefile_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz -z1 --build "$DEB_ROOT" "$DEB" >/dev/null
rm -rf "$DEB_ROOT"
dpkg-deb --info "$DEB" | grep -E 'Package|Version|Installed-Size' | sed 's/^/build: /'

step "AppImage"
echo "build: not built. An AppImage needs the AppImage type-2 runtime and appimagetool,"
echo "       which no Debian package or PyPI wheel provides here; building one would mean"
echo "       downloading them at build time (see packaging/README.md)."

step "targets"
"$PY" - "$DIST" "$TGZ" "$DEB" "$(( $(date +%s) - START ))" <<'PYEOF'
import os, sys
dist, tgz, deb, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
size = 0
for d, _, files in os.walk(dist):
    for f in files:
        p = os.path.join(d, f)
        if not os.path.islink(p):
            size += os.path.getsize(p)
mb = lambda n: n / 1e6
def line(what, value, goal):
    ok = "ok" if value <= goal else "OVER"
    print(f"target: {what:<28} {value:7.1f} MB   (<= {goal} MB) {ok}")
line("unpacked folder", mb(size), 300)
line(os.path.basename(tgz), mb(os.path.getsize(tgz)), 120)
line(os.path.basename(deb), mb(os.path.getsize(deb)), 120)
print(f"target: build time               {seconds:5d} s")
if mb(size) > 300 or mb(os.path.getsize(tgz)) > 120 or mb(os.path.getsize(deb)) > 120:
    sys.exit("build: over a size target")
PYEOF
