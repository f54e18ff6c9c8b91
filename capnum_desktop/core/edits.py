"""Manual edits as values: each one applies to a Table and returns the edit that undoes it.

The GUI keeps these in its undo stack (Qt only stores them); the recipe stores them so next month's
file gets the same fixes. Every edit is keyed by source row number and field, never by position, so
it survives filtering and sorting. An edit of a personal field carries ``personal=True``: the recipe
then stores *that* the cell was edited, never the value (see :meth:`CellEdit.to_dict`).

Kinds:

* :class:`CellEdit` — one cell, ``old`` -> ``new``;
* :class:`ColumnEdit` — a bulk operation on a column (or some rows of it): ``trim``, ``upper``,
  ``lower``, ``title``, ``replace`` (plain text or regex) or ``set`` (one value on many cells);
* :class:`CellsPatch` — exact values for some cells of a column. It is what undoing a bulk edit
  produces: it stores only the cells that really changed, so undo restores them exactly.

The builders at the end (:func:`build_edit`, :func:`conversion_patch`, :func:`replace_all_edits`,
:func:`find_matches`) turn a user's choice ("trim this column", "replace X by Y in these columns")
into those edits. They live here, not in the dialogs, so the command line and recipes can make the
very same edits as the GUI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from capnum_desktop.core.errors import CapnumError
from capnum_desktop.core.table import Table
from capnum_desktop.core.wording import count


class EditError(CapnumError):
    """An edit does not fit the table (row or column gone, value not stored…)."""

    default_hint = "Rechargez le fichier ou refaites la correction à la main."
    hint_key = "default.edit"  # default_hint in the sentence table (French and English)


COLUMN_OPS = ("trim", "upper", "lower", "title", "replace", "set")


@dataclass(frozen=True)
class CellEdit:
    """Set one cell (source row ``row``, column ``field``) from ``old`` to ``new``.

    ``old``/``new`` are ``None`` when read back from a recipe for a personal field (not stored).
    """

    row: int
    field: str
    old: str | None
    new: str | None
    personal: bool = False

    kind = "cell"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "row": int(self.row), "field": self.field}
        if self.personal:
            data["personal"] = True
        else:
            data["old"] = self.old
            data["new"] = self.new
        return data

    def describe(self) -> str:
        """A French label for the undo menu (no value when the field is personal)."""
        if self.personal:
            return f"Modifier « {self.field} », ligne {self.row}"
        return f"Modifier « {self.field} », ligne {self.row} : « {self.old} » → « {self.new} »"


@dataclass(frozen=True)
class ColumnEdit:
    """A bulk operation on column ``field`` (all rows, or only ``rows`` when given).

    ``op``: ``trim`` (strip spaces and collapse inner runs), ``upper``, ``lower``, ``title``,
    ``replace`` (``find`` -> ``repl``, ``regex`` for a regular expression) or ``set`` (``value``).
    """

    field: str
    op: str
    find: str | None = ""
    repl: str | None = ""
    regex: bool = False
    value: str | None = ""
    rows: tuple[int, ...] | None = None
    personal: bool = False

    kind = "column"

    def __post_init__(self) -> None:
        if self.op not in COLUMN_OPS:
            raise EditError(
                f"Opération inconnue « {self.op} » sur la colonne « {self.field} ».",
                f"Opérations possibles : {', '.join(COLUMN_OPS)}.",
            )
        if self.rows is not None and not isinstance(self.rows, tuple):
            object.__setattr__(self, "rows", tuple(int(r) for r in self.rows))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "field": self.field, "op": self.op}
        if self.op == "replace":
            data["regex"] = self.regex
            if not self.personal:
                data["find"] = self.find
                data["repl"] = self.repl
        if self.op == "set" and not self.personal:
            data["value"] = self.value
        if self.rows is not None:
            data["rows"] = [int(r) for r in self.rows]
        if self.personal:
            data["personal"] = True
        return data

    def describe(self) -> str:
        where = count(len(self.rows), "ligne") if self.rows is not None else "toutes les lignes"
        labels = {
            "trim": "Retirer les espaces superflus",
            "upper": "Mettre en majuscules",
            "lower": "Mettre en minuscules",
            "title": "Mettre une majuscule à chaque mot",
            "replace": "Remplacer",
            "set": "Remplir",
        }
        return f"{labels[self.op]} dans « {self.field} » ({where})"


@dataclass(frozen=True)
class CellsPatch:
    """Exact new values for some cells of one column (the undo of a bulk edit)."""

    field: str
    rows: tuple[int, ...]
    old: tuple[str, ...] | None
    new: tuple[str, ...] | None
    personal: bool = False

    kind = "patch"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "field": self.field, "rows": [int(r) for r in self.rows]}
        if self.personal:
            data["personal"] = True
        else:
            data["old"] = list(self.old or ())
            data["new"] = list(self.new or ())
        return data

    def describe(self) -> str:
        return f"Modifier {count(len(self.rows), 'cellule')} de « {self.field} »"


Edit = Union[CellEdit, ColumnEdit, CellsPatch]  # noqa: UP007 - a runtime alias


def edit_from_dict(data: dict[str, Any]) -> Edit:
    """Rebuild an edit written by ``to_dict`` (values of personal fields come back as ``None``)."""
    try:
        kind = data.get("kind", "cell")
        personal = bool(data.get("personal", False))
        if kind == "cell":
            return CellEdit(
                row=int(data["row"]),
                field=str(data["field"]),
                old=None if personal else _opt_str(data.get("old")),
                new=None if personal else _opt_str(data.get("new")),
                personal=personal,
            )
        if kind == "column":
            rows = data.get("rows")
            return ColumnEdit(
                field=str(data["field"]),
                op=str(data["op"]),
                find=None if personal and data["op"] == "replace" else str(data.get("find", "")),
                repl=None if personal and data["op"] == "replace" else str(data.get("repl", "")),
                regex=bool(data.get("regex", False)),
                value=None if personal and data["op"] == "set" else str(data.get("value", "")),
                rows=tuple(int(r) for r in rows) if rows is not None else None,
                personal=personal,
            )
        if kind == "patch":
            return CellsPatch(
                field=str(data["field"]),
                rows=tuple(int(r) for r in data["rows"]),
                old=None if personal else tuple(str(v) for v in data.get("old", [])),
                new=None if personal else tuple(str(v) for v in data.get("new", [])),
                personal=personal,
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise EditError(f"Correction illisible dans la recette ({exc.__class__.__name__}).") from exc
    raise EditError(f"Type de correction inconnu « {kind} ».")


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


# --------------------------------------------------------------------------------------------- apply


def apply_edit(table: Table, edit: Edit) -> tuple[Table, Edit]:
    """Apply ``edit``; return the new table (the input is untouched) and the edit that undoes it.

    Raises :class:`EditError` when the row or field does not exist or the value was not stored.
    """
    df = table.df
    if edit.field not in df.columns:
        raise EditError(
            f"La colonne « {edit.field} » n'existe pas dans le tableau.",
            "La correction ne peut pas être appliquée ; vérifiez la correspondance des colonnes.",
        )
    if isinstance(edit, CellEdit):
        if edit.new is None:
            raise EditError(_not_stored(edit.field, edit.row), _NOT_STORED_HINT)
        positions = _positions(df, [edit.row])
        column = df[edit.field]
        current = str(column.iloc[positions[0]])
        new_df = _set_cells(df, edit.field, positions, [edit.new])
        inverse = CellEdit(edit.row, edit.field, edit.new, current, edit.personal)
        return table.with_df(new_df), inverse
    if isinstance(edit, CellsPatch):
        if edit.new is None:
            raise EditError(_not_stored(edit.field, edit.rows[0] if edit.rows else 0), _NOT_STORED_HINT)
        positions = _positions(df, edit.rows)
        previous = _texts(df[edit.field].iloc[positions])
        new_df = _set_cells(df, edit.field, positions, list(edit.new))
        return table.with_df(new_df), CellsPatch(edit.field, tuple(edit.rows), tuple(edit.new), tuple(previous),
                                                 edit.personal)
    if isinstance(edit, ColumnEdit):
        return _apply_column_edit(table, edit)
    raise EditError(f"Correction non reconnue : {type(edit).__name__}.")


@dataclass(frozen=True)
class PreparedEdit:
    """``edit`` already applied to ``before``: the table it gives and the edit that undoes it.

    Applying a whole-column fix to a million rows takes most of a second; the GUI computes this value
    in its job runner, then only swaps the table on the UI thread (when the table is still ``before``).
    An undo step keeps both tables (they share every column but the edited one), so undo and redo are
    swaps too.
    """

    edit: Edit
    before: Table
    after: Table
    inverse: Edit

    def reversed(self) -> PreparedEdit:
        """The undo of this edit, prepared: ``inverse`` applied to ``after`` gives ``before``."""
        return PreparedEdit(self.inverse, self.after, self.before, self.edit)


def prepare_edit(table: Table, edit: Edit) -> PreparedEdit:
    """Apply ``edit`` to ``table`` (e.g. in a background job) without installing the result anywhere."""
    after, inverse = apply_edit(table, edit)
    return PreparedEdit(edit, table, after, inverse)


def _apply_column_edit(table: Table, edit: ColumnEdit) -> tuple[Table, CellsPatch]:
    df = table.df
    column = df[edit.field]
    if edit.rows is not None:
        positions = _positions(df, edit.rows)
        before = column.iloc[positions].astype(str)
    else:
        positions = np.arange(len(df))
        before = column.astype(str)
    after = _transform(before, edit)
    changed = (before != after).to_numpy()
    idx = positions[changed]
    rows = tuple(int(r) for r in df.index[idx])
    old = tuple(str(v) for v in before.to_numpy()[changed])
    new = tuple(str(v) for v in after.to_numpy()[changed])
    new_df = _set_cells(df, edit.field, idx, list(new)) if len(idx) else df
    inverse = CellsPatch(edit.field, rows, new, old, edit.personal)
    return table.with_df(new_df), inverse


_SPACES = re.compile(r"\s+")


def _transform(values: pd.Series, edit: ColumnEdit) -> pd.Series:
    """The column values after the bulk operation (vectorised; values stay text)."""
    s = values.astype(object)
    if edit.op == "trim":
        return s.str.replace(_SPACES, " ", regex=True).str.strip()
    if edit.op == "upper":
        return s.str.upper()
    if edit.op == "lower":
        return s.str.lower()
    if edit.op == "title":
        return s.str.title()
    if edit.op == "set":
        if edit.value is None:
            raise EditError(_not_stored(edit.field, 0), _NOT_STORED_HINT)
        return pd.Series([edit.value] * len(s), index=s.index, dtype=object)
    if edit.op == "replace":
        if edit.find is None or edit.repl is None:
            raise EditError(_not_stored(edit.field, 0), _NOT_STORED_HINT)
        if edit.find == "":
            return s
        if edit.regex:
            try:
                pattern = re.compile(edit.find)
            except re.error as exc:
                raise EditError(
                    f"L'expression régulière « {edit.find} » est incorrecte ({exc.msg}).",
                    "Corrigez l'expression ou décochez « expression régulière ».",
                ) from exc
            try:
                return s.str.replace(pattern, edit.repl, regex=True)
            except (re.error, IndexError) as exc:
                raise EditError(
                    f"Le remplacement « {edit.repl} » ne correspond pas à l'expression.",
                    "Vérifiez les références de groupes (\\1, \\2…) dans le texte de remplacement.",
                ) from exc
        return s.str.replace(edit.find, edit.repl, regex=False)
    raise EditError(f"Opération inconnue « {edit.op} ».")


SLICE = 65_536
"""Cells converted between Python and Arrow at a time. Those conversions hold the GIL: a whole column of a
million cells at once froze the window (whose UI thread waits for the GIL) for ~0.1 s while a job applied
a column fix; slices of this size hold it a few ms each (issue 16)."""


def _texts(values: pd.Series, *, as_is: bool = False) -> list[Any]:
    """``[str(v) for v in values]`` (a missing cell gives « nan », as pandas iterates it), or with
    ``as_is`` ``list(values)`` (a missing cell stays NaN), converted slice by slice."""
    backing = getattr(values.array, "_pa_array", None)
    if backing is None or len(values) <= SLICE or values.dtype != "str":
        return list(values) if as_is else [str(v) for v in values]
    out: list[Any] = []
    for start in range(0, len(backing), SLICE):
        out.extend(backing.slice(start, SLICE).to_pylist())
    if backing.null_count:
        missing = np.nan if as_is else "nan"
        out = [missing if v is None else v for v in out]
    return out


def _as_text(values: pd.Series) -> pd.Series:
    """``values.astype(str)``, slice by slice for a big column of Python objects (see :data:`SLICE`)."""
    if values.dtype == "str" or len(values) <= SLICE:
        return values.astype(str)
    return pd.concat([values.iloc[i:i + SLICE].astype(str) for i in range(0, len(values), SLICE)])


def _ints(values: np.ndarray) -> list[int]:
    """``[int(v) for v in values]``, slice by slice."""
    out: list[int] = []
    for start in range(0, len(values), SLICE):
        out.extend(values[start:start + SLICE].tolist())
    return out


def _row_numbers(rows: Sequence[int]) -> np.ndarray:
    """Source row numbers as an int64 array, slice by slice."""
    return np.concatenate([np.asarray(rows[i:i + SLICE], dtype=np.int64) for i in range(0, len(rows), SLICE)]) \
        if len(rows) else np.empty(0, dtype=np.int64)


def _positions(df: pd.DataFrame, rows: Sequence[int]) -> np.ndarray:
    """Row positions of source row numbers; :class:`EditError` if one is missing."""
    index = df.index
    if len(rows) > SLICE and index.dtype.kind == "i" and index.is_monotonic_increasing and index.is_unique:
        # a binary search (numpy runs it without the GIL) instead of get_indexer's hash of every row
        wanted = _row_numbers(rows)
        values = index.to_numpy()
        positions = np.searchsorted(values, wanted)
        found = positions < len(values)
        found[found] = values[positions[found]] == wanted[found]
        positions[~found] = -1
    else:
        positions = index.get_indexer(list(rows))
    if len(positions) and (positions < 0).any():
        missing = [int(r) for r, p in zip(rows, positions, strict=True) if p < 0]
        raise EditError(
            f"La ligne {missing[0]} n'existe plus dans le tableau"
            + (f" (et {count(len(missing) - 1, 'autre')})" if len(missing) > 1 else "")
            + ".",
            "La correction ne peut pas être appliquée à cette ligne.",
        )
    return positions


def _set_cells(df: pd.DataFrame, field_name: str, positions: Sequence[int] | np.ndarray, values: list[str]) -> pd.DataFrame:
    """A new DataFrame where only column ``field_name`` is copied and changed (others shared)."""
    where = np.asarray(positions, dtype=np.intp)
    column = _replaced(df[field_name], where, values)
    if column is None:
        column = df[field_name].copy()  # keeps the column's dtype (object or pandas' str)
        column.iloc[where] = values
    new_df = df.copy(deep=False)
    new_df[field_name] = column
    return new_df


def _replaced(column: pd.Series, positions: np.ndarray, values: list[str]) -> pd.Series | None:
    """``column`` with ``values`` at ``positions``, built in Arrow for many cells of a text column: the
    values are converted slice by slice and put in place by an Arrow kernel (which runs without the GIL).
    None when this does not apply (small change, other dtype, a position twice): set them in pandas."""
    backing = getattr(column.array, "_pa_array", None)
    if backing is None or column.dtype != "str" or len(positions) != len(values) or len(column) <= SLICE:
        return None
    if len(positions) <= SLICE:
        return _replaced_in_pieces(column, backing, positions, values)
    order = np.argsort(positions, kind="stable")
    ordered = positions[order]
    if (ordered[1:] == ordered[:-1]).any() or ordered[0] < 0 or ordered[-1] >= len(column):
        return None
    mask = np.zeros(len(column), dtype=bool)
    mask[ordered] = True
    replacements = pa.chunked_array(
        [pa.array(values[i:i + SLICE], type=backing.type) for i in range(0, len(values), SLICE)], type=backing.type
    ).take(pa.array(order))  # in the order of the rows they go to
    whole = backing.combine_chunks() if isinstance(backing, pa.ChunkedArray) else backing
    new = pc.replace_with_mask(whole, pa.array(mask), replacements.combine_chunks())
    return pd.Series(new, index=column.index, name=column.name, dtype=column.dtype)


def _replaced_in_pieces(column: pd.Series, backing: pa.ChunkedArray, positions: np.ndarray,
                        values: list[str]) -> pd.Series | None:
    """A few cells of a long text column changed by rebuilding only the pieces of ``SLICE`` rows that hold
    them: the column is cut in zero-copy slices, so typing one cell no longer copies a million (~50 ms on
    the UI thread, issue 16); the other pieces are shared with ``column``."""
    if len(positions) and (positions.min() < 0 or positions.max() >= len(column)):
        return None
    pieces = [chunk.slice(start, SLICE) for chunk in backing.chunks for start in range(0, len(chunk), SLICE)]
    starts = np.cumsum([0] + [len(piece) for piece in pieces])
    wanted: dict[int, dict[int, str]] = {}  # piece -> {position in it: value}; a cell given twice keeps the
    for pos, value in zip(positions.tolist(), values, strict=True):  # first value, as pandas' Arrow text does
        k = int(np.searchsorted(starts, pos, side="right")) - 1
        wanted.setdefault(k, {}).setdefault(pos - int(starts[k]), value)
    for k, cells in wanted.items():
        mask = np.zeros(len(pieces[k]), dtype=bool)
        where = sorted(cells)
        mask[where] = True
        pieces[k] = pc.replace_with_mask(pieces[k], pa.array(mask), pa.array([cells[i] for i in where],
                                                                              type=backing.type))
    new = pa.chunked_array(pieces, type=backing.type)
    return pd.Series(new, index=column.index, name=column.name, dtype=column.dtype)


_NOT_STORED_HINT = "Cette colonne contient des données personnelles : refaites la correction à la main."


def _not_stored(field_name: str, row: int) -> str:
    where = f", ligne {row}" if row else ""
    return f"La valeur de la correction de « {field_name} »{where} n'a pas été enregistrée (donnée personnelle)."


# -------------------------------------------------------------------------------------------- replay


@dataclass(frozen=True)
class SkippedEdit:
    """An edit from a recipe that did not fit the new file, and why (French)."""

    edit: Edit
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"edit": self.edit.to_dict(), "reason": self.reason}


@dataclass
class ReplayResult:
    """The table after replaying a recipe's edits, plus what was applied and what was not."""

    table: Table
    applied: list[Edit] = field(default_factory=list)
    skipped: list[SkippedEdit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"applied": len(self.applied), "skipped": [s.to_dict() for s in self.skipped]}


