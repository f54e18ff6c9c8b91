"""The grid's error marks without a Python object per cell.

A wholly wrong column of a million rows has hundreds of thousands of marked cells. As a dict keyed
``(row, field)`` that is as many tuples, made in the validation job while holding the GIL and then
scanned by every garbage collection on the UI thread (``ui/gc_guard``: 30-300 ms each, in which the
window froze, issue 16). :class:`CellMarks` keeps, for each field, the marked source rows as a sorted
numpy array and, beside it, the index of each cell's mark in a short list of ``(severity, tooltip)``
(one entry per kind of error, plus the detailed messages of the first cells). It is a read-only
``Mapping[(row, field), (severity, tooltip)]``: the grid looks a cell up by binary search.

Pure numpy and Python, no Qt: it is built in the job runner.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import numpy as np

Mark = tuple[str, str]
"""(severity, tooltip) of a marked cell."""


class CellMarks(Mapping[tuple[int, str], Mark]):
    """Marked cells of a table: ``{(source row, field): (severity, tooltip)}``, stored as arrays."""

    __slots__ = ("_fields", "_kinds")

    def __init__(
        self, fields: Mapping[str, tuple[np.ndarray, np.ndarray]] | None = None, kinds: Sequence[Mark] = ()
    ) -> None:
        # field -> (sorted unique source rows, index of each one's mark in ``kinds``)
        self._fields: dict[str, tuple[np.ndarray, np.ndarray]] = {
            name: arrays for name, arrays in (fields or {}).items() if len(arrays[0])
        }
        self._kinds: tuple[Mark, ...] = tuple(kinds)

    @classmethod
    def from_writes(
        cls, writes: Iterable[tuple[str, np.ndarray, np.ndarray]], kinds: Sequence[Mark]
    ) -> CellMarks:
        """Marks from ``(field, rows, kind indexes)`` written in order: a later write to a cell wins, as
        successive ``dict`` updates would."""
        by_field: dict[str, tuple[list[np.ndarray], list[np.ndarray]]] = {}
        for name, rows, ids in writes:
            if len(rows):
                parts = by_field.setdefault(name, ([], []))
                parts[0].append(np.asarray(rows, dtype=np.int64))
                parts[1].append(np.asarray(ids, dtype=np.int64))
        fields = {}
        for name, (rows_parts, id_parts) in by_field.items():
            rows, ids = np.concatenate(rows_parts), np.concatenate(id_parts)
            order = np.argsort(rows, kind="stable")  # stable: writes to one cell stay in their order
            rows, ids = rows[order], ids[order]
            last = np.ones(len(rows), dtype=bool)
            last[:-1] = rows[1:] != rows[:-1]
            fields[name] = (rows[last], ids[last])
        return cls(fields, kinds)

    @classmethod
    def of(cls, marks: Mapping[tuple[int, str], Mark]) -> CellMarks:
        """``marks`` as :class:`CellMarks` (a plain dict is converted, cell by cell)."""
        if isinstance(marks, CellMarks):
            return marks
        kinds: list[Mark] = []
        writes = []
        for (row, name), mark in marks.items():
            writes.append((name, np.array([row], dtype=np.int64), np.array([len(kinds)])))
            kinds.append(mark)
        return cls.from_writes(writes, kinds)

    # -- Mapping -----------------------------------------------------------------------------------
    def __getitem__(self, key: tuple[int, str]) -> Mark:
        row, name = key
        arrays = self._fields.get(name)
        if arrays is not None:
            rows, ids = arrays
            i = int(np.searchsorted(rows, row))
            if i < len(rows) and rows[i] == row:
                return self._kinds[int(ids[i])]
        raise KeyError(key)

    def __iter__(self) -> Iterator[tuple[int, str]]:
        for name, (rows, _ids) in self._fields.items():
            for row in rows.tolist():
                yield row, name

    def __len__(self) -> int:
        return sum(len(rows) for rows, _ids in self._fields.values())

    def __repr__(self) -> str:
        return f"CellMarks({len(self)} cells in {sorted(self._fields)})"

    # -- changes (each gives new marks: a CellMarks is never changed in place) ----------------------
    def without(self, name: str, rows: Sequence[int] | None = None) -> CellMarks:
        """These marks less the cells of field ``name`` (only ``rows`` of it when given)."""
        if name not in self._fields:
            return self
        fields = dict(self._fields)
        if rows is None:
            del fields[name]
        else:
            kept_rows, ids = fields[name]
            keep = ~np.isin(kept_rows, np.asarray(rows, dtype=np.int64))
            fields[name] = (kept_rows[keep], ids[keep])
        return CellMarks(fields, self._kinds)

    def merged(self, other: Mapping[tuple[int, str], Mark]) -> CellMarks:
        """These marks and ``other``'s; on a cell marked in both, ``other``'s mark."""
        other = CellMarks.of(other)
        if not len(other):
            return self
        if not len(self):
            return other
        offset = len(self._kinds)
        writes = [(name, rows, ids) for name, (rows, ids) in self._fields.items()]
        writes += [(name, rows, ids + offset) for name, (rows, ids) in other._fields.items()]
        return CellMarks.from_writes(writes, self._kinds + other._kinds)

    def with_tooltips(self, tips: Mapping[str, str]) -> CellMarks:
        """The same cells; those of a field in ``tips`` say its tooltip instead (severity kept)."""
        if not any(name in self._fields for name in tips):
            return self
        kinds = list(self._kinds)
        fields = dict(self._fields)
        for name, tip in tips.items():
            if name not in fields:
                continue
            rows, ids = fields[name]
            used, inverse = np.unique(ids, return_inverse=True)  # the few kinds this field uses
            start = len(kinds)
            kinds.extend((self._kinds[int(k)][0], tip) for k in used)
            fields[name] = (rows, start + inverse.reshape(-1))
        return CellMarks(fields, kinds)
