"""Value conversion: French writings in, canonical Table Schema text out, failures flagged and kept."""

from __future__ import annotations

import pandas as pd
import pytest
from faker import Faker
from stdnum import luhn
from stdnum.fr import siret as stdnum_siret

from capnum_desktop.core.schemas import convert_column, convert_values


def one(value: str, field: dict, **options) -> tuple[str, str]:
    result = convert_values(pd.Series([value], index=[7]), field, **options)
    return str(result.values.iloc[0]), str(result.status.iloc[0])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12,5", "12.5"), ("1 234,56 €", "1234.56"), ("1.234,56", "1234.56"), ("1\u00a0234,5", "1234.5"),
        ("1\u202f234", "1234"), ("12 %", "0.12"), ("7,5%", "0.075"), ("-3", "-3"), ("+4.5", "4.5"), (",5", "0.5"),
        ("1,234,567", "1234567"), ("1,234.50", "1234.50"), ("12.50 EUR", "12.50"), ("€ 30", "30"),
        ("\u22122,5", "-2.5"), ("2,5E+3", "2.5E+3"), (" 42 ", "42"), ("1.234", "1.234"),
    ],
)  # fmt: skip
def test_numbers_written_the_french_way(raw: str, expected: str) -> None:
    assert one(raw, {"type": "number"}) == (expected, "")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("57", "57"),
        ("57.0", "57"),
        ("57,00", "57"),
        ("1 234", "1234"),
        ("1.234", "1234"),
        ("007", "7"),
        ("-0", "0"),
    ],
)
def test_integers(raw: str, expected: str) -> None:
    assert one(raw, {"type": "integer"}) == (expected, "")


@pytest.mark.parametrize(
    ("raw", "field"),
    [("12,5", {"type": "integer"}), ("abc", {"type": "number"}), ("1 2 3,4,5", {"type": "number"}),
     ("12 %", {"type": "integer"}), ("--1", {"type": "number"})],
)  # fmt: skip
def test_bad_numbers_are_flagged_and_keep_their_text(raw: str, field: dict) -> None:
    value, status = one(raw, field)
    assert value == raw and status == f"type-{field['type']}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("15/03/2024", "2024-03-15"), ("15-03-24", "2024-03-15"), ("15.03.2024", "2024-03-15"),
        ("5/3/2024", "2024-03-05"), ("15 mars 2024", "2024-03-15"), ("1er août 2023", "2023-08-01"),
        ("15 MARS 2024", "2024-03-15"), ("lundi 15 mars 2024", "2024-03-15"), ("3 févr. 2021", "2021-02-03"),
        ("2024-03-15", "2024-03-15"), ("2024-03-15 00:00:00", "2024-03-15"), ("2024-03-15T00:00:00", "2024-03-15"),
        ("2013.01.26", "2013-01-26"), ("20240315", "2024-03-15"), ("01/01/70", "1970-01-01"),
    ],
)  # fmt: skip
def test_dates(raw: str, expected: str) -> None:
    assert one(raw, {"type": "date"}) == (expected, "")


@pytest.mark.parametrize(
    "raw", ["31/02/2024", "03/15/2024", "NA", "mars 2024", "2024-13-01", "Commission du 22 mai"]
)
def test_impossible_dates_are_flagged(raw: str) -> None:
    assert one(raw, {"type": "date"}) == (raw, "type-date")


def test_date_with_a_custom_format_is_written_in_that_format() -> None:
    assert one("2024-03-15", {"type": "date", "format": "%d/%m/%Y"}) == ("15/03/2024", "")
    assert one("15/03/2024", {"type": "date", "format": "%Y-%m-%d"}) == ("2024-03-15", "")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("15/03/2024 14h30", "2024-03-15T14:30:00"), ("2024-03-15T10:00:00+0200", "2024-03-15T10:00:00+02:00"),
     ("2024-03-15 08:05:09", "2024-03-15T08:05:09"), ("2024-03-15t10:00:00z", "2024-03-15T10:00:00Z"),
     ("2024-03-15", "2024-03-15T00:00:00")],
)  # fmt: skip
def test_datetimes(raw: str, expected: str) -> None:
    assert one(raw, {"type": "datetime"}) == (expected, "")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("oui", "true"), ("Non", "false"), ("VRAI", "true"), ("faux", "false"), ("O", "true"), ("n", "false"),
     ("X", "true"), ("x", "true"), ("1", "true"), ("0", "false"), ("True", "true"), ("Oui ", "true")],
)  # fmt: skip
def test_booleans_to_true_false(raw: str, expected: str) -> None:
    assert one(raw, {"type": "boolean"}) == (expected, "")


def test_booleans_follow_the_field_own_words() -> None:
    field = {"type": "boolean", "trueValues": ["oui"], "falseValues": ["non"]}
    assert one("true", field) == ("oui", "")
    assert one("NON", field) == ("non", "")
    assert one("peut-être", field) == ("peut-être", "type-boolean")


def test_empty_cells_stay_empty_and_are_never_errors() -> None:
    values = pd.Series(["", "  ", "\u00a0", "null"], index=[2, 3, 4, 5])
    result = convert_values(values, {"type": "date"}, missing_values=["", "null"])
    assert list(result.values) == ["", "", "", ""]
    assert not result.bad.any()


