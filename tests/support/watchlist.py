"""Small OpenSanctions-like watchlist files, in the real formats: ``entities.ftm.json`` (one
FtM entity a line, with caption, datasets, first_seen/last_seen/last_change, referents and
properties) and ``targets.simple.csv``; and a generator of many entries for benchmarks."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any


def ftm(eid: str, schema: str, caption: str, *, datasets: tuple[str, ...] = ("us_ofac_sdn",),
        last_change: str = "2024-05-01T10:00:00", **props: Any) -> dict[str, Any]:
    props = {k: v if isinstance(v, list) else [v] for k, v in props.items()}
    props.setdefault("name", [caption])
    return {"id": eid, "caption": caption, "schema": schema, "properties": props,
            "referents": [], "datasets": list(datasets), "first_seen": "2022-03-01T00:00:00",
            "last_seen": "2024-06-01T00:00:00", "last_change": last_change,
            "target": True}


ENTRIES = [
    ftm("NK-chemezov", "Person", "Sergei Viktorovich CHEMEZOV",
        alias=["Сергей Викторович Чемезов", "Sergey Chemezov"], birthDate="1952-08-20",
        nationality="ru", country="ru", gender="male", topics=["sanction", "role.pep"],
        position="CEO of Rostec"),
    ftm("NK-rostec", "Company", "Rostec", alias=["Государственная корпорация Ростех",
                                               "State Corporation Rostekhnologii"],
        innCode="7704274402", ogrnCode="1077799030847", country="ru", topics="sanction"),
    ftm("NK-dji", "Company", "深圳市大疆创新科技有限公司",
        alias=["SZ DJI Technology Co., Ltd."], country="cn", topics="sanction",
        datasets=("us_bis_entity",)),
    ftm("NK-tekhkrim", "Company", "OOO TEKHKRIM", alias=["ООО «Техкрим»"],
        innCode="7707083893", country="ru", topics="sanction"),
    ftm("NK-vessel", "Vessel", "SEA STAR", imoNumber="IMO9187629", flag="ir",
        topics="sanction"),
    ftm("NK-smith", "Person", "John Smith", birthDate="1985-03-02", country="gb",
        topics="role.pep"),
]
OTHER = [  # what a real export also holds: sanctions, addresses, relations
    {"id": "NK-sanction-1", "schema": "Sanction", "caption": "Sanction", "properties": {
        "entity": ["NK-chemezov"], "authority": ["OFAC"], "program": ["RUSSIA-EO14024"]},
     "datasets": ["us_ofac_sdn"], "referents": [], "first_seen": "2022-03-01T00:00:00",
     "last_seen": "2024-06-01T00:00:00", "last_change": "2022-03-01T00:00:00"},
    {"id": "NK-addr-1", "schema": "Address", "caption": "Moscow", "properties": {
        "full": ["Moscow"]}, "datasets": ["us_ofac_sdn"], "referents": []},
]


def write_ftm(path: Path, entries: list[dict[str, Any]] | None = None) -> Path:
    items = (entries if entries is not None else ENTRIES) + OTHER
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in items),
                    encoding="utf-8")
    return path


def write_simple(path: Path) -> Path:
    rows = [
        "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,"
        "emails,program_ids,dataset,first_seen,last_seen,last_change",
        'NK-chemezov,Person,Sergei Viktorovich CHEMEZOV,"Сергей Викторович Чемезов;Sergey '
        'Chemezov",1952-08-20,ru,,,,,,,US OFAC SDN,2022-03-01,2024-06-01,2024-05-01',
        'NK-tekhkrim,Company,OOO TEKHKRIM,ООО «Техкрим»,,ru,,7707083893,,,,,US OFAC SDN,'
        '2022-03-01,2024-06-01,2024-05-01',
        'NK-addr,Address,Moscow,,,ru,,,,,,,US OFAC SDN,2022-03-01,2024-06-01,2024-05-01',
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


_GIVEN = ["ivan", "sergei", "olga", "maria", "wei", "li", "john", "ahmed", "fatima", "pavel"]
_FAMILY = ["petrov", "ivanov", "smirnov", "zhang", "wang", "smith", "khan", "novak", "kuznetsov",
           "popov", "sokolov", "lebedev", "kozlov", "morozov", "volkov", "chen", "liu"]
_WORDS = ["trading", "industrial", "energy", "logistics", "marine", "aero", "techno", "global",
          "systems", "machinery", "export", "defence", "electronics", "optical", "chemical"]


def synthetic(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` generated entries (people and companies with invented, mostly unique names)."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        tag = "".join(rnd.choice("bcdfghjklmnprstvz") + rnd.choice("aeiou") for _ in range(3))
        if i % 2:
            name = f"{rnd.choice(_GIVEN).title()} {tag.title()} {rnd.choice(_FAMILY).title()}"
            out.append(ftm(f"gen-{i}", "Person", name, country=rnd.choice(["ru", "cn", "ir"]),
                           birthDate=f"19{rnd.randint(40, 99)}-0{rnd.randint(1, 9)}-1"
                                     f"{rnd.randint(0, 9)}", topics="sanction"))
        else:
            name = f"{tag.title()} {rnd.choice(_WORDS).title()} {rnd.choice(_WORDS).title()} LLC"
            out.append(ftm(f"gen-{i}", "Company", name, country=rnd.choice(["ru", "cn", "ae"]),
                           registrationNumber=str(10_000_000 + i), topics="sanction"))
    return out
