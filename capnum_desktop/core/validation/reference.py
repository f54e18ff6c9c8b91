"""Run frictionless itself on a table: the reference our checks are tested against.

Also usable as an opt-in "certified" pass (slow: ~20k rows/s). The table is written to a temporary
CSV with the schema's field names as header, so frictionless' row numbers (header = 1) map back
to our source rows by position.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
from frictionless import Checklist, Dialect, Resource, system

from capnum_desktop.core.table import Table
from capnum_desktop.core.validation.schema_view import schema_view


def _supported_only(fl_field: Any) -> dict[str, Any]:
    """The field's descriptor without constraints its type ignores (frictionless refuses them)."""
    desc = fl_field.to_descriptor()
    cons = desc.get("constraints")
    if cons:
        desc["constraints"] = {k: v for k, v in cons.items() if k in fl_field.supported_constraints or k == "unique"}
    return desc


CELL_CODES = {"type-error", "constraint-error", "unique-error", "primary-key", "blank-row"}


def frictionless_errors(table: Table | pd.DataFrame, schema: Any, *, limit_errors: int = 10_000_000) -> list[dict[str, Any]]:
    """frictionless' row-level errors as dicts: row (our source row), field, code, constraint."""
    view = schema_view(schema)
    df = table.df if isinstance(table, Table) else table
    names = [f.name for f in view.fl_schema.fields if f.name in df.columns]
    sub_descriptor = dict(view.fl_schema.to_descriptor())
    sub_descriptor.pop("name", None)  # published names break frictionless' own profile (e.g. "DAE")
    sub_descriptor["fields"] = [_supported_only(f) for f in view.fl_schema.fields if f.name in names]
    if sub_descriptor.get("primaryKey") and not set(sub_descriptor["primaryKey"]) <= set(names):
        sub_descriptor.pop("primaryKey")
    index = df.index.to_numpy()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\n")
            writer.writerow(names)
            writer.writerows(df[names].astype(str).itertuples(index=False, name=None))
        from frictionless import Schema

        schema_obj = Schema.from_descriptor(sub_descriptor, allow_invalid=True)
        with system.use_context(trusted=True):
            resource = Resource(path=str(path), schema=schema_obj, format="csv", encoding="utf-8",
                                dialect=Dialect.from_descriptor({"csv": {"delimiter": ","}}))
            report = resource.validate(checklist=Checklist(), limit_errors=limit_errors)
    out = []
    for task in report.tasks:
        for err in task.errors:
            code = err.type
            if code not in CELL_CODES:
                out.append({"row": None, "field": getattr(err, "field_name", ""), "code": code, "constraint": "",
                            "note": err.note})
                continue
            position = int(err.row_number) - 2
            constraint = ""
            if code == "constraint-error":
                constraint = err.note.split('"')[1] if '"' in err.note else ""
            field = getattr(err, "field_name", "") if code in ("type-error", "constraint-error", "unique-error") else ""
            out.append({"row": int(index[position]), "field": field, "code": code, "constraint": constraint})
    return out
