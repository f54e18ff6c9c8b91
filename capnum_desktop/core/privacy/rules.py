"""The personal-data rules, read from ``resources/privacy_rules.json``.

Legal knowledge (categories, header words, legal references, default actions, exceptions) lives in
that data file so that a lawyer or the DPO can review it without reading code; this module only
loads it and normalises column headers so they can be matched against the header words.

The words a person reads (category labels and explanations, action labels, exceptions, the statement) are
French in the file, with their English beside them in an ``"en"`` block; ``label_in(lang)`` and the like
give one or the other (French by default and for any other language: the reports stay French). Legal
references are not translated.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from capnum_desktop.core.wording import DEFAULT_LANGUAGE
from capnum_desktop.resources import resource_path

ACTIONS = ("remove", "generalise", "mask", "suppress", "pseudonymise", "keep", "withhold")


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character: its NFKD form without combining marks.

    NFKD decomposes character by character and only reorders combining marks, which are all dropped, so
    translating each character gives what normalising the whole text would, at C speed once a character
    has been seen (the scan folds hundreds of thousands of cells; issue 18).
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = stripped
        return stripped


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without accents (``Prénom`` -> ``prenom``)."""
    text = str(text).lower()
    if text.isascii():
        return text
    return text.translate(_FOLD)


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096, typed=True)  # the scan and the plan tokenise the same few headers thousands of times (issue 18)
def header_tokens(header: str) -> tuple[str, ...]:
    """Tokens of a header: ``dateNaissance`` / ``Date de naissance*`` -> ``("date", "de", "naissance")``."""
    text = _CAMEL.sub("_", str(header))
    return tuple(t for t in _NON_WORD.split(fold(text)) if t)


def _contains(tokens: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tokens[i : i + n] == phrase for i in range(len(tokens) - n + 1))


Translations = dict[str, dict[str, str]]  # language -> {attribute: text}, e.g. {"en": {"label": "Surname"}}


def _in(translations: Translations, lang: str, name: str, french: str) -> str:
    """``name``'s text in ``lang`` (the file's ``"en"`` block), else the French one."""
    if lang == DEFAULT_LANGUAGE:
        return french
    return translations.get(lang, {}).get(name) or french


def _translations(raw: dict[str, Any]) -> Translations:
    return {lang: dict(texts) for lang, texts in raw.items() if lang in ("en",)}


