"""The five steps headless: open -> map -> protect -> (edits) -> validate -> export.

:func:`prepare` makes the automatic choices (proposed mapping, default personal-data plan, inferred
schema when none is given); :func:`apply_recipe` replays a recipe's choices on a new file and reports,
in French, what no longer fits (missing, new or renamed columns, edits whose row changed…).
Both write the export folder and return a :class:`PipelineResult`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from capnum_desktop.core.edits import apply_edits
from capnum_desktop.core.errors import CapnumError, RecipeError
from capnum_desktop.core.export import ExportOptions, ExportResult, export_dataset
from capnum_desktop.core.jobs import CancelToken, Progress, no_progress, scaled
from capnum_desktop.core.recipe import Recipe
from capnum_desktop.core.table import Table
from capnum_desktop.core.validation import ValidationReport, validate_table


@dataclass
class PipelineResult:
    """Everything a run produced: the final table, its validation, the export and the notes."""

    table: Table
    schema: Any
    report: ValidationReport
    export: ExportResult | None
    recipe: Recipe
    notes: list[str] = field(default_factory=list)  # what did not fit, in French

    @property
    def valid(self) -> bool:
        return self.report.valid

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "schema": getattr(self.schema, "id", ""),
            "rows": self.table.row_count,
            "summary": self.report.summary(),
            "errors_by_kind": [{"kind": k, "count": n} for k, n in self.report.by_kind()],
            "export": self.export.to_dict() if self.export else None,
            "notes": self.notes,
        }


def prepare(
    path: str | Path,
    schema: Any = None,
    recipe: Recipe | str | Path | None = None,
    out_dir: str | Path | None = None,
    *,
    export_options: ExportOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> PipelineResult:
    """The whole pipeline with automatic choices (or the recipe's, when one is given)."""
    if recipe is not None:
        return apply_recipe(recipe, path, out_dir, export_options=export_options, progress=progress, cancel=cancel)
    from capnum_desktop.core.io import ReadOptions, read_table
    from capnum_desktop.core.privacy import plan_for_schema, scan_table
    from capnum_desktop.core.schemas import infer_schema, load_schema, propose_mapping

    progress = progress or no_progress
    notes: list[str] = []
    progress(0.0, "Lecture du fichier")
    table = read_table(path, ReadOptions(), progress=scaled(progress, 0.0, 0.25), cancel=cancel)
    if schema is None:
        schema_obj = infer_schema(table)
        notes.append("Aucun schéma indiqué : un schéma a été déduit des données ; relisez-le avant de publier.")
    elif isinstance(schema, (str, Path)):
        schema_obj = load_schema(schema)
    else:
        schema_obj = schema
    mapping = propose_mapping(table, schema_obj)
    progress(0.3, "Mise en correspondance avec le schéma")
    conformed = _conform(table, schema_obj, mapping, notes, progress, cancel)
    progress(0.5, "Recherche des données personnelles")
    scan = scan_table(conformed, cancel=cancel)
    plan = plan_for_schema(scan, conformed, schema_obj)
    return _finish(table, conformed, schema_obj, mapping, scan, plan, [], out_dir, export_options,
                   ReadOptions(), notes, progress, cancel)


def apply_recipe(
    recipe: Recipe | str | Path,
    path: str | Path,
    out_dir: str | Path | None = None,
    *,
    export_options: ExportOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> PipelineResult:
    """Replay ``recipe`` on ``path``: apply what still fits, say what does not, write the export."""
    from capnum_desktop.core.io import ReadOptions, list_sheets, read_table
    from capnum_desktop.core.privacy import PrivacyPlan, default_plan, scan_table
    from capnum_desktop.core.schemas import Mapping, load_schema, propose_mapping, schema_from_descriptor

    if not isinstance(recipe, Recipe):
        recipe = Recipe.load(recipe)
    progress = progress or no_progress
    notes: list[str] = []

    # 1 Open, with the recipe's read options (a sheet that is gone falls back to detection)
    options = ReadOptions.from_dict(recipe.read)
    if options.sheet:
        try:
            sheets = list_sheets(path)
        except CapnumError:
            sheets = []
        if sheets and options.sheet not in sheets:
            notes.append(f"La feuille « {options.sheet} » n'existe plus dans ce fichier : la feuille a été détectée "
                         "automatiquement.")
            options = ReadOptions(encoding=options.encoding, delimiter=options.delimiter, sheet=None,
                                  header_line=None)
    progress(0.0, "Lecture du fichier")
    table = read_table(path, options, progress=scaled(progress, 0.0, 0.25), cancel=cancel)

    # 2 Map, tolerating new, missing and reordered columns
    schema_obj = _recipe_schema(recipe, load_schema, schema_from_descriptor)
    old = Mapping.from_dict(recipe.mapping) if recipe.mapping else None
    mapping = _adapt_mapping(old, table, schema_obj, propose_mapping, notes) if old else propose_mapping(table, schema_obj)
    progress(0.3, "Mise en correspondance avec le schéma")
    conformed = _conform(table, schema_obj, mapping, notes, progress, cancel)

    # 3 Protect: the recipe's decisions; columns it does not know get the default decision
    progress(0.5, "Données personnelles")
    scan = scan_table(conformed, cancel=cancel)
    plan = PrivacyPlan.from_dict(recipe.privacy) if recipe.privacy else default_plan(scan)
    plan = _adapt_plan(plan, scan, conformed, default_plan, notes)

    # 4 Edits of the recipe
    edits = recipe.edit_objects()
    result = _finish(table, conformed, schema_obj, mapping, scan, plan, edits, out_dir,
                     export_options or (ExportOptions.from_dict(recipe.export) if recipe.export else None),
                     options, notes, progress, cancel, conversions=recipe.conversions)
    return result


# ----------------------------------------------------------------------------------------- steps


def _conform(table: Table, schema: Any, mapping: Any, notes: list[str], progress: Progress,
             cancel: CancelToken | None) -> Table:
    from capnum_desktop.core.schemas import conform, missing_required

    for name in missing_required(schema, mapping):
        notes.append(f"Le champ obligatoire « {name} » n'a pas de colonne correspondante dans le fichier.")
    result = conform(table, schema, mapping, progress=scaled(progress, 0.3, 0.45), cancel=cancel)
    for f, n in result.issue_counts.items():
        if n:
            notes.append(f"« {f} » : {n} valeur(s) n'ont pas pu être converties au format attendu.")
    notes.extend(result.warnings)
    return result.table


def _finish(source: Table, conformed: Table, schema: Any, mapping: Any, scan: Any, plan: Any, edits: list[Any],
            out_dir: str | Path | None, export_options: ExportOptions | None, read_options: Any, notes: list[str],
            progress: Progress, cancel: CancelToken | None, conversions: dict[str, Any] | None = None) -> PipelineResult:
    from capnum_desktop.core.privacy import apply_plan, build_processing_report

    protected, log = apply_plan(conformed, plan, progress=scaled(progress, 0.55, 0.65), cancel=cancel)
    table = protected
    if edits:
        replay = apply_edits(protected, edits)
        table = replay.table
        for skipped in replay.skipped:
            where = f"ligne {skipped.edit.row}, " if hasattr(skipped.edit, "row") else ""
            notes.append(f"Correction non rejouée ({where}« {skipped.edit.field} ») : {skipped.reason}.")
    personal = [f.column for f in scan.flagged]
    map_schema = schema  # what the recipe records (the mapping's target)
    if getattr(schema, "source", "") == "inferred":
        # a schema deduced from the source describes what is published: removed, generalised or
        # suppressed personal columns are described as they come out of the Protect step
        from capnum_desktop.core.schemas import infer_schema

        schema = infer_schema(table, name=getattr(schema, "id", None) or None, title=getattr(schema, "title", None) or None)
    progress(0.7, "Validation")
    report = validate_table(table, schema, progress=scaled(progress, 0.7, 0.85), cancel=cancel)
    options = export_options or ExportOptions(title=str(getattr(schema, "title", "") or ""))
    recipe = Recipe.create(
        source_path=source.source.path, source_format=source.source.format, read_options=_read_options_of(source, read_options),
        schema=map_schema, mapping=mapping, privacy_plan=plan, personal_fields=personal, edits=edits,
        export_options=options, conversions=conversions,
    )
    export = None
    if out_dir is not None:
        processing = build_processing_report(source_name=Path(source.source.path).name, scan=scan, plan=plan, log=log)
        progress(0.85, "Export")
        export = export_dataset(table, schema, out_dir, options=options, report=report, processing_report=processing,
                                recipe=recipe, progress=scaled(progress, 0.85, 1.0), cancel=cancel)
        notes.extend(export.warnings)
    progress(1.0, "Terminé")
    return PipelineResult(table=table, schema=schema, report=report, export=export, recipe=recipe, notes=notes)


def _read_options_of(table: Table, chosen: Any) -> dict[str, Any]:
    """What to store: the user's overrides, completed by what was detected (so the next read is the same)."""
    src = table.source
    data = chosen.to_dict() if hasattr(chosen, "to_dict") else dict(chosen or {})
    for key in ("encoding", "delimiter", "sheet", "header_line"):
        if data.get(key) is None and getattr(src, key, None) is not None:
            data[key] = getattr(src, key)
    return data


def _recipe_schema(recipe: Recipe, load_schema: Any, schema_from_descriptor: Any) -> Any:
    entry = recipe.schema or {}
    if entry.get("descriptor"):
        return schema_from_descriptor(entry["descriptor"], schema_id=entry.get("id", ""), source=entry.get("source", "recipe"),
                                      title=entry.get("title") or None)
    if entry.get("id"):
        return load_schema(entry["id"])
    raise RecipeError("La recette n'indique aucun schéma.", "Refaites la préparation dans CapNum pour créer la recette.")


def _adapt_mapping(old: Any, table: Table, schema: Any, propose_mapping: Any, notes: list[str]) -> Any:
    """The recipe's mapping on the new file's columns: keep what matches by name, propose for the rest."""
    from dataclasses import replace

    columns = [str(c) for c in table.df.columns]
    kept = {c: f for c, f in old.columns.items() if c in columns}
    for c, f in old.columns.items():
        if c not in columns and f:
            notes.append(f"La colonne « {c} » (champ « {f} ») n'est plus dans le fichier.")
    new_cols = [c for c in columns if c not in old.columns]
    filled = {f for f in kept.values() if f} | set(old.constants) | set(old.copies)
    if new_cols:
        proposed = propose_mapping(table, schema)
        for c in new_cols:
            target = proposed.columns.get(c)
            if target and target not in filled:
                kept[c] = target
                filled.add(target)
                notes.append(f"Nouvelle colonne « {c} » associée au champ « {target} » (proposition automatique).")
            else:
                kept[c] = None
                notes.append(f"Nouvelle colonne « {c} » : elle ne correspond à aucun champ et n'est pas exportée.")
    copies = {f: c for f, c in old.copies.items() if c in columns}
    order = {c: i for i, c in enumerate(columns)}
    kept = dict(sorted(kept.items(), key=lambda kv: order.get(kv[0], 0)))
    return replace(old, columns=kept, copies=copies, keep_extra=tuple(c for c in old.keep_extra if c in columns))


def _adapt_plan(plan: Any, scan: Any, table: Table, default_plan: Any, notes: list[str]) -> Any:
    """Drop decisions for columns that are gone; protect newly found personal columns by default."""
    from capnum_desktop.core.privacy import PrivacyPlan

    columns = set(map(str, table.df.columns))
    decisions = []
    for d in plan.decisions:
        if d.column in columns:
            decisions.append(d)
        else:
            notes.append(f"Décision sur les données personnelles non appliquée : la colonne « {d.column} » est absente.")
    known = {d.column for d in decisions}
    defaults = default_plan(scan)
    for d in defaults.decisions:
        if d.column not in known and d.category:
            decisions.append(d)
            notes.append(f"Colonne « {d.column} » : données personnelles ({d.category}) non prévues par la recette ; "
                         f"action par défaut appliquée ({d.action}).")
    qis = [c for c in plan.quasi_identifiers if c in columns] if plan.quasi_identifiers is not None else None
    return PrivacyPlan(decisions=decisions, k=plan.k, enforce_k=plan.enforce_k, quasi_identifiers=qis)
