"""Reading delimited text (CSV, TSV, TXT, .csv.gz) into a grid of text cells.

Detection works on a 1 MB sample (encoding, delimiter, where the table starts); the full read is
``pyarrow.csv`` with every column as text and ``newlines_in_values=True`` (multi-line cells are
common in Excel exports). Rows that do not fit the table (a "Source : …" note, ragged lines) or blank
lines make us fall back to Python's csv module, which is slower but keeps every line and its number.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from capnum_desktop.core.errors import InputFileError
from capnum_desktop.core.io import encoding as enc
from capnum_desktop.core.io import layout, source
from capnum_desktop.core.io.assemble import GridInfo
from capnum_desktop.core.io.cells import SCAN_BYTES, buffer_holds, value_bytes
from capnum_desktop.core.io.options import ReadOptions
from capnum_desktop.core.io.ragged_rows import has_bare_cr, with_invalid_rows
from capnum_desktop.core.io.warning_sentences import ReadNote
from capnum_desktop.core.jobs import CancelToken, Progress, no_progress

DELIMITERS = (";", ",", "\t", "|")
MAX_LINE_BYTES = 32 << 20
"""A "line" longer than this is not a table row (binary data or a file without line breaks)."""
BLOCK_SIZE = 16 << 20

_PUNCT_NAMES = {";": "point-virgule", ",": "virgule", "\t": "tabulation", "|": "barre verticale"}

# Whole-file byte scans (search, count) go SCAN_BYTES at a time, as the cells' buffer searches do: each is one
# C call holding the GIL; on a 100 MB file at once, 35-90 ms in which the window (the UI thread, waiting for
# the GIL while the file is read in a job) froze; 4 MB slices hold it ~2 ms (issue 16). The UTF-8 check is
# one Arrow cast, which releases the GIL.


def _contains_pair(data: bytes, pair: bytes) -> bool:
    """``pair in data`` for two bytes whose second is rare (``E+``): numpy finds that byte in 4 MB slices
    and looks at the byte before each; ``bytes.find`` walks every byte for a two-byte text (3x slower)."""
    first, second = pair
    size = len(data)
    for start in range(0, size, SCAN_BYTES):
        view = np.frombuffer(data, dtype=np.uint8, count=min(size, start + SCAN_BYTES + 1) - start, offset=start)
        seconds = np.flatnonzero(view[1:] == second)  # slices overlap by one byte: a pair across two is seen
        if len(seconds) and bool((view[seconds] == first).any()):
            return True
    return False


def _count_lf(data: bytes, start: int = 0, end: int | None = None) -> int:
    """``data.count(b"\\n", start, end)``, slice by slice."""
    end = len(data) if end is None else min(end, len(data))
    return sum(data.count(b"\n", pos, min(end, pos + SCAN_BYTES)) for pos in range(start, end, SCAN_BYTES))


def _check_utf8(data: bytes) -> None:
    """Raise what ``data.decode("utf-8")`` raises. Arrow's validator checks the whole file as one binary value
    (131 MB: 0.006 s against 0.015-0.05 s for Python's decoder, and without the GIL, so the window does not
    freeze); a faulty file is decoded once more by Python for the exact error and its position."""
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    whole = pa.LargeBinaryArray.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)])
    try:
        whole.cast(pa.large_string())
    except pa.ArrowInvalid:
        data.decode("utf-8")  # raises with positions in the whole file
        raise UnicodeDecodeError("utf-8", data, 0, len(data), "invalid UTF-8") from None


def delimiter_name(delimiter: str) -> str:
    return _PUNCT_NAMES.get(delimiter, repr(delimiter))


SNIFF_RECORDS = 200


def sniff_delimiter(text: str) -> str:
    """The candidate whose records (quote-aware) most often have the same number (> 1) of fields."""
    return sniff_dialect(text)[0]


def sniff_dialect(text: str, delimiter: str | None = None) -> tuple[str, bool]:
    """(delimiter, skip_initial_space) for ``text``; only the second is detected if ``delimiter`` is given.

    Lines are not counted one by one: a separator inside a quoted cell (long texts full of ";", cells on
    several lines) does not split anything, so each candidate is judged on the records Python's csv
    module makes of it, by the share of records having the most common width, then by that width.
    A space after each separator before quoted cells (``a, "b, c"``) is the ``skipinitialspace`` dialect.
    """
    best: tuple[str, bool] = (delimiter or ",", False)
    best_score = (-1.0, 0, 0)
    for cand in (delimiter,) if delimiter else DELIMITERS:
        skip = _spaced_quotes(text, cand)
        for option in (True, False) if skip else (False,):
            score = _consistency(text, cand, option)
            if score is None:
                continue
            score = (score[0], score[1], -DELIMITERS.index(cand) if cand in DELIMITERS else 0)
            if score > best_score:
                best, best_score = (cand, option), score
    return best


def _spaced_quotes(text: str, delimiter: str) -> bool:
    """Quoted cells mostly written after "separator + space(s)": the DAE examples' ``, "…"``."""
    sep = re.escape(delimiter)
    spaced = len(re.findall(sep + r' +"', text))
    return spaced >= 2 and spaced > len(re.findall(sep + '"', text))


