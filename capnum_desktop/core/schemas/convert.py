"""Convert text cells to a Table Schema field's canonical text, accepting the French ways of writing.

Input: ``12,5``, ``1 234,56 €``, ``1.234,56``, ``12 %``, ``15/03/2024``, ``15-03-24``, ``15 mars 2024``,
Excel ISO date-times, ``oui/non``, ``vrai/faux``, ``O/N``, ``X``, non-breaking spaces. Output: ISO dates,
``.`` decimals, ``true/false`` (or the field's own true/false words when it declares them), the exact enum
spelling. A value that cannot be converted keeps its original text and is flagged, never blanked.

Work is done once per distinct value (``pd.factorize``) with pandas string operations, so a column of
1M rows costs what its distinct values cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from capnum_desktop.core.io.cells import value_bytes
from capnum_desktop.core.schemas import identifiers
from capnum_desktop.core.schemas.text import SPACES, fold, fold_value

OK = ""
REPAIRED_PREFIX = "repaired:"

TRUE_WORDS = {"true", "vrai", "oui", "o", "y", "yes", "1", "x", "ok", "v"}
FALSE_WORDS = {"false", "faux", "non", "n", "no", "0"}
DEFAULT_TRUE = ["true", "True", "TRUE", "1"]
DEFAULT_FALSE = ["false", "False", "FALSE", "0"]

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "mar": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}  # fmt: skip

_TIME = (
    r"(?:[T ]+(?P<H>\d{1,2})[:hH](?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
DATE_PATTERNS = [
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _TIME + "$", re.I),
    re.compile(r"^(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})" + _TIME + "$", re.I),
    re.compile(
        r"^(?:[a-z]+\.?,?\s+)?(?P<d>\d{1,2})(?:er)?\s+(?P<mon>[a-z]+)\.?\s+(?P<y>\d{4}|\d{2})" + _TIME + "$",
        re.I,
    ),
    re.compile(r"^(?P<y>(?:1[89]|2[01])\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)$"),
]
_NUM_PLAIN = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
_NUM_COMMA_DEC = r"^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$"
_NUM_DOT_THOUSANDS = r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d*)?$"
_NUM_COMMA_THOUSANDS = r"^[+-]?\d{1,3}(?:,\d{3})+\.\d+$|^[+-]?\d{1,3}(?:,\d{3}){2,}$"
_ODD_SPACES = "[" + SPACES + "]"
STRING = "string[pyarrow]"  # Arrow-backed text: pandas' str methods then run in C++ (RE2), not per cell
TEXT = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' own ``str``: what conformed columns hold, as read
_CURRENCY = r"(?i)^(?:€|eur|euros?|\$)|(?:€|eur|euros?|\$|k€)$"


@dataclass(frozen=True)
class Converted:
    """Result of converting one column: values (bad cells unchanged), a status per cell, enum suggestions."""

    values: pd.Series
    status: pd.Series  # "" ok / unchanged, an error code, or "repaired:<code>" (categorical)
    suggestions: dict[str, str] = field(default_factory=dict)  # original value -> closest allowed value
    bad: pd.Series = field(default_factory=lambda: pd.Series(dtype=bool))  # could not be converted
    repaired: pd.Series = field(default_factory=lambda: pd.Series(dtype=bool))  # changed beyond formatting


def convert_column(values: pd.Series, field: dict[str, Any], **options: Any) -> tuple[pd.Series, pd.Series]:
    """Convert a text column to ``field``'s canonical text; returns ``(converted, bad_mask)``.

    Reusable as a bulk fix ("apply this conversion to the column"); the index is kept.
    """
    result = convert_values(values, field, **options)
    return result.values, result.bad


def convert_values(
    values: pd.Series,
    field: dict[str, Any],
    *,
    missing_values: tuple[str, ...] | list[str] = ("",),
    checks: tuple[str, ...] = (),
) -> Converted:
    """Full conversion result for one column (see :class:`Converted`).

    ``missing_values`` are the schema's empty tokens (they become ``""``); ``checks`` the names of the
    custom checks that apply to this field (``french-siret-value`` marks a SIRET column).
    """
    quick = _whole_column(values, field, tuple(missing_values), checks)
    if quick is not None:
        return quick
    if isinstance(values.dtype, pd.StringDtype):  # text already: stays in Arrow (no Python string per cell)
        codes, uniques = pd.factorize(values.fillna(""), sort=False)
        uniq = pd.Series(uniques).astype(STRING)
    else:
        text = values.astype(object).where(values.notna(), "").astype(str)
        codes, uniques = pd.factorize(text, sort=False)
        uniq = pd.Series(uniques, dtype=object).astype(STRING)
    out, status, suggestions = _convert_uniques(uniq, field, tuple(missing_values), checks)
    status_cat = pd.Categorical(status.to_numpy(dtype=object))
    bad_u, repaired_u = _is_bad(status), _is_repaired(status)
    index, name = values.index, values.name
    if len(codes) == 0:
        empty = pd.Series([], index=index, dtype=TEXT)
        no = pd.Series([], index=index, dtype=bool)
        return Converted(empty, pd.Series([], index=index, dtype=object), suggestions, no, no.copy())
    return Converted(
        pd.Series(_arrow_text(out).take(codes), index=index, name=name),
        pd.Series(
            pd.Categorical.from_codes(status_cat.codes[codes], status_cat.categories), index=index, name=name
        ),
        suggestions,
        pd.Series(bad_u[codes], index=index, name=name),
        pd.Series(repaired_u[codes], index=index, name=name),
    )


_COMMA_DECIMAL = r"-?\d+,\d+"  # 12,5: what _number_text turns into 12.5 and nothing else


def _whole_column(
    values: pd.Series, field: dict[str, Any], missing: tuple[str, ...], checks: tuple[str, ...]
) -> Converted | None:
    """The result without per-value work when it is plain: a text field with no list of allowed values and
    no identifier to repair (cells are only trimmed; identifiers all in a shape no repair touches, see
    :data:`_UNTOUCHED`), or numbers all written canonically (or ``12,5``).

    ``None`` when the column needs the full conversion; the result is the one the full conversion gives
    (tests/core/schemas/test_convert_speed.py compares them).
    """
    kind = field.get("type", "string") or "string"
    if not len(values) or not isinstance(values.dtype, pd.StringDtype) or (field.get("constraints") or {}).get("enum"):
        return None
    shape = None
    if kind == "string":
        identifier = identifiers.identifier_kind(field, checks)
        if identifier:
            shape = _UNTOUCHED.get(identifier)
            if shape is None:
                return None
    elif kind not in _CANONICAL:
        return None
    trimmed = _trim(values.fillna("").astype(STRING))
    empty = (trimmed == "") | trimmed.isin([m for m in missing if m])
    if shape is not None and not (empty | trimmed.str.fullmatch(shape)).all():
        return None
    if kind != "string":
        ready = empty | trimmed.str.fullmatch(_CANONICAL[kind])
        if kind == "number" and not ready.all():
            comma = ~ready & trimmed.str.fullmatch(_COMMA_DECIMAL)
            if comma.any():
                trimmed = trimmed.where(~comma, trimmed.str.replace(",", ".", regex=False))
                ready |= comma
        if not ready.all():
            return None
    cells = trimmed.where(~empty, "").astype(TEXT)  # stays in Arrow: no Python string per row (issue 18)
    index, name = values.index, values.name
    categories = pd.Categorical(np.array([OK], dtype=object)).categories
    no = np.zeros(len(values), dtype=bool)
    return Converted(
        pd.Series(cells.array, index=index, name=name),
        pd.Series(pd.Categorical.from_codes(np.zeros(len(values), dtype=np.int8), categories), index=index, name=name),
        {},
        pd.Series(no, index=index, name=name),
        pd.Series(no.copy(), index=index, name=name),
    )


def _convert_uniques(
    raw: pd.Series, field: dict[str, Any], missing: tuple[str, ...], checks: tuple[str, ...]
) -> tuple[pd.Series, pd.Series, dict[str, str]]:
    trimmed = _trim(raw)
    empty = (trimmed == "") | trimmed.isin([m for m in missing if m])
    out = raw.copy()
    out[empty] = ""
    status = pd.Series(OK, index=raw.index, dtype=object)
    todo = ~empty
    if not todo.any():
        return out, status, {}
    kind = field.get("type", "string") or "string"
    converter = _CONVERTERS.get(kind, _as_string)
    canonical = _CANONICAL.get(kind)
    pending = todo
    if canonical is not None:  # already written as the field wants (most cells of a clean file): kept as is
        ready = todo & trimmed.str.fullmatch(canonical).fillna(False).astype(bool)
        out[ready] = trimmed[ready]
        pending = todo & ~ready
    if pending.any():
        conv, ok = converter(trimmed[pending], field)
        conv = conv.astype(object)
        ok = ok.astype(bool)
        good_index = conv.index[ok.to_numpy()]
        out.loc[good_index] = conv[ok]
        bad_index = conv.index[~ok.to_numpy()]
        status.loc[bad_index] = f"type-{kind}"
    suggestions: dict[str, str] = {}
    if kind == "string":
        _repair_identifiers(raw, out, status, field, checks)
    if kind == "string" and identifiers.identifier_kind(field, checks):
        sci = todo & trimmed.str.match(identifiers.SCIENTIFIC) & (status == OK)
        status[sci] = "identifier-scientific"
    enum = (field.get("constraints") or {}).get("enum")
    if enum:
        _match_enum(out, status, enum, todo, suggestions, raw)
    # a bad cell keeps its original text (never blanked, never half-converted)
    bad = _is_bad(status)
    out[bad] = raw[bad]
    return out, status, suggestions


# Identifiers written so that no repair applies to them: all digits of the right length (a wrong Luhn key
# or an unknown postal code is validation's to say, not a repair), an INSEE code's shape; Arrow's RE2 ``\d``
# would be ASCII too, spelled out here (tests/core/schemas/test_convert_speed.py)
_UNTOUCHED = {
    identifiers.SIRET: r"[0-9]{14}",
    identifiers.SIREN: r"[0-9]{9}",
    identifiers.CODE_POSTAL: r"[0-9]{5}",
    identifiers.CODE_INSEE: r"[0-9]{5}|2[AB][0-9]{3}",
}

# Writings every converter returns unchanged (proven by tests/core/schemas/test_convert_speed.py)
_CANONICAL = {
    "integer": r"0|-?[1-9]\d*",
    "number": r"-?\d+(?:\.\d+)?",
}


def _arrow_text(values: pd.Series) -> Any:
    """``values`` as an Arrow-backed ``str`` array (a taken copy then stays in Arrow, one buffer per column)."""
    return values.astype(TEXT).array


def _is_repaired(status: pd.Series) -> np.ndarray:
    cat = pd.Categorical(status.to_numpy(dtype=object))
    return np.asarray(pd.Index(cat.categories, dtype=object).str.startswith(REPAIRED_PREFIX))[cat.codes]


def _is_bad(status: pd.Series) -> np.ndarray:
    return np.asarray(status.to_numpy(dtype=object) != OK) & ~_is_repaired(status)


def _trim(s: pd.Series) -> pd.Series:
    if not _may_hold_odd_spaces(s):  # most columns: the regex replacement would change nothing (issue 18)
        return s.str.strip()
    return s.str.replace(_ODD_SPACES, " ", regex=True).str.strip()


def _may_hold_odd_spaces(s: pd.Series) -> bool:
    """False only when no cell of an Arrow-backed column holds one of :data:`SPACES`: their UTF-8 bytes are
    looked for in the column's data buffers with numpy (~10x quicker than the regex replacement it saves on
    a million cells). True for any other column, or when a cell's bytes hold one.
    Not core.io.cells._in_buffers' search: for these seven texts it costs 0.33 s instead of 0.05 s over the
    12 columns of the 1M-row bench file, and numpy's comparisons release the GIL (the window stays live)."""
    backing = getattr(s.array, "_pa_array", None)
    if backing is None:
        return True
    for chunk in getattr(backing, "chunks", [backing]):
        view = value_bytes(chunk)
        if view is None or (len(view) and _holds_odd_space(np.frombuffer(view, np.uint8))):
            return True
    return False


