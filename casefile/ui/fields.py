"""What each record editor shows: its fields and its child tables, as data."""

from __future__ import annotations

from dataclasses import dataclass

from casefile.core.grading import CONFIDENCE, RELIABILITY
from casefile.store import kinds


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    # line, text, enum, country, countries, date, day (a date kept as one EDTF column:
    # source.accessed), entity, bool, number, int, tags; a date
    # field's key is its prefix (date, start, birth …), stored as {key}_text, {key}_edtf …
    widget: str
    options: tuple[str, ...] = ()
    words: tuple[tuple[str, str], ...] = ()  # value -> shown text, for enums
    only_kinds: tuple[str, ...] = ()  # shown for records of these kinds, or holding a value


@dataclass(frozen=True)
class ChildSpec:
    kind: str
    title: str
    columns: tuple[tuple[str, str], ...]  # (key, header)
    ordered: bool = False  # rows can be moved up and down (route stops)


REL_WORDS = tuple((k, f"{k} – {v}") for k, v in RELIABILITY.items())
STATUS_WORDS = (("", "not stated"), ("in_force", "in force"), ("ended", "ended (expired)"),
                ("lifted", "lifted (delisted)"))
CONF_WORDS = tuple((k, v) for k, v in CONFIDENCE.items())
# a person's fields, and a registered body's; a party of another kind shows them when they hold
# a value (an import may give one), and "other" always does
PEOPLE = ("person", "other")
BODIES = ("company", "organisation", "public_body", "other")
GENDER_WORDS = (("", "unknown"), ("male", "male"), ("female", "female"), ("other", "other"))

FIELDS: dict[str, list[FieldSpec]] = {
    "entity": [
        FieldSpec("name", "Name", "line"),
        FieldSpec("kind", "Kind", "enum", kinds.ENTITY_KINDS),
        FieldSpec("country", "Country", "country"),
        FieldSpec("other_countries", "Other countries", "countries"),
        FieldSpec("nationality", "Nationality", "countries", only_kinds=PEOPLE),
        FieldSpec("birth", "Born", "date", only_kinds=PEOPLE),
        FieldSpec("birth_place", "Place of birth", "line", only_kinds=PEOPLE),
        FieldSpec("gender", "Gender", "enum", kinds.GENDERS, GENDER_WORDS, ("person",)),
        FieldSpec("incorporation", "Incorporated", "date", only_kinds=BODIES),
        FieldSpec("dissolution", "Dissolved", "date", only_kinds=BODIES),
        FieldSpec("legal_form", "Legal form", "line", only_kinds=BODIES),
        FieldSpec("position", "Positions (one a line)", "text"),
        FieldSpec("address", "Addresses (one a line)", "text"),
        FieldSpec("description", "Description", "text"),
        FieldSpec("topics", "Topics (sanction, role.pep …)", "tags"),
        FieldSpec("tags", "Tags", "tags"),
    ],
    "shipment": [
        FieldSpec("date", "Date", "date"),
        FieldSpec("shipper_id", "Shipper", "entity"),
        FieldSpec("consignee_id", "Consignee", "entity"),
        FieldSpec("origin_country", "Origin", "country"),
        FieldSpec("destination_country", "Destination", "country"),
        FieldSpec("declared_goods", "Declared goods", "text"),
        FieldSpec("assessed_goods", "Assessed goods", "text"),
        FieldSpec("hs_code", "HS code", "line"),
        FieldSpec("quantity", "Quantity", "number"),
        FieldSpec("unit", "Unit", "line"),
        FieldSpec("weight_kg", "Weight (kg)", "number"),
        FieldSpec("value", "Value", "number"),
        FieldSpec("currency", "Currency", "line"),
        FieldSpec("shipment_count", "Shipments in record", "int"),
        FieldSpec("dual_use", "Dual-use goods", "bool"),
        FieldSpec("reference", "Reference (declaration / B/L)", "line"),
        FieldSpec("notes", "Notes", "text"),
        FieldSpec("tags", "Tags", "tags"),
    ],
    "event": [
        FieldSpec("date", "Date", "date"),
        FieldSpec("kind", "Kind", "enum", kinds.EVENT_KINDS),
        FieldSpec("title", "Title", "line"),
        FieldSpec("description", "Description", "text"),
        FieldSpec("tags", "Tags", "tags"),
    ],
    "source": [
        FieldSpec("title", "Title", "line"),
        FieldSpec("kind", "Kind", "enum", kinds.SOURCE_KINDS),
        FieldSpec("publisher", "Publisher", "line"),
        FieldSpec("author", "Author", "line"),
        FieldSpec("url", "URL", "line"),
        FieldSpec("date", "Published", "date"),
        FieldSpec("accessed", "Accessed", "day"),
        FieldSpec("language", "Language", "line"),
        FieldSpec("reliability", "Reliability", "enum", tuple(RELIABILITY), REL_WORDS),
        FieldSpec("protected", "Protected source (redact in dossiers)", "bool"),
        FieldSpec("notes", "Notes", "text"),
        FieldSpec("tags", "Tags", "tags"),
    ],
    "finding": [
        FieldSpec("title", "Title", "line"),
        FieldSpec("text", "Judgement", "text"),
        FieldSpec("confidence", "Analytic confidence", "enum", tuple(CONFIDENCE), CONF_WORDS),
        FieldSpec("tags", "Tags", "tags"),
    ],
    "relationship": [
        FieldSpec("subject_id", "Subject", "entity"),
        FieldSpec("kind", "Relationship", "enum", kinds.RELATIONSHIP_KINDS),
        FieldSpec("object_id", "Object", "entity"),
        FieldSpec("date", "Date", "date"),
        FieldSpec("description", "Description", "text"),
    ],
    "sanction": [
        FieldSpec("entity_id", "Entity", "entity"),
        FieldSpec("authority", "Authority", "line"),
        FieldSpec("programme", "Programme", "line"),
        FieldSpec("program_id", "Programme id", "line"),
        FieldSpec("date", "Listed", "date"),
        FieldSpec("start", "In force from", "date"),
        FieldSpec("end", "Ended", "date"),
        FieldSpec("status", "Status", "enum", kinds.SANCTION_STATUSES, STATUS_WORDS),
        FieldSpec("reason", "Reason", "text"),
        FieldSpec("source_url", "Source URL", "line"),
    ],
}

CHILDREN: dict[str, list[ChildSpec]] = {
    "entity": [
        ChildSpec("alias", "Aliases (other names and scripts)",
                  (("name", "Name"), ("lang", "Language"), ("kind", "Kind"))),
        ChildSpec("identifier", "Identifiers",
                  (("scheme", "Scheme"), ("value", "Value"), ("country", "Country"))),
    ],
    "shipment": [
        ChildSpec("route_stop", "Route (in order, after origin)",
                  (("country", "Country"), ("place", "Place"), ("role", "Role")), True),
    ],
    "event": [
        ChildSpec("event_party", "Involved parties", (("entity", "Entity"), ("role", "Role"))),
    ],
}

DEFAULTS: dict[str, dict[str, object]] = {
    "entity": {"name": "New entity", "kind": "company"},
    "shipment": {"declared_goods": ""},
    "event": {"title": "New event"},
    "source": {"title": "New source"},
    "finding": {"title": "New finding", "confidence": "moderate"},
    "relationship": {},
    "sanction": {},
}
