"""Casefile's one error model. Every error fit to show a user as it is derives from
:class:`CasefileError`; its message says what is wrong (and, where it can, what to do). Any
other exception that escapes is a bug: the CLI prints its traceback and exits 70, the GUI shows
"Unexpected error" with the traceback under Details, and both write it to the log
(:mod:`casefile.log`).

The classes keep the standard exception they always were (``ValueError`` for a value or a file
that cannot be taken, ``LookupError`` for a record that is not there), so an ``except
ValueError`` written before them still catches what it did. Nothing here imports the rest of
Casefile: every layer may import this module.

Mind the two spellings: :class:`CasefileError` is any error of the application;
:class:`CaseFileError` is the group of errors about a case *file* (missing, not a case, newer,
locked, read-only).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class CasefileError(Exception):
    """An error fit to show a user as it is: its message is written for the user."""


# -- the case file on disk ----------------------------------------------------------------
class CaseFileError(CasefileError):
    """A problem with a case file itself: it is missing, already there, not a case, damaged,
    from a newer Casefile, in use, or open read-only."""


class NotACaseError(CaseFileError):
    """The file is not a Casefile case (not SQLite, or SQLite without Casefile's id)."""


class CorruptCaseError(CaseFileError):
    """The file is a case but cannot be read: truncated or damaged."""


class NewerCaseError(CaseFileError):
    """The case was written by a newer Casefile; this version refuses to open it."""


class CaseLockedError(CaseFileError):
    """Another process has the case open for writing. ``holder`` is what it recorded about
    itself in ``<case>.owner``: user, host, pid and since (any may be missing)."""

    def __init__(self, path: Path, holder: dict) -> None:
        who = holder.get("user", "someone")
        where = holder.get("host", "another computer")
        pid = holder.get("pid", "?")
        since = holder.get("since", "")
        super().__init__(f"{path.name} is open for writing by {who} on {where} (process {pid}"
                         f"{', since ' + since if since else ''}). Open it read-only, or close "
                         "it there first.")
        self.holder = holder


class ReadOnlyError(CaseFileError):
    """A change was asked of a case that is open read-only (or that cannot be written: a
    read-only file, folder or disk)."""


class DiskFullError(CaseFileError):
    """The disk holding a case (or its backup copy) is full: the step that needed the space
    was not made."""


class OutputPathError(CasefileError, ValueError):
    """An output (an export, a report, a copy) would overwrite what must not be overwritten:
    the case itself, a file that belongs to it (its -wal, -shm, .lock, .owner), or the file
    being read."""


class FilesInTheWay(OutputPathError):
    """An export would replace files already in the chosen folder; ``paths`` lists them.
    Export again with replacing allowed (``export-csv --force``), or choose another
    folder."""

    def __init__(self, message: str, paths: list[Path]) -> None:
        super().__init__(message)
        self.paths = paths


# -- records and values -------------------------------------------------------------------
class ValidationError(CasefileError, ValueError):
    """A value that cannot be stored, with the field it belongs to: ``field`` names it (an
    editor shows ``message`` next to it, an importer names the column). The exception's text
    is ``"field: message"``, or ``display`` when that reads better on its own."""

    def __init__(self, field: str, message: str, *, display: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if display is None else display)
        self.field = field
        self.message = message


class NotFoundError(CasefileError, LookupError):
    """The record an operation names does not exist (any more)."""


class InUseError(CasefileError):
    """A record is still referred to and the operation was not told to cascade.
    ``references`` counts the referring records by kind."""

    def __init__(self, message: str, references: dict[str, int]) -> None:
        super().__init__(message)
        self.references = references


# -- imports ------------------------------------------------------------------------------
class ImportReportLike(Protocol):
    """What the import errors need of an import's report
    (``casefile.services.exchange.imports.report.ImportReport``)."""

    problems: list[str]
    unlisted: int
    proposals: list[tuple[str, int, str, float]]
    date_order: str  # how slashed dates were read, said with a failed import
    missing: list[str]  # essential fields no column feeds

    def problem_lines(self) -> list[str]: ...

    def encoding_line(self, choose: str) -> str: ...  # the text encoding read, if worth saying


class ImportFileError(CasefileError, ValueError):
    """A file that cannot be read for an import; the message names the file (and the line
    and column)."""


class ListWouldShrink(ImportFileError):
    """A full watchlist file that would remove more than half of the list's entries (most
    often a download cut short): refused unless the person says the list has shrunk so.
    ``removed`` of the ``had`` entries of the watchlist ``name`` would go."""

    def __init__(self, message: str, name: str, removed: int, had: int,
                 older: str = "") -> None:
        super().__init__(message)
        self.name, self.removed, self.had = name, removed, had
        self.older = older  # said when the file is older than the list too


class MappingError(ImportFileError):
    """A column mapping that cannot be used: unknown, unreadable, or naming columns the
    file lacks."""


class MissingColumns(MappingError):
    """Fields a shipment needs to be read (date, shipper, consignee, goods, origin,
    destination) have no column in the file and no fixed value: the import stops before it
    writes anything, unless told to go on. ``missing`` names them (date, goods, …)."""

    def __init__(self, file_name: str, missing: list[str], stored_as: list[str]) -> None:
        how = " and ".join([", ".join(stored_as[:-1]), stored_as[-1]] if len(stored_as) > 1
                           else stored_as)
        super().__init__(f"{file_name}: no column for {', '.join(missing)} (and no fixed "
                         f"value): every shipment would be stored {how}; nothing was imported")
        self.missing = missing


class NotShipments(ImportFileError):
    """The file is trade statistics (country-to-country aggregates: no shipper, no
    consignee), not shipment records; it is refused. ``layout`` names what it looks like."""

    def __init__(self, file_name: str, layout: str, holds: list[str]) -> None:
        super().__init__(f"{file_name} looks like {layout} ({', '.join(holds)}): country "
                         "aggregates have no parties, so they are not shipments; nothing was "
                         "imported")
        self.layout = layout


class AlreadyImported(ImportFileError):
    """The same file (by SHA-256) is already a source of the case: imported again on
    purpose only (``again=True``), and then only what the case does not hold comes in (trade
    rows it holds as shipments are left out and listed; FtM records it holds are not added).
    ``source_id`` is the source that holds it."""

    def __init__(self, path: Path, source_id: int, title: str, added: str) -> None:
        super().__init__(f"{path.name} was already imported into this case on {added[:10]} "
                         f"(source #{source_id}, “{title}”); importing it again adds only "
                         "what the case does not hold yet")
        self.source_id = source_id


class ImportFailed(CasefileError, ValueError):
    """The import changed nothing; ``report.problems`` says why, with line and column."""

    def __init__(self, report: ImportReportLike) -> None:
        first = report.problems[0] if report.problems else "unknown problem"
        more = len(report.problems) + report.unlisted - 1
        super().__init__(f"{first}{f' (and {more} more problems)' if more > 0 else ''}; "
                         "nothing was imported")
        self.report = report


class NeedsReview(CasefileError):
    """Names in the file look like parties already in the case and nobody said whether they
    are the same: nothing was imported. ``report.proposals`` lists them."""

    def __init__(self, report: ImportReportLike) -> None:
        n = len({name for name, *_rest in report.proposals})  # (a name may have several)
        said = "1 name looks like a party" if n == 1 else f"{n:,} names look like parties"
        super().__init__(f"{said} already in the case; say for each whether it is the same "
                         "party")
        self.report = report


# -- long work ----------------------------------------------------------------------------
class Cancelled(CasefileError):
    """The user cancelled a long job (raised inside it when it notices); nothing was
    changed."""

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)


def is_expected(exc: BaseException) -> bool:
    """Whether ``exc`` is shown to a user as it is (one line, no traceback): a
    :class:`CasefileError`, or an ``OSError`` — a file that cannot be read or written, a
    full disk, a missing folder: the machine's answer, not a bug in Casefile. Anything else
    is a bug."""
    return isinstance(exc, CasefileError | OSError)


# -- exports -------------------------------------------------------------------------------
class ExportError(CasefileError):
    """An export could not be written as asked (e.g. a record the dossier cannot lay out);
    the message names the record. Nothing was written."""
