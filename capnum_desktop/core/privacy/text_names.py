"""Find a person's name written without a civility inside free text: "Prénom Nom" and "NOM Prénom".

"Contact : Jean Dupont" or "dossier suivi par Marie-Claire Le Goff" name a person as surely as
"M. Dupont". A name here is a known first name (``resources/privacy/first_names.txt``) followed by
one or two capitalised words, possibly after particles (Le, de la, van der…), or preceded by a surname
in capitals (``DUPONT Jean``). Left alone, because they protect nobody or are not names:
- public figures' names given to streets, places and institutions ("rue Victor Hugo", "lycée Jules
  Ferry", "place du Général Charles de Gaulle"): the word before the name tells
  (``public_name_context.txt``, after skipping particles and the titles of ``name_titles.txt``);
- months, days, small words and first names of the list that are also French words
  (``not_names_in_text.txt``); a first name alone ("Marie").
No NER model: it would be slow, heavy and unreliable on French administrative text (research note);
every masked text must still be read, which the processing report says.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from capnum_desktop.core.privacy.rules import fold, load_lexicon, load_rules
from capnum_desktop.core.privacy.values import WORD

_CANDIDATE = re.compile(r"\b[A-ZÀ-ÖØ-ÞŒŸ][^\W\d_]*(?:-[^\W\d_]+)*")
_ELIDED = re.compile(r"^[dlDL]['’](?=[^\W\d_])")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_ABBREVIATION = re.compile(r"\.[ \t\u00a0\u202f]*")
_MASKED = re.compile(r"\[[^\]]*\]")
_VOWEL = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-ÜŒ]")
MAX_FIRST_NAMES = 3
MAX_SURNAME_WORDS = 2
MAX_PARTICLES = 2


_fold = lru_cache(maxsize=65536)(fold)  # the same words recur from one cell to the next


@dataclass(frozen=True)
class _Words:
    first: frozenset[str]
    last: frozenset[str]
    never: frozenset[str]  # words that are never part of a name in text
    titles: frozenset[str]
    context: frozenset[str]  # words before a name that make it a street / institution name
    particles: frozenset[str]
    lower_particles: frozenset[str]  # particles that may be written in lower case (de, du, van…)


@lru_cache(maxsize=1)
def _words() -> _Words:
    lex = load_rules().lexicons
    titles = load_lexicon("name_titles")
    context = load_lexicon("public_name_context")
    never = (load_lexicon("not_names_in_text") | titles | context
             | {fold(w).rstrip(".") for w in lex.get("civilities") or []}
             | {fold(w) for w in lex.get("company_words") or []})
    particles = frozenset(fold(w) for w in lex.get("name_particles") or [] if len(w) > 1)
    return _Words(
        first=load_lexicon("first_names") - never, last=load_lexicon("last_names"), never=never - particles,
        titles=titles, context=context, particles=particles,
        lower_particles=particles - {"le", "la", "les", "el", "al", "mac", "mc"},
    )


@dataclass(slots=True)
class _Token:
    start: int  # of the word without its elision (``d'Alain`` -> ``Alain``)
    end: int
    core: str
    key: str  # folded core
    joined: bool  # only spaces between the previous token and this one
    near: bool  # joined, or after an abbreviation point (``av. Jean Jaurès``)

    @property
    def upper(self) -> bool:
        return self.core.isupper()

    @property
    def capitalised(self) -> bool:
        return self.core[0].isupper()


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    prev_end, prev_len = None, 0
    for m in WORD.finditer(text):
        start, word = m.start(), m.group()
        elided = _ELIDED.match(word)
        if elided and len(word) > 3:
            start, word = start + 2, word[2:]
        gap = text[prev_end:m.start()] if prev_end is not None else "\n"
        joined = bool(_SPACES.fullmatch(gap))
        near = joined or (prev_len <= 3 and bool(_ABBREVIATION.fullmatch(gap)))
        out.append(_Token(start, m.end(), word, _fold(word), joined, near))
        prev_end, prev_len = m.end(), len(m.group())
    return out


@lru_cache(maxsize=65536)
def _is_first_word(word: str) -> bool:
    """A capitalised known first name (``Jean``, ``Marie-Claire``, ``JEAN``), not an ambiguous word."""
    if len(word) < 3 or not word[0].isupper():
        return False
    key = _fold(word)
    first = _words().first
    return key in first or ("-" in key and all(part in first for part in key.split("-")))


def _surname_word(tok: _Token, upper_only: bool, w: _Words) -> bool:
    if not tok.joined or not tok.capitalised or len(tok.core) < 2:
        return False
    if upper_only and not tok.upper:
        return False
    return tok.key not in w.never and not any(part in w.never for part in tok.key.split("-"))


def _particle(tok: _Token, upper_only: bool, w: _Words) -> bool:
    if not tok.joined or tok.key not in w.particles:
        return False
    if upper_only:
        return tok.upper
    return tok.capitalised or tok.key in w.lower_particles


def _upper_surname_before(tok: _Token, strict: bool, w: _Words) -> bool:
    """``DUPONT`` in ``DUPONT Jean``: capitals; a known surname when the whole text is in capitals."""
    if not tok.upper or len(tok.core) < 2 or tok.key in w.never or tok.key in w.particles:
        return False
    if tok.key in w.last:
        return True
    return not strict and len(tok.core) >= 3 and bool(_VOWEL.search(tok.core))


def _public_context(toks: list[_Token], start: int, w: _Words) -> bool:
    """Is the name starting at token ``start`` preceded by a street or institution word?"""
    k = start
    while k > 0 and toks[k].near:
        k -= 1
        key = toks[k].key
        if key in w.context:
            return True
        if key not in w.particles and key not in w.titles and key not in w.lower_particles:
            return False
    return False


def _span(toks: list[_Token], i: int, caps: bool, w: _Words) -> tuple[int, int] | None:
    """The token range (first, last) of the person's name around the first name ``toks[i]``, if any."""
    upper_only = caps or toks[i].upper
    j = i + 1
    extra_first = 0
    while (j < len(toks) and extra_first < MAX_FIRST_NAMES - 1 and toks[j].joined
           and _is_first_word(toks[j].core) and (toks[j].upper or not upper_only)):
        extra_first += 1
        j += 1
    particles = 0
    while j < len(toks) and particles < MAX_PARTICLES and _particle(toks[j], upper_only, w):
        particles += 1
        j += 1
    surname = 0
    while j < len(toks) and surname < MAX_SURNAME_WORDS and _surname_word(toks[j], upper_only, w):
        surname += 1
        j += 1
    if particles and not surname:
        j -= particles
    last = j - 1 if (surname or extra_first) else None
    first = i
    k = i - 1
    strict = caps or toks[i].upper
    before = 0
    while k >= 0 and before < MAX_SURNAME_WORDS and toks[k + 1].joined and _upper_surname_before(toks[k], strict, w):
        before += 1
        k -= 1
    if before:
        first = k + 1
        while k >= 0 and first - k <= MAX_PARTICLES and toks[k + 1].joined and toks[k].upper and toks[k].key in w.particles:
            first = k
            k -= 1
        last = last if last is not None else i
    if last is None or _public_context(toks, first, w):
        return None
    return first, last


