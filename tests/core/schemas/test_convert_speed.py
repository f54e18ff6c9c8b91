"""The shortcuts that make conversion fast give exactly what the full conversion gives (issue 18)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from capnum_desktop.core.schemas import convert
from capnum_desktop.core.schemas.convert import STRING, convert_values


def _samples() -> list[str]:
    rng = random.Random(18)
    digits = "0123456789"
    values = ["0", "-0", "00", "007", "-007", "10", "-10", "0.0", "-0.0", "0.50", "12.5", "1.234", "-1.234",
              "1.234.567", "12,5", "1e3", "+5", ".5", "5.", "", " 5", "NaN", "12 %", "1 234"]
    for _ in range(3000):
        whole = "".join(rng.choice(digits) for _ in range(rng.randint(1, 9)))
        frac = "".join(rng.choice(digits) for _ in range(rng.randint(1, 4)))
        sign = rng.choice(["", "-"])
        values += [sign + whole, f"{sign}{whole}.{frac}"]
    return values


@pytest.mark.parametrize("kind", sorted(convert._CANONICAL))
def test_canonical_writings_are_what_the_converter_returns(kind: str) -> None:
    values = pd.Series(_samples(), dtype=STRING)
    pattern = re.compile(convert._CANONICAL[kind])
    canonical = values[[bool(pattern.fullmatch(v)) for v in values]]
    assert len(canonical) > 1000
    converted, ok = convert._CONVERTERS[kind](canonical, {"type": kind})
    assert ok.all()
    assert converted.astype(str).tolist() == canonical.tolist()


@pytest.mark.parametrize("kind", ["integer", "number"])
def test_convert_values_equals_the_converter_on_every_value(kind: str) -> None:
    values = pd.Series(_samples(), dtype=STRING)
    result = convert_values(values, {"type": kind})
    trimmed = values.str.strip()
    present = trimmed != ""
    expected, ok = convert._CONVERTERS[kind](trimmed[present], {"type": kind})
    got = result.values[present]
    assert got[ok.to_numpy()].astype(str).tolist() == expected[ok].astype(str).tolist()
    assert (result.bad[present].to_numpy() == ~ok.to_numpy()).all()
    assert got[~ok.to_numpy()].tolist() == values[present][~ok.to_numpy()].tolist()  # bad cells unchanged


def _column_cases() -> list[tuple[list[str | None], dict[str, object], bool]]:
    texts = [" a ", "b\u00a0", "", None, "N/A", "x" * 300, "é à", "\tc", "01234"]
    return [
        (texts, {"type": "string"}, True),
        (texts, {"type": "string", "format": "email"}, True),
        (["1", "2", " 3 ", "", None, "-7", "N/A"], {"type": "integer"}, True),
        (["1", "007", "2"], {"type": "integer"}, False),  # a zero to drop: full conversion
        (["12,5", "-0,25", "3", "4.75", " 1,0 ", "", "N/A"], {"type": "number"}, True),
        (["12,5", "1 234,5"], {"type": "number"}, False),  # thousands: full conversion
        (["1", "abc"], {"type": "integer"}, False),  # a bad cell: full conversion
        (["12345678901234", " 1234"], {"type": "string", "name": "siret"}, False),  # identifier: full conversion
        # identifiers no repair touches: the shortcut (issue 18); any other writing: the full conversion
        (["73282932000074", " 12345678901234 ", "", None, "N/A", "00000000000000"], {"name": "siret"}, True),
        (["732829320", "123456789 ", ""], {"name": "siren"}, True),
        (["75001", "99999", "00000", " 13001 ", ""], {"name": "code_postal"}, True),
        (["2A004", "75001"], {"name": "code_postal"}, False),
        (["01053", "2A004", "2B033", "97411", "99999", ""], {"name": "code_insee"}, True),
        (["7328 2932 0000 74", "73282932000074"], {"name": "siret"}, False),
        (["7.3282932000074E+13", "73282932000074"], {"name": "siret"}, False),
        (["732829320000740"], {"name": "siret"}, False),
        (["732829320.0", "732829320"], {"name": "siren"}, False),
        (["1001", "75001"], {"name": "code_postal"}, False),
        (["7500l", "75001"], {"name": "code_postal"}, False),
        (["\u0667\u0665\u0660\u0660\u0661", "75001"], {"name": "code_postal"}, False),  # Arabic-Indic digits
        (["1053", "01053"], {"name": "code_insee"}, False),
        (["Bourg-en-Bresse", "01053"], {"name": "code_insee"}, False),
        (["2a004"], {"name": "code_insee"}, False),
    ]


@pytest.mark.parametrize(("cells", "field", "shortcut"), _column_cases())
def test_whole_column_shortcut_equals_the_full_conversion(
    cells: list[str | None], field: dict[str, object], shortcut: bool
) -> None:
    text = pd.Series(cells * 3, dtype="str", name="c")
    assert (convert._whole_column(text, field, ("", "N/A"), ()) is not None) == shortcut
    fast = convert_values(pd.Series(cells * 3, dtype="str", name="c"), field, missing_values=("", "N/A"))
    full = convert_values(pd.Series(cells * 3, dtype=object, name="c"), field, missing_values=("", "N/A"))
    pd.testing.assert_series_equal(fast.values, full.values)
    pd.testing.assert_series_equal(fast.status, full.status)
    pd.testing.assert_series_equal(fast.bad, full.bad)
    pd.testing.assert_series_equal(fast.repaired, full.repaired)
    assert fast.suggestions == full.suggestions


def _regex_trim(s: pd.Series) -> pd.Series:
    """What ``_trim`` did before its byte search: the regex replacement on every cell."""
    return s.str.replace(convert._ODD_SPACES, " ", regex=True).str.strip()


@pytest.mark.parametrize("space", [*convert.SPACES, None])
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_trim_skips_the_regex_only_when_no_cell_holds_an_odd_space(space: str | None, where: str) -> None:
    rng = random.Random(hash((space, where)) & 0xFFFF)
    words = ["é", "à", "«", "€", "’", "ç", "a", "b", " ", "\u00ab", "\u2019", "\u20ac", "\u200d", "\ufffd"]
    cells = ["".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(2000)]
    if space is not None:
        i = rng.randrange(len(cells))
        cells[i] = {"start": space + cells[i], "middle": f"x{space}y", "end": cells[i] + space}[where]
    column = pd.Series(cells, dtype="str")
    assert convert._may_hold_odd_spaces(column) is (space is not None)
    assert convert._trim(column).tolist() == _regex_trim(column).tolist()
    chunked = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(
        [column.iloc[:700].array._pa_array.combine_chunks(), column.iloc[700:].array._pa_array.combine_chunks()])))
    assert convert._trim(chunked.astype(STRING)).tolist() == _regex_trim(chunked.astype(STRING)).tolist()
    tail = column.iloc[1500:]  # a slice: its buffer holds cells outside it (a false alarm costs the regex only)
    assert convert._trim(tail).tolist() == _regex_trim(tail).tolist()


def test_trim_of_a_column_of_python_strings_still_replaces() -> None:
    column = pd.Series(["a\u00a0b", " c\t"], dtype=object)
    assert convert._may_hold_odd_spaces(column)
    assert convert._trim(column).tolist() == ["a b", "c"]


def test_conformed_columns_stay_arrow_backed_text() -> None:
    """Conformed columns are pandas' ``str`` like the source's, not Python objects: at 1M rows the object
    columns cost ~2 s of conversions and ~350 MB (issue 18)."""
    from capnum_desktop.core.schemas import Mapping, conform, schema_from_descriptor
    from capnum_desktop.core.table import SourceInfo, Table

    df = pd.DataFrame({"n": ["1", " 2 ", "x"], "d": ["15/03/2024", "", "bad"], "t": ["a", "b\u00a0c", ""],
                       "e": ["oui", "non", "peut-être"]}, dtype="str")
    schema = schema_from_descriptor({"fields": [
        {"name": "n", "type": "integer"}, {"name": "d", "type": "date"}, {"name": "t", "type": "string"},
        {"name": "e", "type": "boolean", "trueValues": ["oui"], "falseValues": ["non"]},
        {"name": "k", "type": "string"}, {"name": "absent", "type": "string"}]})
    mapping = Mapping(columns={c: c for c in df.columns}, constants={"k": "fixe"})
    result = conform(Table(df, SourceInfo(Path("x.csv"), "csv")), schema, mapping)
    out = result.table.df
    assert all(out[c].dtype == "str" and hasattr(out[c].array, "_pa_array") for c in out.columns)
    assert out.to_dict("list") == {"n": ["1", "2", "x"], "d": ["2024-03-15", "", "bad"], "t": ["a", "b c", ""],
                                   "e": ["oui", "non", "peut-être"], "k": ["fixe"] * 3, "absent": ["", "", ""]}
