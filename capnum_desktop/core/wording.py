"""French counts for the sentences the command line and the reports print (« 1 erreur », « 48 erreurs »),
and the few helpers the Qt-free sentence tables share (French by default, English on request).

French puts 0 and 1 in the singular (« 0 erreur », « 1 ligne »); the « erreur(s) » form reads as a form
to fill, not as a sentence (issue 15). The UI has Qt's ``%n`` plurals; this is for the Qt-free side.
Sentence tables (``core/validation/sentences.py``, ``core/error_sentences.py``, ``cli/_wording.py``) map a
key to ``{"fr": …, "en": …}`` with the same ``{parameters}``; :func:`fill` makes one sentence (issue 16).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, NoReturn

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def language(lang: str | None) -> str:
    """``lang`` when it is one we write, else French (the default of the CLI and the reports)."""
    return lang if lang is not None and lang in LANGUAGES else DEFAULT_LANGUAGE


def fill(table: Mapping[str, Mapping[str, str]], key: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """The sentence ``key`` of ``table`` in ``lang`` with its parameters filled in."""
    text = table[key][language(lang)]
    return text.format(**params) if params else text


def make(table: Mapping[str, Mapping[str, str]], key: str, lang: str, params: Mapping[str, Any]) -> str:
    """``key``'s sentence of ``table`` with ``params`` said in ``lang``. Parameters are values, except:
    ``…_key`` names a piece of the table (``what_key="binary.pdf"`` fills ``{what}``), ``…_count`` a number
    said with its word (``more_count=3`` fills ``{more}`` with « 3 autres problèmes » from ``count.more``),
    ``…_list`` sentences of the table (``[key, params]`` pairs, joined by « ; »); a value with a
    ``text(lang)`` method (a coded piece) is said in ``lang``; another list is written as quoted names
    (« a », « b ») or coded pieces, joined by commas."""
    values: dict[str, Any] = {}
    for name, value in params.items():
        if name.endswith("_key"):
            values[name[:-4]] = fill(table, str(value), lang)
        elif name.endswith("_count"):
            values[name[:-6]] = numbered(int(value), fill(table, f"count.{name[:-6]}", lang), lang)
        elif name.endswith("_list"):
            joiner = " ; " if language(lang) == "fr" else "; "
            values[name[:-5]] = joiner.join(make(table, str(k), lang, p) for k, p in value)
        elif hasattr(value, "text"):
            values[name] = value.text(lang)
        elif isinstance(value, Sequence) and not isinstance(value, str):
            quote = "« {} »" if language(lang) == "fr" else '"{}"'
            values[name] = ", ".join(v.text(lang) if hasattr(v, "text") else quote.format(v) for v in value)
        else:
            values[name] = value
    return fill(table, key, lang, **values)


def numbered(n: int, forms: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``n`` and the form of ``"singular|plural"`` its number takes: French puts 0 and 1 in the singular,
    English only 1 (« 0 erreur », "0 errors")."""
    singular, plural = forms.split("|")
    one = abs(n) < 2 if language(lang) == "fr" else abs(n) == 1
    return f"{n} {singular if one else plural}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` followed by the word in the right number: ``count(2, "erreur")`` -> ``"2 erreurs"``."""
    word = singular if abs(n) < 2 else (plural if plural is not None else singular + "s")
    return f"{n} {word}"


class CodedText(str):
    """A sentence of a table: its French text (the ``str`` itself), its ``code`` and ``params``.

    A ``str`` so that every caller written before codes (joins, searches, JSON, the French reports) reads
    the same French as before; ``text(lang)`` says it in another language. A subclass names its table
    (``TABLE``) and may say parameters its own way (:meth:`say`). Frozen like the values that hold it.
    """

    TABLE: ClassVar[Mapping[str, Mapping[str, str]]] = {}
    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> CodedText:
        note = super().__new__(cls, cls.say(code, DEFAULT_LANGUAGE, params))
        object.__setattr__(note, "code", code)
        object.__setattr__(note, "params", dict(params))
        return note

    @classmethod
    def say(cls, code: str, lang: str, params: Mapping[str, Any]) -> str:
        return make(cls.TABLE, code, lang, params)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The sentence in ``lang`` (French unless ``"en"``)."""
        return self.say(self.code, lang, self.params)

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name}")

    def __reduce__(self) -> tuple[Any, ...]:
        # str's own reduction would make a note from its French text as if it were a code
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[CodedText], code: str, params: dict[str, Any]) -> CodedText:
    return cls(code, **params)


def text_in(sentence: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A sentence in ``lang``: a coded one (:class:`CodedText`, or anything with ``text(lang)``) is said in
    it; any other text (a sentence made before codes existed) stays as written."""
    text = getattr(sentence, "text", None)
    return text(lang) if callable(text) else str(sentence)
