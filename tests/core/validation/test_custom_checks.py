"""The national validator's custom checks: same verdicts as Validata's building blocks."""

from __future__ import annotations

import numpy as np
import pytest
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret

from capnum_desktop.core.table import text_frame
from capnum_desktop.core.validation import validate_table
from capnum_desktop.core.validation.custom_checks import canonical_name, valid_phone, valid_siren, valid_siret
from capnum_desktop.core.validation.opening_hours import is_valid_opening_hours


def run(columns: list[str], rows: list[list[str]], checks: list[dict], fields: list[dict] | None = None):
    """Validate ``rows``; a filled extra column keeps single-column rows from being blank rows."""
    fields = (fields or [{"name": c, "type": "string"} for c in columns]) + [{"name": "ligne", "type": "string"}]
    schema = {"fields": fields, "custom_checks": checks}
    df = text_frame([*columns, "ligne"], [[*r, "x"] for r in rows], list(range(2, len(rows) + 2)))
    return validate_table(df, schema)


def test_vectorised_siret_and_siren_equal_stdnum() -> None:
    rng = np.random.default_rng(1)
    values = [str(v).zfill(14) for v in rng.integers(0, 10**14, 3000)]
    values += ["73282932000074", "35600000000048", "35600000049837", "35600000049838", "732 829 320 00074",
               "7328293200007", "", "abc", "73282932000074 ", "３５６"]
    values += [f"356000000{str(i).zfill(5)}" for i in range(200)]
    arr = np.array(values, dtype=object)
    assert valid_siret(arr).tolist() == [std_siret.is_valid(v) for v in values]
    sirens = [v[:9] for v in values] + ["732 829 320", "732829320"]
    arr = np.array(sirens, dtype=object)
    assert valid_siren(arr).tolist() == [std_siren.is_valid(v) for v in sirens]


def test_siret_check_skips_empty_cells_and_accepts_both_spellings() -> None:
    rows = [["73282932000074"], ["73282932000075"], [""], ["12"]]
    for name in ("french-siret-value", "french_siret_value", "siret"):
        report = run(["siret"], rows, [{"name": name, "params": {"column": "siret"}}])
        assert [i.row for i in report.issues()] == [3, 5]
        assert all(i.code == "french-siret-value" for i in report.issues())
    assert canonical_name("French_SIREN_Value") == "french-siren-value"


def test_unknown_check_is_a_warning() -> None:
    report = run(["a"], [["x"]], [{"name": "code-commune-insee", "params": {"column": "a"}}])
    assert report.valid and report.warning_count == 1
    assert "code-commune-insee" in report.issues()[0].message


@pytest.mark.parametrize(("value", "ok"), [
    ("0123456789", True), ("01 23 45 67 89", True), ("+33 1 23 45 67 89", True), ("0033123456789", True),
    ("115", True), ("3949", True), ("+44 20 7946 0958", True), ("12345", False), ("abc", False), ("0476544254", True),
    ("476544254", False),
])
def test_phone_numbers(value: str, ok: bool) -> None:
    assert valid_phone(value) is ok


def test_gps_points_in_france_and_swapped() -> None:
    fields = [{"name": "geo", "type": "geopoint"}]
    rows = [["2.35,48.85"], ["48.85,2.35"], ["0,0"], ["55.45,-20.88"], [""]]
    report = run(["geo"], rows, [{"name": "french-gps-coordinates", "params": {"column": "geo"}}], fields)
    got = {(i.row, i.code) for i in report.issues()}
    assert got == {(3, "reversed-french-gps-coordinates"), (4, "french-gps-coordinates")}


def test_year_interval() -> None:
    rows = [["2020/2024"], ["2024/2020"], ["2024"], ["24/25"], [""]]
    check = {"name": "year-interval-value", "params": {"column": "a", "allow-year-only": "yes"}}
    assert [i.row for i in run(["a"], rows, [check]).issues()] == [3, 5]
    check["params"]["allow-year-only"] = "no"
    assert [i.row for i in run(["a"], rows, [check]).issues()] == [3, 4, 5]


