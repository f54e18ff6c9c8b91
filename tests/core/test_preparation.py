"""The preparation value and the core replay: one record of the choices, read the same by every caller."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from capnum_desktop.core.edits import CellEdit
from capnum_desktop.core.pipeline import prepare, replay
from capnum_desktop.core.preparation import Preparation
from capnum_desktop.core.recipe import Recipe

SCHEMA = {"name": "aides", "title": "Aides", "fields": [
    {"name": "commune", "type": "string", "constraints": {"required": True}},
    {"name": "montant", "type": "number"},
    {"name": "courriel", "type": "string"},
]}


@pytest.fixture
def source(tmp_path: Path) -> tuple[Path, Path]:
    schema = tmp_path / "aides.json"
    schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
    path = tmp_path / "aides.csv"
    path.write_bytes("commune;montant;courriel\nLyon;12,5;jean.dupont@gmail.com\nÉvry;3;marie.curie@orange.fr\n"
                     .encode("cp1252"))
    return path, schema


def test_the_recipe_written_is_the_preparation_s(source: tuple[Path, Path], tmp_path: Path) -> None:
    path, schema = source
    result = prepare(path, str(schema), None, tmp_path / "out")
    prep = result.preparation
    assert dataclasses.is_dataclass(prep) and prep.read_options.encoding == "cp1252"  # as detected
    assert prep.read_options.delimiter == ";"
    with pytest.raises(dataclasses.FrozenInstanceError):
        prep.edits = ()  # type: ignore[misc]
    written = json.loads((tmp_path / "out" / "recipe.json").read_text(encoding="utf-8"))
    assert written == {**prep.to_recipe().to_dict(), "created": written["created"]}
    assert written["read"]["encoding"] == "cp1252" and "courriel" in written["personal_fields"]
    report = json.loads((tmp_path / "out" / "rapport-traitement.json").read_text(encoding="utf-8"))
    assert "dupont" not in json.dumps(report).lower()


def test_replay_redoes_the_steps_up_to_the_saved_one(source: tuple[Path, Path], tmp_path: Path) -> None:
    path, schema = source
    prep = prepare(path, str(schema)).preparation
    prep = dataclasses.replace(prep, edits=(CellEdit(3, "montant", "3", "4"),))
    recipe = Recipe.from_dict(json.loads(json.dumps(prep.to_recipe().to_dict())))

    opened = replay(recipe, path, until="open")
    assert opened.conform is None and opened.source.df["commune"].tolist() == ["Lyon", "Évry"]
    mapped = replay(recipe, path, until="map")
    assert mapped.conform.table.df["montant"].tolist() == ["12.5", "3"] and mapped.scan is None
    planned = replay(recipe, path, until="protect", applied=False)
    assert planned.plan is not None and planned.protected is None and planned.scan is not None
    done = replay(recipe, path, until="verify")
    assert "courriel" not in done.protected.df.columns  # the plan's decision, replayed
    assert done.edits == (CellEdit(3, "montant", "3", "4"),) and done.stopped is None


def test_replay_says_where_it_stopped(source: tuple[Path, Path], tmp_path: Path) -> None:
    path, _schema = source
    recipe = Recipe(read={"delimiter": ";", "encoding": "cp1252"},
                    schema={"id": "catalogue/inexistant"}, mapping={"columns": {"commune": "commune"}})
    result = replay(recipe, path)
    assert result.stopped == "map" and result.conform is None and result.source.row_count == 2


def test_without_a_schema_the_published_one_is_inferred_from_the_output() -> None:
    from capnum_desktop.core.table import SourceInfo, Table, text_frame

    table = Table(text_frame(["a"], [["1"], ["2"]], [2, 3]), SourceInfo(Path("t.csv"), "csv"))
    prep = Preparation.of_table(table, None)
    assert [f["name"] for f in prep.published_schema(table).descriptor["fields"]] == ["a"]
    assert prep.to_recipe().schema == {}


@pytest.mark.parametrize("with_recipe", [False, True])
def test_prepare_and_apply_run_each_step_once(source: tuple[Path, Path], tmp_path: Path, with_recipe: bool,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Read, conform, scan, protect and validate: once each, the export validating the very table it writes."""
    import capnum_desktop.core.export.dataset as dataset
    import capnum_desktop.core.io as io
    import capnum_desktop.core.pipeline as pipeline
    import capnum_desktop.core.privacy as privacy
    import capnum_desktop.core.schemas as schemas

    path, schema = source
    recipe = prepare(path, str(schema)).recipe if with_recipe else None
    calls: dict[str, int] = {}

    def counted(module: object, name: str) -> None:
        real = getattr(module, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            calls[name] = calls.get(name, 0) + 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    for module, name in ((io, "read_table"), (schemas, "conform"), (privacy, "scan_table"), (privacy, "apply_plan"),
                         (dataset, "validate_table"), (pipeline, "validate_table")):
        counted(module, name)
    result = prepare(path, str(schema), recipe, tmp_path / "out")
    assert calls == {"read_table": 1, "conform": 1, "scan_table": 1, "apply_plan": 1, "validate_table": 1}
    assert result.export is not None and result.report is result.export.report
