"""What an import found and did: counts, parties new and reused, proposals to decide,
problems by line and column, rows skipped on request, values left out, and notes to look
at. The same report serves the trade-data and the FollowTheMoney importers, their dry runs,
the CLI and the import dialog."""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.core.labels import counted
from casefile.services.exchange.imports.encodings import encoding_label

MAX_PROBLEMS = 200


def party_and_reason(existing: str) -> tuple[str, str]:
    """A proposal's party of the case as written ('Siemens AG') and the reason that follows
    it (', same name but …'), so that only the name is quoted when it is said (look16)."""
    shown, same, why = existing.partition(", same ")
    return shown, same + why


IDENTIFIER_SCHEME = "identifier's scheme"  # what was added: the scheme of a number held


@dataclass
class ImportReport:
    """Everything an import (or its dry run) has to say."""

    file: str
    mapping: dict[str, str]
    rows: int = 0
    shipments: int = 0
    sanctions: int = 0
    new_entities: list[str] = field(default_factory=list)
    reused_entities: dict[str, int] = field(default_factory=dict)
    proposals: list[tuple[str, int, str, float]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    dry_run: bool = False
    preview: list[str] = field(default_factory=list)  # what the first rows would create
    unlisted: int = 0  # problems beyond MAX_PROBLEMS, counted but not kept
    row_problems: list[str] = field(default_factory=list)  # of the row being read
    date_order: str = ""  # how slashed dates were read (day or month first) and why
    encoding: str = ""  # the text encoding the file was read in ('' for a spreadsheet)
    encoding_guessed: bool = True  # guessed from its bytes, not chosen
    utf8_evident: bool = False  # chosen, but the file's bytes prove it UTF-8
    names_read: list[str] = field(default_factory=list)  # a few values as read in it
    left_out: dict[str, int] = field(default_factory=dict)  # what was not kept -> how often
    # what was added to parties the case held before the import ('name', 'birth date' …)
    # -> how often, and to how many parties
    added: dict[str, int] = field(default_factory=dict)
    added_to: int = 0
    layout: str = ""  # the layout the file's header was recognised as
    constants: dict[str, str] = field(default_factory=dict)  # field -> fixed value
    missing: list[str] = field(default_factory=list)  # essential fields not found (short)

    warnings: dict[str, int] = field(default_factory=dict)  # kept, but worth a look
    skipping: bool = False  # rows with problems are skipped (on request), not fatal
    skipped: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, problems)
    duplicates: list[int] = field(default_factory=list)  # lines the case holds already
    nothing_new: bool = False  # every row was in the case already: nothing kept, not the file

    def encoding_line(self, choose: str) -> str:
        """'Text encoding: Windows-1251 (Cyrillic), guessed from the file's bytes …' (look18:
        a short file read in the wrong one showed garbled names and never said which it
        was); none for a spreadsheet, or UTF-8 guessed (its bytes prove it). ``choose``:
        how to choose another, in the words of the command line or the window."""
        if not self.encoding or (self.encoding_guessed and self.encoding.startswith("utf-8")):
            return ""
        if not self.encoding_guessed and self.utf8_evident:
            return (f"Text encoding: {encoding_label(self.encoding)}, as chosen — but the "
                    "file's bytes beyond plain ASCII all read as UTF-8, the encoding it is "
                    f"most likely in: if names look garbled, {choose}")
        if not self.encoding_guessed:
            return f"Text encoding: {encoding_label(self.encoding)}, as chosen"
        shown = "; ".join(f"“{n}”" for n in self.names_read)
        return (f"Text encoding: {encoding_label(self.encoding)}, guessed from the file's "
                f"bytes{f' — read in it: {shown}' if shown else ''} — if names look "
                f"garbled, {choose}")

    def reuse(self, name: str, eid: int) -> int:
        """Note party ``eid`` of the case, met under ``name``, as used by the import: a
        namesake that is another party is noted beside it (look25: five homonyms of
        different INNs counted as one party already in the case)."""
        if self.reused_entities.get(name, eid) != eid:
            name = f"{name} (#{eid})"
        self.reused_entities[name] = eid
        return eid

    @property
    def reused(self) -> int:
        """How many parties of the case the import used (each once, under any name)."""
        return len(set(self.reused_entities.values()))

    def warn(self, what: str) -> None:
        """Note something kept that a person should look at (said in the report)."""
        self.warnings[what] = self.warnings.get(what, 0) + 1

    def leave_out(self, what: str) -> None:
        """Count a value the import does not keep (said in the report, never silent)."""
        self.left_out[what] = self.left_out.get(what, 0) + 1

    def added_line(self) -> str:
        """'Added to 2 parties already in the case: 3 names, 1 identifier, birth date, other
        countries (2 parties)'."""
        verb = "Would add to" if self.dry_run else "Added to"
        return (f"{verb} {counted(self.added_to, 'party', 'parties')} already in the case: "
                + ", ".join(self.what_added(self.added)))

    @staticmethod
    def what_added(added: dict[str, int]) -> list[str]:
        """'3 names', '1 identifier', 'birth date', 'other countries (2 parties)'."""
        return [counted(n, k) if k in ("name", "identifier") else
                counted(n, IDENTIFIER_SCHEME, "identifiers' schemes")
                if k == IDENTIFIER_SCHEME else
                f"{k} ({counted(n, 'party', 'parties')})" if n > 1 else k
                for k, n in added.items()]

    def left_out_lines(self) -> list[str]:
        return [f"{what} ({n:,}×)" if n > 1 else what
                for what, n in sorted(self.left_out.items(), key=lambda kv: -kv[1])]

    def problem(self, text: str) -> None:
        self.row_problems.append(text)
        if self.skipping:
            return  # the row is skipped and recorded with its problems (see skip_row)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)
        else:
            self.unlisted += 1

    def skip_row(self, line: int) -> None:
        """Record the row being read as skipped, with its problems."""
        self.skipped.append((line, list(self.row_problems)))

    def skipped_lines(self, limit: int = MAX_PROBLEMS) -> list[str]:
        """The skipped rows with their problems, as the source's notes and reports say."""
        lines = [f"row {n}: {'; '.join(p)}" for n, p in self.skipped[:limit]]
        if len(self.skipped) > limit:
            lines.append(f"… and {len(self.skipped) - limit:,} more skipped rows (the row "
                         "report lists every one)")
        return lines

    def duplicates_line(self) -> str:
        """'Left out 3 rows already in the case as shipments (… ): lines 5–7'."""
        from casefile.services.exchange.imports.shipment_duplicates import WHAT, lines_said

        n = len(self.duplicates)
        return (f"{'Would leave' if self.dry_run else 'Left'} out "
                f"{counted(n, 'row')} already in the case as shipments ({WHAT}): "
                f"{lines_said(self.duplicates)}")

    def preview_heading(self, unit: str = "row") -> str:
        """What the preview lines are: 'What each row creates (first 20 of 1,200 rows):'."""
        n = len(self.preview)
        return (f"What each {unit} creates (first {n} of {counted(self.rows, unit)}):"
                if n < self.rows else f"What each {unit} creates:")

    def problem_lines(self) -> list[str]:
        """Every kept problem, and how many more there were."""
        more = [f"… and {self.unlisted:,} more problems, not listed"] if self.unlisted else []
        return self.problems + more


PREVIEW_ROWS = 20
