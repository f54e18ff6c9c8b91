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

from capnum_desktop.core.edits import Edit, apply_edits
from capnum_desktop.core.errors import CapnumError, RecipeError
from capnum_desktop.core.export import ExportOptions, ExportResult, export_dataset
from capnum_desktop.core.jobs import CancelToken, Progress, no_progress, scaled
from capnum_desktop.core.pipeline_notes import PipelineNote, counted
from capnum_desktop.core.preparation import Preparation
from capnum_desktop.core.recipe import Recipe
from capnum_desktop.core.table import Table
from capnum_desktop.core.validation import ValidationReport, validate_table
from capnum_desktop.core.wording import text_in

# The steps as the progress callback names them (the self-test prints one line per step).
READING = "Lecture du fichier"
MAPPING = "Association des colonnes au schéma"
SCANNING = "Recherche des données personnelles"
PROTECTING = "Protection des données personnelles"
CHECKING = "Vérification"
EXPORTING = "Vérification et export"
DONE = "Terminé"
STEPS = (READING, MAPPING, SCANNING, PROTECTING, CHECKING, EXPORTING, DONE)


@dataclass
class PipelineResult:
    """Everything a run produced: the final table, its validation, the export and the notes."""

    table: Table
    schema: Any  # the published schema (see Preparation.published_schema)
    report: ValidationReport
    export: ExportResult | None
    preparation: Preparation
    notes: list[str] = field(default_factory=list)  # what did not fit, in French

    @property
    def recipe(self) -> Recipe:
        return self.preparation.to_recipe()

    @property
    def valid(self) -> bool:
        return self.report.valid

    @property
    def publishable(self) -> bool:
        """Valid against the schema and not empty: the only case where the CLI exits 0."""
        return self.report.valid and self.table.row_count > 0

    def to_dict(self, lang: str = "fr") -> dict[str, Any]:
        """JSON-able result; sentences (summary, kinds, notes) in ``lang``, French by default."""
        return {
            "valid": self.valid,
            "publishable": self.publishable,
            "schema": getattr(self.schema, "id", ""),
            "rows": self.table.row_count,
            "summary": self.report.summary(lang),
            "errors_by_kind": [{"kind": k, "count": n} for k, n in self.report.by_kind(lang=lang)],
            "export": self.export.to_dict() if self.export else None,
            "notes": [text_in(note, lang) for note in self.notes],
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
    constants: dict[str, str] | None = None,
) -> PipelineResult:
    """The whole pipeline with automatic choices (or the recipe's, when one is given).

    ``constants`` fill fields no column feeds (the organisation's SIRET in ``idAttribuant``…), as Associer
    does with the values of Paramètres."""
    if recipe is not None:
        return apply_recipe(recipe, path, out_dir, export_options=export_options, progress=progress, cancel=cancel)
    from capnum_desktop.core.io import ReadOptions, read_table
    from capnum_desktop.core.privacy import plan_for_schema, scan_table
    from capnum_desktop.core.schemas import load_schema, propose_mapping

    progress = progress or no_progress
    notes: list[str] = []
    progress(0.0, READING)
    table = read_table(path, ReadOptions(), progress=scaled(progress, 0.0, 0.25), cancel=cancel)
    profiles = None
    if schema is None:  # the catalogue's best fit by columns, or an inferred schema when none fits
        from capnum_desktop.core.schemas.matching import detect_null_tokens, profile_table
        from capnum_desktop.core.schemas.ranking import schema_for_table

        # one profile of the table serves the ranking and the mapping below (issue 18)
        profiles = profile_table(table.df, detect_null_tokens(table))
        schema_obj, _candidates, note = schema_for_table(table, profiles=profiles)
        notes.append(note)
    elif isinstance(schema, (str, Path)):
        schema_obj = load_schema(schema)
    else:
        schema_obj = schema
    mapping = propose_mapping(table, schema_obj, constants=constants, profiles=profiles)
    progress(0.3, MAPPING)
    conformed = _conform(table, schema_obj, mapping, notes, progress, cancel)
    table = left_out_columns(table, mapping)  # the rest of the source is freed here (issue 18)
    progress(0.5, SCANNING)
    scan = scan_table(conformed, cancel=cancel)
    plan = plan_for_schema(scan, conformed, schema_obj, mapping=mapping)
    preparation = Preparation.of_table(
        table, schema_obj, mapping=mapping, plan=plan, personal_fields=personal_fields(scan),
        export_options=export_options or ExportOptions(title=str(getattr(schema_obj, "title", "") or "")))
    handed = [conformed]
    del conformed  # _finish frees it once protected
    return _finish(preparation, table, handed, scan, out_dir, notes, progress, cancel)


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
    from capnum_desktop.core.privacy import PrivacyPlan, plan_for_schema, scan_table
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
            notes.append(PipelineNote("sheet-gone", sheet=options.sheet))
            options = ReadOptions(encoding=options.encoding, delimiter=options.delimiter, sheet=None,
                                  header_line=None)
    progress(0.0, READING)
    table = read_table(path, options, progress=scaled(progress, 0.0, 0.25), cancel=cancel)

    # 2 Map, tolerating new, missing and reordered columns
    schema_obj = _recipe_schema(recipe, load_schema, schema_from_descriptor)
    old = Mapping.from_dict(recipe.mapping) if recipe.mapping else None
    mapping = _adapt_mapping(old, table, schema_obj, propose_mapping, notes) if old else propose_mapping(table, schema_obj)
    progress(0.3, MAPPING)
    conformed = _conform(table, schema_obj, mapping, notes, progress, cancel)
    table = left_out_columns(table, mapping)  # the rest of the source is freed here (issue 18)

    # 3 Protect: the recipe's decisions; columns it does not know get the default decision
    progress(0.5, SCANNING)
    scan = scan_table(conformed, cancel=cancel)
    fresh = plan_for_schema(scan, conformed, schema_obj, mapping=mapping)  # for this schema and these rows
    plan = _adapt_plan(PrivacyPlan.from_dict(recipe.privacy), fresh, scan, conformed, notes) if recipe.privacy \
        else fresh
    handed = [conformed]
    del conformed  # _finish frees the conformed table once protected

    # 4 Edits of the recipe, 5 validation and export
    options_out = export_options or (ExportOptions.from_dict(recipe.export) if recipe.export else None)
    preparation = Preparation.of_table(
        table, schema_obj, chosen=options, mapping=mapping, plan=plan, personal_fields=personal_fields(scan),
        edits=tuple(recipe.edit_objects()), conversions=tuple(recipe.conversions.items()),
        export_options=options_out or ExportOptions(title=str(getattr(schema_obj, "title", "") or "")))
    return _finish(preparation, table, handed, scan, out_dir, notes, progress, cancel)