def apply_edits(table: Table, edits: Iterable[Edit], *, check_old: bool = True) -> ReplayResult:
    """Replay edits in order; an edit that no longer fits is reported in ``skipped``, never fatal.

    With ``check_old`` a :class:`CellEdit` is applied only if the cell still holds ``old`` (next
    month's row 42 may be another record); cells already holding ``new`` count as applied.
    """
    result = ReplayResult(table=table)
    for edit in edits:
        original = edit
        current = result.table
        if edit.field not in current.df.columns:
            result.skipped.append(SkippedEdit(edit, f"la colonne « {edit.field} » est absente"))
            continue
        if isinstance(edit, CellEdit) and edit.new is None:
            result.skipped.append(SkippedEdit(edit, "valeur non enregistrée (donnée personnelle)"))
            continue
        if isinstance(edit, CellEdit) and check_old:
            pos = current.df.index.get_indexer([edit.row])[0]
            if pos < 0:
                result.skipped.append(SkippedEdit(edit, f"la ligne {edit.row} est absente"))
                continue
            value = str(current.df[edit.field].iloc[pos])
            if value == edit.new:
                result.applied.append(edit)
                continue
            if edit.old is not None and value != edit.old:
                result.skipped.append(
                    SkippedEdit(edit, f"la cellule ligne {edit.row} ne contient plus la valeur d'origine")
                )
                continue
        if isinstance(edit, CellsPatch) and edit.rows:
            present = current.df.index.get_indexer(list(edit.rows)) >= 0
            if not present.all():
                keep = [i for i, ok in enumerate(present) if ok]
                gone = len(edit.rows) - len(keep)
                if edit.new is not None:
                    old = tuple(edit.old[i] for i in keep) if edit.old is not None else None
                    edit = CellsPatch(
                        edit.field,
                        tuple(edit.rows[i] for i in keep),
                        old,
                        tuple(edit.new[i] for i in keep),
                        edit.personal,
                    )
                result.skipped.append(SkippedEdit(original, count(gone, "ligne absente", "lignes absentes")))
        if isinstance(edit, ColumnEdit) and edit.rows is not None:
            present = current.df.index.get_indexer(list(edit.rows)) >= 0
            if not present.all():
                gone = int((~present).sum())
                result.skipped.append(SkippedEdit(original, count(gone, "ligne absente", "lignes absentes")))
                edit = ColumnEdit(
                    edit.field, edit.op, edit.find, edit.repl, edit.regex, edit.value,
                    tuple(r for r, ok in zip(edit.rows, present, strict=True) if ok), edit.personal,
                )
        try:
            result.table, _ = apply_edit(current, edit)
        except EditError as exc:
            result.skipped.append(SkippedEdit(edit, exc.message))
            continue
        result.applied.append(edit)
    return result


