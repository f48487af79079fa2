"""FollowTheMoney data shaped like OpenSanctions' own: a cluster around a Russian drone maker
and its sister companies (ZALA AERO, AEROSCAN, LLC CST: three companies that share one KPP),
the people who own and run them, Chinese and Greek counterparts, names in Latin, Cyrillic,
Greek and CJK, Ownership / Directorship / Family / Associate / Employment / UnknownLink
links, sanctions as the lists write them (EU with a later amendment, OFAC, a Ukrainian NSDC
sanction that expired on 2024-10-30, one whose end passed without a status, programme ids
without a programme), and Payment, Address and CryptoWallet entities that Casefile does not
hold. Every entity is checked against the followthemoney model before a test uses it.

``targets_simple`` writes the same cluster as OpenSanctions' SimpleCSVExporter does (zavod,
``exporters/simplecsv.py``): every cell quoted (csv.unix_dialect), several values in a cell
as a nested CSV (';', QUOTE_MINIMAL, values sorted), sanctions as 'program - reason - status
- start - end' with the empty parts left out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from followthemoney import model

KPP = "784101001"  # one tax office's code, shared by the three companies


def write_captioned(path: Path, entities: list[dict[str, Any]]) -> Path:
    """JSON lines as OpenSanctions writes them: FtM's own entity dicts, caption included."""
    with path.open("w", encoding="utf-8") as f:
        for data in entities:
            proxy = model.get_proxy(data)
            f.write(json.dumps({**proxy.to_dict(), "caption": proxy.caption},
                               ensure_ascii=False) + "\n")
    return path


def _ogrn(prefix12: str) -> str:
    return prefix12 + str(int(prefix12) % 11 % 10)


ZALA_INN, AEROSCAN_INN, CST_INN = "1831095010", "7801601408", "7804507227"
OSETROVA_INN = "500100732259"


def e(eid: str, schema: str, **props: Any) -> dict[str, Any]:
    return {"id": eid, "schema": schema,
            "properties": {k: v if isinstance(v, list) else [v] for k, v in props.items()}}


