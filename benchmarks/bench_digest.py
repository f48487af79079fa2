"""Content digest benchmark (issue 14, item 8).

On a synthetic 100,000-shipment case: the time of an edit (commit included) and the share of
it spent on the digest (refreshing the edited rows' digests and the LtHash state), a
100-edit average; the full recomputation `check` does; and the overhead on the 100k import
(the digest's refresh of the imported rows, timed inside the import's transaction).

    python benchmarks/bench_digest.py [SHIPMENTS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from casefile.services.case import recording
from casefile.services.case.integrity import check_case
from casefile.store import digest
from tests.support.synthetic import build_synthetic_case


def main(shipments: int = 100_000) -> None:
    spent: list[float] = []
    original = digest.refresh

    def timed(conn, keys):  # noqa: ANN001, ANN202
        t = time.perf_counter()
        try:
            return original(conn, keys)
        finally:
            spent.append(time.perf_counter() - t)

    recording.digest.refresh = timed  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        case = build_synthetic_case(Path(d) / "big.casefile", shipments=shipments)
        print(f"build (rows + digest of every row): {time.perf_counter() - t:.1f} s")
        n = 100
        t = time.perf_counter()
        for i in range(n):
            case.update("shipment", 1 + i * 7, {"weight_kg": float(1000 + i)})
        edit = (time.perf_counter() - t) / n
        share = sum(spent) / len(spent)
        print(f"edit on a {shipments}-shipment case: {edit * 1e3:.2f} ms, of which digest "
              f"{share * 1e6:.0f} µs ({share / edit:.1%})")
        case.close()
        t = time.perf_counter()
        report = check_case(Path(d) / "big.casefile")
        print(f"check: {time.perf_counter() - t:.1f} s, ok={report.ok}")
    recording.digest.refresh = original  # type: ignore[attr-defined]


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
