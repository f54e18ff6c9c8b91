"""Columns checked on several threads give the sequential report, and a cancel stops them (issue 18)."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from capnum_desktop.core.jobs import Cancelled, CancelToken
from capnum_desktop.core.validation import engine, validate_table
from tests.core.validation.generated import SCHEMA, generate


@pytest.mark.parametrize("workers", [2, 3])
def test_parallel_column_checks_give_the_sequential_report(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    df = generate(6000, seed=11, error_rate=0.05)
    monkeypatch.setattr(engine, "WORKERS", 1)
    sequential = validate_table(df, SCHEMA).errors
    monkeypatch.setattr(engine, "PARALLEL_ROWS", 1000)
    monkeypatch.setattr(engine, "WORKERS", workers)
    seen: set[str] = set()
    check = engine.check_column

    def spy(values: pd.Series, fl_field: object, *, need_groups: bool) -> object:
        seen.add(threading.current_thread().name)
        return check(values, fl_field, need_groups=need_groups)

    monkeypatch.setattr(engine, "check_column", spy)
    parallel = validate_table(df, SCHEMA).errors
    assert any(name.startswith("capnum-check") for name in seen)  # the pool did run the checks
    assert len(sequential) > 500
    pd.testing.assert_frame_equal(parallel, sequential)


def test_a_cancel_during_parallel_checks_stops_the_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    df = generate(3000, seed=3)
    monkeypatch.setattr(engine, "PARALLEL_ROWS", 1000)
    monkeypatch.setattr(engine, "WORKERS", 2)
    token = CancelToken()
    steps: list[str] = []

    def progress(_fraction: float, label: str) -> None:
        steps.append(label)
        if len(steps) == 3:
            token.cancel()

    with pytest.raises(Cancelled):
        validate_table(df, SCHEMA, progress=progress, cancel=token)
    assert len(steps) == 3
