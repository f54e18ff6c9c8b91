"""The real-file reading tests, run on generated twins (tests/generated.py) so a fresh clone runs them.

test_io_real_files.py and test_io_dialect.py check files of ``../shared/reference``; the same
assertions run here on files of the same layouts made at test time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from capnum_desktop.core.io import list_sheets, read_table
from tests import generated
from tests.core.io.test_io_real_files import (
    check_read,
    check_read_again,
    check_row_numbers,
    check_xls_fallback,
)

TWINS = sorted(generated.READ_TWINS)


@pytest.mark.parametrize("layout", TWINS)
def test_twin_reads_as_expected(tmp_path: Path, layout: str) -> None:
    path, expected = generated.READ_TWINS[layout](tmp_path)
    check_read(path, expected)
    check_read_again(path, expected)
    if expected.format == "csv":
        check_row_numbers(path, expected)


def test_multiline_cells_keep_line_numbers(tmp_path: Path) -> None:
    path, _expected = generated.csv_multiline(tmp_path)
    table = read_table(path)
    assert table.df["descContenu"].str.contains("\n").sum() == 80
    numbers = table.row_numbers
    assert numbers == sorted(numbers) and numbers[-1] > 121  # the last record starts past 120 + its line breaks


def test_list_sheets_in_file_order(tmp_path: Path) -> None:
    xlsx, _ = generated.xlsx_text_zeros(tmp_path)
    ods, _ = generated.ods_named_xls(tmp_path)
    csv, _ = generated.csv_utf8_bom(tmp_path)
    assert list_sheets(xlsx) == ["Tiers", "Versement"]
    assert list_sheets(ods) == ["Cérémonies"]
    assert list_sheets(csv) == []


def test_parquet_is_refused_politely(tmp_path: Path) -> None:
    from capnum_desktop.core.errors import UnsupportedFormatError

    with pytest.raises(UnsupportedFormatError):
        read_table(generated.parquet_file(tmp_path))


def test_xls_fallback_reader_gives_the_same_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When calamine refuses an .xls, xlrd reads it: same header, rows and cells."""
    check_xls_fallback(generated.xls_legacy(tmp_path)[0], monkeypatch)


def test_comma_despite_semicolons_in_quoted_texts(tmp_path: Path) -> None:
    table = read_table(generated.csv_quoted_semicolons(tmp_path))
    assert table.source.delimiter == ","
    assert table.df.shape == (1, 4)
    row = table.df.iloc[0]
    assert row["eligibilite"].startswith("• Le porteur du projet") and " ; \n" in row["eligibilite"]
    assert row["date_mise_a_jour"] == "2025-10-15T15:00:00Z"
    assert list(table.df.index) == [2]


def test_space_after_comma_before_quoted_cells(tmp_path: Path) -> None:
    table = read_table(generated.csv_space_after_comma(tmp_path))
    assert table.source.delimiter == ","
    assert table.df.shape == (2, 5)
    assert table.columns == ["nom", "lat_coor1", "fab_rais", "disp_j", "disp_h"]
    first = table.df.iloc[0]
    assert first["lat_coor1"] == "48.8521329"
    assert first["disp_j"] == "mardi, mercredi, jeudi, vendredi"
    assert first["disp_h"] == "test"
    assert table.df.iloc[1]["disp_h"] == "8h-12h, 14h-18h"
    assert not table.df.apply(lambda col: col.str.startswith((" ", '"'))).any().any()


@pytest.mark.parametrize("builder", [generated.ods_file, generated.ods_named_xls, generated.ods_with_spaces])
def test_ods_streamed_head_and_preview(tmp_path: Path, builder: generated.Builder,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """test_io_ods_head's checks on the real .ods files, on generated ones."""
    import fastexcel

    from capnum_desktop.core.io import ods
    from tests.core.io.test_io_ods_head import check_preview_streamed, check_streamed_head

    path, _ = builder(tmp_path)
    check_streamed_head(path)
    assert ods.sheet_names(path) == list(fastexcel.read_excel(path.read_bytes()).sheet_names)
    check_preview_streamed(path, monkeypatch)


def test_ods_loads_the_sheet_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fastexcel

    path, _ = generated.ods_with_spaces(tmp_path)
    calls: list[tuple[object, ...]] = []
    original = fastexcel.ExcelReader.load_sheet

    def counting(self: fastexcel.ExcelReader, *args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(fastexcel.ExcelReader, "load_sheet", counting)
    table = read_table(path)
    assert len(calls) == 1
    assert table.df.shape == (7, 4)
    assert table.df["CODE_INSEE_BC"].iloc[0] == "99000000000001"
