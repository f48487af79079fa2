"""The facts a case already holds, as an FtM import compares them: a file that repeats what
the case has (the case's own export, imported back) adds nothing twice.

The same fact is: a source of the same title and URL; a sanction of the same party by the
same authority (or by one a file does not name: OpenSanctions' targets.simple.csv never does)
under the same programme (its name or its id) whose listing dates overlap (or one is
unknown) and whose start dates, where both give one, are the same (the same dates first); a
relationship of the same kind between the same parties ('A subsidiary of B' is 'B owns A'); a
shipment between the same parties of the same goods on the same days; an event of the same
title on the same days; a citation of the same source for the same fact. Each one in the case
stands for one imported record (two identical shipments in the case match two in the file,
not a third)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from casefile.core.labels import counted
from casefile.services.exchange.imports.ftm_map import mapping

Span = tuple[str | None, str | None]


def relationship_key(kind: str, subject: int, obj: int) -> tuple[str, int, int]:
    return ("owns", obj, subject) if kind == "subsidiary_of" else (kind, subject, obj)


def _overlap(a: Span, b: Span) -> bool:
    if a == (None, None) or b == (None, None):
        return True
    return (a[0] or "0000") <= (b[1] or "9999") and (b[0] or "0000") <= (a[1] or "9999")


def _programmes(name: str | None, pid: str | None) -> frozenset[str]:
    """A sanction's programme as a file may name it: by its name, its id, or both."""
    return frozenset(x.strip().casefold() for x in (name or "", *(pid or "").split(";"))
                     if x.strip())


class CaseFacts:
    """What the case held when the import began, by the keys above; :meth:`take` finds one
    and uses it up."""

    def __init__(self, conn: Any) -> None:
        q = conn.exec_driver_sql
        self.sources: dict[tuple[str, str], int] = {}
        for sid, title, url in q("SELECT id, title, url FROM source ORDER BY id"):
            self.sources.setdefault((title.casefold(), url), sid)
        self._facts: dict[str, dict[Any, list[tuple[Span, int]]]] = {
            k: defaultdict(list) for k in ("relationship", "shipment", "event")}
        # party -> its sanctions: (authority, programme name and id, listing dates, start as
        # given, id)
        self._sanctions: dict[int, list[tuple[str, frozenset[str], Span, str | None, int]]] = \
            defaultdict(list)
        self._sanction_party: dict[int, int] = {}
        for rid, eid, auth, prog, pid, lo, hi, start in q(
                "SELECT id, entity_id, authority, programme, program_id, date_start, "
                "date_end, start_text FROM sanction ORDER BY id"):
            self._sanctions[eid].append((auth.casefold(), _programmes(prog, pid), (lo, hi),
                                         start, rid))
            self._sanction_party[rid] = eid
        for rid, kind, s, o, lo, hi in q("SELECT id, kind, subject_id, object_id, date_start,"
                                         " date_end FROM relationship ORDER BY id"):
            self._facts["relationship"][relationship_key(kind, s, o)].append(((lo, hi), rid))
        for rid, a, b, goods, lo, hi in q("SELECT id, shipper_id, consignee_id, "
                                          "declared_goods, date_start, date_end FROM shipment "
                                          "ORDER BY id"):
            self._facts["shipment"][(a, b, goods.casefold(), lo, hi)].append(((lo, hi), rid))
        for rid, title, lo, hi in q("SELECT id, title, date_start, date_end FROM event "
                                    "ORDER BY id"):
            self._facts["event"][(title.casefold(), lo, hi)].append(((lo, hi), rid))
        self._key_of = {kind: {rid: key for key, items in facts.items() for _w, rid in items}
                        for kind, facts in self._facts.items()}  # id -> its key (not sanctions)
        self.citations: set[tuple[int, str, int]] = set()
        for row in q("SELECT source_id, entity_id, relationship_id, sanction_id, shipment_id,"
                     " event_id FROM citation"):
            for kind, fact in zip(("entity", "relationship", "sanction", "shipment", "event"),
                                  row[1:], strict=True):
                if fact is not None:
                    self.citations.add((row[0], kind, fact))

    def key(self, kind: str, row: dict[str, Any]) -> Any:
        """The key of a cleaned row of ``kind`` (not a sanction: :meth:`_sanction`)."""
        if kind == "relationship":
            return relationship_key(row["kind"], row["subject_id"], row["object_id"])
        if kind == "shipment":
            return (row.get("shipper_id"), row.get("consignee_id"),
                    row.get("declared_goods", "").casefold(), row.get("date_start"),
                    row.get("date_end"))
        return (row.get("title", "").casefold(), row.get("date_start"), row.get("date_end"))

    def take(self, kind: str, row: dict[str, Any], own: int | None = None) -> int | None:
        """The id of the same fact in the case, if one is left; it is used up. ``own`` is
        the record the case's own export named, which is the same fact whatever its key."""
        if kind == "sanction":
            return self._sanction(row, own)
        if own is not None:
            key = self._key_of[kind].pop(own, None)
            if key is None:
                return None  # used up already (the file names it twice)
            self._facts[kind][key] = [x for x in self._facts[kind][key] if x[1] != own]
            return own
        found = self._facts[kind].get(self.key(kind, row))
        if not found:
            return None
        rid = found.pop(0)[1]
        self._key_of[kind].pop(rid, None)
        return rid

    def _sanction(self, row: dict[str, Any], own: int | None) -> int | None:
        if own is not None:
            eid = self._sanction_party.get(own)
            items = self._sanctions.get(eid, []) if eid is not None else []
            for i, item in enumerate(items):
                if item[4] == own:
                    del items[i]
                    return own
            return None  # used up already (the file names it twice)
        auth = (row.get("authority") or "").casefold()
        progs = _programmes(row.get("programme"), row.get("program_id"))
        span = (row.get("date_start"), row.get("date_end"))
        if span[0] is None:  # a bound only ('2023-06-14 or earlier'): not a listing to
            span = (None, None)  # tell one sanction from another by (review31)
        start = row.get("start_text") or None
        items = self._sanctions.get(row["entity_id"], [])
        fits = [i for i, (a, p, when, began, _r) in enumerate(items)
                if (a == auth or not a or not auth) and (p & progs or not (p or progs))
                and _overlap(when, span) and (not began or not start or began == start)]
        # (review26) the same dates first: of a party's two sanctions under one programme
        # (listed 2014 and ended, listed again 2022), the file's 2014 one is not the case's
        # 2022 one because its listing date is unknown and so 'overlaps'
        same = [i for i in fits if items[i][2] == span and items[i][3] == start]
        if not (same or fits):
            return None
        rid = items[(same or fits)[0]][4]
        del items[(same or fits)[0]]
        return rid

    def cited(self, source_id: int, kind: str, fact: int) -> bool:
        """Whether the case already cites the source for the fact (and note it now)."""
        key = (source_id, kind, fact)
        if key in self.citations:
            return True
        self.citations.add(key)
        return False


