"""detect_null_tokens keeps its answer for a table of Arrow columns (issue 18): the same answer as
looking again, and a column written to, another share or other columns are looked at again."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from capnum_desktop.core.schemas import matching
from capnum_desktop.core.table import SourceInfo, Table


def _table(df: pd.DataFrame) -> Table:
    return Table(df=df, source=SourceInfo(Path("t.csv"), "csv"))


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "a": pd.Series(["1", "NA", " nc ", "2"] * 10, dtype="string[pyarrow]"),
        "b": pd.Series(["x", "y", "#", None] * 10, dtype="string[pyarrow]"),
        "c": pd.Series(["-", "N/A", "z", "w"] * 10, dtype="string[pyarrow]"),
    })


def test_kept_answer_equals_looking_again() -> None:
    df = _frame()
    first = matching.detect_null_tokens(_table(df))
    assert first == matching._null_tokens(df, 0.0) == ("NA", "nc", "#", "-", "N/A")
    assert matching.detect_null_tokens(_table(df.copy())) == first  # same arrays: kept
    assert matching.detect_null_tokens(_table(df), min_share=0.3) == matching._null_tokens(df, 0.3)


def test_a_written_column_or_other_columns_are_looked_at_again() -> None:
    df = _frame()
    matching.detect_null_tokens(_table(df))
    df.loc[1, "a"] = "ND"
    assert matching.detect_null_tokens(_table(df)) == matching._null_tokens(df, 0.0)
    assert "ND" in matching.detect_null_tokens(_table(df))
    assert matching.detect_null_tokens(_table(df[["c", "a"]])) == matching._null_tokens(df[["c", "a"]], 0.0)
    assert matching.detect_null_tokens(_table(df[["c", "a"]]))[:3] == ("-", "N/A", "ND")
    objects = df.astype(object)
    assert matching.detect_null_tokens(_table(objects)) == matching._null_tokens(objects, 0.0)
    assert matching.detect_null_tokens(_table(pd.DataFrame())) == ()
