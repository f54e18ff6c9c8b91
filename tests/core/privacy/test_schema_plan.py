"""The plan made for the chosen schema and the subject of the rows (issue 13, cases 1 to 3)."""

from __future__ import annotations

import json
from dataclasses import replace

from faker import Faker

from capnum_desktop.core.privacy import (
    apply_plan,
    build_processing_report,
    decide_subject,
    default_plan,
    emptied_by_protect,
    plan_for_schema,
    scan_table,
    schema_conflicts,
    validate_plan,
)
from capnum_desktop.core.privacy.values import is_geo_literal
from capnum_desktop.core.schemas import load_schema

from .helpers import make_table


def _faker() -> Faker:
    fake = Faker("fr_FR")
    fake.seed_instance(13)
    return fake


def _car_parks(n: int = 30) -> dict[str, list[str]]:
    fake = _faker()
    return {
        "id_local": [f"01053-C-{i:03d}" for i in range(n)],
        "nom_lieu": [f"Parking {fake.street_name()}" for _ in range(n)],
        "ad_lieu": [fake.street_address() for _ in range(n)],
        "com_lieu": ["Bourg-en-Bresse"] * n,
        "insee": ["01053"] * n,
        "Xlong": [f"{5.2 + i / 1000:.6f}" for i in range(n)],
        "Ylat": [f"{46.2 + i / 1000:.6f}" for i in range(n)],
    }


def test_case1_required_coordinates_of_car_parks_are_kept() -> None:
    table = make_table(_car_parks())
    schema = load_schema("etalab/schema-lieux-covoiturage")
    scan = scan_table(table)
    assert default_plan(scan).decision("Xlong").action == "remove"  # what the schema-blind default did
    plan = plan_for_schema(scan, table, schema)
    assert plan.subject == "facility"
    for column in ("Xlong", "Ylat"):
        d = plan.decision(column)
        assert d.action == "keep" and d.exception == "personne-morale-ou-lieu"
        assert "pas une donnée personnelle" in d.note
    assert not validate_plan(plan) and not schema_conflicts(plan, schema)
    out, log = apply_plan(table, plan)
    assert out.df["Xlong"].tolist() == table.df["Xlong"].tolist()
    assert log.k_before is not None and log.k_before.quasi_identifiers == ()


def test_required_field_removed_for_a_person_is_a_stated_conflict() -> None:
    fake = _faker()
    table = make_table({"nom_lieu": [fake.name() for _ in range(20)],
                        "Xlong": [f"{2.3 + i / 997:.6f}" for i in range(20)],
                        "Ylat": [f"{48.8 + i / 991:.6f}" for i in range(20)],
                        "nom": [fake.last_name() for _ in range(20)]})
    schema = load_schema("etalab/schema-lieux-covoiturage")
    plan = plan_for_schema(scan_table(table), table, schema)
    assert plan.subject == "person"  # a person's name on each row: coordinates are not a facility's
    conflicts = {d.column for d in schema_conflicts(plan, schema)}
    assert {"Xlong", "Ylat"} <= conflicts
    assert "Conflit avec le schéma" in plan.decision("Xlong").note
    assert emptied_by_protect(plan)["Xlong"] == "colonne supprimée à l'étape Protéger"


def _beneficiaries() -> dict[str, list[str]]:
    fake = _faker()
    names, sirets = [], []
    for i in range(40):
        names.append(f"{fake.first_name()} {fake.last_name()}" if i % 4 == 0 else f"{fake.company()} SARL")
        sirets.append(fake.siret().replace(" ", ""))
    return {"nomBeneficiaire": names, "idBeneficiaire": sirets, "montant": [str(1000 + i) for i in range(40)]}


def test_case2_sole_traders_rows_are_withheld_whole_and_cited() -> None:
    data = _beneficiaries()
    table = make_table(data)
    schema = load_schema("scdl/subventions")
    scan = scan_table(table)
    plan = plan_for_schema(scan, table, schema)
    assert plan.subject == "legal_entity"
    assert plan.decision("nomBeneficiaire").action == "withhold"
    assert not schema_conflicts(plan, schema)
    out, log = apply_plan(table, plan)
    persons = [i for i in range(40) if i % 4 == 0]
    assert log.rows_withheld == len(persons) == 10 and out.row_count == 30
    published = set(out.df["idBeneficiaire"]) | set(out.df["nomBeneficiaire"])
    for i in persons:  # neither the name nor the SIRET of a sole trader is published
        assert data["idBeneficiaire"][i] not in published and data["nomBeneficiaire"][i] not in published
    assert "" not in set(out.df["nomBeneficiaire"])  # no emptied required cell
    report = build_processing_report(source_name="s.csv", scan=scan, plan=plan, log=log)
    assert report["rows_withheld"]["rows"] == 10
    assert "CRPA L312-1-2" in [x["reference"] for x in report["rows_withheld"]["legal_basis"]]
    assert report["subject"]["kind"] == "legal_entity"
    text = json.dumps(report, ensure_ascii=False)
    assert all(data["nomBeneficiaire"][i] not in text for i in persons)


