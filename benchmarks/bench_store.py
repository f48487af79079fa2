"""Foundation benchmark (issue: the case file).

Synthetic case: 100,000 shipments, 20,000 entities (with aliases), 5,000 sources, 200,000
citations. Prints: bulk write through the store vs a raw sqlite3.executemany of the same rows
into the same schema (same run), search index build, open + counts, median FTS query, size.

    python benchmarks/bench_store.py [--shipments N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from casefile.services.case import indexing
from casefile.services.case.facade import Case
from tests.support import synthetic


def raw_baseline(schema_from: Path, target: Path, a: argparse.Namespace) -> float:
    """The same rows with plain sqlite3.executemany into an empty copy of the schema."""
    src = sqlite3.connect(schema_from)
    ddl = [r[0] for r in src.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
        "AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'")]
    src.close()
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=ON")
    for stmt in ddl:
        con.execute(stmt)
    con.commit()
    t0 = time.perf_counter()
    for table, cols, rows in [
        ("entity", synthetic.ENTITY_COLS, synthetic.entity_rows(a.entities)),
        ("alias", synthetic.ALIAS_COLS, synthetic.alias_rows(a.entities)),
        ("source", synthetic.SOURCE_COLS, synthetic.source_rows(a.sources)),
        ("shipment", synthetic.SHIPMENT_COLS, synthetic.shipment_rows(a.shipments, a.entities)),
        ("citation", synthetic.CITATION_COLS,
         synthetic.citation_rows(a.citations, a.sources, a.shipments)),
    ]:
        con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                        f"({', '.join('?' * len(cols))})", rows)
    con.commit()
    con.close()
    return time.perf_counter() - t0


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--shipments", type=int, default=100_000)
    p.add_argument("--entities", type=int, default=20_000)
    p.add_argument("--sources", type=int, default=5_000)
    p.add_argument("--citations", type=int, default=200_000)
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.casefile"
        case = Case.new(path, title="Benchmark")
        t0 = time.perf_counter()
        with case.engine.begin() as conn:
            synthetic.write_rows(conn, a.shipments, a.entities, a.sources, a.citations)
        t_store = time.perf_counter() - t0
        t0 = time.perf_counter()
        with case.engine.begin() as conn:
            indexing.reindex_all(conn)
        t_index = time.perf_counter() - t0
        case.close()
        t_raw = raw_baseline(path, Path(tmp) / "raw.sqlite", a)

        opens = []
        for _ in range(5):
            t0 = time.perf_counter()
            with Case.open(path) as c:
                counts = c.counts()
            opens.append(time.perf_counter() - t0)
        queries = ["drone", "Техснаб", "中国", "DECL-00004242", "ball bearings", "microchips",
                   "Trading Company 1234", "optics OR cameras", "batch 77", "工业"]
        times = []
        with Case.open(path, readonly=True) as c:
            for q in queries * 3:
                t0 = time.perf_counter()
                c.search(q, limit=50)
                times.append(time.perf_counter() - t0)
        size = path.stat().st_size
    print(f"rows: {a.shipments} shipments, {a.entities} entities (+aliases), {a.sources} "
          f"sources, {a.citations} citations")
    print(f"bulk write via store:     {t_store:7.2f} s")
    print(f"raw executemany baseline: {t_raw:7.2f} s   ratio {t_store / t_raw:.2f}x (goal <= 2x)")
    print(f"search index build:       {t_index:7.2f} s")
    print(f"open + counts (median):   {statistics.median(opens) * 1000:7.1f} ms (goal < 300 ms)"
          f"  counts={counts['shipment']} shipments")
    print(f"FTS query (median of {len(times)}): {statistics.median(times) * 1000:7.2f} ms "
          f"(goal < 20 ms)")
    print(f"file size:                {size / 1e6:7.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
