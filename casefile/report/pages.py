"""Page furniture of the dossier: the marking at top and bottom of every page (TLP label in its
colours), "page X of Y", the case reference; the table of contents whose page numbers and the
page total are PDF forms filled in when the document is saved — one pass, no re-layout."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from casefile.core.grading import TLP
from casefile.errors import ExportError
from casefile.report.figure_text import draw_text
from casefile.report.fonts import BODY, text_width
from casefile.report.rich import para, r
from casefile.report.styles import CONTINUED, MUTED, RULE, TOC_ENTRY

PAGE = A4
MARGIN = 18 * mm


@dataclass
class Furniture:
    """What every page shows, and what the TOC needs to know at the end."""

    marking: str | None  # TLP key
    marking_line: str
    reference: str
    title: str
    section_pages: dict[str, int] = field(default_factory=dict)
    toc: list[tuple[str, str, int]] = field(default_factory=list)  # key, title, level
    toc_page: int | None = None
    toc_slots: list[tuple[str, float, float, float]] = field(default_factory=list)


class DossierCanvas(Canvas):
    """Defines the page-total and TOC-number forms just before the file is written."""

    furniture: Furniture | None = None
    stamp: float | None = None  # creation date: the case's last change (seconds since 1970)
    seed: bytes = b""  # what the document ID is derived from: content digest and options

    def __init__(self, *args: object, **kw: object) -> None:
        kw.setdefault("initialFontName", BODY)  # never the unembedded standard Helvetica
        kw.setdefault("initialFontSize", 9)
        super().__init__(*args, **kw)
        doc = self._doc
        if self.stamp is not None:  # reproducible: the same case gives the same dates
            ts = doc._timeStamp
            ts.t, ts.lt = self.stamp, time.gmtime(self.stamp)
            ts.YMDhms, ts.dhh, ts.dmm, ts.tzname = tuple(ts.lt)[:6], 0, 0, "UTC"
        doc.signature = hashlib.md5(b"casefile dossier " + self.seed, usedforsecurity=False)
        self.showOutline()  # open with the bookmarks shown

    def save(self) -> None:
        f = self.furniture
        total = self.getPageNumber() - 1 if self._code == [] else self.getPageNumber()
        self.beginForm("pages_total")
        self.setFont(BODY, 7.5)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        if f is not None:
            for key, _x, _y, _w in f.toc_slots:
                self.beginForm(f"toc_{key}", lowerx=-80, lowery=-5, upperx=5, uppery=20)
                self.setFont(BODY, TOC_ENTRY.fontSize)
                self.setFillColor(colors.black)
                self.drawRightString(0, 0, str(f.section_pages.get(key, "")))
                self.endForm()
        self.setKeywords(pages_said(str(self._doc.info.keywords or ""), total))
        super().save()


def pages_said(keywords: str, total: int) -> str:
    """The dossier's keywords with its page count after its digest ('content-sha256:…;
    pages: 13; scope: …'): verify-dossier tells a dossier that lost pages in its middle,
    which a PDF reader rebuilds from what is left (review34: 7 of 13 pages, read as whole),
    by it. Before the scope, which names parties in the case's own words."""
    head, sep, rest = keywords.partition("; ")
    if not head.startswith("content-sha256:"):
        return keywords
    return f"{head}; pages: {total}{sep}{rest}"


LABEL_SIZE = 12.0  # FIRST TLP 2.0: the label in upper case, 12 pt or more, right-aligned


def _label(f: Furniture) -> tuple[str, str]:
    """The label's text and colour: the TLP label, or NO MARKING SET in white."""
    tlp = TLP.get(f.marking or "")
    return (tlp.label, tlp.fg) if tlp else ("NO MARKING SET", "#FFFFFF")


def _fit_line(line: str, width: float) -> tuple[float, list[str]]:
    """The classification line shrunk (7.5 to 6 pt) to fit ``width``, else wrapped onto
    two or three lines at a smaller size; nothing is cut unless even that fails."""
    for size in (7.5, 7.0, 6.5, 6.0):
        if text_width(line, size) <= width:
            return size, [line]
    for size, most in ((6.0, 2), (5.5, 3)):
        lines: list[str] = []
        for word in line.split():
            if lines and text_width(lines[-1] + " " + word, size) <= width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        if len(lines) <= most and all(text_width(x, size) <= width for x in lines):
            return size, lines
    cut = line
    while cut and text_width(cut + "…", 5.5) > width * 3:
        cut = cut[:-10]
    return _fit_line(cut + "…", width) if cut != line else (5.5, [line])


def _marking_band(c: Canvas, f: Furniture, y: float) -> None:
    """The TLP label in its box at the right margin; the classification line beside it,
    left of the box, shrunk or wrapped to fit."""
    label, fg = _label(f)
    lw = text_width(label, LABEL_SIZE, bold=True)
    right = PAGE[0] - MARGIN
    box_x = right - lw - 8
    c.setFillColor(colors.black)
    c.rect(box_x, y - 3.5, lw + 8, LABEL_SIZE + 4, stroke=0, fill=1)
    c.setFillColor(colors.HexColor(fg))
    draw_text(c, right - 4, y, label, LABEL_SIZE, bold=True, anchor="end")
    if not f.marking_line:
        return
    size, lines = _fit_line(f.marking_line, box_x - 8 - MARGIN)
    c.setFillColor(colors.black)
    lead = size * 1.15
    top = y + 2 + (len(lines) - 1) * lead / 2
    for i, text in enumerate(lines):
        draw_text(c, box_x - 8, top - i * lead, text, size, anchor="end")