def touched(edit: Edit) -> tuple[str, list[int] | None]:
    """The field and source rows an edit changes (``None`` rows = the whole column), for re-validation."""
    if isinstance(edit, CellEdit):
        return edit.field, [edit.row]
    if isinstance(edit, CellsPatch):
        return edit.field, list(edit.rows)
    return edit.field, list(edit.rows) if edit.rows is not None else None


# --- Builders: a user's choice -> edits (shared by the GUI dialogs, the CLI and recipes) ---------

#: The whole-column fixes offered by "Corriger une colonne", in menu order.
OPERATIONS = ("trim", "upper", "lower", "title", "replace", "fill", "convert")


def conversion_patch(table: Table, schema: Any, field: str, personal: bool = False) -> CellsPatch:
    """The cells of ``field`` that the schema's conversion changes, as one undoable patch.

    A ``CellsPatch`` rather than a ``ColumnEdit`` because the conversion depends on the schema:
    replaying exact values keeps a recipe correct even if the schema's rules change later.
    """
    from capnum_desktop.core.schemas import convert_column  # the schemas package imports heavier modules

    try:
        descriptor = schema.field(field)
    except Exception as exc:
        raise EditError.coded("edit-not-a-field", field=field) from exc
    values = table.df[field].astype(str)
    checks = schema.checks_for(field) if hasattr(schema, "checks_for") else ()
    converted, _bad = convert_column(values, descriptor, missing_values=tuple(getattr(schema, "missing_values", [""])),
                                     checks=checks)
    converted = _as_text(converted)
    changed = (converted != values).to_numpy()
    rows = tuple(_ints(table.df.index[changed].to_numpy()))
    return CellsPatch(field, rows, tuple(_texts(values[changed], as_is=True)),
                      tuple(_texts(converted[changed], as_is=True)), personal)


