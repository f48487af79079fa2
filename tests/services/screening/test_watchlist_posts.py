"""A watchlist built from a *flat* OpenSanctions file (entities.ftm.json: the Person, its
Occupancy lines and Position lines in any order, an entity sometimes over several lines)
keeps each PEP's posts, dated, in the entry a reviewer reads beside a hit — as a nested file
does — and counts what it leaves out. The entities are made with followthemoney itself and
written as its ``to_dict()`` lines, with the header fields OpenSanctions adds."""

import json

import pytest
from followthemoney import model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import Cancelled, ImportFileError
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.watchlist_import import load
from tests.support.ftm_nested import nested_targets, write_nested


def _e(eid, schema, **props):
    e = model.make_entity(schema)
    e.id = eid
    for prop, values in props.items():
        e.add(prop, values)
    d = e.to_dict()
    return {**d, "caption": e.caption, "datasets": ["ru_peps"], "referents": [],
            "first_seen": "2023-01-01T00:00:00", "last_seen": "2026-11-01T00:00:00",
            "last_change": "2026-10-01T00:00:00", "target": schema == "Person"}


OSETROVA = _e("Q4285719", "Person", name=["Maria Aleksandrovna Osetrova",
                                          "ОСЕТРОВА Мария Александровна"],
              position="Member of the State Duma", topics="role.pep", citizenship="ru")
KIM = _e("Q56226", "Person", name=["Kim Jong Un", "김정은", "金正恩"], topics="role.pep",
         country="kp")
IVANOV = _e("Q-ivanov", "Person", name="ИВАНОВ ИВАН ИВАНОВИЧ", topics="role.pep",
            position="Deputy Minister")
COMPANY = _e("c-volga", "Company", name="Volga Trade", country="ru")
DUMA = _e("Q17276321", "Position", name="Member of the State Duma", country="ru",
          topics=["gov.legislative", "gov.national"], wikidataId="Q17276321")
GOVERNOR = _e("Q4116543", "Position", name="Governor of Tver Oblast", country="ru",
              subnationalArea="Tver Oblast")
LEADER = _e("Q-leader", "Position", name="Supreme Leader of North Korea", country="kp")
DEPUTY = _e("Q-deputy", "Position", name="Deputy Minister of Defence", country="ru")
MAYOR = _e("Q-mayor", "Position", name="Mayor of Nowhere")  # no Occupancy names it
OCC = [
    _e("occ-duma", "Occupancy", holder=OSETROVA["id"], post=DUMA["id"],
       startDate="2016-10-05", endDate="2021-10-12", status="ended"),
    _e("occ-tver", "Occupancy", holder=OSETROVA["id"], post=GOVERNOR["id"],
       startDate="2021-10-12", status="current"),
    _e("occ-kim", "Occupancy", holder=KIM["id"], post=LEADER["id"], startDate="2011-12-17",
       status="current"),
    _e("occ-ivanov", "Occupancy", holder=IVANOV["id"], post=DEPUTY["id"]),  # no dates
    _e("occ-gone", "Occupancy", holder=IVANOV["id"], post="Q-not-in-the-file",
       startDate="2001"),
    _e("occ-stray", "Occupancy", holder="Q-not-here", post=DEPUTY["id"]),
]
EXPECTED = {
    OSETROVA["id"]: ["Member of the State Duma (Russia), 2016-10-05 – 2021-10-12, ended",
                     "Governor of Tver Oblast (Tver Oblast, Russia), since 2021-10-12, "
                     "current"],
    KIM["id"]: ["Supreme Leader of North Korea (North Korea), since 2011-12-17, current"],
    IVANOV["id"]: ["Deputy Minister of Defence (Russia)"],
}
LEFT_OUT = {"Occupancy whose post (Position) is not in the file": 1,
            "Occupancy whose holder is not in the file": 1,
            "Position that no Occupancy in the file names": 1}


def _fragments(d):
    """An entity over two lines, as OpenSanctions' exports may give it: its dates and
    status on one, the rest on the other."""
    dated = {"startDate", "endDate", "status"}
    props = d["properties"]
    return [{**d, "properties": {k: v for k, v in props.items() if k in dated}},
            {**d, "properties": {k: v for k, v in props.items() if k not in dated}}]


# the Occupancies before and after their persons, one over two lines far apart
LINES = [OCC[0], OCC[2], *_fragments(OCC[1])[:1], OSETROVA, DUMA, KIM, COMPANY, OCC[3],
         LEADER, IVANOV, OCC[4], OCC[5], MAYOR, DEPUTY, *_fragments(OCC[1])[1:], GOVERNOR]


