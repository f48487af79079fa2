"""The one bulk writer of what an import creates around parties: new parties with their
aliases and identifiers, sanctions, relationships, shipments, events, sources, and the
citations of the imported file (and of the sources an FtM file holds). Used by the trade-data
importer and the FollowTheMoney importer alike.

Every row is validated by :func:`casefile.services.case.validation.clean`, the rules the
editor applies to a single edit; a value those rules refuse becomes a problem of the import
naming its line and column (or field), never a crash and never a row written. Rows are then
written in batches through the bulk path in the registry's column order, and undone as one
bulk step, so a file of 10^5 records does not become 10^5 journaled edits.

The writer numbers the rows of the tables in NUMBERED itself (from the largest id at its
start), so the undo step can name them: an importer writes rows of those tables through it,
not beside it — or takes their ids from it (the trade-data importer writes its shipments and
their citations itself, the citations' ids from :meth:`PartyWriter.reserve`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from casefile.errors import ValidationError
from casefile.services.case import indexing
from casefile.services.case.journal import Tx
from casefile.services.case.validation import ONE_LINE_CHARS, clean, clean_plain, max_chars
from casefile.store import schema
from casefile.store.bulk import insert_many

ORDER = ("source", "entity", "alias", "identifier", "sanction", "relationship", "shipment",
         "route_stop", "event", "event_party", "citation")  # parents first
# ids given here: the undo step names them
NUMBERED = ("source", "entity", "alias", "sanction", "relationship", "shipment", "event",
            "citation")
RECORDS = ("relationship", "shipment", "event", "source")  # made by record()
CHILD_ROWS = {"route_stop": "shipment_id", "event_party": "event_id"}
# the columns written per table, in table order (ids only where this writer gives them)
COLUMNS = {t: tuple(schema.columns(t, without=() if t in NUMBERED else ("id",)))
           for t in ORDER}
GETTERS = {t: itemgetter(*cols) for t, cols in COLUMNS.items()}  # row dict -> tuple

# The one-line texts that may be cut when a file gives more than they hold (with ``cut``):
# what describes, never what names or identifies (a name or an identifier cut is another)
CUT_ONE_LINE = frozenset({("citation", "locator"), ("source", "title"), ("event", "title")})

# Where a value came from, for a problem: field -> "file, line 12, column 'Shipper'".
Where = Callable[[str], str]


def _cell(v: Any) -> Any:
    return v.strftime("%Y-%m-%d %H:%M:%S.%f") if v.__class__ is datetime else v


class PartyWriter:
    """Collects validated rows and writes them in batches. ``problem`` hears of every value
    the rules refuse; ``write=False`` (a dry run) validates and numbers but writes nothing."""

    BATCH = 5000

    def __init__(self, conn: Any, source_id: int, problem: Callable[[str], None],
                 write: bool = True, cut: Callable[[str], None] | None = None) -> None:
        self.conn = conn
        self.source_id = source_id
        self.problem = problem
        self.write = write
        # hears of a long text cut to what its field holds (without it: a problem); names
        # and identifiers too long are problems either way
        self.cut = cut
        self.first: dict[str, int] = {}
        self.next: dict[str, int] = {}
        for table in NUMBERED:
            n = (conn.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0) + 1
            self.first[table] = self.next[table] = n
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ORDER}
        self.queued = 0  # rows waiting to be written
        # each table's defaults, as written (a timestamp is the import's, once)
        self.defaults = {t: {c: _cell(v) for c, v in schema.defaults(t).items()}
                         for t in ORDER}

    # -- validating ----------------------------------------------------------------------
    def check(self, kind: str, values: dict[str, Any], where: Where,
              field: dict[str, str] | None = None) -> dict[str, Any] | None:
        """``values`` cleaned for a row of ``kind``, or None after reporting the problem at
        ``where(field)`` (``field`` maps a column to the file's own name for it)."""
        try:
            return clean_plain(kind, values) or clean(kind, values)
        except ValidationError as exc:
            name = (field or {}).get(exc.field, exc.field)
            text, limit = values.get(exc.field), max_chars(kind, exc.field)
            if self.cut is not None and isinstance(text, str) and limit is not None \
                    and (limit > ONE_LINE_CHARS or (kind, exc.field) in CUT_ONE_LINE) \
                    and len(text.strip()) > limit:  # long text: cut, and said
                self.cut(f"{kind} {name}: longer than the {limit:,} characters the field "
                         "holds; cut there")
                return self.check(kind, {**values, exc.field: text.strip()[:limit]}, where,
                                  field)
            self.problem(f"{where(name)}: {exc.message}")
            return None

    def _queue(self, table: str, values: dict[str, Any]) -> int | None:
        row = {**self.defaults[table], **values}
        rid = None
        if table in self.next:
            rid = row["id"] = self.next[table]
            self.next[table] += 1
        self.rows[table].append(GETTERS[table](row))  # values as clean() gives them
        self.queued += 1
        return rid

    # -- what an import creates ----------------------------------------------------------
    def party(self, where: Where, *, name: str, kind: str = "company",
              country: str | None = None, description: str = "", tags: str = "imported",
              aliases: Iterable[tuple[str, ...]] = (),
              identifiers: Iterable[tuple[str, str, str]] = (),
              field: dict[str, str] | None = None,
              details: dict[str, Any] | None = None,
              issued: dict[str, str] | None = None) -> int | None:
        """A new party with its aliases ``(field, name)`` or ``(field, name, kind, lang)``
        and identifiers ``(field, scheme, value)``; ``details`` are further entity values
        (other countries, birth date …) as the editor takes them; ``field`` names the file's
        field of each entity column; ``issued``: the country an identifier's value was
        issued by. Returns its id, or None when any of its values is refused (then none of
        it is written)."""
        entity = self.check("entity", {"kind": kind, "name": name, "country": country,
                                       "description": description, "tags": tags,
                                       **(details or {})}, where, field)
        children: list[tuple[str, dict[str, Any] | None]] = []
        for f, alias, *more in aliases:
            a_kind, lang = (more + ["alias", ""])[:2] if more else ("alias", "")
            children.append(("alias", self.check("alias", {"name": alias, "kind": a_kind,
                                                           "lang": lang}, where, {"name": f})))
        for f, scheme, value in identifiers:
            country = (issued or {}).get(value)
            children.append(("identifier", self.check(
                "identifier", {"scheme": scheme, "value": value,
                               **({"country": country} if country else {})}, where,
                {"scheme": f, "value": f, "country": "country"})))
        if entity is None or None in [values for _t, values in children]:
            return None
        eid = self._queue("entity", entity)
        for table, values in children:
            self._queue(table, {**(values or {}), "entity_id": eid})
        return eid

    def alias(self, where: Where, entity_id: int, name: str, field: str,
              kind: str = "spelling", lang: str = "") -> int | None:
        """Another name of a party (new or already in the case), e.g. a spelling variant
        that resolved to it."""
        values = {"name": name, "kind": kind, **({"lang": lang} if lang else {})}
        cleaned = self.check("alias", values, where, {"name": field})
        return None if cleaned is None else self._queue("alias",
                                                        {**cleaned, "entity_id": entity_id})

    def identifier(self, where: Where, entity_id: int, field: str, scheme: str,
                   value: str) -> bool:
        """An identifier of a party this writer made (a later row of the file gives it)."""
        cleaned = self.check("identifier", {"scheme": scheme, "value": value}, where,
                             {"scheme": field, "value": field})
        if cleaned is None:
            return False
        self._queue("identifier", {**cleaned, "entity_id": entity_id})
        return True

    def sanction(self, where: Where, entity_id: int, values: dict[str, Any],
                 field: dict[str, str] | None = None) -> int | None:
        """A sanction of a party (``values`` as the editor takes them, "date" included)."""
        cleaned = self.check("sanction", values, where, field)
        return None if cleaned is None else self._queue("sanction",
                                                        {**cleaned, "entity_id": entity_id})

    def record(self, where: Where, kind: str, values: dict[str, Any],
               field: dict[str, str] | None = None,
               children: dict[str, list[dict[str, Any]]] | None = None,
               row: dict[str, Any] | None = None) -> int | None:
        """A new relationship, shipment, event or source (``values`` as the editor takes
        them, its dates included, or ``row`` when they are already checked) with its route
        stops or event parties; None when a value is refused (then none of it is written)."""
        row = row if row is not None else self.check(kind, values, where, field)
        kids = [(child, self.check(child, v, where, field))
                for child, items in (children or {}).items() for v in items]
        if row is None or None in [v for _c, v in kids]:
            return None
        rid = self._queue(kind, row)
        for child, v in kids:
            self._queue(child, {**(v or {}), CHILD_ROWS[child]: rid})
        return rid

    def cite(self, where: Where, kind: str, rid: int, locator: str, excerpt: str,
             source_id: int | None = None, credibility: int = 6) -> None:
        """Cite a source (the imported file unless ``source_id`` names another) for a
        record of a fact kind, new or one the case held."""
        values: dict[str, Any] = {"locator": locator, "excerpt": excerpt}
        if credibility != 6:  # 6 (cannot be judged) is what an imported file's citation says
            values["credibility"] = credibility
        cleaned = self.check("citation", values, where)
        if cleaned is not None:
            cleaned.setdefault("credibility", 6)
            self._queue("citation", {**cleaned, "source_id": source_id or self.source_id,
                                     schema.CITATION_COLUMNS[kind]: rid})

    # -- writing -------------------------------------------------------------------------
    def flush_if_full(self) -> None:
        if self.queued >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        for table in ORDER:
            if self.rows[table] and self.write:
                insert_many(self.conn, table, COLUMNS[table], self.rows[table], digest=True)
            self.rows[table] = []
        self.queued = 0

    def reserve(self, table: str, n: int) -> int:
        """The first of ``n`` ids of a numbered table taken for rows an importer writes
        itself, beside the writer (the trade importer's shipments' citations): numbered by
        the writer, they never meet the ids it gives its own rows."""
        first = self.next[table]
        self.next[table] += n
        return first

    def created(self, table: str) -> range:
        """The ids of the rows of a numbered table this writer created."""
        return range(self.first[table], self.next[table])

    def finish(self, tx: Tx, dependents: Sequence[tuple[str, str, Sequence[int]]] = ()
               ) -> None:
        """Index what was written and record it as one bulk step of the operation.
        ``dependents`` are the importer's own bulk rows ``(table, column, values)`` that
        refer to the new parties (shipments), children first: undone before the parties,
        and indexed when listed by id."""
        self.flush()
        entities, sanctions = self.created("entity"), self.created("sanction")
        sources = self.created("source")
        keys: dict[str, Iterable[int]] = {"entity": entities, "sanction": sanctions,
                                          "source": [self.source_id, *sources]}
        for kind in ("relationship", "shipment", "event"):
            keys[kind] = self.created(kind)
        keys.update({table: values for table, column, values in dependents if column == "id"})
        indexing.reindex(self.conn, keys, follow_names=False, fresh=True)
        # (records the case held that the import cites anew are indexed, with their new
        # citations' excerpts, when the operation is recorded: its bulk rows' parents)
        steps: list[tuple[str, str, Sequence[int]]] = [
            ("attachment", "source_id", [self.source_id]),
            ("citation", "source_id", [self.source_id]),
            ("citation", "id", self.created("citation")), *dependents,
            ("event_party", "event_id", self.created("event")),
            ("route_stop", "shipment_id", self.created("shipment")),
            *((kind, "id", self.created(kind))
              for kind in ("shipment", "event", "relationship", "sanction")),
            ("identifier", "entity_id", entities), ("alias", "id", self.created("alias")),
            ("entity", "id", entities), ("source", "id", [*sources, self.source_id])]
        # in this order (children first); a kind the import made none of is not named, so
        # it never hides the dependents' rows of the same kind
        tx.bulk.extend(step for step in steps if len(step[2]))
