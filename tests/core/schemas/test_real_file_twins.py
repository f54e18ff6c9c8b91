"""The schema tests that read ../shared/reference files, run on generated twins (tests/generated.py) for a
fresh clone: frictionless' verdict on the bundled SCDL subsidies schema, a file still (or now) valid after
mapping + conversion (test_examples.py), and a schema inferred from an archive register (test_infer.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from capnum_desktop.core.io import read_table
from capnum_desktop.core.schemas import Mapping, conform, infer_schema, load_schema
from tests.core.schemas.test_examples import EXAMPLES, check_valid_after_map_and_conform, validate
from tests.generated import (
    archives_register_csv,
    non_strict_schema,
    prenoms_csv,
    schema_example_csv,
    subventions_csv,
)

VARIANTS = [({}, True), ({"cell_errors": True}, False), ({"column_errors": True}, False), ({"french": True}, False)]


@pytest.mark.parametrize(("options", "valid"), VARIANTS, ids=["valid", "cell-errors", "column-errors", "french"])
def test_generated_example_verdict(tmp_path: Path, options: dict[str, bool], valid: bool) -> None:
    report = validate(subventions_csv(tmp_path, **options), load_schema("scdl/subventions").descriptor)
    assert report.valid is valid, report.flatten(["rowNumber", "fieldName", "type"])[:5]


@pytest.mark.parametrize("french", [False, True], ids=["valid", "french-formats"])
def test_generated_example_valid_after_map_and_conform(tmp_path: Path, french: bool) -> None:
    check_valid_after_map_and_conform(subventions_csv(tmp_path, french=french), load_schema("scdl/subventions"),
                                      tmp_path)


def test_archive_register_inferred_then_conformed_without_loss(tmp_path: Path) -> None:
    table = read_table(archives_register_csv(tmp_path))
    schema = infer_schema(table)
    kinds = {f["name"]: f["type"] for f in schema.fields}
    assert kinds["dateEntree"] == "date"
    assert kinds["mlEntree"] == "number"  # "0,3" with decimal commas
    assert kinds["ID"] == "integer"
    result = conform(table, schema, Mapping(columns={c: c for c in table.columns}, null_values=("NA",)))
    assert result.issues == []
    assert result.table.df["dateEntree"].iloc[0] == "2003-01-21"
    assert result.table.df["mlEntree"].iloc[1] == "1.3"


@pytest.mark.parametrize("name", ["Arbres urbains", "DAE"])
def test_schema_frictionless_refuses_loads_with_a_french_warning(tmp_path: Path, name: str) -> None:
    schema = load_schema(non_strict_schema(tmp_path, name))
    assert schema.fields
    assert len(schema.warnings) == 1
    assert "ne respecte pas strictement la norme" in schema.warnings[0]
    assert "^([-a-z0-9._/])+$" in schema.warnings[0]  # says what is wrong (the schema name)


# the schemas of the official examples; scdl/prenoms has no field examples to build a file from
WITH_EXAMPLES = sorted({sid for sid, _, _ in EXAMPLES} - {"scdl/prenoms"})


@pytest.mark.parametrize("schema_id", WITH_EXAMPLES)
def test_file_of_the_schema_examples_gets_the_verdicts(tmp_path: Path, schema_id: str) -> None:
    """Twin of test_official_example_verdict and test_valid_example_still_valid_after_map_and_conform:
    a row of the fields' own examples is valid for frictionless with the bundled schema, stays valid
    through mapping + conversion, and one refused value makes it invalid."""
    schema = load_schema(schema_id)
    valid = schema_example_csv(tmp_path, schema.descriptor)
    report = validate(valid, schema.descriptor)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])[:5]
    check_valid_after_map_and_conform(valid, schema, tmp_path)
    assert not validate(schema_example_csv(tmp_path, schema.descriptor, broken=True), schema.descriptor).valid


def test_first_names_file_gets_the_verdicts(tmp_path: Path) -> None:
    """Twin of the scdl/prenoms official examples (its fields carry no example to build a file from)."""
    schema = load_schema("scdl/prenoms")
    valid = prenoms_csv(tmp_path)
    report = validate(valid, schema.descriptor)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])[:5]
    check_valid_after_map_and_conform(valid, schema, tmp_path)
    invalid = validate(prenoms_csv(tmp_path, invalid=True), schema.descriptor)
    assert sorted(invalid.flatten(["rowNumber", "fieldName"])) == [[2, "ENFANT_SEXE"], [3, "COLL_INSEE"],
                                                                   [4, "NOMBRE_OCCURRENCES"]]
