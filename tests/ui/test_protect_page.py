"""Protéger page: cards per finding (evidence, rule, actions, exception), k-anonymity in words and its fix."""

from __future__ import annotations

from dataclasses import replace

import pytest
from faker import Faker
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from capnum_desktop.core.table import Table
from tests.ui.conftest import make_table


def personal_table(n: int = 300, seed: int = 7) -> Table:
    """A subsidy-like table with names, e-mails, phones, birth dates and postal codes (Faker fr_FR)."""
    fake = Faker("fr_FR")
    Faker.seed(seed)
    rows = [[fake.last_name(), fake.first_name(), fake.email(), fake.phone_number(),
             fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y"), fake.postcode(),
             str(fake.random_int(100, 50000))] for _ in range(n)]
    return make_table(["nom", "prénom", "email", "téléphone", "date de naissance", "code postal", "montant"], rows)


@pytest.fixture
def page(qtbot, session, jobs):
    from capnum_desktop.ui.pages.protect_page import ProtectPage

    session.set_source("personnes.csv", None, personal_table())
    p = ProtectPage(session, jobs)
    qtbot.addWidget(p)
    p.show()
    p.enter()
    qtbot.waitUntil(lambda: not jobs.is_running(), timeout=20000)
    return p


def test_one_card_per_finding_with_evidence_rule_and_proposed_action(page) -> None:
    assert {"nom", "prénom", "email", "téléphone", "date de naissance", "code postal"} <= set(page.cards)
    assert "montant" not in page.cards
    assert "« montant »" in page.others_label.text()
    email = page.cards["email"]
    assert "valeurs sur 300" in email.evidence_label.text()  # counts, never a value
    assert "@" not in email.evidence_label.text()
    assert "RGPD" in email.rule_label.text() or "CRPA" in email.rule_label.text()
    assert email.action() == "remove"
    assert "(proposé)" in email.action_combo.currentText()
    assert page.cards["code postal"].action() == "generalise"
    assert "6 colonnes semblent" in page.summary_label.text()
    assert page.can_go_next()


def test_keeping_a_name_needs_a_legal_exception_and_its_text(page) -> None:
    card = page.cards["nom"]
    assert not card.exception_combo.isVisibleTo(page)
    card.set_action("keep")
    assert card.exception_combo.isVisibleTo(page)
    assert not page.can_go_next()
    assert "exception légale" in page.problems_label.text()
    assert "rouge" in page.next_blocker()
    card.set_exception("texte")
    assert card.reference_edit.isVisibleTo(page)
    assert "citez le texte" in page.problems_label.text()
    card.reference_edit.setText("décret n° 2017-779")
    assert page.problems_label.text() == ""
    assert page.can_go_next()
    decision = page.session.plan.decision("nom")
    assert (decision.action, decision.exception, decision.exception_reference) == ("keep", "texte", "décret n° 2017-779")


def test_next_applies_the_plan_and_stores_the_protected_table(qtbot, page) -> None:
    advanced = []
    page.sig_advance_requested.connect(lambda: advanced.append(True))
    page.cards["téléphone"].set_action("remove")
    assert page.go_next() is False  # it works in the background, then asks to advance
    qtbot.waitUntil(lambda: bool(advanced), timeout=20000)
    s = page.session
    assert s.protected is not None and s.privacy_log is not None
    assert s.table.columns == ["date de naissance", "code postal", "montant"]
    assert set(s.table.df["code postal"]) <= {f"{d:02d}" for d in range(1, 100)} | {"2A", "2B", ""} | \
        {str(d) for d in range(971, 990)}
    assert "Colonnes retirées" in page.result_label.text() and "« email »" in page.result_label.text()
    assert s.table.df.index.tolist() == list(range(2, 302))  # source row numbers kept


def test_k_anonymity_in_words_and_one_click_fix(qtbot, page) -> None:
    assert "ré-identifiées" in page.k_label.text()
    assert page.fix_k_button.isEnabled()
    page.fix_k_button.click()
    qtbot.waitUntil(lambda: page.session.protected is not None, timeout=30000)
    log = page.session.privacy_log
    assert page.session.plan.enforce_k
    assert log.k_after is not None and log.k_after.ok
    assert "au moins" in page.k_label.text()
    assert not page.fix_k_button.isEnabled()


