"""Which source column feeds which schema field: the user's (or our proposed) choice, as a value object.

A :class:`Mapping` is immutable; every change returns a new one, so the GUI can keep undo history and a
recipe can store it as JSON. One column feeds at most one field and one field takes at most one column,
except where the user explicitly copies a column into a second field (``copies``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from capnum_desktop.core.schemas.catalogue import Schema


@dataclass(frozen=True)
class Mapping:
    """Source column -> field (or None), constants per field, extra columns kept, confidence per column."""

    columns: dict[str, str | None] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    keep_extra: tuple[str, ...] = ()
    confidence: dict[str, float] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)  # field -> source column already used elsewhere
    null_values: tuple[str, ...] = ()  # source tokens that mean "empty" (NA, NC, #, null…)

    # ----------------------------------------------------------------------------------------- reading
    def field_for(self, column: str) -> str | None:
        return self.columns.get(column)

    def column_for(self, field_name: str) -> str | None:
        """The source column that feeds ``field_name`` (directly or as a copy), if any."""
        for column, target in self.columns.items():
            if target == field_name:
                return column
        return self.copies.get(field_name)

    @property
    def mapped_fields(self) -> list[str]:
        return [f for f in self.columns.values() if f] + list(self.copies)

    @property
    def unmapped_columns(self) -> list[str]:
        return [c for c, f in self.columns.items() if not f]

    @property
    def extra_columns(self) -> list[str]:
        """Source columns that feed no field and are not kept: they will not be exported."""
        return [c for c in self.unmapped_columns if c not in self.keep_extra]

    def is_filled(self, field_name: str) -> bool:
        return self.column_for(field_name) is not None or field_name in self.constants

    # ---------------------------------------------------------------------------------------- changing
    def with_column(self, column: str, field_name: str | None) -> Mapping:
        """Map ``column`` to ``field_name`` (None: to nothing); the field leaves any other column or constant."""
        columns = dict(self.columns)
        if field_name:
            for other, target in columns.items():
                if target == field_name and other != column:
                    columns[other] = None
        columns[column] = field_name
        constants = {k: v for k, v in self.constants.items() if k != field_name}
        copies = {k: v for k, v in self.copies.items() if k != field_name}
        confidence = dict(self.confidence)
        confidence[column] = 1.0 if field_name else 0.0
        keep = tuple(c for c in self.keep_extra if c != column) if field_name else self.keep_extra
        return replace(
            self, columns=columns, constants=constants, copies=copies, confidence=confidence, keep_extra=keep
        )

    def with_copy(self, field_name: str, column: str) -> Mapping:
        """Also feed ``field_name`` from ``column`` (which may already feed another field)."""
        mapping = self.without_field(field_name)
        return replace(mapping, copies={**mapping.copies, field_name: column})

    def with_constant(self, field_name: str, value: str) -> Mapping:
        """Fill ``field_name`` with the same ``value`` on every row (e.g. the bureau's name)."""
        mapping = self.without_field(field_name)
        return replace(mapping, constants={**mapping.constants, field_name: str(value)})

    def without_field(self, field_name: str) -> Mapping:
        """Leave ``field_name`` empty: no column, no copy, no constant."""
        columns = {c: (None if f == field_name else f) for c, f in self.columns.items()}
        constants = {k: v for k, v in self.constants.items() if k != field_name}
        copies = {k: v for k, v in self.copies.items() if k != field_name}
        return replace(self, columns=columns, constants=constants, copies=copies)

    def with_kept(self, column: str, keep: bool = True) -> Mapping:
        """Keep (or drop) an unmapped source column in the export, after the schema's fields."""
        kept = [c for c in self.keep_extra if c != column]
        if keep:
            kept.append(column)
        return replace(self, keep_extra=tuple(kept))

    def with_null_values(self, tokens: tuple[str, ...] | list[str]) -> Mapping:
        return replace(self, null_values=tuple(dict.fromkeys(str(t) for t in tokens)))

    # ------------------------------------------------------------------------------------------ saving
    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": dict(self.columns),
            "constants": dict(self.constants),
            "keep_extra": list(self.keep_extra),
            "confidence": {k: round(float(v), 3) for k, v in self.confidence.items()},
            "copies": dict(self.copies),
            "null_values": list(self.null_values),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mapping:
        return cls(
            columns={str(k): (str(v) if v else None) for k, v in (data.get("columns") or {}).items()},
            constants={str(k): str(v) for k, v in (data.get("constants") or {}).items()},
            keep_extra=tuple(data.get("keep_extra") or ()),
            confidence={str(k): float(v) for k, v in (data.get("confidence") or {}).items()},
            copies={str(k): str(v) for k, v in (data.get("copies") or {}).items()},
            null_values=tuple(data.get("null_values") or ()),
        )


def missing_required(schema: Schema, mapping: Mapping) -> list[str]:
    """Required fields that no column, copy or constant fills (in schema order)."""
    return [name for name in schema.required_fields if not mapping.is_filled(name)]


def unknown_fields(schema: Schema, mapping: Mapping) -> list[str]:
    """Fields named by the mapping that the schema does not have (a recipe made for another version)."""
    names = set(schema.field_names)
    used = [f for f in mapping.columns.values() if f] + list(mapping.copies) + list(mapping.constants)
    return [f for f in used if f not in names]