def build_edit(table: Table, schema: Any, field: str, op: str, *, find: str = "", repl: str = "",
               regex: bool = False, value: str = "", personal: bool = False) -> Edit:
    """The core edit for one of :data:`OPERATIONS` on ``field``."""
    if op in ("trim", "upper", "lower", "title"):
        return ColumnEdit(field, op, personal=personal)
    if op == "replace":
        return ColumnEdit(field, "replace", find=find, repl=repl, regex=regex, personal=personal)
    if op == "fill":
        empty = table.df[field].astype(str).str.strip() == ""
        rows = tuple(int(r) for r in table.df.index[empty.to_numpy()])
        return ColumnEdit(field, "set", value=value, rows=rows, personal=personal)
    if op == "convert":
        return conversion_patch(table, schema, field, personal)
    raise EditError(f"Correction inconnue « {op} ».")


def changed_count(table: Table, edit: Edit) -> int:
    """How many cells ``edit`` would change (by applying it to a copy: the core is exact)."""
    if isinstance(edit, CellsPatch):
        return len(edit.rows)
    _new, inverse = apply_edit(table, edit)
    return len(getattr(inverse, "rows", ()) or ())


def search_pattern(text: str, *, regex: bool, case: bool) -> re.Pattern[str]:
    """The compiled pattern for what the user typed (plain text is escaped)."""
    flags = 0 if case else re.IGNORECASE
    return re.compile(text if regex else re.escape(text), flags)


