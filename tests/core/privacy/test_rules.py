from __future__ import annotations

import json

import pytest

from capnum_desktop.core.privacy.rules import ACTIONS, header_tokens, load_rules, parse_rules, rules_path

IDS = {"last_name", "first_name", "full_name", "email", "phone", "nir", "iban", "tax_id", "license_plate",
       "name_in_value", "ip_address", "postal_address", "birth_date", "gps", "free_text", "sole_proprietor", "sensitive",
       "age", "sex", "postal_code", "commune", "profession", "nationality"}


def test_every_category_of_the_issue_is_in_the_data_file_with_its_law_and_words() -> None:
    rules = load_rules()
    assert {c.id for c in rules.categories} == IDS
    for cat in rules.categories:
        assert cat.label and cat.explanation.endswith("."), cat.id
        assert cat.detection["headers"], cat.id
        assert cat.default_action in cat.allowed_actions, cat.id
        assert set(cat.allowed_actions) <= set(ACTIONS), cat.id
        assert cat.legal_basis, cat.id
        for ref in cat.legal_basis:
            assert rules.legal_text(ref), f"{cat.id}: no text for {ref}"
    quasi = {c.id for c in rules.categories if c.is_quasi_identifier}
    assert {"age", "sex", "postal_code", "commune", "profession", "nationality"} <= quasi


def test_the_nir_iban_and_sensitive_data_can_never_be_kept() -> None:
    rules = load_rules()
    for cid in ("nir", "iban", "sensitive", "tax_id"):
        cat = rules.category(cid)
        assert cat.never_keep and "keep" not in cat.allowed_actions
        assert "pseudonymise" not in cat.allowed_actions


def test_exceptions_list_the_d312_1_3_categories_and_texts() -> None:
    rules = load_rules()
    refs = [e.reference for e in rules.exceptions]
    assert any("D312-1-3 6°" in r for r in refs)  # elected officials
    assert any("D312-1-3 1°" in r for r in refs)  # agents in their functions
    assert rules.exception("texte").needs_reference


@pytest.mark.parametrize(("header", "expected"), [
    ("Nom", "last_name"), ("NOM_USAGE", "last_name"), ("nom_commune", None), ("commune_nom", None),
    ("Nom attributaire*", None), ("Prénom", "first_name"), ("dateNaissance", "birth_date"),
    ("Code INSEE", None), ("N° sécurité sociale", "nir"), ("Courriel", "email"), ("Tel 2", "phone"),
])
def test_header_words_match_whole_tokens_and_respect_exclusions(header: str, expected: str | None) -> None:
    rules = load_rules()
    person = ["last_name", "first_name", "birth_date", "nir", "email", "phone"]
    hits = [cid for cid in person if rules.category(cid).header_hit(header)]
    assert hits == ([expected] if expected else [])


def test_header_tokens_split_camel_case_accents_and_punctuation() -> None:
    assert header_tokens("dateDeNaissance") == ("date", "de", "naissance")
    assert header_tokens(" Nom du bénéficiaire* ") == ("nom", "du", "beneficiaire")


def test_a_rules_file_with_an_unknown_action_is_refused() -> None:
    data = json.loads(rules_path().read_text(encoding="utf-8"))
    data["categories"][0]["default_action"] = "publish"
    with pytest.raises(ValueError):
        parse_rules(data)


def test_default_generalisation_methods_exist() -> None:
    from capnum_desktop.core.privacy.generalise import METHODS

    for cat in load_rules().categories:
        method = cat.default_params.get("method")
        if cat.default_action == "generalise":
            assert method in METHODS, cat.id


def test_every_word_a_person_reads_has_its_english_beside_the_french() -> None:
    """Labels, explanations, actions and exceptions in English (issue 16); references stay as they are."""
    rules = load_rules()
    texts = [(c.label, c.label_in("en")) for c in rules.categories]
    texts += [(c.explanation, c.explanation_in("en")) for c in rules.categories]
    texts += [(rules.action_label(a), rules.action_label(a, "en")) for a in ACTIONS]
    texts += [(rules.action_description(a), rules.action_description(a, "en")) for a in ACTIONS]
    texts += [(e.label, e.label_in("en")) for e in rules.exceptions]
    texts += [(e.text, e.text_in("en")) for e in rules.exceptions if e.text]
    texts += [(rules.statement, rules.statement_in("en")),
              (rules.pseudonymisation_warning, rules.pseudonymisation_warning_in("en"))]
    for french, english in texts:
        assert english and english != french, french
    assert all(c.explanation_in("en").endswith(".") for c in rules.categories)
    nir = rules.category("nir")
    assert nir.label_in("fr") == nir.label == "Numéro de sécurité sociale (NIR)"
    assert nir.label_in("en") == "Social security number (NIR)"
    assert nir.label_in("de") == nir.label  # a language we do not write: French
    assert rules.exception("d312-1-3-5").text_in("en") == ""  # no text in French, none in English


def test_rules_without_english_read_as_french() -> None:
    """A rules file reviewed by a lawyer may lack the English of a new entry: the French is shown."""
    data = json.loads(rules_path().read_text(encoding="utf-8"))
    for cat in data["categories"]:
        cat.pop("en", None)
    rules = parse_rules(data)
    assert rules.category("email").label_in("en") == "Adresse e-mail"
