"""The recipe: every choice made while preparing a file, to replay it on next month's file.

A versioned JSON document: read options (encoding, separator, sheet, header line), schema (id, or the
descriptor itself when inferred or edited), mapping (columns, constants, null tokens), personal-data
plan (actions and legal exceptions), manual edits (by source row and field) and export options.
It never holds a personal value: an edit of a personal field keeps only *where* it was made, and
:func:`personal_values_in` lets tests and the export check it.

:func:`prepare` and :func:`apply_recipe` (in :mod:`capnum_desktop.core.pipeline`) run the whole
pipeline headless; a recipe is made from a :class:`~capnum_desktop.core.preparation.Preparation`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from capnum_desktop import __version__
from capnum_desktop.core.edits import CellEdit, CellsPatch, ColumnEdit, Edit, edit_from_dict
from capnum_desktop.core.errors import RecipeError

RECIPE_VERSION = 1
KIND = "capnum-recipe"


@dataclass
class Recipe:
    """Every choice of a preparation, JSON-ready (see the module docstring)."""

    source: dict[str, Any] = field(default_factory=dict)  # file name and format only
    read: dict[str, Any] = field(default_factory=dict)  # ReadOptions.to_dict()
    schema: dict[str, Any] = field(default_factory=dict)  # {"id", "title", "descriptor"?}
    mapping: dict[str, Any] = field(default_factory=dict)  # Mapping.to_dict()
    conversions: dict[str, Any] = field(default_factory=dict)  # reserved for per-field conversion choices
    privacy: dict[str, Any] = field(default_factory=dict)  # PrivacyPlan.to_dict()
    personal_fields: list[str] = field(default_factory=list)
    edits: list[dict[str, Any]] = field(default_factory=list)  # Edit.to_dict(), personal values removed
    export: dict[str, Any] = field(default_factory=dict)  # ExportOptions.to_dict()
    created: str = ""
    version: int = RECIPE_VERSION
    app_version: str = __version__

    # ------------------------------------------------------------------------------------- building
    @classmethod
    def create(
        cls,
        *,
        source_path: str | Path | None = None,
        source_format: str = "",
        read_options: Any = None,
        schema: Any = None,
        mapping: Any = None,
        privacy_plan: Any = None,
        personal_fields: list[str] | None = None,
        edits: list[Edit] | None = None,
        export_options: Any = None,
        conversions: dict[str, Any] | None = None,
    ) -> Recipe:
        """A recipe from the pipeline's value objects (each has ``to_dict``)."""
        personal = sorted(set(personal_fields or []))
        recipe = cls(
            source={"file_name": Path(source_path).name if source_path else "", "format": source_format},
            read=_dict(read_options),
            schema=schema_entry(schema),
            mapping=_dict(mapping),
            conversions=dict(conversions or {}),
            privacy=_dict(privacy_plan),
            personal_fields=personal,
            export=_dict(export_options),
            created=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        )
        recipe.edits = [strip_personal(e, personal).to_dict() for e in (edits or [])]
        return recipe

    def with_edits(self, edits: list[Edit]) -> Recipe:
        return replace(self, edits=[strip_personal(e, self.personal_fields).to_dict() for e in edits])

    def edit_objects(self) -> list[Edit]:
        return [edit_from_dict(e) for e in self.edits]

    # -------------------------------------------------------------------------------------- saving
    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": KIND,
            "version": self.version,
            "app_version": self.app_version,
            "created": self.created,
            "source": self.source,
            "read": self.read,
            "schema": self.schema,
            "mapping": self.mapping,
            "conversions": self.conversions,
            "privacy": self.privacy,
            "personal_fields": self.personal_fields,
            "edits": self.edits,
            "export": self.export,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recipe:
        if not isinstance(data, dict) or data.get("kind") != KIND:
            raise RecipeError.coded("not-a-recipe")
        version = int(data.get("version", 0))
        if version > RECIPE_VERSION:
            raise RecipeError.coded("recipe-too-new", version=version)
        return cls(
            source=dict(data.get("source") or {}),
            read=dict(data.get("read") or {}),
            schema=dict(data.get("schema") or {}),
            mapping=dict(data.get("mapping") or {}),
            conversions=dict(data.get("conversions") or {}),
            privacy=dict(data.get("privacy") or {}),
            personal_fields=list(data.get("personal_fields") or []),
            edits=list(data.get("edits") or []),
            export=dict(data.get("export") or {}),
            created=str(data.get("created", "")),
            version=version or RECIPE_VERSION,
            app_version=str(data.get("app_version", "")),
        )

    def save(self, path: str | Path) -> None:
        from capnum_desktop.core.export.writers import write_json

        write_json(Path(path), self.to_dict())

    @classmethod
    def load(cls, path: str | Path) -> Recipe:
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise RecipeError.coded("recipe-not-found", name=p.name) from exc
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise RecipeError.coded("recipe-unreadable", name=p.name) from exc
        return cls.from_dict(data)


def schema_entry(schema: Any) -> dict[str, Any]:
    """How a recipe names its schema: the catalogue id, plus the descriptor unless it is a catalogue one."""
    if schema is None:
        return {}
    if isinstance(schema, dict) and "fields" not in schema:
        return dict(schema)
    if isinstance(schema, dict):
        return {"id": str(schema.get("name", "")), "title": str(schema.get("title", "")), "descriptor": schema}
    entry: dict[str, Any] = {"id": str(getattr(schema, "id", "")), "title": str(getattr(schema, "title", ""))}
    if getattr(schema, "source", "") != "catalogue":
        entry["descriptor"] = getattr(schema, "descriptor", None)
        entry["source"] = getattr(schema, "source", "")
    return entry


def strip_personal(edit: Edit, personal_fields: list[str] | set[str]) -> Edit:
    """The edit marked personal when its field is personal (its value is then never written)."""
    if edit.field not in set(personal_fields) or edit.personal:
        return edit
    if isinstance(edit, CellEdit):
        return CellEdit(edit.row, edit.field, edit.old, edit.new, personal=True)
    if isinstance(edit, CellsPatch):
        return CellsPatch(edit.field, edit.rows, edit.old, edit.new, personal=True)
    if isinstance(edit, ColumnEdit):
        return ColumnEdit(edit.field, edit.op, edit.find, edit.repl, edit.regex, edit.value, edit.rows, personal=True)
    return edit


def personal_values_in(recipe_dict: dict[str, Any], values: set[str], *, min_length: int = 3) -> list[str]:
    """Which of ``values`` (personal cells of the source) appear anywhere in the recipe's text."""
    text = json.dumps(recipe_dict, ensure_ascii=False)
    return sorted(v for v in values if len(v) >= min_length and json.dumps(v, ensure_ascii=False)[1:-1] in text)


def _dict(obj: Any) -> dict[str, Any]:
    if obj is None:
        return {}
    if isinstance(obj, dict):
        return dict(obj)
    return dict(obj.to_dict())
