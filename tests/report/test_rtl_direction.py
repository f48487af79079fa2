"""A text of the case that stands alone in a dossier line (a note, an excerpt, a name) is
laid out in its own direction — right to left when it begins in Arabic or Hebrew — while the
sentence around it stays left to right: before, an Arabic note that names 'ZALA Aero Group'
printed its clauses in an English sentence's order. A label begins in its first letter's
direction. The word order is checked against an implementation of the Unicode
bidirectional algorithm (python-bidi, Rust's unicode-bidi)."""

from __future__ import annotations

import io
import re

import pytest
from bidi import get_display
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reportlab.platypus import SimpleDocTemplate

from casefile.report import fonts
from casefile.report.bidi_lines import _Run, direction, visual_order
from casefile.report.figure_text import label_strings
from casefile.report.rich import para, r
from casefile.report.styles import BODY_TEXT

fonts.register_fonts()
WORDS = ["عبد", "الرحمن", "شركة", "שלום", "Gulf", "Star", "Ltd", "2021", "12", "265/2021",
         "(", ")", "-", "—", ":", ",", ".", "Star:", "Ltd.", "DA-50.", "2021,", "(2021)"]
# (guillemets are left out: the dossier keeps '«ZALA Aero»' together as it does brackets,
# where the algorithm takes them as marks of no direction, not a pair)
# the oracle does not mirror brackets (it gives characters, not glyphs): either counts
_SAME = str.maketrans("()", "[[")
_RTL_RUN = re.compile(r"[\u0590-\u08ff]+")


def _words_drawn(text: str) -> str:
    """The line as drawn, left to right, each right-to-left word's letters as it shows
    them (HarfBuzz draws them right to left)."""
    drawn = visual_order([_Run(text, fonts.BODY)], direction(text))
    shown = "".join(str(x.text) for x in drawn)
    return _RTL_RUN.sub(lambda m: m.group(0)[::-1], shown).translate(_SAME)


def _words_by_the_algorithm(text: str) -> str:
    return get_display(text, base_dir=direction(text)).translate(_SAME)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=9))
@example(["Gulf", "Ltd", "الرحمن", "(", "265/2021", "265/2021", ")"])  # numbers in brackets
@example(["Ltd", "شركة", "(", ")", "12"])  # a pair with nothing in it: its neighbours'
@example(["شركة", "Gulf", "Star", "2021", "الرحمن"])  # begins in Arabic
@example(["قضية", "Gulf", "Star:", "طائرات"])  # (review33: the colon stayed on Star's right)
@example(["Gulf", "(", "عبد", ")", "(2021)", "عبد"])  # a pair resolved: the next one's context
def test_words_are_drawn_in_the_order_the_bidirectional_algorithm_gives(words):
    text = " ".join(words)
    assert _words_drawn(text) == _words_by_the_algorithm(text)


def test_direction_is_the_first_letters():
    assert direction("“2021: شركة Gulf") == "R"
    assert direction("2021: Gulf شركة") == "L"
    assert direction("12 (3)") == "L"  # no letter: left to right


EXCERPT = "قالت شركة زالا للطيران ZALA Aero Group إن الطائرات صنعت في روسيا."


def _drawn_line(runs) -> list[str]:
    p = para(runs, BODY_TEXT)
    SimpleDocTemplate(io.BytesIO()).build([p])
    words = visual_order(p.blPara.lines[0].words)
    return "".join(str(f.text) for f in words).replace(fonts.WORD_JOINER, " ").split()


def test_a_text_that_begins_in_arabic_is_laid_out_right_to_left_in_its_sentence():
    """An Arabic note that names 'ZALA Aero Group' printed its clauses in an English
    sentence's order; the words around it (a label, a citation mark) stay where they are."""
    drawn = _drawn_line([r("Notes: ", bold=True), r(EXCERPT, isolate=True),
                         r(" [1 B2]", color="#1a4f8b")])
    assert drawn[0] == "Notes:" and drawn[-2:] == ["[1", "B2]"]  # the mark whole, last
    note = drawn[1:-2]
    name = note.index("ZALA")
    assert note[name:name + 3] == ["ZALA", "Aero", "Group"]
    assert len(note) - name - 3 == 4  # 'قالت شركة زالا للطيران' right of it
    assert note[0] == "."  # the full stop ends the sentence: the note's leftmost


