"""Issue 13, case 1 on the real file: the car parks' coordinates the covoiturage schema requires are kept.

The generated twin is tests/core/privacy/test_schema_plan.py::test_case1_required_coordinates_of_car_parks_are_kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from capnum_desktop.core.pipeline import prepare


def test_covoiturage_export_keeps_required_coordinates_and_is_valid(reference_dir: Path, tmp_path: Path) -> None:
    src = reference_dir / "real-files" / "transport-site-bnlc" / "csv_latin1.csv"
    result = prepare(src, "etalab/schema-lieux-covoiturage", None, tmp_path / "out")
    assert result.valid, result.report.by_field_and_kind()
    assert {"Xlong", "Ylat"} <= set(result.table.df.columns)
    assert (result.table.df["Xlong"] != "").all()
    processing = json.loads((tmp_path / "out" / "rapport-traitement.json").read_text(encoding="utf-8"))
    assert processing["subject"]["kind"] == "facility"
    kept = {c["column"]: c for c in processing["columns"]}
    assert kept["Xlong"]["action"] == "keep"
    assert kept["Xlong"]["exception"]["reference"].startswith("RGPD considérant 14")


def test_demo_sole_traders_rows_withheld_whole(tmp_path: Path) -> None:
    """Issue 13, case 2: the demo's 12 sole traders leave with their SIRET; no emptied required name."""
    from capnum_desktop.core.io import ReadOptions, read_table
    from capnum_desktop.core.privacy.values import is_individual_entrepreneur
    from capnum_desktop.resources import resource_path

    demo = resource_path("demo", "subventions-demo.xlsx")
    source = read_table(demo, ReadOptions()).df
    name_col, id_col = "Bénéficiaire", "SIRET bénéficiaire"
    persons = source[source[name_col].map(is_individual_entrepreneur)]
    assert len(persons) == 12
    result = prepare(demo, "scdl/subventions", None, tmp_path / "out")
    assert result.table.row_count == len(source) - 12
    assert "nomBeneficiaire" not in dict(result.report.by_field("error"))
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir() if p.suffix != ".xlsx")
    for _, row in persons.iterrows():
        assert row[name_col] not in written and (not row[id_col] or row[id_col] not in written)
    referents = source["Prénom du référent"] + " " + source["Nom du référent"]
    for column, values in (("référent", referents), ("Téléphone", source["Téléphone"]), ("Courriel", source["Courriel"])):
        assert not any(x.strip() and x in written for x in values), column  # the referents are not published
    processing = json.loads((tmp_path / "out" / "rapport-traitement.json").read_text(encoding="utf-8"))
    assert processing["rows_withheld"]["rows"] == 12
