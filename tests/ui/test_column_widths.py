"""Record table columns sized to their header and content (from a sample of the rows), the
long text column given the room left over, and a user's own widths kept for the session."""

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from casefile.services.queries.listing import Listing, columns
from casefile.ui.column_fit import (
    DATE_PX,
    FLOOR_PX,
    ICON_PX,
    NAME_PX,
    NARROW_PX,
    PAD_PX,
    SORT_PX,
    fitted,
    turns,
)
from casefile.ui.column_widths import SAMPLE, ColumnWidths
from casefile.ui.table_model import RecordTableModel
from tests.ui.conftest import choose_kind, wait_idle


def _turns(natural, kinds, heads=None):
    return turns(natural, heads or [40] * len(natural), kinds)


def test_fitted_gives_the_room_left_to_the_long_column():
    t = _turns([100, 50, 80], ["other"] * 3)
    assert fitted([100, 50, 80], t, 400, 2) == [100, 50, 250]
    assert fitted([100, 50, 80], t, 400, None) == [100, 50, 80]


def test_fitted_cuts_the_widest_others_to_one_level():
    t = _turns([300, 60, 200], ["other"] * 3)
    assert fitted([300, 60, 200], t, 500, 2) == [240, 60, 200]
    t = _turns([300, 60, 300], ["other"] * 3)
    assert fitted([300, 60, 300], t, 420, 2) == [180, 60, 180]
    assert fitted([300, 60, 300], t, 100, 2) == [40, 40, 40]  # headers, and it scrolls


def test_fitted_cuts_the_records_name_last():
    natural, kinds = [300, 300, 200], ["name", "other", "other"]
    # the others give way to the floor first, the name keeps all it wants
    assert fitted(natural, _turns(natural, kinds), 600, None) == [300, 150, 150]
    # then the name down to a wide floor, before the others go below theirs
    assert fitted(natural, _turns(natural, kinds), 550, None) == [250, 150, 150]
    assert fitted(natural, _turns(natural, kinds), 500, None) == [NAME_PX, 130, 130]
    # an empty column gives its header's room before any text column goes to its header
    natural, kinds = [300, 200, 70], ["name", "other", "empty"]
    assert fitted(natural, _turns(natural, kinds), 390 + ICON_PX, None) == \
        [NAME_PX, 150, ICON_PX]
    # a date gives way to its short form before a name gives way at all
    natural, kinds = [190, 300, 200], ["date", "name", "other"]
    short = [100, 300, 200]
    t = turns(natural, [40] * 3, kinds, short)
    assert fitted(natural, t, 600, None) == [150, 300, 150]
    assert fitted(natural, t, 550, None) == [100, 300, 150]
    assert fitted(natural, t, 450, None) == [100, NAME_PX, 110]  # (then the others)
    # and is cut at its end only once the names are down to the floor and a little more;
    # a name goes below that last, towards its header, rather than the table scrolling
    assert fitted(natural, t, 100 + FLOOR_PX + 40, None) == [100, FLOOR_PX, 40]
    assert fitted(natural, t, 100 + NARROW_PX + 40, None) == [100, NARROW_PX, 40]
    assert fitted(natural, t, DATE_PX + NARROW_PX + 40, None) == [DATE_PX, NARROW_PX, 40]
    assert fitted(natural, t, 200, None) == [DATE_PX, 96, 40]


_KINDS = st.sampled_from(["date", "name", "other", "other", "empty"])


@given(st.lists(st.tuples(st.integers(20, 600), st.integers(10, 200), _KINDS,
                          st.integers(20, 600)), min_size=1, max_size=12),
       st.integers(0, 3000), st.data())
def test_fitted_fills_exactly_when_it_can_and_cuts_the_name_last(cols, available, data):
    heads = [h for _, h, _, _ in cols]
    kinds = [k for _, _, k, _ in cols]
    natural = [h if k == "empty" else max(h + SORT_PX, n) for n, h, k, _ in cols]
    short = [min(n, s) for n, (_, _, _, s) in zip(natural, cols, strict=True)]
    t = turns(natural, heads, kinds, short)
    floors = t[-1]
    stretch = data.draw(st.one_of(st.none(), st.integers(0, len(cols) - 1)))
    widths = fitted(natural, t, available, stretch)
    assert all(w >= f for w, f in zip(widths, floors, strict=True))
    assert all(w <= n for i, (w, n) in enumerate(zip(widths, natural, strict=True))
               if i != stretch)
    for w, h, s, k in zip(widths, heads, short, kinds, strict=True):
        # a date is cut below its short form only when the names are down to the floor
        # and a little more
        assert k != "date" or w >= max(h, min(s, DATE_PX)) and (
            w >= max(h, s) or all(ww <= max(hh, min(nn, NARROW_PX)) for ww, nn, hh, kk
                                  in zip(widths, natural, heads, kinds, strict=True)
                                  if kk == "name"))
        assert k not in ("other", "name") or w >= h  # nor a header with text under it
    if sum(natural) <= available:
        assert sum(widths) == (available if stretch is not None else sum(natural))
    elif sum(floors) <= available:
        assert sum(widths) <= available
        assert sum(widths) >= available - len(cols)  # the level is a whole pixel
    else:
        assert widths == floors
    # a name is cut only once every other column is down to its first floor, and a
    # date to its short form
    if any(k == "name" and w < n for w, n, k in zip(widths, natural, kinds, strict=True)):
        assert all(w <= f for w, f, k in zip(widths, t[1], kinds, strict=True)
                   if k in ("other", "date"))


