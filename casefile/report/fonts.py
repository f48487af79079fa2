"""Fonts for the dossier, embedded as subsets: DejaVu Sans (Latin, Cyrillic, Greek, Arabic,
Hebrew), Droid Sans Fallback (Chinese, Japanese) and Casefile Hangul (NanumSquare's Hangul;
Droid has three Hangul syllables of 11,172 — look25: a DPRK designation's 김민준 printed as
□□□). Every string is printed as runs of one font each (:func:`font_runs`): Hangul in the
Korean font, other CJK characters in the CJK font, the rest in the body font; a character no
font has is printed as a visible replacement mark and counted (:data:`missing`), so the
export can say what it could not print. Right-to-left runs (Arabic, Hebrew) are shaped with
HarfBuzz and laid out right to left."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from casefile.paths import resource_path

BODY = "CasefileSans"
BOLD = "CasefileSans-Bold"
ITALIC = "CasefileSans-Oblique"
CJK = "CasefileCJK"
KOREAN = "CasefileKorean"
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\u3200-\u321e\u3260-\u327f\ua960-\ua97f"
                    r"\uac00-\ud7ff]")  # ㈜ (review26) among them
REPLACEMENT = "\u25a1"  # WHITE SQUARE: what prints for a character no font has
CJK_RUN = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+")
_RTL_CLASS = r"\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"  # Hebrew, Arabic and their forms
RTL = re.compile(f"[{_RTL_CLASS}]")
# invisible characters, dropped from what is printed (the body font may have glyphs for some)
_INVISIBLE = "\r\u200b\u200c\u200d\u200e\u200f\ufeff"
JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ: kept in right-to-left text, where they shape it
# text the body font prints as it is (the common case, checked by one regex)
_EASY = re.compile(r"[\t\n\x20-\x7e\u00a0-\u024f\u0370-\u03ff\u0400-\u052f\u2000-\u200a"
                   r"\u2010-\u206f"
                   r"\u20a0-\u20bf\u2100-\u214f\u2190-\u21ff\u2212\u25a1]*")
_registered = False
_hard: dict[str, re.Pattern[str]] = {}  # per font of the body: the characters it lacks
missing: Counter[str] = Counter()  # characters printed as REPLACEMENT since the last reset


def register_fonts() -> None:
    global _registered, _hard, _EASY
    if _registered:
        return
    for name, file in ((BODY, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf"),
                       (ITALIC, "DejaVuSans-Oblique.ttf"), (CJK, "DroidSansFallbackFull.ttf"),
                       (KOREAN, "CasefileHangul.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    addMapping(BODY, 0, 0, BODY)
    addMapping(BODY, 1, 0, BOLD)
    addMapping(BODY, 0, 1, ITALIC)
    addMapping(BODY, 1, 1, BOLD)
    for fallback in (CJK, KOREAN):
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(fallback, bold, italic, fallback)
    faces = {font: _cmap(font) for font in (BODY, BOLD, ITALIC)}
    _hard = {font: re.compile("[^" + _ranges(codes) + "]+") for font, codes in faces.items()}
    # the fast path only for what all three print (session 22: ₿ ₾ ₼ lie in its ranges,
    # and DejaVu has none of them: they printed as □ uncounted)
    _EASY = re.compile("[" + _ranges({c for c in range(0x20, 0x2200) if _EASY.fullmatch(
        chr(c)) and all(c in codes for codes in faces.values())}) + "]*")
    # Drawings start from a default font state; make it ours so that no unembedded
    # standard font (Helvetica) is ever referenced.
    from reportlab import rl_config
    from reportlab.graphics import shapes
    from reportlab.platypus.tables import CellStyle

    shapes.STATE_DEFAULTS["fontName"] = BODY
    rl_config.canvas_basefontname = BODY
    CellStyle.fontname = BODY  # tables set a cell font even when cells hold paragraphs
    _registered = True


def _cmap(font: str) -> set[int]:
    return set(pdfmetrics.getFont(font).face.charToGlyph)


def _ranges(codes: set[int]) -> str:
    """A regex character class body for ``codes`` as ranges."""
    skip = {0x5c, 0x5d, 0x5e, 0x2d, *map(ord, _INVISIBLE)}
    out, ordered = [], sorted(c for c in codes if c > 0x1f and c not in skip)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        a, b = ordered[i], ordered[j]
        out.append(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}")
        i = j + 1
    return "".join(out) + "\\\\\\]\\^\\-\\t\\n"


@lru_cache(maxsize=3)
def _fallback_cmap(font: str) -> frozenset[int]:
    return frozenset(_cmap(font))


def has_cjk(text: str) -> bool:
    return bool(CJK_RUN.search(text or ""))


def is_simple(text: str) -> bool:
    """Whether the body font prints ``text`` as it is, left to right (no fallback)."""
    return bool(_EASY.fullmatch(text or ""))


def is_rtl(text: str) -> bool:
    return bool(RTL.search(text or ""))


def rtl_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of a right-to-left script — not only its digits
    ('١٢٣٤٥', which read left to right: review33) or punctuation."""
    return any(c.isalpha() for c in RTL.findall(text or ""))


