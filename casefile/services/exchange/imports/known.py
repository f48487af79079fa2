"""The parties a case already holds, for resolving imported names: by normalised name or
alias (exact), by identifier, and near matches (proposed to the user, never merged).

An identifier is matched only when its scheme names one party and its check digits hold
(:func:`casefile.core.identifiers.match_key`); even then a party found by identifier alone,
under another name, is proposed for review, never reused silently."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from casefile.core.identifiers import detect_scheme, match_key
from casefile.core.labels import LOST_IN_REPAIR
from casefile.core.names import normalise_name

NEAR = 88  # token-set similarity (0-100) from which a name is proposed as the same party


def likeness(a: str, b: str) -> float:
    """How alike two normalised names are, as said to the person deciding (0-100): the
    token-set similarity (word order aside) averaged with the token-sort one, so that words
    one name has and the other lacks count against it (helper-62: 'тест' and 'шэньчжэнь ко
    лтд тест' were "100%" alike)."""
    same_words = fuzz.token_set_ratio(a, b)
    return min(same_words, (same_words + fuzz.token_sort_ratio(a, b)) / 2)


def _one_word_inside(a: str, b: str) -> bool:
    """Whether one name is a single word that the other, longer, holds whole: too weak to
    propose ('тест' in 'шэньчжэнь ко лтд тест')."""
    wa, wb = set(a.split()), set(b.split())
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small) == 1 and small < big


