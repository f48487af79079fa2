"""Write LICENSES/ into a PyInstaller one-folder build, and check it.

    python packaging/licenses.py DIST_FOLDER

Run with the Python that made the build (it reads that environment's distribution metadata).
It finds every Python distribution whose modules are in the folder (by the import names each
distribution installs), copies each one's licence files into LICENSES/python/NAME-VERSION/,
adds Python's own licence, the Debian copyright file of every system library PyInstaller
copied in (LICENSES/system/PACKAGE/), Casefile's Apache-2.0 licence, and for Qt/PySide6 the
LGPL-3.0 and GPL-3.0 texts with a notice (how to replace the Qt libraries, the written offer
for their source). It writes the list the About dialog shows into
_internal/casefile/resources/licenses.txt and LICENSES/README.txt.

It exits non-zero, naming each, when a bundled distribution is GPL-only (Casefile is
Apache-2.0; LGPL, or GPL offered with another licence, is fine), has no licence in its
metadata, or ships no licence text; or when a system library is GPL-only.
"""

from __future__ import annotations

import importlib.metadata as md
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casefile.services.licences import (  # noqa: E402
    QT_NOTICE,
    dist_key,
    format_list,
    licence_name,
)

LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT|AUTHORS)[^/]*$", re.I)
# Distributions whose licence text is not in their wheel: the text we ship for them.
# Debian copyright files describe a whole source package: its "Files: *" licence can be the
# programs' while the library built from it is under another, in its own stanza. Reviewed:
LIBRARY_LICENCE = {
    "libuuid1": "BSD-3-clause (Files: libuuid/* of util-linux)",
}
TEXT_FOR = {"pyside6-essentials": "LGPL-3.0.txt", "pyside6": "LGPL-3.0.txt",
            "shiboken6": "LGPL-3.0.txt", "pyside6-addons": "LGPL-3.0.txt"}


def gpl_only(licence: str) -> bool:
    """True for a GPL licence with no lesser or alternative licence offered."""
    text = licence.upper().replace("GNU GENERAL PUBLIC LICENSE", "GPL")
    if "GPL" not in text and "AGPL" not in text:
        return False
    if "LGPL" in text or "LESSER" in text or "LIBRARY GENERAL" in text:
        return False
    if "EXCEPTION" in text:  # e.g. GPL with the GCC runtime or linking exception
        return False
    alternatives = re.split(r"\bOR\b|/", text)
    return all("GPL" in alt for alt in alternatives)


def bundled_distributions(internal: Path) -> list[md.Distribution]:
    present = {p.name.split(".")[0] for p in internal.iterdir()}
    names: set[str] = set()
    for top, dists in md.packages_distributions().items():
        if top in present:
            names.update(dists)
    found = []
    for name in sorted(names, key=str.lower):
        if dist_key(name) in ("casefile", "pyinstaller", "pip", "setuptools"):
            continue
        found.append(md.distribution(name))
    return found


def copy_python_licences(dist: md.Distribution, out: Path, problems: list[str]) -> str:
    name, version = str(dist.metadata["Name"]), dist.version
    licence = licence_name(dist, width=120, cut=False)  # the whole name, for the GPL check
    target = out / "python" / f"{name}-{version}"
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for f in dist.files or []:
        rel = str(f)
        if LICENCE_FILE.search(rel) or "/licenses/" in rel and ".dist-info/" in rel:
            src = Path(str(dist.locate_file(f)))
            if src.is_file():
                flat = rel.split(".dist-info/", 1)[-1].replace("/", "__")
                shutil.copyfile(src, target / flat)
                copied += 1
    long_field = str((dist.metadata.get_all("License") or [""])[0]).strip()
    if not copied and "\n" in long_field:  # the whole text in the metadata
        (target / "LICENSE.txt").write_text(long_field + "\n", encoding="utf-8")
        copied = 1
    if not copied and dist_key(name) in TEXT_FOR:
        shutil.copyfile(ROOT / "resources" / "licenses" / TEXT_FOR[dist_key(name)],
                        target / TEXT_FOR[dist_key(name)])
        copied = 1
    if not licence:
        problems.append(f"{name} {version}: no licence in its metadata")
    elif gpl_only(licence):
        problems.append(f"{name} {version}: GPL-only ({licence}); Casefile is Apache-2.0")
    if not copied:
        problems.append(f"{name} {version}: no licence text in the distribution")
    return licence


def copy_python_itself(out: Path) -> None:
    target = out / "python" / f"Python-{platform.python_version()}"
    target.mkdir(parents=True, exist_ok=True)
    for base in (Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}."
                 f"{sys.version_info[1]}", Path(sys.base_prefix)):
        if (base / "LICENSE.txt").is_file():
            shutil.copyfile(base / "LICENSE.txt", target / "LICENSE.txt")
            return
    raise SystemExit("licenses: Python's LICENSE.txt not found under " + sys.base_prefix)


