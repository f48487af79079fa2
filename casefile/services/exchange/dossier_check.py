"""Reading a dossier back for ``verify-dossier``: the content digest it names (in its
keywords, however a PDF writer encoded them, else on its cover), and whether it is whole as
Casefile wrote it — readable, with the pages it was written with, each where its foot
says, none of what its pages draw missing.

A dossier names its page count beside its digest (:func:`casefile.report.pages.pages_said`)
and on every page's foot ('Page 1 of 13', which a copy stripped of its metadata keeps); a
reader rebuilds a damaged file from what is left (review34: 7 of 13 pages, each readable),
so the count is compared, and every object the pages draw is looked up (review35: a file
whose middle was zeroed verified OK, its contents page and sources drawn blank)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

_PRINTED = re.compile(r"content-sha256:([0-9a-f]{64})")
_PAGES = re.compile(r"content-sha256:[0-9a-f]{64}; pages: (\d+);")
_COVER = re.compile(r"Content digest\s+([0-9a-f]{64})")
_FOOT = re.compile(r"Page\s+1\s+of\s+(\d+)")
_FEET = re.compile(r"Page (\d+) of *\n(\d+)")


def printed_digest(pdf: Path) -> str | None:
    """The content digest a dossier names in its keywords (read by pypdf, however encoded:
    reportlab writes UTF-16 when the scope names a non-Latin party — look28 — and a viewer
    that saved it again may have compressed them), else on its cover (a copy whose metadata
    a tool stripped: review31); None when it names none, or is no PDF."""
    return read_digest(pdf)[0]


def read_digest(pdf: Path) -> tuple[str | None, str | None]:
    """:func:`printed_digest`, and why the file is not whole as Casefile wrote it (None: it
    is): a file cut short is still searched for its keywords, plain or UTF-16 (review31)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    with Path(pdf).open("rb") as f:
        if b"%PDF-" not in f.read(1024):  # (review31: pypdf took 10 s on 200 MB of other)
            return None, None
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # what it cannot read is said below
    damage = None
    try:
        reader = PdfReader(str(pdf))
        meta = reader.metadata
        keywords = str(meta.get("/Keywords") or "") if meta is not None else ""
        first = " ".join((reader.pages[0].extract_text() or "").split()) \
            if reader.pages else ""
        found = _PRINTED.search(keywords) or _COVER.search(first)
        if found is None and len(reader.pages) > 1:
            found = _COVER.search(" ".join((reader.pages[1].extract_text() or "").split()))
        if found is not None:
            return found.group(1), _not_whole(reader, keywords, first)
    except (PyPdfError, ValueError, KeyError, OSError, AttributeError) as exc:  # damaged
        damage = f"it is cut short or damaged ({str(exc) or type(exc).__name__}); its digest " \
            "was read from what is left of it"
    data = Path(pdf).read_bytes()
    for text in [data.decode("latin-1"), *map(_literal, _KEYWORDS.findall(data))]:
        if found := _PRINTED.search(text):
            return found.group(1), damage
    return None, damage


def _not_whole(reader: Any, keywords: str, first: str) -> str | None:
    """Why a readable dossier is not whole: other pages than it was written with (as its
    keywords, else its first page's foot, say), or something its pages draw missing."""
    said = _PAGES.search(keywords) or _FOOT.search(first)
    read = len(reader.pages)
    if said is not None and int(said.group(1)) != read:
        written = int(said.group(1))
        if read < written:
            return f"{read} of the {written} pages it was written with can be read"
        return f"it has {read} pages where it was written with {written}"
    return _out_of_place(reader) or _missing(reader)


def _out_of_place(reader: Any) -> str | None:
    """The first page whose foot names another place ('Page 6 of 28' read 18th: look31, a
    page swapped or replaced by another of the same dossier verified OK); None when each
    stands where its foot says, or a foot cannot be read (a copy without them)."""
    total = str(len(reader.pages))
    for place, page in enumerate(reader.pages, 1):
        # the foot as the dossier draws it: 'Page 6 of ', the total beneath in a form of
        # its own (a case's text quoting 'Page 3 of 10' stays on one line)
        feet = [n for n, of in _FEET.findall(page.extract_text() or "") if of == total]
        if feet and int(feet[-1]) != place:
            return f"page {place} is page {feet[-1]} of the dossier as it was written"
    return None


def _missing(reader: Any) -> str | None:
    """The first object a page draws with (its contents, fonts, images …) that the file
    no longer holds, said with the page; None when every one is there."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NullObject

    seen: set[int] = set()
    for number, page in enumerate(reader.pages, 1):
        todo: list[Any] = [v for k, v in page.items() if k != "/Parent"]
        while todo:
            value = todo.pop()
            if isinstance(value, IndirectObject):
                if value.idnum in seen:
                    continue
                seen.add(value.idnum)
                value = value.get_object()
                if value is None or isinstance(value, NullObject):
                    return f"part of what page {number} draws is missing from the file"
            if isinstance(value, DictionaryObject):
                todo += [v for k, v in value.items() if k != "/Parent"]
            elif isinstance(value, ArrayObject):
                todo += list(value)
    return None


_KEYWORDS = re.compile(rb"/Keywords\s*\(((?:[^\\()]|\\.)*)\)", re.DOTALL)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\n": b""}


def _literal(raw: bytes) -> str:
    """A PDF literal string's text: its escapes undone, UTF-16 when it says so."""
    def undo(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8) & 0xFF])
        return _ESCAPED.get(code, code)
    data = _ESCAPE.sub(undo, raw)
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    return data.decode("latin-1")
