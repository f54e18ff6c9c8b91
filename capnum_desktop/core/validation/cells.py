"""Cell checks (type, format, constraints) equal to frictionless', fast on a million rows.

Equality by construction: a cell's verdict depends only on its text, so we check each *distinct*
value once with frictionless' own cell reader (``Field.create_cell_reader``). When a column has
many distinct values, a vectorised fast path decides the values that are certainly valid in the
canonical form (``123``, ``12.5``, ``2024-03-15T10:00:00``, plain e-mails…) and only the rest go
through frictionless' reader. The fast paths accept a strict subset of what frictionless accepts
and give the same typed value, so results stay equal (tests compare with frictionless itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from capnum_desktop.core.validation import digit_patterns
from capnum_desktop.core.validation.iso_datetime import iso_seconds

# Below this many distinct values, frictionless' reader on each one is already fast enough.
SLOW_PATH_MAX_UNIQUES = 5000

CONSTRAINT_ORDER = ("required", "minLength", "maxLength", "pattern", "minimum", "maximum",
                    "exclusiveMinimum", "exclusiveMaximum", "enum")


@dataclass
class FieldResult:
    """Verdicts for one column: per-row error masks and per-row typed keys for unique/primary key."""

    type_error: np.ndarray  # bool per row
    constraint_errors: dict[str, np.ndarray]  # constraint name -> bool per row
    missing: np.ndarray  # bool per row: cell is a missing value (None once read)
    group: np.ndarray | None  # int per row: same typed value -> same id; -1 when None
    error_rows: np.ndarray | None = None  # positions of the rows with any error, ascending
    error_texts: pa.Array | None = None  # their cells, taken where the column is already one Arrow array

    def texts_at(self, positions: np.ndarray) -> pa.Array | None:
        """The cells at ``positions`` (rows with an error), or None when not kept."""
        if self.error_rows is None or self.error_texts is None:
            return None
        return self.error_texts.take(pa.array(np.searchsorted(self.error_rows, positions)))


def to_arrow(values: pd.Series) -> pa.Array:
    """The column as an Arrow string array (zero-copy for pandas' Arrow-backed ``str``)."""
    try:
        arr = pa.array(values.array) if hasattr(values.array, "__arrow_array__") else None
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        arr = None
    if arr is None or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        cells = values.to_numpy(dtype=object)
        if pd.api.types.infer_dtype(cells, skipna=False) != "string":  # all text already: no str() per cell
            cells = values.astype(str).to_numpy(dtype=object)
        arr = pa.array(cells, type=pa.string(), from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.null_count:
        arr = pc.fill_null(arr, "")
    return arr


def check_column(values: pd.Series, fl_field: Any, *, need_groups: bool) -> FieldResult:
    """Check one column's text cells against one frictionless field."""
    n = len(values)
    arr = to_arrow(values)
    supported = [c for c in CONSTRAINT_ORDER if c in fl_field.supported_constraints and
                 fl_field.constraints.get(c) is not None]
    item = getattr(fl_field, "array_item", None) or {}
    # an array's items checked against arrayItem's constraints: frictionless notes them under the same names
    supported += [c for c in CONSTRAINT_ORDER if c not in supported and (item.get("constraints") or {}).get(c) is not None]
    type_error = np.zeros(n, dtype=bool)
    cons = {c: np.zeros(n, dtype=bool) for c in supported}
    missing = np.zeros(n, dtype=bool)
    handled = np.zeros(n, dtype=bool)
    fast_typed: np.ndarray | None = None
    if n > SLOW_PATH_MAX_UNIQUES:
        fast = _fast_path(arr, fl_field, supported, need_groups)
        if fast is not None:
            handled, f_cons, fast_typed = fast
            for c, mask in f_cons.items():
                cons[c] = mask & handled

    # The rest: each distinct value once through frictionless' own reader
    rest = np.flatnonzero(~handled)
    slow_typed: list[Any] = []
    slow_codes = np.zeros(0, dtype=np.int64)
    if len(rest):
        sub = arr if len(rest) == n else arr.take(pa.array(rest))
        encoded = sub.dictionary_encode()
        slow_codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        uniq = encoded.dictionary.to_pylist()
        reader = fl_field.create_cell_reader()
        u_type = np.zeros(len(uniq), dtype=bool)
        u_cons = {c: np.zeros(len(uniq), dtype=bool) for c in supported}
        u_missing = np.zeros(len(uniq), dtype=bool)
        for i, value in enumerate(uniq):
            typed, notes = _read(reader, fl_field, value, supported)
            is_type_error = bool(notes) and "type" in notes
            if notes:
                u_type[i] = is_type_error
                for c in notes:
                    if c in u_cons:
                        u_cons[c][i] = True
            if typed is None and not is_type_error:
                u_missing[i] = True
            slow_typed.append(typed)
        type_error[rest] = u_type[slow_codes]
        missing[rest] = u_missing[slow_codes]
        for c in supported:
            cons[c][rest] = u_cons[c][slow_codes]

    group = None
    if need_groups:
        group = _groups(n, arr, handled, fast_typed, rest, slow_codes, slow_typed, fl_field)
    # the cells of the rows in error, taken here (on the checking thread) from the column made one Arrow array
    # above: the report's values then need no second take over the column's hundreds of chunks (each
    # would copy the whole column first)
    if values.hasnans:  # to_arrow made a missing cell "": the report writes the cell itself (« nan »)
        return FieldResult(type_error=type_error, constraint_errors=cons, missing=missing, group=group)
    wrong = type_error.copy()
    for mask in cons.values():
        wrong |= mask
    error_rows = np.flatnonzero(wrong)
    return FieldResult(type_error=type_error, constraint_errors=cons, missing=missing, group=group,
                       error_rows=error_rows, error_texts=arr.take(pa.array(error_rows)))


def _groups(n: int, arr: pa.Array, handled: np.ndarray, fast_typed: np.ndarray | None, rest: np.ndarray,
            slow_codes: np.ndarray, slow_typed: list[Any], fl_field: Any) -> np.ndarray:
    """Same id for cells whose *typed* values are equal (frictionless compares typed values)."""
    if fl_field.type == "string":
        # typed value = the text itself, or None (missing / bad format)
        valid = handled.copy()
        if len(rest):
            ok = np.array([t is not None for t in slow_typed], dtype=bool)
            valid[rest] = ok[slow_codes] if len(ok) else False
        codes = arr.dictionary_encode().indices.to_numpy(zero_copy_only=False).astype(np.int64)
        return np.where(valid, codes, -1)
    if fast_typed is not None and fast_typed.dtype == np.int64 and all(
        t is None or (type(t) is int and -(2**63) <= t < 2**63) for t in slow_typed
    ):
        keys = np.zeros(n, dtype=np.int64)
        valid = handled.copy()
        keys[handled] = fast_typed[handled]
        if len(rest):
            st = np.array([0 if t is None else t for t in slow_typed], dtype=np.int64)
            ok = np.array([t is not None for t in slow_typed], dtype=bool)
            keys[rest] = st[slow_codes] if len(st) else 0
            valid[rest] = ok[slow_codes] if len(ok) else False
        # numbered among the valid cells only: the codes then grow as first seen, which spares the duplicate
        # search a sort (engine._first_seen_order); an invalid cell's placeholder 0 would take a number first
        out = np.full(n, -1, dtype=np.int64)
        out[valid] = pd.factorize(keys[valid])[0]
        return out
    keys_obj = np.empty(n, dtype=object)
    if fast_typed is not None and handled.any():
        keys_obj[handled] = fast_typed[handled].astype(object)
    if len(rest):
        st_obj = np.empty(len(slow_typed), dtype=object)
        st_obj[:] = slow_typed
        keys_obj[rest] = st_obj[slow_codes]
    valid = np.array([k is not None for k in keys_obj], dtype=bool)
    out = np.full(n, -1, dtype=np.int64)
    if valid.any():
        codes, _ = pd.factorize(pd.Series(keys_obj[valid], dtype=object))
        out[valid] = codes
    return out


def _read(reader: Any, fl_field: Any, value: Any, supported: list[str]) -> tuple[Any, dict[str, str] | None]:
    """frictionless' verdict; where frictionless itself would crash (a time zone compared with a bound
    without one), the value is reported as breaking the bounds it cannot be compared with."""
    try:
        return reader(value)
    except (TypeError, ArithmeticError):
        typed = fl_field.create_value_reader()(value)
        notes = {c: f'constraint "{c}" is "{fl_field.constraints[c]}"' for c in supported
                 if c in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum")}
        return typed, notes or None


# ------------------------------------------------------------------------------------ fast paths

_INT_RE = r"^-?[0-9]{1,18}$"
_NUM_RE = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$"
# French accented letters are in the "extended latin" that frictionless' email validator accepts before the @
_EMAIL_RE = (
    r"^[a-z0-9_+\-àâäçéèêëîïôöùûüÿæœ]{1,30}(\.[a-z0-9_+\-àâäçéèêëîïôöùûüÿæœ]{1,30}){0,3}@"
    r"([a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?\.){1,4}[a-z]{2,12}$"
)
_PRINTABLE_ASCII = r"^[\x20-\x7e]*$"


def _fast_path(
    arr: pa.Array, fl_field: Any, supported: list[str], need_groups: bool
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray | None] | None:
    """Vectorised verdicts for the rows surely accepted by frictionless; ``None`` = no fast path.

    Returns (handled rows, constraint masks, typed values). Missing values are left to the slow
    path (they are few distinct values).
    """
    ftype, fmt = fl_field.type, fl_field.format
    n = len(arr)
    missing_values = _missing_values(fl_field)
    if missing_values == [""]:  # the usual case: an empty cell, known from its length without a hash lookup
        not_missing = np.asarray(pc.fill_null(pc.greater(pc.binary_length(arr), 0), True).to_numpy(zero_copy_only=False), dtype=bool)
    else:
        not_missing = ~pc.is_in(arr, value_set=pa.array(missing_values, type=arr.type)).to_numpy(zero_copy_only=False)
    typed: np.ndarray | None = None
    if ftype == "string" and fmt in ("default", None):
        handled = not_missing
    elif ftype == "string" and fmt == "email":
        handled = not_missing & _match(arr, _EMAIL_RE)
    elif ftype == "integer" and getattr(fl_field, "bare_number", True):
        handled = not_missing & _match(arr, _INT_RE)
        typed = np.zeros(n, dtype=np.int64)
        if handled.any():
            typed[handled] = pc.cast(arr.filter(pa.array(handled)), pa.int64()).to_numpy()
    elif ftype == "number" and _plain_number_field(fl_field):
        if need_groups:
            return None  # Decimal equality across forms: leave it to frictionless' reader
        lengths = pc.utf8_length(arr).to_numpy(zero_copy_only=False)
        handled = not_missing & _match(arr, _NUM_RE) & (lengths <= 16)
        typed = np.zeros(n, dtype=np.float64)
        if handled.any():
            typed[handled] = pc.cast(arr.filter(pa.array(handled)), pa.float64()).to_numpy()
    elif ftype == "datetime" and fmt in ("default", None):
        if need_groups or "enum" in supported:
            return None
        sure, seconds = iso_seconds(arr)
        handled = not_missing & sure
        typed = seconds.astype("datetime64[s]")
    else:
        return None

    cons: dict[str, np.ndarray] = {}
    constraints = fl_field.constraints
    for c in supported:
        if c == "required":
            cons[c] = np.zeros(n, dtype=bool)  # handled values are never missing
        elif c in ("minLength", "maxLength"):
            lengths = pc.utf8_length(arr).to_numpy(zero_copy_only=False)
            bound = int(constraints[c])
            cons[c] = lengths < bound if c == "minLength" else lengths > bound
        elif c == "pattern":
            bad = _pattern_bad(arr, str(constraints[c]), handled)
            if bad is None:
                return None
            cons[c] = bad
        elif c == "enum":
            reader = fl_field.create_value_reader()
            allowed = [reader(v) for v in constraints[c]]
            allowed = [a for a in allowed if a is not None]
            if ftype in ("string",):
                ok = pc.is_in(arr, value_set=pa.array([str(a) for a in allowed], type=arr.type))
                cons[c] = ~ok.to_numpy(zero_copy_only=False)
            elif ftype == "number":
                if not all(_short_decimal(v) for v in allowed):
                    return None
                cons[c] = ~np.isin(typed, np.array([float(v) for v in allowed], dtype=np.float64))
            else:
                cons[c] = ~np.isin(typed, np.array([int(v) for v in allowed], dtype=np.int64))
        elif c in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            bound = fl_field.create_value_reader()(constraints[c])
            if bound is None or typed is None:
                return None
            if ftype == "number":
                if not _short_decimal(bound):
                    return None
                bound = float(bound)
            elif ftype == "datetime":
                if getattr(bound, "tzinfo", None) is not None:
                    return None
                bound = np.datetime64(bound.replace(microsecond=0), "s") if not bound.microsecond else None
                if bound is None:
                    return None
            with np.errstate(invalid="ignore"):
                if c == "minimum":
                    bad = typed < bound
                elif c == "maximum":
                    bad = typed > bound
                elif c == "exclusiveMinimum":
                    bad = typed <= bound
                else:
                    bad = typed >= bound
            cons[c] = np.asarray(bad, dtype=bool)
        else:
            return None
    return handled, cons, typed


def _pattern_bad(arr: pa.Array, pattern: str, handled: np.ndarray) -> np.ndarray | None:
    """Rows whose text does not match frictionless' ``re.compile("^pat$").match``.

    RE2 (Arrow) and Python's ``re`` agree on printable-ASCII text for patterns RE2 accepts;
    other rows (accents, control characters, a trailing newline) are checked with Python's ``re``.
    """
    python_rx = re.compile(f"^{pattern}$")
    try:
        ok = digit_patterns.matches(arr, f"^(?:^{pattern}$)")
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        ok = None
    if ok is None:
        values = arr.to_pylist()
        return np.fromiter((not python_rx.match(v) for v in values), dtype=bool, count=len(values))
    ascii_rows = np.ones(len(arr), dtype=bool) if _all_printable_ascii(arr) else _match(arr, _PRINTABLE_ASCII)
    other = np.flatnonzero(~ascii_rows & handled)
    if len(other):
        values = arr.take(pa.array(other)).to_pylist()
        ok[other] = [bool(python_rx.match(v)) for v in values]
    return ~ok


def _all_printable_ascii(arr: pa.Array) -> bool:
    """Whether every byte of the array's text is printable ASCII (0x20-0x7e): one numpy pass over its data
    buffer instead of a regex over every cell. False when unsure (a buffer holding other bytes, maybe
    outside a slice); missing cells hold no bytes."""
    buffers = arr.buffers()
    if len(buffers) < 3 or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return False
    if buffers[2] is None:
        return True
    data = np.frombuffer(buffers[2], dtype=np.uint8)
    return not bool(((data < 0x20) | (data > 0x7E)).any())


def _match(arr: pa.Array, pattern: str) -> np.ndarray:
    return digit_patterns.matches(arr, pattern)


def _missing_values(fl_field: Any) -> list[str]:
    if fl_field.has_defined("missing_values"):
        return list(fl_field.missing_values)
    if fl_field.schema is not None:
        return list(fl_field.schema.missing_values)
    return [""]


def _plain_number_field(fl_field: Any) -> bool:
    defined = set(fl_field.list_defined())
    return not ({"group_char", "decimal_char", "bare_number", "float_number"} & defined)


def _short_decimal(value: Any) -> bool:
    """A bound that float64 orders exactly against other <= 15-digit decimals."""
    try:
        digits = value.as_tuple().digits if hasattr(value, "as_tuple") else str(abs(value)).replace(".", "")
    except Exception:
        return False
    return len(digits) <= 15
