"""The official example files: verdicts as published, and still valid after CapNum's mapping + conversion.

Validation here is frictionless 5 itself (columns matched by name, like Validata), so these tests check
our bundled schemas and our conversion against the reference tool, not against our own validator.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from frictionless import Detector, Resource, system
from frictionless import Schema as FrictionlessSchema

from capnum_desktop.core.io import read_table
from capnum_desktop.core.schemas import conform, load_schema, propose_mapping
from tests.conftest import reference

# (catalogue id, example under ../shared/reference/schemas, expected verdict)
EXAMPLES = [
    ("scdl/subventions", "scdl-subventions/exemples/exemple_valide.csv", True),
    ("scdl/subventions", "scdl-subventions/exemples/exemple_invalide_erreurs_cellules.csv", False),
    ("scdl/subventions", "scdl-subventions/exemples/exemple_invalide_erreurs_colonnes.csv", False),
    ("scdl/prenoms", "scdl-prenoms/examples/prenoms-nouveaux-nes_exemple-valide.csv", True),
    ("scdl/prenoms", "scdl-prenoms/examples/prenoms-nouveaux-nes_exemple-invalide.csv", False),
    ("etalab/dispositif-aide", "dispositif-aide/exemple.csv", True),
    ("etalab/schema-irve-statique", "irve-statique/exemple-valide-statique.csv", True),
    ("etalab/schema-irve-dynamique", "irve-dynamique/exemple-valide-dynamique.csv", True),
    ("etalab/schema-lieux-covoiturage", "lieux-covoiturage/exemple-valide.csv", True),
    ("etalab/schema-lieux-covoiturage", "lieux-covoiturage/exemple-invalide.csv", False),
    ("etalab/schema-decp-dpa", "decp-dpa/exemple-valide.csv", True),
    ("etalab/schema-hautes-remunerations", "hautes-remunerations/exemple-valide.csv", True),
    ("Archivistes75/registre_entrees", "registre-entrees-archives/exemple-valide.csv", True),
    ("etalab/schema-stationnement", "stationnement/exemple-valide.csv", True),
    ("etalab/schema-stationnement", "stationnement/exemple-invalide.csv", False),
    ("openmaraude/schema-stationstaxi", "stations-taxi/exemple-valide.csv", True),
    # Validata's verdict: only two extra columns (warnings) once columns are matched by name
    ("openmaraude/schema-stationstaxi", "stations-taxi/exemple-non-valide.csv", True),
    ("datagouv/schema-fontaine-eau", "fontaine-eau/exemple-valide.csv", True),
    ("LaMednum/standard-mediation-num", "mediation-numerique/exemple-valide.csv", True),
    ("etalab/schema-sdirve", "sdirve/exemple-valide.csv", True),
    # the DAE examples were written for v1.0.0 (bundled: 1.0.7, which adds columns and unique constraints)
    ("atlasante/schema-dae", "dae/exemple_valide.csv", False),
]


def validate(path: Path, descriptor: dict, **dialect: object):
    with system.use_context(trusted=True):
        resource = Resource(
            path=str(path),
            schema=FrictionlessSchema.from_descriptor(descriptor, allow_invalid=True),
            detector=Detector(schema_sync=True),
            **dialect,
        )
        return resource.validate()


@pytest.mark.parametrize(("schema_id", "example", "valid"), EXAMPLES, ids=[e[1] for e in EXAMPLES])
def test_official_example_verdict(schema_id: str, example: str, valid: bool) -> None:
    report = validate(reference("schemas", *example.split("/")), load_schema(schema_id).descriptor)
    assert report.valid is valid, report.flatten(["rowNumber", "fieldName", "type"])[:5]


def strict_copy(descriptor: dict) -> dict:
    """The DAE 1.0.0 descriptor minus what frictionless 5 refuses (its name, patterns on date fields)."""
    fixed = copy.deepcopy(descriptor)
    fixed["name"] = "dae"
    for f in fixed["fields"]:
        if f.get("type") == "date":
            (f.get("constraints") or {}).pop("pattern", None)
    return fixed


def test_dae_examples_match_their_own_version_loaded_tolerantly() -> None:
    """DAE 1.0.0 is one of the two published schemas frictionless 5 refuses: we load it anyway (with a
    warning); once its two faults are set aside, its examples get the published verdicts."""
    schema = load_schema(reference("schemas", "dae", "schema.json"))
    assert schema.warnings
    from frictionless import Dialect, formats

    dialect = Dialect(controls=[formats.CsvControl(skip_initial_space=True)])
    descriptor = strict_copy(schema.descriptor)
    assert validate(reference("schemas", "dae", "exemple_valide.csv"), descriptor, dialect=dialect).valid
    for name in ("exemple_invalide.csv", "exemple_invalide_complet.csv", "exemple_invalide_structure.csv"):
        assert not validate(reference("schemas", "dae", name), descriptor, dialect=dialect).valid


VALID = [(s, e) for s, e, v in EXAMPLES if v and "non-valide" not in e]


@pytest.mark.parametrize(("schema_id", "example"), VALID, ids=[e for _, e in VALID])
def test_valid_example_still_valid_after_map_and_conform(
    schema_id: str, example: str, tmp_path: Path
) -> None:
    schema = load_schema(schema_id)
    path = reference("schemas", *example.split("/"))
    assert set(read_table(path).columns) <= set(schema.field_names)
    check_valid_after_map_and_conform(path, schema, tmp_path)


def check_valid_after_map_and_conform(path: Path, schema: Any, tmp_path: Path) -> None:
    """Columns mapped to themselves, converted without issue, then valid for frictionless (the twins in
    test_real_file_twins.py run it on generated files)."""
    table = read_table(path)
    mapping = propose_mapping(table, schema)
    assert {c: f for c, f in mapping.columns.items() if f} == {c: c for c in table.columns}
    result = conform(table, schema, mapping)
    assert result.issues == []
    out = tmp_path / "conforme.csv"
    result.table.df.to_csv(out, index=False, encoding="utf-8")
    report = validate(out, schema.descriptor)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_dae_valid_example_converted_for_its_own_version(tmp_path: Path) -> None:
    schema = load_schema(reference("schemas", "dae", "schema.json"))
    # a space after every comma, then quoted cells: the reader detects it (skip-initial-space dialect)
    table = read_table(reference("schemas", "dae", "exemple_valide.csv"))
    result = conform(table, schema, propose_mapping(table, schema))
    assert result.issues == []
    out = tmp_path / "dae.csv"
    result.table.df.to_csv(out, index=False)
    report = validate(out, strict_copy(schema.descriptor))  # no skipInitialSpace needed: values are trimmed
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
