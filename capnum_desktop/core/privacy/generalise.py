"""Recode values to a coarser level: age bands, département, month, coarse grid, nationality group.

Each function maps one text cell to its coarser text ("" stays ""; a value that cannot be read
becomes "" too, since publishing it unchanged would defeat the purpose). They are applied to the
distinct values of a column only, so a million rows cost little.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas._libs import lib

from capnum_desktop.core.privacy import values as v
from capnum_desktop.core.privacy.rules import fold, load_rules
from capnum_desktop.core.privacy.small_communes import resolve, small_to_departement, to_epci

_POSTAL = re.compile(r"^\d{5}$")
_DEPARTEMENT = re.compile(r"^(\d{2}|2[AB]|97\d|98\d)$", re.IGNORECASE)
_BAND = re.compile(r"^\d+(-\d+)? ans( et plus)?$")
_COMMUNE_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)


def age_band(age: int, width: int = 10, top: int = 90) -> str:
    if age >= top:
        return f"{top} ans et plus"
    low = (age // width) * width
    return f"{low}-{low + width - 1} ans"


def age_to_band(value: str, width: int = 10, top: int = 90, **_: Any) -> str:
    text = value.strip()
    if _BAND.match(text):
        low = int(re.findall(r"\d+", text)[0])
        return age_band(low, width, top)
    if not text.isdigit():
        return ""
    return age_band(int(text), width, top)


def birth_date_to_band(value: str, width: int = 10, top: int = 90, reference_date: str | None = None, **_: Any) -> str:
    """Age (in full years at ``reference_date``, default today) as a band; a year alone is read as 1 July."""
    text = value.strip()
    if _BAND.match(text):
        return age_to_band(text, width, top)
    born = v.parse_date(text)
    if born is None and re.fullmatch(r"\d{4}", text):
        born = dt.date(int(text), 7, 1)
    if born is None:
        return ""
    ref = dt.date.fromisoformat(reference_date) if reference_date else dt.date.today()
    years = ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))
    return age_band(max(0, years), width, top) if years >= 0 else ""


def postal_to_departement(value: str, **_: Any) -> str:
    """``75011`` -> ``75``; ``97411`` -> ``974``; Corsica ``200xx``/``201xx`` -> ``2A``, ``202xx``… -> ``2B``."""
    text = value.strip()
    if _DEPARTEMENT.match(text):
        return text.upper()
    if re.fullmatch(r"[1-9]\d{3}", text):  # leading zero lost in Excel: 1400 is 01400
        text = text.zfill(5)
    if not _POSTAL.match(text):
        return ""
    if text.startswith("97") or text.startswith("98"):
        return text[:3]
    if text.startswith("20"):
        return "2A" if text[2] in "01" else "2B"
    return text[:2]


def commune_to_departement(value: str, **_: Any) -> str:
    """A COG commune code ``2A004`` / ``97105`` -> its département; a name is looked up in the bundled list
    of communes (an ambiguous or unknown name becomes "")."""
    text = value.strip().upper()
    if _DEPARTEMENT.match(text):
        return text
    if not _COMMUNE_CODE.match(text):
        place = resolve(value, "commune")
        return place.departement if place is not None else ""
    return text[:3] if text.startswith("97") or text.startswith("98") else text[:2]


def date_to_period(value: str, level: str = "month", **_: Any) -> str:
    text = value.strip()
    if re.fullmatch(r"\d{4}(-\d{2})?", text):  # already a month or a year
        return text if level == "month" else text[:4]
    d = v.parse_date(text)
    if d is None:
        return ""
    return f"{d.year:04d}-{d.month:02d}" if level == "month" else f"{d.year:04d}"


def gps_to_grid(value: str, decimals: int = 1, **_: Any) -> str:
    """Round decimal degrees (1 decimal = about 10 km); points ``lat, lon`` are rounded in place."""
    text = value.strip()
    m = re.match(r"^\s*\[?\s*(-?\d+(?:\.\d+)?)\s*([,;])\s*(-?\d+(?:\.\d+)?)\s*\]?\s*$", text)
    if m:
        return f"{round(float(m.group(1)), decimals)}{m.group(2)} {round(float(m.group(3)), decimals)}"
    # ``lat lon``, ``POINT(lon lat)`` and GeoJSON points: the numbers rounded where they are written
    if re.fullmatch(r"-?\d{1,3}\.\d+\.?\s+-?\d{1,3}\.\d+", text) or v.is_geo_literal(text):
        return re.sub(r"-?\d+\.\d+", lambda n: str(round(float(n.group(0)), decimals)), text)
    number = v.parse_number(text)
    if number is None:
        return ""
    if abs(number) > 180:  # projected metres (Lambert-93): keep a 10 km grid
        return str(int(number // 10_000 * 10_000))
    return str(round(number, decimals))


def nationality_to_group(value: str, **_: Any) -> str:
    groups = load_rules().lexicons["nationality_groups"]
    folded = fold(value.strip())
    if not folded:
        return ""
    if value.strip() in groups["labels"].values():
        return value.strip()
    for key in ("france", "ue"):
        if folded in groups[key]:
            return str(groups["labels"][key])
    return str(groups["labels"]["other"])


METHODS: dict[str, Callable[..., str]] = {
    "age_band": age_to_band,
    "birth_date_band": birth_date_to_band,
    "departement": postal_to_departement,
    "commune_departement": commune_to_departement,
    "month": lambda value, **p: date_to_period(value, "month"),
    "year": lambda value, **p: date_to_period(value, "year"),
    "grid": gps_to_grid,
    "nationality_group": nationality_to_group,
    "small_commune_departement": small_to_departement,
    "epci": to_epci,
}

METHOD_LABELS = {
    "age_band": "tranche d'âge",
    "birth_date_band": "tranche d'âge calculée depuis la date de naissance",
    "departement": "département",
    "commune_departement": "département de la commune",
    "month": "mois",
    "year": "année",
    "grid": "grille grossière",
    "nationality_group": "France / Union européenne / hors UE",
    "small_commune_departement": "département pour les petites communes seulement",
    "epci": "intercommunalité (EPCI)",
}

# The method used by default for each category, and the coarser steps tried to reach k-anonymity.
DEFAULT_METHOD = {
    "age": "age_band", "birth_date": "birth_date_band", "postal_code": "departement",
    "commune": "commune_departement", "gps": "grid", "nationality": "nationality_group",
}
LADDERS: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "age": [("age_band", {"width": 10}), ("age_band", {"width": 20, "top": 80})],
    "birth_date": [("birth_date_band", {"width": 10}), ("birth_date_band", {"width": 20, "top": 80})],
    # the intercommunality first: it keeps more of the place than the département when it is enough
    "postal_code": [("epci", {"category": "postal_code"}), ("departement", {})],
    "commune": [("epci", {"category": "commune"}), ("commune_departement", {})],
    "gps": [("grid", {"decimals": 1}), ("grid", {"decimals": 0})],
    "nationality": [("nationality_group", {})],
}


# Choices offered besides the ladder (not tried by the k-anonymity search): local recoding of small communes.
EXTRA_CHOICES: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "commune": [("small_commune_departement", {"category": "commune"})],
    "postal_code": [("small_commune_departement", {"category": "postal_code"})],
}


def generalisation_choices(category: str | None) -> list[dict[str, Any]]:
    """The generalisation methods a user may pick for a category (for the GUI's drop-down), default first."""
    ladder = LADDERS.get(category or "", []) + EXTRA_CHOICES.get(category or "", [])
    default = DEFAULT_METHOD.get(category or "")
    ladder.sort(key=lambda rung: rung[0] != default)  # stable: the default's first rung, then the order above
    out, seen = [], set()
    for method, params in ladder:
        key = (method, tuple(sorted(params.items())))
        if key in seen:
            continue
        seen.add(key)
        out.append({"method": method, "params": dict(params), "label": METHOD_LABELS.get(method, method)})
    if not out:
        out = [{"method": m, "params": {}, "label": METHOD_LABELS[m]} for m in ("month", "year")]
    return out


def _arrow_text(series: pd.Series) -> bool:
    """Whether ``series`` holds pandas' Arrow-backed ``str`` (what conformed columns hold)."""
    return isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow"


def map_distinct(series: pd.Series, func: Callable[[Any], Any], *, text: bool = True,
                 factorized: tuple[np.ndarray, pd.Index] | None = None,
                 bulk: Callable[[np.ndarray], list[Any]] | None = None) -> pd.Series:
    """``func`` of every cell, called once per distinct value and taken back to the rows by their codes.

    A million rows cost what their distinct values cost: one factorisation (Arrow's dictionary encoding
    for ``str`` columns), one call per distinct value, one take. Missing cells (None, NaN) are handed to
    ``func`` as they are, once per kind of missing value, as a mapping over ``series.unique()`` did (a
    function that cannot read them raises as before). With ``text`` the results are text and keep the
    series' own dtype family (Arrow ``str`` stays Arrow, without a Python string per row; object stays
    object); otherwise they come back as an object series (flags, numbers). ``factorized`` is
    ``pd.factorize(series)`` when the caller has it already. ``bulk`` gives the results of many distinct
    values at once (None for a value it leaves to ``func``): the same results, computed by array."""
    codes, uniques = factorized if factorized is not None else pd.factorize(series)  # missing cells: code -1
    distinct = uniques.to_numpy(dtype=object)  # Python objects, not Arrow scalars
    known = bulk(distinct) if bulk is not None and len(distinct) else [None] * len(distinct)
    results: list[Any] = [func(value) if done is None else done for value, done in zip(distinct, known, strict=True)]
    arrow = text and _arrow_text(series)
    where = np.flatnonzero(codes < 0)
    if len(where):
        cells = series.to_numpy(dtype=object, na_value=series.dtype.na_value) if arrow else series.to_numpy(dtype=object)
        kinds = np.array([type(cells[i]).__qualname__ + type(cells[i]).__module__ for i in where]) if not arrow \
            else np.zeros(len(where), dtype=np.int8)  # one kind of missing value per kind (None, float NaN, pd.NA…)
        codes = codes.copy()
        for kind in pd.unique(kinds):
            same = where[kinds == kind]
            codes[same] = len(results)
            results.append(func(cells[same[0]]))
    if arrow:
        values = pa.array(results, type=pa.large_string(), from_pandas=True)
        return pd.Series(pd.array(pc.take(values, codes), dtype=series.dtype), index=series.index, name=series.name)
    table = np.empty(len(results), dtype=object)
    table[:] = results
    out = pd.Series(table[codes], index=series.index, name=series.name, dtype=object)
    return out.astype(series.dtype) if text and isinstance(series.dtype, pd.StringDtype) else out


def _as_arrow(values: np.ndarray) -> pa.Array | None:
    """The distinct values as Arrow text (None when one of them is not a str: left to the method)."""
    return pa.array(values, type=pa.large_string()) if lib.is_string_array(values) else None


def _matching(text: pa.Array, pattern: str) -> np.ndarray:
    """Which values match ``pattern`` (RE2: ASCII classes, ``$`` at the very end only)."""
    return np.asarray(pc.match_substring_regex(text, pattern).to_numpy(zero_copy_only=False), dtype=bool)


def _bulk_departement(values: np.ndarray, **_: Any) -> list[str | None]:
    """:func:`postal_to_departement` of plain five-digit codes by array (the other values: None)."""
    text = _as_arrow(values)
    plain = _matching(text, r"^[0-9]{5}$") if text is not None else None
    if plain is None or not plain.any():
        return [None] * len(values)
    two = pc.utf8_slice_codeunits(text, 0, 2)
    overseas = pc.is_in(two, pa.array(["97", "98"], type=pa.large_string()))
    corsica = pc.if_else(pc.is_in(pc.utf8_slice_codeunits(text, 2, 3), pa.array(["0", "1"], type=pa.large_string())),
                         "2A", "2B")
    code = pc.if_else(overseas, pc.utf8_slice_codeunits(text, 0, 3), pc.if_else(pc.equal(two, "20"), corsica, two))
    found = code.to_pylist()
    return [found[i] if plain[i] else None for i in range(len(values))]


def _bulk_birth_date_band(values: np.ndarray, width: int = 10, top: int = 90, reference_date: str | None = None,
                          **_: Any) -> list[str | None]:
    """:func:`birth_date_to_band` of plain ``2001-07-02`` and ``02/07/2001`` dates by array (others: None)."""
    out: list[str | None] = [None] * len(values)
    ref = dt.date.fromisoformat(reference_date) if reference_date else dt.date.today()
    text = _as_arrow(values)
    if text is None:
        return out
    for pattern, (y, m, d) in ((r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", ((0, 4), (5, 7), (8, 10))),
                               (r"^[0-9]{2}/[0-9]{2}/[0-9]{4}$", ((6, 10), (3, 5), (0, 2)))):
        rows = np.flatnonzero(_matching(text, pattern))
        if not len(rows):
            continue
        chosen = text.take(pa.array(rows))

        def number(span: tuple[int, int], chosen: pa.Array = chosen) -> np.ndarray:
            return np.asarray(pc.cast(pc.utf8_slice_codeunits(chosen, *span), pa.int64()).to_numpy(), dtype=np.int64)

        year, month, day = number(y), number(m), number(d)
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        month_days = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[np.clip(month, 0, 12)] + (leap & (month == 2))
        valid = (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= month_days)  # as datetime.date
        years = ref.year - year - ((ref.month < month) | ((ref.month == month) & (ref.day < day)))
        bands = {age: age_band(age, width, top) for age in np.unique(years[valid & (years >= 0)]).tolist()}
        for row, ok, age in zip(rows.tolist(), valid.tolist(), years.tolist(), strict=True):
            out[row] = bands[age] if ok and age >= 0 else ""
    return out


# Array versions of some methods for their commonest spelling (issue 18: a million rows with 100,000
# distinct postal codes); the values they leave (None) go through the method itself.
BULK: dict[str, Callable[..., list[str | None]]] = {
    "departement": _bulk_departement,
    "birth_date_band": _bulk_birth_date_band,
}


def generalise_series(series: pd.Series, method: str, params: dict[str, Any] | None = None) -> pd.Series:
    """Apply a method to every cell (computed once per distinct value; "" stays ""). The result keeps the
    series' dtype family: an Arrow ``str`` column stays one (issue 18: no object column of a million
    Python strings to build and convert back)."""
    func = METHODS[method]
    extra = {k: val for k, val in (params or {}).items() if k != "method"}
    bulk = BULK.get(method)
    return map_distinct(series, lambda value: "" if value == "" else func(value, **extra),
                        bulk=(lambda values: bulk(values, **extra)) if bulk is not None else None)
