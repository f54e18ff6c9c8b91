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
