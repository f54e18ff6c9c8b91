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
from capnum_desktop.core.privacy.generalise import DEFAULT_METHOD, METHOD_LABELS, generalisation_choices
from capnum_desktop.core.privacy.rules import Rules
from capnum_desktop.core.privacy.sentences import category_explanation, category_label
from capnum_desktop.ui.i18n import current_language


def confidence_word(confidence: float) -> str:
    """The scan's confidence in one word (a colour alone would not be accessible)."""
    from PySide6.QtCore import QCoreApplication

    if confidence >= 0.8:
        return QCoreApplication.translate("FindingCard", "quasi certain")
    if confidence >= 0.6:
        return QCoreApplication.translate("FindingCard", "probable")
    return QCoreApplication.translate("FindingCard", "possible")


_METHOD_DEFAULTS: dict[str, dict[str, Any]] = {
    "age_band": {"width": 10, "top": 90}, "birth_date_band": {"width": 10, "top": 90}, "grid": {"decimals": 1},
}


def method_params(method: str, params: dict[str, Any]) -> dict[str, Any]:
    """A method's parameters with the core's defaults written out, so two spellings of one choice compare equal."""
    extra = {k: v for k, v in params.items() if k not in ("method", "label", "reference_date")}
    return {**_METHOD_DEFAULTS.get(method, {}), **extra}


def method_label(method: str, params: dict[str, Any]) -> str:
    """A generalisation method in the user's language, with what it keeps (band width, grid size)."""
    from PySide6.QtCore import QCoreApplication

    width, top = int(params.get("width", 10)), int(params.get("top", 90))
    if method == "age_band":
        return QCoreApplication.translate(
            "FindingCard", "Tranches d'âge de {width} ans ({top} ans et plus)").format(width=width, top=top)
    if method == "birth_date_band":
        return QCoreApplication.translate(
            "FindingCard", "Âge calculé depuis la date de naissance, tranches de {width} ans ({top} ans et plus)"
        ).format(width=width, top=top)
    if method == "departement":
        return QCoreApplication.translate("FindingCard", "Département (tiré du code postal)")
    if method == "commune_departement":
        return QCoreApplication.translate("FindingCard", "Département de la commune")
    if method == "small_commune_departement":
        return QCoreApplication.translate("FindingCard", "Département pour les petites communes seulement")
    if method == "epci":
        return QCoreApplication.translate("FindingCard", "Intercommunalité (EPCI) de la commune")
    if method == "month":
        return QCoreApplication.translate("FindingCard", "Mois (AAAA-MM)")
    if method == "year":
        return QCoreApplication.translate("FindingCard", "Année")
    if method == "grid":
        decimals = int(params.get("decimals", 1))
        if decimals == 0:
            return QCoreApplication.translate("FindingCard", "Coordonnées arrondies au degré (environ 100 km)")
        if decimals == 1:
            return QCoreApplication.translate(
                "FindingCard", "Coordonnées arrondies au dixième de degré (environ 10 km)")
        return QCoreApplication.translate(
            "FindingCard", "Coordonnées arrondies à {n} décimales").format(n=decimals)
    if method == "nationality_group":
        return QCoreApplication.translate("FindingCard", "France / Union européenne / hors UE")
    return METHOD_LABELS.get(method, method)


