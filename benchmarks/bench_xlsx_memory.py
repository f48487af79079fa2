"""XLSX memory benchmark (issue 14, item 10: tiny workbooks exhausted the machine).

Each hostile workbook of tests/support/xlsx_bombs.py (a few KB on disk) and one ordinary
20,000-row workbook are read in a fresh process, once by Casefile's streaming reader and once
the way Casefile read XLSX before (openpyxl read-only, ``iter_rows(values_only=True)``). The
figure is the process's peak RSS against a baseline measured in the same run: a process
that imports the same modules and reads nothing. The old reader runs under an address-space
cap and a time limit so it cannot take the machine down: hitting either is printed as such.

    python benchmarks/bench_xlsx_memory.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import xlsx_bombs  # noqa: E402

CAP_BYTES = 1_500_000_000
TIME_LIMIT = 60

CHILD = r"""
import resource, sys, time
mode, path, cap = sys.argv[1], sys.argv[2], int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
import openpyxl
from casefile.errors import ImportFileError
from casefile.services.exchange.imports.reader import open_table
t = time.perf_counter()
rows, outcome = 0, "read"
try:
    if mode == "new":
        table = open_table(path)
        for _row in table.rows():
            rows += 1
    elif mode == "old":
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for row in book.worksheets[0].iter_rows(values_only=True):
            cells = ["" if v is None else str(v) for v in row]
            rows += 1
except ImportFileError as exc:
    outcome = "stopped: " + str(exc)[:70]
except MemoryError:
    outcome = "MemoryError at the cap"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{peak:.0f}\t{time.perf_counter() - t:.2f}\t{rows}\t{outcome}")
"""


def run(mode: str, path: Path) -> str:
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path), str(CAP_BYTES)],
                             capture_output=True, text=True, timeout=TIME_LIMIT,
                             env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    except subprocess.TimeoutExpired:
        return f"-\t>{TIME_LIMIT}\t-\tstill running after {TIME_LIMIT} s (killed)"
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        return f"-\t-\t-\tcrashed: {last[:70]}"
    return out.stdout.strip()


def ordinary(path: Path, rows: int = 20_000) -> Path:
    body = (xlsx_bombs.row(n, (xlsx_bombs.inline(f"{c}{n}", f"{c} value {n}") for c in "ABCD"))
            for n in range(2, rows + 2))
    return xlsx_bombs.write_book(path, [*xlsx_bombs.plain_rows(count=1), *body],
                                 dimension=f"A1:D{rows + 1}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        files = {
            "huge shared string (50 MB text)": xlsx_bombs.huge_shared_string(d / "s.xlsx"),
            "6M shared strings": xlsx_bombs.many_shared_strings(d / "m.xlsx"),
            "dimension A1:XFD1048576": xlsx_bombs.wide_dimension(d / "w.xlsx"),
            "giant cell (52 MB name)": xlsx_bombs.giant_cell(d / "g.xlsx"),
            "ordinary 20,000 rows": ordinary(d / "o.xlsx"),
        }
        base = run("none", files["ordinary 20,000 rows"]).split("\t")[0]
        print(f"baseline (same imports, nothing read): peak RSS {base} MB")
        print(f"{'workbook':34} {'KB':>6}  {'reader':6} {'peak MB':>8} {'x base':>7} "
              f"{'s':>6} {'rows':>6}  outcome")
        for name, path in files.items():
            for mode in ("new", "old"):
                t = time.perf_counter()
                peak, secs, rows, outcome = run(mode, path).split("\t")
                ratio = f"{float(peak) / float(base):.2f}" if peak != "-" else "-"
                secs = secs if secs != "-" else f"{time.perf_counter() - t:.1f}"
                print(f"{name:34} {path.stat().st_size // 1024:>6}  {mode:6} {peak:>8} "
                      f"{ratio:>7} {secs:>6} {rows:>6}  {outcome}")


if __name__ == "__main__":
    main()
