"""The parties a case already holds, for resolving imported names: by normalised name or
alias (exact), by identifier, and near matches (proposed to the user, never merged)."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from casefile.core.names import normalise_name

NEAR = 88  # token-set similarity (0-100) from which a name is proposed as the same party


class KnownParties:
    def __init__(self, conn: Any) -> None:
        self.by_name: dict[str, int] = {}
        self.names: dict[int, str] = {}
        for eid, name in conn.exec_driver_sql("SELECT id, name FROM entity"):
            self.by_name.setdefault(normalise_name(name), eid)
            self.names[eid] = name
        for eid, name in conn.exec_driver_sql("SELECT entity_id, name FROM alias"):
            self.by_name.setdefault(normalise_name(name), eid)
        self.idents: dict[str, int] = {v.strip().lower(): eid for eid, v in conn.exec_driver_sql(
            "SELECT entity_id, value FROM identifier")}
        self.existing = dict(self.by_name)  # what was there before the import

    def near(self, key: str) -> tuple[int, str, float] | None:
        """The closest party that was in the case before the import: (id, name, score)."""
        if not self.existing:
            return None
        best = process.extractOne(key, self.existing.keys(), scorer=fuzz.token_set_ratio)
        if not best or best[1] < NEAR:
            return None
        eid = self.existing[best[0]]
        return eid, self.names.get(eid, best[0]), best[1]
