"""Identifiers in imports are typed by scheme, never merge parties on their own, and a
scheme many companies share (KPP) never matches at all."""

import json

import pytest

from casefile.errors import ImportFailed, NeedsReview
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.shipments import import_shipments

SBER_INN = "7707083893"
HEADER = "Отправитель;ИНН отправителя;Получатель;ИНН получателя;Дата;Описание товара\n"


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def idents(case):
    with case.read() as conn:
        return sorted(conn.exec_driver_sql(
            "SELECT e.name, i.scheme, i.value FROM identifier i "
            "JOIN entity e ON e.id = i.entity_id").fetchall())


def test_the_scheme_is_taken_from_the_column_name(case, tmp_path):
    f = write(tmp_path, "dt.csv", HEADER + f"ООО «ВОСТОК»;{SBER_INN};ТОО Алтын;123;2022;"
                                           "подшипники\n", "cp1251")
    report = import_shipments(case, f, accept_missing=True).result
    assert report.shipments == 1
    assert idents(case) == [("ООО «ВОСТОК»", "INN", SBER_INN), ("ТОО Алтын", "INN", "123")]
    # the malformed INN is kept as given, said, and never used to match
    assert any("ИНН получателя" in w and "'123' does not have the form" in w
               for w in report.warnings)


def test_same_identifier_under_another_name_is_a_proposal_never_a_reuse(case, tmp_path):
    eid = case.create("entity", {"name": "Vostok Trading LLC"}, children={
        "identifier": [{"scheme": "INN", "value": SBER_INN}]}).result
    f = write(tmp_path, "dt.csv", HEADER + f"ООО «ВОСТОК»;{SBER_INN};Buyer;;2022;goods\n",
              "cp1251")
    with pytest.raises(NeedsReview) as info:
        import_shipments(case, f, review=True, accept_missing=True)
    assert info.value.report.proposals == [
        ("ООО «ВОСТОК»", eid, f"Vostok Trading LLC, same INN {SBER_INN}", 100.0)]
    assert case.counts()["shipment"] == 0  # nothing was written
    # told they are the same: the existing party is used
    report = import_shipments(case, f, accept={"ООО «ВОСТОК»": eid}, review=True,
                              accept_missing=True).result
    assert report.reused_entities == {"ООО «ВОСТОК»": eid}
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT shipper_id FROM shipment").scalar() == eid


def test_kept_apart_it_is_a_new_party_with_the_same_identifier(case, tmp_path):
    case.create("entity", {"name": "Vostok Trading LLC"}, children={
        "identifier": [{"scheme": "INN", "value": SBER_INN}]})
    f = write(tmp_path, "dt.csv", HEADER + f"ООО «ВОСТОК»;{SBER_INN};Buyer;;2022;goods\n")
    report = import_shipments(case, f, keep_apart=["ООО «ВОСТОК»"], review=True,
                              accept_missing=True).result
    assert "ООО «ВОСТОК»" in report.new_entities
    assert case.counts()["entity"] == 3  # the existing party, the new one, the buyer


def _kpp_company(eid, name, kpp, inn):
    return {"id": eid, "schema": "Company", "properties": {
        "name": [name], "kppCode": [kpp], "innCode": [inn], "jurisdiction": ["ru"]}}


def test_a_shared_kpp_never_folds_companies_together(case, tmp_path):
    """OpenSanctions' ZALA AERO, Aeroscan and LLC CST share one KPP (a tax office's code):
    three companies, three parties, no proposal between them from the KPP."""
    kpp = "784101001"
    f = tmp_path / "os.ftm.json"
    f.write_text("\n".join(json.dumps(r) for r in (
        _kpp_company("ru-zala", "ZALA AERO", kpp, "1831095010"),
        _kpp_company("ru-aeroscan", "AEROSCAN", kpp, "7801601408"),
        _kpp_company("ru-cst", "LLC CST", kpp, "7804507227"))) + "\n", "utf-8")
    report = import_ftm(case, f, review=True).result
    assert report.warnings == {}  # every INN passes its check digits
    assert report.new_entities == ["ZALA AERO", "AEROSCAN", "LLC CST"]
    assert report.reused_entities == {} and report.proposals == []
    assert [(n, s) for n, s, _v in idents(case) if s == "KPP"] == [
        ("AEROSCAN", "KPP"), ("LLC CST", "KPP"), ("ZALA AERO", "KPP")]
    # imported again as another file, the same companies are found by name, not by KPP
    g = tmp_path / "again.ftm.json"
    g.write_text(json.dumps(_kpp_company("x", "Unrelated Ltd", kpp, "")) + "\n", "utf-8")
    report = import_ftm(case, g, review=True).result
    assert report.new_entities == ["Unrelated Ltd"] and report.proposals == []


