"""The bundled catalogue: ids, sources, agreement with the published schemas, tolerant loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from capnum_desktop.core.errors import SchemaError
from capnum_desktop.core.schemas import list_schemas, load_schema, schema_from_descriptor, schema_versions
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

ASKED_FOR = [  # the issue's list, by catalogue id
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
    listed = {
        v.path.relative_to(schema_dir()).as_posix() for e in list_schemas() for v in schema_versions(e.id)
    }
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


# Validata checks a published schema declares that CapNum does not run yet (said to the agent as a warning)
UNKNOWN_CHECKS = {"etalab/schema-stationnement-cyclable": "french-insee-value"}
# published descriptors frictionless 5 refuses (loaded anyway, with the reason said in French)
NOT_STRICT = {
    "etalab/schema-comptage-mobilites-measure": "constraints.required",
    "etalab/schema-comptage-mobilites-channel": "constraints.required",
    "datakode/schema-pei": "at property 'name'",  # its name is "PEI", in capitals
    "NaturalSolutions/schema-arbre": "at property 'name'",  # a name with spaces
}


def test_valid_published_schemas_load_without_warning() -> None:
    for entry in list_schemas():
        warnings = load_schema(entry.id).warnings
        if entry.id in UNKNOWN_CHECKS:
            assert len(warnings) == 1 and UNKNOWN_CHECKS[entry.id] in warnings[0], warnings
        elif entry.id in NOT_STRICT:
            assert len(warnings) == 1 and "ne respecte pas strictement" in warnings[0], warnings
            assert NOT_STRICT[entry.id] in warnings[0], warnings
        else:
            assert warnings == (), entry.id


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


# ------------------------------------------------------------------------------- versions and imports


@pytest.fixture
def fresh_catalogue():
    """The catalogue re-read for this test's own (empty) user folder, and forgotten afterwards."""
    from capnum_desktop.core.schemas.catalogue import reload_catalogue

    reload_catalogue()
    yield
    reload_catalogue()


def test_every_entry_lists_its_versions_and_producer(fresh_catalogue: None) -> None:
    for entry in list_schemas():
        assert entry.producer and entry.versions and entry.versions[0] == entry.version
        assert entry.to_dict()["versions"] == list(entry.versions)
        assert load_schema(entry.ref).version == entry.version


def test_version_sort_is_numeric() -> None:
    from capnum_desktop.core.schemas.catalogue import version_key

    names = ["2.9.1", "2.10.0", "1.0.0", "1.0.0-rc1", "0.3"]
    assert sorted(names, key=version_key, reverse=True) == ["2.10.0", "2.9.1", "1.0.0", "1.0.0-rc1", "0.3"]


def test_load_a_given_version_and_say_which_exist(fresh_catalogue: None) -> None:
    assert load_schema("scdl/subventions@2.1.1").version == "2.1.1"
    assert load_schema("subventions@latest").version == load_schema("scdl/subventions").version
    with pytest.raises(SchemaError, match=r"pas disponible en version 0\.0\.9") as info:
        load_schema("scdl/subventions@0.0.9")
    assert "2.1.1" in info.value.hint


