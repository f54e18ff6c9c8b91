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
    """Two header rows: ``top`` has a group name followed by blanks that ``second`` fills."""
    if filled(top) < 2 or filled(second) < 2:
        return False
    if any(is_value_like(c) for c in second if c.strip()) or any(is_value_like(c) for c in top if c.strip()):
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
    layout.header = [header]
    after = [i for i in nonblank if i > header]
    before = [i for i in nonblank if i < header]
    if (
        before
        and before[-1] == header - 1
        and _is_sub_header(rows[header - 1], rows[header], [rows[j] for j in after[:20]])
    ):
        header -= 1  # a band of group names above the labels
        layout.header = [header, header + 1]
    elif len(after) >= 2:
        second = after[0]
        if second == header + 1 and _is_sub_header(
            rows[header], rows[second], [rows[j] for j in after[1:21]]
        ):
            layout.header.append(second)
    last_header = layout.header[-1]
    layout.first_data = last_header + 1
    layout.title = [i for i in nonblank if i < header]
    layout.blank_above = [i for i in range(header) if i not in set(nonblank)]
    return layout


def sub_header_below(rows: Sequence[Row], pos: int) -> bool:
    """True when the row under the header at ``pos`` is a second header row (labels under groups)."""
    after = [i for i in range(pos + 1, len(rows)) if filled(rows[i])]
    return (
        len(after) >= 2
        and after[0] == pos + 1
        and _is_sub_header(rows[pos], rows[pos + 1], [rows[j] for j in after[1:21]])
    )


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
    """One name per column from one or two header rows (group name carried over merged cells)."""
    if not rows:
        return [""] * width
    if len(rows) == 1:
        return [_clean(rows[0][j]) if j < len(rows[0]) else "" for j in range(width)]
    top, second = rows[0], rows[1]
    names = []
    group = ""
    for j in range(width):
        t = _clean(top[j]) if j < len(top) else ""
        s = _clean(second[j]) if j < len(second) else ""
        if t:
            group = t
        if s and (t or group) and s != (t or group):
            names.append(f"{t or group} - {s}")
        else:
            names.append(t or s)
            if not s and not t:
                group = ""
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
