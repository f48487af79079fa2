import csv
import json

from followthemoney import model

from casefile.services.exchange.export_csv import export_csv, safe_cell
from casefile.services.exchange.export_ftm import export_ftm


def _read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_export_has_bom_scripts_and_no_formulas(demo, tmp_path):
    demo.create("entity", {"name": "=HYPERLINK(\"http://evil\")", "description": "+1 call"})
    demo.create("entity", {"name": "@SUM(A1)", "description": "-2"})
    paths = export_csv(demo, tmp_path)
    assert {p.name for p in paths} >= {"entities.csv", "shipments.csv", "sources.csv",
                                       "citations.csv", "events.csv", "findings.csv"}
    raw = (tmp_path / "entities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = _read_csv(tmp_path / "entities.csv")
    names = [r["name"] for r in rows]
    assert "'=HYPERLINK(\"http://evil\")" in names and "'@SUM(A1)" in names
    assert not any(n.startswith(("=", "+", "-", "@")) for r in rows for n in r.values())
    assert any("Техкрим" in r["aliases"] for r in rows)
    assert any("中国北方工业集团有限公司" in r["aliases"] for r in rows)
    ships = _read_csv(tmp_path / "shipments.csv")
    assert ships[0]["date"] == "June 2022" and ships[2]["route"] == "TR"


def test_safe_cell():
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("\tx") == "'\tx"
    assert safe_cell(-5) == -5 and safe_cell(None) == "" and safe_cell("ok") == "ok"


def test_ftm_export_passes_the_followthemoney_model(demo, tmp_path):
    out = tmp_path / "case.ftm.json"
    n = export_ftm(demo, out)
    lines = out.read_text("utf-8").splitlines()
    assert n == len(lines) > 30
    by_schema = {}
    ids = set()
    for line in lines:
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)  # raises on unknown schema/properties
        for prop, values in data["properties"].items():
            p = proxy.schema.get(prop)
            assert p is not None, f"{proxy.schema.name} has no property {prop}"
            for v in values:
                if p.type.name not in ("entity",):
                    assert p.type.clean(v) is not None, (prop, v)
        by_schema.setdefault(proxy.schema.name, []).append(proxy)
        ids.add(proxy.id)
    assert {"Company", "Person", "PublicBody", "EconomicActivity", "Sanction", "Event",
            "Article", "Documentation", "UnknownLink"} <= set(by_schema)
    for proxy in by_schema["EconomicActivity"] + by_schema["Documentation"]:
        for prop in proxy.schema.properties.values():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids  # every reference resolves
    norinco = next(p for p in by_schema["Company"] if "NORINCO" in p.get("abbreviation"))
    assert "中国北方工业集团有限公司" in norinco.get("alias")
    rifles = next(p for p in by_schema["EconomicActivity"]
                  if "civilian hunting rifles" in p.get("goodsDescription"))
    assert rifles.get("sender") == [norinco.id] and rifles.get("date") == ["2022-06"]
    assert any("Assessed goods: CQ-A" in s for s in rifles.get("summary"))
    armour = next(p for p in by_schema["EconomicActivity"]
                  if "body armour" in p.get("goodsDescription"))
    assert any("Route: via Turkey" in s for s in armour.get("summary"))
    # 'late 2022' is September to December: whole months, so FtM gets months
    assert (armour.get("startDate"), armour.get("endDate")) == (["2022-09"], ["2022-12"])
    assert armour.get("date") == []
