"""Patterns that only ask for a run of ASCII digits (``^[0-9]{14}$``, ``^-?[0-9]{1,18}$``), matched without
a regular expression.

SIRET, SIREN, postal codes, INSEE codes and integer cells are checked on every row of a table; Arrow's
``ascii_is_decimal`` plus the byte length give the same answer as RE2's full match 10x sooner (1M
SIRETs: 0.006 s against 0.06 s). Anything else (classes other than digits, alternatives, groups) is left
to the regular expression: :func:`digit_run` then says None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from capnum_desktop.core.io.cells import value_bytes

_SHAPE = re.compile(
    r"(?P<sign>-\?)?(?:\[0-9\]|\\d)(?:\{(?P<low>\d+)(?:(?P<comma>,)(?P<high>\d*))?\}|(?P<op>[+*]))?"
)


@dataclass(frozen=True)
class DigitRun:
    """An optional minus sign, then between ``low`` and ``high`` ASCII digits (``high`` None: no limit)."""

    sign: bool
    low: int
    high: int | None


def _unwrapped(pattern: str) -> tuple[str, bool]:
    """The pattern without its anchors and non-capturing groups around it, and whether it had both a
    leading ``^`` and a trailing ``$`` (then it can only match a whole text)."""
    body, start, end = pattern, False, False
    while True:
        inner = body
        if inner.startswith("(?:") and inner.endswith(")"):
            inner = inner[3:-1]
        if inner.startswith("^"):
            inner, start = inner.lstrip("^"), True
        while inner.endswith("$") and not inner.endswith("\\$"):
            inner, end = inner[:-1], True
        if inner == body:
            return body, start and end
        body = inner


def digit_run(pattern: str) -> DigitRun | None:
    """The run a whole-text pattern asks for, or None when it asks anything else.

    The pattern is matched whole, as frictionless and our RE2 wrapper both anchor it, so its own ``^`` and
    ``$`` anchors (and a ``(?:…)`` group around it) change nothing.
    """
    body, _ = _unwrapped(pattern)
    shape = _SHAPE.fullmatch(body)
    if shape is None:
        return None
    if shape["op"] == "+":
        low, high = 1, None
    elif shape["op"] == "*":
        low, high = 0, None
    elif shape["low"] is None:
        low, high = 1, 1
    else:
        low = int(shape["low"])
        high = low if not shape["comma"] else (int(shape["high"]) if shape["high"] else None)
        if high is not None and high < low:
            return None
    return DigitRun(sign=bool(shape["sign"]), low=low, high=high)


def full_matches(arr: pa.Array | pa.ChunkedArray, run: DigitRun) -> np.ndarray:
    """True where the whole cell is the run (RE2's answer for ``^pattern$``); False for missing cells."""
    digits = arr
    lengths = pc.binary_length(arr)
    if run.sign:
        signed = pc.starts_with(arr, "-")
        digits = pc.if_else(signed, pc.utf8_slice_codeunits(arr, 1), arr)
        lengths = pc.subtract(lengths, pc.cast(signed, pa.int32() if lengths.type == pa.int32() else pa.int64()))
    ok = pc.ascii_is_decimal(digits)
    # ascii_is_decimal says False for "": a run that may be empty accepts it
    ok = pc.or_(ok, pc.equal(lengths, 0)) if run.low == 0 else pc.and_(ok, pc.greater_equal(lengths, run.low))
    if run.high is not None:
        ok = pc.and_(ok, pc.less_equal(lengths, run.high))
    return np.asarray(pc.fill_null(ok, False).to_numpy(zero_copy_only=False), dtype=bool)


def matches(arr: pa.Array | pa.ChunkedArray, pattern: str) -> np.ndarray:
    """``pc.match_substring_regex(arr, pattern)`` as a bool mask (missing cells False), by :func:`full_matches`
    when ``pattern`` is an anchored digit run."""
    run = digit_run(pattern) if _unwrapped(pattern)[1] else None
    if run is not None:
        return full_matches(arr, run)
    found = pc.match_substring_regex(arr, pattern)
    return np.asarray(pc.fill_null(found, False).to_numpy(zero_copy_only=False), dtype=bool)


def byte_matrix(arr: pa.Array, width: int) -> np.ndarray:
    """The (rows, ``width``) uint8 matrix of an array whose every value is ``width`` bytes long, read from its
    values' bytes (end to end in its Arrow buffer) rather than from Python strings."""
    view = value_bytes(arr)
    return np.frombuffer(view if view is not None else b"", dtype=np.uint8).reshape(-1, width)
