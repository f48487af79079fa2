"""Identifier schemes (INN, KPP, OGRN, USCC, IMO, LEI …): which scheme a value belongs to,
whether its check digits hold, and whether the scheme names one party.

The schemes are data (``resources/identifiers/schemes.json``); the check-digit rules are the
published algorithms. A scheme that many parties share (KPP is a tax office's reason code)
is never used to match; a value that fails its check digits is kept as typed but never used
to match either."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from casefile.paths import resource_path

GENERIC = "identifier"  # the scheme of a value nothing more is known of
# schemes that say only "some number": the value's own form may tell more
_VAGUE = frozenset({GENERIC, "registration", "tax"})


def is_vague(scheme: str) -> bool:
    """Whether a scheme says only "some number" (the generic identifier, a registration or
    tax number of no named kind)."""
    return scheme in _VAGUE


@dataclass(frozen=True)
class Scheme:
    key: str
    label: str
    unique: bool  # one value names one party
    check: str | None  # the check-digit rule, a key of CHECKS
    pattern: re.Pattern[str]
    headers: frozenset[str]  # normalised column names that carry it
    ftm: tuple[str, ...]  # FollowTheMoney properties that carry it


def _inn(v: str) -> bool:
    d = [int(c) for c in v]

    def digit(weights: list[int], n: int) -> int:
        return sum(w * x for w, x in zip(weights, d[:n], strict=False)) % 11 % 10
    if len(d) == 10:
        return digit([2, 4, 10, 3, 5, 9, 4, 6, 8], 9) == d[9]
    return (digit([7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10) == d[10]
            and digit([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11) == d[11])


def _ogrn(v: str) -> bool:
    if len(v) == 13:
        return int(v[:12]) % 11 % 10 == int(v[12])
    return int(v[:14]) % 13 % 10 == int(v[14])  # OGRNIP, a sole trader's


def _imo(v: str) -> bool:
    d = [int(c) for c in v.removeprefix("IMO")]
    return sum(w * x for w, x in zip(range(7, 1, -1), d, strict=False)) % 10 == d[6]


def _lei(v: str) -> bool:  # ISO 17442: ISO 7064 MOD 97-10 over letters as 10..35
    return int("".join(str(int(c, 36)) for c in v)) % 97 == 1


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def _uscc(v: str) -> bool:  # GB 32100-2015, modulus 31
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(v, _USCC_WEIGHTS, strict=False))
    return _USCC_CHARS[(31 - total % 31) % 31] == v[17]


CHECKS: dict[str, Callable[[str], bool]] = {
    "inn": _inn, "ogrn": _ogrn, "imo": _imo, "lei": _lei, "uscc": _uscc}


def _norm_header(text: str) -> str:
    return re.sub(r"[\s_\-().,:/№#]+", "", text.strip().lower())


@lru_cache(maxsize=1)
def schemes() -> dict[str, Scheme]:
    """Every scheme Casefile knows, by key."""
    data = json.loads(resource_path("identifiers", "schemes.json").read_text("utf-8"))
    return {key: Scheme(key, s["label"], bool(s["unique"]), s["check"],
                        re.compile(s["pattern"], re.ASCII),
                        frozenset(_norm_header(h) for h in s["headers"]), tuple(s["ftm"]))
            for key, s in data["schemes"].items()}


@lru_cache(maxsize=65536)
def clean_value(value: str) -> str:
    """The value as compared: no spaces, dashes or dots; upper case."""
    return re.sub(r"[\s\-./]+", "", value).upper()


# FollowTheMoney identifier properties Casefile keeps as their own scheme (it has no scheme
# of its own for them: the property is what the export writes back), as a reader names them;
# the importer reads these properties (ftm_map.IDENT_OTHER)
FTM_WORDS = {"wikidataId": "Wikidata ID", "okvedCode": "OKVED code", "npiCode": "NPI",
              "bvdId": "BvD ID", "sayariId": "Sayari ID", "brightQueryId": "BrightQuery ID",
              "brightQueryOrgId": "BrightQuery org ID", "permId": "PermID",
              "ricCode": "RIC", "cikCode": "CIK", "isinCode": "ISIN", "bikCode": "BIK",
              "cageCode": "CAGE code", "giiNumber": "GIIN", "licenseNumber": "licence number",
              "voenCode": "VOEN", "fnsCode": "FNS code", "ipoCode": "IPO code",
              "irsCode": "IRS code", "jibCode": "JIB", "mbsCode": "MBS code",
              "pfrNumber": "PFR number", "coatoCode": "COATO code",
              "socialSecurityNumber": "social security number", "mmsi": "MMSI",
              "callSign": "call sign", "crsNumber": "CRS number", "icaoCode": "ICAO code",
              "serialNumber": "serial number", "ticker": "ticker"}


def scheme_label(scheme: str) -> str:
    """A scheme as a reader names it: Casefile's own as they are ('INN'), an FtM property
    kept as its scheme in words ('wikidataId' -> 'Wikidata ID')."""
    return FTM_WORDS.get(scheme, scheme)


def labelled(scheme: str, value: str) -> str:
    """An identifier as a reader meets it: 'INN 7707083893', 'Wikidata ID Q56226', and
    'IMO 9074729' for a value that already says its scheme ('IMO 9074729' as written, not
    'IMO IMO 9074729')."""
    if clean_value(value).startswith(clean_value(scheme)) and scheme.strip():
        return value
    return f"{scheme_label(scheme)} {value}".strip()


def scheme_of_header(header: str) -> str | None:
    """The scheme a column's name says it holds ('ИНН получателя' -> 'INN'), or None."""
    n = _norm_header(header)
    return next((s.key for s in schemes().values() if n in s.headers), None)


