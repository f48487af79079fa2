"""Country lookup benchmark (issue: trade records as vendors deliver them).

The first-use cost of the name table, stage by stage (codes and English names; the languages
trade files come in; every other catalogue), as a fresh process pays it, and its memory.
Then 100,000 country cells from a realistic mix (codes, English, Russian upper case as
declarations write it, Chinese, the conventions for "unknown"), looked up as an importer
does (cached), and uncached (normalising every cell), against a same-run baseline: a dict
lookup of 100,000 alpha-2 codes.

    python benchmarks/bench_countries.py
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
import tracemalloc

CELLS = 100_000
MIX = {  # value -> weight, roughly as a year of declarations and Chinese exports spread
    "CN": 20, "HK": 6, "AE": 5, "TR": 4, "KZ": 3, "RU": 6, "CHN": 2, "643": 1,
    "China": 8, "Hong Kong": 3, "United Arab Emirates": 3, "Turkey": 2, "Kazakhstan": 1,
    "Russia": 2, "КИТАЙ": 10, "ГОНКОНГ": 4, "ОБЪЕДИНЕННЫЕ АРАБСКИЕ ЭМИРАТЫ": 3, "ТУРЦИЯ": 3,
    "КАЗАХСТАН": 2, "РОССИЯ": 2, "НЕИЗВЕСТНА": 2, "中国": 5, "香港": 2, "阿联酋": 2,
    "土耳其": 1, "哈萨克斯坦": 1, "俄罗斯": 1, "未知": 1, " Китай ": 1, "china": 1,
}


def cells() -> list[str]:
    rnd = random.Random(7)
    return rnd.choices(list(MIX), weights=list(MIX.values()), k=CELLS)


def first_use() -> None:
    """In a fresh process: import, then each stage of the table, in seconds."""
    t0 = time.perf_counter()
    from casefile.core import countries, country_names

    t1 = time.perf_counter()
    stages = []
    for stage in (country_names.LISTED, country_names.FIRST, country_names.ALL):
        s = time.perf_counter()
        country_names.name_table(stage)
        stages.append(time.perf_counter() - s)
    assert countries.country_code("КИТАЙ") == "CN"
    print(f"{t1 - t0:.4f} " + " ".join(f"{s:.4f}" for s in stages))


def memory() -> list[tuple[float, int]]:
    """(MB, names) of the table after the first languages and after all catalogues."""
    from casefile.core import country_names

    out = []
    table = country_names.listed()
    for _stage in (country_names.FIRST, country_names.ALL):
        tracemalloc.start()
        table = country_names.translated(table)
        out.append((tracemalloc.get_traced_memory()[0] / 1e6, len(table.codes)))
        tracemalloc.stop()
    return out


def timed(fn, values: list[str]) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        for v in values:
            fn(v)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    out = subprocess.run([sys.executable, __file__, "--first-use"], check=True,
                         capture_output=True, text=True).stdout.split()
    imp, listed, first, every = (float(x) for x in out)
    print(f"first use: import {imp * 1000:.0f} ms | codes + English names "
          f"{listed * 1000:.1f} ms | + first languages {first * 1000:.0f} ms | + all "
          f"catalogues {every * 1000:.0f} ms (only when a value is not found before)")
    (mb_first, first_names), (mb_all, all_names) = memory()
    print(f"table: {first_names:,} names with the first languages (+{mb_first:.1f} MB), "
          f"{all_names:,} with all catalogues (+{mb_all:.1f} MB more)")

    from casefile.core.countries import _resolve, country_or_unknown

    values = cells()
    country_or_unknown("КИТАЙ")  # the table is built: time lookups only
    codes = {v: v for v in MIX if len(v) == 2 and v.isascii()}
    baseline_cells = random.Random(7).choices(list(codes), k=CELLS)
    base = timed(codes.__getitem__, baseline_cells)
    cached = timed(country_or_unknown, values)
    uncached = timed(_resolve.__wrapped__, values)
    print(f"{CELLS:,} cells ({len(MIX)} distinct values): baseline dict of alpha-2 codes "
          f"{base * 1000:.1f} ms | country_or_unknown {cached * 1000:.1f} ms "
          f"({cached / base:.1f}× baseline) | uncached, every cell normalised "
          f"{uncached * 1000:.0f} ms ({uncached / CELLS * 1e6:.2f} µs a cell)")


if __name__ == "__main__":
    if "--first-use" in sys.argv:
        first_use()
    else:
        main()
