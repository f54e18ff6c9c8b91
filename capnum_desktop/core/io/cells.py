"""Clean-ups and checks on text cells that every format needs (vectorised over whole columns).

Nothing here guesses a type: values stay text. We only undo artefacts that are never data (Excel's
leading apostrophe, time-of-day ``00:00:00`` on a date) and report damage we cannot undo (identifiers
Excel turned into ``2,10104E+13``, mojibake, U+FFFD). Reports name columns and line numbers, never
the values themselves, which may be personal data.
"""

from __future__ import annotations

import re

import pandas as pd

APOSTROPHE = r"^'([-+]?\d[\d .,/:-]*)$"
SCIENTIFIC = r"^[-+]?\d([.,]\d+)?[eE][+]\d{1,3}$"
MOJIBAKE = "Ã[\u0080-\u00bf]|â€[™œ\u009d“”¦\u0080-\u00bf]|Â[\u00a0-\u00bf]|Ã©|Ã¨|Ã§|Ã\u00a0"
REPLACEMENT = "\ufffd"


def strip_apostrophes(series: pd.Series) -> pd.Series:
    """``'49`` -> ``49``: the apostrophe Excel users type to keep a number as text."""
    if not series.str.startswith("'").any():
        return series
    return series.str.replace(APOSTROPHE, r"\1", regex=True)


def _lines(series: pd.Series, mask: pd.Series, limit: int = 5) -> str:
    rows = [str(int(i)) for i in series.index[mask.to_numpy()][:limit]]
    more = "…" if int(mask.sum()) > limit else ""
    return ", ".join(rows) + more


def check_header(names: list[str]) -> list[str]:
    """Warnings about damaged column names (mojibake, U+FFFD); names are not personal data."""
    bad = [n for n in names if re.search(MOJIBAKE + r"|Ã\s", n) or REPLACEMENT in n]
    if not bad:
        return []
    return [
        "Noms de colonnes mal décodés (caractères « Ã », « â€ » ou « \ufffd ») : "
        + ", ".join(f"« {n} »" for n in bad)
        + ". Le fichier a sans doute été converti deux fois ; vous pourrez renommer ces colonnes à l'étape suivante."
    ]


def check_column(name: str, series: pd.Series) -> list[str]:
    """Warnings (French, no cell value) about damage in one column."""
    warnings: list[str] = []
    sci = series.str.match(SCIENTIFIC)
    if sci.any():
        warnings.append(
            f"Colonne « {name} » : {int(sci.sum())} valeur(s) en notation scientifique (ligne(s) "
            f"{_lines(series, sci)}). Excel a probablement abîmé des identifiants (SIRET, téléphone…) : "
            "les chiffres perdus ne peuvent pas être retrouvés ; reprenez ces valeurs depuis la source "
            "ou enregistrez la colonne au format Texte."
        )
    moji = series.str.contains(MOJIBAKE, regex=True)
    if moji.any():
        warnings.append(
            f"Colonne « {name} » : {int(moji.sum())} valeur(s) avec des caractères mal décodés "
            f"(« Ã© » au lieu de « é », ligne(s) {_lines(series, moji)}). Le fichier a sans doute été "
            "converti deux fois ; choisissez un autre encodage ou corrigez le fichier source."
        )
    bad = series.str.contains(REPLACEMENT, regex=False)
    if bad.any():
        warnings.append(
            f"Colonne « {name} » : {int(bad.sum())} valeur(s) contiennent le caractère de remplacement "
            f"« \ufffd » (ligne(s) {_lines(series, bad)}) : des lettres ont été perdues avant l'ouverture. "
            "Reprenez ces valeurs depuis le fichier d'origine."
        )
    return warnings
