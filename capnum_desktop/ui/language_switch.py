"""Carry what the user sees from old widgets to new ones when the window is rebuilt in another language.

A language change rebuilds every widget of the main window (each string is created again through
``tr()``) around the same Session, JobRunner and grid model. Every step's state lives in the session
(the mapping chosen, the scan and decisions, the report with the table it describes and its grid marks,
the edits): the rebuilt pages show it from there, nothing is computed again. Only what lives in input
widgets (a title typed on the Exporter page, a ticked box, the grid filter) is copied here from the old
widget to its new twin.
"""

from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

def carry_inputs(old: QObject, new: QObject) -> int:
    """Copy the values of ``old``'s input widgets (kept as attributes) into ``new``'s same-named ones.

    Signals are blocked: the values are already in effect in the session, nothing must be redone.
    Returns how many widgets were copied.
    """
    copied = 0
    for name, widget in list(vars(old).items()):
        target = getattr(new, name, None)
        if not isinstance(widget, QWidget) or type(target) is not type(widget):
            continue
        if not (shiboken6.isValid(widget) and shiboken6.isValid(target)):
            continue
        blocker = QSignalBlocker(target)
        try:
            copied += _copy_value(widget, target)
        except Exception:  # one odd widget must not stop the language change
            log.exception("could not carry the value of %s", name)
        finally:
            blocker.unblock()
    return copied


def _copy_value(widget: Any, target: Any) -> int:
    if isinstance(widget, QLineEdit):
        target.setText(widget.text())
    elif isinstance(widget, QPlainTextEdit):
        target.setPlainText(widget.toPlainText())
    elif isinstance(widget, QTextEdit):
        if widget.isReadOnly():
            return 0
        target.setPlainText(widget.toPlainText())
    elif isinstance(widget, QAbstractButton):
        if not widget.isCheckable():
            return 0
        target.setChecked(widget.isChecked())
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        target.setValue(widget.value())
    elif isinstance(widget, QComboBox):
        return _copy_combo(widget, target)
    else:
        return 0
    return 1


def _copy_combo(widget: QComboBox, target: QComboBox) -> int:
    """Same choice: by its data, else by its text when editable, else by position in an equal list."""
    if widget.currentIndex() < 0:
        return 0
    data = widget.currentData()
    index = target.findData(data) if data is not None else -1
    if index >= 0:
        target.setCurrentIndex(index)
    elif widget.isEditable() and target.isEditable():
        target.setCurrentText(widget.currentText())
    elif widget.count() == target.count():
        target.setCurrentIndex(widget.currentIndex())
    else:
        return 0
    return 1


def show_export_result(session: Any, old: QObject | None, new: QObject | None) -> None:
    """Exporter: the rebuilt page shows the session's finished export again, from the session alone
    (``old`` is not read: the export result lives in the session)."""
    from capnum_desktop.core.export import ExportResult
    from capnum_desktop.ui.pages.export_page import ExportPage

    if isinstance(new, ExportPage) and isinstance(session.export_result, ExportResult):
        new.show_export(session.export_result)
