"""Words in the order they are read, line by line, as a paragraph or label is drawn.

reportlab breaks a paragraph into lines in typing order and, for a paragraph it shapes
(:mod:`casefile.report.shaping`), draws each line's words left to right in that order: a
name of several Arabic or Hebrew words read backwards ('عبد الرحمن' with 'عبد' on the left;
review31 — reportlab's own reordering needs its rlbidi, not on PyPI, and is off for
paragraphs of several fragments). :func:`visual_order` takes one drawn line's fragments and
gives them back in the order of the Unicode bidirectional algorithm at the level of words:
a paragraph's direction is its first letter's (:func:`direction`: one that begins in Arabic
is laid out right to left); a neutral word (digits, a quote mark, a bracket) takes the
direction of the words on both its sides when they agree, else the paragraph's; a number
goes with the words before it; a pair of brackets goes as one; a bracket that comes to
stand right to left is mirrored. Each right-to-left word is already in visual order within
itself (HarfBuzz shaped it). Checked against python-bidi (tests)."""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase.ttfonts import ShapedStr

from casefile.report.fonts import RTL, WORD_JOINER, rtl_letters

# words, spaces and word joiners (casefile.report.fonts.apart)
_TOKEN = re.compile(rf"{WORD_JOINER}|[^\s{WORD_JOINER}]+|\s+")
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
_DIGIT = re.compile(r"\d")
_OPENING, _CLOSING = "([{<«‹", ")]}>»›"
_MIRROR = str.maketrans(_OPENING + _CLOSING, _CLOSING + _OPENING)  # standing right to left
_EDGE = _OPENING + _CLOSING + "“”‘’\"'.,:;!?"  # marks that turn round at a word's ends


def _kind(piece: str) -> str:
    """'R' (right to left), 'L' (a letter of another script), ' ' (space, joiner) or
    'N'."""
    if rtl_letters(piece):  # (Arabic-Indic digits are a number's: review33)
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


def direction(text: str) -> str:
    """'R' when the first letter of ``text`` is of a right-to-left script, else 'L' (the
    paragraph's direction as the bidirectional algorithm finds it, rules P2 and P3)."""
    m = _LETTER.search(text)
    return "R" if m is not None and RTL.match(m.group(0)) else "L"


def visual_order(frags: list[Any], base: str = "L") -> list[Any]:
    """A drawn line's fragments in the order they are drawn, left to right, in a paragraph
    of direction ``base`` ('L' or 'R': :func:`direction`): in a left-to-right one its runs of
    right-to-left words reversed; in a right-to-left one the line reversed and its runs of
    left-to-right words kept in order within it (new fragments where one is cut; the
    line's own are not changed). A fragment of a text that stands alone (``isolate``: its
    run and direction, casefile.report.rich) is laid out in that text's own direction, as
    a word of the line (an isolate, in the algorithm's words: an Arabic note's own order is
    not mixed with the sentence around it)."""
    tokens: list[tuple[Any, Any, str]] = []  # (fragment, its piece or None, kind)
    groups: list[tuple[Any, int]] = []  # (isolate, its first token)
    for f in frags:
        isolate = getattr(f, "isolate", None)
        if not groups or groups[-1][0] != isolate:
            groups.append((isolate, len(tokens)))
        text = getattr(f, "text", None)
        if hasattr(f, "cbDefn") or not text:
            tokens.append((f, None, "N"))
            continue
        for m in _TOKEN.finditer(str(text)):
            a, b = m.start(), m.end()
            kind = _kind(text[a:b])
            if kind in "LN" and text[a:b].strip(_EDGE):  # its marks apart ('Star:', 'Ltd.',
                # '(2021)'): they take the direction of what is around them (review33:
                # a colon typed after a Latin name in an Arabic title stayed on its right)
                core = str(text[a:b]).strip(_EDGE)
                head = str(text[a:b]).index(core)
                tail = head + len(core)
                for x, y in ((a, a + head), (a + head, a + tail), (a + tail, b)):
                    if y > x:
                        piece = text[x:y]  # (a ShapedStr's slice keeps its glyphs)
                        tokens.append((f, piece, _kind(str(piece))))
                continue
            tokens.append((f, text[a:b], kind))
    if not any(k == "R" for _f, _p, k in tokens) and base == "L" and not any(
            g and g[-1] == "R" for g, _i in groups):
        return frags
    ordered: list[tuple[Any, Any]] = []
    ends = [i for _g, i in groups[1:]] + [len(tokens)]
    for (isolate, start), end in zip(groups, ends, strict=True):
        if isolate is None:
            ordered += _ordered(tokens[start:end], base)
            continue
        # the spaces at a run's ends stand outside it, where they were typed (reportlab
        # puts the space between two runs at the end of the first)
        while start < end and tokens[start][2] == " ":
            ordered.append(tokens[start][:2])
            start += 1
        last = end
        while last > start and tokens[last - 1][2] == " ":
            last -= 1
        ordered += _ordered(tokens[start:last], isolate[-1])
        ordered += [t[:2] for t in tokens[last:end]]
    return _joined(ordered)


