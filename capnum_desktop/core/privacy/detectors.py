"""Column-level detectors: what share of a column's sampled values fits each category.

A detector gets the non-empty sampled values of one column and answers a :class:`Measure` (how many
values fit, out of how many, plus the sentence that says it — a code and parameters of
``core/privacy/sentences.py``, made in French or English where it is shown — naming no value). Thresholds and
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
from capnum_desktop.core.privacy.sentences import Phrase, say


@dataclass(frozen=True)
class Measure:
    """How well a column's sample fits one category."""

    matched: int
    sampled: int
    phrase: Phrase  # « 12 valeurs sur 60 (20 %) sont des prénoms connus » as pieces of the sentence table
    ok: bool = True  # False when a column-wide condition fails (e.g. dates too close to be birth dates)
    extra: dict[str, Any] | None = None

    @property
    def share(self) -> float:
        return self.matched / self.sampled if self.sampled else 0.0

    @property
    def sentence(self) -> str:
        """The measure in French (without its full stop)."""
        return say(self.phrase)

    def plus(self, key: str, **params: Any) -> Phrase:
        """This measure's phrase followed by the piece ``key`` (« , dont 3 portables »)."""
        return (*self.phrase, (key, params))


Detector = Callable[[list[str], Category, bool], Measure]


def _pct(n: int, total: int) -> int:
    return round(100 * n / total) if total else 0


def _counted(n: int, total: int, what: str) -> Phrase:
    """« {n} valeurs sur {total} ({pct} %) » followed by ``values.<what>``."""
    return (("values.count", {"n": n, "total": total, "pct": _pct(n, total)}), (f"values.{what}", {}))


def _count(values: list[str], test: Callable[[str], bool], what: str) -> Measure:
    n = sum(1 for x in values if test(x))
    return _counted_measure(n, len(values), what)


def _counted_measure(n: int, total: int, what: str) -> Measure:
    return Measure(n, total, _counted(n, total, what))


_MOBILE = re.compile(r"^(?:\+33|0033|0)\s?[67]")


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _patterns(cat: Category) -> tuple[re.Pattern[str], ...]:
    return _compiled(tuple(cat.detection.get("patterns", ())))


def email(values: list[str], cat: Category, header: bool) -> Measure:
    emails = [x for x in values if v.is_email(x)]  # each value tested once (issue 18)
    m = _counted_measure(len(emails), len(values), "email")
    generic = sum(1 for x in emails if v.is_generic_email(x))
    if generic:
        m = Measure(m.matched, m.sampled, m.plus("values.email.generic", generic=generic), extra={"generic": generic})
    return m


def phone(values: list[str], cat: Category, header: bool) -> Measure:
    phones = [x for x in values if v.is_phone(x)]  # each value parsed once (issue 18)
    m = _counted_measure(len(phones), len(values), "phone")
    mobiles = sum(1 for x in phones if _MOBILE.match(x.strip()))
    if mobiles:
        m = Measure(m.matched, m.sampled, m.plus("values.phone.mobiles", mobiles=mobiles), extra={"mobiles": mobiles})
    return m


def nir(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_nir, "nir")


def iban(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_iban, "iban")


def nif(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_nif, "nif")


def license_plate(values: list[str], cat: Category, header: bool) -> Measure:
    pats = _patterns(cat)
    return _count(values, lambda x: v.matches_any(x.strip().upper(), pats), "license-plate")


def ip_address(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_ip_address, "ip-address")


def postal_address(values: list[str], cat: Category, header: bool) -> Measure:
    pats = _patterns(cat)
    return _count(values, lambda x: v.matches_any(fold(x), pats), "postal-address")


def company_share(values: list[str]) -> float:
    """The share of company-like values; the surname, full-name and sole-proprietor detectors and the
    plan's subject all ask it of the same sample, which is counted once (issue 18)."""
    return _company_share_of(tuple(values))


@lru_cache(maxsize=16)
def _company_share_of(values: tuple[str, ...]) -> float:
    return sum(1 for x in values if v.looks_like_company(x)) / len(values) if values else 0.0


def full_name(values: list[str], cat: Category, header: bool) -> Measure:
    m = _count(values, v.is_full_name, "full-name")
    companies = company_share(values)
    if companies >= 0.2:
        return Measure(m.matched, m.sampled, m.plus("values.full-name.companies", pct=round(100 * companies)), ok=False)
    return m


def last_name(values: list[str], cat: Category, header: bool) -> Measure:
    if header:
        m = _count(values, v.is_name_shaped, "name-shaped")
        known = sum(1 for x in values if v.is_last_name(x))
        full = sum(1 for x in values if v.is_full_name(x))
        # a real surname column holds at least a few common surnames; commune or product names do not
        enough_known = len(values) < 20 or known >= 0.05 * len(values)
        return Measure(m.matched, m.sampled, m.plus("values.name-shaped.known", known=known), extra={"known": known},
                       ok=not values or (full < 0.5 * len(values) and enough_known))
    m = _count(values, v.is_last_name, "last-name")
    firsts = sum(1 for x in values if v.is_first_name(x))
    full = sum(1 for x in values if v.is_full_name(x))
    ok = (firsts < 0.5 * len(values) and full < 0.5 * len(values) and company_share(values) < 0.1
          and not any(len(v.words(x)) > 3 for x in values[:50]) and _varied(values))
    return Measure(m.matched, m.sampled, m.phrase, ok=ok)


