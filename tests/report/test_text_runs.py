"""Properties of how case text is cut into printable runs: nothing is lost or invented."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casefile.report import fonts
from casefile.report.tables import Overflow

fonts.register_fonts()
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(TEXT)
@example("\u200b")  # the body font has a glyph for it: dropped all the same
@example("a\u200bb\ufeffc\u2010d\r")
@example("شرکت بین\u200cالمللی")
def test_runs_give_back_the_text_with_only_unprintables_replaced(text):
    fonts.missing.clear()
    runs = fonts.font_runs(text)
    joined = "".join(t for t, _f in runs)
    dropped = set("\r\u200b\u200c\u200d\u200e\u200f\ufeff")
    if fonts.is_rtl(text):  # (session 22) ZWNJ and ZWJ shape right-to-left text: kept
        dropped -= set(fonts.JOINERS)
    kept = [ch for ch in text if ch not in dropped]
    assert len(joined) == len(kept)
    for got, ch in zip(joined, kept, strict=True):
        assert got == ch or (got == fonts.REPLACEMENT and fonts.missing[ch] > 0)
    assert all(f in (fonts.BODY, fonts.CJK, fonts.KOREAN) for _t, f in runs)
    for t, f in runs:  # every character printed in a font that has it
        face = __import__("reportlab.pdfbase.pdfmetrics", fromlist=["x"]).getFont(f).face
        assert all(ord(ch) in face.charToGlyph or ch in "\t\n" for ch in t)


@given(st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1,
               max_size=20))
def test_every_hangul_syllable_prints_in_one_korean_font(name):
    """(look25) A DPRK designation's 김민준 printed as □□□: Droid Sans Fallback holds three
    Hangul syllables of 11,172 (가 among them, which must not print in another face than
    the rest of its name)."""
    fonts.missing.clear()
    assert fonts.font_runs("㈜대우") == [("㈜대우", fonts.KOREAN)]  # (review26: ㈜ was □)
    assert fonts.font_runs(f"KIM Min Jun ({name})") == [
        ("KIM Min Jun (", fonts.BODY), (name, fonts.KOREAN), (")", fonts.BODY)]
    assert not fonts.missing


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=20, max_value=800))
def test_a_cut_cell_links_to_a_note_holding_the_whole_text(text, chars):
    notes = Overflow("t")
    runs = notes.cut(text, "label", chars=chars)
    shown = "".join(r.text for r in runs)
    if notes.notes:
        assert notes.notes[0][2] == text  # the note has it all
        assert "continued in note 1" in shown and runs[-1].link == "t-note-1"
        head = runs[0].text.removesuffix(" …")
        assert text.startswith(head.rstrip()) or text.replace("\n", " ").startswith(head)
    else:
        assert shown == text
