"""The national validator's extra checks, as schemas declare them in ``custom_checks``.

Same semantics as Validata: single-column checks skip absent columns and empty cells (emptiness
is ``required``'s business); multi-column checks skip rows where a compared cell is empty, except
``cohesive-columns-value`` and ``one-of-required``. Names are accepted with ``-`` or ``_``; an
unknown check is a warning. Each check works on distinct values or whole columns (vectorised).
Reference lists (Actes families, French bounding boxes) live in ``custom_checks.json``.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import phonenumbers
import pyarrow as pa
from phonenumbers import shortnumberinfo
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret

from capnum_desktop.core.io.cells import nonblank_text
from capnum_desktop.core.validation import digit_patterns
from capnum_desktop.core.validation.cells import to_arrow
from capnum_desktop.core.validation.opening_hours import is_valid_opening_hours
from capnum_desktop.core.validation.sentences import encode

DATA_FILE = Path(__file__).with_name("custom_checks.json")


@lru_cache(maxsize=1)
def knowledge() -> dict[str, Any]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def canonical_name(name: str) -> str:
    """``french_siret_value`` / ``French-SIRET-value`` / ``siret`` -> ``french-siret-value``."""
    key = str(name).strip().lower().replace("_", "-")
    return knowledge()["aliases"].get(key, key)


def _frame(rows: Any, field: str, code: str, values: Any, detail: Any, severity: str = "error") -> pd.DataFrame:
    rows = np.asarray(rows, dtype=np.int64)
    n = len(rows)
    return pd.DataFrame({
        "row": pd.array(rows, dtype="Int64"),
        "field": [field] * n,
        "code": [code] * n,
        "constraint": [""] * n,
        "value": [str(v) for v in values],
        "severity": [severity] * n,
        "detail": list(detail) if not isinstance(detail, str) else [detail] * n,
    })


def _table_level(field: str, code: str, detail: str, severity: str = "error") -> pd.DataFrame:
    return pd.DataFrame({"row": pd.array([None], dtype="Int64"), "field": [field], "code": [code],
                         "constraint": [""], "value": [""], "severity": [severity], "detail": [detail]})


def run_custom_checks(view: Any, df: pd.DataFrame, columns: list[str], *, only: set[str] | None = None,
                      stop: threading.Event | None = None) -> list[pd.DataFrame]:
    """Every declared check's errors (one frame per check); unknown checks give a warning.

    ``stop`` set (the validation that asked for them has ended): no further check is started."""
    out: list[pd.DataFrame] = []
    for check in view.custom_checks:
        if stop is not None and stop.is_set():
            break
        raw_name = str(check.get("name", ""))
        name = canonical_name(raw_name)
        params = check.get("params") or {}
        func = CHECKS.get(name)
        if func is None:
            if only is None:
                out.append(_table_level(str(params.get("column", "")), "unknown-check", encode(check=raw_name), "warning"))
            continue
        main = str(params.get("column") or params.get("column1") or "")
        if only is not None and main not in only and not (_involved(params) & only):
            continue
        part = func(df, columns, params)
        if part is not None and len(part):
            out.append(part)
    return out


def _involved(params: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for key, value in params.items():
        if key.startswith("column") or key in ("columns", "othercolumns"):
            out.update([value] if isinstance(value, str) else [str(v) for v in value or []])
    return out


def _per_value(df: pd.DataFrame, columns: list[str], params: dict[str, Any], code: str,
               verdict: Callable[[np.ndarray], tuple[np.ndarray, list[str]]] | None = None, *,
               arrow_verdict: Callable[[pa.Array], np.ndarray] | None = None) -> pd.DataFrame | None:
    """Apply ``verdict`` once to each distinct non-empty value of ``params['column']``; or ``arrow_verdict``
    (bad mask, no detail) to the non-empty values as one Arrow array, without a Python string per value
    and without finding the distinct ones first: a vectorised verdict costs less than hashing a million
    SIRETs (issue 18); what it leaves to Python per value is few and deduplicated by the verdict itself."""
    col = str(params.get("column", ""))
    if col not in columns:
        return None
    arr = to_arrow(df[col])
    rows = np.flatnonzero(nonblank_text(arr))
    if not len(rows):
        return None
    values = arr if len(rows) == len(arr) else arr.take(pa.array(rows))
    if arrow_verdict is not None:
        hit = np.flatnonzero(arrow_verdict(values))
        if not len(hit):
            return None
        return _frame(df.index.to_numpy()[rows[hit]], col, code, values.take(pa.array(hit)).to_pylist(), "")
    assert verdict is not None
    encoded = values.dictionary_encode()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    uniq = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    bad, details = verdict(uniq)
    if not bad.any():
        return None
    hit = bad[codes]
    idx = rows[hit]
    detail_arr = np.asarray(details, dtype=object)
    return _frame(df.index.to_numpy()[idx], col, code, uniq[codes[hit]], detail_arr[codes[hit]])


# ------------------------------------------------------------------------------- SIRET / SIREN

_DOUBLE = np.array([0, 2, 4, 6, 8, 1, 3, 5, 7, 9], dtype=np.uint8)


def _luhn_ok(digits: np.ndarray) -> np.ndarray:
    """Luhn over rows of a (n, k) uint8 digit matrix (rightmost digit not doubled)."""
    k = digits.shape[1]
    doubled = np.arange(k)[::-1] % 2 == 1  # every second digit from the right
    total = _DOUBLE[digits[:, doubled]].sum(axis=1, dtype=np.int32) + digits[:, ~doubled].sum(axis=1, dtype=np.int32)
    return total % 10 == 0


def _as_arrow(values: np.ndarray | pa.Array) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks()
    return values if isinstance(values, pa.Array) else pa.array(values, type=pa.string())


def _digit_matrix(arr: pa.Array, length: int) -> tuple[np.ndarray, np.ndarray]:
    """(mask of plain ASCII-digit strings of ``length``, their uint8 digit matrix), read from the Arrow
    buffer of those strings (which is their concatenation) rather than from Python strings."""
    plain = digit_patterns.matches(arr, rf"^[0-9]{{{length}}}$")
    if not plain.any():
        return plain, np.zeros((0, length), dtype=np.uint8)
    mat = digit_patterns.byte_matrix(arr.filter(pa.array(plain)), length) - np.uint8(48)
    return plain, mat


def valid_siret(values: np.ndarray | pa.Array) -> np.ndarray:
    """Vectorised ``stdnum.fr.siret.is_valid`` (tested equal); odd forms go to stdnum itself."""
    values = _as_arrow(values)
    plain, mat = _digit_matrix(values, 14)
    ok = np.zeros(len(values), dtype=bool)
    if plain.any():
        poste = (mat[:, :9] == np.array([3, 5, 6, 0, 0, 0, 0, 0, 0], dtype=np.uint8)).all(axis=1)
        head_office = (mat == np.array([3, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 8], dtype=np.uint8)).all(axis=1)
        poste &= ~head_office
        res = np.where(poste, mat.sum(axis=1, dtype=np.int32) % 5 == 0, _luhn_ok(mat))
        res &= _luhn_ok(mat[:, :9])
        ok[plain] = res
    _odd_forms(values, plain, ok, std_siret.is_valid)
    return ok


def valid_siren(values: np.ndarray | pa.Array) -> np.ndarray:
    values = _as_arrow(values)
    plain, mat = _digit_matrix(values, 9)
    ok = np.zeros(len(values), dtype=bool)
    if plain.any():
        ok[plain] = _luhn_ok(mat)
    _odd_forms(values, plain, ok, std_siren.is_valid)
    return ok


def _odd_forms(values: pa.Array, plain: np.ndarray, ok: np.ndarray, is_valid: Callable[[str], bool]) -> None:
    """``ok`` of the values not written as plain digits, from stdnum itself (spaces, dots: few values)."""
    odd = np.flatnonzero(~plain)
    if len(odd):  # once per distinct form: a column may write every SIRET with spaces
        seen: dict[str | None, bool] = {}
        ok[odd] = [seen[v] if v in seen else seen.setdefault(v, bool(is_valid(v)))
                   for v in values.take(pa.array(odd)).to_pylist()]


def check_siret(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    # the code says it all (sentences.py): no detail
    return _per_value(df, columns, params, "french-siret-value", arrow_verdict=lambda values: ~valid_siret(values))


def check_siren(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    return _per_value(df, columns, params, "french-siren-value", arrow_verdict=lambda values: ~valid_siren(values))


# ---------------------------------------------------------------------------------------- phone


def valid_phone(value: str) -> bool:
    """French number (10 digits or a short number such as 115, 3949) or an international one with +."""
    text = value.strip()
    compact = re.sub(r"[\s.\-()/]", "", text)
    try:
        if compact.startswith("+") or compact.startswith("00"):
            number = phonenumbers.parse("+" + compact[2:] if compact.startswith("00") else compact, None)
            return phonenumbers.is_valid_number(number)
        if not compact.isdigit():
            return False
        if len(compact) == 10:
            return compact.startswith("0") and phonenumbers.is_valid_number(phonenumbers.parse(compact, "FR"))
        # a 9-digit number is a French number that lost its leading 0 (Excel): not valid
        return len(compact) <= 6 and shortnumberinfo.is_valid_short_number(phonenumbers.parse(compact, "FR"))
    except phonenumbers.NumberParseException:
        return False


def check_phone(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    def verdict(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
        bad = np.array([not valid_phone(v) for v in values], dtype=bool)
        return bad, [""] * len(values)
    return _per_value(df, columns, params, "phone-number-value", verdict)


# ------------------------------------------------------------------------------------------ GPS


def _parse_point(value: str) -> tuple[float, float] | None:
    text = value.strip()
    try:
        if text.startswith("{"):
            obj = json.loads(text)
            return float(obj["lon"]), float(obj["lat"])
        if text.startswith("["):
            lon, lat = json.loads(text)
            return float(lon), float(lat)
        lon, lat = text.split(",")
        return float(lon), float(lat)
    except (ValueError, KeyError, TypeError):
        return None


def _in_france(lon: float, lat: float) -> bool:
    for name, box in knowledge()["france_boxes"].items():
        if name.startswith("_"):
            continue
        if box[0] <= lon <= box[2] and box[1] <= lat <= box[3]:
            return True
    return False


def check_gps(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    col = str(params.get("column", ""))
    if col not in columns:
        return None
    codes, uniques = pd.factorize(df[col])
    uniq = np.asarray(uniques, dtype=object)
    verdict = np.zeros(len(uniq), dtype=np.int8)  # 0 ok, 1 outside, 2 swapped
    for i, v in enumerate(uniq):
        if not isinstance(v, str) or not v.strip():
            continue
        point = _parse_point(v)
        if point is None:
            continue  # a malformed point is the type check's error
        lon, lat = point
        if _in_france(lon, lat):
            continue
        verdict[i] = 2 if _in_france(lat, lon) else 1
    parts = []
    index = df.index.to_numpy()
    for level, code in ((1, "french-gps-coordinates"), (2, "reversed-french-gps-coordinates")):
        bad = np.zeros(len(codes), dtype=bool)
        ok = codes >= 0
        bad[ok] = verdict[codes[ok]] == level
        if bad.any():
            idx = np.flatnonzero(bad)
            parts.append(_frame(index[idx], col, code, uniq[codes[idx]], ""))
    return pd.concat(parts, ignore_index=True) if parts else None


# ----------------------------------------------------------------------------------------- years


def _year_interval_problem(value: str, allow_year_only: bool) -> str | None:
    text = value.strip()
    if re.fullmatch(r"\d{4}", text):
        return None if allow_year_only else encode(problem="single-year")
    m = re.fullmatch(r"(\d{4})/(\d{4})", text)
    if not m:
        return encode(problem="form-or-year" if allow_year_only else "form")
    if int(m.group(1)) >= int(m.group(2)):
        return encode(problem="order")
    return None


def check_year_interval(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    allow = str(params.get("allow-year-only", params.get("allow_year_only", "no"))).lower() in ("yes", "true", "oui", "1")

    def verdict(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
        problems = [_year_interval_problem(v, allow) for v in values]
        return np.array([p is not None for p in problems], dtype=bool), [p or "" for p in problems]
    return _per_value(df, columns, params, "year-interval-value", verdict)


def check_year(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    def verdict(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
        bad = np.array([not re.fullmatch(r"\d{4}", v.strip()) for v in values], dtype=bool)
        return bad, [""] * len(values)
    return _per_value(df, columns, params, "year-value", verdict)


# --------------------------------------------------------------------------------- opening hours


def check_opening_hours(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    def verdict(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
        bad = np.array([not is_valid_opening_hours(v) for v in values], dtype=bool)
        return bad, [""] * len(values)
    return _per_value(df, columns, params, "opening-hours-value", verdict)


# ------------------------------------------------------------------------------ Actes nomenclature


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def _actes_problem(value: str) -> str | None:
    if "/" not in value:
        return encode(problem="separator")
    head, _, tail = value.partition("/")
    if head != head.rstrip() or tail != tail.lstrip():
        return encode(problem="spaces")
    families = {_fold(f) for f in knowledge()["actes_families"]}
    if _fold(head.strip()) not in families:
        return encode(problem="family")
    return None


def check_actes(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    def verdict(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
        problems = [_actes_problem(v) for v in values]
        return np.array([p is not None for p in problems], dtype=bool), [p or "" for p in problems]
    return _per_value(df, columns, params, "nomenclature-actes-value", verdict)


# ---------------------------------------------------------------------------- multi-column checks


def _number(value: str) -> Decimal | None:
    try:
        d = Decimal(value.strip())
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


_OPS: dict[str, Callable[[Any, Any], bool]] = {
    ">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "==": lambda a, b: a == b,
    "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
}


def _partly_absent(check: str, wanted: list[str], columns: list[str]) -> pd.DataFrame | None:
    """Validata's ``check-error`` when some, not all, of the columns a check compares are absent.

    With every one of them absent the check does not apply (no error); with some absent it cannot
    be made, and the national validator rejects the file.
    """
    absent = [c for c in wanted if c not in columns]
    if not absent or len(absent) == len(wanted):
        return None
    return _table_level(absent[0], "check-error", encode(check=check, absent=absent))


def check_compare(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    a, b, op = str(params.get("column", "")), str(params.get("column2", "")), str(params.get("op", ""))
    partly = _partly_absent("compare-columns-value", [a, b], columns)
    if partly is not None:
        return partly
    if a not in columns or b not in columns or op not in _OPS:
        return None
    pair = df[[a, b]]
    filled = (pair[a].str.strip() != "") & (pair[b].str.strip() != "")
    sub = pair[filled.to_numpy()]
    if sub.empty:
        return None
    compare = _OPS[op]
    cache: dict[tuple[str, str], bool] = {}
    bad = np.zeros(len(sub), dtype=bool)
    for i, (x, y) in enumerate(zip(sub[a].to_numpy(dtype=object), sub[b].to_numpy(dtype=object), strict=True)):
        key = (x, y)
        if key not in cache:
            nx, ny = _number(x), _number(y)
            cache[key] = not (compare(nx, ny) if nx is not None and ny is not None else compare(x, y))
        bad[i] = cache[key]
    if not bad.any():
        return None
    idx = np.flatnonzero(bad)
    values = sub[a].iloc[idx].to_numpy(dtype=object)
    others = sub[b].iloc[idx].to_numpy(dtype=object)
    return _frame(sub.index.to_numpy()[idx], a, "compare-columns-value", values,
                  [encode(column=a, op=op, column2=b, other=o) for o in others])


def check_sum(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    total = str(params.get("column", ""))
    parts = [str(c) for c in params.get("columns", []) or []]
    partly = _partly_absent("sum-columns-value", [total, *parts], columns)
    if partly is not None:
        return partly
    if total not in columns or not parts or any(p not in columns for p in parts):
        return None
    cols = [total, *parts]
    sub = df[cols]
    filled = np.logical_and.reduce([(sub[c].str.strip() != "").to_numpy() for c in cols])
    sub = sub[filled]
    if sub.empty:
        return None
    nums = sub.apply(lambda s: pd.to_numeric(s.str.strip(), errors="coerce"))
    ok_numbers = nums.notna().all(axis=1).to_numpy()
    bad = ok_numbers & (nums[total].to_numpy() != nums[parts].sum(axis=1).to_numpy())
    if not bad.any():
        return None
    idx = np.flatnonzero(bad)
    detail = encode(column=total, columns=parts)
    return _frame(sub.index.to_numpy()[idx], total, "sum-columns-value", sub[total].iloc[idx].to_numpy(dtype=object), detail)


def check_cohesive(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    first = str(params.get("column", ""))
    others = [str(c) for c in params.get("othercolumns", []) or []]
    partly = _partly_absent("cohesive-columns-value", [first, *others], columns)
    if partly is not None:
        return partly
    cols = [c for c in [first, *others] if c in columns]
    if first not in columns or len(cols) < 2:
        return None
    filled = np.column_stack([(df[c].str.strip() != "").to_numpy() for c in cols])
    bad = filled.any(axis=1) & ~filled.all(axis=1)
    if not bad.any():
        return None
    idx = np.flatnonzero(bad)
    detail = encode(columns=cols)
    return _frame(df.index.to_numpy()[idx], first, "cohesive-columns-value", df[first].iloc[idx].to_numpy(dtype=object), detail)


def check_one_of_required(df: pd.DataFrame, columns: list[str], params: dict[str, Any]) -> pd.DataFrame | None:
    a, b = str(params.get("column1", "")), str(params.get("column2", ""))
    has_a, has_b = a in columns, b in columns
    if not has_a and not has_b:
        return _table_level(a, "one-of-required", encode(column1=a, column2=b, absent=True))
    fa = (df[a].str.strip() != "").to_numpy() if has_a else np.zeros(len(df), dtype=bool)
    fb = (df[b].str.strip() != "").to_numpy() if has_b else np.zeros(len(df), dtype=bool)
    bad = ~fa & ~fb
    if not bad.any():
        return None
    idx = np.flatnonzero(bad)
    detail = encode(column1=a, column2=b)
    return _frame(df.index.to_numpy()[idx], a, "one-of-required", [""] * len(idx), detail)


CHECKS: dict[str, Callable[[pd.DataFrame, list[str], dict[str, Any]], pd.DataFrame | None]] = {
    "french-siret-value": check_siret,
    "french-siren-value": check_siren,
    "phone-number-value": check_phone,
    "french-gps-coordinates": check_gps,
    "year-interval-value": check_year_interval,
    "year-value": check_year,
    "opening-hours-value": check_opening_hours,
    "nomenclature-actes-value": check_actes,
    "compare-columns-value": check_compare,
    "sum-columns-value": check_sum,
    "cohesive-columns-value": check_cohesive,
    "one-of-required": check_one_of_required,
}
