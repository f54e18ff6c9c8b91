"""Issue 14: the cases where frictionless and Validata judged a file differently from CapNum, each
written here as rows in the test (no copied file). Where frictionless 5 is the reference it is run in
the same test, by name (``Detector(schema_sync=True)``, as the national validator runs it)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from frictionless import Detector, Resource, Schema, system

from capnum_desktop.core.errors import SchemaError
from capnum_desktop.core.schemas import load_schema
from capnum_desktop.core.validation.verdict import judge_file

ROW_LEVEL = {"blank-row", "primary-key", "foreign-key"}


def write(tmp_path: Path, text: str, schema: dict[str, Any], name: str = "data.csv") -> tuple[Path, Path]:
    data = tmp_path / name
    data.write_bytes(text.encode("utf-8"))
    schema_path = tmp_path / "schema.json"
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    return data, schema_path


def frictionless_by_name(data: Path, schema: dict[str, Any]) -> Counter:
    """frictionless 5's errors, columns matched by name: (row, field or None, type)."""
    with system.use_context(trusted=True):
        # the detector goes to the Resource: validate(resource, detector=...) ignores it (positional run)
        report = Resource(str(data), schema=Schema.from_descriptor(schema), detector=Detector(schema_sync=True)).validate()
    return Counter((getattr(e, "row_number", None), None if e.type in ROW_LEVEL else getattr(e, "field_name", None),
                    e.type) for task in report.tasks for e in task.errors)


def ours(data: Path, schema_path: Path) -> Counter:
    """CapNum's raw verdict (as ``capnum validate --raw``), in the same shape."""
    report = judge_file(data, load_schema(str(schema_path)), convert=False).raw
    errors = report.only("error")
    return Counter((None if r is None or str(r) == "<NA>" else int(r), None if c in ROW_LEVEL else f, c)
                   for r, f, c in zip(errors["row"], errors["field"], errors["code"], strict=True))


def test_array_item_constraints_like_frictionless(tmp_path: Path) -> None:
    schema = {"fields": [{"name": "tags", "type": "array", "arrayItem": {"constraints": {"enum": ["a", "b"]}}}]}
    data, schema_path = write(tmp_path, 'tags\n"[""a""]"\n"[""a"",""b""]"\n"[""a"",""c""]"\n"[""c""]"\n', schema)
    expected = frictionless_by_name(data, schema)
    assert ours(data, schema_path) == expected == Counter({(4, "tags", "constraint-error"): 1,
                                                           (5, "tags", "constraint-error"): 1})
    issue = judge_file(data, load_schema(str(schema_path)), convert=False).raw.issues(severity="error")[0]
    assert "« a », « b »" in issue.hint


def test_self_referencing_foreign_key_like_frictionless(tmp_path: Path) -> None:
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "parent", "type": "integer"},
                         {"name": "nom", "type": "string"}],
              "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "id"}}]}
    data, schema_path = write(tmp_path, "id,parent,nom\n1,,Bretagne\n2,01,Rennes\n3,2,Quartier\n4,9,Ailleurs\n", schema)
    expected = frictionless_by_name(data, schema)
    assert ours(data, schema_path) == expected == Counter({(5, None, "foreign-key"): 1})


def test_invalid_schemas_refused_in_french(tmp_path: Path) -> None:
    for bad in (
        {"fields": [{"name": "a"}], "primaryKey": ["b"]},
        {"fields": [{"name": "a"}, {"name": "a"}]},
        {"fields": [{"name": "a", "type": "texte"}]},
        {"fields": [{"name": "a", "constraints": {"pattern": "[0-9"}}]},
        {"fields": [{"name": "a"}], "foreignKeys": [{"fields": "a", "reference": {"resource": "", "fields": "z"}}]},
    ):
        path = tmp_path / "schema.json"
        path.write_text(json.dumps(bad), encoding="utf-8")
        with pytest.raises(SchemaError, match="ne peut pas servir à valider"):
            load_schema(str(path))


