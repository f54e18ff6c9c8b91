from __future__ import annotations

import json
from dataclasses import replace

import pytest

from capnum_desktop.core.privacy import (
    Decision,
    PrivacyLog,
    PrivacyPlan,
    PrivacyPlanError,
    apply_plan,
    default_plan,
    scan_table,
    validate_plan,
)
from capnum_desktop.core.privacy.generalise import birth_date_to_band, postal_to_departement
from capnum_desktop.paths import secrets_dir
from tests.core.privacy.columns import Generator
from tests.core.privacy.helpers import make_table


@pytest.fixture
def people():
    gen = Generator(seed=3)
    mk = gen.makers()
    n = 40
    return make_table({
        "Nom": [gen.last() for _ in range(n)],
        "Prénom": [gen.first() for _ in range(n)],
        "Courriel": [mk["email"]() for _ in range(n)],
        "Date de naissance": ["15/03/1980"] * 20 + ["2001-07-02"] * 20,
        "Code postal": ["75011"] * 10 + ["20090"] * 10 + ["20200"] * 10 + ["97411"] * 10,
        "Commentaire": [f"Appel de M. {gen.last()} au 06 12 34 56 78 pour le dossier, merci de rappeler." for _ in range(n)],
        "Montant": [str(100 * i) for i in range(n)],
    }, first_row=5)


def test_default_plan_removes_identifiers_generalises_quasi_identifiers_and_masks_text(people) -> None:
    scan = scan_table(people)
    plan = default_plan(scan)
    actions = {d.column: d.action for d in plan.decisions}
    assert actions == {"Nom": "remove", "Prénom": "remove", "Courriel": "remove", "Date de naissance": "generalise",
                       "Code postal": "generalise", "Commentaire": "mask"}
    out, log = apply_plan(people, plan)
    assert out.columns == ["Date de naissance", "Code postal", "Commentaire", "Montant"]
    assert list(out.df.index) == list(people.df.index)  # source rows kept
    assert set(out.df["Code postal"]) == {"75", "2A", "2B", "974"}
    assert all(b.endswith("ans") for b in out.df["Date de naissance"])
    assert not out.df["Commentaire"].str.contains("06 12").any()
    entry = log.entry("Commentaire")
    assert entry.spans_masked == {"phone": 40, "name": 40} and entry.cells_changed == 40
    assert log.entry("Nom").cells_changed == 40
    assert out.df["Montant"].tolist() == people.df["Montant"].tolist()
    assert people.columns[0] == "Nom"  # the input table is not modified


def test_generalisers() -> None:
    assert postal_to_departement("75011") == "75" and postal_to_departement("97411") == "974"
    assert postal_to_departement("20090") == "2A" and postal_to_departement("20200") == "2B"
    assert postal_to_departement("1400") == "01"  # Excel lost the leading zero of 01400
    assert postal_to_departement("750") == "" and postal_to_departement("Paris") == ""
    assert birth_date_to_band("15/03/1980", reference_date="2026-11-23") == "40-49 ans"
    assert birth_date_to_band("1920-01-01", reference_date="2026-11-23") == "90 ans et plus"
    assert birth_date_to_band("40-49 ans") == "40-49 ans"  # already generalised: unchanged


def test_generalisation_choices_for_the_gui() -> None:
    from capnum_desktop.core.privacy.generalise import generalisation_choices

    # the ladder's département first (the default), then « only the small communes » (issue 17)
    assert [c["method"] for c in generalisation_choices("postal_code")] == [
        "departement", "epci", "small_commune_departement"]
    assert generalisation_choices("age")[0]["params"] == {"width": 10}
    assert {c["method"] for c in generalisation_choices(None)} == {"month", "year"}


def test_keeping_a_name_needs_a_legal_exception(people) -> None:
    plan = PrivacyPlan([Decision("Nom", "keep", category="last_name")])
    assert validate_plan(plan)
    with pytest.raises(PrivacyPlanError):
        apply_plan(people, plan)
    plan = PrivacyPlan([Decision("Nom", "keep", category="last_name", exception="d312-1-3-6")])
    assert validate_plan(plan) == []
    out, log = apply_plan(people, plan)
    assert out.df["Nom"].tolist() == people.df["Nom"].tolist()
    assert log.entry("Nom").exception == "d312-1-3-6"


