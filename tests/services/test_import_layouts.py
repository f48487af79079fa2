"""Trade-data files as the products lay them out, imported end to end: for each layout Casefile
knows, a file built here from the layout's documented column order (with what real exports
carry: title rows, Windows-1251, GB18030, a UTF-8 BOM, XLSX, 1,200-character goods texts,
mixed scripts), checking the layout recognised, the fields stored, the route (origin vs
dispatch), the trading country kept, what is reported missing, statistics refused, and fixed
values from the CLI and from a saved mapping."""

import csv
import io
import json
from datetime import datetime

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.cli import main
from casefile.errors import MappingError, MissingColumns, NotShipments
from casefile.services.case.facade import Case
from casefile.services.exchange.imports.fields import ESSENTIAL, TARGETS
from casefile.services.exchange.imports.layouts import layouts, recognise
from casefile.services.exchange.imports.mapping import (
    ColumnMapping,
    guess_mapping,
    load_mapping,
    save_mapping,
)
from casefile.services.exchange.imports.shipments import import_shipments

NAMES = {lay.id: lay.name for lay in layouts()}

# Box 31 as declarants fill it: one goods item, its models, parts and packaging, ~1,200 chars.
BOX_31 = (
    "1) БЕСПИЛОТНЫЕ ЛЕТАТЕЛЬНЫЕ АППАРАТЫ (КВАДРОКОПТЕРЫ) ГРАЖДАНСКОГО НАЗНАЧЕНИЯ, "
    "ДИСТАНЦИОННО УПРАВЛЯЕМЫЕ, МАССОЙ БОЛЕЕ 250 Г, НО НЕ БОЛЕЕ 7 КГ, ДЛЯ АЭРОФОТОСЪЕМКИ: "
    "DJI MAVIC 3 ENTERPRISE (M3E), В КОМПЛЕКТЕ: ПУЛЬТ ДИСТАНЦИОННОГО УПРАВЛЕНИЯ DJI RC PRO "
    "ENTERPRISE, АККУМУЛЯТОРНЫЕ БАТАРЕИ LI-ION 5000 МАЧ 15,4 В (3 ШТ.), ЗАРЯДНОЕ УСТРОЙСТВО "
    "100 ВТ, ВОЗДУШНЫЕ ВИНТЫ 9453F (6 ПАР), КАРТА ПАМЯТИ MICROSD 64 ГБ, КЕЙС ТРАНСПОРТНЫЙ; "
    "ВСТРОЕННАЯ КАМЕРА С МАТРИЦЕЙ 4/3 CMOS 20 МП, ТЕЛЕОБЪЕКТИВ 162 ММ, ТЕПЛОВИЗИОННЫЙ МОДУЛЬ "
    "ОТСУТСТВУЕТ, МОДУЛЬ RTK НЕ ВХОДИТ В КОМПЛЕКТ ПОСТАВКИ; МАКСИМАЛЬНАЯ ДАЛЬНОСТЬ ПЕРЕДАЧИ "
    "СИГНАЛА 15 КМ (O3 ENTERPRISE), ШИФРОВАНИЕ AES-256; НЕ ЯВЛЯЮТСЯ ТОВАРАМИ ДВОЙНОГО "
    "НАЗНАЧЕНИЯ СОГЛАСНО ЗАКЛЮЧЕНИЮ № 0123-2022 ОТ 01.06.2022; ИЗГОТОВИТЕЛЬ SZ DJI "
    "TECHNOLOGY CO., LTD (深圳市大疆创新科技有限公司), ТОВАРНЫЙ ЗНАК DJI, МАРКА MAVIC, МОДЕЛЬ "
    "M3E, АРТИКУЛ CP.EN.00000411.01, КОЛИЧЕСТВО 24 ШТ.; 2) УПАКОВКА: КАРТОННЫЕ КОРОБКИ "
    "(12 МЕСТ), ПАЛЛЕТЫ ДЕРЕВЯННЫЕ (2 ШТ.); ТОВАР НОВЫЙ, НЕ БЫВШИЙ В УПОТРЕБЛЕНИИ, ДАТА "
    "ИЗГОТОВЛЕНИЯ 2022 Г.; СЕРИЙНЫЕ НОМЕРА СОГЛАСНО ПРИЛОЖЕНИЮ К ИНВОЙСУ № SZ-22-0611 ОТ "
    "11.06.2022; ПРОИСХОЖДЕНИЕ ПОДТВЕРЖДЕНО СЕРТИФИКАТОМ ФОРМЫ CT-1 НЕ ПРЕДСТАВЛЯЕТСЯ; "
    "ТОВАР ОТПРАВЛЕН ИЗ ДУБАЯ ТРАНЗИТОМ, ПРОДАВЕЦ ЗАРЕГИСТРИРОВАН В ТУРЕЦКОЙ РЕСПУБЛИКЕ")
assert 1150 <= len(BOX_31) <= 1300


