"""to_epci on postal codes reads a table made once (issue 18): same answers as the per-value code of before."""

from __future__ import annotations

import re
from typing import Any

from capnum_desktop.core.privacy import small_communes as sc
from capnum_desktop.core.reference import communes


def _to_epci_before(value: str, category: str = "commune", **_: Any) -> str:
    """to_epci as it was before issue 18's table (the reference)."""
    place = sc.resolve(value, category)
    if place is None:
        return ""
    if category == "postal_code":
        found = {communes.epci(c.code) for c in communes.communes_for_postal_code(place.key)}
    else:
        found = {communes.epci(place.key)}
    if len(found) == 1 and None not in found:
        return found.pop().name  # type: ignore[union-attr]
    return place.departement


def _values() -> list[str]:
    known = sorted(communes.known_postal_codes())
    values = list(known)
    values += [c.lstrip("0") for c in known if c.startswith("0")]  # a spreadsheet lost the leading zero
    values += [f"  {c} " for c in known[::50]] + [f"{c}\t" for c in known[::97]]
    values += ["", " ", "0", "1000", "01000", "00000", "99999", "20000", "2A004", "2a004", "97100", "97411",
               "98000", "75056", "75001", "75116", "1234", "0123", "123", "123456", "12 345", "abcde",
               "١٢٣٤", "١٢٣٤٥", "75001\n", "N/A", "nan", "None", "13001", "69001", "06000", "6000"]
    values += [str(n) for n in range(0, 100_000, 37)]
    return values


def test_to_epci_on_postal_codes_equals_the_code_before() -> None:
    values = _values()
    new = [sc.to_epci(v, "postal_code") for v in values]
    old = [_to_epci_before(v, "postal_code") for v in values]
    assert new == old
    assert sum(1 for x in new if x) > 5000  # most known postal codes get a name or a département


def test_to_epci_on_communes_is_unchanged() -> None:
    values = ["75056", "13055", "29155", "Ouessant", "Lyon", "Saint-Denis", "2A004", "01001", "1001", "", "xyz",
              "Paris", "Marseille 1er Arrondissement", "97411", "Brest"]
    assert [sc.to_epci(v) for v in values] == [_to_epci_before(v) for v in values]


def test_postal_text_only_pads_four_digit_codes() -> None:
    for text in ["1000", "9999", "0999", "10000", "100", "١٢٣٤", "a123", "1 00", ""]:
        before = text.zfill(5) if re.fullmatch(r"[1-9]\d{3}", text) else text
        assert sc._postal_text(text) == before
