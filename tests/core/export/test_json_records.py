"""The JSON records writer (issue 18): the same JSON values as pandas' ``to_json`` of the typed cells.

``write_json_records`` builds each record with Arrow and numpy; ``_reference_write`` below is the
implementation it replaced (typed cells as Python objects, then pandas' ujson), kept to compare
with: every record must read back (``json.loads``) to the same values, on generated data and on
every ugly case we could think of, for object, ``str`` and ``string[pyarrow]`` columns and across
chunk boundaries. The few cases where the old writer crashed or depended on its neighbours are
tested on their own at the end.
"""

from __future__ import annotations

import io
import json
import warnings
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from capnum_desktop.core.export.writers import text_arrow_table, write_json_records
from tests.core.validation.generated import SCHEMA, generate

FIELDS = {f["name"]: f for f in SCHEMA["fields"]}
DTYPES = ["object", "str", "string[pyarrow]"]


# ---------------------------------------------------------------------- the replaced implementation


def _reference_typed_frame(df: pd.DataFrame, fields: dict[str, dict[str, Any]]) -> pd.DataFrame:
    out = {}
    for col in df.columns:
        s = df[col].astype(object)
        f = fields.get(str(col), {})
        ftype = f.get("type", "string")
        missing = set(f.get("missingValues") or [""])
        empty = s.isin(missing) if missing else pd.Series(False, index=s.index)
        if ftype in ("integer", "number", "year"):
            num = pd.to_numeric(s.where(~empty, None), errors="coerce")
            bad = num.isna() & ~empty
            if ftype in ("integer", "year"):
                as_int = num.where(num.isna() | (num == np.floor(num)))
                values = np.where(empty, None, np.where(bad, s, as_int.astype("Int64").astype(object)))
            else:
                values = np.where(empty, None, np.where(bad, s, num.astype(object)))
            out[col] = pd.Series(values, index=s.index, dtype=object)
        elif ftype == "boolean":
            trues = set(f.get("trueValues") or ["true", "True", "TRUE", "1"])
            falses = set(f.get("falseValues") or ["false", "False", "FALSE", "0"])
            mapped = s.map(lambda v, t=trues, fa=falses: True if v in t else (False if v in fa else v))
            out[col] = mapped.where(~empty, None)
        else:
            out[col] = s.where(~empty, None)
    return pd.DataFrame(out, index=df.index)


def _reference_write(df: pd.DataFrame, fields: dict[str, dict[str, Any]], fh: IO[bytes],
                     chunk_rows: int = 100_000) -> None:
    fh.write(b"[")
    first = True
    for start in range(0, len(df), chunk_rows):
        chunk = _reference_typed_frame(df.iloc[start:start + chunk_rows], fields)
        text = chunk.to_json(orient="records", force_ascii=False)
        body = text[1:-1]
        if not body:
            continue
        if not first:
            fh.write(b",\n")
        fh.write(body.encode("utf-8"))
        first = False
    fh.write(b"]\n")


# ---------------------------------------------------------------------------------------- helpers


def _typed(value: Any) -> Any:
    """A JSON value with its kind made explicit: ``True == 1`` in Python, ``true`` and ``1`` differ in JSON.

    Numbers compare by value (``12`` and ``12.0`` are the same JSON number).
    """
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", value)
    if isinstance(value, str):
        return ("text", value)
    assert value is None
    return None


def _new(df: pd.DataFrame, fields: dict[str, dict[str, Any]], chunk_rows: int = 100_000) -> bytes:
    buf = io.BytesIO()
    write_json_records(df, fields, buf, chunk_rows=chunk_rows)
    return buf.getvalue()


def _old(df: pd.DataFrame, fields: dict[str, dict[str, Any]], chunk_rows: int = 100_000) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        _reference_write(df, fields, buf, chunk_rows=chunk_rows)
    return buf.getvalue()


def _records(data: bytes) -> Any:
    return _typed(json.loads(data.decode("utf-8")))