def table(rows, delimiter=",", title=()):
    """CSV text, header row first, each title row above it as vendors put them."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in title:
        w.writerow(row)
    for row in rows:
        w.writerow(row)
    return out.getvalue()


def laid_out(columns, records):
    """The header in the documented column order, and each record's values in it (a column
    the record does not fill stays empty, as exports leave it)."""
    unknown = {k for r in records for k in r} - set(columns)
    assert not unknown, f"not columns of the layout: {unknown}"
    return [list(columns)] + [[r.get(c, "") for c in columns] for r in records]


def shipments(case):
    with case.read() as conn:
        return conn.exec_driver_sql(
            "SELECT s.date_start, sh.name, co.name, s.origin_country, s.destination_country, "
            "s.declared_goods, s.hs_code, s.weight_kg, s.value, s.currency, s.reference, "
            "s.notes FROM shipment s LEFT JOIN entity sh ON sh.id = s.shipper_id "
            "LEFT JOIN entity co ON co.id = s.consignee_id ORDER BY s.id").all()


def stops(case):
    with case.read() as conn:
        return conn.exec_driver_sql("SELECT shipment_id, position, country, role FROM "
                                    "route_stop ORDER BY shipment_id, position").all()


def party_countries(case):
    with case.read() as conn:
        return dict(conn.exec_driver_sql("SELECT name, country FROM entity").all())


def counts(case):
    with case.read() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in ("entity", "shipment", "route_stop", "source", "citation")}


# -- Panjiva (S&P Global Xpressfeed): panjivaUSImport in table order, goods and HS codes of the
#    child tables joined on; a CSV with a UTF-8 BOM as SQL clients write it
PANJIVA = [
    "panjivaRecordId", "billOfLadingNumber", "arrivalDate", "conName", "conFullAddress",
    "conRoute", "conCity", "conStateRegion", "conPostalCode", "conCountry", "conPanjivaId",
    "conOriginalFormat", "shpName", "shpFullAddress", "shpRoute", "shpCity", "shpStateRegion",
    "shpPostalCode", "shpCountry", "shpPanjivaId", "shpOriginalFormat", "carrier",
    "notifyParty", "notifyPartySCAC", "billOfLadingType", "masterBillOfLadingNumber",
    "shpmtOrigin", "shpmtDestination", "shpmtDestinationRegion", "portOfUnlading",
    "portOfUnladingRegion", "portOfLading", "portOfLadingRegion", "portOfLadingCountry",
    "placeOfReceipt", "transportMethod", "vessel", "vesselVoyageId", "vesselIMO",
    "isContainerized", "volumeTEU", "quantity", "measurement", "weightKg", "weightT",
    "weightOriginalFormat", "valueOfGoodsUSD", "FROB", "manifestNumber", "inbondCode",
    "numberOfContainers", "hasLCL", "fileDate", "goodsShipped", "hsCode"]


def test_panjiva_xpressfeed_export(case, tmp_path):
    rows = laid_out(PANJIVA, [
        {"panjivaRecordId": "183920001", "billOfLadingNumber": "COSU6331447380",
         "arrivalDate": "2022-11-15", "conName": "Skyline Imaging LLC",
         "conCountry": "United States", "shpName": "SZ DJI TECHNOLOGY CO LTD",
         "shpFullAddress": "14F WEST WING SKYWORTH SEMICONDUCTOR DESIGN BLDG, SHENZHEN",
         "shpCountry": "China", "shpmtOrigin": "China", "shpmtDestination": "United States",
         "portOfLading": "Hong Kong", "portOfLadingCountry": "Hong Kong",
         "portOfUnlading": "Los Angeles, California", "quantity": "24",
         "weightKg": "1234.5", "weightT": "1.2345", "weightOriginalFormat": "2721.6 LB",
         "valueOfGoodsUSD": "56000", "goodsShipped": "UNMANNED AERIAL VEHICLES MAVIC 3",
         "hsCode": "8806.22"},
        {"panjivaRecordId": "183920002", "billOfLadingNumber": "OOLU2711356060",
         "arrivalDate": "2022-12-01", "conName": "Skyline Imaging LLC",
         "conCountry": "United States", "shpName": "AUTEL ROBOTICS CO LTD",
         "shpCountry": "China", "shpmtOrigin": "China", "shpmtDestination": "United States",
         "portOfLadingCountry": "China", "weightKg": "300", "valueOfGoodsUSD": "9800",
         "goodsShipped": "DRONE BATTERIES", "hsCode": "8507.60"}])
    f = tmp_path / "panjiva_us_imports.csv"
    f.write_text(table(rows), encoding="utf-8-sig")
    report = import_shipments(case, f).result
    assert report.layout == NAMES["panjiva-us-imports"] and report.missing == []
    assert report.constants == {"weight_unit": "kg", "currency": "USD"}
    assert shipments(case) == [
        ("2022-11-15", "SZ DJI TECHNOLOGY CO LTD", "Skyline Imaging LLC", "CN", "US",
         "UNMANNED AERIAL VEHICLES MAVIC 3", "8806.22", 1234.5, 56000.0, "USD",
         "COSU6331447380", ""),
        ("2022-12-01", "AUTEL ROBOTICS CO LTD", "Skyline Imaging LLC", "CN", "US",
         "DRONE BATTERIES", "8507.60", 300.0, 9800.0, "USD", "OOLU2711356060", "")]
    # loaded in Hong Kong, made in China: Hong Kong is the first stop; the second was
    # loaded where it was made, so it has no route
    assert stops(case) == [(1, 0, "HK", "dispatch")]
    assert party_countries(case) == {"SZ DJI TECHNOLOGY CO LTD": "CN",
                                     "Skyline Imaging LLC": "US",
                                     "AUTEL ROBOTICS CO LTD": "CN"}


# -- ImportYeti: its bill-of-lading record fields
IMPORTYETI = [
    "date_formatted", "Bill_of_Lading", "Master_Bill_of_Lading", "shipper", "consignee",
    "Country", "supplier_address_country", "company_address_country", "product_descriptions",
    "hs_codes", "weight_kg", "origin_port", "destination_port", "Consignee_Address",
    "supplier_address_loc", "notify_party", "container_numbers", "teu", "lcl", "volume_cbm"]


def test_importyeti_export(case, tmp_path):
    rows = laid_out(IMPORTYETI, [
        {"date_formatted": "2022-11-15",  # (ImportYeti writes 15/11/2022: the dates issue)
         "Bill_of_Lading": "MEDUXY123456", "shipper": "Shenzhen Dajiang Baiwang Technology",
         "consignee": "Skyline Imaging LLC", "Country": "China",
         "supplier_address_country": "China", "company_address_country": "United States",
         "product_descriptions": "DRONE PARTS; PROPELLERS; GIMBAL CAMERA 4K",
         "hs_codes": "8807.30; 8525.89", "weight_kg": "812", "origin_port": "Yantian, China",
         "destination_port": "Long Beach, California",
         "Consignee_Address": "1200 Harbor Blvd, Long Beach, CA 90802, USA",
         "container_numbers": "MSCU1234567", "teu": "2", "lcl": "false"}])
    f = tmp_path / "importyeti.csv"
    f.write_text(table(rows), encoding="utf-8")
    report = import_shipments(case, f).result
    assert report.layout == NAMES["importyeti"] and report.missing == []
    assert report.constants["destination_country"] == "US"  # ImportYeti is US imports
    assert shipments(case) == [
        ("2022-11-15", "Shenzhen Dajiang Baiwang Technology", "Skyline Imaging LLC", "CN",
         "US", "DRONE PARTS; PROPELLERS; GIMBAL CAMERA 4K", "8807.30; 8525.89", 812.0, None,
         "", "MEDUXY123456", "")]
    assert stops(case) == []  # a port of lading is a port, not a country: not a route stop


# -- US bill-of-lading export with upper-case manifest headers (Techsalerator's dictionary)
US_MANIFEST = [
    "ESTIMATE ARRIVAL DATE", "ACTUAL ARRIVAL DATE", "SHIPPER NAME", "SHIPPER ADDRESS",
    "RAW SHIPPER NAME", "RAW SHIPPER ADDRESS1", "RAW SHIPPER ADDRESS2", "RAW SHIPPER ADDRESS3",
    "RAW SHIPPER ADDRESS OTHERS", "CONSIGNEE NAME", "CONSIGNEE ADDRESS", "RAW CONSIGNEE NAME",
    "RAW CONSIGNEE ADDR1", "RAW CONSIGNEE ADDRESS2", "RAW CONSIGNEE ADDRESS3",
    "RAW CONSIGNEE ADDRESS OTHERS", "NOTIFY PARTY NAME", "NOTIFY PARTY ADDRESS",
    "RAW NOTIFY PARTY NAME", "RAW NOTIFY PARTY ADDRESS1", "RAW NOTIFY PARTY ADDRESS2",
    "RAW NOTIFY PARTY ADDRESS3", "RAW NOTIFY PARTY ADDRESS OTHERS", "COUNTRY", "HS CODE",
    "PRODUCT DESCRIPTION", "QUANTITY", "QUANTITY UNIT", "MEASURE UNIT", "WEIGHT IN KG",
    "WEIGHT", "WEIGHT UNIT", "CIF", "TEU", "BILL OF LADING", "MASTER BILL OF LADING",
    "BILL TYPE CODE", "CARRIER SASC CODE", "VESSEL COUNTRY CODE", "VESSEL CODE", "VESSEL NAME",
    "VOYAGE", "INBOND TYPE", "MANIFEST NO", "MODE OF TRANSPORTATION", "LOADING PORT",
    "UNLOADING PORT", "PLACE OF RECEIPT", "COUNTRY SURE LEVEL", "CONTAINER ID",
    "CONTAINER SIZE", "CONTAINER TYPE", "CONTAINER TYPE OF SERVICE", "HS CODE SURE LEVEL",
    "INDICATOR OF TRUE SUPPLIER", "INDICATOR OF TRUE BUYER", "END"]


def test_us_bill_of_lading_manifest_export(case, tmp_path):
    rows = laid_out(US_MANIFEST, [
        {"ESTIMATE ARRIVAL DATE": "2022-11-12", "ACTUAL ARRIVAL DATE": "2022-11-15",
         "SHIPPER NAME": "SZ DJI TECHNOLOGY CO LTD",
         "RAW SHIPPER NAME": "SZ DJI TECHNOLOGY CO.,LTD",
         "CONSIGNEE NAME": "SKYLINE IMAGING LLC", "COUNTRY": "CHINA", "HS CODE": "880622",
         "PRODUCT DESCRIPTION": "UNMANNED AERIAL VEHICLE HS CODE 8806.22 PO 4471",
         "QUANTITY": "24", "QUANTITY UNIT": "CTN", "WEIGHT IN KG": "1,234.5",
         "WEIGHT": "2721.6", "WEIGHT UNIT": "LB", "BILL OF LADING": "COSU6331447380",
         "MASTER BILL OF LADING": "COSU6331447000", "LOADING PORT": "YANTIAN",
         "UNLOADING PORT": "LOS ANGELES", "END": "END"}])
    f = tmp_path / "us_bol.csv"
    f.write_text(table(rows), encoding="utf-8")
    report = import_shipments(case, f).result
    assert report.layout == NAMES["us-bol-manifest"] and report.missing == []
    # WEIGHT IN KG is taken (in kilograms); the pounds of WEIGHT / WEIGHT UNIT do not leak in
    assert report.mapping["weight"] == "WEIGHT IN KG" and "weight_unit" not in report.mapping
    assert shipments(case) == [
        ("2022-11-15", "SZ DJI TECHNOLOGY CO LTD", "SKYLINE IMAGING LLC", "CN", "US",
         "UNMANNED AERIAL VEHICLE HS CODE 8806.22 PO 4471", "880622", 1234.5, None, "",
         "COSU6331447380", "")]


# -- Plugindata's US bill-of-lading columns, misspellings included; tab-separated
PLUGINDATA = [
    "#", "PRODUCT_DESCRIPTION", "CONSIGNEE", "SHIPER", "ARRIVAL_DATE", "GROSS_WIGHT_LB",
    "GROSS_WIGHT_KG", "FOREIGN_PORT", "US_PORT", "VESSEL_NAME", "COUNTRY_OF_ORIGIN",
    "MARKS_AMP_NUMBERS", "CONSIGNEE_ADDRESS", "SHIPPER_ADDRESS", "ZIP_CODE", "NO_OF_CONTAINERS",
    "CONTAINER_NUMBER", "CONTAINER_TYPE", "QUANTITY", "QUANTITY_UNIT", "MEASUREMENT",
    "MEASUREMENT_UNIT", "BILL_OF_LADING", "HOUSE_VS_MASTER", "DISTRIBUTION_PORT", "MASTER_B_L",
    "VOYAGE_NUMBER", "SEAL", "SHIP_REGISTERED_IN", "IN_BOND_ENTRY_TYPE", "CARRIER_CODE",
    "CARRIER_NAME", "CARRIER_CITY", "CARRIER_STATE", "CARRIER_ZIP", "CARRIER_ADDRESS",
    "NOTIFY_PARTY", "NOTIFY_ADDRESS", "PLACE_OF_RECEIPT"]


def test_us_bill_of_lading_plugindata_export(case, tmp_path):
    rows = laid_out(PLUGINDATA, [
        {"#": "1", "PRODUCT_DESCRIPTION": "LITHIUM ION BATTERY PACK FOR DRONE",
         "CONSIGNEE": "SKYLINE IMAGING LLC", "SHIPER": "AUTEL ROBOTICS CO LTD",
         "ARRIVAL_DATE": "2022-12-01", "GROSS_WIGHT_LB": "661.4", "GROSS_WIGHT_KG": "300",
         "FOREIGN_PORT": "57078, YANTIAN", "US_PORT": "2704, LOS ANGELES",
         "COUNTRY_OF_ORIGIN": "China", "QUANTITY": "60", "QUANTITY_UNIT": "PCS",
         "BILL_OF_LADING": "OOLU2711356060", "HOUSE_VS_MASTER": "H"}])
    f = tmp_path / "plugindata.tsv"
    f.write_text(table(rows, delimiter="\t"), encoding="utf-8")
    report = import_shipments(case, f).result
    assert report.layout == NAMES["us-bol-plugindata"] and report.missing == []
    assert report.mapping["shipper"] == "SHIPER" and report.mapping["weight"] == "GROSS_WIGHT_KG"
    assert shipments(case) == [
        ("2022-12-01", "AUTEL ROBOTICS CO LTD", "SKYLINE IMAGING LLC", "CN", "US",
         "LITHIUM ION BATTERY PACK FOR DRONE", "", 300.0, None, "", "OOLU2711356060", "")]


# -- Russian declarations (ДТ) from a vendor, in Excel with box names and a title above
RU_BOXES = [
    "№ п/п", "Номер ДТ", "Дата ДТ", "Таможенный пост", "Направление перемещения",
    "Отправитель (гр. 2)", "Страна отправителя", "Получатель (гр. 8)", "ИНН получателя",
    "Торгующая страна (гр. 11)", "Страна отправления (гр. 15)", "Страна происхождения (гр. 16)",
    "Условия поставки", "Валюта", "Описание товара (гр. 31)", "Изготовитель", "Товарный знак",
    "Код товара по ТН ВЭД (гр. 33)", "Вес брутто (кг)", "Вес нетто (кг)",
    "Фактурная стоимость", "Таможенная стоимость", "Статистическая стоимость (USD)"]


def test_russian_declaration_vendor_xlsx(case, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Выгрузка деклараций на товары (импорт), код ТН ВЭД 8806, 2022 год"])
    sheet.append(["Сформировано 05.02.2023; источник: база ДТ"])
    sheet.append([])
    rows = laid_out(RU_BOXES, [
        {"№ п/п": 1, "Номер ДТ": "10702070/150622/0012345", "Дата ДТ": datetime(2022, 6, 15),
         "Таможенный пост": "Владивостокский таможенный пост", "Направление перемещения": "ИМ",
         "Отправитель (гр. 2)": "SINO-TECH TRADING FZE", "Страна отправителя": "ОАЭ",
         "Получатель (гр. 8)": "ООО «ТЕХКРИМ»", "ИНН получателя": "9102012345",
         "Торгующая страна (гр. 11)": "ТУРЦИЯ", "Страна отправления (гр. 15)": "ОАЭ",
         "Страна происхождения (гр. 16)": "КИТАЙ", "Условия поставки": "CPT МОСКВА",
         "Валюта": "CNY", "Описание товара (гр. 31)": BOX_31,
         "Изготовитель": "SZ DJI TECHNOLOGY CO., LTD", "Товарный знак": "DJI",
         "Код товара по ТН ВЭД (гр. 33)": "8806221000", "Вес брутто (кг)": 312.4,
         "Вес нетто (кг)": 240.0, "Фактурная стоимость": 1284000.0,
         "Таможенная стоимость": 14230511.27, "Статистическая стоимость (USD)": 181320.5},
        {"№ п/п": 2, "Номер ДТ": "10702070/210622/0013001", "Дата ДТ": datetime(2022, 6, 21),
         "Отправитель (гр. 2)": "NORINCO", "Получатель (гр. 8)": "ООО «ТЕХКРИМ»",
         "Торгующая страна (гр. 11)": "КИТАЙ", "Страна отправления (гр. 15)": "КИТАЙ",
         "Страна происхождения (гр. 16)": "КИТАЙ", "Валюта": "USD",
         "Описание товара (гр. 31)": "РУЖЬЯ ОХОТНИЧЬИ ГРАЖДАНСКИЕ CQ-A 5.56",
         "Код товара по ТН ВЭД (гр. 33)": "9303300000", "Вес брутто (кг)": "1 250,5",
         "Статистическая стоимость (USD)": "38 500,00"}])
    for row in rows:
        sheet.append(row)
    f = tmp_path / "dt_import_8806.xlsx"
    book.save(f)
    report = import_shipments(case, f).result
    assert report.layout == NAMES["ru-declaration-boxes"] and report.missing == []
    # box 46 is taken, in US dollars: the contract currency (box 22) is not its currency
    assert report.mapping["value"] == "Статистическая стоимость (USD)"
    assert "currency" not in report.mapping
    assert report.constants == {"weight_unit": "kg", "currency": "USD",
                                "destination_country": "RU"}
    got = shipments(case)
    assert got[0][:5] == ("2022-06-15", "SINO-TECH TRADING FZE", "ООО «ТЕХКРИМ»", "CN", "RU")
    assert got[0][5] == BOX_31  # the whole box 31, not cut
    assert got[0][6:] == ("8806221000", 312.4, 181320.5, "USD", "10702070/150622/0012345",
                          "Trading country: TR\nManufacturer: SZ DJI TECHNOLOGY CO., LTD\n"
                          "Trademark: DJI")
    assert got[1] == ("2022-06-21", "NORINCO", "ООО «ТЕХКРИМ»", "CN", "RU",
                      "РУЖЬЯ ОХОТНИЧЬИ ГРАЖДАНСКИЕ CQ-A 5.56", "9303300000", 1250.5, 38500.0,
                      "USD", "10702070/210622/0013001", "Trading country: CN")
    # made in China, sent from the UAE: the UAE is the first stop of the route (box 15)
    assert stops(case) == [(1, 0, "AE", "dispatch")]
    assert party_countries(case)["SINO-TECH TRADING FZE"] == "AE"
    assert report.preview[0].startswith(
        "row 5: 2022-06-15 · SINO-TECH TRADING FZE (new) → dispatched from United Arab "
        "Emirates → ООО «ТЕХКРИМ» (new) · 1) БЕСПИЛОТНЫЕ")


# -- Russian declarations by field codes of the electronic declaration, Windows-1251 CSV
RU_CODES = [
    "ND (Номер декларации)", "G011 (Направление перемещения)", "G072 (Дата регистрации)",
    "GD1 (Дата выпуска)", "G021 (ИНН отправителя)", "G022 (Наименование отправителя)",
    "G023 (Адрес отправителя)", "G0231 (Код страны отправителя)", "G081 (ИНН получателя)",
    "G082 (Наименование получателя)", "G083 (Адрес получателя)",
    "G0831 (Код страны получателя)", "G11 (Торгующая страна)", "G15 (Страна отправления)",
    "G15A (Код страны отправления)", "G16 (Страна происхождения)",
    "G17A (Код страны назначения)", "G17B (Страна назначения)", "G202 (Условие поставки)",
    "G221 (Букв.код валюты контракта)", "G23 (Курс валюты)",
    "G31_1 (Наименование и характеристики товаров)", "G31_11 (Фирма-изготовитель)",
    "G31_12 (Товарный знак, патент)", "G33 (Код товара по ТН ВЭД)",
    "G34 (Код страны происхождения)", "G35 (Вес брутто, кг)", "G38 (Вес нетто, кг)",
    "G42 (Фактурная стоимость)", "G45 (Таможенная стоимость)",
    "G46 (Статистическая стоимость, USD.)"]


def test_russian_declaration_field_codes_cp1251(case, tmp_path):
    rows = laid_out(RU_CODES, [
        {"ND (Номер декларации)": "10702070/150622/0012345",
         "G011 (Направление перемещения)": "ИМ", "G072 (Дата регистрации)": "15.06.2022",
         "GD1 (Дата выпуска)": "17.06.2022",
         "G022 (Наименование отправителя)": "SINO-TECH TRADING FZE",
         "G0231 (Код страны отправителя)": "AE", "G081 (ИНН получателя)": "9102012345",
         "G082 (Наименование получателя)": "ООО \"ТЕХКРИМ\"",
         "G0831 (Код страны получателя)": "RU", "G11 (Торгующая страна)": "HK",
         "G15 (Страна отправления)": "ОАЭ", "G15A (Код страны отправления)": "AE",
         "G16 (Страна происхождения)": "КИТАЙ", "G17A (Код страны назначения)": "RU",
         "G17B (Страна назначения)": "РОССИЯ", "G202 (Условие поставки)": "CPT",
         "G221 (Букв.код валюты контракта)": "CNY", "G23 (Курс валюты)": "11,0831",
         "G31_1 (Наименование и характеристики товаров)": BOX_31,
         "G31_11 (Фирма-изготовитель)": "SZ DJI TECHNOLOGY CO., LTD",
         "G31_12 (Товарный знак, патент)": "DJI", "G33 (Код товара по ТН ВЭД)": "8806221000",
         "G34 (Код страны происхождения)": "CN", "G35 (Вес брутто, кг)": "312,4",
         "G38 (Вес нетто, кг)": "240", "G42 (Фактурная стоимость)": "1 284 000,00",
         "G45 (Таможенная стоимость)": "14 230 511,27",
         "G46 (Статистическая стоимость, USD.)": "181 320,50"}])
    f = tmp_path / "dt_codes.csv"
    f.write_bytes(table(rows, delimiter=";").encode("cp1251", errors="replace"))
    report = import_shipments(case, f).result
    assert report.layout == NAMES["ru-declaration-codes"] and report.missing == []
    assert report.mapping["origin_country"] == "G34 (Код страны происхождения)"
    assert report.mapping["dispatch_country"] == "G15A (Код страны отправления)"
    (row,) = shipments(case)
    assert row[:5] == ("2022-06-15", "SINO-TECH TRADING FZE", "ООО \"ТЕХКРИМ\"", "CN", "RU")
    # box 31 came through Windows-1251: its Chinese name is lost to '?', the rest is whole
    assert row[5] == BOX_31.replace("深圳市大疆创新科技有限公司", "?" * 13)
    assert row[6:] == ("8806221000", 312.4, 181320.5, "USD", "10702070/150622/0012345",
                       "Trading country: HK\nManufacturer: SZ DJI TECHNOLOGY CO., LTD\n"
                       "Trademark: DJI")
    assert stops(case) == [(1, 0, "AE", "dispatch")]


# -- Chinese customs data with Chinese headers, GB18030, a title row above the header
CN_HEADERS = ["日期", "进口商", "出口商", "原产国", "启运国", "贸易国", "目的国", "海关编码",
              "商品名称", "数量", "单位", "重量(千克)", "金额(美元)", "运输方式", "提单号"]


def test_chinese_headers_gb18030(case, tmp_path):
    rows = laid_out(CN_HEADERS, [
        {"日期": "2022-11-15", "进口商": "OOO «Техкрим»",
         "出口商": "深圳市大疆创新科技有限公司 (DJI)",
         # (country names in Chinese beyond 中国/俄罗斯 are the country-names issue: codes here)
         "原产国": "中国", "启运国": "AE", "贸易国": "HK", "目的国": "俄罗斯",
         "海关编码": "8806221000", "商品名称": "无人驾驶航空器 Mavic 3 Enterprise 航拍用",
         "数量": "24", "单位": "台", "重量(千克)": "1,234.5", "金额(美元)": "181,320.50",
         "运输方式": "公路运输", "提单号": "SZX-22-0611"}])
    f = tmp_path / "china_customs.csv"
    f.write_bytes(table(rows, title=[["中国海关出口数据 2022年11月"], []]).encode("gb18030"))
    report = import_shipments(case, f).result
    assert report.layout == NAMES["cn-customs"] and report.missing == []
    assert shipments(case) == [
        ("2022-11-15", "深圳市大疆创新科技有限公司 (DJI)", "OOO «Техкрим»", "CN", "RU",
         "无人驾驶航空器 Mavic 3 Enterprise 航拍用", "8806221000", 1234.5, 181320.5, "USD",
         "SZX-22-0611", "Trading country: HK")]
    assert stops(case) == [(1, 0, "AE", "dispatch")]
    assert case.search("大疆")[0].title.startswith("深圳市大疆创新科技有限公司")


# -- plain English names: the file that imported without its countries
@pytest.mark.parametrize("origin,destination", [("Origin", "Destination"),
                                                ("Country of origin", "Country of destination")])
def test_plain_english_countries_are_read(case, tmp_path, origin, destination):
    f = tmp_path / "plain.csv"
    f.write_text(f"Date;Shipper;Consignee;Goods;{origin};{destination}\n"
                 "2022-06-15;NORINCO;Tekhkrim;hunting rifles;China;Russia\n", encoding="utf-8")
    report = import_shipments(case, f).result
    assert report.layout == NAMES["generic"] and report.missing == []
    assert shipments(case)[0][3:5] == ("CN", "RU")


# -- statistics are refused, saying what the file is
COMTRADE = [
    "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode",
    "reporterISO", "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO",
    "partnerDesc", "partner2Code", "partner2ISO", "partner2Desc", "classificationCode",
    "classificationSearchCode", "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel",
    "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc", "qtyUnitCode",
    "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty",
    "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated",
    "cifvalue", "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported",
    "isAggregate"]


def test_un_comtrade_statistics_are_refused(demo, tmp_path, capsys):
    rows = laid_out(COMTRADE, [
        {"typeCode": "C", "freqCode": "M", "refPeriodId": "20221101", "refYear": "2022",
         "refMonth": "11", "period": "202211", "reporterCode": "643", "reporterISO": "RUS",
         "reporterDesc": "Russian Federation", "flowCode": "M", "flowDesc": "Import",
         "partnerCode": "156", "partnerISO": "CHN", "partnerDesc": "China",
         "cmdCode": "880622", "cmdDesc": "Unmanned aircraft; of a maximum take-off weight "
         "of more than 250 g but not more than 7 kg", "netWgt": "1240", "primaryValue":
         "2120000", "isReported": "True", "isAggregate": "False"}])
    f = tmp_path / "t.csv"
    f.write_text(table(rows), encoding="utf-8")
    before = counts(demo)
    message = ("t.csv looks like UN Comtrade trade statistics (reporter, partner, commodity, "
               "value): country aggregates have no parties, so they are not shipments; nothing "
               "was imported")
    for dry_run in (True, False):
        with pytest.raises(NotShipments) as info:
            import_shipments(demo, f, dry_run=dry_run)
        assert str(info.value) == message
    assert counts(demo) == before
    # a mapping given by hand does not make aggregates shipments either
    with pytest.raises(NotShipments):
        import_shipments(demo, f, {"shipper": "reporterDesc", "consignee": "partnerDesc"})
    demo.close()
    assert main(["import", str(demo.path), str(f), "--accept-missing"]) == 1
    assert capsys.readouterr().err == f"casefile: {message}\n"


def test_russian_customs_open_statistics_are_refused(case, tmp_path):
    f = tmp_path / "data_2022_11.csv"
    f.write_text("NAPR,PERIOD,STRANA,TNVED,EDIZM,STOIM,NETTO,KOL\n"
                 "ИМ,2022-11,CN,8806221000,шт,2120000.0,1240.0,480.0\n", encoding="utf-8")
    with pytest.raises(NotShipments, match=r"looks like Russian customs \(FTS\) foreign-trade "
                       r"statistics \(direction, partner country, commodity, value\)"):
        import_shipments(case, f)
    assert counts(case)["shipment"] == 0


def test_a_header_with_parties_is_never_statistics():
    # Comtrade's classic captions share words with shipment files; parties decide
    header = ["Shipper", "Consignee", "Commodity", "Year", "Period", "Qty", "Partner"]
    assert recognise(header).layout.kind == "shipments"
    assert recognise(["Year", "Reporter", "Partner", "Commodity Code", "Trade Value (US$)",
                      "Netweight (kg)"]).layout.id == "un-comtrade"


# -- what was not found is said before anything is written, and the import asks
def test_missing_fields_are_reported_and_the_import_refuses_unless_told(demo, tmp_path):
    f = tmp_path / "partial.csv"
    f.write_text("Shipper,Consignee,Goods\nDJI,Buyer Co,drone batteries\n", encoding="utf-8")
    before = counts(demo)
    report = import_shipments(demo, f, dry_run=True).result
    assert report.missing == ["date", "origin", "destination"] and report.shipments == 1
    with pytest.raises(MissingColumns) as info:
        import_shipments(demo, f)
    assert str(info.value) == (
        "partial.csv: no column for date, origin, destination (and no fixed value): every "
        "shipment would be stored undated, without a country of origin and without a "
        "destination country; nothing was imported")
    assert info.value.missing == ["date", "origin", "destination"]
    assert counts(demo) == before
    report = import_shipments(demo, f, accept_missing=True).result
    assert report.shipments == 1 and report.missing == ["date", "origin", "destination"]
    assert counts(demo)["shipment"] == before["shipment"] + 1


def test_missing_fields_through_the_cli(tmp_path, capsys):
    case = tmp_path / "c.casefile"
    assert main(["new", str(case)]) == 0
    f = tmp_path / "partial.csv"
    f.write_text("Shipper,Consignee,Goods,Date\nDJI,Buyer Co,drone batteries,2022\n",
                 encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(case), str(f), "--dry-run"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"Recognised as: {NAMES['generic']}"
    warning = next(n for n, line in enumerate(lines) if line.startswith("Not found"))
    assert lines[warning].startswith("Not found in the file: origin, destination (no column, "
                                     "no fixed value); the import stops here unless given "
                                     "--accept-missing")
    assert warning < next(n for n, line in enumerate(lines) if line.startswith("Would import"))
    assert main(["import", str(case), str(f)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("casefile: partial.csv: no column for origin, destination")
    assert "--set FIELD=VALUE" in err and "--accept-missing" in err
    assert main(["info", str(case)]) == 0 and "Shipments:     0" in capsys.readouterr().out
    assert main(["import", str(case), str(f), "--accept-missing"]) == 0
    assert "imported so, as --accept-missing said" in capsys.readouterr().out


# -- fixed values for fields no column feeds
def test_fixed_values_from_the_cli_and_saved_with_the_mapping(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("casefile.services.exchange.imports.mapping.user_data_dir",
                        lambda: tmp_path)
    case = tmp_path / "c.casefile"
    assert main(["new", str(case)]) == 0
    f = tmp_path / "kz.csv"
    f.write_text("Date,Shipper,Consignee,Goods,Origin,Value\n"
                 "2022-06-15,NORINCO,Tekhkrim,hunting rifles,China,\"12,500\"\n",
                 encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(case), str(f), "--set", "destination=RU",
                 "--set", "currency=usd", "--set", "Origin country=KZ",
                 "--save-mapping", "rifles"]) == 0
    out = capsys.readouterr().out
    # --set wins over the Origin column (it was said; that column is not used)
    assert "Fixed values: destination_country = 'RU', currency = 'usd', origin_country = " \
           "'KZ'" in out
    assert "origin_country <-" not in out
    with Case.open(case, readonly=True) as c:
        assert shipments(c)[0][3:5] == ("KZ", "RU") and shipments(c)[0][9] == "USD"
    saved = json.loads((tmp_path / "mappings" / "rifles.json").read_text("utf-8"))
    assert saved["constants"] == {"destination_country": "RU", "currency": "usd",
                                  "origin_country": "KZ"}
    assert saved["shipper"] == "Shipper" and "origin_country" not in saved
    # the saved mapping brings its fixed values to the next file
    f2 = tmp_path / "kz2.csv"
    f2.write_text(f.read_text("utf-8").replace("2022-06-15", "2022-07-01"), encoding="utf-8")
    assert main(["import", str(case), str(f2), "--mapping", "rifles"]) == 0
    with Case.open(case, readonly=True) as c:
        assert shipments(c)[1][0] == "2022-07-01" and shipments(c)[1][3:5] == ("KZ", "RU")
    # a field or a value that cannot be: refused before anything is read
    assert main(["import", str(case), str(f), "--set", "colour=red"]) == 2
    assert "--set takes FIELD=VALUE with a field of date, shipper" in capsys.readouterr().err
    assert main(["import", str(case), str(f), "--set", "destination=Atlantis"]) == 1
    assert "fixed value for destination country (destination_country) cannot be used: " \
           "'Atlantis' is not a country" in capsys.readouterr().err


def test_fixed_values_of_a_saved_mapping_and_old_saved_files(case, tmp_path, monkeypatch):
    monkeypatch.setattr("casefile.services.exchange.imports.mapping.user_data_dir",
                        lambda: tmp_path)
    f = tmp_path / "vendor.csv"
    f.write_text("From,To,When,What\nNORINCO,Tekhkrim,2022-06-15,rifles\n", encoding="utf-8")
    path = save_mapping("vendor-x", ColumnMapping(
        {"shipper": "From", "consignee": "To", "date": "When", "declared_goods": "What"},
        {"origin_country": "CN", "destination_country": "RU"}))
    assert json.loads(path.read_text("utf-8")) == {
        "shipper": "From", "consignee": "To", "date": "When", "declared_goods": "What",
        "constants": {"origin_country": "CN", "destination_country": "RU"}}
    report = import_shipments(case, f, load_mapping("vendor-x")).result
    assert report.missing == [] and shipments(case)[0][3:5] == ("CN", "RU")
    # a mapping saved before fixed values existed: field -> column only
    (tmp_path / "mappings" / "old.json").write_text(json.dumps(
        {"shipper": "From", "consignee": "To"}), "utf-8")
    old = load_mapping("old")
    assert old.columns == {"shipper": "From", "consignee": "To"} and old.constants == {}
    (tmp_path / "mappings" / "bad.json").write_text(json.dumps(
        {"shipper": "From", "constants": ["RU"]}), "utf-8")
    with pytest.raises(MappingError, match="not field -> value"):
        load_mapping("bad")


def test_layout_constants_apply_only_where_no_column_says(case, tmp_path):
    """A Russian declaration's destination is RU unless the file says otherwise (an export
    declaration's box 17)."""
    f = tmp_path / "export.csv"
    f.write_text("Дата ДТ;Номер ДТ;Отправитель;Получатель;Страна происхождения;"
                 "Страна назначения;Описание товара\n"
                 "15.06.2022;10702070/150622/0012345;АО «Завод»;Buyer LLC;РОССИЯ;КИТАЙ;"
                 "станки\n", encoding="utf-8")
    report = import_shipments(case, f).result
    assert report.layout == NAMES["ru-declaration-boxes"]
    assert "destination_country" not in report.constants
    assert shipments(case)[0][3:5] == ("RU", "CN")