def _consistency(text: str, delimiter: str, skip: bool) -> tuple[float, int] | None:
    """(share of records with the modal width, that width) for this dialect; None if it splits nothing."""
    counts: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=skip, strict=False)
    try:
        for record in reader:
            if record:  # ";;" counts: a row of empty cells still shows the separator
                counts.append(len(record))
            if len(counts) >= SNIFF_RECORDS:
                break
    except csv.Error:
        return None
    wide = [c for c in counts if c > 1]
    if not wide:
        return None
    mode, freq = Counter(wide).most_common(1)[0]
    return freq / len(counts), mode


def _sample_text(data: bytes, encoding: str) -> tuple[str, bool]:
    sample = data[: enc.SAMPLE_BYTES]
    complete = len(data) <= enc.SAMPLE_BYTES
    text = codecs.getincrementaldecoder(encoding)("replace").decode(sample, final=complete)
    if not complete:
        cut = text.rfind("\n")
        text = text[: cut + 1] if cut > 0 else text
    return text, complete


def _records(text: str, delimiter: str, limit: int, skip_space: bool = False) -> list[tuple[int, list[str]]]:
    """The first ``limit`` records of ``text`` with the line where each starts (blank lines as [])."""
    out: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=skip_space, strict=False)
    line = 1
    try:
        for record in reader:
            out.append((line, record))
            line = reader.line_num + 1
            if len(out) >= limit:
                break
    except csv.Error:
        pass
    return out


