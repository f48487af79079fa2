"""Paragraphs that hold right-to-left text beside other scripts, laid out and printed as a
dossier prints them (reportlab, the bundled fonts): look28 found a Sources line citing an
Arabic-named and a Chinese-named party stopped the export, the Chinese printed as □ where it
did not, Latin words beside Arabic took discretionary ligatures ('Logiﬆics'), and an Arabic
name in italics printed as □□□ (the oblique face has no Arabic), uncounted."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import SimpleDocTemplate

from casefile.report import fonts
from casefile.report.bidi_lines import visual_order
from casefile.report.rich import para, r
from casefile.report.styles import BODY_TEXT

fonts.register_fonts()
ARABIC = "عبد الرحمن بن خالد العتيبي"
CHINESE = "北京华夏精密仪器有限公司"


def _printed(runs):
    """(font, text) of each piece of each line, as a paragraph of ``runs`` printed in a
    real PDF lays them out."""
    p = para(runs, BODY_TEXT)
    SimpleDocTemplate(io.BytesIO()).build([p])  # (look28: raised here)
    return [[(w.fontName, str(w.text)) for w in line.words] for line in p.blPara.lines]


def test_a_line_citing_an_arabic_and_a_chinese_name_prints():
    lines = _printed([r("B2 ", bold=True), r(f"entity “{ARABIC}”, p. 1"), r("\n"),
                      r("B2 ", bold=True), r(f"entity “{CHINESE}”, p. 2")])
    assert (fonts.CJK, CHINESE) in lines[-1]  # not □, nor shaped in the body font


@pytest.mark.parametrize("words", ["Logistics staff first listed", "Ministry of Trade"])
def test_latin_beside_arabic_keeps_its_letters(words):
    lines = _printed([r(f"{ARABIC} — {words}")])
    text = " ".join(t for line in lines for _f, t in line)
    assert words in text  # no 'ﬆ', 'ﬁ': the letters as written
    assert not set(text) & set("ﬀﬁﬂﬃﬄﬅﬆ")
    assert any("\ufe70" <= ch <= "\ufefc" for ch in text)  # the Arabic is shaped


ANY = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(max_examples=300, deadline=None)
@given(ANY, st.sampled_from([fonts.BODY, fonts.BOLD, fonts.ITALIC]))
@example(f"أبو خالد — see {ARABIC}", fonts.ITALIC)
@example("Price ₾ 120, ₿ 0.1, ₼ 5", fonts.BODY)
def test_every_character_prints_in_a_face_that_has_it_or_is_counted(text, base):
    fonts.missing.clear()
    for piece, font in fonts.font_runs(text, base):
        assert font in (base, fonts.BODY, fonts.CJK, fonts.KOREAN)
        face = pdfmetrics.getFont(font).face
        for ch in piece:
            assert ord(ch) in face.charToGlyph or ch in "\t\n" or (
                ch == fonts.REPLACEMENT and fonts.missing), (ch, font)


MIXED = st.text(st.sampled_from(list("abc “”«»,.:()0123 ") + list("عبدالرحمن") + ["שלום"[0],
                                                                                "\u200c"]),
                max_size=60)


@settings(max_examples=300, deadline=None)
@given(MIXED)
@example(f"entity “{ARABIC}”, line 1")
def test_each_word_of_a_line_with_right_to_left_text_is_of_one_direction(text):
    """(look28) '“عبد' (a quote mark and an Arabic word) came out with the mark inside the
    name. A narrow no-break space now parts a right-to-left word from the marks joined to
    its ends — not from what lies between its letters ('ذ.م.م': review31); nothing else of
    the text changes."""
    out = fonts.apart(text)
    assert out.replace(fonts.WORD_JOINER, "") == text.replace(fonts.WORD_JOINER, "")
    if not fonts.is_rtl(text):
        assert out == text
    for word in _split(out):
        assert _one_direction(word), word


def _one_direction(word: str) -> bool:
    """No right-to-left letters, or begins and ends with one (a joiner aside)."""
    letters = [ch for ch in word if ch not in "\u200c\u200d"]
    rtl = [bool(fonts.RTL.match(ch)) for ch in letters]
    return not any(rtl) or (rtl[0] and rtl[-1])


def test_a_quoted_arabic_name_prints_as_words_of_one_direction():
    lines = _printed([r(f"entity “{ARABIC}”, line 1")])
    words = _split(" ".join(t for line in lines for _f, t in line))
    assert "“" in words and "”," in words  # (was '“عبد' and 'العتيبي”,')
    assert all(_one_direction(w) for w in words), words


def test_a_persian_name_keeps_its_zero_width_non_joiner():
    """(session 22) 'بین‌المللی' (international) printed joined as 'بینالمللی': the ZWNJ that
    keeps its two parts apart was dropped as an invisible character."""
    name = "شرکت ملی نفت بین\u200cالمللی"
    assert "".join(t for t, _f in fonts.font_runs(name)) == name
    assert "".join(t for t, _f in fonts.font_runs("a\u200cb")) == "ab"  # not in Latin text


@pytest.mark.parametrize("text", ["Company ذ.م.م (UAE)", "P.O. Box ص.ب 1234",
                                  'חברה בע"מ ok'])
def test_marks_between_the_letters_of_a_right_to_left_word_stay_in_it(text):
    """(review31) 'ذ.م.م' (LLC) was cut at its dots and printed 'م.م.ذ'."""
    assert fonts.apart(text) == text


def _line(runs):
    """The first laid-out line of a paragraph of ``runs``, in typing order and as drawn."""
    p = para(runs, BODY_TEXT)
    SimpleDocTemplate(io.BytesIO()).build([p])
    words = p.blPara.lines[0].words
    return words, visual_order(words)


def _tokens(frags):
    return _split(" ".join(str(f.text) for f in frags if getattr(f, "text", "")))


def _split(text):
    """Words as drawn: between spaces and word joiners (fonts.apart)."""
    return [w for w in re.split(r"[\s\u2060]+", text) if w]


def test_the_words_of_a_right_to_left_name_are_drawn_last_first():
    """(review31) reportlab drew a line's words in typing order: 'ب ممممم' (a short word,
    then a long one) printed with the short one on the left — an Arabic name read
    backwards. They are drawn in reading order; the line's own words keep typing order."""
    short, long_ = "ب", "ممممممممممممممم"
    typed, drawn = _line([r(f"XX {short} {long_} YY")])
    said = _tokens(drawn)
    assert said[0] == "XX" and said[-1] == "YY"
    shaped = said[1:-1]  # (HarfBuzz's glyphs: the long word is the longer)
    assert len(shaped[0]) > len(shaped[1])
    assert len(_tokens(typed)[1]) < len(_tokens(typed)[2])  # typing order kept


