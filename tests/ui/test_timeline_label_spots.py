"""Which of its places a timeline label takes: inside a bar long enough for it, else right
after its item, else just before it; cut only where the most of it shows — never left out
or cut to a few letters for a bar running to the edge of the view, nor for the last row."""

from datetime import date

from casefile.core.timeline import TimelineRecord
from tests.ui.test_timeline import _item_rects, _plot_with


def _rec(i, kind, start, end, label):
    return TimelineRecord(kind, i, label, start.isoformat(), "edtf", start, end)


def _said(plot):
    """Record id -> (its label's text, the label's scene rect, its item's scene rect)."""
    tl, items = plot.timeline, _item_rects(plot)
    return {int(tl.records[int(tl.rec[p.index])].id):
            (lab.toPlainText(), lab.mapRectToScene(lab.boundingRect()), items[p.index], p)
            for p, lab in zip(plot.placed, plot.labels, strict=True)}


def test_long_bars_say_what_they_are_inside_and_the_last_row_too(qtbot):
    records = [
        _rec(1, "shipment", date(2013, 1, 1), date(2013, 1, 31),
             "rifles from a supplier with a long name"),
        _rec(2, "relationship", date(2012, 9, 1), date(2014, 5, 31), "director"),
        # runs to the right edge of the view: no time after it, little before it
        _rec(3, "relationship", date(2015, 1, 1), date(2024, 12, 31),
             "ZALA AERO owns AEROSCAN: 100%"),
        # alone in the last lane, across the whole view
        _rec(4, "sanction", date(2012, 6, 1), date(2024, 12, 31),
             "Sanction: U.S. Department of the Treasury — Da-Jiang Innovations"),
    ]
    for size in ((1300, 300), (900, 200)):
        plot = _plot_with(qtbot, records, size)
        plot.fit_all(room=0.0)
        qtbot.wait(150)
        plot._update_labels()
        said = _said(plot)
        for rid in (3, 4):
            text, rect, bar, place = said[rid]
            whole = f"{records[rid - 1].date_text}: {records[rid - 1].label}"
            assert text == whole, (size, text)
            assert place.inside and bar.left() < rect.left() < rect.right() < bar.right()
        text, rect, bar, place = said[1]  # a short bar with room after it: there
        assert not place.inside and rect.left() >= bar.right(), text
        plot.close()
