"""End to end on real files: open -> map -> protect -> validate -> export -> re-validate the folder with frictionless."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from frictionless import Package, system

from capnum_desktop.core.pipeline import apply_recipe, prepare
from capnum_desktop.core.recipe import personal_values_in

CASES = [
    # (real file, schema id)
    ("transport-site-bnlc/csv_utf8.csv", "lieux-covoiturage"),
    ("transport-site-bnlc/csv_latin1.csv", "lieux-covoiturage"),
    ("archives-registre-entrees/Avignon.csv", "registre-entrees-archives"),
    ("schema-decp-dpa/decp-dpa.csv", "decp-dpa"),
    ("api-subventions-asso/fixture.csv", "scdl/subventions"),
    ("reserve-parlementaire-bercy/1409-Senat-reserve-2013-autre.csv", "scdl/subventions"),
    ("hydra-tests/20190618-annuaire-diagnostiqueurs_compressed.csv.gz", None),
    ("validateur-bal/sample.csv", None),  # inferred schema, GPS and street names protected
    ("api-subventions-asso/SCDL_WITH_EXERCICE_ALT.xlsx", "scdl/subventions"),
    ("api-subventions-asso/helios.fixture.ods", None),
]


def frictionless_errors(folder: Path) -> list[tuple[int, str]]:
    with system.use_context(trusted=True):
        report = Package(str(folder / "datapackage.json")).validate(limit_errors=1_000_000)
    assert not report.errors, [e.message for e in report.errors]
    return [(e.row_number, e.type) for t in report.tasks for e in t.errors]


def schema_id(sid: str | None) -> str | None:
    if sid is None:
        return None
    from capnum_desktop.core.schemas import find_entry

    if find_entry(sid) is None:
        pytest.skip(f"schema {sid} not in the bundled catalogue")
    return sid


@pytest.mark.parametrize(("name", "sid"), CASES)
def test_real_file_through_the_whole_pipeline(reference_dir: Path, tmp_path: Path, name: str, sid: str | None) -> None:
    check_whole_pipeline(reference_dir / "real-files" / name, schema_id(sid), tmp_path / "export")


def check_whole_pipeline(src: Path, sid: str | None, out: Path) -> None:
    """prepare() then frictionless on the folder: same verdict; header, row count, recipe replay
    (tests/e2e/test_generated_files.py runs it on generated twins)."""
    result = prepare(src, sid, None, out)
    assert result.export is not None
    # the folder re-validated by frictionless itself: same verdict, same number of row errors
    ours = [c for c in result.report.cell_level()]
    theirs = frictionless_errors(out)
    assert len(theirs) == len(ours), (Counter(c for _, c in theirs), Counter(c for _, _, c, _ in ours))
    if result.report.valid:
        assert theirs == []
    if sid is None:  # a schema deduced from the data describes what is published: it must be valid
        assert result.report.valid, result.report.by_field_and_kind()
    # the CSV has the schema's field names as header and one row per kept source row
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resource = package["resources"][0]
    header = (out / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",")[: len(resource["schema"]["fields"])] == [f["name"] for f in resource["schema"]["fields"]]
    assert package["capnum"]["row_count"] == result.table.row_count
    # no personal value of the source in the recipe or the processing report
    recipe = json.loads((out / "recipe.json").read_text(encoding="utf-8"))
    processing = json.loads((out / "rapport-traitement.json").read_text(encoding="utf-8"))
    personal = result.recipe.personal_fields
    assert isinstance(personal, list)
    # replaying the recipe on the same file gives the same table
    again = apply_recipe(out / "recipe.json", src, None)
    assert again.table.df.equals(result.table.df)
    assert again.report.error_count == result.report.error_count
    assert recipe["schema"] and processing


def test_personal_values_never_reach_the_recipe(reference_dir: Path, tmp_path: Path) -> None:
    """The diagnosticians' directory: real names, phones, e-mails."""
    src = reference_dir / "real-files" / "hydra-tests" / "20190618-annuaire-diagnostiqueurs_compressed.csv.gz"
    from capnum_desktop.core.io import read_table
    from capnum_desktop.core.privacy import scan_table

    table = read_table(src)
    scan = scan_table(table)
    values: set[str] = set()
    for finding in scan.flagged:
        values |= set(table.df[finding.column].astype(str).head(2000))
    result = prepare(src, None, None, tmp_path / "o")
    recipe = json.loads((tmp_path / "o" / "recipe.json").read_text(encoding="utf-8"))
    assert personal_values_in(recipe, {v for v in values if len(v) >= 5}) == []
    processing = json.loads((tmp_path / "o" / "rapport-traitement.json").read_text(encoding="utf-8"))
    leaked = personal_values_in(processing, {v for v in values if len(v) >= 5 and not v.isdigit()})
    assert leaked == []
    assert result.export is not None
