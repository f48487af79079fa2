"""Human words for record kinds and enumerations, shared by the CLI, GUI and dossier."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal

KINDS: dict[str, tuple[str, str]] = {
    "entity": ("Entity", "Entities"), "shipment": ("Shipment", "Shipments"),
    "event": ("Event", "Events"), "source": ("Source", "Sources"),
    "finding": ("Finding", "Findings"), "relationship": ("Relationship", "Relationships"),
    "sanction": ("Sanction", "Sanctions"), "citation": ("Citation", "Citations"),
    "attachment": ("Attachment", "Attachments"),
    "screening_hit": ("Screening hit", "Screening hits"),
}


# the tags of the parties a repair put back (casefile.services.case.repair_links): made a
# stand-in (its name and kind are the repair's, not a source's), or restored from the audit log
LOST_IN_REPAIR = "lost in repair"
RESTORED_IN_REPAIR = "restored in repair"


def plural(kind: str) -> str:
    return KINDS.get(kind, (kind, kind + "s"))[1]


def singular(kind: str) -> str:
    return KINDS.get(kind, (kind, kind))[0]


def counted(n: int, one: str, many: str | None = None) -> str:
    """'1 shipment', '2,400 shipments', '3 parties' (``many`` where adding s is wrong)."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def joined(items: Sequence[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (``last`` 'or' for alternatives: 'a, b or c'); '' for
    none. The one way a list is said in prose, in the GUI, the CLI and the dossier."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def words(code: str | None) -> str:
    """'public_body' -> 'public body'."""
    return (code or "").replace("_", " ")


# an alias's kind where it is more than a plain alias or a transliteration: a weak alias
# ('Sasha') is marked as one, not passed off as a full name (the dossier and the window)
ALIAS_KINDS = {"weak_alias": "weak alias", "previous_name": "previous name",
               "abbreviation": "abbreviation", "trading_name": "trading name"}


def alias_notes(lang: str | None, kind: str | None) -> str:
    """'ru, weak alias' — what is said after an alias (empty when nothing is)."""
    return ", ".join(x for x in (lang, ALIAS_KINDS.get(kind or "")) if x)


def number_text(value: float | int | None) -> str:
    """A stored number as a field shows it to be edited: every digit, never rounded nor in
    scientific notation ('665660.02', '1755034'; look22: '{:g}' showed 1.75503e+06 and
    665660, and a Tab through the field stored the rounded value)."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))), "f")


def link_words(kind: str | None) -> str:
    """A relationship's kind as the words between its two parties ('A owns B', 'A subsidiary
    of B'); an 'other' link reads 'A is linked to B' (look21: 'OCEAN FORTUNE other OOO
    VEKTOR')."""
    return "is linked to" if kind == "other" else words(kind)


def link_words_sql(column: str) -> str:
    """:func:`link_words` as SQL, for the relationship kind in ``column``."""
    return f"CASE {column} WHEN 'other' THEN 'is linked to' ELSE replace({column}, '_', ' ') END"


# field keys whose words are not just the key with spaces (a column naming a party loses
# its "_id"); child collections by the name an editor gives them
_FIELD_WORDS = {"weight_kg": "weight", "hs_code": "HS code", "dual_use": "dual-use",
                "shipment_count": "shipments in record", "url": "URL",
                "alias": "aliases", "identifier": "identifiers", "route_stop": "route",
                "event_party": "parties", "citation": "citations",
                "attachment": "attachments"}


def field_words(key: str) -> str:
    """'declared_goods' -> 'declared goods', 'shipper_id' -> 'shipper', 'route_stop' ->
    'route': a field or child collection as an operation's name says it."""
    if key in _FIELD_WORDS:
        return _FIELD_WORDS[key]
    return words(key.removesuffix("_id"))


def fields_said(keys: list[str]) -> str:
    """'name', 'name and country', 'name, country and tags', '5 fields'."""
    said = [field_words(k) for k in keys]
    if len(said) > 3:
        return f"{len(said)} fields"
    return joined(said)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(d: date) -> str:
    """'29 November 2026', in English whatever the locale."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def human_time(iso: str, now: datetime | None = None) -> str:
    """An ISO 8601 moment in the user's local time, as people say it: 'today at 14:05',
    'yesterday at 9:12', '2 March at 14:05', '2 March 2022 at 14:05'. Text that is no ISO
    moment comes back as it is."""
    try:
        when = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    now = (now or datetime.now()).astimezone()
    when = when.astimezone(now.tzinfo) if when.tzinfo else when
    clock = f"{when.hour}:{when.minute:02d}"
    if when.date() == now.date():
        return f"today at {clock}"
    if when.date() == (now - timedelta(days=1)).date():
        return f"yesterday at {clock}"
    year = "" if when.year == now.year else f" {when.year}"
    return f"{when.day} {_MONTHS[when.month - 1]}{year} at {clock}"
