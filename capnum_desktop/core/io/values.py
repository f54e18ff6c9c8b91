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

from capnum_desktop.core.io.cells import buffer_holds, value_bytes

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
    """Vectorised :func:`format_number`: round to 15 significant digits, then Arrow's shortest text."""
    values = np.asarray(pc.fill_null(array, np.nan).to_numpy(zero_copy_only=False), dtype=np.float64)
    whole = np.abs(values) < 1e15  # False for NaN and infinities
    np.logical_and(whole, values == np.trunc(values), out=whole)
    if whole.all():
        # a column of whole numbers (ids, counts): 15 significant digits keep them as they are, so the
        # rounding below is not needed (1M ids: 0.17 -> 0.05 s)
        return _series(pc.cast(pa.array(values.astype(np.int64)), pa.string()))
    finite = np.isfinite(values)
    magnitude = np.abs(np.where(finite, values, 0.0))
    normal = finite & (magnitude < 1e15) & ((magnitude >= 1e-4) | (magnitude == 0))
    safe = np.where(normal, values, 0.0)
    digits = np.where(safe != 0, np.floor(np.log10(np.where(safe != 0, np.abs(safe), 1.0))), 0).astype(
        np.int64
    )
    # log10 rounds up just under a power of ten (999999999999999 -> 15.0): one digit fewer there
    digits -= (safe != 0) & (np.power(10.0, digits.astype(np.float64)) > np.abs(safe))
    scale = np.power(10.0, (14 - digits).astype(np.float64))
    rounded = np.round(safe * scale) / scale
    integral = normal & (rounded == np.floor(rounded))
    # a column of whole numbers only (ids) or of none (amounts) is written once, not both ways then picked
    some = bool(integral.any())
    every = some and bool(integral.all())
    if every:  # ids: written once as whole numbers
        text = pc.cast(pa.array(np.where(integral, rounded, 0).astype(np.int64)), pa.string())
    else:
        text = pc.cast(pa.array(rounded), pa.string())
        if some:
            ints = pc.cast(pa.array(np.where(integral, rounded, 0).astype(np.int64)), pa.string())
            text = pc.if_else(pa.array(integral), ints, text)
    if not finite.all():
        text = pc.if_else(pa.array(finite), text, "")
    # Arrow writes 1e10 and above in exponent form (10000000000.5 -> 1.00000000005e+10): those go to
    # format_number, which never does (the module's promise)
    odd = finite & (~normal | ((magnitude >= 1e10) & ~integral))
    if odd.any():
        out = text.to_numpy(zero_copy_only=False).astype(object)
        out[odd] = [format_number(float(v)) for v in values[odd]]
        text = pa.array(out, type=pa.string())
    return _series(text)


def _timestamps(array: pa.Array) -> pd.Series:
    if array.type.tz is not None:
        array = array.cast(pa.timestamp(array.type.unit))
    array = pc.floor_temporal(array, unit="second").cast(pa.timestamp("s"))
    days = array.cast(pa.date32())
    if pc.all(pc.equal(days.cast(pa.timestamp("s")), array)).as_py() is not False:
        text = pc.fill_null(days.cast(pa.string()), "")  # dates only: the fast, common case
        if not _holds(text, b"1899-12-3"):  # no time of day alone: no regular expression over every cell
            return _series(text)
        return _series(pc.replace_substring_regex(text, r"^1899-12-3[01]$", "00:00:00"))
    text = pc.fill_null(pc.strftime(array, format="%Y-%m-%dT%H:%M:%S"), "")
    text = pc.replace_substring_regex(text, r"^1899-12-3[01]T", "")
    return _series(pc.replace_substring_regex(text, r"T00:00:00$", ""))


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
    return _series(pa.array(out, type=pa.string()))


def _holds(array: pa.Array, needle: bytes) -> bool:
    """Whether ``needle`` may be in a cell of this text array: one search of its values' bytes (True then
    only means « check the cells »: it may span two cells)."""
    view = value_bytes(array)
    return True if view is None else buffer_holds(needle, view)


def fix_strings(array: pa.Array) -> pa.Array:
    """Dates that calamine wrote as text in mixed columns: ISO 8601 like the typed ones.

    A column without a colon anywhere in its characters (one search of its buffer) has none: the
    regular expression is not run over its cells (1M rows: 0.3 s over a sheet's text columns)."""
    if not _holds(array, b":"):
        return array
    if not pc.any(pc.match_substring_regex(array, r"\d\d:\d\d:\d\d$")).as_py():
        return array
    array = pc.replace_substring_regex(array, _STRING_TIME_ONLY, r"\1")
    array = pc.replace_substring_regex(array, _STRING_MIDNIGHT, r"\1")
    return pc.replace_substring_regex(array, _STRING_DATETIME, r"\1T\2")


def _series(array: pa.Array) -> pd.Series:
    return pa.chunked_array([array]).to_pandas()


def to_text(array: pa.Array | pa.ChunkedArray) -> pd.Series:
    """One column of typed cells -> text cells (``""`` for empty)."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks != 1 else array.chunk(0)
    kind = array.type
    if pa.types.is_null(kind):
        return _series(pa.array([""] * len(array), type=pa.string()))
    if pa.types.is_floating(kind):
        return _floats(array.cast(pa.float64()))
    if pa.types.is_integer(kind):
        return _series(pc.fill_null(array.cast(pa.string()), ""))
    if pa.types.is_boolean(kind):
        return _series(pc.fill_null(pc.if_else(array, "true", "false"), ""))
    if pa.types.is_timestamp(kind):
        return _timestamps(array)
    if pa.types.is_date(kind):
        return _series(pc.fill_null(array.cast(pa.date32()).cast(pa.string()), ""))
    if pa.types.is_duration(kind):
        return _durations(array)
    return _series(fix_strings(pc.fill_null(array.cast(pa.string()), "")))