_AFTER = re.compile(r"[ \t\u00a0\u202f]+([^\W\d_]+)")
_CAPS_BEFORE = re.compile(r"[A-ZÀ-ÖØ-ÞŒŸ]{2,}[ \t\u00a0\u202f]+$")


def _may_start_a_name(text: str, m: re.Match[str], w: _Words) -> bool:
    """Cheap test on a known first name: a capitalised word or a particle after it, or a word in
    capitals before it. Most texts have none (a lone "Marie", a first name starting a sentence), and
    are then left without being tokenised."""
    after = _AFTER.match(text, m.end())
    if after and (after.group(1)[0].isupper() or _fold(after.group(1)) in w.particles):
        return True
    return bool(_CAPS_BEFORE.search(text, 0, m.start()))


@lru_cache(maxsize=1)
def _pair() -> re.Pattern[str]:
    """A name needs a capitalised word followed by another one or by a particle ("Jean de la
    Fontaine"): one search rules out most texts before any word is looked up."""
    particles = "|".join(sorted((re.escape(p) for p in _words().particles), key=len, reverse=True))
    return re.compile(rf"[A-ZÀ-ÖØ-ÞŒŸ][^\W\d_]*[ \t\u00a0\u202f]+(?:[A-ZÀ-ÖØ-ÞŒŸ]|(?:{particles})[ '’])")


def mask_names(text: str, counts: Counter[str], mask: str) -> str:
    """``text`` with every "Prénom Nom" / "NOM Prénom" replaced by ``mask`` (counted as ``name``)."""
    if not _pair().search(text):
        return text
    w = _words()
    if not any(_is_first_word(m.group()) and _may_start_a_name(text, m, w) for m in _CANDIDATE.finditer(text)):
        return text
    caps = not any(c.islower() for c in _MASKED.sub("", text))
    toks = _tokens(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if _is_first_word(toks[i].core) and (not spans or toks[i].start >= spans[-1][1]):
            found = _span(toks, i, caps, w)
            if found is not None:
                spans.append((toks[found[0]].start, toks[found[1]].end))
                i = found[1] + 1
                continue
        i += 1
    for start, end in reversed(spans):
        text = text[:start] + mask + text[end:]
    if spans:
        counts["name"] += len(spans)
    return text
