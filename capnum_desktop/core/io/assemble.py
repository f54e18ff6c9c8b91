"""From a raw grid of text cells to the :class:`Table` the pipeline uses.

A reader (CSV, workbook…) produces a *grid*: a DataFrame of text cells with positional columns and
the source row numbers as index, nothing removed. This module finds the header and the footer, drops
empty rows and columns, names the columns uniquely and reports everything it left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from capnum_desktop.core.errors import InputFileError
from capnum_desktop.core.io import cells, layout
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
    skipped: list[Skipped] = field(default_factory=list)
    suspects: frozenset[str] | None = None
    """Which damage checks can find something (``sci``, ``moji``, ``fffd``); None = run them all.
    A reader that saw the raw bytes can rule checks out cheaply (they cost a scan of every cell)."""
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Workbooks: merged ranges (first row, first column, last row, last column), rows as source
    numbers, columns as grid positions; a merged header cell names every column it spans."""


def _row_lists(frame: pd.DataFrame) -> list[list[str]]:
    return [list(map(str, r)) for r in frame.itertuples(index=False, name=None)]


def nonempty_mask(grid: pd.DataFrame) -> pd.Series:
    """True for rows with at least one non-blank cell."""
    mask = np.zeros(len(grid), dtype=bool)
    for col in grid.columns:
        mask |= cells.nonblank(grid[col])
    return pd.Series(mask, index=grid.index)


def assemble(
    grid: pd.DataFrame,
    info: GridInfo,
    *,
    header_line: int | None = None,
    max_rows: int | None = None,
    at_end: bool = True,
) -> Table:
    """Turn ``grid`` into a Table; ``header_line`` (source number, 0 = none) overrides detection.

    ``at_end`` says the grid reaches the end of the source (so footers can be looked for).
    """
    grid.index.name = SOURCE_ROW
    keep = nonempty_mask(grid)
    skipped: list[Skipped] = list(info.skipped)
    numbers = grid.index.to_numpy()
    positions_nonblank = keep.to_numpy().nonzero()[0]
    if len(positions_nonblank) == 0:
        raise InputFileError(
            f"Le fichier « {info.path.name} » ne contient aucune donnée"
            + (f" (feuille « {info.sheet} »)." if info.sheet else "."),
            "Vérifiez que c'est le bon fichier"
            + (" ou choisissez une autre feuille." if len(info.sheets) > 1 else "."),
        )

    head_end = positions_nonblank[min(len(positions_nonblank), layout.HEAD_ROWS) - 1] + 1
    head_rows = _row_lists(grid.iloc[:head_end])
    if header_line is None:
        lay = layout.detect_header(head_rows)
    else:
        lay = _forced_layout(numbers, keep.to_numpy(), header_line, info, head_rows)
    header_rows = [
        head_rows[i] if i < len(head_rows) else _row_lists(grid.iloc[i : i + 1])[0] for i in lay.header
    ]
    header_rows = _apply_merges(header_rows, [int(numbers[i]) for i in lay.header], info.merges, grid)
    width = grid.shape[1]

    # what is above the header
    if lay.title:
        skipped.append(
            Skipped("title", tuple(int(numbers[i]) for i in lay.title), "lignes au-dessus de l'en-tête")
        )
    if lay.blank_above:
        skipped.append(
            Skipped(
                "blank",
                tuple(int(numbers[i]) for i in lay.blank_above),
                "lignes vides au-dessus de l'en-tête",
            )
        )

    data = grid.iloc[lay.first_data :]
    data_keep = keep.iloc[lay.first_data :]

    # footer: only when we saw the end of the source
    if at_end and len(data):
        nonblank_pos = data_keep.to_numpy().nonzero()[0]
        tail_pos = nonblank_pos[-layout.TAIL_ROWS :]
        tail_rows = _row_lists(data.iloc[tail_pos]) if len(tail_pos) else []
        data_width = max(1, layout.filled(header_rows[0]) if header_rows else width)
        foot = layout.detect_footer(tail_rows, data_width)
        # never take the whole data as footer
        if foot and len(foot) < len(nonblank_pos):
            foot_pos = [int(tail_pos[i]) for i in foot]
            skipped.append(
                Skipped(
                    "footer",
                    tuple(int(data.index[p]) for p in foot_pos),
                    "total, source ou note sous le tableau",
                )
            )
            cut = data_keep.copy()
            cut.iloc[foot_pos] = False
            data_keep = cut

    empty = data.index[~data_keep.to_numpy() & ~_in_footer(data, skipped)]
    if len(empty):
        skipped.append(Skipped("empty", tuple(int(i) for i in empty), "lignes vides"))
    data = data[data_keep.to_numpy()]

    names = layout.combine_header(header_rows, width)
    # drop columns empty in the header and in every data row read (nothing is lost: no warning)
    keep_cols = []
    for j, col in enumerate(grid.columns):
        if names[j] or (len(data) and bool(cells.nonblank(data[col]).any())):
            keep_cols.append(j)
    warnings = list(info.warnings)
    if max_rows is not None:
        data = data.iloc[:max_rows]
    data = data.iloc[:, keep_cols]
    names = layout.unique_names([names[j] for j in keep_cols])
    warnings.extend(cells.check_header(names))
    data.columns = names
    data = data.copy()
    for name in names:
        data[name] = cells.strip_apostrophes(data[name])
        warnings.extend(cells.check_column(name, data[name], info.suspects))
    header_number = int(numbers[lay.header[0]]) if lay.header else None
    if header_number is None and header_line is None:
        warnings.append(
            "Aucune ligne d'en-tête reconnue : les colonnes ont été nommées colonne_1, colonne_2…"
        )
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
    )
    return Table(df=data, source=source)


def _in_footer(data: pd.DataFrame, skipped: list[Skipped]) -> pd.Series:
    footer = {n for s in skipped if s.reason == "footer" for n in s.lines}
    if not footer:
        return pd.Series(False, index=data.index).to_numpy()
    return data.index.isin(list(footer))


def _forced_layout(
    numbers, keep, header_line: int, info: GridInfo, head_rows: list[list[str]]
) -> layout.Layout:
    """The header the user (or a recipe) named; a second header row under it is still recognised."""
    lay = layout.Layout()
    if header_line == 0:
        first = int(keep.nonzero()[0][0])
        lay.first_data = first
        return lay
    matches = (numbers == header_line).nonzero()[0]
    if not len(matches):
        raise InputFileError(
            f"La ligne d'en-tête demandée ({header_line}) n'existe pas dans « {info.path.name} ».",
            "Indiquez le numéro de la ligne qui contient les noms de colonnes, tel qu'il apparaît dans le tableur.",
        )
    pos = int(matches[0])
    lay.header = [pos]
    if pos + 1 < len(head_rows) and layout.sub_header_below(head_rows, pos):
        lay.header.append(pos + 1)
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
