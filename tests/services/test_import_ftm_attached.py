"""(look21) Addresses and passports as OpenSanctions gives most of them: an Address entity the
party names in its ``addressEntity``, an Identification or Passport entity whose ``holder`` it
is — before or after the party in a flat file, nested in the party's line in
targets.nested.json. They were counted as skipped and the party came in without them (the
simpler targets.simple.csv of the same list kept them). The party keeps the address and the
numbers; what no party takes is counted as left out."""

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.ftm_attached import Attached
from tests.support.ftm_nested import nested_targets, write_nested

COMPANY = {"id": "by-inter", "schema": "Company", "caption": "RAB „Inter Tobacco“",
           "properties": {"name": ["RAB „Inter Tobacco“"], "jurisdiction": ["by"],
                          "registrationNumber": ["808000714"],
                          "addressEntity": ["addr-minsk"], "topics": ["sanction"]}}
ADDRESS = {"id": "addr-minsk", "schema": "Address",
           "caption": "ул. Тимирязева, 65Б, Минск, 220035, Беларусь",
           "properties": {"full": ["ул. Тимирязева, 65Б, Минск, 220035, Беларусь"],
                          "country": ["by"], "latitude": ["53.91"]}}
PERSON = {"id": "ru-kuz", "schema": "Person", "caption": "Vitaly KUZMENKO",
          "properties": {"name": ["Vitaly KUZMENKO"], "addressEntity": ["addr-parts"]}}
PARTS = {"id": "addr-parts", "schema": "Address", "properties": {
    "street": ["ул. ЛЕНИНА 15, кв. 3"], "city": ["Воронеж"], "postalCode": ["394000"],
    "country": ["ru"]}}
PASSPORT = {"id": "pass-1", "schema": "Passport", "properties": {
    "holder": ["ru-kuz"], "number": ["7209 123456"], "country": ["ru"],
    "startDate": ["2015-03-01"]}}
IDENT = {"id": "id-1", "schema": "Identification", "properties": {
    "holder": ["ru-kuz"], "number": ["366510784303"], "type": ["INN"]}}
SANCTION = {"id": "s-1", "schema": "Sanction", "properties": {
    "entity": ["by-inter"], "authority": ["EU"], "program": ["BY"]}}
STRAY = {"id": "addr-nobody", "schema": "Address", "properties": {"full": ["1 Nowhere St"]}}


def _lines(path, entities):
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities),
                    "utf-8")
    return path


def _held(case):
    with case.read() as conn:
        address = dict(conn.exec_driver_sql("SELECT name, address FROM entity").all())
        idents = sorted(conn.exec_driver_sql("SELECT scheme, value FROM identifier").all())
    return address, [tuple(i) for i in idents]


def test_addresses_and_documents_before_or_after_their_party_are_kept(case, tmp_path):
    entities = [ADDRESS, PASSPORT, COMPANY, PERSON, IDENT, PARTS, SANCTION, STRAY]
    report = import_ftm(case, _lines(tmp_path / "e.ftm.json", entities)).result
    address, idents = _held(case)
    assert address["RAB „Inter Tobacco“"] == "ул. Тимирязева, 65Б, Минск, 220035, Беларусь"
    assert address["Vitaly KUZMENKO"] == "ул. ЛЕНИНА 15, кв. 3, 394000, Воронеж, Russia"
    assert ("passport", "7209 123456") in idents and ("INN", "366510784303") in idents
    assert report.skipped_schemata == {"Address": 1}  # the one no party names
    assert "The Address entities skipped are those no party of the file names" in \
        report.skipped_line()
    said = report.left_out_lines()
    # (look25) the passport's country is its identifier's; its dates are said left out
    # (they were dropped without a word), as is what no field holds
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT country FROM identifier WHERE value = "
                                    "'7209 123456'").scalar() == "RU"
    assert not any(line.startswith("Passport country") for line in said)
    assert "Passport startDate: Casefile keeps an identifier's number, scheme and country, " \
           "not its dates" in said
    assert any(line.startswith("Address latitude") for line in said)


