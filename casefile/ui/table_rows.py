"""The rows of a record table as data, without Qt: the order each column sorts them in, and a
kept listing brought up to date with the rows of the records a change touched, re-read.

An order is a list of record ids, so a row can come or go in the listing without
renumbering the orders kept for it. A column sorts case-insensitively (numbers as numbers,
date columns by first day), ties in id order, blanks last either way. A patch leaves the
listing and every order kept for it exactly as a fresh read and a fresh sort would; the table
model hears each row removed, moved, inserted or changed (:class:`RowSignals`), or one reset
when so many rows change that a fresh sort costs less."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from casefile.services.queries.listing import Listing

OrderKey = tuple[int, bool]  # (column, descending)
Key = Any  # what a row sorts by in a column; None for a blank
# above this many rows to remove, insert or change, a patch sorts afresh and resets the
# table: each row on its own costs two binary searches and a list move per kept order
MANY = 200


class RowSignals(Protocol):
    """What the table model is told, each around the change of the order it shows."""

    def removing(self, row: int) -> None: ...
    def inserting(self, row: int) -> None: ...
    def moving(self, row: int, to: int) -> bool: ...  # ``to`` as in beginMoveRows
    def done(self) -> None: ...  # the row removed, inserted or moved
    def changed(self, row: int) -> None: ...
    def resetting(self) -> None: ...
    def reset(self) -> None: ...


def keyer(listing: Listing, column: int) -> Callable[[int], Key]:
    """id -> what the row of that record sorts by in ``column`` (None: blank)."""
    lst = listing
    date = lst.columns[column].key == lst.by_day and lst.dated
    numeric = lst.columns[column].numeric

    def key(record_id: int) -> Key:
        i = bisect_left(lst.ids, record_id)
        v = lst.sort_keys[i] if date else lst.rows[i][column]
        if v is None or v == "":
            return None
        return v if numeric else v.casefold() if v.__class__ is str else str(v).casefold()
    return key


def permutation(listing: Listing, column: int, desc: bool) -> list[int]:
    """The listing's record ids sorted by a column (in C-level passes where it can: this is
    the sort of a 100k-row table)."""
    lst = listing
    col = lst.columns[column]
    date = col.key == lst.by_day and lst.dated
    raw: list[Any] = lst.sort_keys if date else list(map(itemgetter(column), lst.rows))
    if col.numeric and (None in raw or "" in raw):
        filled = [i for i, v in enumerate(raw) if v is not None and v != ""]
        blank = [i for i, v in enumerate(raw) if v is None or v == ""]
        order = sorted(filled, key=raw.__getitem__, reverse=desc) + blank
        return list(map(lst.ids.__getitem__, order))
    keys = raw if col.numeric else _folded(raw, date)  # blank: ""
    # the ids sorted by the keys: sort calls its key once per item, in order, before it
    # compares (CPython's list.sort; the tests hold it to a plain sort), so the n-th call
    # returns the n-th row's key — a third faster than sorting row numbers and mapping
    # them to ids. Stable: ties keep the listing's (id) order; "" sorts first (last when
    # reversed)
    ids = sorted(lst.ids, key=partial(next, iter(keys)), reverse=desc)
    if not col.numeric and not desc and (blanks := keys.count("")):
        ids = ids[blanks:] + ids[:blanks]  # blanks last either way
    return ids


def _folded(raw: list[Any], date: bool) -> list[str]:
    """Text to compare case-insensitively ("" for a blank); a date's first day as it is."""
    if date and None not in raw:
        return raw
    try:
        return list(map(str.casefold, raw))
    except TypeError:  # a None or a number among the text
        return ["" if v is None else v.casefold() if v.__class__ is str else str(v).casefold()
                for v in raw]


def _before(ka: Key, a: int, kb: Key, b: int, desc: bool) -> bool:
    """Whether record ``a`` (sorting by ``ka``) comes before ``b`` in an order."""
    if ka is None or kb is None:  # blanks last, by id
        return a < b if ka is None and kb is None else kb is None
    if ka != kb:
        return bool(ka > kb) if desc else bool(ka < kb)
    return a < b


def place(order: list[int], record_id: int, key: Key, keys: Callable[[int], Key],
          desc: bool) -> int:
    """Where ``record_id``, sorting by ``key``, is (or goes) in ``order``: the number of
    records before it."""
    lo, hi = 0, len(order)
    while lo < hi:
        mid = (lo + hi) // 2
        m = order[mid]
        if m != record_id and _before(keys(m), m, key, record_id, desc):
            lo = mid + 1
        else:
            hi = mid
    return lo


class _Order:
    """One kept order and how to find a record in it."""

    def __init__(self, listing: Listing, ids: list[int], key: OrderKey | None) -> None:
        self.ids, self.key = ids, key
        self.keys = keyer(listing, key[0]) if key is not None else None

    def find(self, record_id: int, key: Key) -> int:
        if self.keys is None or self.key is None:
            return bisect_left(self.ids, record_id)
        return place(self.ids, record_id, key, self.keys, self.key[1])

    def sort_key(self, record_id: int) -> Key:
        return self.keys(record_id) if self.keys is not None else None