class KnownParties:
    def __init__(self, conn: Any) -> None:
        self.by_name: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.keys_of: dict[int, set[str]] = {}  # entity -> its normalised names and aliases
        self.spellings: dict[int, set[str]] = {}  # entity -> its names and aliases as written
        self.births: dict[int, tuple[str, str]] = {}  # entity -> first and last day
        self.people: set[int] = set()  # the parties that are persons
        # stand-ins a repair made for lost parties: their name and kind are not known
        self.stand_ins: set[int] = set()
        for eid, name, lo, hi, kind, tags in conn.exec_driver_sql(
                "SELECT id, name, birth_start, birth_end, kind, tags FROM entity"):
            self._name(eid, name)
            self.names[eid] = name
            if kind == "person":
                self.people.add(eid)
            if LOST_IN_REPAIR in (tags or "").split(","):
                self.stand_ins.add(eid)
            if lo or hi:
                self.births[eid] = (lo or "0000", hi or "9999")
        for eid, name in conn.exec_driver_sql("SELECT entity_id, name FROM alias"):
            self._name(eid, name)
        self.idents: dict[tuple[str, str], int] = {}
        self.added_from: dict[tuple[int, str, str], str] = {}  # see add_identifier
        # entity -> its identifiers as compared (ident_key): one INN under two names is one
        self.held: dict[int, set[tuple[str, str]]] = {}
        self.ident_values: dict[int, dict[str, set[str]]] = {}  # entity -> scheme -> values
        # entity -> each identifier's value as compared -> (its scheme, its row; None for one
        # this import adds): a number under no named scheme is the one the party holds
        self.by_value: dict[int, dict[str, tuple[str, int | None]]] = {}
        for rid, eid, scheme, value in conn.exec_driver_sql(
                "SELECT id, entity_id, scheme, value FROM identifier"):
            self.add_identifier(eid, scheme, value, row=rid)
        self.existing = dict(self.by_name)  # what was there before the import
        # the names that were several parties' before the import (their normalised form:
        # 'Siemens AG' and 'Siemens' are both 'siemens'), and each party's names as written
        self.sharing: dict[str, list[int]] = {}
        for eid, keys in self.keys_of.items():
            for k in keys:
                self.sharing.setdefault(k, []).append(eid)
        self.sharing = {k: sorted(v) for k, v in self.sharing.items() if len(v) > 1}
        self.written = {_plain(n): eid for eid, names in self.spellings.items()
                        for n in names}

    def existing_party(self, key: str, name: str) -> tuple[int | None, str | None]:
        """The party of the case before the import a file's party of this name (``key``
        its normalised form) is, and a doubt when several had that name: the one written
        exactly so is taken; otherwise the first is asked about, naming the other (look16:
        'Siemens' went to 'Siemens AG' though the case held 'Siemens' too)."""
        found = self.sharing.get(key)
        if not found:
            return self.existing.get(key), None
        exact = self.written.get(_plain(name))
        if exact in found:
            return exact, None
        return found[0], self._too(found, found[0])

    def shared_proposals(self, key: str) -> list[tuple[int, str]]:
        """(party, what to say of it) for each party of the case that had the name ``key``
        before the import: one proposal each, so that any of them can be accepted (look17:
        only the first could be ticked)."""
        found = self.sharing.get(key, [])
        return [(e, f"{self.names.get(e, '')}, same name but {self._too(found, e)}")
                for e in found]

    def _too(self, found: list[int], eid: int) -> str:
        others = [e for e in found if e != eid]
        listed = ", ".join(f"#{e} {self.names.get(e, '')}" for e in others[:3])
        return f"{listed} {'has' if len(others) == 1 else 'have'} that name too"

    def know_name(self, eid: int, name: str, key: str | None = None) -> None:
        """Know party ``eid`` by another name (one an import added to it, or made it with);
        ``key``: the name as compared, when not its normalised form. A name another party
        has already stays with that party."""
        self._name(eid, name, key)

    def _name(self, eid: int, name: str, key: str | None = None) -> None:
        self.spellings.setdefault(eid, set()).add(name)
        key = normalise_name(name) if key is None else key
        self.by_name.setdefault(key, eid)
        self.keys_of.setdefault(eid, set()).add(key)

    def add_identifier(self, eid: int, scheme: str, value: str, added: str = "",
                       row: int | None = None) -> None:
        """Know a party by an identifier (when the identifier can name one party);
        ``added`` says where an import found one it added to a party the case held
        ("dt.csv, line 2, column 'INN'"), for a later doubt to say; ``row``: its row."""
        key = match_key(detect_scheme(value, scheme), value)
        self.held.setdefault(eid, set()).add(key or _plain_key(scheme, value))
        self.by_value.setdefault(eid, {})[value_key(value)] = (scheme, row)
        if key is not None:
            self.idents.setdefault(key, eid)
            self.ident_values.setdefault(eid, {}).setdefault(key[0], set()).add(key[1])
            if added:
                self.added_from[(eid, *key)] = added

    def by_identifier(self, identifiers: list[tuple[str, str]]) -> int | None:
        """The party one of ``(scheme, value)`` names, if any."""
        for scheme, value in identifiers:
            key = match_key(detect_scheme(value, scheme), value)
            if key is not None and key in self.idents:
                return self.idents[key]
        return None

    def conflict(self, eid: int, birth: tuple[str, str] | None,
                 identifiers: list[tuple[str, str]]) -> str | None:
        """Why a party of the same name may be another: born on days that do not meet, or
        an identifier of a scheme that names one party with another value (and none the
        same); None when nothing says so."""
        have = self.births.get(eid)
        if birth is not None and have is not None and (birth[1] < have[0]
                                                       or have[1] < birth[0]):
            return f"born {_span(have)}, the file's {_span(birth)}"
        theirs = self.ident_values.get(eid)
        if not theirs:
            return None
        mine: dict[str, set[str]] = {}
        for scheme, value in identifiers:
            if (key := match_key(detect_scheme(value, scheme), value)) is not None:
                mine.setdefault(key[0], set()).add(key[1])
        for scheme, values in mine.items():
            if scheme in theirs and not values & theirs[scheme]:
                said = [f"{v} (added from {self.added_from[(eid, scheme, v)]})"
                        if (eid, scheme, v) in self.added_from else v
                        for v in sorted(theirs[scheme])]
                return f"its {scheme} is {', '.join(said)}, the file's " \
                       f"{', '.join(sorted(values))}"
        return None

    def missing(self, accept: dict[str, int]) -> list[str]:
        """What is wrong with matches the user confirmed (name -> party) that name a party
        the case does not hold (deleted since the check)."""
        return [f"the match confirmed for {name!r} is party #{eid}, which is not in the "
                "case (deleted since?): check the file again" for name, eid in accept.items()
                if eid not in self.names]

    def named(self, eid: int, key: str) -> bool:
        """Whether party ``eid`` has the normalised name ``key`` (as name or alias)."""
        return key in self.keys_of.get(eid, ())

    def near(self, key: str) -> tuple[int, str, float] | None:
        """The closest party that was in the case before the import: (id, name, score)."""
        if not self.existing:
            return None
        near = [k for k, _score, _i in process.extract(
            key, self.existing.keys(), scorer=fuzz.token_set_ratio, score_cutoff=NEAR,
            limit=10) if not _one_word_inside(key, k)]
        if not near:
            return None
        best = max(near, key=lambda k: likeness(key, k))
        eid = self.existing[best]
        return eid, self.names.get(eid, best), likeness(key, best)


def _span(days: tuple[str, str]) -> str:
    lo, hi = days
    return lo if lo == hi else f"{lo} – {hi}"


def ident_key(scheme: str, value: str) -> tuple[str, str]:
    """An identifier as compared: by its scheme's match key where it has one (an INN under
    innCode or taxNumber is one INN), else its scheme and value, spaces and case aside."""
    return match_key(detect_scheme(value, scheme), value) or _plain_key(scheme, value)


def value_key(value: str) -> str:
    """An identifier's value as compared whatever its scheme: spaces and case aside."""
    return "".join(value.split()).casefold()


def _plain(name: str) -> str:
    """A name as written, case and spacing aside."""
    return " ".join(name.casefold().split())


def _plain_key(scheme: str, value: str) -> tuple[str, str]:
    return " ".join(scheme.split()).casefold(), "".join(value.split()).casefold()
