"""A kept listing patched with the re-read rows of some records is exactly what a fresh read
and a fresh sort give — its rows, every order kept for it, the order shown — and the row
signals, replayed on a copy of the rows shown, end in the same rows (tables.rows, no Qt)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.services.queries.listing import Column, Listing
from casefile.ui import table_rows

COLUMNS = [Column("name", "Name"), Column("n", "N", numeric=True), Column("date", "Date")]
ORDERS = [(c, d) for c in range(3) for d in (False, True)]

texts = st.one_of(st.none(), st.sampled_from(["", "a", "A", "b", "Ä", "bb", "B", "10", "9"]))
numbers = st.one_of(st.none(), st.integers(-3, 3), st.sampled_from([0.5, 2.0, -1.25]))
days = st.sampled_from(["", "2021-01-01", "2021-06-30", "2022-01-01", "2022-01-01"])
record = st.tuples(texts, numbers, st.sampled_from(["", "June 2022", "2021"]), days)
states = st.dictionaries(st.integers(1, 40), record, max_size=30)


def listing(state: dict[int, tuple]) -> Listing:
    ids = sorted(state)
    return Listing("thing", COLUMNS, ids, [state[i][:3] for i in ids],
                   [state[i][3] for i in ids], dated=True)


def reference(state: dict[int, tuple], column: int, desc: bool) -> list[int]:
    """The promised order, the plain way: keys case-folded (numbers as numbers, the date
    column by its first day), ties by id, blanks last either way."""
    def value(i):
        return state[i][3] if column == 2 else state[i][column]
    filled = [i for i in sorted(state) if value(i) not in (None, "")]
    blank = [i for i in sorted(state) if value(i) in (None, "")]
    key = (lambda i: value(i)) if column == 1 else (lambda i: str(value(i)).casefold())
    return sorted(filled, key=key, reverse=desc) + blank


class Mirror:
    """The rows a view would show, moved only by the signals."""

    def __init__(self, rows: list[int], shown: list[int]) -> None:
        self.rows, self.shown, self.op = list(rows), shown, None
        self.resets = self.steps = 0

    def removing(self, row):
        self.op = ("remove", row)

    def inserting(self, row):
        self.op = ("insert", row)

    def moving(self, row, to):
        assert not row <= to <= row + 1, "a move that moves nothing"
        self.op = ("move", row, to)
        return True

    def done(self):
        op, self.op = self.op, None
        self.steps += 1
        if op[0] == "remove":
            self.rows.pop(op[1])
        elif op[0] == "insert":
            self.rows.insert(op[1], self.shown[op[1]])
        else:
            _, row, to = op
            self.rows.insert(to - 1 if to > row else to, self.rows.pop(row))

    def changed(self, row):
        assert 0 <= row < len(self.rows)

    def resetting(self):
        self.resets += 1

    def reset(self):
        self.rows = list(self.shown_after)


@settings(max_examples=400, deadline=None)
@given(before=states, after=states, extra=st.sets(st.integers(1, 45), max_size=5),
       kept=st.sets(st.sampled_from(ORDERS)), shown=st.one_of(st.none(),
                                                              st.sampled_from(ORDERS)),
       many=st.booleans())
def test_a_patched_listing_is_a_fresh_read(before, after, extra, kept, shown, many):
    lst = listing(before)
    orders = {k: table_rows.permutation(lst, *k) for k in kept | ({shown} if shown else set())}
    shown_order = orders[shown] if shown else list(lst.ids)
    # what a change touched: every record that came, went or changed, and some that did not
    asked = {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)} | extra
    fresh = listing({i: after[i] for i in asked if i in after})
    mirror = Mirror(shown_order, shown_order)
    mirror.shown_after = reference(after, *shown) if shown else sorted(after)
    # many: the other path, a fresh sort of the order shown (and a reset)
    result = table_rows.patch(lst, orders, asked, fresh, shown_order, shown, mirror,
                              many=0 if many else None)

    want = listing(after)
    assert (lst.ids, lst.rows, lst.sort_keys) == (want.ids, want.rows, want.sort_keys)
    assert result == (reference(after, *shown) if shown else want.ids)
    for key, order in orders.items():
        assert order == reference(after, *key), key
    assert mirror.rows == result
    if not many:
        assert mirror.resets == 0 and result is shown_order
        assert set(orders) == kept | ({shown} if shown else set())


def test_an_edit_that_keeps_the_row_in_place_moves_nothing():
    state = {i: (f"name {i:02}", i, "", "") for i in range(1, 30)}
    lst = listing(state)
    orders = {(0, False): table_rows.permutation(lst, 0, False)}
    mirror = Mirror(orders[(0, False)], orders[(0, False)])
    changed = []
    mirror.changed = changed.append
    state[7] = ("name 07", 70, "", "")  # another column than the sort's
    table_rows.patch(lst, orders, {7}, listing({7: state[7]}), orders[(0, False)], (0, False),
                     mirror)
    assert mirror.steps == 0 and changed == [6] and lst.rows[6][1] == 70


def test_born_sorts_by_the_day_each_birth_date_can_begin(tmp_path):
    """(review17) Birth dates as written ('2 April 1961', 'c. 1950', '1930s') sort by the
    first day each can mean, not as text."""
    from casefile.services.case.facade import Case
    from casefile.services.queries.listing import list_records

    case = Case.new(tmp_path / "c.casefile")
    for born in ("2 April 1961", "1975-11-30", "c. 1950", "12 March 1980", "1930s"):
        case.create("entity", {"name": f"P {born}", "kind": "person", "birth": born})
    with case.read() as conn:
        listing = list_records(conn, "entity")
    col = [c.key for c in listing.columns].index("born")
    rows = dict(zip(listing.ids, listing.rows, strict=True))
    order = table_rows.permutation(listing, col, False)
    assert [rows[i][col] for i in order] == ["1930s", "c. 1950", "2 April 1961",
                                             "1975-11-30", "12 March 1980"]
    key = table_rows.keyer(listing, col)
    assert [key(i) for i in order] == sorted(key(i) for i in order)
    case.close()
