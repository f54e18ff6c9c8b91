"""Edits as values: apply, undo exactly, replay from a recipe, never store a personal value."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from capnum_desktop.core.edits import (
    CellEdit,
    CellsPatch,
    ColumnEdit,
    EditError,
    apply_edit,
    apply_edits,
    edit_from_dict,
    touched,
)
from capnum_desktop.core.table import SourceInfo, Table, text_frame


def make_table() -> Table:
    df = text_frame(
        ["nom", "ville", "montant"],
        [
            ["  Dupont  Jean ", "paris", "12,5"],
            ["MARTIN", " Lyon", "1 000"],
            ["", "lille ", "3"],
            ["émilie durand", "Évry", "=1+1"],
        ],
        [5, 6, 8, 9],
    )
    return Table(df=df, source=SourceInfo(path=Path("x.csv"), format="csv"))


def test_cell_edit_applies_and_inverse_restores() -> None:
    table = make_table()
    new, inverse = apply_edit(table, CellEdit(6, "ville", " Lyon", "Lyon"))
    assert new.df.loc[6, "ville"] == "Lyon"
    assert table.df.loc[6, "ville"] == " Lyon"  # input untouched
    assert list(new.df.index) == [5, 6, 8, 9]
    assert inverse == CellEdit(6, "ville", "Lyon", " Lyon")
    back, again = apply_edit(new, inverse)
    pd.testing.assert_frame_equal(back.df, table.df)
    assert again == CellEdit(6, "ville", " Lyon", "Lyon")


def test_cell_edit_only_copies_the_edited_column() -> None:
    table = make_table()
    new, _ = apply_edit(table, CellEdit(5, "nom", "x", "y"))
    assert new.df["montant"].equals(table.df["montant"])
    assert new.df.columns.tolist() == table.df.columns.tolist()


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (ColumnEdit("nom", "trim"), ["Dupont Jean", "MARTIN", "", "émilie durand"]),
        (ColumnEdit("ville", "upper"), ["PARIS", " LYON", "LILLE ", "ÉVRY"]),
        (ColumnEdit("nom", "lower"), ["  dupont  jean ", "martin", "", "émilie durand"]),
        (ColumnEdit("nom", "title"), ["  Dupont  Jean ", "Martin", "", "Émilie Durand"]),
        (ColumnEdit("montant", "replace", find=",", repl="."), ["12.5", "1 000", "3", "=1+1"]),
        (ColumnEdit("montant", "replace", find=r"^(\d+) (\d+)$", repl=r"\1\2", regex=True), ["12,5", "1000", "3", "=1+1"]),
        (ColumnEdit("ville", "set", value="Nantes", rows=(5, 9)), ["Nantes", " Lyon", "lille ", "Nantes"]),
    ],
)
def test_column_edit_and_exact_undo(edit: ColumnEdit, expected: list[str]) -> None:
    table = make_table()
    new, inverse = apply_edit(table, edit)
    assert new.df[edit.field].tolist() == expected
    assert isinstance(inverse, CellsPatch)
    # the inverse stores only the cells that changed
    changed = [r for r, a, b in zip(table.df.index, table.df[edit.field], expected, strict=True) if a != b]
    assert list(inverse.rows) == changed
    back, redo = apply_edit(new, inverse)
    pd.testing.assert_frame_equal(back.df, table.df)
    again, _ = apply_edit(back, redo)
    pd.testing.assert_frame_equal(again.df, new.df)


def test_missing_row_or_field_is_an_error() -> None:
    table = make_table()
    with pytest.raises(EditError, match="ligne 7"):
        apply_edit(table, CellEdit(7, "nom", "", "x"))
    with pytest.raises(EditError, match="colonne « prénom »"):
        apply_edit(table, CellEdit(5, "prénom", "", "x"))
    with pytest.raises(EditError, match="expression"):
        apply_edit(table, ColumnEdit("nom", "replace", find="(", repl="", regex=True))
    with pytest.raises(EditError):
        ColumnEdit("nom", "reverse")


def test_personal_edit_never_stores_its_value() -> None:
    edits = [
        CellEdit(5, "nom", "  Dupont  Jean ", "Jean Dupont", personal=True),
        ColumnEdit("nom", "replace", find="Dupont", repl="D.", personal=True),
        ColumnEdit("nom", "set", value="Anonyme", rows=(5,), personal=True),
        CellsPatch("nom", (5, 6), ("Dupont", "Martin"), ("X", "Y"), personal=True),
    ]
    text = json.dumps([e.to_dict() for e in edits], ensure_ascii=False)
    for secret in ("Dupont", "Jean", "Anonyme", "Martin"):
        assert secret not in text
    back = [edit_from_dict(d) for d in json.loads(text)]
    assert all(e.personal for e in back)
    assert back[0] == CellEdit(5, "nom", None, None, personal=True)
    # replaying them reports each one instead of failing
    result = apply_edits(make_table(), back)
    assert result.applied == []
    assert len(result.skipped) == 4
    assert all("personnelle" in s.reason for s in result.skipped)


def test_round_trip_of_non_personal_edits() -> None:
    edits = [
        CellEdit(6, "ville", " Lyon", "Lyon"),
        ColumnEdit("montant", "replace", find=",", repl=".", regex=False),
        ColumnEdit("ville", "set", value="Nantes", rows=(5, 9)),
        CellsPatch("ville", (5,), ("paris",), ("Paris",)),
    ]
    back = [edit_from_dict(json.loads(json.dumps(e.to_dict()))) for e in edits]
    assert back == edits


def test_replay_on_next_month_file_reports_what_does_not_fit() -> None:
    edits = [
        CellEdit(6, "ville", " Lyon", "Lyon"),  # fits
        CellEdit(8, "ville", "lille ", "Lille"),  # row 8 now holds another value
        CellEdit(5, "commune", "a", "b"),  # column gone
        CellEdit(99, "ville", "a", "b"),  # row gone
        ColumnEdit("nom", "trim"),  # fits everywhere
        ColumnEdit("ville", "set", value="Nantes", rows=(5, 42)),  # half fits
    ]
    nxt = make_table()
    nxt = nxt.with_df(nxt.df.assign(ville=["paris", " Lyon", "Roubaix", "Évry"]))
    result = apply_edits(nxt, edits)
    df = result.table.df
    assert df.loc[6, "ville"] == "Lyon"
    assert df.loc[8, "ville"] == "Roubaix"
    assert df.loc[5, "ville"] == "Nantes"
    assert df.loc[5, "nom"] == "Dupont Jean"
    reasons = [s.reason for s in result.skipped]
    assert any("valeur d'origine" in r for r in reasons)
    assert any("colonne « commune »" in r for r in reasons)
    assert any("ligne 99" in r for r in reasons)
    assert any("1 ligne absente" in r for r in reasons)
    assert len(result.applied) == 3
    assert json.dumps(result.to_dict(), ensure_ascii=False)


def test_touched_says_what_to_revalidate() -> None:
    assert touched(CellEdit(5, "nom", "a", "b")) == ("nom", [5])
    assert touched(ColumnEdit("nom", "trim")) == ("nom", None)
    assert touched(ColumnEdit("nom", "trim", rows=(5, 6))) == ("nom", [5, 6])


def test_edit_on_string_dtype_column() -> None:
    table = make_table()
    table = table.with_df(table.df.astype("string"))
    new, inverse = apply_edit(table, CellEdit(5, "ville", "paris", "Paris"))
    assert new.df.loc[5, "ville"] == "Paris"
    back, _ = apply_edit(new, inverse)
    assert back.df["ville"].tolist() == table.df["ville"].tolist()


def test_big_patch_is_converted_in_slices_with_the_same_result(monkeypatch) -> None:
    """Past ``SLICE`` cells (issue 16) a patch is converted slice by slice and set by an Arrow kernel, so a
    job applying it leaves the GIL to the UI thread: the table, the undo and the errors are those of the
    plain pandas way (checked against it with slices too big to happen)."""
    from capnum_desktop.core import edits

    monkeypatch.setattr(edits, "SLICE", 1000)
    n = 5000
    rows = list(range(10, 10 + 2 * n, 2))  # source row numbers with gaps, as after dropping rows
    df = text_frame(["id", "date"], [[str(i), "15/03/2024" if i % 3 else "2024-03-15"] for i in range(n)], rows)
    table = Table(df=df, source=SourceInfo(path=Path("x.csv"), format="csv"))
    chosen = rows[::-1][: n // 2]  # not in table order
    patch = CellsPatch("date", tuple(chosen), None, tuple(f"v{r}" for r in chosen))
    new, inverse = apply_edit(table, patch)
    back, _ = apply_edit(new, inverse)
    monkeypatch.setattr(edits, "SLICE", 10**9)  # the plain pandas way
    plain_new, plain_inverse = apply_edit(table, patch)
    pd.testing.assert_frame_equal(new.df, plain_new.df)
    assert new.df["date"].dtype == df["date"].dtype and inverse == plain_inverse
    pd.testing.assert_frame_equal(back.df, df)
    with pytest.raises(EditError, match="n'existe plus"):
        monkeypatch.setattr(edits, "SLICE", 1000)
        apply_edit(table, CellsPatch("date", (*chosen, 11), None, tuple(["x"] * (len(chosen) + 1))))


def test_a_few_cells_of_a_long_column_rebuild_only_their_pieces(monkeypatch) -> None:
    """Typing one cell of a long text column rebuilds only the piece of ``SLICE`` rows holding it (issue 16:
    no copy of a million cells on the UI thread): same column as the plain pandas way, other pieces shared."""
    from capnum_desktop.core import edits

    monkeypatch.setattr(edits, "SLICE", 1000)
    n = 5000
    df = text_frame(["id", "nom"], [[str(i), f"n{i}"] for i in range(n)], list(range(2, n + 2)))
    table = Table(df=df, source=SourceInfo(path=Path("x.csv"), format="csv"))
    cell = CellEdit(2502, "nom", "n2500", "Dupont")
    patch = CellsPatch("nom", (4001, 2, 1001, 1002), None, ("a", "b", "c", "d"))  # across pieces, any order
    results = [apply_edit(table, edit) for edit in (cell, patch)]
    piece = results[0][0].df["nom"].array._pa_array
    assert piece.num_chunks == n // 1000 and piece.chunk(0).buffers()[-1].address == \
        df["nom"].array._pa_array.chunk(0).buffers()[-1].address  # the untouched piece is shared, not copied
    monkeypatch.setattr(edits, "SLICE", 10**9)  # the plain pandas way
    for edit, (new, inverse) in zip((cell, patch), results, strict=True):
        plain_new, plain_inverse = apply_edit(table, edit)
        pd.testing.assert_frame_equal(new.df, plain_new.df)
        assert inverse == plain_inverse