def test_new_parties_take_the_rows_countries_and_variants_become_aliases(case, tmp_path):
    """Shipper -> origin, consignee -> destination unless the row says otherwise; a spelling
    that resolved to a known party ('CO.,LIMITED' for 'CO., LTD') is kept as its alias, and
    the undo of the import takes the alias away again."""
    eid = case.create("entity", {"name": "Shenzhen Sky Tech CO., LTD"}).result
    f = write(tmp_path, "bol.csv",
              "Shipper,Consignee,Consignee country,Date,Goods,Country of origin,"
              "Country of destination,Quantity\n"
              "\"SHENZHEN SKY TECH CO.,LIMITED\",Altyn LLP,KZ,2022-06-01,optics,China,Russia,"
              "1820340\n"
              "Hong Kong Link Ltd,Vostok OOO,,2022-06-02,drones,HK,RU,1\n")
    report = import_shipments(case, f).result
    assert report.reused_entities == {"SHENZHEN SKY TECH CO.,LIMITED": eid}
    assert [a["name"] for a in case.children("alias", "entity_id", eid)] == [
        "SHENZHEN SKY TECH CO.,LIMITED"]
    with case.read() as conn:
        countries = dict(conn.exec_driver_sql("SELECT name, country FROM entity").fetchall())
    assert countries == {"Shenzhen Sky Tech CO., LTD": None, "Altyn LLP": "KZ",
                         "Hong Kong Link Ltd": "HK", "Vostok OOO": "RU"}
    assert "qty 1,820,340" in report.preview[0] and "e+" not in report.preview[0]
    case.undo()
    assert case.children("alias", "entity_id", eid) == []
    assert case.get("entity", eid)["name"] == "Shenzhen Sky Tech CO., LTD"


def test_a_shipper_of_the_same_name_with_another_inn_is_asked_about(case, tmp_path):
    """Customs rows name 'ООО «ВОСТОК»' with the INN of another company than the case's
    ООО «ВОСТОК»: a namesake, perhaps. A new party, and the match proposed; a second new
    namesake in the same file with a third INN is kept apart, said."""
    eid = case.create("entity", {"name": "ООО «ВОСТОК»"}, children={
        "identifier": [{"scheme": "INN", "value": SBER_INN}]}).result
    f = write(tmp_path, "dt.csv", HEADER + "ООО «ВОСТОК»;7804507227;Buyer;;2022;goods\n"
              "ООО «ВОСТОК»;7804507227;Buyer;;2023;goods\n"
              f"ООО «ВОСТОК»;{SBER_INN};Buyer;;2023;parts\n", "cp1251")
    report = import_shipments(case, f, accept_missing=True).result
    assert report.proposals == [("ООО «ВОСТОК» [INN 7804507227]", eid, f"ООО «ВОСТОК», same "
                                 f"name but its INN "
                                                      f"is {SBER_INN}, the file's 7804507227",
                                 100.0)]
    with case.read() as conn:
        shippers = [r[0] for r in conn.exec_driver_sql(
            "SELECT shipper_id FROM shipment ORDER BY id")]
    assert shippers[0] == shippers[1] != eid and shippers[2] == eid