def test_marks_and_numbers_between_right_to_left_words_go_with_them():
    typed, drawn = _line([r("Firm “شركة (الخليج) 2021 للتجارة”, Dubai")])
    said = _tokens(drawn)
    assert said[0] == "Firm" and said[1] == "“" and said[-2:] == ["”,", "Dubai"]
    # reversed: 'للتجارة 2021 (الخليج) شركة' as drawn, the brackets turned round with them
    assert said[3] == "2021" and (said[4], said[6]) == ("(", ")")
    assert _tokens(typed)[3] == "(" and _tokens(typed)[6] == "2021"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["abc", "12", "“", "”", "(", ")", "عبد", "الرحمن", "שלום"]),
                max_size=12))
def test_drawing_order_keeps_every_word_and_leaves_left_to_right_lines_alone(words):
    from reportlab.platypus.paraparser import ParaFrag

    frag = ParaFrag()
    frag.text, frag.fontName, frag.fontSize = " ".join(words), fonts.BODY, 9
    drawn = visual_order([frag])
    out = _tokens(drawn)
    bracket = str.maketrans("()", "[[")  # a bracket may turn round: either counts
    assert sorted(w.translate(bracket) for w in out) == sorted(
        w.translate(bracket) for w in words)
    if not any(fonts.is_rtl(w) for w in words):
        assert drawn == [frag]
    # a word of another script keeps its place among its own: 'abc' words stay in order
    assert [w for w in out if w == "abc"] == [w for w in words if w == "abc"]



