"""Many rows updated in one go (an import adding to 10^5 parties) are journaled as single
updates are: undo puts every row back, a row whose values are the same is not journaled, a
row that does not exist stops it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.errors import NotFoundError
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case


def _rows(case: Case) -> list[tuple]:
    with case.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT * FROM entity ORDER BY id")]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "LLC", "JSC"]), st.sampled_from(["", "KZ"])),
                min_size=1, max_size=1200))
def test_undo_puts_every_row_back_and_unchanged_rows_are_not_journaled(tmp_path_factory,
                                                                       changes):
    path = tmp_path_factory.mktemp("c") / "c.casefile"
    case = Case.new(path)
    ids = [case.create("entity", {"name": f"Party {n}"}).result for n in range(len(changes))]
    before = _rows(case)
    # every row given values; those equal to what the row holds ("") change nothing
    values = {eid: {"legal_form": form, "other_countries": more}
              for eid, (form, more) in zip(ids, changes, strict=True)}
    changed = {eid for eid, (form, more) in zip(ids, changes, strict=True) if form or more}
    change = case.operation("Add", lambda tx: tx.update_many("entity", values))
    assert set(change.touched.get("entity", ())) == changed
    for eid, v in values.items():
        row = case.get("entity", eid)
        assert {c: row[c] for c in v} == v
    if changed:  # (an operation that changed nothing is no undo step)
        case.undo()
    assert _rows(case) == before
    case.close()
    assert check_case(path).ok


def test_a_row_that_does_not_exist_stops_it(case):
    eid = case.create("entity", {"name": "A"}).result
    with pytest.raises(NotFoundError, match="entity 99 does not exist"):
        case.operation("Add", lambda tx: tx.update_many("entity", {eid: {"legal_form": "LLC"},
                                                                   99: {"legal_form": "JSC"}}))
    assert case.get("entity", eid)["legal_form"] == ""


def test_a_run_of_updates_is_undone_and_redone_in_order(case, case_path):
    """Rows updated twice in one operation (600 of them: a run longer than one statement's
    500) come back as they were on undo and as the second update left them on redo."""
    ids = [case.create("entity", {"name": f"P{n}", "legal_form": "AO"}).result
           for n in range(600)]
    before = _rows(case)

    def twice(tx):  # each row twice in a row: both changes of a row in one statement's run
        for eid in ids:
            tx.update("entity", eid, {"legal_form": "OOO"})
            tx.update("entity", eid, {"legal_form": "PAO", "position": f"line {eid}"})

    case.operation("Twice", twice)
    after = _rows(case)
    case.undo()
    assert _rows(case) == before
    case.redo()
    assert _rows(case) == after
    assert {case.get("entity", eid)["legal_form"] for eid in ids} == {"PAO"}
    case.close()
    assert check_case(case_path).ok
