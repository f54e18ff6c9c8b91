"""Clean-ups and checks on text cells that every format needs (vectorised over whole columns).

Nothing here guesses a type: values stay text. We only undo artefacts that are never data (Excel's
leading apostrophe, time-of-day ``00:00:00`` on a date) and report damage we cannot undo (identifiers
Excel turned into ``2,10104E+13``, mojibake, U+FFFD). Reports name columns and line numbers, never
the values themselves, which may be personal data.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from capnum_desktop.core.io.warning_sentences import ReadNote

APOSTROPHE = r"^'([-+]?\d[\d .,/:-]*)$"
SCIENTIFIC = r"^[-+]?\d([.,]\d+)?[eE][+]\d{1,3}$"
MOJIBAKE = "Ã[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€[™œ\u009d“”¦\u0080-\u00bf]|Â[\u00a0-\u00bf]|Ã©|Ã¨|Ã§|Ã\u00a0"
REPLACEMENT = "\ufffd"


def arrow(series: pd.Series) -> pa.Array | pa.ChunkedArray:
    """The Arrow array behind a text column (no copy for pandas' Arrow-backed ``str``)."""
    return pa.array(series) if not hasattr(series.array, "_pa_array") else series.array._pa_array


def from_arrow(array: pa.Array | pa.ChunkedArray, like: pd.Series) -> pd.Series:
    out = array.to_pandas() if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array]).to_pandas()
    out.index = like.index
    out.name = like.name
    return out


def strip_apostrophes(series: pd.Series) -> pd.Series:
    """``'49`` -> ``49``: the apostrophe Excel users type to keep a number as text."""
    data = arrow(series)
    if not pc.any(pc.starts_with(data, "'")).as_py():
        return series
    return from_arrow(pc.replace_substring_regex(data, APOSTROPHE, r"\1"), series)


def nonblank(series: pd.Series) -> np.ndarray:
    """True where the cell holds something other than spaces.

    A cell that is not empty and not only white space (``utf8_is_space``: the same characters as
    ``utf8_trim_whitespace``, checked over every code point) is not blank; unlike trimming, this makes
    no copy of the column and stops at a cell's first letter (1M rows x 12 columns: 0.25 -> 0.1 s).
    """
    data = arrow(series)
    if data.null_count or (not pa.types.is_string(data.type) and not pa.types.is_large_string(data.type)):
        trimmed: np.ndarray = pc.not_equal(pc.utf8_trim_whitespace(data), "").to_numpy(zero_copy_only=False)
        return trimmed  # a missing cell stays None (object array), as before
    return nonblank_text(data)


