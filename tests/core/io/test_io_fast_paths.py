"""The reader's shortcuts (issue 18 speed) give exactly what the cell-by-cell ways they replace give.

Each test holds the former way as a small reference function and compares it with the code on generated
columns and files full of the ugly cases: white space of every kind, damage markers split across cells,
sliced and chunked Arrow columns, nulls, every encoding path.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pytest

import capnum_desktop.core.io.delimited as delimited
from capnum_desktop.core.errors import InputFileError
from capnum_desktop.core.io import cells, read_table, values
from capnum_desktop.core.io.assemble import GridInfo
from capnum_desktop.core.io.warning_sentences import ReadNote

SPACES = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c).isspace()] + ["\u200b", "\ufeff"]


def _old_nonblank(series: pd.Series) -> np.ndarray:
    return pc.not_equal(pc.utf8_trim_whitespace(cells.arrow(series)), "").to_numpy(zero_copy_only=False)


def _old_mask(series: pd.Series, literal: tuple[str, ...], pattern: str | None) -> np.ndarray | None:
    """``cells._mask`` without its buffer pre-check: every literal looked for cell by cell."""
    real = cells._in_buffers
    cells._in_buffers = lambda data, literal: None
    try:
        return cells._mask(series, literal, pattern)
    finally:
        cells._in_buffers = real


def _as_series(texts: list[str], how: str) -> pd.Series:
    """The same cells as pandas' Arrow-backed str: one chunk, several chunks, or a slice of a bigger array."""
    if how == "chunked":
        third = max(1, len(texts) // 3)
        text = pa.large_string()
        array = pa.chunked_array([pa.array(texts[:third], type=text), pa.array(texts[third:], type=text)])
    elif how == "sliced":
        array = pa.chunked_array([pa.array(["E+ Ã© \ufffd :", *texts, "Â€ 12:30:00"], type=pa.large_string())[1:-1]])
    else:
        array = pa.chunked_array([pa.array(texts, type=pa.large_string())])
    series = pd.Series(array.to_pandas().array, index=range(2, 2 + len(texts)), name="col")
    assert cells.arrow(series).num_chunks == (2 if how == "chunked" else 1)
    return series


def _random_cells(rng: random.Random, n: int, pieces: list[str]) -> list[str]:
    return ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 5))) for _ in range(n)]


def test_nonblank_same_as_trimming_on_every_code_point() -> None:
    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    texts = points + [f" {p} " for p in points] + ["", " ", "\t\r\n", "a b", "\u00a0x\u3000"]
    series = pd.Series(pa.chunked_array([pa.array(texts, type=pa.large_string())]).to_pandas().array)
    assert (cells.nonblank(series) == _old_nonblank(series)).all()


@pytest.mark.parametrize("how", ["one", "chunked", "sliced"])
def test_nonblank_same_as_trimming_on_generated_cells(how: str) -> None:
    rng = random.Random(18)
    texts = _random_cells(rng, 3000, [*SPACES, "", "a", "É", "0", "'"])
    series = _as_series(texts, how)
    assert (cells.nonblank(series) == _old_nonblank(series)).all()
    with_nulls = pd.Series([None, " ", "x", None], dtype=object)  # not a text column: the former way
    assert list(cells.nonblank(with_nulls)) == list(_old_nonblank(with_nulls))


@pytest.mark.parametrize("how", ["one", "chunked", "sliced"])
def test_damage_checks_same_as_cell_by_cell(how: str) -> None:
    rng = random.Random(14)
    # markers whole, and cut in two so that a cell's end and the next cell's start make one in the buffer
    pieces = ["E", "+", "e+", "2,10104E+13", "1E+5", "Ã", "©", "Ã©", "â", "€", "â€™", "Â", "\u00a0", "\ufffd",
              "x", "7", " ", ",", "."]
    columns = [
        [t if rng.random() < rate else re.sub("E\\+|e\\+|Ã|â€|Â|\ufffd", "", t) for t in _random_cells(rng, 2000, pieces)]
        for rate in (0.0, 0.02, 0.5)
    ]
    for marker in ("2,1E+13", "Ã©", "â€™", "Â\u00a0", "\ufffd"):  # in the first cell only, the last only
        columns += [[marker, *["x"] * 30], [*["x"] * 30, marker], [*["x"] * 30, "1E", "+5"]]
    for texts in columns:
        series = _as_series(texts, how)
        for literal, pattern in ((("E+", "e+"), cells.SCIENTIFIC), (("Ã", "â€", "Â"), cells.MOJIBAKE),
                                 ((cells.REPLACEMENT,), None)):
            new, old = cells._mask(series, literal, pattern), _old_mask(series, literal, pattern)
            assert (new is None) == (old is None)
            if new is not None:
                assert (new == old).all()
        assert cells.check_column("col", series) == _old_warnings(series)