@pytest.mark.parametrize("text", [f"Notes: {EXCERPT}", f"{EXCERPT} Notes:"])
def test_a_sentence_of_the_dossier_keeps_left_to_right(text):
    """A sentence the dossier writes round a name ('شركة … customer of ZALA Aero Group,
    2022-03') is English, whatever its first word: left to right, as before."""
    drawn = _drawn_line([r(text)])
    name = drawn.index("ZALA")
    assert name == 4 + (text.startswith("Notes:"))  # the clause before it on its left
    assert drawn[name:name + 3] == ["ZALA", "Aero", "Group"]


def test_an_arabic_name_and_its_citation_mark_each_keep_their_order():
    name = "شركة الخليج للتجارة العامة (ذ.م.م)"
    drawn = _drawn_line([r(name, isolate=True), r(" "), r("[1 B2]", color="#1a4f8b")])
    assert drawn[-2:] == ["[1", "B2]"]  # the mark whole, right of the name
    # the name's last word, '(ذ.م.م)', leftmost, its brackets facing its letters
    assert (drawn[0], drawn[2]) == ("(", ")") and fonts.is_rtl(drawn[1])


def test_a_label_that_begins_in_arabic_reads_right_to_left():
    said = [s.text for s in label_strings(0, 0, "شركة Gulf Star للتجارة", 7) if s.text.strip()]
    # drawn left to right: 'للتجارة', 'Gulf', 'Star', 'شركة' (the first word rightmost)
    assert said[1:3] == ["Gulf", "Star"] and fonts.is_rtl(said[0]) and fonts.is_rtl(said[3])
    assert len(said[0]) > len(said[3])  # the long word ('للتجارة', shaped) on the left


def test_a_quoted_name_keeps_its_quote_marks_outside_it():
    """The Sources' '“شركة … (ذ.م.م)”': the quote mark before the name (another run, the
    same font) was joined to it when the line was built and laid out with it, right to
    left — the mark printed inside the name."""
    name = "شركة الخليج للتجارة العامة (ذ.م.م)"
    drawn = _drawn_line([r("B2", bold=True), r(" entity “"), r(name, isolate=True),
                         r("”, p. 3: “"), r(EXCERPT, isolate=True), r("”")])
    assert drawn[:4] == ["B2", "entity", "“", "("]  # the name's last word, "(ذ.م.م)", by the mark
    first = str(fonts.shaped("شركة", fonts.BODY, BODY_TEXT.fontSize)[0])  # its first word,
    assert f"{first}”, p. 3: “" in " ".join(drawn)  # rightmost, by the closing mark


@pytest.mark.parametrize("text", ["قال ذلك فعلاً.", "وصلت الشحنة أيضاً", "اشترت 40 محركاً"])
def test_a_line_that_begins_with_a_raised_mark_prints(text):
    """(review33) A note or excerpt ending in 'اً' ('فعلاً', drawn last letter first: its
    tanwin, raised, is the line's first glyph) stopped the export in reportlab's setRise."""
    for runs in ([r(text, isolate=True), r(" [1 B2]", color="#1a4f8b")],
                 [r("B2", bold=True), r(" entity “"), r("x", isolate=True), r("”: “"),
                  r(text, isolate=True), r("”")]):
        SimpleDocTemplate(io.BytesIO()).build([para(runs, BODY_TEXT)])


def test_an_arabic_paragraph_split_over_a_page_prints():
    """(review33) The rest of a paragraph split at a page foot is broken into lines again,
    and its words, shaped already, were shaped again: 'expected str, got ShapedStr'."""
    from reportlab.platypus import Spacer

    text = "وذكر تقرير «رويترز» أن الشركة اشترت محركات عبر دبي. " * 40
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([Spacer(1, 600), para([r(text, isolate=True), r(" [1 B2]")],
                                                       BODY_TEXT)])
    import pypdf

    assert len(pypdf.PdfReader(buf).pages) == 2  # split over two pages, both printed