def test_a_pair_of_brackets_turns_round_together():
    """(review32) 'شركة الخليج (ذ.م.م)' at the end of a line printed with both brackets
    facing one way: its ')' stayed, its '(' turned round. A pair goes as one."""
    _typed, drawn = _line([r("Shipper: شركة الخليج (ذ.م.م)")])
    said = _tokens(drawn)
    assert said[0] == "Shipper:" and said[1] == "(" and said[3] == ")"  # (ذ.م.م) leftmost
    assert len(said) == 6


@pytest.mark.parametrize("mark", ["(2021)", "[2]", "[25%]", "(5)"])
def test_a_number_in_brackets_among_arabic_words_is_not_turned_inside_out(mark):
    """(review32) 'المادة (5) من القانون' printed ')5(' between the words."""
    _typed, drawn = _line([r(f"Law المادة {mark} من القانون applies")])
    assert mark in _tokens(drawn)


def test_a_number_after_arabic_words_goes_with_them():
    """(review32) 'قرار 265/2021 then' printed the number right of the word; the
    algorithm (rule W2) puts it left of it, as a word processor does."""
    _typed, drawn = _line([r("Ref قرار 265/2021 then text")])
    said = _tokens(drawn)
    assert said[:3] == ["Ref", "265/2021", said[2]] and fonts.is_rtl(said[2])


def test_no_line_ends_after_a_mark_parted_from_a_name():
    """(review32) The narrow space that parted '“' from an Arabic name let a line end
    after '“' (38 of 108 lines in a narrow cell). A word joiner parts them: no break."""
    from reportlab.platypus import Paragraph

    text = " ".join(f"“{ARABIC}” (ذ.م.م)," for _ in range(12))
    p = para([r(text)], BODY_TEXT)
    p.wrap(110, 10**6)  # a narrow table cell
    assert isinstance(p, Paragraph) and len(p.blPara.lines) > 10
    for line in p.blPara.lines:
        words = _split(" ".join(str(w.text) for w in line.words))
        assert words[0] not in ("”,", ")", ")," ) and words[-1] not in ("“", "(")


def test_a_figure_label_keeps_latin_words_and_orders_arabic_ones():
    """(review32) A chart label 'شركة Gulf Star للتجارة' printed 'ratS fluG' (shaped
    whole as right-to-left), and a name of several Arabic words in typing order."""
    from casefile.report.figure_text import label_strings

    said = [s.text for s in label_strings(0, 0, "شركة Gulf Star للتجارة", 7)]
    assert "Gulf" in said and "Star" in said and said.index("Gulf") < said.index("Star")
    words = [t for t in (s.text for s in label_strings(0, 0, "Ltd ب ممممممم", 7))
             if t.strip()]
    assert words[0] == "Ltd" and len(words[1]) > len(words[2])  # the long (last) word
    # drawn before the short one, on its left
    (whole,) = label_strings(0, 0, "ب ممممممم", 7)  # all right to left: shaped whole


def test_page_furniture_draws_a_mixed_title_word_by_word():
    """(review32) The page header and contents drew a title of Arabic and Latin words
    shaped whole, the Latin words backwards."""
    from reportlab.pdfgen.canvas import Canvas

    from casefile.report.figure_text import draw_text

    drawn = []

    class Recording(Canvas):
        def drawString(self, x, y, text, *args, **kwargs):  # noqa: N802 (reportlab's)
            drawn.append(str(text))
            return super().drawString(x, y, text, *args, **kwargs)

    canvas = Recording(io.BytesIO())
    width = draw_text(canvas, 500, 20, "شبكة Gulf Star — briefing", 9, anchor="end")
    assert "Gulf" in drawn and "Star" in drawn and width > 0
    canvas.save()