def scheme_of_ftm(prop: str) -> str | None:
    return next((s.key for s in schemes().values() if prop in s.ftm), None)


@lru_cache(maxsize=65536)  # an import asks of one value several times (match, check, keep)
def valid(scheme: str, value: str) -> bool:
    """Whether ``value`` has the form (and check digits, where the scheme has them) of
    ``scheme``; a scheme Casefile does not know accepts any value."""
    s = schemes().get(scheme)
    if s is None:
        return True
    v = clean_value(value)
    return bool(s.pattern.match(v)) and (s.check is None or CHECKS[s.check](v))


def detect_scheme(value: str, hint: str | None = None) -> str:
    """The scheme of a value: the one ``hint`` (a scheme key, column name or FtM property)
    names; else the only checked scheme whose form and check digits the value passes;
    else the vague scheme hinted at, or the generic ``"identifier"``. A 10- or 12-digit
    number that passes the INN check is an INN; a scheme is never guessed from the form
    alone, without check digits."""
    named = None
    if hint:
        named = hint if hint in schemes() or hint == GENERIC else (
            scheme_of_header(hint) or scheme_of_ftm(hint))
        if named is not None and named not in _VAGUE:
            return named
    v = clean_value(value)
    passing = [s.key for s in schemes().values()  # a bare 7-digit number is no IMO number
               if s.check is not None and s.pattern.match(v) and CHECKS[s.check](v)
               and (s.key != "IMO" or v.startswith("IMO"))]
    return passing[0] if len(passing) == 1 else named or GENERIC


@lru_cache(maxsize=65536)
def match_key(scheme: str, value: str) -> tuple[str, str] | None:
    """What an identifier is matched on: (scheme, value) for a scheme that names one party
    and a value that passes its checks; None when the identifier must not match parties."""
    s = schemes().get(scheme)
    if s is None or not s.unique or not valid(scheme, value):
        return None
    return scheme, clean_value(value).removeprefix("IMO") if scheme == "IMO" else \
        clean_value(value)


def problem(scheme: str, value: str) -> str | None:
    """Why a value is not a valid identifier of its scheme, in words; None when it is."""
    s = schemes().get(scheme)
    if s is None or valid(scheme, value):
        return None
    v = clean_value(value)
    if not s.pattern.match(v):
        return f"{value!r} does not have the form of {_a(s.label)}"
    return f"{value!r} fails the check digits of {_a(s.label)}"


def _a(label: str) -> str:
    """'an INN …', 'an LEI …', 'a USCC …', 'a passport number': by how the label is said
    (an acronym letter by letter)."""
    first = (label.split() or [""])[0]
    if len(first) > 1 and first.isupper():
        an = first[0] in "AEFHILMNORSX"
    else:
        an = first[:1].lower() in ("a", "e", "i", "o")
    return f"{'an' if an else 'a'} {label}"