def test_an_identifier_rows_give_a_party_the_case_holds_is_added_once(case, tmp_path):
    """The case knows the shipper by name only; the customs rows give its INN (on every
    row): the INN is added to it once, cited to the file, and said."""
    eid = case.create("entity", {"name": "ООО «ВОСТОК»"}).result
    rows = "".join(f"ООО «ВОСТОК»;{SBER_INN};ТОО Алтын;;2022;подшипники {n}\n" for n in range(3))
    report = import_shipments(case, write(tmp_path, "dt.csv", HEADER + rows, "cp1251"),
                              accept_missing=True).result
    assert report.shipments == 3 and report.reused_entities == {"ООО «ВОСТОК»": eid}
    assert idents(case) == [("ООО «ВОСТОК»", "INN", SBER_INN)]
    assert report.added_to == 1 and report.added == {"identifier": 1}
    assert report.added_line() == "Added to 1 party already in the case: 1 identifier"
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT locator FROM citation WHERE entity_id = ?",
                                    (eid,)).fetchall() == [("row 2",)]
    case.undo()
    assert idents(case) == []


def test_what_a_later_row_says_of_a_party_an_earlier_row_made_is_counted(case, tmp_path):
    """A party a row made without an INN takes the first a later row gives (review19: else
    every namesake's rows joined it); a namesake with another INN is a party of its own."""
    other = "7768684242"
    rows = ("ООО Альфа;;ТОО Алтын;;2022;подшипники\n"
            f"ООО Альфа;{SBER_INN};ТОО Алтын;;2022;втулки\n"
            f"ООО Альфа;{other};ТОО Алтын;;2023;втулки\n"
            f"ООО Альфа;{SBER_INN};ТОО Алтын;;2023;гайки\n")
    report = import_shipments(case, write(tmp_path, "dt.csv", HEADER + rows),
                              accept_missing=True).result
    assert idents(case) == [("ООО Альфа", "INN", SBER_INN), ("ООО Альфа", "INN", other)]
    with case.read() as conn:
        shippers = conn.exec_driver_sql("SELECT shipper_id FROM shipment ORDER BY id"
                                        ).scalars().all()
    assert shippers[0] == shippers[1] == shippers[3] != shippers[2]
    assert not report.left_out


def test_a_confirmed_match_with_a_deleted_party_fails_the_customs_import(case, tmp_path):
    gone = case.create("entity", {"name": "Vostok Trading LLC"}).result
    case.create("entity", {"name": "Other"})
    case.delete("entity", gone)
    f = write(tmp_path, "dt.csv", HEADER + "ООО «ВОСТОК»;;Buyer;;2022;goods\n")
    with pytest.raises(ImportFailed) as info:
        import_shipments(case, f, accept={"ООО «ВОСТОК»": gone}, accept_missing=True)
    assert "is party #1, which is not in the case" in info.value.report.problems[0]


def test_a_field_two_rows_add_to_one_party_counts_one_party(case, tmp_path):
    eid = case.create("entity", {"name": "ООО «ВОСТОК»", "country": "RU"}).result
    header = "Отправитель;Получатель;Дата;Описание товара;Страна отправителя\n"
    rows = "ООО «ВОСТОК»;ТОО Алтын;2022;втулки;Казахстан\nООО «ВОСТОК»;ТОО Алтын;2022;" \
           "втулки;Беларусь\n"
    report = import_shipments(case, write(tmp_path, "dt.csv", header + rows),
                              accept_missing=True).result
    assert case.get("entity", eid)["other_countries"] == "KZ,BY"
    assert report.added_line() == ("Added to 1 party already in the case: other countries")


def test_a_doubt_says_where_the_party_s_identifier_came_from_when_the_file_gave_it(
        case, tmp_path):
    """The case knows the shipper by name only; row 2 gives it an INN (added), row 3 another:
    the proposal says the first INN came from this very file, not from the case."""
    eid = case.create("entity", {"name": "ООО «ВОСТОК»"}).result
    rows = (f"ООО «ВОСТОК»;{SBER_INN};ТОО Алтын;;2022;втулки\n"
            "ООО «ВОСТОК»;7804507227;ТОО Алтын;;2022;втулки\n")
    report = import_shipments(case, write(tmp_path, "dt.csv", HEADER + rows),
                              accept_missing=True).result
    assert [p[1:3] for p in report.proposals] == [(eid, (
        f"ООО «ВОСТОК», same name but its INN is {SBER_INN} (added from dt.csv, row 2, "
        "column 'ИНН отправителя'), the file's 7804507227"))]


