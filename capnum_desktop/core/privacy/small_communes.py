"""Small communes: rows of natural persons located in a commune of few inhabitants (issue 17).

In a commune of a few hundred inhabitants, the commune crossed with an age or a date is often enough
to single a person out (G29 opinion 05/2014), even when k-anonymity over the whole table looks fine.
The threshold (2 000 inhabitants by default) and its sources are data (``small_communes`` in
``resources/privacy_rules.json``); populations come from the bundled official list of communes.

A commune column may hold INSEE codes, names or postal codes; a postal code counts as small when the
communes it serves add up to fewer inhabitants than the threshold. The measure is computed once per
distinct value, so a million rows cost what their distinct communes cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from capnum_desktop.core.privacy.rules import Rules, load_rules
from capnum_desktop.core.reference import communes

DEFAULT_THRESHOLD = 2000
_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
_POSTAL = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class Place:
    """What a commune cell resolves to: its key (code or postal code), population and département."""

    key: str
    population: int
    departement: str


def settings(rules: Rules | None = None) -> dict[str, Any]:
    """The ``small_communes`` block of the rules file (threshold, categories, legal basis, source)."""
    rules = rules or load_rules()
    return dict(rules.lexicons.get("small_communes") or {})


def threshold(rules: Rules | None = None) -> int:
    return int(settings(rules).get("threshold", DEFAULT_THRESHOLD))


@lru_cache(maxsize=1 << 16)
def resolve(value: str, category: str) -> Place | None:
    """The place of one cell: an INSEE code, a postal code (``postal_code`` columns) or a commune name."""
    text = str(value).strip()
    if not text:
        return None
    if category == "postal_code":
        text = _postal_text(text)
        served = [c for c in communes.communes_for_postal_code(text) if c.population is not None]
        if not _POSTAL.match(text) or not served:
            return None
        return Place(text, sum(c.population or 0 for c in served), served[0].departement)
    code = text.upper() if _CODE.match(text) else None
    if code is None and re.fullmatch(r"[1-9]\d{3}", text):
        code = text.zfill(5)
    if code is None:
        code = communes.code_for_name(text)
    found = communes.commune(code) if code else None
    if found is None:
        return None
    if found.population is None and found.current_code != found.code:
        found = communes.commune(found.current_code) or found
    if found.population is None:
        return None
    return Place(found.code, found.population, found.departement)


def _postal_text(text: str) -> str:
    """A postal code whose leading zero a spreadsheet lost gets it back (``1000`` -> ``01000``)."""
    return text.zfill(5) if len(text) == 4 and re.fullmatch(r"[1-9]\d{3}", text) else text  # 4 characters or no match


@dataclass(frozen=True)
class SmallCommunes:
    """Rows and communes under the threshold in one column (``communes`` counts distinct places)."""

    column: str
    category: str
    threshold: int
    rows: int
    communes: int
    resolved_rows: int

    @property
    def at_risk(self) -> bool:
        return self.rows > 0

    def phrase(self) -> tuple[tuple[str, dict[str, Any]], ...]:
        """The risk as a code and parameters (``core/privacy/sentences.py``, no cell value; issue 16)."""
        forms = "postal-codes" if self.category == "postal_code" else "communes"
        return (("evidence.small-communes", {"rows_count": self.rows, "communes_count": self.communes,
                                             "communes_count_forms": forms, "threshold_number": self.threshold}),)

    def sentence(self) -> str:
        """The risk in plain French (no cell value)."""
        from capnum_desktop.core.privacy.sentences import say

        return say(self.phrase())

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": "small_communes",
            "category": self.category,
            "threshold": self.threshold,
            "rows": self.rows,
            "communes": self.communes,
            "resolved_rows": self.resolved_rows,
        }


def measure(series: pd.Series, column: str, category: str, limit: int) -> SmallCommunes:
    """Count the rows of ``series`` in communes (or postal codes) with fewer than ``limit`` inhabitants."""
    counts = series.astype(str).str.strip().value_counts()
    values: list[str] = counts.index.tolist()
    sizes: list[int] = counts.to_numpy().tolist()
    if category == "postal_code":  # only postal codes the list knows can resolve: the others are not looked up
        known = communes.known_postal_codes()
        # _postal_text only changes 4 characters (a lost leading zero): the regex runs on those alone
        kept = [i for i, value in enumerate(values)
                if value in known or (len(value) == 4 and _postal_text(str(value)) in known)]
        values, sizes = [values[i] for i in kept], [sizes[i] for i in kept]
    rows = resolved = 0
    small_keys: set[str] = set()
    for value, n in zip(values, sizes, strict=True):
        place = resolve(str(value), category)
        if place is None:
            continue
        resolved += n
        if place.population < limit:
            rows += n
            small_keys.add(place.key)
    places = len(small_keys)
    return SmallCommunes(column, category, limit, rows, places, resolved)


def small_to_departement(
    value: str, threshold: int | None = None, category: str = "commune", **_: Any
) -> str:
    """A commune (or postal code) under ``threshold`` inhabitants (the rules' threshold by default) -> its
    département; larger communes and values the list does not know are left as they are."""
    limit = int(threshold) if threshold else globals()["threshold"]()
    place = resolve(value, category)
    if place is None or place.population >= limit:
        return value.strip()
    return place.departement


def to_epci(value: str, category: str = "commune", **_: Any) -> str:
    """A commune (or postal code) -> the name of its intercommunalité (EPCI); a commune outside any EPCI
    (an island such as Ouessant) or a postal code spread over several EPCI -> its département; "" when the
    value is unknown to the list (publishing it unchanged would defeat the purpose)."""
    if category == "postal_code":
        text = str(value).strip()
        return _epci_by_postal_code().get(_postal_text(text), "") if text else ""
    place = resolve(value, category)
    return "" if place is None else _epci_of(place, category)


def _epci_of(place: Place, category: str) -> str:
    if category == "postal_code":
        found = {communes.epci(c.code) for c in communes.communes_for_postal_code(place.key)}
    else:
        found = {communes.epci(place.key)}
    if len(found) == 1 and None not in found:
        return found.pop().name  # type: ignore[union-attr]
    return place.departement


@lru_cache(maxsize=1)
def _epci_by_postal_code() -> dict[str, str]:
    """What :func:`to_epci` gives each postal code :func:`resolve` places (a postal code of the list), made
    once: a column's postal codes are then looked up in a dict. A 1M-row column holds ~100k distinct
    values, which overflowed :func:`resolve`'s cache on every k-anonymity trial of the EPCI step (issue 18).
    A value resolves only to a postal code of the list (after :func:`_postal_text`), so the others give ""."""
    out: dict[str, str] = {}
    for code in communes.known_postal_codes():
        place = resolve.__wrapped__(code, "postal_code")  # not through the cache: each code is read once
        if place is not None:
            out[place.key] = _epci_of(place, "postal_code")
    return out