def test_changing_a_decision_after_applying_drops_the_stale_protected_table(qtbot, page) -> None:
    page.apply(advance=False)
    qtbot.waitUntil(lambda: page.session.protected is not None, timeout=20000)
    page.cards["code postal"].set_action("remove")
    assert page.session.protected is None
    assert page.result_label.text() == ""


def test_cancelling_the_scan_says_so(qtbot, session, jobs) -> None:
    from capnum_desktop.ui.pages.protect_page import ProtectPage

    session.set_source("personnes.csv", None, personal_table(2000))
    page = ProtectPage(session, jobs)
    qtbot.addWidget(page)
    page.enter()
    assert "en cours" in page.summary_label.text()
    assert not page.can_go_next() and "en cours" in page.next_blocker()
    jobs.cancel("scan")
    assert "interrompue" in page.summary_label.text()
    assert page.rescan_button.isEnabled()
    assert session.scan is None


def test_processing_report_preview_after_applying(qtbot, page) -> None:
    assert not page.report_button.isVisibleTo(page)
    page.apply(advance=False)
    qtbot.waitUntil(lambda: page.session.protected is not None, timeout=20000)
    assert page.report_button.isVisibleTo(page)
    page.report_button.click()
    html = page.report_dialog.findChild(QTextBrowser).toPlainText()
    assert "email" in html and "RGPD" in html
    emails = set(page.session.source_table.df["email"])
    assert not [e for e in emails if e in html]  # never a personal value
    page.report_dialog.close()


def test_generalisation_method_chosen_on_the_card_reaches_the_applied_table(qtbot, page) -> None:
    card = page.cards["date de naissance"]
    assert card.action() == "generalise"
    assert card.method_combo.isVisibleTo(page)
    assert card.method_combo.count() == 2
    assert "(proposé)" in card.method_combo.itemText(0) and "10 ans" in card.method_combo.itemText(0)
    assert "20 ans" in card.method_combo.itemText(1) and "80 ans et plus" in card.method_combo.itemText(1)
    card.method_combo.setFocus()
    qtbot.keyClick(card.method_combo, Qt.Key.Key_Down)  # keyboard route to the coarser bands
    assert card.method() == ("birth_date_band", {"width": 20, "top": 80})
    decision = page.session.plan.decision("date de naissance")
    assert decision.params["method"] == "birth_date_band" and decision.params["width"] == 20
    card.set_action("remove")
    assert not card.method_combo.isVisibleTo(page)  # only shown for "généraliser"
    card.set_action("generalise")
    assert card.method_combo.isVisibleTo(page)
    postal = page.cards["code postal"].method_combo  # département, EPCI, or only the small communes' (issue 17)
    assert [postal.itemData(i)[0] for i in range(postal.count())] == ["departement", "epci",
                                                                        "small_commune_departement"]
    page.apply(advance=False)
    qtbot.waitUntil(lambda: page.session.protected is not None, timeout=20000)
    bands = set(page.session.table.df["date de naissance"]) - {""}
    assert bands and bands <= {"0-19 ans", "20-39 ans", "40-59 ans", "60-79 ans", "80 ans et plus"}
    assert any(e.column == "date de naissance" and e.params.get("width") == 20
               for e in page.session.privacy_log.entries)


def test_a_method_from_a_saved_plan_is_shown_again(qtbot, page) -> None:
    from capnum_desktop.ui.widgets.finding_card import FindingCard

    finding = page.session.scan.finding("date de naissance")
    decision = page.session.plan.decision("date de naissance")
    decision = replace(decision, params={"method": "birth_date_band", "width": 20, "top": 80})
    card = FindingCard(finding, page.rules, decision)
    qtbot.addWidget(card)
    assert card.method_combo.currentIndex() == 1
    decision = replace(decision, params={"method": "birth_date_band", "width": 5, "top": 100})  # not a choice: kept
    card = FindingCard(finding, page.rules, decision)
    qtbot.addWidget(card)
    assert "5 ans" in card.method_combo.currentText()
    assert card.decision().params == {"method": "birth_date_band", "width": 5, "top": 100}


