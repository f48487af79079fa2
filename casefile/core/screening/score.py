"""The score of a party against a watchlist entry, with the feature scores and the reasons in
words, after ``logic-v2``: the best of the main features (name match 1.0, a checked
identifier 0.95, another identifier 0.85, a weak alias 0.8), then the qualifiers added
(country differs -0.2, birth years disjoint -0.15, birth days disjoint -0.25, gender
differs -0.2, an organisation's registration or tax number of one scheme differs -0.2),
clipped to 0..1."""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.core import identifiers as ids
from casefile.core.screening import han
from casefile.core.screening import names as nm
from casefile.core.screening.arabic_words import has_arabic
from casefile.core.screening.keys import identifier_key
from casefile.core.screening.records import Entry, Party, comparable, name_type

WEIGHTS = {"name_match": 1.0, "checked_identifier_match": 0.95, "identifier_match": 0.85,
           "weak_alias_match": 0.8, "country_mismatch": -0.2, "dob_year_disjoint": -0.15,
           "dob_day_disjoint": -0.25, "gender_mismatch": -0.2, "orgid_disjoint": -0.2}
QUALIFIERS = ("country_mismatch", "dob_year_disjoint", "dob_day_disjoint", "gender_mismatch",
              "orgid_disjoint")


@dataclass
class Result:
    """A scored comparison: ``score`` 0..1, ``features`` (name -> feature score before its
    weight), ``reasons`` (the explanation, one phrase each) and the name alignment."""

    score: float
    features: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    name: nm.NameMatch | None = None

    @property
    def explanation(self) -> str:
        return "; ".join(self.reasons)


def _say_pair(p: nm.Pair) -> str:
    if p.how == "extra":
        return (f"{p.query} not in the list's name" if p.query else
                f"{p.result} not in the party's name")
    query, result = p.forms
    if p.how == "literal" or query == result:
        return f"{p.query} = {p.result}"
    if p.how == "fuzzy":  # (review: 'pengyu ≈ peng (spelling, 0.00)' said they were alike)
        if p.score < 0.5:
            return f"{p.query} ≠ {p.result} (spelled too differently, {p.score:.2f})"
        return f"{p.query} ≈ {p.result} (spelling, {p.score:.2f})"
    what = {"name": "same given name" if " " not in query else "same name",
            "org_class": "same legal form", "domain": "same trade word",
            "location": "same place", "numeric": "same number", "initial": "initial",
            "nick": "nickname", "symbol": "same word"}.get(p.how, p.how)
    return f"{p.query} ≈ {p.result} ({what})"


def _name_reasons(m: nm.NameMatch, caption: str) -> list[str]:
    out = []
    alias = " (a name the list gives besides its caption)" if m.result != caption else ""
    named = m.query if han.has_han(m.query) else m.result
    if m.derived == "english" and han.has_han(m.query) and han.has_han(m.result):
        out.append(f"compared as English lists write both: “{m.forms[0]}”, “{m.forms[1]}”")
    elif m.derived == "english":  # (its words of trade translated: core/screening/han_words)
        form = m.forms[0] if named == m.query else m.forms[1]
        out.append(f"compared as an English list writes {named}: “{form}”")
    elif m.derived == "arabic":  # (core/screening/arabic_words)
        named, form = ((m.query, m.forms[0]) if has_arabic(m.query) else
                       (m.result, m.forms[1]))
        out.append(f"{named} read in Latin letters as {_spelling(m)}: “{form}” (words "
                   "of trade translated, names by their consonants and long vowels)")
    elif m.derived.startswith("pinyin") and han.has_han(m.query) and \
            han.has_han(m.result) and han.han_key(m.query) == han.han_key(m.result):
        out.append("the same characters, one name in simplified and one in traditional "
                   "Chinese")  # (review36: said to be compared through pinyin)
    elif m.derived.startswith("pinyin"):
        out.append(f"compared through the pinyin/romanised form of {named}")
    if len(m.pairs) == 1 and m.pairs[0].how == "literal" and m.score == 1.0 and \
            m.derived == "arabic":  # (review37: 'name equal' said of محمد and 'Mahmoud')
        out.append(f"name read as {_spelling(m)}: {m.query} ≈ {m.result}{alias}")
    elif len(m.pairs) == 1 and m.pairs[0].how == "literal" and m.score == 1.0:
        out.append(f"name equal: {m.query} = {m.result}{alias}")
    else:
        shown = [_say_pair(p) for p in m.pairs if not (p.how == "extra" and p.weight < 0.15)]
        against = f", against {m.result}" if alias else ""
        out.append(", ".join(shown) + f" (name {m.score:.2f}{against})")
    if m.generic_only:
        out.append("only generic words (legal form, trade or place words) matched")
    if m.one_part:
        out.append("one part of the names alone matched: the others differ")
    if m.other_cities:
        out.append(f"each name begins with another city: one trade name registered in two "
                   f"places, or a company that moved (name {nm.OTHER_CITIES:.2f} at most)")
    return out


