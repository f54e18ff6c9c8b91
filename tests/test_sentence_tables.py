"""Every Qt-free sentence table says each thing in French and in English, with the same parameters (issue 16).

The core hands codes and parameters to the edges; these tables are where the French (default) and English
sentences are made from them: validation problems, the command line's own sentences, core errors, values
the Map step could not convert, the Protect step's evidence and notes, the reader's warnings. A sentence
added in French only, or an English one that forgot a parameter, fails here.
"""

from __future__ import annotations

import string

import pytest

from capnum_desktop.cli._wording import CLI_SENTENCES
from capnum_desktop.core.error_sentences import ERROR_SENTENCES
from capnum_desktop.core.io.warning_sentences import READER_SENTENCES
from capnum_desktop.core.pipeline_notes import PIPELINE_SENTENCES
from capnum_desktop.core.privacy.sentences import PRIVACY_SENTENCES
from capnum_desktop.core.schemas.conform import CONVERSION_SENTENCES
from capnum_desktop.core.validation.sentences import SENTENCES
from capnum_desktop.core.wording import LANGUAGES

TABLES = {"validation": SENTENCES, "cli": CLI_SENTENCES, "errors": ERROR_SENTENCES, "conversion": CONVERSION_SENTENCES,
          "privacy": PRIVACY_SENTENCES, "reader": READER_SENTENCES, "pipeline": PIPELINE_SENTENCES}
SAME_IN_BOTH = {("validation", "word.more"), ("validation", "summary.warnings"), ("cli", "inspect.more-lines"),
                ("privacy", "end"), ("privacy", "count.communes")}
"""Entries whose words are the same in both languages (a number, a name between quotes)."""


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(("table", "key"), [(t, k) for t, entries in TABLES.items() for k in sorted(entries)])
def test_each_sentence_in_french_and_english_with_the_same_parameters(table: str, key: str) -> None:
    entry = TABLES[table][key]
    assert set(entry) == set(LANGUAGES), key
    assert all(entry[lang].strip() for lang in LANGUAGES), key
    assert _placeholders(entry["fr"]) == _placeholders(entry["en"]), key
    if (table, key) not in SAME_IN_BOTH:
        assert entry["fr"] != entry["en"], f"{table} {key}: the English is the French"
