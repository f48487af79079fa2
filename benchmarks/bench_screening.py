"""Screening benchmark (issue 18): quality on the gold set and speed on a generated list.

Quality: recall at 0.5, precision at 0.7 and the rate at which Han-only names are matched to
their pinyin (score >= 0.7), for Casefile's scorer against two baselines measured in the same
run: OpenSanctions' logic-v2 (nomenklatura, where installed) and a plain fuzzy ratio of
normalised names (rapidfuzz token_sort_ratio / 100).

Speed: a generated OpenSanctions-like list (people and companies, ``entities.ftm.json``)
loaded into a watchlist (entities per second, and the time 1M entities would take at that
rate); one party screened (median over 200 parties: candidates from the token index, then
scoring) against the baseline of scanning every entry's names with rapidfuzz; and a case of
1,000 parties screened end to end (read, score, and the run and its hits written as one case
operation), in this process and in one worker process per core; and ``casefile screen CASE
--party ID`` run as a fresh process: with the person-name table to build (cold cache), with
it built (warm), and with rigour's own tagger (``CASEFILE_NO_NAME_TABLE``, as before the
table), against ``casefile info CASE`` (the same start-up, no screening).

    python benchmarks/bench_screening.py             # 100k-entry list, 1k-party case
    python benchmarks/bench_screening.py 20000 500   # list size, parties
"""

from __future__ import annotations

import atexit
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
for _var, _prefix in (("XDG_DATA_HOME", "bench-screening-"),
                      ("XDG_CACHE_HOME", "bench-screening-cache-")):
    if _var not in os.environ:  # a folder of this run's own, removed when it ends
        os.environ[_var] = tempfile.mkdtemp(prefix=_prefix)
        atexit.register(shutil.rmtree, os.environ[_var], True)

from rapidfuzz import fuzz  # noqa: E402

from casefile.core.names import normalise_name  # noqa: E402
from casefile.core.screening.records import Party  # noqa: E402
from casefile.core.screening.score import score  # noqa: E402
from casefile.services.case.facade import Case  # noqa: E402
from casefile.services.screening import name_table  # noqa: E402
from casefile.services.screening import watchlist_db as db  # noqa: E402
from casefile.services.screening.candidates import Index  # noqa: E402
from casefile.services.screening.pool import ScreeningPool  # noqa: E402
from casefile.services.screening.screen import screen_case  # noqa: E402
from casefile.services.screening.watchlist_import import load  # noqa: E402
from tests.support.gold_set import as_party_entry, pairs  # noqa: E402
from tests.support.watchlist import synthetic  # noqa: E402


def quality(name: str, scores: list[tuple[bool, str, float]]) -> None:
    pos = [s for label, _c, s in scores if label]
    flagged = [label for label, _c, s in scores if s >= 0.7]
    pinyin = [s for _l, c, s in scores if c == "cjk-pinyin"]
    recall = sum(s >= 0.5 for s in pos) / len(pos)
    precision = sum(flagged) / len(flagged) if flagged else 0.0
    rate = sum(s >= 0.7 for s in pinyin) / len(pinyin)
    print(f"  {name:<28} recall@0.5 {recall:.3f}   precision@0.7 {precision:.3f}   "
          f"Han->pinyin {rate:.3f}")


def naive(p: object, e: object) -> float:
    best = 0.0
    for q in p.names:  # type: ignore[attr-defined]
        for r in e.names:  # type: ignore[attr-defined]
            best = max(best, fuzz.token_sort_ratio(normalise_name(q), normalise_name(r)) / 100)
    return best