# -- the layouts themselves, and the names of columns
def test_every_layout_file_is_complete():
    ids = {lay.id for lay in layouts()}
    assert ids == {"generic", "panjiva-us-imports", "importyeti", "us-bol-manifest",
                   "us-bol-plugindata", "ru-declaration-boxes", "ru-declaration-codes",
                   "cn-customs", "un-comtrade", "ru-customs-statistics"}
    assert layouts()[0].id == "generic"
    for lay in layouts():
        assert lay.name and lay.description and lay.source and lay.columns, lay.id
        if lay.kind == "shipments":
            assert {f for _c, f in lay.columns} <= set(TARGETS), lay.id
    # the generic layout carries every field the old built-in list guessed, and the six
    assert set(ESSENTIAL) <= {f for _c, f in layouts()[0].columns}


@pytest.mark.parametrize("others,header,field,fixed", [
    ("Shipper Consignee", "Weight (lb)", "weight", {"weight_unit": "lb"}),
    ("Shipper Consignee", "WEIGHT, KG", "weight", {}),
    ("Shipper Consignee", "Value (EUR)", "value", {"currency": "EUR"}),
    ("出口商 进口商", "重量（千克）", "weight", {"weight_unit": "kg"}),  # full-width brackets
    ("Отправитель Получатель", "Страна происхождения (гр. 16)", "origin_country", {}),
    ("Shipper Consignee", "country-of-origin", "origin_country", {}),
    ("G022 G082", "G33 (Код товара по ТН ВЭД РФ)", "hs_code", {}),
    ("SHIPPER CONSIGNEE", "PRODUCT DETAILS", "declared_goods", {}),  # ImportGenius (review)
])
def test_header_names_are_compared_normalised(others, header, field, fixed):
    guess = guess_mapping([*others.split(), header])
    assert guess.columns[field] == header
    assert {k: v for k, v in guess.constants.items() if k != "destination_country"} == fixed


