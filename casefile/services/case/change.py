"""What an operation changed: the only notification a view gets about the case."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Change:
    """What one operation (or its undo/redo) changed: kind -> ids touched, the new rows' ids
    and the deleted ones, and the operation's own result. A dry run's Change describes what
    would have changed; nothing of it is in the case.

    ``touched`` names every record whose shown content changed (a child's parent, a cited
    fact and its source included) — except where ``partial``: rows written through the bulk
    path (an import, its undo) are named by kind only, with an empty or incomplete set."""

    name: str
    touched: dict[str, set[int]] = field(default_factory=dict)
    created: dict[str, list[int]] = field(default_factory=dict)
    deleted: dict[str, list[int]] = field(default_factory=dict)
    result: Any = None
    dry_run: bool = False
    undoable: bool = True  # False for steps that cannot be redone/undone (see Case.undo)
    partial: bool = False  # some touched records are not listed (bulk writes)

    def kinds(self) -> set[str]:
        return set(self.touched)

    def concerns(self, *kinds: str) -> bool:
        """Whether this change touched any of ``kinds`` (a dry run touches nothing)."""
        return not self.dry_run and bool(self.touched.keys() & set(kinds))

    @property
    def empty(self) -> bool:
        return not self.touched
