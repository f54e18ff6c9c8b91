"""Workbook cell values (Arrow columns from calamine) turned into the text a user sees.

Numbers get their shortest exact form (``12``, not ``12.0``; at most the 15 significant digits Excel
keeps, so ``0.1+0.2`` gives ``0.3``); dates become ISO 8601 (``2024-03-15``, ``2024-03-15T14:30:00``);
a time of day alone (Excel stores it on 1899-12-30/31) becomes ``14:30:00``. Empty cells are ``""``.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_STRING_DATETIME = r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$"
_STRING_MIDNIGHT = r"^(\d{4}-\d{2}-\d{2}) 00:00:00$"
_STRING_TIME_ONLY = r"^1899-12-3[01][ T](\d{2}:\d{2}:\d{2})$"


def format_number(value: float) -> str:
    """Shortest text for an Excel number (15 significant digits, no exponent)."""
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.15g}"
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text


def _floats(array: pa.Array) -> pd.Series:
    values = array.to_numpy(zero_copy_only=False)
    nulls = np.asarray(array.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    out = np.empty(len(values), dtype=object)
    out[:] = ""
    finite = ~nulls & np.isfinite(np.where(nulls, 0.0, values))
    integral = finite & (np.abs(np.where(finite, values, 0.0)) < 1e15)
    integral &= np.where(integral, values, 0.0) == np.floor(np.where(integral, values, 0.0))
    if integral.any():
        out[integral] = values[integral].astype(np.int64).astype(str)
    rest = finite & ~integral
    if rest.any():
        out[rest] = [format_number(float(v)) for v in values[rest]]
    return pd.Series(out, dtype="str")


def _timestamps(array: pa.Array) -> pd.Series:
    if pa.types.is_timestamp(array.type) and array.type.tz is not None:
        array = array.cast(pa.timestamp(array.type.unit))
    array = pc.floor_temporal(array, unit="second").cast(pa.timestamp("s"))
    text = pc.strftime(array, format="%Y-%m-%dT%H:%M:%S")
    series = pc.fill_null(text, "").to_pandas().astype("str")
    series = series.str.replace(r"^1899-12-3[01]T", "", regex=True)
    return series.str.replace(r"T00:00:00$", "", regex=True)


def _durations(array: pa.Array) -> pd.Series:
    seconds = pc.cast(array, pa.duration("s")).cast(pa.int64()).to_pandas()
    out = []
    for v in seconds:
        if v is None or v != v:
            out.append("")
        else:
            v = int(v)
            sign = "-" if v < 0 else ""
            v = abs(v)
            out.append(f"{sign}{v // 3600:02d}:{v % 3600 // 60:02d}:{v % 60:02d}")
    return pd.Series(out, dtype="str")


def fix_strings(series: pd.Series) -> pd.Series:
    """Dates that calamine wrote as text in mixed columns: ISO 8601 like the typed ones."""
    if not series.str.contains(r"\d{2}:\d{2}:\d{2}$", regex=True).any():
        return series
    series = series.str.replace(_STRING_TIME_ONLY, r"\1", regex=True)
    series = series.str.replace(_STRING_MIDNIGHT, r"\1", regex=True)
    return series.str.replace(_STRING_DATETIME, r"\1T\2", regex=True)


def to_text(array: pa.Array | pa.ChunkedArray) -> pd.Series:
    """One column of typed cells -> text cells (``""`` for empty)."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks != 1 else array.chunk(0)
    kind = array.type
    if pa.types.is_null(kind):
        return pd.Series([""] * len(array), dtype="str")
    if pa.types.is_floating(kind):
        return _floats(array.cast(pa.float64()))
    if pa.types.is_integer(kind):
        return pc.fill_null(array.cast(pa.string()), "").to_pandas().astype("str")
    if pa.types.is_boolean(kind):
        text = pc.if_else(array, "true", "false")
        return pc.fill_null(text, "").to_pandas().astype("str")
    if pa.types.is_timestamp(kind):
        return _timestamps(array)
    if pa.types.is_date(kind):
        return (
            pc.fill_null(pc.strftime(array.cast(pa.timestamp("s")), format="%Y-%m-%d"), "")
            .to_pandas()
            .astype("str")
        )
    if pa.types.is_duration(kind):
        return _durations(array)
    text = pc.fill_null(array.cast(pa.string()), "").to_pandas().astype("str")
    return fix_strings(text)
