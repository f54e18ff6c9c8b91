"""Re-identification risk: k-anonymity over the quasi-identifiers kept, and a one-click fix.

k is the size of the smallest group of rows sharing the same combination of quasi-identifier values;
rows in groups smaller than the target k (11 by default, the DGFiP/INSEE rule for persons) could be
singled out (G29 opinion 05/2014). The fix generalises the quasi-identifiers step by step, then
empties the quasi-identifiers of the rows still at risk, and drops them only if that is not enough.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from capnum_desktop.core.privacy.generalise import LADDERS, METHOD_LABELS, generalise_series
from capnum_desktop.core.privacy.sentences import say
from capnum_desktop.core.table import Table


@dataclass(frozen=True)
class KAnonymityResult:
    """Smallest group size (None without quasi-identifiers) and how many rows sit in groups below ``target``."""

    quasi_identifiers: tuple[str, ...]
    k: int | None
    target: int
    rows_at_risk: int
    groups_at_risk: int = 0
    row_count: int = 0

    @property
    def ok(self) -> bool:
        return self.k is None or self.k >= self.target

    def phrase(self) -> tuple[tuple[str, dict[str, Any]], ...]:
        """The result as a code and parameters (``core/privacy/sentences.py``; issue 16)."""
        if self.k is None:
            return (("k.not-measured", {}),)
        columns = list(self.quasi_identifiers)
        if self.ok:
            return (("k.ok", {"columns": columns, "k": self.k, "target": self.target}),)
        if self.rows_at_risk == 1:  # then k is 1: the row is alone in its group
            return (("k.at-risk.one", {"rows": 1, "target": self.target, "columns": columns}),)
        return (("k.at-risk", {"rows": self.rows_at_risk, "target": self.target, "columns": columns,
                               "smallest_count": self.k, "smallest_count_forms": "lines"}),)

    def sentence(self, lang: str = "fr") -> str:
        """The result in words for the user, in French unless ``lang`` says otherwise."""
        return say(self.phrase(), lang)

    def to_dict(self) -> dict[str, Any]:
        return {"quasi_identifiers": list(self.quasi_identifiers), "k": self.k, "target": self.target,
                "rows_at_risk": self.rows_at_risk, "groups_at_risk": self.groups_at_risk,
                "row_count": self.row_count, "sentence": self.sentence()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KAnonymityResult:
        return cls(tuple(data.get("quasi_identifiers", [])), data.get("k"), int(data.get("target", 11)),
                   int(data.get("rows_at_risk", 0)), int(data.get("groups_at_risk", 0)), int(data.get("row_count", 0)))


_DENSE = 1 << 62  # combined codes are packed again before they could pass this (no int64 overflow)


def column_codes(series: pd.Series) -> tuple[np.ndarray, int]:
    """A quasi-identifier column as integers for :func:`combine_codes`: 0 for a missing cell (None, NaN:
    one value of their own, as ``groupby(dropna=False)`` has them), 1… for its distinct values; and how many."""
    codes, uniques = pd.factorize(series)  # Arrow's dictionary encoding for a ``str`` column
    return codes + 1, len(uniques) + 1


def combine_codes(columns: Iterable[tuple[np.ndarray, int]], rows: int) -> tuple[np.ndarray, int]:
    """One integer per row, the same for rows with the same codes in every column, and how many integers
    (some may belong to no row: combinations absent from the table). Packed again before the product of
    the columns' counts could overflow int64, and at the end when sparse (``np.bincount`` needs few)."""
    key = np.zeros(rows, dtype=np.int64)
    size = 1
    for codes, width in columns:
        if size * width >= _DENSE:
            key, packed = pd.factorize(key)
            size = len(packed)
        key = key * width + codes
        size *= width
    if size > 4 * rows + 1024:
        key, packed = pd.factorize(key)
        size = len(packed)
    return key, size


def group_codes(df: pd.DataFrame, quasi_identifiers: list[str]) -> tuple[np.ndarray, int]:
    """One integer per row, the same for rows sharing every quasi-identifier value, and how many integers.

    Each column is factorised once and the codes are combined arithmetically, instead of a groupby hashing
    Python strings row by row (issue 18)."""
    return combine_codes((column_codes(df[column]) for column in quasi_identifiers), len(df))


def group_sizes(df: pd.DataFrame, quasi_identifiers: list[str]) -> pd.Series:
    """For every row, the number of rows sharing its quasi-identifier values (aligned on ``df``)."""
    key, size = group_codes(df, list(quasi_identifiers))
    counts = np.bincount(key, minlength=size)
    return pd.Series(counts[key], index=df.index, name=quasi_identifiers[0], dtype=np.int64)


# The group counts of the last measures over Arrow columns, with weak references to those columns' arrays:
# the scan and then apply_plan measure the same conformed columns (issue 18). An Arrow array never changes
# (pandas puts a new one in a column it writes to), so the same arrays alive mean the same counts.
_MEASURED: list[tuple[tuple[weakref.ref[Any], ...], np.ndarray]] = []
_MEASURED_KEPT = 2


