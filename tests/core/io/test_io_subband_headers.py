"""Headers on four lines whose sub-band names one thing per group (issue 17).

Statistical exports (INSEE-like tables, a département's population report) write a band (« Population »),
under it a sub-band written once per group (the year « 2019 », merged over the group in xlsx), the labels
(« Hommes », « Femmes », « Ensemble ») and a units line (« (nombre) »). « Commune » stands either on the
band line (merged down in xlsx) or on the labels line. The files are made here the way such exporters make
them: ``;`` CSV with the group names over empty cells, xlsx with merged cells (openpyxl).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from capnum_desktop.core.io import ReadOptions, read_table

LABELS = ["Hommes", "Femmes", "Ensemble"]
DATA = [["Arles", 24000, 26000, 50000], ["Tarascon", 7000, 8000, 15000], ["Beaucaire", 8000, 8500, 16500]]


def _header(
    on_labels: bool, groups: tuple[str, ...], sub: object = "2019", units: bool = True
) -> list[list[object]]:
    """The header lines: band, sub-band (one name per group), labels, units."""
    band: list[object] = ["" if on_labels else "Commune"]
    sub_band: list[object] = [""]
    labels: list[object] = ["Commune" if on_labels else ""]
    unit_row: list[object] = [""]
    for group in groups:
        band += [group, "", ""]
        sub_band += [sub, "", ""]
        labels += LABELS
        unit_row += ["(nombre)"] * 3
    return [band, sub_band, labels] + ([unit_row] if units else [])


def _rows(groups: tuple[str, ...]) -> list[list[object]]:
    """The data rows, the three figures repeated for each group."""
    return [[name, *(figures * len(groups))] for name, *figures in DATA]


def _csv(path: Path, rows: list[list[object]]) -> Path:
    path.write_text("".join(";".join(str(v) for v in r) + "\r\n" for r in rows), encoding="cp1252")
    return path


def _xlsx(path: Path, header: list[list[object]], data: list[list[object]], on_labels: bool) -> Path:
    """Group names and years merged over their group; « Commune » merged down when on the band line."""
    book = openpyxl.Workbook()
    ws = book.active
    for row in [*header, *data]:
        ws.append([None if v == "" else v for v in row])
    for col in range(2, len(header[0]) + 1, 3):
        first, last = (openpyxl.utils.get_column_letter(c) for c in (col, col + 2))
        ws.merge_cells(f"{first}1:{last}1")
        ws.merge_cells(f"{first}2:{last}2")
    if not on_labels:
        ws.merge_cells(f"A1:A{len(header) - 1}")
    book.save(path)
    return path


def _expected(groups: tuple[str, ...], sub: str = "2019", units: bool = True) -> list[str]:
    unit = " (nombre)" if units else ""
    return ["Commune", *(f"{g} - {sub} - {label}{unit}" for g in groups for label in LABELS)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("on_labels", [False, True], ids=["commune-on-band", "commune-on-labels"])
@pytest.mark.parametrize(
    "groups", [("Population",), ("Population", "Logements")], ids=["one-group", "two-groups"]
)
def test_four_line_header_with_a_year_per_group(
    tmp_path: Path, fmt: str, on_labels: bool, groups: tuple[str, ...]
) -> None:
    header = _header(on_labels, groups)
    data = _rows(groups)
    path = (
        _csv(tmp_path / "population.csv", header + data)
        if fmt == "csv"
        else _xlsx(tmp_path / "population.xlsx", header, data, on_labels)
    )
    table = read_table(path)
    assert table.columns == _expected(groups)
    assert table.source.header_line == 1 and table.source.header_lines == 4
    assert table.row_count == 3 and list(table.df["Commune"]) == ["Arles", "Tarascon", "Beaucaire"]
    assert table.row_numbers == [5, 6, 7]
    assert not [s for s in table.source.skipped if s.reason == "title"]


def test_year_written_as_a_number_in_xlsx(tmp_path: Path) -> None:
    """A spreadsheet keeps the year as a number (2019, not "2019"): still the sub-band."""
    header = _header(False, ("Population",), sub=2019)
    table = read_table(_xlsx(tmp_path / "population.xlsx", header, _rows(("Population",)), False))
    assert table.columns == _expected(("Population",))
    assert table.row_count == 3


@pytest.mark.parametrize("on_labels", [False, True])
def test_three_lines_band_year_labels(tmp_path: Path, on_labels: bool) -> None:
    """No units line: band, year, labels."""
    rows = _header(on_labels, ("Population", "Logements"), units=False) + _rows(("Population", "Logements"))
    table = read_table(_csv(tmp_path / "population.csv", rows))
    assert table.columns == _expected(("Population", "Logements"), units=False)
    assert table.source.header_lines == 3 and table.row_count == 3


def test_sub_band_in_words(tmp_path: Path) -> None:
    """The sub-band is not always a year: « Recensement 2019 » once per group."""
    rows = _header(True, ("Population",), sub="Recensement 2019") + _rows(("Population",))
    table = read_table(_csv(tmp_path / "population.csv", rows))
    assert table.columns == _expected(("Population",), sub="Recensement 2019")
    assert table.source.header_lines == 4


def test_title_above_and_a_blank_line(tmp_path: Path) -> None:
    rows = [["Population légale par commune"], [""], *_header(True, ("Population",)), *_rows(("Population",))]
    table = read_table(_csv(tmp_path / "population.csv", rows))
    assert table.columns == _expected(("Population",))
    assert table.source.header_line == 3 and table.source.header_lines == 4 and table.row_count == 3
    assert next(s.lines for s in table.source.skipped if s.reason == "title") == (1,)


def test_the_agent_overrides_the_header_height(tmp_path: Path) -> None:
    """The agent says the header is the labels and units lines only: the band lines become titles, and
    the recipe replays it."""
    path = _csv(tmp_path / "population.csv", _header(True, ("Population",)) + _rows(("Population",)))
    options = ReadOptions(header_line=3, header_rows=2)
    table = read_table(path, options)
    assert table.columns == ["Commune", "Hommes (nombre)", "Femmes (nombre)", "Ensemble (nombre)"]
    assert table.row_count == 3
    again = ReadOptions.from_dict(ReadOptions.from_source(table.source).to_dict())
    assert again.header_line == 3 and again.header_rows == 2
    assert read_table(path, again).columns == table.columns
    # from the labels line, without a height: the units line still joins, the band lines do not
    labels_only = read_table(path, ReadOptions(header_line=3))
    assert labels_only.columns == table.columns
    # the detected block read again from the recipe: the same four lines
    detected = read_table(path)
    replay = ReadOptions.from_dict(ReadOptions.from_source(detected.source).to_dict())
    assert replay.header_line == 1 and replay.header_rows == 4
    assert read_table(path, replay).columns == detected.columns


def test_a_year_alone_over_data_is_data(tmp_path: Path) -> None:
    """A sparse line under a band with no labels under it is not a sub-band: it stays a data row."""
    path = _csv(
        tmp_path / "population.csv",
        [
            ["Commune", "Population", "", ""],
            ["", "2019", "", ""],
            ["Arles", "24000", "26000", "50000"],
            ["Tarascon", "7000", "8000", "15000"],
        ],
    )
    table = read_table(path)
    assert table.source.header_lines == 1 and table.row_count == 3
    assert table.columns[:2] == ["Commune", "Population"]


def test_two_line_header_without_sub_band_is_unchanged(tmp_path: Path) -> None:
    """Band and labels only: read as before (no sub-band looked for where the labels already are)."""
    path = _csv(
        tmp_path / "population.csv",
        [
            ["Commune", "Population", "", ""],
            ["", "Hommes", "Femmes", "Ensemble"],
            ["Arles", "24000", "26000", "50000"],
        ],
    )
    table = read_table(path)
    assert table.columns == ["Commune", "Population - Hommes", "Population - Femmes", "Population - Ensemble"]
    assert table.source.header_lines == 2 and table.row_count == 1


@pytest.mark.parametrize("on_labels", [False, True], ids=["commune-on-band", "commune-on-labels"])
def test_band_of_years_over_the_labels(tmp_path: Path, on_labels: bool) -> None:
    """A band of years, each merged over its group (« 2019 » over Hommes, Femmes): a 2-line header."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([None if on_labels else "Commune", 2019, None, 2020, None])
    ws.append(["Commune" if on_labels else None, "Hommes", "Femmes", "Hommes", "Femmes"])
    ws.merge_cells("B1:C1")
    ws.merge_cells("D1:E1")
    for name, *figures in DATA:
        ws.append([name, figures[0], figures[1], figures[0] + 10, figures[1] + 10])
    path = tmp_path / "annees.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.columns == ["Commune", "2019 - Hommes", "2019 - Femmes", "2020 - Hommes", "2020 - Femmes"]
    assert table.source.header_line == 1 and table.source.header_lines == 2 and table.row_count == 3


def test_key_and_year_above_the_header_stay_a_title(tmp_path: Path) -> None:
    """« Exercice | 2023 » right above the header is a title's key and value, not a band of years."""
    path = _csv(
        tmp_path / "subventions.csv",
        [
            ["Exercice", "2023", "", ""],
            ["Commune", "Hommes", "Femmes", "Ensemble"],
            *DATA,
        ],
    )
    table = read_table(path)
    assert table.columns == ["Commune", "Hommes", "Femmes", "Ensemble"]
    assert table.source.header_line == 2 and table.row_count == 3
