"""The bundled catalogue: ids, sources, agreement with the published schemas, tolerant loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from capnum_desktop.core.errors import SchemaError
from capnum_desktop.core.schemas import list_schemas, load_schema, schema_from_descriptor
from capnum_desktop.resources import schema_dir
from tests.conftest import reference

# catalogue id -> the reference copy it was taken from (../shared/reference/schemas/...)
REFERENCE_COPY = {
    "scdl/subventions": "scdl-subventions/schema.json",
    "scdl/deliberations": "scdl-deliberations/schema.json",
    "scdl/equipements": "scdl-equipements/schema.json",
    "scdl/budget": "scdl-budget/schema.json",
    "scdl/catalogue": "scdl-catalogue/schema.json",
    "scdl/prenoms": "scdl-prenoms/schema.json",
    "scdl/menus-collectifs": "scdl-menus-collectifs/schema.json",
    "scdl/plats-menus-collectifs": "scdl-plats-menus-collectifs/schema.json",
    "etalab/dispositif-aide": "dispositif-aide/schema.json",
    "etalab/schema-irve-statique": "irve-statique/schema-statique.json",
    "etalab/schema-irve-dynamique": "irve-dynamique/schema-dynamique.json",
    "etalab/schema-lieux-covoiturage": "lieux-covoiturage/schema.json",
    "etalab/schema-decp-dpa": "decp-dpa/schema.json",
    "etalab/schema-hautes-remunerations": "hautes-remunerations/schema.json",
    "atlasante/schema-dae": "dae/latest/schema.json",
    "Archivistes75/registre_entrees": "registre-entrees-archives/schema.json",
    "etalab/schema-stationnement": "stationnement/schema.json",
    "openmaraude/schema-stationstaxi": "stations-taxi/schema.json",
    "datagouv/schema-fontaine-eau": "fontaine-eau/schema.json",
    "LaMednum/standard-mediation-num": "mediation-numerique/schema.json",
    "etalab/schema-sdirve": "sdirve/schema.json",
}

ASKED_FOR = [  # the list, by catalogue id
    "scdl/subventions", "scdl/deliberations", "scdl/equipements", "scdl/budget", "scdl/catalogue", "scdl/prenoms",
    "etalab/dispositif-aide", "etalab/schema-irve-statique", "etalab/schema-lieux-covoiturage",
    "etalab/schema-decp-dpa", "etalab/schema-hautes-remunerations", "atlasante/schema-dae",
    "Archivistes75/registre_entrees",
]  # fmt: skip


def test_catalogue_lists_every_asked_standard_with_its_source_and_licence() -> None:
    entries = {e.id: e for e in list_schemas()}
    for schema_id in ASKED_FOR:
        assert schema_id in entries, schema_id
    for entry in entries.values():
        assert entry.title and entry.version and entry.licence
        assert entry.source_url.startswith("https://schema.data.gouv.fr/schemas/" + entry.id + "/")
        assert entry.path.is_file()
        assert set(entry.to_dict()) >= {"id", "title", "description", "version", "source_url", "licence"}


def test_index_lists_every_bundled_file_and_nothing_else() -> None:
    bundled = {p.relative_to(schema_dir()).as_posix() for p in schema_dir().rglob("schema.json")}
    listed = {e.path.relative_to(schema_dir()).as_posix() for e in list_schemas()}
    assert bundled == listed


@pytest.mark.parametrize("schema_id", sorted(REFERENCE_COPY))
def test_bundled_schema_agrees_field_by_field_with_the_published_one(schema_id: str) -> None:
    published = json.loads(reference("schemas", REFERENCE_COPY[schema_id]).read_text(encoding="utf-8"))
    schema = load_schema(schema_id)
    assert schema.field_names == [f["name"] for f in published["fields"]]
    for ours, theirs in zip(schema.fields, published["fields"], strict=True):
        for key in ("type", "format", "constraints", "title", "description", "trueValues", "falseValues"):
            assert ours.get(key) == theirs.get(key), (schema_id, ours["name"], key)
    assert schema.primary_key == (
        [published["primaryKey"]]
        if isinstance(published.get("primaryKey"), str)
        else published.get("primaryKey", [])
    )
    assert len(schema.custom_checks) == len(published.get("custom_checks", []))
    assert schema.version == str(published.get("version", "")).lstrip("v")


def test_load_by_id_alias_and_case() -> None:
    a = load_schema("scdl/subventions")
    assert a.id == "scdl/subventions" and a.title == "Subventions"
    assert load_schema("SCDL/Subventions").id == "scdl/subventions"
    assert load_schema("subventions").id == "scdl/subventions"
    assert a.required_fields[:3] == ["nomAttribuant", "idAttribuant", "dateConvention"]
    assert a.field("montant")["type"] == "number"
    with pytest.raises(SchemaError, match="n'a pas de champ"):
        a.field("inexistant")


def test_loaded_schema_is_a_private_copy() -> None:
    a = load_schema("scdl/prenoms")
    a.fields[0]["name"] = "changed"
    assert load_schema("scdl/prenoms").fields[0]["name"] != "changed"


def test_custom_checks_normalised_both_spellings_and_unknown_is_a_warning() -> None:
    schema = schema_from_descriptor(
        {
            "fields": [{"name": "siret", "type": "string"}, {"name": "geo", "type": "geopoint"}],
            "custom_checks": [
                {"name": "french_siret_value", "params": {"column": "siret"}},
                {"name": "french-gps-coordinates", "params": {"column": "geo"}},
                {"name": "french_gps_coordinates", "params": {"column": "geo"}},
                {"name": "made-up-check", "params": {"column": "geo"}},
            ],
        }
    )
    names = [c["name"] for c in schema.custom_checks]
    assert names == [
        "french-siret-value",
        "french-gps-coordinates",
        "french-gps-coordinates",
        "made-up-check",
    ]
    assert [c["known"] for c in schema.custom_checks] == [True, True, True, False]
    assert schema.checks_for("siret") == ("french-siret-value",)
    assert any("made-up-check" in w for w in schema.warnings)


@pytest.mark.parametrize("folder", ["arbres", "dae"])
def test_schemas_frictionless_refuses_load_with_a_french_warning(folder: str) -> None:
    schema = load_schema(reference("schemas", folder, "schema.json"))
    assert schema.fields
    assert len(schema.warnings) == 1
    assert "ne respecte pas strictement la norme" in schema.warnings[0]
    assert "^([-a-z0-9._/])+$" in schema.warnings[0]  # says what is wrong (the schema name)


def test_valid_published_schemas_load_without_warning() -> None:
    for entry in list_schemas():
        assert load_schema(entry.id).warnings == (), entry.id


def test_load_yaml_and_datapackage(tmp_path: Path) -> None:
    descriptor = {"name": "mini", "title": "Mini", "fields": [{"name": "a", "type": "integer"}]}
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(descriptor), encoding="utf-8")
    assert load_schema(tmp_path / "s.yaml").field_names == ["a"]
    (tmp_path / "datapackage.json").write_text(
        json.dumps({"name": "p", "resources": [{"name": "r", "path": "r.csv", "schema": "s.yaml"}]}),
        encoding="utf-8",
    )
    package_schema = load_schema(str(tmp_path / "datapackage.json"))
    assert package_schema.field_names == ["a"] and package_schema.title == "Mini"
    inline = {"resources": [{"name": "x", "schema": descriptor}, {"name": "y", "schema": descriptor}]}
    (tmp_path / "two.json").write_text(json.dumps(inline), encoding="utf-8")
    two = load_schema(tmp_path / "two.json")
    assert any("2 tables" in w for w in two.warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "n'est pas un JSON ou YAML valide"),
        ('{"title": "no fields"}', "pas un Table Schema utilisable"),
        ('["a list"]', "ne décrit pas un schéma"),
        ('{"resources": [{"name": "r"}]}', "aucune ressource avec un schéma"),
    ],
)
def test_bad_schema_files_raise_a_french_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SchemaError, match=message):
        load_schema(path)


def test_unknown_id_says_what_to_do() -> None:
    with pytest.raises(SchemaError) as info:
        load_schema("scdl/inexistant")
    assert "capnum schemas" in info.value.hint


def test_schema_round_trips_through_dict() -> None:
    schema = load_schema("etalab/schema-decp-dpa")
    again = type(schema).from_dict(json.loads(json.dumps(schema.to_dict())))
    assert again.id == schema.id and again.field_names == schema.field_names
    assert again.custom_checks == schema.custom_checks