def decorate(c: Canvas, doc: BaseDocTemplate) -> None:
    f: Furniture = doc.furniture
    page = c.getPageNumber()
    c.saveState()
    _marking_band(c, f, PAGE[1] - 11.5 * mm)
    _marking_band(c, f, 6 * mm)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.4)
    c.line(MARGIN, PAGE[1] - 14 * mm, PAGE[0] - MARGIN, PAGE[1] - 14 * mm)
    c.line(MARGIN, 15 * mm, PAGE[0] - MARGIN, 15 * mm)
    c.setFillColor(MUTED)
    label = f"Page {page} of "
    x = PAGE[0] - MARGIN - c.stringWidth(label + "0000", BODY, 7.5)
    ref = f.reference or f.title
    while ref and text_width(ref, 7.5) > x - MARGIN - 12:
        ref = ref[:-6] + "…" if len(ref) > 6 else ""
    draw_text(c, MARGIN, 11.5 * mm, ref, 7.5)
    c.setFont(BODY, 7.5)
    c.drawString(x, 11.5 * mm, label)
    c.saveState()
    c.translate(x + c.stringWidth(label, BODY, 7.5), 11.5 * mm)
    c.doForm("pages_total")
    c.restoreState()
    if page == f.toc_page:
        for key, x0, y0, w in f.toc_slots:
            c.saveState()
            c.translate(x0 + w, y0)
            c.doForm(f"toc_{key}")
            c.restoreState()
            c.linkRect("", key, (x0, y0 - 3, x0 + w, y0 + 11), relative=0, thickness=0)
    c.restoreState()


class Deferred(Flowable):
    """Stands in the story for flowables that :class:`DossierDoc` makes only when layout
    reaches this point (``make()`` returns them)."""

    def __init__(self, make: Callable[..., list[Flowable]], positional: bool = False) -> None:
        super().__init__()
        self.make = make
        self.positional = positional  # make(at_top): whether the frame is at a page top

    def wrap(self, *_: float) -> tuple[float, float]:  # only reached outside DossierDoc
        raise TypeError("Deferred flowables are laid out by DossierDoc only")


class DossierDoc(BaseDocTemplate):
    """A4 document that records section pages and writes the PDF outline as it goes."""

    def __init__(self, filename: str, furniture: Furniture, **kw: object) -> None:
        super().__init__(filename, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=20 * mm, bottomMargin=20 * mm, **kw)
        self.furniture = furniture
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=decorate)])

    def build(self, flowables: list[Flowable], **kw: object) -> None:
        for f in flowables:  # progress counts the story's own items, whatever they become
            f._top = True
        self._top_total, self._top_done = max(len(flowables), 1), 0
        super().build(flowables, **kw)

    def done_fraction(self) -> float:
        """How much of the story layout has reached (0 to 1, never going back)."""
        return self._top_done / self._top_total

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if flowables and getattr(flowables[0], "_top", False):
            flowables[0]._top = False
            self._top_done += 1
        # Deferred parts are made only when layout reaches them: a big dossier never holds
        # all of its paragraphs at once, and what is drawn can be freed.
        while flowables and isinstance(flowables[0], Deferred):
            d = flowables[0]
            made = d.make(bool(self.frame._atTop)) if d.positional else d.make()
            # an empty part still takes a (zero) place, so that progress reaches the end
            flowables[0:1] = made or [Spacer(0, 0)]
        if not flowables:
            return
        first = flowables[0]
        party = getattr(first, "continues", None)
        if party and self.frame._atTop:  # a profile runs onto a new page: say whose it is
            first.continues = None
            flowables.insert(0, para([r(party, bold=True, isolate=True),
                                      r(" (continued)", italic=True)],
                                     CONTINUED))
            first = flowables[0]
        try:
            super().handle_flowable(flowables)
        except LayoutError as exc:
            names = getattr(first, "records", None) or []
            what = ("; ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3
                                             else "")) if names else type(first).__name__
            said = (f"The dossier could not lay out {what} on page {self.page}: it is "
                    "larger than a page and cannot be split")
            raise ExportError(said) from exc

    def afterFlowable(self, flowable: Flowable) -> None:
        mark = getattr(flowable, "bookmark", None)
        if mark is None:
            return
        key, title, level = mark
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
        self.furniture.section_pages.setdefault(key, self.canv.getPageNumber())


class TocFlowable(Flowable):
    """The table of contents: titles with dot leaders; numbers are forms filled at save."""

    def __init__(self, furniture: Furniture, width: float) -> None:
        super().__init__()
        self.f = furniture
        self.width = width
        self.line = TOC_ENTRY.leading

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.line * len(self.f.toc)

    def draw(self) -> None:
        c = self.canv
        self.f.toc_page = c.getPageNumber()
        y = self.line * (len(self.f.toc) - 1)
        for key, title, level in self.f.toc:
            indent = 14 * level
            c.setFillColor(colors.black)
            shown = title
            while shown and text_width(shown, TOC_ENTRY.fontSize) > self.width - 60 - indent:
                shown = shown[:-6] + "…" if len(shown) > 6 else ""
            tw = draw_text(c, indent, y + 3, shown, TOC_ENTRY.fontSize)
            start = indent + tw + 4
            c.setFillColor(RULE)
            dots = "." * max(0, int((self.width - 30 - start) / c.stringWidth(".", BODY, 9)))
            c.setFont(BODY, 9)
            c.drawString(start, y + 3, dots)
            ax, ay = c.absolutePosition(0, y + 3)
            self.f.toc_slots.append((key, ax, ay, self.width))
            y -= self.line