STEP_ORDER = ("open", "map", "protect", "verify", "export")  # the wizard's steps, as autosave names them


@dataclass
class Replay:
    """What :func:`replay` redid: each step's result up to where it was asked to (or could) go."""

    source: Table
    schema: Any = None
    mapping: Any = None
    conform: Any = None  # the ConformResult of the Map step
    scan: Any = None
    plan: Any = None
    protected: Table | None = None
    privacy_log: Any = None
    edits: tuple[Edit, ...] = ()
    stopped: str | None = None  # the step that could not be redone (its choices no longer fit)


def replay(recipe: Recipe, path: str | Path, *, until: str = "export", applied: bool = True,
           progress: Progress | None = None, cancel: CancelToken | None = None) -> Replay:
    """Redo a preparation's steps on the same file, exactly as recorded, up to the step ``until``
    (crash recovery: the autosave is the preparation's recipe and the step the agent was on).

    The Protect step's plan is applied only when ``applied`` (the agent had applied it). A step whose
    choices no longer fit stops the replay there and says which in ``stopped``; what came before stays.
    Hand edits are returned, not applied: the caller replays them on its working table (the GUI's undo)."""
    from capnum_desktop.core.io import ReadOptions, read_table

    progress = progress or no_progress
    last = STEP_ORDER.index(until) if until in STEP_ORDER else len(STEP_ORDER) - 1
    progress(0.0, READING)
    table = read_table(path, ReadOptions.from_dict(recipe.read), progress=scaled(progress, 0.0, 0.5), cancel=cancel)
    result = Replay(source=table, edits=tuple(recipe.edit_objects()))
    if last < STEP_ORDER.index("map") or not recipe.schema or not recipe.mapping:
        return result
    try:
        from capnum_desktop.core.schemas import Mapping, conform, load_schema, schema_from_descriptor

        progress(0.5, MAPPING)
        result.schema = _recipe_schema(recipe, load_schema, schema_from_descriptor)
        result.mapping = Mapping.from_dict(recipe.mapping)
        result.conform = conform(table, result.schema, result.mapping, progress=scaled(progress, 0.5, 0.8),
                                 cancel=cancel)
    except CapnumError:
        result.stopped = "map"
        return result
    if last < STEP_ORDER.index("protect") or not recipe.privacy:
        return result
    try:
        from capnum_desktop.core.privacy import PrivacyPlan, scan_table

        progress(0.8, SCANNING)
        result.scan = scan_table(result.conform.table, progress=scaled(progress, 0.8, 0.9), cancel=cancel)
        result.plan = PrivacyPlan.from_dict(recipe.privacy)
        if applied:
            progress(0.9, PROTECTING)
            result.protected, result.privacy_log = protect(result.conform.table, result.plan,
                                                           progress=scaled(progress, 0.9, 1.0), cancel=cancel)
    except CapnumError:
        result.stopped = "protect"
    return result


