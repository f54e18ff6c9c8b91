"""Checks across a table's commune columns: a code INSEE with the postal code of the same row.

Conversion looks at one column at a time; here the row's postal code settles what a single column
cannot: a commune name shared by several communes (« Saint-Denis » with 93200 is 93066), and a postal
code that does not serve the row's commune (a warning listing the rows, values never changed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from capnum_desktop.core.reference import communes

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
    text = codes.astype(object).where(codes.notna(), "").astype(str).str.strip()
    cp = (
        postal.astype(object).where(postal.notna(), "").astype(str).str.strip()
        if postal is not None
        else pd.Series("", index=text.index, dtype=object)
    )
    out = text.copy()
    resolved = pd.Series(False, index=text.index)
    pairs = pd.DataFrame({"code": text, "cp": cp}).drop_duplicates()
    for code, postal_code in pairs.itertuples(index=False):
        if code == "" or _CODE_RE.fullmatch(code):
            continue
        if postal_code and any(ch.isalpha() for ch in code):
            found = communes.code_for_name(code, postal_code=postal_code)
            if found is not None:
                hit = (text == code) & (cp == postal_code)
                out[hit] = found
                resolved |= hit
    review = CommuneReview(out, resolved)
    shaped = out.str.fullmatch(_CODE)
    pairs = pd.DataFrame({"code": out[shaped], "cp": cp[shaped]}).drop_duplicates()
    bad_pairs: set[tuple[str, str]] = set()
    unknown: set[str] = set()
    for code, postal_code in pairs.itertuples(index=False):
        if not communes.is_commune_code(code):
            unknown.add(code)
        elif postal_code and communes.postal_code_matches(code, postal_code) is False:
            bad_pairs.add((code, postal_code))
    if unknown:
        rows = out.index[(shaped & out.isin(unknown)).to_numpy()]
        review.unknown_rows = [int(r) for r in rows]
        review.warnings.append(
            f"{len(rows)} code(s) commune INSEE absent(s) de la liste officielle des communes "
            f"({_millesime()}) : {_rows(review.unknown_rows)}. Vérifiez le code (une commune fusionnée "
            "garde parfois son ancien code dans les fichiers)."
        )
    if bad_pairs:
        mask = pd.Series([(c, p) in bad_pairs for c, p in zip(out, cp, strict=True)], index=out.index)
        review.mismatched_rows = [int(r) for r in out.index[mask.to_numpy()]]
        code, postal_code = sorted(bad_pairs)[0]
        example = communes.commune(code)
        name = f" ({example.name})" if example is not None else ""
        review.warnings.append(
            f"Code postal et commune ne correspondent pas sur {len(review.mismatched_rows)} ligne(s) : "
            f"{_rows(review.mismatched_rows)}. Par exemple, le code postal {postal_code} ne dessert pas "
            f"la commune {code}{name}. Vérifiez l'un ou l'autre."
        )
    return review


def _rows(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])
    more = f" et {len(rows) - MAX_ROWS_SHOWN} autre(s)" if len(rows) > MAX_ROWS_SHOWN else ""
    return f"ligne(s) {shown}{more}"


def _millesime() -> str:
    return f"millésime {communes.reference_info().get('millesime', '?')}"
