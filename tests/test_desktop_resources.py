"""The desktop integration files in resources/: the MIME type recognises a real case by its
header, the package icons are the masters, the .desktop entry names the installed command."""

import configparser
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

from casefile.paths import resource_path
from casefile.services.case.facade import Case
from casefile.store.models import ENTITY_KINDS

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "resources" / "desktop"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _magic_matches(xml: Path, data: bytes) -> bool:
    """Evaluate the MIME XML's magic rules (string and big32 matches, nested = AND)."""
    def match(el: ET.Element) -> bool:
        offset, kind, value = int(el.get("offset", "0")), el.get("type"), el.get("value", "")
        if kind == "string":
            want = value.encode().decode("unicode_escape").encode("latin-1")
            ok = data[offset:offset + len(want)] == want
        elif kind == "big32":
            ok = int.from_bytes(data[offset:offset + 4], "big") == int(value, 0)
        else:
            raise AssertionError(f"magic type {kind} not understood by this test")
        children = el.findall("m:match", NS)
        return ok and (not children or any(match(c) for c in children))

    root = ET.parse(xml).getroot()
    rules = root.findall("m:mime-type/m:magic/m:match", NS)
    assert rules
    return any(match(r) for r in rules)


def test_the_mime_magic_recognises_a_case_and_not_another_sqlite_file(tmp_path):
    case = tmp_path / "a.casefile"
    with Case.new(case, title="Magic"):
        pass
    xml = DESKTOP / "casefile-mime.xml"
    assert _magic_matches(xml, case.read_bytes()[:100])
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t(x)").connection.close()
    assert not _magic_matches(xml, other.read_bytes()[:100])
    root = ET.parse(xml).getroot()
    assert root.find("m:mime-type", NS).get("type") == "application/x-casefile"
    assert root.find("m:mime-type/m:glob", NS).get("pattern") == "*.casefile"


def test_the_desktop_entry_opens_cases_with_the_gui_command():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP / "org.casefile.Casefile.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Exec"].split()[0] == "casefile-gui" and "%f" in d["Exec"]
    assert "application/x-casefile;" in d["MimeType"] and d["Icon"] == "casefile"
    meta = ET.parse(DESKTOP / "org.casefile.Casefile.metainfo.xml").getroot()
    assert meta.findtext("launchable") == "org.casefile.Casefile.desktop"
    assert meta.findtext("project_license") == "Apache-2.0"


def test_package_icons_are_the_masters_and_every_kind_has_one():
    masters = ROOT / "resources" / "icons"
    assert resource_path("icons", "casefile.svg").read_bytes() == \
        (masters / "casefile.svg").read_bytes()
    for kind in ENTITY_KINDS:
        shipped = resource_path("icons", "kinds", f"{kind}.svg")
        assert shipped.read_bytes() == (masters / "kinds" / f"{kind}.svg").read_bytes(), kind
        assert b"<svg" in shipped.read_bytes()
    for size in (16, 32, 48, 256):
        png = masters / "hicolor" / f"{size}x{size}" / "apps" / "casefile.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
