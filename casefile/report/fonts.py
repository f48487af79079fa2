"""Fonts for the dossier, embedded as subsets: DejaVu Sans (Latin, Cyrillic, Greek) and Droid
Sans Fallback (CJK). Paragraphs are built from text runs (:mod:`casefile.report.rich`), which
switch to the CJK font for CJK characters; graphics labels use :func:`font_for`."""

from __future__ import annotations

import re

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from casefile.paths import resource_path

BODY = "CasefileSans"
BOLD = "CasefileSans-Bold"
ITALIC = "CasefileSans-Oblique"
CJK = "CasefileCJK"
CJK_RUN = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+")
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    for name, file in ((BODY, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf"),
                       (ITALIC, "DejaVuSans-Oblique.ttf"), (CJK, "DroidSansFallbackFull.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    addMapping(BODY, 0, 0, BODY)
    addMapping(BODY, 1, 0, BOLD)
    addMapping(BODY, 0, 1, ITALIC)
    addMapping(BODY, 1, 1, BOLD)
    addMapping(CJK, 0, 0, CJK)
    addMapping(CJK, 1, 0, CJK)
    addMapping(CJK, 0, 1, CJK)
    addMapping(CJK, 1, 1, CJK)
    # Drawings start from a default font state; make it ours so that no unembedded
    # standard font (Helvetica) is ever referenced.
    from reportlab import rl_config
    from reportlab.graphics import shapes
    from reportlab.platypus.tables import CellStyle

    shapes.STATE_DEFAULTS["fontName"] = BODY
    rl_config.canvas_basefontname = BODY
    CellStyle.fontname = BODY  # tables set a cell font even when cells hold paragraphs
    _registered = True


def has_cjk(text: str) -> bool:
    return bool(CJK_RUN.search(text or ""))


def font_for(text: str, bold: bool = False) -> str:
    """One font for a whole string, for graphics labels that cannot switch fonts."""
    if has_cjk(text):
        return CJK
    return BOLD if bold else BODY
