"""Import FollowTheMoney entities (as Aleph and OpenSanctions export them, JSON lines or an
array, properties or statements) or OpenSanctions' ``targets.simple.csv``: parties with
every name, country, identifier and detail; sanctions with their terms; relationships;
shipments (EconomicActivity); events; sources (Document, Article) and the citations FtM
expresses (Documentation links, the ``proof`` of intervals). One undoable operation, all or
nothing.

Parties already in the case are reused (the FtM id an earlier import gave them, normalised name,
alias or identifier) and given what the file adds (:mod:`.party_additions`); near matches
are proposed, not merged. Facts already in the case are not added again (see
:mod:`.ftm_known`), so the case's own export imported back adds nothing. Entities of
schemata Casefile does not hold (Payment, Address, CryptoWallet …) are counted by schema in
the report, and every property nothing reads is counted as left out.

A JSON-lines file is read in three passes, each parsing only the lines it needs: parties and
sources, then what refers to them (sanctions, relationships, shipments, events), then the
Documentation links (which may refer to events) — so memory holds the map of the file's ids,
never the file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from casefile.core.identifiers import labelled
from casefile.core.identifiers import problem as identifier_problem
from casefile.core.labels import counted
from casefile.core.names import normalise_name
from casefile.errors import ImportFailed, ImportFileError, NeedsReview
from casefile.services.case.journal import Tx
from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports.ftm_fragments import (
    HeldLines,
    later_line,
    repeated_ids,
)
from casefile.services.exchange.imports.ftm_known import IMPORTED_TITLE, CaseFacts, imported_ids
from casefile.services.exchange.imports.ftm_positions import SCHEMATA as POSTS
from casefile.services.exchange.imports.ftm_positions import Posts, names_occupancies
from casefile.services.exchange.imports.ftm_read import (
    Record,
    json_entities,
    kind_of_file,
    simple_rows,
)
from casefile.services.exchange.imports.ftm_records import FtmRecords
from casefile.services.exchange.imports.ftm_report import FtmReport
from casefile.services.exchange.imports.known import KnownParties
from casefile.services.exchange.imports.party_additions import PartyAdditions
from casefile.services.exchange.imports.party_writer import PartyWriter
from casefile.services.exchange.imports.provenance import (
    check_not_imported,
    file_source,
    note_left_out,
)
from casefile.services.exchange.imports.reader import detect_encoding
from casefile.services.exchange.imports.report import PREVIEW_ROWS

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case

LINKS = ("Sanction", "EconomicActivity", "Event", *fm.mapping().links)
CITES = ("Documentation",)
_SCHEMA_NAMES = {s: s for s in fm.mapping().parties}


def import_ftm(case: Case, path: str | Path, dry_run: bool = False,
               accept: dict[str, int] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               keep_apart: Iterable[str] = (), review: bool = False,
               again: bool = False) -> Change:
    """Import a file of FtM entities (one undoable operation; nothing is kept when any
    record has a problem). Rows are written in batches, not one journaled edit each."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    with path.open("rb") as f:
        head = f.read(65536)
    if not head.strip():
        raise ImportFileError(f"{path.name} is empty")
    encoding = detect_encoding(head)
    encoding = "utf-8-sig" if encoding == "utf-8" else encoding
    report = FtmReport(path.name, {}, dry_run=dry_run)

    def work(tx: Tx) -> FtmReport:
        conn = tx.conn
        digest = None if again else check_not_imported(conn, path)
        src = file_source(conn, path, "database", f"{IMPORTED_TITLE}{path.name}",
                          "Imported FollowTheMoney records.", digest)
        writer = PartyWriter(conn, src, report.problem, cut=report.leave_out)
        known = KnownParties(conn)
        more = PartyAdditions(tx, writer, known, report.leave_out, report.problem,
                              report.warn)
        for gone in known.missing(accept or {}):
            report.problem(gone)
        run = _Import(path, encoding, report, writer, known, CaseFacts(conn), more,
                      accept or {}, keep_apart, progress)
        run.all_passes()
        more.flush()
        if report.problems:
            raise ImportFailed(report)
        report.added, report.added_to = more.added, len(more.parties)
        report.nothing_new = run.created_nothing() and not more.parties
        if dry_run:
            return report
        if review and report.proposals:
            raise NeedsReview(report)  # rolls the whole import back
        if report.nothing_new:  # not even the file is kept: it adds nothing
            conn.exec_driver_sql("DELETE FROM attachment WHERE source_id = ?", (src,))
            conn.exec_driver_sql("DELETE FROM source WHERE id = ?", (src,))
            return report
        skipped = report.skipped_line()
        note_left_out(conn, src, ([skipped[0].upper() + skipped[1:]] if skipped else [])
                      + report.left_out_lines())
        run.w.finish(tx)
        return report

    return case.operation(f"Import {path.name}", work, dry_run=dry_run)


