"""The scan's detectors test each sampled value once (issue 18): same measures as the code of before."""

from __future__ import annotations

import re

from faker import Faker

from capnum_desktop.core.privacy import detectors as d
from capnum_desktop.core.privacy import values as v
from capnum_desktop.core.privacy.rules import fold, load_rules


def _count_before(values: list[str], test, what: str) -> d.Measure:  # type: ignore[no-untyped-def]
    n = sum(1 for x in values if test(x))
    return d.Measure(n, len(values), d._counted(n, len(values), what))


def _email_before(values: list[str]) -> d.Measure:
    m = _count_before(values, v.is_email, "email")
    generic = sum(1 for x in values if v.is_email(x) and v.is_generic_email(x))
    if generic:
        m = d.Measure(m.matched, m.sampled, m.plus("values.email.generic", generic=generic), extra={"generic": generic})
    return m


def _phone_before(values: list[str]) -> d.Measure:
    m = _count_before(values, v.is_phone, "phone")
    mobiles = sum(1 for x in values if v.is_phone(x) and re.match(r"^(?:\+33|0033|0)\s?[67]", x.strip()))
    if mobiles:
        m = d.Measure(m.matched, m.sampled, m.plus("values.phone.mobiles", mobiles=mobiles), extra={"mobiles": mobiles})
    return m


def _company_share_before(values: list[str]) -> float:
    return sum(1 for x in values if v.looks_like_company(x)) / len(values) if values else 0.0


def _entrepreneur_before(value: str) -> bool:
    folded = " " + " ".join(fold(value).replace("(", " ").replace(")", " ").split()) + " "
    marks = load_rules().lexicons.get("individual_entrepreneur_words") or []
    if any(f" {fold(m)} " in folded for m in marks):
        return True
    return v.is_full_name(value)


def _samples() -> list[list[str]]:
    fake = Faker("fr_FR")
    Faker.seed(18)
    ugly = ["", " ", "contact@mairie.fr", "accueil@x.org", " 06 12 34 56 78 ", "+33 7 12 34 56 78", "0033612345678",
            "01 23 45 67 89", "0612", "Dupont SARL", "Jean Dupont (EI)", "EI Martin", "micro-entrepreneur",
            "[ND]", "Amicale & Co", "SAS L'Étoile", "Mme Durand", "06.12.34.56.78", "6 12 34 56 78"]
    samples = [
        [fake.email() for _ in range(300)] + ugly,
        [fake.phone_number() for _ in range(300)] + ugly,
        [fake.name() for _ in range(200)] + [fake.company() for _ in range(100)] + ugly,
        [fake.last_name() for _ in range(300)] + ugly,
        [fake.company() for _ in range(300)] + ugly,
        ugly, [], ["x"],
    ]
    return samples


def test_email_and_phone_measures_equal_the_code_before() -> None:
    cat = load_rules().category("email")
    for sample in _samples():
        assert d.email(sample, cat, False) == _email_before(sample)
        assert d.phone(sample, cat, False) == _phone_before(sample)


def test_company_share_equals_the_code_before() -> None:
    for sample in _samples():
        assert d.company_share(sample) == _company_share_before(sample)
        assert d.company_share(list(reversed(sample))) == _company_share_before(list(reversed(sample)))


def test_sole_proprietor_marks_equal_the_code_before() -> None:
    for sample in _samples():
        assert [v.is_individual_entrepreneur(x) for x in sample] == [_entrepreneur_before(x) for x in sample]


def test_kept_siret_and_siren_answers_equal_the_check_digits() -> None:
    from stdnum.fr import siren, siret

    fake = Faker("fr_FR")
    Faker.seed(7)
    values = [fake.siret() for _ in range(200)] + [fake.siren() for _ in range(200)]
    values += [x.replace(" ", "") for x in values] + ["73282932000074", "732829320", "73282932000075", " 732 829 320 ",
                                                      "7328293200007", "", "abc", "7328.2932.0000.74"]
    for value in values + values:  # twice: the second answers are the kept ones
        text = v.compact(value.strip())
        assert v.is_siret(value) == (len(text) == 14 and text.isdigit() and siret.is_valid(text))
        assert v.is_siren(value) == (len(text) == 9 and text.isdigit() and siren.is_valid(text))


def test_kept_header_tokens_tell_equal_keys_of_other_types_apart() -> None:
    from capnum_desktop.core.privacy.rules import header_tokens

    assert header_tokens(1) == ("1",)
    assert header_tokens(True) == ("true",)
    assert header_tokens(1.0) == ("1", "0")
    assert header_tokens("dateNaissance") == ("date", "naissance")
