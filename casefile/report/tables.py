"""The dossier's long tables: page-sized chunks made only when layout reaches them, the header
printed at the top of each page (and at the start of the table) but never mid-page, numbers
right-aligned on one line in columns sized to what they hold, rows that split across pages
when a cell is taller than a page, and over-long cell text continued in a note after the
table instead of filling pages of a narrow column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypeVar

from reportlab.platypus import Flowable, Table, TableStyle

from casefile.report import styles as st
from casefile.report.fonts import BODY, BOLD, is_simple, text_width
from casefile.report.pages import Deferred
from casefile.report.rich import Text, anchored, para, r

CHUNK = 20  # rows per Table object: keeps layout linear in the number of rows
PAD = 3.0  # cell padding left and right
LINK = "#0B4F8A"
T = TypeVar("T")


class Plain(str):
    """A table cell drawn as plain text by the table itself (no paragraph, and fast): for
    short values that never need wrapping. Text with CJK characters becomes a paragraph
    instead, for the CJK font."""


class Num(Plain):
    """A number: one line, right-aligned."""


Cell: TypeAlias = Flowable | Plain | Text


def plain(text: object) -> Plain | Text:
    """A short value: drawn by the table itself when the body font prints all of it."""
    s = "" if text is None else str(text)
    return Plain(s) if is_simple(s) else [r(s)]


@dataclass
class Column:
    """A column's header and how wide it is: ``share`` of the width left after the
    ``fit`` columns, which are exactly as wide as their widest value (numbers)."""

    header: str
    share: float = 0.0
    fit: bool = False
    numeric: bool = False
    minimum: float = 0.0
    maximum: float = 10_000.0


def cell_width(text: str, bold: bool = False) -> float:
    """How wide ``text`` prints in a table cell (run by run, as it is drawn)."""
    return text_width(text, st.CELL.fontSize, bold)


def widths(columns: Sequence[Column], values: Sequence[Sequence[str]], width: float
           ) -> list[float]:
    """Column widths that add up to ``width``: fitted columns take the width of their
    widest value or header word; the others share what is left."""
    out = [0.0] * len(columns)
    for i, c in enumerate(columns):
        if not c.fit:
            continue
        words = c.header.replace("\n", " ").split() or [""]
        widest = max([cell_width(w, bold=True) for w in words]
                     + [cell_width(line) for v in values if v[i] for line in v[i].split("\n")])
        out[i] = min(max(widest + 2 * PAD + 1, c.minimum), c.maximum)
    left = max(width - sum(out), 0.0)
    shared = [i for i, c in enumerate(columns) if not c.fit]
    total = sum(columns[i].share for i in shared) or 1.0
    for i in shared:
        out[i] = left * columns[i].share / total
    short = [i for i in shared if out[i] < columns[i].minimum]
    if short:  # columns below their minimum take it from the other shared columns
        need = sum(columns[i].minimum - out[i] for i in short)
        rest = [i for i in shared if i not in short]
        room = sum(out[i] for i in rest) or 1.0
        for i in short:
            out[i] = columns[i].minimum
        for i in rest:
            out[i] -= need * out[i] / room
    scale = width / sum(out)
    return [w * scale for w in out] if scale < 1 else out


def _styles(columns: Sequence[Column]) -> tuple[TableStyle, TableStyle]:
    body = [("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, st.RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("FONTNAME", (0, 0), (-1, -1), BODY),
            ("FONTSIZE", (0, 0), (-1, -1), st.CELL.fontSize),
            ("LEADING", (0, 0), (-1, -1), st.CELL.leading)]
    body += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i, c in enumerate(columns) if c.numeric]
    head = body + [("FONTNAME", (0, 0), (-1, 0), BOLD),
                   ("BACKGROUND", (0, 0), (-1, 0), st.HEAD_BG)]
    return TableStyle(head), TableStyle(body)


class ChunkTable(Table):
    """A chunk of a long table. A chunk that starts mid-page has no header; if it then
    runs onto the next page, the part there gets the header."""

    spec: TableSpec | None = None
    headed = True
    records: list[str] = []  # noqa: RUF012 - what the rows are, for a layout error

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        parts = super().split(avail_w, avail_h)
        if len(parts) == 2 and not self.headed and self.spec is not None:
            parts[1] = chunk([list(row) for row in parts[1]._cellvalues], self.spec, True)
        for p in parts:
            p.spec, p.records = self.spec, self.records
        return parts


def chunk(rows: list[list[Any]], spec: TableSpec, headed: bool,
          records: Sequence[str] = ()) -> ChunkTable:
    data = [spec.head, *rows] if headed else rows
    t = ChunkTable(data, colWidths=spec.widths, repeatRows=1 if headed else 0,
                   style=spec.head_style if headed else spec.body_style, splitInRow=1)
    t.spec, t.headed, t.records = spec, headed, list(records)
    return t


@dataclass
class TableSpec:
    head: list[Flowable]
    widths: list[float]
    head_style: TableStyle
    body_style: TableStyle


@dataclass
class Overflow:
    """Cell texts too long for their column, printed in full after the table."""

    key: str  # anchor prefix, unique per table
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # anchor, label, text
    seen: dict[str, int] = field(default_factory=dict)  # text -> its note number

    def cut(self, text: str, label: str, chars: int = 700, lines: int = 14,
            **fmt: Any) -> Text:
        """``text`` as cell runs: whole when short, else its start and a link to a note."""
        text = text or ""
        rows = text.split("\n")
        if len(text) <= chars and len(rows) <= lines and _longest_word(text) <= 60:
            return [r(text, **fmt)]
        head = "\n".join(rows[:lines])[:chars]
        cut = max(head.rfind(" ", 0, chars), head.rfind("\n", 0, chars))
        if cut > chars * 0.6:
            head = head[:cut]
        if _longest_word(head) > 60:  # an unbroken run: break it where we cut it
            head = head[:120]
        n = self.seen.get(text, 0)
        if not n:  # the same long text (a party's name, say) gets one note
            n = self.seen[text] = len(self.notes) + 1
            self.notes.append((f"{self.key}-note-{n}", label, text))
        anchor = f"{self.key}-note-{n}"
        return [r(head.rstrip() + " …", **fmt),
                r(f" (continued in note {n})", italic=True, color=LINK, link=anchor)]

    def flowables(self) -> list[Flowable]:
        if not self.notes:
            return []
        out: list[Flowable] = [para("Continued texts", st.H3)]
        for n, (anchor, label, text) in enumerate(self.notes, 1):
            out.append(anchored(anchor, [r(f"Note {n} — {label}", bold=True)], st.SMALL))
            out.append(para(r(text, isolate=True), st.SMALL))
        return out


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def long_table(columns: Sequence[Column], items: Sequence[T],
               row: Callable[[T], list[Cell]], width: float,
               fitted: Sequence[Sequence[str]] = (),
               label: Callable[[T], str] | None = None,
               overflow: Overflow | None = None) -> list[Flowable]:
    """The table of ``items`` (``row(item)`` makes its cells when layout reaches it), in
    chunks, with the header at the start and at each page top. ``fitted`` gives the
    values of the fitted columns (for their widths); ``label(item)`` names a row in a
    layout error; notes of ``overflow`` follow the table."""
    head_style, body_style = _styles(columns)
    spec = TableSpec([para(c.header, st.CELL_HEAD_RIGHT if c.numeric else st.CELL_HEAD)
                      for c in columns], widths(columns, fitted, width), head_style,
                     body_style)

    def make(start: int, at_top: bool) -> list[Flowable]:
        part = items[start:start + CHUNK]
        cells = [[c if isinstance(c, Flowable | Plain) else para(c, st.CELL) for c in row(it)]
                 for it in part]
        names = [label(it) for it in part] if label else []
        return [chunk(cells, spec, at_top or start == 0, names)]

    if not items:
        return [chunk([], spec, True)]
    out: list[Flowable] = [Deferred(lambda at_top, s=s: make(s, at_top), positional=True)
                           for s in range(0, len(items), CHUNK)]
    if overflow is not None:
        out.append(Deferred(overflow.flowables))
    return out
