"""The validation report: every error and warning, grouped by kind and by column.

Errors are held in one DataFrame (a dirty million-row file can have a million errors) of codes and
parameters: row, field, ``code``/``constraint``, the cell's value and ``detail`` (the sentence's other
parameters, a JSON object: see :mod:`.sentences`). Sentences are made when someone reads them, in French
by default or in English (``lang="en"``), so validation stays fast and the GUI can page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from capnum_desktop.core.validation.messages import kind_label, message_and_hint
from capnum_desktop.core.validation.sentences import count as count_of
from capnum_desktop.core.validation.sentences import say

FRICTIONLESS_CODES = ("type-error", "constraint-error", "unique-error", "primary-key", "blank-row",
                      "missing-cell", "extra-cell")
COLUMNS = ["row", "field", "code", "constraint", "value", "severity", "detail"]

_PLACES = {
    "fr": ("Ligne {row}, « {field} »", "Colonne « {field} »", "Ligne {row}", "Tableau", "{where} : {text}"),
    "en": ("Row {row}, \"{field}\"", "Column \"{field}\"", "Row {row}", "Table", "{where}: {text}"),
}


@dataclass(frozen=True)
class ValidationIssue:
    """One problem: source row (None for a column or table problem), field, code and parameters.

    Its sentences are made when first read, once per language: :meth:`text` in French or English;
    ``message`` and ``hint`` are the French ones. A job can read them ahead so the UI thread finds them made.
    """

    row: int | None
    field: str
    code: str
    constraint: str
    value: str
    severity: str  # "error" or "warning"
    detail: str = ""  # the sentence's other parameters (JSON object), see sentences.parameters
    schema_field: Mapping[str, Any] | None = dataclasses.field(default=None, compare=False, repr=False)

    def text(self, lang: str = "fr") -> tuple[str, str]:
        """(what is wrong, how to fix it) in ``lang``, made on first reading and kept."""
        texts: dict[str, tuple[str, str]] = self.__dict__.setdefault("_texts", {})  # frozen: not a field
        made = texts.get(lang)
        if made is None:
            fdesc = dict(self.schema_field) if self.schema_field is not None else {"name": self.field}
            made = texts[lang] = message_and_hint(self.code, fdesc, self.value, self.constraint, self.detail, lang)
        return made

    @property
    def message(self) -> str:
        """What is wrong, in French."""
        return self.text("fr")[0]

    @property
    def hint(self) -> str:
        """How to fix it, in French."""
        return self.text("fr")[1]

    @property
    def kind(self) -> str:
        return kind_label(self.code, self.constraint)

    def kind_in(self, lang: str = "fr") -> str:
        return kind_label(self.code, self.constraint, lang)

    def to_dict(self, *, with_value: bool = True, lang: str = "fr") -> dict[str, Any]:
        message, hint = self.text(lang)
        data = {
            "row": self.row,
            "field": self.field,
            "code": self.code,
            "constraint": self.constraint or None,
            "severity": self.severity,
            "kind": self.kind_in(lang),
            "message": message,
            "hint": hint,
        }
        if with_value:
            data["value"] = self.value
        return data

    def line(self, lang: str = "fr") -> str:
        """« Ligne 7, « siret » : … » — where, what and what to do, on one line."""
        cell, column, row, table, joined = _PLACES.get(lang, _PLACES["fr"])
        where = cell.format(row=self.row, field=self.field) if self.row is not None else column.format(field=self.field)
        if not self.field:
            where = row.format(row=self.row) if self.row is not None else table
        message, hint = self.text(lang)
        return joined.format(where=where, text=f"{message} {hint}").strip()


def issue_text(issue: ValidationIssue, lang: str = "fr") -> tuple[str, str]:
    """(message, hint) of ``issue`` in ``lang``: the one call the edges (CLI, window, reports) make."""
    return issue.text(lang)


def issue_message(issue: ValidationIssue, lang: str = "fr") -> str:
    return issue.text(lang)[0]


def issue_hint(issue: ValidationIssue, lang: str = "fr") -> str:
    return issue.text(lang)[1]


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
        return int(self._severity_mask("error").sum())

    @property
    def warning_count(self) -> int:
        return int(self._severity_mask("warning").sum())

    def _severity_mask(self, severity: str) -> np.ndarray:
        """Which errors have ``severity``, worked out once per frame: the summary, the JSON and the HTML report
        each ask several times, and 2M errors cost ~0.1 s per comparison (issue 18). Kept with the frame
        it was made from, so a report given another frame works it out again."""
        kept: tuple[pd.DataFrame, dict[str, np.ndarray]] | None = self.__dict__.get("_masks")
        if kept is None or kept[0] is not self.errors:
            kept = self.__dict__["_masks"] = (self.errors, {})
        masks = kept[1]
        if severity not in masks:
            masks[severity] = np.asarray(self.errors["severity"] == severity, dtype=bool)
        return masks[severity]

    def only(self, severity: str, columns: list[str] | None = None) -> pd.DataFrame:
        """The errors of ``severity`` (only ``columns`` of them: at 2M errors a copy of every column costs
        ~0.2 s, and the counts need two or three)."""
        mask = self._severity_mask(severity)
        df = self.errors if columns is None else self.errors[columns]
        return df if mask.all() else df[mask]

    def by_kind(self, severity: str = "error", lang: str = "fr") -> list[tuple[str, int]]:
        """(kind, in French or ``lang``, count), most frequent first."""
        df = self.only(severity, ["code", "constraint"])
        if df.empty:
            return []
        numbers, labels = _kind_numbers(df, lang)
        counts = pd.Series(np.bincount(numbers, minlength=len(labels)), index=pd.Index(labels, dtype=object))
        counts = counts.sort_values(ascending=False, kind="stable")  # as value_counts(): ties by first appearance
        return [(str(k), int(v)) for k, v in counts.items()]

    def by_field(self, severity: str = "error") -> list[tuple[str, int]]:
        df = self.only(severity, ["field"])
        if df.empty:
            return []
        counts = df["field"].value_counts()
        return [(str(k), int(v)) for k, v in counts.items()]

    def by_field_and_kind(self, severity: str = "error", lang: str = "fr") -> list[tuple[str, str, int]]:
        """(field, kind in French or ``lang``, count) — the grouped view of the report."""
        df = self.only(severity, ["field", "code", "constraint"])
        if df.empty:
            return []
        kind_numbers, labels = _kind_numbers(df, lang)
        field_numbers, field_values = pd.factorize(df["field"], use_na_sentinel=False)  # first appearance order
        keys = field_numbers.astype(np.int64) * len(labels) + kind_numbers
        distinct, first, counts = np.unique(keys, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")  # the groups in order of first appearance, as groupby(sort=False)
        groups = distinct[order]
        index = pd.MultiIndex.from_arrays([np.asarray(field_values, dtype=object)[groups // len(labels)],
                                           np.asarray(labels, dtype=object)[groups % len(labels)]])
        grouped = pd.Series(counts[order], index=index).sort_values(ascending=False)
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
        rows = np.sort(self.only("error", ["row"])["row"].dropna().to_numpy(dtype=np.int64))  # mostly sorted
        out: list[int] = rows[np.flatnonzero(np.diff(rows, prepend=rows[:1] - 1))].tolist()
        return out

    def cells_with_errors(self) -> set[tuple[int, str]]:
        """(source row, field) of every erroneous cell, for highlighting in the grid."""
        df = self.only("error").dropna(subset=["row"])
        return {(int(r), str(f)) for r, f in zip(df["row"], df["field"], strict=True)}

    # --- messages ------------------------------------------------------------------------------
    def issues(self, *, severity: str | None = None, limit: int | None = None, row: int | None = None,
               field_name: str | None = None) -> list[ValidationIssue]:
        df = self.errors
        if severity and row is None and field_name is None and limit is not None:  # the first few: no copy of all
            df = df.iloc[np.flatnonzero(self._severity_mask(severity))[:limit]]
        elif severity:
            df = self.only(severity)
        if row is not None:
            df = df[df["row"] == row]
        if field_name is not None:
            df = df[df["field"] == field_name]
        if limit is not None:
            df = df.head(limit)
        return list(self._iter(df))

    def _iter(self, df: pd.DataFrame) -> Iterator[ValidationIssue]:
        """Issues of ``df``'s rows: codes and parameters only, their sentences are made when read."""
        fields = self.fields
        for rec in df.itertuples(index=False):
            row = None if pd.isna(rec.row) else int(rec.row)
            detail = rec.detail if isinstance(rec.detail, str) else ""
            yield ValidationIssue(row, rec.field, rec.code, rec.constraint, rec.value, rec.severity, detail,
                                  fields.get(rec.field))

    def summary(self, lang: str = "fr") -> str:
        """One sentence (French by default) for the status bar and the CLI."""
        if self.valid:
            text = say("summary.valid", lang, rows=count_of(self.row_count, "row", lang))
        else:
            rows = len(self.rows_with_errors())
            text = say("summary.errors", lang, errors=count_of(self.error_count, "error", lang),
                       rows=count_of(rows, "row", lang), total=self.row_count)
        if self.warning_count:
            text += say("summary.warnings", lang, warnings=count_of(self.warning_count, "warning", lang))
        return text

    def to_dict(self, *, max_issues: int = 1000, with_values: bool = True, lang: str = "fr") -> dict[str, Any]:
        return {
            "valid": self.valid,
            "schema": self.schema_id,
            "row_count": self.row_count,
            "error_count": self.error_count,
            "warning_count": self.warning_count,
            "errors_by_kind": [{"kind": k, "count": n} for k, n in self.by_kind(lang=lang)],
            "errors_by_field": [{"field": f, "count": n} for f, n in self.by_field()],
            "errors_by_field_and_kind": [{"field": f, "kind": k, "count": n}
                                         for f, k, n in self.by_field_and_kind(lang=lang)],
            "warnings": [i.to_dict(with_value=with_values, lang=lang) for i in self.issues(severity="warning")],
            "errors": [i.to_dict(with_value=with_values, lang=lang)
                       for i in self.issues(severity="error", limit=max_issues)],
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


def _kind_numbers(df: pd.DataFrame, lang: str = "fr") -> tuple[np.ndarray, list[str]]:
    """Each error's kind as a number into the distinct kind labels, numbered in order of first appearance
    (each label worked out once per distinct (code, constraint), no Python string per error: 2M errors)."""
    codes, _ = pd.factorize(df["code"], use_na_sentinel=False)
    constraints, constraint_values = pd.factorize(df["constraint"], use_na_sentinel=False)
    keys = codes.astype(np.int64) * max(len(constraint_values), 1) + constraints
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    code_cells, constraint_cells = df["code"].array, df["constraint"].array
    key_labels = [kind_label(code_cells[i], constraint_cells[i], lang) for i in first]
    label_numbers, labels = pd.factorize(pd.Series(key_labels, dtype=object)[np.argsort(first, kind="stable")])
    by_key = np.empty(len(first), dtype=np.int64)
    by_key[np.argsort(first, kind="stable")] = label_numbers  # two keys may share a label
    return by_key[inverse.reshape(-1)], [str(label) for label in labels]


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