def _old_warnings(series: pd.Series) -> list[ReadNote]:
    out = []
    for code, literal, pattern in (("scientific-notation", ("E+", "e+"), cells.SCIENTIFIC),
                                   ("garbled-values", ("Ã", "â€", "Â"), cells.MOJIBAKE),
                                   ("replacement-character", (cells.REPLACEMENT,), None)):
        mask = _old_mask(series, literal, pattern)
        if mask is not None:
            out.append(ReadNote(code, column="col", values_count=int(mask.sum()), lines=cells._lines(series, mask),
                                where_key=cells.line_word(int(mask.sum()))))
    return out


def test_fix_strings_same_with_or_without_colons() -> None:
    rng = random.Random(3)
    pieces = ["2024-03-15", " ", "00:00:00", "14:30:00", "1899-12-30", "T", ":", "a", "12"]
    for texts in (_random_cells(rng, 500, pieces), ["2024-03-15", "abc", ""], ["", ""], []):
        array = pa.array(texts, type=pa.string())
        old = array
        if pc.any(pc.match_substring_regex(array, r"\d\d:\d\d:\d\d$")).as_py():
            old = pc.replace_substring_regex(array, values._STRING_TIME_ONLY, r"\1")
            old = pc.replace_substring_regex(old, values._STRING_MIDNIGHT, r"\1")
            old = pc.replace_substring_regex(old, values._STRING_DATETIME, r"\1T\2")
        assert values.fix_strings(array).to_pylist() == old.to_pylist()
        if len(texts) > 2:  # a slice: its buffer holds the cells around it too
            part = array.slice(1, len(texts) - 2)
            assert values.fix_strings(part).to_pylist() == [
                values.fix_strings(pa.array([t], type=pa.string())).to_pylist()[0] for t in part.to_pylist()
            ]


@pytest.mark.parametrize(
    ("raw", "encoding", "forced"),
    [
        ("Nom;Ville\nÉlodie;Besançon\n".encode("cp1252"), "cp1252", False),
        ("Nom;Ville\nCafé;Sète €\n".encode("cp1252"), "cp1252", False),
        (b"Nom;Ville\nA\x81;B\n", "cp1252", False),  # a byte cp1252 lacks: replaced by U+FFFD
        ("Nom;Ville\nÀ;ÿ\n".encode("latin-1"), "latin-1", False),
        ("Nom;Ville\nA;\ufffd\n".encode("utf-16"), "utf-16", False),
        ("Nom;Ville\nA;B\n".encode("utf-16"), "utf-16", False),
        (b"Nom;Ville\nA;\xff\xfe\n", "utf-8", True),  # forced UTF-8 with bad bytes
        (b"Nom;Ville\nA;\xe9t\xe9\n", "utf-8", False),  # UTF-8 then cp1252
    ],
)
def test_fffd_known_from_the_decoding_same_as_searching_the_bytes(raw: bytes, encoding: str, forced: bool) -> None:
    info = GridInfo(path=Path("x.csv"), format="csv")
    data, _encoding, fffd = delimited._to_utf8(raw, encoding, forced, info)
    searched = b"\xef\xbf\xbd" in data
    assert fffd is None or fffd == searched
    assert delimited._suspects(data, fffd) == delimited._suspects(data)


