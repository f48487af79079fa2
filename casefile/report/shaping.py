"""HarfBuzz shaping of a paragraph that holds right-to-left text, word by word.

reportlab shapes every word of such a paragraph (``shaping=1``) in the font of the word's
first run. A word of one run prints as it should; a word of several — a quote mark in the
body font and a Chinese name in the CJK font, as the dossier's Sources write ``“北京华夏…”`` —
was shaped in the body font: the Chinese came out as □, or the export stopped ('TTFont'
object has no attribute 'hbAddPrivate'; look28). And the Latin words beside the Arabic took
the body font's discretionary ligatures ('Logiﬆics', 'ﬁrﬆ'), unlike every other paragraph.

So here a word without right-to-left letters is left as it is (as in every other paragraph),
and a word with them is shaped run by run (one font each), with kerning and the standard
ligatures only. :func:`install` puts :func:`shape_word` in reportlab's paragraph module, in
place of its own (which it calls)."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen import textobject
from reportlab.platypus import paragraph

from casefile.report.fonts import JOINERS, WORD_JOINER, rtl_letters

FEATURES = {"kern": True, "liga": True}  # not 'dlig' (DejaVu's 'st' ligature: look28)
_own = ttfonts.shapeFragWord
_same = paragraph.sameFrag
_rise = textobject.PDFTextObject.setRise


def _special(frag: Any) -> bool:
    return hasattr(frag, "cbDefn")  # an anchor or an image in the word, not text


def shape_word(word: Any, features: Any = None, force: bool = False) -> Any:
    """A paragraph's word (``[width, (frag, text), …]``) as reportlab draws it: shaped
    where it holds right-to-left letters, run by run; else the word itself."""
    parts = word[1:]
    if not any(rtl_letters(text) for frag, text in parts if not _special(frag)):
        return word  # (Arabic-Indic digits alone read left to right: not shaped, review33)
    if any(isinstance(text, ttfonts.ShapedStr) for _frag, text in parts):
        return word  # shaped when the paragraph was first broken into lines: the rest of
        # one split at a page foot is broken again (review33: it stopped the export)
    parts = _at_joiners(parts)
    runs: list[list[Any]] = []  # the word's pieces, in runs of one font (and of one side
    for frag, text in parts:  # of a word joiner: casefile.report.fonts.apart)
        if runs and (_special(frag) or _special(runs[-1][-1][0])
                     or (runs[-1][-1][0].fontName == frag.fontName
                         and WORD_JOINER not in (text, runs[-1][-1][1])
                         and _isolate(runs[-1][-1][0]) == _isolate(frag))):
            runs[-1].append((frag, text))
        else:
            runs.append([(frag, text)])
    if len(runs) == 1:
        return _shape(word, force)
    total, pieces, changed = 0.0, [], False
    for run in runs:
        texts = [(frag, text) for frag, text in run if not _special(frag)]
        width = sum(pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
                    for frag, text in texts)
        if texts and any(rtl_letters(text) for _frag, text in texts):
            shaped = _shape([width, *run], force)
            if shaped is not None and shaped[1:] != run:
                changed = True
                width, run = shaped[0], list(shaped[1:])
        total += width
        pieces += run
    if not changed:
        return word
    return ttfonts.makeShapedFragWord(word)([total, *pieces])


def _shape(word: Any, force: bool) -> Any:
    """``word`` shaped by reportlab (HarfBuzz), without the glyphs HarfBuzz gives a zero
    width non-joiner or joiner: a space glyph, which the drawing in reading order took for
    a space between words (review33: 'پارس‌تجارت' printed 'تجارت‌پارس')."""
    shaped = _own(word, features=FEATURES, force=force)
    source = "".join(text for frag, text in word[1:] if not _special(frag))
    if shaped is None or shaped is word or not any(c in JOINERS for c in source):
        return shaped
    for k in range(1, len(shaped)):
        frag, text = shaped[k]
        if not isinstance(text, ttfonts.ShapedStr):
            continue
        data = text.__shapeData__
        keep = [i for i, sd in enumerate(data)
                if not (0 <= sd.cluster < len(source) and source[sd.cluster] in JOINERS)]
        if len(keep) < len(data):
            chars = str(text)
            shaped[k] = (frag, ttfonts.ShapedStr("".join(chars[i] for i in keep),
                                                 shapeData=[data[i] for i in keep]))
    return shaped


def _at_joiners(parts: list[Any]) -> list[Any]:
    """The word's pieces with each word joiner a piece of its own."""
    out = []
    for frag, text in parts:
        if _special(frag) or WORD_JOINER not in text or text == WORD_JOINER:
            out.append((frag, text))
            continue
        for i, bit in enumerate(text.split(WORD_JOINER)):
            if i:
                out.append((frag, WORD_JOINER))
            if bit:
                out.append((frag, bit))
    return out


def _isolate(frag: Any) -> Any:
    """The text that stands alone a fragment is part of (casefile.report.rich), or None."""
    return frag.__dict__.get("isolate")


def same_frag(f: Any, g: Any) -> bool:
    """reportlab's test whether two fragments of a line may be drawn as one, which also
    keeps apart a text that stands alone from what is around it (it is laid out in its own
    direction: casefile.report.bidi_lines)."""
    return bool(_same(f, g)) and _isolate(f) == _isolate(g)


def _set_rise(text: Any, rise: float) -> None:
    """reportlab's, for a line whose first glyph is raised: it reads the text's last
    instruction, and there is none yet (review33: a line that begins with a word ending
    in 'اً' — 'فعلاً', drawn last letter first, its mark raised — stopped the export)."""
    if not text._code:
        text._code.append("")
    _rise(text, rise)


def install() -> None:
    """Shape paragraphs' words with :func:`shape_word`, join a line's fragments with
    :func:`same_frag`, and raise a line's first glyph with :func:`_set_rise` (once;
    reportlab calls them by these names)."""
    if paragraph.shapeFragWord is not shape_word:
        paragraph.shapeFragWord = shape_word
        paragraph.sameFrag = same_frag
        textobject.PDFTextObject.setRise = _set_rise


__all__ = ["FEATURES", "install", "same_frag", "shape_word"]
