"""The editor's field specs agree with the schema registry: every field and child column is
a column of its table, and the child tables shown are the kind's children."""

import pytest

from casefile.store import schema
from casefile.ui.fields import CHILDREN, FIELDS


@pytest.mark.parametrize("kind", schema.RECORD_KINDS)
def test_every_field_of_the_editor_is_a_column(kind):
    columns = set(schema.columns(kind))
    keys = {spec.key for spec in FIELDS[kind]}
    # a fuzzy date is edited as one field, stored as its date_* columns
    stored = {"date_text" if k == "date" else k for k in keys}
    assert stored - columns == set()


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
