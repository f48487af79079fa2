"""The FtM vocabulary Casefile keeps as data (resources/ftm/mapping.json) agrees with the
followthemoney model it describes, so the importer works the same with or without the
library installed; and the caption Casefile picks is FtM's on real-shaped names."""

from followthemoney import model

from casefile.services.exchange.imports import ftm_map as fm
from tests.support import ftm_cluster as fc


def test_parties_and_their_captions_are_the_models():
    m = fm.mapping()
    for schema, kind in m.parties.items():
        assert model.get(schema) is not None and model.get(schema).is_a("LegalEntity") or \
            schema in ("Vessel", "Airplane"), schema
        assert m.captions[schema] == model.get(schema).caption, schema
        assert kind in ("company", "person", "organisation", "public_body", "vessel",
                        "aircraft", "other")
    for prop in m.name_props:
        assert model.get("LegalEntity").get(prop).type.name == "name", prop


def test_links_name_real_edge_properties_and_sources_are_documents():
    m = fm.mapping()
    for schema, link in m.links.items():
        s = model.get(schema)
        assert s.is_a("Interval")
        for end in ("subject", "object"):
            assert s.get(link[end]).type.name == "entity", (schema, end)
        for prop in link["details"]:
            assert s.get(prop) is not None, (schema, prop)
    for schema in m.sources:
        assert model.get(schema).is_a("Document"), schema


def test_every_identifier_property_of_a_party_has_a_place():
    """Each FtM identifier property of a party schema is read: under a Casefile scheme or
    under its own name (programId belongs to sanctions)."""
    known = set(fm.IDENT_PROPS) | set(fm.IDENT_OTHER) | {"programId"}
    for schema in fm.mapping().parties:
        for p in model.get(schema).properties.values():
            if p.type.name == "identifier":
                assert p.name in known, (schema, p.name)
    for prop in fm.IDENT_OTHER:
        assert any(model.get(s).get(prop) is not None and
                   model.get(s).get(prop).type.name == "identifier"
                   for s in fm.mapping().parties), prop


def test_the_caption_is_ftms_on_real_shaped_names():
    entities = [d for d in fc.cluster() if d["schema"] in fm.mapping().parties]
    captions = fc.captions(entities)
    for d in entities:
        assert fm.caption(d["schema"], d["properties"]) == captions[d["id"]], d["id"]


def test_the_schema_table_is_the_models_and_merges_as_common_schema_does():
    import json
    from itertools import permutations

    from followthemoney.exc import InvalidData

    from casefile.paths import resource_path
    from casefile.services.exchange.imports.ftm_statements import common_schema

    table = json.loads(resource_path("ftm", "schemata.json").read_text("utf-8"))["is_a"]
    assert table == {s.name: sorted(a.name for a in s.schemata)
                     for s in model.schemata.values()}
    names = ["LegalEntity", "Person", "Company", "Organization", "Thing", "Vessel",
             "PublicBody", "Asset"]
    for a, b in permutations(names, 2):
        try:
            want = model.common_schema(a, b).name
        except InvalidData:
            want = None
        assert common_schema([a, b]) == want, (a, b)
