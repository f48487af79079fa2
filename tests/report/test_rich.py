"""Paragraphs from text runs: no markup parsing, CJK font runs, links, merged fragments."""

from casefile.report import styles as st
from casefile.report.fonts import BODY, CJK, ITALIC, register_fonts
from casefile.report.rich import BR, frags, para, plain_text, r


def setup_module():
    register_fonts()


def test_markup_looking_text_stays_one_literal_fragment():
    text = "<b>x</b> &amp; <img src=y> <a href='#z'>z</a>"
    fs = frags([r(text)], st.CELL)
    assert [f.text for f in fs] == [text]
    assert fs[0].fontName == BODY and fs[0].link == []


def test_cjk_runs_switch_font_and_neighbours_of_one_format_merge():
    fs = frags([r("Supplier: "), r("中国北方工业 "), r("NORINCO")], st.CELL)
    assert [(f.text, f.fontName) for f in fs] == [
        ("Supplier: ", BODY), ("中国北方工业", CJK), (" NORINCO", BODY)]


def test_italic_links_sizes_and_breaks():
    fs = frags([r("a"), r("b", italic=True), BR, r("1 B2", size=7, color="#0B4F8A",
                                                   link="src-1"), r("2", link="src-2")],
               st.CELL)
    assert [f.text for f in fs] == ["a", "b", "", "1 B2", "2"]
    assert fs[1].fontName == ITALIC and getattr(fs[2], "lineBreak", False)
    assert fs[3].fontSize == 7 and fs[3].link == [(0, "#src-1")]
    assert fs[4].link == [(1, "#src-2")]  # each link is its own fragment


def test_paragraph_wraps_and_keeps_its_plain_text():
    p = para([r("Техкрим "), r("<b>", bold=True), BR, r("end")], st.CELL)
    assert p.text == plain_text([r("Техкрим "), r("<b>"), BR, r("end")])
    w, h = p.wrap(200, 1000)
    assert h >= 2 * st.CELL.leading  # the break made a second line
