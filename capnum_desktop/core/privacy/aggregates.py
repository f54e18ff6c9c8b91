"""Statistical secrecy for aggregate tables: small counts are secret, with secondary suppression.

Method (documented in the processing report):

1. Primary suppression: every count from 1 to ``threshold`` (10 by default: fewer than 11 persons,
   DGFiP/INSEE rule) is secret. Zero is not secret by itself.
2. Secondary suppression: the table is read as equations whose sums could be published:
   - each count column over its data rows (its total row when the table has one; when it has none we
     assume the column total is known elsewhere — the cautious reading);
   - each row over its count columns, when a row-total column is given.
   Whenever an equation holds exactly one secret cell, the secret could be recomputed by
   subtraction, so a second cell of that equation is made secret: the smallest non-zero
   non-secret count (a total cell only if nothing else is left). This is repeated until no
   equation holds a single secret — a greedy pass, as the INSEE handbook accepts for 2-D tables;
   hierarchical tables need τ-Argus-like optimisation and are out of scope.
3. Secret cells are written as ``marker`` (empty by default) so nobody reads a fake number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from capnum_desktop.core.errors import CapnumError
from capnum_desktop.core.privacy.rules import fold
from capnum_desktop.core.table import Table

Cell = tuple[int, str]  # (position of the row in the table, column)


@dataclass
class SmallCountResult:
    """Which cells were made secret (by source row number and column) and why."""

    threshold: int
    primary: list[tuple[int, str]] = field(default_factory=list)
    secondary: list[tuple[int, str]] = field(default_factory=list)
    total_rows: list[int] = field(default_factory=list)
    total_column: str | None = None
    method: str = "primary 1..threshold + greedy secondary suppression on row and column equations"

    def to_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "primary": [list(c) for c in self.primary],
                "secondary": [list(c) for c in self.secondary], "primary_count": len(self.primary),
                "secondary_count": len(self.secondary), "total_rows": list(self.total_rows),
                "total_column": self.total_column, "method": self.method}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SmallCountResult:
        return cls(int(data["threshold"]), [tuple(c) for c in data.get("primary", [])],
                   [tuple(c) for c in data.get("secondary", [])], list(data.get("total_rows", [])),
                   data.get("total_column"), data.get("method", ""))


def _as_int(text: str) -> int | None:
    cleaned = str(text).strip().replace(" ", "").replace("\u00a0", "")
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    return int(cleaned) if cleaned.lstrip("-").isdigit() else None


def suppress_small_counts(table: Table, count_columns: list[str], *, threshold: int = 10,
                          total_column: str | None = None, label_column: str | None = None,
                          total_label: str = "total", marker: str = "") -> tuple[Table, SmallCountResult]:
    """Blank the counts 1..``threshold`` and enough other cells that none can be recomputed from totals."""
    if not 1 <= threshold <= 10:
        raise CapnumError("Le seuil du secret statistique doit être compris entre 1 et 10.",
                          "Choisissez un seuil de 1 à 10 (10 par défaut : moins de 11 personnes).")
    missing = [c for c in [*count_columns, total_column, label_column] if c and c not in table.df.columns]
    if missing:
        raise CapnumError(f"Colonnes introuvables : {', '.join(missing)}.", "Choisissez des colonnes du tableau.")
    df = table.df
    n = len(df)
    total_positions: list[int] = []
    if label_column:
        labels = df[label_column].astype(str).map(fold)
        total_positions = [i for i, lab in enumerate(labels) if fold(total_label) in lab]
    inner = [i for i in range(n) if i not in set(total_positions)]
    value_columns = [*count_columns, *([total_column] if total_column else [])]
    values: dict[Cell, int | None] = {(i, c): _as_int(df[c].iat[i]) for i in range(n) for c in value_columns}

    equations: list[list[Cell]] = []
    for c in value_columns:
        if total_positions:
            for t in total_positions:
                equations.append([(i, c) for i in inner] + [(t, c)])
        else:
            equations.append([(i, c) for i in inner])
    if total_column:
        for i in range(n):
            equations.append([(i, c) for c in count_columns] + [(i, total_column)])

    secret = {cell for cell, val in values.items() if val is not None and 1 <= val <= threshold}
    primary = sorted(secret)
    secondary: list[Cell] = []
    totals = {(t, c) for t in total_positions for c in value_columns} | (
        {(i, total_column) for i in range(n)} if total_column else set())
    changed = True
    while changed:
        changed = False
        for eq in equations:
            hidden = [cell for cell in eq if cell in secret]
            if len(hidden) != 1:
                continue
            open_cells = [cell for cell in eq if cell not in secret and values.get(cell) is not None]
            if not open_cells:
                continue
            inner_cells = [cell for cell in open_cells if cell not in totals] or open_cells
            positive = [cell for cell in inner_cells if (values[cell] or 0) > 0] or inner_cells
            pick = min(positive, key=lambda cell: (values[cell], cell))
            secret.add(pick)
            secondary.append(pick)
            changed = True

    out = df.copy()
    for i, c in secret:
        out.iat[i, out.columns.get_loc(c)] = marker
    rows = list(df.index)
    result = SmallCountResult(
        threshold=threshold,
        primary=[(int(rows[i]), c) for i, c in primary],
        secondary=[(int(rows[i]), c) for i, c in secondary],
        total_rows=[int(rows[i]) for i in total_positions],
        total_column=total_column,
    )
    return table.with_df(out), result