def _downloaded(tmp_path: Path, schema_id: str, version: str, *, drop_last_field: bool = False) -> Path:
    """A schema.json as the agent would download it: the bundled one, under another version number."""
    descriptor = json.loads((schema_dir() / schema_id / "schema.json").read_text(encoding="utf-8"))
    descriptor["version"] = version
    if drop_last_field:
        descriptor["fields"] = descriptor["fields"][:-1]
    path = tmp_path / f"schema-{version}.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_a_newer_version_becomes_latest_older_stays_selectable(
    fresh_catalogue: None, tmp_path: Path
) -> None:
    from capnum_desktop.core.schemas.catalogue_import import import_schemas
    from capnum_desktop.paths import data_dir

    before = load_schema("scdl/prenoms")
    added = import_schemas(_downloaded(tmp_path, "scdl/prenoms", "9.0.0", drop_last_field=True))
    assert [e.id for e in added] == ["scdl/prenoms"]  # recognised by its name, not filed apart
    entry = next(e for e in list_schemas() if e.id == "scdl/prenoms")
    assert (
        entry.version == "9.0.0"
        and entry.versions == ("9.0.0", before.version)
        and entry.origin == "imported"
    )
    assert entry.path.is_relative_to(data_dir() / "schemas")
    latest = load_schema("scdl/prenoms")
    assert latest.version == "9.0.0" and len(latest.fields) == len(before.fields) - 1
    assert load_schema(f"scdl/prenoms@{before.version}").field_names == before.field_names
    # the same version imported again replaces it, it is not listed twice
    import_schemas(_downloaded(tmp_path, "scdl/prenoms", "9.0.0"))
    assert schema_versions("scdl/prenoms")[0].version == "9.0.0"
    assert len(schema_versions("scdl/prenoms")) == 2 and len(load_schema("scdl/prenoms").fields) == len(
        before.fields
    )


def test_import_an_unknown_schema_and_a_catalogue_archive(fresh_catalogue: None, tmp_path: Path) -> None:
    import zipfile

    from capnum_desktop.core.schemas.catalogue_import import import_schemas

    own = {"name": "arbres-remarquables", "title": "Arbres remarquables", "version": "1.0.0",
           "fields": [{"name": "espece", "type": "string"}, {"name": "hauteur", "type": "number"}]}  # fmt: skip
    single = tmp_path / "arbres.json"
    single.write_text(json.dumps(own), encoding="utf-8")
    (entry,) = import_schemas(single)
    assert entry.id == "importe/arbres-remarquables" and load_schema(entry.id).field_names == [
        "espece",
        "hauteur",
    ]
    archive = tmp_path / "catalogue.zip"
    index = {"version": 1, "schemas": [{"id": "ville/arbres", "title": "Arbres", "producer": "Ville", "licence": "etalab-2.0",
              "versions": [{"version": "1.0.0", "path": "ville/arbres/1.0.0/schema.json"},
                           {"version": "1.1.0", "path": "ville/arbres/1.1.0/schema.json"}]}]}  # fmt: skip
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("catalogue/index.json", json.dumps(index))
        z.writestr("catalogue/ville/arbres/1.0.0/schema.json", json.dumps(own))
        z.writestr("catalogue/ville/arbres/1.1.0/schema.json", json.dumps({**own, "version": "1.1.0"}))
    added = import_schemas(archive)
    assert [(e.id, e.version, e.versions) for e in added] == [("ville/arbres", "1.1.0", ("1.1.0", "1.0.0"))]
    assert load_schema("ville/arbres@1.0.0").version == "1.0.0"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"fields": [{"name": "a"}]}', "n'indique pas sa version"),
        ('{"version": "1.0", "fields": []}', "pas un Table Schema utilisable"),
        ('{"schemas": [{"name": "scdl/x", "schema_url": "https://x"}]}', "sans les schémas eux-mêmes"),
    ],
)
def test_import_refuses_with_a_french_message(
    fresh_catalogue: None, tmp_path: Path, content: str, message: str
) -> None:
    from capnum_desktop.core.schemas.catalogue_import import import_schemas

    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SchemaError, match=message):
        import_schemas(path)
    assert len(list_schemas()) == len({e.id for e in list_schemas()})


# ------------------------------------------------------------------ every bundled example, every version


def _bundled_examples() -> list[tuple[str, str, str]]:
    """(id, version, example path) for every example listed in index.json, for any bundled version."""
    index = json.loads((schema_dir() / "index.json").read_text(encoding="utf-8"))
    return [(s["id"], ex["version"], ex["path"]) for s in index["schemas"] for ex in s.get("examples", [])]


EXAMPLES = _bundled_examples()


def test_every_listed_example_is_bundled_for_a_bundled_version() -> None:
    assert len(EXAMPLES) >= 1
    for schema_id, version, path in EXAMPLES:
        assert (schema_dir() / path).is_file(), path
        assert version in {v.version for v in schema_versions(schema_id)}, (schema_id, version)