def test_two_namesakes_taking_turns_in_a_file_are_two_parties(case, tmp_path):
    """(review: 61 'ООО ВЕКТОР' parties from two) Two companies of one name with different
    INNs, their rows taking turns and spelled three ways: two parties, kept apart and said
    once; a row giving the name without an INN is linked to the first, and said."""
    other = "7768684242"
    spellings = ['ООО "ВЕКТОР"', "ООО ВЕКТОР", "ООО «ВЕКТОР»"]
    rows = "".join(f"{spellings[n % 3]};{SBER_INN if n % 2 else other};ТОО Алтын;;2022;"
                   f"подшипники {n}\n" for n in range(12))
    rows += "ООО ВЕКТОР;;ТОО Алтын;;2023;втулки\n"
    report = import_shipments(case, write(tmp_path, "dt.csv", HEADER + rows, "cp1251"),
                              accept_missing=True).result
    assert report.shipments == 13
    with case.read() as conn:
        parties = conn.exec_driver_sql(
            "SELECT e.id, i.value FROM entity e JOIN identifier i ON i.entity_id = e.id "
            "WHERE e.name LIKE '%ВЕКТОР%' ORDER BY e.id").fetchall()
        shippers = conn.exec_driver_sql("SELECT s.shipper_id FROM shipment s ORDER BY s.id"
                                        ).scalars().all()
    assert [v for _e, v in parties] == [other, SBER_INN]
    first, second = (e for e, _v in parties)
    assert shippers == [first, second] * 6 + [first]
    kept = [w for w in report.warnings if "kept apart" in w]
    assert len(kept) == 1 and "row 3" in kept[0]
    named = [w for w in report.warnings if "the name of 2 parties" in w]
    assert len(named) == 1 and "row 14" in named[0] and f"#{first}" in named[0]
    assert report.new_entities.count('ООО "ВЕКТОР"') == 1


def test_a_party_an_import_makes_cites_the_row_that_made_it(case, tmp_path):
    """(review) Imported parties cited nothing, so the dossier marked each '[no source]':
    a new party cites the file at the line that made it, with the cells that name it."""
    rows = (f"ООО «ВОСТОК»;{SBER_INN};ТОО Алтын;;2022;подшипники\n"
            f"ООО «ВОСТОК»;{SBER_INN};ТОО Алтын;;2023;втулки\n")
    import_shipments(case, write(tmp_path, "dt.csv", HEADER + rows, "cp1251"),
                     accept_missing=True)
    with case.read() as conn:
        cited = conn.exec_driver_sql(
            "SELECT e.name, c.locator, c.excerpt FROM citation c JOIN entity e "
            "ON e.id = c.entity_id ORDER BY e.id").fetchall()
    assert cited == [("ООО «ВОСТОК»", "row 2", f"Отправитель: ООО «ВОСТОК»; "
                      f"ИНН отправителя: {SBER_INN}"),
                     ("ТОО Алтын", "row 2", "Получатель: ТОО Алтын")]


def test_confirming_one_namesakes_match_confirms_that_namesake_only(case, tmp_path):
    """(review19) The case's ООО ВЕКТОР has INN A; the file gives an ООО ВЕКТОР of INN B and
    one of INN C, each proposed. Ticking the INN B proposal merged both into the case's
    party (INNs A, B and C). Each proposal names its identifier, and ticking it takes that
    namesake only; the other is a party of its own, asked about again."""
    a, b, c = SBER_INN, "7736050003", "7702070139"
    v = case.create("entity", {"name": "ООО ВЕКТОР"}, children={
        "identifier": [{"scheme": "INN", "value": a}]}).result
    f = write(tmp_path, "f.csv", HEADER + f"ООО ВЕКТОР;{b};Buyer;;2022;bolts\n"
                                          f"ООО ВЕКТОР;{c};Buyer;;2022;nuts\n")
    dry = import_shipments(case, f, accept_missing=True, dry_run=True).result
    names = [p[0] for p in dry.proposals]
    assert names == [f"ООО ВЕКТОР [INN {b}]", f"ООО ВЕКТОР [INN {c}]"]
    import_shipments(case, f, accept_missing=True, accept={names[0]: v})
    with case.read() as conn:
        shippers = conn.exec_driver_sql("SELECT shipper_id FROM shipment ORDER BY id"
                                        ).scalars().all()
    assert shippers[0] == v and shippers[1] != v
    assert sorted(x for n, _s, x in idents(case) if n == "ООО ВЕКТОР") == sorted([a, b, c])
    with case.read() as conn:
        held = conn.exec_driver_sql("SELECT value FROM identifier WHERE entity_id = ?",
                                    (v,)).scalars().all()
    assert sorted(held) == sorted([a, b])  # C is the other namesake's


