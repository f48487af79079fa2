"""The listings a records view keeps for going back to a section, and what has changed in each
since it was read: the records a change touched are re-read and patched in (row by row,
keeping the sort) instead of the whole listing read again. A change that does not name its
records (a bulk import, its undo) or a listing found by a text filter (what the search finds
may change with anything) is not patched: the listing is read again whole. And the filters a
listing is read for, as typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from casefile.core.countries import CountryError, country_code
from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date
from casefile.ui import table_rows
from casefile.ui.widgets import locale_day_first

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case
    from casefile.services.queries import listing

KEPT = 4  # listings kept for going back to a section (the least recently shown go)
# a re-read of more than this many records, and this share of a listing's rows, reads the
# listing whole
FEW, WHOLE = 1000, 0.2


class Kept:
    """A listing read for some filters, the sort orders worked out for it, and the records
    touched since (to re-read before it is shown as current)."""

    def __init__(self, filters: listing.Filters, data: listing.Listing) -> None:
        self.filters = filters
        self.data = data
        self.orders: dict[tuple[int, bool], list[int]] = {}
        self.touched: dict[str, set[int]] = {}  # kind -> ids, since it was read or patched
        self.patching = False  # a re-read of touched records is on its way
        self.keep: int | None = None  # the record to select once it is patched

    @property
    def stale(self) -> bool:
        return bool(self.touched) or self.patching

    def note(self, change: Change) -> bool:
        """Take note of a change that concerns the listing; False when it cannot be patched
        (the listing must be read again whole)."""
        if change.partial or self.filters.text.strip():
            return False
        for kind in (self.data.kind, "entity"):  # its own records, and the parties named
            if ids := change.touched.get(kind):
                self.touched.setdefault(kind, set()).update(ids)
        return True


class KeptListings(dict[str, Kept]):
    """kind -> its kept listing, the most recently shown last."""

    def keep(self, kind: str, entry: Kept) -> None:
        self.pop(kind, None)
        self[kind] = entry
        while len(self) > KEPT:
            del self[next(iter(self))]

    def shown(self, kind: str) -> None:
        """``kind`` is shown again: it goes last of all to be forgotten."""
        self[kind] = self.pop(kind)


def read_sorted(case: Case, kind: str, filters: listing.Filters,
                sort: tuple[str, Qt.SortOrder] | None
                ) -> tuple[listing.Listing, dict[tuple[int, bool], list[int]]]:
    """The rows of ``kind`` that pass the filters, and their order by the section's sort
    (column key, order) — worked out here, on the worker, rather than on the GUI thread."""
    from casefile.services.queries import listing as queries

    with case.read() as conn:
        data = queries.list_records(conn, kind, filters)
    keys = [c.key for c in data.columns]
    if sort is None or sort[0] not in keys:
        return data, {}
    key = (keys.index(sort[0]), sort[1] == Qt.SortOrder.DescendingOrder)
    return data, {key: table_rows.permutation(data, *key)}


def reread(conn: Connection, kind: str, filters: listing.Filters,
           touched: dict[str, set[int]], size: int) -> tuple[set[int], listing.Listing, bool]:
    """The records of ``kind`` whose rows ``touched`` may have changed, and their rows as they
    are now (those that exist and pass the filters); or, when they are many of the
    listing's ``size`` rows, every row (and True)."""
    from casefile.services.queries import listing as queries

    ids = queries.affected(conn, kind, touched)
    if len(ids) > max(FEW, WHOLE * size):
        return ids, queries.list_records(conn, kind, filters), True
    return ids, queries.list_records(conn, kind, filters, ids=ids), False


def typed_filters(text: str, tag: str, country: str, date_from: str, date_to: str
                  ) -> tuple[listing.Filters, list[str]]:
    """The filters of a listing as typed, and what in them is not understood (a country or
    date that is not is not applied)."""
    problems = []
    country = country.strip()
    if country:
        try:
            country = country_code(country)
        except CountryError as exc:
            problems.append(str(exc))
            country = ""
    bounds = []
    for typed, first in ((date_from.strip(), True), (date_to.strip(), False)):
        day = None
        if typed:
            try:
                fd = parse_fuzzy_date(typed, locale_day_first())
                day = fd.start if first else fd.end
            except FuzzyDateError as exc:
                problems.append(str(exc))
        bounds.append(day.isoformat() if day else "")
    from casefile.services.queries import listing as queries  # the database layer loads late
    return queries.Filters(text, tag, country, bounds[0], bounds[1]), problems
