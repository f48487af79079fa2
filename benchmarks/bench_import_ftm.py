"""FollowTheMoney import benchmark (issue: FtM and OpenSanctions both ways).

A generated OpenSanctions-like slice of FtM entities — people and companies with names in
Latin, Cyrillic, Greek and CJK, aliases, several countries, identifiers (INN under three
properties, KPP, OGRN), birth dates and topics; sanctions with start, end and status;
Ownership, Directorship and Family links; Payment and Address entities that are counted as
skipped — imported into an empty case (entity resolution, dedup against the case, provenance,
citations and the search index included), against a raw sqlite3.executemany of the very rows
the import wrote, in the same run. Peak memory (VmHWM) is measured in a fresh process at three
sizes: it must not grow with the file beyond the map of the file's ids. The CPU time of the
import and of the baseline is printed too: on a shared machine it varies far less than the
wall time. So is the time the import spent inside SQLite (benchmarks/sqlite_time.py): the
ratio it would reach if its Python took no time at all. At 100k the slice is imported twice
more: without stated captions (as Aleph and the ftm CLI write entities; FtM's pick_name picks
each) and with each party over two lines (as ftm map writes them without ftm aggregate; the
import joins the lines).

    python benchmarks/bench_import_ftm.py            # 20k, 100k and 400k entities
    python benchmarks/bench_import_ftm.py 100000     # one size
"""

from __future__ import annotations

import atexit
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from same_rows import write_again
from worker_usage import digest_worker_usage

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import _hwm  # noqa: E402  (peak RSS, read the same way)

FIRST = ["Ivan", "Maria", "Aleksandr", "Olga", "Georgios", "Wei", "Li", "Anna", "Dmitry"]
LAST = ["Petrov", "Osetrova", "Zakharov", "Papadopoulos", "Wang", "Ivanova", "Smirnov"]
CYR = {"Ivan": "Иван", "Maria": "Мария", "Aleksandr": "Александр", "Olga": "Ольга",
       "Dmitry": "Дмитрий", "Anna": "Анна", "Petrov": "Петров", "Osetrova": "Осетрова",
       "Zakharov": "Захаров", "Ivanova": "Иванова", "Smirnov": "Смирнов"}
COMPANY = ["ZALA AERO", "AEROSCAN", "Special Technology Centre", "Sky Tech", "Volga Trade",
           "Ural Optics", "Baltic Machinery", "Shenzhen Drone Parts"]
COUNTRIES = ["ru", "cn", "gb", "cy", "ae", "tr", "kz", "gr", "by", "hk"]
PROGRAMS = [("EU-UKR", "EU restrictive measures in respect of Ukraine",
             "Council of the European Union"),
            ("US-RUS-EO14024", "RUSSIA-EO14024", "OFAC"),
            ("UA-NSDC", "Decree 265/2021", "National Security and Defense Council of Ukraine"),
            ("GB-RUS", "Russia", "HM Treasury")]


def _inn(rnd: random.Random) -> str:
    d = [rnd.randrange(10) for _ in range(9)]
    w = [2, 4, 10, 3, 5, 9, 4, 6, 8]
    return "".join(map(str, d)) + str(sum(a * b for a, b in zip(w, d, strict=True)) % 11 % 10)


def entities(n: int, seed: int = 7):
    """n FtM entities: ~55% parties, ~20% sanctions, ~17% links, ~8% skipped schemata."""
    rnd = random.Random(seed)
    parties: list[str] = []
    for i in range(n):
        r = rnd.random()
        if r < 0.55 or len(parties) < 10:
            pid = f"ent-{i}"
            parties.append(pid)
            c = rnd.sample(COUNTRIES, rnd.choice((1, 1, 2)))
            if rnd.random() < 0.5:
                f, last = rnd.choice(FIRST), rnd.choice(LAST)
                names = [f"{last.upper()}, {f}", f"{f} {last}"]
                if f in CYR and last in CYR:
                    names.append(f"{CYR[last]} {CYR[f]}")
                props = {"name": names, "country": c, "birthDate": [
                    f"{rnd.randrange(1940, 2000)}-{rnd.randrange(1, 13):02d}-"
                    f"{rnd.randrange(1, 29):02d}"], "topics": ["sanction"],
                    "nationality": c[:1], "position": ["Director"]}
                yield {"id": pid, "schema": "Person", "properties": props}
            else:
                inn = _inn(rnd)
                name = f"{rnd.choice(COMPANY)} {i}"
                props = {"name": [name, f"ООО «{name}»"], "alias": [f"{name} LLC"],
                         "jurisdiction": c, "innCode": [inn], "registrationNumber": [inn],
                         "taxNumber": [inn], "kppCode": ["784101001"], "topics": ["sanction"],
                         "address": [f"{i} Lenin street, Moscow"]}
                if rnd.random() < 0.1:
                    props["name"].append(f"深圳{i}科技有限公司")
                yield {"id": pid, "schema": "Company", "properties": props}
        elif r < 0.75:
            pid, (prog_id, prog, auth) = rnd.choice(parties), rnd.choice(PROGRAMS)
            start = f"{rnd.randrange(2014, 2024)}-{rnd.randrange(1, 13):02d}-01"
            props = {"entity": [pid], "authority": [auth], "program": [prog],
                     "programId": [prog_id], "startDate": [start], "listingDate": [start],
                     "reason": ["Supplies the armed forces; sanctioned"]}
            if rnd.random() < 0.2:
                props.update(endDate=["2024-10-30"], status=["expired"])
            yield {"id": f"san-{i}", "schema": "Sanction", "properties": props}
        elif r < 0.92:
            a, b = rnd.sample(parties, 2)
            schema, ends = rnd.choice([("Ownership", ("owner", "asset")),
                                       ("Directorship", ("director", "organization")),
                                       ("Family", ("person", "relative"))])
            props = {ends[0]: [a], ends[1]: [b], "startDate": ["2019"]}
            if schema == "Ownership":
                props["percentage"] = [str(rnd.randrange(1, 101))]
            yield {"id": f"link-{i}", "schema": schema, "properties": props}
        else:
            if rnd.random() < 0.5:
                yield {"id": f"pay-{i}", "schema": "Payment", "properties": {
                    "payer": [rnd.choice(parties)], "amount": ["1000"], "currency": ["usd"]}}
            else:
                yield {"id": f"addr-{i}", "schema": "Address", "properties": {
                    "full": [f"{i} Lenin street, Moscow"], "country": ["ru"]}}


