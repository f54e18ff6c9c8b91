"""Foreign keys that point into the same table (``"reference": {"resource": ""}``), as frictionless checks them.

Each row's key (the typed values of the key's fields) must be among the keys the referenced fields
hold somewhere in the table; a row whose key cells are all empty is not checked. Values are compared
typed, as frictionless does (``01`` and ``1`` are the same integer). A reference to another table
cannot be checked on one file and is left out (the national validator validates one table too).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from capnum_desktop.core.validation.report import empty_frame
from capnum_desktop.core.validation.schema_view import SchemaView
from capnum_desktop.core.validation.sentences import encode


def _names(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value or []]


def _typed(view: SchemaView, df: pd.DataFrame, name: str) -> np.ndarray:
    """The column's typed values (None for missing or unreadable cells), each distinct text read once."""
    field = next(f for f in view.fl_schema.fields if f.name == name)
    reader = field.create_value_reader()
    missing = set(view.fl_schema.missing_values or [""])
    codes, uniques = pd.factorize(df[name].astype(str), sort=False)
    typed = np.empty(len(uniques), dtype=object)
    typed[:] = [None if u in missing else reader(u) for u in uniques]
    out = np.empty(len(codes), dtype=object)
    out[:] = typed[codes] if len(uniques) else None
    return out


def self_reference_errors(view: SchemaView, df: pd.DataFrame) -> pd.DataFrame:
    """One ``foreign-key`` error per row whose key is not found among the referenced keys."""
    parts = []
    columns = set(map(str, df.columns))
    for fk in view.descriptor.get("foreignKeys") or []:
        if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
            continue
        ref = fk["reference"]
        if ref.get("resource"):
            continue
        local, target = _names(fk.get("fields")), _names(ref.get("fields"))
        if not local or len(local) != len(target) or not set(local + target) <= columns:
            continue
        cache: dict[str, np.ndarray] = {}
        for name in {*local, *target}:
            cache[name] = _typed(view, df, name)
        keys = list(zip(*(cache[n] for n in local), strict=True))
        known = set(zip(*(cache[n] for n in target), strict=True))
        bad = np.array([any(v is not None for v in k) and k not in known for k in keys], dtype=bool)
        if not bad.any():
            continue
        idx = np.flatnonzero(bad)
        values = [" | ".join("" if v is None else str(v) for v in keys[i]) for i in idx]
        field = ", ".join(local)
        detail = encode(reference=target)
        parts.append(pd.DataFrame({
            "row": pd.array(df.index.to_numpy()[idx].astype(np.int64), dtype="Int64"),
            "field": [field] * len(idx), "code": ["foreign-key"] * len(idx), "constraint": [""] * len(idx),
            "value": values, "severity": ["error"] * len(idx), "detail": [detail] * len(idx),
        }))
    return pd.concat(parts, ignore_index=True) if parts else empty_frame()
