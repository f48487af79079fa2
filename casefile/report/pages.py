"""Page furniture of the dossier: the marking at top and bottom of every page (TLP label in its
colours), "page X of Y", the case reference; the table of contents whose page numbers and the
page total are PDF forms filled in when the document is saved — one pass, no re-layout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from casefile.core.grading import TLP
from casefile.report.fonts import BODY, BOLD, font_for
from casefile.report.styles import MUTED, RULE, TOC_ENTRY

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

    def __init__(self, *args: object, **kw: object) -> None:
        kw.setdefault("initialFontName", BODY)  # never the unembedded standard Helvetica
        kw.setdefault("initialFontSize", 9)
        super().__init__(*args, **kw)

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
        super().save()


def _marking_band(c: Canvas, f: Furniture, y: float) -> None:
    tlp = TLP.get(f.marking or "")
    width = PAGE[0]
    label = tlp.label if tlp else ""
    line = f.marking_line
    text = "   ".join(p for p in (label, line) if p)
    if not text:
        return
    c.setFont(BOLD, 8.5)
    tw = c.stringWidth(label, BOLD, 8.5) if label else 0
    c.setFont(font_for(line), 7.5)
    lw = c.stringWidth(line, font_for(line), 7.5) if line else 0
    total = tw + (10 if label and line else 0) + lw + 12
    x = (width - total) / 2
    if tlp:
        c.setFillColor(colors.HexColor(tlp.bg))
        c.rect(x, y - 3, tw + 12, 13, stroke=0, fill=1)
        c.setFillColor(colors.HexColor(tlp.fg))
        c.setFont(BOLD, 8.5)
        c.drawString(x + 6, y, label)
    if line:
        c.setFillColor(colors.black)
        c.setFont(font_for(line), 7.5)
        c.drawString(x + (tw + 22 if label else 6), y + 0.5, line)


def decorate(c: Canvas, doc: BaseDocTemplate) -> None:
    f: Furniture = doc.furniture
    page = c.getPageNumber()
    c.saveState()
    _marking_band(c, f, PAGE[1] - 11 * mm)
    _marking_band(c, f, 7 * mm)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.4)
    c.line(MARGIN, PAGE[1] - 14 * mm, PAGE[0] - MARGIN, PAGE[1] - 14 * mm)
    c.line(MARGIN, 14 * mm, PAGE[0] - MARGIN, 14 * mm)
    c.setFont(font_for(f.reference), 7.5)
    c.setFillColor(MUTED)
    c.drawString(MARGIN, 10.5 * mm, f.reference or f.title[:60])
    label = f"Page {page} of "
    c.setFont(BODY, 7.5)
    x = PAGE[0] - MARGIN - c.stringWidth(label + "0000", BODY, 7.5)
    c.drawString(x, 10.5 * mm, label)
    c.saveState()
    c.translate(x + c.stringWidth(label, BODY, 7.5), 10.5 * mm)
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

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, *_: float) -> tuple[float, float]:  # only reached outside DossierDoc
        raise TypeError("Deferred flowables are laid out by DossierDoc only")


class DossierDoc(BaseDocTemplate):
    """A4 document that records section pages and writes the PDF outline as it goes."""

    def __init__(self, filename: str, furniture: Furniture, **kw: object) -> None:
        super().__init__(filename, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=20 * mm, bottomMargin=20 * mm, **kw)
        self.furniture = furniture
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
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
            flowables[0:1] = flowables[0].make()
        if flowables:
            super().handle_flowable(flowables)

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
            font = font_for(title)
            c.setFont(font, TOC_ENTRY.fontSize)
            c.setFillColor(colors.black)
            c.drawString(indent, y + 3, title)
            start = indent + c.stringWidth(title, font, TOC_ENTRY.fontSize) + 4
            c.setFillColor(RULE)
            dots = "." * max(0, int((self.width - 30 - start) / c.stringWidth(".", BODY, 9)))
            c.setFont(BODY, 9)
            c.drawString(start, y + 3, dots)
            ax, ay = c.absolutePosition(0, y + 3)
            self.f.toc_slots.append((key, ax, ay, self.width))
            y -= self.line