@pytest.mark.parametrize(("schema_id", "version", "path"), EXAMPLES, ids=[e[2] for e in EXAMPLES])
def test_official_example_is_valid_with_its_version_as_published_and_after_capnum(
    schema_id: str, version: str, path: str, tmp_path: Path
) -> None:
    """The standard's own valid example passes frictionless (columns by name, like Validata) against the
    bundled schema of that version, and stays valid once read, mapped and converted by CapNum."""
    from frictionless import Detector, Resource, system
    from frictionless import Schema as FrictionlessSchema

    from capnum_desktop.core.io import read_table
    from capnum_desktop.core.schemas import conform, propose_mapping

    schema = load_schema(f"{schema_id}@{version}")
    # a field's documented "example" is not data: registre d'entrées 0.2.0 gives "2.30, 0.075" for a number
    descriptor = {
        **schema.descriptor,
        "fields": [{k: v for k, v in f.items() if k != "example"} for f in schema.fields],
    }

    def check(file: Path) -> None:
        with system.use_context(trusted=True):
            resource = Resource(
                path=str(file),
                schema=FrictionlessSchema.from_descriptor(descriptor, allow_invalid=True),
                detector=Detector(schema_sync=True),
            )
            report = resource.validate()
        errors = report.flatten(["rowNumber", "fieldName", "type", "note"])
        # a descriptor that frictionless 5 finds too loose (field-level "required") is loaded with a
        # French warning (see UNKNOWN_CHECKS / NOT_STRICT); the data itself must have no error at all
        data_errors = [e for e in errors if e[2] not in ("field-error", "schema-error")]
        assert data_errors == [], data_errors[:5]
        assert len(errors) == len(data_errors) or schema.warnings, errors[:5]

    check(schema_dir() / path)
    table = read_table(schema_dir() / path)
    result = conform(table, schema, propose_mapping(table, schema))
    assert result.issues == []
    out = tmp_path / "conforme.csv"
    result.table.df.to_csv(out, index=False, encoding="utf-8")
    check(out)


def test_an_older_published_version_is_bundled_and_selectable(fresh_catalogue: None) -> None:
    entry = next(e for e in list_schemas() if e.id == "Archivistes75/registre_entrees")
    assert entry.versions == ("0.3.1", "0.2.0") and entry.version == "0.3.1"
    old, new = load_schema("registre-entrees@0.2.0"), load_schema("Archivistes75/registre_entrees")
    assert (old.version, new.version) == ("0.2.0", "0.3.1")
    assert old.descriptor != new.descriptor and old.field_names[0] == "ID"


def _same_version(declared: str, listed: str) -> bool:
    """The catalogue names versions x.y.z; a few published files say « 1.1 » or « v0.7 » for the same release."""
    parts = declared.lstrip("vV").split(".")
    return parts == listed.split(".")[: len(parts)] and all(p == "0" for p in listed.split(".")[len(parts) :])


def test_every_bundled_version_loads_by_id_at_version_and_is_its_own_release(fresh_catalogue: None) -> None:
    """Each version listed in index.json (latest and older ones) loads with ``id@version``, is the file of that
    release (its own ``version`` says so, and it is not a copy of another version's file), and points to the
    catalogue page of that version (« latest » allowed for the newest)."""
    for entry in list_schemas():
        texts: dict[str, str] = {}
        for version in schema_versions(entry.id):
            schema = load_schema(f"{entry.id}@{version.version}")
            assert schema.fields, (entry.id, version.version)
            declared = str(json.loads(version.path.read_text(encoding="utf-8")).get("version", ""))
            assert _same_version(declared, version.version), (entry.id, version.version, declared)
            pages = {f"/{entry.id}/{version.version}/"} | (
                {f"/{entry.id}/latest/"} if version.version == entry.version else set()
            )
            assert any(page in version.source_url for page in pages), version.source_url
            text = version.path.read_text(encoding="utf-8")
            assert text not in texts.values(), (entry.id, version.version)
            texts[version.version] = text
