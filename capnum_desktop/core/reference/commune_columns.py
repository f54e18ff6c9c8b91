"""Checks across a table's commune columns: a code INSEE with the postal code of the same row.

Conversion looks at one column at a time; here the row's postal code settles what a single column
cannot: a commune name shared by several communes (« Saint-Denis » with 93200 is 93066), and a postal
code that does not serve the row's commune (a warning listing the rows, values never changed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from capnum_desktop.core.reference import communes
from capnum_desktop.core.schemas.text import split_words
from capnum_desktop.core.wording import count as count_of

MAX_ROWS_SHOWN = 10
_CODE = r"\d{5}|2[AB]\d{3}"
_CODE_RE = re.compile(_CODE)


@dataclass
class CommuneReview:
    """What the row-wise check found: names resolved to codes (mask) and warnings in French."""

    codes: pd.Series
    resolved: pd.Series
    mismatched_rows: list[int] = field(default_factory=list)
    unknown_rows: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def review_communes(codes: pd.Series, postal: pd.Series | None = None) -> CommuneReview:
    """Resolve names with the row's postal code, then list postal-code/commune mismatches and unknown codes.

    ``codes`` is a converted INSEE-code column (text), ``postal`` the postal-code column of the same rows.
    Work is done once per distinct (code, postal code) pair, so 1M rows cost what their pairs cost.
    """
    cp_column = postal if postal is not None else pd.Series("", index=codes.index)
    keys, pairs = _distinct_rows([codes, cp_column])
    out = codes.astype(object).where(codes.notna(), "").copy()
    resolved = np.zeros(len(keys), dtype=bool)
    resolved_to: dict[int, str] = {}
    for key, (code, postal_code) in pairs.items():
        if code and not _CODE_RE.fullmatch(code) and postal_code and any(ch.isalpha() for ch in code):
            found = communes.code_for_name(code, postal_code=postal_code)
            if found is not None:
                resolved_to[key] = found
    for key, found in resolved_to.items():
        hit = keys == key
        out[hit] = found
        resolved |= hit
    unknown: list[int] = []
    bad_pairs: list[int] = []
    example: tuple[str, str] | None = None
    for key, (code, postal_code) in pairs.items():
        code = resolved_to.get(key, code)
        if not _CODE_RE.fullmatch(code):
            continue
        if not communes.is_commune_code(code):
            unknown.append(key)
        elif postal_code and communes.postal_code_matches(code, postal_code) is False:
            bad_pairs.append(key)
            example = min(example, (code, postal_code)) if example else (code, postal_code)
    review = CommuneReview(out, pd.Series(resolved, index=codes.index))
    if unknown:
        review.unknown_rows = [int(r) for r in codes.index[np.isin(keys, unknown)]]
        review.warnings.append(
            f"{count_of(len(review.unknown_rows), 'code commune INSEE', 'codes commune INSEE')} "
            f"{'absent' if len(review.unknown_rows) < 2 else 'absents'} de la liste officielle des communes "
            f"({_millesime()}) : {_rows(review.unknown_rows)}. Vérifiez le code (une commune fusionnée "
            "garde parfois son ancien code dans les fichiers)."
        )
    if bad_pairs and example is not None:
        review.mismatched_rows = [int(r) for r in codes.index[np.isin(keys, bad_pairs)]]
        code, postal_code = example
        commune = communes.commune(code)
        name = f" ({commune.name})" if commune is not None else ""
        review.warnings.append(
            f"Code postal et commune ne correspondent pas sur {count_of(len(review.mismatched_rows), 'ligne')} : "
            f"{_rows(review.mismatched_rows)}. Par exemple, le code postal {postal_code} ne dessert pas "
            f"la commune {code}{name}. Vérifiez l'un ou l'autre."
        )
    return review


def _rows(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])
    more = f" et {count_of(len(rows) - MAX_ROWS_SHOWN, 'autre')}" if len(rows) > MAX_ROWS_SHOWN else ""
    return f"{'ligne' if len(rows) < 2 else 'lignes'} {shown}{more}"


def _millesime() -> str:
    return f"millésime {communes.reference_info().get('millesime', '?')}"


_CEDEX = re.compile(r"\s+cedex(\s+\d+)?$")


def is_commune_name_field(name: str, title: str = "") -> bool:
    """Whether a schema field holds a commune's name (``COMMUNE_NOM``, ``ADR_COMMUNE``, ``commune``)."""
    words = f" {split_words(name)} {split_words(title)} "
    return (" commune " in words or " ville " in words) and not any(
        w in words for w in (" code ", " insee ", " cp ", " postal ", " id ")
    )