def _assert_same(df: pd.DataFrame, fields: dict[str, dict[str, Any]], chunk_rows: int = 100_000) -> bytes:
    new = _new(df, fields, chunk_rows)
    old = _old(df, fields, chunk_rows)
    got, want = _records(new), _records(old)
    if got != want:
        diffs = [(i, a, b) for i, (a, b) in enumerate(zip(got, want, strict=True)) if a != b]
        raise AssertionError(f"{len(diffs)} records differ, first: {diffs[:3]}")
    return new


def _frame(columns: dict[str, list[Any]], dtype: str) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(values, dtype=dtype) for name, values in columns.items()})


def _column(values: list[str], field: dict[str, Any], dtype: str = "object", chunk_rows: int = 100_000) -> list[Any]:
    """One column written by the new writer, checked against the old one; the values read back."""
    data = _assert_same(_frame({"c": values}, dtype), {"c": field}, chunk_rows)
    return [r["c"] for r in json.loads(data)]


# ------------------------------------------------------------------------------- generated tables


@pytest.mark.parametrize("dtype", DTYPES)
def test_generated_table_same_values(dtype: str) -> None:
    df = generate(3000, seed=3, dirty=True, edge=True)
    # cells the old writer crashed on (an integer beyond 64 bits): tested on their own below
    df = df.replace({"99999999999999999999": ""})
    df = df.astype(dtype)
    for chunk_rows in (100_000, 777):
        _assert_same(df, FIELDS, chunk_rows)


def test_generated_table_without_schema_and_valid_data() -> None:
    df = generate(5000, seed=11, dirty=False)
    _assert_same(df, {}, 1000)
    _assert_same(df.astype("str"), FIELDS, 1234)


# ----------------------------------------------------------------------------------------- numbers

INTEGER_TEXTS = [" 12", "+5", "007", "1_000", "١٢", "1e3", "12.0", "12.5", "-3", "-0", "0", "00", "-007",
                 "9007199254740993", "-9007199254740993", "123456789012345", "1234567890123456",
                 "-9223372036854775808", "9223372036854775807", " ", "NaN", "nan", "5.", ".5", "0x10",
                 "1,5", "abc", "3.14159265358979", "1e-7", "123456789.123456789", "1e16", "1e17",
                 "0.1000000000000000055511151231257827", "1 000", "12\n", "\t7 ", "-", "+", "--1", "1-",
                 "1.2.3", "١", "²", "12abc", "", "٣.٥", "0.0", "-0.0", "1E3", "1e+3"]