@pytest.mark.parametrize(("check", "header", "expected"), [
    ({"name": "compare-columns-value", "params": {"column": "depenses", "op": "<=", "column2": "recettes"}},
     "A,recettes", ["check-error"]),
    ({"name": "compare-columns-value", "params": {"column": "depenses", "op": "<=", "column2": "recettes"}},
     "A,B", []),
    ({"name": "sum-columns-value", "params": {"column": "depenses", "columns": ["recettes", "autres"]}},
     "depenses,recettes", ["check-error"]),
    ({"name": "cohesive-columns-value", "params": {"column": "depenses", "othercolumns": ["recettes"]}},
     "depenses,B", ["check-error"]),
])
def test_multi_column_check_with_an_absent_column_is_a_check_error(
        tmp_path: Path, check: dict[str, Any], header: str, expected: list[str]) -> None:
    """Validata: some of the compared columns absent -> check-error; all absent -> not applied."""
    schema = {"fields": [{"name": n, "type": "number"} for n in ("depenses", "recettes", "autres")],
              "custom_checks": [check]}
    data, schema_path = write(tmp_path, f"{header}\n7000,6000\n", schema)
    report = judge_file(data, load_schema(str(schema_path)), convert=False).raw
    assert sorted(report.only("error")["code"]) == expected
    if expected:
        assert "ne peut pas être fait" in report.issues(severity="error")[0].message


def test_unknown_custom_check_stays_a_warning(tmp_path: Path) -> None:
    """Documented difference: Validata says check-error; CapNum warns (it cannot know the check)."""
    schema = {"fields": [{"name": "siren"}], "custom_checks": [{"name": "foo-siren-value", "params": {"column": "siren"}}]}
    data, schema_path = write(tmp_path, "siren\n529173189\n", schema)
    report = judge_file(data, load_schema(str(schema_path)), convert=False).raw
    assert report.valid and [i.code for i in report.issues(severity="warning")] == ["unknown-check"]


SCHEMA_3 = {"fields": [{"name": "id", "type": "integer"}, {"name": "nom", "type": "string"},
                       {"name": "age", "type": "integer"}]}


@pytest.mark.parametrize("text", [
    "id,nom,age\n1,Jean,30\n,,\n2,Julie,26\n,,\n",                  # frictionless' blank-rows.csv, in the middle too
    "id,nom,age\r\n1,Jean,30\r\n\r\n2,Julie,26\r\n\r\n\r\n",         # empty lines, trailing ones included
])
def test_blank_rows_reported_like_frictionless(tmp_path: Path, text: str) -> None:
    data, schema_path = write(tmp_path, text, SCHEMA_3)
    expected = frictionless_by_name(data, SCHEMA_3)
    assert ours(data, schema_path) == expected and expected and set(c for _, _, c in expected) == {"blank-row"}
    verdict = judge_file(data, load_schema(str(schema_path)), convert=False)
    # the table the agent works on still leaves them out, and says which they were
    assert verdict.table.row_count == 2
    blank = sorted(r for r, _, _ in expected)
    assert list(verdict.table.source.blank_rows) == blank
    assert {n for s in verdict.table.source.skipped if s.reason == "empty" for n in s.lines} == set(blank)
    assert verdict.raw.issues(severity="error")[0].message == "La ligne est entièrement vide."


def test_blank_row_with_a_primary_key_like_frictionless(tmp_path: Path) -> None:
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "nom"}], "primaryKey": ["id", "nom"]}
    data, schema_path = write(tmp_path, "id,nom\r\n1,Alex\r\n1,Jean\r\n,Paul\r\n1,Jean\r\n,\r\n", schema)
    assert ours(data, schema_path) == frictionless_by_name(data, schema)


def test_ragged_rows_reported_like_frictionless(tmp_path: Path) -> None:
    text = "id,nom,age\n1101,Jean\n1102,Julie,26,Patates\n1103,Luc,40\n,2,3,4,5,6\n"
    data, schema_path = write(tmp_path, text, SCHEMA_3)
    expected = frictionless_by_name(data, SCHEMA_3)
    assert ours(data, schema_path) == expected
    assert expected[(2, "age", "missing-cell")] == 1 and expected[(3, "", "extra-cell")] == 1
    verdict = judge_file(data, load_schema(str(schema_path)), convert=False)
    assert verdict.table.source.ragged_rows == ((2, 2), (3, 4), (5, 6))
    # the GUI's table pads them for editing, and the read warnings say so
    assert verdict.table.df.loc[2, "age"] == ""
    assert any("pas autant de cellules" in w and "2, 3, 5" in w for w in verdict.table.source.warnings)
    # the extra cells are errors, not a column the schema does not know
    assert not any(i.code == "extra-header" for i in verdict.raw.issues())
    messages = [i.message for i in verdict.raw.issues(severity="error") if i.code in ("missing-cell", "extra-cell")]
    assert "La ligne s'arrête avant la colonne « age » : il lui manque cette cellule." in messages