def review_commune_names(
    names: pd.Series, codes: pd.Series | None = None, postal: pd.Series | None = None
) -> list[str]:
    """Warnings for rows whose commune name disagrees with the row's INSEE code, else with its postal code.

    Values are never changed. A city written with its arrondissement (« Paris 15e », « Lyon 6e ») or with
    « Cedex » is accepted; an unknown code or postal code gives no verdict. Each distinct
    (name, code, postal code) triple is judged once (1M rows: well under a second).
    """
    columns = [names, codes, postal]
    keys, triples = _distinct_rows(
        [c if c is not None else pd.Series("", index=names.index) for c in columns]
    )
    bad_code: dict[int, tuple[str, str, str]] = {}  # -> (name in the file, code, the code's commune)
    bad_cp: dict[int, tuple[str, str]] = {}
    for key_value, (name, code, cp) in triples.items():
        if not name or not any(ch.isalpha() for ch in name):
            continue
        key = _CEDEX.sub("", communes.name_key(name))
        found = communes.commune(code) if code else None
        served = communes.communes_for_postal_code(cp) if cp and found is None else []
        if found is not None and not _name_fits(key, [found]):
            bad_code[key_value] = (name, code, found.name)
        elif served and not _name_fits(key, served):
            bad_cp[key_value] = (name, cp)
    warnings = []
    if bad_code:
        rows = [int(r) for r in names.index[np.isin(keys, list(bad_code))]]
        name, code, official = sorted(bad_code.values())[0]
        warnings.append(
            f"Nom de commune et code INSEE ne correspondent pas sur {count_of(len(rows), 'ligne')} : {_rows(rows)}. "
            f"Par exemple, le code {code} est celui de {official}, pas de « {name} »."
        )
    if bad_cp:
        rows = [int(r) for r in names.index[np.isin(keys, list(bad_cp))]]
        name, cp = sorted(bad_cp.values())[0]
        served_names = ", ".join(sorted({c.name for c in communes.communes_for_postal_code(cp)})[:4])
        warnings.append(
            f"Nom de commune et code postal ne correspondent pas sur {count_of(len(rows), 'ligne')} : {_rows(rows)}. "
            f"Par exemple, le code postal {cp} dessert {served_names}, pas « {name} »."
        )
    return warnings


def _distinct_rows(columns: list[pd.Series]) -> tuple[np.ndarray, dict[int, tuple[str, ...]]]:
    """One integer key per row for its tuple of (trimmed text) values, and each distinct key's tuple."""
    keys = np.zeros(len(columns[0]), dtype=np.int64)
    uniques = []
    for column in columns:
        codes, values = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=True)
        texts = [str(v).strip() for v in values] + [""]  # code -1 (empty cell) is the last text
        codes = np.where(codes < 0, len(values), codes)
        keys = keys * (len(values) + 1) + codes
        uniques.append((codes, texts))
    distinct, first = np.unique(keys, return_index=True)
    picked = [np.asarray(texts, dtype=object)[codes[first]] for codes, texts in uniques]  # one take per column
    triples = dict(zip(distinct.tolist(), zip(*picked, strict=True), strict=True))
    return keys, triples


def _name_fits(key: str, candidates: list[communes.Commune]) -> bool:
    """The folded name is one candidate's, or its city's (« paris 15e » for an arrondissement of Paris)."""
    for c in candidates:
        own = communes.name_key(c.name)
        parent = communes.commune(c.current_code if c.type != communes.ARRONDISSEMENT else c.parent)
        city = communes.name_key(parent.name) if parent is not None else own
        if key in (own, city) or key.startswith(city + " "):
            return True
    return False
