"""Every script a case holds is drawn with a shipped font that has its letters, on a machine
with no fonts of its own for them (as this one, and many an analyst's laptop)."""

import pytest
from PySide6.QtGui import QTextLayout

from casefile.ui.app import register_fonts


def _runs(app, text: str) -> list[tuple[str, list[int]]]:
    register_fonts(app)  # as the app does at its start
    layout = QTextLayout(text, app.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(r.rawFont().familyName(), list(r.glyphIndexes())) for r in layout.glyphRuns()]


@pytest.mark.parametrize("text,family", [
    ("김민준", "Casefile Hangul"),  # (look25: drawn as boxes; 가 alone was Droid's)
    ("가나다조선광선은행", "Casefile Hangul"),  # 가: Droid has it too, in another face
    ("㈜대우", "Casefile Hangul"),  # (review26: ㈜, 'company', was a box)
    ("深圳市大疆创新科技有限公司", "Droid Sans Fallback"),  # Chinese keeps Droid's glyphs
    ("ИВАНОВ Ελλάδα", "DejaVu Sans"),
])
def test_each_script_is_drawn_in_a_shipped_font_that_has_it(qapp, text, family):
    runs = [(f, glyphs) for f, glyphs in _runs(qapp, text) if glyphs]
    assert {f for f, _g in runs} == {family}
    assert all(0 not in glyphs for _f, glyphs in runs)  # glyph 0: the font's 'missing' box