def test_a_product_layout_needs_more_than_the_plain_names():
    # three plain names that a US manifest export also uses: generic (no US destination)
    guess = guess_mapping(["ShipperName", "ConsigneeName", "ProductDescription"])
    assert guess.layout.id == "generic" and guess.constants == {}
    guess = guess_mapping(["ACTUAL ARRIVAL DATE", "SHIPPER NAME", "CONSIGNEE NAME",
                           "PRODUCT DESCRIPTION"])
    assert guess.layout.id == "us-bol-manifest"
    assert guess.constants == {"destination_country": "US"}


_BOXES = [lay for lay in layouts() if lay.id == "ru-declaration-boxes"][0]


@given(st.sampled_from([c for c, _f in _BOXES.columns]),
       st.sampled_from(["Графа {n} ", "графа {n}. ", "Гр. {n} ", "ГР.{n}: ", "{n} ", "{n}. ",
                        "Box {n} - ", "№{n} "]),
       st.integers(1, 54))
def test_a_box_number_before_a_known_caption_is_read_past(caption, prefix, n):
    """Vendors write the box before its caption ("Графа 31 Описание товаров"): the column
    is read as the caption alone, the field the same."""
    others = ["Отправитель", "Получатель", "Описание товаров"]
    plain = recognise([*others, caption])
    boxed = recognise([*others, prefix.format(n=n) + caption])
    assert boxed.layout.id == plain.layout.id
    assert [(i, f) for _p, i, f, _n in boxed.matches] == \
        [(i, f) for _p, i, f, _n in plain.matches]


