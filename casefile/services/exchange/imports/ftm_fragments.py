"""An FtM entity a file gives over several lines, joined before it is read, as ``ftm
aggregate`` joins it.

``ftm map`` writes one fragment of a company for each spreadsheet row that names it (one row
may give only its registration number, another its name); a statements file may give one
entity in two runs. Before the first pass the ids the file gives more than once are found
(:func:`repeated_ids`: for JSON lines each line's id, read from the line's start where FtM
writes it, else by parsing the line; for statements the key of each run). Where there are
any, each pass holds every entity it reads in a temporary table of the case's connection
(memory stays flat) and, once it has read the file, reads them in the order of their first
line (:class:`HeldLines`), the lines of an id as one entity — every value of each, once, as
the schema they share (LegalEntity and Company: Company) — cited to every line ("lines 3,
9"). So a party is matched with the case's by all its names, identifiers and birth date, in
its place among the file's other parties, as the aggregated file's would be; a sanction,
relationship or citation is one record. A line of the id as a schema of another kind (a
Company, then a Person) is read on its own after them (the party's later line: counted as
left out, ``FtmParties._later_line``)."""

from __future__ import annotations

import json
import pickle
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from casefile.errors import ImportFileError
from casefile.services.exchange.imports.ftm_read import Record, json_entities
from casefile.services.exchange.imports.ftm_statements import common_schema, csv_dicts

# a flat line as FtM writes it, its id first ('{"id": "NK-…", …'); any other line is parsed
_FIRST_ID = re.compile(r'\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)\s*,')


def repeated_ids(path: Path, encoding: str, kind: str) -> set[str]:
    """The ids more than one line (or entity, in the other layouts) of the file (of
    ``kind``: ftm_read.kind_of_file) gives, as the reader reads them (escapes undone, a
    number as its text); an empty id is no id."""
    seen: set[int] = set()  # by hash (a map of the file's ids, as the import keeps one)
    repeated: set[str] = set()

    def count(key: str) -> None:
        h = hash(key)
        if not key:
            return
        if h in seen:
            repeated.add(key)
        else:
            seen.add(h)

    with path.open(encoding=encoding, newline="") as f:
        if kind in ("statements_csv", "statements_json"):  # the first key of each run
            keys: Iterable[str] = _run_keys(path, f, kind)
        elif kind == "lines":
            keys = _line_ids(f)
        else:  # an array or a document: read whole (small)
            keys = (rec["id"] for _n, rec in json_entities(path, f, lambda _s: True)
                    if rec is not None and not rec.get("nested"))
        try:
            for key in keys:
                count(key)
        except (UnicodeDecodeError, ImportFileError):
            pass  # the pass says where the file cannot be read
    return repeated


def _line_ids(f: Any) -> Iterator[str]:
    """The id of each line of a JSON-lines file, read as the reader reads it: from the
    line's start where FtM wrote it first, else by parsing the line."""
    for text in f:
        found = _FIRST_ID.match(text)
        if found is None:
            yield from (str(obj.get("id") or "") for obj in _objects([text]))
            continue
        raw = found.group(1)
        yield raw[1:-1] if raw.startswith('"') and "\\" not in raw else str(json.loads(raw))


def _objects(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The JSON objects of ``lines``, one a line (a line that is not one, the pass
    reports)."""
    for text in lines:
        try:
            obj = json.loads(text) if text.strip() else None
        except (json.JSONDecodeError, RecursionError):
            continue
        if isinstance(obj, dict):
            yield obj


def _run_keys(path: Path, f: Any, kind: str) -> Iterator[str]:
    """The entity of each run of a statements file's rows (canonical_id, else entity_id),
    read without building its entities."""
    prev = None
    if kind == "statements_csv":
        keys: Iterator[str] = (str(row.get("canonical_id") or row.get("entity_id") or "")
                               for _n, row in csv_dicts(path, f)[1])
    else:
        keys = (str(obj.get("canonical_id") or obj.get("entity_id") or "")
                for obj in _objects(f))
    for key in keys:
        if key and key != prev:
            yield key
        prev = key


class HeldLines:
    """Once a file gives any id more than once, every entity of a pass is held until the
    pass has read the file, then read in the order of its first line (so an entity over
    several lines is matched with the case's parties in its place, not after the others),
    each id's lines as one."""

    def __init__(self, conn: Any, repeated: set[str]) -> None:
        self.repeated = repeated
        self.driver = cast(sqlite3.Connection, conn.connection.driver_connection)
        self.first: dict[str, int] = {}  # a repeated id -> the turn of its first line
        self.turn = 0  # entities held so far (a line may give several: an array on one line)
        self.joined = 0  # later lines read with their first
        self.driver.execute("CREATE TEMP TABLE IF NOT EXISTS held_lines (first INTEGER, "
                            "turn INTEGER, line INTEGER, rec BLOB)")

    def hold(self, line: int, rec: Record) -> bool:
        """Hold an entity of the pass (True): from the pass's first repeated id on (what
        comes before it is read in its place, before anything held in any case)."""
        if self.turn == 0 and rec["id"] not in self.repeated:
            return False
        self.turn += 1
        first = self.turn
        if rec["id"] in self.repeated:  # (never an empty id: each is an entity of its own)
            first = self.first.setdefault(rec["id"], self.turn)
        self.driver.execute("INSERT INTO held_lines VALUES (?, ?, ?, ?)",
                            (first, self.turn, line, pickle.dumps(rec)))
        return True

    def release(self, handle: Callable[[int, Record], None],
                spans: dict[int, str]) -> None:
        """Hand on each entity, the lines of an id as one record, at its first line
        (``spans``: that line -> 'lines 3, 9', as problems and citations name it), in the
        order of first lines."""
        self._release(handle, spans)
        self.driver.execute("DELETE FROM held_lines")
        self.first.clear()
        self.turn = 0

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
            at = list(dict.fromkeys(at))  # (an array on one line: all of it is line 1)
            spans[line] = "lines " + ", ".join(map(str, at)) if len(at) > 1 else f"line {line}"
            try:
                handle(line, rec)
            finally:
                del spans[line]
            for n, more in others:
                handle(n, more)

    def _groups(self) -> Iterator[list[tuple[int, Record]]]:
        cur = self.driver.execute("SELECT first, line, rec FROM held_lines ORDER BY first, "
                                  "turn")
        group: list[tuple[int, Record]] = []
        current = None
        while batch := cur.fetchmany(1000):
            for first, line, blob in batch:
                if first != current and group:
                    yield group
                    group = []
                current = first
                group.append((line, pickle.loads(blob)))  # our own, written above
        if group:
            yield group


def _join(into: Record, rec: Record) -> None:
    """Add a later line's values to a record's (each value once, in the order given); a
    caption the lines state differently is left for the importer to work out from every
    name, as FtM captions the merged entity."""
    props = into["properties"]
    for prop, values in rec["properties"].items():
        have = props.setdefault(prop, [])
        have += [v for v in values if v not in have]
    for key, lang in rec.get("langs", {}).items():
        into.setdefault("langs", {}).setdefault(key, lang)
    into["schema"] = common_schema([into["schema"], rec["schema"]]) or into["schema"]
    if into.get("caption") != rec.get("caption") or "_captions" in into:
        into["caption"], into["_captions"] = None, True


__all__ = ["HeldLines", "repeated_ids"]