_ODD_SPACE_BYTES = tuple(c.encode("utf-8") for c in SPACES)


def _holds_odd_space(data: np.ndarray) -> bool:
    """Whether the UTF-8 bytes ``data`` hold one of :data:`SPACES` (each is found by its first byte, then
    its following bytes are compared at those places only)."""
    for lead in {b[0] for b in _ODD_SPACE_BYTES}:
        at = np.flatnonzero(data == lead)
        if not len(at):
            continue
        for encoded in (b for b in _ODD_SPACE_BYTES if b[0] == lead):
            hits = at[at + len(encoded) <= len(data)]
            for offset in range(1, len(encoded)):
                hits = hits[data[hits + offset] == encoded[offset]]
            if len(hits):
                return True
    return False


# ---------------------------------------------------------------------------------------------- types


def _as_string(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    return s, pd.Series(True, index=s.index)


def _number_text(s: pd.Series, *, integer: bool) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Normalise French-written numbers; returns (text with '.' decimals, matched mask, percent mask)."""
    t = s.str.replace("\u2212", "-", regex=False)
    for separator in (" ", "\t", "'", "’"):  # thousands separators (odd spaces were made plain by _trim)
        t = t.str.replace(separator, "", regex=False)
    pct = t.str.endswith("%")
    t = t.str.rstrip("%").str.replace(_CURRENCY, "", regex=True)
    result = pd.Series("", index=s.index, dtype=STRING)
    matched = pd.Series(False, index=s.index)
    plain = t.str.match(_NUM_PLAIN)
    if integer:  # "1.234" in an integer column is a thousands separator, not a decimal point
        dot_thousands = t.str.match(_NUM_DOT_THOUSANDS) & ~t.str.contains(",", regex=False)
        plain &= ~dot_thousands
    result[plain] = t[plain]
    matched |= plain
    comma = ~matched & t.str.match(_NUM_COMMA_DEC)
    result[comma] = t[comma].str.replace(",", ".", regex=False)
    matched |= comma
    dots = ~matched & t.str.match(_NUM_DOT_THOUSANDS)
    result[dots] = t[dots].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    matched |= dots
    commas = ~matched & t.str.match(_NUM_COMMA_THOUSANDS)
    result[commas] = t[commas].str.replace(",", "", regex=False)
    matched |= commas
    result = result.str.replace(r"^\+", "", regex=True).str.replace(r"\.$", "", regex=True)
    result = result.str.replace(r"^\.", "0.", regex=True).str.replace(r"^-\.", "-0.", regex=True)
    special = ~matched & t.isin(["NaN", "INF", "-INF"])
    result[special] = t[special]
    matched |= special
    return result, matched, pct & matched


def _as_number(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    text, ok, pct = _number_text(s, integer=False)
    if pct.any():
        text[pct] = [_percent(v) for v in text[pct]]
    return text, ok


def _percent(value: str) -> str:
    try:
        return format(Decimal(value).scaleb(-2), "f")
    except InvalidOperation:
        return value


def _as_integer(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    text, ok, pct = _number_text(s, integer=True)
    ok &= ~pct
    whole = text.str.match(r"^-?\d+(?:\.0*)?$") & ok
    digits = text[whole].str.replace(r"\.0*$", "", regex=True)
    neg = digits.str.startswith("-")
    body = digits.str.lstrip("-").str.lstrip("0").replace("", "0")
    text[whole] = np.where(neg & (body != "0"), "-" + body, body)
    return text, whole


def _bool_words(field: dict[str, Any]) -> tuple[list[str], list[str]]:
    return list(field.get("trueValues") or DEFAULT_TRUE), list(field.get("falseValues") or DEFAULT_FALSE)


def _as_boolean(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    true_values, false_values = _bool_words(field)
    true_out = "true" if "true" in true_values else true_values[0]
    false_out = "false" if "false" in false_values else false_values[0]
    folded = s.map(fold_value)
    own_true = {fold_value(v) for v in true_values}
    own_false = {fold_value(v) for v in false_values}
    is_true = folded.isin(TRUE_WORDS | own_true)
    is_false = folded.isin(FALSE_WORDS | own_false) & ~is_true
    out = pd.Series(
        np.where(is_true, true_out, np.where(is_false, false_out, s)), index=s.index, dtype=object
    )
    return out, is_true | is_false


def parse_dates(s: pd.Series) -> pd.DataFrame:
    """Columns y, m, d (floats, NaN when not a date) and H, M, S, tz extracted from French/ISO writings."""
    folded = s.map(fold_value)
    parts = pd.DataFrame(index=s.index, columns=["y", "m", "d", "H", "M", "S", "tz"], dtype=object)
    left = pd.Series(True, index=s.index)
    for pattern in DATE_PATTERNS:
        if not left.any():
            break
        found = folded[left].str.extract(pattern)
        hit = found.notna().any(axis=1) & found["y"].notna()
        if not hit.any():
            continue
        found = found[hit]
        if "mon" in found:
            found["m"] = found.pop("mon").map(MONTHS)
        for col in parts.columns:
            if col in found:
                parts.loc[found.index, col] = found[col]
        left[found.index] = False
    y = pd.to_numeric(parts["y"], errors="coerce")
    y = y.where(y >= 100, y)
    short = y < 100
    y[short] = np.where(y[short] <= 68, 2000 + y[short], 1900 + y[short])
    parts["y"] = y
    parts["m"] = pd.to_numeric(parts["m"], errors="coerce")
    parts["d"] = pd.to_numeric(parts["d"], errors="coerce")
    stamp = pd.to_datetime(
        pd.DataFrame({"year": parts["y"], "month": parts["m"], "day": parts["d"]}), errors="coerce"
    )
    invalid = stamp.isna()
    parts.loc[invalid, ["y", "m", "d"]] = np.nan
    return parts


def _iso_date(parts: pd.DataFrame) -> pd.Series:
    y = parts["y"].fillna(0).astype(int).astype(str).str.zfill(4)
    m = parts["m"].fillna(0).astype(int).astype(str).str.zfill(2)
    d = parts["d"].fillna(0).astype(int).astype(str).str.zfill(2)
    return y + "-" + m + "-" + d


def _as_date(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    parts = parse_dates(s)
    ok = parts["y"].notna()
    out = s.copy()
    fmt = str(field.get("format") or "default")
    if fmt == "%Y":  # a year typed as a date (CNIG Sites économiques): « 2015 » is the value itself
        year = s.str.fullmatch(r"\d{4}").fillna(False).astype(bool)
        ok = ok | year
        if year.any():
            out[year] = s[year]
        if not (ok & ~year).any():
            return out, ok
        iso = _iso_date(parts[ok & ~year])
        out[ok & ~year] = pd.to_datetime(iso, format="%Y-%m-%d").dt.strftime(fmt)
        return out, ok
    if not ok.any():
        return out, ok
    iso = _iso_date(parts[ok])
    if fmt.startswith("%") and fmt != "%Y-%m-%d":
        iso = pd.to_datetime(iso, format="%Y-%m-%d").dt.strftime(fmt)
    out[ok] = iso
    return out, ok


def _as_datetime(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    parts = parse_dates(s)
    ok = parts["y"].notna()
    hours = pd.to_numeric(parts["H"], errors="coerce").fillna(0)
    minutes = pd.to_numeric(parts["M"], errors="coerce").fillna(0)
    seconds = pd.to_numeric(parts["S"], errors="coerce").fillna(0)
    ok &= (hours < 24) & (minutes < 60) & (seconds < 60)
    out = s.copy()
    if not ok.any():
        return out, ok
    tz = parts["tz"].fillna("").astype(str).str.upper()
    tz = tz.where(~tz.str.match(r"^[+-]\d{4}$"), tz.str[:3] + ":" + tz.str[3:])
    clock = (
        hours.astype(int).astype(str).str.zfill(2)
        + ":"
        + minutes.astype(int).astype(str).str.zfill(2)
        + ":"
        + seconds.astype(int).astype(str).str.zfill(2)
    )
    text = _iso_date(parts[ok]) + "T" + clock[ok] + tz[ok]
    fmt = str(field.get("format") or "default")
    if fmt.startswith("%"):
        text = (
            pd.to_datetime(text, errors="coerce", utc=False, format="ISO8601").dt.strftime(fmt).fillna(s[ok])
        )
    out[ok] = text
    return out, ok


def _as_year(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    t = s.str.replace(r"^(-?\d{1,4})(?:[.,]0+)?$", r"\1", regex=True)
    ok = t.str.match(r"^-?\d{1,4}$")
    return t.where(ok, s), ok


def _as_yearmonth(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    iso = s.str.extract(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})$")
    fr = s.str.extract(r"^(?P<m>\d{1,2})[-/.](?P<y>\d{4})$")
    y = iso["y"].fillna(fr["y"])
    m = pd.to_numeric(iso["m"].fillna(fr["m"]), errors="coerce")
    ok = y.notna() & m.between(1, 12)
    out = s.copy()
    out[ok] = y[ok] + "-" + m[ok].astype(int).astype(str).str.zfill(2)
    return out, ok


def _as_time(s: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    found = s.str.extract(r"^(?P<H>\d{1,2})\s*[:hH]\s*(?P<M>\d{2})?(?::(?P<S>\d{2}))?$")
    h = pd.to_numeric(found["H"], errors="coerce")
    m = pd.to_numeric(found["M"], errors="coerce").fillna(0)
    sec = pd.to_numeric(found["S"], errors="coerce").fillna(0)
    ok = h.notna() & (h < 24) & (m < 60) & (sec < 60)
    out = s.copy()
    out[ok] = (
        h[ok].astype(int).astype(str).str.zfill(2)
        + ":"
        + m[ok].astype(int).astype(str).str.zfill(2)
        + ":"
        + sec[ok].astype(int).astype(str).str.zfill(2)
    )
    return out, ok


_CONVERTERS = {
    "string": _as_string,
    "number": _as_number,
    "integer": _as_integer,
    "boolean": _as_boolean,
    "date": _as_date,
    "datetime": _as_datetime,
    "year": _as_year,
    "yearmonth": _as_yearmonth,
    "time": _as_time,
}


# ------------------------------------------------------------------------------ identifiers and enums


def _repair_identifiers(
    raw: pd.Series, out: pd.Series, status: pd.Series, field: dict[str, Any], checks: tuple[str, ...]
) -> None:
    kind = identifiers.identifier_kind(field, checks)
    if kind is None:
        return
    size = identifiers.LENGTH[kind]
    current = out.astype(str)
    plain_ok = (
        current.str.fullmatch(rf"\d{{{size}}}") if kind in (identifiers.SIRET, identifiers.SIREN) else None
    )
    candidates = current != ""
    if plain_ok is not None:
        candidates &= ~plain_ok
    if kind == identifiers.CODE_INSEE:
        candidates &= ~current.str.fullmatch(_INSEE_SHAPE)  # well-formed codes: the list is not even read
    mask = candidates.to_numpy()
    labels, new_values, codes = [], [], []
    for idx, value in zip(current.index[mask], current.to_numpy(dtype=object)[mask], strict=True):
        new, code = identifiers.repair(kind, value)
        if kind == identifiers.CODE_INSEE:
            new, code = _repair_commune(value, new, code)
        if code:
            labels.append(idx)
            new_values.append(new)
            codes.append(f"{REPAIRED_PREFIX}{code}")
    if labels:  # one assignment per column, not one per cell
        out.loc[labels] = new_values
        status.loc[labels] = codes


_INSEE_SHAPE = r"\d{5}|2[AB]\d{3}"
_LETTER = re.compile(r"[^\W\d_]")


def _repair_commune(value: str, new: str, code: str) -> tuple[str, str]:
    """An INSEE code repair checked against the official list; a commune name becomes its code when unique.

    ``1053`` -> ``01053`` only because 01053 is a commune (a padded code that names no commune is left
    alone); ``Bourg-en-Bresse`` -> ``01053`` only when a single current commune has that name (a name
    shared by several communes, like Saint-Denis, stays as written and is flagged by validation).
    """
    from capnum_desktop.core.reference import communes  # lazy: the list is read on first need only

    if code:
        return (new, code) if communes.is_commune_code(new) else (value, "")
    if _LETTER.search(value):
        found = communes.code_for_name(value)
        if found is not None:
            return found, "commune-name"
    return value, ""


def _match_enum(
    out: pd.Series,
    status: pd.Series,
    enum: list[Any],
    todo: pd.Series,
    suggestions: dict[str, str],
    raw: pd.Series,
) -> None:
    allowed = [str(v) for v in enum]
    exact = set(allowed)
    by_fold: dict[str, str] = {}
    by_loose: dict[str, str] = {}
    for value in allowed:
        by_fold.setdefault(fold_value(value), value)
        by_loose.setdefault(fold(value), value)
    loose_keys = list(by_loose)
    for idx in out.index[(todo.to_numpy() & (status == OK).to_numpy()) | _is_repaired(status)]:
        value = str(out[idx])
        if value == "" or value in exact:
            continue
        match = by_fold.get(fold_value(value)) or by_loose.get(fold(value))
        if match is not None:
            out[idx] = match
            continue
        status[idx] = "enum"
        best = process.extractOne(fold(value), loose_keys, scorer=fuzz.WRatio, score_cutoff=75)
        if best is not None:
            suggestions[str(raw[idx])] = by_loose[best[0]]