class FindingCard(QFrame):
    """Card for one flagged column; holds the user's decision for it."""

    sig_changed = Signal(str)
    """Emitted with the column name when the action, the exception or its reference changes."""

    def __init__(self, finding: ColumnFinding, rules: Rules, decision: Decision | None = None,
                 parent: QWidget | None = None, proposed: str | None = None, source_column: str | None = None) -> None:
        """``source_column`` is the agent's own column (the file's header) that feeds the schema field
        ``finding.column``; None when the column was not mapped (no schema, or a column kept as is)."""
        super().__init__(parent)
        self.finding = finding
        self.rules = rules
        self.source_column = source_column if source_column and source_column != finding.column else None
        # the rules' words and the scan's sentences in the window's language (the core keeps codes)
        self.lang = lang = current_language()
        self.setObjectName("findingCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # never stretched
        self.setStyleSheet("QFrame#findingCard { background: #ffffff; border: 1px solid #d5d9e0; "
                           "border-left: 4px solid #000091; border-radius: 6px; }")
        self.setAccessibleName(self.tr("Colonne « {column} »").format(column=self.source_column or finding.column))

        # the agent knows the column by the file's header, not by the schema's field name: both are shown
        label = category_label(finding.category, lang, rules, finding.label)
        if self.source_column:
            text = self.tr("« {column} » → {field} : {label}").format(
                column=self.source_column, field=finding.column, label=label)
        else:
            text = self.tr("« {column} » : {label}").format(column=finding.column, label=label)
        self.title_label = title = ElidedLabel(text, self)
        title.setObjectName("sectionTitle")
        self.confidence_label = QLabel(self.tr("Détection : {word}").format(
            word=confidence_word(finding.confidence)), self)
        self.confidence_label.setObjectName("hint")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.confidence_label)

        self.evidence_label = QLabel("\n".join(f"• {e}" for e in finding.evidence_in(lang, rules)), self)
        self.evidence_label.setWordWrap(True)
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence_label.setAccessibleName(self.tr("Indices trouvés"))

        refs = ", ".join(finding.legal_basis)
        explanation = category_explanation(finding.category, lang, rules, finding.explanation)
        self.rule_label = QLabel(self)
        self.rule_label.setWordWrap(True)
        self.rule_label.setTextFormat(Qt.TextFormat.PlainText)
        self.rule_label.setText(self.tr("Règle : {text} ({refs})").format(text=explanation, refs=refs)
                                if refs else self.tr("Règle : {text}").format(text=explanation))
        self.rule_label.setToolTip("\n".join(f"{r} : {rules.legal_text(r)}" for r in finding.legal_basis
                                             if rules.legal_text(r)))
        self.rule_label.setAccessibleName(self.tr("Règle applicable"))

        self.action_combo = QComboBox(self)
        self.action_combo.setAccessibleName(self.tr("Action pour la colonne « {column} »").format(
            column=finding.column))
        # the plan made for the schema may propose otherwise than the category's default (keep a car park's
        # coordinates, withhold a sole trader's row): the combo marks what the plan proposed
        self.proposed = proposed or finding.default_action
        for action in finding.allowed_actions:
            label = rules.action_label(action, lang)
            if action == self.proposed:
                label = self.tr("{label} (proposé)").format(label=label)
            self.action_combo.addItem(label, action)
        self.action_description = QLabel(self)
        self.action_description.setObjectName("hint")
        self.action_description.setWordWrap(True)

        self.choices = generalisation_choices(finding.category)
        self.method_combo = QComboBox(self)
        self.method_combo.setAccessibleName(self.tr("Méthode de généralisation pour la colonne « {column} »").format(
            column=finding.column))
        self.method_combo.setToolTip(self.tr("Le niveau auquel les valeurs sont regroupées : plus il est grossier, "
                                             "plus le risque de ré-identification baisse."))
        for i, choice in enumerate(self.choices):
            label = method_label(choice["method"], choice["params"])
            self.method_combo.addItem(self.tr("{label} (proposé)").format(label=label) if i == 0 else label,
                                      (choice["method"], method_params(choice["method"], choice["params"])))

        self.exception_combo = QComboBox(self)
        self.exception_combo.setAccessibleName(self.tr("Exception légale qui permet de publier la colonne"))
        self.exception_combo.addItem(self.tr("— choisissez l'exception qui s'applique —"), None)
        for exc in rules.exceptions:
            self.exception_combo.addItem(f"{exc.label_in(lang)} ({exc.reference})", exc.id)
            self.exception_combo.setItemData(self.exception_combo.count() - 1, exc.text_in(lang),
                                             Qt.ItemDataRole.ToolTipRole)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setAccessibleName(self.tr("Texte qui impose la publication"))
        self.reference_edit.setPlaceholderText(self.tr("ex. : décret n° 2017-779 du 5 mai 2017"))
        self.exception_hint = QLabel(self)
        self.exception_hint.setObjectName("hint")
        self.exception_hint.setWordWrap(True)
        # what the schema-aware plan says about this column (a conflict with the schema, why it is kept)
        self.note_label = QLabel(decision.note_in(lang) if decision is not None else "", self)
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setAccessibleName(self.tr("Ce que le schéma et l'objet des lignes changent"))
        self.note_label.setVisible(bool(self.note_label.text()))
        if decision is not None and "Conflit" in decision.note:
            self.note_label.setStyleSheet("color: #b34000; font-weight: bold;")
        self.reason_edit = QLineEdit(decision.reason if decision is not None else "", self)
        self.reason_edit.setAccessibleName(self.tr("Motif du choix, inscrit dans le rapport de traitement"))
        self.reason_edit.setPlaceholderText(self.tr("ex. : décision du DPO du 2 décembre"))

        form = QFormLayout()
        action_label = QLabel(self.tr("Action :"), self)
        action_label.setBuddy(self.action_combo)
        form.addRow(action_label, _stacked(self.action_combo, self.action_description))
        self.method_label = QLabel(self.tr("Méthode :"), self)
        self.method_label.setBuddy(self.method_combo)
        form.addRow(self.method_label, self.method_combo)
        self.exception_label = QLabel(self.tr("Exception :"), self)
        self.exception_label.setBuddy(self.exception_combo)
        form.addRow(self.exception_label, _stacked(self.exception_combo, self.exception_hint))
        self.reference_label = QLabel(self.tr("Texte cité :"), self)
        self.reference_label.setBuddy(self.reference_edit)
        form.addRow(self.reference_label, self.reference_edit)
        self.reason_label = QLabel(self.tr("Motif :"), self)
        self.reason_label.setBuddy(self.reason_edit)
        form.addRow(self.reason_label, self.reason_edit)
        form.setVerticalSpacing(4)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.note_label)
        layout.addLayout(form)

        if decision is not None:
            self._set_decision(decision)
        else:
            self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(self.proposed)))
        self.action_combo.currentIndexChanged.connect(self._on_changed)
        self.method_combo.currentIndexChanged.connect(self._on_changed)
        self.exception_combo.currentIndexChanged.connect(self._on_changed)
        self.reference_edit.textChanged.connect(self._on_changed)
        self.reason_edit.textChanged.connect(self._on_changed)
        self._initial = decision
        self._refresh()

    # -- state -----------------------------------------------------------------------------------
    def _set_decision(self, decision: Decision) -> None:
        idx = self.action_combo.findData(decision.action)
        self.action_combo.setCurrentIndex(max(0, idx))
        self.exception_combo.setCurrentIndex(max(0, self.exception_combo.findData(decision.exception)))
        self.reference_edit.setText(decision.exception_reference or "")
        if decision.action == "generalise":
            self._select_method(decision.params)

    def _select_method(self, params: dict[str, Any]) -> None:
        """Show the method a decision holds; one the drop-down lacks (from a recipe) is added to it."""
        method = params.get("method") or DEFAULT_METHOD.get(self.finding.category or "", "")
        if not method:
            return
        extra = method_params(method, params)
        exact = same = -1
        for i in range(self.method_combo.count()):
            m, p = self.method_combo.itemData(i)
            if m == method and same < 0:
                same = i
            if m == method and p == extra:
                exact = i
                break
        if exact < 0 and (extra != _METHOD_DEFAULTS.get(method, {}) or same < 0):
            self.method_combo.addItem(method_label(method, extra), (method, extra))
            exact = self.method_combo.count() - 1
        self.method_combo.setCurrentIndex(exact if exact >= 0 else same)

    def method(self) -> tuple[str, dict[str, Any]] | None:
        """The generalisation method chosen and its parameters (None when there is no choice)."""
        data = self.method_combo.currentData()
        return (data[0], dict(data[1])) if data else None

    def set_method(self, method: str, params: dict[str, Any] | None = None) -> bool:
        """Pick a method of the drop-down (the first with that name when ``params`` is None)."""
        for i in range(self.method_combo.count()):
            m, p = self.method_combo.itemData(i)
            if m == method and (params is None or p == method_params(method, params)):
                self.method_combo.setCurrentIndex(i)
                return True
        return False

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
        elif action == self.finding.default_action or action in ("suppress", "withhold"):
            params = dict(self.finding.default_params)  # e.g. which column flags the sole traders' rows
        if action == "generalise":
            chosen = self.method()
            if chosen is not None:
                dropped = {k for _, p in (self.method_combo.itemData(i) for i in range(self.method_combo.count()))
                           for k in p}
                params = {k: v for k, v in params.items() if k not in dropped | {"label", "reference_date"}}
                params.update(chosen[1], method=chosen[0])
            elif not params.get("method"):
                params["method"] = DEFAULT_METHOD.get(self.finding.category or "", "")
        exception = self.exception_combo.currentData() if action == "keep" else None
        reference = self.reference_edit.text().strip() if exception else ""
        reason = self.reason_edit.text().strip() if action != self.proposed else ""
        return Decision(self.finding.column, action, params, exception, self.finding.category, reference,
                        reason=reason, note=self._initial.note if self._initial is not None else "",
                        note_phrases=self._initial.note_phrases if self._initial is not None else ())

    def _on_changed(self) -> None:
        self._refresh()
        self.sig_changed.emit(self.finding.column)

    def _refresh(self) -> None:
        action = self.action()
        self.action_description.setText(self.rules.action_description(action, self.lang))
        if action == "pseudonymise":
            self.action_description.setText(self.action_description.text() + " "
                                            + self.rules.pseudonymisation_warning_in(self.lang))
        show_method = action == "generalise" and self.method_combo.count() > 0
        self.method_label.setVisible(show_method)
        self.method_combo.setVisible(show_method)
        changed = action != self.proposed
        show_reason = changed or bool(self.reason_edit.text())  # the agent's reason when leaving the proposal
        self.reason_label.setVisible(show_reason)
        self.reason_edit.setVisible(show_reason)
        # the exception is asked for only where the rule forbids publishing the data as is and the agent keeps
        # it (a name, a birth date…); a column kept by the plan with its exception already recorded shows it
        show_exception = action == "keep" and (self.finding.keep_requires_exception
                                               or self.exception_combo.currentData() is not None)
        for widget in (self.exception_label, self.exception_combo):
            widget.setVisible(show_exception)
        exc = self.rules.exception(self.exception_combo.currentData() or "")
        needs_reference = show_exception and exc is not None and exc.needs_reference
        self.reference_label.setVisible(needs_reference)
        self.reference_edit.setVisible(needs_reference)
        hint = ""
        if show_exception and exc is not None:
            hint = exc.text_in(self.lang)
        elif show_exception and self.finding.keep_requires_exception:
            hint = self.tr("Cette donnée ne peut pas être publiée telle quelle : la règle ci-dessus l'interdit, sauf "
                           "exception prévue par la loi. Pour la conserver, choisissez l'exception qui s'applique ; "
                           "elle sera inscrite dans le rapport de traitement. Sinon, choisissez une autre action.")
        self.exception_hint.setText(hint)
        self.exception_hint.setVisible(bool(hint))


class ElidedLabel(QLabel):
    """A one-line label that ends in « … » at a word boundary when it lacks room, the full text in its tooltip.

    A card's title may be long (« Nom du bénéficiaire de la subvention → nomBeneficiaire : nom de personne »);
    on a small screen it is shortened between words, never cut in the middle of one, and read whole on hover
    and by screen readers (accessible name)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(60)
        self._full = ""
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = elide_words(self._full, self.fontMetrics().horizontalAdvance, max(0, self.contentsRect().width()))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


def elide_words(text: str, width_of: Any, room: int) -> str:
    """``text`` if it fits in ``room`` pixels, else its longest run of whole words followed by « … »."""
    if room <= 0 or width_of(text) <= room:
        return text
    words = text.split(" ")
    for n in range(len(words) - 1, 0, -1):
        shown = " ".join(words[:n]).rstrip(" :→,") + " …"
        if width_of(shown) <= room:
            return shown
    return words[0] + " …" if words else text


def _stacked(*widgets: QWidget) -> QVBoxLayout:
    """Widgets one under the other without gaps (a control and its explanation)."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        box.addWidget(widget)
    return box
