"""Column-level detectors: what share of a column's sampled values fits each category.

A detector gets the non-empty sampled values of one column and answers a :class:`Measure` (how many
values fit, out of how many, plus a plain-French sentence that names no value). Thresholds and
header words come from the rules file; the few column-wide tests (spread of birth years, length of
free text, share of company names) are here because they are computations, not legal knowledge.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from capnum_desktop.core.privacy import values as v
from capnum_desktop.core.privacy.rules import Category, fold


@dataclass(frozen=True)
class Measure:
    """How well a column's sample fits one category."""

    matched: int
    sampled: int
    sentence: str
    ok: bool = True  # False when a column-wide condition fails (e.g. dates too close to be birth dates)
    extra: dict[str, Any] | None = None

    @property
    def share(self) -> float:
        return self.matched / self.sampled if self.sampled else 0.0


Detector = Callable[[list[str], Category, bool], Measure]


def _pct(n: int, total: int) -> str:
    return f"{round(100 * n / total)} %" if total else "0 %"


def _count(values: list[str], test: Callable[[str], bool], what: str) -> Measure:
    n = sum(1 for x in values if test(x))
    return Measure(n, len(values), f"{n} valeurs sur {len(values)} ({_pct(n, len(values))}) {what}")


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _patterns(cat: Category) -> tuple[re.Pattern[str], ...]:
    return _compiled(tuple(cat.detection.get("patterns", ())))


def email(values: list[str], cat: Category, header: bool) -> Measure:
    m = _count(values, v.is_email, "ressemblent à des adresses e-mail")
    generic = sum(1 for x in values if v.is_email(x) and v.is_generic_email(x))
    if generic:
        m = Measure(m.matched, m.sampled, m.sentence + f", dont {generic} adresses de service (contact@, accueil@…)",
                    extra={"generic": generic})
    return m


def phone(values: list[str], cat: Category, header: bool) -> Measure:
    m = _count(values, v.is_phone, "sont des numéros de téléphone valides (vérifiés avec phonenumbers)")
    mobiles = sum(1 for x in values if v.is_phone(x) and re.match(r"^(?:\+33|0033|0)\s?[67]", x.strip()))
    if mobiles:
        m = Measure(m.matched, m.sampled, m.sentence + f", dont {mobiles} portables", extra={"mobiles": mobiles})
    return m


def nir(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_nir, "sont des NIR dont la clé de contrôle est juste")


def iban(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_iban, "sont des IBAN dont la clé de contrôle est juste")


def nif(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_nif, "sont des numéros fiscaux (SPI) dont la clé de contrôle est juste")


def license_plate(values: list[str], cat: Category, header: bool) -> Measure:
    pats = _patterns(cat)
    return _count(values, lambda x: v.matches_any(x.strip().upper(), pats), "ont la forme d'une plaque d'immatriculation")


def ip_address(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_ip_address, "sont des adresses IP")


def postal_address(values: list[str], cat: Category, header: bool) -> Measure:
    pats = _patterns(cat)
    return _count(values, lambda x: v.matches_any(fold(x), pats), "ressemblent à des adresses (rue, avenue, BP…)")


def _company_share(values: list[str]) -> float:
    return sum(1 for x in values if v.looks_like_company(x)) / len(values) if values else 0.0


def full_name(values: list[str], cat: Category, header: bool) -> Measure:
    m = _count(values, v.is_full_name, "associent un prénom connu et un nom")
    companies = _company_share(values)
    if companies >= 0.2:
        return Measure(m.matched, m.sampled, m.sentence + f" mais {round(100 * companies)} % sont des noms de structures", ok=False)
    return m


def last_name(values: list[str], cat: Category, header: bool) -> Measure:
    if header:
        m = _count(values, v.is_name_shaped, "sont des mots sans chiffre ni forme de société, comme des noms de famille")
        known = sum(1 for x in values if v.is_last_name(x))
        full = sum(1 for x in values if v.is_full_name(x))
        # a real surname column holds at least a few common surnames; commune or product names do not
        enough_known = len(values) < 20 or known >= 0.05 * len(values)
        return Measure(m.matched, m.sampled, m.sentence + f" ({known} noms de famille connus)", extra={"known": known},
                       ok=not values or (full < 0.5 * len(values) and enough_known))
    m = _count(values, v.is_last_name, "sont des noms de famille connus")
    firsts = sum(1 for x in values if v.is_first_name(x))
    full = sum(1 for x in values if v.is_full_name(x))
    ok = (firsts < 0.5 * len(values) and full < 0.5 * len(values) and _company_share(values) < 0.1
          and not any(len(v.words(x)) > 3 for x in values[:50]) and _varied(values))
    return Measure(m.matched, m.sampled, m.sentence, ok=ok)


def _varied(values: list[str]) -> bool:
    """People's names vary: one label repeated on every row (« borne fontaine ») is a category, not persons."""
    return len(values) < 20 or len(set(values)) >= 3  # a few agents repeated on many rows still count