def _ugly_csv(path: Path, rng: random.Random, encoding: str, eol: str) -> None:
    """Titles above, blank lines, cells only of spaces, multi-line cells, empty columns, a total and
    a source note under the table: everything the assembling step judges."""
    lines = ["Subventions 2024", "", "id;nom;vide;ville;montant"]
    for i in range(1, 300):
        if i % 41 == 0:
            lines.append("")
        elif i % 37 == 0:
            lines.append(" ; \u00a0;;  ;")
        else:
            nom = rng.choice(["Dupont", "Émile", " Zoé ", "Ã© x", "2,1E+13", "l'Haÿ"])
            ville = rng.choice(["Sète", "Besançon", '"deux' + eol + 'lignes"', "'49"])
            lines.append(f"{i};{nom};;{ville};{rng.randrange(10**6)},{rng.randrange(100):02d}")
    lines += ["Total;;;;123", "Source : ministère"]
    path.write_bytes((eol.join(lines) + eol).encode(encoding))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-8-sig"])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_fast_reader_same_as_exact_reader_on_ugly_files(
    tmp_path: Path, encoding: str, eol: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ugly.csv"
    _ugly_csv(path, random.Random(len(encoding) + len(eol)), encoding, eol)
    fast = read_table(path)

    def no_arrow(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise delimited._Fallback()

    monkeypatch.setattr(delimited, "_read_arrow", no_arrow)
    exact = read_table(path)
    pd.testing.assert_frame_equal(fast.df, exact.df)
    assert [str(d) for d in fast.df.dtypes] == ["str"] * fast.df.shape[1]
    assert fast.source == exact.source


@pytest.mark.parametrize("with_times", [False, True])
def test_dates_same_with_or_without_a_time_alone(with_times: bool) -> None:
    """A date column is searched for Excel's time-of-day-alone day (1899-12-30/31) before the regex runs."""
    import datetime as dt

    days = [dt.datetime(2024, 3, 15), None, dt.datetime(1900, 1, 1), dt.datetime(1899, 12, 29)]
    if with_times:
        days += [dt.datetime(1899, 12, 30), dt.datetime(1899, 12, 31)]
    array = pa.array(days, type=pa.timestamp("ms"))
    text = pc.fill_null(pc.cast(pc.cast(array, pa.date32()), pa.string()), "")
    old = pc.replace_substring_regex(text, r"^1899-12-3[01]$", "00:00:00").to_pylist()
    assert values.to_text(array).tolist() == old
    assert ("00:00:00" in old) == with_times


@pytest.mark.parametrize(
    "text",
    [
        "a;" * 40000 + "z\n1;2\n",  # a header longer than the first 64 KB block
        '"x' + "\n" * 70000 + 'y";b\n1;2\n',  # a header cell of 70,000 lines
        "a;b;c\n" + "1;2;3\n" * 50000,
        'a;"b;c"\n1;2\n',
    ],
)
def test_columns_counted_on_a_small_block_same_as_on_1_mb(text: str) -> None:
    view = memoryview(text.encode("utf-8"))
    first = pacsv.open_csv(
        pa.py_buffer(view),
        read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=1 << 20),
        parse_options=pacsv.ParseOptions(delimiter=";", newlines_in_values=True, invalid_row_handler=lambda r: "skip"),
    )
    assert sorted(delimited._all_text_options(view, ";").column_types) == sorted(first.schema.names)


def test_row_kinds_counts_same_as_stacked_masks() -> None:
    """inside_data's filled cells per row and first filled column, as the stacked array gave them."""
    from capnum_desktop.core.io import row_kinds

    rng = np.random.default_rng(5)
    data = pd.DataFrame({j: rng.choice(["", " ", "12", "Sous-total", "Total général", "Nord", "x"], 400,
                                       p=[0.3, 0.05, 0.3, 0.01, 0.01, 0.03, 0.3]) for j in range(6)})
    keep = np.ones(len(data), dtype=bool)
    masks = [cells.nonblank(data[c]) for c in data.columns]
    data.iloc[::37, 0] = "Nord"  # sub-headings: a lone text cell in the first column
    data.iloc[::37, 1:] = ""
    masks = [cells.nonblank(data[c]) for c in data.columns]
    found = row_kinds.inside_data(data, keep, 6, masks)
    again = row_kinds.inside_data(data, keep, 6)
    assert found.keys() == again.keys() and all((found[k] == again[k]).all() for k in found)
    assert "subheading" in found
    counts, first = row_kinds.filled_cells(masks, len(data))
    assert (counts == np.sum(masks, axis=0)).all()
    assert (first == np.argmax(np.vstack(masks), axis=0)).all()
    assert (counts == 0).any()  # rows with no filled cell: first column 0, as argmax says


