"""The Protect step says what it found in French or English from codes and parameters (issue 16).

The scan's evidence and the plan's notes are phrases (pieces of ``core/privacy/sentences.py`` with their
parameters); the French sentences kept on the results are made from them, so French reads as before and
English is made from the same facts.
"""

from __future__ import annotations

import random

from faker import Faker

from capnum_desktop.core.privacy import ScanResult, scan_table
from capnum_desktop.core.privacy.scan import ColumnFinding
from capnum_desktop.core.privacy.sentences import PRIVACY_SENTENCES, from_json, say, to_json
from capnum_desktop.core.privacy.small_communes import SmallCommunes
from tests.core.privacy.helpers import make_table


def _people(n: int = 200) -> dict[str, list[str]]:
    fake = Faker("fr_FR")
    Faker.seed(3)
    rng = random.Random(3)
    first, last = [fake.first_name() for _ in range(n)], [fake.last_name() for _ in range(n)]
    return {
        "nom": last, "prenom": first,
        "courriel": [fake.email() if i % 7 else "contact@mairie.fr" for i in range(n)],
        "tel": [f"06 12 34 56 {i % 100:02d}" for i in range(n)],
        "date de naissance": [fake.date_of_birth(minimum_age=1, maximum_age=95).strftime("%d/%m/%Y") for _ in range(n)],
        "code postal": [rng.choice(["75001", "69001", "73670", "74540"]) for _ in range(n)],
        "lien": [f"https://ex.fr/{a.lower()}-{b.lower()}" for a, b in zip(first, last, strict=True)],
        "obs": [f"x {fake.ssn()}" if i % 10 == 0 else "rien" for i in range(n)],
        "siret": [fake.siret().replace(" ", "") for _ in range(n)],
        "vide": [""] * n,
        "montant": [str(rng.randint(1, 999)) for _ in range(n)],
    }


def test_the_evidence_is_coded_and_its_french_is_the_sentence_kept() -> None:
    scan = scan_table(make_table(_people()))
    keys = set()
    for f in scan.columns:
        assert len(f.evidence_phrases) == len(f.evidence), f.column
        assert [say(p) for p in f.evidence_phrases] == f.evidence  # French made from the codes
        assert f.evidence_in("fr") == f.evidence
        keys |= {key for p in f.evidence_phrases for key, _ in p}
        english = f.evidence_in("en")
        assert len(english) == len(f.evidence) and not set(english) & set(f.evidence), english
    assert {"evidence.header", "values.count", "values.email.generic", "evidence.name-in-value",
            "evidence.spans.nir", "evidence.company-ids", "evidence.nothing"} <= keys
    assert set(keys) <= set(PRIVACY_SENTENCES)


def test_english_evidence_says_the_same_counts() -> None:
    scan = scan_table(make_table(_people()))
    email, link = scan.finding("courriel"), scan.finding("lien")
    assert email is not None and link is not None
    assert email.evidence_in("en")[0] == "The header contains \"courriel\", a word associated with: e-mail address."
    french, english = email.evidence[1], email.evidence_in("en")[1]
    assert french.startswith("200 valeurs sur 200 (100 %) ressemblent à des adresses e-mail, dont ")
    assert english.startswith("200 of 200 values (100%) look like e-mail addresses, ")
    assert link.evidence_in("en")[0].endswith("(\"nom\", \"prenom\"): publishing this column would give that name back.")
    assert link.label_in("en") == "Person's name repeated in another column (link, identifier)"
    assert link.explanation_in("en").startswith("The column repeats, row by row, a person's name")
    montant = scan.finding("montant")
    assert montant is not None and montant.explanation_in("en").startswith("No personal data found")


def test_a_stored_scan_keeps_its_codes_and_an_older_one_reads_french() -> None:
    scan = scan_table(make_table(_people(60)))
    again = ScanResult.from_dict(scan.to_dict())
    assert [f.evidence_in("en") for f in again.columns] == [f.evidence_in("en") for f in scan.columns]
    older = scan.finding("nom").to_dict()
    older.pop("evidence_phrases")
    assert ColumnFinding.from_dict(older).evidence_in("en") == scan.finding("nom").evidence  # no codes: French
    assert from_json(None) == () and from_json(to_json((("end", {}),))) == (("end", {}),)


