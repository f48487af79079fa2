"""Paragraph and table styles of the dossier."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from casefile.report.fonts import BODY, BOLD, ITALIC

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A5A5A")
RULE = colors.HexColor("#BBBBBB")
HEAD_BG = colors.HexColor("#E8ECF1")
LINK = colors.HexColor("#0B4F8A")


def _p(name: str, **kw: object) -> ParagraphStyle:
    base = {"fontName": BODY, "fontSize": 9.5, "leading": 12.5, "textColor": INK,
            "alignment": TA_LEFT, "allowWidows": 0}  # no last line alone atop a page
    base.update(kw)
    return ParagraphStyle(name, **base)


BODY_TEXT = _p("body")
SMALL = _p("small", fontSize=8, leading=10)
CELL = _p("cell", fontSize=7.5, leading=9.2)
CELL_HEAD = _p("cellhead", fontName=BOLD, fontSize=7.5, leading=9.2)
CELL_HEAD_RIGHT = _p("cellheadright", fontName=BOLD, fontSize=7.5, leading=9.2,
                     alignment=TA_RIGHT)
MUTED_TEXT = _p("muted", textColor=MUTED, fontSize=8.5, leading=11)
NOTE = _p("note", fontName=ITALIC, textColor=MUTED, fontSize=8.5, leading=11)
H1 = _p("h1", fontName=BOLD, fontSize=17, leading=21, spaceBefore=18, spaceAfter=10)
H2 = _p("h2", fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=5)
H3 = _p("h3", fontName=BOLD, fontSize=10.5, leading=13.5, spaceBefore=8, spaceAfter=3)
TITLE = _p("title", fontName=BOLD, fontSize=24, leading=30, spaceAfter=14)
SUBTITLE = _p("subtitle", fontSize=12, leading=16, textColor=MUTED, spaceAfter=6)
TOC_ENTRY = _p("toc", fontSize=10.5, leading=17)
FACT = _p("fact", fontSize=7.5, leading=9.6, leftIndent=72, bulletIndent=2,
          bulletFontName=BOLD, bulletFontSize=7.5, spaceAfter=1)
CONTINUED = _p("continued", fontSize=9, leading=12, textColor=MUTED, spaceAfter=3)
