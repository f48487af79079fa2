"""A list indexed by an earlier Casefile is indexed again before it is screened against, so
that keys added since find their entries (an English-named party finds a list's Arabic- or
Han-only entry without loading the list's file again); a list of today is left alone, and a
re-indexing cut short leaves the old index."""

import pytest

from casefile.core.screening.keys import KEYS_VERSION
from casefile.errors import Cancelled
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.results import hits
from casefile.services.screening.screen import screen_case
from casefile.services.screening.watchlist_import import load
from casefile.services.screening.watchlist_keys import bring_up_to_date, keys_version
from tests.support.watchlist import ftm, write_ftm

LISTED = [ftm("NK-khaleej", "Company", "شركة الخليج للتجارة العامة ذ.م.م", country="ae",
              topics="sanction"),
          ftm("NK-huawei", "Company", "华为技术有限公司", country="cn", topics="sanction"),
          *(ftm(f"NK-{i}", "Company", f"Trading House {i} LLC", country="ae",
                topics="sanction") for i in range(60))]


def _as_an_old_casefile_left_it(tmp_path, keep: str) -> None:
    """The list as a Casefile before the keys' version left it: no version said, and the
    Arabic and Han entries found by no key but ``keep``."""
    con = db.open_existing("old", tmp_path)
    con.execute("DELETE FROM setting")
    con.execute("DELETE FROM token WHERE entry IN (SELECT id FROM entry WHERE key IN "
                "('NK-khaleej', 'NK-huawei')) AND key NOT LIKE ?", (keep,))
    con.execute("DELETE FROM key_weight")
    con.execute("INSERT INTO key_weight SELECT key, count(*) FROM token GROUP BY key")
    con.close()


def test_an_old_list_is_indexed_anew_before_screening(case, tmp_path):
    load(write_ftm(tmp_path / "e.ftm.json", LISTED), "old", where=tmp_path)
    con = db.open_existing("old", tmp_path)
    assert keys_version(con) == KEYS_VERSION  # said by the load
    con.close()
    _as_an_old_casefile_left_it(tmp_path, "b:%")
    for name in ("Al Khaleej General Trading LLC", "Huawei Technologies Co., Ltd."):
        case.create("entity", {"name": name, "kind": "company"})
    screen_case(case, "old", where=tmp_path)
    with case.read() as conn:
        found = {h.party: h.list_key for h in hits(conn) if h.score >= 0.7}
    assert found == {"Al Khaleej General Trading LLC": "NK-khaleej",
                     "Huawei Technologies Co., Ltd.": "NK-huawei"}
    con = db.open_existing("old", tmp_path)
    assert keys_version(con) == KEYS_VERSION
    assert bring_up_to_date(con) is False  # once is enough
    con.close()


def test_reindexing_cut_short_keeps_the_old_index(tmp_path):
    many = [ftm(f"NK-x{i}", "Company", f"Trading House {i} LLC") for i in range(6000)]
    load(write_ftm(tmp_path / "e.ftm.json", [*LISTED, *many]), "old", where=tmp_path)
    _as_an_old_casefile_left_it(tmp_path, "b:%")
    con = db.open_existing("old", tmp_path)
    before = con.execute("SELECT count(*) FROM token").fetchone()[0]

    def stop(done, total, what):
        raise Cancelled()

    with pytest.raises(Cancelled):
        bring_up_to_date(con, stop)
    assert con.execute("SELECT count(*) FROM token").fetchone()[0] == before
    assert keys_version(con) == 0
    assert bring_up_to_date(con) is True
    assert con.execute("SELECT count(*) FROM token").fetchone()[0] > before
    con.close()


def test_loading_a_file_into_an_old_list_indexes_all_of_it_first(case, tmp_path):
    """(review38) Loading the next day's file marked the whole list current, though the
    entries it left as they were kept the keys of the Casefile that indexed them: screening
    then missed them, and never indexed the list again."""
    file = write_ftm(tmp_path / "e.ftm.json", LISTED)
    load(file, "old", where=tmp_path)
    _as_an_old_casefile_left_it(tmp_path, "b:%")
    load(file, "old", where=tmp_path)  # the same entries: all unchanged
    case.create("entity", {"name": "Al Khaleej General Trading LLC", "kind": "company"})
    con = db.open_existing("old", tmp_path)
    assert keys_version(con) == KEYS_VERSION
    assert bring_up_to_date(con) is False
    con.close()
    screen_case(case, "old", where=tmp_path)
    with case.read() as conn:
        assert [h.list_key for h in hits(conn) if h.score >= 0.7] == ["NK-khaleej"]
