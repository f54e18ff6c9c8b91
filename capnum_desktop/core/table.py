"""The table every pipeline step passes along: text cells plus where they came from.

Cells stay text exactly as the source shows them until the Map step converts them; an empty cell is
``""`` (never NaN/None), so leading zeros and exact decimals survive and checks stay simple. The
DataFrame's index holds each row's source line/row number (1-based, as a spreadsheet shows it), so
every later message can say "ligne 42" and every manual edit is keyed by (source row, column).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

SOURCE_ROW = "source_row"


@dataclass(frozen=True)
class Skipped:
    """Lines of the source left out of the data, and why (``title``, ``blank``, ``footer``, ``empty``…)."""

    reason: str
    lines: tuple[int, ...]
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "lines": list(self.lines), "detail": self.detail}


@dataclass(frozen=True)
class SourceInfo:
    """What was detected (or chosen) when the file was read; enough to read it again the same way."""

    path: Path
    format: str  # "csv", "xlsx", "xls", "ods", ...
    encoding: str | None = None
    delimiter: str | None = None
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    header_line: int | None = None
    header_lines: int = 1
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    """The header's labels as the file writes them, one per header cell (before names are made
    unique); empty without a header. A label written twice is refused by the national validator."""
    blank_rows: tuple[int, ...] = ()
    """Source rows under the header with no value at all: left out of the table, but the national
    validator reports each as ``blank-row``."""
    ragged_rows: tuple[tuple[int, int], ...] = ()
    """(source row, cells it has) for data rows with fewer or more cells than the header: the table
    pads short rows with empty cells and puts extra cells in added columns."""
    date_columns: tuple[str, ...] = ()
    """Workbooks: columns whose cells the workbook types as dates or date-times (shown as ISO text);
    the national validator judges such a cell by its type (a date is a valid date-time)."""
    kept: tuple[Skipped, ...] = ()
    """Rows the reader would leave out (template, total, sub-total rows…) that the read options keep
    as data (``ReadOptions.keep_rows``): still listed so that Ouvrir can offer to leave them out."""
    similar_sheets: tuple[str, ...] = ()
    """Workbooks: the sheets laid out like the one read (same header), it included, in workbook order."""
    appended_sheets: tuple[str, ...] = ()
    """Workbooks: the sheets appended into this table (``ReadOptions.all_sheets``); empty otherwise."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "sheets": list(self.sheets),
            "sheet": self.sheet,
            "header_line": self.header_line,
            "header_lines": self.header_lines,
            "skipped": [s.to_dict() for s in self.skipped],
            "warnings": list(self.warnings),
            "labels": list(self.labels),
            "blank_rows": list(self.blank_rows),
            "ragged_rows": [list(r) for r in self.ragged_rows],
            "date_columns": list(self.date_columns),
            "kept": [s.to_dict() for s in self.kept],
            "similar_sheets": list(self.similar_sheets),
            "appended_sheets": list(self.appended_sheets),
        }


@dataclass
class Table:
    """A DataFrame of text cells indexed by source row number, with its source description."""

    df: pd.DataFrame
    source: SourceInfo
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.df.columns]

    @property
    def row_count(self) -> int:
        return len(self.df)

    @property
    def row_numbers(self) -> list[int]:
        return [int(i) for i in self.df.index]

    def with_df(self, df: pd.DataFrame) -> Table:
        """A new Table over ``df`` with the same source (the index must still be source rows)."""
        return Table(df=df, source=self.source, meta=dict(self.meta))

    def with_source(self, **changes: Any) -> Table:
        return Table(df=self.df, source=replace(self.source, **changes), meta=dict(self.meta))


def text_frame(columns: list[str], rows: list[list[str]], row_numbers: list[int]) -> pd.DataFrame:
    """Build a text DataFrame indexed by source row numbers (helper for readers and tests)."""
    df = pd.DataFrame(rows, columns=columns, dtype=object).fillna("")
    df = df.astype(str)
    df.index = pd.Index(row_numbers, name=SOURCE_ROW)
    return df
