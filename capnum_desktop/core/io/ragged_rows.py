"""Rows of the wrong width in the middle of a CSV, put back in place without leaving pyarrow.

pyarrow's reader skips a record that has more or fewer cells than the header (the ``invalid_row_handler``
sees it). Such rows are data the national validator reports (``missing-cell`` / ``extra-cell``, issue 14),
so the table must keep them. Re-reading the whole file in Python costs ten times pyarrow's time (1M rows:
16 s instead of 1.2 s); instead the file is read again by pyarrow on one thread, where each skipped
record comes with its rank (``InvalidRow.number``: header first, blank lines not counted; None when
multi-threaded), and the skipped records are parsed alone and inserted at their rank: short rows padded
with empty cells, long rows widening the table, as the exact Python reader does.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

MAX_ROWS = 100_000
"""More records of the wrong width than this: the header is probably not the table's; let the exact reader decide."""


def has_bare_cr(data: bytes) -> bool:
    """A CR not followed by LF: pyarrow ends a record there, the line numbers count LF only, so the
    exact reader must number such a file. A file without any CR (one fast byte search) has none."""
    return b"\r" in data and data.count(b"\r") != data.count(b"\r\n")


def with_invalid_rows(
    buffer: pa.Buffer,
    read_options: pacsv.ReadOptions,
    parse_options: pacsv.ParseOptions,
    convert_options: pacsv.ConvertOptions,
    delimiter: str,
    table: pa.Table | None = None,
) -> tuple[pa.Table, np.ndarray] | None:
    """The whole table with its records of the wrong width in place, and every record's cell count.

    ``table``: the records of the right width, as the caller's multi-threaded read gave them (the same
    options: the same rows in the same order). The one-thread read is then only for the skipped records'
    ranks, and converts one column instead of all (200k rows x 12 columns: 0.11-0.17 -> 0.03 s); it must
    find as many records as ``table`` has. None when they cannot be placed exactly (too many, a record
    pyarrow could not number or Python could not parse): the caller then reads the file the slow, exact way.
    """
    skipped: list[tuple[int | None, str]] = []

    def keep(row: pacsv.InvalidRow) -> str:
        skipped.append((row.number, row.text))
        return "skip"

    one_thread = pacsv.ReadOptions(
        use_threads=False,
        block_size=read_options.block_size,
        autogenerate_column_names=read_options.autogenerate_column_names,
    )
    parse = pacsv.ParseOptions(
        delimiter=parse_options.delimiter,
        quote_char=parse_options.quote_char,
        double_quote=parse_options.double_quote,
        escape_char=parse_options.escape_char,
        newlines_in_values=parse_options.newlines_in_values,
        ignore_empty_lines=parse_options.ignore_empty_lines,
        invalid_row_handler=keep,
    )
    if table is None or not table.num_columns:
        table = pacsv.read_csv(buffer, read_options=one_thread, parse_options=parse, convert_options=convert_options)
    else:
        first = pacsv.ConvertOptions(
            column_types=convert_options.column_types,
            strings_can_be_null=convert_options.strings_can_be_null,
            quoted_strings_can_be_null=convert_options.quoted_strings_can_be_null,
            null_values=convert_options.null_values,
            include_columns=table.column_names[:1],
        )
        ranks = pacsv.read_csv(buffer, read_options=one_thread, parse_options=parse, convert_options=first)
        if ranks.num_rows != table.num_rows:
            return None
    if not skipped or len(skipped) > MAX_ROWS or any(number is None for number, _ in skipped):
        return None
    rows: list[list[str]] = []
    for _, text in skipped:
        try:
            record = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), None)
        except csv.Error:
            return None
        if not record:
            return None
        rows.append(record)
    n, k = table.num_rows, len(rows)
    total = n + k
    at = np.asarray([number for number, _ in skipped], dtype=np.int64) - 1  # rank 1 is the header, row 0
    if at.min() < 0 or at.max() >= total or len(np.unique(at)) != k:
        return None
    header = table.num_columns
    width = max(header, max(len(r) for r in rows))
    names = [f"f{j}" for j in range(width)]
    # the caller's text type (string or large_string)
    text = table.schema.field(0).type if header else pa.string()
    main = table.rename_columns(names[:header])
    for j in range(header, width):  # long rows widen the table: the other rows have nothing there
        main = main.append_column(names[j], pa.array(np.full(n, "", dtype=object), type=text))
    odd = pa.table([pa.array([r[j] if j < len(r) else "" for r in rows], type=text) for j in range(width)],
                   names=names)
    # slices, not a take: the few odd rows go between zero-copy slices of the big table
    order = np.argsort(at, kind="stable")
    pieces = []
    done = 0
    for rank, i in enumerate(order):
        before = int(at[i]) - rank  # rows of the big table that come before this one
        pieces.append(main.slice(done, before - done))
        pieces.append(odd.slice(int(i), 1))
        done = before
    pieces.append(main.slice(done))
    counts = np.full(total, header, dtype=np.int64)
    counts[at] = [len(r) for r in rows]
    return pa.concat_tables(pieces), counts
