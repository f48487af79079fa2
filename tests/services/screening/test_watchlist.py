"""The watchlist database: OpenSanctions entities.ftm.json (full and delta) and
targets.simple.csv loaded streamed, with the file's SHA-256, version and licence; a load is
all or nothing (a bad line or a cancel leaves the list as it was)."""

import hashlib
import json
import re
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.core.screening.records import Party
from casefile.errors import Cancelled, ImportFileError, NotFoundError
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.candidates import Index
from casefile.services.screening.watchlist_import import load
from tests.support.watchlist import ENTRIES, ftm, write_ftm, write_simple


def rows(where, name):
    con = sqlite3.connect(db.path_of(name, where))
    try:
        return dict(con.execute("SELECT key, caption FROM entry").fetchall())
    finally:
        con.close()


def test_a_full_file_keeps_the_matchable_schemata_with_hash_version_and_licence(tmp_path):
    f = write_ftm(tmp_path / "entities.ftm.json")
    r = load(f, "sanctions", where=tmp_path, dataset="sanctions")
    # the Sanction is kept with the entry it lists, the Address left out
    assert (r.added, r.sanctions, r.skipped, r.kind) == (len(ENTRIES), 1, 1, "lines")
    assert r.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()
    assert r.version == "2024-05-01T10:00:00"  # the newest last_change
    assert "CC BY-NC 4.0" in r.licence
    assert set(rows(tmp_path, "sanctions")) == {e["id"] for e in ENTRIES}
    (w,) = db.list_all(tmp_path)
    assert (w.name, w.entries, w.dataset, w.sha256) == ("sanctions", 6, "sanctions", r.sha256)


