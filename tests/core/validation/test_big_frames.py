"""Many errors of one kind are framed in Arrow (issue 16: no long GIL hold while a job validates), with the
same report as the plain way."""

from __future__ import annotations

import pandas as pd

from capnum_desktop.core.schemas import schema_from_descriptor
from capnum_desktop.core.table import text_frame
from capnum_desktop.core.validation import engine, revalidate, validate_table

SCHEMA = schema_from_descriptor({"fields": [
    {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True}},
    {"name": "date", "type": "date"},
    {"name": "statut", "type": "string", "constraints": {"enum": ["ouvert", "fermé"]}},
]})


def test_many_errors_of_one_kind_give_the_same_report_in_arrow(monkeypatch) -> None:
    n = 3000
    rows = [[str(i if i % 7 else i - 1), "15/03/2024" if i % 3 else "2024-03-15", "OUVERT" if i % 2 else "ouvert"]
            for i in range(n)]
    df = text_frame(["id", "date", "statut"], rows, list(range(2, n + 2)))
    monkeypatch.setattr(engine, "FRAME_SLICE", 50)  # every error kind here is "many"
    arrow = validate_table(df, SCHEMA)
    again = revalidate(arrow, df, SCHEMA, rows=list(range(2, 500)), fields=["date"])
    monkeypatch.setattr(engine, "FRAME_SLICE", 10**9)
    plain = validate_table(df, SCHEMA)
    assert len(arrow.errors) > 2000 and set(arrow.errors["code"]) >= {"type-error", "constraint-error", "unique-error"}
    pd.testing.assert_frame_equal(arrow.errors, plain.errors)
    assert list(arrow.errors.dtypes) == list(plain.errors.dtypes)
    pd.testing.assert_frame_equal(again.errors, revalidate(plain, df, SCHEMA, rows=list(range(2, 500)),
                                                           fields=["date"]).errors)
