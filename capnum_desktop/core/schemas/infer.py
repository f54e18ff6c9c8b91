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

import numpy as np
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
    fields = _infer_fields([(str(c), table.df[c]) for c in table.df.columns], nulls)
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


def _infer_fields(columns: list[tuple[str, pd.Series]], nulls: tuple[str, ...]) -> list[dict[str, Any]]:
    """The field of each column; memoised on the sampled values, since ``prepare`` infers again after the
    Protect step and most columns come out of it unchanged. The columns to infer are probed together
    (see :func:`_probe_kinds`)."""
    keyed = []
    for column, series in columns:
        values = series.head(SAMPLE_ROWS).astype(str).str.strip()
        hashes = pd.util.hash_pandas_object(values, index=False).to_numpy()
        key = (column, nulls, str(values.dtype), hashlib.blake2b(hashes.tobytes(), digest_size=16).digest())
        keyed.append((key, column, values))
    found = {key: _FIELDS[key] for key, _c, _v in keyed if key in _FIELDS}
    todo = {key: _present_distinct(values, nulls) for key, _c, values in keyed if key not in found}
    probes = _probe_kinds([d for _present, d in todo.values() if d is not None and not _leading_zero(d)])
    for key, column, values in keyed:
        if key not in found:
            present, distinct = todo[key]
            found[key] = _infer_values(column, values, present, distinct, probes)
            _FIELDS[key] = found[key]
    while len(_FIELDS) > _FIELDS_KEPT:
        del _FIELDS[next(iter(_FIELDS))]
    return [copy.deepcopy(found[key]) for key, _c, _v in keyed]


_FIELDS: dict[tuple[Any, ...], dict[str, Any]] = {}
_FIELDS_KEPT = 256


def _present_distinct(values: pd.Series, nulls: tuple[str, ...]) -> tuple[pd.Series, pd.Series | None]:
    """The non-empty sampled values, and their distinct values as text (None when there is none)."""
    present = values[(values != "") & ~values.isin(nulls)]
    if not len(present):
        return present, None
    return present, pd.Series(present.drop_duplicates().to_numpy(), dtype=object).astype(str)


def _infer_values(
    column: str, values: pd.Series, present: pd.Series, distinct: pd.Series | None, probes: dict[int, set[str]]
) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column, "title": column, "type": "string"}
    constraints: dict[str, Any] = {}
    if len(present) and len(present) == len(values):
        constraints["required"] = True
    if distinct is not None:
        field.update(_infer_type(distinct, probes.get(id(distinct))))
        unique = len(present) >= 20 and len(present) == len(distinct)
        if field["type"] == "string" and unique and distinct.str.len().max() <= 256:
            constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field


_KINDS = ("boolean", "integer", "number", "date", "datetime")
_PROBE = 200


def _leading_zero(distinct: pd.Series) -> bool:
    return bool(distinct.str.match(_LEADING_ZERO).any())


def _probe_kinds(columns: list[pd.Series]) -> dict[int, set[str]]:
    """For each column's distinct values (by ``id``), the kinds whose probe (its first :data:`_PROBE`
    values) converts without a bad value.

    Each value converts on its own (conversion is value-wise), so one conversion per kind of every
    column's probe together gives each column the verdict its own probe would: 5 conversions for the
    table instead of up to 5 per column, whose fixed cost (~10 ms each) was most of inference (issue 18)."""
    if not columns:
        return {}
    heads = [d.head(_PROBE) for d in columns]
    batch = pd.concat(heads, ignore_index=True)
    stops = np.cumsum([len(h) for h in heads])
    passed: dict[int, set[str]] = {id(d): set() for d in columns}
    for kind in _KINDS:
        bad = convert_values(batch, {"type": kind}).bad.to_numpy()
        for d, stop, head in zip(columns, stops, heads, strict=True):
            if not bad[stop - len(head):stop].any():
                passed[id(d)].add(kind)
    return passed


def _infer_type(distinct: pd.Series, probed: set[str] | None = None) -> dict[str, Any]:
    """``probed``: the kinds whose probe passed (:func:`_probe_kinds`); None probes each kind here."""
    if _leading_zero(distinct):
        return {"type": "string"}  # codes (01000, 0612…) keep their zeros
    for kind in _KINDS:
        probe = {"type": kind}
        if _all_convert(distinct, probe, probed):
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


def _all_convert(distinct: pd.Series, field: dict[str, Any], probed: set[str] | None = None) -> bool:
    # each value converts on its own, so a failure among the first few settles it without the rest
    if probed is not None:
        if field["type"] not in probed:
            return False
        if len(distinct) <= _PROBE:
            return True  # the probe was every value
    elif len(distinct) > _PROBE and convert_values(distinct.head(_PROBE), field).bad.any():
        return False
    converted = convert_values(distinct, field)
    return not bool(converted.bad.any())