def test_each_line_is_parsed_once_and_its_entry_indexed_by_its_names(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from casefile.core.screening.keys import entry_keys
    from casefile.core.screening.records import NAME_PROPS, WEAK_PROPS
    from casefile.services.screening import watchlist_files  # (where lines are parsed)

    f = write_ftm(tmp_path / "entities.ftm.json")
    parsed = []
    counting = SimpleNamespace(**{**vars(json), "loads": lambda *a, **k: parsed.append(1)
                                  or json.loads(*a, **k)})
    monkeypatch.setattr(watchlist_files, "json", counting)
    load(f, "s", where=tmp_path)
    lines = [x for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(parsed) == len(lines)  # what was just written is not read back
    con = sqlite3.connect(db.path_of("s", tmp_path))
    try:  # each entry found by the keys of the names it holds
        for eid, data, caption in con.execute("SELECT id, data, caption FROM entry").fetchall():
            props = json.loads(data)
            names = [v for p in (*NAME_PROPS, *WEAK_PROPS) for v in props.get(p, ())]
            keys = {k for k, in con.execute("SELECT key FROM token WHERE entry = ?", (eid,))}
            assert keys and keys >= set(entry_keys(names or [caption], []))
    finally:
        con.close()


def test_loading_again_rewrites_only_what_changed_and_removes_what_went(tmp_path):
    f = write_ftm(tmp_path / "entities.ftm.json")
    load(f, "s", where=tmp_path)
    changed = [dict(e) for e in ENTRIES[1:]]
    changed[0] = ftm("NK-rostec", "Company", "Rostec State Corporation", innCode="7704274402")
    r = load(write_ftm(tmp_path / "v2.ftm.json", changed), "s", where=tmp_path)
    assert (r.added, r.changed, r.removed, r.unchanged) == (0, 1, 1, 4)
    assert rows(tmp_path, "s")["NK-rostec"] == "Rostec State Corporation"
    assert "NK-chemezov" not in rows(tmp_path, "s")
    con = db.connect(db.path_of("s", tmp_path))
    found = Index(con).candidates(Party(1, "Company", ["Rostec State Corporation"]))
    assert [e.key for e in found][:1] == ["NK-rostec"]
    con.close()


def test_a_delta_file_applies_its_operations(tmp_path):
    load(write_ftm(tmp_path / "entities.ftm.json"), "s", where=tmp_path)
    delta = tmp_path / "entities.delta.json"
    lines = [{"op": "DEL", "entity": {"id": "NK-smith", "schema": "Person"}},
             {"op": "ADD", "entity": ftm("NK-new", "Person", "Ivan Petrov")},
             {"op": "MOD", "entity": ftm("NK-vessel", "Vessel", "SEA STAR II",
                                         imoNumber="IMO9187629")}]
    delta.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    r = load(delta, "s", where=tmp_path)
    assert (r.kind, r.added, r.changed, r.removed) == ("delta", 1, 1, 1)
    keys = rows(tmp_path, "s")
    assert "NK-smith" not in keys and keys["NK-vessel"] == "SEA STAR II"
    assert "NK-chemezov" in keys  # a delta removes only what it names


def test_targets_simple_csv_is_accepted(tmp_path):
    r = load(write_simple(tmp_path / "targets.simple.csv"), "simple", where=tmp_path)
    assert (r.added, r.skipped) == (2, 1)
    con = db.connect(db.path_of("simple", tmp_path))
    (e,) = Index(con).entries([1])
    assert "Sergey Chemezov" in e.names and e.birth_dates == ["1952-08-20"]
    con.close()


def test_a_file_without_change_dates_is_versioned_by_the_day_it_was_written(tmp_path):
    """(review) A targets.simple.csv fetched last month read as version 'today' (the day it
    was loaded): without last_change values the version is the file's own date."""
    import os
    from datetime import datetime

    f = write_simple(tmp_path / "targets.simple.csv")
    f.write_text(f.read_text("utf-8").replace(",2024-05-01\n", ",\n"), "utf-8")  # (none said)
    when = datetime(2026, 10, 3, 12, 0).timestamp()
    os.utime(f, (when, when))
    r = load(f, "simple", where=tmp_path)
    assert r.version == "2026-10-03"
    assert load(f, "simple", where=tmp_path, version="20261005").version == "20261005"


def test_a_bad_line_is_named_and_leaves_the_list_as_it_was(tmp_path):
    load(write_ftm(tmp_path / "entities.ftm.json"), "s", where=tmp_path)
    bad = tmp_path / "bad.ftm.json"
    bad.write_text(json.dumps(ftm("NK-x", "Person", "X Y")) + "\n{not json\n", "utf-8")
    with pytest.raises(ImportFileError, match=r"bad.ftm.json, line 2: not valid JSON"):
        load(bad, "s", where=tmp_path)
    assert "NK-x" not in rows(tmp_path, "s") and len(rows(tmp_path, "s")) == 6


def test_cancel_leaves_the_list_as_it_was(tmp_path):
    from tests.support.watchlist import synthetic
    load(write_ftm(tmp_path / "entities.ftm.json"), "s", where=tmp_path)
    big = write_ftm(tmp_path / "big.ftm.json", synthetic(12000))
    seen = []

    def progress(done, total, message):
        seen.append(done)
        raise Cancelled()
    with pytest.raises(Cancelled):
        load(big, "s", where=tmp_path, progress=progress)
    assert seen and len(rows(tmp_path, "s")) == 6


def test_a_full_file_without_matchable_entities_does_not_empty_the_list(tmp_path):
    load(write_ftm(tmp_path / "entities.ftm.json"), "s", where=tmp_path)
    other = write_ftm(tmp_path / "other.ftm.json", [])
    with pytest.raises(ImportFileError, match="holds no entity of a schema that is matched"):
        load(other, "s", where=tmp_path)
    assert len(rows(tmp_path, "s")) == 6


def test_unknown_watchlists_and_names_are_refused(tmp_path):
    with pytest.raises(NotFoundError, match="no watchlist called 'nope'"):
        db.open_existing("nope", tmp_path)
    with pytest.raises(Exception, match="no watchlist name"):
        db.path_of("../etc", tmp_path)


_schemas = st.sampled_from(["Person", "Company", "Vessel", "Sanction", "Address",
                            "LegalEntity", "", "Thing"])
_text = st.text(max_size=20)
_entity = st.fixed_dictionaries(
    {"id": st.one_of(_text, st.integers().map(str)), "schema": _schemas},
    optional={"caption": st.one_of(_text, st.none()),
              "datasets": st.lists(_text, max_size=2),
              "last_change": st.one_of(_text, st.none()),
              "properties": st.dictionaries(
                  st.sampled_from(["name", "alias", "innCode", "birthDate", "country",
                                   "weakAlias", "topics", "junk"]),
                  st.one_of(st.lists(st.one_of(_text, st.integers(), st.none()),
                                     max_size=3), _text), max_size=5)})


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_entity, max_size=8))
def test_any_entity_lines_load_or_are_refused_with_their_line(tmp_path, items):
    import tempfile
    from pathlib import Path

    where = Path(tempfile.mkdtemp(dir=tmp_path))
    f = where / "entities.ftm.json"
    f.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), "utf-8")
    keys = {x["id"] for x in items if x["schema"] in
            ("Person", "Company", "Vessel", "LegalEntity")}
    try:
        r = load(f, "h", where=where)
    except ImportFileError as exc:
        said = str(exc)
        if said.startswith("entities.ftm.json holds no entity of a schema that is matched"):
            assert not keys  # (review21: a first load of none makes no list)
            assert not db.path_of("h", where).exists()
            return
        assert re.match(r"entities\.ftm\.json, line \d+: (an entity without a schema|a "
                        r"\w+ without an id)$", said) or \
            said == "entities.ftm.json is empty: nothing to load", said
        n = int(said.split()[2][:-1]) if "line" in said else 0
        assert not items or not items[n - 1]["schema"] or not items[n - 1]["id"]
        return
    assert set(rows(where, "h")) == keys
    assert r.added == len(keys)
    assert r.skipped == sum(x["schema"] not in ("Person", "Company", "Vessel",
                                                "LegalEntity") for x in items)


