"""A checker for OpenStreetMap ``opening_hours`` values (the national validator's opening-hours check).

Validata uses a Rust parser; we accept the forms the syntax specification defines and that
publishers use (``24/7``, ``Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off``, month and
year ranges, ``sunrise-sunset``, ``week 01-26``, ``Su[1]``, comments, ``||`` fallbacks). It is a
syntax check only, like Validata's.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WD = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_NTH = r"(?:-?[1-5](?:-[1-5])?)"
_WD_RANGE = rf"{_WD}(?:-{_WD})?(?:\[{_NTH}(?:,{_NTH})*\](?:\s?[+-]\d+\s?days?)?)?"
_HOLIDAY = r"(?:PH|SH)(?:\s?[+-]\d+\s?days?)?"
_WD_SEL = rf"(?:{_HOLIDAY}|{_WD_RANGE})(?:,\s?(?:{_HOLIDAY}|{_WD_RANGE}))*"
_CLOCK = r"(?:[01]?\d|2\d|3\d|4[0-8]):[0-5]\d"
_EVENT = r"(?:sunrise|sunset|dawn|dusk)"
_VAR = rf"(?:{_EVENT}|\({_EVENT}[+-]{_CLOCK}\))"
_POINT = rf"(?:{_CLOCK}|{_VAR})"
_SPAN = rf"{_POINT}(?:\s?-\s?{_POINT}(?:/(?:\d+|{_CLOCK}))?|\+)?"
_TIME_SEL = rf"{_SPAN}(?:,\s?{_SPAN})*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_YEAR = r"(?:19|20|21)\d\d"
_DATE = rf"(?:(?:{_YEAR}\s)?(?:{_MONTH}(?:\s?\d{{1,2}})?|easter))"
_MD_RANGE = rf"{_DATE}(?:\s?-\s?(?:{_DATE}|\d{{1,2}}))?(?:\+)?"
_MD_SEL = rf"{_MD_RANGE}(?:,\s?{_MD_RANGE})*"
_YEAR_SEL = rf"{_YEAR}(?:-{_YEAR})?(?:/\d+)?(?:\+)?(?:,{_YEAR}(?:-{_YEAR})?(?:/\d+)?)*"
_WEEK_SEL = r"week\s?\d{1,2}(?:-\d{1,2})?(?:/\d+)?(?:,\d{1,2}(?:-\d{1,2})?(?:/\d+)?)*"
_MODIFIER = r"(?:open|closed|off|unknown)"
_COMMENT = r'"[^"]*"'

_RULE = re.compile(
    rf"""^(?:
        24/7(?:\s{_MODIFIER})?(?:\s?{_COMMENT})?
      | (?=\S)
        (?:{_YEAR_SEL}(?:\s|$))?
        (?:{_MD_SEL}:?(?:\s|$))?
        (?:{_WEEK_SEL}:?(?:\s|$))?
        (?:{_WD_SEL}:?(?:\s|$))?
        (?:{_TIME_SEL}(?:\s|$))?
        (?:{_MODIFIER}(?:\s|$))?
        (?:{_COMMENT})?
    )$""",
    re.VERBOSE,
)


@lru_cache(maxsize=65536)
def is_valid_opening_hours(value: str) -> bool:
    """Whether ``value`` follows the OpenStreetMap opening_hours syntax."""
    text = value.strip()
    if not text:
        return False
    for segment in re.split(r"\s*(?:;|\|\|)\s*", text):
        if not segment:
            continue
        if _rule_ok(segment):
            continue
        parts = re.split(r",\s+(?=[A-Za-z\d\"])", segment)
        if len(parts) > 1 and all(_rule_ok(p) for p in parts):
            continue
        return False
    return True


def _rule_ok(rule: str) -> bool:
    rule = rule.strip()
    return bool(rule) and bool(_RULE.match(rule))
