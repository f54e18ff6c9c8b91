"""French counts: 0 and 1 in the singular, never « (s) » (issue 15)."""

from __future__ import annotations

import pytest

from capnum_desktop.core.wording import count


@pytest.mark.parametrize("n, said", [(0, "0 erreur"), (1, "1 erreur"), (2, "2 erreurs"), (48, "48 erreurs")])
def test_french_number(n: int, said: str) -> None:
    assert count(n, "erreur") == said


def test_irregular_plural() -> None:
    assert count(3, "travail", "travaux") == "3 travaux"
    assert count(1, "travail", "travaux") == "1 travail"


def test_the_report_summary_reads_as_french() -> None:
    from pathlib import Path

    import pandas as pd

    from capnum_desktop.core.schemas import load_schema
    from capnum_desktop.core.table import SourceInfo, Table
    from capnum_desktop.core.validation import validate_table

    schema = load_schema("scdl/subventions")
    frame = pd.DataFrame({name: ["", ""] for name in schema.field_names})
    summary = validate_table(Table(frame, SourceInfo(Path("x.csv"), "csv")), schema).summary()
    assert "(s)" not in summary
    assert summary.endswith(" erreurs sur 2 lignes (sur 2).")


def test_a_schema_example_reads_as_an_example() -> None:
    """« Renseignez « idAttribuant » : 23350001600040. » read like the value to type (issue 15)."""
    from capnum_desktop.core.validation.messages import message_and_hint

    field = {"name": "idAttribuant", "type": "string", "example": "23350001600040", "pattern": "^\\d{14}$"}
    _, hint = message_and_hint("constraint-error", field, "", "required", None)
    assert hint == "Renseignez « idAttribuant » (par exemple « 23350001600040 »)."
    _, hint = message_and_hint("constraint-error", field, "12", "pattern", None)
    assert "Par exemple : « 23350001600040 »." in hint


def test_the_processing_report_reads_dates_in_french_and_findings_first() -> None:
    from capnum_desktop.core.privacy.report import french_date, render_html

    assert french_date("2026-12-04T23:41:11") == "4 décembre 2026 à 23 h 41"
    assert french_date("2026-03-01T09:05:00") == "1er mars 2026 à 9 h 05"
    assert french_date("pas une date") == "pas une date"
    column = {"spans_masked": {}, "legal_basis": [], "exception": None, "confidence": 1.0, "evidence": [],
              "action_label": "Conserver", "explanation": "", "cells_changed": 0, "note": "", "reason": ""}
    report = {
        "columns": [{**column, "column": "Montant", "category": None, "label": "aucune donnée personnelle repérée"},
                    {**column, "column": "Téléphone", "category": "phone", "label": "Téléphone"}],
        "k_anonymity": {"steps": [], "before": 0, "after": 0, "target": 11}, "source_file": "x.xlsx",
        "generated_at": "2026-12-04T23:41:11", "warnings": [], "app": "CapNum", "rows_after": 2, "rows_before": 2,
        "rows_dropped": 0, "rules_version": "1", "statement": "", "title": "Rapport", "user": "",
    }
    page = render_html(report)
    assert "4 décembre 2026 à 23 h 41" in page and "2026-12-04T23" not in page
    assert page.index("Téléphone") < page.index("Montant")