def nonblank_text(data: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """:func:`nonblank` of Arrow text cells (a missing cell is blank)."""
    filled = pc.and_(pc.greater(pc.binary_length(data), 0), pc.invert(pc.utf8_is_space(data)))
    return np.asarray(pc.fill_null(filled, False).to_numpy(zero_copy_only=False), dtype=bool)


def value_bytes(chunk: pa.Array) -> memoryview | None:
    """The bytes of this array's own values, a view of its character buffer (None: not a plain text or binary
    array). A slice shares its source's whole buffer: searching the buffer would search the other slices'
    bytes too, once per slice (a column kept as hundreds of slices of one buffer: 300x the work)."""
    kind = chunk.type
    wide = pa.types.is_large_string(kind) or pa.types.is_large_binary(kind)
    if not (wide or pa.types.is_string(kind) or pa.types.is_binary(kind)):
        return None
    if not len(chunk):
        return memoryview(b"")
    buffers = chunk.buffers()
    if len(buffers) != 3 or buffers[1] is None:
        return None
    if buffers[2] is None:
        return memoryview(b"")
    offsets = np.frombuffer(buffers[1], dtype=np.int64 if wide else np.int32)
    return memoryview(buffers[2])[int(offsets[chunk.offset]):int(offsets[chunk.offset + len(chunk)])]


def _in_buffers(data: pa.Array | pa.ChunkedArray, literal: tuple[str, ...]) -> tuple[str, ...] | None:
    """The ``literal`` texts found anywhere in the column's character buffers (None: not a plain text
    column, not known). A buffer holds every cell end to end, so a text absent from it is in no cell;
    one found may span two cells or lie outside a slice, so the cells are still checked. One search of
    the bytes per text instead of one per cell: 8x faster (the checks ran on every column of a workbook)."""
    if not (pa.types.is_string(data.type) or pa.types.is_large_string(data.type)):
        return None
    chunks = data.chunks if isinstance(data, pa.ChunkedArray) else [data]
    views = []
    for chunk in chunks:
        view = value_bytes(chunk)
        if view is None:
            return None
        if len(view):
            views.append(view)
    return tuple(text for text in literal if any(_in_view(text, view) for view in views))


_LITERALS: dict[bytes, re.Pattern[bytes]] = {}


SCAN_BYTES = 4 << 20
"""A buffer is searched this many bytes at a time: each search holds the GIL, and a column of a big
workbook holds tens of megabytes (the window, waiting for the GIL while a job reads, stays responsive: issue 16)."""


def buffer_holds(needle: bytes, view: memoryview) -> bool:
    """``needle in view``, slice by slice (slices overlap by ``len(needle) - 1`` bytes; ``re`` reads a
    buffer in place). One byte is looked for in a copy of each slice: ``bytes`` finds one byte with
    ``memchr``, 8x faster than ``re`` even with the copy (6.6 MB: 0.22 ms against 1.8 ms); for longer
    needles ``re`` is the quicker (3 ms against 5.7 ms for two bytes)."""
    if len(needle) == 1:
        return any(needle in view[start:start + SCAN_BYTES].tobytes() for start in range(0, len(view), SCAN_BYTES))
    if needle not in _LITERALS:
        _LITERALS[needle] = re.compile(re.escape(needle))
    pattern, size = _LITERALS[needle], len(view)
    for start in range(0, size, SCAN_BYTES):
        if pattern.search(view, start, min(size, start + SCAN_BYTES + len(needle) - 1)) is not None:
            return True
    return False


def _in_view(text: str, view: memoryview) -> bool:
    """Whether ``text`` is in ``view``: its last byte first, searched 3-4x faster alone (``E+``'s ``+`` is
    rare, its ``E`` common), then the whole text where that byte is found."""
    needle = text.encode("utf-8")
    return buffer_holds(needle[-1:], view) and buffer_holds(needle, view)


def _mask(series: pd.Series, literal: tuple[str, ...], pattern: str | None) -> np.ndarray | None:
    """Rows matching ``pattern``, after a cheap literal pre-check (most columns have none)."""
    data = arrow(series)
    found = _in_buffers(data, literal)
    if found is not None:
        literal = found
    hit = None
    for text in literal:
        found = pc.match_substring(data, text)
        hit = found if hit is None else pc.or_(hit, found)
    if hit is None or not pc.any(hit).as_py():
        return None
    mask = np.asarray(pc.fill_null(hit, False).to_numpy(zero_copy_only=False), dtype=bool)
    if pattern is not None:
        # the pattern only where a literal is: a cell without any cannot match it (every match of each
        # pattern contains one), and a text column holding « Â » once is not run through the regular
        # expression again (1M rows: 0.12 s)
        rows = np.flatnonzero(mask)
        matched = pc.match_substring_regex(data.take(pa.array(rows)), pattern)
        mask = np.zeros(len(mask), dtype=bool)
        mask[rows[np.asarray(pc.fill_null(matched, False).to_numpy(zero_copy_only=False), dtype=bool)]] = True
        if not mask.any():
            return None
    return mask


def _lines(series: pd.Series, mask: np.ndarray, limit: int = 5) -> str:
    rows = [str(int(i)) for i in series.index[mask][:limit]]
    more = "…" if int(mask.sum()) > limit else ""
    return ", ".join(rows) + more


def line_word(count: int) -> str:
    """The reader's sentence piece before ``count`` line numbers: « ligne » for one, « lignes » for several
    (the warnings' ``{where}``, see warning_sentences)."""
    return "word.line" if count == 1 else "word.lines"


def check_header(names: list[str]) -> list[ReadNote]:
    """Warnings about damaged column names (mojibake, U+FFFD); names are not personal data."""
    bad = [n for n in names if re.search(MOJIBAKE + r"|Ã\s", n) or REPLACEMENT in n]
    if not bad:
        return []
    return [ReadNote("garbled-names", columns=tuple(bad))]


def check_column(name: str, series: pd.Series, suspects: frozenset[str] | None = None) -> list[ReadNote]:
    """Warnings (coded, no cell value) about damage in one column (only the ``suspects`` checks)."""
    warnings: list[ReadNote] = []
    every = suspects is None
    sci = _mask(series, ("E+", "e+"), SCIENTIFIC) if every or "sci" in suspects else None
    if sci is not None:
        warnings.append(ReadNote("scientific-notation", column=name, values_count=int(sci.sum()),
                                 lines=_lines(series, sci), where_key=line_word(int(sci.sum()))))
    moji = _mask(series, ("Ã", "â€", "Â"), MOJIBAKE) if every or "moji" in suspects else None
    if moji is not None:
        warnings.append(ReadNote("garbled-values", column=name, values_count=int(moji.sum()),
                                 lines=_lines(series, moji), where_key=line_word(int(moji.sum()))))
    bad = _mask(series, (REPLACEMENT,), None) if every or "fffd" in suspects else None
    if bad is not None:
        warnings.append(ReadNote("replacement-character", column=name, values_count=int(bad.sum()),
                                 lines=_lines(series, bad), where_key=line_word(int(bad.sum()))))
    return warnings
