"""Fast writers: CSV through pyarrow, JSON records with typed values, atomic replacement.

pyarrow writes a million rows of CSV in well under a second (pandas ``to_csv`` takes ~8 s). Its
"needed" quoting quotes every text cell; we first try no quoting at all and fall back to it only
when some cell holds a comma, a quote or a line break, so clean files stay plain.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from pandas.io.json import ujson_dumps

from capnum_desktop.core.errors import ExportError
from capnum_desktop.core.validation.cells import to_arrow

BOM = b"\xef\xbb\xbf"
# A cell a spreadsheet would run as a formula: =, @, or +/- followed by something that is not a number
_FORMULA = r"^(?:[=@\t\r]|[+\-](?:[^0-9 .,()+\-]|$))"
_FORMULA_RE = re.compile(_FORMULA)


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through a temporary file in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda fh: fh.write(text.encode("utf-8")))


def text_arrow_table(df: pd.DataFrame) -> pa.Table:
    """The DataFrame's cells as an Arrow table of strings (no index)."""
    return pa.Table.from_arrays([to_arrow(df[col]) for col in df.columns], names=[str(c) for c in df.columns])


def formula_cells(table: pa.Table, columns: list[str]) -> dict[str, int]:
    """How many cells of each of ``columns`` would run as a spreadsheet formula (no value kept)."""
    out: dict[str, int] = {}
    for name in columns:
        hits = pc.sum(pc.match_substring_regex(table.column(name), _FORMULA)).as_py() or 0
        if hits:
            out[name] = int(hits)
    return out


def neutralise(table: pa.Table, columns: list[str]) -> pa.Table:
    """Prefix formula-like cells with an apostrophe, as spreadsheets do for text."""
    for name in columns:
        col = table.column(name)
        mask = pc.match_substring_regex(col, _FORMULA)
        quote, nothing = pa.scalar("'", col.type), pa.scalar("", col.type)
        fixed = pc.if_else(mask, pc.binary_join_element_wise(quote, col, nothing), col)
        table = table.set_column(table.column_names.index(name), name, fixed)
    return table


def write_csv(table: pa.Table, fh: IO[bytes], *, bom: bool, eol: str) -> None:
    """CSV, comma, one header row, the same line ending everywhere; quotes only when needed."""
    if bom:
        fh.write(BOM)
    header_plain = not any(re.search(r'[,"\r\n]', n) for n in table.column_names)
    start = fh.tell() if fh.seekable() else None
    try:
        pacsv.write_csv(table, fh, pacsv.WriteOptions(quoting_style="none", eol=eol,
                                                      quoting_header="none" if header_plain else "needed"))
        return
    except pa.ArrowInvalid:
        if start is None:
            raise
        fh.seek(start)
        fh.truncate()
    pacsv.write_csv(table, fh, pacsv.WriteOptions(quoting_style="needed", eol=eol,
                                                  quoting_header="none" if header_plain else "needed"))


# --------------------------------------------------------------------------------------------- JSON


_RARE_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"  # escaped one cell at a time (\n, \r, \t are not rare)
_INT_LITERAL = re.compile(r"\s*[+-]?[0-9]+\s*", re.ASCII)
_INT64 = (-(2**63), 2**63)
_UINT64_END = 2**64
_DEFAULT_TRUE = ["true", "True", "TRUE", "1"]
_DEFAULT_FALSE = ["false", "False", "FALSE", "0"]
_TEXT = pa.large_string()
# A number cell is kept as written when it is already a JSON number that reads back as the value the
# typed conversion wrote: at most 15 digits before the point (integers stay exact in a double) and
# at most 10 after it (ujson's 10 decimals then wrote a number that reads back the same).
_MAX_WHOLE_DIGITS, _MAX_DECIMALS = 15, 10


def _lit(text: str) -> pa.Scalar:
    return pa.scalar(text, _TEXT)


