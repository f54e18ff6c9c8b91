"""Export: the publishable folder, valid for frictionless, written atomically, never over a folder by accident."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from frictionless import Package, system

from capnum_desktop.core.errors import ExportError
from capnum_desktop.core.export import ExportOptions, default_output_dir, export_dataset, slugify
from capnum_desktop.core.export import writers as export_writers
from capnum_desktop.core.preparation import Preparation
from capnum_desktop.core.table import SourceInfo, Table, text_frame
from capnum_desktop.core.validation import validate_table
from tests.core.validation.generated import SCHEMA, generate


def table_of(df, name: str = "Subventions 2024.xlsx") -> Table:
    return Table(df, SourceInfo(Path("/données") / name, "xlsx"))


def prep(schema: object, options: ExportOptions | None = None) -> Preparation:
    """The choices of a preparation that only picked a schema (and export options)."""
    return Preparation(schema=schema, export_options=options or ExportOptions())


def frictionless_package_errors(folder: Path) -> list[tuple[int | None, str]]:
    with system.use_context(trusted=True):
        report = Package(str(folder / "datapackage.json")).validate(limit_errors=100_000)
    return [(getattr(e, "row_number", None), e.type) for t in report.tasks for e in t.errors] + [
        (None, e.type) for e in report.errors
    ]


@pytest.mark.skipif(shutil.which("frictionless") is None, reason="the frictionless command is not installed")
def test_valid_data_gives_a_folder_frictionless_finds_valid(tmp_path: Path) -> None:
    table = table_of(generate(1500, dirty=False))
    out = tmp_path / "export"
    result = export_dataset(table, prep(SCHEMA, ExportOptions(title="Subventions 2024", producer="Ville de Lyon",
                                                              contact="donnees@ville.fr")), out)
    assert result.valid and result.publishable and result.row_count == 1500 and result.warnings == []
    names = sorted(p.name for p in out.iterdir())
    assert names == ["datapackage.json", "rapport-validation.html", "rapport-validation.json", "recipe.json",
                     "subventions-2024.csv", "subventions-2024.json"]
    assert frictionless_package_errors(out) == []
    cli = subprocess.run(["frictionless", "validate", "datapackage.json"], cwd=out, capture_output=True, text=True)
    assert cli.returncode == 0, cli.stdout[-2000:]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "etalab-2.0"
    assert package["contributors"][0] == {"title": "Ville de Lyon", "role": "publisher", "email": "donnees@ville.fr"}
    assert package["capnum"]["row_count"] == 1500
    assert package["capnum"]["source_file"] == "Subventions 2024.xlsx"
    assert package["resources"][0]["path"] == "subventions-2024.csv"
    assert package["created"].endswith("Z")
    # no temporary folder left beside the export
    assert [p.name for p in tmp_path.iterdir()] == ["export"]


def test_invalid_data_frictionless_finds_the_same_errors(tmp_path: Path) -> None:
    df = generate(1200, seed=2, edge=False)
    report = validate_table(df, SCHEMA)
    result = export_dataset(table_of(df), prep(SCHEMA), tmp_path / "out", report=report)
    assert not result.valid and not result.publishable and result.report is report
    theirs = frictionless_package_errors(tmp_path / "out")
    assert len(theirs) == len([e for e in report.cell_level()])
    html = (tmp_path / "out" / "rapport-validation.html").read_text(encoding="utf-8")
    assert "Rapport de validation" in html and " erreurs sur " in html and "(s)" not in html and "<table>" in html


def test_csv_is_plain_utf8_with_one_line_ending_and_reads_back_identical(tmp_path: Path) -> None:
    rows = [["1", "Café, crème", "a\nb"], ["2", 'dit "oui"', ""], ["3", "Œuvre", "x"]]
    df = text_frame(["id", "nom", "note"], rows, [2, 3, 4])
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "nom", "type": "string"}, {"name": "note", "type": "string"}]}
    export_dataset(table_of(df, "t.csv"), prep(schema), tmp_path / "lf")
    raw = (tmp_path / "lf" / "t.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    back = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert back == [["id", "nom", "note"], *rows]
    export_dataset(table_of(df, "t.csv"), prep(schema, ExportOptions(bom=True, line_ending="\r\n")), tmp_path / "crlf")
    raw = (tmp_path / "crlf" / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 4  # header + 3 rows; the newline inside the quoted cell stays as it was
    package = json.loads((tmp_path / "crlf" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"][0]["encoding"] == "utf-8-sig"
    assert frictionless_package_errors(tmp_path / "crlf") == []


def test_clean_csv_is_not_quoted(tmp_path: Path) -> None:
    df = text_frame(["a", "b"], [["1", "x"], ["2", "y"]], [2, 3])
    export_dataset(table_of(df, "t.csv"), prep({"fields": [{"name": "a"}, {"name": "b"}]}), tmp_path / "o")
    assert (tmp_path / "o" / "t.csv").read_text(encoding="utf-8") == "a,b\n1,x\n2,y\n"


def test_json_has_typed_values(tmp_path: Path) -> None:
    schema = {"fields": [
        {"name": "n", "type": "integer"}, {"name": "x", "type": "number"},
        {"name": "b", "type": "boolean", "trueValues": ["oui"], "falseValues": ["non"]},
        {"name": "d", "type": "date"}, {"name": "s", "type": "string"}, {"name": "y", "type": "year"},
    ]}
    df = text_frame(["n", "x", "b", "d", "s", "y"],
                    [["12", "12.5", "oui", "2024-03-15", "007", "2024"], ["", "", "", "", "", ""], ["abc", "1.1", "non", "", "/a", "1999"]],
                    [2, 3, 4])
    export_dataset(table_of(df, "t.csv"), prep(schema), tmp_path / "o")
    records = json.loads((tmp_path / "o" / "t.json").read_text(encoding="utf-8"))
    assert records[0] == {"n": 12, "x": 12.5, "b": True, "d": "2024-03-15", "s": "007", "y": 2024}
    assert records[1] == {"n": None, "x": None, "b": None, "d": None, "s": None, "y": None}
    assert records[2]["n"] == "abc"  # not convertible: kept as text, never lost
    assert records[2]["b"] is False and records[2]["s"] == "/a"


def test_formula_cells_are_reported_and_can_be_neutralised(tmp_path: Path) -> None:
    schema = {"fields": [{"name": "t", "type": "string"}, {"name": "m", "type": "number"}]}
    df = text_frame(["t", "m"], [["=SUM(A1)", "-3"], ["@cmd", "4"], ["+33 1 23 45 67 89", "5"], ["-x", "6"], ["ok", "7"]],
                    [2, 3, 4, 5, 6])
    result = export_dataset(table_of(df, "t.csv"), prep(schema), tmp_path / "a")
    assert result.formula_cells == {"t": 3} and not result.neutralised
    assert "formules" in result.warnings[0] and "=SUM" not in result.warnings[0]
    result = export_dataset(table_of(df, "t.csv"), prep(schema, ExportOptions(neutralise_formulas=True)), tmp_path / "b")
    text = (tmp_path / "b" / "t.csv").read_text(encoding="utf-8")
    assert "'=SUM(A1)" in text and "'@cmd" in text and "'-x" in text and ",-3" in text and "+33 1 23" in text


def test_existing_folder_is_never_overwritten_without_asking(tmp_path: Path) -> None:
    df = text_frame(["a"], [["1"]], [2])
    schema = {"fields": [{"name": "a"}]}
    out = tmp_path / "o"
    out.mkdir()
    (out / "important.txt").write_text("garder", encoding="utf-8")
    with pytest.raises(ExportError, match="existe déjà"):
        export_dataset(table_of(df, "t.csv"), prep(schema), out)
    assert (out / "important.txt").exists()
    export_dataset(table_of(df, "t.csv"), prep(schema, ExportOptions(overwrite=True)), out)
    assert sorted(p.name for p in out.iterdir())[0] == "datapackage.json"
    assert not (out / "important.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["o"]


def test_a_crash_while_writing_leaves_nothing_half_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("capnum_desktop.core.export.dataset.write_json_records", boom)
    df = text_frame(["a"], [["1"]], [2])
    with pytest.raises(ExportError, match="pas pu être écrit"):
        export_dataset(table_of(df, "t.csv"), prep({"fields": [{"name": "a"}]}), tmp_path / "o")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_text("ancien", encoding="utf-8")

    def half(fh) -> None:  # type: ignore[no-untyped-def]
        fh.write(b"nouv")
        raise RuntimeError("coupure")

    with pytest.raises(RuntimeError):
        export_writers.atomic_write(target, half)
    assert target.read_text(encoding="utf-8") == "ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_options_licences_names_and_contact(tmp_path: Path) -> None:
    assert ExportOptions(licence="odbl").licence == "odbl"
    with pytest.raises(ExportError, match="Licence inconnue"):
        ExportOptions(licence="cc-by-nc")
    opts = ExportOptions(licence="ODbL", line_ending="\r\n", bom=True, title="Aides")
    assert ExportOptions.from_dict(json.loads(json.dumps(opts.to_dict()))) == opts
    assert slugify("Subventions versées 2024 (Ville d'Évry)") == "subventions-versees-2024-ville-d-evry"
    assert default_output_dir(tmp_path, "Aides à la presse").name == "aides-a-la-presse"
    df = text_frame(["a"], [["1"]], [2])
    result = export_dataset(table_of(df, "t.csv"), prep({"fields": [{"name": "a"}]},
                                                          ExportOptions(licence="odbl", contact="marie.curie@ville.fr")),
                            tmp_path / "o")
    assert any("adresse de service" in w for w in result.warnings)
    package = json.loads((tmp_path / "o" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "ODbL-1.0"
    with pytest.raises(ExportError, match="caché"):
        export_dataset(table_of(df, "t.csv"), prep({"fields": [{"name": "a"}]}), tmp_path / ".cache")


def test_processing_report_and_recipe_are_written(tmp_path: Path) -> None:
    """The recipe is the preparation's; the processing report is its Protect step's, with no personal value."""
    from capnum_desktop.core.edits import CellEdit
    from capnum_desktop.core.privacy import apply_plan, default_plan, scan_table

    df = text_frame(["a", "nom"], [["1", "Dupont"], ["2", "Martin"]], [2, 3])
    table = table_of(df, "t.csv")
    scan = scan_table(table)
    plan = default_plan(scan)
    protected, log = apply_plan(table, plan)
    preparation = Preparation.of_table(table, {"fields": [{"name": "a"}]}, plan=plan,
                                       personal_fields=tuple(f.column for f in scan.flagged),
                                       edits=(CellEdit(2, "nom", "Dupont", "Dupond"),),
                                       export_options=ExportOptions(licence="Licence Ouverte 2.0"))
    assert "nom" in preparation.personal_fields
    result = export_dataset(protected, preparation, tmp_path / "o",
                            processing_report=preparation.processing_report(scan, log))
    assert {"processing_html", "processing_json", "recipe"} <= set(result.files)
    text = (tmp_path / "o" / "rapport-traitement.json").read_text(encoding="utf-8")
    assert "Dupont" not in text and "Martin" not in text
    recipe = json.loads((tmp_path / "o" / "recipe.json").read_text(encoding="utf-8"))
    assert recipe == {**preparation.to_recipe().to_dict(), "created": recipe["created"]}
    assert recipe["kind"] == "capnum-recipe" and recipe["source"] == {"file_name": "t.csv", "format": "xlsx"}
    assert "Dupon" not in json.dumps(recipe)


def test_an_empty_table_is_exported_but_not_publishable(tmp_path: Path) -> None:
    df = text_frame(["a"], [], [])
    result = export_dataset(table_of(df, "t.csv"), prep({"fields": [{"name": "a"}]}), tmp_path / "o")
    assert result.valid and result.row_count == 0 and not result.publishable
    assert result.to_dict()["publishable"] is False and (tmp_path / "o" / "t.csv").exists()