def _ordered(tokens: list[tuple[Any, Any, str]], base: str) -> list[tuple[Any, Any]]:
    """(fragment, piece) of ``tokens`` in the order drawn, in direction ``base``."""
    kinds = [k for _f, _p, k in tokens]
    other = "R" if base == "L" else "L"
    texts = [str(p) if p is not None else "" for _f, p, _k in tokens]
    # a number goes with the letters before it, whatever follows it ('قرار 265/2021 then'
    # reads '265/2021 قرار then': review32), as the algorithm's rules W2 and W7 say
    before, _after = _strong_sides(kinds, base)
    strong = [before[i] if k == "N" and _DIGIT.search(texts[i]) else k
              for i, k in enumerate(kinds)]
    # a pair of brackets goes as one, a strong word of its own: of the paragraph's direction
    # when it holds a word of it; else of the other when it holds one and what stands
    # before it is of the other too ('شركة (ذ.م.م)' at a line's end: review32 — its ')'
    # stayed, its '(' turned round); else of the paragraph's; a pair that holds no word
    # is left to its neighbours (rule N0)
    for i, j in sorted(_pairs(texts, kinds)):  # in order: a pair resolved is the context
        inside = set(strong[i + 1:j])  # of the next (as the algorithm says)
        if base in inside or other in inside:
            context = next((k for k in reversed(strong[:i]) if k in "RL"), base)
            strong[i] = strong[j] = other if base not in inside and context == other else base
    before, after = _strong_sides(strong, base)
    rtl = [k == "R" or (k in " N" and (before[i] if before[i] == after[i] else base) == "R")
           for i, k in enumerate(strong)]
    placed = [(f, _turned(p) if p is not None and k != "R" and rtl[i] else p)
              for i, (f, p, k) in enumerate(tokens)]  # (k: as read, not as paired)
    if base == "R":  # the line reversed, its left-to-right runs turned back within it
        placed.reverse()
        rtl.reverse()
    ordered: list[tuple[Any, Any]] = []
    i = 0
    while i < len(placed):
        j = i
        while j < len(placed) and rtl[j] == rtl[i]:
            j += 1
        run = placed[i:j]
        ordered += run[::-1] if rtl[i] == (base == "L") else run
        i = j
    return ordered


def _strong_sides(kinds: list[str], base: str = "L") -> tuple[list[str], list[str]]:
    """For each token, the nearest strong kind ('R' or 'L') before and after it; the
    paragraph's (``base``) at either end."""
    before, seen = [], base
    for k in kinds:
        before.append(seen)
        seen = k if k in "RL" else seen
    after, seen = [""] * len(kinds), base
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
    drawn, in the label's direction (:func:`direction`): each right-to-left word alone, to
    be shaped alone (review32: a label shaped whole printed its Latin words backwards,
    'ratS fluG')."""
    out = []
    base = direction("".join(t for t, _f in runs))
    for run in visual_order([_Run(t, f) for t, f in runs], base):
        out += [(piece, run.font) for piece in _TOKEN.findall(str(run.text))]
    return out


__all__ = ["direction", "visual_order", "visual_words"]