def group_counts(df: pd.DataFrame, quasi_identifiers: list[str]) -> np.ndarray:
    """How many rows each group of rows sharing their quasi-identifier values holds (any order)."""
    arrays = [getattr(df[c].array, "_pa_array", None) for c in quasi_identifiers]
    known = all(a is not None for a in arrays) and len(set(map(id, arrays))) == len(arrays)
    if known:
        arrays.sort(key=id)  # the counts do not depend on the columns' order
        measured = list(_MEASURED)
        for refs, counts in measured:
            if len(refs) == len(arrays) and all(ref() is a for ref, a in zip(refs, arrays, strict=True)):
                # first again: the table being protected stays known while each new output comes and goes
                _MEASURED[:] = [(refs, counts), *(m for m in measured if m[0] is not refs)]
                return counts
    counts = _counts(*group_codes(df, quasi_identifiers))
    if known:
        refs = tuple(weakref.ref(a, _forget_measure) for a in arrays)
        _MEASURED[:] = [(refs, counts), *_MEASURED[: _MEASURED_KEPT - 1]]
    return counts


def _forget_measure(dead: weakref.ref[Any]) -> None:
    """A measured column is gone: its counts go too (nothing is kept for a table no one holds)."""
    _MEASURED[:] = [m for m in _MEASURED if dead not in m[0]]


def _counts(key: np.ndarray, size: int) -> np.ndarray:
    counts = np.bincount(key, minlength=size)
    return counts[counts > 0]  # one per group of rows


def _result(qis: list[str], counts: np.ndarray, k: int, rows: int) -> KAnonymityResult:
    small = counts[counts < k]
    return KAnonymityResult(tuple(qis), int(counts.min()), k, int(small.sum()), len(small), rows)


def k_anonymity(table: Table, quasi_identifiers: list[str], k: int = 11) -> KAnonymityResult:
    qis = [c for c in quasi_identifiers if c in table.df.columns]
    if not qis or table.row_count == 0:
        return KAnonymityResult(tuple(qis), None, k, 0, 0, table.row_count)
    return _result(qis, group_counts(table.df, qis), k, table.row_count)


def enforce_k_anonymity(table: Table, quasi_identifiers: list[str], k: int = 11,
                        categories: dict[str, str] | None = None) -> tuple[Table, list[dict[str, Any]]]:
    """Generalise (along each category's ladder) then suppress until every group has at least ``k`` rows.

    ``categories`` maps a quasi-identifier column to its category id (age, postal_code…) to know how
    to generalise it; columns without a ladder are only suppressed. Returns the new table and the
    steps taken (JSON-able, no cell value).
    """
    categories = categories or {}
    qis = [c for c in quasi_identifiers if c in table.df.columns]
    steps: list[dict[str, Any]] = []
    current = table
    result = k_anonymity(current, qis, k)
    if result.ok:
        return current, steps
    original = table.df
    rungs = {c: list(LADDERS.get(categories.get(c, ""), [])) for c in qis}
    # each trial changes one column: the others' codes are those of the current table, made once (issue 18)
    codes = {c: column_codes(current.df[c]) for c in qis} if any(rungs.values()) else {}
    while not result.ok and any(rungs.values()):
        best = None
        for column, ladder in rungs.items():
            if not ladder:
                continue
            method, params = ladder[0]
            df = current.df.copy()
            df[column] = generalise_series(original[column], method, params)
            filled = original[column] != ""
            unreadable = filled.any() and (df.loc[filled, column] == "").mean() > 0.5
            if unreadable or df[column].equals(current.df[column]):
                ladder.pop(0)  # cannot read most values (commune names) or changes nothing: not a step
                continue
            trial_codes = {**codes, column: column_codes(df[column])}
            trial = _result(qis, _counts(*combine_codes((trial_codes[c] for c in qis), len(df))), k, len(df))
            if best is None or trial.rows_at_risk < best[2].rows_at_risk:
                best = (column, df, trial, method, params, trial_codes)
        if best is None:
            continue
        column, df, trial, method, params, codes = best
        rungs[column].pop(0)
        current, result = current.with_df(df), trial
        steps.append({"action": "generalise", "column": column, "method": method, "params": dict(params),
                      "label": METHOD_LABELS.get(method, method), "rows_at_risk_after": trial.rows_at_risk,
                      "k_after": trial.k})
    if not result.ok:
        df = current.df.copy()
        sizes = group_sizes(df, qis)
        at_risk = sizes < k
        df.loc[at_risk, qis] = ""
        current = current.with_df(df)
        result = k_anonymity(current, qis, k)
        steps.append({"action": "suppress", "columns": list(qis), "rows": int(at_risk.sum()),
                      "rows_at_risk_after": result.rows_at_risk, "k_after": result.k})
    if not result.ok:
        sizes = group_sizes(current.df, qis)
        keep = sizes >= k
        dropped = int((~keep).sum())
        current = current.with_df(current.df[keep])
        result = k_anonymity(current, qis, k)
        steps.append({"action": "drop_rows", "rows": dropped, "rows_at_risk_after": result.rows_at_risk,
                      "k_after": result.k})
    return current, steps