def test_a_label_written_twice_is_refused_as_validata_does(tmp_path: Path) -> None:
    """frictionless by name (so Validata) refuses a repeated label; CapNum says which one."""
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "nom"}, {"name": "nom2"}]}
    data, schema_path = write(tmp_path, "id,nom,nom\n1,Londres,Royaume-Uni\n", schema)
    assert {e[2] for e in frictionless_by_name(data, schema)} <= {"error", "duplicate-label"}
    report = judge_file(data, load_schema(str(schema_path)), convert=False).raw
    assert [(i.code, i.field) for i in report.issues(severity="error")] == [("duplicate-label", "nom")]


def test_line_breaks_inside_quoted_cells_kept_as_written(tmp_path: Path) -> None:
    """LF, CRLF and a bare CR inside quoted cells stay in the cell and split no record; line
    numbers count LF only; nothing is lost on the way to the export (csv-spectrum's newlines_crlf)."""
    from capnum_desktop.core.export import export_dataset
    from capnum_desktop.core.io import read_table
    from capnum_desktop.core.preparation import Preparation
    from capnum_desktop.core.schemas import conform, propose_mapping

    text = 'a,b,c\r\n1,"x\ry",3\r\n4,"Il était\r\nune fois",6\r\n7,"p\nq",9\r\n10,11\r\n'
    for name, body in (("clean.csv", text.replace("10,11\r\n", "10,11,12\r\n")), ("ragged.csv", text)):
        path = tmp_path / name
        path.write_bytes(body.encode("utf-8"))
        table = read_table(path)  # ragged.csv takes the exact (Python) reader, clean.csv pyarrow's
        assert table.df["b"].tolist() == ["x\ry", "Il était\r\nune fois", "p\nq", "11"]
        assert table.row_numbers == [2, 3, 5, 7]
    schema = load_schema(str(write(tmp_path, "", {"fields": [{"name": n} for n in "abc"]})[1]))
    out = export_dataset(conform(table, schema, propose_mapping(table, schema)).table, Preparation(schema=schema),
                         tmp_path / "export")
    again = read_table(out.files["csv"])
    assert again.df["b"].tolist() == ["x\ry", "Il était\r\nune fois", "p\nq", "11"]


def test_typed_excel_dates_judged_by_their_type_like_frictionless(tmp_path: Path) -> None:
    """A workbook's date cells in a datetime field are valid (frictionless reads a typed value);
    a date-time with a time in a date field, or a date-time in a time field, is not."""
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["jour", "moment", "heure"])
    sheet.append([dt.date(2024, 3, 15), dt.date(2024, 3, 15), dt.time(10, 30)])
    sheet.append([dt.datetime(2024, 3, 15, 10, 30), dt.datetime(2024, 3, 16, 8, 0), dt.datetime(2024, 3, 15, 9, 0)])
    sheet.append([dt.date(2024, 3, 17), "2024-03-17", dt.time(11, 0)])  # a text cell stays text
    data = tmp_path / "dates.xlsx"
    book.save(data)
    schema = {"fields": [{"name": "jour", "type": "date"}, {"name": "moment", "type": "datetime"},
                         {"name": "heure", "type": "time"}]}
    schema_path = write(tmp_path, "", schema, name="unused.csv")[1]
    expected = frictionless_by_name(data, schema)
    assert expected == Counter({(3, "jour", "type-error"): 1, (3, "heure", "type-error"): 1,
                                (4, "moment", "type-error"): 1})
    got = ours(data, schema_path)
    # column-level knowledge: a text cell among typed dates is taken as typed (documented limit)
    assert got == expected - Counter({(4, "moment", "type-error"): 1})


def test_rows_a_workbook_declares_below_its_data_are_blank_rows_like_frictionless(tmp_path: Path) -> None:
    """frictionless issue 870: a sheet whose declared range goes below its last value (a formatted
    empty row) has blank rows there for frictionless, so for the national validator."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["id", "nom"], [1, "Jean"], [2, "Julie"], [3, "Luc"]):
        sheet.append(row)
    sheet.cell(row=6, column=2).font = Font(bold=True)  # formatted, never filled
    data = tmp_path / "declared.xlsx"
    book.save(data)
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "nom"}]}
    schema_path = write(tmp_path, "", schema, name="unused.csv")[1]
    expected = frictionless_by_name(data, schema)
    assert ours(data, schema_path) == expected == Counter({(5, None, "blank-row"): 1, (6, None, "blank-row"): 1})
