'''Read FollowTheMoney files as entities: JSON lines (streamed, one entity a line), a JSON
array, one JSON document (a yente API response, :mod:`.ftm_document`), statements files
(OpenSanctions' ``statements.csv``, :mod:`.ftm_statements`), entities written as
statements (each value with its language), and OpenSanctions'
``targets.simple.csv`` (both its current 16-column layout with ``program_ids`` and the
older 15-column one).

``targets.simple.csv`` writes several values in one cell as a nested CSV: separated by ``;``,
a value holding ``;`` or ``"`` quoted with doubled quotes (``"Limited Liability Company
""CST"""``). Its sanctions cell joins each sanction's programme, reason, status, start and end
with `` - ``, leaving out the empty ones; :func:`sanction_parts` takes it apart again.

A JSON-lines file is read once per pass of the importer; a line whose schema the pass does
not want is recognised by its ``"schema"`` key without parsing the rest. A line holding
nested entities (``targets.nested.json``) is read whole and each entity in it given on its
own (:mod:`.ftm_nested`).'''

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO, cast

from casefile.core.fuzzydate import ISO_PREFIX
from casefile.core.sanctions import status_of
from casefile.core.watchlist_datasets import dataset_words
from casefile.errors import ImportFileError
from casefile.services.exchange.imports.ftm_document import document_entities, is_document
from casefile.services.exchange.imports.ftm_nested import flatten, is_nested
from casefile.services.exchange.imports.ftm_statements import (
    TOO_DEEP,
    csv_dicts,
    csv_statements,
    delimiter,
    is_statement,
    is_statement_header,
    json_line,
    json_statements,
)
from casefile.services.exchange.imports.ftm_statements import entities as statement_entities

Record = dict[str, Any]  # id, schema, properties, langs (and _sanctions, _note for CSV rows;
# nested: True for an entity taken out of a nested line)
_SCHEMA = re.compile(r'"schema"\s*:\s*"([^"\\]*)"')
# characters a program could not write in the file's code page come out as '?' ("Shenzhen
# ???????", "??"): a cell holding two in a row lost its text (look16: a targets.simple.csv
# saved by a Russian Excel in cp1251 turned Chinese and Greek names into question marks)
QUESTION_MARKS = "??"
# an OpenSanctions programme id: 'EU-UKR', 'UA-SA1644', 'US-BIS-EL', 'SECO-UKRAINE'
PROGRAM_ID = re.compile(r"[A-Z]{2,5}(?:-[A-Z][A-Z0-9]*)+")
SIMPLE_COLUMNS = ("id", "schema", "name", "aliases", "birth_date", "countries", "addresses",
                  "identifiers", "sanctions", "phones", "emails", "program_ids", "dataset",
                  "first_seen", "last_seen", "last_change")


def kind_of_file(f: TextIO) -> str:
    """'array', 'lines' (JSON), 'document' (one JSON object over several lines: a yente
    response, :mod:`.ftm_document`) or 'csv', from the first characters and line."""
    first = f.read(4096).lstrip("\ufeff \t\r\n")
    f.seek(0)
    if first.startswith("["):
        return "array"
    while (line := f.readline()) and not line.strip(" \t\r\n\ufeff"):
        pass
    f.seek(0)
    if not first.startswith("{"):
        line = line.lstrip("\ufeff")
        header = next(csv.reader([line], delimiter=delimiter(line)), [])
        return "statements_csv" if is_statement_header(header) else "csv"
    if is_document(line):
        return "document"
    try:
        return "statements_json" if is_statement(json.loads(line)) else "lines"
    except (json.JSONDecodeError, RecursionError):
        return "lines"  # said with its line and column when read


def entity(raw: Any) -> Record | None:
    """An FtM entity as the importer reads it: properties as lists of values, and the
    language of each value where the file gives one (statements); None if it is none."""
    if not isinstance(raw, dict):
        return None
    props: dict[str, list[Any]] = {}
    langs: dict[tuple[str, str], str] = {}
    given = raw.get("properties") or {}
    if not isinstance(given, dict):
        return None
    for k, v in given.items():
        props[k] = v if isinstance(v, list) else [v]  # every FtM property is a list
    for st in raw.get("statements") or ():
        if isinstance(st, dict) and st.get("prop") and st.get("prop") != "id":
            value = st.get("value")
            props.setdefault(st["prop"], [])
            if value not in props[st["prop"]]:
                props[st["prop"]].append(value)
            if st.get("lang") and isinstance(value, str):
                langs[(st["prop"], " ".join(value.split()))] = st["lang"]
    caption = raw.get("caption")
    rec = {"id": str(raw.get("id") or ""), "schema": str(raw.get("schema") or ""),
           "properties": props, "langs": langs,
           "caption": caption if isinstance(caption, str) else None}
    if "_under" in raw:  # nested under a property the reverse table does not know
        rec["_under"] = raw["_under"]
    if "datasets" in raw or "first_seen" in raw:
        rec["_note"] = _provenance(raw)
    return rec


