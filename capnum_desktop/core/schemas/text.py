"""Text folding shared by header matching, enum matching and boolean recognition.

Spreadsheet headers and values reach us with accents or not, upper or lower case, non-breaking spaces,
asterisks marking required columns, camelCase names and sometimes UTF-8 decoded twice (``RÃ©fÃ©rence``).
Comparing them needs one folded form; these helpers produce it.
"""

from __future__ import annotations

import re
import unicodedata

SPACES = "\u00a0\u202f\u2007\u2009\u200b\ufeff\t"
_SPACE_TABLE = str.maketrans({c: " " for c in SPACES})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_MOJIBAKE = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u00a0-\u00ff\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]"
)


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as cp1252/latin-1 (``RÃ©fÃ©rence`` -> ``Référence``), when it is that."""
    if text.isascii() or not _MOJIBAKE.search(text):
        return text
    for _ in range(2):  # some headers were double-encoded twice
        fixed = None
        for codec in ("cp1252", "latin-1"):
            try:
                fixed = text.encode(codec).decode("utf-8")
                break
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        if fixed is None or fixed == text:
            break
        text = fixed
    # a lone "Ã" + NBSP left by a broken "à"
    return text.replace("Ã\u00a0", "à").replace("Ã ", "à ")


class _AccentTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character: its NFKD form without combining marks.

    Decomposition works character by character and the marks are dropped, so translating each character
    gives what normalising the whole text would, at C speed once a character has been seen.
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        stripped = stripped.replace("œ", "oe").replace("æ", "ae")
        self[code] = stripped
        return stripped


_ACCENTS = _AccentTable()


def strip_accents(text: str) -> str:
    """Accents and other combining marks removed, compatibility forms unfolded (``ﬁ`` -> ``fi``), ``œ`` -> ``oe``."""
    if text.isascii():
        return text
    return text.translate(_ACCENTS)


def clean_spaces(text: str) -> str:
    """Non-breaking and odd spaces to plain spaces, runs collapsed, ends trimmed."""
    if text.isascii():  # the odd spaces are not ASCII (the tab is whitespace for split())
        return " ".join(text.split())
    return " ".join(text.translate(_SPACE_TABLE).split())


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: ``"Nom du bénéficiaire*"`` -> ``"nom du beneficiaire"``."""
    text = clean_spaces(fix_mojibake(str(text)))
    text = strip_accents(text).lower()
    return " ".join(_NON_ALNUM.sub(" ", text).split())


def split_words(name: str) -> str:
    """A field or column name as folded words: ``"idBeneficiaire"`` -> ``"id beneficiaire"``, ``"nbre_pl"`` -> ``"nbre pl"``."""
    name = clean_spaces(fix_mojibake(str(name)))
    return fold(_CAMEL.sub(" ", strip_accents(name)))


def fold_value(text: str) -> str:
    """A cell value folded for case/accent-insensitive comparison (keeps punctuation that carries meaning)."""
    return " ".join(strip_accents(clean_spaces(str(text))).lower().split())