def _cells(values: pd.Series) -> pa.Array:
    """One column's cells as Arrow text, missing cells (None/NaN) as nulls.

    Zero-copy for pandas' Arrow-backed ``str``/``string[pyarrow]``; object columns of Python str are
    converted once. A cell that is not text (the Table's cells are text; kept safe) is written as its
    ``str()``, as the CSV writes it.
    """
    arr: pa.Array | pa.ChunkedArray | None = None
    if hasattr(values.array, "__arrow_array__"):
        try:
            arr = pa.array(values.array)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arr = None
    if arr is None or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        cells = values.to_numpy(dtype=object)
        try:
            arr = pa.array(cells, type=_TEXT, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            cells = np.array([None if pd.isna(v) else v if isinstance(v, str) else str(v) for v in cells],
                             dtype=object)
            arr = pa.array(cells, type=_TEXT, from_pandas=True)
    return _arrow_text(arr)


def _arrow_text(arr: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One Arrow array of large strings (the compute functions want one type for every piece)."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return arr.cast(_TEXT)


def _utf8(arr: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The cells' UTF-8 bytes and each cell's [start, end) in them (views of the Arrow buffers, no copy)."""
    _, offsets, data = arr.buffers()
    off = np.frombuffer(offsets, dtype=np.int64)[arr.offset:arr.offset + len(arr) + 1]
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
    raw = raw[off[0]:off[-1]]
    off = off - off[0]
    return raw, off[:-1], off[1:]


def _plain_numbers(arr: pa.Array, decimals: bool) -> np.ndarray:
    """Cells already plain JSON numbers, kept as written: ``-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,10})?``.

    Checked on the bytes with numpy, looking only at the few bytes that are not digits (a regular
    expression per cell costs several times more on a million rows).
    """
    n = len(arr)
    raw, starts, ends = _utf8(arr)
    if not len(raw):
        return np.zeros(n, dtype=bool)
    odd = np.flatnonzero((raw - 48) >= 10)  # uint8 arithmetic: every byte that is not an ASCII digit
    cell = np.searchsorted(ends, odd, side="right")
    char = raw[odd]
    minus = (char == ord("-")) & (odd == starts[cell])
    dot = (char == ord(".")) if decimals else np.zeros(len(odd), dtype=bool)
    bad = np.zeros(n, dtype=bool)
    bad[cell[~(minus | dot)]] = True
    neg = np.zeros(n, dtype=np.int64)
    neg[cell[minus]] = 1
    dots = np.bincount(cell[dot], minlength=n)
    position = np.zeros(n, dtype=np.int64)
    position[cell[dot]] = odd[dot]
    dotted = dots == 1
    length = ends - starts
    whole = np.where(dotted, position - starts - neg, length - neg)
    fraction = ends - position - 1
    lead = raw[np.minimum(starts + neg, len(raw) - 1)]
    plain: np.ndarray = (~bad & (dots <= 1) & (whole >= 1) & (whole <= _MAX_WHOLE_DIGITS)
                         & ((lead != ord("0")) | (whole == 1)) & (~dotted | ((fraction >= 1) & (fraction <= _MAX_DECIMALS))))
    return plain


def _escaped(arr: pa.Array) -> pa.Array:
    """Each cell's text as it goes between the quotes of a JSON string (UTF-8 kept as is)."""
    raw, _, ends = _utf8(arr)
    special = (raw < 0x20) | (raw == ord('"')) | (raw == ord("\\"))
    if not special.any():
        return arr
    needs = np.zeros(len(arr), dtype=bool)
    needs[np.searchsorted(ends, np.flatnonzero(special), side="right")] = True
    mask = pa.array(needs)
    sub = escaped = arr.filter(mask)
    for char, escape in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        escaped = pc.replace_substring(escaped, char, escape)
    rare = pc.fill_null(pc.match_substring_regex(sub, _RARE_CONTROL), False)
    if pc.any(rare).as_py():  # other control characters: the standard library's escapes, cell by cell
        texts = sub.filter(rare).to_pylist()
        escaped = pc.replace_with_mask(escaped, rare, pa.array(
            [json.dumps(t, ensure_ascii=False)[1:-1] for t in texts], _TEXT))
    return pc.replace_with_mask(arr, mask, escaped)


def _json_strings(arr: pa.Array) -> pa.Array:
    """Each cell as a JSON string (quotes included); nulls stay null."""
    return pc.binary_join_element_wise(_lit('"'), _escaped(arr), _lit('"'), _lit(""))


def _number_fallback(cells: pa.Array, ftype: str) -> pa.Array:
    """JSON for the number cells that are not plain JSON numbers already (``+5``, ``007``, ``1e3``, ``abc``…).

    What the typed conversion gives: pandas' ``to_numeric`` decides what reads as a number and its
    value; a number cell with decimals is written with ujson's 10 decimals (``3.1415926536``), infinity
    as null; an integer cell with decimals is null, an infinite one stays text; every cell that does not
    read as a number stays text (the data has validation errors). Vectorised; only whole numbers beyond
    2**53 are looked at one by one, so that they stay exact (or text, beyond 64 bits in an integer column).
    """
    texts = cells.to_numpy(zero_copy_only=False)
    floats = pd.to_numeric(pd.Series(texts, dtype=object), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    out = _json_strings(cells)  # not a number (also the text "NaN"), or an integer column's infinity
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(floats)
        whole = finite & (floats == np.floor(floats))
        small = whole & (np.abs(floats) < 2**53)  # read exactly as a double: the integer is the value
    if ftype == "number":
        null = np.isinf(floats)
        decimals = finite & ~whole
    else:
        null = finite & ~whole
        decimals = np.zeros(len(texts), dtype=bool)
    values: dict[str, tuple[np.ndarray, pa.Array]] = {}
    if small.any():
        values["small"] = (small, pc.cast(pa.array(floats[small].astype(np.int64)), _TEXT))
    if decimals.any():
        written = ujson_dumps(floats[decimals], double_precision=10)[1:-1].split(",")
        values["decimals"] = (decimals, pa.array(written, _TEXT))
    if null.any():
        values["null"] = (null, pa.array(["null"] * int(null.sum()), _TEXT))
    big = np.flatnonzero(whole & ~small)
    if len(big):
        big_mask = np.zeros(len(texts), dtype=bool)
        big_mask[big] = True
        values["big"] = (big_mask, pa.array([_big_whole(texts[i], floats[i], ftype) or out[i].as_py() for i in big],
                                            _TEXT))
    for mask, fixed in values.values():
        out = pc.replace_with_mask(out, pa.array(mask), fixed)
    return out


def _big_whole(text: str, value: float, ftype: str) -> str | None:
    """A whole number beyond 2**53 as JSON: exact when written as an integer, else as ujson wrote the double.

    None when it stays text: an integer column's value beyond 64 bits (pandas could not type it).
    """
    exact = int(text) if _INT_LITERAL.fullmatch(text) else None
    if ftype == "number":
        if exact is not None and _INT64[0] <= exact < _UINT64_END:
            return str(exact)
        return str(ujson_dumps(value, double_precision=10))
    if exact is not None:
        return str(exact) if _INT64[0] <= exact < _INT64[1] else None
    return str(int(value)) if _INT64[0] <= value < _INT64[1] else None


def _texts(values: Any) -> list[str]:
    """The text entries of a schema list (missingValues, trueValues…): only text can equal a cell."""
    return [v for v in values if isinstance(v, str)]


def _column_pieces(arr: pa.Array, field: dict[str, Any], key: str) -> list[pa.Array | pa.Scalar]:
    """One column's part of each record, ``key`` then the JSON value, as pieces joined later in one pass.

    Empty cells and missing values are null; a cell that does not convert (the data has validation
    errors) stays text rather than being lost. The long text is copied once, by the final join: its
    quotes and the ``null`` of empty cells are separate short pieces.
    """
    ftype = field.get("type", "string")
    missing = _texts(field.get("missingValues") or [""])
    if missing == [""]:
        empty = pc.fill_null(pc.equal(pc.binary_length(arr), 0), True)
    else:
        empty = pc.or_(pc.is_in(arr, value_set=pa.array(missing, _TEXT)), pc.is_null(arr))
    any_empty = pc.any(empty).as_py()
    if any_empty and (arr.null_count or missing != [""]):
        arr = pc.if_else(empty, _lit(""), arr)  # so that an empty cell adds nothing but its "null"
    if ftype in ("integer", "number", "year", "boolean"):
        if ftype == "boolean":
            trues = pa.array(_texts(field.get("trueValues") or _DEFAULT_TRUE), _TEXT)
            falses = pa.array(_texts(field.get("falseValues") or _DEFAULT_FALSE), _TEXT)
            is_true = pc.and_not(pc.is_in(arr, value_set=trues), empty)  # empty wins, even if "" is a true value
            is_false = pc.and_not(pc.is_in(arr, value_set=falses), empty)
            value = pc.if_else(is_true, _lit("true"), pc.if_else(is_false, _lit("false"), arr))
            other = np.asarray(pc.or_(is_true, is_false)) == 0
        else:
            value = arr
            other = ~_plain_numbers(arr, decimals=ftype == "number")
        other &= ~np.asarray(empty)
        if other.any():
            mask = pa.array(other)
            cells = arr.filter(mask)
            fixed = _json_strings(cells) if ftype == "boolean" else _number_fallback(cells, ftype)
            value = pc.replace_with_mask(value, mask, fixed)
        if not any_empty:
            return [_lit(key), value]
        return [_lit(key), pc.if_else(empty, _lit("null"), _lit("")), value]
    value = _escaped(arr)
    if not any_empty:
        return [_lit(key + '"'), value, _lit('"')]
    return [_lit(key), pc.if_else(empty, _lit("null"), _lit('"')), value, pc.if_else(empty, _lit(""), _lit('"'))]


def _json_lines(columns: list[tuple[str, pa.Array]], fields: dict[str, dict[str, Any]]) -> pa.Array:
    """Each row as ``,\\n{"name":value,…}``: the columns' pieces joined in one pass."""
    pieces: list[pa.Array | pa.Scalar] = []
    for i, (name, cells) in enumerate(columns):
        key = (",\n{" if i == 0 else ",") + json.dumps(name, ensure_ascii=False) + ":"
        pieces += _column_pieces(cells, fields.get(name, {}), key)
    # adjacent literal pieces merged: fewer arguments for the join
    merged: list[pa.Array | pa.Scalar] = []
    for piece in [*pieces, _lit("}")]:
        if merged and isinstance(piece, pa.Scalar) and isinstance(merged[-1], pa.Scalar):
            merged[-1] = _lit(merged[-1].as_py() + piece.as_py())
        else:
            merged.append(piece)
    return pc.binary_join_element_wise(*merged, _lit(""))


def _chunk_columns(table: pd.DataFrame | pa.Table, start: int, rows: int) -> list[tuple[str, pa.Array]]:
    """The columns of rows [start, start + rows) as (name, Arrow text)."""
    if isinstance(table, pa.Table):
        part = table.slice(start, rows)
        return [(name, _arrow_text(part.column(i))) for i, name in enumerate(part.column_names)]
    part_df = table.iloc[start:start + rows]
    return [(str(name), _cells(part_df.iloc[:, i])) for i, name in enumerate(part_df.columns)]


def write_json_records(table: pd.DataFrame | pa.Table, fields: dict[str, dict[str, Any]], fh: IO[bytes],
                       chunk_rows: int = 100_000) -> None:
    """An array of records, one a line, written chunk by chunk (memory stays bounded on a million rows).

    Cells become typed JSON values (numbers as numbers, booleans as booleans, empty as null, text that
    does not convert kept as text): the values pandas' ``to_json`` of the typed cells wrote before, now
    built column by column with Arrow and numpy instead of a Python object per cell. ``table`` may be
    the Arrow text table the CSV was written from (no second conversion of object columns).
    """
    rows = table.num_rows if isinstance(table, pa.Table) else len(table)
    if rows == 0 or len(table.columns) == 0:
        fh.write(b"[]\n")
        return
    fh.write(b"[")
    for start in range(0, rows, chunk_rows):
        lines = _json_lines(_chunk_columns(table, start, chunk_rows), fields)
        raw, _, _ = _utf8(lines)
        fh.write((raw[1:] if start == 0 else raw).data)  # "[" then "\n{": no comma before the first record
    fh.write(b"\n]\n")


def write_json(path: Path, obj: Any) -> None:
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def check_folder(folder: Path, overwrite: bool) -> None:
    """Refuse to write over an existing folder that has files, unless the user said so."""
    if folder.exists() and not folder.is_dir():
        raise ExportError.coded("export-not-a-folder", folder=str(folder))
    if folder.is_dir() and any(folder.iterdir()) and not overwrite:
        raise ExportError.coded("export-folder-not-empty", folder=str(folder))
