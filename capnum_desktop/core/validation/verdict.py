"""The verdict on a file as it is: would the national validator accept it? And after CapNum's preparation?

The national validator (Validata) runs frictionless 5 with columns matched by name (``schema_sync``)
on the file's own cells. :func:`validate_raw` gives that view of a :class:`Table`: the cells as read,
plus what the reader saw of the file's structure and left out of the table the agent works on
(blank rows, rows with too few or too many cells, a label written twice in the header).
:func:`judge_file` reads a file and gives both verdicts, the raw one and the one after CapNum's
automatic preparation (columns matched, values converted), with how many cells were converted.
``capnum validate`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from capnum_desktop.core.io import ReadOptions, read_table
from capnum_desktop.core.table import Table
from capnum_desktop.core.validation.engine import validate_table
from capnum_desktop.core.validation.report import ValidationReport, sort_frame
from capnum_desktop.core.validation.schema_view import schema_view
from capnum_desktop.core.validation.sentences import say
from capnum_desktop.core.validation.structure import raw_cells, structure_errors


def validate_raw(table: Table, schema: Any) -> ValidationReport:
    """``table`` judged as the national validator judges the file it was read from.

    Cells as they are, columns matched by name, and the structure problems the reader recorded in
    ``table.source`` (``blank-row``, ``missing-cell``, ``extra-cell``, ``duplicate-label``) as errors.
    Cells a short row did not have are reported once, as ``missing-cell``, not also as empty values.
    """
    view = schema_view(schema)
    df, missing = raw_cells(table, view)
    report = validate_table(df, view)
    structure = structure_errors(table, view)
    errors = report.errors
    if missing:
        keep = [(r, f) not in missing for r, f in zip(errors["row"].fillna(-1), errors["field"], strict=True)]
        errors = errors[np.asarray(keep, dtype=bool)]
    if len(structure):
        errors = sort_frame(pd.concat([errors, structure], ignore_index=True))
    return ValidationReport(errors=errors.reset_index(drop=True), fields=report.fields,
                            row_count=report.row_count, schema_id=report.schema_id,
                            checked_fields=report.checked_fields)


def file_structure(table: Table) -> ValidationReport:
    """The structure problems of the file ``table`` was read from, whatever the schema.

    Blank rows, rows with too few or too many cells, a label written twice: what ``validate_raw``
    reports as errors with any schema (``capnum inspect`` lists them, with the same French messages).
    """
    errors = structure_errors(table, None)
    return ValidationReport(errors=sort_frame(errors).reset_index(drop=True) if len(errors) else errors,
                            row_count=table.row_count)


@dataclass
class FileVerdict:
    """Both verdicts on one file (``converted`` is None when not asked for)."""

    table: Table
    raw: ValidationReport
    converted: ValidationReport | None = None
    converted_cells: int = 0
    missing_required: list[str] = field(default_factory=list)  # required fields no column matches

    def notes_in(self, lang: str = "fr") -> list[str]:
        """What to know besides the verdicts, in ``lang`` (French by default)."""
        return [say("note.missing-required", lang, name=name) for name in self.missing_required]

    @property
    def has_data(self) -> bool:
        return self.table.row_count > 0

    @property
    def accepted(self) -> bool:
        """What the exit code of ``capnum validate`` says: the file as it is, with data, is valid."""
        return self.has_data and self.raw.valid


def judge_file(path: str | Path, schema: Any, *, options: ReadOptions | None = None,
               convert: bool = True) -> FileVerdict:
    """Read ``path`` and judge it raw (and, with ``convert``, after CapNum's automatic preparation)."""
    table = read_table(path, options)
    verdict = FileVerdict(table=table, raw=validate_raw(table, schema))
    if convert:
        from capnum_desktop.core.schemas import conform, missing_required, propose_mapping

        mapping = propose_mapping(table, schema)
        verdict.missing_required = list(missing_required(schema, mapping))
        prepared = conform(table, schema, mapping).table
        verdict.converted = validate_table(prepared, schema)
        verdict.converted_cells = count_converted(table, prepared, mapping)
    return verdict


def count_converted(table: Table, prepared: Table, mapping: Any) -> int:
    """Cells whose text CapNum's preparation changed (same source row, source column -> its field)."""
    total = 0
    pairs = getattr(mapping, "columns", None) or {}
    for source, target in dict(pairs).items():
        if not target or source not in table.df.columns or target not in prepared.df.columns:
            continue
        before = table.df[source]
        after = prepared.df[target].reindex(before.index)
        total += int((before.astype(str) != after.fillna("").astype(str)).sum())
    return total
