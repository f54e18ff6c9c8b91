"""Write the publishable folder: CSV, JSON, datapackage.json, reports and recipe, all or nothing.

Everything is written into a hidden temporary folder beside the target, then that folder is
renamed into place: a crash or a full disk never leaves a half-written export, and an existing
folder is replaced only when the user said so (``ExportOptions.overwrite``).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from capnum_desktop import __version__
from capnum_desktop.core.errors import ExportError
from capnum_desktop.core.export.options import ExportOptions, contact_warning, licence_descriptor, slugify
from capnum_desktop.core.export.writers import (
    atomic_write,
    atomic_write_text,
    check_folder,
    formula_cells,
    neutralise,
    text_arrow_table,
    write_csv,
    write_json,
    write_json_records,
)
from capnum_desktop.core.jobs import CancelToken, Progress, no_progress
from capnum_desktop.core.pipeline_notes import PipelineNote, counted
from capnum_desktop.core.table import Table
from capnum_desktop.core.validation import ValidationReport, schema_view, validate_table
from capnum_desktop.core.validation.html import render_validation_html

if TYPE_CHECKING:
    from capnum_desktop.core.preparation import Preparation
    from capnum_desktop.core.recipe import Recipe

VALIDATION_HTML = "rapport-validation.html"
VALIDATION_JSON = "rapport-validation.json"
PROCESSING_HTML = "rapport-traitement.html"
PROCESSING_JSON = "rapport-traitement.json"
RECIPE = "recipe.json"
DATAPACKAGE = "datapackage.json"


@dataclass
class ExportResult:
    """What was written, and what the user should know about it."""

    folder: Path
    files: dict[str, Path] = field(default_factory=dict)
    row_count: int = 0
    valid: bool = True
    error_count: int = 0
    formula_cells: dict[str, int] = field(default_factory=dict)
    neutralised: bool = False
    warnings: list[str] = field(default_factory=list)
    report: ValidationReport | None = field(default=None, repr=False)  # the validation of the written table
    schema: Any = field(default=None, repr=False)  # the schema it was validated and described with

    @property
    def publishable(self) -> bool:
        """What « prêt à publier » and exit 0 mean: valid against the schema, and it has data."""
        return self.valid and self.row_count > 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "files": {k: str(v) for k, v in self.files.items()},
            "row_count": self.row_count,
            "valid": self.valid,
            "publishable": self.publishable,
            "error_count": self.error_count,
            "formula_cells": self.formula_cells,
            "neutralised": self.neutralised,
            "warnings": self.warnings,
        }


def dataset_name(options: ExportOptions, table: Table | None = None, schema: Any = None) -> str:
    """The file name of the dataset: the chosen name, else the title, else the source file's name."""
    if options.name:
        return slugify(options.name)
    if options.title:
        return slugify(options.title)
    if table is not None and getattr(table.source, "path", None):
        return slugify(Path(table.source.path).stem)
    return slugify(str(getattr(schema, "id", "") or "donnees"))


def default_output_dir(parent: Path, name: str) -> Path:
    """A visible folder named after the dataset inside the folder the user picked."""
    return Path(parent) / slugify(name)


