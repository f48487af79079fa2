"""Date parsing benchmark (issue: dates as the world writes them).

100,000 mixed date strings, as trade data and sources write them (ISO, dotted and slashed
numbers, compact, date-times, English, Russian and Chinese words, quarters, seasons, EDTF with
qualifiers and unspecified digits), parsed

- on the import path: ``values.parse_date`` with the file's order of day and month, the
  parser's cache as an import has it (emptied first);
- cold: every string parsed afresh, without the cache;

against a baseline measured in the same run: ``datetime.date.fromisoformat`` over the ISO
strings among them (the ratio compares the time per string). For scale, python-edtf (which
Casefile does not use to parse) over a sample of the EDTF strings. Target: the import path
under 2 s. Nothing is asserted; the figures are printed.

    python benchmarks/bench_dates.py
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

N = 100_000
EN = ("January February March April May June July August September October November "
      "December").split()
RU = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()

FORMS: dict[str, Callable[[date, random.Random], str]] = {
    "iso": lambda d, r: d.isoformat(),
    "dotted": lambda d, r: d.strftime("%d.%m.%Y"),
    "slashed": lambda d, r: d.strftime("%d/%m/%Y"),
    "compact": lambda d, r: d.strftime("%Y%m%d"),
    "datetime": lambda d, r: d.strftime("%Y-%m-%d 00:00:00"),
    "english day": lambda d, r: f"{d.day} {EN[d.month - 1]} {d.year}",
    "english month": lambda d, r: f"{EN[d.month - 1][:3]} {d.year}",
    "quarter": lambda d, r: f"Q{(d.month - 1) // 3 + 1} {d.year}",
    "english phrase": lambda d, r: r.choice([f"late {d.year}", f"the second half of {d.year}",
                                             f"on or about {EN[d.month - 1]} {d.day}, "
                                             f"{d.year}", f"spring {d.year}"]),
    "russian": lambda d, r: f"{d.day} {RU[d.month - 1]} {d.year} г.",
    "chinese": lambda d, r: f"{d.year}年{d.month}月{d.day}日",
    "edtf": lambda d, r: r.choice([f"{d.year}-{d.month:02d}~", f"{d.year}?-{d.month:02d}",
                                   f"{str(d.year)[:3]}X", f"{d.year}-{r.randint(21, 41)}",
                                   f"{d.isoformat()}/{d.year + 1}"]),
}
WEIGHTS = {"iso": 30, "dotted": 15, "slashed": 10, "compact": 5, "datetime": 10,
           "english day": 8, "english month": 5, "quarter": 3, "english phrase": 4,
           "russian": 4, "chinese": 4, "edtf": 2}


def strings(n: int = N) -> list[tuple[str, str]]:
    """(form, text) for n dates between 2000 and 2024, forms weighted as imports see them."""
    rnd = random.Random(11)
    names = list(WEIGHTS)
    out = []
    for name in rnd.choices(names, [WEIGHTS[k] for k in names], k=n):
        d = date(2000, 1, 1) + timedelta(days=rnd.randrange(9131))
        out.append((name, FORMS[name](d, rnd)))
    return out


def timed(fn: Callable[[str], object], texts: list[str]) -> tuple[float, int]:
    """Seconds for fn over texts, and how many it refused (raised)."""
    refused = 0
    t0 = time.perf_counter()
    for t in texts:
        try:
            fn(t)
        except ValueError:
            refused += 1
    return time.perf_counter() - t0, refused


def main() -> int:
    import edtf

    from casefile.core.fuzzydate import parse_fuzzy_date
    from casefile.services.exchange.imports.values import parse_date

    mixed = strings()
    texts = [t for _f, t in mixed]
    iso = [t for f, t in mixed if f == "iso"]
    print(f"{len(texts):,} strings, {len(set(texts)):,} distinct; {len(iso):,} ISO days")

    base, _ = timed(date.fromisoformat, iso)
    per_base = base / len(iso)
    print(f"baseline date.fromisoformat, ISO only: {base:.3f} s "
          f"({per_base * 1e6:.2f} µs a string)")

    parse_fuzzy_date.cache_clear()
    t_import, refused = timed(lambda s: parse_date(s, True), texts)
    print(f"import path (parse_date, day first, cached): {t_import:.3f} s "
          f"({t_import / len(texts) * 1e6:.2f} µs a string, {refused:,} refused; "
          f"{t_import / len(texts) / per_base:.1f}× the baseline a string)  target < 2 s")

    cold = parse_fuzzy_date.__wrapped__
    t_cold, refused = timed(lambda s: cold(s, True), texts)
    print(f"cold (no cache): {t_cold:.3f} s ({t_cold / len(texts) * 1e6:.2f} µs a string, "
          f"{t_cold / len(texts) / per_base:.1f}× the baseline a string)")
    t_iso, _ = timed(lambda s: cold(s, True), iso)
    print(f"cold, ISO only: {t_iso:.3f} s ({t_iso / base:.1f}× date.fromisoformat on the "
          "same strings)")

    print("cold, by form (µs a string):")
    for name in WEIGHTS:
        some = [t for f, t in mixed if f == name][:3000]
        t, refused = timed(lambda s: cold(s, True), some)
        print(f"  {name:<15} {t / len(some) * 1e6:7.2f}   e.g. {some[0]!r}"
              + (f"  ({refused} of {len(some)} refused)" if refused else ""))

    sample = [t for f, t in mixed if f in ("iso", "edtf")][:300]
    with contextlib.redirect_stdout(io.StringIO()):  # it prints what it fails on
        t_lib, _ = timed(edtf.parse_edtf, sample)
    t_ours, _ = timed(lambda s: cold(s, True), sample)
    print(f"python-edtf on {len(sample):,} ISO/EDTF strings: {t_lib / len(sample) * 1e6:.1f} µs "
          f"a string ({t_lib / t_ours:.0f}× Casefile's parser on the same strings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