@dataclass(frozen=True)
class LegalException:
    """A legal reason that allows publishing a direct identifier (D312-1-3 n°, a text, consent…)."""

    id: str
    label: str
    reference: str
    text: str = ""
    needs_reference: bool = False
    translations: Translations = field(default_factory=dict, compare=False, repr=False)

    def label_in(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return _in(self.translations, lang, "label", self.label)

    def text_in(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return _in(self.translations, lang, "text", self.text) if self.text else ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "reference": self.reference, "text": self.text,
                "needs_reference": self.needs_reference}


@dataclass(frozen=True)
class Category:
    """One kind of personal data with how to find it and what to do with it."""

    id: str
    label: str
    kind: str  # direct, quasi, sensitive, text
    legal_basis: tuple[str, ...]
    detection: dict[str, Any]
    default_action: str
    allowed_actions: tuple[str, ...]
    explanation: str
    default_params: dict[str, Any] = field(default_factory=dict)
    keep_requires_exception: bool = True
    never_keep: bool = False
    translations: Translations = field(default_factory=dict, compare=False, repr=False)

    def label_in(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The category's name in ``lang`` (« Nom de famille », "Surname")."""
        return _in(self.translations, lang, "label", self.label)

    def explanation_in(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The rule in one sentence, in ``lang``."""
        return _in(self.translations, lang, "explanation", self.explanation)

    @property
    def is_quasi_identifier(self) -> bool:
        return self.kind == "quasi"

    def _phrases(self, key: str) -> list[tuple[str, ...]]:
        return [header_tokens(h) for h in self.detection.get(key, [])]

    def header_hit(self, header: str) -> str | None:
        """The header word that matches ``header`` (None if none, or if an excluded phrase matches)."""
        tokens = header_tokens(header)
        if any(_contains(tokens, p) for p in self._phrases("header_exclude")):
            return None
        if set(tokens) & set(self.detection.get("header_exclude_words", ())):
            return None
        for words, phrase in zip(self.detection.get("headers", []), self._phrases("headers"), strict=True):
            if phrase and _contains(tokens, phrase):
                return str(words)
        return None


@dataclass(frozen=True)
class Rules:
    """All the rules of the data file."""

    version: int
    statement: str
    pseudonymisation_warning: str
    k_default: int
    small_count_threshold: int
    legal_texts: dict[str, str]
    actions: dict[str, dict[str, str]]
    exceptions: tuple[LegalException, ...]
    categories: tuple[Category, ...]
    lexicons: dict[str, Any]
    translations: Translations = field(default_factory=dict, compare=False, repr=False)

    def statement_in(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """« CapNum est une aide… » in ``lang``."""
        return _in(self.translations, lang, "statement", self.statement)

    def pseudonymisation_warning_in(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return _in(self.translations, lang, "pseudonymisation_warning", self.pseudonymisation_warning)

    def action_label(self, action: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """An action's name in ``lang`` (the action id when the file does not name it)."""
        entry = self.actions.get(action, {})
        return _in(_translations(entry), lang, "label", str(entry.get("label", action)))

    def action_description(self, action: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """What an action does, in ``lang`` ("" when the file does not say)."""
        entry = self.actions.get(action, {})
        return _in(_translations(entry), lang, "description", str(entry.get("description", "")))

    def category(self, category_id: str) -> Category:
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        raise KeyError(category_id)

    def exception(self, exception_id: str) -> LegalException | None:
        return next((e for e in self.exceptions if e.id == exception_id), None)

    def legal_text(self, reference: str) -> str:
        return self.legal_texts.get(reference, "")


def _category(raw: dict[str, Any]) -> Category:
    return Category(
        id=raw["id"],
        label=raw["label"],
        kind=raw["kind"],
        legal_basis=tuple(raw["legal_basis"]),
        detection=dict(raw.get("detection", {})),
        default_action=raw["default_action"],
        allowed_actions=tuple(raw["allowed_actions"]),
        explanation=raw["explanation"],
        default_params=dict(raw.get("default_params", {})),
        keep_requires_exception=bool(raw.get("keep_requires_exception", True)),
        never_keep=bool(raw.get("never_keep", False)),
        translations=_translations(raw),
    )


def _exception(raw: dict[str, Any]) -> LegalException:
    return LegalException(id=raw["id"], label=raw["label"], reference=raw["reference"], text=raw.get("text", ""),
                          needs_reference=bool(raw.get("needs_reference", False)), translations=_translations(raw))


def parse_rules(data: dict[str, Any]) -> Rules:
    """Build :class:`Rules` from the decoded JSON (checks that actions are known)."""
    categories = tuple(_category(c) for c in data["categories"])
    for cat in categories:
        unknown = {cat.default_action, *cat.allowed_actions} - set(ACTIONS)
        if unknown or cat.default_action not in cat.allowed_actions:
            raise ValueError(f"privacy rule {cat.id}: bad actions {sorted(unknown) or cat.default_action}")
    lexicon_keys = ("company_words", "individual_entrepreneur_words", "civilities", "place_words",
                    "name_particles", "missing_values", "generic_email_local_parts", "nationality_groups", "subjects",
                    "small_communes")
    return Rules(
        version=int(data["version"]),
        statement=data["statement"],
        pseudonymisation_warning=data["pseudonymisation_warning"],
        k_default=int(data.get("k_default", 11)),
        small_count_threshold=int(data.get("small_count_threshold", 10)),
        legal_texts=dict(data.get("legal_texts", {})),
        actions=dict(data.get("actions", {})),
        exceptions=tuple(_exception(e) for e in data.get("exceptions", [])),
        categories=categories,
        lexicons={k: data.get(k) for k in lexicon_keys},
        translations=_translations(data),
    )


def rules_path() -> Path:
    return resource_path("privacy_rules.json")


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The bundled rules (cached: the file does not change while the app runs)."""
    with rules_path().open(encoding="utf-8") as fh:
        return parse_rules(json.load(fh))


@lru_cache(maxsize=8)
def load_lexicon(name: str) -> frozenset[str]:
    """A word list of ``resources/privacy/`` (``first_names``, ``last_names``…), folded; ``#`` lines are comments."""
    path = resource_path("privacy", f"{name}.txt")
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(fold(line) for line in lines if line and not line.startswith("#"))