# ----------------------------------------------------------------------------------------- steps


def _conform(table: Table, schema: Any, mapping: Any, notes: list[str], progress: Progress,
             cancel: CancelToken | None) -> Table:
    from capnum_desktop.core.schemas import conform, missing_required

    for name in missing_required(schema, mapping):
        notes.append(PipelineNote("required-missing", field=name))
    result = conform(table, schema, mapping, progress=scaled(progress, 0.3, 0.45), cancel=cancel)
    for f, n in result.issue_counts.items():
        if n:
            notes.append(counted("not-converted", n, field=f))
    notes.extend(result.warnings)
    return result.table


def left_out_columns(source: Table, mapping: Any) -> Table:
    """The source table reduced to the columns the export leaves out (fed to no field, not kept), which is
    all the processing report still needs of it (``left_out_findings``); same source and rows. Keeping
    only these lets the rest of the source be freed before Protect (at 1M rows the source, the conformed
    and the protected tables were all alive until the export: issue 18)."""
    published = set(mapping.copies.values()) | {c for c, f in mapping.columns.items() if f} | set(mapping.keep_extra)
    positions = [i for i, column in enumerate(source.columns) if column not in published]
    return source.with_df(source.df.iloc[:, positions])


def personal_fields(scan: Any) -> tuple[str, ...]:
    """The columns a privacy scan flagged as personal (their edit values are never saved)."""
    return tuple(f.column for f in scan.flagged) if scan is not None else ()


def protect(conformed: Table, plan: Any, *, progress: Progress | None = None,
            cancel: CancelToken | None = None) -> tuple[Table, Any]:
    """Step 3: apply the personal-data plan; (protected table, privacy log)."""
    from capnum_desktop.core.privacy import apply_plan

    return apply_plan(conformed, plan, progress=progress, cancel=cancel)