def read_grid(
    path: Path,
    options: ReadOptions,
    *,
    max_rows: int | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    fmt: str = "csv",
) -> tuple[pd.DataFrame, GridInfo, bool]:
    """Return (grid, info, at_end) for a delimited text file."""
    progress = progress or no_progress
    preview_lines = (max_rows + 3 * layout.HEAD_ROWS) * 2 + 100 if max_rows is not None else 0
    if max_rows is None:
        data = source.read_bytes(path)
        size = len(data)
    else:  # a preview: the first lines (and the sample detection reads), not the whole file
        data, size = source.read_prefix(path, preview_lines, enc.SAMPLE_BYTES, MAX_LINE_BYTES)
    info = GridInfo(path=path, format=fmt)
    if options.encoding:
        try:
            encoding = enc.normalize(options.encoding)
        except ValueError as exc:
            raise InputFileError.coded("unknown-encoding", encoding=options.encoding) from exc
    else:
        encoding = enc.detect(data[: enc.SAMPLE_BYTES], complete=size <= enc.SAMPLE_BYTES)
    if b"\x00" in data[:65536] and not encoding.startswith(("utf-16", "utf-32")):
        raise InputFileError.coded("binary-content", hint="hint.business-export", name=path.name)
    _check_lines(data, path)
    truncated = False
    if max_rows is not None:  # a preview: decode and parse only the first lines
        cut = _prefix_end(data, preview_lines)
        truncated = cut < size
        data = data[:cut]
    if cancel is not None:
        cancel.check()
    data, encoding, fffd = _to_utf8(data, encoding, bool(options.encoding), info)
    info.encoding = encoding
    info.suspects = _suspects(data, fffd)
    text, _complete = _sample_text(data, "utf-8")
    hint = re.match(r"\ufeff?sep=(.)\r?\n", text)  # Excel's "sep=;" first line names the delimiter
    delimiter = options.delimiter or (hint.group(1) if hint else None)
    if delimiter in ("\\t", "tab", "tabulation"):
        delimiter = "\t"
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '\r\n"'):
        raise InputFileError.coded("bad-delimiter", delimiter=delimiter)
    delimiter, skip_space = sniff_dialect(text, delimiter)
    info.delimiter = delimiter

    sample = _records(text, delimiter, layout.HEAD_ROWS * 3, skip_space)
    start_line = _table_start(sample, options)
    pre = [(n, r) for n, r in sample if n < start_line]
    offset = _line_offset(data, start_line)
    progress(0.1, "Lecture du fichier")
    try:
        if skip_space:  # pyarrow has no skip-initial-space option
            raise _Fallback()
        grid, at_end = _read_arrow(data, offset, start_line, delimiter, max_rows, progress, cancel, info)
    except _Fallback:
        info.row_cells, info.blank_lines = None, []
        grid, at_end = _read_python(data, start_line, delimiter, max_rows, path, cancel, skip_space, info)
        pre = []
    if pre:
        grid = _prepend(grid, pre)
    progress(1.0, "Fichier lu")
    return grid, info, at_end and not truncated


def _prefix_end(data: bytes, lines: int) -> int:
    """Byte position just after the ``lines``-th line break (or the end)."""
    pos = 0
    for _ in range(lines):
        nxt = data.find(b"\n", pos)
        if nxt < 0:
            return len(data)
        pos = nxt + 1
    return pos