NUMBER_TEXTS = [
    *INTEGER_TEXTS, "INF", "-inf", "Infinity", "inf", "1e400", "-1e400", "99999999999999999999", "12345678901234567890",
    "-9223372036854775809", "1.5e300", "1e-300", "4e-320", "0.00000000001", "0.0000000001", "0.00000000005",
    "0.00000000015", "1e-11", "123456.12345678901", "999999999999999.9999999999", "0.99999999999",
    "1.00000000005", "2.50000000005", "12.50", "0.10", "100.000", "-0.5", "1234567.1234567891",
    "98765432109876.5", "5e-324", "1.7976931348623157e308", "+0.5", "-.5", "0.", "00.5"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("ftype", ["integer", "year"])
def test_integer_texts(ftype: str, dtype: str) -> None:
    # each ugly cell alone, among plain integers, and next to an empty cell (the old writer's typed
    # column changed with its neighbours; only beyond 2**53 did that change a value, tested below)
    texts = [t for t in INTEGER_TEXTS if not _int_beyond_2_53(t)]
    _column(texts, {"type": ftype}, dtype)
    for text in INTEGER_TEXTS:
        _column([text, "1", "2"], {"type": ftype}, dtype)
        if not _int_beyond_2_53(text):
            _column([text, ""], {"type": ftype}, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
def test_number_texts(dtype: str) -> None:
    texts = [t for t in NUMBER_TEXTS if not _int_beyond_2_53(t)]
    _column(texts, {"type": "number"}, dtype)
    _column([*texts, ""], {"type": "number"}, dtype)
    for text in NUMBER_TEXTS:
        if not _int_beyond_2_53(text):
            _column([text, "1.5"], {"type": "number"}, dtype)
        _column([text], {"type": "number"}, dtype)  # alone: the old writer kept whole numbers exact


def _int_beyond_2_53(text: str) -> bool:
    try:
        return abs(int(text)) > 2**53
    except ValueError:
        return False


def test_plain_numbers_are_kept_as_written_and_read_back_as_before() -> None:
    rng = np.random.default_rng(5)
    n = 20_000
    whole = rng.integers(0, 10, n) ** rng.integers(0, 16, n) * rng.integers(1, 10, n)
    whole = np.where(rng.random(n) < 0.3, rng.integers(0, 10**15, n), whole) % 10**15
    decimals = rng.integers(0, 13, n)
    frac = [str(rng.integers(0, 10**d)).zfill(d) if d else "" for d in decimals]
    sign = np.where(rng.random(n) < 0.3, "-", "")
    texts = [f"{s}{w}.{f}" if f else f"{s}{w}" for s, w, f in zip(sign, whole, frac, strict=True)]
    # doubles printed the shortest way (many digits), and the 1e-10 grid's halfway points
    texts += [repr(x) for x in rng.uniform(-1e6, 1e6, 2000)] + [repr(x) for x in rng.uniform(0, 1, 2000)]
    texts += [f"{k}.{'0' * 9}5" for k in range(0, 2000, 7)] + [f"{k}.{'4' * 10}5" for k in range(0, 10**7, 9973)]
    for dtype in ("object", "str"):
        got = _column(texts, {"type": "number"}, dtype, chunk_rows=4096)
        assert len(got) == len(texts)
    ints = [str(v) for v in rng.integers(-(10**15) + 1, 10**15, 5000)] + ["-0", "0"]
    _column([*ints, ""], {"type": "integer"}, "str")
    _column(ints, {"type": "integer"}, "object")


def test_number_values_as_json() -> None:
    got = _column(["3.14159265358979", "12.5", "1e3", "12", "+5", "007", "", "abc", "NaN", "INF", "1 000"],
                  {"type": "number"})
    assert got == [3.1415926536, 12.5, 1000.0, 12, 5, 7, None, "abc", "NaN", None, "1 000"]
    got = _column(["12", "12.0", "1e3", " 12", "-0", "", "abc", "12.5", "NaN"], {"type": "integer"})
    assert got == [12, 12, 1000, 12, 0, None, "abc", None, "NaN"]


# ----------------------------------------------------------------------------------- text & others

UGLY_TEXTS = ['q"uo\\te', "/a/b/", "é à ü ß", "😀 emoji", "\u2028\u2029 line seps", "\x7f del", "tab\there",
              "new\nline", "cr\rlf\r\n", "\x00nul", "\x01\x02\x1f", "\x1b[31mansi", "\\", '"', '\\"', "\\n",
              "' apostrophe", "{}[],:", "null", "true", "12", "", " ", "  spaced  ", "\ufeffbom", "ﬁ", "\u00a0nbsp",
              "a\x0bb\x0cc\bd", "多言語", "e\u0301", "\U0001f468\u200d\U0001f469\u200d\U0001f467"]


@pytest.mark.parametrize("dtype", DTYPES)
def test_text_cells(dtype: str) -> None:
    got = _column(UGLY_TEXTS, {"type": "string"}, dtype)
    assert got == [None if t == "" else t for t in UGLY_TEXTS]
    _column(UGLY_TEXTS * 3, {"type": "date"}, dtype, chunk_rows=5)
    _column(UGLY_TEXTS, {}, dtype)


def test_random_text_cells() -> None:
    rng = np.random.default_rng(9)
    alphabet = [chr(c) for c in range(0, 0x30)] + list("abcé€\\\"/😀\u2028\x7f") + ["\U0010fffd"]
    texts = ["".join(rng.choice(alphabet, rng.integers(0, 12))) for _ in range(5000)]
    for dtype in DTYPES:
        assert _column(texts, {"type": "string"}, dtype, chunk_rows=999) == [t or None for t in texts]


def test_utf8_is_written_as_is_one_record_a_line() -> None:
    df = _frame({"nom": ["Éloïse", "Zoé 😀", ""], "n": ["1", "", "3"]}, "object")
    data = _assert_same(df, {"n": {"type": "integer"}}, chunk_rows=2)
    text = data.decode("utf-8")
    assert "Éloïse" in text and "😀" in text and "\\u" not in text
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 5
    assert lines[1:4] == ['{"nom":"Éloïse","n":1},', '{"nom":"Zoé 😀","n":null},', '{"nom":null,"n":3}']


def test_column_names_are_escaped() -> None:
    names = ['a"b', "c\\d", "é/f", "tab\tname", "😀", "12", "", "null", "x\x01"]
    df = pd.DataFrame({n: [f"v{i}", ""] for i, n in enumerate(names)})
    data = _assert_same(df, {"12": {"type": "integer"}, "null": {"type": "boolean"}})
    assert list(json.loads(data)[0]) == names


@pytest.mark.parametrize("dtype", DTYPES)
def test_booleans(dtype: str) -> None:
    texts = ["true", "True", "TRUE", "1", "false", "False", "FALSE", "0", "oui", "non", "", "yes", 'x"y', "t\n"]
    got = _column(texts, {"type": "boolean"}, dtype)
    assert got[:8] == [True] * 4 + [False] * 4 and got[8:] == ["oui", "non", None, "yes", 'x"y', "t\n"]
    custom = {"type": "boolean", "trueValues": ["oui", "O"], "falseValues": ["non", "N"]}
    assert _column([*texts, "O", "N"], custom, dtype)[-6:] == [None, "yes", 'x"y', "t\n", True, False]
    # a missing value wins over a true value, even the empty text
    _column(["", "oui", "-", "non"], {"type": "boolean", "trueValues": ["", "oui"], "falseValues": ["-", "non"],
                                     "missingValues": ["", "-"]}, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
def test_missing_values(dtype: str) -> None:
    texts = ["NA", "-", "", "12", "n/a", "abc", "1.5"]
    for ftype in ("string", "integer", "number", "year", "boolean", "date"):
        for missing in (["NA", "-"], ["", "NA"], [], ["n/a"], ["NA", 7]):
            _column(texts, {"type": ftype, "missingValues": missing}, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
def test_missing_cells_are_null(dtype: str) -> None:
    df = _frame({"s": ["a", None, np.nan, ""], "n": ["1", None, "x", ""], "b": [None, "true", "", "x"]}, dtype)
    fields = {"n": {"type": "number"}, "b": {"type": "boolean"}}
    data = _assert_same(df, fields)
    assert json.loads(data) == [{"s": "a", "n": 1, "b": None}, {"s": None, "n": None, "b": True},
                                {"s": None, "n": "x", "b": None}, {"s": None, "n": None, "b": "x"}]
    data = _assert_same(df, {k: {**v, "missingValues": ["NA"]} for k, v in fields.items()})
    assert json.loads(data)[3] == {"s": None, "n": "", "b": "x"}


def test_chunks_and_empty_tables() -> None:
    df = generate(1000, seed=2, dirty=True, edge=False).astype("str")
    one = _assert_same(df, FIELDS, 1000)
    for chunk_rows in (1, 3, 999, 1001):
        assert _new(df, FIELDS, chunk_rows) == one  # the same bytes whatever the chunks
    assert _new(df.iloc[:0], FIELDS) == _old(df.iloc[:0], FIELDS) == b"[]\n"
    assert _new(pd.DataFrame(index=range(3)), {}) == _old(pd.DataFrame(index=range(3)), {}) == b"[]\n"
    assert json.loads(_new(df.iloc[:1], FIELDS))[0]["id"] == int(df["id"].iloc[0])


@pytest.mark.parametrize("dtype", DTYPES)
def test_the_arrow_text_table_of_the_csv_gives_the_same_file(dtype: str) -> None:
    """export_dataset hands over the Arrow table the CSV was written from (object columns converted once)."""
    df = generate(2000, seed=4, dirty=True, edge=True).replace({"99999999999999999999": ""}).astype(dtype)
    df["texte"] = (UGLY_TEXTS * 100)[:2000]
    data = _assert_same(df, FIELDS, 333)
    assert _new_from_arrow(text_arrow_table(df), FIELDS, 333) == data
    assert _new_from_arrow(text_arrow_table(df.iloc[:0]), FIELDS) == b"[]\n"


def _new_from_arrow(table: pa.Table, fields: dict[str, dict[str, Any]], chunk_rows: int = 100_000) -> bytes:
    buf = io.BytesIO()
    write_json_records(table, fields, buf, chunk_rows=chunk_rows)
    return buf.getvalue()


def test_cells_that_are_not_text_are_written_as_the_csv_writes_them() -> None:
    df = pd.DataFrame({"n": [5, "6", None], "s": [1.5, "x", True], "b": [True, "false", None]})
    data = _new(df, {"n": {"type": "integer"}, "b": {"type": "boolean"}})
    assert json.loads(data) == [{"n": 5, "s": "1.5", "b": True}, {"n": 6, "s": "x", "b": False},
                                {"n": None, "s": "True", "b": None}]


# ------------------------------------------------- where the old writer crashed or read its neighbours


def test_integers_beyond_64_bits_or_infinite_stay_text() -> None:
    """The old writer stopped the whole export on these cells (``cannot safely cast``, ``infinity``)."""
    texts = ["99999999999999999999", "12345678901234567890", "1.5e300", "INF", "-inf", "1e400",
             "9223372036854775808", "1e19"]
    for text in texts:
        with pytest.raises((TypeError, OverflowError)):
            _old(_frame({"c": [text, "1"]}, "object"), {"c": {"type": "integer"}})
    # and wrote the smallest 64-bit integer for this one
    assert json.loads(_old(_frame({"c": ["-9223372036854775809"]}, "object"), {"c": {"type": "integer"}})) == [
        {"c": -(2**63)}]
    texts.append("-9223372036854775809")
    got = [r["c"] for r in json.loads(_new(_frame({"c": [*texts, "1"]}, "object"), {"c": {"type": "integer"}}))]
    assert got == [*texts, 1]


def test_whole_numbers_beyond_2_53_are_exact() -> None:
    """The old writer kept them exact only when no cell of the same 100,000 rows was empty or a decimal."""
    texts = ["9007199254740993", "-9007199254740993", "1234567890123456789", "9223372036854775807"]
    for ftype in ("integer", "year", "number"):
        alone = json.loads(_old(_frame({"c": texts}, "object"), {"c": {"type": ftype}}))
        assert [r["c"] for r in alone] == [int(t) for t in texts]
        for neighbours in ([], [""], ["abc"], ["1.5"]):
            df = _frame({"c": texts + neighbours}, "str")
            got = [r["c"] for r in json.loads(_new(df, {"c": {"type": ftype}}))][:len(texts)]
            assert got == [int(t) for t in texts] and all(isinstance(v, int) for v in got)
    # in a number column only, 64 bits unsigned still read exactly; beyond, as a double like before
    assert _column(["12345678901234567890"], {"type": "number"}) == [12345678901234567890]
    assert _column(["123456789012345678901"], {"type": "number"}) == [1.23456789e20]  # ujson: 10 digits
