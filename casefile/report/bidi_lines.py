"""Right-to-left words in the order they are read, line by line, as a paragraph is drawn.

reportlab breaks a paragraph into lines in typing order and, for a paragraph it shapes
(:mod:`casefile.report.shaping`), draws each line's words left to right in that order: a
name of several Arabic or Hebrew words read backwards ('عبد الرحمن' with 'عبد' on the left;
review31 — reportlab's own reordering needs its rlbidi, not on PyPI, and is off for
paragraphs of several fragments). :func:`visual_order`
takes one drawn line's fragments and gives them back with each run of right-to-left words
(and the spaces, numbers and marks between them) reversed, the rule of the Unicode
bidirectional algorithm at the level of words in a left-to-right paragraph: a neutral word
(digits, a quote mark, a bracket) takes the direction of the words on both its sides when
they agree, else the paragraph's; a bracket that comes to stand right to left is mirrored.
Each right-to-left word is already in visual order within itself (HarfBuzz shaped it)."""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase.ttfonts import ShapedStr

from casefile.report.fonts import RTL

_TOKEN = re.compile(r"\S+|\s+")
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")  # brackets, standing right to left
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script


def _kind(piece: str) -> str:
    """'R' (right to left), 'L' (a letter of another script), ' ' (space) or 'N'."""
    if RTL.search(piece):
        return "R"
    if piece.isspace():
        return " "
    return "L" if _LETTER.search(piece) else "N"


def _mirrored(piece: Any) -> Any:
    text = str(piece).translate(_MIRROR)
    if text == str(piece):
        return piece
    return ShapedStr(text, shapeData=piece.__shapeData__) if isinstance(piece, ShapedStr) \
        else text


def visual_order(frags: list[Any]) -> list[Any]:
    """A drawn line's fragments with its right-to-left runs of words reversed (new
    fragments where one is cut; the line's own are not changed)."""
    tokens: list[tuple[Any, Any, str]] = []  # (fragment, its piece or None, kind)
    for f in frags:
        text = getattr(f, "text", None)
        if hasattr(f, "cbDefn") or not text:
            tokens.append((f, None, "N"))
            continue
        for m in _TOKEN.finditer(str(text)):
            piece = text[m.start():m.end()]  # (a ShapedStr's slice keeps its glyphs)
            tokens.append((f, piece, _kind(str(piece))))
    kinds = [k for _f, _p, k in tokens]
    if "R" not in kinds:
        return frags
    before, after = _strong_sides(kinds)
    rtl = [k == "R" or (k in " N" and before[i] == after[i] == "R")
           for i, k in enumerate(kinds)]
    ordered: list[tuple[Any, Any]] = []
    i = 0
    while i < len(tokens):
        if not rtl[i]:
            ordered.append(tokens[i][:2])
            i += 1
            continue
        j = i
        while j < len(tokens) and rtl[j]:
            j += 1
        ordered += [(f, _mirrored(p) if p is not None and k != "R" else p)
                    for f, p, k in reversed(tokens[i:j])]
        i = j
    return _joined(ordered)


def _strong_sides(kinds: list[str]) -> tuple[list[str], list[str]]:
    """For each token, the nearest strong kind ('R' or 'L') before and after it; the
    paragraph's ('L') at either end."""
    before, seen = [], "L"
    for k in kinds:
        before.append(seen)
        seen = k if k in "RL" else seen
    after, seen = [""] * len(kinds), "L"
    for i in range(len(kinds) - 1, -1, -1):
        after[i] = seen
        seen = kinds[i] if kinds[i] in "RL" else seen
    return before, after


def _joined(ordered: list[tuple[Any, Any]]) -> list[Any]:
    """Fragments again: neighbouring pieces of one fragment joined into a copy of it."""
    out: list[Any] = []
    last: Any = None
    for f, piece in ordered:
        if piece is None:
            out.append(f)
            last = None
            continue
        if last is not None and last[0] is f:
            last[1].text = last[1].text + piece
            continue
        copy = f.clone() if hasattr(f, "clone") else f
        copy.text = piece
        out.append(copy)
        last = (f, copy)
    return out


__all__ = ["visual_order"]
