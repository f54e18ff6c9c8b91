"""The label words and field weights of the ranking, made faster (issue 18), equal the code of before on
every label, title, alias and description of the catalogue."""

from __future__ import annotations

import math
import re

from capnum_desktop.core.schemas import matching
from capnum_desktop.core.schemas.catalogue import list_schemas, schema_for_scoring
from capnum_desktop.core.schemas.text import fold, split_words


def _words_before(label: str, *, camel: bool = True) -> tuple[str, ...]:
    """matching.words before issue 18: every phrase pattern applied to every label (the reference)."""
    vocab = matching.vocabulary()
    text = split_words(label) if camel else fold(label)
    for _phrase, pattern, replacement in vocab["phrases"]:
        text = pattern.sub(replacement, text)
    out: list[str] = []
    for word in text.split():
        if word in vocab["stopwords"]:
            continue
        word = matching._stem(vocab["canon"].get(word, word))
        if word not in out:
            out.append(word)
    return tuple(out)


def _texts() -> list[str]:
    texts = ["Code postal", "code-postal", "N° SIRET", "numéro siret", "adresse électronique", "e-mail",
             "Raison sociale", "mise à jour", "date de mise a jour", "codepostal", "xcode postaly", ""]
    for entry in list_schemas():
        for f in schema_for_scoring(entry.id).fields:
            texts += [str(f["name"]), str(f.get("title") or ""), str(f.get("description") or "")]
    for aliases in matching.vocabulary()["field_aliases"].values():
        for names in aliases.values():
            texts += list(names)
    texts += list(matching.vocabulary()["canon"]) + [p for p, _pattern, _r in matching.vocabulary()["phrases"]]
    return texts


def test_words_equal_the_code_before() -> None:
    for text in _texts():
        for camel in (True, False):
            matching.words.cache_clear()
            assert matching.words(text, camel=camel) == _words_before(text, camel=camel), text


def test_field_weights_equal_the_code_before() -> None:
    for entry in list_schemas():
        labels = matching._field_labels(schema_for_scoring(entry.id))
        if not labels:
            continue
        bags = [set(lab.bag) for lab in labels]
        before = {w: math.log(1 + len(bags) / sum(w in b for b in bags)) for w in set().union(*bags)}
        assert labels[0].weights == before, entry.id


def test_phrase_patterns_only_match_where_the_phrase_is() -> None:
    """The shortcut's premise: a phrase pattern is the phrase between word boundaries."""
    for phrase, pattern, _replacement in matching.vocabulary()["phrases"]:
        assert pattern.pattern == rf"\b{re.escape(phrase)}\b"
