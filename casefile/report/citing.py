"""What every section shares: anchors and headings for the outline and the TOC, citation
marks (and the visible "[no source]" of a fact nobody cited), dates as given, and dates
written in English whatever the desktop's locale."""

from __future__ import annotations

import re

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date
from casefile.core.labels import long_date
from casefile.report import styles as st
from casefile.report.model import DossierData
from casefile.report.pages import Furniture
from casefile.report.rich import Text, para, r

LINK = "#0B4F8A"
UNSOURCED = "#B00020"


class Anchor(Flowable):
    """A zero-size flowable that marks a section for the outline and the TOC."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.bookmark = (key, title, level)

    def wrap(self, *_: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


KEEP_BELOW_HEADING = 150.0  # points a section heading needs below it, else it starts a page


def heading(f: Furniture, key: str, title: str, level: int = 0,
            style: st.ParagraphStyle = st.H1) -> list[Flowable]:
    """A section's anchor (outline, TOC) and title; a top-level one that would sit at a
    page foot with little room for what follows starts the next page instead."""
    if level == 0:
        f.toc.append((key, title, level))
        return [CondPageBreak(KEEP_BELOW_HEADING), Anchor(key, title, level),
                para(r(title, isolate=True), style)]
    return [Anchor(key, title, level), para(r(title, isolate=True), style)]


def with_heading(head: list[Flowable], first: list[Flowable]) -> list[Flowable]:
    """A heading kept on one page with what comes first under it (a figure): never alone at
    a page foot. (A conditional page break stays outside: it acts while being measured.)"""
    lead = [x for x in head if isinstance(x, CondPageBreak)]
    # KeepTogether measures its parts without any 1-point-wide spacer: widen them, or what
    # it thinks fits runs past the page foot by their height
    for x in first:
        if isinstance(x, Spacer) and x.width <= 1:
            x.width = 2
    rest = [x for x in head if x not in lead]
    return lead + [_Kept(rest + first, sum(x.getSpaceBefore() for x in rest))]


class _Kept(KeepTogether):
    """KeepTogether that counts the room above its heading: it measures its parts as if
    the first one with a size stood at a page top (no space before it), but below the
    anchor, mid-page, the heading's space before it is there."""

    def __init__(self, flowables: list[Flowable], above: float) -> None:
        super().__init__(flowables)
        self._above = above

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        w, h = super().wrap(aW, aH)
        self._H += self._above
        return w, h


def marks(data: DossierData, kind: str, rid: int, brackets: bool = True) -> Text:
    """Citation marks as links into the sources appendix: [1 C2; 3 B2]; a fact with no
    citation says so: [no source]."""
    found = data.marks.get((kind, rid), [])
    if not found:
        text = "[no source]" if brackets else "no source"
        return [r((" " if brackets else "") + text, size=7, italic=True, color=UNSOURCED)]
    linked = "sources" in data.options.sections  # links only where the appendix is printed
    out = [r(" [", size=7)] if brackets else []
    for i, (n, code) in enumerate(found):
        if i:
            out.append(r("; ", size=7))
        out.append(r(f"{n}\u00a0{code}", size=7, color=LINK if linked else None,
                     link=f"src-{n}" if linked else None))
    if brackets:
        out.append(r("]", size=7))
    return out


def none_printed(data: DossierData, kind: str, plural: str) -> str:
    """'No shipments recorded.', or where the dossier's scope leaves the case's out, how
    many there are (look28: a party's dossier said 'No shipments recorded.' of a case
    with seven)."""
    total = data.totals.get(kind, 0)
    if total and data.options.scoped:
        return (f"No {plural} in this dossier's scope (the case has {total:,}; a dossier of "
                "the whole case prints them).")
    return f"No {plural} recorded."


def date_as_given(row: dict) -> str:
    """The date as its record gives it; one typed in EDTF's notation ('../2020',
    '[2019,2020]', '2019-XX-12') in words first, the notation after it in brackets (review:
    a reader of the dossier need not know EDTF)."""
    text = row.get("date_text") or ""
    if not text:
        return "undated"
    if _EDTF_SYNTAX.match(text) and _EDTF_MARKS.search(text):
        try:
            found = parse_fuzzy_date(text)
        except FuzzyDateError:
            return text
        # (look28: '2019-05-12?' printed as '12 May 2019 [2019-05-12?]', a day for sure to
        # a reader who does not read EDTF's '?')
        said = " and ".join(w for w, on in (("approximate", found.approximate),
                                            ("uncertain", found.uncertain)) if on)
        return f"{found.reading}{f' ({said})' if said else ''} [{text}]"
    return text


def date_order(row: dict, prefix: str = "date") -> str:
    """Where a dated record goes in a chronology: its first day, else (open before) its
    last — 'before 1995' at 1994-12-31, not after every dated record; undated last."""
    return row.get(f"{prefix}_start") or row.get(f"{prefix}_end") or "9999"


_EDTF_SYNTAX = re.compile(r"^[\dX\-/.\[\]{},~?% ]+$")  # nothing but EDTF's characters
_EDTF_MARKS = re.compile(r"\.\.|[\[\]{}X~?%]|^\d{4}(-\d\d){0,2}/")  # and some of its notation


def clip(text: str, n: int) -> str:
    """At most ``n`` characters, cut at a word where it can be, with an ellipsis."""
    text = text or ""
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n)
    return (text[:cut] if cut > n * 0.6 else text[:n - 1]).rstrip(" ,;:") + "…"


def natural(text: str) -> tuple:
    """A sort key that puts 'Company 2' before 'Company 10'."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold())
                 for p in re.split(r"(\d+)", text or "") if p)


def when(stamp: object) -> str:
    """An audit time as '29 November 2026, 15:14 UTC'."""
    from datetime import datetime

    try:
        t = datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp)
    return f"{long_date(t.date())}, {t:%H:%M} UTC"

