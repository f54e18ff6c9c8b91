"""What does not fit on a small screen: cut labels, squeezed buttons, controls pushed out of sight.

Agents work on 1366×768 laptops (1366×705 once the taskbar is there) and on 1920×1080 screens at 150 %
(1280×720 for Qt). A text cut mid-word or a button out of the window cannot be read or reached. These
checks are used by the tests (every page at both sizes) and by ``bench/screenshots.py`` (printed next to
each picture), so what is looked at and what is tested are the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QScrollArea,
    QWidget,
)

SMALL_SCREENS: tuple[tuple[int, int], ...] = ((1366, 705), (1280, 720))
"""The window sizes every page must fit: 1366×768 minus the Windows taskbar, 1920×1080 at 150 %."""


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    name = widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__} « {text or name} »"


def _visible_rect(widget: QWidget, root: QWidget) -> QRect:
    """The part of ``widget`` that is on screen inside ``root``: its rectangle cut by every ancestor's
    (a scroll area's viewport cuts what is scrolled away — that is fine, it can be scrolled to)."""
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        rect = rect.intersected(QRect(parent.mapTo(root, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(root.rect())


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _page_frame(widget: QWidget, root: QWidget) -> QScrollArea | None:
    """The wizard's page frame (``pageFrame``) when it is the nearest scroll area above ``widget``."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return parent if isinstance(parent, QScrollArea) and parent.objectName() == "pageFrame" else None
        parent = parent.parentWidget()
    return None


def is_page_action(button: QAbstractButton) -> bool:
    """A button that does the step's work: the page's primary button (« Exporter », « Ouvrir un autre
    fichier… ») or one the page marks with the ``pageAction`` property (« Ouvrir le dossier »)."""
    return button.objectName() == "primaryButton" or bool(button.property("pageAction"))


def out_of_sight(root: QWidget) -> list[str]:
    """The page's action buttons (:func:`is_page_action`) below (or above) the fold of the page frame:
    reachable only by scrolling, so a person who does not think of scrolling never sees them (Exporter at
    1280×720 was 25 px under the edge)."""
    problems: list[str] = []
    for widget in root.findChildren(QAbstractButton):
        if not widget.isVisible() or widget.window() is not root.window() or widget.width() <= 0:
            continue
        if not is_page_action(widget):
            continue
        frame = _page_frame(widget, root)
        if frame is None or not frame.isVisible():
            continue
        viewport = frame.viewport()
        rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        view = viewport.rect()
        # The fold is vertical: a button partly past the right edge is the horizontal checks' business.
        if rect.top() < view.top() or rect.bottom() > view.bottom():
            seen = max(0, min(rect.bottom(), view.bottom()) - max(rect.top(), view.top()) + 1)
            problems.append(f"{_describe(widget)} : sous le bord de la page ({seen} px visibles sur "
                            f"{widget.height()}, il faut faire défiler)")
    return problems


def clipped(root: QWidget) -> list[str]:
    """The visible texts and controls under ``root`` that are cut or out of reach, said in French."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root.window() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and widget.pixmap().isNull():
            if widget.sizeHint().width() > widget.width() + 1 and not widget.toolTip():
                problems.append(f"{_describe(widget)} : texte coupé ({widget.width()} px pour "
                                f"{widget.sizeHint().width()} px)")
        elif isinstance(widget, QAbstractButton) and widget.text() \
                and widget.sizeHint().width() > widget.width() + 1:
            problems.append(f"{_describe(widget)} : bouton trop étroit ({widget.width()} px pour "
                            f"{widget.sizeHint().width()} px)")
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().isVisible() \
                and isinstance(widget, QScrollArea):
            problems.append(f"{_describe(widget)} : défilement horizontal (la page est plus large que la fenêtre)")
        if isinstance(widget, (QAbstractButton, QLabel)) and not _in_scroll_area(widget, root):
            seen = _visible_rect(widget, root)
            if seen.width() < widget.width() - 1:
                problems.append(f"{_describe(widget)} : en partie hors de la fenêtre")
    return problems + out_of_sight(root)
