"""Value-level tests: does one cell look like an e-mail, a NIR, a first name, a company…?

Check digits come from python-stdnum and phone numbers from phonenumbers; name evidence comes from
the generated lexicons of ``resources/privacy/`` (see ``build_names.py`` there), never from
"starts with a capital". Every function takes one text cell and answers a bool (or a parsed value).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from functools import lru_cache

import phonenumbers
from stdnum import iban as std_iban
from stdnum.fr import nif as std_nif
from stdnum.fr import nir as std_nir
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret

from capnum_desktop.core.privacy.rules import fold, load_lexicon, load_rules

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
PHONE_CANDIDATE = re.compile(r"^(?:(?:\+|00)\s?\d{2,3}[\s.\-]?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d){8}$")
_SEPARATORS = re.compile(r"[\s.\-/]")
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")  # a word, with its inner apostrophes and hyphens
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_INT = re.compile(r"^\d{1,3}$")
_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), ("y", "m", "d")),
)
_GEO_PAIR = re.compile(r"^\s*\[?\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;]\s*(-?\d{1,3}(?:\.\d+)?)\s*\]?\s*$")
_WKT_POINT = re.compile(r"^\s*POINT\s*Z?\s*\(\s*-?\d+(?:\.\d+)?\s+-?\d+(?:\.\d+)?", re.IGNORECASE)
_SPACE_PAIR = re.compile(r"^\s*(-?\d{1,3}\.\d+)\.?\s+(-?\d{1,3}\.\d+)\s*$")  # ``lat lon`` (and ``lat. lon``)
_GEOJSON_POINT = re.compile(r'^\s*\{(?=.*"type"\s*:\s*"Point")(?=.*"coordinates"\s*:\s*\[\s*-?\d+(?:\.\d+)?\s*,'
                            r'\s*-?\d+(?:\.\d+)?)', re.IGNORECASE | re.DOTALL)  # keys in any order


def compact(value: str) -> str:
    return _SEPARATORS.sub("", value)


def is_missing(value: str) -> bool:
    return fold(value.strip()) in _missing()


@lru_cache(maxsize=1)
def _missing() -> frozenset[str]:
    return frozenset(load_rules().lexicons.get("missing_values") or [""])


def is_email(value: str) -> bool:
    return bool(EMAIL.match(value.strip()))


def is_generic_email(value: str) -> bool:
    """``contact@…``, ``accueil@…``: the address of a service rather than of a person."""
    local = fold(value.strip().split("@", 1)[0])
    generic = load_rules().lexicons.get("generic_email_local_parts") or []
    return any(local == g or local.startswith(g + ".") or local.startswith(g + "-") for g in generic)


def is_phone(value: str) -> bool:
    text = value.strip()
    if not PHONE_CANDIDATE.match(text):
        return False
    try:
        number = phonenumbers.parse(text, "FR")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def is_nir(value: str) -> bool:
    text = compact(value.strip())
    return len(text) == 15 and std_nir.is_valid(text)


def is_iban(value: str) -> bool:
    text = compact(value.strip())
    return 15 <= len(text) <= 34 and text[:2].isalpha() and std_iban.is_valid(text)


def is_nif(value: str) -> bool:
    text = compact(value.strip())
    return len(text) == 13 and text.isdigit() and std_nif.is_valid(text)


@lru_cache(maxsize=1 << 14)  # the scan's identifier notes and the plan's subject test the same sampled cells
def is_siret(value: str) -> bool:
    text = compact(value.strip())
    return len(text) == 14 and text.isdigit() and std_siret.is_valid(text)


@lru_cache(maxsize=1 << 14)
def is_siren(value: str) -> bool:
    text = compact(value.strip())
    return len(text) == 9 and text.isdigit() and std_siren.is_valid(text)


def is_ip_address(value: str) -> bool:
    text = value.strip()
    if text.count(".") != 3 and ":" not in text:
        return False
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def matches_any(value: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    return any(p.search(value) for p in patterns)


def parse_date(value: str) -> dt.date | None:
    """A calendar date written ``2024-03-15``, ``15/03/2024`` or ``15.03.2024`` (None otherwise)."""
    text = value.strip()
    for pattern, order in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                return None
    return None


def parse_number(value: str) -> float | None:
    text = value.strip().replace(" ", "").replace("\u00a0", "")
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


def is_age(value: str) -> bool:
    text = value.strip()
    return bool(_INT.match(text)) and int(text) <= 120


def is_geo_literal(value: str) -> bool:
    """A point written in one cell: ``48.85, 2.35``, ``48.85 2.35``, ``POINT(2.35 48.85)`` or a GeoJSON point."""
    if _WKT_POINT.match(value) or _GEOJSON_POINT.match(value):
        return True
    m = _GEO_PAIR.match(value) or _SPACE_PAIR.match(value)
    if not m or "." not in value:
        return False
    a, b = float(m.group(1)), float(m.group(2))
    return abs(a) <= 90 and abs(b) <= 180 and (a != int(a) or b != int(b))


def is_coordinate(value: str) -> bool:
    """A decimal degree with at least 3 decimals, or a Lambert-93 metre value, or a point literal."""
    if is_geo_literal(value):
        return True
    text = value.strip().replace(",", ".")
    number = parse_number(text)
    if number is None:
        return False
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    if decimals >= 3 and abs(number) <= 180:
        return True
    return 100_000 <= number <= 1_300_000 or 6_000_000 <= number <= 7_200_000


# ---- names -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    lex = load_rules().lexicons
    return (
        load_lexicon("first_names"),
        load_lexicon("last_names"),
        frozenset(fold(w) for w in (lex.get("company_words") or []) + (lex.get("place_words") or [])),
        frozenset(fold(w) for w in lex.get("name_particles") or []),
        frozenset(fold(w).rstrip(".") for w in lex.get("civilities") or []),
    )


def words(value: str) -> list[str]:
    """Folded word tokens; hyphenated words stay whole (``jean-pierre``, ``saint-etienne``)."""
    return list(_words(value))


@lru_cache(maxsize=1 << 16)
def _words(value: str) -> tuple[str, ...]:
    """Kept per value: the scan's detectors split the same sampled cell again and again (first name, surname,
    full name, company, sole proprietor…: ~80k calls for ~6k cells at 12 columns; issue 18)."""
    return tuple(w.replace("’", "'") for w in WORD.findall(fold(value)))


def _is_first_name_word(word: str) -> bool:
    first = _word_sets()[0]
    return word in first or all(part in first for part in word.split("-"))


def _is_last_name_word(word: str) -> bool:
    last = _word_sets()[1]
    return word in last or all(part in last for part in word.split("-"))


def _name_words(value: str) -> list[str] | None:
    """Name tokens without particles and civilities, or None if the value cannot be a person's name."""
    found = _name_words_of(value)
    return None if found is None else list(found)


