"""One preparation as a frozen value: every choice made on one file, from Ouvrir to Exporter.

The command line (``prepare``, ``apply``), the GUI's Exporter step, crash recovery and the self-test all
describe their work with this one value, so a choice is recorded once and read the same everywhere:

- ``read_options``: how the file was read, *as detected* (encoding, separator, sheet, header line…),
  so the next read (next month's file, a recovery) is the same;
- ``schema``: the schema the columns were mapped to (catalogue, file or inferred);
- ``mapping``, ``plan`` (personal-data decisions), ``edits`` (hand edits, in order), ``export_options``.

:meth:`Preparation.to_recipe` is what ``recipe.json`` holds; :meth:`Preparation.processing_report` is
the Protect step's report; :meth:`Preparation.published_schema` is the schema the written CSV is
described and validated with. The results of the steps (tables, scan, privacy log, validation) are not
part of the value: they are recomputed from it by :mod:`capnum_desktop.core.pipeline`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from capnum_desktop.core.edits import Edit
from capnum_desktop.core.export.options import ExportOptions
from capnum_desktop.core.io.options import ReadOptions
from capnum_desktop.core.recipe import Recipe
from capnum_desktop.core.table import Table

if TYPE_CHECKING:
    from capnum_desktop.core.privacy import PrivacyLog, PrivacyPlan, ScanResult
    from capnum_desktop.core.schemas import Mapping


@dataclass(frozen=True)
class Preparation:
    """Every choice of one preparation (see the module docstring). Change it with :func:`dataclasses.replace`."""

    schema: Any  # a catalogue Schema, a Table Schema descriptor (dict), or None before one is chosen
    source_path: Path | None = None
    source_format: str = ""
    read_options: ReadOptions = field(default_factory=ReadOptions)
    mapping: Mapping | None = None
    plan: PrivacyPlan | None = None
    personal_fields: tuple[str, ...] = ()  # columns the scan flagged as personal (their edit values are never saved)
    edits: tuple[Edit, ...] = ()
    export_options: ExportOptions = field(default_factory=ExportOptions)
    conversions: tuple[tuple[str, Any], ...] = ()  # per-field conversion choices of a recipe, kept as given

    @classmethod
    def of_table(cls, table: Table, schema: Any, *, chosen: ReadOptions | None = None, **choices: Any) -> Preparation:
        """A preparation of ``table`` as it was read: its read options are the detected ones (the user's
        choices in ``chosen`` are what detection then found, plus ``all_sheets``)."""
        detected = ReadOptions.from_source(table.source)
        if chosen is not None and chosen.all_sheets:
            detected = replace(detected, all_sheets=True)
        path = getattr(table.source, "path", None)
        return cls(schema=schema, source_path=Path(path) if path else None,
                   source_format=str(getattr(table.source, "format", "") or ""), read_options=detected, **choices)

    @property
    def source_name(self) -> str:
        return self.source_path.name if self.source_path else ""

    def published_schema(self, table: Table) -> Any:
        """The schema the published table is described and validated with.

        A schema inferred from the source describes the columns as they come out of Protéger (removed,
        generalised or suppressed columns), and so does one inferred when no schema was chosen; any
        other schema is the one the columns were mapped to."""
        if self.schema is not None and getattr(self.schema, "source", "") != "inferred":
            return self.schema
        from capnum_desktop.core.schemas import infer_schema

        return infer_schema(table, name=getattr(self.schema, "id", None) or None,
                            title=getattr(self.schema, "title", None) or None)

    def to_recipe(self) -> Recipe:
        """The recipe of this preparation (never a personal value: personal edits keep only their place)."""
        return Recipe.create(
            source_path=self.source_path, source_format=self.source_format, read_options=self.read_options,
            schema=self.schema, mapping=self.mapping, privacy_plan=self.plan,
            personal_fields=list(self.personal_fields), edits=list(self.edits), export_options=self.export_options,
            conversions=dict(self.conversions),
        )

    def processing_report(self, scan: ScanResult, log: PrivacyLog, *, user: str = "",
                          source: Table | None = None) -> dict[str, Any] | None:
        """The Protect step's report (columns, actions, legal references, counts); None without a plan.

        With the ``source`` table as read, the report also lists the columns left out of the export in which
        personal data was found (a « Téléphone » the schema has no field for)."""
        if self.plan is None:
            return None
        from capnum_desktop.core.privacy import build_processing_report
        from capnum_desktop.core.privacy.report import left_out_findings

        left_out = left_out_findings(source, self.mapping) if source is not None else []
        return build_processing_report(source_name=self.source_name, scan=scan, plan=self.plan, log=log, user=user,
                                       left_out=left_out, mapping=self.mapping)
