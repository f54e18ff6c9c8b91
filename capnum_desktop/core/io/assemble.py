"""From a raw grid of text cells to the :class:`Table` the pipeline uses.

A reader (CSV, workbook…) produces a *grid*: a DataFrame of text cells with positional columns and
the source row numbers as index, nothing removed. This module finds the header and the footer, drops
empty rows and columns, names the columns uniquely and reports everything it left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from capnum_desktop.core.errors import InputFileError
from capnum_desktop.core.io import cells, layout, row_kinds
from capnum_desktop.core.io.warning_sentences import ReadNote, skipped_detail
from capnum_desktop.core.parallel import map_columns
from capnum_desktop.core.table import SOURCE_ROW, Skipped, SourceInfo, Table


@dataclass
class GridInfo:
    """What the reader detected, passed on to the Table's SourceInfo."""

    path: Path
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    warnings: list[str] = field(default_factory=list)
    """Coded sentences (:class:`~capnum_desktop.core.io.warning_sentences.ReadNote`, French as ``str``)."""
    skipped: list[Skipped] = field(default_factory=list)
    suspects: frozenset[str] | None = None
    """Which damage checks can find something (``sci``, ``moji``, ``fffd``); None = run them all.
    A reader that saw the raw bytes can rule checks out cheaply (they cost a scan of every cell)."""
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Workbooks: merged ranges (first row, first column, last row, last column), rows as source
    numbers, columns as grid positions; a merged header cell names every column it spans."""
    row_cells: pd.Series | None = None
    """Delimited text: cells each record really has, by source row (the grid pads short rows);
    None when every row has the grid's width."""
    blank_lines: list[int] = field(default_factory=list)
    """Source lines with nothing at all, which the reader did not put in the grid."""
    date_columns: set[int] = field(default_factory=set)
    """Workbooks: grid columns whose cells the workbook types as dates or times (written as ISO text)."""


def _row_lists(frame: pd.DataFrame) -> list[list[str]]:
    return [list(map(str, r)) for r in frame.itertuples(index=False, name=None)]


def _rows_at(frame: pd.DataFrame, positions: Sequence[int] | np.ndarray) -> list[list[str]]:
    """:func:`_row_lists` of a few rows (the last ones, those under the header), one slice each: ``iloc``
    with a list of rows joins every column read in blocks into one first (1M rows: 0.1 s)."""
    return [_row_lists(frame.iloc[int(p) : int(p) + 1])[0] for p in positions]


def nonblank_masks(grid: pd.DataFrame) -> list[np.ndarray]:
    """Each column's :func:`cells.nonblank`, by position: computed once per read, since the header,
    the kinds of rows and the columns kept all ask it (three walks of every cell before)."""
    columns = [grid.iloc[:, j] for j in range(grid.shape[1])]
    return map_columns(cells.nonblank, columns, len(grid))


def nonempty_mask(grid: pd.DataFrame, masks: list[np.ndarray] | None = None) -> pd.Series:
    """True for rows with at least one non-blank cell (``masks``: :func:`nonblank_masks` of ``grid``)."""
    mask = np.zeros(len(grid), dtype=bool)
    for column in masks if masks is not None else nonblank_masks(grid):
        mask |= column
    return pd.Series(mask, index=grid.index)


MAX_RUNS = 1024
"""More runs of kept rows than this (rows left out all over the table): one copy by a mask is cheaper
than that many pieces, each of which every later step walks as an Arrow chunk."""