def logic_v2(gold: list) -> list[tuple[bool, str, float]] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2
        from nomenklatura.matching.types import ScoringConfig
    except ImportError:
        return None
    config = ScoringConfig.defaults()
    props = {"INN": "innCode", "OGRN": "ogrnCode", "IMO": "imoNumber"}
    out = []
    for i, p in enumerate(gold):
        q = model.make_entity(p.schema)
        q.id = f"q{i}"
        q.add("name", p.names)
        q.add("country", p.countries)
        if p.birth_dates:
            q.add("birthDate", p.birth_dates)
        for scheme, value in p.identifiers:
            q.add(props[scheme], value)
        r = model.make_entity(p.entry_schema)
        r.id = f"r{i}"
        for prop, values in p.entry.items():
            r.add(prop, values)
        out.append((p.label, p.category, LogicV2.compare(q, r, config).score))
    return out


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    n_parties = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    gold = pairs()
    print(f"Gold set: {len(gold)} labelled pairs ({sum(p.label for p in gold)} matches)")
    from casefile.core.screening.names import analyse

    t = time.perf_counter()
    for tag in ("PER", "ORG", "ENT", "OBJ"):
        analyse("warm up", tag)
    print(f"  rigour's own name tagger, built on first use in this process: "
          f"{time.perf_counter() - t:.1f} s (not counted below)")
    t = time.perf_counter()
    ours = [(p.label, p.category, score(*as_party_entry(p, i)).score)
            for i, p in enumerate(gold)]
    ours_s = time.perf_counter() - t
    quality("Casefile (logic-v2 + pinyin)", ours)
    t = time.perf_counter()
    theirs = logic_v2(gold)
    theirs_s = time.perf_counter() - t
    if theirs is not None:
        quality("nomenklatura logic-v2", theirs)
    quality("rapidfuzz token_sort_ratio", [
        (p.label, p.category, naive(*as_party_entry(p, i))) for i, p in enumerate(gold)])
    han_only = [p for p in gold if p.category == "cjk-pinyin"]
    print(f"  Han-only pairs: {len(han_only)}; scoring the gold set took {ours_s:.2f} s "
          f"(nomenklatura {theirs_s:.2f} s)" if theirs is not None else "")

    t = time.perf_counter()
    how = name_table.prepare()
    print(f"  person-name table ({how}) from rigour's data in {time.perf_counter() - t:.1f} s"
          " (once for each version of rigour; every later process opens it)")

    work = Path(tempfile.mkdtemp(prefix="bench-screening-"))
    atexit.register(shutil.rmtree, work, True)  # GBs at 1M rows: not left behind
    entries = synthetic(size)
    f = work / "entities.ftm.json"
    f.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    t = time.perf_counter()
    report = load(f, "bench", where=work)
    load_s = time.perf_counter() - t
    print(f"\nWatchlist: {report.added:,} entries loaded in {load_s:.1f} s "
          f"({report.added / load_s:,.0f}/s; 1M entities at this rate: "
          f"{1_000_000 / (report.added / load_s) / 60:.1f} min, goal <= 10 min); "
          f"file {f.stat().st_size / 1e6:.0f} MB")

    peaks = []
    for n in (size // 10, size):
        g = work / f"mem-{n}.ftm.json"
        g.write_text("".join(json.dumps(e) + "\n" for e in entries[:n]), encoding="utf-8")
        # VmHWM, read in the child (ru_maxrss would carry this process's peak over exec)
        code = ("import sys; from pathlib import Path; sys.path.insert(0, "
                f"{str(Path(__file__).resolve().parent.parent)!r}); from casefile.services."
                "screening.watchlist_import import load; load(Path(sys.argv[1]), 'mem' + "
                "sys.argv[2], where=Path(sys.argv[3])); print([l.split()[1] for l in "
                "open('/proc/self/status') if l.startswith('VmHWM:')][0])")
        out = subprocess.run([sys.executable, "-c", code, str(g), str(n), str(work)],
                             capture_output=True, text=True, check=True).stdout
        peaks.append((n, int(out.split()[-1]) / 1024))
    print("Peak memory of a load (fresh process): " + ", ".join(
        f"{n:,} entities {mb:.0f} MB" for n, mb in peaks) + " (flat: it does not grow with "
        "the file)")

    con = db.open_existing("bench", work)
    index = Index(con)
    probes = [e for e in entries[::max(1, size // 200)]][:200]
    parties = [Party(i, e["schema"], [e["caption"].replace("LLC", "Ltd")],
                     set(e["properties"].get("country", []))) for i, e in enumerate(probes)]
    times = []
    for p in parties:
        t = time.perf_counter()
        [score(p, e) for e in index.candidates(p)]
        times.append(time.perf_counter() - t)
    one = statistics.median(times)
    names = [(e["properties"]["name"][0]) for e in entries]
    t = time.perf_counter()
    for p in parties[:5]:
        q = normalise_name(p.names[0])
        max(fuzz.token_sort_ratio(q, normalise_name(n)) for n in names)
    scan = (time.perf_counter() - t) / 5
    p95 = sorted(times)[int(len(times) * .95)]
    print(f"One party: {one * 1000:.1f} ms median (p95 {p95 * 1000:.1f} ms; goal <= 300 ms) "
          f"vs {scan * 1000:.0f} ms scanning every name with rapidfuzz (x{scan / one:.0f})")
    con.close()

    rows = [e for e in entries[1::max(1, size // n_parties)]][:n_parties]
    case = Case.new(work / "bench.casefile")
    for e in rows:
        case.create("entity", {"name": e["caption"], "kind": "person" if e["schema"] ==
                               "Person" else "company"})
    t = time.perf_counter()
    s = screen_case(case, "bench", where=work)
    alone = time.perf_counter() - t
    print(f"Case of {s.parties:,} parties, one process: {alone:.1f} s ({s.hits:,} hits; goal "
          f"<= 60 s), {alone / s.parties * 1000:.1f} ms a party")
    workers = os.cpu_count() or 1
    pool = ScreeningPool(workers)
    t = time.perf_counter()
    for f in pool.warm():
        f.result()
    warm = time.perf_counter() - t
    t = time.perf_counter()
    s = screen_case(case, "bench", where=work, pool=pool)
    pooled = time.perf_counter() - t
    pool.close()
    print(f"Case of {s.parties:,} parties, {workers} worker processes: {pooled:.1f} s "
          f"(x{alone / pooled:.2f} against one process; the workers took {warm:.1f} s "
          "to start beforehand, as the dialog does while it opens)")
    case.close()
    fresh_process(work, rows[0])
    print(f"Han-only names matched to pinyin: "
          f"{sum(sc >= 0.7 for _l, c, sc in ours if c == 'cjk-pinyin') / len(han_only):.3f}")


def fresh_process(work: Path, listed: dict) -> None:
    """``casefile screen CASE --party 1`` in a new process, cold and warm, and the baselines."""
    path = work / "one.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": listed["caption"], "kind": "person" if
                               listed["schema"] == "Person" else "company"})
    data = tempfile.mkdtemp(prefix="bench-screening-data-")  # the child's user data folder
    lists = Path(data) / "Casefile" / "watchlists"
    lists.mkdir(parents=True)
    os.symlink(db.path_of("bench", work), lists / "bench.watchlist")
    cache = tempfile.mkdtemp(prefix="bench-screening-cache-")

    def cpu() -> float:  # of the finished children: what load on a shared machine leaves alone
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    def run(*args: str, **env: str) -> tuple[float, float]:
        c, t = cpu(), time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "casefile", *args], capture_output=True,
                              text=True, env={**os.environ, "XDG_DATA_HOME": data,
                                              "XDG_CACHE_HOME": cache, **env},
                              cwd=Path(__file__).resolve().parent.parent)
        took = time.perf_counter() - t, cpu() - c
        if done.returncode not in (0, 3):  # 3: flagged hits wait for a decision
            sys.exit(f"casefile {' '.join(args)} failed: {done.stderr}")
        return took

    screen = ("screen", str(path), "--watchlist", "bench", "--party", "1")
    def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    floor = median([run("info", str(path)) for _ in range(5)])
    cold = run(*screen)
    warm = median([run(*screen) for _ in range(5)])
    before = run(*screen, CASEFILE_NO_NAME_TABLE="1")
    print(f"Fresh process 'casefile screen CASE --party 1' (wall / CPU): {warm[0]:.2f} / "
          f"{warm[1]:.2f} s with the person-name table built (medians of 5), {cold[0]:.2f} / "
          f"{cold[1]:.2f} s when it is built first (once for each version of rigour); "
          f"{before[0]:.2f} / {before[1]:.2f} s with rigour's own tagger built in the process "
          f"(before: x{before[0] / warm[0]:.1f}); 'casefile info CASE' (start-up, no "
          f"screening; medians of 5): {floor[0]:.2f} / {floor[1]:.2f} s, so screening one "
          f"party adds {(warm[0] - floor[0]) * 1000:.0f} / "
          f"{(warm[1] - floor[1]) * 1000:.0f} ms (goal <= "
          f"300 ms; before: {(before[0] - floor[0]) * 1000:.0f} / "
          f"{(before[1] - floor[1]) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
