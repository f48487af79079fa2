"""Editing several records of one kind at once, as one operation (one transaction, one undo
step): tags added and removed, and the same value set in a few columns (a country, a
grade). Each record keeps its other tags; a value that is not valid stops them all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from casefile.core.labels import fields_said, plural, singular
from casefile.errors import NotFoundError, ValidationError
from casefile.services.case.journal import Tx
from casefile.services.case.validation import clean, tags_text
from casefile.store import schema


def _tags(text: str | None) -> list[str]:
    return [t for t in tags_text(text or "").split(",") if t]


def check(kind: str, values: dict[str, Any], add_tags: Sequence[str],
          remove_tags: Sequence[str]) -> None:
    """Refuse what the kind cannot take before anything is written."""
    if (add_tags or remove_tags) and kind not in schema.TAGGED_KINDS:
        raise ValidationError("tags", f"{plural(kind)} have no tags.")
    if not values and not add_tags and not remove_tags:
        raise ValidationError("bulk", "Nothing to change: give a tag to add or remove, or "
                                      "a value to set.")


def edit_many(tx: Tx, kind: str, pks: Sequence[int], values: dict[str, Any],
              add_tags: Sequence[str] = (), remove_tags: Sequence[str] = ()) -> int:
    """Apply the same edit to each record; returns how many changed."""
    check(kind, values, add_tags, remove_tags)
    cleaned = clean(kind, values) if values else {}
    add, drop = _tags(",".join(add_tags)), set(_tags(",".join(remove_tags)))
    found = changed = 0
    for pk in pks:
        row = tx.fetch(kind, pk)
        if row is None:
            continue
        found += 1
        new = dict(cleaned)
        if add or drop:
            kept = [t for t in _tags(row.get("tags")) if t not in drop]
            new["tags"] = ",".join(sorted({*kept, *add}))
        if any(row.get(k) != v for k, v in new.items()):
            tx.update(kind, pk, new)
            changed += 1
    if not found:
        raise NotFoundError(f"none of these {plural(kind).lower()} exists any more")
    return changed


def name(kind: str, count: int, values: dict[str, Any], add_tags: Sequence[str],
         remove_tags: Sequence[str]) -> str:
    """'Edit tags of 3 entities', 'Edit country and tags of shipment …'."""
    keys = [*values, *(["tags"] if add_tags or remove_tags else [])]
    what = plural(kind).lower() if count != 1 else singular(kind).lower()
    return f"Edit {fields_said(keys)} of {count:,} {what}"
