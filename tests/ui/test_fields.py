"""The editor's field specs agree with the schema registry: every field and child column is
a column of its table, and the child tables shown are the kind's children."""

import pytest

from casefile.store import schema
from casefile.ui.fields import CHILDREN, FIELDS


@pytest.mark.parametrize("kind", schema.RECORD_KINDS)
def test_every_field_of_the_editor_is_a_column(kind):
    columns = set(schema.columns(kind))
    # a fuzzy date is edited as one field named by its prefix, stored as its seven columns
    stored = {f"{s.key}_text" if s.widget == "date" else s.key for s in FIELDS[kind]}
    assert stored - columns == set()
    assert {s.key for s in FIELDS[kind] if s.widget == "date"} == set(schema.date_fields(kind))
    assert {s.key for s in FIELDS[kind] if s.widget == "countries"} == set(
        schema.country_list_columns(kind))


@pytest.mark.parametrize("kind", schema.RECORD_KINDS)
def test_the_child_tables_are_the_kinds_children(kind):
    shown = {c.kind for c in CHILDREN.get(kind, [])}
    # attachments have their own panel (drop a file), not a table of typed rows
    assert shown == set(schema.children_of(kind)) - {"attachment"}
    for spec in CHILDREN.get(kind, []):
        cols = set(schema.columns(spec.kind))
        for key, _label in spec.columns:
            # an event party is typed as a name and stored as the entity's id
            assert (f"{key}_id" if key == "entity" else key) in cols, (spec.kind, key)


NOT_EDITED = {"id", "created_at", "updated_at", "position"}  # kept by the app, or by moving


@pytest.mark.parametrize("kind", schema.RECORD_KINDS)
def test_every_column_of_a_record_has_a_field(kind):
    """A column the model gains (a sanction's end, a person's birth place) shows in the
    editor: the specs cover every column but ids, timestamps and a finding's order."""
    shown = set()
    for spec in FIELDS[kind]:
        if spec.widget == "date":
            shown |= {c for c in schema.columns(kind) if c.startswith(f"{spec.key}_")
                      and c.removeprefix(f"{spec.key}_") in ("text", "edtf", "start", "end",
                                                            "precision", "approx",
                                                            "uncertain")}
        else:
            shown.add(spec.key)
    assert set(schema.columns(kind)) - shown - NOT_EDITED == set()
