"""The data grid's model: a read-mostly view over a core Table that stays fast at a million rows.

Columns are kept as numpy object arrays, so ``data()`` is one array lookup for the cells on screen.
Sorting and filtering are done here with vectorised pandas operations that build a row order (a
permutation of positions), instead of QSortFilterProxyModel which would call ``data()`` for every row.
The vertical header shows each row's source row number. Editing a cell pushes a core ``CellEdit``
through the session's undo stack. The verify page colours cells with :meth:`TableModel.set_cell_marks`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication

from capnum_desktop.core.edits import CellEdit
from capnum_desktop.core.table import Table
from capnum_desktop.core.view_order import view_order
from capnum_desktop.ui.models.marks import CellMarks

if TYPE_CHECKING:
    from capnum_desktop.ui.session import Session

ModelIndex = QModelIndex | QPersistentModelIndex

SEVERITY_COLOURS = {
    "error": QColor("#f9d6d5"),
    "warning": QColor("#fdf0c8"),
    "info": QColor("#dbe9f7"),
    "changed": QColor("#e3f1df"),
}


class TableModel(QAbstractTableModel):
    """Qt model over ``session.table`` (or any Table given to :meth:`set_table`)."""

    def __init__(self, session: Session | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._session = session
        self._table: Table | None = None
        self._columns: list[str] = []
        self._arrays: list[Any] = []
        self._series: list[Any] = []
        self._rows: np.ndarray = np.empty(0, dtype=np.int64)  # source row numbers, by position
        self._order: np.ndarray | None = None  # visible position -> position in the table
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._filter: tuple[str, int | None] = ("", None)
        self._marks: Mapping[tuple[int, str], tuple[str, str]] = {}
        self._column_marks: dict[str, tuple[str, str]] = {}
        self.editable = session is not None
        # a grid that sorts big tables in the job runner: takes (column, order), True when it took the sort
        self.sort_elsewhere: Callable[[int, Qt.SortOrder], bool] | None = None
        self.personal_fields: set[str] = set()
        if session is not None:
            session.sig_cells_changed.connect(self._on_session_cells_changed)

    # -- content ---------------------------------------------------------------------------------
    def set_table(self, table: Table | None) -> None:
        """Show another table (keeps the sort and filter when the columns still exist)."""
        self.beginResetModel()
        self._load(table)
        self._marks = {}
        self._column_marks = {}
        self._recompute_order()
        self.endResetModel()

    def _load(self, table: Table | None) -> None:
        self._table = table
        if table is None:
            self._columns, self._arrays, self._series = [], [], []
            self._rows = np.empty(0, dtype=np.int64)
            return
        df = table.df
        self._columns = [str(c) for c in df.columns]
        # the columns' own arrays (Arrow-backed strings or numpy objects): no copy, no conversion, so a
        # 1M-row table is shown at once; data() converts only the cells on screen
        self._series = [df.iloc[:, i] for i in range(df.shape[1])]
        self._arrays = [series.array for series in self._series]
        self._rows = df.index.to_numpy()

    @property
    def table(self) -> Table | None:
        return self._table

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    def source_row(self, visible_row: int) -> int:
        """The source row number shown at a visible row."""
        return int(self._rows[self._position(visible_row)])

    def visible_row_of(self, source_row: int) -> int | None:
        """Where a source row is shown now (None when filtered out)."""
        positions = np.flatnonzero(self._rows == source_row)
        if positions.size == 0:
            return None
        pos = int(positions[0])
        if self._order is None:
            return pos
        where = np.flatnonzero(self._order == pos)
        return int(where[0]) if where.size else None

    def column_index(self, field: str) -> int | None:
        try:
            return self._columns.index(field)
        except ValueError:
            return None

    def _position(self, visible_row: int) -> int:
        return int(self._order[visible_row]) if self._order is not None else visible_row

    # -- Qt model API ------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        if parent.isValid():
            return 0
        return len(self._order) if self._order is not None else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self._arrays[index.column()][self._position(index.row())]
            return value if isinstance(value, str) else _text(value)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole) and self._marks:
            key = (int(self._rows[self._position(index.row())]), self._columns[index.column()])
            mark = self._marks.get(key)
            if mark is None:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(SEVERITY_COLOURS.get(mark[0], SEVERITY_COLOURS["error"]))
            return mark[1]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self._columns):
                return None
            name = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return name
            if role == Qt.ItemDataRole.ToolTipRole:
                mark = self._column_marks.get(name)
                return mark[1] if mark else name
            if role == Qt.ItemDataRole.BackgroundRole:
                mark = self._column_marks.get(name)
                return QBrush(SEVERITY_COLOURS[mark[0]]) if mark else None
            return None
        if role == Qt.ItemDataRole.DisplayRole and section < self.rowCount():
            return str(self.source_row(section))
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.editable and index.isValid():
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._session is None:
            return False
        old = str(self.data(index))
        new = "" if value is None else str(value)
        if new == old:
            return False
        field = self._columns[index.column()]
        edit = CellEdit(self.source_row(index.row()), field, old, new, personal=field in self.personal_fields)
        from capnum_desktop.ui.undo import push_edit

        push_edit(self._session, edit)
        return True

    # -- following the session's edits without a reset -----------------------------------------------
    def _on_session_cells_changed(self, touched: tuple[str, list[int] | None]) -> None:
        table = self._session.table if self._session is not None else None
        if table is None or self._table is None or list(table.df.columns) != list(self._table.df.columns):
            return
        self._load(table)
        field, rows = touched
        col = self.column_index(field)
        if col is None or self.rowCount() == 0:
            return
        if rows is not None and len(rows) == 1:
            visible = self.visible_row_of(rows[0])
            if visible is not None:
                idx = self.index(visible, col)
                self.dataChanged.emit(idx, idx)
            return
        self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col))

    # -- marks from validation ---------------------------------------------------------------------
    def set_cell_marks(self, marks: Mapping[tuple[int, str], tuple[str, str]],
                       column_marks: Mapping[str, tuple[str, str]] | None = None) -> None:
        """Colour cells: ``{(source row, field): (severity, tooltip)}``; severity "error", "warning",
        "info" or "changed". Header marks colour a whole column's header."""
        # CellMarks (the verify page's, a million cells as arrays) is read-only: kept as it is
        self._marks = marks if isinstance(marks, CellMarks) else dict(marks)
        self._column_marks = dict(column_marks or {})
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole])
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def clear_cell_marks(self) -> None:
        self.set_cell_marks({}, {})

    # -- sort and filter (vectorised) ----------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the view by a column (text order, natural for numbers); column -1 = source order. A grid
        may take the sort of a big table elsewhere (``sort_elsewhere``: the job runner, then
        :meth:`show_sorted`); else it is made here at once."""
        if self.sort_elsewhere is not None and self.sort_elsewhere(column, order):
            return
        self.sort_now(column, order)

    def sort_now(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on this thread (what :meth:`sort` does unless the sort is taken elsewhere)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = None if column < 0 else (column, order)
        with _busy(len(self._rows)):
            self._recompute_order()
        self.layoutChanged.emit()

    def set_filter(self, text: str, column: int | None = None) -> None:
        """Show only rows whose cell (in ``column``, or any column) contains ``text`` (case-insensitive)."""
        self.beginResetModel()
        self._filter = (text, column)
        with _busy(len(self._rows)):
            self._recompute_order()
        self.endResetModel()

    def _recompute_order(self) -> None:
        if self._table is None:
            self._order = None
            return
        text, fcol = self._filter
        columns, sort = self.order_inputs()
        self._order = view_order(columns, text, fcol, sort)

    def order_inputs(self) -> tuple[list[Any], tuple[int, bool] | None]:
        """The columns and the sort (column, descending) :func:`~capnum_desktop.core.view_order.view_order`
        needs, for a filter made in the job runner (see :meth:`show_filtered`)."""
        sort = None if self._sort is None else (self._sort[0], self._sort[1] == Qt.SortOrder.DescendingOrder)
        return list(self._series), sort

    def filter_state(self) -> tuple[str, int | None]:
        """The filter the rows shown follow: (text, column or None for every column)."""
        return self._filter

    def show_sorted(self, column: int, order: Qt.SortOrder, positions: Any) -> None:
        """Show the order ``view_order`` made in the background for this sort (same table and filter)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = None if column < 0 else (column, order)
        self._order = positions
        self.layoutChanged.emit()

    def show_filtered(self, text: str, column: int | None, order: Any) -> None:
        """Show the rows ``view_order`` chose in the background for this filter (same table and sort)."""
        self.beginResetModel()
        self._filter = (text, column)
        self._order = order
        self.endResetModel()


@contextmanager
def _busy(rows: int) -> Iterator[None]:
    """A wait cursor while a big table is sorted or filtered (well under a second, but felt)."""
    if rows < 100_000 or QGuiApplication.instance() is None:
        yield
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def _text(value: Any) -> str:
    """A cell for display: the core's cells are text, but be safe with a missing value."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)