def find_matches(df: pd.DataFrame, pattern: re.Pattern[str], columns: list[str]) -> list[tuple[int, int]]:
    """(row position, column position) of every matching cell, in reading order (row, then column)."""
    hits: list[tuple[int, int]] = []
    names = [str(c) for c in df.columns]
    for name in columns:
        if name not in names:
            continue
        col = names.index(name)
        mask = df[name].astype(str).str.contains(pattern, na=False).to_numpy()
        hits.extend((int(p), col) for p in np.flatnonzero(mask))
    hits.sort()
    return hits


def replace_all_edits(df: pd.DataFrame, text: str, repl: str, *, regex: bool, case: bool, columns: list[str],
                      personal: set[str] | frozenset[str] = frozenset()) -> list[ColumnEdit]:
    """One ``ColumnEdit`` per column that has a match (plain text becomes an escaped pattern when
    the search ignores case, since the core's plain replace is case-sensitive)."""
    pattern = search_pattern(text, regex=regex, case=case)
    edits = []
    for name in columns:
        if name not in df.columns or not df[name].astype(str).str.contains(pattern, na=False).any():
            continue
        if regex or not case:
            find = ("" if case else "(?i)") + (text if regex else re.escape(text))
            replacement = repl if regex else repl.replace("\\", "\\\\")
            edits.append(ColumnEdit(name, "replace", find=find, repl=replacement, regex=True, personal=name in personal))
        else:
            edits.append(ColumnEdit(name, "replace", find=text, repl=repl, regex=False, personal=name in personal))
    return edits
