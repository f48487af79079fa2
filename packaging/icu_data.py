"""The system ICU's data library, trimmed to what screening's transliteration reads.

PyICU (normality's ``ascii_text``, which rigour hands the scripts it does not transliterate
itself: Han, kana, Arabic, Hebrew, Thai, Devanagari...) links the system ICU (72 on Debian
12). Its data library, ``libicudata.so.72``, is 31 MB: collation, locale names, currencies,
units, time zones, converters, break dictionaries. Transliteration reads a few of them: the
``translit/`` rules, the normalisation data, the word-break rules and Thai dictionary
(Thai-Latin breaks words), the root bundles. Qt brings its own ICU (73, which PyICU cannot
use: each ICU version's symbols carry its number) and is left alone.

:func:`trim` rebuilds the library from the kept items with ICU's own tools (``icupkg``,
``genccode``: Debian's icu-devtools, which libicu-dev depends on) and binutils' ``ld``;
:func:`verify` fails the build unless the trimmed library transliterates exactly as the full
one: every assigned code point outside ASCII (in runs of 16, through normality's two
transforms) and a list of names in mixed scripts, compared string for string.

    python packaging/icu_data.py LIBICUDATA OUTDIR     (trim + verify, by hand)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# top-level items that are locales' own bundles (af.res, zh_Hant_TW.res...), not root.res
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
# top-level items not read by transliteration: time zones (large) and what ICU's data
# library holds besides (legacy converters, stringprep profiles, confusables)
_DROPPED_TOP = {"zoneinfo64.res", "metaZones.res", "timezoneTypes.res", "windowsZones.res"}
_DROPPED_SUFFIXES = (".cnv", ".spp", ".cfu")
# the break iterators (Thai-Latin breaks Thai words with the Thai dictionary), without the
# 2 MB Chinese/Japanese word dictionary: no transliteration breaks Han text into words
_DROPPED_BRKITR = {"brkitr/cjdict.dict"}


def kept(item: str) -> bool:
    """Whether transliteration needs ``item`` (a name as ``icupkg -l`` lists it)."""
    if "/" in item:
        return item.startswith(("translit/", "brkitr/")) and item not in _DROPPED_BRKITR
    if item.endswith(_DROPPED_SUFFIXES) or item in _DROPPED_TOP:
        return False
    return item == "root.res" or not _LOCALE.match(item)


def _run(*cmd: str | Path) -> str:
    try:
        res = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise SystemExit(f"icu_data: {cmd[0]} is missing (apt-get install icu-devtools "
                         "binutils)") from exc
    if res.returncode != 0:
        raise SystemExit(f"icu_data: {' '.join(map(str, cmd))} failed:\n{res.stderr}")
    return res.stdout


def _package(lib: Path) -> tuple[str, bytes]:
    """(entry point, e.g. 'icudt72', the common data package) out of ``lib``."""
    symbols = [line.split() for line in _run("nm", "-D", "-S", "--defined-only", lib)
               .splitlines()]
    found = [s for s in symbols if len(s) == 4 and re.fullmatch(r"icudt\d+_dat", s[3])]
    if len(found) != 1:
        raise SystemExit(f"icu_data: no single icudtNN_dat symbol in {lib}")
    address, size, _, name = found[0]
    # the symbol's file offset: its address less its section's, plus the section's offset
    for line in _run("readelf", "-SW", lib).splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)",
                     line)
        if not m:
            continue
        start, offset, length = (int(m.group(i), 16) for i in (2, 3, 4))
        if start <= int(address, 16) < start + length:
            at = int(address, 16) - start + offset
            return name[:-4], lib.read_bytes()[at:at + int(size, 16)]
    raise SystemExit(f"icu_data: {name} is in no section of {lib}")


def trim(lib: Path, out: Path, soname: str | None = None) -> Path:
    """Write ``out/SONAME``: ``lib`` holding only the items :func:`kept` chooses (``soname``:
    the name it is linked by, as libicudata.so.72; by default ``lib``'s own name)."""
    soname = soname or lib.name
    entry, data = _package(lib)
    package = entry + ("l" if sys.byteorder == "little" else "b")  # icudt72l
    work = out / "items"
    work.mkdir(parents=True, exist_ok=True)
    full = work / f"{package}.dat"
    full.write_bytes(data)
    items = _run("icupkg", "-l", full).split()
    keep = [i for i in items if kept(i)]
    (work / "keep.txt").write_text("\n".join(keep) + "\n", encoding="utf-8")
    for tree in {i.rsplit("/", 1)[0] for i in keep if "/" in i}:  # icupkg makes no folders
        (work / "x" / tree).mkdir(parents=True, exist_ok=True)
    _run("icupkg", "-x", work / "keep.txt", "-d", work / "x", full)
    # the package's name (its items are called icudt72l/...) comes from the file's name
    (out / "pkg").mkdir(exist_ok=True)
    small = out / "pkg" / f"{package}.dat"
    small.unlink(missing_ok=True)
    # --ignore-deps: brkitr/root.res names cjdict.dict, which no transliteration reads
    _run("icupkg", "-tl" if sys.byteorder == "little" else "-tb", "--ignore-deps",
         "-s", work / "x",
         "-a", work / "keep.txt", "new", small)
    _run("genccode", "-q", "-o", "-m", lib, "-e", entry, "-d", out / "pkg", small)
    target = out / soname
    _run("ld", "-shared", "-soname", soname, "-o", target, out / "pkg" / f"{package}_dat.o")
    print(f"icu_data: {soname}: {len(keep)} of {len(items)} items, "
          f"{lib.stat().st_size / 1e6:.1f} MB -> {target.stat().st_size / 1e6:.1f} MB")
    return target


# Run in a fresh interpreter, once with the system library and once with the trimmed one
# first on the library path: every transliteration screening can ask of ICU, hashed.
_PROBE = r"""
import hashlib, sys, unicodedata
from normality.transliteration import _ASCII, _LATINIZE
import icu
cps = [c for c in range(0x80, 0x110000) if unicodedata.category(chr(c)) not in ("Cn", "Co", "Cs")]
texts = ["".join(map(chr, cps[i:i + 16])) for i in range(0, len(cps), 16)]
texts += sys.argv[1:]
out = []
for t in texts:
    out.append(t + "\t" + _ASCII(t) + "\t" + _LATINIZE(t))
print(icu.ICU_VERSION)
print("\n".join(out))
"""
NAMES = [
    "深圳市大疆创新科技有限公司", "中国北方工业集团有限公司", "株式会社東芝",
    "トヨタ自動車株式会社",
    "محمد بن سلمان آل سعود", "משה כהן", "Сергей Викторович Чемезов", "Ελληνική Δημοκρατία",
    "김정은", "नरेंद्र दामोदरदास मोदी", "ทักษิณ ชินวัตร", "ສົມສະຫວາດ ເລັ່ງສະຫວັດ",
    "សម្តេច ហ៊ុន សែន", "မင်းအောင်လှိုင်", "Đặng Thị Ngọc Thịnh", "ტრანსლიტერაცია",
    "Հայաստան", "ጠቅላይ ሚኒስትር", "ਪੰਜਾਬ", "தமிழ்நாடு", "ශ්‍රී ලංකා", "ꯃꯅꯤꯄꯨꯔ",
    "ทักษิณ 深圳 Чемезов محمد", "OOO «Техкрим» 有限公司 ทักษิณ",
]


def verify(trimmed: Path) -> int:
    """0 when the library in folder ``trimmed`` transliterates as the system's does; else
    prints the first differences and returns 1."""
    import os

    def probe(libdir: str | None) -> list[str]:
        env = dict(os.environ)
        if libdir:
            env["LD_LIBRARY_PATH"] = libdir + os.pathsep + env.get("LD_LIBRARY_PATH", "")
        res = subprocess.run([sys.executable, "-c", _PROBE, *NAMES], env=env,
                             capture_output=True, text=True, encoding="utf-8")
        if res.returncode != 0:
            raise SystemExit(f"icu_data: the transliteration probe failed:\n{res.stderr}")
        return res.stdout.splitlines()

    full, small = probe(None), probe(str(trimmed))
    differ = [(a, b) for a, b in zip(full, small, strict=True) if a != b]
    print(f"icu_data: ICU {full[0]}: {len(full) - 1} texts transliterated, "
          f"{len(differ)} differ with the trimmed data")
    for a, b in differ[:5]:
        print(f"icu_data: FAIL full:    {a!r}\nicu_data: FAIL trimmed: {b!r}")
    return 1 if differ else 0


if __name__ == "__main__":
    lib = trim(Path(sys.argv[1]), Path(sys.argv[2]))
    sys.exit(verify(lib.parent))