def _write(path, lines):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines),
                    "utf-8")
    return path


def _positions(where, name):
    con = db.connect(db.path_of(name, where))
    try:
        return {key: json.loads(data).get("position") for key, data in con.execute(
            "SELECT key, data FROM entry ORDER BY key")}
    finally:
        con.close()


def test_a_flat_files_peps_get_their_dated_posts_and_what_is_left_out_is_counted(tmp_path):
    r = load(_write(tmp_path / "entities.ftm.json", LINES), "peps", where=tmp_path)
    got = _positions(tmp_path, "peps")
    assert {k: got[k] for k in EXPECTED} == EXPECTED
    assert got[COMPANY["id"]] is None  # not a PEP: nothing added
    assert (r.added, r.posts, r.post_holders) == (4, 4, 3)
    assert r.left_out == LEFT_OUT
    assert r.skipped == 0  # the Occupancies and Positions were read into the posts
    said = r.said()
    assert "4 posts (Occupancy and Position) kept in the position of 3 entries" in said
    assert "1 Occupancy whose holder is not in the file" in said


def test_the_flat_file_gives_the_same_posts_as_the_nested_one(tmp_path):
    whole = [OSETROVA, KIM, IVANOV, COMPANY, DUMA, GOVERNOR, LEADER, DEPUTY, *OCC[:4]]
    lines = nested_targets(whole, targets={OSETROVA["id"], KIM["id"], IVANOV["id"]})
    load(write_nested(tmp_path / "targets.nested.json", lines), "nested", where=tmp_path)
    load(_write(tmp_path / "entities.ftm.json", whole), "flat", where=tmp_path)
    nested, flat = _positions(tmp_path, "nested"), _positions(tmp_path, "flat")
    assert {k: nested[k] for k in EXPECTED} == {k: flat[k] for k in EXPECTED} == EXPECTED


def test_loaded_again_the_entries_are_unchanged_and_a_post_that_ends_changes_one(tmp_path):
    f = _write(tmp_path / "entities.ftm.json", LINES)
    load(f, "peps", where=tmp_path)
    again = load(f, "peps", where=tmp_path)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 4)
    ended = _e("occ-kim", "Occupancy", holder=KIM["id"], post=LEADER["id"],
               startDate="2011-12-17", endDate="2026-01-01", status="ended")
    later = load(_write(f, [ended if d["id"] == "occ-kim" else d for d in LINES]), "peps",
                 where=tmp_path)
    assert (later.changed, later.unchanged) == (1, 3)
    assert _positions(tmp_path, "peps")[KIM["id"]] == [
        "Supreme Leader of North Korea (North Korea), 2011-12-17 – 2026-01-01, ended"]


def test_a_position_in_a_file_without_occupancies_is_skipped_as_before(tmp_path):
    r = load(_write(tmp_path / "entities.ftm.json", [KIM, LEADER, MAYOR]), "k",
             where=tmp_path)
    assert (r.added, r.skipped, r.posts, r.left_out) == (1, 2, 0, {})
    assert _positions(tmp_path, "k")[KIM["id"]] is None


def test_a_bad_occupancy_line_is_named_and_the_list_stays_as_it_was(tmp_path):
    f = _write(tmp_path / "entities.ftm.json", LINES)
    load(f, "peps", where=tmp_path)
    before = _positions(tmp_path, "peps")
    with f.open("a", encoding="utf-8") as out:
        out.write('{"id": "occ-bad", "schema": "Occupancy", "properties": {"holder": [\n')
    with pytest.raises(ImportFileError, match=rf"entities.ftm.json, line {len(LINES) + 1}: "
                       "not valid JSON"):
        load(f, "peps", where=tmp_path)
    assert _positions(tmp_path, "peps") == before


def test_a_cancel_while_the_posts_are_read_leaves_the_list_as_it_was(tmp_path):
    many = [_e(f"occ-{i}", "Occupancy", holder=KIM["id"], post=LEADER["id"],
               startDate=f"{1950 + i % 70}") for i in range(5000)]
    f = _write(tmp_path / "entities.ftm.json", [KIM, LEADER, *many])
    said = []

    def progress(done, total, what):
        said.append((done, total, what))
        raise Cancelled()

    with pytest.raises(Cancelled):
        load(f, "k", where=tmp_path, progress=progress)
    assert said[0][2].startswith("reading posts") and said[0][0] <= said[0][1] // 10
    assert _positions(tmp_path, "k") == {}
    said.clear()
    r = load(f, "k", where=tmp_path, progress=lambda *a: said.append(a))
    assert r.posts == 70 and len(_positions(tmp_path, "k")[KIM["id"]]) == 70
    # reading the posts, making them, then the entries: the bar never goes back
    assert [w.split(":")[0].rstrip(" 0123456789,") for _d, _t, w in said] == [
        "reading posts (Occupancy, Position)", "making posts", "line", "indexing"]
    assert [d for d, _t, _w in said] == sorted(d for d, _t, _w in said)

    def cancel_making(done, total, what):
        if what.startswith("making posts"):
            raise Cancelled()

    with pytest.raises(Cancelled):
        load(f, "k2", where=tmp_path, progress=cancel_making)
    assert _positions(tmp_path, "k2") == {}


