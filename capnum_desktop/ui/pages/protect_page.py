"""Step 3, Protéger: each column where personal data was found, the rule, and what to do with it.

Arriving on the page scans the mapped table in the background (core ``scan_for_schema``: the scan and
the plan made for it, in one job). Each flagged column gets a :class:`FindingCard` with the proposed
action (the rules' default) and the others; keeping a direct identifier needs a legal exception. The
re-identification risk (k-anonymity) is said in words with a button that turns on the core's fix.
"Suivant" applies the plan (core ``apply_plan``) in the background, stores scan, plan, log and protected
table in the session, and moves on. Problems with the plan (a NIR kept, a name kept without exception)
block "Suivant" and are listed in plain French.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.privacy import (
    ColumnFinding,
    PrivacyLog,
    PrivacyPlan,
    ScanResult,
    apply_plan,
    k_anonymity,
    load_rules,
    plan_for_schema,
    validate_plan,
)
from capnum_desktop.core.privacy.plan import merge_plans
from capnum_desktop.core.privacy.schema_plan import scan_for_schema
from capnum_desktop.core.table import Table
from capnum_desktop.ui.i18n import current_language
from capnum_desktop.ui.pages.base import Page
from capnum_desktop.ui.widgets.finding_card import FindingCard


def _default_k() -> int:
    """The k the user set in the settings (11 when unset or unreadable)."""
    try:
        from capnum_desktop.core.preferences import load_preferences

        return int(load_preferences().k)
    except Exception:  # preferences are a convenience: never block the page on them
        return load_rules().k_default


class ProtectPage(Page):
    """Protéger: one card per column with a finding, the k-anonymity result, apply on "Suivant"."""

    step_id = "protect"

    def __init__(self, session: Any, jobs: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, jobs, parent)
        self.rules = load_rules()
        self.cards: dict[str, FindingCard] = {}
        self._scanned: Table | None = None  # the table the current scan was made on
        self._applying = False
        self._problems: list[str] = []
        self._k_memo: tuple[Table, tuple[tuple[str, ...], int], Any] | None = None  # see _k_now

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Résumé de l'analyse"))
        self.rescan_button = QPushButton(self.tr("&Relancer l'analyse"), self)
        self.rescan_button.setAccessibleName(self.tr("Relancer la recherche de données personnelles"))
        self.rescan_button.clicked.connect(self.rescan)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.rescan_button)

        self.cards_box = QWidget(self)
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_scroll = QScrollArea(self)
        self.cards_scroll.setWidgetResizable(True)
        self.cards_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_scroll.setWidget(self.cards_box)
        self.cards_scroll.setAccessibleName(self.tr("Colonnes avec des données personnelles"))

        # under the cards, in their scroll area: on a 720 px high screen the cards need the height more
        self.others_label = QLabel(self.cards_box)
        self.others_label.setObjectName("hint")
        self.others_label.setWordWrap(True)
        self.cards_layout.addWidget(self.others_label)
        self.cards_layout.addStretch(1)

        # k-anonymity
        self.k_label = QLabel(self)
        self.k_label.setWordWrap(True)
        self.k_label.setAccessibleName(self.tr("Risque de ré-identification"))
        self.k_spin = QSpinBox(self)
        self.k_spin.setRange(2, 1000)
        self.k_spin.setValue(_default_k())
        self.k_spin.setAccessibleName(self.tr("Taille minimale des groupes (k)"))
        self.k_spin.setToolTip(self.tr("Chaque combinaison de quasi-identifiants doit être partagée par au "
                                       "moins k lignes (11 : règle de l'INSEE et de la DGFiP)."))
        k_caption = QLabel(self.tr("Seuil &k :"), self)
        k_caption.setBuddy(self.k_spin)
        self.fix_k_button = QPushButton(self.tr("&Corriger le risque"), self)
        self.fix_k_button.setAccessibleName(self.tr("Généraliser puis vider les valeurs trop rares"))
        self.fix_k_button.setToolTip(self.tr("Généralise les quasi-identifiants (tranches, département…), puis vide "
                                             "les cellules des lignes encore isolables."))
        self.fix_k_button.clicked.connect(self.fix_k_anonymity)
        self.fix_k_button.setProperty("pageAction", True)  # must be in sight without scrolling (widgets.fit)
        k_box = QGroupBox(self.tr("Risque de ré-identification par croisement"), self)
        k_layout = QHBoxLayout(k_box)  # one line: on a 705 px high screen the cards need the height
        k_layout.addWidget(self.k_label, 1)
        k_layout.addWidget(k_caption)
        k_layout.addWidget(self.k_spin)
        k_layout.addWidget(self.fix_k_button)
        self.k_spin.valueChanged.connect(self._on_k_changed)

        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b00020;")
        self.problems_label.setAccessibleName(self.tr("Problèmes à corriger avant de continuer"))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Résultat de la protection"))
        self.report_button = QPushButton(self.tr("Voir le rapport de &traitement…"), self)
        self.report_button.setAccessibleName(self.tr("Voir le rapport de traitement des données personnelles"))
        self.report_button.clicked.connect(self.show_processing_report)
        self.report_button.setVisible(False)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.report_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.cards_scroll, 1)
        layout.addWidget(k_box)
        layout.addWidget(self.problems_label)
        layout.addLayout(result_row)
        layout.addStretch(0)  # keeps everything at the top when there is no card to show
        self._show_empty()

    def heightForWidth(self, width: int) -> int:
        """The least height the page can live with at this width, not the height it would like: the
        window's page frame (a resizable scroll area) sizes a page with wrapped labels to this, and with
        the preferred height the cards area took its full wish (360 px) and pushed the re-identification
        box under the fold at 1366×705, where the cards area can simply scroll."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return super().heightForWidth(width)
        return layout.totalMinimumHeightForWidth(width)

    def _set_result(self, text: str) -> None:
        """An empty result line takes no height: on a 705 px high screen the cards need it."""
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))

    def title(self) -> str:
        return self.tr("Protéger")

    def subtitle(self) -> str:
        return self.tr("Les colonnes qui semblent contenir des données personnelles, la règle qui s'applique et "
                       "l'action proposée. Vous décidez ; tout est inscrit dans le rapport de traitement.")

    # -- scanning ----------------------------------------------------------------------------------
    def scan_input(self) -> Table | None:
        """The table the privacy step works on: the mapped one (or the file as read without a schema)."""
        return self.session.conformed if self.session.conformed is not None else self.session.source_table

    def enter(self) -> None:
        table = self.scan_input()
        if table is None:
            self._show_empty()
            return
        if self.session.scan is not None and (self._scanned is table or self._scanned is None):
            self._scanned = table
            self._show_scan(self.session.scan, self.session.plan)
            return
        self.rescan()

    def leave(self) -> None:
        if self.jobs.is_running("scan"):
            self.jobs.cancel("scan")

    def rescan(self) -> None:
        table = self.scan_input()
        if table is None:
            return
        self.summary_label.setText(self.tr("Recherche de données personnelles en cours…"))
        self.rescan_button.setEnabled(False)
        self.sig_state_changed.emit()
        k = self.k_spin.value()
        self.jobs.start("scan", scan_for_schema, table, self.session.schema, k=k, rules=self.rules,
                        mapping=self._mapping_of(table),
                        on_done=lambda result, t=table: self._on_scan_done(t, *result),
                        on_failed=self._on_job_failed,
                        on_cancelled=self._on_scan_cancelled)

    def _on_scan_done(self, table: Table, scan: ScanResult, made: PrivacyPlan) -> None:
        """``made``: the plan made for this scan in the same job (core scan_for_schema)."""
        self._scanned = table
        self.session.proposed_plan = (scan, made)
        self.rescan_button.setEnabled(True)
        plan = made
        previous = self.session.plan
        if previous is not None:  # the user's decisions stay, as a recipe's do (core merge_plans)
            plan = merge_plans(previous, plan, scan, table.columns).plan
        plan = replace(plan, k=self.k_spin.value())
        self.session.set_privacy(scan, plan)
        self._show_scan(scan, plan)
        self._focus_first_card()
        n = len(scan.flagged)
        self.sig_status.emit((self.tr("Analyse terminée : {n} colonne à examiner.") if n <= 1 else
                              self.tr("Analyse terminée : {n} colonnes à examiner.")).format(n=n))

    def _on_scan_cancelled(self) -> None:
        self.rescan_button.setEnabled(True)
        self.summary_label.setText(self.tr("Analyse interrompue. Cliquez sur « Relancer l'analyse » pour la reprendre."))
        self.sig_state_changed.emit()

    def _on_job_failed(self, exc: BaseException) -> None:
        self.rescan_button.setEnabled(True)
        self._applying = False
        self.sig_error.emit(exc)
        self.sig_state_changed.emit()

    # -- showing -----------------------------------------------------------------------------------
    def _show_empty(self) -> None:
        self._clear_cards()
        self.cards_scroll.setVisible(False)
        self.summary_label.setText(self.tr("Ouvrez un fichier et associez-le à un schéma pour rechercher les "
                                           "données personnelles."))
        self.others_label.setText("")
        self.k_label.setText("")
        self.fix_k_button.setEnabled(False)
        self.problems_label.setText("")
        self._set_result("")

    def _clear_cards(self) -> None:
        for card in self.cards.values():
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = {}

    def _show_scan(self, scan: ScanResult, plan: PrivacyPlan | None) -> None:
        self._clear_cards()
        flagged = scan.flagged
        if flagged:
            found = (self.tr("{n} colonne semble contenir des données personnelles.") if len(flagged) <= 1 else
                     self.tr("{n} colonnes semblent contenir des données personnelles.")).format(n=len(flagged))
            self.summary_label.setText(found + " " + self.tr(
                "Vérifiez chaque proposition : l'application vous aide, mais c'est vous (et votre délégué à la "
                "protection des données) qui décidez."))
            if plan is not None and plan.subject_note and plan.subject != "person":
                self.summary_label.setText(self.summary_label.text() + "\n"
                                           + plan.subject_note_in(current_language()))
        else:
            self.summary_label.setText(self.tr(
                "Aucune donnée personnelle n'a été repérée dans les {n} colonnes. Parcourez tout de même le "
                "tableau avant de publier.").format(n=len(scan.columns)))
        proposed = self._proposals(scan)
        for finding in flagged:
            decision = plan.decision(finding.column) if plan is not None else None
            card = FindingCard(finding, self.rules, decision, self.cards_box, proposed=proposed.get(finding.column),
                               source_column=self._source_column(finding.column))
            card.sig_changed.connect(self._on_card_changed)
            self.cards_layout.insertWidget(self.cards_layout.indexOf(self.others_label), card)
            self.cards[finding.column] = card
        self.cards_scroll.setVisible(bool(flagged))
        others = [f.column for f in scan.columns if not f.category]
        lines = []
        left_out = self._left_out()
        if left_out:  # the agent sees here, not only in the report, that these columns are dropped
            lines.append(self.tr("Non publiées, car aucun champ du schéma ne les reprend : {columns}.").format(
                columns=", ".join(self.tr("« {column} » ({found})").format(column=f.column, found=self._found(f))
                                  for f in left_out)))
        if others:
            lines.append(self.tr("Sans donnée personnelle repérée : {columns}.").format(
                columns=", ".join(self.tr("« {column} »").format(column=c) for c in others)))
        self.others_label.setText("\n".join(lines))
        if plan is not None and plan.k != self.k_spin.value():
            self.k_spin.blockSignals(True)
            self.k_spin.setValue(plan.k)
            self.k_spin.blockSignals(False)
        self._refresh_state()

    def _focus_first_card(self) -> None:
        """The scan ends after the window put the keyboard on the page's first control then (the k
        threshold, the cards not yet made): it goes to the first card's action, what the agent decides
        first, unless it is already elsewhere on purpose (a card, the grid, another step)."""
        focused = QApplication.focusWidget()
        if not self.cards or not self.isVisible() or (focused is not None and focused is not self.k_spin
                                                       and focused.isVisible()):
            return
        next(iter(self.cards.values())).action_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _found(self, finding: ColumnFinding) -> str:
        """What was found in a column, in the window's language (« téléphone repéré », "phone number")."""
        lang = current_language()
        if lang == "fr":  # the report's words, which agree in gender with what was found
            from capnum_desktop.core.privacy.report import found_words

            return found_words(finding.category, finding.label)
        return finding.label_in(lang, self.rules).lower()

    def _left_out(self) -> list[ColumnFinding]:
        """The file's columns no schema field takes, in which personal data was found (not exported)."""
        s = self.session
        if s.conformed is None or s.source_table is None or s.mapping is None:
            return []
        from capnum_desktop.core.privacy.report import left_out_findings

        return left_out_findings(s.source_table, s.mapping, self.rules)

    def _mapping_of(self, table: Table) -> Any:
        """The mapping that made ``table`` (None for the file as read): sentences name the file's columns."""
        return self.session.mapping if table is self.session.conformed else None

    def _source_column(self, column: str) -> str | None:
        """The file's own column that feeds the scanned field ``column`` (None without a mapping)."""
        mapping = self.session.mapping
        if self.session.conformed is None or mapping is None:
            return None
        return mapping.column_for(column)

    def _proposals(self, scan: ScanResult) -> dict[str, str]:
        """What the plan made for the schema proposes per column (marked « proposé » on the cards)."""
        table = self._scanned if self._scanned is not None else self.scan_input()
        if table is None:
            return {}
        proposed = self.session.proposed_plan
        if proposed is not None and proposed[0] is scan:  # made in the scan's job
            return {d.column: d.action for d in proposed[1].decisions}
        made = plan_for_schema(scan, table, self.session.schema, rules=self.rules)
        return {d.column: d.action for d in made.decisions}

    def _refresh_state(self) -> None:
        """Re-read the plan: problems, the k-anonymity sentence, what was applied."""
        plan = self.session.plan
        self._problems = (validate_plan(plan, rules=self.rules, lang=current_language())
                          if plan is not None else [])
        self.problems_label.setText("\n".join(self._problems))
        self.problems_label.setVisible(bool(self._problems))
        self._show_k()
        log: PrivacyLog | None = self.session.privacy_log
        applied = self.session.protected is not None and log is not None
        self._set_result(self._log_sentence(log) if applied and log is not None else "")
        self.report_button.setVisible(applied)
        self.sig_state_changed.emit()

    def _show_k(self) -> None:
        scan, plan = self.session.scan, self.session.plan
        log: PrivacyLog | None = self.session.privacy_log
        if scan is None:
            self.k_label.setText("")
            self.fix_k_button.setEnabled(False)
            return
        result = log.k_after if (self.session.protected is not None and log is not None and log.k_after) \
            else self._k_now()
        lang = current_language()
        text = result.sentence(lang) if result is not None else scan.k_anonymity.sentence(lang)
        if plan is not None and plan.subject in ("legal_entity", "facility") and not plan.quasi_identifier_columns():
            text = (self.tr("Anonymat k non mesuré : les lignes décrivent des personnes morales, pas des personnes "
                            "physiques.") if plan.subject == "legal_entity" else
                    self.tr("Anonymat k non mesuré : les lignes décrivent des lieux ou équipements, pas des "
                            "personnes physiques."))
        if plan is not None and plan.enforce_k and self.session.protected is None:
            text += " " + self.tr("La correction automatique sera appliquée au passage à l'étape suivante.")
        self.k_label.setText(text)
        at_risk = result is not None and not result.ok
        self.fix_k_button.setEnabled(at_risk and not self._applying)

    def _k_now(self) -> Any:
        """k-anonymity of the mapped table over the quasi-identifiers the plan keeps (before actions).

        Measured again only when the table, the quasi-identifiers or k change (a card's exception or a band
        width does not): at 1M rows one measure holds the UI thread ~80 ms. The scan's own measure is
        taken when it is over the same columns and k (right after a scan, the usual case)."""
        plan, table, scan = self.session.plan, self._scanned, self.session.scan
        if plan is None or table is None:
            return None
        try:
            qis = tuple(plan.quasi_identifier_columns(self.rules))
            key = (qis, plan.k)
            if self._k_memo is not None and self._k_memo[0] is table and self._k_memo[1] == key:
                return self._k_memo[2]
            measured = scan.k_anonymity if scan is not None else None
            if measured is None or (tuple(measured.quasi_identifiers), measured.target) != key:
                measured = k_anonymity(table, list(qis), plan.k)
            self._k_memo = (table, key, measured)
            return measured
        except Exception:  # a measure for display only: fall back on the scan's
            return None

    def _log_sentence(self, log: PrivacyLog) -> str:
        removed = [e.column for e in log.entries if e.action == "remove"]
        changed = sum(e.cells_changed for e in log.entries if e.action != "remove")
        parts = [self.tr("Protection appliquée.")]
        if removed:
            parts.append(self.tr("Colonnes retirées : {columns}.").format(
                columns=", ".join(f"« {c} »" for c in removed)))
        if changed:
            parts.append((self.tr("{n} cellule transformée.") if changed <= 1 else
                          self.tr("{n} cellules transformées.")).format(n=changed))
        if log.rows_withheld:
            parts.append((self.tr("{n} ligne d'entrepreneur individuel (personne physique) retirée de la "
                                  "publication.") if log.rows_withheld <= 1 else
                          self.tr("{n} lignes d'entrepreneurs individuels (personnes physiques) retirées de la "
                                  "publication.")).format(n=log.rows_withheld))
        if log.rows_dropped - log.rows_withheld > 0:
            dropped = log.rows_dropped - log.rows_withheld
            parts.append((self.tr("{n} ligne retirée pour l'anonymat k.") if dropped <= 1 else
                          self.tr("{n} lignes retirées pour l'anonymat k.")).format(n=dropped))
        return " ".join(parts)

    # -- decisions ----------------------------------------------------------------------------------
    def current_plan(self) -> PrivacyPlan | None:
        """The plan as the cards show it now."""
        plan = self.session.plan
        if plan is None:
            return None
        new = replace(plan, k=self.k_spin.value())
        for card in self.cards.values():
            new = new.with_decision(card.decision())
        return new

    def _on_card_changed(self, _column: str) -> None:
        self._store_plan(self.current_plan())

    def _on_k_changed(self, _value: int) -> None:
        if self.session.plan is not None:
            self._store_plan(self.current_plan())

    def _store_plan(self, plan: PrivacyPlan | None) -> None:
        """A new plan: the protected table no longer matches it, so it is dropped until applied again."""
        if plan is None or self.session.scan is None:
            return
        self.session.set_privacy(self.session.scan, plan)
        self._refresh_state()

    def fix_k_anonymity(self) -> None:
        """Turn on the core's k-anonymity fix and apply the plan now, to show the result."""
        plan = self.current_plan()
        if plan is None:
            return
        plan = replace(plan, enforce_k=True)
        self._store_plan(plan)
        if not self._problems:
            self.apply(advance=False)

    # -- applying -------------------------------------------------------------------------------------
    def apply(self, advance: bool = True) -> bool:
        """Apply the plan in the background; True when it started."""
        table, plan = self.scan_input(), self.current_plan()
        if table is None or plan is None or self._problems:
            return False
        self._applying = True
        self.fix_k_button.setEnabled(False)
        self._set_result(self.tr("Application des actions en cours…"))
        self.sig_state_changed.emit()
        self.jobs.start("protect", apply_plan, table, plan, rules=self.rules,
                        on_done=lambda result, p=plan: self._on_applied(p, result, advance),
                        on_failed=self._on_job_failed,
                        on_cancelled=self._on_apply_cancelled)
        return True

    def _on_applied(self, plan: PrivacyPlan, result: tuple[Table, PrivacyLog], advance: bool) -> None:
        self._applying = False
        protected, log = result
        self.session.set_privacy(self.session.scan, plan, log, protected)
        self._refresh_state()
        self.sig_status.emit(self._log_sentence(log))
        if advance:
            self.sig_advance_requested.emit()

    def _on_apply_cancelled(self) -> None:
        self._applying = False
        self._set_result(self.tr("Application interrompue : rien n'a été modifié."))
        self._show_k()
        self.sig_state_changed.emit()

    def processing_report_html(self) -> str:
        """The processing report of what was applied, as the export will write it (no cell value)."""
        from capnum_desktop.core.privacy import build_processing_report, render_html

        s = self.session
        user = ""
        try:
            from capnum_desktop.core.preferences import load_preferences

            user = load_preferences().user_name
        except Exception:  # the name is optional in the report
            user = ""
        left_out = self._left_out()
        report = build_processing_report(source_name=str(s.path or ""), scan=s.scan, plan=s.plan,
                                         log=s.privacy_log, user=user, rules=self.rules, left_out=left_out,
                                         mapping=s.mapping if s.conformed is not None else None)
        return render_html(report)

    def show_processing_report(self) -> None:
        """Show the processing report in a window, before exporting it."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser

        if self.session.privacy_log is None or self.session.scan is None or self.session.plan is None:
            return
        try:
            html = self.processing_report_html()
        except Exception as exc:  # shown as a dialog (CapnumError) or logged
            self.sig_error.emit(exc)
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Rapport de traitement des données personnelles"))
        browser = QTextBrowser(dialog)
        browser.setAccessibleName(self.tr("Rapport de traitement"))
        browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Fermer"))
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        dialog.resize(800, 600)
        self.report_dialog = dialog
        dialog.open()

    # -- Page interface -------------------------------------------------------------------------------
    def can_go_next(self) -> bool:
        return (self.session.scan is not None and not self._problems and not self._applying
                and not self.jobs.is_running("scan"))

    def next_blocker(self) -> str:
        if self.jobs.is_running("scan") or (self.session.scan is None and self.scan_input() is not None):
            return self.tr("Recherche de données personnelles en cours…")
        if self._applying:
            return self.tr("Application des actions en cours…")
        if self._problems:
            return self.tr("Corrigez d'abord les décisions signalées en rouge.")
        if self.scan_input() is None:
            return self.tr("Ouvrez d'abord un fichier.")
        return ""

    def go_next(self) -> bool:
        if self.session.protected is not None:
            return True
        self.apply(advance=True)
        return False


