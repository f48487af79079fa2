"""The named edits of an open case — create, update, delete, cite, attach, merge — each one
operation of :meth:`casefile.services.case.facade.Case.operation` (one transaction, one
audit entry, one undo step), named as the History menu says it."""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.labels import fields_said, link_words, plural
from casefile.errors import ValidationError
from casefile.services.case import operations as ops
from casefile.services.case.change import Change

if TYPE_CHECKING:
    from casefile.services.case.journal import Tx


class CaseEdits:
    """The edits of :class:`casefile.services.case.facade.Case`, which it inherits."""

    if TYPE_CHECKING:
        def operation(self, name: str, fn: Callable[[Tx], Any],
                      dry_run: bool = False) -> Change: ...

        def get(self, kind: str, pk: int) -> dict[str, Any] | None: ...

    def _named(self, kind: str, row: dict[str, Any] | None) -> dict[str, Any] | None:
        """``row``, a relationship named by its parties ('Tekhkrim owns STC'), which has
        no name of its own (look29: undo read 'Edit description of relationship “2020”')."""
        if kind != "relationship" or not row or not row.get("subject_id"):
            return row
        a, b = (str((self.get("entity", row.get(k) or 0) or {}).get("name") or "?")
                for k in ("subject_id", "object_id"))
        words = link_words(row.get("kind"))
        room = max((40 - len(words) - 2) // 2, 6)  # both parties within the 40 characters
        # an operation's name quotes (review34: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ…')

        def short(name: str) -> str:
            return name if len(name) <= room else name[:room - 1].rstrip() + "…"
        return {**row, "name": f"{short(a)} {words} {short(b)}"}

    def set_info(self, **values: Any) -> Change:
        return self.operation("Edit case details", lambda tx: tx.update(
            "case_info", 1, ops.clean("case_info", values)))

    def save(self, kind: str, pk: int | None, values: dict[str, Any],
             children: ops.Children | None = None, dry_run: bool = False) -> Change:
        """Create (pk None) or update a record and replace the given child collections.
        An edit is named by its fields and the record: 'Edit date of shipment “rifles”'."""
        if pk is None:
            name = f"New {ops.label(kind, self._named(kind, values or {}))}"
        else:
            row = {**(self.get(kind, pk) or {"id": pk}), **(values or {})}
            if values and values.get("date"):  # a date as typed, or as read (FuzzyDate)
                row["date_text"] = str(getattr(values["date"], "text", values["date"]))
            what = fields_said([*(values or {}), *(children or {})])
            name = f"Edit {what + ' of ' if what else ''}{ops.label(kind, self._named(kind, row))}"
        return self.operation(name, lambda tx: ops.save(tx, kind, pk, values, children),
                              dry_run)

    def create(self, kind: str, values: dict[str, Any],
               children: ops.Children | None = None) -> Change:
        return self.save(kind, None, values, children)

    def update(self, kind: str, pk: int, values: dict[str, Any]) -> Change:
        return self.save(kind, pk, values)

    def create_and_link(self, kind: str, pk: int, column: str, name: str) -> Change:
        """Create a party called ``name`` and point ``column`` of (kind, pk) at it: one
        operation, one undo step. The Change's result is the new party's id."""
        return self.operation(f"New {ops.label('entity', {'name': name})}", lambda tx:
                              ops.create_and_link(tx, kind, pk, column, {"name": name}))

    def delete(self, kind: str, pk: int, cascade: bool = False) -> Change:
        """Delete a record; one that is still used is refused unless ``cascade``."""
        return self.operation(f"Delete {ops.label(kind, self._named(kind, self.get(kind, pk)))}",
                              lambda tx: ops.delete(tx, kind, pk, cascade))

    def delete_many(self, kind: str, pks: list[int], cascade: bool = False) -> Change:
        """Delete several records of a kind: one operation, one undo step. One still in use
        stops them all (InUseError) unless ``cascade``."""
        if len(pks) == 1:
            name = f"Delete {ops.label(kind, self.get(kind, pks[0]))}"
        else:
            name = f"Delete {len(pks):,} {plural(kind).lower()}"
        return self.operation(name, lambda tx: ops.delete_many(tx, kind, list(pks), cascade))

    def edit_many(self, kind: str, pks: Sequence[int], values: dict[str, Any] | None = None,
                  add_tags: Sequence[str] = (), remove_tags: Sequence[str] = ()) -> Change:
        """The same edit to several records of a kind (tags added and removed, columns set):
        one operation, one undo step. The Change's result is how many records changed."""
        from casefile.services.case import bulk

        vals, ids = dict(values or {}), list(pks)
        bulk.check(kind, vals, add_tags, remove_tags)
        return self.operation(bulk.name(kind, len(ids), vals, add_tags, remove_tags),
                              lambda tx: bulk.edit_many(tx, kind, ids, vals, add_tags,
                                                        remove_tags))

    def cite(self, source_id: int, target_kind: str, target_id: int, excerpt: str = "",
             locator: str = "", credibility: int = 6) -> Change:
        return self.operation("Cite source", lambda tx: ops.cite(
            tx, source_id, target_kind, target_id, excerpt, locator, credibility))

    def attach_file(self, source_id: int, path: str | Path | None = None,
                    filename: str | None = None, data: bytes | None = None) -> Change:
        """Store a file's bytes inside the case with its SHA-256, attached to a source."""
        if path is not None:
            path = Path(path)
            data = path.read_bytes()
            filename = filename or path.name
        if data is None or not filename:
            raise ValidationError("file", "nothing to attach")
        row = {"source_id": source_id, "filename": filename, "size": len(data), "data": data,
               "mime": mimetypes.guess_type(filename)[0] or "application/octet-stream",
               "sha256": hashlib.sha256(data).hexdigest()}
        return self.operation(f"Attach {filename}",
                              lambda tx: ops.insert_row(tx, "attachment", row))

    def merge_entities(self, survivor_id: int, other_id: int) -> Change:
        """Fold one entity into another (see :func:`operations.merge_entities`)."""
        a, b = self.get("entity", survivor_id), self.get("entity", other_id)
        return self.operation(f"Merge {ops.label('entity', b)} into {ops.label('entity', a)}",
                              lambda tx: ops.merge_entities(tx, survivor_id, other_id))
