"""Rows of the wrong width in the middle of a CSV stay on pyarrow's path (issue 14 speed) and give
exactly what the exact Python reader gives: same cells, line numbers, ragged and blank rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from faker import Faker

import capnum_desktop.core.io.delimited as delimited
from capnum_desktop.core.io import read_table


def _write(path: Path, eol: str, multiline: bool) -> None:
    """Ragged rows with blank lines, or with line breaks in cells (both together take the exact
    reader for another reason: pyarrow cannot number the lines then)."""
    fake = Faker("fr_FR")
    fake.seed_instance(14)
    lines = ["id,nom,ville,commentaire"]
    for i in range(1, 400):
        nom, ville = fake.last_name(), fake.city()
        if i % 97 == 0:
            lines.append(f"{i},{nom}")  # two cells short
        elif i % 89 == 0:
            lines.append(f"{i},{nom},{ville},ok,en trop,encore")  # two cells too many
        elif i % 83 == 0 and not multiline:
            lines.append("")  # a blank line
        elif i % 79 == 0 and multiline:
            lines.append(f'{i},{nom},{ville},"sur{eol}deux lignes"')
        elif i % 71 == 0 and multiline:
            lines.append(f'{i},"{nom}{eol}bis",{ville}')  # short, with a line break in a cell
        else:
            lines.append(f"{i},{nom},{ville},")
    path.write_bytes((eol.join(lines) + eol).encode("utf-8"))


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
@pytest.mark.parametrize("multiline", [False, True])
def test_ragged_rows_read_by_pyarrow_equal_the_exact_reader(tmp_path: Path, eol: str, multiline: bool,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ragged.csv"
    _write(path, eol, multiline)
    exact_calls: list[int] = []
    real_python = delimited._read_python

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        exact_calls.append(1)
        return real_python(*args, **kwargs)

    monkeypatch.setattr(delimited, "_read_python", counted)
    fast = read_table(path)
    assert exact_calls == []  # pyarrow kept the rows of the wrong width in place

    def no_arrow(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise delimited._Fallback()

    monkeypatch.setattr(delimited, "_read_arrow", no_arrow)
    exact = read_table(path)
    assert exact_calls == [1]
    assert fast.columns == exact.columns and fast.row_numbers == exact.row_numbers
    assert fast.df.equals(exact.df)
    assert fast.source.ragged_rows == exact.source.ragged_rows
    assert fast.source.blank_rows == exact.source.blank_rows
    assert len(fast.source.blank_rows) == (0 if multiline else 4)
    assert {n for _, n in fast.source.ragged_rows} == ({2, 3, 6} if multiline else {2, 6})
    assert len(fast.source.ragged_rows) == (13 if multiline else 8)