def _spelling(m: nm.NameMatch) -> str:
    """Whose Latin spelling an Arabic name was read as: the list's, or the party's where
    the list gives it in Arabic (review38)."""
    return "the party's name spells it" if has_arabic(m.result) else "the list spells it"


# the most a Han name matched through its pinyin scores when the list writes the name in
# other characters: the same sound, very likely another person or company (look31: 王小明
# 'name equal' to WANG Xiaoming, whose entry gives 王晓明)
OTHER_CHARACTERS = 0.6


def _other_characters(party: Party, entry: Entry, m: nm.NameMatch) -> str:
    """Why the match is capped when it came through the pinyin of a Han name while the list
    writes the name in Chinese itself, in other characters; '' when it does not."""
    if m.derived != "pinyin":
        return ""
    ours = {han.han_key(n) for n in party.names if han.has_han(n)}
    theirs = {han.han_key(n) for n in entry.names if han.has_han(n)}
    if not ours or not theirs or ours & theirs:
        return ""
    listed = ", ".join(sorted(n for n in entry.names if han.has_han(n))[:3])
    return (f"the list writes the name in Chinese as {listed}: other characters than "
            f"{', '.join(sorted(n for n in party.names if han.has_han(n))[:3])}, the same "
            f"sound (name {OTHER_CHARACTERS:.2f} at most)")


def _id_match(party: Party, entry: Entry) -> tuple[str, str]:
    """(feature, reason) of the best identifier both carry: ``checked_identifier_match``
    when the value passes the check digits of a scheme that has them, else
    ``identifier_match``; ("", "") when none is shared. A tax office's reason code (KPP) is
    shared by many parties and never matches; a value failing its own scheme's check
    digits is not evidence."""
    theirs = {k for prop, v in entry.identifiers
              if prop != "kppCode" and (k := identifier_key(v)) is not None}
    best = ("", "")
    for scheme, value in party.identifiers:
        k = identifier_key(value)
        if k is None or k not in theirs or scheme == "KPP":
            continue
        known = ids.schemes().get(scheme)
        if known is not None and not ids.valid(scheme, value):
            continue
        found = ids.schemes().get(ids.detect_scheme(value, scheme if known else None))
        checked = found is not None and found.check is not None and \
            ids.valid(found.key, value)
        reason = (f"{found.label if found else scheme} {ids.clean_value(value)} equal"
                  + (" (check digits hold)" if checked else ""))
        if checked:
            return "checked_identifier_match", reason
        best = ("identifier_match", reason)
    return best


def _orgid(party: Party, entry: Entry, r: Result) -> None:
    """logic-v2's ``orgid_disjoint``: two organisations with numbers of one scheme that
    names one party (INN, OGRN, LEI …), none the same, are likely two (review: an INN that
    differed went unsaid, the namesake scored 1.00)."""
    if party.schema == "Person" or entry.schema == "Person":
        return
    ours, theirs = party.org_ids, entry.org_ids
    shared = sorted(set(ours) & set(theirs))
    if not shared or any(ours[k] & theirs[k] for k in shared):
        return
    k = shared[0]
    label = ids.schemes()[k].label.split(" (")[0]
    r.features["orgid_disjoint"] = 1.0
    r.reasons.append(f"{label} differs ({', '.join(sorted(ours[k]))} vs "
                     f"{', '.join(sorted(theirs[k]))}) -0.2")


