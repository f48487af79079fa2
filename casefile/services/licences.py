"""The licences of what Casefile runs on, as plain text for Help → About → Licences, and
the one place the list is made: how a distribution's licence is named, the list's text and
the Qt notice.

A frozen build carries ``licenses.txt`` (package data written by packaging/licenses.py, with
this module, from the distributions actually bundled); from a source checkout the list is
read from the installed distributions' metadata, walking Casefile's own requirements. No Qt
here: the build script imports this module, and the About dialog reads it.
"""

from __future__ import annotations

import importlib.metadata as md
import re
from collections.abc import Iterable

from casefile import SOURCE_OFFER_CONTACT
from casefile.paths import resource_path

LICENCE_LIST = "licenses.txt"

QT_NOTICE = f"""\
Qt and Qt for Python (PySide6, shiboken6)
Casefile uses the Qt libraries and Qt for Python under the GNU Lesser General Public
License version 3 (LGPL-3.0; its text is in LICENSES/Qt/LGPL-3.0.txt, with the GNU GPL
version 3 it refers to in LICENSES/Qt/GPL-3.0.txt). Qt is (c) The Qt Company Ltd and
other contributors. Casefile does not modify Qt.

You may replace the Qt libraries: in the installed folder, the Qt shared libraries are the
files libQt6*.so.6 under _internal/PySide6/Qt/lib/ (Qt6*.dll beside PySide6 on Windows,
the Qt frameworks in Casefile.app/Contents/Frameworks on macOS), with the Qt plugins in
_internal/PySide6/Qt/plugins/. Build Qt and PySide6 of the same version from source (or take
another build of that version), put your files in place of those (keep the names), and
Casefile will load them. The same holds for the other LGPL-licensed packages listed above
(pycountry, for one): their modules are separate files under _internal/NAME/ in the folder
(the build keeps no archive of them), to be replaced by a modified version.

Written offer: for at least three years from the date you received this copy of Casefile,
the Casefile developers will give anyone who asks the complete corresponding source code of
the Qt and PySide6 version bundled here (named below), on a physical medium for no more than
the cost of making and sending it. Ask for it at:
    {SOURCE_OFFER_CONTACT}
It is also published at download.qt.io/official_releases (Qt) and
code.qt.io/pyside/pyside-setup (PySide6) under the same version number.
"""


DATA_NOTICE = """\
Data Casefile carries (in its resources folder, each with its licence beside it):
- OpenSanctions' dataset titles and publishers, programme names and status words
  (resources/sanctions): MIT, (c) OpenSanctions Datenbanken GmbH.
- Cities read as place words when screening (resources/places/cities.tsv): from GeoNames
  (www.geonames.org), CC BY 4.0; a selection of its rows, nothing else changed.
"""


def dist_key(name: str) -> str:
    """A distribution's name as the packaging standards compare it ("PySide6_Essentials"
    -> "pyside6-essentials")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(meta: md.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_name(dist: md.Distribution, width: int = 80, cut: bool = True) -> str:
    """The licence a distribution's metadata names: its License-Expression, else a License
    field of one line of at most ``width`` characters, else its licence classifiers, else
    the first line of the License field (cut to ``width`` when ``cut``); "" if none."""
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.count("::") >= 2]
    if field and len(field) <= width and "\n" not in field:
        return field
    if classifiers:
        return " / ".join(classifiers)
    first = field.splitlines()[0] if field else ""
    return first[:width] if cut else first


def licence_of(name: str) -> tuple[str, str, str] | None:
    """(name, version, licence) of an installed distribution, or None."""
    try:
        dist = md.distribution(name)
    except md.PackageNotFoundError:
        return None
    return str(dist.metadata["Name"]), dist.version, licence_name(dist)


def _requirement_names(dist: md.Distribution) -> list[str]:
    names = []
    for req in dist.requires or []:
        if "extra ==" in req:
            continue
        marker = req.split(";", 1)[1] if ";" in req else ""
        if "python_version" in marker or "sys_platform" in marker or "platform_" in marker:
            try:
                from packaging.markers import Marker

                if not Marker(marker).evaluate():
                    continue
            except ImportError:
                pass
        names.append(re.split(r"[ ;<>=!~\[(]", req.strip(), maxsplit=1)[0])
    return names


def runtime_distributions(root: str = "casefile") -> list[str]:
    """Every distribution Casefile needs at run time: its requirements, recursively."""
    seen: dict[str, str] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = dist_key(name)
        if key in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[key] = str(dist.metadata["Name"])
        todo.extend(_requirement_names(dist))
    return sorted((n for k, n in seen.items() if k != root), key=str.lower)


def format_list(rows: Iterable[tuple[str, str, str]], python: str, extra: str = "") -> str:
    """The text the dialog shows: one line per distribution, the data Casefile carries,
    then the Qt notice."""
    lines = ["Casefile is free software under the Apache License 2.0.",
             "It is built on the software below, each under its own licence; their full",
             "texts are in the LICENSES folder of the installed Casefile.", "",
             f"{'Python':<28} {python:<12} PSF-2.0"]
    for name, version, licence in sorted(rows, key=lambda r: r[0].lower()):
        lines.append(f"{name:<28} {version:<12} {licence or '(see its licence file)'}")
    text = "\n".join(lines) + "\n"
    if extra:
        text += "\n" + extra.rstrip() + "\n"
    return text + "\n" + DATA_NOTICE + "\n" + QT_NOTICE


def licence_text() -> str:
    """What Help → About → Licences shows: the build's list, or the installed one."""
    bundled = resource_path(LICENCE_LIST)
    if bundled.is_file():
        return bundled.read_text(encoding="utf-8")
    import platform

    rows = [r for r in (licence_of(n) for n in runtime_distributions()) if r is not None]
    return format_list(rows, platform.python_version())