def test_arabic_indic_and_persian_digits_read_left_to_right():
    """(review33) HarfBuzz shaped a number in Arabic-Indic digits as right-to-left text:
    '١٢٣٤٥' printed '٥٤٣٢١', '٢٠٢١/٠٣/٠٤' printed '٤٠/٣٠/١٢٠٢', in English sentences too."""
    assert _drawn_line([r("Invoice ١٢٣٤٥ dated")]) == ["Invoice", "١٢٣٤٥", "dated"]
    drawn = _drawn_line([r("عام ٢٠٢١/٠٣/٠٤ وصلت ۱۴۰۰", isolate=True)])
    assert drawn[0] == "۱۴۰۰" and drawn[2] == "٢٠٢١/٠٣/٠٤"  # in its place, digits in order
    said = [s.text for s in label_strings(0, 0, "عام ٢٠٢١", 7) if s.text.strip()]
    assert said[0] == "٢٠٢١" and fonts.is_rtl(said[1])


def test_a_persian_word_with_a_zero_width_non_joiner_stays_whole():
    """(review33) HarfBuzz gives the ZWNJ of 'پارس‌تجارت' a space glyph, which the drawing
    in reading order took for a space between two words: 'تجارت‌پارس'."""
    drawn = _drawn_line([r("شرکت پارس‌تجارت و می‌خواهد", isolate=True)])
    assert len(drawn) == 4  # four words, none cut at its ZWNJ
    whole = str(fonts.shaped("پارس‌تجارت", fonts.BODY, BODY_TEXT.fontSize)[0])
    assert drawn[2] == whole.replace(" ", "")  # its halves in reading order


def test_a_cited_relationship_reads_as_the_dossier_writes_it():
    """(review33) The Sources' label of a cited relationship — a sentence the dossier
    writes, '<subject> customer of <object>' — was laid out as an Arabic text when its
    subject's name is Arabic: 'customer of ZALA Aero Group … شركة'."""
    from casefile.report.appendix import _cited

    fact = {"kind": "relationship", "id": 1, "code": "B2", "locator": "", "excerpt": "",
            "label": "شركة الخليج customer of ZALA Aero Group"}
    drawn = _drawn_line(_cited(fact))
    assert drawn[:3] == ["B2", "relationship", "“"]  # the mark outside the name
    at = drawn.index("customer")
    assert drawn[at:at + 5] == ["customer", "of", "ZALA", "Aero", "Group”"]
    assert at == 5  # the Arabic name first (its two words), as the sentence is written


def test_a_shipment_between_two_arabic_named_parties_points_from_shipper_to_consignee():
    """(review33) 'شركة الخليج → مؤسسة النور' was one right-to-left run: drawn with the
    consignee on the left of the arrow, it read as shipped the other way."""
    from casefile.report.listings import _route, _shipped
    from casefile.report.tables import Overflow

    s = {"shipper": "شركة الخليج", "consignee": "مؤسسة النور", "route": [],
         "declared_goods": "drones", "date_text": "2022"}
    for runs in (_route(s, Overflow("t")), _shipped(s, Overflow("c"))):
        drawn = _drawn_line(runs)
        arrow = drawn.index("→")
        left, right = " ".join(drawn[:arrow]), " ".join(drawn[arrow + 1:])
        shipper = {str(fonts.shaped(w, fonts.BODY, BODY_TEXT.fontSize)[0]) for w in ("شركة",
                                                                                   "الخليج")}
        assert shipper <= set(left.split()) and not shipper & set(right.split())


def test_each_line_of_a_note_takes_its_own_direction():
    """(review33) 'Summary in English first.' then, on its own line, an Arabic sentence
    that names Rostec: the Arabic line was laid out left to right, as the first."""
    p = para([r("Summary in English first.\nثم ملاحظة عن Rostec وشركة", isolate=True)],
             BODY_TEXT)
    SimpleDocTemplate(io.BytesIO()).build([p])
    first, second = ("".join(str(f.text) for f in visual_order(line.words)).split()
                     for line in p.blPara.lines[:2])
    assert first == ["Summary", "in", "English", "first."]
    at = second.index("Rostec")
    assert at == 1 and len(second) == 5  # 'وشركة' left of it, 'ثم ملاحظة عن' right of it
