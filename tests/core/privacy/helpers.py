"""Small builders shared by the privacy tests."""

from __future__ import annotations

from pathlib import Path

from capnum_desktop.core.table import SourceInfo, Table, text_frame


def make_table(columns: dict[str, list[str]], first_row: int = 2, name: str = "test.csv") -> Table:
    """A Table from columns of text, source rows numbered from ``first_row`` (as after a header line)."""
    names = list(columns)
    n = len(next(iter(columns.values()))) if columns else 0
    rows = [[columns[c][i] for c in names] for i in range(n)]
    return Table(text_frame(names, rows, list(range(first_row, first_row + n))), SourceInfo(Path(name), "csv"))
