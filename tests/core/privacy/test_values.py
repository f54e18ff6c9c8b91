from __future__ import annotations

import pytest

from capnum_desktop.core.privacy import values as v


def test_check_digits_come_from_stdnum() -> None:
    assert v.is_nir("2 95 10 99 126 111 93")
    assert not v.is_nir("2 95 10 99 126 111 94")
    assert v.is_iban("FR76 3000 6000 0112 3456 7890 189")
    assert not v.is_iban("FR76 3000 6000 0112 3456 7890 188")
    assert v.is_nif("3023217600053") and not v.is_nif("3023217600054")
    assert v.is_siret("73282932000074") and not v.is_siret("73282932000075")


@pytest.mark.parametrize("text", ["06 12 34 56 78", "+33 1 40 20 50 50", "01.40.20.50.50", "0033 6 12 34 56 78"])
def test_french_phone_numbers(text: str) -> None:
    assert v.is_phone(text)


@pytest.mark.parametrize("text", ["123456789", "12 345,67", "2024-03-15", "73282932000074", "0000000000"])
def test_numbers_that_are_not_phones(text: str) -> None:
    assert not v.is_phone(text)


def test_names_need_a_known_first_name_not_just_capitals() -> None:
    assert v.is_full_name("Jean Dupont") and v.is_full_name("DUPONT Marie-Claire")
    assert not v.is_full_name("Dupont SARL")
    assert not v.is_full_name("Saint Denis")  # a town, not a person
    assert not v.is_full_name("Compagnie des Archers")
    assert not v.is_full_name("Grand Hotel")
    assert not v.is_full_name("Jean Dupont 12")
    assert v.is_first_name("Pierre") and v.is_first_name("jean-pierre")
    assert not v.is_first_name("Investissement")


def test_companies_and_sole_proprietors() -> None:
    assert v.looks_like_company("Boulay Goncalves S.A.R.L.")
    assert v.looks_like_company("Association des amis du musée")
    assert v.is_individual_entrepreneur("DUPONT Jean EI")
    assert v.is_individual_entrepreneur("Marie Curie")
    assert v.is_individual_entrepreneur("[ND]")
    assert not v.is_individual_entrepreneur("Dupont SAS")


def test_missing_value_tokens() -> None:
    assert v.is_missing("null") and v.is_missing("NC") and v.is_missing(" ")
    assert not v.is_missing("Paris")


def test_dates_and_coordinates() -> None:
    assert v.parse_date("15/03/2024").isoformat() == "2024-03-15"
    assert v.parse_date("31/02/2024") is None
    assert v.is_geo_literal("48.8566, 2.3522") and v.is_geo_literal("POINT(2.35 48.85)")
    assert not v.is_geo_literal("12, 5")
    assert v.is_coordinate("48.85661") and v.is_coordinate("652469.0")