def test_the_nested_file_gives_the_same_party(case, tmp_path):
    """targets.nested.json: the address nested in the company's addressEntity, the
    passport nested under the person (its holder) — the same as the flat file."""
    from casefile.services.case.facade import Case

    entities = [COMPANY, ADDRESS, PERSON, PARTS, PASSPORT, IDENT, SANCTION,
                {**SANCTION, "id": "s-2", "properties": {**SANCTION["properties"],
                                                         "entity": ["ru-kuz"]}}]
    import_ftm(case, _lines(tmp_path / "flat.ftm.json", entities))
    lines = nested_targets(entities)
    assert any("addressEntity" in line["properties"] for line in lines)
    with Case.new(tmp_path / "nested.casefile") as other:
        import_ftm(other, write_nested(tmp_path / "targets.nested.json", lines))
        assert _held(other) == _held(case)


def test_a_holder_not_in_the_file_is_said(case, tmp_path):
    lonely = {**PASSPORT, "properties": {**PASSPORT["properties"], "holder": ["elsewhere"]}}
    report = import_ftm(case, _lines(tmp_path / "e.ftm.json", [COMPANY, lonely])).result
    assert report.skipped_schemata == {"Passport": 1}
    assert report.skipped_line().endswith("The Identification and Passport entities skipped "
                                          "are those whose holder is no party of the file: "
                                          "a party's own are kept as its identifiers")
    assert report.summary_lines()[-1].endswith("kept as its identifiers.")


_ADDRESSES = st.lists(st.text(st.sampled_from(list("abc ул.,Ж字1")), min_size=1,
                              max_size=12).filter(str.strip), min_size=1, max_size=6)


@settings(max_examples=50)
@given(_ADDRESSES, st.randoms(use_true_random=False))
def test_a_party_takes_its_addresses_whatever_the_order(texts, rnd: random.Random):
    """Gathered in any order, each party is given exactly the addresses it names, each
    once; an address no party names is counted."""
    said: list[str] = []
    attached = Attached(lambda _what: None, said.append)
    records = [{"id": f"a{i}", "schema": "Address", "properties": {"full": [t]}}
               for i, t in enumerate(texts)]
    rnd.shuffle(records)
    for rec in records:
        attached.take(rec)
    attached.finish()
    named = [f"a{i}" for i in range(len(texts)) if i % 2 == 0]
    party = {"id": "p", "schema": "Company", "properties": {"addressEntity": named}}
    attached.enrich(party)
    want = list(dict.fromkeys(" ".join(texts[int(a[1:])].split()) for a in named))
    assert party["properties"]["address"] == want
    attached.not_taken()
    assert len(said) == len(texts) - len(named)


def test_a_file_that_attaches_nothing_is_read_in_no_pass_of_its_own(tmp_path):
    """A file of parties with their own address, and Address entities no party names (a
    slice of a bigger export), needs no pass to gather them: the byte scan says so."""
    from casefile.services.exchange.imports.ftm_attached import names_attached

    plain = _lines(tmp_path / "plain.json", [
        {"id": "c", "schema": "Company", "properties": {"name": ["Acme"],
                                                         "address": ["1 Main St"]}}, STRAY])
    assert not names_attached(plain, "utf-8-sig")
    for one in (COMPANY, PASSPORT, IDENT):
        assert names_attached(_lines(tmp_path / "one.json", [one]), "utf-8-sig")


def test_an_address_or_a_passport_given_over_several_lines_is_joined(case, tmp_path):
    """(review23) As ``ftm map`` writes entities without ``ftm aggregate``: an Address
    whose street and city are on two lines kept the first only; a Passport whose holder and
    number were on two lines was dropped twice as 'without its holder or number'."""
    lines = [
        {"id": "addr-parts", "schema": "Address", "properties": {"street": ["ул. ЛЕНИНА 15"]}},
        PERSON,
        {"id": "addr-parts", "schema": "Address", "properties": {"city": ["Воронеж"]}},
        {"id": "pass-1", "schema": "Passport", "properties": {"holder": ["ru-kuz"]}},
        {"id": "pass-1", "schema": "Passport", "properties": {"number": ["7209 123456"]}}]
    report = import_ftm(case, _lines(tmp_path / "frag.ftm.json", lines)).result
    address, idents = _held(case)
    assert address["Vitaly KUZMENKO"] == "ул. ЛЕНИНА 15, Воронеж"
    assert idents == [("passport", "7209 123456")]
    assert not any("without its holder" in k for k in report.left_out)
