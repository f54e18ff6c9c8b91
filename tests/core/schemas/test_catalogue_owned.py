"""A descriptor read from the catalogue's files is kept as it is (no deep copy: issue 18); one handed by a
caller is still copied, and load_schema still gives each caller its own copy."""

from __future__ import annotations

from capnum_desktop.core.schemas.catalogue import (
    list_schemas,
    load_schema,
    schema_for_scoring,
    schema_from_descriptor,
)


def test_a_callers_descriptor_is_copied_unless_owned() -> None:
    descriptor = {"name": "x", "fields": [{"name": "a", "type": "string"}]}
    copied = schema_from_descriptor(descriptor)
    kept = schema_from_descriptor(descriptor, owned=True)
    descriptor["fields"][0]["type"] = "integer"
    assert copied.fields[0]["type"] == "string"
    assert kept.descriptor is descriptor


def test_load_schema_gives_a_copy_of_the_shared_catalogue_schema() -> None:
    entry = list_schemas()[0]
    first = load_schema(entry.id)
    first.fields[0]["name"] = "changed"
    first.descriptor["title"] = "changed"
    again = load_schema(entry.id)
    assert again.fields[0]["name"] != "changed" and again.descriptor.get("title") != "changed"
    assert schema_for_scoring(entry.id).fields[0]["name"] == again.fields[0]["name"]
    assert again.fields == schema_for_scoring(entry.id).fields