def test_small_communes_in_both_languages_with_their_plurals() -> None:
    one = SmallCommunes("cp", "postal_code", 2000, 1, 1, 1)
    many = SmallCommunes("commune", "commune", 2000, 5, 2, 5)
    assert one.sentence().startswith("1 ligne concerne 1 code postal desservant des communes de moins de 2\u202f000 "
                                      "habitants : ")
    assert many.sentence().startswith("5 lignes concernent 2 communes de moins de 2\u202f000 habitants : ")
    assert say(one.phrase(), "en").startswith("1 row is in 1 postal code serving communes with fewer than 2,000 "
                                              "inhabitants: ")
    assert say(many.phrase(), "en").startswith("5 rows are in 2 communes with fewer than 2,000 inhabitants: ")


def _plans() -> list:
    from capnum_desktop.core.privacy import plan_for_schema
    from capnum_desktop.core.schemas import load_schema
    from tests.core.privacy.test_schema_plan import _beneficiaries, _car_parks

    fake = Faker("fr_FR")
    fake.seed_instance(13)
    person_coords = make_table({"nom_lieu": [fake.name() for _ in range(20)],
                                "Xlong": [f"{2.3 + i / 997:.6f}" for i in range(20)],
                                "Ylat": [f"{48.8 + i / 991:.6f}" for i in range(20)],
                                "nom": [fake.last_name() for _ in range(20)]})
    made = []
    for table, schema in ((make_table(_car_parks()), "etalab/schema-lieux-covoiturage"),
                          (person_coords, "etalab/schema-lieux-covoiturage"),
                          (make_table(_beneficiaries()), "scdl/subventions"), (make_table(_people()), None)):
        made.append(plan_for_schema(scan_table(table), table, load_schema(schema) if schema else None))
    return made


def test_the_plans_notes_are_coded_and_said_in_english() -> None:
    from capnum_desktop.core.privacy.sentences import say_all

    parks, persons, beneficiaries, people = _plans()
    for plan in (parks, persons, beneficiaries, people):
        assert plan.subject_phrase and say(plan.subject_phrase) == plan.subject_note
        assert plan.subject_note_in("fr") == plan.subject_note != plan.subject_note_in("en")
        for d in plan.decisions:
            assert say_all(d.note_phrases) == d.note and d.note_in("fr") == d.note, d.column
            assert not d.note or d.note_in("en") != d.note, d.column
    assert parks.subject_note_in("en").startswith("The schema describes places or facilities (")
    assert parks.decision("Xlong").note_in("en").startswith("Kept: an attribute of a place or facility, not personal")
    assert persons.decision("Xlong").note_in("en").startswith(
        "Conflict with the schema: the field \"Xlong\" is required; removing the column makes the file unpublishable.")
    assert beneficiaries.subject_note_in("en").startswith("The column \"nomBeneficiaire\" names companies")
    assert beneficiaries.decision("nomBeneficiaire").note_in("en").startswith(
        "The rows of sole traders (natural persons) are withheld from publication as a whole")
    assert people.subject_note_in("en").startswith("Nothing shows that the rows describe legal persons")
    small = people.decision("code postal")
    assert small is not None and small.note.startswith("Département proposé : petites communes sous le seuil de 2\u202f000")
    assert small.note_in("en").startswith("Département proposed: small communes under the threshold of 2,000 inhabitants")


