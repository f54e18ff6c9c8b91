"""Sheets of the same layout (one per year, per service) appended into one table.

A workbook of look-alike sheets is one table cut in pieces: the agent can ask for all of them at once.
Each sheet is read exactly as the chosen one would be (same options), a ``feuille`` column says which
sheet each row comes from, and row numbers continue from one sheet to the next (the table's index must
stay unique: every later message and manual edit is keyed by it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from capnum_desktop.core.errors import InputFileError
from capnum_desktop.core.io import layout, ods, sheet_choice, workbook, xlsx
from capnum_desktop.core.io.options import ReadOptions
from capnum_desktop.core.io.warning_sentences import ReadNote
from capnum_desktop.core.table import SOURCE_ROW, Table

SHEET_COLUMN = "feuille"


def look_alike_sheets(path: Path, fmt: str, sheet: str) -> list[str]:
    """The visible sheets whose header is the one of ``sheet`` (it included), in workbook order."""
    try:
        if fmt in ("xlsx", "xlsm"):
            with xlsx.XlsxPackage.open(path) as pkg:
                facts = workbook.xlsx_sheet_facts(pkg)
        elif fmt == "ods":  # streamed: calamine would parse every cell of the workbook again
            facts = _ods_facts(path)
        else:
            facts = workbook.sheet_facts(workbook.open_reader(path, fmt))
    except InputFileError:
        return [sheet]
    return sheet_choice.look_alikes(facts, sheet)


def _ods_facts(path: Path) -> list[sheet_choice.SheetFacts]:
    facts = []
    for name in ods.sheet_names(path) or []:
        found = ods.head(path, name, layout.HEAD_ROWS)
        if found is None:
            continue
        rows = [list(map(str, r)) for r in found[0].itertuples(index=False, name=None)]
        filled = sum(1 for r in rows for c in r if c.strip())
        facts.append(sheet_choice.SheetFacts(name, True, filled, len(rows), sheet_choice.signature(rows)))
    return facts


def append(
    first: Table,
    sheets: Sequence[str],
    read: Callable[[ReadOptions], Table],
    options: ReadOptions,
) -> Table:
    """``first`` (one of ``sheets``, already read) and the other sheets read with ``options``, stacked in
    workbook order with a ``feuille`` column; row numbers continue across sheets."""
    tables = [first if name == first.source.sheet else read(replace(options, sheet=name, all_sheets=False))
              for name in sheets]
    columns: list[str] = []
    for table in tables:
        columns += [c for c in table.columns if c not in columns]
    name = SHEET_COLUMN if SHEET_COLUMN not in columns else f"{SHEET_COLUMN}_source"
    frames = []
    offset = 0
    for sheet, table in zip(sheets, tables, strict=True):
        df = table.df.reindex(columns=columns, fill_value="")
        df.insert(len(df.columns), name, sheet)
        df.index = pd.Index([int(i) + offset for i in df.index], name=SOURCE_ROW)
        frames.append(df)
        offset = int(df.index.max()) if len(df) else offset
    joined = pd.concat(frames).astype(str) if frames else first.df
    joined.index.name = SOURCE_ROW
    counts = tuple(ReadNote("piece.sheet-rows", sheet=s, rows=t.row_count) for s, t in zip(sheets, tables, strict=True))
    warning = ReadNote("appended-sheets", sheets=len(sheets), counts=counts, column=name)
    source = replace(
        first.source,
        warnings=(*first.source.warnings, warning),
        appended_sheets=tuple(sheets),
        blank_rows=(),
        ragged_rows=(),
    )
    return Table(df=joined, source=source, meta=dict(first.meta))