def _protect_with_schema(qtbot, session, jobs, table: Table, schema_id: str):
    """The Protect page on ``table`` mapped to the catalogue schema ``schema_id``, scan done."""
    from capnum_desktop.core.schemas import load_schema
    from capnum_desktop.ui.pages.protect_page import ProtectPage

    session.set_source("source.csv", None, table)
    session.set_schema(load_schema(schema_id), schema_id)
    p = ProtectPage(session, jobs)
    qtbot.addWidget(p)
    p.show()
    p.enter()
    qtbot.waitUntil(lambda: not jobs.is_running(), timeout=20000)
    return p


def test_cards_follow_the_schema_and_the_subject_of_the_rows(qtbot, session, jobs) -> None:
    """Car parks under the covoiturage schema: coordinates kept with the reason shown on the card."""
    rows = [[f"P{i}", f"Parking {i}", f"{5.2 + i / 1000:.6f}", f"{46.2 + i / 1000:.6f}"] for i in range(30)]
    p = _protect_with_schema(qtbot, session, jobs, make_table(["id_local", "nom_lieu", "Xlong", "Ylat"], rows),
                             "etalab/schema-lieux-covoiturage")
    card = p.cards["Xlong"]
    assert card.action() == "keep"
    assert card.note_label.isVisibleTo(p) and "considérant 14" in card.note_label.text()
    assert "lieux ou équipements" in p.summary_label.text()
    assert "Anonymat k non mesuré" in p.k_label.text()
    assert p.can_go_next()  # the kept coordinates carry their exception: nothing blocks
    card.set_action("remove")  # leaving the proposal asks for a reason, recorded in the plan
    assert card.reason_edit.isVisibleTo(p)
    card.reason_edit.setText("Parkings privés")
    assert p.current_plan().decision("Xlong").reason == "Parkings privés"


def test_sole_traders_rows_withheld_by_default_and_another_choice_needs_a_reason(qtbot, session, jobs) -> None:
    fake = Faker("fr_FR")
    fake.seed_instance(3)
    rows = [[f"{fake.first_name()} {fake.last_name()}" if i % 4 == 0 else f"{fake.company()} SARL",
             fake.siret().replace(" ", ""), str(100 + i)] for i in range(40)]
    p = _protect_with_schema(qtbot, session, jobs, make_table(["nomBeneficiaire", "idBeneficiaire", "montant"], rows),
                             "scdl/subventions")
    card = p.cards["nomBeneficiaire"]
    assert card.action() == "withhold" and "(proposé)" in card.action_combo.currentText()
    assert "retirées de la publication" in card.note_label.text()
    assert p.can_go_next() and not card.reason_edit.isVisibleTo(p)
    card.set_action("suppress")
    assert card.reason_edit.isVisibleTo(p)
    assert not p.can_go_next() and "motif" in p.problems_label.text()
    card.reason_edit.setText("Publication nominative décidée par délibération")
    assert p.can_go_next()


def test_cards_are_titled_with_the_agents_column_and_the_field_beside_it(qtbot, session, jobs) -> None:
    fake = Faker("fr_FR")
    fake.seed_instance(3)
    rows = [[f"{fake.first_name()} {fake.last_name()}" if i % 4 == 0 else f"{fake.company()} SARL",
             fake.siret().replace(" ", ""), str(100 + i)] for i in range(40)]
    from capnum_desktop.core.schemas import Mapping, conform, load_schema
    from capnum_desktop.ui.pages.protect_page import ProtectPage

    phones = [f"06 12 34 {i:02d} {i + 10:02d}" for i in range(40)]
    table = make_table(["Nom du bénéficiaire", "SIRET", "Montant", "Téléphone"],
                       [[*row, phone] for row, phone in zip(rows, phones, strict=True)])
    schema = load_schema("scdl/subventions")
    mapping = Mapping(columns={"Nom du bénéficiaire": "nomBeneficiaire", "SIRET": "idBeneficiaire",
                               "Montant": "montant", "Téléphone": None})
    session.set_source("source.csv", None, table)
    session.set_schema(schema, "scdl/subventions")
    session.set_mapping(mapping, conform(table, schema, mapping))
    p = ProtectPage(session, jobs)
    qtbot.addWidget(p)
    p.show()
    p.enter()
    qtbot.waitUntil(lambda: not jobs.is_running(), timeout=20000)
    title = p.cards["nomBeneficiaire"].title_label.full_text()
    assert title.startswith("« Nom du bénéficiaire » → nomBeneficiaire : ")
    # a column no field takes, with personal data: said on the page that it is not published
    assert "Non publiées, car aucun champ du schéma ne les reprend : « Téléphone » (téléphone repéré)." \
        in p.others_label.text()


