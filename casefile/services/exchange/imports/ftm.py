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
from typing import TYPE_CHECKING, Any

from casefile.core.names import normalise_name
from casefile.errors import ImportFailed, ImportFileError, NeedsReview
from casefile.services.case.journal import Tx
from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports.byte_scan import words_in
from casefile.services.exchange.imports.encodings import (
    chosen_encoding,
    guess_encoding,
    names_as_read,
    unreadable,
    utf8_evident,
)
from casefile.services.exchange.imports.ftm_attached import NEEDLES as ATTACHED_NEEDLES
from casefile.services.exchange.imports.ftm_attached import SCHEMATA as ATTACHED
from casefile.services.exchange.imports.ftm_attached import Attached
from casefile.services.exchange.imports.ftm_fragments import (
    HeldLines,
    repeated_ids,
)
from casefile.services.exchange.imports.ftm_known import (
    IMPORTED_TITLE,
    CaseFacts,
    imported_ids,
    not_given_again,
)
from casefile.services.exchange.imports.ftm_positions import NEEDLE as POST_NEEDLE
from casefile.services.exchange.imports.ftm_positions import SCHEMATA as POSTS
from casefile.services.exchange.imports.ftm_positions import Posts
from casefile.services.exchange.imports.ftm_progress import PassProgress
from casefile.services.exchange.imports.ftm_read import Record, json_entities, kind_of_file
from casefile.services.exchange.imports.ftm_report import FtmReport
from casefile.services.exchange.imports.ftm_simple_rows import SimpleRows
from casefile.services.exchange.imports.ftm_updates import FactUpdates
from casefile.services.exchange.imports.known import KnownParties
from casefile.services.exchange.imports.party_additions import PartyAdditions
from casefile.services.exchange.imports.party_writer import PartyWriter
from casefile.services.exchange.imports.provenance import (
    check_not_imported,
    file_source,
    note_left_out,
)
from casefile.services.exchange.imports.targets_simple import simple_rows

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case

LINKS = ("Sanction", "EconomicActivity", "Event", *fm.mapping().links)
CITES = ("Documentation",)