@settings(max_examples=25, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture])
@given(st.permutations(LINES))
def test_the_posts_are_the_same_whatever_the_order_of_the_lines(tmp_path, lines):
    name = f"p{abs(hash(tuple(d['id'] + str(d['properties']) for d in lines)))}"
    r = load(_write(tmp_path / f"{name}.ftm.json", lines), name, where=tmp_path)
    got = _positions(tmp_path, name)
    assert {k: got[k] for k in EXPECTED} == EXPECTED
    assert (r.posts, r.post_holders, r.left_out) == (4, 3, LEFT_OUT)


def test_a_delta_files_posts_reach_the_persons_it_adds_and_its_deletions_still_apply(
        tmp_path):
    load(_write(tmp_path / "entities.ftm.json", [KIM, COMPANY]), "d", where=tmp_path)
    delta = [{"op": "ADD", "entity": d} for d in (OCC[0], DUMA, OSETROVA)] + [
        {"op": "DEL", "entity": {"id": COMPANY["id"], "schema": "Company"}},
        {"op": "DEL", "entity": {"id": "occ-old", "schema": "Occupancy"}}]
    r = load(_write(tmp_path / "delta.json", delta), "d", where=tmp_path)
    assert (r.kind, r.added, r.removed, r.posts) == ("delta", 1, 1, 1)
    assert _positions(tmp_path, "d") == {KIM["id"]: None,
                                         OSETROVA["id"]: EXPECTED[OSETROVA["id"]][:1]}


def test_a_nested_occupancy_line_among_flat_ones_is_read_as_a_nested_line(tmp_path):
    """A line that is an Occupancy with its holder and post nested in it (as yente gives
    one) is not a flat post: it is read with the entries, its person given the post."""
    (nested,) = nested_targets([KIM, LEADER, OCC[2]], targets={"occ-kim"})
    assert nested["schema"] == "Occupancy" and isinstance(
        nested["properties"]["holder"][0], dict)
    flat = [OSETROVA, DUMA, GOVERNOR, OCC[0], OCC[1]]
    r = load(_write(tmp_path / "entities.ftm.json", [nested, *flat]), "m", where=tmp_path)
    got = _positions(tmp_path, "m")
    assert got == {k: EXPECTED[k] for k in (OSETROVA["id"], KIM["id"])}
    # the nested line's post is counted with the flat ones, and not as an entity left out
    assert (r.added, r.posts, r.post_holders, r.left_out, r.skipped) == (2, 3, 2, {}, 0)


def test_a_hit_on_a_flat_files_pep_shows_the_reviewer_its_dated_posts(tmp_path):
    from casefile.services.case.facade import Case
    from casefile.services.screening.results import hits
    from casefile.services.screening.screen import screen_case
    from casefile.ui.screening_hits import entry_text

    load(_write(tmp_path / "entities.ftm.json", LINES), "peps", where=tmp_path)
    with Case.new(tmp_path / "c.casefile") as case:
        eid = case.create("entity", {"name": "Мария Осетрова", "kind": "person"}
                          ).created["entity"][0]
        screen_case(case, "peps", where=tmp_path, party=eid)
        with case.read() as conn:
            (h,) = hits(conn)
    shown = entry_text(h).splitlines()
    assert h.entry["id"] == OSETROVA["id"]
    assert [x for x in shown if x.startswith("position: ")] == [
        f"position: {line}" for line in EXPECTED[OSETROVA["id"]]]


def test_a_nested_post_whose_position_is_missing_is_counted_as_a_flat_one_is(tmp_path):
    """Ivanov nested with his two Occupancies, one naming a Position the file lacks: one
    post kept, the other counted under the same words a flat file's would be."""
    (nested,) = nested_targets([IVANOV, DEPUTY, OCC[3], OCC[4]], targets={IVANOV["id"]})
    r = load(_write(tmp_path / "targets.nested.json", [nested]), "n", where=tmp_path)
    assert (r.posts, r.post_holders) == (1, 1)
    assert r.left_out == {"Occupancy whose post (Position) is not in the file": 1}
