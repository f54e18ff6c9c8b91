"""Every visible string is translated (English available), and every control can be reached and named."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from capnum_desktop.resources import resource_path


def _builder():
    spec = importlib.util.spec_from_file_location("build_translations", resource_path("i18n", "build_translations.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_translation_files_are_up_to_date_and_complete() -> None:
    problems = _builder().check()
    assert problems == [], "run resources/i18n/build_translations.py and translate:\n" + "\n".join(problems[:30])


def _french_only() -> set[str]:
    """French source texts whose English differs (seeing one in English mode = not translated)."""
    root = ET.parse(resource_path("i18n", "capnum_en.ts")).getroot()
    out = set()
    for message in root.iter("message"):
        source, english = message.findtext("source") or "", message.findtext("translation") or ""
        if english and english != source and "{" not in source:
            out.add(source.replace("&", ""))
    return out


def _texts(widget: QWidget) -> list[str]:
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        for getter in ("text", "placeholderText", "toolTip", "accessibleName", "windowTitle", "title"):
            value = getattr(child, getter, None)
            if callable(value):
                try:
                    text = value()
                except TypeError:
                    continue
                if isinstance(text, str) and text:
                    texts.append(text.replace("&", ""))
    for action in widget.findChildren(__import__("PySide6.QtGui", fromlist=["QAction"]).QAction):
        texts.append(action.text().replace("&", ""))
    return texts


def test_the_window_speaks_english_when_asked(qtbot) -> None:
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.application import build_window
    from capnum_desktop.ui.i18n import install_translators

    app = QApplication.instance()
    install_translators(app, "en")
    try:
        window = build_window()
        window.show()
        texts = _texts(window)
        assert "Open a file…" in texts and "Recent files" in texts
        window.open_path(demo_file())
        qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
        window.show_step("map")
        texts = _texts(window)
        assert "Map to the schema" in " ".join(texts)
        window.pages["map"].choose_schema("scdl/subventions")
        qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
        texts += _texts(window)
        for step in ("protect", "verify", "export"):  # the other pages too, when they are in this version
            if step in window.pages and window.reachable(step):
                window.show_step(step)
                qtbot.wait(300)
                texts += _texts(window)
            if step == "protect" and step in window.pages:
                qtbot.waitUntil(lambda: window.next_button.isEnabled(), timeout=20000)
                window.next_button.click()
                qtbot.waitUntil(lambda: window.session.protected is not None, timeout=20000)
        french = _french_only()
        leftovers = sorted({t for t in texts if t in french})
        assert leftovers == [], f"French text left in the English interface: {leftovers}"
        window.session.clear()
        window.close()
        window.deleteLater()
    finally:
        install_translators(app, "fr")


FOCUSABLE = (QAbstractButton, QComboBox, QLineEdit, QSpinBox)


def _unnamed_controls(root: QWidget) -> list[str]:
    """Controls a screen reader could not name: no accessible name, no text of their own, no buddy label."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    bad = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, FOCUSABLE) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not w.isVisibleTo(root) or type(w).__name__.startswith("Qt") or w.parent().inherits("QAbstractSpinBox"):
            continue
        own_text = w.text().replace("&", "").strip() if isinstance(w, QAbstractButton) else ""
        if not (w.accessibleName() or own_text or id(w) in buddies):
            bad.append(f"{type(w).__name__} {w.objectName() or ''} in {type(w.parent()).__name__}")
    return bad


@pytest.mark.parametrize("step", ["open", "map"])
def test_every_control_has_a_name_and_a_keyboard_route(qtbot, step) -> None:
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.application import build_window

    window = build_window()
    window.show()
    assert _unnamed_controls(window.start_screen) == []
    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    window.show_step(step)
    if step == "map":
        window.pages["map"].choose_schema("scdl/subventions")
        qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    assert _unnamed_controls(window.pages[step]) == []
    assert _unnamed_controls(window.grid) == []
    # mnemonics: the main buttons and menus answer to Alt+letter
    for button in (window.next_button, window.back_button):
        assert "&" in button.text()
    assert all("&" in m.title() for m in window.menuBar().findChildren(__import__("PySide6.QtWidgets", fromlist=["QMenu"]).QMenu) if m.title())
    window.session.clear()
    window.close()
    window.deleteLater()


def test_the_error_list_speaks_english(qtbot) -> None:
    """Vérifier's error list (IssuesModel) went through a ``_tr(text)`` helper lupdate cannot read: its
    strings never reached the .ts and stayed French in English. They are literal translate calls now."""
    from capnum_desktop.core.schemas import schema_from_descriptor
    from capnum_desktop.core.validation import validate_table
    from capnum_desktop.ui.i18n import install_translators
    from capnum_desktop.ui.models.issues_model import IssuesModel, cell_marks, column_marks
    from tests.ui.conftest import make_table

    schema = schema_from_descriptor({"name": "t", "fields": [{"name": "montant", "type": "number"}]}, schema_id="t")
    report = validate_table(make_table(["montant"], [["douze"], ["treize"], ["1"]]), schema)
    app = QApplication.instance()
    install_translators(app, "en")
    try:
        model = IssuesModel()
        model.set_report(report)
        group = model.item(0)
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Problem"
        assert group.text().startswith('"montant" — ') and group.text().endswith(": 2")
        assert group.data(Qt.ItemDataRole.AccessibleTextRole).endswith('in "montant", 2 cells')
        assert group.child(0).text().startswith("Row ")
        # the kinds and problems themselves, made from the report's codes in English (issue 16)
        assert group.text() == '"montant" — Wrong type or format: 2'
        assert group.child(0).text() == 'Row 2: "douze" is not a number.'
        assert group.child(0).toolTip().startswith("Write a number with a point")
        assert column_marks(report)["montant"][1] == "2 errors in this column"
        assert cell_marks(report)[(2, "montant")][1].startswith('"douze" is not a number.')
    finally:
        install_translators(app, "fr")
    model = IssuesModel()
    model.set_report(report)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Problème"
    assert model.item(0).child(0).text() == "Ligne 2 : « douze » n'est pas un nombre."
    assert cell_marks(report)[(2, "montant")][1].startswith("« douze » n'est pas un nombre.")


def test_a_read_error_is_shown_in_english(qtbot, tmp_path) -> None:
    """A core read error carries a code: the dialog makes its sentences in the window's language (issue 16)."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    from capnum_desktop.core.errors import CapnumError
    from capnum_desktop.core.io import read_table
    from capnum_desktop.ui.errors import show_error
    from capnum_desktop.ui.i18n import install_translators

    try:
        read_table(tmp_path / "absent.csv")
    except CapnumError as exc:
        error = exc
    parent = QWidget()
    qtbot.addWidget(parent)
    app = QApplication.instance()
    install_translators(app, "en")
    try:
        show_error(parent, error)
        box = parent.findChildren(QMessageBox)[-1]
        assert box.text().endswith('absent.csv" cannot be found.')
        assert box.informativeText() == "Check the file's name and folder (it may have been moved or renamed)."
        box.close()
    finally:
        install_translators(app, "fr")
    show_error(parent, error)
    assert parent.findChildren(QMessageBox)[-1].text().endswith("absent.csv » est introuvable.")
