"""Which column feeds which shipment field: guessed from header names (trade-data vendors'
English names and Russian customs declaration boxes), shown to be corrected, saved by name."""

from __future__ import annotations

import json
import re
from pathlib import Path

from casefile.errors import MappingError
from casefile.paths import user_data_dir

TARGETS: dict[str, str] = {
    "date": "Date", "shipper": "Shipper", "consignee": "Consignee",
    "origin_country": "Origin country", "destination_country": "Destination country",
    "via": "Transit country", "declared_goods": "Declared goods", "hs_code": "HS code",
    "quantity": "Quantity", "unit": "Unit", "weight": "Weight", "weight_unit": "Weight unit",
    "value": "Value", "currency": "Currency", "reference": "Reference",
    "shipment_count": "Number of shipments", "shipper_id": "Shipper identifier",
    "consignee_id": "Consignee identifier", "shipper_country": "Shipper country",
    "consignee_country": "Consignee country", "notes": "Notes",
}

# Normalised header words -> target. Russian names are the boxes of the customs declaration.
GUESSES: dict[str, tuple[str, ...]] = {
    "date": ("date", "arrivaldate", "shipmentdate", "declarationdate", "departuredate",
             "дата", "датадекларации", "датаоформления", "датавыпуска"),
    "shipper": ("shipper", "shippername", "exporter", "exportername", "seller", "supplier",
                "отправитель", "отправительэкспортер", "экспортер", "отправитель/экспортер"),
    "consignee": ("consignee", "consigneename", "importer", "importername", "buyer",
                  "получатель", "импортер", "получательимпортер"),
    "origin_country": ("origincountry", "countryoforigin", "exportcountry", "countryfrom",
                       "страноотправления", "странаотправления", "странапроисхождения"),
    "destination_country": ("destinationcountry", "countryofdestination", "importcountry",
                            "countryto", "странаназначения"),
    "via": ("via", "transitcountry", "countryoftransit", "транзит", "странатранзита"),
    "declared_goods": ("goods", "goodsdescription", "productdescription", "description",
                       "commodity", "product", "описаниетоваров", "описаниетовара",
                       "наименованиетовара", "товар"),
    "hs_code": ("hscode", "hs", "tariffcode", "commoditycode", "hts", "тнвэд", "кодтовара",
                "кодтнвэд"),
    "quantity": ("quantity", "qty", "количество"),
    "unit": ("unit", "quantityunit", "uom", "единицаизмерения", "едизм"),
    "weight": ("weight", "grossweight", "weightkg", "grossweightkg", "netweight",
               "netweightkg", "весбрутто", "весбруттокг", "веснетто", "веснеттокг", "вес"),
    "weight_unit": ("weightunit",),
    "value": ("value", "valueofgoodsusd", "valueusd", "totalvalue", "invoicevalue",
              "customsvalue", "таможеннаястоимость", "фактурнаястоимость", "стоимость"),
    "currency": ("currency", "валюта"),
    "reference": ("reference", "declarationnumber", "billoflading", "bol", "blnumber",
                  "номердекларации", "номердт", "регистрационныйномер"),
    "shipment_count": ("shipments", "numberofshipments", "shipmentcount", "count"),
    "shipper_id": ("shipperid", "exporterid", "innотправителя", "иннотправителя"),
    "consignee_id": ("consigneeid", "importerid", "inn", "иннполучателя", "огрн"),
    "shipper_country": ("shippercountry", "exportercountry", "sellercountry",
                        "странаотправителя"),
    "consignee_country": ("consigneecountry", "importercountry", "buyercountry",
                          "странаполучателя"),
}


def _norm(header: str) -> str:
    return re.sub(r"[\s_\-().,:/№#]+", "", header.strip().lower())


def guess_mapping(header: list[str]) -> dict[str, str]:
    """target field -> column name, for the columns whose names are recognised."""
    out: dict[str, str] = {}
    for col in header:
        n = _norm(col)
        for target, names in GUESSES.items():
            if target in out:
                continue
            if n in {_norm(x) for x in names}:
                out[target] = col
                break
    return out


def check_mapping(mapping: dict[str, str], header: list[str], file_name: str) -> None:
    """A mapping that names a column the file lacks is refused, naming it."""
    unknown = [t for t in mapping if t not in TARGETS]
    if unknown:
        raise MappingError(f"The mapping names unknown field(s): {', '.join(unknown)}; fields "
                         f"are {', '.join(TARGETS)}")
    missing = [c for c in mapping.values() if c not in header]
    if missing:
        raise MappingError(f"{file_name}, line 1: the mapping names column(s) the file lacks: "
                         f"{', '.join(repr(c) for c in missing)} (the file has "
                         f"{', '.join(repr(h) for h in header)})")
    if "shipper" not in mapping and "consignee" not in mapping and \
            "declared_goods" not in mapping:
        raise MappingError(f"{file_name}: no column could be matched to a shipper, consignee or "
                         "goods; give a mapping (--mapping)")


def mappings_dir() -> Path:
    d = user_data_dir() / "mappings"
    d.mkdir(parents=True, exist_ok=True)
    return d


def save_mapping(name: str, mapping: dict[str, str]) -> Path:
    if not re.fullmatch(r"[\w .-]{1,80}", name):
        raise MappingError(f"A mapping name may use letters, digits, space, '.', '-', not "
                         f"{name!r}")
    path = mappings_dir() / f"{name}.json"
    path.write_text(json.dumps(mapping, ensure_ascii=False, indent=1), "utf-8")
    return path


def saved_mappings() -> list[str]:
    """Names of the mappings saved by the user, sorted."""
    return sorted((p.stem for p in mappings_dir().glob("*.json")), key=str.casefold)


def load_mapping(name_or_path: str) -> dict[str, str]:
    path = Path(name_or_path)
    if not path.is_file():
        path = mappings_dir() / f"{name_or_path}.json"
    if not path.is_file():
        raise MappingError(f"No saved mapping called {name_or_path!r} (and no such file)")
    try:
        data = json.loads(path.read_text("utf-8"))
    except ValueError as exc:  # not JSON, or not UTF-8
        raise MappingError(f"{path.name} is not a mapping (field -> column): {exc}") from None
    if not isinstance(data, dict):
        raise MappingError(f"{path.name} is not a mapping (field -> column)")
    return {str(k): str(v) for k, v in data.items()}