def _to_utf8(data: bytes, encoding: str, forced: bool, info: GridInfo) -> tuple[bytes, str, bool | None]:
    """The whole text as UTF-8 bytes (no BOM), the encoding to report, and whether it holds U+FFFD
    (None: not known, the bytes were kept as they are).

    Python's codecs are 3x faster than pyarrow's transcoding; a file that looked UTF-8 in its sample
    but is not further down is read as cp1252, with a warning. A decoded text tells at once whether it
    holds U+FFFD (a text of Latin-1 characters only is not even scanned), which spares a search of the
    whole UTF-8 file (1M rows: 0.1 s).
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
        if encoding in ("utf-8", "utf-8-sig"):
            encoding = "utf-8-sig"
    if encoding in ("utf-8", "utf-8-sig"):
        try:
            _check_utf8(data)
            return data, encoding, None
        except UnicodeDecodeError as exc:
            if forced:
                info.warnings.append(ReadNote("utf8-replaced", position=exc.start))
                text = data.decode("utf-8", errors="replace")
                return text.encode("utf-8"), encoding, "\ufffd" in text
            line = data.count(b"\n", 0, exc.start) + 1
            encoding = "cp1252" if enc.fits(data, "cp1252", True) else "latin-1"
            info.warnings.append(ReadNote("utf8-then-other", line=line, encoding_codec=encoding))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        info.warnings.append(ReadNote("bytes-replaced", encoding=encoding, line=line))
        text = data.decode(encoding, errors="replace")
    if encoding.startswith(("utf-16", "utf-32")):
        text = text.lstrip("\ufeff")
    return text.encode("utf-8"), encoding, "\ufffd" in text


def _suspects(data: bytes, fffd: bool | None = None) -> frozenset[str]:
    """Damage checks worth running, judged on the UTF-8 bytes (fast) rather than on every cell;
    ``fffd`` says whether the text holds U+FFFD when the decoding already told (None: search)."""
    found = set()
    if _contains_pair(data, b"E+"):  # Excel writes 2,10104E+13
        found.add("sci")
    # "Ã" then a continuation byte, "Â" then U+00A0-U+00BF, "â€": UTF-8 decoded as cp1252 once too often
    # (a whole file is converted twice, so its first megabyte tells; scanning 200 MB three times costs 0.4 s)
    head = data[: enc.SAMPLE_BYTES]
    if b"\xc3\x83" in head or b"\xc3\x82\xc2" in head or b"\xc3\xa2\xe2\x82\xac" in head:
        found.add("moji")
    if fffd if fffd is not None else buffer_holds(b"\xef\xbf\xbd", memoryview(data)):
        found.add("fffd")
    return frozenset(found)


class _Fallback(Exception):
    """The fast reader cannot keep every line and its number: use the exact one."""


def _check_lines(data: bytes, path: Path) -> None:
    """Refuse a file whose first line is enormous (no line breaks: not a table)."""
    first = data.find(b"\n", 0, MAX_LINE_BYTES)
    if first < 0 and len(data) > MAX_LINE_BYTES:
        raise InputFileError.coded("line-too-long", name=path.name, megabytes=MAX_LINE_BYTES >> 20)


def _table_start(sample: list[tuple[int, list[str]]], options: ReadOptions) -> int:
    """The source line where the table (header, or first data row) starts."""
    if options.header_line:
        return options.header_line
    if options.header_line == 0:  # no header: the data starts at the first non-empty line
        return next((n for n, r in sample if any(c.strip() for c in r)), 1)
    rows = [r for _, r in sample]
    width = max((len(r) for r in rows), default=0)
    padded = [r + [""] * (width - len(r)) for r in rows]
    lay = layout.detect_header(padded)
    pos = lay.header[0] if lay.header else lay.first_data
    return sample[pos][0] if pos < len(sample) else 1


def _line_offset(data: bytes, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        nxt = data.find(b"\n", offset)
        if nxt < 0:
            return len(data)
        offset = nxt + 1
    return offset


def _read_arrow(
    data: bytes,
    offset: int,
    start_line: int,
    delimiter: str,
    max_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
    info: GridInfo,
) -> tuple[pd.DataFrame, bool]:
    """pyarrow's reader; blank lines (which it skips) and short last lines are recorded in ``info``."""
    invalid: list[str] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        invalid.append(row.text)
        return "skip"

    view = memoryview(data)[offset:]
    read_opts = pacsv.ReadOptions(
        autogenerate_column_names=True,
        block_size=BLOCK_SIZE,
    )
    parse_opts = pacsv.ParseOptions(
        delimiter=delimiter, newlines_in_values=True, invalid_row_handler=on_invalid, ignore_empty_lines=True
    )
    try:
        convert = _all_text_options(view, delimiter)
        if max_rows is None:
            # the whole file: pyarrow's multi-threaded reader (2-3x faster than streaming)
            table = pacsv.read_csv(
                pa.py_buffer(view), read_options=read_opts, parse_options=parse_opts, convert_options=convert
            )
            progress(0.8, "Lecture du fichier")
        else:
            reader = pacsv.open_csv(
                pa.py_buffer(view), read_options=read_opts, parse_options=parse_opts, convert_options=convert
            )
            batches = []
            rows = 0
            for batch in reader:
                batches.append(batch)
                rows += batch.num_rows
                if rows > max_rows + layout.HEAD_ROWS:
                    break
            table = pa.Table.from_batches(batches, schema=reader.schema)
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise _Fallback() from exc
    if cancel is not None:
        cancel.check()
    at_end = max_rows is None or table.num_rows <= max_rows + layout.HEAD_ROWS
    end = len(data)
    while end > offset and data[end - 1] in b"\r\n":
        end -= 1
    lf_count = _count_lf(data, offset, end)  # one scan of the file, used twice below
    if at_end:  # empty lines after the last record (its own line break ends it)
        last = start_line + lf_count
        info.blank_lines.extend(range(last + 1, last + data.count(b"\n", end)))
    tail: list[tuple[int, list[str]]] = []
    ragged_cells: np.ndarray | None = None
    if invalid:
        # rows that do not fit are fine only as the last lines ("Source : …" under a big table)
        found = _tail_lines(data, offset, end, invalid, delimiter, table.num_columns) if at_end else None
        # ragged rows in the middle (issue 14): put back in place by pyarrow, else the exact reader
        placed = None if found is not None or max_rows is not None or has_bare_cr(data) else with_invalid_rows(
            pa.py_buffer(view), read_opts, parse_opts, convert, delimiter, table)
        if placed is not None:
            table, ragged_cells = placed
        elif found is None:
            raise _Fallback()
        else:
            end, positions, tail_rows = found
            tail = [
                (start_line + data.count(b"\n", offset, pos), row)
                for pos, row in zip(positions, tail_rows, strict=True)
            ]
            while end > offset and data[end - 1] in b"\r\n":
                end -= 1
            lf_count = _count_lf(data, offset, end)
    # source line of every record: multi-line cells shift the following rows
    spans = np.ones(table.num_rows, dtype=np.int64)
    physical = lf_count + 1 if end > offset else 0
    if not at_end or physical != table.num_rows:
        # line breaks inside cells are kept as written (LF, CRLF or a bare CR); a record spans
        # one more line per LF in its cells
        for column in table.columns:
            if not _may_hold_newline(column):
                continue
            breaks = pc.count_substring(pc.fill_null(column, ""), "\n").to_numpy(zero_copy_only=False)
            if breaks.any():
                spans += breaks.astype(np.int64)
        if at_end and int(spans.sum()) != physical:
            # blank lines, which pyarrow skips: number the non-blank lines (exact when no cell breaks)
            starts = (
                _nonblank_lines(data, offset, end, start_line) if int(spans.max(initial=1)) == 1 else None
            )
            if starts is None or len(starts) != table.num_rows:
                raise _Fallback()  # blank lines and multi-line cells: Python keeps the numbers right
            every = np.arange(start_line, start_line + physical, dtype=np.int64)
            info.blank_lines.extend(int(n) for n in np.setdiff1d(every, starts))
        else:
            starts = start_line + np.cumsum(spans) - spans
    else:
        starts = start_line + np.cumsum(spans) - spans
    columns = {}
    for j, column in enumerate(table.columns):
        columns[j] = pc.fill_null(column, "").to_pandas()
    grid = pd.DataFrame(columns)
    grid.index = pd.Index(starts, name="source_row")
    if ragged_cells is not None:
        info.row_cells = pd.Series(ragged_cells, index=grid.index)
    if tail:
        width = grid.shape[1]
        rows = [
            (n, [*r[: width - 1], " ".join(x for x in r[width - 1 :] if x)] if len(r) > width else r)
            for n, r in tail
        ]
        extra = pd.DataFrame(
            [r + [""] * (width - len(r)) for _, r in rows], columns=grid.columns, dtype=object
        ).astype(str)
        extra.index = pd.Index([n for n, _ in rows], name="source_row")
        grid = pd.concat([grid, extra])
        cells = pd.Series(grid.shape[1], index=grid.index, dtype=np.int64)
        cells.loc[[n for n, _ in tail]] = [len(r) for _, r in tail]
        info.row_cells = cells
    info.blank_lines.sort()
    return grid, at_end