def _old_floats(array: pa.Array) -> list[str]:
    """values._floats as it was: every number written both ways, then the right one picked."""
    v = np.asarray(pc.fill_null(array, np.nan).to_numpy(zero_copy_only=False), dtype=np.float64)
    finite = np.isfinite(v)
    magnitude = np.abs(np.where(finite, v, 0.0))
    normal = finite & (magnitude < 1e15) & ((magnitude >= 1e-4) | (magnitude == 0))
    safe = np.where(normal, v, 0.0)
    digits = np.where(safe != 0, np.floor(np.log10(np.where(safe != 0, np.abs(safe), 1.0))), 0).astype(np.int64)
    scale = np.power(10.0, (14 - digits).astype(np.float64))
    rounded = np.round(safe * scale) / scale
    integral = normal & (rounded == np.floor(rounded))
    text = pc.cast(pa.array(rounded), pa.string())
    ints = pc.cast(pa.array(np.where(integral, rounded, 0).astype(np.int64)), pa.string())
    text = pc.if_else(pa.array(finite), pc.if_else(pa.array(integral), ints, text), "")
    out = text.to_pylist()
    for i in np.flatnonzero(finite & ~normal):
        out[i] = values.format_number(float(v[i]))
    return out


@pytest.mark.parametrize(
    "numbers",
    [
        [1.0, 2.0, 12345678901234.0, 0.0, -7.0],  # whole numbers only
        [1e15, 2.0],  # whole but beyond 15 digits: the rounding path
        [0.1 + 0.2, 12.5, -3.25, 1e-5, 2.5e20],  # none whole, odd magnitudes
        [1.0, 0.5, None, float("nan"), float("inf"), 1e16, 3.0],  # mixed, empty, not finite
        [None, None],
        [],
    ],
)
def test_numbers_written_once_same_as_both_ways(numbers: list[float | None]) -> None:
    array = pa.array(numbers, type=pa.float64())
    assert values.to_text(array).tolist() == _old_floats(array)


def test_whole_numbers_written_as_excel_keeps_them() -> None:
    """A column of whole numbers takes the short way, which agrees with format_number (the one-number
    reference) even where the former rounding did not: 999999999999999 has 15 digits and stays so
    (the former way's log10 said 16 digits and wrote 1000000000000000, in mixed columns too)."""
    for numbers in ([-0.0, 999999999999999.0, -123456789012345.0, 4.0, 1.0], [999999999999999.0, 0.5, 99.99999999999999],
                    [10000000000.5, 1.5, 123456789012.25, 12345678901.0]):  # no exponent form at 1e10 and above
        assert values.to_text(pa.array(numbers, type=pa.float64())).tolist() == [values.format_number(v) for v in numbers]


def test_pair_search_same_as_bytes_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """``E+`` looked for by numpy, slice by slice (slices of 7 bytes here: pairs across two slices)."""
    monkeypatch.setattr(delimited, "SCAN_BYTES", 7)
    rng = random.Random(9)
    for _ in range(2000):
        data = bytes(rng.choice(b"E+e x\n") for _ in range(rng.randrange(0, 30)))
        assert delimited._contains_pair(data, b"E+") == (b"E+" in data), data
    for data in (b"", b"E", b"+E", b"E+", b"xxxxxxE+", b"xxxxxxxE+", b"xxxxxx+E"):
        assert delimited._contains_pair(data, b"E+") == (b"E+" in data), data


def test_no_cr_means_no_bare_cr() -> None:
    from capnum_desktop.core.io.ragged_rows import has_bare_cr

    for data in (b"", b"a\nb\n", b"a\r\nb\r\n", b"a\rb", b"a\r\nb\r", b"\r"):
        assert has_bare_cr(data) == (data.count(b"\r") != data.count(b"\r\n")), data