@lru_cache(maxsize=1 << 16)
def _name_words_of(value: str) -> tuple[str, ...] | None:
    """:func:`_name_words`, kept per value as :func:`_words` (the lexicons of ``_word_sets`` are read once
    per process too)."""
    if _DIGIT.search(value) or len(value) > 60 or "@" in value:
        return None
    _, _, company, particles, civilities = _word_sets()
    out: list[str] = []
    if any(w in company for w in words(value.replace(".", ""))):
        return None
    for word in words(value):
        parts = word.split("-")
        if any(p in company for p in parts) or any(p in particles for p in parts[1:-1]):
            return None  # Saint-Denis, Bourg-en-Bresse, L'Abergement-de-Varey: a place
    for word in words(value):
        bare = word.split("'")[-1]
        if word in company or bare in company or "&" in value:
            return None
        if word in particles or word in civilities or len(bare) < 2:
            continue
        out.append(bare)
    return tuple(out)


def looks_like_company(value: str) -> bool:
    """A legal form, an association word, a place word… (``Dupont SARL``, ``Amicale des…``)."""
    _, _, company, _, _ = _word_sets()
    tokens = words(value) + words(value.replace(".", ""))
    return any(w in company or w.split("'")[-1] in company for w in tokens) or "&" in value


def is_first_name(value: str) -> bool:
    tokens = _name_words(value) or []
    return bool(tokens) and len(tokens) <= 3 and all(_is_first_name_word(t) for t in tokens)


def is_last_name(value: str) -> bool:
    """1-3 words, at least one a known surname, nothing of a company."""
    tokens = _name_words(value) or []
    return bool(tokens) and len(tokens) <= 3 and any(_is_last_name_word(t) for t in tokens)


def is_name_shaped(value: str) -> bool:
    """1-4 words of letters, no digit, no company word: what a name column under a ``nom`` header holds."""
    tokens = _name_words(value) or []
    return bool(tokens) and len(tokens) <= 4


def is_full_name(value: str) -> bool:
    """2-5 words, one a known first name and another a known surname (or any other word)."""
    tokens = _name_words(value)
    if not tokens or not 2 <= len(tokens) <= 5:
        return False
    first_idx = [i for i, t in enumerate(tokens) if _is_first_name_word(t)]
    if not first_idx:
        return False
    others = [t for i, t in enumerate(tokens) if i not in first_idx[:1]]
    return any(_is_last_name_word(t) or len(t) >= 2 for t in others)


def is_individual_entrepreneur(value: str) -> bool:
    """``EI``, ``micro-entrepreneur``, ``[ND]``… or a person's name where a company is expected."""
    folded = " " + " ".join(fold(value).replace("(", " ").replace(")", " ").split()) + " "
    if any(mark in folded for mark in _entrepreneur_marks()):
        return True
    return is_full_name(value)


@lru_cache(maxsize=1)
def _entrepreneur_marks() -> tuple[str, ...]:
    """The lexicon's sole-proprietor words, folded and framed by spaces once (they were folded per cell)."""
    return tuple(f" {fold(m)} " for m in load_rules().lexicons.get("individual_entrepreneur_words") or [])