def test_the_page_speaks_the_windows_language(qtbot, session, jobs) -> None:
    """In English, the subject of the rows, the cards' evidence and the plan's notes are English (issue 16)."""
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.ui.i18n import install_translators

    rows = [[f"P{i}", f"Parking {i}", f"{5.2 + i / 1000:.6f}", f"{46.2 + i / 1000:.6f}"] for i in range(30)]
    install_translators(QApplication.instance(), "en")
    try:
        p = _protect_with_schema(qtbot, session, jobs, make_table(["id_local", "nom_lieu", "Xlong", "Ylat"], rows),
                                 "etalab/schema-lieux-covoiturage")
        card = p.cards["Xlong"]
        assert "places or facilities" in p.summary_label.text() and "lieux" not in p.summary_label.text()
        assert card.note_label.text().startswith("Kept: an attribute of a place or facility, not personal data")
        assert "Geographic coordinates" in card.title_label.full_text()
        assert "valeurs" not in card.evidence_label.text() and "of 30 values" in card.evidence_label.text()
        assert "Conservée" in p.current_plan().decision("Xlong").note  # the plan keeps its French note
        assert p.others_label.text() == "No personal data found: “nom_lieu”."
        p._store_plan(replace(p.current_plan(), decisions=[replace(d, action="zap") if d.column == "Ylat" else d
                                                           for d in p.current_plan().decisions]))
        assert p.problems_label.text() == "Column \"Ylat\": unknown action \"zap\"."
    finally:
        install_translators(QApplication.instance(), "fr")


def test_the_risk_is_measured_again_only_when_its_columns_or_k_change(page, monkeypatch) -> None:
    """At 1M rows one k-anonymity measure holds the window ~80 ms: right after the scan its own measure is
    shown, a change that keeps the quasi-identifiers and k reuses the last one, a new k measures again."""
    import capnum_desktop.ui.pages.protect_page as module

    calls: list[tuple[str, ...]] = []
    real = module.k_anonymity

    def counting(table, qis, k=11):  # type: ignore[no-untyped-def]
        calls.append(tuple(qis))
        return real(table, qis, k)

    monkeypatch.setattr(module, "k_anonymity", counting)
    page._k_memo = None
    first = page._k_now()
    assert first is not None and page._k_now() is first  # the same columns and k: no new measure
    before = len(calls)
    page.k_spin.setValue(page.k_spin.value() + 3)  # another k: measured again
    assert len(calls) == before + 1
    assert page._k_now().target == page.k_spin.value()
    assert len(calls) == before + 1


def test_after_the_scan_the_keyboard_is_on_the_first_cards_action(page) -> None:
    """Arriving, the window put the keyboard on the page's first control (the k threshold: no card yet);
    when the cards show up it goes to the first one's action, the first thing to decide."""
    first = next(iter(page.cards.values()))
    assert page.focusWidget() is first.action_combo


def test_a_rebuilt_page_does_not_make_the_plan_again(qtbot, page, jobs, monkeypatch) -> None:
    """After a language switch the page is rebuilt from the session: the cards' « proposé » marks come from the
    plan made in the scan's job, not from plan_for_schema run again on the UI thread (1M rows: seconds)."""
    import capnum_desktop.ui.pages.protect_page as module

    calls: list[object] = []
    monkeypatch.setattr(module, "plan_for_schema", lambda *a, **k: calls.append(a))
    rebuilt = module.ProtectPage(page.session, jobs)
    qtbot.addWidget(rebuilt)
    rebuilt.show()
    rebuilt.enter()
    assert calls == [] and set(rebuilt.cards) == set(page.cards)
