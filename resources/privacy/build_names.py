"""Regenerate the name lexicons used to recognise first names and surnames (run by hand, not at run time).

Source: the person providers of Faker (MIT licence, https://github.com/joke2k/faker), locales listed
below: the French ones first, then the languages most common among names borne in France. Each list
is normalised (lower case, accents removed) and sorted, one name a line. A few entries that are also
ordinary French words or place names (``france``, ``paris``…) are left out so they cannot by
themselves make a column look like names.

    python resources/privacy/build_names.py
"""

from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

LOCALES = [
    "fr_FR", "fr_CA", "fr_CH", "fr_BE", "fr_QC", "nl_BE", "de_DE", "en_US", "en_GB", "es_ES",
    "it_IT", "pt_PT", "pt_BR", "ar_AA", "tr_TR", "pl_PL", "ro_RO",
]
STOP = {
    "france", "paris", "lyon", "nice", "rose", "marine", "prairie", "olive", "colombe", "mai", "juin",
    "avril", "ocean", "soleil", "rue", "place", "grand", "petit", "le", "la", "de", "du", "des", "et",
    "van", "von", "da", "di", "del", "della", "dos", "das", "el", "al", "ben", "bin", "sa", "sarl",
    "sas", "fils", "service", "services", "centre", "union", "commune", "ville", "saint", "sainte",
}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


def collect() -> tuple[set[str], set[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for loc in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            first.update(norm(n) for n in (getattr(provider, attr, ()) or ()))
        last.update(norm(n) for n in (getattr(provider, "last_names", ()) or ()))
    first = {n for n in first if len(n) > 1 and n not in STOP}
    last = {n for n in last if len(n) > 1 and n not in STOP}
    return first, last


def main() -> None:
    here = Path(__file__).resolve().parent
    first, last = collect()
    (here / "first_names.txt").write_text("\n".join(sorted(first)) + "\n", encoding="utf-8")
    (here / "last_names.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    print(f"{len(first)} prénoms, {len(last)} noms")


if __name__ == "__main__":
    main()
