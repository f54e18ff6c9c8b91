"""Validation sentences made at the edge from codes and parameters, in French and English (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from capnum_desktop.core.table import SourceInfo, Table
from capnum_desktop.core.validation import validate_table
from capnum_desktop.core.validation.custom_checks import CHECKS
from capnum_desktop.core.validation.messages import kind_label, message_and_hint
from capnum_desktop.core.validation.report import FRICTIONLESS_CODES, issue_message, issue_text
from capnum_desktop.core.validation.sentences import count, parameters, say

TABLE_CODES = ("missing-required-header", "missing-header", "extra-header", "duplicate-label", "foreign-key",
               "check-error", "unknown-check", "reversed-french-gps-coordinates")


# Every entry of the table in both languages with the same parameters: tests/test_sentence_tables.py


@pytest.mark.parametrize("code", sorted({*FRICTIONLESS_CODES, *TABLE_CODES, *CHECKS}))
def test_every_code_the_checks_produce_has_a_kind_and_a_hint_in_both_languages(code: str) -> None:
    assert kind_label(code, "", "fr") != code and kind_label(code, "", "en") != code
    assert kind_label(code, "", "fr") != kind_label(code, "", "en")
    field = {"name": "x", "type": "string"}
    french, english = message_and_hint(code, field, "abc"), message_and_hint(code, field, "abc", lang="en")
    assert all(french) and all(english)
    assert french[1] != english[1], code


def _report(columns: dict[str, list[str]], schema: dict) -> object:
    frame = pd.DataFrame(columns, dtype=object)
    frame.index = range(2, 2 + len(frame))
    return validate_table(Table(frame, SourceInfo(Path("x.csv"), "csv")), schema)


SCHEMA = {
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"unique": True}},
        {"name": "date", "type": "date"},
        {"name": "statut", "type": "string", "constraints": {"enum": ["actif", "inactif"], "required": True}},
        {"name": "siret", "type": "string"},
    ],
    "custom_checks": [{"name": "french-siret-value", "params": {"column": "siret"}}],
}


def test_the_same_issues_read_in_french_by_default_and_in_english_on_request() -> None:
    report = _report({"id": ["1", "1"], "date": ["15/03/2024", "2024-01-01"], "statut": ["actf", ""],
                      "siret": ["21690123100011", "123"]}, SCHEMA)
    by_field = {(i.row, i.field): i for i in report.issues()}
    date = by_field[(2, "date")]
    assert date.message == "« 15/03/2024 » : la forme attendue est 2024-03-15."  # French as before
    assert issue_text(date, "en") == ("\"15/03/2024\": the expected form is 2024-03-15.",
                                      "Write dates as YYYY-MM-DD (year-month-day).")
    assert date.line("en").startswith("Row 2, \"date\": ")
    assert issue_message(by_field[(3, "id")], "en") == "\"1\": this value is already present (first on row 2)."
    assert by_field[(3, "id")].message == "« 1 » : cette valeur est déjà présente (déjà ligne 2)."
    assert "Did you mean \"actif\"?" in issue_message(by_field[(2, "statut")], "en")
    assert issue_text(by_field[(3, "siret")], "en")[0] == "\"123\": this is not a valid SIRET number (14 digits, check digit)."
    assert dict(report.by_kind(lang="en"))["Duplicate value"] == 1
    assert report.summary("en") == "5 errors on 2 rows (of 2)."
    assert report.summary() == "5 erreurs sur 2 lignes (sur 2)."
    data = report.to_dict(lang="en")
    assert data["errors"][0]["message"].startswith("\"15/03/2024\"") and data["errors_by_kind"][0]["kind"]


def test_issues_carry_codes_and_parameters_and_make_no_sentence_until_read() -> None:
    """Building 20,000 issues must not build 20,000 French sentences (the GUI pages through them)."""
    n = 20_000
    report = _report({"id": [str(i) for i in range(n)], "date": ["15/03/2024"] * n, "statut": ["actif"] * n,
                      "siret": [""] * n}, SCHEMA)
    issues = report.issues()
    assert len(issues) == n and all(i.code == "type-error" and i.field == "date" for i in issues[:5])
    assert not any("_texts" in vars(i) for i in issues)
    assert issues[0].message and set(vars(issues[0])["_texts"]) == {"fr"}  # made once when read, then kept
    assert issues[0].text("en") and set(vars(issues[0])["_texts"]) == {"fr", "en"}


def test_duplicates_record_the_first_row_as_a_parameter_not_a_sentence() -> None:
    report = _report({"id": ["7", "7"], "date": ["", ""], "statut": ["actif", "actif"], "siret": ["", ""]}, SCHEMA)
    detail = report.errors.loc[report.errors["code"] == "unique-error", "detail"].iloc[0]
    assert parameters(detail) == {"first_row": 2}


def test_counts_follow_each_language() -> None:
    assert [count(n, "error", "fr") for n in (0, 1, 2)] == ["0 erreur", "1 erreur", "2 erreurs"]
    assert [count(n, "error", "en") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert say("blank-row", "de") == say("blank-row")  # an unknown language falls back to French
