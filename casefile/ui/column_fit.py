"""How a records table's columns give way when they do not fit its width (no Qt here; the
table's side is :mod:`casefile.ui.column_widths`). Each column wants its natural width (its
header and content); when they all want more than the table has, they give way in turns,
the widest of each turn first: the other columns down to a floor; a date to its short form
("Nov–Dec 2022"); the names — the record's name (``Column.name``) and the parties a record
names (a shipment's shipper and consignee) — down to a wide floor; an empty column to an
icon's width (its header's tooltip names it); the others down to a few words; the names down
to the floor; the others down to their headers; the names a little further; a date cut at
its end (its tooltip says it whole); and last the names down to their headers (rather than
the table scrolling by a few pixels). Names matter more than a date: "Nov–Dec 2022" says as
much as "November and December 2022", "China No…" says nothing.

When even so a section's columns would leave a name narrower than the floor or another
column narrower than a few words (``turns()[ROOMY]``), columns are proposed to be hidden
(:func:`to_hide`): the mostly empty ones, the emptiest first, then the section's columns of
least worth (:data:`LEAST_WORTH`) in their order, until they fit."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

MAX_PX = 360  # a column sized to its content is at most this wide (tooltips say the rest)
FLOOR_PX = 150  # the others give way to this first (never below their header)
NAME_PX = 240  # then the names give way to this; after the others' headers to FLOOR_PX
DATE_PX = 64  # a date shown cut, at last
NARROW_PX = 120  # a name gives way to this before a date is cut
ICON_PX = 28  # a column with nothing in it, when the table is narrow
PAD_PX = 14  # a cell's margins
SORT_PX = 20  # the header's sort arrow
MOSTLY_EMPTY = 0.5  # a column with a value in fewer of the sampled rows than this
USEFUL_PX = 80  # the others give way to this before the names go below NAME_PX
ROOMY = 5  # turns()[ROOMY]: the names at the floor, the others at USEFUL_PX, a date short
# but whole; fewer columns are shown rather than go further (what to_hide is given to fit)

# the columns, other than the record's name, that name a party of the record
PARTIES = frozenset({("shipment", "shipper"), ("shipment", "consignee"),
                     ("relationship", "object")})
# kind -> its columns hidden first (in this order) when the section is short of room, after
# the mostly empty ones; the user's own choice of columns (the header's menu) wins
LEAST_WORTH: dict[str, tuple[str, ...]] = {
    "shipment": ("count", "weight", "value", "hs", "route", "assessed"),
    "entity": ("cites", "tags"),
    "event": ("cites",),
    "source": ("protected", "cites", "reliability"),
    "finding": ("cites",),
    "sanction": ("status",),
}

# A column's wants: natural width, its header's text width, its short form's width (a
# date's; else the natural width), and its kind in turns(): date, name, empty or other.
Wants = tuple[int, int, int, str]


def _level(top: Sequence[int], floors: Sequence[int], available: int) -> list[int] | None:
    """``top`` cut to the highest level that fits ``available`` (never below ``floors``),
    or None when the floors alone do not fit."""
    cut = [min(f, t) for f, t in zip(floors, top, strict=True)]
    if sum(cut) > available:
        return None
    lo, hi = 0, max(top)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(max(f, min(t, mid)) for t, f in zip(top, cut, strict=True)) <= available:
            lo = mid
        else:
            hi = mid - 1
    return [max(f, min(t, lo)) for t, f in zip(top, cut, strict=True)]


def fitted(natural: Sequence[int], turns: Sequence[Sequence[int]], available: int,
           stretch: int | None) -> list[int]:
    """Widths for columns wanting ``natural`` pixels in ``available``: all of them when
    they fit, and the room left over to ``stretch``; else they give way in ``turns``, each
    a floor per column: in the first turn the widest are cut to one level, never below its
    floors, so that they fit if they can; when even its floors do not fit, the columns are
    at those floors and the next turn cuts on from there. At the last turn's floors when
    nothing fits (the table scrolls)."""
    widths = list(natural)
    if sum(widths) <= available:
        if stretch is not None:
            widths[stretch] += available - sum(widths)
        return widths
    for floors in turns:
        cut = _level(widths, floors, available)
        if cut is not None:
            return cut
        widths = [min(f, w) for f, w in zip(floors, widths, strict=True)]
    return widths


def turns(natural: Sequence[int], heads: Sequence[int], kinds: Sequence[str],
          short: Sequence[int] | None = None) -> list[list[int]]:
    """The floors of each turn in which columns give way (see the module); ``kinds`` says
    of each column "date", "name", "empty" or "other" (any other kind never gives way);
    ``heads`` its header's text width, ``short`` a date's short form's width."""
    short = natural if short is None else short

    def turn(**floor: Callable[[int, int, int], int]) -> list[int]:
        return [floor[k](n, h, s) if k in floor else n
                for n, h, s, k in zip(natural, heads, short, kinds, strict=True)]
    soft = lambda n, h, s: max(h + SORT_PX, min(n, FLOOR_PX))  # noqa: E731
    date = lambda n, h, s: max(h, min(n, s))  # noqa: E731
    name = lambda n, h, s: max(h, min(n, NAME_PX))  # noqa: E731
    icon = lambda n, h, s: min(n, ICON_PX)  # noqa: E731
    useful = lambda n, h, s: max(h, min(n, USEFUL_PX))  # noqa: E731
    low = lambda n, h, s: max(h, min(n, FLOOR_PX))  # noqa: E731
    narrow = lambda n, h, s: max(h, min(n, NARROW_PX))  # noqa: E731
    head = lambda n, h, s: h  # noqa: E731
    cut = lambda n, h, s: max(h, min(n, s, DATE_PX))  # noqa: E731
    return [turn(other=soft), turn(other=soft, date=date),
            turn(other=soft, date=date, name=name),
            turn(other=soft, date=date, name=name, empty=icon),
            turn(other=useful, date=date, name=name, empty=icon),
            turn(other=useful, date=date, name=low, empty=icon),  # ROOMY
            turn(other=head, date=date, name=low, empty=icon),
            turn(other=head, date=date, name=narrow, empty=icon),
            turn(other=head, date=cut, name=narrow, empty=icon),
            turn(other=head, date=cut, name=head, empty=icon)]


# columns a section shows only when some of its rows have a value: a party's birth date and
# identifiers tell a list's namesakes apart, and are a sliver of nothing in a case of none
WHEN_USED = {"entity": frozenset({"born", "identifiers"})}


def to_hide(kind: str, keys: Sequence[str], filled: dict[str, float],
            fits: Callable[[list[int]], bool], unused: Collection[str] = ()) -> set[str]:
    """The columns of ``kind`` (``keys`` in order) to hide until the others ``fits`` (the
    indexes shown): the mostly empty ones (a value in fewer than half the rows seen), the
    emptiest and then the rightmost first, then those of least worth. ``filled`` has only
    the columns that may be hidden; ``unused`` ones are hidden anyway (:data:`WHEN_USED`)
    and take no room."""
    shown = [i for i, k in enumerate(keys) if k not in unused]
    empty = sorted((filled[k], -i) for i, k in enumerate(keys)
                   if k in filled and filled[k] < MOSTLY_EMPTY)
    worth = [keys.index(k) for k in LEAST_WORTH.get(kind, ()) if k in keys and k in filled]
    hide: set[str] = set()
    for at in [-i for _, i in empty] + worth:
        if fits(shown):
            break
        if at in shown:
            hide.add(keys[at])
            shown.remove(at)
    return hide
