"""Checks across a table's commune columns: a code INSEE with the postal code of the same row.

Conversion looks at one column at a time; here the row's postal code settles what a single column
cannot: a commune name shared by several communes (« Saint-Denis » with 93200 is 93066), and a postal
code that does not serve the row's commune (a warning listing the rows, values never changed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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
    Work is done once per distinct (code, postal code) pair, so 1M rows cost what their pairs cost; each
    pair's verdict goes back to its rows with one take (issue 18).
    """
    cp_column = postal if postal is not None else pd.Series("", index=codes.index)
    inverse, pairs = _distinct_rows([codes, cp_column])
    out = codes.astype(object).where(codes.notna(), "").copy()
    resolved_to: dict[int, str] = {}
    for key, (code, postal_code) in enumerate(pairs):
        if code and not _CODE_RE.fullmatch(code) and postal_code and any(ch.isalpha() for ch in code):
            found = communes.code_for_name(code, postal_code=postal_code)
            if found is not None:
                resolved_to[key] = found
    resolved = np.zeros(len(inverse), dtype=bool)
    if resolved_to:
        new_code = np.empty(len(pairs), dtype=object)
        is_resolved = np.zeros(len(pairs), dtype=bool)
        for key, found in resolved_to.items():
            new_code[key] = found
            is_resolved[key] = True
        resolved = is_resolved[inverse]
        out[resolved] = new_code[inverse[resolved]]
    unknown = np.zeros(len(pairs), dtype=bool)
    bad_pairs = np.zeros(len(pairs), dtype=bool)
    example: tuple[str, str] | None = None
    for key, (code, postal_code) in enumerate(pairs):
        code = resolved_to.get(key, code)
        if not _CODE_RE.fullmatch(code):
            continue
        if not communes.is_commune_code(code):
            unknown[key] = True
        elif postal_code and communes.postal_code_matches(code, postal_code) is False:
            bad_pairs[key] = True
            example = min(example, (code, postal_code)) if example else (code, postal_code)
    review = CommuneReview(out, pd.Series(resolved, index=codes.index))
    if unknown.any():
        review.unknown_rows = [int(r) for r in codes.index[unknown[inverse]]]
        review.warnings.append(
            f"{count_of(len(review.unknown_rows), 'code commune INSEE', 'codes commune INSEE')} "
            f"{'absent' if len(review.unknown_rows) < 2 else 'absents'} de la liste officielle des communes "
            f"({_millesime()}) : {_rows(review.unknown_rows)}. Vérifiez le code (une commune fusionnée "
            "garde parfois son ancien code dans les fichiers)."
        )
    if bad_pairs.any() and example is not None:
        review.mismatched_rows = [int(r) for r in codes.index[bad_pairs[inverse]]]
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
    « Cedex » is accepted; an unknown code or postal code gives no verdict. Each column's distinct values
    are looked up once; only the rows that can get a verdict (a name, and a known code or a postal code
    that serves communes) are then judged once per distinct (name, code) or (name, postal code) pair:
    a file whose postal codes are mostly unknown costs what its known ones cost (issue 18).
    """
    empty = pd.Series("", index=names.index)
    (name_rows, name_texts), (code_rows, code_texts), (cp_rows, cp_texts) = (
        _factorize(c if c is not None else empty) for c in (names, codes, postal)
    )
    has_name = np.fromiter((bool(t) and any(ch.isalpha() for ch in t) for t in name_texts), bool, len(name_texts))
    found = [communes.commune(t) if t else None for t in code_texts]
    has_found = np.fromiter((f is not None for f in found), bool, len(found))
    by_postal = communes.communes_by_postal_code()  # a known postal code serves at least one commune
    has_served = np.fromiter(map(by_postal.__contains__, cp_texts), bool, len(cp_texts))
    named = has_name[name_rows]
    by_code = named & has_found[code_rows]  # judged against the code's commune
    by_cp = named & ~has_found[code_rows] & has_served[cp_rows]  # else against the postal code's communes
    keys: dict[int, str] = {}

    def key_of(i: int) -> str:
        key = keys.get(i)
        if key is None:
            key = keys[i] = _CEDEX.sub("", communes.name_key(name_texts[i]))
        return key

    warnings = []
    bad = _bad_pairs(name_rows, code_rows, by_code, lambda n, c: not _name_fits(key_of(n), [found[c]]))
    if bad is not None:
        rows_mask, pairs = bad
        rows = [int(r) for r in names.index[rows_mask]]
        name, code, official = sorted((name_texts[n], code_texts[c], found[c].name) for n, c in pairs)[0]
        warnings.append(
            f"Nom de commune et code INSEE ne correspondent pas sur {count_of(len(rows), 'ligne')} : {_rows(rows)}. "
            f"Par exemple, le code {code} est celui de {official}, pas de « {name} »."
        )
    fits_by_cp: dict[int, _Fits] = {}  # one candidate set per postal code, however many names come with it

    def fits_cp(p: int) -> _Fits:
        fits = fits_by_cp.get(p)
        if fits is None:
            fits = fits_by_cp[p] = _fits_of(by_postal[cp_texts[p]])
        return fits

    bad = _bad_pairs(name_rows, cp_rows, by_cp, lambda n, p: not _fits_key(key_of(n), fits_cp(p)))
    if bad is not None:
        rows_mask, pairs = bad
        rows = [int(r) for r in names.index[rows_mask]]
        name, cp = sorted((name_texts[n], cp_texts[p]) for n, p in pairs)[0]
        served_names = ", ".join(sorted({c.name for c in communes.communes_for_postal_code(cp)})[:4])
        warnings.append(
            f"Nom de commune et code postal ne correspondent pas sur {count_of(len(rows), 'ligne')} : {_rows(rows)}. "
            f"Par exemple, le code postal {cp} dessert {served_names}, pas « {name} »."
        )
    return warnings


def _bad_pairs(
    left: np.ndarray, right: np.ndarray, judged: np.ndarray, is_bad: Callable[[int, int], bool]
) -> tuple[np.ndarray, list[tuple[int, int]]] | None:
    """The rows whose (left, right) pair of distinct-value numbers ``is_bad``, among the ``judged`` rows
    (each distinct pair judged once), and the bad pairs; None when no row is bad."""
    if not judged.any():
        return None
    width = int(right.max()) + 1 if len(right) else 1
    pair_keys = left[judged].astype(np.int64) * width + right[judged]
    distinct, inverse = np.unique(pair_keys, return_inverse=True)
    verdict = np.fromiter((is_bad(int(k) // width, int(k) % width) for k in distinct), bool, len(distinct))
    if not verdict.any():
        return None
    rows_mask = np.zeros(len(judged), dtype=bool)
    rows_mask[np.flatnonzero(judged)[verdict[inverse]]] = True
    pairs = [(int(k) // width, int(k) % width) for k in distinct[verdict]]
    return rows_mask, pairs


def _factorize(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """One number per row for its (trimmed text) value, and each number's text; an empty cell is ``""``."""
    codes, values = pd.factorize(column, use_na_sentinel=True)
    texts = [str(v).strip() for v in values.tolist()] + [""]  # code -1 (empty cell) is the last text
    return np.where(codes < 0, len(values), codes), texts


