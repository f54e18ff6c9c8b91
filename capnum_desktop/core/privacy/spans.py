"""Find and mask personal spans inside free text: e-mails, phones, NIR, IBAN and persons' names.

Candidates are found by regular expressions and confirmed with check digits (python-stdnum) or
phonenumbers, so ordinary numbers in a sentence are left alone. A name is masked when it follows a
civility (``M.``, ``Mme``, ``Monsieur``…, list in the rules file), or when a known first name comes
with a surname ("Jean Dupont", "DUPONT Jean": :mod:`text_names`, which leaves street and institution
names such as "rue Victor Hugo" alone). NER would find more but is slow, heavy and unreliable on
French administrative text (see the research note): a masked text must still be read before publishing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from capnum_desktop.core.privacy import values as v
from capnum_desktop.core.privacy.rules import load_rules
from capnum_desktop.core.privacy.text_names import mask_names

REPLACEMENTS = {
    "email": "[e-mail masqué]",
    "iban": "[IBAN masqué]",
    "nir": "[NIR masqué]",
    "phone": "[téléphone masqué]",
    "name": "[nom masqué]",
}

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_NIR = re.compile(r"\b[1-478][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}\b")
# not inside a decimal number (``761857,0232829786``) or a longer run of digits
_PHONE = re.compile(r"(?<![\d.,])(?:(?:\+|\b00)33[ .]?(?:\(0\)[ .]?)?|\b0)[1-9](?:[ .\-]?\d{2}){4}\b(?![.,]\d)")
_NINE_DIGITS = re.compile(r"(?:\d\D{0,2}){9}")
_CAP = r"[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ][\w'’\-]*"
_PARTICLE = r"(?:de la|de|du|des|d'|d’|van|von|ben|el)"


@lru_cache(maxsize=1)
def _civility_name() -> re.Pattern[str]:
    civilities = sorted(load_rules().lexicons.get("civilities") or [], key=len, reverse=True)
    alts = "|".join(re.escape(c) + (r"(?=\s)" if not c.endswith(".") else "") for c in civilities)
    name = rf"(?:{_PARTICLE}\s?)?{_CAP}(?:[\s-]+(?:{_PARTICLE}\s?)?{_CAP}){{0,3}}"
    return re.compile(rf"(?<![\w.])({alts})\s+({name})")


def _checked(pattern: re.Pattern[str], kind: str, test: Callable[[str], bool]) -> Callable[[str, Counter[str]], str]:
    def sub(text: str, counts: Counter[str]) -> str:
        def repl(m: re.Match[str]) -> str:
            if test(m.group(0)):
                counts[kind] += 1
                return REPLACEMENTS[kind]
            return m.group(0)

        return pattern.sub(repl, text)

    return sub


@lru_cache(maxsize=1)
def _civility_trigger() -> re.Pattern[str]:
    """A cheap test run before the full name pattern: is there a civility word at all?"""
    civilities = sorted(load_rules().lexicons.get("civilities") or [], key=len, reverse=True)
    return re.compile("|".join(rf"\b{re.escape(c.rstrip('.'))}\b" for c in civilities))


def _names(text: str, counts: Counter[str]) -> str:
    def repl(m: re.Match[str]) -> str:
        counts["name"] += 1
        return f"{m.group(1)} {REPLACEMENTS['name']}"

    return _civility_name().sub(repl, text)


_EMAIL_STEP = _checked(_EMAIL, "email", lambda s: True)
_NUMBER_STEPS = (_checked(_IBAN, "iban", v.is_iban), _checked(_NIR, "nir", v.is_nir), _checked(_PHONE, "phone", v.is_phone))


def mask_text(text: str) -> tuple[str, Counter[str]]:
    """The text with personal spans replaced, and how many spans of each kind were masked."""
    counts: Counter[str] = Counter()
    if not text:
        return text, counts
    if "@" in text:
        text = _EMAIL_STEP(text, counts)
    if _NINE_DIGITS.search(text):
        for step in _NUMBER_STEPS:
            text = step(text, counts)
    if _civility_trigger().search(text):
        text = _names(text, counts)
    text = mask_names(text, counts, REPLACEMENTS["name"])
    return text, counts


def find_spans(text: str) -> Counter[str]:
    """How many personal spans of each kind ``text`` holds (without returning them)."""
    return mask_text(text)[1]
