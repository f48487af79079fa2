"""What other FollowTheMoney entities attach to a party: the Address entities a party names in
its ``addressEntity``, and the Identification and Passport entities whose ``holder`` it is — how
OpenSanctions gives most addresses and passports (look21: they were counted as skipped, and a
company whose address was only an Address entity came in with none, though the simpler
targets.simple.csv of the same list kept it).

Casefile keeps each as what the party says of itself: the address in the party's Address
field (the entity's ``full`` address, else its parts joined), the number as an identifier
of the party (a passport's as a passport number, any other's under the scheme its type names,
else as an identity document's). A
file gives them in any order, before or after their party, and a party's row is written
when the party is read: so they are gathered first, by the pass that gathers a PEP's posts
(:mod:`.ftm_positions`; no pass at all when a byte scan finds none). What one of them says
beyond that (an address's coordinates, a passport's dates) is counted as left out, and one
no party of the file takes is counted as skipped, by its schema."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile.core.countries import country_name
from casefile.core.identifiers import schemes
from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports.byte_scan import words_in
from casefile.services.exchange.imports.ftm_read import Record

SCHEMATA = ("Address", "Identification", "Passport")
_PARTS = ("street", "street2", "postalCode", "city", "region", "state")
READ = {"Address": frozenset({"full", *_PARTS, "country"}),
        "Identification": frozenset({"holder", "number", "type", "country"}),
        "Passport": frozenset({"holder", "number", "type", "passportNumber", "country"})}
# what an identity document says that its identifier does not keep (never counted as left
# out for other records: a sanction's or a relationship's dates are read)
_DOCUMENT_DATES = ("startDate", "endDate", "date")
# what a file that attaches any holds (quoted in JSON, bare in a CSV): an Address attaches
# only when a party names it, so a file of parties with their own address and some Address
# entities besides is read in no pass of its own (they are counted as skipped, as before)
NEEDLES = (b"addressEntity", b"Identification", b"Passport")


def names_attached(path: Path, encoding: str) -> bool:
    """Whether the file may attach an Address, Identification or Passport entity to a
    party: a scan of its bytes (an encoding that does not write ASCII as ASCII is read in
    the pass)."""
    return bool(words_in(path, encoding, NEEDLES))


class Attached:
    """The addresses and identity documents of the file, until the parties take them;
    ``leave_out`` hears of what they say that no party keeps."""

    def __init__(self, leave_out: Callable[[str], None], skip: Callable[[str], None]) -> None:
        self.leave_out = leave_out
        self.skip = skip  # hears the schema of each entity no party of the file took
        self.addresses: dict[str, str] = {}  # Address id -> the address as one text
        self.used: set[str] = set()  # the Address ids a party took
        # holder id -> (schema, the FtM property its numbers go under, the numbers, the
        # country that issued them or '')
        self.numbers: dict[str, list[tuple[str, str, list[str], str]]] = {}
        # what the file gives of each, merged over its lines, until :meth:`finish`
        self._given: dict[tuple[str, str], dict[str, list[str]]] = {}

    def take(self, rec: Record) -> None:
        """Note what an Address, Identification or Passport entity says; the lines of one
        given over several are joined (review23: a repeated Address kept its first line, a
        Passport whose holder and number were on two lines was dropped twice)."""
        schema, props = rec["schema"], rec["properties"]
        fm.count_unread(schema, props, READ[schema], self.leave_out)
        if schema != "Address":  # (look25: a passport's dates went without a word)
            for prop in _DOCUMENT_DATES:
                if fm.strings(props, prop):
                    self.leave_out(f"{schema} {prop}: Casefile keeps an identifier's number, "
                                   "scheme and country, not its dates")
        key = (schema, rec["id"] or f"#{len(self._given)}")  # no id: one of its own
        given = self._given.setdefault(key, {})
        fm.merge_read(given, props, READ[schema])

    def finish(self) -> None:
        """The addresses and numbers of the entities gathered (each whole)."""
        for (schema, rid), props in self._given.items():
            if schema == "Address":
                text = _address(props)
                if text and not rid.startswith("#"):
                    self.addresses[rid] = text
                elif not text:
                    self.leave_out("Address entity without an address")
                continue
            holders = props.get("holder", [])
            numbers = props.get("number", []) + props.get("passportNumber", [])
            if not holders or not numbers:
                self.leave_out(f"{schema} without its holder or number")
                continue
            prop = "passportNumber" if schema == "Passport" else _prop_of(props.get("type", []))
            issued = (props.get("country") or [""])[0]
            for holder in holders:
                self.numbers.setdefault(holder, []).append((schema, prop, numbers, issued))
        self._given.clear()

    def enrich(self, rec: Record) -> None:
        """Put on a party's record the addresses and numbers attached to it (as its own
        ``address``, ``passportNumber`` and ``idNumber`` values)."""
        if not self.addresses and not self.numbers:
            return
        props: dict[str, list[Any]] = rec["properties"]
        for aid in fm.strings(props, "addressEntity"):
            if (text := self.addresses.get(aid)) is not None:
                self.used.add(aid)
                have = props.setdefault("address", [])
                if text not in have:
                    have.append(text)
        for _schema, prop, numbers, issued in (self.numbers.pop(rec["id"], ()) if rec["id"]
                                               else ()):
            have = props.setdefault(prop, [])
            have += [n for n in numbers if n not in have]
            if issued:  # (look25) the country that issued it: the identifier's own field
                rec.setdefault("_id_countries", {}).update(dict.fromkeys(numbers, issued))

    def not_taken(self) -> None:
        """Count, as skipped, each entity no party of the file took."""
        for _aid in self.addresses.keys() - self.used:
            self.skip("Address")
        for documents in self.numbers.values():
            for schema, *_rest in documents:
                self.skip(schema)
        self.numbers.clear()


def _prop_of(types: list[str]) -> str:
    """The FtM property an Identification's number goes under, by the ``type`` it names:
    a scheme Casefile knows ('INN', 'passport', 'OGRN'), else an identity document's."""
    for t in types:
        key = t.strip().casefold()
        for name, scheme in schemes().items():
            if scheme.ftm and key in (name.casefold(), scheme.label.casefold()):
                return scheme.ftm[0]
        if "passport" in key:
            return "passportNumber"
    return "idNumber"


def _address(props: fm.Props) -> str:
    """An Address entity as one line: its full address, else its parts and country."""
    if full := fm.strings(props, "full"):
        return full[0]
    parts = [v for p in _PARTS for v in fm.strings(props, p)]
    parts += [country_name(c) or c for c in fm.strings(props, "country")]
    return ", ".join(parts)