def _provenance(raw: dict[str, Any]) -> str:
    """What an OpenSanctions entity says of where it comes from — its datasets, first and
    last seen, last change, the ids it was known by, whether it is a target — in the words
    of a targets.simple.csv row's note (look25: dropped from entities.ftm.json, kept from the
    CSV of the same list)."""
    def texts(key: str) -> list[str]:
        v = raw.get(key)
        return [str(x) for x in (v if isinstance(v, list) else [v]) if x not in (None, "")]

    datasets = [dataset_words(d) for d in texts("datasets")]
    parts = ["OpenSanctions: " + ", ".join(datasets)] if datasets else []
    parts += [f"{k.replace('_', ' ')} {v[0]}" for k in ("first_seen", "last_seen",
                                                         "last_change") if (v := texts(k))]
    if referents := [r for r in texts("referents") if r != raw.get("id")]:
        parts.append("also known by the ids " + ", ".join(referents))
    if raw.get("target") is True:
        parts.append("a target of the list")
    return "; ".join(parts)


def json_entities(path: Path, f: TextIO, wanted: Callable[[str], bool],
                  other: Callable[[str], None] | None = None,
                  warn: Callable[[str], None] | None = None
                  ) -> Iterator[tuple[int, Record | None]]:
    """(line, entity) of the entities whose schema is ``wanted``; ``other`` hears the
    schema of each one that is not, ``warn`` what a reader notes. An entity is None when
    the line is not an FtM entity. Statements files (:mod:`.ftm_statements`) are read here
    too."""
    kind = kind_of_file(f)
    seen: set[str] = set()  # the ids of the nested entities given so far
    if kind != "lines":
        # a stream: a big array is never held whole; a document is a response, small;
        # statements are gathered entity by entity
        raws = (_json_array(path, f) if kind == "array" else
                document_entities(path, f, warn) if kind == "document" else
                statement_entities(csv_statements(path, f) if kind == "statements_csv" else
                                   json_statements(path, f), warn))
        for n, raw in raws:
            yield from _entities(n, raw, wanted, other, seen)
        return
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        sniffed = _SCHEMA.search(line)
        nested = line.count('"properties"') > 1  # entities nested in it: read them all
        if nested:
            sniffed = None
        if sniffed is not None and not wanted(sniffed.group(1)):
            if other:
                other(sniffed.group(1))
            continue
        raw = json_line(path, n, line)
        if nested:
            yield from _entities(n, raw, wanted, other, seen)
            continue
        # the common flat line, read here (a generator of its own per line costs 0.2 s in
        # 100k)
        schema = str(raw.get("schema", "")) if isinstance(raw, dict) else ""
        if sniffed is None and isinstance(raw, dict) and not wanted(schema):
            if other:
                other(schema)
            continue
        yield n, entity(raw)


def _entities(n: int, raw: Any, wanted: Callable[[str], bool],
              other: Callable[[str], None] | None,
              seen: set[str]) -> Iterator[tuple[int, Record | None]]:
    """The entity of line ``n`` and those nested in it, each of a wanted schema; an entity
    a nested line gives again (``seen``: the ids given so far) is given once, and counted
    once."""
    nested = is_nested(raw)
    for one in flatten(raw) if nested else [raw]:
        if nested and isinstance(one, dict) and (key := str(one.get("id") or "")):
            if key in seen:
                continue
            seen.add(key)
        schema = str(one.get("schema", "")) if isinstance(one, dict) else ""
        if not isinstance(one, dict) or wanted(schema):
            rec = entity(one)
            if rec is not None and nested:
                rec["nested"] = True  # it may be given again under another target
            yield n, rec
        elif other:
            other(schema)


# -- targets.simple.csv ---------------------------------------------------------------------
# stands for a line break inside a nested cell while it is split (a private-use character)
_BREAK = "\ue000"


def nested(cell: str | None) -> list[str]:
    """The values of a nested-CSV cell: ``a;"b;c";"d ""e"" f"`` -> a, b;c, d "e" f. A line
    break inside a value stays in it: OpenSanctions' exporter writes the cell with no line
    terminator, so a value holding one is not quoted (look21: an EU reason over three lines
    ended the cell at its first line break — the rest of that sanction and the ended UK
    sanction after it were lost without a word)."""
    if not cell or not cell.strip():
        return []
    text = cell.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _BREAK)
    row = next(csv.reader([text], delimiter=";", quotechar='"', doublequote=True,
                          skipinitialspace=True), [])
    return [v.replace(_BREAK, "\n").strip() for v in row if v.strip()]