def _distinct_rows(columns: list[pd.Series]) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """For each row, the number of its tuple of (trimmed text) values among the distinct tuples; the tuples."""
    keys = np.zeros(len(columns[0]), dtype=np.int64)
    uniques = []
    for column in columns:
        codes, texts = _factorize(column)
        keys = keys * len(texts) + codes
        uniques.append((codes, texts))
    _distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    picked = [np.asarray(texts, dtype=object)[codes[first]] for codes, texts in uniques]  # one take per column
    return inverse.reshape(-1), list(zip(*picked, strict=True))


def _name_fits(key: str, candidates: Sequence[communes.Commune]) -> bool:
    """The folded name is one candidate's, or its city's (« paris 15e » for an arrondissement of Paris)."""
    return _fits_key(key, _fits_of(candidates))


_Fits = tuple[frozenset[str], tuple[str, ...]]


def _fits_of(candidates: Sequence[communes.Commune]) -> _Fits:
    """What :func:`_name_fits` accepts for these candidates: their own and their cities' folded names, and
    the cities followed by a space (as prefixes), made once per postal code rather than once per name."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for c in candidates:
        own, city = _own_and_city(c)
        names.update((own, city))
        prefixes.add(city + " ")
    return frozenset(names), tuple(sorted(prefixes))


def _fits_key(key: str, fits: _Fits) -> bool:
    names, prefixes = fits
    return key in names or key.startswith(prefixes)


def _own_and_city(c: communes.Commune) -> tuple[str, str]:
    """A commune's folded name and its city's (itself unless former commune or arrondissement), kept:
    the same few thousand communes are candidates for many rows (kept by identity: the list's lines live
    as long as the process)."""
    kept = _OWN_AND_CITY.get(id(c))
    if kept is not None and kept[0] is c:
        return kept[1]
    own = communes.official_name_key(c.name)
    parent = communes.commune(c.current_code if c.type != communes.ARRONDISSEMENT else c.parent)
    keys = own, communes.official_name_key(parent.name) if parent is not None else own
    _OWN_AND_CITY[id(c)] = (c, keys)
    return keys


_OWN_AND_CITY: dict[int, tuple[communes.Commune, tuple[str, str]]] = {}
