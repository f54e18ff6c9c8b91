"""The grid model: source row numbers, vectorised sort/filter, marks, edits through the undo stack."""

from __future__ import annotations

import time
from types import SimpleNamespace

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt

from capnum_desktop.core.table import SourceInfo, Table
from capnum_desktop.ui.models.table_model import TableModel
from tests.ui.conftest import make_table

V, H = Qt.Orientation.Vertical, Qt.Orientation.Horizontal


def _model(session=None) -> TableModel:
    model = TableModel(session)
    model.set_table(make_table(["code", "nom", "montant"],
                               [["01000", "Émile", "12,5"], ["75001", "adèle", "3"], ["2A004", "Zoé", "100"],
                                ["01000", "bob", ""]], first_row=5))
    return model


def test_shows_text_and_source_row_numbers(qtbot) -> None:
    model = _model()
    assert (model.rowCount(), model.columnCount()) == (4, 3)
    assert model.data(model.index(0, 0)) == "01000"  # leading zero kept
    assert [model.headerData(i, V) for i in range(4)] == ["5", "6", "7", "8"]
    assert model.headerData(1, H) == "nom"


def test_sort_numbers_as_numbers_and_text_without_case(qtbot) -> None:
    model = _model()
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, 2)) for r in range(4)] == ["", "3", "12,5", "100"]
    assert model.source_row(0) == 8
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 1)) for r in range(4)] == ["Zoé", "Émile", "bob", "adèle"]
    model.sort(-1)
    assert model.source_row(0) == 5


def test_filter_any_column_or_one(qtbot) -> None:
    model = _model()
    model.set_filter("01000")
    assert model.rowCount() == 2 and [model.source_row(r) for r in range(2)] == [5, 8]
    model.set_filter("éM", column=1)
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "Émile"
    assert model.visible_row_of(5) == 0 and model.visible_row_of(6) is None
    model.set_filter("")
    assert model.rowCount() == 4


def test_marks_colour_and_explain_cells(qtbot) -> None:
    model = _model()
    model.set_cell_marks({(7, "code"): ("error", "Code postal invalide")}, {"code": ("warning", "1 erreur")})
    index = model.index(2, 0)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "Code postal invalide"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.headerData(0, H, Qt.ItemDataRole.ToolTipRole) == "1 erreur"


def test_editing_a_cell_goes_through_undo(qtbot, session) -> None:
    raw = make_table(["a"], [["x"]])
    session.set_source("t.csv", None, raw)
    session.set_mapping(SimpleNamespace(), SimpleNamespace(table=make_table(["a", "b"], [["x", "1"], ["y", "2"]])))
    model = TableModel(session)
    model.set_table(session.table)
    model.sort(0, Qt.SortOrder.DescendingOrder)  # row 0 shown = source row 3
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, 1), "20")
    assert session.table.df.at[3, "b"] == "20"
    assert model.data(model.index(0, 1)) == "20"
    session.undo_stack.undo()
    assert model.data(model.index(0, 1)) == "2"
    assert not model.setData(model.index(0, 1), "2")  # no change, no undo step


def test_a_million_rows_load_sort_and_scroll_fast(qtbot) -> None:
    n = 1_000_000
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"id": np.arange(n).astype(str), "v": rng.integers(0, 99999, n).astype(str)}, dtype=object)
    df.index = pd.RangeIndex(2, n + 2)
    table = Table(df, SourceInfo(path="big.csv", format="csv"))
    model = TableModel()
    start = time.perf_counter()
    model.set_table(table)
    assert time.perf_counter() - start < 0.5
    start = time.perf_counter()
    for r in range(0, n, n // 2000):  # what a view asks while scrolling
        model.data(model.index(r, 1))
        model.headerData(r, V)
    assert time.perf_counter() - start < 0.5
    start = time.perf_counter()
    model.sort(1)
    assert time.perf_counter() - start < 5
    values = [int(model.data(model.index(r, 1))) for r in range(0, n, 1000)]
    assert values == sorted(values)