def test_case2_other_choice_keeps_the_agents_reason() -> None:
    table = make_table(_beneficiaries())
    scan = scan_table(table)
    plan = plan_for_schema(scan, table, load_schema("scdl/subventions"))
    d = replace(plan.decision("nomBeneficiaire"), action="suppress")
    plan = plan.with_decision(d)
    assert any("indiquez votre motif" in p for p in validate_plan(plan))  # another choice needs a reason
    plan = plan.with_decision(replace(d, reason="Liste validée par le DPO le 2 décembre"))
    assert not validate_plan(plan)
    out, log = apply_plan(table, plan)
    report = build_processing_report(source_name="s.csv", scan=scan, plan=plan, log=log)
    column = next(c for c in report["columns"] if c["column"] == "nomBeneficiaire")
    assert column["reason"] == "Liste validée par le DPO le 2 décembre"
    assert log.rows_withheld == 0 and (out.df["nomBeneficiaire"] == "").sum() == 10
    assert emptied_by_protect(plan)["nomBeneficiaire"] == "vidé à l'étape Protéger"


def _companies(n: int = 30) -> dict[str, list[str]]:
    fake = _faker()
    return {
        "raison_sociale": [f"{fake.company()} SAS" for _ in range(n)],
        "siret": [fake.siret().replace(" ", "") for _ in range(n)],
        "code_postal": ["01000"] * n,
        "commune": ["Bourg-en-Bresse"] * n,
        "nom_dirigeant": [fake.name() for _ in range(n)],
        "date_naissance_dirigeant": [fake.date_of_birth().isoformat() for _ in range(n)],
    }


def test_case3_company_attributes_kept_and_no_k_over_public_entities() -> None:
    data = _companies()
    table = make_table(data)
    scan = scan_table(table)
    plan = plan_for_schema(scan, table, None)
    assert plan.subject == "legal_entity"
    assert plan.decision("code_postal").action == "keep"
    assert plan.decision("commune").action == "keep"
    assert plan.decision("nom_dirigeant").action == "remove"
    assert plan.decision("date_naissance_dirigeant").action == "remove"  # a band would not hide the head
    assert plan.quasi_identifier_columns() == []
    out, log = apply_plan(table, plan)
    assert out.df["code_postal"].tolist() == ["01000"] * 30
    assert "nom_dirigeant" not in out.df.columns and "date_naissance_dirigeant" not in out.df.columns
    assert log.k_before is not None and log.k_before.quasi_identifiers == ()


def test_generalised_postal_code_never_leaves_a_finer_commune() -> None:
    fake = _faker()
    table = make_table({"nom": [fake.last_name() for _ in range(30)],
                        "code_postal": [fake.postcode() for _ in range(30)],
                        "code_commune": [f"{fake.random_int(10, 95)}{fake.random_int(100, 999)}" for _ in range(30)],
                        "ville": [fake.city() for _ in range(30)]})
    plan = plan_for_schema(scan_table(table), table, None)
    assert plan.subject == "person"
    assert plan.decision("code_postal").action == "generalise"
    assert plan.decision("code_commune").action == "generalise"
    assert plan.decision("code_commune").params["method"] == "commune_departement"
    # Faker's towns include real small communes (issue 17): the names go to the département through the
    # bundled list of communes (an ambiguous or unknown name is emptied); otherwise they would be removed
    assert plan.decision("ville").action in ("remove", "generalise")
    out, _ = apply_plan(table, plan)
    assert all(len(x) <= 3 for x in out.df["code_commune"])
    assert "ville" not in out.df.columns or all(len(x) <= 3 for x in out.df["ville"])


