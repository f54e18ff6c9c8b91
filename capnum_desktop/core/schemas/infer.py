"""Infer a Table Schema from a text table, for an agent who starts with no standard.

Types are chosen only when (nearly) every non-empty value converts, so the inferred schema accepts the
file it came from once conformed; French writings count (``12,5`` is a number, ``15/03/2024`` a date).
Identifiers with leading zeros stay strings. The result is a starting point the user edits.
"""

from __future__ import annotations

import copy
import hashlib
import re
from typing import Any

import pandas as pd

from capnum_desktop.core.schemas.catalogue import Schema, schema_from_descriptor
from capnum_desktop.core.schemas.convert import convert_values
from capnum_desktop.core.schemas.matching import detect_null_tokens
from capnum_desktop.core.table import Table

SAMPLE_ROWS = 20_000
_EMAIL = r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$"
_URL = r"^https?://\S+$"
_LEADING_ZERO = r"^0\d+$"


def infer_schema(table: Table, *, name: str | None = None, title: str | None = None) -> Schema:
    """A Table Schema whose fields are the table's columns, with types, required and formats inferred."""
    nulls = detect_null_tokens(table)
    fields = [_infer_field(str(c), table.df[c], nulls) for c in table.df.columns]
    stem = name or _slug(table.source.path.stem if table.source and table.source.path else "donnees")
    descriptor: dict[str, Any] = {
        "name": stem,
        "title": title or (f"Schéma déduit de {table.source.path.name}" if table.source else "Schéma déduit"),
        "description": "Schéma déduit automatiquement des données par CapNum ; à relire et compléter.",
        "fields": fields,
        "missingValues": [""],
    }
    return schema_from_descriptor(descriptor, schema_id=stem, source="inferred")


def _slug(text: str) -> str:
    from capnum_desktop.core.schemas.text import fold

    return re.sub(r"\s+", "-", fold(text)) or "donnees"


def _infer_field(column: str, series: pd.Series, nulls: tuple[str, ...]) -> dict[str, Any]:
    """The field for one column; memoised on the sampled values, since ``prepare`` infers again after the
    Protect step and most columns come out of it unchanged."""
    values = series.head(SAMPLE_ROWS).astype(str).str.strip()
    hashes = pd.util.hash_pandas_object(values, index=False).to_numpy()
    key = (column, nulls, str(values.dtype), hashlib.blake2b(hashes.tobytes(), digest_size=16).digest())
    cached = _FIELDS.get(key)
    if cached is None:
        cached = _infer_values(column, values, nulls)
        _FIELDS[key] = cached
        while len(_FIELDS) > _FIELDS_KEPT:
            del _FIELDS[next(iter(_FIELDS))]
    return copy.deepcopy(cached)


_FIELDS: dict[tuple[Any, ...], dict[str, Any]] = {}
_FIELDS_KEPT = 256


def _infer_values(column: str, values: pd.Series, nulls: tuple[str, ...]) -> dict[str, Any]:
    present = values[(values != "") & ~values.isin(nulls)]
    field: dict[str, Any] = {"name": column, "title": column, "type": "string"}
    constraints: dict[str, Any] = {}
    if len(present) and len(present) == len(values):
        constraints["required"] = True
    if len(present):
        distinct = pd.Series(present.drop_duplicates().to_numpy(), dtype=object).astype(str)
        field.update(_infer_type(distinct))
        unique = len(present) >= 20 and len(present) == len(distinct)
        if field["type"] == "string" and unique and distinct.str.len().max() <= 256:
            constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def _infer_type(distinct: pd.Series) -> dict[str, Any]:
    if distinct.str.match(_LEADING_ZERO).any():
        return {"type": "string"}  # codes (01000, 0612…) keep their zeros
    for kind in ("boolean", "integer", "number", "date", "datetime"):
        probe = {"type": kind}
        if _all_convert(distinct, probe):
            if kind == "boolean" and distinct.str.match(r"^[01]$").all():
                continue  # 0/1 columns are counts as often as flags
            if kind == "boolean":
                return {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
            return probe
    if distinct.str.match(_EMAIL).all():
        return {"type": "string", "format": "email"}
    if distinct.str.match(_URL).all():
        return {"type": "string", "format": "uri"}
    return {"type": "string"}


def _all_convert(distinct: pd.Series, field: dict[str, Any]) -> bool:
    # each value converts on its own, so a failure among the first few settles it without the rest
    if len(distinct) > _PROBE and convert_values(distinct.head(_PROBE), field).bad.any():
        return False
    converted = convert_values(distinct, field)
    return not bool(converted.bad.any())


_PROBE = 200