def make_file(path: Path, n: int, captions: bool = True, fragments: bool = False) -> None:
    """The slice as JSON lines; with ``captions`` each entity states its caption, as
    OpenSanctions' exports do (FtM's StatementEntity.to_dict), else not (as Aleph's). With
    ``fragments`` each party is given over two lines, its first name on one and the rest
    at the end of the file, as ``ftm map`` writes entities without ``ftm aggregate``."""
    from followthemoney import model

    later: list[dict] = []
    with path.open("w", encoding="utf-8") as f:
        for e in entities(n):
            if fragments and e["schema"] in ("Person", "Company"):
                props = e["properties"]
                rest = {**props, "name": props["name"][1:]}
                e = {**e, "properties": {"name": props["name"][:1]}}
                later.append({**e, "properties": rest})
            elif captions:
                e = {"id": e["id"], "caption": model.get_proxy(e).caption, **e}
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
        for e in later:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")


def child(path: str, case_path: str) -> None:
    import sqlite_time

    sqlite_time.install()
    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm

    case = Case.new(case_path)
    before = _hwm()
    sqlite_time.reset()
    t0, c0 = time.perf_counter(), time.process_time()
    report = import_ftm(case, path).result
    t, cpu = time.perf_counter() - t0, time.process_time() - c0
    in_sqlite = sqlite_time.spent()
    case.close()
    print(f"{t:.3f} {_hwm():.0f} {before:.0f} {len(report.new_entities)} {report.sanctions} "
          f"{report.relationships} {sum(report.skipped_schemata.values())} {cpu:.3f} "
          f"{' '.join(map(str, digest_worker_usage()))} {in_sqlite:.3f}")


TABLES = ("source", "entity", "alias", "identifier", "sanction", "relationship", "citation")


def run_child(path: Path, case_path: Path) -> list[float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(path), str(case_path)],
                         capture_output=True, text=True, check=True).stdout.split()
    return [float(x) for x in out]


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return 0
    sizes = [int(a) for a in sys.argv[1:]] or [20_000, 100_000, 400_000]
    tmp = Path(tempfile.mkdtemp())
    atexit.register(shutil.rmtree, tmp, True)  # GBs at 1M rows: not left behind
    runs = [(n, "captions") for n in sizes] + [
        (n, how) for n in sizes if n == 100_000 for how in ("no captions", "fragments")]
    hows = {"captions": "captions stated", "no captions": "no captions: FtM's pick_name picks "
            "them", "fragments": "each party over two lines (ftm map without ftm aggregate)"}
    for n, kind in runs:
        path = tmp / f"slice{n}-{kind.replace(' ', '-')}.ftm.json"
        make_file(path, n, kind == "captions", kind == "fragments")
        case = tmp / f"c{n}{kind}.casefile"
        t, peak, before, parties, sanctions, links, skipped, cpu, wcpu, wpeak, sql = \
            run_child(path, case)
        same = write_again(case, tmp / f"same{n}{kind}.sqlite", TABLES)
        how = hows[kind]
        print(f"{n:>7,} FtM entities, {how} ({path.stat().st_size / 1e6:.1f} MB; "
              f"{parties:,.0f} parties, {sanctions:,.0f} sanctions, {links:,.0f} "
              f"relationships, {skipped:,.0f} skipped): import {t:.2f} s | raw executemany "
              f"of the {same.written:,} records' rows written {same.rows:.2f} s (ratio "
              f"{t / same.rows:.1f}x; goal <= 3x), with their search index rows too "
              f"{same.index:.2f} s (ratio {t / same.index:.1f}x), every one of the "
              f"{same.written_all:,} rows written (row digests and the file kept too) "
              f"{same.all:.2f} s (ratio {t / same.all:.1f}x) | CPU time {cpu:.2f} s against "
              f"{same.cpu_rows:.2f} s (ratio {cpu / same.cpu_rows:.1f}x; with the digest "
              f"worker's {wcpu:.2f} s {(cpu + wcpu) / same.cpu_rows:.1f}x) | inside SQLite "
              f"{sql:.2f} s of the import's {t:.2f} s, Python the rest {t - sql:.2f} s (with "
              f"no Python at all: ratio {sql / same.rows:.1f}x, every row "
              f"{sql / same.all:.1f}x) | peak RSS "
              f"{peak:.0f} MB (before the import {before:.0f} MB, "
              f"{(peak - before) * 1024 / n:.2f} KB an entity; digest worker {wpeak:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