def replay_edits(table: Table, edits: list[Edit] | tuple[Edit, ...], notes: list[str]) -> Table:
    """The hand edits on the protected table; an edit that no longer fits is skipped and said in ``notes``."""
    if not edits:
        return table
    replay = apply_edits(table, list(edits))
    for skipped in replay.skipped:
        row = getattr(skipped.edit, "row", None)
        notes.append(PipelineNote("edit-not-replayed.row", row=row, field=skipped.edit.field, reason=skipped.reason)
                     if row is not None else
                     PipelineNote("edit-not-replayed", field=skipped.edit.field, reason=skipped.reason))
    return replay.table


def _finish(preparation: Preparation, source: Table, handed: list[Table], scan: Any, out_dir: str | Path | None,
            notes: list[str], progress: Progress, cancel: CancelToken | None) -> PipelineResult:
    """Protect, edit, validate and export: each once, with the preparation's choices.

    ``handed`` holds the conformed table alone, so that nothing keeps it once protected (issue 18);
    ``source``: the columns of the source the export leaves out (see :func:`left_out_columns`)."""
    progress(0.55, PROTECTING)
    protected, log = protect(handed.pop(), preparation.plan, progress=scaled(progress, 0.55, 0.65), cancel=cancel)
    from capnum_desktop.core.privacy import privacy_notes

    if preparation.plan is not None:
        notes.extend(privacy_notes(preparation.plan, log))  # rows withheld, conflicts with the schema
    table = replay_edits(protected, preparation.edits, notes)
    del protected
    export = None
    if out_dir is not None:
        progress(0.7, EXPORTING)
        processing = preparation.processing_report(scan, log, source=source)  # source: the columns left out
        export = export_dataset(table, preparation, out_dir, processing_report=processing,
                                progress=scaled(progress, 0.7, 1.0), cancel=cancel)
        notes.extend(export.warnings)
        schema, report = export.schema, export.report
    else:
        progress(0.7, CHECKING)
        schema = preparation.published_schema(table)
        report = validate_table(table, schema, progress=scaled(progress, 0.7, 1.0), cancel=cancel)
    assert report is not None
    progress(1.0, DONE)
    return PipelineResult(table=table, schema=schema, report=report, export=export, preparation=preparation,
                          notes=notes)


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
            notes.append(PipelineNote("recipe.column-gone", column=c, field=f))
    new_cols = [c for c in columns if c not in old.columns]
    filled = {f for f in kept.values() if f} | set(old.constants) | set(old.copies)
    if new_cols:
        proposed = propose_mapping(table, schema)
        for c in new_cols:
            target = proposed.columns.get(c)
            if target and target not in filled:
                kept[c] = target
                filled.add(target)
                notes.append(PipelineNote("recipe.new-column-mapped", column=c, field=target))
            else:
                kept[c] = None
                notes.append(PipelineNote("recipe.new-column-unused", column=c))
    copies = {f: c for f, c in old.copies.items() if c in columns}
    order = {c: i for i, c in enumerate(columns)}
    kept = dict(sorted(kept.items(), key=lambda kv: order.get(kv[0], 0)))
    return replace(old, columns=kept, copies=copies, keep_extra=tuple(c for c in old.keep_extra if c in columns))


def _adapt_plan(plan: Any, fresh: Any, scan: Any, table: Table, notes: list[str]) -> Any:
    """The recipe's decisions met with this file's scan and ``fresh``, the plan made for it (``merge_plans``,
    as the Protect page does), and what changed said in ``notes``."""
    from capnum_desktop.core.privacy.plan import merge_plans

    merged = merge_plans(plan, fresh, scan, table.df.columns)
    for column in merged.absent:
        notes.append(PipelineNote("recipe.decision-absent", column=column))
    for column in merged.recategorised:
        found = scan.finding(column)
        decision = merged.plan.decision(column)
        notes.append(PipelineNote("recipe.recategorised", column=column, category=found.category if found else "?",
                                  action=decision.action if decision else "?"))
    for d in merged.added:
        notes.append(PipelineNote("recipe.privacy-added", column=d.column, category=d.category, action=d.action))
    return merged.plan
