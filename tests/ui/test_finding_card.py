"""Protéger's cards: titled with the agent's own column and the schema field beside it, long titles shortened
between words with the whole title in a tooltip, and the legal-exception prompt only where one is needed."""

from __future__ import annotations

from faker import Faker

from capnum_desktop.core.privacy import scan_table
from capnum_desktop.core.privacy.rules import load_rules
from capnum_desktop.ui.widgets.finding_card import FindingCard, elide_words
from tests.ui.conftest import make_table


def _findings() -> dict:
    fake = Faker("fr_FR")
    Faker.seed(5)
    rows = [[fake.name(), fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y"),
             fake.postcode(), str(fake.random_int(100, 5000))] for _ in range(200)]
    scan = scan_table(make_table(["nomBeneficiaire", "date de naissance", "code postal", "montant"], rows))
    return {f.column: f for f in scan.flagged}


def test_title_shows_the_agents_column_with_the_field_beside_it(qtbot) -> None:
    finding = _findings()["nomBeneficiaire"]
    card = FindingCard(finding, load_rules(), source_column="Nom du bénéficiaire")
    qtbot.addWidget(card)
    assert card.title_label.full_text().startswith("« Nom du bénéficiaire » → nomBeneficiaire : ")
    assert card.accessibleName() == "Colonne « Nom du bénéficiaire »"
    alone = FindingCard(finding, load_rules())  # no schema: the column's own name alone
    qtbot.addWidget(alone)
    assert alone.title_label.full_text().startswith("« nomBeneficiaire » : ")
    assert "→" not in alone.title_label.full_text()


def test_a_long_title_is_shortened_between_words_with_a_tooltip(qtbot) -> None:
    finding = _findings()["nomBeneficiaire"]
    long_name = "Nom et prénom du bénéficiaire de la subvention tel qu'il figure sur la convention signée"
    card = FindingCard(finding, load_rules(), source_column=long_name)
    qtbot.addWidget(card)
    card.resize(420, 300)
    card.show()
    qtbot.waitExposed(card)
    shown, full = card.title_label.text(), card.title_label.full_text()
    assert shown != full and shown.endswith(" …")
    assert full.startswith(shown[:-2])  # a run of the title's own words...
    assert full[len(shown) - 2] == " "  # ...ending at a word boundary, never mid-word
    assert card.title_label.toolTip() == full
    card.resize(1600, 300)
    qtbot.waitUntil(lambda: card.title_label.text() == full)
    assert card.title_label.toolTip() == ""


def test_elide_words_never_cuts_a_word() -> None:
    def width(s: str) -> int:
        return len(s)
    assert elide_words("« Téléphone portable » → tel : numéro", width, 100) == "« Téléphone portable » → tel : numéro"
    assert elide_words("« Téléphone portable » → tel : numéro", width, 24) == "« Téléphone portable » …"
    assert elide_words("« Téléphone portable » → tel : numéro", width, 14) == "« Téléphone …"


def test_kept_column_asks_for_an_exception_only_when_the_rule_requires_one(qtbot) -> None:
    findings = _findings()
    name = FindingCard(findings["nomBeneficiaire"], load_rules())
    qtbot.addWidget(name)
    name.show()
    name.set_action("keep")
    assert findings["nomBeneficiaire"].keep_requires_exception
    assert name.exception_combo.isVisibleTo(name) and name.needs_exception()
    assert "ne peut pas être publiée telle quelle" in name.exception_hint.text()  # says why, in plain French
    # a column the rules let the agent keep as is: no « choisissez l'exception » prompt
    free = findings["code postal"]
    assert "keep" in free.allowed_actions and not free.keep_requires_exception
    card = FindingCard(free, load_rules())
    qtbot.addWidget(card)
    card.show()
    card.set_action("keep")
    assert card.action() == "keep"
    assert not card.exception_combo.isVisibleTo(card) and not card.exception_label.isVisibleTo(card)
    assert not card.exception_hint.isVisibleTo(card)
    assert card.decision().exception is None


def test_every_generalisation_method_is_named_in_the_ui_language(qtbot) -> None:
    """The core's French labels are a fallback only: each method the core offers has its own translated
    label, so the English UI never shows « intercommunalité (EPCI) » or « petites communes » in French."""
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.core.privacy.generalise import METHOD_LABELS
    from capnum_desktop.ui.i18n import install_translators
    from capnum_desktop.ui.widgets.finding_card import method_label

    app = QApplication.instance()
    install_translators(app, "en")
    try:
        english = {method: method_label(method, {}) for method in METHOD_LABELS}
    finally:
        install_translators(app, "fr")
    french = {method: method_label(method, {}) for method in METHOD_LABELS}
    for method in METHOD_LABELS:
        assert english[method] != french[method], f"{method}: not translated into English"


def test_the_card_speaks_the_windows_language(qtbot) -> None:
    """The category, its rule, the actions and the exceptions come from the rules' English (issue 16)."""
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.ui.i18n import install_translators

    finding = _findings()["nomBeneficiaire"]
    french = FindingCard(finding, load_rules())
    qtbot.addWidget(french)
    assert french.title_label.full_text() == "« nomBeneficiaire » : Nom et prénom"
    assert french.rule_label.text().startswith("Règle : Le nom d'une personne physique l'identifie directement")
    install_translators(QApplication.instance(), "en")
    try:
        card = FindingCard(finding, load_rules())
        qtbot.addWidget(card)
        assert card.title_label.full_text() == "\"nomBeneficiaire\": Full name"
        assert card.rule_label.text().startswith("Rule: A natural person's name directly identifies them")
        assert card.evidence_label.text() == ("• The header contains \"beneficiaire\", a word associated with: full "
                                              "name.\n• 188 of 200 values (94%) combine a known first name and a surname.")
        actions = [card.action_combo.itemText(i) for i in range(card.action_combo.count())]
        assert "Remove the column (proposed)" in actions and "Keep" in actions
        exceptions = [card.exception_combo.itemText(i) for i in range(card.exception_combo.count())]
        assert "Sports activities (CRPA D312-1-3 5°)" in exceptions
        card.set_action("keep")
        assert card.action_description.text().startswith("The column is published as is")
    finally:
        install_translators(QApplication.instance(), "fr")
