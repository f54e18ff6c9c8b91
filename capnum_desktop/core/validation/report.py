"""The validation report: every error and warning, grouped by kind and by column, in French.

Errors are held in one DataFrame (a dirty million-row file can have a million errors); French
messages are built when asked for (``issues()``), so validation stays fast and the GUI can page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from capnum_desktop.core.validation.messages import kind_label, message_and_hint
from capnum_desktop.core.wording import count as count_of

FRICTIONLESS_CODES = ("type-error", "constraint-error", "unique-error", "primary-key", "blank-row",
                      "missing-cell", "extra-cell")
COLUMNS = ["row", "field", "code", "constraint", "value", "severity", "detail"]


@dataclass(frozen=True)
class ValidationIssue:
    """One problem: source row (None for a column or table problem), field, code, French text."""

    row: int | None
    field: str
    code: str
    constraint: str
    value: str
    severity: str  # "error" or "warning"
    message: str
    hint: str

    @property
    def kind(self) -> str:
        return kind_label(self.code, self.constraint)

    def to_dict(self, *, with_value: bool = True) -> dict[str, Any]:
        data = {
            "row": self.row,
            "field": self.field,
            "code": self.code,
            "constraint": self.constraint or None,
            "severity": self.severity,
            "kind": self.kind,
            "message": self.message,
            "hint": self.hint,
        }
        if with_value:
            data["value"] = self.value
        return data

    def line(self) -> str:
        where = f"Ligne {self.row}, « {self.field} »" if self.row is not None else f"Colonne « {self.field} »"
        if not self.field:
            where = f"Ligne {self.row}" if self.row is not None else "Tableau"
        return f"{where} : {self.message} {self.hint}".strip()


@dataclass
class ValidationReport:
    """All problems found, plus what was checked."""

    errors: pd.DataFrame
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    row_count: int = 0
    schema_id: str = ""
    checked_fields: list[str] = field(default_factory=list)

    @classmethod
    def empty(cls) -> ValidationReport:
        return cls(errors=empty_frame())

    # --- counts --------------------------------------------------------------------------------
    @property
    def valid(self) -> bool:
        return self.error_count == 0

    @property
    def error_count(self) -> int:
        return int((self.errors["severity"] == "error").sum())

    @property
    def warning_count(self) -> int:
        return int((self.errors["severity"] == "warning").sum())

    def only(self, severity: str) -> pd.DataFrame:
        return self.errors[self.errors["severity"] == severity]

    def by_kind(self, severity: str = "error") -> list[tuple[str, int]]:
        """(French kind, count), most frequent first."""
        df = self.only(severity)
        if df.empty:
            return []
        counts = pd.Series(_kind_labels(df)).value_counts()
        return [(str(k), int(v)) for k, v in counts.items()]

    def by_field(self, severity: str = "error") -> list[tuple[str, int]]:
        df = self.only(severity)
        if df.empty:
            return []
        counts = df["field"].value_counts()
        return [(str(k), int(v)) for k, v in counts.items()]

    def by_field_and_kind(self, severity: str = "error") -> list[tuple[str, str, int]]:
        """(field, French kind, count) — the grouped view of the report."""
        df = self.only(severity)
        if df.empty:
            return []
        kinds = pd.Series(_kind_labels(df), index=df.index)
        grouped = df.assign(kind=kinds).groupby(["field", "kind"], sort=False).size().sort_values(ascending=False)
        return [(str(f), str(k), int(n)) for (f, k), n in grouped.items()]

    def cell_level(self) -> list[tuple[int, str, str, str]]:
        """(row, field, code, constraint) of the errors frictionless also reports (for comparisons).

        Row-level codes (blank row, primary key) carry an empty field, as in frictionless.
        """
        df = self.errors[self.errors["code"].isin(FRICTIONLESS_CODES) & self.errors["row"].notna()]
        fields = [f if c in ("type-error", "constraint-error", "unique-error") else ""
                  for f, c in zip(df["field"], df["code"], strict=True)]
        return [(int(r), f, c, k) for r, f, c, k in zip(df["row"], fields, df["code"], df["constraint"], strict=True)]

    def rows_with_errors(self) -> list[int]:
        rows = self.only("error")["row"].dropna()
        return sorted({int(r) for r in rows})

    def cells_with_errors(self) -> set[tuple[int, str]]:
        """(source row, field) of every erroneous cell, for highlighting in the grid."""
        df = self.only("error").dropna(subset=["row"])
        return {(int(r), str(f)) for r, f in zip(df["row"], df["field"], strict=True)}

    # --- messages ------------------------------------------------------------------------------
    def issues(self, *, severity: str | None = None, limit: int | None = None, row: int | None = None,
               field_name: str | None = None) -> list[ValidationIssue]:
        df = self.errors
        if severity:
            df = df[df["severity"] == severity]
        if row is not None:
            df = df[df["row"] == row]
        if field_name is not None:
            df = df[df["field"] == field_name]
        if limit is not None:
            df = df.head(limit)
        return list(self._iter(df))

    def _iter(self, df: pd.DataFrame) -> Iterator[ValidationIssue]:
        for rec in df.itertuples(index=False):
            fdesc = self.fields.get(rec.field, {"name": rec.field})
            message, hint = message_and_hint(rec.code, fdesc, rec.value, rec.constraint, rec.detail)
            row = None if pd.isna(rec.row) else int(rec.row)
            yield ValidationIssue(row, rec.field, rec.code, rec.constraint, rec.value, rec.severity, message, hint)

    def summary(self) -> str:
        """One French sentence for the status bar and the CLI."""
        if self.valid:
            text = f"Le fichier est valide ({self.row_count} lignes)."
        else:
            rows = len(self.rows_with_errors())
            text = f"{count_of(self.error_count, 'erreur')} sur {count_of(rows, 'ligne')} (sur {self.row_count})."
        if self.warning_count:
            text += f" {count_of(self.warning_count, 'avertissement')}."
        return text

    def to_dict(self, *, max_issues: int = 1000, with_values: bool = True) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "schema": self.schema_id,
            "row_count": self.row_count,
            "error_count": self.error_count,
            "warning_count": self.warning_count,
            "errors_by_kind": [{"kind": k, "count": n} for k, n in self.by_kind()],
            "errors_by_field": [{"field": f, "count": n} for f, n in self.by_field()],
            "errors_by_field_and_kind": [{"field": f, "kind": k, "count": n} for f, k, n in self.by_field_and_kind()],
            "warnings": [i.to_dict(with_value=with_values) for i in self.issues(severity="warning")],
            "errors": [i.to_dict(with_value=with_values) for i in self.issues(severity="error", limit=max_issues)],
            "errors_truncated": self.error_count > max_issues,
        }

    def merged(self, other: ValidationReport, *, rows: list[int] | None, fields: list[str] | None) -> ValidationReport:
        """This report with the errors of ``rows`` x ``fields`` replaced by ``other``'s (partial re-validation)."""
        df = self.errors
        drop = pd.Series(True, index=df.index)
        if rows is not None:
            drop &= df["row"].isin(rows)
        if fields is not None:
            drop &= df["field"].isin(fields)
        drop &= df["row"].notna()
        kept = df[~drop]
        new = other.errors[other.errors["row"].notna()]
        errors = pd.concat([kept, new], ignore_index=True) if len(new) else kept.reset_index(drop=True)
        errors = sort_frame(errors)
        return ValidationReport(errors=errors, fields=self.fields, row_count=self.row_count,
                                schema_id=self.schema_id, checked_fields=self.checked_fields)


