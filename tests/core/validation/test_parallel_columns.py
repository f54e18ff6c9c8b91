"""Columns checked on several threads give the sequential report, and a cancel stops them (issue 18)."""

from __future__ import annotations

import threading

import numpy as np
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
    custom = engine.run_custom_checks

    def custom_spy(*args: object, **kwargs: object) -> object:
        seen.add(threading.current_thread().name)
        return custom(*args, **kwargs)

    monkeypatch.setattr(engine, "run_custom_checks", custom_spy)
    parallel = validate_table(df, SCHEMA).errors
    assert any(name.startswith("capnum-check") for name in seen)  # the pool did run the checks
    assert any(name.startswith("capnum-custom") for name in seen)  # and the SIRET check beside them
    assert (sequential["code"] == "french-siret-value").any()
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


def _old_duplicates(keys: np.ndarray, index: np.ndarray, skip: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """engine._duplicates before its int64 path (pandas duplicated + groupby), to compare with."""
    n = len(keys)
    frame = pd.DataFrame(keys)
    valid = keys[:, 0] >= 0 if keys.shape[1] == 1 else np.ones(n, dtype=bool)
    if skip is not None:
        valid &= ~skip
    dup = np.zeros(n, dtype=bool)
    first = np.zeros(n, dtype=np.int64)
    if not valid.any():
        return dup, first
    sub = frame[valid]
    dup[valid] = sub.duplicated(keep="first").to_numpy()
    if dup.any():
        codes = sub.groupby(list(sub.columns), sort=False).ngroup().to_numpy()
        first_pos = pd.Series(np.arange(len(codes))).groupby(codes).transform("min").to_numpy()
        first[valid] = index[valid][first_pos]
    return dup, first


@pytest.mark.parametrize("seed", range(30))
def test_duplicates_by_one_int64_key_equal_pandas(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 400))
    width = int(rng.integers(1, 4))
    high = int(rng.choice([2, 10, 1000, 2**40]))
    keys = rng.integers(-1, high, size=(n, width), dtype=np.int64)
    index = np.arange(2, n + 2, dtype=np.int64)
    skip = (keys < 0).all(axis=1) if width > 1 else None
    got, want = engine._duplicates(keys, index, skip=skip), _old_duplicates(keys, index, skip=skip)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])


@pytest.mark.parametrize("seed", range(30))
def test_duplicates_of_codes_numbered_as_first_seen_equal_pandas(seed: int) -> None:
    """The column checks' group ids (dictionary encoding, factorize: 0, 1, 2… in the order first seen, -1 for
    no value) take the running-maximum way; ids numbered otherwise still take the sort. Same answers."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    codes, _ = pd.factorize(rng.integers(0, int(rng.choice([2, 10, 1000])), size=n))
    codes = codes.astype(np.int64)
    if seed % 3 == 1:
        codes[rng.random(n) < 0.2] = -1  # no value
    if seed % 3 == 2:
        codes = np.where(codes == 0, -1, codes)  # a code taken out whole: still as first seen
    if seed % 5 == 4:
        codes = codes.max() - codes  # numbered otherwise: the sort
    keys = codes[:, None]
    index = np.arange(2, n + 2, dtype=np.int64)
    if seed % 3 != 1 and seed % 5 != 4:  # first seen (a code taken out whole too): no sort
        assert engine._first_seen_order(codes[codes >= 0]) is not None
    got, want = engine._duplicates(keys, index), _old_duplicates(keys, index)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])


def test_a_missing_cell_in_error_is_reported_as_before() -> None:
    """A column holding a real missing value (a DataFrame given directly, not read): its cells in error are
    written as the column has them (« nan »), as values.iloc gave them, not as the "" the check reads."""
    df = pd.DataFrame({"a": pd.array(["1", None, "x"], dtype="str")})
    schema = {"fields": [{"name": "a", "type": "integer", "constraints": {"required": True}}], "missingValues": ["NA"]}
    errors = validate_table(df, schema).errors
    assert errors.loc[errors["row"] == 1, "value"].tolist() == ["nan"]
    assert errors.loc[errors["row"] == 2, "value"].tolist() == ["x"]


def test_a_cancel_stops_the_custom_checks_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelled while the columns are checked: the custom checks started beside them start no further check."""
    df = generate(3000, seed=5)
    monkeypatch.setattr(engine, "PARALLEL_ROWS", 1000)
    monkeypatch.setattr(engine, "WORKERS", 2)
    started: list[str] = []
    gate = threading.Event()
    real = engine.run_custom_checks

    def slow_checks(*args: object, stop: threading.Event | None = None, **kwargs: object) -> object:
        gate.wait(5)  # still before its first check when the validation is cancelled
        started.append("ran" if stop is None or not stop.is_set() else "stopped")
        return real(*args, stop=stop, **kwargs)

    monkeypatch.setattr(engine, "run_custom_checks", slow_checks)
    token = CancelToken()

    def progress(_fraction: float, _label: str) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        validate_table(df, SCHEMA, progress=progress, cancel=token)
    gate.set()
    for _ in range(100):
        if started:
            break
        threading.Event().wait(0.05)
    assert started == ["stopped"]