def test_enum_matched_ignoring_case_accents_and_spaces_with_suggestions() -> None:
    field = {
        "type": "string",
        "constraints": {
            "enum": ["aide en numéraire", "aide en nature", "Ministère (administration centrale) "]
        },
    }
    values = pd.Series(
        [
            "AIDE EN NUMERAIRE",
            "aide  en nature",
            "ministere (administration centrale)",
            "aide numéraire",
            "autre",
        ]
    )
    result = convert_values(values, field)
    assert list(result.values[:3]) == [
        "aide en numéraire",
        "aide en nature",
        "Ministère (administration centrale) ",
    ]
    assert list(result.status) == ["", "", "", "enum", "enum"]
    assert result.values[3] == "aide numéraire"  # kept as written
    assert result.suggestions == {"aide numéraire": "aide en numéraire"}


def _valid_siret_with_leading_zero(fake: Faker) -> str:
    while True:
        siren = "0" + fake.numerify("#######")
        siren += luhn.calc_check_digit(siren)
        body = siren + fake.numerify("####")
        siret = body + luhn.calc_check_digit(body)
        if stdnum_siret.is_valid(siret):
            return siret


def test_siret_leading_zeros_restored_only_when_valid() -> None:
    fake = Faker("fr_FR")
    Faker.seed(3)
    good = _valid_siret_with_leading_zero(fake)
    broken = good.lstrip("0")
    wrong = str(int(broken) + 1)  # same length, Luhn broken: must not be "repaired"
    values = pd.Series([broken, good + ".0", wrong, good, "2,10104E+13"], index=[2, 3, 4, 5, 6])
    result = convert_values(
        values, {"name": "idBeneficiaire", "type": "string"}, checks=("french-siret-value",)
    )
    assert list(result.values) == [good, good, wrong, good, "2,10104E+13"]
    assert list(result.status) == [
        "repaired:leading-zeros", "repaired:excel-decimal", "", "", "identifier-scientific"
    ]  # fmt: skip
    assert list(result.repaired) == [True, True, False, False, False]
    assert list(result.bad) == [False, False, False, False, True]


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ({"name": "insee", "type": "string"}, "1001", "01001"),
        ({"name": "code_postal", "type": "string"}, "1400", "01400"),
        ({"name": "cp", "type": "string"}, "75001", "75001"),
        ({"name": "siren", "type": "string"}, "356000000", "356000000"),
        ({"name": "commune", "type": "string"}, "1001", "1001"),  # not a code field: untouched
        ({"name": "insee", "type": "string"}, "999", "999"),  # too short to be a lost zero
    ],
)
def test_code_zero_repair(field: dict, raw: str, expected: str) -> None:
    assert one(raw, field)[0] == expected


def test_convert_column_keeps_index_and_returns_bad_mask() -> None:
    values = pd.Series(["15/03/2024", "demain", ""], index=[10, 11, 40], name="d")
    converted, bad = convert_column(values, {"type": "date"})
    assert list(converted.index) == [10, 11, 40]
    assert list(converted) == ["2024-03-15", "demain", ""]
    assert list(bad) == [False, True, False]


def test_other_types_year_yearmonth_time() -> None:
    assert one("2024.0", {"type": "year"}) == ("2024", "")
    assert one("deux mille", {"type": "year"}) == ("deux mille", "type-year")
    assert one("03/2024", {"type": "yearmonth"}) == ("2024-03", "")
    assert one("14h30", {"type": "time"}) == ("14:30:00", "")
    assert one("25:00", {"type": "time"}) == ("25:00", "type-time")
    assert one(" 2.35,48.85 ", {"type": "geopoint"}) == ("2.35,48.85", "")


def test_many_rows_are_converted_once_per_distinct_value() -> None:
    values = pd.Series(["15/03/2024", "1er mars 2024", "x"] * 100_000)
    result = convert_values(values, {"type": "date"})
    assert result.values.iloc[-2] == "2024-03-01"
    assert int(result.bad.sum()) == 100_000


@pytest.mark.parametrize(
    "kind", ["number", "integer", "date", "datetime", "boolean", "year", "time", "string"]
)
def test_never_blanks_a_value_property(kind: str) -> None:
    """Whatever the text, a non-empty cell is either converted to non-empty text or flagged and kept as is."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("0123456789 ,.-/+%€:hTZeE\u00a0oinuxOVRAIfa"))

    @settings(max_examples=80, deadline=None)
    @given(st.lists(st.text(alphabet, min_size=1, max_size=12), min_size=1, max_size=20))
    def check(texts: list[str]) -> None:
        values = pd.Series(texts, index=range(2, 2 + len(texts)))
        result = convert_values(values, {"type": kind})
        for raw, out, bad in zip(texts, result.values, result.bad, strict=True):
            if bad:
                assert out == raw
            elif raw.replace("\u00a0", " ").strip():
                assert out != ""
            else:
                assert out == ""

    check()


@pytest.mark.parametrize(
    ("value", "expected", "status"),
    [
        ("1053", "01053", "repaired:leading-zeros"),  # Bourg-en-Bresse lost its zero in a spreadsheet
        ("1053.0", "01053", "repaired:leading-zeros"),
        ("1999", "1999", ""),  # 01999 names no commune: left as written
        ("Bourg-en-Bresse", "01053", "repaired:commune-name"),
        ("bourg en bresse", "01053", "repaired:commune-name"),
        ("Saint-Denis", "Saint-Denis", ""),  # several communes share the name: no guess
        ("2A004", "2A004", ""),
    ],
)
def test_commune_codes_checked_against_the_official_list(value: str, expected: str, status: str) -> None:
    result = convert_values(pd.Series([value]), {"name": "code_insee", "type": "string"})
    assert result.values.iloc[0] == expected and result.status.iloc[0] == status