def _may_hold_newline(column: pa.ChunkedArray) -> bool:
    """Whether any cell may hold a line break: one byte search over each chunk's character buffer (a
    buffer without LF settles it without counting cell by cell; one with LF is counted exactly)."""
    for chunk in column.chunks:
        view = value_bytes(chunk)
        if view is None:
            return True  # not a plain string array: let count_substring decide
        if buffer_holds(b"\n", view):  # memchr over 4 MB copies: 8x quicker than re here
            return True
    return False


def _nonblank_lines(data: bytes, offset: int, end: int, start_line: int) -> np.ndarray | None:
    """Source numbers of the non-blank lines of ``data[offset:end]`` (vectorised, no decoding)."""
    buf = np.frombuffer(data, dtype=np.uint8, count=end - offset, offset=offset)
    breaks = np.flatnonzero(buf == 10)
    begins = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [len(buf)]))
    length = ends - begins
    lone_cr = (length == 1) & (buf[np.minimum(begins, len(buf) - 1)] == 13)
    keep = (length > 0) & ~lone_cr
    return (start_line + np.flatnonzero(keep)).astype(np.int64)


def _tail_lines(
    data: bytes, offset: int, end: int, invalid: list[str], delimiter: str, width: int
) -> tuple[int, list[int], list[list[str]]] | None:
    """If the rows pyarrow skipped are exactly the file's last non-empty lines, where they start.

    Returns (end of the table part, start position of each skipped line, its fields), else None.
    """
    if len(invalid) > layout.TAIL_ROWS:
        return None
    positions: list[int] = []
    texts: list[str] = []
    pos = end
    while len(texts) < len(invalid) and pos > offset:
        start = data.rfind(b"\n", offset, pos) + 1
        start = max(start, offset)
        line = data[start:pos].rstrip(b"\r")
        if line.strip():
            positions.append(start)
            texts.append(line.decode("utf-8", errors="replace"))
        pos = start - 1
    texts.reverse()
    positions.reverse()
    if [t.strip() for t in texts] != [t.strip("\r\n ") for t in invalid]:
        return None
    try:
        rows = [next(csv.reader(io.StringIO(t, newline=""), delimiter=delimiter), []) for t in texts]
    except csv.Error:
        return None
    if any(len(r) >= width for r in rows):
        return None  # longer rows are data the header does not name: keep them, the slow way
    return positions[0], positions, rows


