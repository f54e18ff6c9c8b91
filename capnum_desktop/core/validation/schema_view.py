"""One view of "the schema" for validation, whatever the caller holds.

``validate_table`` accepts the schemas engineer's ``Schema`` (it has ``.descriptor``), a plain Table
Schema descriptor dict, or a path to a schema.json. Frictionless 5 refuses some published
descriptors (a ``name`` with capitals, a ``pattern`` on a date): we load with ``allow_invalid`` so
those still validate, as the national validator does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # frictionless costs ~0.15 s to import: only a schema's validation needs it (issue 18)
    from frictionless import Schema as FlSchema

from capnum_desktop.core.errors import SchemaError
from capnum_desktop.core.validation.schema_check import refuse_unusable


@dataclass
class SchemaView:
    """The descriptor plus frictionless' parsed fields (which give us its exact cell readers)."""

    descriptor: dict[str, Any]
    fl_schema: FlSchema
    custom_checks: list[dict[str, Any]] = field(default_factory=list)
    schema_id: str = ""
    title: str = ""

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fl_schema.fields]

    @property
    def primary_key(self) -> list[str]:
        return list(self.fl_schema.primary_key or [])

    def field_descriptor(self, name: str) -> dict[str, Any]:
        for f in self.descriptor.get("fields", []):
            if f.get("name") == name:
                return f
        return {}

    def is_required(self, name: str) -> bool:
        constraints = self.field_descriptor(name).get("constraints") or {}
        return bool(constraints.get("required")) or name in self.primary_key


def schema_view(schema: Any) -> SchemaView:
    """Normalise a Schema object, a descriptor dict or a path into a :class:`SchemaView`."""
    if isinstance(schema, SchemaView):
        return schema
    schema_id = str(getattr(schema, "id", "") or "")
    title = str(getattr(schema, "title", "") or "")
    if isinstance(schema, (str, Path)):
        path = Path(schema)
        try:
            descriptor = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SchemaError.coded("schema-unreadable", name=path.name) from exc
        schema_id = schema_id or path.parent.name
    elif isinstance(schema, dict):
        descriptor = schema
    elif hasattr(schema, "descriptor"):
        descriptor = dict(schema.descriptor)
    else:
        raise SchemaError.coded("schema-not-recognised")
    if not isinstance(descriptor.get("fields"), list):
        raise SchemaError.coded("schema-no-fields")
    refuse_unusable(descriptor)
    clean = _frictionless_safe(descriptor)
    from frictionless import Schema as FlSchema

    try:
        fl = FlSchema.from_descriptor(clean, allow_invalid=True)
    except Exception as exc:  # frictionless raises its own exception types
        raise SchemaError(f"Le schéma ne peut pas être utilisé : {exc}") from exc
    checks = getattr(schema, "custom_checks", None)
    if checks is None or not isinstance(checks, list):
        checks = descriptor.get("custom_checks") or descriptor.get("customChecks") or []
    return SchemaView(
        descriptor=descriptor,
        fl_schema=fl,
        custom_checks=[c for c in checks if isinstance(c, dict)],
        schema_id=schema_id or str(descriptor.get("name", "") or ""),
        title=title or str(descriptor.get("title", "") or ""),
    )


def _frictionless_safe(descriptor: dict[str, Any]) -> dict[str, Any]:
    """A copy frictionless can load: drop non-standard keys it chokes on, keep every rule."""
    keep = {"fields", "missingValues", "primaryKey", "foreignKeys", "name", "title", "description"}
    out = {k: v for k, v in descriptor.items() if k in keep and k != "foreignKeys"}
    out["fields"] = [dict(f) for f in descriptor.get("fields", []) if isinstance(f, dict) and f.get("name")]
    return out