def top_level_files(dists: list[md.Distribution]) -> set[str]:
    """Files the bundled distributions install at the top of site-packages, such as
    chardet's compiled ``<hash>__mypyc.cpython-311-….so``: theirs, not system libraries."""
    return {str(f) for d in dists for f in d.files or [] if "/" not in str(f)}


def system_libraries(internal: Path, out: Path, problems: list[str],
                     python_files: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Debian packages of the system libraries PyInstaller copied into the folder (not the
    ``python_files`` a bundled distribution installed there, licensed with it)."""
    if shutil.which("dpkg") is None:
        print("licenses: no dpkg here; the system libraries' licences are not collected",
              file=sys.stderr)
        return []
    packages: dict[str, list[str]] = {}
    for lib in sorted(internal.glob("*.so*")):
        if lib.name.startswith("libpython"):
            continue  # Python's own, licensed above
        if lib.name in python_files:
            continue  # a Python distribution's module, licensed above
        if lib.is_symlink() and lib.resolve().parent != internal.resolve():
            continue  # a link to a library a wheel brought (PySide6/Qt/lib, numpy.libs...)
        for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib",
                       "/lib64", "/usr/lib64", "/usr/local/lib"):
            cand = Path(folder) / lib.name
            if not cand.exists():
                continue
            res = subprocess.run(["dpkg", "-S", str(cand)], capture_output=True, text=True)
            if res.returncode == 0:
                pkg = res.stdout.split(":", 1)[0]
                packages.setdefault(pkg, []).append(lib.name)
                break
        else:
            problems.append(f"{lib.name}: a system library whose package (and licence) "
                            "was not found")
    for pkg, libs in sorted(packages.items()):
        copyright = Path("/usr/share/doc") / pkg / "copyright"
        target = out / "system" / pkg
        target.mkdir(parents=True, exist_ok=True)
        if not copyright.is_file():
            problems.append(f"{pkg} ({', '.join(libs)}): no /usr/share/doc/{pkg}/copyright")
            continue
        text = copyright.read_text(encoding="utf-8", errors="replace")
        shutil.copyfile(copyright, target / "copyright")
        main = re.search(r"^Files:[ \t]*\*[ \t]*$.*?^License:[ \t]*([^\n]+)$", text, re.M | re.S)
        if pkg in LIBRARY_LICENCE:
            continue
        if main and gpl_only(main.group(1)):
            problems.append(f"{pkg} ({', '.join(libs)}): GPL-only ({main.group(1).strip()})")
    return [f"{pkg}: {', '.join(libs)}" for pkg, libs in sorted(packages.items())]


def qt_version() -> str:
    try:
        return md.version("PySide6_Essentials")
    except md.PackageNotFoundError:
        return md.version("PySide6")


def main(dist_folder: Path) -> int:
    internal = dist_folder / "_internal"
    out = dist_folder / "LICENSES"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    problems: list[str] = []
    shutil.copyfile(ROOT / "LICENSE", out / "Casefile-LICENSE.txt")
    qt = out / "Qt"
    qt.mkdir()
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        shutil.copyfile(ROOT / "resources" / "licenses" / name, qt / name)
    rows = []
    dists = bundled_distributions(internal)
    for dist in dists:
        rows.append((str(dist.metadata["Name"]), dist.version,
                     copy_python_licences(dist, out, problems)))
    copy_python_itself(out)
    libs = system_libraries(internal, out, problems, top_level_files(dists))
    extra = (f"Qt {qt_version()} and PySide6 {qt_version()} are the versions bundled here.\n"
             "\nSystem libraries copied from the build machine (Debian package: files), "
             "their copyright files in LICENSES/system/:\n" + "\n".join(f"  {x}" for x in libs)
             if libs else f"Qt {qt_version()} and PySide6 {qt_version()} are bundled here.")
    text = format_list(rows, platform.python_version(), extra)
    (qt / "NOTICE.txt").write_text(QT_NOTICE + f"\nBundled version: Qt {qt_version()}, "
                                   f"PySide6 {qt_version()}.\n", encoding="utf-8")
    (out / "README.txt").write_text(text, encoding="utf-8")
    package_copy = internal / "casefile" / "resources" / "licenses.txt"
    package_copy.write_text(text, encoding="utf-8")
    print(f"licenses: {len(rows)} Python distributions, Python itself, {len(libs)} system "
          f"packages, Qt LGPL-3.0 notice -> {out}")
    from casefile import SOURCE_OFFER_CONTACT, SOURCE_OFFER_PLACEHOLDER

    if SOURCE_OFFER_CONTACT == SOURCE_OFFER_PLACEHOLDER:
        print("licenses: WARNING the Qt written offer has no contact address yet: set "
              "SOURCE_OFFER_CONTACT in casefile/__init__.py before a release", file=sys.stderr)
    if problems:
        for p in problems:
            print(f"licenses: FAIL {p}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
