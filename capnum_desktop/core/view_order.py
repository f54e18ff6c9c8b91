"""Which rows the data grid shows, in which order: the rows whose cells contain a text (the filter box),
sorted by a column (the header), as positions into the table. Qt-free so that the grid can have it made in
the job runner for a big table (a filter over 12 columns of a million rows takes ~0.5 s: issue 16) and
made at once for a small one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from capnum_desktop.core.jobs import CancelToken, Progress


def sort_order(series: pd.Series) -> Any:
    """Stable order of a column: as numbers (French decimals too) when every filled cell is a number,
    else as text ignoring case and accents ("Émile" with the e's). Vectorised in Arrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    backing = getattr(series.array, "_pa_array", None)
    values = backing if backing is not None else pa.array(series.astype(str).to_numpy(dtype=object))
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    values = pc.fill_null(values.cast(pa.large_string()), "")
    filled = pc.not_equal(values, "")
    compact = pc.replace_substring_regex(pc.replace_substring(values, ",", "."), r"[\s\x{202f}]", "")
    keys = None
    if pc.any(filled).as_py():
        try:
            numbers = pc.cast(pc.if_else(filled, compact, pa.scalar(None, pa.large_string())), pa.float64())
            keys = pc.fill_null(numbers, float("-inf"))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            keys = None
    if keys is None:
        folded = pc.replace_substring_regex(pc.utf8_normalize(values, "NFKD"), r"\p{Mn}", "")
        keys = pc.utf8_lower(folded)
    return np.asarray(pc.array_sort_indices(keys), dtype=np.int64)  # Arrow's sort is stable


def view_order(columns: Sequence[pd.Series], text: str = "", in_column: int | None = None,
               sort: tuple[int, bool] | None = None, *, progress: Progress | None = None,
               cancel: CancelToken | None = None) -> Any:
    """Positions of the rows to show (numpy int64), or None for every row in the table's order.

    ``text``: keep the rows where a cell (of ``in_column``, or of any column) contains it, case-insensitive;
    ``sort``: (column, descending) applied to the rows kept."""
    positions: np.ndarray | None = None
    if text:
        needle = text.lower()
        picked = [in_column] if in_column is not None and 0 <= in_column < len(columns) else range(len(columns))
        n = len(columns[0]) if len(columns) else 0
        mask = np.zeros(n, dtype=bool)
        for done, c in enumerate(picked):
            if cancel is not None:
                cancel.check()
            if progress is not None:
                progress(done / max(1, len(picked)), "Filtrage des lignes")
            found = columns[c].astype(str).str.lower().str.contains(needle, regex=False)
            mask |= found.fillna(False).to_numpy(dtype=bool)
        positions = np.flatnonzero(mask)
    if sort is not None and 0 <= sort[0] < len(columns):
        series = columns[sort[0]]
        if positions is not None:
            series = series.iloc[positions]
        ranks = sort_order(series)
        if sort[1]:
            ranks = ranks[::-1]
        positions = ranks if positions is None else positions[ranks]
    return positions