def import_ftm(case: Case, path: str | Path, dry_run: bool = False,
               accept: dict[str, int] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               keep_apart: Iterable[str] = (), review: bool = False,
               again: bool = False, encoding: str | None = None) -> Change:
    """Import a file of FtM entities (one undoable operation; nothing is kept when any
    record has a problem). Rows are written in batches, not one journaled edit each. The
    text ``encoding`` is guessed from the file's bytes unless given (the report says
    which)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    with path.open("rb") as f:
        head = f.read(65536)
    if not head.strip():
        raise ImportFileError(f"{path.name} is empty")
    guessed = encoding is None
    encoding = guess_encoding(path) if encoding is None else chosen_encoding(encoding)
    encoding = "utf-8-sig" if encoding == "utf-8" else encoding
    report = FtmReport(path.name, {}, dry_run=dry_run, encoding=encoding,
                       encoding_guessed=guessed,
                       utf8_evident=not guessed and utf8_evident(path, encoding),
                       names_read=names_as_read(path, encoding) if guessed else [])

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
        try:
            run.all_passes()
        except UnicodeError as exc:  # (look19: read before a pass, as a bug)
            raise run._unreadable(exc) from None
        more.flush()
        run.updates.flush()
        run.updates.say_to_check()
        if dropped := not_given_again(conn, path.name, src, run.parties, run.lists):
            report.warn(dropped)
        report.updated, report.updated_facts = run.updates.line(dry_run), len(run.updates.facts)
        if report.problems:
            raise ImportFailed(report)
        report.added, report.added_to = more.added, len(more.parties)
        report.nothing_new = (run.created_nothing() and not more.parties
                              and not run.updates.done)
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
        run.tell.writing(report.rows)  # (:mod:`.ftm_progress`)
        run.w.finish(tx)
        return report

    return case.operation(f"Import {path.name}", work, dry_run=dry_run)


class _Import(SimpleRows):
    """One run of an import: the passes over the file (its parties are
    :class:`FtmParties`' (a targets.simple.csv row :class:`SimpleRows`'), its other records
    :class:`FtmRecords`')."""

    def __init__(self, path: Path, encoding: str, report: FtmReport, w: PartyWriter,
                 known: KnownParties, facts: CaseFacts, more: PartyAdditions,
                 accept: dict[str, int],
                 keep_apart: Iterable[str],
                 progress: Callable[[int, int, str], None] | None) -> None:
        self.path, self.encoding, self.report, self.w = path, encoding, report, w
        self.known, self.facts, self.more = known, facts, more
        self.updates = FactUpdates(more.tx, report.leave_out, report.warn)
        self.flat = True  # a file of FtM entities (not targets.simple.csv's rows)
        self.held: HeldLines | None = None  # the lines of ids given more than once
        self.spans: dict[int, str] = {}
        self.schemata: dict[str, str] = {}  # FtM id -> the schema of the party it made
        # the parties earlier imports made of the file's ids, and the party of the case
        # each entity of this file was found to be (another is not taken for it unasked)
        self.imported = imported_ids(w.conn, set(fm.mapping().parties))
        self.claimed: dict[int, str] = {}
        self.lists: set[str] = set()
        self.accept = {normalise_name(k): v for k, v in accept.items()}
        self.apart = {normalise_name(k) for k in keep_apart}
        self.tell = PassProgress(progress, path.stat().st_size)
        self.today = date.today()
        self.parties: dict[str, int] = {}  # FtM id -> entity id
        self.sources: dict[str, int] = {}  # FtM id -> source id
        self.events: dict[str, int] = {}  # FtM id -> event id
        self.before = {k: w.next[k] for k in w.next}
        self.conn = w.conn
        self._own: dict[str, dict[str, int]] | None = None
        self.posts = Posts(report.leave_out)  # the posts of the file's holders (PEPs)
        self.attached = Attached(report.leave_out, report.skip)  # their addresses, papers

    def created_nothing(self) -> bool:
        return all(self.w.next[k] == self.before[k] for k in self.w.next)

    # -- passes ----------------------------------------------------------------------------
    def all_passes(self) -> None:
        with self.path.open(encoding=self.encoding, newline="") as f:
            kind = kind_of_file(f)
        if kind == "csv":
            self.flat = False  # a row of the same id again is counted, not joined
            self.tell.skip(1)
            self.tell.skip(2)  # one pass reads a row whole
            self._pass(0, lambda f: simple_rows(self.path, f, self.today), self.simple_row)
            return
        repeated = repeated_ids(self.path, self.encoding, kind)  # (ftm_fragments)
        if repeated:
            self.held = HeldLines(self.conn, repeated)
        known = set(fm.mapping().parties) | set(fm.mapping().sources) | set(LINKS) | set(CITES)
        # a PEP's posts, and the addresses and documents parties name: read first
        said = words_in(self.path, self.encoding, [POST_NEEDLE, *ATTACHED_NEEDLES])  # one scan
        first_read = {*(POSTS if POST_NEEDLE in said else ()),
                      *(ATTACHED if said & set(ATTACHED_NEEDLES) else ())}
        if first_read:
            self.tell.gathers()  # the posts gathered by a pass of their own
            self._gather(first_read)
            known |= first_read
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
        self.posts.not_taken(self.position_of)
        self.attached.not_taken()
        for n, wanted, handle in ((1, set(LINKS), self.second), (2, set(CITES), self.third)):
            if later & wanted:  # a pass that would find nothing does not read the file
                self._pass(n, partial(json_entities, self.path, wanted=wanted.__contains__),
                           handle)
                self._release(n, handle)
            else:
                self.tell.skip(n)

    def _gather(self, schemata: set[str]) -> None:
        """The pass before the others: the posts (Occupancy, Position) and what attaches
        to a party (Address, Identification, Passport) the file gives."""
        with self.path.open(encoding=self.encoding, newline="") as f:
            try:
                for i, (_line, rec) in enumerate(json_entities(self.path, f,
                                                               schemata.__contains__), 1):
                    if rec is not None:
                        (self.posts.take if rec["schema"] in POSTS else
                         self.attached.take)(rec)
                    if i % 1000 == 0:
                        self.tell.reading(f, -1, i)
            except UnicodeDecodeError as exc:
                raise self._unreadable(exc) from None
        self.posts.finish()
        self.attached.finish()

    def _release(self, n: int, handle: Callable[[int, Record], None]) -> None:
        """Read the lines of each id given more than once, held by pass ``n``, as one."""
        done = 0

        def read(line: int, rec: Record) -> None:
            nonlocal done
            handle(line, rec)
            self.w.flush_if_full()
            done += 1
            if done % 1000 == 0:  # may raise to cancel
                self.tell.joined(n, done)

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
                    elif self.held is None or not self.held.hold(line, rec):  # (ftm_fragments)
                        handle(line, rec)
                    self.w.flush_if_full()
                    if i % 1000 == 0:
                        self.tell.reading(f, n, self.report.rows)
            except UnicodeDecodeError as exc:
                raise self._unreadable(exc) from None

    def _unreadable(self, exc: UnicodeError) -> ImportFileError:
        why = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
        return ImportFileError(unreadable(self.path.name, self.encoding,
                                          self.report.encoding_guessed,
                                          f": not readable as {{encoding}} ({why})",
                                          self.report.utf8_evident))

    def first(self, line: int, rec: Record) -> None:
        if rec["schema"] in fm.mapping().sources:
            self.source(line, rec)
        else:
            self.party(line, rec)
