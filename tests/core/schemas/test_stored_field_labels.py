"""schemas/field_labels.json gives the ranking what reading the standards' texts gives (issue 18).

When this fails after a change to a bundled standard, schemas/synonyms.json or matching.words, make the
file again: ``python schemas/tools/build_field_labels.py``."""

from __future__ import annotations

import copy
from dataclasses import replace

from capnum_desktop.core.schemas import matching
from capnum_desktop.core.schemas.catalogue import list_schemas, schema_for_scoring


def _bundled() -> list:  # type: ignore[type-arg]
    return [schema_for_scoring(entry.id) for entry in list_schemas() if entry.origin == "bundled"]


def test_the_stored_labels_are_up_to_date() -> None:
    schemas = _bundled()
    assert len(schemas) >= 40
    for schema in schemas:
        stored = matching._stored_field_labels(schema)
        assert stored is not None, f"{schema.id}: run python schemas/tools/build_field_labels.py"
        assert stored == matching._field_labels_of(schema), schema.id
        assert matching._field_labels(schema) == stored


def test_a_changed_standard_is_read_from_its_texts() -> None:
    schema = _bundled()[0]
    fields = copy.deepcopy(schema.fields)
    fields[0]["description"] = "Date à laquelle la subvention a été attribuée par la commune"
    changed = replace(schema, fields=fields)
    assert matching._stored_field_labels(changed) is None
    assert matching._field_labels(changed) == matching._field_labels_of(changed)
    assert matching._field_labels(changed) != matching._field_labels_of(schema)
    fewer = replace(schema, fields=fields[1:])
    assert matching._stored_field_labels(fewer) is None
    unknown = replace(schema, id="un-schema-importe")
    assert matching._stored_field_labels(unknown) is None
    assert matching._field_labels(unknown) == matching._field_labels_of(unknown)