def test_plan_fields_round_trip() -> None:
    from capnum_desktop.core.privacy import PrivacyPlan

    table = make_table(_beneficiaries())
    plan = plan_for_schema(scan_table(table), table, load_schema("scdl/subventions"))
    again = PrivacyPlan.from_dict(json.loads(json.dumps(plan.to_dict())))
    assert again.subject == "legal_entity" and again.subject_note == plan.subject_note
    assert again.decision("nomBeneficiaire").note == plan.decision("nomBeneficiaire").note


def test_decide_subject_facility_from_headers_without_schema() -> None:
    table = make_table({"nom_borne": ["A", "B", "C"], "latitude": ["48.8566", "48.8570", "48.8600"],
                        "longitude": ["2.3522", "2.3530", "2.3600"]})
    assert decide_subject(table, scan_table(table)).kind == "facility"


def test_gps_in_one_column_all_forms() -> None:
    for value in ("41.93, 8.75", "41.9338384 8.751108031", "POINT(8.75 41.93)",
                  '{"type": "Point", "coordinates": [8.75, 41.93]}', "[8.75, 41.93]",
                  '{"coordinates": [8.75, 41.93], "type": "Point"}'):
        assert is_geo_literal(value), value
    assert not is_geo_literal("12 15")


def test_gps_in_one_column_is_generalised_in_every_form() -> None:
    from capnum_desktop.core.privacy.generalise import gps_to_grid

    assert gps_to_grid("41.9338384, 8.751108031") == "41.9, 8.8"
    assert gps_to_grid("41.9338384 8.751108031") == "41.9 8.8"
    assert gps_to_grid("POINT(8.751108031 41.9338384)") == "POINT(8.8 41.9)"
    assert gps_to_grid('{"type": "Point", "coordinates": [8.751108031, 41.9338384]}') == \
        '{"type": "Point", "coordinates": [8.8, 41.9]}'
    table = make_table({"Geo_point": [f"{41.9 + i / 997:.7f}, {8.75 + i / 991:.7f}" for i in range(30)]})
    finding = scan_table(table).finding("Geo_point")
    assert finding.category == "gps"


def test_case3_through_prepare_without_schema(tmp_path) -> None:
    """An inferred schema requires what the file happens to fill: that is no reason to keep the head's data."""
    import csv

    from capnum_desktop.core.pipeline import prepare

    data = _companies()
    source = tmp_path / "entreprises.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(list(data))
        writer.writerows(zip(*data.values(), strict=True))
    result = prepare(source, None, out_dir=tmp_path / "out")
    assert list(result.table.df.columns) == ["raison_sociale", "siret", "code_postal", "commune"]
    assert result.table.df["code_postal"].tolist() == ["01000"] * 30
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir() if p.is_file())
    assert not any(name in written for name in data["nom_dirigeant"])
    assert not any(day in written for day in data["date_naissance_dirigeant"])


def test_employer_siret_on_a_list_of_persons_does_not_make_rows_entities() -> None:
    fake = _faker()
    table = make_table({"nom": [fake.last_name() for _ in range(30)], "prenom": [fake.first_name() for _ in range(30)],
                        "code_postal": [fake.postcode() for _ in range(30)],
                        "siret_employeur": [fake.siret().replace(" ", "") for _ in range(30)]})
    plan = plan_for_schema(scan_table(table), table, None)
    assert plan.subject == "person"
    assert plan.decision("code_postal").action == "generalise"


def test_privacy_notes_say_rows_withheld_and_conflicts() -> None:
    from capnum_desktop.core.privacy import privacy_notes

    table = make_table(_beneficiaries())
    plan = plan_for_schema(scan_table(table), table, load_schema("scdl/subventions"))
    _, log = apply_plan(table, plan)
    notes = privacy_notes(plan, log)
    assert any(n.startswith("10 lignes d'entrepreneurs individuels") and "CRPA L312-1-2" in n for n in notes)
    from capnum_desktop.core.privacy.schema_plan import conflict_note

    removed = replace(plan.decision("nomBeneficiaire"), action="remove")
    plan = plan.with_decision(replace(removed, note=conflict_note(removed, {"nomBeneficiaire"})))
    assert any("Conflit avec le schéma" in n for n in privacy_notes(plan, log))