# a word with right-to-left letters, and what stands before its first and after its last
# with no space between ('“عبد', 'العتيبي”,', '(ذ.م.م)'): parted by a word joiner (no width,
# no line break: review32 — a narrow space let a line end after '“'), where the shaping
# (casefile.report.shaping) and the drawing in reading order (casefile.report.bidi_lines)
# take them as words of their own; what lies between its letters ('ذ.م.م', 'בע"מ') is the
# word's own (review31)
_EDGES = re.compile(rf"(?<!\S)([^\s{_RTL_CLASS}]*)([{_RTL_CLASS}](?:\S*[{_RTL_CLASS}])?)"
                    rf"([^\s{_RTL_CLASS}]*)(?!\S)")
WORD_JOINER = "\u2060"


def apart(text: str) -> str:
    """``text`` with a word joiner between a right-to-left word and the marks joined to
    its ends, so that each is drawn as a word of one direction."""
    if not is_rtl(text):
        return text
    return _EDGES.sub(lambda m: WORD_JOINER.join(x for x in m.groups() if x), text)


def font_runs(text: str, base: str = BODY) -> list[tuple[str, str]]:
    """``text`` as runs of (text, font): the base font where it has the glyphs, the body
    font where it has them and the base font (bold, oblique) does not (look28: an Arabic
    name in italics printed as □□□, uncounted: DejaVu Sans Oblique has no Arabic), the
    Korean font for Hangul, the CJK font for what only it has, and the replacement mark
    (counted in :data:`missing`) for what none has."""
    hard = _hard.get(base) or _hard.get(BODY)
    if not text or _EASY.fullmatch(text) or hard is None:
        return [(text, base)] if text else []
    out: list[tuple[str, str]] = []

    def add(piece: str, font: str) -> None:
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + piece, font)
        else:
            out.append((piece, font))
    pos = 0
    rtl = is_rtl(text)
    cjk, korean, body = _fallback_cmap(CJK), _fallback_cmap(KOREAN), _fallback_cmap(BODY)
    for m in hard.finditer(text):
        if m.start() > pos:
            add(text[pos:m.start()], base)
        for ch in m.group(0):
            if ch in JOINERS and rtl:  # within a Persian word ('بین‌المللی'): shaped by
                # HarfBuzz, which draws nothing of it, in the font of the letter before it
                # (review31: bold Persian was cut into three runs around it)
                add(ch, out[-1][1] if out else base)
            elif ch in _INVISIBLE:  # dropped
                continue
            elif base != BODY and ord(ch) in body:
                add(ch, BODY)
            elif ord(ch) in korean and HANGUL.match(ch):
                add(ch, KOREAN)
            elif ord(ch) in cjk:
                add(ch, CJK)
            elif ord(ch) in korean:
                add(ch, KOREAN)
            else:
                missing[ch] += 1
                add(REPLACEMENT, base)
        pos = m.end()
    if pos < len(text):
        add(text[pos:], base)
    return out


def shaped(text: str, font: str, size: float) -> tuple[str, float]:
    """A run as drawn: right-to-left text shaped by HarfBuzz (visual order), with its
    width."""
    if rtl_letters(text) and pdfmetrics.getFont(font).shapable:
        from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

        try:
            s = shapeStr(text, font, size)
        except (ImportError, ValueError):  # no uharfbuzz: print it unshaped
            return text, pdfmetrics.stringWidth(text, font, size)
        if isinstance(s, ShapedStr):
            return s, sum(g.x_advance for g in s.__shapeData__) * size / 1000
    return text, pdfmetrics.stringWidth(text, font, size)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` prints, run by run."""
    return sum(shaped(t, f, size)[1] for t, f in font_runs(text, BOLD if bold else BODY))