# what a sanction of targets.simple.csv says of itself when the cell gives it no words, and
# of a date the cell does not say the kind of
BLANK = ("targets.simple.csv lists a sanction of this party without its programme, "
         "reason, status or dates")
FURTHER = ("Further dates the list gives: {} (targets.simple.csv does not say whether each "
           "is another start or the end)")


def row_sanctions(rec: Record) -> tuple[list[dict[str, str]], list[str]]:
    """The sanctions of a targets.simple.csv row, each in parts, and the row's programme ids
    none of them takes: the ids go to its one sanction, or each makes one of its own when
    the cell names none (or a blank one alone); a blank sanction beside others is one too
    (:data:`BLANK`); of several, which id is whose is not said."""
    out = [dict(p) for p in rec.get("_sanctions") or []]
    ids = list(rec.get("_program_ids") or [])
    if not out:
        if ids:
            return [{"programId": pid} for pid in ids], []
        return ([{"reason": BLANK}] if rec.get("_blank_sanction") else []), []
    if rec.get("_blank_sanction"):
        out.append({"reason": BLANK})
    if len(out) == 1 and ids:
        out[0]["programId"] = "; ".join(ids)
        return out, []
    return out, ids


def sanction_texts(cell: str | None) -> tuple[list[str], bool]:
    """The sanctions of a sanctions cell, and whether one of them is blank: the exporter
    writes a sanction with no programme, reason, status or date as an empty value (look25:
    LLC VOSTOK-TRADE's one sanction, a programme id alone, was dropped without a word)."""
    if not cell or not cell.strip():
        return [], False
    values = nested(cell)
    text = cell.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _BREAK)
    row = next(csv.reader([text], delimiter=";", quotechar='"', doublequote=True,
                          skipinitialspace=True), [])
    return values, any(not v.strip() for v in row)


# a sentence break: two small letters, a full stop and more text (not 'No. 269', 'Co. Ltd')
_SENTENCE = re.compile(r"[a-zà-ÿа-яёіїєґ]{2}[.!?]\s+\S")
# a programme's name is short: a part longer than this is a reason (look25: a French
# designation's 1,345-character reason was taken for its programme and stopped the import)
PROGRAMME_CHARS = 300
_OPEN, _CLOSE = "([{«“", ")]}»”"


def _top_level_parts(text: str) -> list[str]:
    """``text`` split at each ' - ' outside brackets: '(UE Ukraine intégrité territoriale -
    R (UE) 269/2014)' is one part (look25: the programme was cut inside its brackets)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(" - ", i):
            parts.append(text[start:i].strip())
            start = i = i + 3
            continue
        i += 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def reads_as_reason(part: str) -> bool:
    """Whether the first part of a sanction's text is its reason, not a programme: a
    programme's name is short and no sentence ('A developer and manufacturer of unmanned
    systems. It is part of …')."""
    return len(part) > PROGRAMME_CHARS or bool(_SENTENCE.search(part))


def sanction_parts(text: str, today: str = "") -> dict[str, str]:
    """'program - reason - status - start - end' (the empty ones left out by the exporter)
    -> its parts. Read from the end: dates, then a word that is a status; the first part is
    the programme (unless it reads as a reason, :func:`reads_as_reason`) and what lies
    between the reason (a reason may itself hold ' - ').

    One date is the start, unless the status says the sanction ended or was lifted. Of two
    dates the second is the end when the status says it ended or when it lies after
    ``today`` (ISO; a term running on); otherwise the cell cannot say whether it is a second
    start (OpenSanctions lists each amendment's) or the end, and it is given as ``further``
    (look25: LLC CST's Swiss listing, started 2023-12-21 and amended 2025-04-23, was stored
    as ended)."""
    parts = _top_level_parts(text)
    dates: list[str] = []
    while parts and ISO_PREFIX.fullmatch(parts[-1]) and len(dates) < 4:
        dates.insert(0, parts.pop())
    status = parts.pop() if parts and status_of(parts[-1]) is not None else ""
    program = parts[0] if parts and not reads_as_reason(parts[0]) else ""
    reason = " - ".join(parts[1:] if program else parts)
    out = {"program": program, "reason": reason, "status": status, "startDate": "",
           "endDate": "", "further": ""}
    ended = bool(status) and status_of(status) in ("ended", "lifted")
    if len(dates) == 1:  # when it took effect, unless the status says it ended then
        out["endDate" if ended else "startDate"] = dates[0]
    elif dates:
        out["startDate"] = dates[0]
        if ended or (today and dates[-1][:10] > today):
            out["endDate"] = dates[-1]
            out["further"] = "; ".join(dates[1:-1])
        else:
            out["further"] = "; ".join(dates[1:])
    return out


