"""The file's structure as the national validator sees it: blank rows, ragged rows, repeated labels.

The reader keeps the table the agent works on clean (blank rows left out, short rows padded, extra
cells in added columns) and records in ``Table.source`` what it changed. Frictionless 5 (which
Validata runs) reports these as errors of the file: ``blank-row`` (and, when the schema has a
primary key, a ``primary-key`` error for the same row: its key cells are all empty),
``missing-cell`` for each cell a short row lacks, ``extra-cell`` for each cell beyond the header,
and refuses a header that writes a label twice when matching columns by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from capnum_desktop.core.table import Table
from capnum_desktop.core.validation.report import empty_frame
from capnum_desktop.core.validation.schema_view import SchemaView
from capnum_desktop.core.validation.sentences import encode


def header_width(table: Table) -> int:
    """Cells the header has (0: unknown, no header recorded)."""
    return len(table.source.labels)


def raw_cells(table: Table, view: SchemaView) -> tuple[pd.DataFrame, set[tuple[int, str]]]:
    """The cells to validate raw, and the (row, column) cells that short rows did not have.

    A workbook's typed date cell in a ``datetime`` field is read as that day at midnight, as
    frictionless reads the workbook's typed value (the table shows the date alone).

    Columns made only of cells beyond the header (extra cells) are left out: they are reported
    as ``extra-cell``, not as a column the schema does not know.
    """
    df = table.df
    width = header_width(table)
    columns = [str(c) for c in df.columns]
    if width and len(columns) > width:
        extra = [c for c in columns[width:] if c not in view.field_names]
        if extra:
            df = df.drop(columns=extra)
    typed = [f.name for f in view.fl_schema.fields
             if f.type == "datetime" and f.name in table.source.date_columns and f.name in df.columns]
    if typed:  # a date cell of a workbook is a datetime at midnight for frictionless (Excel types it)
        df = df.copy()
        for name in typed:
            column = df[name].astype(str)
            day = column.str.fullmatch(r"\d{4}-\d{2}-\d{2}")
            df[name] = column.where(~day, column + "T00:00:00")
    missing: set[tuple[int, str]] = set()
    if width and table.source.ragged_rows:
        for row, cells in table.source.ragged_rows:
            for position in range(cells, min(width, len(columns))):
                missing.add((int(row), columns[position]))
    return df, missing


def structure_errors(table: Table, view: SchemaView | None) -> pd.DataFrame:
    """``duplicate-label``, ``blank-row`` (+ its ``primary-key``), ``missing-cell``, ``extra-cell`` rows.

    Without a schema (``view`` None: ``capnum inspect``) the same rows, less the primary-key ones."""
    source = table.source
    columns = [str(c) for c in table.df.columns]
    parts: list[pd.DataFrame] = []
    counts = Counter(label for label in source.labels if label)
    for label, n in counts.items():
        if n > 1:
            parts.append(_frame([None], label, "duplicate-label", detail=encode(times=n)))
    if source.blank_rows:
        rows = list(source.blank_rows)
        parts.append(_frame(rows, "", "blank-row"))
        pk = view.primary_key if view is not None else None
        if pk and all(name in columns for name in pk):
            field = pk[0] if len(pk) == 1 else ", ".join(pk)
            parts.append(_frame(rows, field, "primary-key"))  # no first row: the key is empty
    width = header_width(table)
    if width and source.ragged_rows:
        missing_rows: list[int] = []
        missing_fields: list[str] = []
        extra_rows: list[int] = []
        extra_detail: list[str] = []
        for row, cells in source.ragged_rows:
            if cells < width:
                for position in range(cells, min(width, len(columns))):
                    missing_rows.append(int(row))
                    missing_fields.append(columns[position])
            else:
                for position in range(width, cells):
                    extra_rows.append(int(row))
                    extra_detail.append(encode(cell=position + 1))
        if missing_rows:
            frame = _frame(missing_rows, "", "missing-cell")
            frame["field"] = missing_fields
            parts.append(frame)
        if extra_rows:
            parts.append(_frame(extra_rows, "", "extra-cell", detail=extra_detail))
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else empty_frame()


def _frame(rows: Sequence[int | None], field: str, code: str, detail: str | list[str] = "") -> pd.DataFrame:
    n = len(rows)
    return pd.DataFrame({
        "row": pd.array(np.asarray([r if r is not None else -1 for r in rows], dtype=np.int64), dtype="Int64")
        if n and rows[0] is not None else pd.array(rows, dtype="Int64"),
        "field": [field] * n,
        "code": [code] * n,
        "constraint": [""] * n,
        "value": [""] * n,
        "severity": ["error"] * n,
        "detail": detail if isinstance(detail, list) else [detail] * n,
    })
