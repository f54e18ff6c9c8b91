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
from capnum_desktop.core.schemas.text import split_words

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
    « Cedex » is accepted; an unknown code or postal code gives no verdict.
    """
    text = _as_text(names)
    empty = pd.Series("", index=text.index, dtype=object)
    code_text = _as_text(codes) if codes is not None else empty
    cp_text = _as_text(postal) if postal is not None else empty
    frame = pd.DataFrame({"name": text, "code": code_text, "cp": cp_text})
    bad_code: set[tuple[str, str]] = set()
    bad_cp: set[tuple[str, str]] = set()
    for name, code, cp in frame.drop_duplicates().itertuples(index=False):
        if not name or not any(ch.isalpha() for ch in name):
            continue
        key = _CEDEX.sub("", communes.name_key(name))
        found = communes.commune(code) if code else None
        served = communes.communes_for_postal_code(cp) if cp and found is None else []
        if found is not None and not _name_fits(key, [found]):
            bad_code.add((name, code))
        elif served and not _name_fits(key, served):
            bad_cp.add((name, cp))
    warnings = []
    if bad_code:
        mask = pd.Series([(n, c) in bad_code for n, c in zip(text, code_text, strict=True)], index=text.index)
        rows = [int(r) for r in text.index[mask.to_numpy()]]
        name, code = sorted(bad_code)[0]
        warnings.append(
            f"Nom de commune et code INSEE ne correspondent pas sur {len(rows)} ligne(s) : {_rows(rows)}. "
            f"Par exemple, le code {code} est celui de {communes.commune(code).name}, pas de « {name} »."
        )
    if bad_cp:
        mask = pd.Series([(n, c) in bad_cp for n, c in zip(text, cp_text, strict=True)], index=text.index)
        rows = [int(r) for r in text.index[mask.to_numpy()]]
        name, cp = sorted(bad_cp)[0]
        served = ", ".join(sorted({c.name for c in communes.communes_for_postal_code(cp)})[:4])
        warnings.append(
            f"Nom de commune et code postal ne correspondent pas sur {len(rows)} ligne(s) : {_rows(rows)}. "
            f"Par exemple, le code postal {cp} dessert {served}, pas « {name} »."
        )
    return warnings


def _as_text(values: pd.Series) -> pd.Series:
    return values.astype(object).where(values.notna(), "").astype(str).str.strip()


def _name_fits(key: str, candidates: list[communes.Commune]) -> bool:
    """The folded name is one candidate's, or its city's (« paris 15e » for an arrondissement of Paris)."""
    for c in candidates:
        own = communes.name_key(c.name)
        parent = communes.commune(c.current_code if c.type != communes.ARRONDISSEMENT else c.parent)
        city = communes.name_key(parent.name) if parent is not None else own
        if key in (own, city) or key.startswith(city + " "):
            return True
    return False