def export_dataset(
    table: Table,
    preparation: Preparation,
    out_dir: str | Path,
    *,
    report: ValidationReport | None = None,
    processing_report: dict[str, Any] | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Write ``table`` (conformed, protected, edited) and its description into the folder ``out_dir``.

    ``preparation`` holds every choice (schema, mapping, plan, edits, export options): the recipe is
    ``preparation.to_recipe()`` and the CSV is described with ``preparation.published_schema(table)``.
    ``report`` is the validation of this very table with that schema (computed when not given);
    ``processing_report`` the Protect step's report (``preparation.processing_report(scan, log)``).
    Raises :class:`ExportError` when the folder exists and is not empty (unless
    ``export_options.overwrite``) or cannot be written. The result says whether the export is
    publishable as it is (valid against the schema and not empty).
    """
    options = preparation.export_options
    schema = preparation.published_schema(table)
    recipe = preparation.to_recipe()
    progress = progress or no_progress
    folder = Path(out_dir)
    if folder.name.startswith("."):
        raise ExportError.coded("export-hidden-folder")
    check_folder(folder, options.overwrite)
    view = schema_view(schema)
    name = dataset_name(options, table, schema)
    if report is None:
        progress(0.05, "Validation avant export")
        report = validate_table(table, view, cancel=cancel)
    result = ExportResult(folder=folder, row_count=table.row_count, valid=report.valid, error_count=report.error_count,
                          report=report, schema=schema)
    warning = contact_warning(options.contact)
    if warning:
        result.warnings.append(warning)

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    except OSError as exc:
        raise ExportError.coded("export-cannot-create", folder=str(folder), reason=exc.strerror) from exc
    try:
        _write_all(tmp, name, table, view, options, report, processing_report, recipe, result, progress, cancel)
        _move_into_place(tmp, folder, options.overwrite)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError.coded("export-cannot-write", reason=exc.strerror or str(exc)) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.files = {k: folder / v.name for k, v in result.files.items()}
    progress(1.0, "Export terminé")
    return result


def _write_all(tmp: Path, name: str, table: Table, view: Any, options: ExportOptions, report: ValidationReport,
               processing_report: dict[str, Any] | None, recipe: Recipe, result: ExportResult, progress: Progress,
               cancel: CancelToken | None) -> None:
    fields = {f.get("name", ""): f for f in view.descriptor.get("fields", [])}
    arrow = text_arrow_table(table.df)
    text_columns = [c for c in arrow.column_names if fields.get(c, {}).get("type", "string") == "string"]
    result.formula_cells = formula_cells(arrow, text_columns)
    if result.formula_cells:
        total = sum(result.formula_cells.values())
        cells = [PipelineNote("piece.column-count", column=c, n=n) for c, n in result.formula_cells.items()]
        if options.neutralise_formulas:
            arrow = neutralise(arrow, list(result.formula_cells))
            result.neutralised = True
            result.warnings.append(counted("formulas-neutralised", total, cells=cells))
        else:
            result.warnings.append(counted("formulas-found", total, cells=cells))
    if cancel is not None:
        cancel.check()

    progress(0.2, "Écriture du CSV")
    csv_path = tmp / f"{name}.csv"
    atomic_write(csv_path, lambda fh: write_csv(arrow, fh, bom=options.bom, eol=options.line_ending))
    result.files["csv"] = csv_path

    if options.write_json:
        progress(0.5, "Écriture du JSON")
        json_path = tmp / f"{name}.json"
        # from the text table the CSV was written from: the same cells (formulas neutralised alike), converted once
        atomic_write(json_path, lambda fh: write_json_records(arrow, fields, fh))
        result.files["json"] = json_path
    if cancel is not None:
        cancel.check()

    progress(0.8, "Description et rapports")
    package = build_datapackage(name, table, view, options, csv_path.name)
    write_json(tmp / DATAPACKAGE, package)
    result.files["datapackage"] = tmp / DATAPACKAGE

    source_name = Path(table.source.path).name if getattr(table.source, "path", None) else ""
    atomic_write_text(tmp / VALIDATION_HTML, render_validation_html(report, title=options.title or name,
                                                                    source_name=source_name))
    write_json(tmp / VALIDATION_JSON, report.to_dict(max_issues=1000))
    result.files["validation_html"] = tmp / VALIDATION_HTML
    result.files["validation_json"] = tmp / VALIDATION_JSON

    if processing_report is not None:
        from capnum_desktop.core.privacy import write_processing_report

        write_processing_report(processing_report, tmp / PROCESSING_HTML, tmp / PROCESSING_JSON)
        result.files["processing_html"] = tmp / PROCESSING_HTML
        result.files["processing_json"] = tmp / PROCESSING_JSON

    write_json(tmp / RECIPE, recipe.to_dict())
    result.files["recipe"] = tmp / RECIPE


def build_datapackage(name: str, table: Table, view: Any, options: ExportOptions, csv_name: str) -> dict[str, Any]:
    """A Frictionless Data Package describing the CSV (valid for ``frictionless validate``)."""
    source = Path(table.source.path).name if getattr(table.source, "path", None) else ""
    resource: dict[str, Any] = {
        "name": name,
        "path": csv_name,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if options.bom else "utf-8",
        "profile": "tabular-data-resource",
    }
    if options.title:
        resource["title"] = options.title
    if options.embed_schema or not (options.schema_url or view.schema_id):
        resource["schema"] = _publishable_schema(view.descriptor, list(table.df.columns))
    else:
        resource["schema"] = options.schema_url or view.schema_id
    package: dict[str, Any] = {
        "name": name,
        "title": options.title or name,
        "description": options.description or "",
        "licenses": [licence_descriptor(options.licence)],
        "created": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "resources": [resource],
    }
    if options.producer or options.contact:
        contributor: dict[str, str] = {"title": options.producer or options.contact, "role": "publisher"}
        if options.contact:
            contributor["email"] = options.contact
        package["contributors"] = [contributor]
    if source:
        package["sources"] = [{"title": f"Fichier d'origine : {source}"}]
    package["capnum"] = {
        "version": __version__,
        "schema": {"id": view.schema_id, "title": view.title, "url": options.schema_url},
        "source_file": source,
        "row_count": table.row_count,
    }
    return package


def _publishable_schema(descriptor: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    """The schema as frictionless accepts it: only the columns written, in their order, standard keys only."""
    by_name = {f.get("name"): f for f in descriptor.get("fields", []) if isinstance(f, dict)}
    out_fields = []
    for col in columns:
        f = by_name.get(col, {"name": col, "type": "string"})
        clean = {k: v for k, v in f.items() if k not in ("examples", "arrayItem")}
        cons = clean.get("constraints")
        if isinstance(cons, dict):
            clean["constraints"] = _supported_constraints(clean.get("type", "string"), cons)
            if not clean["constraints"]:
                clean.pop("constraints")
        out_fields.append(clean)
    schema: dict[str, Any] = {"fields": out_fields}
    if descriptor.get("missingValues"):
        schema["missingValues"] = descriptor["missingValues"]
    pk = descriptor.get("primaryKey")
    if pk and set([pk] if isinstance(pk, str) else pk) <= set(columns):
        schema["primaryKey"] = pk
    publishable: dict[str, Any] = json.loads(json.dumps(schema))
    return publishable


_SUPPORTED = {
    "string": {"required", "unique", "minLength", "maxLength", "pattern", "enum"},
    "boolean": {"required", "unique", "enum"},
    "geopoint": {"required", "unique", "enum"},
    "geojson": {"required", "unique", "enum"},
    "object": {"required", "unique", "minLength", "maxLength", "enum"},
    "array": {"required", "unique", "minLength", "maxLength", "enum"},
    "any": {"required", "unique", "enum"},
}


def _supported_constraints(ftype: str, cons: dict[str, Any]) -> dict[str, Any]:
    allowed = _SUPPORTED.get(ftype, {"required", "unique", "minimum", "maximum", "enum"})
    return {k: v for k, v in cons.items() if k in allowed}


def _move_into_place(tmp: Path, folder: Path, overwrite: bool) -> None:
    """Rename the finished temporary folder to ``folder`` (replacing it only with ``overwrite``)."""
    if folder.exists():
        if not overwrite and any(folder.iterdir()):
            raise ExportError.coded("export-folder-not-empty", folder=str(folder))
        backup = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        os.replace(folder, backup)
        try:
            os.replace(tmp, folder)
        except OSError:
            os.replace(backup, folder)
            raise
        shutil.rmtree(backup, ignore_errors=True)
    else:
        os.replace(tmp, folder)
