"""Where the table is inside the grid: the header row(s), the title lines above, the footer below.

Bureau files put a title, a date and a blank line above the header and a "Total" line or a
"Source : …" note below the data. This module looks only at the first and last rows of a grid of
text cells (any format) and says which source rows are header, data and left-overs, and why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

HEAD_ROWS = 60
"""How many non-empty rows from the top are looked at to find the header."""

TAIL_ROWS = 30
"""How many rows from the bottom can be a footer."""

_NUMBER = re.compile(r"^[-+]?(\d[\d  .,]*)(\s?[€%])?$")
_DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?)?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
"""A year (« 2019 »): a group name when written once over its group in a header."""
_TOTAL = re.compile(r"^(sous[- ]?)?(total|totaux)(\s+g[ée]n[ée]ral(e)?)?\s*:?$", re.IGNORECASE)
_TOTAL_LIKE = re.compile(r"^(sous[- ]?)?(total|totaux)\b", re.IGNORECASE)
"""``Total Résultat | 3`` (a pivot table's last line): a total word, then only numbers."""
_NOTE = re.compile(
    r"^(\(?\*|\(\d+\)|source\s*s?\s*:|sources?\b|note\s*s?\s*:|nb\s*:|n\.b\.|lecture\s*:|champ\s*:|"
    r"mise à jour|mis à jour|données (extraites|arrêtées)|extraction|date d'extraction|réalisé par|"
    r"©|copyright)",
    re.IGNORECASE,
)


Row = Sequence[str]


def is_value_like(cell: str) -> bool:
    """True for cells that look like data rather than a column name (numbers, dates)."""
    text = cell.strip()
    return bool(text) and bool(_NUMBER.match(text) or _DATE.match(text))


def filled(row: Row) -> int:
    return sum(1 for c in row if c.strip())


@dataclass
class Layout:
    """The result of :func:`detect_layout`: positions are indexes into the rows given."""

    header: list[int] = field(default_factory=list)  # 0, 1 or 2 row positions
    first_data: int = 0
    footer: list[int] = field(default_factory=list)  # row positions (from the tail) left out
    title: list[int] = field(default_factory=list)  # non-empty rows above the header
    blank_above: list[int] = field(default_factory=list)


def _width(rows: Sequence[Row]) -> int:
    """The usual number of filled cells of a data row (the table's real width)."""
    counts = [filled(r) for r in rows if filled(r) >= 2]
    if not counts:
        return 1
    common = Counter(counts).most_common()
    best = max(n for n, _ in common[:3]) if len(common) > 1 else common[0][0]
    # a table whose rows have gaps: the widest row among the frequent ones
    return max(best, 1)


def _looks_like_header(row: Row, below: Sequence[Row]) -> bool:
    """A header row is mostly names: not value-like where the rows below hold values."""
    cells = [c for c in row if c.strip()]
    if not cells:
        return False
    if all(is_value_like(c) for c in cells):
        return False
    if not below:
        return True
    # a row of the same shape as the data below (values in the same columns) is data, not header
    value_cols = 0
    header_text_over_values = 0
    for j, cell in enumerate(row):
        col = [r[j] for r in below if j < len(r) and r[j].strip()]
        if len(col) < max(1, len(below) // 2):
            continue
        if sum(is_value_like(c) for c in col) >= 0.8 * len(col):
            value_cols += 1
            if cell.strip() and not is_value_like(cell):
                header_text_over_values += 1
    return not (value_cols and header_text_over_values == 0 and sum(is_value_like(c) for c in cells) > 0)


def _is_sub_header(top: Row, second: Row, below: Sequence[Row]) -> bool:
    """Two header rows: ``top`` has a group name followed by blanks that ``second`` fills. A year is
    a group name there when its group spans blanks (``Commune | 2019 | | 2020 |``), never in the first
    column."""
    if filled(top) < 2 or filled(second) < 2:
        return False
    if any(is_value_like(c) for c in second if c.strip()):
        return False
    for j, cell in enumerate(top):
        text = cell.strip()
        if text and is_value_like(text):
            spanning = j + 1 < len(top) and not top[j + 1].strip()
            if not (_YEAR.match(text) and j > 0 and spanning):
                return False
    width = max(len(top), len(second))
    spans = False
    seen = False
    for j in range(width):
        t = top[j].strip() if j < len(top) else ""
        s = second[j].strip() if j < len(second) else ""
        if t:
            seen = True
        elif s and seen:
            spans = True
        if not t and not s and any(j < len(r) and r[j].strip() for r in below):
            return False
    if not spans:
        return False
    # the row under the second header row must not be names too (else ``second`` is data)
    return bool(below)


def detect_header(rows: Sequence[Row]) -> Layout:
    """Find the header among the first rows (``rows`` = the grid's first rows, blank ones included)."""
    layout = Layout()
    nonblank = [i for i, r in enumerate(rows) if filled(r)]
    if not nonblank:
        return layout
    width = _width([rows[i] for i in nonblank])
    need = 1 if width <= 1 else max(2, (width + 1) // 2)
    header = None
    for k, i in enumerate(nonblank):
        row = rows[i]
        if filled(row) < need:
            continue
        below = [rows[j] for j in nonblank[k + 1 : k + 21]]
        if _looks_like_header(row, below):
            header = i
        break
    if header is None:
        # no header: the data starts at the first non-empty row
        layout.first_data = nonblank[0]
        return layout
    # the same header line repeated (exports that were concatenated): keep the last copy
    later = [i for i in nonblank if i > header]
    while later and _same(rows[later[0]], rows[header]):
        header, later = later[0], later[1:]
    header = _label_row_under_band(rows, header, nonblank)
    block = header_block(rows, header, set(nonblank))
    layout.header = block
    layout.first_data = block[-1] + 1
    layout.title = [i for i in nonblank if i < block[0]]
    layout.blank_above = [i for i in range(block[0]) if i not in set(nonblank)]
    return layout


MAX_HEADER_ROWS = 4
"""A header spans at most this many rows (a band, a sub-band, the labels, the units)."""

_UNIT = re.compile(
    r"^(\(.{1,30}\)|en\s.{1,30}|€|k€|m€|%|‰|hab\.?|habitants|km²|km2|m²|m2|ha|kwh|mwh|gwh|"
    r"t|kg|ann[ée]es?( r[ée]volues)?|r[ée]volues|ans|mois|jours|heures|nombre|nb|unit[ée]s?|milliers|millions|"
    r"euros?|eur|ht|ttc)$",
    re.IGNORECASE,
)


def _is_units_row(row: Row) -> bool:
    """« (nombre) | (km²) | en % »: every filled cell is a unit."""
    cells = [c.strip() for c in row if c.strip()]
    return bool(cells) and all(_UNIT.match(c) for c in cells)


def _carried(rows: Sequence[Row], width: int) -> list[list[str]]:
    """Each header row with its group names carried to the right over the blanks that rows below
    fill (a merged band cell); a new name in a row above starts a new group."""
    out: list[list[str]] = []
    for k, row in enumerate(rows):
        line = [_clean(row[j]) if j < len(row) else "" for j in range(width)]
        if k < len(rows) - 1:
            group = ""
            for j in range(width):
                lower = any(j < len(r) and r[j].strip() for r in rows[k + 1 :])
                new_above = any(out[m][j] and (j == 0 or out[m][j] != out[m][j - 1]) for m in range(k))
                if line[j]:
                    group = line[j]
                elif group and lower and not new_above:
                    line[j] = group
                else:
                    group = ""
        out.append(line)
    return out


def _is_band(band: Row, block: Sequence[Row], below: Sequence[Row]) -> bool:
    """A row of group names above the header: its names are carried over blanks the header fills,
    and it is not a title (one text in the first column, or a sentence). A year is a group name
    here (« 2019 » written once over its group)."""
    cells = [(j, c.strip()) for j, c in enumerate(band) if c.strip()]
    first_col = min((j for r in [*block, *below] for j, c in enumerate(r) if c.strip()), default=0)
    if not _group_names(cells, first_col):
        return False
    if len(cells) == 1 and cells[0][0] <= first_col:
        return False  # a title over the whole table
    # a sub-band of one name per group (« 2019 » under « Population ») has the band's spans: the
    # band is judged against the first row under it that names more columns
    named = {j for j, _ in cells}
    top = next((r for r in block if not _filled_columns(r) <= named), block[-1])
    seen = False
    for j in range(max(len(band), len(top))):
        if j < len(band) and band[j].strip():
            seen = True
        elif seen and j < len(top) and top[j].strip():
            return True
    return False


def _group_names(cells: Sequence[tuple[int, str]], first_col: int) -> bool:
    """The filled cells ``(column, text)`` of a band or sub-band are group names: short names, or years
    alone over their groups (« 2019 », « 2020 »). A year beside a name (« Exercice | 2023 ») or in the
    first column is a title's key and value, not a band."""
    if not cells or any(len(c) > 60 for _, c in cells):
        return False
    years = [j for j, c in cells if _YEAR.match(c)]
    if years:
        return len(years) == len(cells) and min(years) > first_col
    return not any(is_value_like(c) for _, c in cells)


def _filled_columns(row: Row) -> set[int]:
    return {j for j, c in enumerate(row) if c.strip()}


def _is_sub_band(block: Sequence[Row], row: Row) -> bool:
    """A sub-band under the block: one name (often a year) at the start of some of its groups, each
    group spanning blanks (« 2019 » under « Population » merged over Hommes, Femmes, Ensemble).
    Only half the proof: the caller also wants the labels right under it."""
    cells = [(j, c.strip()) for j, c in enumerate(row) if c.strip()]
    if not _group_names(cells, 0):
        return False
    width = max(len(r) for r in [*block, row])
    upper = [next((r[j] for r in reversed(block) if j < len(r) and r[j].strip()), "") for j in range(width)]
    # each name under a group name whose group goes on over the next column (a blank there)
    return all(upper[j].strip() and j + 1 < width and not upper[j + 1].strip() for j, _ in cells)


def _is_lower_header(block: Sequence[Row], row: Row, below: Sequence[Row]) -> bool:
    """A row under the header block that belongs to it: units, or labels under a group name."""
    if not below or any(is_value_like(c) for c in row if c.strip()):
        return False
    if _is_units_row(row):
        # under a header of two columns or more, and not one of a column of such values
        return len([c for c in row if c.strip()]) >= 2 and not _is_units_row(below[0])
    width = max(len(r) for r in [*block, row])
    # the block as one row: in each column, the lowest name written there (blanks stay blank)
    upper = [next((r[j] for r in reversed(block) if j < len(r) and r[j].strip()), "") for j in range(width)]
    return _is_sub_header(upper, row, below)


def header_block(
    rows: Sequence[Row],
    header: int,
    nonblank: set[int] | None = None,
    *,
    size: int | None = None,
    upward: bool = True,
) -> list[int]:
    """The rows of the header around row ``header``: bands above it (unless not ``upward``: the agent
    named the first header row), sub-labels and units below (at most :data:`MAX_HEADER_ROWS`);
    ``size`` forces the number of rows from ``header`` down."""
    if nonblank is None:
        nonblank = {i for i, r in enumerate(rows) if filled(r)}
    if size:
        return [i for i in range(header, min(len(rows), header + size))]
    block = [header]

    def below(pos: int) -> list[Row]:
        return [rows[j] for j in sorted(nonblank) if j > pos][:20]

    while upward and len(block) < MAX_HEADER_ROWS and block[0] - 1 in nonblank:
        if not _is_band(rows[block[0] - 1], [rows[i] for i in block], below(block[-1])):
            break
        block.insert(0, block[0] - 1)
    sub_bands: set[int] = set()
    while len(block) < MAX_HEADER_ROWS and block[-1] + 1 in nonblank:
        nxt = block[-1] + 1
        # the rows that name columns (a sub-band of one name per group has its band's spans)
        names = [rows[i] for i in block if i not in sub_bands]
        if _is_lower_header(names, rows[nxt], below(nxt)):
            block.append(nxt)
            continue
        # a sub-band (« 2019 » once per group): a header row only when the labels come right under it
        if (
            len(block) + 2 <= MAX_HEADER_ROWS
            and nxt + 1 in nonblank
            and _is_sub_band(names, rows[nxt])
            and _is_lower_header(names, rows[nxt + 1], below(nxt + 1))
        ):
            sub_bands.add(nxt)
            block += [nxt, nxt + 1]
            continue
        break
    return block


def _label_row_under_band(rows: Sequence[Row], header: int, nonblank: list[int]) -> int:
    """A band of one name per column (« Paramètre 1 … 7 ») taken for the header: the labels are the
    next row when it is all names, fills more columns, and covers every column the band names."""
    nxt = header + 1
    if nxt not in nonblank:
        return header
    band, labels = rows[header], rows[nxt]
    named = {j for j, c in enumerate(band) if c.strip()}
    label_cols = {j for j, c in enumerate(labels) if c.strip()}
    below = [rows[j] for j in nonblank if j > nxt][:20]
    if (
        below
        and len(label_cols) > len(named)
        and named <= label_cols
        and not any(is_value_like(c) for c in labels if c.strip())
        and _looks_like_header(labels, below)
        # the data below fills the columns the band leaves empty
        and any(any(j < len(r) and r[j].strip() for r in below) for j in label_cols - named)
    ):
        return nxt
    return header


def sub_header_below(rows: Sequence[Row], pos: int) -> bool:
    """True when the row under the header at ``pos`` is a second header row (labels under groups)."""
    return len(header_block(rows, pos, upward=False)) > 1


def _same(a: Row, b: Row) -> bool:
    return [c.strip() for c in a if c.strip()] == [c.strip() for c in b if c.strip()]


def detect_footer(rows: Sequence[Row], width: int) -> list[int]:
    """Positions (in ``rows``, the grid's last rows) of footer lines: "Total", notes, sources."""
    footer: list[int] = []
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        cells = [c.strip() for c in row if c.strip()]
        if not cells:
            continue
        first = cells[0]
        if _TOTAL.match(first) or (
            _TOTAL_LIKE.match(first) and len(cells) > 1 and all(is_value_like(c) for c in cells[1:])
        ):
            footer.append(i)
            continue
        sparse = len(cells) == 1 and width >= 3
        if _NOTE.match(first) and len(cells) <= max(1, width // 3):
            footer.append(i)
            continue
        if sparse and len(first) >= 25 and not is_value_like(first):
            footer.append(i)
            continue
        break
    return sorted(footer)


def combine_header(rows: Sequence[Row], width: int) -> list[str]:
    """One name per column from the header rows: group names carried over merged cells, joined
    with « - »; a units row joined with a space (``Superficie (km²)``)."""
    if not rows:
        return [""] * width
    if len(rows) == 1:
        return [_clean(rows[0][j]) if j < len(rows[0]) else "" for j in range(width)]
    lines = _carried(rows, width)
    names = []
    for j in range(width):
        name = ""
        for line in lines:
            part = line[j]
            if not part or part == name or name.endswith(f" - {part}"):
                continue
            if not name:
                name = part
            elif _UNIT.match(part):
                name = f"{name} {part}"
            else:
                name = f"{name} - {part}"
        names.append(name)
    return names


def _clean(name: str) -> str:
    return " ".join(str(name).split())


def unique_names(names: Sequence[str]) -> list[str]:
    """Give empty names ``colonne_N`` (1-based position) and make duplicates unique: ``Nom (2)``."""
    out: list[str] = []
    seen: set[str] = set()
    for j, name in enumerate(names, start=1):
        base = name or f"colonne_{j}"
        candidate = base
        n = 2
        while candidate.casefold() in seen:
            candidate = f"{base} ({n})"
            n += 1
        seen.add(candidate.casefold())
        out.append(candidate)
    return out
