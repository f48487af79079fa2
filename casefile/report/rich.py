"""Paragraphs built from text runs instead of markup.

Case text never passes through reportlab's markup parser: a paragraph is a list of
:class:`Run` (text plus our own formatting), turned straight into reportlab's fragments.
Nothing a case holds — ``<b>``, ``<img src=...>``, ``&amp;`` — can be read as markup, because
there is no parsing step to read it; and skipping the parser makes big dossiers faster.
CJK runs are switched to the CJK font here, as the body font has no CJK glyphs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from casefile.report.bidi_lines import direction, visual_order
from casefile.report.fonts import WORD_JOINER, apart, font_runs, is_rtl
from casefile.report.shaping import install


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with one format. ``link`` names a destination in the document.
    ``isolate``: a text of the case that stands alone (a note, an excerpt, a name), laid out
    in its own direction — right to left when it begins in Arabic or Hebrew — whatever the
    sentence around it (casefile.report.bidi_lines)."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float | None = None
    color: str | None = None
    link: str | None = None
    br: bool = False
    isolate: bool = False


BR = Run("", br=True)
Text = list[Run]


def r(text: object, **fmt: object) -> Run:
    """A run of case (or our own) text; ``None`` becomes empty."""
    return Run("" if text is None else str(text), **fmt)  # type: ignore[arg-type]


def join(parts: Iterable[Text], sep: str | Run = " · ") -> Text:
    """Concatenate run lists with a separator between the non-empty ones."""
    sep_run = r(sep) if isinstance(sep, str) else sep
    out: Text = []
    for p in parts:
        if not p or not any(x.text or x.br for x in p):
            continue
        if out:
            out.append(sep_run)
        out += p
    return out


def plain_text(runs: Text) -> str:
    """The runs as plain text (for a paragraph's ``text``, used in reprs and searches)."""
    return "".join("\n" if x.br else x.text for x in runs)


_colors: dict[str, object] = {}


def _color(spec: str) -> object:
    c = _colors.get(spec)
    if c is None:
        c = _colors[spec] = HexColor(spec)
    return c


def _frag(text: str, font: str, size: float, color: object, link: list,
          bold: int, italic: int) -> ParaFrag:
    f = ParaFrag()
    f.rise = 0
    f.greek = 0
    f.link = link
    f.fontName = font
    f.bold = bold
    f.italic = italic
    f.fontSize = size
    f.textColor = color
    f.us_lines = []
    f.text = text
    return f


def frags(runs: Iterable[Run], style: ParagraphStyle) -> list[ParaFrag]:
    """reportlab fragments for ``runs`` in ``style`` (no markup is parsed). Neighbouring
    runs of the same format become one fragment: reportlab lays out one-fragment
    paragraphs on a much faster path."""
    family, sbold, sitalic = ps2tt(style.fontName)
    out: list[ParaFrag] = []
    nlinks = 0
    # in a paragraph with right-to-left text, a run that stands alone is laid out in its own
    # direction (casefile.report.bidi_lines.visual_order): its fragments say which run and
    # which way
    isolates = bool(getattr(style, "shaping", 0))
    isolate: tuple[int, int, str] | None = None

    def add(text: str, font: str, size: float, color: object, link: list, bold: int,
            italic: int) -> None:
        last = out[-1] if out else None
        if (last is not None and not link and not last.link and last.fontName == font
                and last.fontSize == size and last.textColor is color
                and not getattr(last, "lineBreak", False)
                and getattr(last, "isolate", None) == isolate):
            last.text += text
        else:
            out.append(_frag(text, font, size, color, link, bold, italic))
            if isolate is not None:
                out[-1].isolate = isolate
    for n_run, run in enumerate(runs):
        isolate = None
        if run.br:
            f = _frag("", style.fontName, style.fontSize, style.textColor, [], sbold, sitalic)
            f.lineBreak = True
            out.append(f)
            continue
        if not run.text:
            continue
        bold, italic = int(sbold or run.bold), int(sitalic or run.italic)
        font = tt2ps(family, bold, italic)
        size = run.size or style.fontSize
        color = _color(run.color) if run.color else style.textColor
        link: list = []
        if run.link:
            link = [(nlinks, "#" + run.link)]
            nlinks += 1
        for n, line in enumerate(run.text.split("\n") if "\n" in run.text else (run.text,)):
            if n:  # a newline in case text is a line break in print
                f = _frag("", font, size, color, [], bold, italic)
                f.lineBreak = True
                out.append(f)
            if isolates and run.isolate:  # each line of it a paragraph, of its own
                isolate = (n_run, n, direction(line))  # direction (review33)
            line = apart(line)
            if isolates and line and out and out[-1].text and _parted(out[-1].text, line):
                line = WORD_JOINER + line  # (review33: '“' ending the run before an Arabic
                # name was drawn inside it, as apart() parts them within a run)
            for text, script_font in font_runs(line, font):
                add(text, script_font, size, color, link, bold, italic)
    if not out:
        out.append(_frag("", style.fontName, style.fontSize, style.textColor, [], sbold,
                         sitalic))
    return out


def _parted(before: str, after: str) -> bool:
    """Whether two runs meet inside a word, one side of it right to left and the other
    not: they are parted as fonts.apart parts a right-to-left word from its marks."""
    a, b = before[-1], after[0]
    return not a.isspace() and not b.isspace() and WORD_JOINER not in (a, b) and \
        is_rtl(a) != is_rtl(b)


def para(runs: Text | Run | str, style: ParagraphStyle, bullet: str | None = None
         ) -> Paragraph:
    """A Paragraph of ``runs`` (a plain string is one run). ``bullet`` is our own label."""
    if isinstance(runs, str | Run):
        runs = [runs if isinstance(runs, Run) else r(runs)]
    if any(is_rtl(x.text) for x in runs):
        style = _shaping(style)
    return WrapOnce(plain_text(runs), style, bulletText=bullet, frags=frags(runs, style))


class WrapOnce(Paragraph):
    """A paragraph that breaks its lines once for a given width: a table asks each cell
    for its size when it measures, splits and draws, and line breaking is the dossier's
    main cost."""

    _wrapped: tuple[float, float, float] | None = None  # width asked, width, height
    party: str | None = None  # whose profile it is part of: its parts on later pages say so
    continues: str | None = None  # said once at a page top (pages.DossierDoc), then None

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        done = self._wrapped
        if done is not None and done[0] == avail_w and "blPara" in self.__dict__:
            return done[1], done[2]
        w, h = super().wrap(avail_w, avail_h)
        self._wrapped = (avail_w, w, h)
        return w, h

    def draw(self) -> None:
        """Drawn with each line's words in reading order, each run of text in its own
        direction (only as drawn: a split keeps the typing order;
        casefile.report.bidi_lines)."""
        lines = getattr(self.__dict__.get("blPara"), "lines", None)
        if not getattr(self.style, "shaping", 0) or self.blPara.kind != 1 or not lines:
            super().draw()
            return
        typed = [line.words for line in lines]
        try:
            for line in lines:
                line.words = visual_order(line.words)
            super().draw()
        finally:
            for line, words in zip(lines, typed, strict=True):
                line.words = words

    def split(self, avail_w: float, avail_h: float) -> list[Paragraph]:
        parts = super().split(avail_w, avail_h)
        for part in parts[1:]:  # the rest goes on at the top of a later page
            part.party = part.continues = self.party
        return parts


_shaping_styles: dict[str, ParagraphStyle] = {}


def _shaping(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` with HarfBuzz shaping on: for paragraphs with right-to-left text."""
    found = _shaping_styles.get(style.name)
    if found is None:
        install()  # word by word, run by run (casefile.report.shaping)
        found = _shaping_styles[style.name] = ParagraphStyle(style.name + "-shaped",
                                                             parent=style, shaping=1)
    return found


class AnchoredParagraph(WrapOnce):
    """A paragraph that is also a link destination (its top edge), e.g. a source entry.
    When reportlab splits it across pages, only the first part keeps the anchor."""

    anchor: str | None = None

    def draw(self) -> None:
        if self.anchor:
            self.canv.bookmarkHorizontal(self.anchor, 0, self.height)
        super().draw()

    def split(self, avail_w: float, avail_h: float) -> list[Paragraph]:
        parts = super().split(avail_w, avail_h)
        if parts:
            parts[0].anchor = self.anchor
        return parts


def anchored(anchor: str, runs: Text, style: ParagraphStyle) -> Paragraph:
    if any(is_rtl(x.text) for x in runs):
        style = _shaping(style)
    p = AnchoredParagraph(plain_text(runs), style, frags=frags(runs, style))
    p.anchor = anchor
    return p
