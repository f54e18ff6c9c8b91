"""Digit-run patterns matched without a regular expression give RE2's answers (issue 18)."""

from __future__ import annotations

import random

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from capnum_desktop.core.validation import digit_patterns
from capnum_desktop.core.validation.digit_patterns import DigitRun, digit_run

PIECES = ["0", "1", "9", "5", "-", "+", " ", "a", "\n", "é", "٣", "²", "１", ".", ","]


def _cells(seed: int, n: int = 4000) -> list[str | None]:
    rng = random.Random(seed)
    out: list[str | None] = [None, "", "-", "--5", "12345\n", "0" * 20, "-" + "9" * 18, "-" + "9" * 19]
    for _ in range(n):
        if rng.random() < 0.5:  # mostly plain digit runs of every length, as real columns hold
            out.append(("-" if rng.random() < 0.2 else "") + "".join(rng.choice("0123456789") for _ in range(rng.randrange(0, 20))))
        else:
            out.append("".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 6))))
    return out


PATTERNS = ["^[0-9]{14}$", "^(?:^[0-9]{5}$)", "^-?[0-9]{1,18}$", "^[0-9]+$", "^\\d{9}$", "^[0-9]{2,}$", "^[0-9]*$",
            "^-?[0-9]*$", "^[0-9]$", "^(?:^^[0-9]{3}$$)", "^[0-9]{0,3}$"]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("kind", [pa.string(), pa.large_string()])
def test_same_answers_as_re2(pattern: str, kind: pa.DataType) -> None:
    assert digit_run(pattern) is not None
    cells = pa.array(_cells(len(pattern)), type=kind)
    expected = np.asarray(pc.fill_null(pc.match_substring_regex(cells, pattern), False).to_numpy(zero_copy_only=False), dtype=bool)
    assert (digit_patterns.matches(cells, pattern) == expected).all()
    chunked = pa.chunked_array([cells.slice(0, 100), cells.slice(100)])
    assert (digit_patterns.matches(chunked, pattern) == expected).all()
    part = cells.slice(7, 300)  # a slice: offsets into a longer buffer
    assert (digit_patterns.matches(part, pattern) == expected[7:307]).all()


@pytest.mark.parametrize("pattern", ["^[0-9]{3}|x$", "^[0-9a-f]{4}$", "^[0-9]{3,2}$", "^[0-9]{5}\\$$", "^(?:a)|(?:[0-9])$",
                                     "^[1-9][0-9]{4}$", "^+[0-9]$"])
def test_other_patterns_go_to_the_regular_expression(pattern: str) -> None:
    assert digit_run(pattern) is None


def test_the_runs_read() -> None:
    assert digit_run("^(?:^-?[0-9]{1,18}$)") == DigitRun(sign=True, low=1, high=18)
    assert digit_run("[0-9]{2,}") == DigitRun(sign=False, low=2, high=None)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_anchored_runs_take_no_regular_expression(pattern: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cells = pa.array(_cells(3, 200), type=pa.large_string())
    expected = digit_patterns.matches(cells, pattern)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a regular expression for a digit run")

    monkeypatch.setattr(digit_patterns.pc, "match_substring_regex", refuse)
    assert (digit_patterns.matches(cells, pattern) == expected).all()


@pytest.mark.parametrize("pattern", ["[0-9]{3}", "^[0-9]{3}", "[0-9]{3}$", "(?:^[0-9]{3})"])
def test_runs_not_anchored_at_both_ends_search_inside_the_text(pattern: str) -> None:
    cells = pa.array(_cells(5), type=pa.string())
    expected = np.asarray(pc.fill_null(pc.match_substring_regex(cells, pattern), False).to_numpy(zero_copy_only=False), dtype=bool)
    assert (digit_patterns.matches(cells, pattern) == expected).all()
