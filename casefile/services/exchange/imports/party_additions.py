"""What an import adds to a party that was in the case before it.

A file's party that resolves to one the case holds (same name, a name the user confirmed, the
same identifier under the same name) is not created again; what the file says of it that the
case's party does not say yet is added to it — nothing is replaced:

- its other names (a name the party has under no spelling yet) become aliases;
- its identifiers the party lacks are added;
- its details fill what the party's fields leave empty (a date, the place of birth, the
  legal form …), join the party's lists (other countries, nationality, topics), and add
  the lines its positions and addresses do not hold yet.

Where the case's party says something else in a field that holds one value (another legal
form, another incorporation date), the case's value stays and the file's is counted as left
out, naming the field. The rows are written in the import's own operation (one undo takes the
import and what it added back) and the imported file is cited for the party, so every value
added has its source."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, cast

from casefile.core.identifiers import is_vague
from casefile.core.identifiers import problem as identifier_problem
from casefile.core.labels import LOST_IN_REPAIR, counted
from casefile.core.names import normalise_name
from casefile.errors import ValidationError
from casefile.services.case.journal import Tx
from casefile.services.case.operations import insert_row, save
from casefile.services.case.party_fields import LINES, WORDS, detail_changes
from casefile.services.case.validation import max_chars
from casefile.services.exchange.imports.known import KnownParties, ident_key, value_key
from casefile.services.exchange.imports.party_writer import PartyWriter, Where
from casefile.services.exchange.imports.report import IDENTIFIER_SCHEME

ADDED, SCHEMED = 1, 2  # an identifier added; a number held under no scheme given one


class PartyAdditions:
    """Adds what a file says to the parties the case held before the import (see the module
    text); ``left_out`` hears what is not added, ``problem`` a value the rules refuse."""

    def __init__(self, tx: Tx, w: PartyWriter, known: KnownParties,
                 left_out: Callable[[str], None], problem: Callable[[str], None],
                 warn: Callable[[str], None] | None = None) -> None:
        self.tx, self.w, self.known = tx, w, known
        self.left_out, self.problem = left_out, problem
        self.warn = warn  # hears of an identifier added that does not have its form
        # what was added: names and identifiers -> how many; a field (words) -> how many
        # parties (a party given a field by two rows of a file counts once)
        self.added: dict[str, int] = {}
        self.parties: set[int] = set()  # the parties anything was added to
        self._fields: dict[str, set[int]] = {}
        # the parties' new values, written together by flush() (journaled, 500 a statement)
        self.pending: dict[int, dict[str, Any]] = {}
        # the driver's own cursor on the same transaction: a party looked at costs one plain
        # query, not a SQLAlchemy statement (a re-import looks at 10^5 of them)
        self.driver = cast(sqlite3.Connection, tx.conn.connection.driver_connection)

    def existed(self, eid: int) -> bool:
        """Whether party ``eid`` was in the case before the import."""
        return eid < self.w.first["entity"]

    def add(self, eid: int, where: Where, label: str, *,
            names: Sequence[tuple[str, ...]] = (),
            identifiers: Sequence[tuple[str, str, str]] = (),
            details: dict[str, Any] | None = None) -> list[str]:
        """Add to party ``eid`` its ``names`` ``(field, name[, kind, lang])``, its
        ``identifiers`` ``(field, scheme, value)`` and its ``details`` (columns cleaned for
        an entity row) that it lacks; ``label`` names the file's party in what is left
        out. Returns what was added, as the preview says it ('1 name', 'birth date' …). A
        stand-in a repair made for a lost party takes the file's name and kind."""
        named = self._stand_in(eid, details) if eid in self.known.stand_ins else []
        n_names = sum(self._name(eid, where, *one) for one in names)
        done = [self._identifier(eid, where, *one) for one in identifiers]
        n_idents, n_schemes = done.count(ADDED), done.count(SCHEMED)
        fields = self._details(eid, label, details) if details else []
        for key, n in (("name", n_names), ("identifier", n_idents),
                       (IDENTIFIER_SCHEME, n_schemes)):
            if n:
                self.added[key] = self.added.get(key, 0) + n
        for field in fields:
            self._fields.setdefault(field, set()).add(eid)
            self.added[field] = len(self._fields[field])
        # (review23) a scheme given is said, and its party cited for it, as an addition is
        said = named + [counted(n, one, many) for n, one, many in (
            (n_names, "name", None), (n_idents, "identifier", None),
            (n_schemes, IDENTIFIER_SCHEME, "identifiers' schemes")) if n] + fields
        if said:
            self.parties.add(eid)
        if len(self.pending) >= 500:  # memory stays flat
            self.flush()
        return said

    def flush(self) -> None:
        """Write the parties' new values (in the import's transaction, journaled)."""
        if self.pending:
            self.tx.update_many("entity", self.pending)
            self.pending = {}

    def _stand_in(self, eid: int, details: dict[str, Any] | None) -> list[str]:
        """A stand-in a repair made ('Lost party #12: …', kind other) named again: the file's
        name and kind are the party's, its repair tag and note go (look18: importing the
        list again gave a stand-in only an alias)."""
        if not details or not details.get("name"):
            return []
        row = self.driver.execute("SELECT tags, description FROM entity WHERE id = ?",
                                  (eid,)).fetchone()
        tags = {t for t in [*(row[0] if row else "").split(","),
                            *str(details.get("tags") or "").split(",")]
                if t and t != LOST_IN_REPAIR}
        about = details.get("description") or ""
        self.pending.setdefault(eid, {}).update(
            name=details["name"], kind=details.get("kind") or "other",
            tags=",".join(sorted(tags)), description=about)
        self.known.stand_ins.discard(eid)
        self.known.names[eid] = details["name"]
        self.known.know_name(eid, details["name"])
        if details.get("kind") == "person":
            self.known.people.add(eid)
        self._fields.setdefault("name", set()).add(eid)
        self.added["name and kind of a stand-in"] = len(self._fields["name"])
        return ["its name and kind (it stood in for a party a repair lost)"]

    def _name(self, eid: int, where: Where, field: str, name: str, kind: str = "alias",
              lang: str = "") -> bool:
        if name in self.known.spellings.get(eid, ()):  # as written: no need to normalise
            return False
        key = normalise_name(name)
        if not key or self.known.named(eid, key):
            return False
        if self.w.alias(where, eid, name, field, kind=kind, lang=lang) is None:
            return False
        self.known.know_name(eid, name)
        return True

    def _identifier(self, eid: int, where: Where, field: str, scheme: str,
                    value: str) -> int:
        """ADDED, SCHEMED (a number held under no scheme given this one) or 0."""
        if ident_key(scheme, value) in self.known.held.get(eid, ()):
            return 0
        # (look21) the same number the party holds under another scheme is that identifier:
        # a file that names no scheme for it adds nothing; one that names the scheme the
        # party's lacks gives it that scheme (targets.simple.csv then entities.ftm.json)
        held = self.known.by_value.get(eid, {}).get(value_key(value))
        if held is not None and (is_vague(scheme) or not is_vague(held[0])):
            return 0
        if held is not None and held[1] is None:  # added by this import under no scheme:
            return 0  # the file's two records of one party give it twice (the first kept)
        try:
            if held is not None:
                save(self.tx, "identifier", held[1], {"scheme": scheme})
            else:
                insert_row(self.tx, "identifier", {"entity_id": eid, "scheme": scheme,
                                                   "value": value})
        except ValidationError as exc:
            self.problem(f"{where(field)}: {exc.message}")
            return 0
        self.known.add_identifier(eid, scheme, value, added=where(field),
                                  row=held[1] if held is not None else None)
        if self.warn is not None and (why := identifier_problem(scheme, value)):
            self.warn(f"{where(field)}: {why}; kept, not used to match parties")
        return SCHEMED if held is not None else ADDED

    def _details(self, eid: int, label: str, new: dict[str, Any]) -> list[str]:
        cur = self.driver.execute("SELECT * FROM entity WHERE id = ?", (eid,))
        found = cur.fetchone()
        if found is None:
            return []
        old = {**dict(zip([d[0] for d in cur.description], found, strict=True)),
               **self.pending.get(eid, {})}
        out, added, other = detail_changes(old, new)
        for col in [c for c in LINES if c in out]:
            limit = max_chars("entity", col) or 0
            if len(out[col]) > limit:  # the field would go past what it holds
                del out[col]
                added.remove(col)
                self.left_out(f"{label} {WORDS[col]}: the case's party's field would go past "
                              f"the {limit:,} characters it holds; not added")
        for col in other:
            self.left_out(f"{label} {WORDS[col]}: the case's party already says another; "
                          "the case's kept")
        if out:
            self.pending.setdefault(eid, {}).update(out)
        if "birth" in added:  # a later namesake of another birth date is asked about
            self.known.births[eid] = (out["birth_start"] or "0000", out["birth_end"] or "9999")
        return [WORDS[c] for c in added]