def test_generalising_into_values_the_schema_refuses_is_a_stated_conflict() -> None:
    from capnum_desktop.core.schemas import schema_from_descriptor

    fake = _faker()
    schema = schema_from_descriptor({"fields": [
        {"name": "nom", "type": "string"},
        {"name": "date_naissance", "type": "date"},
        {"name": "code_postal", "type": "string", "constraints": {"pattern": r"^\d{5}$"}},
        {"name": "commentaire", "type": "string"}]}, schema_id="essai")
    table = make_table({"nom": [fake.last_name() for _ in range(20)],
                        "date_naissance": [fake.date_of_birth().isoformat() for _ in range(20)],
                        "code_postal": [fake.postcode() for _ in range(20)],
                        "commentaire": ["RAS"] * 20})
    plan = plan_for_schema(scan_table(table), table, schema)
    conflicts = {d.column for d in schema_conflicts(plan, schema)}
    assert conflicts == {"date_naissance", "code_postal"}
    assert "le schéma refuse" in plan.decision("date_naissance").note


def test_every_finer_location_follows_a_generalised_one() -> None:
    from capnum_desktop.core.privacy import Decision, PrivacyPlan
    from capnum_desktop.core.privacy.schema_plan import _no_finer_column

    table = make_table({"cp": ["01000"] * 3, "code_insee": ["01053"] * 3, "adresse": ["1 rue A"] * 3,
                        "gps": ["46.2, 5.2"] * 3})
    plan = PrivacyPlan([Decision("code_insee", "generalise", {"method": "commune_departement"}, category="commune"),
                        Decision("cp", "keep", category="postal_code"),
                        Decision("adresse", "keep", category="postal_address"),
                        Decision("gps", "keep", category="gps")])
    plan = PrivacyPlan(_no_finer_column(list(plan.decisions), table))
    assert plan.decision("cp").action == "generalise" and plan.decision("cp").params["method"] == "departement"
    assert plan.decision("adresse").action == "remove" and plan.decision("gps").action == "remove"
    assert "code_insee" in plan.decision("gps").note


def test_a_label_repeated_on_every_row_is_not_a_surname_column() -> None:
    fake = _faker()
    labels = make_table({"type_fontaine": ["borne fontaine"] * 40})
    assert scan_table(labels).finding("type_fontaine").category is None
    agents = make_table({"agent_saisie": [fake.last_name() for _ in range(5)] * 8})
    assert scan_table(agents).finding("agent_saisie").category == "last_name"


def test_a_referent_in_an_optional_field_does_not_turn_places_into_persons() -> None:
    from capnum_desktop.core.schemas import schema_from_descriptor

    fake = _faker()
    schema = schema_from_descriptor({"title": "Défibrillateurs", "fields": [
        {"name": "nom", "type": "string", "constraints": {"required": True}},
        {"name": "latitude", "type": "number", "constraints": {"required": True}},
        {"name": "longitude", "type": "number", "constraints": {"required": True}},
        {"name": "nom_referent", "type": "string"}]}, schema_id="essai-dae")
    table = make_table({"nom": [f"DAE mairie annexe {i}" for i in range(30)],
                        "latitude": [f"{48.1 + i / 997:.6f}" for i in range(30)],
                        "longitude": [f"{-1.6 + i / 991:.6f}" for i in range(30)],
                        "nom_referent": [fake.name() for _ in range(30)]})
    plan = plan_for_schema(scan_table(table), table, schema)
    assert plan.subject == "facility"
    assert plan.decision("latitude").action == "keep"
    assert plan.decision("nom_referent").action == "remove"  # the referent keeps the protection of a person


def test_the_subject_sentence_names_the_agents_column_beside_the_field() -> None:
    """The agent knows « N° SIRET », not the schema's ``siret``: the sentence names both, as the cards do."""
    from capnum_desktop.core.schemas.mapping import Mapping

    table = make_table(_companies())
    scan = scan_table(table)
    plain = plan_for_schema(scan, table, None)
    assert plain.subject == "legal_entity" and "« siret »" in plain.subject_note
    mapping = Mapping(columns={"N° SIRET": "siret", "Raison sociale": "raison_sociale"})
    named = plan_for_schema(scan, table, None, mapping=mapping)
    assert "La colonne « N° SIRET » (siret) désigne des entreprises" in named.subject_note


def test_an_intercommunality_in_a_postal_code_field_is_a_stated_conflict() -> None:
    """The EPCI and « small communes only » choices give names or two digits where the schema's pattern wants
    five: the plan says so (the validator would refuse the file)."""
    from capnum_desktop.core.privacy import Decision, PrivacyPlan

    schema = load_schema("CEREMA/schema-aire-livraison")
    for method in ("epci", "small_commune_departement"):
        decision = Decision("CODE_POSTAL", "generalise", {"method": method}, category="postal_code")
        assert schema_conflicts(PrivacyPlan([decision]), schema) == [decision], method
