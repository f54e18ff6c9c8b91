"""Columns that spell, row by row, the name held by a name column: a link to the person's page
(``…/senateur/bertrand_alain11081p.html``), a login, a file name, an identifier built from the name.

Removing « Nom » and « Prénom » while publishing such a column gives the names back (the person stays
identifiable, RGPD art. 4(1)). Nothing in the column's header or in its values alone says so: only the
comparison with the same row's name does, which is what this module measures, on the first rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from capnum_desktop.core.privacy.rules import fold

ROWS = 2000
"""Rows compared (the first ones): enough to see a column that repeats the name on most rows."""
MIN_ROWS = 5
"""Fewer rows with both a name and a value prove nothing."""
MIN_SHARE = 0.5
"""Share of those rows whose value contains a word of the row's name for the column to be flagged."""
MIN_WORD = 3
"""Shorter name words (« Li », « Ba ») would be found by chance inside other words."""

_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class NameLeak:
    """How often ``column`` contains a word of the same row's name (from ``name_columns``)."""

    column: str
    name_columns: tuple[str, ...]
    matched: int
    compared: int
    example_row: int | None  # the source row of a first match, to cite (never the value itself)

    @property
    def share(self) -> float:
        return self.matched / self.compared if self.compared else 0.0


def _words(value: object, particles: frozenset[str]) -> set[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return set()
    return {w for w in _LETTERS.findall(fold(str(value))) if len(w) >= MIN_WORD and w not in particles}


def name_words_by_row(df: pd.DataFrame, name_columns: Sequence[str],
                      particles: Iterable[str] = ()) -> list[set[str]]:
    """The words of each row's name (all name columns together), first :data:`ROWS` rows."""
    skip = frozenset(fold(p) for p in particles)
    head = df.iloc[:ROWS]
    rows: list[set[str]] = [set() for _ in range(len(head))]
    for column in name_columns:
        for i, value in enumerate(head[column].tolist()):
            rows[i] |= _words(value, skip)
    return rows


def measure_leak(df: pd.DataFrame, column: str, name_columns: Sequence[str], names: list[set[str]]) -> NameLeak:
    """Rows of ``column`` (first :data:`ROWS`) that contain a word of the row's name, over the rows with both."""
    matched = compared = 0
    example: int | None = None
    head = df.iloc[: len(names)]
    for i, value in enumerate(head[column].tolist()):
        name = names[i]
        if not name or value is None or not str(value).strip():
            continue
        compared += 1
        if name & set(_LETTERS.findall(fold(str(value)))):
            matched += 1
            if example is None:
                example = _row_number(head.index[i], i)
    return NameLeak(column, tuple(name_columns), matched, compared, example)


def _row_number(label: object, position: int) -> int:
    """The source row number the table is indexed by (its position when the index is not a number)."""
    try:
        return int(str(label))
    except ValueError:
        return position


def is_leak(leak: NameLeak) -> bool:
    return leak.compared >= MIN_ROWS and leak.share >= MIN_SHARE
