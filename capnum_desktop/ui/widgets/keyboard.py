"""Keyboard access shared by the window and the dialogs: focus in reading order, access keys, editors.

RGAA asks that every control is reached with Tab in the order the screen is read, that the focus never
gets stuck, and that a shortcut does what it says. Qt's default tab order is the order widgets were
created: cards and tables filled later (Protéger's « Action » combos) land after « Suivant ». These
helpers compute the reading order from the layouts and say which access keys (Alt+letter) are used
twice on what is shown at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

_LEAVES = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QTextEdit, QPlainTextEdit,
           QAbstractItemView, QTabBar)
"""Controls whose inner widgets (a spin box's line edit, a view's viewport) are theirs, not the page's."""


def mnemonic(text: str) -> str:
    """The access key of a text (``"&Suivant"`` -> ``"s"``), lower case; ``""`` when there is none."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return ""


def _signal_connected(widget: QWidget, signature: str) -> bool:
    meta = widget.metaObject()
    index = meta.indexOfSignal(signature)
    return index >= 0 and widget.isSignalConnected(meta.method(index))


def _view_takes_enter(view: QAbstractItemView) -> bool:
    """An editable grid, or a list whose Entrée opens its item (a recent file, a schema, an error)."""
    triggers = QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.AnyKeyPressed
    current = view.currentIndex()
    if view.editTriggers() & triggers and current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEditable:
        return True
    own = {"QListWidget": "itemActivated(QListWidgetItem*)", "QTreeWidget": "itemActivated(QTreeWidgetItem*,int)",
           "QTableWidget": "itemActivated(QTableWidgetItem*)"}
    for cls in type(view).__mro__:
        if cls.__name__ in own:
            return _signal_connected(view, own[cls.__name__])
    return _signal_connected(view, "activated(QModelIndex)")


def is_text_editor(widget: QWidget | None) -> bool:
    """Whether Entrée belongs to ``widget``: a line, a text, a number, an editable grid, a list that opens
    its item. On anything else (a button, a check box, a list of choices) Entrée means « go on »."""
    if widget is None:
        return False
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return True
    if isinstance(widget, QAbstractItemView):
        return _view_takes_enter(widget)
    return isinstance(widget, QComboBox) and widget.isEditable()


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    """The widgets of a layout in reading order (a grid by row then column; nested layouts inline)."""
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):
        places = [layout.getItemPosition(i) for i in range(layout.count())]
        items = [item for _, item in sorted(zip(places, items, strict=True), key=lambda p: (p[0][0], p[0][1]))]
    for item in items:
        if item.widget() is not None:
            yield item.widget()
        elif item.layout() is not None:
            yield from _layout_widgets(item.layout())


def _children_in_order(widget: QWidget) -> list[QWidget]:
    """A container's child widgets: those of its layout in layout order, then the others."""
    if isinstance(widget, QScrollArea):
        return [widget.widget()] if widget.widget() is not None else []
    if isinstance(widget, QSplitter):
        return [widget.widget(i) for i in range(widget.count())]
    if isinstance(widget, (QStackedWidget, QTabWidget)):
        current = widget.currentWidget()
        extra = [widget.tabBar()] if isinstance(widget, QTabWidget) else []
        return [*extra, *([current] if current is not None else [])]
    ordered = list(_layout_widgets(widget.layout())) if widget.layout() is not None else []
    seen = {id(w) for w in ordered}
    ordered += [c for c in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if id(c) not in seen and not c.isWindow()]
    return ordered


def reading_order(root: QWidget, *, visible_only: bool = True) -> list[QWidget]:
    """The controls under ``root`` that Tab reaches, in the order a reader meets them. Hidden ones are
    left out unless ``visible_only`` is False (to chain a button that shows up later at its place)."""
    out: list[QWidget] = []

    def walk(widget: QWidget) -> None:
        for child in _children_in_order(widget):
            if child.isWindow() or (visible_only and not child.isVisibleTo(root)):
                continue
            if _takes_tab(child):
                out.append(child)
            if not isinstance(child, _LEAVES):
                walk(child)

    walk(root)
    return out


def chain_focus(widgets: list[QWidget]) -> None:
    """Make Tab go through ``widgets`` in this order (each to the next)."""
    for first, second in pairwise(widgets):
        if first is not second:
            QWidget.setTabOrder(first, second)


def order_dialog(dialog: QWidget) -> None:
    """A dialog's focus order is its reading order, and no list or table keeps Tab to itself (arrows
    move inside it; Tab leaves it: no keyboard trap)."""
    for view in dialog.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    chain_focus(reading_order(dialog))


class DialogFocusOrder(QObject):
    """Installed on the application: each CapNum dialog, when shown, gets Tab in its reading order (the
    rows added after its buttons, a field shown later, still come in their place on screen)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) \
                and type(watched).__module__.startswith("capnum_desktop."):
            order_dialog(watched)
        return False


def _keyed_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(text, kind) of every visible thing under ``root`` that Alt+letter reaches."""
    for widget in [root, *root.findChildren(QWidget)]:
        if (widget.isWindow() and widget is not root) or not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton):
            yield widget.text(), type(widget).__name__
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            yield widget.text(), "QLabel"
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            yield widget.title(), "QGroupBox"
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield widget.tabText(i), "tab"
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    yield action.text(), "menu"


def access_keys(root: QWidget) -> dict[str, list[str]]:
    """Each access key used by what ``root`` shows at once, with the texts that use it."""
    keys: dict[str, list[str]] = {}
    for text, kind in _keyed_texts(root):
        key = mnemonic(text)
        if key:
            keys.setdefault(key, []).append(f"{kind} « {text} »")
    return keys


def menu_access_keys(menu: QMenu) -> dict[str, list[str]]:
    """Each access key of one menu's entries (a menu open is its own screen)."""
    keys: dict[str, list[str]] = {}
    for action in menu.actions():
        key = mnemonic(action.text()) if action.isVisible() and not action.isSeparator() else ""
        if key:
            keys.setdefault(key, []).append(f"« {action.text()} »")
    return keys


def clashes(keys: dict[str, list[str]]) -> list[str]:
    """The keys used more than once, said as « Alt+S : … / … »."""
    return [f"Alt+{key.upper()} : {' / '.join(texts)}" for key, texts in sorted(keys.items()) if len(texts) > 1]