def first_name(values: list[str], cat: Category, header: bool) -> Measure:
    m = _count(values, v.is_first_name, "sont des prénoms connus")
    return m if header or _varied(values) else Measure(m.matched, m.sampled, m.sentence, ok=False)


def sole_proprietor(values: list[str], cat: Category, header: bool) -> Measure:
    """A column of structures in which some values are persons (names, ``EI``, ``[ND]``)."""
    companies = _company_share(values)
    m = _count(values, v.is_individual_entrepreneur, "désignent une personne physique (nom et prénom, EI, micro-entrepreneur)")
    persons_only = m.share >= 0.6 and companies < 0.2
    ok = (companies >= 0.2 or header) and not persons_only
    return Measure(m.matched, m.sampled, m.sentence + f" parmi des noms de structures ({round(100 * companies)} %)", ok=ok)


def birth_date(values: list[str], cat: Category, header: bool) -> Measure:
    today = dt.date.today()
    years = []
    for x in values:
        d = v.parse_date(x)
        if d is None and re.fullmatch(r"\d{4}", x.strip()):
            d = dt.date(int(x.strip()), 1, 1)
        if d is not None and today.year - 120 <= d.year <= today.year:
            years.append(d.year)
    n = len(years)
    sentence = f"{n} valeurs sur {len(values)} ({_pct(n, len(values))}) sont des dates plausibles de naissance"
    if header or n < 10:
        return Measure(n, len(values), sentence, ok=header)
    deciles = statistics.quantiles(years, n=10)
    spread = deciles[-1] - deciles[0]
    median_age = today.year - statistics.median(years)
    ok = spread >= 45 and median_age >= 18  # other dates (decisions, entries) rarely span 45 years
    return Measure(n, len(values), sentence + f", étalées sur {round(spread)} ans (âge médian {round(median_age)} ans)", ok=ok)


def gps(values: list[str], cat: Category, header: bool) -> Measure:
    if header:
        return _count(values, v.is_coordinate, "sont des coordonnées (degrés décimaux, Lambert-93 ou point)")
    return _count(values, v.is_geo_literal, "sont des points géographiques (latitude, longitude)")


def sensitive(values: list[str], cat: Category, header: bool) -> Measure:
    lexicon = frozenset(fold(w) for w in cat.detection.get("lexicon", []))
    pats = _patterns(cat)

    def hit(x: str) -> bool:
        return bool(lexicon.intersection(v.words(x))) or v.matches_any(x.strip(), pats)

    return _count(values, hit, "contiennent un terme de santé, d'opinion, de religion ou d'infraction, ou un code CIM-10")


def free_text(values: list[str], cat: Category, header: bool) -> Measure:
    m = _count(values, lambda x: len(x) > 25 and len(x.split()) >= 4, "sont des phrases (plus de 25 caractères, 4 mots ou plus)")
    lengths = [len(x) for x in values]
    distinct = len(set(values)) / len(values) if values else 0.0
    ok = bool(values) and statistics.median(lengths) > 25 and distinct > 0.5
    return Measure(m.matched, m.sampled, m.sentence + f", {round(100 * distinct)} % de valeurs distinctes", ok=ok)


def age(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_age, "sont des âges (entiers de 0 à 120)")


def sex(values: list[str], cat: Category, header: bool) -> Measure:
    allowed = frozenset(fold(x) for x in cat.detection.get("values", []))
    if not header:  # without a "sexe" header, 1/2 or 0/1 are just numbers
        allowed = frozenset(x for x in allowed if not x.isdigit())
    m = _count(values, lambda x: fold(x.strip()) in allowed, "sont des codes de sexe ou de civilité (H/F, M./Mme…)")
    distinct = {fold(x.strip()) for x in values}
    return Measure(m.matched, m.sampled, m.sentence, ok=header or len(distinct) <= 4)


def postal_code(values: list[str], cat: Category, header: bool) -> Measure:
    pats = _patterns(cat)
    return _count(values, lambda x: v.matches_any(x.strip(), pats), "sont des codes postaux français")


def commune(values: list[str], cat: Category, header: bool) -> Measure:
    code = re.compile(r"^(\d{5}|2[AB]\d{3})$")
    return _count(values, lambda x: bool(code.match(x.strip()) or (v.words(x) and not v.parse_number(x))),
                  "sont des noms ou codes de communes")


def text_values(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, lambda x: bool(v.words(x)) and v.parse_number(x) is None, "sont des libellés en texte")


DETECTORS: dict[str, Detector] = {
    "email": email, "phone": phone, "nir": nir, "iban": iban, "nif": nif, "license_plate": license_plate,
    "ip_address": ip_address, "postal_address": postal_address, "full_name": full_name, "last_name": last_name,
    "first_name": first_name, "sole_proprietor": sole_proprietor, "birth_date": birth_date, "gps": gps,
    "sensitive": sensitive, "free_text": free_text, "age": age, "sex": sex, "postal_code": postal_code,
    "commune": commune, "text_values": text_values,
}