def _years(dates: list[str]) -> set[str]:
    return {d[:4] for d in dates if len(d) >= 4 and d[:4].isdigit()}


def _dob(party: Party, entry: Entry, r: Result) -> None:
    """Birth-date qualifiers as logic-v2 has them: years disjoint -0.15, and full dates
    disjoint -0.25 (both apply when the years differ and both sides give days)."""
    ours, theirs = party.birth_dates, entry.birth_dates
    if not ours or not theirs:
        return
    days_o = {d[:10] for d in ours if len(d) >= 10}
    days_t = {d[:10] for d in theirs if len(d) >= 10}
    years_apart = not _years(ours) & _years(theirs)
    days_apart = bool(days_o and days_t and not days_o & days_t)
    if years_apart:
        r.features["dob_year_disjoint"] = 1.0
    if days_apart:
        r.features["dob_day_disjoint"] = 1.0
    if years_apart or days_apart:
        shown_o = sorted(days_o if days_apart else _years(ours))
        shown_t = sorted(days_t if days_apart else _years(theirs))
        cut = -0.15 * years_apart - 0.25 * days_apart
        r.reasons.append(f"birth {'date' if days_apart else 'year'} differs "
                         f"({', '.join(shown_o)} vs {', '.join(shown_t)}) {cut:+.2f}")
    elif days_o & days_t:
        r.reasons.append("birth date equal")
    else:
        r.reasons.append("birth year equal")


def score(party: Party, entry: Entry) -> Result:
    """Score ``party`` against ``entry`` (0 when their schemata cannot be the same)."""
    if not comparable(party.schema, entry.schema):
        return Result(0.0, reasons=[f"a {party.schema} is not compared with a {entry.schema}"])
    r = Result(0.0)
    tag = name_type(party.schema if party.schema != "LegalEntity" else entry.schema)
    m = nm.compare(party.names, entry.names, tag)
    r.name = m
    r.features["name_match"] = m.score
    r.reasons += _name_reasons(m, entry.caption) if m.pairs else ["no name part matched"]
    if (other := _other_characters(party, entry, m)) and m.score > OTHER_CHARACTERS:
        r.features["name_match"] = OTHER_CHARACTERS
        r.reasons.append(other)
    if entry.weak_aliases and m.score < 1.0:
        w = nm.compare(party.names, entry.weak_aliases, tag)
        if w.score >= 1.0:
            r.features["weak_alias_match"] = 1.0
            r.reasons.append(f"weak alias {w.result} equal")
    feature, said = _id_match(party, entry)
    if feature:
        r.features[feature] = 1.0
        r.reasons.append(said)
    main = max((v * WEIGHTS[k] for k, v in r.features.items()), default=0.0)
    if main <= 0:
        r.score = 0.0
        return r
    ours, theirs = party.countries, entry.countries
    if ours and theirs:
        if ours & theirs:
            r.reasons.append(f"country same ({', '.join(sorted(ours & theirs)).upper()})")
        else:
            r.features["country_mismatch"] = 1.0
            r.reasons.append(f"country differs ({', '.join(sorted(ours)).upper()} vs "
                             f"{', '.join(sorted(theirs)).upper()}) -0.2")
    _dob(party, entry, r)
    _orgid(party, entry, r)
    gender = (entry.values("gender") or [""])[0]
    if party.gender and gender and party.gender != gender:
        r.features["gender_mismatch"] = 1.0
        r.reasons.append("gender differs -0.2")
    total = main + sum(r.features.get(q, 0.0) * WEIGHTS[q] for q in QUALIFIERS)
    r.score = round(max(0.0, min(1.0, total)), 4)
    if not feature and not (ours and theirs) and not (party.birth_dates and entry.birth_dates):
        # (look23: 'ИВАНОВ СЕРГЕЙ' scored 1.00 with nothing else to weigh: a reviewer must
        # know that before deciding; the score itself tracks logic-v2's)
        r.reasons.append("the name alone: no identifier, birth date or country on both "
                         "sides to compare")
    return r