def own_ids(conn: Any) -> dict[str, dict[str, int]]:
    """kind -> {FtM id the case's own export gives a record: its id}, for the parties,
    sources, facts and events of the case (none without the followthemoney package, which
    made them)."""
    try:
        from followthemoney.util import make_entity_id
    except ImportError:  # pragma: no cover - depends on the install
        return {}
    created = conn.exec_driver_sql("SELECT created_at FROM case_info").scalar()
    ns = f"casefile-{created}"
    return {kind: {str(make_entity_id(ns, kind, rid)): rid for (rid,) in conn.exec_driver_sql(
        f"SELECT id FROM {kind}")}
        for kind in ("entity", "source", "event", "relationship", "sanction", "shipment")}


IMPORTED_TITLE = "Imported FollowTheMoney data: "  # the title of an imported file's source


def imported_ids(conn: Any, schemata: set[str]) -> dict[str, tuple[int, str]]:
    """FtM id -> (the party an earlier FtM import made of that entity or added to, the
    entity's schema then), read from the citations of the imported files ("Person Q4285719
    · …" cites line 12 of the file for the party): a newer export of the same list finds its
    parties by id, not by name, so a namesake is never taken for them. A citation whose
    words a user changed, or whose party was deleted, names none (the name then decides, as
    for any party)."""
    out: dict[str, tuple[int, str]] = {}
    for eid, excerpt in conn.exec_driver_sql(
            "SELECT c.entity_id, c.excerpt FROM citation c JOIN source s ON s.id = c.source_id "
            "WHERE c.entity_id IS NOT NULL AND s.title LIKE ? AND c.locator LIKE 'line %' "
            "ORDER BY c.id",
            (IMPORTED_TITLE + "%",)):
        schema, _, rest = (excerpt or "").partition(" ")
        ftm_id = rest.split(" · ", 1)[0]
        if schema in schemata and ftm_id and " " not in ftm_id:
            out.setdefault(ftm_id, (eid, schema))
    return out


_LISTS = "OpenSanctions: "  # how an import's citation names its datasets (ftm_read)


def lists_of(note: str) -> list[str]:
    """The datasets an entity's provenance note names ('OpenSanctions: US OFAC SDN, EU
    FSF; first seen …')."""
    if not note.startswith(_LISTS):
        return []
    return [x.strip() for x in note[len(_LISTS):].split(";", 1)[0].split(",") if x.strip()]


def not_given_again(conn: Any, name: str, source_id: int, given: dict[str, int],
                    lists: set[str]) -> str:
    """What the report says of the parties an earlier import of a file called ``name`` made
    or added to (its citations, as :func:`imported_ids` reads them) from one of the same
    OpenSanctions ``lists``, that this import's file (``source_id``; its party ids and the
    parties they became, ``given``) neither gives nor matched: a newer release of a list
    that leaves a party out may have delisted it (look26: the report said only 'already in
    the case: 79 parties'). Every OpenSanctions export has the same file name: another
    list's is no newer release of this one, nor is a file that names no dataset, and a
    party matched under a new id is there (review28). '' when there are none."""
    if not lists:
        return ""
    found = set(given.values())
    ids: dict[int, tuple[str, set[str]]] = {}
    for eid, excerpt, party in conn.exec_driver_sql(
            "SELECT c.entity_id, c.excerpt, e.name FROM citation c JOIN source s ON "
            "s.id = c.source_id JOIN entity e ON e.id = c.entity_id WHERE s.title = ? AND "
            "s.id <> ? ORDER BY c.id", (IMPORTED_TITLE + name, source_id)):
        schema, _, rest = (excerpt or "").partition(" ")
        ftm_id, _, note = rest.partition(" · ")
        if eid not in found and schema in mapping().parties and ftm_id and " " not in ftm_id \
                and any(x in note for x in lists):
            ids.setdefault(eid, (party, set()))[1].add(ftm_id)
    gone = [party for party, theirs in ids.values() if not theirs & given.keys()]
    if not gone:
        return ""
    names = "; ".join(gone[:3]) + ("; …" if len(gone) > 3 else "")
    return (f"{counted(len(gone), 'party', 'parties')} an earlier import of {name} from the "
            f"same list brought in {'is' if len(gone) == 1 else 'are'} not in this file "
            f"({names}): a newer release of a list leaves out whom it delisted — check "
            f"{'its' if len(gone) == 1 else 'their'} sanctions")