def _widths(win):
    view = win.records.view
    return {c.key: view.columnWidth(i) for i, c in enumerate(win.records.model.columns())}


def _col(win, key):
    return [c.key for c in win.records.model.columns()].index(key)


def _text_fits(win, key):
    """Every row's text of a column fits its width."""
    view, col = win.records.view, _col(win, key)
    fm = view.fontMetrics()
    delegate = view.itemDelegateForColumn(col) or view.itemDelegate()
    needed = max(fm.horizontalAdvance(delegate.displayText(view.model().index(r, col).data(),
                                                           view.locale()))
                 for r in range(view.model().rowCount()))
    return view.columnWidth(col) >= needed + PAD_PX - 2


def _header_fits(win, key):
    view, col = win.records.view, _col(win, key)
    title = win.records.model.columns()[col].title
    return view.columnWidth(col) >= view.horizontalHeader().fontMetrics().horizontalAdvance(
        title) + PAD_PX


def _section_at(qtbot, win, size, kind, png):
    """The window at ``size`` showing the ``kind`` section (saved to ``png``); its table."""
    win.resize(*size)
    qtbot.waitUntil(lambda: win.width() == size[0], timeout=5000)
    choose_kind(qtbot, win, kind)
    qtbot.wait(50)
    win.grab().save(str(png))
    return win.records.view


def test_columns_fit_their_content_at_1500_px(qtbot, demo_window, tmp_path):
    win = demo_window
    view = _section_at(qtbot, win, (1500, 950), "shipment", tmp_path / "shipments_1500.png")
    # the parties before the date: "Nov–Dec 2022" says it, "China No…" says nothing
    assert _widths(win)["shipper"] >= FLOOR_PX and _widths(win)["consignee"] >= FLOOR_PX
    declared = _col(win, "declared")
    # the goods are in view, header and all, without scrolling
    assert view.columnViewportPosition(declared) + view.columnWidth(declared) \
        <= view.viewport().width()
    assert _header_fits(win, "declared") and _text_fits(win, "declared")
    choose_kind(qtbot, win, "entity")
    widths = _widths(win)
    qtbot.wait(50)
    win.grab().save(str(tmp_path / "entities_1500.png"))
    for key in ("kind", "country", "tags", "cites"):
        assert _header_fits(win, key) and _text_fits(win, key), key
    head = view.horizontalHeader().fontMetrics().horizontalAdvance("Cited")
    assert widths["cites"] <= head + 50  # a count is not given the room left over
    # the long text column (aliases) takes it: the columns fill the table's width
    assert sum(widths.values()) == view.viewport().width()
    assert widths["aliases"] >= max(widths[k] for k in ("kind", "country", "tags"))


def test_the_long_column_follows_the_window_and_a_users_width_stays(qtbot, demo_window):
    win = demo_window
    win.resize(1500, 950)
    choose_kind(qtbot, win, "event")
    view = win.records.view
    qtbot.waitUntil(lambda: sum(_widths(win).values()) == view.viewport().width(),
                    timeout=5000)
    before = _widths(win)
    win.resize(1800, 950)
    qtbot.waitUntil(lambda: _widths(win)["title"] > before["title"], timeout=5000)
    after = _widths(win)
    assert {k: w for k, w in after.items() if k != "title"} == \
        {k: w for k, w in before.items() if k != "title"}
    assert sum(after.values()) == view.viewport().width()
    # the user widens the kind column (by its handle): kept, in this section only, for
    # the session — after another section, a filter, and another case too
    view.horizontalHeader().resizeSection(_col(win, "kind"), 333)
    choose_kind(qtbot, win, "source")
    assert _widths(win)["kind"] != 333
    choose_kind(qtbot, win, "event")
    assert _widths(win)["kind"] == 333
    win.records.text.setText("Treasury")
    qtbot.waitUntil(lambda: win.records.model.rowCount() == 1, timeout=5000)
    assert _widths(win)["kind"] == 333
    win.records.text.setText("")
    wait_idle(qtbot, win)


class _Counting(RecordTableModel):
    asked: set[int] = set()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            self.asked.add(index.row())
        return super().data(index, role)


def test_a_100k_row_table_is_measured_from_a_sample(qtbot):
    cols = columns("shipment")
    n = 100_000
    rows = [("June 2022", f"Shipper {i}", "Consignee", "", "goods", "", "", None, None, 1, "")
            for i in range(n)]
    rows[n - 1] = ("between June and December 2022",) + rows[n - 1][1:]  # not in the sample
    listing = Listing("shipment", cols, list(range(1, n + 1)), rows, [None] * n, True)
    model = _Counting()
    model.set_listing(listing)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1200, 400)
    widths = ColumnWidths(view, model.columns)
    model.asked = set()
    widths.listing_shown("shipment", True)
    assert len(model.asked) <= 2 * SAMPLE
    assert 0 in model.asked and max(model.asked) > n // 2  # the top, and spread through
    assert view.columnWidth(0) < view.fontMetrics().horizontalAdvance(
        "between June and December 2022")  # the row outside the sample was not measured


