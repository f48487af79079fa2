"""The digest worker (casefile.store.digest_sums): batches of a bulk write large enough to go
to the worker process leave exactly the row digests and content digest that digesting in the
writer's own process leaves, and that a recomputation from scratch gives — also when a batch
holds a value whose stored form is uncertain (read back) and when the worker fails."""

from __future__ import annotations

import csv
import random
import sqlite3
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.services.exchange.imports.shipments import import_shipments
from casefile.store import digest_sums
from casefile.store.bulk import insert_many
from tests.services.test_digest import head, recomputed

ROWS = 2 * digest_sums.WORKER_ROWS + 321  # more than one batch to the worker, and a rest


def _trade_file(path: Path, rows: int) -> None:
    rnd = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Shipper", "Consignee", "Goods", "Weight", "Origin",
                    "Destination", "Via", "Value"])
        for i in range(rows):
            w.writerow([f"2022-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}",
                        f"Exporter {rnd.randrange(300)} Co., Ltd",
                        f"ООО «Импорт {rnd.randrange(300)}»", f"parts, lot {i}",
                        f"{rnd.randrange(1, 9000)},{rnd.randrange(10)}", "CN", "RU",
                        rnd.choice(["", "AE", "Turkey"]), str(rnd.randrange(10**6))])


def _digests(p: Path) -> list[tuple[Any, ...]]:
    """The stored digests of the rows the import writes in bulk (the parties and the
    file's source carry the time they were made: they differ between two imports)."""
    con = sqlite3.connect(p)
    try:
        return con.execute(
            "SELECT tbl, id, digest FROM row_digest WHERE tbl IN ('shipment', 'route_stop', "
            "'citation') ORDER BY tbl, id").fetchall()
    finally:
        con.close()


@pytest.fixture
def fresh_worker():
    """The worker as a first use finds it, and stopped afterwards."""
    digest_sums.shutdown()
    digest_sums._unavailable = False
    yield
    digest_sums.shutdown()
    digest_sums._unavailable = False


def test_the_worker_leaves_what_digesting_here_leaves(tmp_path, monkeypatch, fresh_worker):
    f = tmp_path / "trade.csv"
    _trade_file(f, ROWS)
    with Case.new(tmp_path / "w.casefile") as c:
        import_shipments(c, f, accept_missing=True)
        assert head(c) == recomputed(c)
    assert digest_sums._executor is not None  # the batches went to the worker
    digest_sums.shutdown()
    monkeypatch.setattr(digest_sums, "_unavailable", True)  # everything in this process
    with Case.new(tmp_path / "h.casefile") as c:
        import_shipments(c, f, accept_missing=True)
    assert digest_sums._executor is None
    made = _digests(tmp_path / "w.casefile")
    assert len(made) > 2 * ROWS
    assert made == _digests(tmp_path / "h.casefile")
    report = check_case(tmp_path / "w.casefile")
    assert report.ok, report.problems


def test_an_uncertain_batch_from_the_worker_is_read_back(tmp_path, fresh_worker):
    """Text SQLite takes for a number ("6" into the integer credibility) in a batch large
    enough for the worker: the worker declines it, the writer digests the stored rows."""
    p = tmp_path / "c.casefile"
    with Case.new(p) as c:
        sid = c.create("source", {"title": "Ledger"}).result
        eid = c.create("entity", {"name": "Maker"}).result
        cols = ["source_id", "entity_id", "excerpt", "locator", "credibility"]
        rows = [(sid, eid, f"line {i}", f"row {i}", "6" if i % 997 == 0 else 5)
                for i in range(ROWS)]

        def work(tx):  # noqa: ANN001, ANN202
            insert_many(tx.conn, "citation", cols, rows, digest=True)
            tx.bulk.append(("citation", "source_id", [sid]))
        c.operation("Bulk", work)
        assert head(c) == recomputed(c)
    assert digest_sums._executor is not None
    assert check_case(p).ok


class _FailingPool:
    """A worker that dies under every batch (as a killed process would)."""
    def submit(self, *_args: Any, **_kw: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(RuntimeError("worker killed"))
        return future

    def shutdown(self, **_kw: Any) -> None:
        pass


def test_a_failed_worker_costs_time_not_digests(tmp_path, monkeypatch, fresh_worker, caplog):
    f = tmp_path / "trade.csv"
    _trade_file(f, ROWS)
    monkeypatch.setattr(digest_sums, "_executor", _FailingPool())
    p = tmp_path / "c.casefile"
    with Case.new(p) as c:
        import_shipments(c, f, accept_missing=True)
        assert head(c) == recomputed(c)
        c.undo()
        assert head(c) == recomputed(c)
    assert "digest worker failed" in caplog.text
    assert digest_sums._unavailable  # not tried again in this process
    assert check_case(p).ok