def simple_rows(path: Path, f: TextIO, today: date | None = None
                ) -> Iterator[tuple[int, Record]]:
    """(line, entity) of each row of an OpenSanctions targets.simple.csv (``today``: the
    day a sanction's end is compared with)."""
    header, rows = csv_dicts(path, f)
    if not {"schema", "name"} <= set(header):
        raise ImportFileError(f"{path.name}: neither FollowTheMoney JSON nor an OpenSanctions "
                              "targets.simple.csv (columns id, schema, name, …)")
    older = "program_ids" not in header
    day = (today or date.today()).isoformat()
    for line, row in rows:
        idents, pids = nested(row.get("identifiers")), nested(row.get("program_ids"))
        if older:  # (look25) the 15-column layout gives the party's programme ids among its
            # identifiers ('EU-UKR', 'UA-SA1644'), where they identify nothing
            pids = [v for v in idents if PROGRAM_ID.fullmatch(v)]
            idents = [v for v in idents if v not in pids]
        props: dict[str, list[Any]] = {
            "name": [row.get("name") or ""], "alias": nested(row.get("aliases")),
            "country": nested(row.get("countries")), "address": nested(row.get("addresses")),
            "birthDate": nested(row.get("birth_date")),
            "registrationNumber": idents,  # schemes not said
            "phone": nested(row.get("phones")), "email": nested(row.get("emails"))}
        lost = [v for k in ("alias", "address") for v in props[k] if QUESTION_MARKS in v]
        for k in ("alias", "address"):  # (look16) not kept as a name or an address
            props[k] = [v for v in props[k] if QUESTION_MARKS not in v]
        name = props["name"][0]
        if QUESTION_MARKS in name:
            lost.append(name)  # kept where letters of it are left; said
            if not any(c.isalnum() for c in name):  # nothing of it left (look17: a party
                # named '??'): its first readable alias names it, else the row is left out
                props["name"] = props["alias"][:1]
                props["alias"] = props["alias"][1:]
        sanctions, blank = sanction_texts(row.get("sanctions"))
        datasets = nested(row.get("dataset"))
        seen = [f"{k.replace('_', ' ')} {row[k]}" for k in ("first_seen", "last_seen")
                if row.get(k)]
        yield line, {
            "id": row.get("id") or "", "schema": row.get("schema") or "",
            "properties": props, "langs": {},
            "_sanctions": [sanction_parts(s, day) for s in sanctions],
            "_blank_sanction": blank,
            "_program_ids": pids, "_datasets": datasets,
            "_last_change": row.get("last_change") or "",
            "_first_seen": row.get("first_seen") or "",
            "_lost": lost,
            "_note": "; ".join(["OpenSanctions: " + ", ".join(datasets)] if datasets else []
                               + seen)}


_SPACE = re.compile(r"[ \t\r\n\ufeff]*")


def _json_array(path: Path, f: TextIO) -> Iterator[tuple[int, Any]]:
    """(line, element) of a JSON array, each decoded as soon as the file has been read up to
    its end: a big array is never held whole, only the element being read."""
    decoder = json.JSONDecoder()
    buf, pos, line, eof = "", 0, 1, False

    def more(at_least: int = 1 << 16) -> bool:
        nonlocal buf, pos, eof
        chunk = "" if eof else f.read(at_least)
        if not chunk:
            eof = True
            return False
        buf, pos = buf[pos:] + chunk, 0
        return True

    def skip_space() -> str:
        """The next character that is not white space ('' at the end of the file)."""
        nonlocal pos, line
        while True:
            end = cast(re.Match[str], _SPACE.match(buf, pos)).end()
            line += buf.count("\n", pos, end)
            pos = end
            if pos < len(buf):
                return buf[pos]
            if not more():
                return ""

    def bad(what: str, at: int) -> ImportFileError:
        return ImportFileError(f"{path.name}, line {at}: not valid JSON ({what})")

    if skip_space() != "[":
        raise bad("expected '['", line)
    pos += 1
    first = True
    while True:
        c = skip_space()
        if c == "]":
            pos += 1
            break
        if not first:
            if c != ",":
                raise bad("expected ',' or ']'" if c else "the array is not closed", line)
            pos += 1
            c = skip_space()
        if not c:
            raise bad("the array is not closed", line)
        first = False
        while True:
            try:
                value, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                cut = exc.pos >= len(buf) - 6 or exc.msg.startswith("Unterminated string")
                if cut and more(max(1 << 16, len(buf) - pos)):  # perhaps cut off: read on
                    continue
                raise bad(exc.msg, line + buf.count("\n", pos, exc.pos)) from None
            except RecursionError:
                raise ImportFileError(f"{path.name}, line {line}: {TOO_DEEP}") from None
            if end == len(buf) and more():  # a number may go on in the next piece
                continue
            break
        yield line, value
        line += buf.count("\n", pos, end)
        pos = end
    if skip_space():
        raise bad("more text after the array", line)
