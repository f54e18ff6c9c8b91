"""Validation equals frictionless on official examples and generated data; French messages; re-validation."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from capnum_desktop.core.table import SourceInfo, Table, text_frame
from capnum_desktop.core.validation import cells, revalidate, validate_table
from capnum_desktop.core.validation.reference import frictionless_errors
from tests.conftest import REFERENCE
from tests.core.validation.generated import SCHEMA, generate


def read_csv_text(path: Path) -> Table:
    """A plain reader for the official examples (sniffed delimiter, DAE's ", " separators)."""
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:5000], delimiters=",;\t")
    rows = list(csv.reader(io.StringIO(text), delimiter=dialect.delimiter, skipinitialspace=True))
    header, data = rows[0], rows[1:]
    width = len(header)
    data = [(r + [""] * width)[:width] for r in data]
    return Table(text_frame(header, data, list(range(2, len(data) + 2))), SourceInfo(path, "csv"))


def example_pairs() -> list[tuple[str, str]]:
    base = REFERENCE / "schemas"
    if not base.is_dir():
        return []
    pairs = []
    for data in sorted(base.glob("**/*.csv")):
        schemas = sorted(data.parent.glob("schema*.json")) or sorted(data.parent.parent.glob("schema*.json"))
        if schemas:
            pairs.append((str(data.relative_to(base)), str(schemas[0].relative_to(base))))
    return pairs


def reference_counter(table: Table | pd.DataFrame, schema: object) -> Counter:
    return Counter(
        (e["row"], e["field"], e["code"], e["constraint"]) for e in frictionless_errors(table, schema) if e["row"] is not None
    )


@pytest.mark.parametrize(("data", "schema"), example_pairs() or [pytest.param("", "", marks=pytest.mark.skip(
    reason=f"the official examples are not here ({REFERENCE / 'schemas'} is absent)"))])
def test_official_examples_equal_frictionless(reference_dir: Path, data: str, schema: str) -> None:
    table = read_csv_text(reference_dir / "schemas" / data)
    descriptor = json.loads((reference_dir / "schemas" / schema).read_text(encoding="utf-8"))
    report = validate_table(table, descriptor)
    assert Counter(report.cell_level()) == reference_counter(table, descriptor)
    if "stations-taxi/exemple-non-valide" in data:
        # extra columns are warnings; the phone number that lost its leading 0 is the one error
        assert {(i.code, i.severity) for i in report.issues()} == {("extra-header", "warning"),
                                                                  ("phone-number-value", "error")}
    elif "invalid" in data or "non-valide" in data:
        if "structure" not in data:
            assert not report.valid
    elif "lieux-covoiturage/exemple-valide" in data:
        # like the national validator: the "horaires" cell holds "true", not opening hours
        assert {i.code for i in report.issues(severity="error")} == {"opening-hours-value"}
    else:
        assert report.valid, [i.line() for i in report.issues(limit=5)]


def test_invalid_examples_give_the_expected_french_messages(reference_dir: Path) -> None:
    base = reference_dir / "schemas" / "scdl-subventions"
    table = read_csv_text(base / "exemples" / "exemple_invalide_erreurs_cellules.csv")
    report = validate_table(table, json.loads((base / "schema.json").read_text(encoding="utf-8")))
    lines = [i.line() for i in report.issues(severity="error")]
    assert any("la forme attendue est" in line for line in lines)
    assert all(line.startswith(("Ligne", "Colonne", "Tableau")) for line in lines)
    kinds = dict(report.by_kind())
    assert sum(kinds.values()) == report.error_count


@pytest.mark.parametrize("slow_max", [cells.SLOW_PATH_MAX_UNIQUES, 10])
def test_generated_data_equals_frictionless(monkeypatch: pytest.MonkeyPatch, slow_max: int) -> None:
    """Injected errors and frictionless' odd cases (" 12", "1_000", "5.", Feb 30…), both code paths."""
    monkeypatch.setattr(cells, "SLOW_PATH_MAX_UNIQUES", slow_max)
    df = generate(4000, seed=11)
    report = validate_table(df, SCHEMA)
    ours = Counter(report.cell_level())
    assert ours == reference_counter(df, SCHEMA)
    codes = {c for _, _, c, _ in ours}
    assert codes == {"type-error", "constraint-error", "unique-error", "primary-key", "blank-row"}
    assert report.row_count == 4000