def cluster() -> list[dict[str, Any]]:
    """The entities, in the order an export might write them (links before the parties
    they name, as sorted ids give)."""
    return [
        e("ofac-zala-sanction", "Sanction", entity="ru-zala", authority="OFAC",
          program="RUSSIA-EO14024", programId="US-RUS-EO14024", listingDate="2022-06-28",
          startDate="2022-06-28", reason="Operating in the technology sector of the Russian "
          "Federation economy", sourceUrl="https://sanctionssearch.ofac.treas.gov/"),
        e("own-osetrova-cst", "Ownership", owner="ru-osetrova", asset="ru-cst",
          percentage="51", startDate="2019-02-11"),
        e("ru-zala", "Company",
          name=["ZALA AERO", "ООО «ЗАЛА АЭРО»", "LIMITED LIABILITY COMPANY ZALA AERO"],
          alias=["ZALA Aero Group", "Zala Aero"], jurisdiction="ru", country="ru",
          innCode=ZALA_INN, registrationNumber=ZALA_INN, taxNumber=ZALA_INN,
          ogrnCode=_ogrn("110183100146"), kppCode=KPP, incorporationDate="2010-05-19",
          legalForm="Limited liability company", topics=["sanction"],
          address="ул. Дзержинского, 1, Ижевск, Удмуртская Республика, 426011",
          addressEntity="addr-zala", website="https://zala-aero.com",
          sourceUrl="https://www.opensanctions.org/entities/ru-zala/"),
        e("addr-zala", "Address", full="ул. Дзержинского, 1, Ижевск, 426011", country="ru",
          city="Ижевск"),
        e("ru-aeroscan", "Company", name=["AEROSCAN", "ООО «АЭРОСКАН»"],
          jurisdiction="ru", innCode=AEROSCAN_INN, kppCode=KPP, topics=["sanction"]),
        e("ru-cst", "Company",
          name=["LLC CST", "Limited Liability Company \"CST\"", "ООО «СТЦ»"],
          alias=["Special Technology Centre; STC", "ООО \"Специальный Технологический Центр\""],
          jurisdiction="ru", innCode=CST_INN, kppCode=KPP, topics=["sanction"]),
        e("cn-skytech", "Company", name=["Shenzhen Sky Tech Co., Ltd.", "深圳天空科技有限公司"],
          jurisdiction="cn", uscCode="91350100M000100Y43", topics=["export.risk"]),
        e("gr-papadopoulos-sa", "Company", name=["ΑΦΟΙ ΠΑΠΑΔΟΠΟΥΛΟΙ Α.Ε.",
                                                 "Papadopoulos Bros SA"],
          jurisdiction="gr", leiCode="529900T8BM49AURSDO55"),
        e("imo-9074729", "Vessel", name="SKY MARINER", imoNumber="IMO 9074729", flag="pa"),
        e("ru-osetrova", "Person",
          name=["OSETROVA, Maria Aleksandrovna", "Maria Aleksandrovna Osetrova",
                "Осетрова Мария Александровна", "Мария Александровна Осетрова"],
          firstName="Maria", lastName="Osetrova", fatherName="Aleksandrovna",
          birthDate="1972-03-05", birthPlace="Tver", nationality="ru", country=["gb", "ru"],
          position="General Director of LLC CST", innCode=OSETROVA_INN,
          passportNumber="4509 123456", topics=["sanction", "role.pep"],
          gender="female"),
        e("ru-zakharov", "Person",
          name=["Захаров Александр Викторович", "Zakharov Aleksandr Viktorovich"],
          weakAlias="Sasha", birthDate=["1960", "1961-03-02"], country="ru",
          position=["Chief Designer, ZALA AERO", "Member of the Board, AEROSCAN"],
          topics=["role.pep"]),
        e("gr-papadopoulos", "Person", name=["Γεώργιος Παπαδόπουλος", "Georgios Papadopoulos"],
          nationality=["gr", "cy"], birthDate="1958-11", country="gr"),
        e("cn-li-ming", "Person", name=["李明", "Li Ming"], country="cn",
          birthDate="1975"),
        e("dir-osetrova-cst", "Directorship", director="ru-osetrova", organization="ru-cst",
          role="General Director", startDate="2018-04-01"),
        e("dir-zakharov-zala", "Directorship", director="ru-zakharov",
          organization="ru-zala", role="Chief Designer", endDate="2021-12-31"),
        e("dir-li-skytech", "Directorship", director="cn-li-ming",
          organization="cn-skytech", role="Legal representative"),
        e("own-zala-aeroscan", "Ownership", owner="ru-zala", asset="ru-aeroscan",
          percentage="100", startDate="2015"),
        e("own-zakharov-zala", "Ownership", owner="ru-zakharov", asset="ru-zala",
          percentage="25", ownershipType="Shares"),
        e("fam-osetrova-zakharov", "Family", person="ru-osetrova", relative="ru-zakharov",
          relationship="spouse"),
        e("fam-papadopoulos-li", "Family", person="gr-papadopoulos", relative="cn-li-ming",
          relationship="brother-in-law"),
        e("assoc-li-zakharov", "Associate", person="cn-li-ming", associate="ru-zakharov",
          relationship="business partner"),
        e("emp-zakharov-aeroscan", "Employment", employee="ru-zakharov",
          employer="ru-aeroscan", role="engineer", startDate="2012-09", endDate="2014-06"),
        e("link-skytech-cst", "UnknownLink", subject="cn-skytech", object="ru-cst",
          role="supplies"),
        e("eu-zala-sanction", "Sanction", entity="ru-zala",
          authority="Council of the European Union",
          program="EU restrictive measures in respect of actions undermining Ukraine",
          programId="EU-UKR", listingDate=["2023-06-23", "2022-12-16"],
          startDate="2022-12-16", reason="Develops and produces unmanned aerial vehicles; "
          "supplies the Russian armed forces",
          provisions=["Asset freeze", "Prohibition to make funds available"]),
        e("ua-osetrova-sanction", "Sanction", entity="ru-osetrova",
          authority="Рада національної безпеки і оборони України", program="Decree 265/2021",
          startDate="2021-05-14", endDate="2024-10-30", status="expired",
          duration="3 роки", sourceUrl="https://www.president.gov.ua/documents/2652021"),
        e("ua-zakharov-sanction", "Sanction", entity="ru-zakharov",
          authority="National Security and Defense Council of Ukraine",
          program="Decree 64/2022", startDate="2022-01-01", endDate="2023-01-01"),
        e("ua-zakharov-sanction-2", "Sanction", entity="ru-zakharov",
          authority="National Security and Defense Council of Ukraine",
          program="Decree 82/2023", startDate="2023-02-19", endDate="2033-02-19",
          status="active"),
        e("gb-cst-sanction", "Sanction", entity="ru-cst", authority="HM Treasury",
          programId="GB-RUS"),
        e("ch-aeroscan-sanction", "Sanction", entity="ru-aeroscan", country="ch",
          programId="CH-UKR", listingDate="2023-02-03"),
        e("pay-1", "Payment", payer="ru-zala", beneficiary="cn-skytech", amount="120000",
          currency="usd", date="2022-07-01"),
        e("pay-2", "Payment", payer="ru-cst", beneficiary="cn-skytech", amount="45000",
          currency="usd", date="2022-08-15"),
        e("pay-3", "Payment", payer="ru-zala", beneficiary="gr-papadopoulos-sa",
          amount="9900", currency="eur", date="2023-01-10"),
        e("addr-cst", "Address", full="Санкт-Петербург, пр. Энгельса, 33", country="ru"),
        e("wallet-1", "CryptoWallet", publicKey="bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
          currency="BTC", holder="ru-osetrova"),
    ]


