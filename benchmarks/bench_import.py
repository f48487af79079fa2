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

import atexit
import csv
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from same_rows import write_again
from worker_usage import digest_worker_usage

TABLES = ("source", "entity", "shipment", "route_stop", "citation")  # what the import writes
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
    atexit.register(shutil.rmtree, tmp, True)  # GBs at 1M rows: not left behind
    results = {}
    sizes = [int(a) for a in sys.argv[1:]] or [20_000, 100_000, 400_000, 1_000_000]
    for rows in sizes:
        path = tmp / f"t{rows}.csv"
        make_csv(path, rows)
        t_base = baseline(path, tmp / f"raw{rows}.sqlite")
        t, peak, ships, parties, before, cpu, wcpu, wpeak = run_child(
            path, tmp / f"c{rows}.casefile")
        same = write_again(tmp / f"c{rows}.casefile", tmp / f"same{rows}.sqlite", TABLES)
        results[rows] = (t, t_base, same, peak, before, parties,
                         path.stat().st_size / 1e6, cpu, wcpu, wpeak)
    for rows, (t, t_base, same, peak, before, parties, size, cpu, wcpu,
               wpeak) in results.items():
        print(f"{rows:>7,} rows ({size:.1f} MB, {parties:,} new parties): import {t:.2f} s | "
              f"raw executemany of the CSV text {t_base:.2f} s (ratio {t / t_base:.1f}x) | "
              f"raw executemany of the {same.written:,} records' rows written {same.rows:.2f} s"
              f" (ratio {t / same.rows:.1f}x; goal <= 4x), with their search index rows too "
              f"{same.index:.2f} s (ratio {t / same.index:.1f}x), every one of the "
              f"{same.written_all:,} rows written (row digests and the file kept too) "
              f"{same.all:.2f} s (ratio {t / same.all:.1f}x) | CPU time {cpu:.2f} s against "
              f"{same.cpu_rows:.2f} s (ratio {cpu / same.cpu_rows:.1f}x; with the digest "
              f"worker's {wcpu:.2f} s {(cpu + wcpu) / same.cpu_rows:.1f}x) | "
              f"{t / rows * 1e6:.1f} µs per row | peak RSS {peak:.0f} MB (before the import "
              f"{before:.0f} MB; digest worker {wpeak:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
