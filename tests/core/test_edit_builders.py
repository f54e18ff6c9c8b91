"""The edit builders behind "Corriger une colonne" and "Rechercher et remplacer", used without Qt.

They live in ``core.edits`` so the command line and recipes make the same edits as the dialogs;
these tests call them directly and check the edits they build really do what the user asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from capnum_desktop.core.edits import (
    OPERATIONS,
    CellsPatch,
    ColumnEdit,
    EditError,
    apply_edit,
    apply_edits,
    build_edit,
    changed_count,
    conversion_patch,
    find_matches,
    replace_all_edits,
    search_pattern,
)
from capnum_desktop.core.schemas import schema_from_descriptor
from capnum_desktop.core.table import SourceInfo, Table, text_frame

SCHEMA = schema_from_descriptor({"fields": [
    {"name": "nom", "type": "string"},
    {"name": "date", "type": "date"},
    {"name": "montant", "type": "number"},
]})


def make_table() -> Table:
    df = text_frame(
        ["nom", "date", "montant"],
        [
            [" Dupont ", "15/03/2024", "12,5"],
            ["martin", "2024-02-01", "3"],
            ["", "01/02/2024", "1 000,25"],
            ["Café Noir", "", "7"],
        ],
        [3, 4, 6, 7],
    )
    return Table(df=df, source=SourceInfo(path=Path("x.csv"), format="csv"))


def test_every_operation_builds_an_edit_without_qt() -> None:
    table = make_table()
    for op in OPERATIONS:
        edit = build_edit(table, SCHEMA, "date" if op == "convert" else "nom", op, find="a", repl="b", value="x")
        apply_edit(table, edit)  # each builds an edit the core can apply


def test_conversion_patch_holds_only_the_cells_that_change() -> None:
    table = make_table()
    patch = conversion_patch(table, SCHEMA, "date", personal=False)
    assert isinstance(patch, CellsPatch)
    assert patch.rows == (3, 6)
    assert patch.old == ("15/03/2024", "01/02/2024") and patch.new == ("2024-03-15", "2024-02-01")
    new, inverse = apply_edit(table, patch)
    assert list(new.df["date"]) == ["2024-03-15", "2024-02-01", "2024-02-01", ""]
    restored, _ = apply_edit(new, inverse)
    assert list(restored.df["date"]) == list(table.df["date"])


def test_conversion_patch_of_a_big_column_is_the_same_in_slices(monkeypatch) -> None:
    """Past ``SLICE`` cells the conversion's text, values and rows are read slice by slice (issue 16: a job
    then leaves the GIL to the UI thread): the patch is the one made at once."""
    from capnum_desktop.core import edits

    base = make_table().df
    df = text_frame(list(base.columns), base.to_numpy().tolist() * 1000, list(range(5, 4005)))
    table = Table(df=df, source=SourceInfo(path=Path("x.csv"), format="csv"))
    monkeypatch.setattr(edits, "SLICE", 300)
    sliced = conversion_patch(table, SCHEMA, "date")
    monkeypatch.setattr(edits, "SLICE", 10**9)
    assert sliced == conversion_patch(table, SCHEMA, "date") and len(sliced.rows) == 2000


def test_conversion_of_a_decimal_comma_column() -> None:
    patch = conversion_patch(make_table(), SCHEMA, "montant")
    assert dict(zip(patch.rows, patch.new, strict=True)) == {3: "12.5", 6: "1000.25"}


def test_conversion_of_a_column_outside_the_schema_is_a_french_error() -> None:
    with pytest.raises(EditError, match="n'est pas un champ du schéma"):
        conversion_patch(make_table(), SCHEMA, "inconnue")


def test_fill_sets_only_the_empty_cells_and_counts_them() -> None:
    table = make_table()
    edit = build_edit(table, SCHEMA, "nom", "fill", value="(inconnu)")
    assert isinstance(edit, ColumnEdit) and edit.rows == (6,)
    assert changed_count(table, edit) == 1
    new, _ = apply_edit(table, edit)
    assert new.df.loc[new.df.index[2], "nom"] == "(inconnu)"


def test_trim_counts_the_cells_it_changes() -> None:
    table = make_table()
    assert changed_count(table, build_edit(table, SCHEMA, "nom", "trim")) == 1
    assert changed_count(table, build_edit(table, SCHEMA, "date", "convert")) == 2


def test_unknown_operation_is_refused_in_french() -> None:
    with pytest.raises(EditError, match="Correction inconnue"):
        build_edit(make_table(), SCHEMA, "nom", "reverse")


def test_find_matches_are_in_reading_order() -> None:
    df = make_table().df
    hits = find_matches(df, search_pattern("2024", regex=False, case=True), ["montant", "date"])
    assert hits == [(0, 1), (1, 1), (2, 1)]
    assert find_matches(df, search_pattern("CAFÉ", regex=False, case=False), ["nom", "absent"]) == [(3, 0)]
    assert find_matches(df, search_pattern("CAFÉ", regex=False, case=True), ["nom"]) == []


@pytest.mark.parametrize(
    ("text", "repl", "regex", "case", "expected"),
    [
        ("a", "A", False, True, [" Dupont ", "mArtin", "", "CAfé Noir"]),
        ("D", "d", False, False, [" dupont ", "martin", "", "Café Noir"]),  # case-insensitive plain text
        (r"^\s+|\s+$", "", True, True, ["Dupont", "martin", "", "Café Noir"]),
        ("(", "\\1", False, True, [" Dupont ", "martin", "", "Café Noir"]),  # plain text, no match: no edit
        (".", "\\", False, False, [" Dupont ", "martin", "", "Café Noir"]),  # a '.' is not a wildcard
    ],
)
def test_replace_all_edits_replace_what_the_user_typed(text: str, repl: str, regex: bool, case: bool,
                                                       expected: list[str]) -> None:
    table = make_table()
    edits = replace_all_edits(table.df, text, repl, regex=regex, case=case, columns=["nom"])
    result = apply_edits(table, edits)
    assert not result.skipped
    assert list(result.table.df["nom"]) == expected


def test_replace_all_makes_one_edit_per_matching_column_and_marks_personal_ones() -> None:
    table = make_table()
    edits = replace_all_edits(table.df, "2024", "2025", regex=False, case=True, columns=["nom", "date", "montant"],
                              personal={"date"})
    assert [(e.field, e.personal) for e in edits] == [("date", True)]
    assert list(apply_edits(table, edits).table.df["date"]) == ["15/03/2025", "2025-02-01", "01/02/2025", ""]


def test_replace_all_of_a_backslash_in_plain_text_keeps_it_literal() -> None:
    table = make_table()
    edits = replace_all_edits(table.df, "Noir", r"\1\n", regex=False, case=False, columns=["nom"])
    assert apply_edits(table, edits).table.df["nom"].iloc[3] == r"Café \1\n"
