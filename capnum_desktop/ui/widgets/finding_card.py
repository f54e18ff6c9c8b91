"""One card of the Protéger page: what was found in a column, why it matters, and what to do with it.

The card shows the category and the evidence (never a cell value: the core's evidence is counts),
the legal rule in one sentence with its references, the proposed action and the other allowed
ones, and — when keeping a direct identifier — the legal exception that allows it (from the rules
file's list) with the text to cite when the exception needs one. It emits ``sig_changed`` whenever
the decision it holds changes; :meth:`decision` builds the core ``Decision``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.privacy import ColumnFinding, Decision
from capnum_desktop.core.privacy.generalise import DEFAULT_METHOD
from capnum_desktop.core.privacy.rules import Rules


def confidence_word(confidence: float) -> str:
    """The scan's confidence in one word (a colour alone would not be accessible)."""
    from PySide6.QtCore import QCoreApplication

    if confidence >= 0.8:
        return QCoreApplication.translate("FindingCard", "quasi certain")
    if confidence >= 0.6:
        return QCoreApplication.translate("FindingCard", "probable")
    return QCoreApplication.translate("FindingCard", "possible")


class FindingCard(QFrame):
    """Card for one flagged column; holds the user's decision for it."""

    sig_changed = Signal(str)
    """Emitted with the column name when the action, the exception or its reference changes."""

    def __init__(self, finding: ColumnFinding, rules: Rules, decision: Decision | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.rules = rules
        self.setObjectName("findingCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # never stretched
        self.setStyleSheet("QFrame#findingCard { background: #ffffff; border: 1px solid #d5d9e0; "
                           "border-left: 4px solid #000091; border-radius: 6px; }")
        self.setAccessibleName(self.tr("Colonne « {column} »").format(column=finding.column))

        title = QLabel(self)
        title.setObjectName("sectionTitle")
        title.setText(self.tr("« {column} » : {label}").format(
            column=finding.column, label=finding.label or finding.category or ""))
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.confidence_label = QLabel(self.tr("Détection : {word}").format(
            word=confidence_word(finding.confidence)), self)
        self.confidence_label.setObjectName("hint")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.confidence_label)

        self.evidence_label = QLabel("\n".join(f"• {e}" for e in finding.evidence), self)
        self.evidence_label.setWordWrap(True)
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence_label.setAccessibleName(self.tr("Indices trouvés"))

        refs = ", ".join(finding.legal_basis)
        self.rule_label = QLabel(self)
        self.rule_label.setWordWrap(True)
        self.rule_label.setTextFormat(Qt.TextFormat.PlainText)
        self.rule_label.setText(self.tr("Règle : {text} ({refs})").format(text=finding.explanation, refs=refs)
                                if refs else self.tr("Règle : {text}").format(text=finding.explanation))
        self.rule_label.setToolTip("\n".join(f"{r} : {rules.legal_text(r)}" for r in finding.legal_basis
                                             if rules.legal_text(r)))
        self.rule_label.setAccessibleName(self.tr("Règle applicable"))

        self.action_combo = QComboBox(self)
        self.action_combo.setAccessibleName(self.tr("Action pour la colonne « {column} »").format(
            column=finding.column))
        for action in finding.allowed_actions:
            label = rules.actions.get(action, {}).get("label", action)
            if action == finding.default_action:
                label = self.tr("{label} (proposé)").format(label=label)
            self.action_combo.addItem(label, action)
        self.action_description = QLabel(self)
        self.action_description.setObjectName("hint")
        self.action_description.setWordWrap(True)

        self.exception_combo = QComboBox(self)
        self.exception_combo.setAccessibleName(self.tr("Exception légale qui permet de publier la colonne"))
        self.exception_combo.addItem(self.tr("— choisissez l'exception qui s'applique —"), None)
        for exc in rules.exceptions:
            self.exception_combo.addItem(f"{exc.label} ({exc.reference})", exc.id)
            self.exception_combo.setItemData(self.exception_combo.count() - 1, exc.text, Qt.ItemDataRole.ToolTipRole)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setAccessibleName(self.tr("Texte qui impose la publication"))
        self.reference_edit.setPlaceholderText(self.tr("ex. : décret n° 2017-779 du 5 mai 2017"))
        self.exception_hint = QLabel(self)
        self.exception_hint.setObjectName("hint")
        self.exception_hint.setWordWrap(True)

        form = QFormLayout()
        action_label = QLabel(self.tr("&Action :"), self)
        action_label.setBuddy(self.action_combo)
        form.addRow(action_label, _stacked(self.action_combo, self.action_description))
        self.exception_label = QLabel(self.tr("E&xception :"), self)
        self.exception_label.setBuddy(self.exception_combo)
        form.addRow(self.exception_label, _stacked(self.exception_combo, self.exception_hint))
        self.reference_label = QLabel(self.tr("&Texte cité :"), self)
        self.reference_label.setBuddy(self.reference_edit)
        form.addRow(self.reference_label, self.reference_edit)
        form.setVerticalSpacing(4)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.rule_label)
        layout.addLayout(form)

        if decision is not None:
            self._set_decision(decision)
        else:
            self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(finding.default_action)))
        self.action_combo.currentIndexChanged.connect(self._on_changed)
        self.exception_combo.currentIndexChanged.connect(self._on_changed)
        self.reference_edit.textChanged.connect(self._on_changed)
        self._initial = decision
        self._refresh()

    # -- state -----------------------------------------------------------------------------------
    def _set_decision(self, decision: Decision) -> None:
        idx = self.action_combo.findData(decision.action)
        self.action_combo.setCurrentIndex(max(0, idx))
        self.exception_combo.setCurrentIndex(max(0, self.exception_combo.findData(decision.exception)))
        self.reference_edit.setText(decision.exception_reference or "")

    def action(self) -> str:
        return str(self.action_combo.currentData())

    def set_action(self, action: str) -> None:
        idx = self.action_combo.findData(action)
        if idx >= 0:
            self.action_combo.setCurrentIndex(idx)

    def set_exception(self, exception_id: str | None, reference: str = "") -> None:
        self.exception_combo.setCurrentIndex(max(0, self.exception_combo.findData(exception_id)))
        self.reference_edit.setText(reference)

    def needs_exception(self) -> bool:
        return self.action() == "keep" and self.finding.keep_requires_exception

    def decision(self) -> Decision:
        """The core decision this card holds."""
        action = self.action()
        params: dict[str, Any] = {}
        if self._initial is not None and self._initial.action == action:
            params = dict(self._initial.params)
        elif action == self.finding.default_action:
            params = dict(self.finding.default_params)
        if action == "generalise" and not params.get("method"):
            params["method"] = DEFAULT_METHOD.get(self.finding.category or "", "")
        exception = self.exception_combo.currentData() if action == "keep" else None
        reference = self.reference_edit.text().strip() if exception else ""
        return Decision(self.finding.column, action, params, exception, self.finding.category, reference)

    def _on_changed(self) -> None:
        self._refresh()
        self.sig_changed.emit(self.finding.column)

    def _refresh(self) -> None:
        action = self.action()
        self.action_description.setText(self.rules.actions.get(action, {}).get("description", ""))
        if action == "pseudonymise":
            self.action_description.setText(self.action_description.text() + " " + self.rules.pseudonymisation_warning)
        show_exception = action == "keep"
        for widget in (self.exception_label, self.exception_combo):
            widget.setVisible(show_exception)
        exc = self.rules.exception(self.exception_combo.currentData() or "")
        needs_reference = show_exception and exc is not None and exc.needs_reference
        self.reference_label.setVisible(needs_reference)
        self.reference_edit.setVisible(needs_reference)
        hint = ""
        if show_exception and exc is not None:
            hint = exc.text
        elif show_exception and self.finding.keep_requires_exception:
            hint = self.tr("Pour publier cette colonne telle quelle, indiquez l'exception légale qui le permet : "
                           "elle sera inscrite dans le rapport de traitement.")
        self.exception_hint.setText(hint)
        self.exception_hint.setVisible(bool(hint))


def _stacked(*widgets: QWidget) -> QVBoxLayout:
    """Widgets one under the other without gaps (a control and its explanation)."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        box.addWidget(widget)
    return box
