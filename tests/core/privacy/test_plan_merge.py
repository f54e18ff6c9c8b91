"""merge_plans: the one way an earlier plan (a recipe, the Protect page before a rescan) meets a new scan."""

from __future__ import annotations

import pytest

from capnum_desktop.core.privacy import Decision, PrivacyPlan, plan_for_schema, scan_table
from capnum_desktop.core.privacy.plan import merge_plans
from tests.core.privacy.columns import Generator
from tests.core.privacy.helpers import make_table


@pytest.fixture
def people():
    gen = Generator(seed=5)
    mk = gen.makers()
    n = 30
    return make_table({
        "Nom": [gen.last() for _ in range(n)],
        "Courriel": [mk["email"]() for _ in range(n)],
        "Montant": [str(10 * i) for i in range(n)],
    })


def test_earlier_decisions_win_absent_columns_are_dropped_new_ones_get_the_default(people) -> None:
    scan = scan_table(people)
    fresh = plan_for_schema(scan, people)
    nom = scan.finding("Nom")
    assert nom is not None and nom.category and scan.finding("Courriel").category
    previous = PrivacyPlan([Decision("Nom", "pseudonymise", category=nom.category, reason="choix de l'agent"),
                            Decision("Ancienne", "remove", category="email"),
                            Decision("Montant", "remove")],  # not flagged: the agent's choice still holds
                           k=7, enforce_k=True, quasi_identifiers=["Montant", "Ancienne"])
    merged = merge_plans(previous, fresh, scan, people.columns)
    plan = merged.plan
    assert plan.decision("Nom").action == "pseudonymise" and plan.decision("Nom").reason == "choix de l'agent"
    assert plan.decision("Montant").action == "remove"
    assert plan.decision("Ancienne") is None and merged.absent == ("Ancienne",)
    assert plan.decision("Courriel") == fresh.decision("Courriel")
    assert [d.column for d in merged.added] == ["Courriel"] and merged.recategorised == ()
    assert (plan.k, plan.enforce_k, plan.quasi_identifiers) == (7, True, ("Montant",))
    assert plan.subject == fresh.subject and plan is not previous and plan is not fresh
    assert [d.column for d in previous.decisions] == ["Nom", "Ancienne", "Montant"]  # the earlier plan is untouched


def test_a_column_now_holding_other_personal_data_gets_the_default(people) -> None:
    scan = scan_table(people)
    fresh = plan_for_schema(scan, people)
    previous = PrivacyPlan([Decision("Courriel", "keep", category="last_name", exception="x")])
    merged = merge_plans(previous, fresh, scan, people.columns)
    assert merged.recategorised == ("Courriel",) and "Courriel" not in [d.column for d in merged.added]
    assert merged.plan.decision("Courriel") == fresh.decision("Courriel")
