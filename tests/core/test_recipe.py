"""Recipes: versioned JSON, no personal value ever, replay tolerant of new/missing/reordered columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capnum_desktop.core.edits import CellEdit, ColumnEdit
from capnum_desktop.core.errors import RecipeError
from capnum_desktop.core.pipeline import apply_recipe, prepare
from capnum_desktop.core.recipe import Recipe, personal_values_in, strip_personal

SUBVENTIONS = Path("schemas") / "scdl-subventions"


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    lines = [";".join(header)] + [";".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def people_file(path: Path, *, reorder: bool = False, drop: str | None = None, add: str | None = None) -> Path:
    header = ["Nom", "Prénom", "Commune", "Montant", "Date"]
    rows = [["Dupont", "Jean", "Lyon", "12,5", "15/03/2024"], ["Martin", "Alice", "Évry", "30", "16/03/2024"],
            ["Durand", "Paul", "Nantes", "7", "17/03/2024"]]
    if add:
        header.append(add)
        rows = [[*r, f"x{i}"] for i, r in enumerate(rows)]
    if drop:
        k = header.index(drop)
        header.pop(k)
        rows = [r[:k] + r[k + 1:] for r in rows]
    if reorder:
        header = header[::-1]
        rows = [r[::-1] for r in rows]
    return write_csv(path, header, rows)


def test_round_trip_and_versioning(tmp_path: Path) -> None:
    recipe = Recipe.create(source_path="/a/b/fichier.xlsx", source_format="xlsx", read_options={"sheet": "Feuil1"},
                           schema={"fields": [{"name": "a"}], "name": "s"}, mapping={"columns": {"A": "a"}},
                           edits=[CellEdit(4, "a", "x", "y")], export_options={"licence": "odbl"})
    recipe.save(tmp_path / "r.json")
    back = Recipe.load(tmp_path / "r.json")
    assert back.to_dict() == recipe.to_dict()
    assert back.source == {"file_name": "fichier.xlsx", "format": "xlsx"}  # no folder path
    assert back.edit_objects() == [CellEdit(4, "a", "x", "y")]
    data = recipe.to_dict()
    data["version"] = 99
    with pytest.raises(RecipeError, match="plus récente"):
        Recipe.from_dict(data)
    with pytest.raises(RecipeError):
        Recipe.from_dict({"kind": "autre"})
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(RecipeError, match="JSON"):
        Recipe.load(tmp_path / "bad.json")


def test_edits_of_personal_fields_are_stored_without_value() -> None:
    edits = [CellEdit(3, "nom", "Dupont", "DUPONT"), ColumnEdit("nom", "replace", find="Martin", repl="M."),
             CellEdit(3, "montant", "12,5", "12.5")]
    recipe = Recipe.create(edits=edits, personal_fields=["nom"])
    text = json.dumps(recipe.to_dict(), ensure_ascii=False)
    assert "Dupont" not in text and "Martin" not in text and "12.5" in text
    assert personal_values_in(recipe.to_dict(), {"Dupont", "DUPONT", "Martin"}) == []
    assert strip_personal(edits[2], ["nom"]) is edits[2]


def test_prepare_then_apply_on_next_month_file(tmp_path: Path) -> None:
    first = prepare(people_file(tmp_path / "janvier.csv"), None, None, tmp_path / "out1")
    recipe_path = tmp_path / "out1" / "recipe.json"
    recipe = json.loads(recipe_path.read_text(encoding="utf-8"))
    assert recipe["kind"] == "capnum-recipe" and recipe["version"] == 1
    assert recipe["read"]["delimiter"] == ";"
    assert personal_values_in(recipe, {"Dupont", "Martin", "Durand", "Jean", "Alice", "Paul"}) == []
    assert first.export is not None and (tmp_path / "out1" / "datapackage.json").exists()

    # next month: columns reordered, one gone, one new
    nxt = people_file(tmp_path / "fevrier.csv", reorder=True, drop="Commune", add="Observation")
    result = apply_recipe(recipe_path, nxt, tmp_path / "out2")
    notes = "\n".join(result.notes)
    assert "« Commune »" in notes and "n'est plus dans le fichier" in notes
    assert "« Observation »" in notes
    assert result.table.row_count == 3
    out = json.loads((tmp_path / "out2" / "recipe.json").read_text(encoding="utf-8"))
    assert personal_values_in(out, {"Dupont", "Martin", "Durand"}) == []


def test_recipe_edits_are_replayed_and_misfits_reported(tmp_path: Path) -> None:
    first = prepare(people_file(tmp_path / "janvier.csv"), None, None, None)
    fields = [str(c) for c in first.table.df.columns]
    montant = next(f for f in fields if "ontant" in f)
    edit = CellEdit(3, montant, first.table.df.loc[3, montant], "31")
    ghost = CellEdit(99, montant, "1", "2")
    recipe = first.recipe.with_edits([edit, ghost])
    result = apply_recipe(recipe, tmp_path / "janvier.csv", tmp_path / "o")
    assert result.table.df.loc[3, montant] == "31"
    assert any("ligne 99" in n for n in result.notes)
