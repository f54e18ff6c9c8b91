"""Rows kept by a read: zero-copy slices when few runs, the same frame as a mask would give (issue 18)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from capnum_desktop.core.io import cells
from capnum_desktop.core.io.assemble import MAX_RUNS, rows_where


def _frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    frame = pd.DataFrame(
        {
            "a": pd.array([f"v{i}" for i in range(n)], dtype="str"),
            "b": pd.array([None if i % 7 == 0 else "é" * (i % 5) for i in range(n)], dtype="str"),
            "c": rng.integers(0, 100, n).astype(str),
        },
        index=pd.RangeIndex(2, n + 2, name="ligne"),
    )
    return frame


@pytest.mark.parametrize("gaps", [1, 3, 40, MAX_RUNS + 5])
def test_same_frame_as_a_mask(gaps: int) -> None:
    frame = _frame(5000)
    keep = np.ones(len(frame), dtype=bool)
    keep[np.random.default_rng(gaps).choice(len(frame), gaps, replace=False)] = False
    got = rows_where(frame, keep)
    pd.testing.assert_frame_equal(got, frame[keep])
    assert got.index.name == "ligne"


def test_few_runs_share_the_source_buffers() -> None:
    frame = _frame(5000)
    keep = np.ones(len(frame), dtype=bool)
    keep[[0, 100, 2500, 4999]] = False
    got = rows_where(frame, keep)
    source = cells.arrow(frame["a"])
    kept = cells.arrow(got["a"])
    assert kept.num_chunks == 3  # three runs: 1-99, 101-2499, 2501-4998, no copy
    assert kept.chunks[0].buffers()[2].address == source.chunks[0].buffers()[2].address


def test_nothing_kept_and_everything_kept() -> None:
    frame = _frame(50)
    assert rows_where(frame, np.zeros(50, dtype=bool)).empty
    pd.testing.assert_frame_equal(rows_where(frame, np.ones(50, dtype=bool)), frame)


def test_a_column_not_backed_by_arrow_takes_pandas_way() -> None:
    frame = _frame(300)
    frame["d"] = pd.Series([object() if i == 5 else f"x{i}" for i in range(300)], index=frame.index, dtype=object)
    keep = np.ones(len(frame), dtype=bool)
    keep[[3, 150]] = False
    pd.testing.assert_frame_equal(rows_where(frame, keep), frame[keep])


def test_columns_named_alike_keep_their_places() -> None:
    frame = _frame(300)
    frame.columns = [0, 0, 1]
    keep = np.ones(len(frame), dtype=bool)
    keep[[10, 20]] = False
    pd.testing.assert_frame_equal(rows_where(frame, keep), frame[keep])


def test_buffer_searches_see_each_slice_own_bytes() -> None:
    """Slices share their source's buffer; the searches look at each slice's own values only (else a column
    kept as hundreds of slices was searched hundreds of times over, and a neighbour's text was « found »)."""
    source = pa.array(["abc", "Ã©té", "", None, "xyz\n"], type=pa.large_string())
    for start, length in ((0, 1), (1, 1), (2, 2), (0, 5), (4, 1), (3, 0)):
        part = source.slice(start, length)
        expected = "".join(v for v in part.to_pylist() if v).encode()
        assert bytes(cells.value_bytes(part)) == expected
    assert cells.value_bytes(pa.array([1, 2])) is None
    assert cells._in_buffers(source.slice(0, 1), ("Ã",)) == ()
    assert cells._in_buffers(source.slice(1, 1), ("Ã",)) == ("Ã",)
    frame = _frame(3000)
    keep = np.ones(len(frame), dtype=bool)
    keep[::10] = False  # 300 runs: 300 slices of one buffer
    kept = cells.arrow(rows_where(frame, keep)["a"])
    assert sum(len(cells.value_bytes(c)) for c in kept.chunks) == sum(len(v.encode()) for v in kept.to_pylist())