def _varied(values: list[str]) -> bool:
    """People's names vary: one label repeated on every row (« borne fontaine ») is a category, not persons."""
    return len(values) < 20 or len(set(values)) >= 3  # a few agents repeated on many rows still count


def first_name(values: list[str], cat: Category, header: bool) -> Measure:
    m = _count(values, v.is_first_name, "first-name")
    return m if header or _varied(values) else Measure(m.matched, m.sampled, m.phrase, ok=False)


def sole_proprietor(values: list[str], cat: Category, header: bool) -> Measure:
    """A column of structures in which some values are persons (names, ``EI``, ``[ND]``)."""
    companies = company_share(values)
    m = _count(values, v.is_individual_entrepreneur, "sole-proprietor")
    persons_only = m.share >= 0.6 and companies < 0.2
    ok = (companies >= 0.2 or header) and not persons_only
    return Measure(m.matched, m.sampled, m.plus("values.sole-proprietor.companies", pct=round(100 * companies)), ok=ok)


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
    phrase = _counted(n, len(values), "birth-date")
    if header or n < 10:
        return Measure(n, len(values), phrase, ok=header)
    deciles = statistics.quantiles(years, n=10)
    spread = deciles[-1] - deciles[0]
    median_age = today.year - statistics.median(years)
    ok = spread >= 45 and median_age >= 18  # other dates (decisions, entries) rarely span 45 years
    spread_piece = ("values.birth-date.spread", {"spread": round(spread), "age": round(median_age)})
    return Measure(n, len(values), (*phrase, spread_piece), ok=ok)


def gps(values: list[str], cat: Category, header: bool) -> Measure:
    if header:
        return _count(values, v.is_coordinate, "coordinates")
    return _count(values, v.is_geo_literal, "geo-point")


def sensitive(values: list[str], cat: Category, header: bool) -> Measure:
    lexicon = frozenset(fold(w) for w in cat.detection.get("lexicon", []))
    pats = _patterns(cat)

    def hit(x: str) -> bool:
        return bool(lexicon.intersection(v.words(x))) or v.matches_any(x.strip(), pats)

    return _count(values, hit, "sensitive")


def free_text(values: list[str], cat: Category, header: bool) -> Measure:
    m = _count(values, lambda x: len(x) > 25 and len(x.split()) >= 4, "free-text")
    lengths = [len(x) for x in values]
    distinct = len(set(values)) / len(values) if values else 0.0
    ok = bool(values) and statistics.median(lengths) > 25 and distinct > 0.5
    return Measure(m.matched, m.sampled, m.plus("values.free-text.distinct", pct=round(100 * distinct)), ok=ok)


def age(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, v.is_age, "age")


def sex(values: list[str], cat: Category, header: bool) -> Measure:
    allowed = frozenset(fold(x) for x in cat.detection.get("values", []))
    if not header:  # without a "sexe" header, 1/2 or 0/1 are just numbers
        allowed = frozenset(x for x in allowed if not x.isdigit())
    m = _count(values, lambda x: fold(x.strip()) in allowed, "sex")
    distinct = {fold(x.strip()) for x in values}
    return Measure(m.matched, m.sampled, m.phrase, ok=header or len(distinct) <= 4)


def postal_code(values: list[str], cat: Category, header: bool) -> Measure:
    pats = _patterns(cat)
    return _count(values, lambda x: v.matches_any(x.strip(), pats), "postal-code")


def commune(values: list[str], cat: Category, header: bool) -> Measure:
    code = re.compile(r"^(\d{5}|2[AB]\d{3})$")
    return _count(values, lambda x: bool(code.match(x.strip()) or (v.words(x) and not v.parse_number(x))),
                  "commune")


def text_values(values: list[str], cat: Category, header: bool) -> Measure:
    return _count(values, lambda x: bool(v.words(x)) and v.parse_number(x) is None, "text")


DETECTORS: dict[str, Detector] = {
    "email": email, "phone": phone, "nir": nir, "iban": iban, "nif": nif, "license_plate": license_plate,
    "ip_address": ip_address, "postal_address": postal_address, "full_name": full_name, "last_name": last_name,
    "first_name": first_name, "sole_proprietor": sole_proprietor, "birth_date": birth_date, "gps": gps,
    "sensitive": sensitive, "free_text": free_text, "age": age, "sex": sex, "postal_code": postal_code,
    "commune": commune, "text_values": text_values,
}
