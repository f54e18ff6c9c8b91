"""The report's counts made from numbers give what they gave from one string per error (issue 18).

At 2M errors (the bench's --schema export) the summary, the JSON and the HTML report spent ~4 s building
a French label per error and filtering the frame again on every call; the reference functions below are
the previous code, kept to compare with."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from capnum_desktop.core.validation.messages import kind_label
from capnum_desktop.core.validation.report import COLUMNS, ValidationReport

KINDS = [("type-error", ""), ("type-error", "integer"), ("constraint-error", "pattern"),
         ("constraint-error", "required"), ("constraint-error", "made-up"), ("unique-error", ""),
         ("blank-row", ""), ("extra-cell", ""), ("missing-cell", ""), ("custom-check", "siret")]


def _report(seed: int, n: int) -> ValidationReport:
    rng = random.Random(seed)
    kinds = rng.sample(KINDS, rng.randint(1, len(KINDS)))
    fields = ["a", "b", "", "c"][: rng.randint(1, 4)]
    rows = []
    for _ in range(n):
        code, constraint = rng.choice(kinds)
        severity = "warning" if rng.random() < 0.1 else "error"
        row = None if rng.random() < 0.05 else rng.randint(2, n // 3 + 2)
        rows.append((row, rng.choice(fields), code, constraint, "v", severity, ""))
    errors = pd.DataFrame(rows, columns=COLUMNS)
    errors["row"] = errors["row"].astype("Int64")
    return ValidationReport(errors=errors, row_count=n)


def _labels(df: pd.DataFrame, lang: str) -> list[str]:
    return [kind_label(c, k, lang) for c, k in zip(df["code"], df["constraint"], strict=True)]


def _old_by_kind(report: ValidationReport, severity: str, lang: str) -> list[tuple[str, int]]:
    df = report.errors[report.errors["severity"] == severity]
    if df.empty:
        return []
    counts = pd.Series(_labels(df, lang)).value_counts()
    return [(str(k), int(v)) for k, v in counts.items()]


def _old_by_field_and_kind(report: ValidationReport, severity: str, lang: str) -> list[tuple[str, str, int]]:
    df = report.errors[report.errors["severity"] == severity]
    if df.empty:
        return []
    kinds = pd.Series(_labels(df, lang), index=df.index)
    grouped = df.assign(kind=kinds).groupby(["field", "kind"], sort=False).size().sort_values(ascending=False)
    return [(str(f), str(k), int(n)) for (f, k), n in grouped.items()]


@pytest.mark.parametrize("seed", range(40))
def test_counts_equal_the_per_error_labels(seed: int) -> None:
    report = _report(seed, random.Random(seed).choice([1, 5, 60, 3000]))
    for lang in ("fr", "en"):
        for severity in ("error", "warning"):
            assert report.by_kind(severity, lang) == _old_by_kind(report, severity, lang)
            assert report.by_field_and_kind(severity, lang) == _old_by_field_and_kind(report, severity, lang)
    errors = report.errors
    assert report.error_count == int((errors["severity"] == "error").sum())
    assert report.warning_count == int((errors["severity"] == "warning").sum())
    assert report.rows_with_errors() == sorted({int(r) for r in errors[errors["severity"] == "error"]["row"].dropna()})
    first = errors[errors["severity"] == "error"].head(7)
    assert [(i.row, i.field, i.code) for i in report.issues(severity="error", limit=7)] == [
        (None if pd.isna(r) else int(r), f, c) for r, f, c in zip(first["row"], first["field"], first["code"], strict=True)]


def test_a_report_given_another_frame_counts_it_again() -> None:
    report = _report(1, 100)
    before = report.error_count
    report.errors = report.errors.iloc[:10]
    assert report.error_count == int((report.errors["severity"] == "error").sum()) != before
    assert len(report.only("error")) == report.error_count


def test_only_errors_is_the_frame_itself_when_all_are_errors() -> None:
    report = _report(2, 50)
    report.errors = report.errors.assign(severity="error")
    assert report.only("error") is report.errors
    assert report.only("warning").empty
    assert np.array_equal(report.only("error")["row"].isna(), report.errors["row"].isna())
