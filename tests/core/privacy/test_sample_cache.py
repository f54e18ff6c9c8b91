"""The scan's samples of Arrow columns are kept for the plan, and taken by Arrow (issue 18): same samples
as the code of before, a column written to is sampled again."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from capnum_desktop.core.privacy import scan as s
from capnum_desktop.core.privacy import values as v


def _sample_before(series: pd.Series, size: int = s.SAMPLE_SIZE) -> list[str]:
    """scan.sample_values before issue 18 (the reference)."""
    n = len(series)
    if n > 20 * size:
        positions = list(range(min(s.HEAD * 4, n))) + list(range(s.HEAD * 4, n, max(1, n // (size * 4))))
        series = series.iloc[positions]
    cells = [str(x).strip() for x in series.tolist()]
    present = [x for x in cells if x and not v.is_missing(x)]
    if len(present) <= size:
        return present
    head, rest = present[:s.HEAD], present[s.HEAD:]
    step = len(rest) / (size - s.HEAD)
    return head + [rest[int(i * step)] for i in range(size - s.HEAD)]


def _cells(n: int) -> list[str | None]:
    ugly = ["", " ", None, "NA", "n/a", "  x  ", "\t", "é", "N.C.", "-", "0", "nan"]
    return [ugly[i % len(ugly)] if i % 3 else f" valeur {i} " for i in range(n)]


def _columns(n: int) -> list[pd.Series]:
    cells = _cells(n)
    chunked = pa.chunked_array([pa.array(cells[i : i + 997], pa.string()) for i in range(0, n, 997)], pa.string())
    return [
        pd.Series(cells, dtype="string[pyarrow]"),
        pd.Series(pd.arrays.ArrowStringArray(chunked)),
        pd.Series(pd.arrays.ArrowExtensionArray(chunked)),
        pd.Series(cells, dtype=object),
        pd.Series(range(n)).astype("int64[pyarrow]"),
    ]


def test_samples_equal_the_code_before() -> None:
    for n in (0, 5, 700, 10_000, 10_001, 25_003, 120_000):
        for series in _columns(n):
            for size in (s.SAMPLE_SIZE, 300):
                assert s.sample_values(series, size) == _sample_before(series, size), (n, series.dtype, size)
                assert s.sample_values(series, size) == _sample_before(series, size)  # kept, same answer


def test_a_written_column_is_sampled_again() -> None:
    df = pd.DataFrame({"a": pd.Series(_cells(30_000), dtype="string[pyarrow]")})
    first = s.sample_values(df["a"])
    df.loc[0:5000, "a"] = "autre"
    again = s.sample_values(df["a"])
    assert again == _sample_before(df["a"]) != first


def test_the_same_array_in_another_frame_reuses_the_sample() -> None:
    series = pd.Series(_cells(30_000), dtype="string[pyarrow]")
    table = pd.DataFrame({"x": series})
    first = s.sample_values(series)
    assert any(ref() is series.array._pa_array for ref, _size, _kept in s._SAMPLED)
    assert s.sample_values(table.iloc[:, 0]) == first
    first.append("changed by the caller")  # a caller's list is its own
    assert s.sample_values(series) == _sample_before(series)