def test_a_text_exception_needs_its_reference_and_a_nir_can_never_be_kept() -> None:
    plan = PrivacyPlan([Decision("Nom", "keep", category="last_name", exception="texte")])
    assert validate_plan(plan)
    plan = plan.with_decision(replace(plan.decisions[0], exception_reference="décret 2017-779"))
    assert validate_plan(plan) == []
    nir = PrivacyPlan([Decision("n", "keep", category="nir", exception="consentement")])
    assert any("jamais" in p for p in validate_plan(nir))
    assert validate_plan(PrivacyPlan([Decision("n", "pseudonymise", category="nir")]))


def test_pseudonymisation_uses_a_key_kept_only_in_the_secrets_folder(people) -> None:
    plan = PrivacyPlan([Decision("Courriel", "pseudonymise", category="email")])
    out, log = apply_plan(people, plan)
    key_file = secrets_dir() / "pseudonymisation.key"
    assert key_file.exists() and key_file.stat().st_mode & 0o077 == 0  # readable by the user only
    key = key_file.read_text().strip()
    values = out.df["Courriel"].tolist()
    assert all(x.startswith("P-") for x in values if x)
    again, _ = apply_plan(people, plan)
    assert again.df["Courriel"].tolist() == values  # same key, same pseudonyms
    dumped = json.dumps(plan.to_dict()) + json.dumps(log.to_dict())
    assert key not in dumped
    assert "n'est PAS une anonymisation" in " ".join(log.entry("Courriel").warnings)


def test_suppress_sole_proprietor_cells_only() -> None:
    table = make_table({"Bénéficiaire": ["Dupont SARL", "Jean Martin", "Association des amis", "DURAND Marie EI"]})
    plan = PrivacyPlan([Decision("Bénéficiaire", "suppress", category="sole_proprietor")])
    out, log = apply_plan(table, plan)
    assert out.df["Bénéficiaire"].tolist() == ["Dupont SARL", "", "Association des amis", ""]
    assert log.entry("Bénéficiaire").cells_changed == 2


def test_rows_flagged_by_the_juridical_category_are_withheld_by_default() -> None:
    table = make_table({"siret": ["73282932000074", "44229377500031"], "categorie_juridique": ["5710", "1000"]})
    plan = default_plan(scan_table(table))
    assert plan.decision("siret").action == "withhold"
    out, log = apply_plan(table, plan)
    assert out.df["siret"].tolist() == ["73282932000074"]  # the whole row of the sole trader is gone
    assert log.rows_withheld == 1 and log.rows_after == 1
    plan = plan.with_decision(replace(plan.decision("siret"), action="suppress"))  # the agent's other choice: the cell
    out, _ = apply_plan(table, plan)
    assert out.df["siret"].tolist() == ["73282932000074", ""]


def test_plan_and_log_round_trip_through_json(people) -> None:
    plan = replace(default_plan(scan_table(people)), enforce_k=True)
    again = PrivacyPlan.from_dict(json.loads(json.dumps(plan.to_dict())))
    assert again.to_dict() == plan.to_dict()
    _out, log = apply_plan(people, again)
    assert PrivacyLog.from_dict(json.loads(json.dumps(log.to_dict()))).to_dict() == log.to_dict()
    assert log.k_after.ok
    text = json.dumps(plan.to_dict(), ensure_ascii=False) + json.dumps(log.to_dict(), ensure_ascii=False)
    for value in people.df["Nom"].tolist() + people.df["Courriel"].tolist():
        assert value not in text


def test_a_recipe_plan_on_next_months_file_protects_new_columns_and_reports_missing_ones(people) -> None:
    from capnum_desktop.core.privacy import plan_for_schema
    from capnum_desktop.core.privacy.plan import merge_plans

    old_plan = PrivacyPlan([Decision("Nom", "remove", category="last_name"),
                            Decision("Ancienne colonne", "remove", category="email")])
    scan = scan_table(people)
    merged = merge_plans(old_plan, plan_for_schema(scan, people), scan, people.columns)
    added = [d.column for d in merged.added]
    assert "Courriel" in added and "Nom" not in added
    assert merged.absent == ("Ancienne colonne",)
    out, _log = apply_plan(people, merged.plan)
    assert "Courriel" not in out.columns and "Nom" not in out.columns
    _out, log = apply_plan(people, old_plan)  # the plan as written: its missing column is in the log
    assert log.missing_columns == ["Ancienne colonne"]
