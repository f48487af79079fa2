"""The question asked before records are deleted: which records, by name, and what still uses
them (a party's shipments, a source's citations), the answer that deletes those too not the
default."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from casefile.core.labels import link_words, plural, singular
from casefile.ui.text import message

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def what_uses(case: Any, kind: str, ids: list[int]) -> tuple[list[str], list[str]]:
    """(the records that still use the ones to delete, in words; the first few of those
    by name) — read in the case's worker."""
    from casefile.services.case.operations import label
    from casefile.services.queries.record import blocking_records

    with case.read() as conn:
        blocking = blocking_records(conn, kind, ids)
    names = []
    for i in ids[:3]:
        row = case.get(kind, i)
        if row is None:  # gone meanwhile (review23: 'the entity entity')
            names.append(f"#{i}")
        elif kind == "relationship":  # no name of its own: its parties (review23: “2019”)
            subject, other = (case.get("entity", row[c]) or {} for c in ("subject_id",
                                                                           "object_id"))
            names.append(f"“{subject.get('name', '?')} {link_words(row['kind'])} "
                         f"{other.get('name', '?')}”")
        else:
            names.append(label(kind, row).removeprefix(f"{kind} "))
    return blocking, names


def ask_delete(parent: QWidget | None, kind: str, ids: list[int], blocking: list[str],
               names: list[str]) -> bool:
    """Whether the user answers Yes to deleting ``ids`` (and, with ``blocking``, what uses
    them). The record is named (look22: 'Delete this entity?' said not which)."""
    n = len(ids)
    if n == 1:
        what = f"the {singular(kind).lower()} {names[0] if names else f'#{ids[0]}'}"
    else:
        shown = ", ".join(names) + (f" and {n - len(names)} more" if n > len(names) else "")
        what = f"these {n} {plural(kind).lower()} ({shown})"
    if blocking:
        listed = "\n".join(f"  • {b}" for b in blocking[:12])
        more = f"\n  … and {len(blocking) - 12} more" if len(blocking) > 12 else ""
        text = (f"{what[0].upper()}{what[1:]} {'are' if n > 1 else 'is'} still used by "
                f"{len(blocking)} record{'s' if len(blocking) != 1 else ''}:\n{listed}"
                f"{more}\n\nDelete {what} and {'these' if len(blocking) > 1 else 'that'} "
                "too? You can undo this.")
    else:
        text = f"Delete {what}? You can undo this."
    box = message(parent, "Delete", text, icon=QMessageBox.Icon.Question)
    box.setStandardButtons(Yes | No)
    box.setDefaultButton(No if blocking else Yes)
    return box.exec() == Yes