def test_a_box_number_never_hides_a_name_that_matches_as_written():
    # "G33 (…)" is a field code the codes layout knows as written: nothing is stripped
    assert guess_mapping(["G022", "G082", "G33 (Код товара)"]).columns["hs_code"] == \
        "G33 (Код товара)"
    # a number that is not a box number before a name stays unknown
    assert recognise(["Отправитель", "Получатель", "2022 Описание товаров"]).known == 2


def test_russian_declaration_with_numbered_boxes_cp1251(case, tmp_path):
    """A vendor export whose headers say the box before its caption, in cp1251, ';',
    slashed dates and local numbers: every essential field is found and read."""
    header = ["Графа 2 Отправитель/Экспортер", "Графа 8 Получатель", "Дата регистрации ДТ",
              "Графа 31 Описание товаров", "Графа 33 Код товара", "Графа 35 Вес брутто (кг)",
              "Графа 34 Страна происхождения", "Графа 15 Страна отправления", "Номер ДТ"]
    rows = [["SZ DJI TECHNOLOGY CO., LTD", "ООО «ЗАЛА АЭРО»", "28/06/2022",
             "БЕСПИЛОТНЫЙ ЛЕТАТЕЛЬНЫЙ АППАРАТ (КВАДРОКОПТЕР) DJI MAVIC 3", "8806229000",
             "1 234,5", "КИТАЙ", "ОБЪЕДИНЕННЫЕ АРАБСКИЕ ЭМИРАТЫ", "10702070/280622/3000001"]]
    f = tmp_path / "dt.csv"
    f.write_bytes(("\r\n".join(";".join(r) for r in [header, *rows]) + "\r\n")
                  .encode("cp1251"))
    guess = guess_mapping(header)
    assert guess.layout.id == "ru-declaration-boxes" and guess.missing() == []
    report = import_shipments(case, f).result
    assert report.shipments == 1
    s = case.get("shipment", 1)
    assert (s["date_start"], s["origin_country"], s["weight_kg"], s["hs_code"]) == \
        ("2022-06-28", "CN", 1234.5, "8806229000")
