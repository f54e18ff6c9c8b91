"""Column work on threads gives what the calling thread gives (issue 18)."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

from capnum_desktop.core import parallel
from capnum_desktop.core.io import read_table

REPO = Path(__file__).resolve().parents[2]


def test_results_in_order_on_threads_for_a_big_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "WORKERS", 3)
    names: set[str] = set()

    def square(x: int) -> int:
        names.add(threading.current_thread().name)
        return x * x

    assert parallel.map_columns(square, list(range(20)), rows=parallel.PARALLEL_ROWS) == [x * x for x in range(20)]
    assert any(n.startswith("capnum-columns") for n in names)
    names.clear()
    assert parallel.map_columns(square, [1, 2], rows=10) == [1, 4]
    assert names == {threading.current_thread().name}  # a small table: no pool


def test_an_error_in_a_column_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "WORKERS", 2)

    def fail(x: int) -> int:
        if x == 3:
            raise ValueError("colonne 3")
        return x

    with pytest.raises(ValueError, match="colonne 3"):
        parallel.map_columns(fail, list(range(6)), rows=parallel.PARALLEL_ROWS)


@pytest.mark.parametrize("name", ["subventions-demo.xlsx", "damaged.csv"])
def test_a_table_read_on_threads_is_the_same_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    """Cells written as text, blank and damage checks on threads: the same table and warnings."""
    path = REPO / "resources" / "demo" / name
    if name == "damaged.csv":  # apostrophes, Excel's exponent, mojibake: each column's warnings
        path = tmp_path / name
        rows = ["code;siret;ville;note"] + [f"'0{i};2,10104E+13;Orl\u00c3\u00a9ans;ligne {i}" for i in range(40)]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "WORKERS", 1)
    alone = read_table(path)
    monkeypatch.setattr(parallel, "WORKERS", 2)
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 1)
    threaded = read_table(path)
    pd.testing.assert_frame_equal(threaded.df, alone.df)
    assert threaded.source == alone.source
    if name == "damaged.csv":
        assert {w.code for w in alone.source.warnings} >= {"scientific-notation", "garbled-values"}