def _lines(path, entities):
    """Only these entities, a line each (write_ftm adds the fixture's sanctions too)."""
    path.write_text("".join(json.dumps(e) + "\n" for e in entities), "utf-8")
    return path


def test_two_downloads_in_one_folder_are_two_lists_named_by_their_datasets(tmp_path):
    """Both files saved to Downloads as entities.ftm.json and entities.ftm (1).json: each
    becomes the list of the dataset its entities name, and the second does not replace
    (and empty) the first. In OpenSanctions' own layout the folder names the list."""
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    peps = _lines(downloads / "entities.ftm.json",
                  [ftm("P-1", "Person", "Anna Li", datasets=("wd_peps",))])
    first = load(peps, where=tmp_path)
    sanctions = _lines(downloads / "entities.ftm (1).json",
                       [ftm("S-1", "Person", "Ivan Petrov", datasets=("us_ofac_sdn",)),
                        ftm("S-2", "Company", "Volga", datasets=("us_ofac_sdn", "eu_fsf"))])
    second = load(sanctions, where=tmp_path)
    assert (first.name, second.name) == ("wd_peps", "us_ofac_sdn")
    assert second.removed == 0 and len(rows(tmp_path, "wd_peps")) == 1
    mixed = _lines(downloads / "entities.ftm (2).json",
                   [ftm("M-1", "Person", "A B", datasets=("a",)),
                    ftm("M-2", "Person", "C D", datasets=("b",))])
    assert load(mixed, where=tmp_path).name == "entities"  # no dataset common to all
    (tmp_path / "peps").mkdir()
    layout = _lines(tmp_path / "peps" / "entities.ftm.json",
                    [ftm("P-2", "Person", "Olga Ivanova", datasets=("wd_peps",))])
    assert load(layout, where=tmp_path).name == "peps"


def test_two_targets_simple_downloads_are_two_lists_named_by_their_datasets(tmp_path):
    """(look24) targets.simple.csv and targets.simple (1).csv saved to Downloads both went
    into the list 'targets': the second replaced the first without a word. Each is now the
    list of the dataset its rows name (their title); a file of several, the file's name."""
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    sdn = write_simple(downloads / "targets.simple.csv")
    eu = downloads / "targets.simple (1).csv"
    eu.write_text(sdn.read_text("utf-8").replace("US OFAC SDN", "EU FSF")
                  .replace("NK-", "EU-"), "utf-8")
    first, second = load(sdn, where=tmp_path), load(eu, where=tmp_path)
    assert (first.name, second.name) == ("US-OFAC-SDN", "EU-FSF")
    assert second.removed == 0 and len(rows(tmp_path, "US-OFAC-SDN")) == first.added
    mixed = downloads / "targets.simple (2).csv"
    text = sdn.read_text("utf-8").splitlines()
    mixed.write_text("\n".join([*text[:2], text[2].replace("US OFAC SDN", "EU FSF")]) + "\n",
                     "utf-8")
    assert load(mixed, where=tmp_path).name == "targets"


def test_a_targets_simple_csv_is_versioned_by_its_newest_change(tmp_path):
    """(look15) A targets.simple.csv whose rows said they last changed on 2024-05-01 was
    given the file's own date as its version, as if it said nothing."""
    import os
    from datetime import datetime

    f = write_simple(tmp_path / "targets.simple.csv")
    when = datetime(2026, 10, 3, 12, 0).timestamp()
    os.utime(f, (when, when))
    assert load(f, "simple", where=tmp_path).version == "2024-05-01"


def test_a_folder_is_said_to_be_one(tmp_path):
    with pytest.raises(ImportFileError, match="is a folder"):
        load(tmp_path, "x", where=tmp_path)