def rows_where(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """``frame[keep]``, as zero-copy slices of the runs of kept rows when they are few.

    The rows a read leaves out (blank lines, sub-totals, a footer) are a few hundred among a million:
    selecting by mask copies every cell of every column (1M rows x 12 text columns: 0.6 s), while the
    kept runs, concatenated, share the source's Arrow buffers (0.02 s). Each run becomes an Arrow chunk
    (a CSV's columns already arrive in hundreds, one per block pyarrow read; a workbook's in one): the
    buffer searches look at each chunk's own bytes (cells.value_bytes), not at the buffer it shares.
    Columns not backed by Arrow are selected by the mask, as before.
    """
    edges = np.diff(np.concatenate(([0], keep.view(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    if not 0 < len(starts) <= MAX_RUNS:
        return frame[keep]
    runs = list(zip(starts.tolist(), np.flatnonzero(edges == -1).tolist(), strict=True))
    columns = []
    for j in range(frame.shape[1]):
        column = frame.iloc[:, j]
        data = getattr(column.array, "_pa_array", None)
        if data is None:  # not Arrow-backed: no buffer to share, the mask copies once
            return frame[keep]
        # Arrow slices of each run, straight (pd.concat of the run frames: 3-4x slower, same columns)
        pieces = [chunk for s, e in runs for chunk in data.slice(s, e - s).chunks]
        columns.append(pd.array(pa.chunked_array(pieces, type=data.type), dtype=column.dtype))
    out = pd.DataFrame(dict(enumerate(columns)), index=frame.index[keep], copy=False)
    out.columns = frame.columns
    return out


def assemble(
    grid: pd.DataFrame,
    info: GridInfo,
    *,
    header_line: int | None = None,
    max_rows: int | None = None,
    at_end: bool = True,
    keep_rows: frozenset[str] | tuple[str, ...] = (),
    header_rows: int | None = None,
) -> Table:
    """Turn ``grid`` into a Table; ``header_line`` (source number, 0 = none) overrides detection.

    ``at_end`` says the grid reaches the end of the source (so footers can be looked for);
    ``keep_rows`` names kinds of :mod:`row_kinds` rows kept as data (the agent said they are data);
    ``header_rows`` forces how many rows the header spans.
    """
    grid.index.name = SOURCE_ROW
    masks = nonblank_masks(grid)
    keep = nonempty_mask(grid, masks)
    skipped: list[Skipped] = list(info.skipped)
    numbers = grid.index.to_numpy()
    positions_nonblank = keep.to_numpy().nonzero()[0]
    if len(positions_nonblank) == 0:
        raise InputFileError.coded("no-data-in-sheet" if info.sheet else "no-data",
                                   hint="hint.right-file-or-sheet" if len(info.sheets) > 1 else "hint.right-file",
                                   name=info.path.name, sheet=info.sheet or "")

    head_end = positions_nonblank[min(len(positions_nonblank), layout.HEAD_ROWS) - 1] + 1
    head_rows = _row_lists(grid.iloc[:head_end])
    if header_line is None:
        lay = layout.detect_header(head_rows)
        if header_rows and lay.header:
            lay = _sized(lay, head_rows, header_rows)
    else:
        lay = _forced_layout(numbers, keep.to_numpy(), header_line, info, head_rows, header_rows)
    header_rows = [
        head_rows[i] if i < len(head_rows) else _row_lists(grid.iloc[i : i + 1])[0] for i in lay.header
    ]
    header_rows = _apply_merges(header_rows, [int(numbers[i]) for i in lay.header], info.merges, grid)
    width = grid.shape[1]

    # what is above the header
    if lay.title:
        skipped.append(
            Skipped("title", tuple(int(numbers[i]) for i in lay.title), skipped_detail("title"))
        )
    if lay.blank_above:
        skipped.append(
            Skipped(
                "blank",
                tuple(int(numbers[i]) for i in lay.blank_above),
                skipped_detail("blank"),
            )
        )

    data = grid.iloc[lay.first_data :]
    data_keep = keep.iloc[lay.first_data :]
    data_masks = [m[lay.first_data :] for m in masks]

    # footer: only when we saw the end of the source
    if at_end and len(data):
        nonblank_pos = data_keep.to_numpy().nonzero()[0]
        tail_pos = nonblank_pos[-layout.TAIL_ROWS :]
        tail_rows = _rows_at(data, tail_pos)
        data_width = max(1, layout.filled(header_rows[0]) if header_rows else width)
        foot = layout.detect_footer(tail_rows, data_width)
        # never take the whole data as footer
        if foot and len(foot) < len(nonblank_pos):
            foot_pos = [int(tail_pos[i]) for i in foot]
            skipped.append(
                Skipped(
                    "footer",
                    tuple(int(data.index[p]) for p in foot_pos),
                    skipped_detail("footer"),
                )
            )
            cut = data_keep.copy()
            cut.iloc[foot_pos] = False
            data_keep = cut

    kept: list[Skipped] = []
    if lay.header:
        data_keep = _leave_out_kinds(data, data_keep, skipped, kept, set(keep_rows), data_masks)

    empty = data.index[~data_keep.to_numpy() & ~_in_footer(data, skipped)]
    if len(empty):
        skipped.append(Skipped("empty", tuple(int(i) for i in empty), skipped_detail("empty")))
    rows_kept = data_keep.to_numpy()
    if not rows_kept.all():  # else no row to leave out: no copy of every column
        data = rows_where(data, rows_kept)

    names = layout.combine_header(header_rows, width)
    names_before = list(names)
    # drop columns empty in the header and in every data row read (nothing is lost: no warning)
    keep_cols = []
    for j in range(len(grid.columns)):
        if names[j] or (len(data) and bool(data_masks[j][rows_kept].any())):
            keep_cols.append(j)
    warnings = list(info.warnings)
    if max_rows is not None:
        data = data.iloc[:max_rows]
    data = data.iloc[:, keep_cols]
    names = layout.unique_names([names[j] for j in keep_cols])
    warnings.extend(cells.check_header(names))
    data.columns = names
    data = data.copy()

    def cleaned(named: tuple[str, pd.Series]) -> tuple[pd.Series, list[ReadNote]]:
        column = cells.strip_apostrophes(named[1])
        return column, cells.check_column(named[0], column, info.suspects)

    columns = [(name, data[name]) for name in names]  # taken here: the threads only read these columns
    for name, (column, notes) in zip(names, map_columns(cleaned, columns, len(data)), strict=True):
        data[name] = column
        warnings.extend(notes)
    header_number = int(numbers[lay.header[0]]) if lay.header else None
    labels, blank_rows, ragged_rows = _structure(grid, info, lay, names_before, data.index, skipped, width)
    if ragged_rows:
        warnings.append(_ragged_warning(ragged_rows, len(labels)))
    if header_number is None and header_line is None:
        warnings.append(ReadNote("no-header"))
    source = SourceInfo(
        path=info.path,
        format=info.format,
        encoding=info.encoding,
        delimiter=info.delimiter,
        sheets=tuple(info.sheets),
        sheet=info.sheet,
        header_line=header_number if header_number is not None else (0 if header_line == 0 else None),
        header_lines=len(lay.header) or 1,
        skipped=tuple(skipped),
        warnings=tuple(warnings),
        labels=labels,
        blank_rows=blank_rows,
        ragged_rows=ragged_rows,
        date_columns=tuple(n for j, n in zip(keep_cols, names, strict=True) if j in info.date_columns),
        kept=tuple(kept),
    )
    return Table(df=data, source=source)


def _structure(
    grid: pd.DataFrame,
    info: GridInfo,
    lay: layout.Layout,
    names: list[str],
    data_rows: pd.Index,
    skipped: list[Skipped],
    width: int,
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[tuple[int, int], ...]]:
    """(header labels as written, blank rows under the header, (row, cells) of ragged data rows).

    What the national validator reports of the file and the table leaves out. The empty lines a
    reader dropped are added to the ``empty`` skipped lines, so that ``inspect`` lists them too.
    """
    numbers = grid.index.to_numpy()
    top = int(numbers[lay.header[-1]]) if lay.header else (int(numbers[lay.first_data]) - 1 if len(numbers) > lay.first_data else 0)
    cells = info.row_cells
    header_cells = width
    if lay.header and cells is not None:
        header_cells = max(int(cells.get(int(numbers[i]), width)) for i in lay.header)
    labels: tuple[str, ...] = ()
    if lay.header:
        labels = tuple(names[:header_cells])
        if cells is None:  # workbooks: the sheet's width, not a record's; trailing empty labels are not labels
            while labels and not labels[-1]:
                labels = labels[:-1]
    dropped = [n for n in info.blank_lines if n > top]
    if dropped:
        at = next((k for k, s in enumerate(skipped) if s.reason == "empty"), None)
        lines = tuple(sorted({*dropped, *(skipped[at].lines if at is not None else ())}))
        entry = Skipped("empty", lines, skipped_detail("empty"))
        if at is None:
            skipped.append(entry)
        else:
            skipped[at] = entry
    blank = tuple(sorted({n for s in skipped if s.reason == "empty" for n in s.lines if n > top}))
    ragged: tuple[tuple[int, int], ...] = ()
    if lay.header and cells is not None and len(data_rows):
        counts = cells.reindex(data_rows).fillna(width).to_numpy(dtype=np.int64)
        odd = np.flatnonzero(counts != header_cells)
        ragged = tuple((int(data_rows[i]), int(counts[i])) for i in odd)
    return labels, blank, ragged


def _ragged_warning(ragged: tuple[tuple[int, int], ...], header_cells: int) -> ReadNote:
    lines = [r for r, _ in ragged]
    short = sum(1 for _, n in ragged if n < header_cells)
    what = "ragged.both" if 0 < short < len(ragged) else "ragged.short" if short else "ragged.long"
    return ReadNote("ragged", rows_count=len(lines), cells=header_cells, shown=", ".join(map(str, lines[:8])),
                    more=ReadNote("ragged.more", lines=len(lines)) if len(lines) > 8 else "", what_key=what,
                    where_key=cells.line_word(len(lines)))


def _leave_out_kinds(
    data: pd.DataFrame,
    data_keep: pd.Series,
    skipped: list[Skipped],
    kept: list[Skipped],
    keep_rows: set[str],
    masks: list[np.ndarray],
) -> pd.Series:
    """Template rows and a total under the header, sub-totals and sub-headings inside the data:
    recorded as skipped (by kind) and left out, unless ``keep_rows`` names their kind (then recorded
    in ``kept``, so that Ouvrir can still offer to leave them out). ``masks``: each column's
    non-blank cells of ``data``."""
    keep = data_keep.to_numpy().copy()
    found: dict[str, list[int]] = {}
    top = np.flatnonzero(keep)[: row_kinds.UNDER_HEADER_ROWS]
    if len(top):
        for pos, kind in row_kinds.under_header(_rows_at(data, top)):
            found.setdefault(kind, []).append(int(top[pos]))
    head_out = [p for kind, ps in found.items() if kind not in keep_rows for p in ps]
    keep[head_out] = False
    width = int(sum(bool(m.any()) for m in masks)) if len(data) else 0
    for kind, positions in row_kinds.inside_data(data, keep, width, masks).items():
        found.setdefault(kind, []).extend(int(p) for p in positions)
    for kind in row_kinds.KINDS:
        if kind not in found:
            continue
        lines = tuple(int(data.index[p]) for p in sorted(found[kind]))
        (kept if kind in keep_rows else skipped).append(Skipped(kind, lines, skipped_detail(kind)))
        if kind not in keep_rows:
            keep[sorted(found[kind])] = False
    return pd.Series(keep, index=data_keep.index)


_LEFT_OUT = {"footer", *row_kinds.KINDS}


def _in_footer(data: pd.DataFrame, skipped: list[Skipped]) -> pd.Series:
    footer = {n for s in skipped if s.reason in _LEFT_OUT for n in s.lines}
    if not footer:
        return pd.Series(False, index=data.index).to_numpy()
    return data.index.isin(list(footer))


def _sized(lay: layout.Layout, head_rows: list[list[str]], size: int) -> layout.Layout:
    """The detected header made ``size`` rows tall from its first row (the agent's choice)."""
    lay.header = layout.header_block(head_rows, lay.header[0], size=size)
    lay.first_data = lay.header[-1] + 1
    return lay


def _forced_layout(
    numbers, keep, header_line: int, info: GridInfo, head_rows: list[list[str]], header_rows: int | None = None
) -> layout.Layout:
    """The header the user (or a recipe) named; a second header row under it is still recognised."""
    lay = layout.Layout()
    if header_line == 0:
        first = int(keep.nonzero()[0][0])
        lay.first_data = first
        return lay
    matches = (numbers == header_line).nonzero()[0]
    if not len(matches):
        raise InputFileError.coded("header-line-missing", line=header_line, name=info.path.name)
    pos = int(matches[0])
    if pos < len(head_rows):
        nonblank = {i for i in range(len(head_rows)) if keep[i]}
        lay.header = layout.header_block(head_rows, pos, nonblank, size=header_rows, upward=False)
    else:
        lay.header = [pos]
    lay.first_data = lay.header[-1] + 1
    lay.title = [i for i in range(pos) if keep[i]]
    lay.blank_above = [i for i in range(pos) if not keep[i]]
    return lay


def _apply_merges(
    header_rows: list[list[str]],
    header_numbers: list[int],
    merges: list[tuple[int, int, int, int]],
    grid: pd.DataFrame,
) -> list[list[str]]:
    """Copy a merged header cell's text into every header cell the merge covers."""
    if not merges or not header_rows:
        return header_rows
    rows = [list(r) for r in header_rows]
    width = grid.shape[1]
    for r1, c1, r2, c2 in merges:
        hit = [k for k, n in enumerate(header_numbers) if r1 <= n <= r2]
        if not hit or c1 >= width:
            continue
        if r1 in header_numbers:
            value = rows[header_numbers.index(r1)][c1]
        elif r1 in grid.index:
            value = str(grid.at[r1, c1])
        else:
            continue
        for k in hit:
            for c in range(c1, min(c2, width - 1) + 1):
                if not rows[k][c].strip():
                    rows[k][c] = value
    return rows
