"""Reading for citing: the sources to pick from (with the credibility last given to each,
so a new citation of the same source starts from it), and the facts one source supports,
each said in a few words so that a source's page can list them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casefile.core.grading import admiralty_code
from casefile.core.labels import singular
from casefile.services.queries.standing import who_sql
from casefile.store import schema

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from casefile.services.case.facade import Case

# per fact kind: SQL giving (id, words) for the facts a source's citations point at
_FACT_WORDS: dict[str, str] = {
    "entity": "SELECT t.id, t.name FROM entity t",
    "shipment": "SELECT t.id, trim(coalesce(t.date_text, '') || ' ' || coalesce(nullif("
                "t.declared_goods, ''), t.assessed_goods, '')) FROM shipment t",
    "event": "SELECT t.id, trim(coalesce(t.date_text, '') || ' ' || t.title) FROM event t",
    "relationship": "SELECT t.id, a.name || ' — ' || t.kind || ' — ' || b.name "
                    "FROM relationship t JOIN entity a ON a.id = t.subject_id "
                    "JOIN entity b ON b.id = t.object_id",
    "sanction": "SELECT t.id, e.name || coalesce(': ' || nullif(" + who_sql("t") + ", ''), "
                "'') FROM sanction t JOIN entity e ON e.id = t.entity_id",  # (no 'Name:')
    "finding": "SELECT t.id, t.title FROM finding t",
}


def source_picks(case: Case) -> list[dict[str, Any]]:
    """Every source as the Cite dialog lists it: id, title, publisher, reliability, the
    credibility of its latest citation (None if never cited) and a one-line label."""
    with case.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT s.id, s.title, s.publisher, s.reliability, (SELECT c.credibility FROM "
            "citation c WHERE c.source_id = s.id ORDER BY c.id DESC LIMIT 1) AS last "
            "FROM source s ORDER BY s.title COLLATE NOCASE, s.id").all()
    return [{"id": i, "title": t, "publisher": p or "", "reliability": r,
             "last_credibility": last,
             "label": f"{t}{' — ' + p if p else ''}  [{r}]"} for i, t, p, r, last in rows]


def last_credibility(conn: Connection, source_id: int) -> int | None:
    return conn.exec_driver_sql("SELECT credibility FROM citation WHERE source_id = ? "
                                "ORDER BY id DESC LIMIT 1", (source_id,)).scalar()


def cited_facts(conn: Connection, source_id: int) -> list[dict[str, Any]]:
    """The facts a source supports, one row per citation: kind, id, what (a few words),
    kind_label, excerpt, locator, credibility and the Admiralty code — grouped by kind in
    the navigator's order, then by citation."""
    reliability = conn.exec_driver_sql("SELECT reliability FROM source WHERE id = ?",
                                       (source_id,)).scalar() or "F"
    out: list[dict[str, Any]] = []
    for kind in schema.RECORD_KINDS:
        col = schema.CITATION_COLUMNS.get(kind)
        if col is None or kind not in _FACT_WORDS:
            continue
        rows = _rows(conn, kind, col, source_id)
        for cid, fid, words, excerpt, locator, cred in rows:
            out.append({"citation_id": cid, "kind": kind, "id": fid,
                        "kind_label": singular(kind),
                        "what": (words or "").strip() or f"#{fid}", "excerpt": excerpt or "",
                        "locator": locator or "", "credibility": cred,
                        "code": admiralty_code(reliability, cred)})
    return out


def _rows(conn: Connection, kind: str, col: str, source_id: int) -> list[Any]:
    facts: dict[int, str] = dict(conn.exec_driver_sql(
        f"{_FACT_WORDS[kind]} WHERE t.id IN (SELECT {col} FROM citation "
        f"WHERE source_id = ?)", (source_id,)).all())
    cites = conn.exec_driver_sql(
        f"SELECT id, {col}, excerpt, locator, credibility FROM citation "
        f"WHERE source_id = ? AND {col} IS NOT NULL ORDER BY id", (source_id,)).all()
    return [(cid, fid, facts.get(fid, ""), ex, loc, cred) for cid, fid, ex, loc, cred in cites]
