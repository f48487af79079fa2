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

from casefile.report.fonts import RTL, WORD_JOINER

# words, spaces and word joiners (casefile.report.fonts.apart)
_TOKEN = re.compile(rf"{WORD_JOINER}|[^\s{WORD_JOINER}]+|\s+")
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
_OPENING, _CLOSING = "([{<«‹", ")]}>»›"
_MIRROR = str.maketrans(_OPENING + _CLOSING, _CLOSING + _OPENING)  # standing right to left
_EDGE = _OPENING + _CLOSING + "“”‘’\"'.,:;!?"  # marks that turn round at a word's ends


def _kind(piece: str) -> str:
    """'R' (right to left), 'L' (a letter of another script), ' ' (space, joiner) or
    'N'."""
    if RTL.search(piece):
        return "R"
    if piece.isspace() or piece == WORD_JOINER:
        return " "
    return "L" if _LETTER.search(piece) else "N"


def _turned(piece: Any) -> Any:
    """A neutral word as it stands in a right-to-left run: the marks at its ends swapped
    round and mirrored, what lies between them as it is ('(2021)' stays '(2021)', not
    ')2021(': review32; '25%' stays)."""
    text = str(piece)
    head = len(text) - len(text.lstrip(_EDGE))
    tail = len(text) - len(text.rstrip(_EDGE))
    if head + tail >= len(text):  # marks only: all of it turns round
        head, tail = len(text), 0
    order = ([*range(len(text) - 1, len(text) - tail - 1, -1)]
             + [*range(head, len(text) - tail)] + [*range(head - 1, -1, -1)])
    if order == list(range(len(text))) and text == text.translate(_MIRROR):
        return piece
    chars = [piece[k:k + 1] for k in order]  # (a ShapedStr's slices keep their glyphs)
    out = [ShapedStr(c.translate(_MIRROR), shapeData=c.__shapeData__)
           if isinstance(c, ShapedStr) else str(c).translate(_MIRROR) for c in chars]
    joined = out[0]
    for c in out[1:]:
        joined = joined + c
    return joined


def _pairs(texts: list[str], kinds: list[str]) -> list[tuple[int, int]]:
    """The brackets standing alone that open and close each other, as (opening, closing)
    token indexes."""
    stack: list[tuple[int, str]] = []
    pairs = []
    for i, (text, kind) in enumerate(zip(texts, kinds, strict=True)):
        if kind != "N" or len(text) != 1:
            continue
        if text in _OPENING:
            stack.append((i, _CLOSING[_OPENING.index(text)]))
        elif text in _CLOSING:
            while stack and stack[-1][1] != text:
                stack.pop()
            if stack:
                pairs.append((stack.pop()[0], i))
    return pairs


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
    # a pair of brackets goes as one, a strong word of its own: right to left when it
    # holds right-to-left words and none of another script and what stands before it is
    # right to left ('شركة (ذ.م.م)' at a line's end: review32 — its ')' stayed, its '('
    # turned round), else left to right
    before, _after = _strong_sides(kinds)
    strong = list(kinds)
    for i, j in _pairs([str(p) if p is not None else "" for _f, p, _k in tokens], kinds):
        inside = set(kinds[i + 1:j])
        strong[i] = strong[j] = "R" if "R" in inside and "L" not in inside and \
            before[i] == "R" else "L"
    # a number after right-to-left words is one of them, whatever follows it ('قرار
    # 265/2021 then' reads '265/2021 قرار then': review32), as the algorithm's rule W2 says
    before, _after = _strong_sides(strong)
    for i, (_f, p, _k) in enumerate(tokens):
        if strong[i] == "N" and before[i] == "R" and any(c.isdigit() for c in str(p)):
            strong[i] = "R"
    before, after = _strong_sides(strong)
    rtl = [k == "R" or (k in " N" and before[i] == after[i] == "R")
           for i, k in enumerate(strong)]
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
        ordered += [(f, _turned(p) if p is not None and k != "R" else p)
                    for f, p, k in reversed(tokens[i:j])]  # (k: as read, not as paired)
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


class _Run:
    """A run of a figure's label (text in one font) as :func:`visual_order` takes it."""

    def __init__(self, text: str, font: str) -> None:
        self.text, self.font = text, font

    def clone(self) -> _Run:
        return _Run(self.text, self.font)


def visual_words(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A label's runs of (text, font) as (word or space, font), in the order they are
    drawn: each right-to-left word alone, to be shaped alone (review32: a label shaped
    whole printed its Latin words backwards, 'ratS fluG')."""
    out = []
    for run in visual_order([_Run(t, f) for t, f in runs]):
        out += [(piece, run.font) for piece in _TOKEN.findall(str(run.text))]
    return out


__all__ = ["visual_order", "visual_words"]