def test_recipes_keep_the_codes_and_older_recipes_read_french() -> None:
    from dataclasses import replace

    from capnum_desktop.core.privacy import PrivacyPlan

    parks = _plans()[0]
    again = PrivacyPlan.from_dict(json_round_trip(parks.to_dict()))
    assert again == parks
    assert again.decision("Xlong").note_in("en") == parks.decision("Xlong").note_in("en")
    assert again.subject_note_in("en") == parks.subject_note_in("en")
    older = parks.to_dict()
    older.pop("subject_phrase")
    for d in older["decisions"]:
        d.pop("note_phrases", None)
    old = PrivacyPlan.from_dict(older)  # a recipe written before the codes: French in every language
    assert old == parks and old.subject_note_in("en") == parks.subject_note
    assert old.decision("Xlong").note_in("en") == parks.decision("Xlong").note
    edited = replace(parks.decision("Xlong"), note="Gardé sur avis du DPO.")  # a note that no longer says its codes
    assert edited.note_in("en") == "Gardé sur avis du DPO."


def json_round_trip(data: dict) -> dict:
    import json

    return json.loads(json.dumps(data))


def test_what_forbids_a_plan_is_said_in_french_or_english() -> None:
    from capnum_desktop.core.privacy import Decision, PrivacyPlan, validate_plan
    from capnum_desktop.core.privacy.plan import plan_problems

    plan = PrivacyPlan([Decision("nir", "keep", category="nir"), Decision("nom", "keep", category="last_name"),
                        Decision("texte", "keep", exception="texte", category="full_name"),
                        Decision("commune", "keep", category="commune")],
                       small_communes={"commune": {"rows": 1, "communes": 1, "threshold": 2000}})
    assert validate_plan(plan) == [
        "Colonne « nir » (numéro de sécurité sociale (nir)) : cette donnée ne peut jamais être publiée.",
        "Colonne « nom » (nom de famille) : la conserver exige une exception légale (D312-1-3, texte, consentement…).",
        "Colonne « texte » : citez le texte qui impose la publication.",
        "Colonne « commune » : 1 ligne dans des communes de moins de 2000 habitants ; pour conserver la commune, "
        "choisissez l'exception qui le permet, sinon généralisez au département."]
    english = validate_plan(plan, lang="en")
    assert english[1] == ("Column \"nom\" (surname): keeping it requires a legal exception (D312-1-3, a text, "
                          "consent…).")
    assert english[3].startswith("Column \"commune\": 1 row in communes of fewer than 2000 inhabitants; ")
    assert [key for p in plan_problems(plan) for key, _ in p] == [
        "problem.never-keep", "problem.needs-exception", "problem.needs-reference", "problem.small-communes"]


def test_the_marks_of_protected_cells_in_both_languages() -> None:
    from capnum_desktop.core.privacy import Decision, PrivacyPlan, emptied_by_protect

    plan = PrivacyPlan([Decision("a", "remove"), Decision("b", "suppress"), Decision("c", "keep")])
    assert emptied_by_protect(plan) == {"a": "colonne supprimée à l'étape Protéger", "b": "vidé à l'étape Protéger"}
    assert emptied_by_protect(plan, "en") == {"a": "column removed at the Protect step",
                                              "b": "emptied at the Protect step"}


def test_a_refused_plan_is_an_error_in_french_or_english() -> None:
    import pytest

    from capnum_desktop.core.privacy import Decision, PrivacyPlan
    from capnum_desktop.core.privacy.plan import PrivacyPlanError, check_plan

    with pytest.raises(PrivacyPlanError) as caught:
        check_plan(PrivacyPlan([Decision("nir", "keep", category="nir")]))
    error = caught.value
    assert error.message == "Colonne « nir » (numéro de sécurité sociale (nir)) : cette donnée ne peut jamais être publiée."
    assert error.hint == PrivacyPlanError.default_hint == say((("problem.hint", {}),))
    assert error.text("fr") == (error.message, error.hint)
    assert error.text("en") == ("Column \"nir\" (social security number (nir)): this data can never be published.",
                                "Choose an allowed action for this column, or state the legal exception that allows "
                                "publishing it (it will be written in the processing report).")
    assert PrivacyPlanError("Autre.").text("en") == ("Autre.", PrivacyPlanError.default_hint)  # no codes: French
