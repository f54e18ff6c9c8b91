"""Schemas no validator can use: refused when loaded, with a French message (``capnum`` exits 2).

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


def schema_problems(descriptor: dict[str, Any]) -> list[str]:
    """What makes ``descriptor`` unusable, one French sentence each (empty: usable)."""
    fields = [f for f in descriptor.get("fields") or [] if isinstance(f, dict)]
    names = [str(f.get("name", "")) for f in fields]
    known = set(names)
    problems: list[str] = []
    for name, n in Counter(names).items():
        if name and n > 1:
            problems.append(f"le champ « {name} » est décrit {n} fois")
    for field in fields:
        problems.extend(_field_problems(field))
    for key, label in (("primaryKey", "la clé primaire (primaryKey)"),):
        for name in _names(descriptor.get(key)):
            if name not in known:
                problems.append(f"{label} cite le champ « {name} », que le schéma ne décrit pas")
    for unique in descriptor.get("uniqueKeys") or []:
        for name in _names(unique):
            if name not in known:
                problems.append(f"une clé d'unicité (uniqueKeys) cite le champ « {name} », que le schéma ne décrit pas")
    for fk in descriptor.get("foreignKeys") or []:
        problems.extend(_foreign_key_problems(fk, known))
    return problems


def refuse_unusable(descriptor: dict[str, Any], label: str = "Ce schéma") -> None:
    """Raise :class:`SchemaError` (French, with what to do) if ``descriptor`` cannot be validated against."""
    problems = schema_problems(descriptor)
    if problems:
        shown = " ; ".join(problems[:5]) + (f" ; et {len(problems) - 5} autre(s) problème(s)" if len(problems) > 5 else "")
        raise SchemaError(
            f"{label} ne peut pas servir à valider : {shown}.",
            "Corrigez le fichier de schéma (ou demandez-en une version corrigée à son producteur), "
            "ou choisissez un schéma du catalogue.",
        )


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def _field_problems(field: dict[str, Any]) -> list[str]:
    name = field.get("name", "")
    out: list[str] = []
    ftype = field.get("type", "any") or "any"
    if ftype not in FIELD_TYPES:
        out.append(f"le champ « {name} » a un type inconnu (« {ftype} »)")
    constraints = field.get("constraints")
    if constraints is None:
        return out
    if not isinstance(constraints, dict):
        return [*out, f"les contraintes du champ « {name} » ne sont pas lisibles"]
    if "enum" in constraints and not isinstance(constraints["enum"], list):
        out.append(f"la liste de valeurs (enum) du champ « {name} » n'est pas une liste")
    pattern = constraints.get("pattern")
    if pattern is not None:
        try:
            re.compile(str(pattern))
        except re.error:
            out.append(f"la forme (pattern) du champ « {name} » n'est pas une expression régulière valide")
    for key in _LENGTHS:
        value = constraints.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            out.append(f"la contrainte {key} du champ « {name} » n'est pas un nombre entier")
    return out


def _foreign_key_problems(fk: Any, known: set[str]) -> list[str]:
    if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
        return ["une clé étrangère (foreignKeys) est mal formée"]
    out = [f"une clé étrangère cite le champ « {n} », que le schéma ne décrit pas"
           for n in _names(fk.get("fields")) if n not in known]
    ref = fk["reference"]
    if not ref.get("resource"):  # a reference to this same table
        out += [f"une clé étrangère renvoie au champ « {n} », que le schéma ne décrit pas"
                for n in _names(ref.get("fields")) if n not in known]
    if len(_names(fk.get("fields"))) != len(_names(ref.get("fields"))):
        out.append("une clé étrangère n'a pas autant de champs que le champ qu'elle référence")
    return out
