"""The Protect step's sentences in French and English: the scan's evidence and the plan's notes (issue 16).

The scan and the plan-makers record what they found as codes and parameters (a :data:`Phrase`: pieces of
this table with their parameters, e.g. ``[("values.count", {"n": 12, "total": 60, "pct": 20}),
("values.what.email", {})]``); the sentence is made where it is shown — Protéger's cards, ``capnum scan`` —
in the window's or the command's language. French is the default and the source language: the French
``evidence``/``note`` strings kept on the results are made from the same pieces, so they read as before.
The processing report stays French (a legal record for a French administration).

Parameters are values, except: ``category`` is a category id of the rules file, said as its label in
lower case (``label``); ``…_count`` is a number said with its word from ``count.…`` (« 1 ligne »,
"2 rows"); a list is written as quoted names (« a », « b »).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from capnum_desktop.core.privacy.rules import Rules, load_rules
from capnum_desktop.core.wording import DEFAULT_LANGUAGE, fill, language, numbered

Phrase = Sequence[tuple[str, Mapping[str, Any]]]
"""A sentence as pieces of :data:`PRIVACY_SENTENCES` and their parameters, joined without a space."""

PRIVACY_SENTENCES: dict[str, dict[str, str]] = {
    "end": {"fr": ".", "en": "."},
}


def _values(params: Mapping[str, Any], lang: str, rules: Rules | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in params.items():
        if name == "category":
            values["label"] = category_label(str(value), lang, rules).lower()
        elif name.endswith("_count"):
            word = name[: -len("_count")]
            values[word] = numbered(int(value), fill(PRIVACY_SENTENCES, f"count.{word}", lang), lang)
        elif isinstance(value, Sequence) and not isinstance(value, str):
            quote = "« {} »" if language(lang) == "fr" else '"{}"'
            values[name] = ", ".join(quote.format(v) for v in value)
        else:
            values[name] = value
    return values


def say(phrase: Phrase, lang: str = DEFAULT_LANGUAGE, rules: Rules | None = None) -> str:
    """The sentence of ``phrase`` in ``lang`` (French by default), its first letter in upper case."""
    text = "".join(fill(PRIVACY_SENTENCES, key, lang, **_values(params, lang, rules)) for key, params in phrase)
    return text[:1].upper() + text[1:]


def say_all(phrases: Iterable[Phrase], lang: str = DEFAULT_LANGUAGE, rules: Rules | None = None) -> str:
    """Several phrases as one text, separated by a space (a decision's note)."""
    return " ".join(say(p, lang, rules) for p in phrases)


def to_json(phrase: Phrase) -> list[list[Any]]:
    """A phrase as JSON lists (``[[key, params], …]``), as scans and recipes store it."""
    return [[key, dict(params)] for key, params in phrase]


def from_json(data: Any) -> tuple[tuple[str, dict[str, Any]], ...]:
    """A phrase stored by :func:`to_json` (an empty one for anything else: older files had none)."""
    if not isinstance(data, list):
        return ()
    return tuple((str(item[0]), dict(item[1] or {})) for item in data
                 if isinstance(item, (list, tuple)) and len(item) == 2)


def category_label(category: str | None, lang: str = DEFAULT_LANGUAGE, rules: Rules | None = None,
                   fallback: str = "") -> str:
    """A category's label in ``lang`` (``fallback``, else the id, for a category the rules do not know)."""
    if not category:
        return fallback
    try:
        return (rules or load_rules()).category(category).label_in(lang)
    except KeyError:
        return fallback or category


def category_explanation(category: str | None, lang: str = DEFAULT_LANGUAGE, rules: Rules | None = None,
                         fallback: str = "") -> str:
    """A category's rule in one sentence, in ``lang`` (``fallback`` for an unknown category)."""
    if not category:
        return fallback
    try:
        return (rules or load_rules()).category(category).explanation_in(lang)
    except KeyError:
        return fallback
