"""Import parties and sanctions from FollowTheMoney JSON lines (as Aleph and OpenSanctions
export them) or from OpenSanctions' ``targets.simple.csv``. Parties already in the case are
reused (normalised name, alias or identifier); near matches are proposed, not merged. The
file is stored as a source and every created record cites it. One undoable operation."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from casefile.core.countries import CountryError, country_code
from casefile.core.identifiers import problem as identifier_problem
from casefile.core.identifiers import schemes
from casefile.core.names import normalise_name
from casefile.errors import ImportFailed, ImportFileError, NeedsReview
from casefile.services.case.journal import Tx
from casefile.services.exchange.imports.known import KnownParties
from casefile.services.exchange.imports.party_writer import PartyWriter
from casefile.services.exchange.imports.provenance import check_not_imported, file_source
from casefile.services.exchange.imports.reader import detect_encoding
from casefile.services.exchange.imports.report import PREVIEW_ROWS, ImportReport

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case

KINDS = {"Company": "company", "Person": "person", "Organization": "organisation",
         "PublicBody": "public_body", "Vessel": "vessel", "Airplane": "aircraft",
         "LegalEntity": "other"}
ALIAS_PROPS = ("alias", "weakAlias", "previousName")
# FollowTheMoney property -> identifier scheme (from resources/identifiers/schemes.json)
IDENT_PROPS = {prop: s.key for s in schemes().values() for prop in s.ftm}


def split(value: str | None) -> list[str]:
    """'a;b; c' -> ['a', 'b', 'c'] (targets.simple.csv lists)."""
    return [x.strip() for x in (value or "").split(";") if x.strip()]


def _records(path: Path, f: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, FtM-like entity) from JSON lines, a JSON array, or targets.simple.csv; all
    read as a stream."""
    first = f.read(4096)
    stripped = first.lstrip("\ufeff \t\r\n")
    f.seek(0)
    if stripped.startswith("["):
        yield from _json_array(path, f)
        return
    if stripped.startswith("{"):
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ImportFileError(f"{path.name}, line {n}, column {exc.colno}: not valid "
                                      f"JSON ({exc.msg})") from None
            except RecursionError:
                raise ImportFileError(f"{path.name}, line {n}: {_TOO_DEEP}") from None
        return
    reader = csv.DictReader(f)
    if not reader.fieldnames or not {"schema", "name"} <= set(reader.fieldnames):
        raise ImportFileError(f"{path.name}: neither FollowTheMoney JSON nor an OpenSanctions "
                              "targets.simple.csv (columns id, schema, name, …)")
    for row in reader:
        props = {"name": [row["name"]], "alias": split(row.get("aliases")),
                 "country": split(row.get("countries")),
                 "registrationNumber": split(row.get("identifiers"))}
        yield reader.line_num, {"id": row.get("id"), "schema": row["schema"],
                                "properties": props, "_sanctions": split(row.get("sanctions"))}


_TOO_DEEP = "not readable: its JSON is nested too deeply"
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
                raise ImportFileError(f"{path.name}, line {line}: {_TOO_DEEP}") from None
            if end == len(buf) and more():  # a number may go on in the next piece
                continue
            break
        yield line, value
        line += buf.count("\n", pos, end)
        pos = end
    if skip_space():
        raise bad("more text after the array", line)


COUNTRY_PROPS = ("country", "jurisdiction", "nationality")


def _country(props: dict[str, list[Any]], report: ImportReport) -> tuple[str, str | None]:
    """(property, code) of a party's country: the first value Casefile knows as a country.
    The values it does not keep are counted in the report: codes that are not ISO 3166
    (OpenSanctions writes e.g. 'xk', 'suhh'; a subdivision such as 'ge-ab' is read as its
    country) and further countries (a party holds one)."""
    given = [(p, c.strip()) for p in COUNTRY_PROPS for c in props.get(p, [])
             if isinstance(c, str) and c.strip()]
    kept: tuple[str, str | None] = ("country", None)
    for p, c in given:
        try:
            code = country_code(c)
        except CountryError:
            report.leave_out(f"{p} {c!r}: not an ISO 3166 country")
            continue
        if kept[1] is None:
            kept = (p, code)
        elif code != kept[1]:
            report.leave_out(f"{p} {c!r}: a further country (a party keeps its first)")
    return kept