def test_fast_paths_agree_with_frictionless_on_tricky_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cells, "SLOW_PATH_MAX_UNIQUES", 0)
    schema = {"fields": [
        {"name": "n", "type": "integer", "constraints": {"minimum": -5, "maximum": 10**17, "enum": [1, 2, 3, 7, 12, -3]}},
        {"name": "x", "type": "number", "constraints": {"minimum": 0.1, "maximum": 1000, "enum": [0.1, 5, 12.5]}},
        {"name": "p", "type": "string", "constraints": {"pattern": "[A-Z]{2}[0-9]+|X", "enum": ["AB12", "X", "Ab1"]}},
        {"name": "d", "type": "datetime", "constraints": {"maximum": "2024-12-31T23:59:59"}},
        {"name": "e", "type": "string", "format": "email"},
    ]}
    values = {
        "n": ["1", "01", "+1", " 2", "3 ", "1_2", "7.0", "-3", "-6", "12", "٣", "", "x", "1e2", "99999999999999999999"],
        "x": ["0.1", "0.10", ".1", "5.", "5", "12.5", "012.50", "0.0999999999999999999", "1e1", "1000.0000000001",
              "-0", "NaN", "Infinity", "1,5", ""],
        "p": ["AB12", "X", "Ab1", "AB12\n", "ÉB12", "AB", "X\n", "XX", "ab12", "", "AB١٢"],
        "d": ["2024-12-31T23:59:59", "2025-01-01T00:00:00", "2024-02-30T00:00:00", "2024-02-29T00:00:00",
              "2023-02-29T00:00:00", "2024-01-01T24:00:00", "2024-01-01 10:00:00", ""],
        "e": ["a@b.fr", "A.B@C.FR", "a..b@c.fr", "a@b", "é@b.fr", "a@b.c", "x_y+z@d-e.org", "-a@b.fr", ""],
    }
    width = max(len(v) for v in values.values())
    data = {k: (v * (width // len(v) + 1))[:width] for k, v in values.items()}
    rows = [[data[k][i] for k in values] for i in range(width)]
    df = text_frame(list(values), rows, list(range(10, 10 + width)))
    assert Counter(validate_table(df, schema).cell_level()) == reference_counter(df, schema)


def test_header_problems_are_warnings_except_missing_required() -> None:
    schema = {"fields": [
        {"name": "a", "type": "string", "constraints": {"required": True}},
        {"name": "b", "type": "string"},
        {"name": "c", "type": "integer"},
    ]}
    df = text_frame(["c", "z"], [["1", "x"], ["2", "y"]], [2, 3])
    report = validate_table(df, schema)
    issues = {(i.code, i.field, i.severity) for i in report.issues()}
    assert ("missing-required-header", "a", "error") in issues
    assert ("missing-header", "b", "warning") in issues
    assert ("extra-header", "z", "warning") in issues
    assert report.error_count == 1
    assert report.warning_count == 2


def test_french_messages_say_value_expected_and_fix() -> None:
    schema = {"fields": [
        {"name": "date_debut", "type": "date"},
        {"name": "montant", "type": "number"},
        {"name": "statut", "type": "string", "constraints": {"enum": ["actif", "inactif"]}},
        {"name": "siret", "type": "string", "description": "Numéro SIRET de l'établissement", "example": "21690123100011",
         "constraints": {"pattern": "^\\d{14}$", "required": True}},
    ]}
    df = text_frame(["date_debut", "montant", "statut", "siret"], [["15/03/2024", "12,5", "Actf", "123"]], [7])
    issues = {i.field: i for i in validate_table(df, schema).issues()}
    assert issues["date_debut"].message == "« 15/03/2024 » : la forme attendue est 2024-03-15."
    assert "AAAA-MM-JJ" in issues["date_debut"].hint
    assert "12.5" in issues["montant"].message and "point" in issues["montant"].hint
    assert "Vouliez-vous dire « actif »" in issues["statut"].message
    assert "« inactif »" in issues["statut"].hint
    assert "Numéro SIRET" in issues["siret"].hint and "21690123100011" in issues["siret"].hint
    assert issues["siret"].line().startswith("Ligne 7, « siret »")


def test_unique_and_primary_key_compare_typed_values() -> None:
    schema = {"fields": [{"name": "id", "type": "integer", "constraints": {"unique": True}}], "primaryKey": ["id"]}
    df = text_frame(["id"], [["1"], ["01"], ["x"], [""], ["2"]], [2, 3, 4, 5, 6])
    report = validate_table(df, schema)
    assert Counter(report.cell_level()) == reference_counter(df, schema)
    dup = report.issues(row=3)
    assert any(i.code == "unique-error" and "déjà ligne 2" in i.message for i in dup)
    # a bad value in a primary-key column gives two errors, as in frictionless
    assert {i.code for i in report.issues(row=4)} == {"type-error", "primary-key"}


def test_exclusive_bounds_and_time_zones_do_not_crash() -> None:
    schema = {"fields": [
        {"name": "n", "type": "integer", "constraints": {"exclusiveMinimum": 0, "exclusiveMaximum": 10}},
        {"name": "t", "type": "datetime", "constraints": {"minimum": "2020-01-01T00:00:00"}},
    ]}
    df = text_frame(["n", "t"], [["0", "2024-01-01T10:00:00Z"], ["5", "2021-01-01T00:00:00"], ["10", "2019-01-01T00:00:00"]],
                    [2, 3, 4])
    report = validate_table(df, schema)
    got = {(i.row, i.field, i.constraint) for i in report.issues()}
    assert (2, "n", "exclusiveMinimum") in got and (4, "n", "exclusiveMaximum") in got
    assert (4, "t", "minimum") in got
    assert (2, "t", "minimum") in got  # frictionless would crash comparing time zones: reported instead
    assert not any(r == 3 for r, _, _ in got)


def test_revalidate_after_an_edit_equals_a_full_pass() -> None:
    df = generate(3000, seed=5)
    report = validate_table(df, SCHEMA)
    bad_row = report.rows_with_errors()[0]
    edited = df.copy()
    edited.loc[bad_row, "statut"] = "radié"  # new enum error
    edited.loc[bad_row + 1, "id"] = edited.loc[bad_row + 2, "id"]  # new duplicate
    edited.loc[bad_row + 3, "montant"] = "12.5"
    changed_rows = [bad_row, bad_row + 1, bad_row + 3]
    partial = revalidate(report, edited, SCHEMA, rows=changed_rows, fields=["statut", "id", "montant"])
    full = validate_table(edited, SCHEMA)
    assert Counter(partial.cell_level()) == Counter(full.cell_level())
    assert partial.error_count == full.error_count


def test_grouped_counts_and_dict_export() -> None:
    df = generate(2000, seed=3)
    report = validate_table(df, SCHEMA)
    data = report.to_dict(max_issues=50)
    assert data["error_count"] == report.error_count
    assert len(data["errors"]) == 50 and data["errors_truncated"]
    assert sum(d["count"] for d in data["errors_by_field"]) == report.error_count
    assert sum(n for _, _, n in report.by_field_and_kind()) == report.error_count
    json.dumps(data, ensure_ascii=False)
    assert report.cells_with_errors()


@pytest.mark.parametrize("slow_max", [cells.SLOW_PATH_MAX_UNIQUES, 0])
def test_unique_on_every_type_compares_typed_values(monkeypatch: pytest.MonkeyPatch, slow_max: int) -> None:
    monkeypatch.setattr(cells, "SLOW_PATH_MAX_UNIQUES", slow_max)
    schema = {"fields": [
        {"name": "x", "type": "number", "constraints": {"unique": True}},
        {"name": "d", "type": "date", "constraints": {"unique": True}},
        {"name": "s", "type": "string", "format": "email", "constraints": {"unique": True}},
        {"name": "b", "type": "boolean", "constraints": {"unique": True}},
        {"name": "t", "type": "datetime", "constraints": {"unique": True}},
    ], "primaryKey": ["x", "d"]}
    rows = [["1", "2024-03-05", "a@b.fr", "true", "2024-01-01T10:00:00"],
            ["1.0", "2024-3-5", "a@b.fr", "1", "2024-01-01T10:00:00"],
            ["01.00", "2024-03-06", "A@b.fr", "false", "2024-01-01T10:00:00Z"],
            ["", "", "", "", ""], ["x", "2024-02-30", "pas", "oui", "hier"], ["2", "2024-03-05", "c@d.fr", "0", ""]]
    df = text_frame(["x", "d", "s", "b", "t"], rows, list(range(2, 8)))
    assert Counter(validate_table(df, schema).cell_level()) == reference_counter(df, schema)


def test_progress_is_reported_and_cancel_stops() -> None:
    from capnum_desktop.core.errors import Cancelled
    from capnum_desktop.core.jobs import CancelToken

    df = generate(500, seed=1)
    seen: list[float] = []
    validate_table(df, SCHEMA, progress=lambda f, m="": seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        validate_table(df, SCHEMA, cancel=token)