def _kind_labels(df: pd.DataFrame) -> list[str]:
    """Each error's French kind, worked out once per distinct (code, constraint): a file has few kinds, many rows."""
    codes, _ = pd.factorize(df["code"], use_na_sentinel=False)
    constraints, constraint_values = pd.factorize(df["constraint"], use_na_sentinel=False)
    keys = codes.astype(np.int64) * max(len(constraint_values), 1) + constraints
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    code_cells, constraint_cells = df["code"].array, df["constraint"].array
    labels = np.array([kind_label(code_cells[i], constraint_cells[i]) for i in first], dtype=object)
    return labels[inverse.reshape(-1)].tolist()


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "row": pd.Series([], dtype="Int64"),
        "field": pd.Series([], dtype=object),
        "code": pd.Series([], dtype=object),
        "constraint": pd.Series([], dtype=object),
        "value": pd.Series([], dtype=object),
        "severity": pd.Series([], dtype=object),
        "detail": pd.Series([], dtype=object),
    })


def sort_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Table-level problems first, then by source row (stable: keeps field order inside a row)."""
    if df.empty:
        return df.reset_index(drop=True)
    key = df["row"].astype("Float64").fillna(-1)
    order = key.reset_index(drop=True).sort_values(kind="stable").index
    return df.reset_index(drop=True).iloc[order].reset_index(drop=True)
