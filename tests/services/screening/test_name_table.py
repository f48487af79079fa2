"""The person-name table on disk: built once from rigour's own data, opened by later
processes without rigour's automaton, the same symbols as rigour's tagger on thousands of
names, and rebuilt (or replaced by rigour's tagger) when it is stale, damaged or missing."""

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from rigour.names import NameTypeTag, analyze_names

from casefile.core.screening import names
from casefile.core.screening import person_tagger as pt
from casefile.core.screening.score import score
from casefile.services.screening import name_table
from tests.support.gold_set import as_party_entry, pairs
from tests.support.watchlist import synthetic

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def fresh():
    """No table in use before or after the test."""
    before = names.person_table()
    names.use_person_table(None)
    yield
    _put_back(before)


def _put_back(before):
    """Use ``before`` again; a table the test opened is closed, not left to the collector
    (Python 3.13 reports it in whichever test runs next)."""
    now = names.person_table()
    names.use_person_table(before)
    if now is not None and now is not before and now not in _SHARED:
        now.close()


_SHARED: list = []  # the module's built table, which its tests share (closed at its end)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache")
    before = names.person_table()
    assert name_table.prepare(folder) in ("built", "ready")
    if before is not None:  # another test had one in use: take the one in this folder
        # (built now if the call above found the one in use 'ready'; else opened)
        names.use_person_table(None)
        assert name_table.prepare(folder) in ("built", "opened")
        assert names.person_table() is not None
    table = names.person_table()
    names.use_person_table(before)
    _SHARED.append(table)
    yield folder, table
    _SHARED.remove(table)
    if table is not None and table is not names.person_table():
        table.close()


def _drop_table():
    """Stop using the table this test opened, closing its file (Python 3.13 reports one
    left to the garbage collector)."""
    table = names.person_table()
    names.use_person_table(None)
    table.close()


def describe(found):
    out = []
    for n in sorted(found, key=lambda n: n.form):
        out.append((n.form, str(n.tag), [(p.form, str(p.tag)) for p in n.parts], sorted(
            {(str(s.symbol.category), s.symbol.id, tuple(p.index for p in s.parts))
             for s in n.spans})))
    return out


def sample_names(table):
    texts = set()
    for p in pairs():
        texts.update(p.names)
        for prop in ("name", "alias", "weakAlias"):
            texts.update(p.entry.get(prop, []))
    texts.update(e["caption"] for e in synthetic(1500))
    phrases = [r[0] for r in table.con.execute("SELECT form FROM phrase")]
    rnd = random.Random(5)
    for _ in range(2000):  # runs of corpus phrases in every script, numbers, honorifics
        texts.add(" ".join(rnd.sample(phrases, rnd.randint(1, 4))))
    texts.update(["Mr. John 2nd Smith III", "Henry the 8th", "Mohammed bin Salman Al Saud",
                  "José María Aznar", "O'Brien-Smith 1", "Eli Lilly LLP", "Schmidt AG",
                  "Jean-Claude van Damme", "Abu Bakr al-Baghdadi", "Kim Jong Un", "习近平"])
    return sorted(texts)


@pytest.mark.slow
def test_the_table_tags_names_exactly_as_rigours_own_tagger(built):
    _folder, table = built
    texts = sample_names(table)
    assert len(texts) > 3000
    for tag in (NameTypeTag.PER, NameTypeTag.ENT):
        apart = [t for t in texts if describe(pt.analyse(t, tag, table)) !=
                 describe(analyze_names(tag, [t], consolidate=False))]
        assert apart == [], (tag, apart[:5])


def test_the_gold_set_scores_the_same_with_the_table_as_with_rigours_tagger(built, fresh):
    _folder, table = built
    gold = [as_party_entry(p, i) for i, p in enumerate(pairs())]
    theirs = [score(*pe).score for pe in gold]
    names.use_person_table(table)
    ours = [score(*pe).score for pe in gold]
    assert ours == theirs


def test_a_later_process_opens_the_table_and_never_builds_rigours_automaton(built):
    folder, _table = built
    code = ("import sys, time; from pathlib import Path; "
            "from casefile.services.screening import name_table as t; "
            "from casefile.core.screening.names import analyse; "
            "print(t.prepare(Path(sys.argv[1]))); "
            "s = time.perf_counter(); analyse('Sergey Chemezov', 'PER'); "
            "print(sorted(x.id for x in analyse('Sergey Chemezov', 'PER')[0].symbols))")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout.split("\n")
    assert out[0] == "opened"
    assert "Q12902079" in out[1]  # sergey's given-name group, as rigour tags it


def test_a_stale_or_damaged_table_is_built_again(built, fresh, tmp_path):
    folder, _table = built
    file = name_table.path(folder)
    copy = name_table.path(tmp_path)
    copy.write_bytes(file.read_bytes())
    con = sqlite3.connect(copy)
    con.execute("UPDATE meta SET v = '0.0' WHERE k = 'rigour'")
    con.commit()
    con.close()
    assert name_table.open_table(copy, name_table.key()) is None
    left = [tmp_path / "rigour-0.1-person-names.sqlite", copy.with_name(copy.name + ".9.tmp")]
    for f in left:  # an older rigour's table, a killed build's file
        f.write_bytes(b"old")
    assert name_table.prepare(tmp_path) == "built"
    assert not any(f.exists() for f in left)
    _drop_table()
    assert name_table.prepare(tmp_path) == "opened"
    _drop_table()
    con = sqlite3.connect(copy)
    con.execute("DELETE FROM phrase WHERE form = 'sergey'")
    con.commit()
    con.close()
    assert name_table.open_table(copy, name_table.key()) is None  # rows lost: not used
    data = bytearray(copy.read_bytes())
    data[len(data) // 2:len(data) // 2 + 4096] = b"\xff" * 4096
    copy.write_bytes(bytes(data))
    assert name_table.prepare(tmp_path) == "built"
    assert names.person_table() is not None


def test_a_table_unreadable_in_use_hands_over_to_rigours_tagger(built, fresh, tmp_path):
    folder, _table = built
    copy = name_table.path(tmp_path)
    copy.write_bytes(name_table.path(folder).read_bytes())
    assert name_table.prepare(tmp_path) == "opened"
    names.person_table().con.close()  # as a read error would
    (n,) = names.analyse("Sergei Lavrov", "PER")
    assert "Q12902079" in {s.id for s in n.symbols}  # from rigour's own tagger now
    assert names.person_table() is None and not copy.exists()  # the next process rebuilds


def test_without_rigours_data_screening_uses_rigours_tagger(fresh, tmp_path, monkeypatch):
    fake = tmp_path / "_core.so"
    fake.write_bytes(b"\x28\xb5\x2f\xfd not a frame" + bytes(1000))
    monkeypatch.setattr(name_table, "binary", lambda: fake)
    assert name_table.prepare(tmp_path) == "rigour"
    assert names.person_table() is None
    assert not list(tmp_path.glob("*.sqlite"))
