"""A sheet loaded eagerly (calamine's cells straight into Arrow) reads as the lazy sheet did (issue 18)."""

from __future__ import annotations

from pathlib import Path

import fastexcel
import openpyxl
import pandas as pd
import pytest

from capnum_desktop.core.io import read_table, workbook


def _sheet_from_column_c(path: Path, rows: int = 400) -> Path:
    """Data starting in column C under a title, a gap column, a date and a number: positions matter."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C1"] = "Subventions 2024"
    for j, name in enumerate(["Bénéficiaire", "Montant", "", "Date"], start=3):
        ws.cell(3, j, name or None)
    for i in range(rows):
        ws.cell(4 + i, 3, f"Association {i}")
        ws.cell(4 + i, 4, 1000 + i / 4)
        ws.cell(4 + i, 6, pd.Timestamp("2024-01-01") + pd.Timedelta(days=i))
    wb.save(path)
    return path


def test_eager_load_notes_every_column_where_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _sheet_from_column_c(tmp_path / "decale.xlsx")
    calls: list[bool] = []
    real = fastexcel.ExcelReader.load_sheet

    def spy(self: fastexcel.ExcelReader, *args: object, **kwargs: object) -> object:
        calls.append(bool(kwargs.get("eager")))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(fastexcel.ExcelReader, "load_sheet", spy)
    eager = read_table(path)
    assert calls == [True]  # one eager load, no lazy one
    assert list(eager.df.columns[:2]) == ["Bénéficiaire", "Montant"] and "Date" in eager.df.columns
    assert eager.df["Montant"].iloc[1] == "1000.25" and eager.df["Date"].iloc[0] == "2024-01-01"

    def no_notes(self: fastexcel.ExcelReader, *args: object, use_columns: object = None, **kwargs: object) -> object:
        return real(self, *args, **kwargs)  # a fastexcel that would not call the column filter

    monkeypatch.setattr(fastexcel.ExcelReader, "load_sheet", no_notes)
    lazy = read_table(path)
    pd.testing.assert_frame_equal(eager.df, lazy.df)
    assert eager.source == lazy.source
    assert workbook.HEAD_LIMIT < 400  # the sheet is read by calamine, not only by the head parser
