"""The datetime fast path reads exactly the cells frictionless reads as naive datetimes, to the second (issue 18)."""

from __future__ import annotations

import random
import re
from datetime import datetime

import numpy as np
import pyarrow as pa
import pytest
from dateutil.parser import isoparse

from capnum_desktop.core.validation.iso_datetime import iso_seconds

EPOCH = datetime(1970, 1, 1)
SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")


def _reference(cell: str | None) -> int | None:
    """Seconds since 1970 when frictionless' reader gives the naive datetime the cell's numbers say."""
    if cell is None or not SHAPE.fullmatch(cell):
        return None
    try:
        read = isoparse(cell)
        exact = datetime.strptime(cell, "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None
    if read != exact:  # 24:00:00 is the next day for dateutil: left to frictionless' reader
        return None
    return int((exact - EPOCH).total_seconds())


def _cells(seed: int, n: int = 5000) -> list[str | None]:
    rng = random.Random(seed)
    edge = ["2024-02-29T12:00:00", "2023-02-29T12:00:00", "2024-02-30T00:00:00", "1900-02-29T00:00:00",
            "2000-02-29T23:59:59", "2024-04-31T10:00:00", "2024-12-31T23:59:59", "2024-01-01T24:00:00",
            "2024-01-01T23:60:00", "2024-01-01T23:59:60", "0000-01-01T00:00:00", "0001-01-01T00:00:00",
            "9999-12-31T23:59:59", "2024-13-01T00:00:00", "2024-00-10T00:00:00", "2024-01-00T00:00:00",
            "2024-01-01 00:00:00", "2024-01-01T00:00:0Z", "2024-01-01T00:00:00Z", "2024-1-01T00:00:00",
            "٢٠٢٤-01-01T00:00:00", "2024-01-01T00:00:0é", "", None, "1969-12-31T23:59:59", "1601-03-01T00:00:00"]
    out: list[str | None] = list(edge)
    for _ in range(n):
        year, month, day = rng.randrange(0, 10000), rng.randrange(0, 14), rng.randrange(0, 33)
        hour, minute, second = rng.randrange(0, 26), rng.randrange(0, 62), rng.randrange(0, 62)
        text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        if rng.random() < 0.1:
            pos = rng.randrange(len(text))
            text = text[:pos] + rng.choice("x-T: 9é") + text[pos + 1:]
        out.append(text)
    return out


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string()])
def test_same_datetimes_as_frictionless_reader(kind: pa.DataType) -> None:
    cells = _cells(2)
    expected = [_reference(c) for c in cells]
    for arr in (pa.array(cells, type=kind), pa.chunked_array([pa.array(cells[:300], type=kind), pa.array(cells[300:], type=kind)])):
        sure, seconds = iso_seconds(arr)
        assert sure.tolist() == [e is not None for e in expected]
        assert seconds[sure].tolist() == [e for e in expected if e is not None]
    assert sure.sum() > 1000 and (~sure).sum() > 500


def test_a_slice_reads_its_own_cells() -> None:
    cells = ["2024-01-01T00:00:00", "2024-01-02T00:00:00", "bad", "2024-01-03T00:00:00"]
    sure, seconds = iso_seconds(pa.array(cells).slice(1, 3))
    assert sure.tolist() == [True, False, True]
    assert (seconds[sure].astype("datetime64[s]") == np.array(["2024-01-02", "2024-01-03"], dtype="datetime64[s]")).all()
