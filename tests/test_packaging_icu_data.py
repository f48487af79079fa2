"""packaging/icu_data.py: the ICU data library PyICU links, rebuilt with only what
transliteration reads, and the check (every assigned code point, names in 20 scripts) that
fails the frozen build when the trimmed data transliterates otherwise than the full one."""

from pathlib import Path

import pytest

from tests.support.packaging_scripts import load_script


@pytest.fixture(scope="module")
def icu_data():
    return load_script("icu_data")


@pytest.fixture(scope="module")
def system_library() -> Path:
    """The libicudata PyICU has loaded in this process (not Qt's own, in PySide6)."""
    import icu  # noqa: F401  (loads the ICU libraries)

    maps = Path("/proc/self/maps").read_text().split("\n")
    found = {line.split()[-1] for line in maps
             if "/libicudata.so" in line and "/PySide6/" not in line}
    assert len(found) == 1, found
    return Path(found.pop()).resolve()


@pytest.mark.parametrize("item, kept", [
    ("translit/root.res", True), ("translit/el.res", True), ("brkitr/thaidict.dict", True),
    ("brkitr/word.brk", True), ("brkitr/cjdict.dict", False), ("root.res", True),
    ("pool.res", True), ("nfkc.nrm", True), ("unames.icu", True), ("zh_Hant_TW.res", False),
    ("ru.res", False), ("coll/root.res", False), ("zone/ru.res", False), ("curr/en.res", False),
    ("ibm-1251_P100-1995.cnv", False), ("rfc3491.spp", False), ("confusables.cfu", False),
    ("zoneinfo64.res", False), ("likelySubtags.res", True),
])
def test_which_items_are_kept(icu_data, item, kept):
    assert icu_data.kept(item) is kept


@pytest.mark.slow
def test_the_trimmed_library_transliterates_as_the_full_one(icu_data, system_library,
                                                            tmp_path, capsys):
    soname = system_library.name.rsplit(".", 1)[0]  # libicudata.so.72.1 -> .so.72
    lib = icu_data.trim(system_library, tmp_path, soname)
    assert lib.name == soname and lib.stat().st_size < system_library.stat().st_size / 5
    assert icu_data.verify(tmp_path) == 0
    out = capsys.readouterr().out
    assert "0 differ with the trimmed data" in out


@pytest.mark.slow
def test_a_library_missing_what_thai_needs_fails_the_check(icu_data, system_library,
                                                           tmp_path, capsys, monkeypatch):
    keep = icu_data.kept
    monkeypatch.setattr(icu_data, "kept", lambda item: keep(item) and item != "brkitr/word.brk")
    icu_data.trim(system_library, tmp_path, system_library.name.rsplit(".", 1)[0])
    assert icu_data.verify(tmp_path) == 1
    out = capsys.readouterr().out
    assert "FAIL full:" in out and "ทักษิณ ชินวัตร" in out  # Thai words no longer split
