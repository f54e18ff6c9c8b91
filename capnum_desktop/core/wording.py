"""French counts for the sentences the command line and the reports print (« 1 erreur », « 48 erreurs »).

French puts 0 and 1 in the singular (« 0 erreur », « 1 ligne »); the « erreur(s) » form reads as a form
to fill, not as a sentence (issue 15). The UI has Qt's ``%n`` plurals; this is for the Qt-free side.
"""

from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` followed by the word in the right number: ``count(2, "erreur")`` -> ``"2 erreurs"``."""
    word = singular if abs(n) < 2 else (plural if plural is not None else singular + "s")
    return f"{n} {word}"
