"""Schemas no validator can use: refused when loaded, with a coded error (``capnum`` exits 2).

CapNum loads published schemas tolerantly (a ``name`` with capitals or a ``required`` written at the
field's level only give a warning, as the national validator still validates with them). Some
schemas cannot be validated against at all, and the national validator stops with a schema error:
a primary key, unique key or foreign key naming a field the schema does not have, a field name
used twice, an unknown field type, a constraint whose value cannot be read (``enum`` that is not a
list, ``pattern`` that is not a regular expression, a length that is not a number). Those are
refused here, before any file is read.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from capnum_desktop.core.errors import SchemaError

FIELD_TYPES = {
    "string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year",
    "yearmonth", "duration", "geopoint", "geojson", "any",
}
_LENGTHS = ("minLength", "maxLength")


def schema_problem_codes(descriptor: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """What makes ``descriptor`` unusable, as (sentence key of core/error_sentences.py, parameters)."""
    fields = [f for f in descriptor.get("fields") or [] if isinstance(f, dict)]
    names = [str(f.get("name", "")) for f in fields]
    known = set(names)
    problems: list[tuple[str, dict[str, Any]]] = []
    for name, n in Counter(names).items():
        if name and n > 1:
            problems.append(("schema.field-twice", {"field": name, "times": n}))
    for field in fields:
        problems.extend(_field_problems(field))
    for name in _names(descriptor.get("primaryKey")):
        if name not in known:
            problems.append(("schema.primary-key-unknown", {"field": name}))
    for unique in descriptor.get("uniqueKeys") or []:
        for name in _names(unique):
            if name not in known:
                problems.append(("schema.unique-key-unknown", {"field": name}))
    for fk in descriptor.get("foreignKeys") or []:
        problems.extend(_foreign_key_problems(fk, known))
    return problems


def refuse_unusable(descriptor: dict[str, Any]) -> None:
    """Raise :class:`SchemaError` (with what to do) if ``descriptor`` cannot be validated against."""
    problems = schema_problem_codes(descriptor)
    if len(problems) > 5:
        raise SchemaError.coded("unusable-schema-more", hint="unusable-schema.hint", problems_list=problems[:5],
                                more_count=len(problems) - 5)
    if problems:
        raise SchemaError.coded("unusable-schema", problems_list=problems)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def _field_problems(field: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    name = field.get("name", "")
    out: list[tuple[str, dict[str, Any]]] = []
    ftype = field.get("type", "any") or "any"
    if ftype not in FIELD_TYPES:
        out.append(("schema.unknown-type", {"field": name, "type": ftype}))
    constraints = field.get("constraints")
    if constraints is None:
        return out
    if not isinstance(constraints, dict):
        return [*out, ("schema.constraints-unreadable", {"field": name})]
    if "enum" in constraints and not isinstance(constraints["enum"], list):
        out.append(("schema.enum-not-list", {"field": name}))
    pattern = constraints.get("pattern")
    if pattern is not None:
        try:
            re.compile(str(pattern))
        except re.error:
            out.append(("schema.bad-pattern", {"field": name}))
    for key in _LENGTHS:
        value = constraints.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            out.append(("schema.length-not-integer", {"field": name, "constraint": key}))
    return out


def _foreign_key_problems(fk: Any, known: set[str]) -> list[tuple[str, dict[str, Any]]]:
    if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
        return [("schema.foreign-key-malformed", {})]
    out = [("schema.foreign-key-unknown", {"field": n}) for n in _names(fk.get("fields")) if n not in known]
    ref = fk["reference"]
    if not ref.get("resource"):  # a reference to this same table
        out += [("schema.foreign-key-target-unknown", {"field": n}) for n in _names(ref.get("fields")) if n not in known]
    if len(_names(fk.get("fields"))) != len(_names(ref.get("fields"))):
        out.append(("schema.foreign-key-sizes", {}))
    return out
