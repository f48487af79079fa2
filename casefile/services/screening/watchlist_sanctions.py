"""The sanctions a watchlist keeps with its entries, read from an OpenSanctions file: the
``Sanction`` entities of ``entities.ftm.json`` (authority, programme and its id, reason,
status, dates, provisions) and the sanctions cell and ``program_ids`` of a
``targets.simple.csv`` row. A reviewer reads them beside the entry; they are never matched
on."""

from __future__ import annotations

from typing import Any

from casefile.services.exchange.imports.ftm_read import entity
from casefile.services.exchange.imports.targets_simple import row_sanctions, with_unplaced

Props = dict[str, list[str]]
# what a reviewer reads of a sanction (shown with the entry it lists; never matched on)
SANCTION_KEPT = ("authority", "program", "programId", "reason", "status", "listingDate",
                 "startDate", "endDate", "provisions", "country", "sourceUrl")


def _text(value: Any) -> str:
    """A property value as text ('' for none); a nested entity (FtM's nested JSON) as its
    id."""
    if isinstance(value, dict):
        value = value.get("id")
    return "" if value is None or isinstance(value, (dict, list)) else str(value)


def sanction_of(obj: dict[str, Any]) -> tuple[str, str, Props] | None:
    """(id, the entity it lists, the properties kept) of a Sanction; None for anything
    else, or a sanction that names no entity."""
    rec = entity(obj)
    if rec is None or rec["schema"] != "Sanction" or not rec["id"]:
        return None
    props = {k: [t for v in vs if (t := _text(v))]
             for k, vs in rec["properties"].items() if k in (*SANCTION_KEPT, "entity")}
    listed = props.pop("entity", [])
    if not listed:
        return None
    return rec["id"], listed[0], {k: v for k, v in props.items() if v}


def simple_sanctions(rec: dict[str, Any]) -> list[Props]:
    """The sanctions of a targets.simple.csv row (its sanctions cell in parts, with no
    authority: the file does not say it), program_ids given to its one sanction, or each
    one of its own when it has none (as the case import does them)."""
    sanctions, loose = row_sanctions(rec)
    out: list[Props] = []
    for parts in sanctions:  # (a "note" marks the programme ids no sanction is said to
        # have: the further dates of a sanction made it one, and the sanction was never
        # recorded from a hit; they go into its reason, as the case import puts them)
        out.append({k: [v] for k, v in with_unplaced(parts).items() if v})
    for one in out:
        if "programId" in one:
            one["programId"] = one["programId"][0].split("; ")
    if loose:  # which sanction each id belongs to is not said: kept apart, said so
        out.append({"programId": loose, "note": ["the list does not say which of the "
                                                  "sanctions above these programme ids "
                                                  "belong to"]})
    return out
