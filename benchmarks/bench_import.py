"""Import benchmark (issue: bring data in and out).

A generated 100,000-row shipment CSV with 5,000 distinct parties, imported into an empty case
(entity resolution, provenance and search index included), against a raw
sqlite3.executemany of the same rows read with the csv module in the same run. The CPU time
of each is printed too: on a machine others share, it varies far less than the wall time
(each side runs on one thread). Peak memory
is measured in a fresh process for 20,000, 100,000, 400,000 and 1,000,000 rows: it must not
grow with the file, and the time per row must not either (linear).

    python benchmarks/bench_import.py            # all sizes (the 1M run takes minutes)
    python benchmarks/bench_import.py 100000     # chosen sizes
"""

from __future__ import annotations

import csv
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from worker_usage import digest_worker_usage

HEADER = ["ShipperName", "ConsigneeName", "ArrivalDate", "HSCode", "ProductDescription",
          "GrossWeightKg", "ValueOfGoodsUSD", "CountryOfOrigin", "TransitCountry"]


def make_csv(path: Path, rows: int) -> None:
    rnd = random.Random(3)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for _i in range(rows):
            w.writerow([f"Exporter {rnd.randrange(2500)} Co., Ltd",
                        f"ООО «Импорт {rnd.randrange(2500)}»",
                        f"{rnd.randrange(1, 29):02d}.{rnd.randrange(1, 13):02d}.2022",
                        str(rnd.randrange(8400, 9400)), "drone parts and batteries",
                        f"{rnd.randrange(10, 90000)},{rnd.randrange(10)}",
                        str(rnd.randrange(100, 10**6)), "China", rnd.choice(["", "UAE",
                                                                              "Turkey"])])


def baseline(path: Path, db: Path) -> float:
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE raw (" + ", ".join(f"c{i} TEXT" for i in range(9)) + ")")
    t0 = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        con.executemany(f"INSERT INTO raw VALUES ({', '.join('?' * 9)})", r)
    con.commit()
    con.close()
    return time.perf_counter() - t0


def child(csv_path: str, case_path: str) -> None:
    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.shipments import import_shipments

    case = Case.new(case_path)
    before = _hwm()
    t0, c0 = time.perf_counter(), time.process_time()
    report = import_shipments(case, csv_path, accept_missing=True).result  # no destination
    t, cpu = time.perf_counter() - t0, time.process_time() - c0
    case.close()
    peak = _hwm()
    print(f"{t:.3f} {peak:.0f} {report.shipments} {len(report.new_entities)} {before:.0f} "
          f"{cpu:.3f} {' '.join(map(str, digest_worker_usage()))}")


def _hwm() -> float:
    """Peak RSS in MB of this process (VmHWM: ru_maxrss would carry the parent's peak
    across exec)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def same_rows_baseline(case_path: Path, target: Path) -> tuple[float, float, float]:
    """The rows the import wrote (entities, shipments, route stops, citations), written again
    with plain executemany into an empty copy of the schema (indexes included): (seconds,
    CPU seconds, seconds with the search index rows too)."""
    src = sqlite3.connect(case_path)
    tables = ("entity", "shipment", "route_stop", "citation")
    ddl = [r[0] for r in src.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
        "AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'")]
    fts = src.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()
    rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    docs = src.execute("SELECT rowid, title, body FROM search_index").fetchall()
    src.close()
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode=WAL")
    for stmt in [*ddl, fts[0]]:
        con.execute(stmt)
    con.commit()
    t0, c0 = time.perf_counter(), time.process_time()
    for t in tables:
        if rows[t]:
            con.executemany(f"INSERT INTO {t} VALUES ({', '.join('?' * len(rows[t][0]))})",
                            rows[t])
    con.commit()
    t_rows, cpu_rows = time.perf_counter() - t0, time.process_time() - c0
    con.executemany("INSERT INTO search_index(rowid, title, body) VALUES (?, ?, ?)", docs)
    con.commit()
    t_all = time.perf_counter() - t0
    con.close()
    return t_rows, cpu_rows, t_all


def run_child(csv_path: Path, case_path: Path
              ) -> tuple[float, float, int, int, float, float, float, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(csv_path), str(case_path)],
                         capture_output=True, text=True, check=True).stdout.split()
    return (float(out[0]), float(out[1]), int(out[2]), int(out[3]), float(out[4]),
            float(out[5]), float(out[6]), float(out[7]))


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return 0
    tmp = Path(tempfile.mkdtemp())
    results = {}
    sizes = [int(a) for a in sys.argv[1:]] or [20_000, 100_000, 400_000, 1_000_000]
    for rows in sizes:
        path = tmp / f"t{rows}.csv"
        make_csv(path, rows)
        t_base = baseline(path, tmp / f"raw{rows}.sqlite")
        t, peak, ships, parties, before, cpu, wcpu, wpeak = run_child(
            path, tmp / f"c{rows}.casefile")
        t_same, cpu_same, t_fts = same_rows_baseline(tmp / f"c{rows}.casefile",
                                                     tmp / f"same{rows}.sqlite")
        results[rows] = (t, t_base, t_same, peak, before, parties,
                         path.stat().st_size / 1e6, cpu, cpu_same, wcpu, wpeak, t_fts)
    for rows, (t, t_base, t_same, peak, before, parties, size, cpu, cpu_same, wcpu,
               wpeak, t_fts) in results.items():
        print(f"{rows:>7,} rows ({size:.1f} MB, {parties:,} new parties): import {t:.2f} s | "
              f"raw executemany of the CSV text {t_base:.2f} s (ratio {t / t_base:.1f}x) | "
              f"raw executemany of the rows written {t_same:.2f} s (ratio {t / t_same:.1f}x;"
              f" goal <= 4x), with the search index rows too {t_fts:.2f} s (ratio "
              f"{t / t_fts:.1f}x) | CPU time {cpu:.2f} s against {cpu_same:.2f} s (ratio "
              f"{cpu / cpu_same:.1f}x; with the digest worker's {wcpu:.2f} s "
              f"{(cpu + wcpu) / cpu_same:.1f}x) | {t / rows * 1e6:.1f} µs per row | peak RSS "
              f"{peak:.0f} MB (before the import {before:.0f} MB; digest worker "
              f"{wpeak:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