def patch(listing: Listing, orders: dict[OrderKey, list[int]], asked: Collection[int],
          fresh: Listing, shown: list[int] | None = None, shown_key: OrderKey | None = None,
          signals: RowSignals | None = None, many: int | None = None) -> list[int] | None:
    """Bring ``listing`` up to date: ``fresh`` holds the rows, as read now, of those of the
    ``asked`` records that exist and pass the listing's filters. ``orders`` (kept for the
    listing) and ``shown`` (the order the table shows, sorted by ``shown_key``; None:
    unsorted, in id order) follow, telling ``signals`` what happens to ``shown``. Above
    ``many`` rows to change (:data:`MANY`), the orders are dropped and the one shown sorted
    afresh.
    Returns the order shown afterwards (a new list after that)."""
    lst = listing
    now = dict(zip(fresh.ids, range(len(fresh.ids)), strict=True))
    dated = lst.dated
    gone, changed, new = [], [], []
    for rid in sorted(set(asked)):
        i = bisect_left(lst.ids, rid)
        there = i < len(lst.ids) and lst.ids[i] == rid
        j = now.get(rid)
        if j is None:
            if there:
                gone.append(rid)
        elif not there:
            new.append(rid)
        elif lst.rows[i] != fresh.rows[j] or (dated and lst.sort_keys[i] != fresh.sort_keys[j]):
            changed.append(rid)
    if len(gone) + len(changed) + len(new) > (MANY if many is None else many):
        return _rebuild(lst, orders, fresh, gone, shown_key, signals)
    kept = [_Order(lst, o, k) for k, o in orders.items() if o is not shown]
    view = _Order(lst, shown if shown is not None else [], shown_key)
    every = [*kept, view] if shown is not None else kept
    for rid in gone:
        olds = [o.sort_key(rid) for o in every]
        for o, k in zip(kept, olds, strict=False):
            o.ids.pop(o.find(rid, k))
        if shown is not None:
            row = view.find(rid, olds[-1])
            if signals:
                signals.removing(row)
            shown.pop(row)
            if signals:
                signals.done()
        i = bisect_left(lst.ids, rid)
        del lst.ids[i], lst.rows[i]
        if dated:
            del lst.sort_keys[i]
    for rid in changed:
        olds = [o.sort_key(rid) for o in every]
        i, j = bisect_left(lst.ids, rid), now[rid]
        lst.rows[i] = fresh.rows[j]
        if dated:
            lst.sort_keys[i] = fresh.sort_keys[j]
        for o, old in zip(every, olds, strict=True):
            if o.keys is None or o.sort_key(rid) == old:
                if o is view and signals:
                    signals.changed(o.find(rid, old))
                continue
            # the row's key changed: out of the order (found by its old key), back in by
            # its new one
            row = o.find(rid, old)
            o.ids.pop(row)
            to = o.find(rid, o.sort_key(rid))
            if o is view and signals and to != row:
                moved = signals.moving(row, to + 1 if to >= row else to)
                o.ids.insert(to, rid)
                if moved:
                    signals.done()
            else:
                o.ids.insert(to, rid)
            if o is view and signals:
                signals.changed(to)
    for rid in new:
        j = now[rid]
        i = bisect_left(lst.ids, rid)
        lst.ids.insert(i, rid)
        lst.rows.insert(i, fresh.rows[j])
        if dated:
            lst.sort_keys.insert(i, fresh.sort_keys[j])
        for o in kept:
            o.ids.insert(o.find(rid, o.sort_key(rid)), rid)
        if shown is not None:
            row = view.find(rid, view.sort_key(rid))
            if signals:
                signals.inserting(row)
            shown.insert(row, rid)
            if signals:
                signals.done()
    return shown


def _rebuild(lst: Listing, orders: dict[OrderKey, list[int]], fresh: Listing,
             gone: list[int], shown_key: OrderKey | None,
             signals: RowSignals | None) -> list[int]:
    """The many-rows patch: the listing merged with the fresh rows, the orders dropped, and
    the one shown sorted afresh."""
    if signals:
        signals.resetting()
    dated = lst.dated
    rows = dict(zip(lst.ids, zip(lst.rows, lst.sort_keys if dated else lst.rows,
                                 strict=True), strict=True))
    for rid in gone:
        del rows[rid]
    rows.update(zip(fresh.ids, zip(fresh.rows, fresh.sort_keys if dated else fresh.rows,
                                   strict=True), strict=True))
    lst.ids[:] = sorted(rows)
    lst.rows[:] = [rows[i][0] for i in lst.ids]
    if dated:
        lst.sort_keys[:] = [rows[i][1] for i in lst.ids]
    orders.clear()
    shown = list(lst.ids)
    if shown_key is not None:
        shown = orders[shown_key] = permutation(lst, *shown_key)
    if signals:
        signals.reset()
    return shown
