"""Country cells as trade files write them, through the shipment importer: Russian declaration
exports in cp1251 (upper-case names, НЕИЗВЕСТНА), Chinese exports in GB18030."""

from __future__ import annotations

import pytest

from casefile.errors import ImportFailed
from casefile.services.exchange.imports.shipments import import_shipments

DECLARATION = {"reference": "Номер ДТ", "date": "Дата ДТ", "shipper": "Отправитель",
               "consignee": "Получатель", "declared_goods": "Описание товара",
               "origin_country": "Страна происхождения",
               "destination_country": "Страна назначения",
               "shipper_country": "Страна отправителя"}
HEADER = ";".join(DECLARATION.values()) + "\n"


def write(tmp_path, name, text, encoding):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def shipments(case):
    with case.read() as conn:
        return conn.exec_driver_sql(
            "SELECT s.reference, s.origin_country, s.destination_country, e.country, "
            "group_concat(r.country) FROM shipment s JOIN entity e ON e.id = s.shipper_id "
            "LEFT JOIN route_stop r ON r.shipment_id = s.id GROUP BY s.id ORDER BY s.id"
        ).all()


def test_russian_declaration_countries_in_cp1251(case, tmp_path):
    text = HEADER + (
        "10005020/150622/0012345;15.06.2022;DJI HONG KONG LTD;ООО «ТЕХКРИМ»;"
        "АККУМУЛЯТОРЫ ДЛЯ БПЛА;ГОНКОНГ;РОССИЯ;КИТАЙ\n"
        "10005020/200622/0012399;20.06.2022;ПОСТАВЩИК НЕ УКАЗАН;ООО «ТЕХКРИМ»;"
        "ЗАПАСНЫЕ ЧАСТИ;НЕИЗВЕСТНА;РОССИЯ;НЕИЗВЕСТНА\n"
        "10005020/010722/0012500;01.07.2022;GULF TRADING FZE;ООО «ТЕХКРИМ»;"
        "КАМЕРЫ ТЕПЛОВИЗИОННЫЕ;ОБЪЕДИНЕННЫЕ АРАБСКИЕ ЭМИРАТЫ;РОССИЯ;ОАЭ\n")
    f = write(tmp_path, "dt.csv", text, "cp1251")
    report = import_shipments(case, f, DECLARATION).result
    assert report.shipments == 3 and not report.problems
    assert shipments(case) == [
        ("10005020/150622/0012345", "HK", "RU", "CN", None),
        ("10005020/200622/0012399", None, "RU", None, None),  # unknown: stored as none
        ("10005020/010722/0012500", "AE", "RU", "AE", None)]


def test_goods_of_eu_origin_and_a_kosovan_shipper(case, tmp_path):
    """Declarations write ЕВРОСОЮЗ as the origin of goods made somewhere in the EU (box 16
    allows it); Kosovo is XK in sanctions lists and FollowTheMoney. Places, not refusals:
    the row imports, the origin is EU, and the dossier names it."""
    text = HEADER + (
        "10005020/150622/0012777;15.06.2022;PRECISION PARTS GMBH;ООО «ТЕХКРИМ»;"
        "СТАНКИ ФРЕЗЕРНЫЕ;ЕВРОСОЮЗ;РОССИЯ;ГЕРМАНИЯ\n"
        "10005020/160622/0012778;16.06.2022;PRISHTINA TRADE SH.P.K.;ООО «ТЕХКРИМ»;"
        "ДЕТАЛИ;КОСОВО;РОССИЯ;КОСОВО\n")
    f = write(tmp_path, "dt.csv", text, "cp1251")
    report = import_shipments(case, f, DECLARATION).result
    assert report.shipments == 2 and not report.problems
    assert shipments(case) == [("10005020/150622/0012777", "EU", "RU", "DE", None),
                               ("10005020/160622/0012778", "XK", "RU", "XK", None)]


def test_chinese_country_names_in_gb18030(case, tmp_path):
    text = ("日期,出口商,进口商,商品名称,原产国,目的国,途经国\n"
            "2022-11-01,深圳市大疆创新科技有限公司,Tekhkrim,无人机电池,中国,俄罗斯,香港\n"
            "2022-12,中国北方工业集团有限公司,Kazspecexport,猎枪,中国,哈萨克斯坦,阿联酋\n"
            "2023-01,某供应商,Tekhkrim,零件,未知,俄罗斯,土耳其\n")
    f = write(tmp_path, "cn.csv", text, "gb18030")
    mapping = {"date": "日期", "shipper": "出口商", "consignee": "进口商",
               "declared_goods": "商品名称", "origin_country": "原产国",
               "destination_country": "目的国", "via": "途经国"}
    report = import_shipments(case, f, mapping).result
    assert report.shipments == 3 and not report.problems
    assert [row[1:3] + row[4:] for row in shipments(case)] == [
        ("CN", "RU", "HK"), ("CN", "KZ", "AE"), (None, "RU", "TR")]


def test_a_country_still_unknown_is_a_problem_with_line_column_and_suggestion(case, tmp_path):
    text = HEADER + (
        "1;15.06.2022;DJI HONG KONG LTD;ООО «ТЕХКРИМ»;АККУМУЛЯТОРЫ;ГОНКОНГ;РОССИЯ;КИТАЙ\n"
        "2;16.06.2022;TOO «АСТАНА»;ООО «ТЕХКРИМ»;ЗАПЧАСТИ;КАЗАХСТН;РОССИЯ;КАЗАХСТАН\n")
    f = write(tmp_path, "typo.csv", text, "cp1251")
    with pytest.raises(ImportFailed) as info:
        import_shipments(case, f, DECLARATION)
    assert info.value.report.problems == [
        "typo.csv, row 3, column 'Страна происхождения': 'КАЗАХСТН' is not a country "
        "Casefile knows; did you mean Казахстан (KZ)?"]
    assert case.counts()["shipment"] == 0 and case.counts()["entity"] == 0


