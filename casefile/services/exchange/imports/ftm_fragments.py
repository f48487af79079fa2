"""An FtM entity a file gives over several lines, joined before it is read, as ``ftm
aggregate`` joins it.

``ftm map`` writes one fragment of a company for each spreadsheet row that names it (one row
may give only its registration number, another its name); a statements file may give one
entity in two runs. Before the first pass the ids the file gives more than once are found
(:func:`repeated_ids`: for JSON lines a scan of the bytes, each line's id read without parsing
the line). A line of such an id is not read where it stands: it waits in a temporary table
of the case's connection (memory stays flat), and once the pass has read every other line
the lines of each id are read as one entity (:class:`HeldLines`) — every value of each, once,
in the order of the lines, as the schema they share (LegalEntity and Company: Company) — cited
to every line ("lines 3, 9"). So a party is matched with the case's by all its names,
identifiers and birth date, as the aggregated file's would be, and a sanction or relationship
is one record. A line of the id as a schema of another kind (a Company, then a Person) is read
on its own after them (the party's later line: counted as left out, ``later_line``)."""

from __future__ import annotations

import pickle
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports.ftm_read import Record, json_entities, kind_of_file
from casefile.services.exchange.imports.ftm_report import FtmReport
from casefile.services.exchange.imports.ftm_statements import common_schema, csv_dicts

_ID = re.compile(rb'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')


def repeated_ids(path: Path, encoding: str) -> set[str]:
    """The ids more than one line (or entity, in the other layouts) of the file gives."""
    seen: set[int] = set()  # by hash: memory stays small
    repeated: set[Any] = set()  # the ids as written (bytes) or as read (str)

    def count(key: Any) -> None:
        h = hash(key)
        if h in seen:
            repeated.add(key)
        else:
            seen.add(h)

    with path.open(encoding=encoding, newline="") as f:
        kind = kind_of_file(f)
        if kind in ("statements_csv", "statements_json"):  # the first key of each run
            for key in _run_keys(path, f, kind):
                count(key)
            return {str(k) for k in repeated}
        if kind != "lines":  # an array or a document: read whole (small)
            for _n, rec in json_entities(path, f, lambda _s: True):
                if rec is not None and rec["id"] and not rec.get("nested"):
                    count(rec["id"])
            return {str(k) for k in repeated}
    with path.open("rb") as raw:
        for line in raw:
            found = _ID.search(line)
            if found is not None and line.count(b'"properties"') <= 1:  # nested: read once
                count(found.group(1))
    return {_decoded(k, encoding) for k in repeated}


def _run_keys(path: Path, f: Any, kind: str) -> Iterator[str]:
    """The entity of each run of a statements file's rows (canonical_id, else entity_id),
    read without building its entities (a JSON line the pass cannot read, it reports)."""
    import json

    prev = None
    if kind == "statements_csv":
        keys: Iterator[str] = (str(row.get("canonical_id") or row.get("entity_id") or "")
                               for _n, row in csv_dicts(path, f)[1])
    else:
        def json_keys() -> Iterator[str]:
            for text in f:
                try:
                    obj = json.loads(text) if text.strip() else None
                except (json.JSONDecodeError, RecursionError):
                    continue
                if isinstance(obj, dict):
                    yield str(obj.get("canonical_id") or obj.get("entity_id") or "")
        keys = json_keys()
    for key in keys:
        if key and key != prev:
            yield key
        prev = key


def _decoded(key: bytes, encoding: str) -> str:
    """An id as the JSON parser reads it (a number as its digits)."""
    import json

    text = key.decode(encoding.removesuffix("-sig"), "replace")
    try:
        return str(json.loads(text)) if text.startswith('"') else text
    except json.JSONDecodeError:
        return text