@pytest.mark.parametrize(("value", "ok"), [
    ("24/7", True), ("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off", True), ("true", False),
    ("Lundi 8h-12h", False), ("sunrise-sunset", True), ("Mo-Su 00:00-24:00", True), ("Jan-Mar Mo-Fr 08:00-18:00", True),
])
def test_opening_hours(value: str, ok: bool) -> None:
    assert is_valid_opening_hours(value) is ok


def test_compare_sum_cohesive_columns() -> None:
    cols = ["eff", "reel", "pour", "contre", "date1", "date2"]
    rows = [
        ["10", "9", "5", "4", "2024-01-02", "2024-01-01"],  # fine
        ["8", "9", "5", "4", "2024-01-01", "2024-01-02"],  # eff < reel, date1 < date2
        ["10", "9", "5", "3", "", ""],  # sum wrong
        ["", "9", "5", "4", "", ""],  # cohesive broken (eff empty)
        ["", "", "", "", "", ""],
    ]
    checks = [
        {"name": "compare-columns-value", "params": {"column": "eff", "op": ">=", "column2": "reel"}},
        {"name": "compare-columns-value", "params": {"column": "date1", "op": ">=", "column2": "date2"}},
        {"name": "sum-columns-value", "params": {"column": "reel", "columns": ["pour", "contre"]}},
        {"name": "cohesive_columns_value", "params": {"column": "eff", "othercolumns": ["reel", "pour", "contre"]}},
    ]
    report = run(cols, rows, checks)
    got = sorted((i.row, i.code, i.field) for i in report.issues() if i.code != "blank-row")
    assert got == [
        (3, "compare-columns-value", "date1"),
        (3, "compare-columns-value", "eff"),
        (4, "sum-columns-value", "reel"),
        (5, "cohesive-columns-value", "eff"),
    ]
    # numbers compare as numbers, not as text
    report = run(["a", "b"], [["10", "9"]], [{"name": "compare-columns-value", "params": {"column": "a", "op": ">", "column2": "b"}}])
    assert report.valid


def test_one_of_required() -> None:
    check = {"name": "one-of-required", "params": {"column1": "siret", "column2": "rna"}}
    report = run(["siret", "rna"], [["1", ""], ["", "W1"], ["", ""]], [check])
    assert [i.row for i in report.issues()] == [4]
    report = run(["autre"], [["y"]], [check])
    assert [(i.row, i.code) for i in report.issues(severity="error")] == [(None, "one-of-required")]


def test_actes_nomenclature() -> None:
    rows = [["Commande publique/Marchés publics"], ["commande PUBLIQUE/x"], ["Urbanisme / PLU"], ["Urbanisme"],
            ["Finances/Budget"], ["Libertes publiques et pouvoirs de police/Arrêtés"]]
    report = run(["m"], rows, [{"name": "nomenclature-actes-value", "params": {"column": "m"}}])
    assert [i.row for i in report.issues()] == [4, 5, 6]
    messages = [i.message for i in report.issues()]
    assert "espace" in messages[0] and "« / »" in messages[1] and "familles" in messages[2]


def test_siret_and_siren_read_from_arrow_buffers_equal_stdnum() -> None:
    """The digits are read from the Arrow buffer of the plain values (issue 18): sliced arrays (an offset
    into the buffer), large_string and chunked arrays give stdnum's verdicts too."""
    import pyarrow as pa

    rng = np.random.default_rng(7)
    values = [str(v).zfill(14) for v in rng.integers(0, 10**14, 500)]
    values += ["73282932000074", "732 829 320 00074", "", "７３２８２９３２０００７４", "35600000049837", "x" * 14]
    values += [f"356000000{str(i).zfill(5)}" for i in range(50)]
    expected = [std_siret.is_valid(v) for v in values]
    for arr in (pa.array(values), pa.array(values, type=pa.large_string()), pa.chunked_array([values[:100], values[100:]])):
        assert valid_siret(arr).tolist() == expected
        assert valid_siret(arr.slice(37)).tolist() == expected[37:]
        sirens = arr.slice(3) if not isinstance(arr, pa.ChunkedArray) else arr
        nines = pa.compute.utf8_slice_codeunits(sirens, 0, 9)
        assert valid_siren(nines).tolist() == [std_siren.is_valid(v) for v in nines.to_pylist()]