def _joined(props: dict[str, Any], prop: str) -> str:
    """The values of a property as one text ('a; b')."""
    values = props.get(prop) or []
    return "; ".join(str(v) for v in (values if isinstance(values, list) else [values])
                     if v not in (None, ""))


def import_ftm(case: Case, path: str | Path, dry_run: bool = False,
               accept: dict[str, int] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               keep_apart: Iterable[str] = (), review: bool = False,
               again: bool = False) -> Change:
    """Import parties and sanctions (one undoable operation; nothing is kept when any record
    has a problem). Rows are written in batches, not one journaled edit each."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    with path.open("rb") as f:
        head = f.read(65536)
    if not head.strip():
        raise ImportFileError(f"{path.name} is empty")
    size = path.stat().st_size
    encoding = detect_encoding(head)
    encoding = "utf-8-sig" if encoding == "utf-8" else encoding
    report = ImportReport(path.name, {}, dry_run=dry_run)
    accept_n = {normalise_name(k): v for k, v in (accept or {}).items()}
    apart = {normalise_name(k) for k in keep_apart}

    def work(tx: Tx) -> ImportReport:
        conn = tx.conn
        digest = None if again else check_not_imported(conn, path)
        known = KnownParties(conn)
        src = file_source(conn, path, "database", f"Imported FollowTheMoney data: {path.name}",
                          "Imported entity and sanction records.", digest)
        w = PartyWriter(conn, src, report.problem)
        by_ftm: dict[str, int] = {}
        sanctions: list[tuple[int, dict[str, Any]]] = []
        with path.open(encoding=encoding, newline="") as f:
            try:
                for line, rec in _records(path, f):
                    report.rows += 1
                    _entity(path, line, rec, known, (accept_n, apart), w, by_ftm, sanctions,
                            report)
                    w.flush_if_full()
                    if progress and report.rows % 1000 == 0:  # may raise to cancel
                        done = f.buffer.tell()  # type: ignore[attr-defined]  # BufferedReader
                        progress(done, size, f"{report.rows:,} records")
            except UnicodeDecodeError as exc:
                raise ImportFileError(f"{path.name}: not readable as {encoding} ({exc.reason})"
                                      ) from None
        for line, rec in sanctions:
            _sanction(path, line, rec, by_ftm, w, report)
        if report.problems:
            raise ImportFailed(report)
        if dry_run:
            return report
        if review and report.proposals:
            raise NeedsReview(report)  # rolls the whole import back
        w.flush()
        w.finish(tx)
        return report

    return case.operation(f"Import {path.name}", work, dry_run=dry_run)


def _entity(path: Path, line: int, rec: dict[str, Any], known: KnownParties,
            choices: tuple[dict[str, int], set[str]],
            w: PartyWriter, by_ftm: dict[str, int],
            sanctions: list[tuple[int, dict[str, Any]]], report: ImportReport) -> None:
    if not isinstance(rec, dict) or not isinstance(rec.get("properties", {}), dict | None):
        report.problem(f"{path.name}, line {line}: not a FollowTheMoney entity (an object "
                         "with schema and properties)")
        return
    schema = str(rec.get("schema", ""))
    props = {k: v if isinstance(v, list) else [v]  # every FtM property is a list of values
             for k, v in (rec.get("properties") or {}).items()}
    if schema == "Sanction":
        sanctions.append((line, {"properties": props}))
        return
    if schema not in KINDS:
        return
    all_names = [n for n in props.get("name", []) if isinstance(n, str) and n.strip()]
    if not all_names:
        report.problem(f"{path.name}, line {line}, field 'name': a {schema} without a name")
        return
    name, key = all_names[0].strip(), normalise_name(all_names[0])
    idents = [(p, IDENT_PROPS[p], v.strip()) for p in IDENT_PROPS
              for v in props.get(p, []) if isinstance(v, str) and v.strip()]
    accept, apart = choices
    by_id = known.by_identifier([(scheme_, v) for _p, scheme_, v in idents])
    eid = accept.get(key) or known.by_name.get(key) or (
        by_id if by_id is not None and known.named(by_id, key) else None)
    if eid is not None:
        report.reused_entities[name] = eid
    else:
        if by_id is not None and key not in apart and by_id in known.names:
            same = next(f"{s} {v}" for _p, s, v in idents
                        if known.by_identifier([(s, v)]) == by_id)
            report.proposals.append((name, by_id, f"{known.names[by_id]}, same {same}", 100.0))
        elif (near := known.near(key) if key not in apart else None):
            report.proposals.append((name, *near))
        for p, s, v in idents:
            if why := identifier_problem(s, v):
                report.warn(f"{path.name}, line {line}, field {p!r}: {why}; kept, not used to "
                            "match parties")
        country_prop, country = _country(props, report)
        aliases: dict[str, str] = {}  # alias -> the property it first came from
        for p in ("name",) + ALIAS_PROPS:
            for a in props.get(p, []):
                if isinstance(a, str) and a.strip() and a.strip() != name:
                    aliases.setdefault(a.strip(), p)

        def where(field: str) -> str:
            return f"{path.name}, line {line}, field {field!r}"

        eid = w.party(where, kind=KINDS[schema], name=name, country=country,
                      description=_joined(props, "notes")[:2000],
                      aliases=[(p, a) for a, p in sorted(aliases.items())], identifiers=idents,
                      field={"name": "name", "country": country_prop,
                             "description": "notes"})
        if eid is None:
            return
        for _p, scheme_, value in idents:
            known.add_identifier(eid, scheme_, value)
        w.cite(where, "entity", eid, f"line {line}", f"{schema} {rec.get('id', '')}".strip())
        known.by_name[key] = eid
        report.new_entities.append(name)
    by_ftm[str(rec.get("id"))] = eid
    if len(report.preview) < PREVIEW_ROWS:
        what = "new" if eid not in known.names else f"= existing #{eid} {known.names[eid]}"
        extra = [f"{len(idents)} identifier(s)"] if idents else []
        report.preview.append(" · ".join([f"line {line}: {schema} {name} ({what})"] + extra))
    for prog in rec.get("_sanctions", []):
        sanctions.append((line, {"schema": "Sanction", "properties": {
            "entity": [rec.get("id")], "program": [prog]}}))


def _sanction(path: Path, line: int, rec: dict[str, Any], by_ftm: dict[str, int], w: PartyWriter,
              report: ImportReport) -> None:
    props = rec.get("properties", {}) or {}
    target = next((by_ftm[str(e)] for e in props.get("entity", []) if str(e) in by_ftm), None)
    if target is None:
        report.problem(f"{path.name}, line {line}, field 'entity': the sanctioned entity is "
                         "not in the file")
        return
    date_prop = next((p for p in ("listingDate", "startDate", "date") if props.get(p)),
                     "listingDate")
    date = (props.get(date_prop) or [""])[0]

    def where(field: str) -> str:
        return f"{path.name}, line {line}, field {field!r}"

    sid = w.sanction(where, target, {
        "authority": _joined(props, "authority"), "programme": _joined(props, "program"),
        "reason": _joined(props, "reason")[:2000], "date": str(date)[:10]},
        field={"programme": "program", "date": date_prop})
    if sid is None:
        return
    w.cite(where, "sanction", sid, f"line {line}", "")
    report.sanctions += 1
