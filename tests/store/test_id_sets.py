"""Selecting rows by a set of ids a part at a time: whatever the set (a bulk write's run of
consecutive ids, scattered ids, both), the parts select exactly those rows, each once, and
never bind more parameters than SQLite allows."""

import sqlite3
from contextlib import closing

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.store.id_sets import CHUNK, where_ids

ids_sets = st.one_of(
    st.builds(lambda lo, n: list(range(lo, lo + n)), st.integers(1, 10**6), st.integers(0, 3000)),
    st.lists(st.integers(1, 5000), max_size=2000, unique=True).map(sorted),
)


@settings(max_examples=60, deadline=None)
@given(ids=ids_sets, run=st.sampled_from([None, 7, 5000]))
def test_the_parts_select_exactly_the_ids(ids, run):
    with closing(sqlite3.connect(":memory:")) as con:  # (Python 3.13 warns of one left open)
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        top = (ids[-1] if ids else 0) + 5
        low = max(1, (ids or [1])[0] - 5)
        con.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(low, top)])
        found: list[int] = []
        for where, params in where_ids(ids, "id", run=run):
            assert len(params) <= max(CHUNK, 2)
            found += [r[0] for r in con.execute(f"SELECT id FROM t WHERE {where} ORDER BY id",
                                                params)]
        assert found == ids


def test_a_run_of_a_million_ids_is_one_range_not_a_million_parameters():
    parts = list(where_ids(range(1, 1_000_001), "x.id"))
    assert parts == [("x.id BETWEEN ? AND ?", (1, 1_000_000))]
    assert len(list(where_ids(range(1, 1_000_001), "x.id", run=5000))) == 200
