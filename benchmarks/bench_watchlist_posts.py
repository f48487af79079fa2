"""PEP posts in a watchlist built from a flat file (issue 13): the time and peak memory of
loading a generated OpenSanctions-like PEP collection (``entities.ftm.json``: persons, their
Occupancy lines and the Position lines, shuffled as an export by id interleaves them) with
each PEP's posts kept in its entry, against the same build without posts — the same
persons alone in a file — measured in the same run, each load in a fresh process (peak
memory is the child's VmHWM; a load of a tenth of the file shows it does not grow with
the posts).

    python benchmarks/bench_watchlist_posts.py                    # 200k persons, 400k posts
    python benchmarks/bench_watchlist_posts.py 20000 40000        # persons, occupancies
    python benchmarks/bench_watchlist_posts.py --before /work/main  # also the same file
        loaded by another tree's code (before this change: the posts of a flat file were
        left out)
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
_CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from casefile.services.screening.watchlist_import import load
t = time.perf_counter()
r = load(Path(sys.argv[2]), sys.argv[3], where=Path(sys.argv[4]))
took = time.perf_counter() - t
peak = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]
print(took, int(peak) / 1024, r.added, getattr(r, 'posts', 0), r.skipped)
"""
_GIVEN = ["Ivan", "Maria", "Sergei", "Olga", "Wei", "Li", "Ahmed", "Anna", "Jean", "Kim"]
_FAMILY = ["Ivanov", "Petrova", "Smirnov", "Zhang", "Wang", "Haddad", "Dubois", "Park"]
_CYR = ["ИВАНОВ ИВАН", "ПЕТРОВА МАРИЯ", "СМИРНОВ СЕРГЕЙ", "Осетрова Мария", "Кузнецов Олег"]
_POSTS = ["Member of the State Duma", "Governor", "Minister of Finance", "Mayor",
          "Member of Parliament", "Judge of the Supreme Court", "Ambassador", "Senator"]
_COUNTRIES = ["ru", "ua", "cn", "fr", "de", "kp", "by", "kz", "us", "gb"]


def _head(eid: str, schema: str, caption: str, props: dict) -> dict:
    return {"id": eid, "caption": caption, "schema": schema, "properties": props,
            "referents": [], "datasets": ["peps"], "first_seen": "2023-01-01T00:00:00",
            "last_seen": "2026-11-01T00:00:00", "last_change": "2026-10-01T00:00:00",
            "target": schema == "Person"}


def generate(path: Path, persons: int, occupancies: int, alone: Path) -> None:
    """The PEP file at ``path``; the same persons alone at ``alone``."""
    rnd = random.Random(13)
    positions = max(1, occupancies * 7 // 10 // 2)  # OpenSanctions: ~700k for 1M posts
    lines = []
    for i in range(persons):
        name = f"{rnd.choice(_GIVEN)} {rnd.choice(_FAMILY)} {i}"
        props = {"name": [name, f"{rnd.choice(_CYR)} {i}"], "topics": ["role.pep"],
                 "country": [rnd.choice(_COUNTRIES)], "position": [rnd.choice(_POSTS)]}
        lines.append(json.dumps(_head(f"Q{i}", "Person", name, props), ensure_ascii=False))
    with alone.open("w", encoding="utf-8") as f:
        f.write("".join(x + "\n" for x in lines))
    for i in range(positions):
        name = f"{rnd.choice(_POSTS)} {i}"
        props = {"name": [name], "country": [rnd.choice(_COUNTRIES)],
                 "topics": ["gov.national"]}
        lines.append(json.dumps(_head(f"P{i}", "Position", name, props), ensure_ascii=False))
    for i in range(occupancies):
        start = rnd.randint(1990, 2024)
        props: dict[str, list[str]] = {"holder": [f"Q{rnd.randrange(persons)}"],
                                       "post": [f"P{rnd.randrange(positions)}"]}
        kind = rnd.random()
        if kind < 0.5:
            props |= {"startDate": [f"{start}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"],
                      "endDate": [str(start + rnd.randint(1, 6))], "status": ["ended"]}
        elif kind < 0.8:
            props |= {"startDate": [str(start)], "status": ["current"]}
        lines.append(json.dumps(_head(f"occ-{i}", "Occupancy", "Occupancy", props)))
    rnd.shuffle(lines)
    with path.open("w", encoding="utf-8") as f:
        f.write("".join(x + "\n" for x in lines))


def run(tree: Path, path: Path, name: str, where: Path) -> tuple[float, float, list[str]]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(tree), str(path), name,
                          str(where)], capture_output=True, text=True, check=True).stdout
    took, peak, *counts = out.split()
    return float(took), float(peak), counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("persons", nargs="?", type=int, default=200_000)
    ap.add_argument("occupancies", nargs="?", type=int, default=400_000)
    ap.add_argument("--before", type=Path, help="another tree whose load to measure too")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-posts-"))
    try:
        peps, alone = work / "entities.ftm.json", work / "persons.ftm.json"
        t = time.perf_counter()
        generate(peps, args.persons, args.occupancies, alone)
        print(f"Generated {args.persons:,} persons, {args.occupancies:,} Occupancies and "
              f"their Positions in {time.perf_counter() - t:.0f} s: "
              f"{peps.stat().st_size / 1e6:,.0f} MB (persons alone "
              f"{alone.stat().st_size / 1e6:,.0f} MB)")
        base_t, base_m, base_c = run(HERE, alone, "alone", work)
        print(f"  without posts (the persons alone): {base_t:.1f} s, peak {base_m:.0f} MB "
              f"({int(base_c[0]):,} entries)")
        if args.before is not None:
            b_t, b_m, b_c = run(args.before.resolve(), peps, "before", work)
            print(f"  the PEP file, {args.before}'s code: {b_t:.1f} s, peak {b_m:.0f} MB "
                  f"({int(b_c[0]):,} entries, {int(b_c[2]):,} entities left out)")
        t_, m_, c_ = run(HERE, peps, "posts", work)
        print(f"  the PEP file, posts kept: {t_:.1f} s, peak {m_:.0f} MB "
              f"({int(c_[0]):,} entries, {int(c_[1]):,} posts kept)")
        small = work / "small" / "entities.ftm.json"
        small.parent.mkdir()
        generate(small, args.persons // 10, args.occupancies // 10, work / "small.json")
        s_t, s_m, s_c = run(HERE, small, "small", work)
        a_t, a_m, _c = run(HERE, work / "small.json", "small-alone", work)
        print(f"  a tenth of it: posts kept {s_t:.1f} s, peak {s_m:.0f} MB; without posts "
              f"{a_t:.1f} s, peak {a_m:.0f} MB ({int(s_c[0]):,} entries)")
        print(f"Memory the posts add: {s_m - a_m:+.0f} MB at a tenth, {m_ - base_m:+.0f} MB "
              "at the whole file")
        print(f"Ratio against the build without posts: time x{t_ / base_t:.2f}, peak "
              f"memory x{m_ / base_m:.2f}")
        if args.before is not None:
            print(f"Ratio against {args.before}'s load of the same file: time "
                  f"x{t_ / b_t:.2f}, peak memory x{m_ / b_m:.2f}")
    finally:
        shutil.rmtree(work, True)


if __name__ == "__main__":
    main()