class HeldLines:
    """The lines of the ids a file gives more than once, held until the pass has read the
    rest, then read as one entity each."""

    def __init__(self, conn: Any, repeated: set[str]) -> None:
        self.repeated = repeated
        self.driver = cast(sqlite3.Connection, conn.connection.driver_connection)
        self.first: dict[str, int] = {}  # id -> its first line (the order they are read in)
        self.joined = 0  # later lines read with their first
        self.releasing = False  # (what is handed on is not held again)
        self.driver.execute("CREATE TEMP TABLE IF NOT EXISTS held_lines (first INTEGER, "
                            "line INTEGER, id TEXT, rec BLOB)")

    def hold(self, line: int, rec: Record) -> bool:
        """Hold a line of an id another line gives too (True), or not (False)."""
        if rec["id"] not in self.repeated or rec.get("nested") or self.releasing:
            return False
        first = self.first.setdefault(rec["id"], line)
        self.driver.execute("INSERT INTO held_lines VALUES (?, ?, ?, ?)",
                            (first, line, rec["id"], pickle.dumps(rec)))
        return True

    def release(self, handle: Callable[[int, Record], None],
                spans: dict[int, str]) -> None:
        """Hand on each id's lines as one record, at its first line (``spans``: that line
        -> 'lines 3, 9', as problems and citations name it), in the order of first lines."""
        self.releasing = True
        try:
            self._release(handle, spans)
        finally:
            self.releasing = False
        self.driver.execute("DELETE FROM held_lines")
        self.first.clear()

    def _release(self, handle: Callable[[int, Record], None],
                 spans: dict[int, str]) -> None:
        for lines in self._groups():
            (line, rec), others = lines[0], []
            at = [line]
            for n, more in lines[1:]:
                if common_schema([rec["schema"], more["schema"]]) is None:
                    others.append((n, more))  # another kind of entity: read on its own
                    continue
                _join(rec, more)
                at.append(n)
                self.joined += 1
            spans[line] = "lines " + ", ".join(map(str, at)) if len(at) > 1 else f"line {line}"
            try:
                handle(line, rec)
            finally:
                del spans[line]
            for n, more in others:
                handle(n, more)

    def _groups(self) -> Iterator[list[tuple[int, Record]]]:
        cur = self.driver.execute("SELECT line, id, rec FROM held_lines ORDER BY first, line")
        group: list[tuple[int, Record]] = []
        current = None
        while batch := cur.fetchmany(1000):
            for line, ftm_id, blob in batch:
                if ftm_id != current and group:
                    yield group
                    group = []
                current = ftm_id
                group.append((line, pickle.loads(blob)))  # our own, written above
        if group:
            yield group


def _join(into: Record, rec: Record) -> None:
    """Add a later line's values to a record's (each value once, in the order given)."""
    props = into["properties"]
    for prop, values in rec["properties"].items():
        have = props.setdefault(prop, [])
        have += [v for v in values if v not in have]
    for key, lang in rec.get("langs", {}).items():
        into.setdefault("langs", {}).setdefault(key, lang)
    into["schema"] = common_schema([into["schema"], rec["schema"]]) or into["schema"]
    if not into.get("caption"):
        into["caption"] = rec.get("caption")


def later_line(report: FtmReport, parties: dict[str, int], schemata: dict[str, str],
               flat: bool, rec: Record) -> int:
    """A line of a party read before, not joined to it (nested again where it is referred
    to: nothing new; a row of targets.simple.csv, or the id as another kind of entity: what
    it says is counted as left out); the party's id."""
    schema, props = rec["schema"], rec["properties"]
    if not rec.get("nested"):
        first = schemata.get(rec["id"]) or schema
        why = (f"a later line of the {first} {rec['id']} as a {schema}" if flat
               else "in a later row of an entity read before")
        for prop in props:
            if fm.strings(props, prop):
                report.leave_out(f"{schema} {prop}: {why}; not joined to it")
    return parties[rec["id"]]


__all__ = ["HeldLines", "later_line", "repeated_ids"]
