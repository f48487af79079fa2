"""The parties of a trade-data file's rows: each shipper and consignee resolved to a party the
case holds (by identifier, a confirmed match, or its normalised name unless what the case
knows of it says otherwise) or made new by the one party writer; near matches and doubtful
namesakes proposed, never merged; what a row adds to a party the case held added to it
(:mod:`.party_additions`), what it says of a party an earlier row made counted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from casefile.core.countries import CountryError, country_or_unknown
from casefile.core.identifiers import GENERIC, detect_scheme, labelled
from casefile.core.identifiers import problem as identifier_problem
from casefile.core.names import normalise_name
from casefile.services.case.journal import Tx
from casefile.services.exchange.imports.known import KnownParties
from casefile.services.exchange.imports.party_additions import PartyAdditions
from casefile.services.exchange.imports.party_writer import PartyWriter, Where
from casefile.services.exchange.imports.report import ImportReport
from casefile.services.exchange.imports.values import NONE_WORDS

# role -> the mapping targets of its name, identifier and country cells
_ROLE_CELLS = {r: (r, f"{r}_id", f"{r}_country") for r in ("shipper", "consignee")}
_ROLE_PLACE = {"shipper": "origin_country", "consignee": "destination_country"}
# role -> the mapping target of each entity column a problem may name
_ROLE_FIELDS = {r: {"name": r, "country": f"{r}_country"} for r in ("shipper", "consignee")}


def _dispatch(values: dict[str, str]) -> str:
    """The country of dispatch a row gives, where it names one country a party can be in:
    not a bloc (ЕВРОСОЮЗ: review36, a German shipper was made 'EU') nor an unknown or
    unreadable one (then the origin is taken, as before)."""
    given = values.get("dispatch_country") or ""
    try:
        code = country_or_unknown(given)
    except CountryError:
        return ""
    return given if code and code != "EU" else ""


# the columns that name the country the goods first arrive in (a Chinese declaration's
# 运抵国), where a consignee that sends them on is: other transit countries are passed
# through, and the consignee is where the goods go
_ARRIVAL = frozenset({"运抵国", "运抵国(地区)", "运抵国（地区）"})


def _elsewhere(values: dict[str, str], report: ImportReport) -> bool:
    """Whether the row names a country the goods first arrive in (运抵国) that is not its
    destination."""
    if str(report.mapping.get("via", "")).strip() not in _ARRIVAL:
        return False

    def code(text: str) -> str:
        try:
            return country_or_unknown(text) or ""
        except CountryError:
            return ""
    via = code(values.get("via") or "")
    return bool(via) and via != code(values.get("destination_country") or "")


def _where(report: ImportReport, line: int) -> Callable[[str], str]:
    """Where a party value of a row came from: target -> "file, line 3, column 'Shipper'"."""
    return lambda target: f"{report.file}, row {line}, column {col_name(report, target)}"


class ShipmentParties(KnownParties):
    """Resolve the party cells of a row to entity ids: existing (name/alias/identifier) or
    new, written by the one party writer."""

    def __init__(self, tx: Tx, accept: dict[str, int], keep_apart: Iterable[str],
                 writer: PartyWriter, report: ImportReport) -> None:
        super().__init__(tx.conn)
        self.accept = {normalise_name(k): v for k, v in accept.items()}
        self.keep_apart = {normalise_name(k) for k in keep_apart}
        self.writer = writer
        self.checked: set[str | tuple[str, str]] = set()
        # what the rows add to parties the case held (an identifier, a country), each
        # party, identifier and country looked at once however many rows repeat them
        self.more = PartyAdditions(tx, writer, self, report.leave_out, report.problem)
        self.looked: set[tuple[int, str, str]] = set()
        self.made: dict[int, tuple[str, str | None]] = {}  # new party -> identifier, country
        self.namesakes: dict[str, set[int]] = {}  # a name -> the parties the file gave it
        self.said: set[str] = set()  # the names whose rows without an identifier were said
        self.made_for: dict[str, int] = {}  # a shared name as written -> the party made for it
        self.first_names: dict[int, str] = {}  # new party -> the name it was made with

    def _country(self, stated: str, where: Where, role: str) -> dict[str, Any] | None:
        """The country a row states for a party, checked ({"country": code}); None when it
        states none or one the rules refuse (said as a problem of the row)."""
        if not stated:
            return None
        return self.writer.check("entity", {"country": stated}, where, _ROLE_FIELDS[role])

    def _not_added(self, eid: int, role: str, ident: str, scheme: str, where: Where,
                   country: dict[str, Any] | None, report: ImportReport) -> None:
        """Count what a row says of a party an earlier row of the file made that the party
        does not hold (it is not changed once made) — but for its identifier, when the row
        that made it gave none: the first a later row gives is taken (review: with the
        first row of a name without its INN, every namesake's rows joined that party)."""
        had_ident, had_country = self.made[eid]
        if ident and not had_ident and self.writer.identifier(
                where, eid, f"{role}_id", scheme, ident):
            self.add_identifier(eid, scheme, ident)
            self.made[eid] = (ident, had_country)
            had_ident = ident
        if ident and ident != had_ident:
            report.leave_out(f"column {col_name(report, f'{role}_id')}: an identifier that "
                             f"rows give a {role} an earlier row of the file made with "
                             f"{'another' if had_ident else 'none'} (a party the import "
                             "makes is not changed by its later rows)")
        if country and country.get("country") not in (None, had_country):
            report.leave_out(f"column {col_name(report, f'{role}_country')}: a country that "
                             f"rows give a {role} an earlier row of the file made with "
                             "another")

    def _shared(self, key: str, name: str) -> int | None:
        """For a name several parties of the case had before the import once legal forms are
        set aside ('Siemens AG', 'Siemens'): the one written exactly so; else the party an
        earlier row of this file made for it (a proposal asks about it); None for the first
        such row (look17: rows went to the first of them unasked)."""
        eid, doubt = self.existing_party(key, name)
        if doubt is None:
            return eid
        return self.made_for.get(name.casefold())

    def resolve(self, role: str, values: dict[str, Any], line: int,
                report: ImportReport) -> int | None:
        """The entity of the ``role`` ("shipper" / "consignee") cells of a row; None when
        the row names none, or when a new party's values are refused (reported)."""
        name_key, ident_key, country_key = _ROLE_CELLS[role]
        name, ident = " ".join(values[name_key].split()), values[ident_key].strip()
        if name.casefold() in NONE_WORDS:  # 'ОТСУТСТВУЕТ' names no party (review: one fake
            report.leave_out(f"column {col_name(report, name_key)}: {name!r} (the file's "
                             "word for none)")  # party linked unrelated companies)
            name = ""
        if ident.casefold() in NONE_WORDS:
            ident = ""
        if not name and not ident:
            return None
        where = _where(report, line)
        # a new party is where the row says; else the shipper is in the country the goods
        # were dispatched from (box 15, 启运国), or where they were made when the row gives
        # no dispatch — a re-exporter in Hong Kong or the UAE is not where its goods were
        # made (look31: AL KHALEEJ GENERAL TRADING LLC took the United States) — and the
        # consignee in the destination, unless the goods first arrived elsewhere
        stated = values[country_key]
        country = stated or (_dispatch(values) if role == "shipper" else "") \
            or values[_ROLE_PLACE[role]]
        if not stated and role == "consignee" and _elsewhere(values, report):
            # the goods first arrived elsewhere (运抵国): a consignee there re-exports them,
            # and is not where they went on to (look32: ALFA TRADING FZE of Dubai made
            # Russian); none taken, and said
            country = ""
            report.warn(f"{report.file}: a consignee's country is not taken from the "
                        "destination where the row names a country the goods first arrived "
                        "in (a transit country) besides it; a new consignee is made without "
                        "one")
        key = normalise_name(name) or name.casefold()
        scheme = detect_scheme(ident, report.mapping.get(ident_key)) if ident else GENERIC
        if ident and (why := identifier_problem(scheme, ident)):
            report.warn(f"{where(ident_key)}: {why}; kept, not used to match "
                        "parties")
        by_id = self.by_identifier([(scheme, ident)]) if ident else None
        # a party of this very name whose identifier of the same scheme differs: maybe
        # another (asked below, never merged unasked); looked at only when the name decides
        doubt: str | None = None
        eid: int | None
        why = "the same name once case, punctuation and legal forms are set aside"
        if by_id is not None and (not name or self.named(by_id, key)):
            eid = by_id
        elif ident and (akey := normalise_name(f"{name} [{labelled(scheme, ident)}]")) \
                in self.accept:  # a namesake's match confirmed with its identifier
            eid = report.reuse(name, self.accept[akey])
            why = "as you confirmed"
        elif key in self.accept and (not ident or self.conflict(
                self.accept[key], None, [(scheme, ident)]) is None):
            # confirmed by name: rows whose identifier says it is another are asked about
            # (review19: ticking one of two namesakes' matches merged both)
            eid = report.reuse(name, self.accept[key])
            why = "as you confirmed"  # (look24: not 'the same name once … set aside')
        elif key in self.sharing:  # a name several parties of the case had: the one
            eid = self._shared(key, name)  # written so, else a new party, asked about
            if eid is not None and name.casefold() not in self.made_for:
                report.reuse(name, eid)
        elif key in self.by_name and (not ident or (doubt := self.conflict(
                self.by_name[key], None, [(scheme, ident)])) is None):
            eid = self.by_name[key]
            if key in self.existing:
                report.reuse(name, eid)
            if not ident and len(self.namesakes.get(key, ())) > 1 and key not in self.said:
                self.said.add(key)  # (once a name: its rows without one go the same way)
                report.warn(f"{where(ident_key)}: {name!r} is the name of "
                            f"{len(self.namesakes[key])} parties with different identifiers; "
                            f"rows that give the name without one are linked to "
                            f"{self.names.get(eid) or name!r} #{eid}: check them")
        else:
            eid = None
        if eid is not None:
            country = self._country(stated, where, role)  # every row's must be a country
            if (eid, ident, stated) not in self.looked:
                self.looked.add((eid, ident, stated))
                if self.more.existed(eid) and self.more.add(
                        eid, where, role.capitalize(), details=country,
                        identifiers=[(ident_key, scheme, ident)] if ident else []):
                    self.writer.cite(where, "entity", eid, f"row {line}", "")
                elif eid in self.made:
                    self._not_added(eid, role, ident, scheme, where, country, report)
            spellings = self.spellings.setdefault(eid, set())
            if name and name not in spellings:  # a variant that resolved to it: an alias,
                # said (look23: 'CO.,LIMITED' joined 'CO., LTD' without a word)
                party = self.names.get(eid) or self.first_names.get(eid) or ""
                report.warn(f"{where(name_key)}: {name!r} taken as another spelling of "
                            f"{party!r} ({why}) and kept as its alias"
                            + (": check it" if why != "as you confirmed" else ""))
                self.know_name(eid, name)
                self.writer.alias(where, eid, name, _ROLE_FIELDS[role]["name"])
                if self.more.existed(eid):  # the file is the spelling's source (look28: a
                    # party of the case printed it as its other source's)
                    self.writer.cite(where, "entity", eid, f"row {line}",
                                     f"{report.mapping.get(name_key, name_key)}: {name}"[:300])
            return eid
        # said once a name (a namesake: once an identifier of the name)
        fresh = key not in self.checked and key not in self.keep_apart
        if doubt is not None and key not in self.keep_apart:
            fresh = (key, ident) not in self.checked
            self.checked.add((key, ident))
        if fresh:
            self.checked.add(key)
            if key in self.sharing:  # (the first row of a name several parties had)
                report.proposals += [(name, e, said, 100.0)
                                     for e, said in self.shared_proposals(key)]
            elif doubt is not None and self.by_name[key] in self.names:
                # named with its identifier: ticking it confirms this namesake only
                report.proposals.append((f"{name} [{labelled(scheme, ident)}]",
                                         self.by_name[key], f"{self.names[self.by_name[key]]}"
                                         f", same name but {doubt}", 100.0))
            elif doubt is not None:
                report.warn(f"{where(ident_key)}: {name!r} has the name of "
                            f"another new party but {doubt}; kept apart (merge them in the "
                            "case if they are one)")
            elif by_id is not None and by_id in self.names:  # in the case before the import
                report.proposals.append((name, by_id, f"{self.names[by_id]}, same "
                                         f"{labelled(scheme, ident)}", 100.0))
            elif by_id is not None:
                report.warn(f"{where(ident_key)}: {name!r} has the same "
                            f"{scheme} as another new party; kept apart (merge them in the "
                            "case if they are one)")
            elif near := self.near(key):
                report.proposals.append((name, *near))
        eid = self.writer.party(
            where, name=name or f"Party {ident}", country=country or None,
            description="Created by import", field=_ROLE_FIELDS[role],
            identifiers=[(ident_key, scheme, ident)] if ident else ())
        if eid is None:
            return None
        # the row that made it is its source (review: every imported party printed "[no
        # source]" in the dossier): the file's cells that name it
        said = "; ".join(f"{report.mapping.get(t, t)}: {' '.join(str(values[t]).split())}"
                         for t in (name_key, ident_key, country_key) if values.get(t))
        self.writer.cite(where, "entity", eid, f"row {line}", said[:300])
        if ident:
            self.add_identifier(eid, scheme, ident)
        made = self._country(country, where, role)
        self.made[eid] = (ident, (made or {}).get("country"))
        # known by its name from now on: a later row with its identifier finds it (review:
        # two ООО ВЕКТОР taking turns made a new party at every turn, 61 in all); the name
        # stays with the party that had it first
        self.know_name(eid, name, key)
        self.first_names[eid] = name
        self.namesakes.setdefault(key, {self.by_name[key]}).add(eid)
        if key in self.sharing:
            self.made_for[name.casefold()] = eid
        report.new_entities.append(name)
        return eid


def col_name(report: ImportReport, target: str) -> str:
    return repr(report.mapping.get(target, target))
