"""The whole-file UTF-8 check (Arrow's validator) agrees with Python's decoder on every edge (issue 18)."""

from __future__ import annotations

import pytest

from capnum_desktop.core.io.delimited import _check_utf8

CASES = [
    b"",
    b"a,b\n1,2\n",
    "é,ü,€,𝄞\n".encode(),
    b"\xe9t\xe9",  # cp1252
    b"\xed\xa0\x80",  # a surrogate
    b"\xc0\x80",  # overlong
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"abc\xe2\x82",  # cut in the middle of a character
    b"\xef\xbb\xbfa;b",  # BOM
    ("x" * 5_000_000 + "é").encode(),
    b"x" * 5_000_000 + b"\xff",
]


@pytest.mark.parametrize("data", CASES, ids=range(len(CASES)))
def test_same_verdict_as_python(data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as expected:
        with pytest.raises(UnicodeDecodeError) as raised:
            _check_utf8(data)
        assert raised.value.start == expected.start  # the position the reader's warning gives
    else:
        _check_utf8(data)