def test_the_editor_stores_unknown_as_no_country(case):
    eid = case.create("entity", {"kind": "company", "name": "Shell Co", "country": "XX"}).result
    assert case.get("entity", eid)["country"] is None
    case.update("entity", eid, {"country": "ТУРЦИЯ"})
    assert case.get("entity", eid)["country"] == "TR"
    case.update("entity", eid, {"country": "неизвестна"})
    assert case.get("entity", eid)["country"] is None


def test_a_re_exporter_is_where_it_dispatches_from_not_where_the_goods_were_made(case,
                                                                               tmp_path):
    """(look31) Declarations of goods made in the US, Germany or Taiwan and dispatched from
    the UAE or Hong Kong gave their shippers the country of origin: the dossier printed 'AL
    KHALEEJ GENERAL TRADING LLC — Country United States', the AE filter left them out and
    screening took 0.2 off for a country that differs."""
    fields = {**DECLARATION, "dispatch_country": "Страна отправления"}
    del fields["shipper_country"]
    text = ";".join(fields.values()) + "\n" + (
        "10702070/120124/3004511;12.01.2024;AL KHALEEJ GENERAL TRADING LLC;OOO AEROSNAB;"
        "МИКРОСХЕМЫ;США;РОССИЯ;ОБЪЕДИНЕННЫЕ АРАБСКИЕ ЭМИРАТЫ\n"
        "10702070/130124/3004512;13.01.2024;HK HESHENG TECHNOLOGY LIMITED;OOO AEROSNAB;"
        "МОДУЛИ;КИТАЙ;РОССИЯ;ГОНКОНГ\n"
        "10702070/140124/3004513;14.01.2024;SHENZHEN JIAYUAN TECHNOLOGY CO.,LTD;OOO AEROSNAB;"
        "АККУМУЛЯТОРЫ;КИТАЙ;РОССИЯ;\n"
        "10702070/150124/3004514;15.01.2024;ETA GMBH;OOO AEROSNAB;"
        "СТАНКИ;ГЕРМАНИЯ;РОССИЯ;ЕВРОСОЮЗ\n"
        "10702070/160124/3004515;16.01.2024;PRISHTINA TRADE SH.P.K.;OOO AEROSNAB;"
        "ДЕТАЛИ;ГЕРМАНИЯ;РОССИЯ;КОСОВО\n")
    f = write(tmp_path, "dt.csv", text, "cp1251")
    report = import_shipments(case, f, fields).result
    assert report.shipments == 5 and not report.problems
    assert [(r[0], r[1], r[3]) for r in shipments(case)] == [
        ("10702070/120124/3004511", "US", "AE"), ("10702070/130124/3004512", "CN", "HK"),
        ("10702070/140124/3004513", "CN", "CN"),  # no dispatch given: where it was made
        ("10702070/150124/3004514", "DE", "DE"),  # (review36) the EU is no party's country
        ("10702070/160124/3004515", "DE", "XK")]


def test_a_consignee_is_not_made_where_the_goods_went_on_to(case, tmp_path):
    """(look32) A Chinese export declared to arrive in the UAE (运抵国) and go on to Russia
    (目的国) made its consignee ALFA TRADING FZE of Dubai Russian, and said nothing: a new
    consignee is made without a country where the goods first arrived elsewhere, and the
    report says so; one whose goods arrive where they are going is where they go."""
    text = ("日期,出口商,进口商,商品名称,原产国,运抵国,目的国\n"
            "2023-03-01,深圳市华信微电子有限公司,ALFA TRADING FZE,集成电路,中国,阿联酋,俄罗斯\n"
            "2023-03-02,深圳市华信微电子有限公司,ООО «РАДИОКОМПЛЕКТ»,集成电路,中国,俄罗斯,俄罗斯\n"
            "2023-03-03,深圳市华信微电子有限公司,KAZ TRADE LLP,集成电路,中国,,哈萨克斯坦\n")
    f = write(tmp_path, "cn.csv", text, "gb18030")
    mapping = {"date": "日期", "shipper": "出口商", "consignee": "进口商",
               "declared_goods": "商品名称", "origin_country": "原产国", "via": "运抵国",
               "destination_country": "目的国"}
    report = import_shipments(case, f, mapping).result
    assert report.shipments == 3 and not report.problems
    with case.read() as conn:
        countries = dict(conn.exec_driver_sql("SELECT name, country FROM entity").all())
    assert countries["ALFA TRADING FZE"] is None
    assert countries["ООО «РАДИОКОМПЛЕКТ»"] == "RU"
    assert countries["KAZ TRADE LLP"] == "KZ"
    assert any("first arrived in" in w for w in report.warnings)


def test_a_consignee_whose_goods_pass_through_a_transit_country_is_where_they_go(case,
                                                                               tmp_path):
    """Only the country the goods first arrive in (运抵国) says the consignee may be
    elsewhere: a transit country passed through does not."""
    text = ("Date,Shipper,Consignee,Goods,Origin,Transit country,Destination\n"
            "2023-03-01,Acme Ltd,OOO Radiokomplekt,chips,China,Kazakhstan,Russia\n")
    f = write(tmp_path, "t.csv", text, "utf-8")
    mapping = {"date": "Date", "shipper": "Shipper", "consignee": "Consignee",
               "declared_goods": "Goods", "origin_country": "Origin",
               "via": "Transit country", "destination_country": "Destination"}
    report = import_shipments(case, f, mapping).result
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT country FROM entity WHERE name = "
                                    "'OOO Radiokomplekt'").scalar() == "RU"
    assert not any("first arrived in" in w for w in report.warnings)