def _all_text_options(view: memoryview, delimiter: str) -> pacsv.ConvertOptions:
    """Every column typed as text: count the fields of the first record to name them.

    pyarrow parses (and types) a whole first block for that: 64 KB first, which holds the first record
    of nearly every file (1 MB cost 0.05-0.1 s); a record longer than that is refused by pyarrow
    (``ArrowInvalid``: it straddles the block), and the 1 MB block reads it as before."""
    for block in (64 << 10, 1 << 20):
        try:
            first = pacsv.open_csv(
                pa.py_buffer(view),
                read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=block),
                parse_options=pacsv.ParseOptions(
                    delimiter=delimiter, newlines_in_values=True, invalid_row_handler=lambda r: "skip"
                ),
                convert_options=pacsv.ConvertOptions(strings_can_be_null=False),
            )
            break
        except pa.ArrowInvalid:
            if block == 1 << 20:
                raise
    names = first.schema.names
    return pacsv.ConvertOptions(
        column_types={n: TEXT for n in names},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
        null_values=[],
    )


TEXT = pa.large_string()
"""The Arrow type of text cells: pandas' ``str`` columns hold ``large_string``, so a column read as
``string`` is copied once more by ``to_pandas`` (1M rows x 12 columns: 0.3 s); read as such, it is not."""

PYTHON_CHUNK = 100_000
"""Rows the exact reader holds as Python strings before packing them into Arrow (bounds memory)."""