STATEMENT_ENTITY = {  # a party written as statements: each value with its language
    "id": "cn-wang-fang", "schema": "Person",
    "statements": [
        {"prop": "name", "value": "王芳", "lang": "zho"},
        {"prop": "name", "value": "Wang Fang", "lang": "eng"},
        {"prop": "alias", "value": "Ван Фан", "lang": "rus"},
        {"prop": "country", "value": "cn"},
    ]}


def check(entities: list[dict[str, Any]]) -> None:
    """Raise unless every entity is valid FtM: known schema and properties, every value
    clean for its type, every reference resolving to an entity of the cluster."""
    ids = {d["id"] for d in entities}
    for d in entities:
        proxy = model.get_proxy(d, cleaned=False)
        for prop, values in d["properties"].items():
            p = proxy.schema.get(prop)
            assert p is not None, f"{proxy.schema.name} has no property {prop}"
            for v in values:
                if p.type.name == "entity":
                    assert v in ids, (d["id"], prop, v)
                else:
                    assert p.type.clean(v) is not None, (d["id"], prop, v)


def captions(entities: list[dict[str, Any]]) -> dict[str, str]:
    """FtM id -> the caption followthemoney computes."""
    return {d["id"]: model.get_proxy(d).caption for d in entities}


def write_lines(path: Path, entities: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in entities),
                    "utf-8")
    return path


def _nested(values: Any) -> str:
    out = io.StringIO()
    csv.writer(out, dialect=csv.unix_dialect, delimiter=";", lineterminator="",
               quoting=csv.QUOTE_MINIMAL).writerow(sorted(values))
    return out.getvalue()


def _sanction_text(s: dict[str, Any]) -> str:
    p = s["properties"]
    parts = [v for k in ("program", "reason", "status", "startDate", "endDate")
             for v in p.get(k, [])]
    return " - ".join(x for x in parts if x)


SIMPLE_HEADER = ["id", "schema", "name", "aliases", "birth_date", "countries", "addresses",
                 "identifiers", "sanctions", "phones", "emails", "program_ids", "dataset",
                 "first_seen", "last_seen", "last_change"]


def targets_simple(entities: list[dict[str, Any]], program_ids: bool = True) -> str:
    """The targets (sanctioned parties) of the cluster as OpenSanctions' targets.simple.csv,
    in the current 16-column layout or (``program_ids=False``) the 15-column one."""
    caps = captions(entities)
    sanctions: dict[str, list[dict[str, Any]]] = {}
    for d in entities:
        if d["schema"] == "Sanction":
            sanctions.setdefault(d["properties"]["entity"][0], []).append(d)
    header = SIMPLE_HEADER if program_ids else [h for h in SIMPLE_HEADER if h != "program_ids"]
    out = io.StringIO()
    writer = csv.writer(out, dialect=csv.unix_dialect)
    writer.writerow(header)
    for d in entities:
        if d["id"] not in sanctions:
            continue
        proxy = model.get_proxy(d)
        names = set(proxy.get_type_values(proxy.schema.properties["name"].type))
        names.discard(caps[d["id"]])
        ident_type = proxy.schema.properties["registrationNumber"].type
        country_type = proxy.schema.properties["country"].type
        pids = {p for s in sanctions[d["id"]] for p in s["properties"].get("programId", [])}
        row = {"id": d["id"], "schema": d["schema"], "name": caps[d["id"]],
               "aliases": _nested(names), "birth_date": _nested(proxy.get("birthDate",
                                                                          quiet=True)),
               "countries": _nested(set(proxy.get_type_values(country_type))),
               "addresses": _nested(set(proxy.get("address"))),
               "identifiers": _nested(set(proxy.get_type_values(ident_type)) - pids),
               "sanctions": _nested({_sanction_text(s) for s in sanctions[d["id"]]}),
               "phones": "", "emails": "", "program_ids": _nested(pids),
               "dataset": _nested(["OpenSanctions Consolidated Sanctions"]),
               "first_seen": "2022-03-01T12:00:00", "last_seen": "2025-05-30T06:00:00",
               "last_change": "2024-11-01T06:00:00"}
        writer.writerow([row[h] for h in header])
    return out.getvalue()