class _PartyValues(NamedTuple):
    """What a file says of a party: its name, kind, first country and description (``base``,
    as the party writer takes them), further entity values, entity column -> the file's
    field, its other names (property, name, kind, language), and the post lines it held
    (Occupancy and Position, already in its Position value)."""
    base: dict[str, Any]
    details: dict[str, Any]
    fields: dict[str, str]
    aliases: list[tuple[str, str, str, str]]
    held: list[str]


class _Import(FtmRecords):
    """One run of an import: the passes over the file and the parties (the other records
    are :class:`FtmRecords`')."""

    def __init__(self, path: Path, encoding: str, report: FtmReport, w: PartyWriter,
                 known: KnownParties, facts: CaseFacts, more: PartyAdditions,
                 accept: dict[str, int],
                 keep_apart: Iterable[str],
                 progress: Callable[[int, int, str], None] | None) -> None:
        self.path, self.encoding, self.report, self.w = path, encoding, report, w
        self.known, self.facts, self.more = known, facts, more
        self.flat = True  # a file of FtM entities (not targets.simple.csv's rows)
        self.held: HeldLines | None = None  # the lines of ids given more than once
        self.spans: dict[int, str] = {}
        self.schemata: dict[str, str] = {}  # FtM id -> the schema of the party it made
        # the parties earlier imports made of the file's ids, and the party of the case
        # each entity of this file was found to be (another is not taken for it unasked)
        self.imported = imported_ids(w.conn, set(fm.mapping().parties))
        self.claimed: dict[int, str] = {}
        self.accept = {normalise_name(k): v for k, v in accept.items()}
        self.apart = {normalise_name(k) for k in keep_apart}
        self.progress = progress
        self.size = max(path.stat().st_size, 1)
        self.today = date.today()
        self.parties: dict[str, int] = {}  # FtM id -> entity id
        self.sources: dict[str, int] = {}  # FtM id -> source id
        self.events: dict[str, int] = {}  # FtM id -> event id
        self.before = {k: w.next[k] for k in w.next}
        self.conn = w.conn
        self._own: dict[str, dict[str, int]] | None = None
        self.posts = Posts(report.leave_out)  # the posts of the file's holders (PEPs)
        self.shift = 0  # 1 when the posts were gathered by a pass of their own

    def created_nothing(self) -> bool:
        return all(self.w.next[k] == self.before[k] for k in self.w.next)

    # -- passes ----------------------------------------------------------------------------
    def all_passes(self) -> None:
        with self.path.open(encoding=self.encoding, newline="") as f:
            is_csv = kind_of_file(f) == "csv"
        if is_csv:
            self.flat = False  # a row of the same id again is counted, not joined
            self._pass(0, lambda f: simple_rows(self.path, f), self.simple_row)
            return
        repeated = repeated_ids(self.path, self.encoding)  # (ftm_fragments)
        if repeated:
            self.held = HeldLines(self.conn, repeated)
        known = set(fm.mapping().parties) | set(fm.mapping().sources) | set(LINKS) | set(CITES)
        if names_occupancies(self.path, self.encoding):  # a PEP's posts: read first
            with self.path.open(encoding=self.encoding, newline="") as f:
                self.shift = 1
                try:
                    self.posts.read(f, self.path, lambda: self._tell(f, -1))
                except UnicodeDecodeError as exc:
                    raise self._unreadable(exc) from None
            known |= set(POSTS)
        later: set[str] = set()  # the schemata of the later passes the file holds

        def other(schema: str) -> None:
            self.report.rows += 1
            if schema not in known:
                self.report.skip(schema)
            else:
                later.add(schema)

        first = set(fm.mapping().parties) | set(fm.mapping().sources)
        self._pass(0, lambda f: json_entities(self.path, f, first.__contains__, other,
                                              self.report.warn), self.first)
        self._release(0, self.first)
        self.posts.not_taken(self._position_of)
        for n, wanted, handle in ((1, set(LINKS), self.second), (2, set(CITES), self.third)):
            if later & wanted:  # a pass that would find nothing does not read the file
                self._pass(n, partial(json_entities, self.path, wanted=wanted.__contains__),
                           handle)
                self._release(n, handle)

    def _release(self, n: int, handle: Callable[[int, Record], None]) -> None:
        """Read the lines of each id given more than once, held by pass ``n``, as one."""
        done = 0

        def read(line: int, rec: Record) -> None:
            nonlocal done
            handle(line, rec)
            self.w.flush_if_full()
            done += 1
            if self.progress and done % 1000 == 0:  # may raise to cancel
                self.progress((n + 1 + self.shift) * self.size, (3 + self.shift) * self.size,
                              f"{done:,} entities given over several lines joined")

        if self.held is not None:
            self.held.release(read, self.spans)
            self.report.fragments = self.held.joined

    def _pass(self, n: int, read: Callable[[Any], Iterable[tuple[int, Record | None]]],
              handle: Callable[[int, Record], None]) -> None:
        with self.path.open(encoding=self.encoding, newline="") as f:
            try:
                for i, (line, rec) in enumerate(read(f), 1):
                    if n == 0:
                        self.report.rows += 1
                    if rec is None:
                        if n == 0:  # said once, by the first pass (later ones may not run)
                            self.report.problem(f"{self.path.name}, line {line}: not a "
                                                "FollowTheMoney entity (an object with schema "
                                                "and properties)")
                    else:
                        handle(line, rec)
                    self.w.flush_if_full()
                    if i % 1000 == 0:
                        self._tell(f, n)
            except UnicodeDecodeError as exc:
                raise self._unreadable(exc) from None

    def _unreadable(self, exc: UnicodeDecodeError) -> ImportFileError:
        return ImportFileError(f"{self.path.name}: not readable as {self.encoding} "
                               f"({exc.reason})")

    def _position_of(self, ftm_id: str) -> str | None:
        """The Position field of the case's party the file's ``ftm_id`` became (None when
        the file gave no such party)."""
        eid = self.parties.get(ftm_id)
        if eid is None:
            return None
        return self.conn.exec_driver_sql("SELECT position FROM entity WHERE id = ?",
                                         (eid,)).scalar() or ""

    def _tell(self, f: Any, n: int) -> None:
        """Say how far the passes are (pass ``n``; -1 gathers the posts); may raise to
        cancel."""
        if self.progress:
            done = f.buffer.tell() + (n + self.shift) * self.size
            self.progress(done, (3 + self.shift) * self.size, f"{self.report.rows:,} records")

    def first(self, line: int, rec: Record) -> None:
        if self.held is not None and self.held.hold(line, rec):
            return
        if rec["schema"] in fm.mapping().sources:
            self.source(line, rec)
        else:
            self.party(line, rec)

    def party(self, line: int, rec: Record, detect: bool = False) -> int | None:
        schema, props, report = rec["schema"], rec["properties"], self.report
        where = self.where(line)
        if rec["id"] and rec["id"] in self.parties:  # the same entity again, not joined
            return later_line(report, self.parties, self.schemata, self.flat, rec)
        name = fm.caption(schema, props, rec.get("caption"))
        if not name:
            report.problem(f"{where('name')}: a {schema} without a name")
            return None
        key = normalise_name(name)
        idents = fm.identifiers(props, detect)
        by_id = self.known.by_identifier([(s, v) for _p, s, v in idents])
        eid, doubt = self._resolve(rec, key, idents, by_id)
        added: list[str] = []
        if eid is not None:
            report.reused_entities[name] = eid
            self.claimed.setdefault(eid, rec["id"])
            if self.more.existed(eid):
                added = self._add_to(eid, line, rec, name, idents)
        else:
            eid = self._new_party(line, rec, name, key, idents, by_id, doubt)
            if eid is None:
                return None
        self.parties[rec["id"]] = eid
        self.schemata[rec["id"]] = _SCHEMA_NAMES.get(schema) or schema  # one string each
        if len(report.preview) < PREVIEW_ROWS:
            asked = next((f"#{e} {self.known.names.get(e, '')}" for n, e, *_r
                          in report.proposals if n == name), None)
            what = ("new" if asked is None else f"new, unless it is {asked}: see the "
                    "matches to tick") if eid not in self.known.names else \
                f"= existing #{eid} {self.known.names[eid]}" + \
                (f"; adds {', '.join(added)}" if added else "")
            extra = [counted(len(idents), "identifier")] if idents and not added else []
            report.preview.append(" · ".join([f"{self.at(line)}: {schema} {name} ({what})"]
                                             + extra))
        return eid

    def _resolve(self, rec: Record, key: str, idents: list[tuple[str, str, str]],
                 by_id: int | None) -> tuple[int | None, tuple[int, str] | None]:
        """The party of the case a file's party is (None: a new one), and, when a party of
        the case may be it but something says otherwise, that party and why. The case's own
        export's id, a match the user confirmed, the id an earlier import of the list gave
        it (of a party of its kind that has one of its names), then its name, then an
        identifier under the same name. A party another entity of this file already is,
        or whose birth date or identifier of a scheme that names one party says otherwise,
        is asked about, never taken."""
        props, pairs = rec["properties"], [(s, v) for _p, s, v in idents]
        eid = self.own("entity", rec["id"]) or self.accept.get(key)
        if eid is not None:
            return eid, None
        for same in (self._imported(rec, key), self.known.existing.get(key)):
            if same is None:
                continue
            doubt = self.known.conflict(same, fm.days(fm.strings(props, "birthDate")), pairs)
            person = fm.mapping().parties.get(rec["schema"]) == "person"
            if doubt is None and person != (same in self.known.people):
                doubt = f"{'not ' if person else ''}a person, the file's {rec['schema']}"
            if doubt is None and self.claimed.get(same, rec["id"]) != rec["id"]:
                doubt = f"the file's {self.claimed[same]} is that party already"
            return (same, None) if doubt is None else (None, (same, doubt))
        if by_id is not None and self.known.named(by_id, key) and \
                self.claimed.get(by_id, rec["id"]) == rec["id"]:
            return by_id, None
        return None, None

    def _imported(self, rec: Record, key: str) -> int | None:
        """The party an earlier import made of this FtM id, when it is of the same kind and
        has the file's caption or one of its names among its own (ids are unique in a list,
        not across every file: a hand-made file's "1" is not another file's "1")."""
        found = self.imported.get(rec["id"])
        if found is None:
            return None
        eid, schema = found
        kinds = fm.mapping().parties
        if kinds.get(schema) != kinds.get(rec["schema"]) or eid not in self.known.names:
            return None
        names = ("name", *fm.mapping().alias_kinds)
        if self.known.named(eid, key) or any(
                self.known.named(eid, normalise_name(n)) for prop in names
                for n in fm.strings(rec["properties"], prop)):
            return eid
        return None

    def _new_party(self, line: int, rec: Record, name: str, key: str,
                   idents: list[tuple[str, str, str]], by_id: int | None,
                   doubt: tuple[int, str] | None = None) -> int | None:
        report, where = self.report, self.where(line)
        if doubt is not None and key not in self.apart:  # same name, other facts: asked
            other, reason = doubt
            report.proposals.append((name, other, f"{self.known.names[other]}, same name "
                                                  f"but {reason}", 100.0))
        elif by_id is not None and key not in self.apart and by_id in self.known.names:
            same = next(labelled(s, v) for _p, s, v in idents
                        if self.known.by_identifier([(s, v)]) == by_id)
            report.proposals.append((name, by_id, f"{self.known.names[by_id]}, same {same}",
                                     100.0))
        elif key not in self.apart and (near := self.known.near(key)):
            report.proposals.append((name, *near))
        for p, s, v in idents:
            if why := identifier_problem(s, v):
                report.warn(f"{where(p)}: {why}; kept, not used to match parties")
        pv = self._party_values(rec, name)
        report.posts += len(pv.held)
        report.post_holders += bool(pv.held)
        eid = self.w.party(where, **pv.base, aliases=pv.aliases, identifiers=idents,
                           details=pv.details, field=pv.fields)
        if eid is None:
            return None
        self._unread(rec, [name, *(a[1] for a in pv.aliases)])
        self._cite_party(line, rec, eid)
        report.new_entities.append(name)
        return eid

    def _party_values(self, rec: Record, name: str) -> _PartyValues:
        """What the file says of a party named ``name``, as a new party or an addition
        takes it (:class:`_PartyValues`)."""
        props = rec["properties"]
        country, details, fields = fm.party_details(rec["schema"], props,
                                                    self.report.leave_out)
        held = self.posts.lines(rec["id"]) if rec["id"] in self.posts.held else []
        if held:
            details["position"] = self.posts.position(held, details.get("position", ""))
        base = {"kind": fm.mapping().parties[rec["schema"]], "name": name, "country": country,
                "description": fm.joined(props, "description", "notes")}
        return _PartyValues(base, details, {"name": "name", "description": "notes", **fields},
                            fm.aliases(props, name, rec["langs"]), held)

    def _unread(self, rec: Record, names: list[str]) -> None:
        """Count what of a party's record the importer did not read (``names``: its names
        kept, whose parts need no counting)."""
        self._left_out(rec["schema"], rec["properties"], fm.PARTY_PROPS)
        fm.name_parts_left_out(rec["schema"], rec["properties"], names, self.report.leave_out)

    def _cite_party(self, line: int, rec: Record, eid: int, existing: bool = False) -> None:
        note = rec.get("_note") or " ".join(fm.strings(rec["properties"], "sourceUrl"))
        self.w.cite(self.where(line), "entity", eid, self.at(line),
                    " · ".join(x for x in (f"{rec['schema']} {rec['id']}".strip(), note)
                               if x), existing=existing)

    def _add_to(self, eid: int, line: int, rec: Record, name: str,
                idents: list[tuple[str, str, str]]) -> list[str]:
        """Add what the file's party says to party ``eid``, which the case held before the
        import (:mod:`.party_additions`), citing the file for it; what was added."""
        schema, report, where = rec["schema"], self.report, self.where(line)
        v = self._party_values(rec, name)
        row = self.w.check("entity", {**v.base, **v.details}, where, v.fields)
        added = self.more.add(eid, where, schema, names=[("name", name), *v.aliases],
                              identifiers=idents, details=row)
        self._unread(rec, [name, *(a[1] for a in v.aliases)])
        if added:
            self._cite_party(line, rec, eid, existing=True)
        if v.held and "positions" in added:
            report.posts += len(v.held)
            report.post_holders += 1
        return added

    def simple_row(self, line: int, rec: Record) -> None:
        """A row of targets.simple.csv: the party, then its sanctions (the sanctions cell
        in parts; program_ids go to its one sanction, or each makes one when it has none)."""
        if rec["schema"] not in fm.mapping().parties:
            self.report.skip(rec["schema"])
            return
        eid = self.party(line, rec, detect=True)
        if eid is None:
            return
        sanctions, ids = rec["_sanctions"], rec["_program_ids"]
        if not sanctions:
            sanctions = [{"programId": pid} for pid in ids]
        elif len(sanctions) == 1:
            sanctions[0]["programId"] = "; ".join(ids)
        elif ids:
            self.report.leave_out(f"program_ids {'; '.join(ids)!r} of a row with several "
                                  "sanctions: which sanction each belongs to is not said")
        for parts in sanctions:  # the authority is not in the file (its dataset is cited)
            self.sanction(line, {k: [v] for k, v in parts.items() if v}, rec, eid)