def _read_python(
    data: bytes,
    start_line: int,
    delimiter: str,
    max_rows: int | None,
    path: Path,
    cancel: CancelToken | None,
    skip_space: bool = False,
    info: GridInfo | None = None,
) -> tuple[pd.DataFrame, bool]:
    """Slow but exact: every record with the line it starts on; short rows padded.

    Lines are counted at LF only, as an editor shows them: a carriage return inside a quoted cell
    stays in the cell and starts no line. A file whose lines end with a bare CR (old Mac) is read
    with every line ending recognised. Each record's number of cells and the empty lines go to ``info``.
    """
    text = data.decode("utf-8", errors="replace")
    try:
        return _python_records(text, "\n", start_line, delimiter, max_rows, path, cancel, skip_space, info)
    except _BareCR:
        return _python_records(text, "", start_line, delimiter, max_rows, path, cancel, skip_space, info)


class _BareCR(Exception):
    """A carriage return ends lines outside quoted cells: count lines at every line ending."""


def _python_records(
    text: str,
    newline: str,
    start_line: int,
    delimiter: str,
    max_rows: int | None,
    path: Path,
    cancel: CancelToken | None,
    skip_space: bool,
    info: GridInfo | None,
) -> tuple[pd.DataFrame, bool]:
    reader = csv.reader(
        io.StringIO(text, newline=newline),
        delimiter=delimiter,
        skipinitialspace=skip_space,
        strict=False,
    )
    chunks: list[list[pa.Array]] = []
    rows: list[list[str]] = []
    numbers: list[int] = []
    cells: list[int] = []
    blank: list[int] = []
    width = 0
    line = 1
    at_end = True
    limit = None if max_rows is None else max_rows + layout.HEAD_ROWS * 3 + start_line

    def pack() -> None:
        columns = [[r[j] if j < len(r) else "" for r in rows] for j in range(width)]
        chunks.append([pa.array(c, type=TEXT) for c in columns])
        rows.clear()

    try:
        for record in reader:
            if record:
                rows.append(record)
                numbers.append(line)
                cells.append(len(record))
                width = max(width, len(record))
            else:
                blank.append(line)
                if len(rows) >= PYTHON_CHUNK:
                    pack()
                    if cancel is not None:
                        cancel.check()
            line = reader.line_num + 1
            if limit is not None and len(numbers) >= limit:
                at_end = False
                break
    except csv.Error as exc:
        if newline and "new-line character" in str(exc):
            raise _BareCR() from exc
        raise InputFileError.coded("csv-unreadable", name=path.name, line=line) from exc
    if rows:
        pack()
    empty = pa.array([], type=TEXT)
    columns = {}
    for j in range(width):
        parts = [c[j] if j < len(c) else pa.array([""] * len(c[0]), type=TEXT) for c in chunks]
        columns[j] = pa.chunked_array(parts or [empty], type=TEXT).to_pandas()
    grid = pd.DataFrame(columns)
    grid.index = pd.Index(numbers, name="source_row")
    if info is not None:
        info.blank_lines = blank
        counts = np.asarray(cells, dtype=np.int64)
        info.row_cells = pd.Series(counts, index=grid.index) if len(counts) and (counts != width).any() else None
    return grid, at_end


def _prepend(grid: pd.DataFrame, pre: list[tuple[int, list[str]]]) -> pd.DataFrame:
    """Put the lines above the table (titles, notes) back on top of the grid, fitted to its width."""
    width = grid.shape[1]
    rows = []
    for _, r in pre:
        r = list(r)
        if len(r) > width:
            r = [*r[: width - 1], " ".join(x for x in r[width - 1 :] if x)] if width else []
        rows.append(r + [""] * (width - len(r)))
    top = pd.DataFrame(rows, columns=range(width), dtype=object).astype(str)
    top.index = pd.Index([n for n, _ in pre], name="source_row")
    return pd.concat([top, grid])