def _in_view(win, key):
    view, col = win.records.view, _col(win, key)
    return view.columnViewportPosition(col) + view.columnWidth(col) <= view.viewport().width()


def test_a_narrow_window_cuts_the_title_last_and_empty_columns_first(qtbot, demo_window,
                                                                     tmp_path):
    win = demo_window
    view = _section_at(qtbot, win, (1100, 700), "source", tmp_path / "sources_1100.png")
    widths = _widths(win)
    # every column in view, the short ones that say something whole
    for key in widths:
        assert _in_view(win, key), key
    for key in ("reliability", "cites"):
        assert _header_fits(win, key) and _text_fits(win, key), key
    # the title is the widest; the columns empty in every row are narrower than a header
    assert widths["title"] == max(widths.values())
    head = view.horizontalHeader().fontMetrics().horizontalAdvance
    for key, title in (("date", "Published"), ("protected", "Protected")):
        assert widths[key] < head(title) + PAD_PX, key
    # a narrowed column's header still says what it is, in its tooltip
    assert win.records.model.headerData(_col(win, "protected"), Qt.Orientation.Horizontal,
                                        Qt.ItemDataRole.ToolTipRole) == "Protected"


def test_the_name_is_not_cut_while_other_columns_are_wide(qtbot, demo_window):
    win = demo_window
    win.resize(1500, 950)
    qtbot.waitUntil(lambda: win.width() == 1500, timeout=5000)
    win.records.widths.forget_case()  # measured afresh at this width
    choose_kind(qtbot, win, "sanction")
    choose_kind(qtbot, win, "entity")
    widths = _widths(win)
    assert sum(widths.values()) == win.records.view.viewport().width()
    if not _text_fits(win, "name"):  # cut: only once the others are down to the floor
        assert all(w <= FLOOR_PX for k, w in widths.items() if k != "name")
    assert widths["name"] > widths["aliases"]
    choose_kind(qtbot, win, "sanction")
    assert _text_fits(win, "entity")  # "Da-Jiang Innovations Science & Technology Co."


def test_the_text_filter_keeps_its_room_in_a_narrow_window(qtbot, demo_window, tmp_path):
    win = demo_window
    win.resize(1100, 700)
    qtbot.waitUntil(lambda: win.width() == 1100, timeout=5000)
    qtbot.wait(50)
    r = win.records
    win.grab().save(str(tmp_path / "filters_1100.png"))
    assert r.text.width() >= max(w.width() for w in (r.country, r.date_from, r.date_to))
    assert r.text.width() >= r.text.fontMetrics().horizontalAdvance("Filter… and more")


def test_columns_measured_in_a_wide_window_give_way_when_it_narrows(qtbot, demo_window):
    win = demo_window
    win.resize(1500, 950)
    qtbot.waitUntil(lambda: win.width() == 1500, timeout=5000)
    choose_kind(qtbot, win, "source")
    view = win.records.view
    wide = _widths(win)
    win.resize(1100, 700)  # measured once: now fitted again to the narrower table
    qtbot.waitUntil(lambda: sum(_widths(win).values()) <= view.viewport().width(),
                    timeout=5000)
    narrow = _widths(win)
    assert all(_in_view(win, key) for key in narrow)
    assert narrow["title"] == max(narrow.values())
    win.resize(1500, 950)  # and they grow back
    qtbot.waitUntil(lambda: _widths(win) == wide, timeout=5000)


def test_a_column_grows_when_edits_bring_wider_values(qtbot, window, tmp_path):
    """(review) An events table measured on dates like '2021' kept 'spring …', 'before …'
    cut short after the dates were edited, while the title column had room to spare: a
    column whose new values are wider than it was measured for grows to them."""
    from casefile.services.case.facade import Case

    path = tmp_path / "dates.casefile"
    with Case.new(path) as case:
        for n in range(3):
            case.create("event", {"title": f"Meeting {n}", "kind": "other",
                                  "date": f"{2019 + n}"})
    win = window
    win.resize(1500, 950)
    win.open_path(path)
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    choose_kind(qtbot, win, "event")
    qtbot.waitUntil(lambda: "event" in win.records.widths.measured, timeout=10000)
    wait_idle(qtbot, win)
    before = _widths(win)["date"]
    win.session.op(lambda case: case.update("event", 1, {"date": "between June and "
                                                                 "December 2022"})).run()
    qtbot.waitUntil(lambda: any("2022" in str(win.records.model.index(
        r, _col(win, "date")).data()) for r in range(3)), timeout=10000)
    wait_idle(qtbot, win)
    assert _widths(win)["date"] > before and _text_fits(win, "date")
    assert sum(_widths(win).values()) == win.records.view.viewport().width()