def test_a_spelling_taken_for_a_party_the_file_made_is_said(case, tmp_path):
    """(look23) 'SHENZHEN JINGHUA ELECTRONICS CO.,LIMITED' on row 25 became an alias of
    'CO., LTD', made from row 2, and the report said '17 new parties' of 18 names without a
    word of it."""
    f = write(tmp_path, "dt.csv",
              "Отправитель,Получатель,Дата ДТ,Описание товаров,Страна происхождения,"
              "Страна назначения\n"
              "\"SHENZHEN JINGHUA ELECTRONICS CO., LTD\",ООО «ВОСТОК»,01.02.2023,чипы,CN,RU\n"
              "\"SHENZHEN JINGHUA ELECTRONICS CO.,LIMITED\",ООО «ВОСТОК»,02.02.2023,чипы,CN,RU\n"
              "\"Shenzhen Jinghua Electronics Co., Ltd\",ООО «ВОСТОК»,03.02.2023,чипы,CN,RU\n")
    report = import_shipments(case, f).result
    assert len(report.new_entities) == 2
    said = [w for w in report.warnings if "taken as another spelling" in w]
    assert said == [
        "dt.csv, row 3, column 'Отправитель': 'SHENZHEN JINGHUA ELECTRONICS CO.,LIMITED' taken "
        "as another spelling of 'SHENZHEN JINGHUA ELECTRONICS CO., LTD' (the same name once "
        "case, punctuation and legal forms are set aside) and kept as its alias: check it",
        "dt.csv, row 4, column 'Отправитель': 'Shenzhen Jinghua Electronics Co., Ltd' taken "
        "as another spelling of 'SHENZHEN JINGHUA ELECTRONICS CO., LTD' (the same name once "
        "case, punctuation and legal forms are set aside) and kept as its alias: check it"]


def test_a_spelling_added_to_a_party_of_the_case_cites_the_file(case, tmp_path):
    """(look28) A customs file's spelling of a party the case held became its alias, and
    the dossier printed it under the party's other source: the file is now cited for the
    party, with the name as the row writes it."""
    eid = case.create("entity", {"name": "Shenzhen Jinghua Electronics Co., Ltd",
                                 "kind": "company"}).result
    f = write(tmp_path, "dt.csv",
              "Отправитель,Получатель,Дата ДТ,Описание товаров,Страна происхождения,"
              "Страна назначения\n"
              "\"SHENZHEN JINGHUA ELECTRONICS CO.,LIMITED\",ООО «ВОСТОК»,01.02.2023,чипы,CN,"
              "RU\n")
    import_shipments(case, f)
    with case.read() as conn:
        cited = conn.exec_driver_sql(
            "SELECT s.title, c.locator, c.excerpt FROM citation c JOIN source s ON "
            "s.id = c.source_id WHERE c.entity_id = ?", (eid,)).fetchall()
        aliases = conn.exec_driver_sql("SELECT name FROM alias WHERE entity_id = ?",
                                       (eid,)).scalars().all()
    assert aliases == ["SHENZHEN JINGHUA ELECTRONICS CO.,LIMITED"]
    assert [(loc, ex) for title, loc, ex in cited if "dt.csv" in title] == [
        ("row 2", "Отправитель: SHENZHEN JINGHUA ELECTRONICS CO.,LIMITED")]
