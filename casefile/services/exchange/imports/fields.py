"""The shipment fields a trade-data column (or a fixed value) can feed, the few an import
must say it did not find, and the short names people type for them."""

from __future__ import annotations

# field -> its name in the GUI; the order is the mapping panel's
TARGETS: dict[str, str] = {
    "date": "Date", "shipper": "Shipper", "consignee": "Consignee",
    "origin_country": "Origin country", "dispatch_country": "Dispatch country",
    "destination_country": "Destination country", "via": "Transit country",
    "trading_country": "Trading country", "declared_goods": "Declared goods",
    "manufacturer": "Manufacturer", "trademark": "Trademark", "hs_code": "HS code",
    "quantity": "Quantity", "unit": "Unit", "weight": "Weight", "weight_unit": "Weight unit",
    "value": "Value", "currency": "Currency", "reference": "Reference",
    "shipment_count": "Number of shipments", "shipper_id": "Shipper identifier",
    "consignee_id": "Consignee identifier", "shipper_country": "Shipper country",
    "consignee_country": "Consignee country", "notes": "Notes",
    "source_publisher": "Source (data vendor)",
}

# fields that describe the file rather than a row: a fixed value only, never a column
FILE_FIELDS = ("source_publisher",)

# The fields without which a shipment tells only half its story: an import says which of
# them no column (and no fixed value) feeds, and asks before going on. field -> short name
ESSENTIAL: dict[str, str] = {
    "date": "date", "shipper": "shipper", "consignee": "consignee",
    "declared_goods": "goods", "origin_country": "origin",
    "destination_country": "destination",
}

# what a shipment is stored as when the field is missing, for the message that asks
CONSEQUENCE: dict[str, str] = {
    "date": "undated", "shipper": "without a shipper", "consignee": "without a consignee",
    "declared_goods": "with its goods not stated",
    "origin_country": "without a country of origin",
    "destination_country": "without a destination country",
}

# fields whose values are countries (ISO 3166 or a name Casefile knows)
COUNTRIES = ("origin_country", "dispatch_country", "destination_country", "via",
             "trading_country", "shipper_country", "consignee_country")

# what people type for a field (``--set destination=RU``) besides its own name
ALIASES: dict[str, str] = {
    "origin": "origin_country", "destination": "destination_country",
    "dispatch": "dispatch_country", "transit": "via", "trading": "trading_country",
    "goods": "declared_goods", "weight_kg": "weight",
    "source": "source_publisher", "vendor": "source_publisher", "publisher": "source_publisher",
}


def field_named(name: str) -> str | None:
    """The field ``name`` stands for (its own name, an alias, or its GUI title in any letter
    case); None when there is none."""
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    if key in TARGETS:
        return key
    if key in ALIASES:
        return ALIASES[key]
    return next((f for f, title in TARGETS.items()
                 if title.lower().replace(" ", "_") == key), None)