def test_ragged_rows_placed_from_the_first_read_same_as_read_again() -> None:
    """The skipped records' ranks from a one-column one-thread read, placed among the rows the
    multi-threaded read gave, make the same table as a whole second read."""
    from capnum_desktop.core.io.ragged_rows import with_invalid_rows

    lines = ["id;nom;ville"]
    for i in range(1, 3000):
        lines.append(f"{i};n{i}" if i % 97 == 0 else f"{i};n{i};v;trop" if i % 89 == 0 else
                     f'{i};"deux\nlignes";v' if i % 83 == 0 else "" if i % 79 == 0 else f"{i};n{i};v")
    view = memoryview(("\n".join(lines) + "\n").encode("utf-8"))
    read_opts = pacsv.ReadOptions(autogenerate_column_names=True, block_size=1 << 14)
    parse_opts = pacsv.ParseOptions(delimiter=";", newlines_in_values=True, ignore_empty_lines=True,
                                    invalid_row_handler=lambda r: "skip")
    convert = delimited._all_text_options(view, ";")
    first = pacsv.read_csv(pa.py_buffer(view), read_options=read_opts, parse_options=parse_opts,
                           convert_options=convert)
    again = with_invalid_rows(pa.py_buffer(view), read_opts, parse_opts, convert, ";")
    placed = with_invalid_rows(pa.py_buffer(view), read_opts, parse_opts, convert, ";", first)
    assert again is not None and placed is not None
    assert placed[0].equals(again[0]) and (placed[1] == again[1]).all()
    assert with_invalid_rows(pa.py_buffer(view), read_opts, parse_opts, convert, ";", first.slice(1)) is None


@pytest.mark.parametrize("case", ["long", "short", "gzip", "utf16", "wide-lines", "no-break"])
def test_preview_from_the_first_bytes_same_as_from_the_whole_file(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A preview reads the file's first megabytes only: same table, same detection, same « not at the end »."""
    import gzip

    from capnum_desktop.core.io import source

    rows = 60_000 if case in ("long", "gzip", "utf16") else 1000 if case == "wide-lines" else 40
    wide = "x" * 3000 if case == "wide-lines" else ""  # 300 rows need more than 1 MB
    lines = ["Titre", "", "id;nom;ville"] + [f"{i};Éloïse {wide};Sète" for i in range(rows)] + ["Source : test"]
    text = "\r\n".join(lines) + "\r\n"
    path = tmp_path / ("data.csv.gz" if case == "gzip" else "data.csv")
    if case == "gzip":
        path.write_bytes(gzip.compress(text.encode("cp1252")))
    elif case == "utf16":
        path.write_bytes(text.encode("utf-16"))
    elif case == "no-break":  # no line break in the first MAX_LINE_BYTES (made small): refused both ways
        monkeypatch.setattr(delimited, "MAX_LINE_BYTES", 5000)
        path.write_bytes(b"a;b;" * 2000 + b"\n1;2\n")
        with pytest.raises(InputFileError) as fast_error:
            read_table(path, max_rows=10)
        monkeypatch.setattr(source, "read_prefix", lambda p, *a, **k: (source.read_bytes(p), len(source.read_bytes(p))))
        with pytest.raises(InputFileError) as whole_error:
            read_table(path, max_rows=10)
        assert fast_error.value.code == whole_error.value.code == "line-too-long"
        return
    else:
        path.write_bytes(text.encode("cp1252"))
    previews = [read_table(path, max_rows=n) for n in (10, 200)]
    monkeypatch.setattr(source, "read_prefix", lambda p, *a, **k: (source.read_bytes(p), len(source.read_bytes(p))))
    for n, fast in zip((10, 200), previews, strict=True):
        whole = read_table(path, max_rows=n)
        pd.testing.assert_frame_equal(fast.df, whole.df)
        assert fast.source == whole.source


def test_buffer_search_by_slices_same_as_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts across two 5-byte slices are found; the whole-buffer answer is kept."""
    monkeypatch.setattr(cells, "SCAN_BYTES", 5)
    rng = random.Random(16)
    for _ in range(1500):
        data = bytes(rng.choice(b"E+ab\xc3\x83:") for _ in range(rng.randrange(0, 25)))
        for needle in (b"E+", b"\xc3\x83", b":", b"E+a"):
            assert cells.buffer_holds(needle, memoryview(data)) == (needle in data), (needle, data)
