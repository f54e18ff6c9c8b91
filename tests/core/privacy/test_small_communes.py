"""Small communes as a re-identification risk for rows about natural persons (issue 17)."""

from __future__ import annotations

from dataclasses import replace

from faker import Faker

from capnum_desktop.core.privacy import apply_plan, plan_for_schema, scan_table, validate_plan
from capnum_desktop.core.privacy.generalise import commune_to_departement, generalisation_choices
from capnum_desktop.core.privacy.rules import load_rules
from capnum_desktop.core.privacy.small_communes import measure, resolve, small_to_departement, threshold

from .helpers import make_table

# population (legal, bundled list): Paris 2.1 M, Bourg-en-Bresse 42 k, L'Abergement-Clémenciat 860,
# Abriès-Ristolas 374, Albaret-le-Comtal 131
BIG = ["75056", "01053"]
SMALL = ["01001", "05001", "48001"]


def _persons(n: int = 60, small_rows: int = 7) -> dict[str, list[str]]:
    """Residents: ``small_rows`` rows in three small communes, the rest in two large ones."""
    fake = Faker("fr_FR")
    fake.seed_instance(17)
    codes = [SMALL[i % 3] for i in range(small_rows)] + [BIG[i % 2] for i in range(n - small_rows)]
    return {
        "nom": [fake.last_name() for _ in range(n)],
        "prenom": [fake.first_name() for _ in range(n)],
        "age": [str(fake.random_int(18, 90)) for _ in range(n)],
        "code_insee": codes,
    }


def test_threshold_and_source_are_data() -> None:
    conf = load_rules().lexicons["small_communes"]
    assert threshold() == conf["threshold"] == 2000
    assert "CNIL" in conf["source"] and conf["legal_basis"]
    for ref in conf["legal_basis"]:
        assert load_rules().legal_text(ref), ref  # every reference is explained in legal_texts


def test_resolve_codes_names_and_postal_codes() -> None:
    assert resolve("1001", "commune").key == "01001"  # leading zero lost
    assert resolve("Albaret-le-Comtal", "commune").population < 2000
    assert resolve("75056", "commune").population > 2_000_000
    assert resolve("05460", "postal_code").population < 2000  # the communes it serves, added up
    assert resolve("75011", "postal_code") is not None
    assert resolve("pas une commune", "commune") is None


def test_measure_counts_rows_and_communes_under_the_threshold() -> None:
    table = make_table(_persons())
    found = measure(table.df["code_insee"], "code_insee", "commune", 2000)
    assert (found.rows, found.communes, found.resolved_rows) == (7, 3, 60)
    assert "7 lignes concernent 3 communes de moins de 2\u202f000 habitants" in found.sentence()
    lower = measure(table.df["code_insee"], "code_insee", "commune", 500)  # the threshold is adjustable
    assert (lower.rows, lower.communes) == (4, 2)
    one = measure(table.df["code_insee"].head(1), "code_insee", "commune", 2000)
    assert one.sentence().startswith("1 ligne concerne 1 commune de moins de 2 000 habitants")


def test_persons_in_small_communes_are_flagged_and_generalised_by_default() -> None:
    table = make_table(_persons())
    scan = scan_table(table)
    plan = plan_for_schema(scan, table)
    assert plan.subject == "person"
    finding = scan.finding("code_insee")
    assert any("7 lignes concernent 3 communes" in e for e in finding.evidence)
    assert finding.keep_requires_exception
    d = plan.decision("code_insee")
    assert (d.action, d.params["method"]) == ("generalise", "commune_departement")
    assert "Département proposé" in d.note and "2\u202f000 habitants" in d.note
    assert "Arrêté du 19 juillet 2007 (recensement)" in finding.legal_basis
    assert plan.small_communes["code_insee"] == {"rows": 7, "communes": 3, "threshold": 2000}
    # twice on the same scan (the page does it): the sentence is not repeated
    plan_for_schema(scan, table)
    assert sum("3 communes" in e for e in finding.evidence) == 1
    assert finding.legal_basis.count("Arrêté du 19 juillet 2007 (recensement)") == 1


def test_keeping_the_commune_needs_an_exception() -> None:
    table = make_table(_persons())
    plan = plan_for_schema(scan_table(table), table)
    d = replace(plan.decision("code_insee"), action="keep", params={})
    plan = plan.with_decision(d)
    assert any("code_insee" in p and "exception" in p for p in validate_plan(plan))
    plan = plan.with_decision(replace(d, exception="texte", exception_reference="Décret n° 2026-1 art. 3"))
    assert not [p for p in validate_plan(plan) if "code_insee" in p]
    again = type(plan).from_dict(plan.to_dict())  # the recipe keeps the measure
    assert again.small_communes == plan.small_communes


def test_no_flag_without_small_communes() -> None:
    data = _persons(small_rows=0)
    table = make_table(data)
    scan = scan_table(table)
    plan = plan_for_schema(scan, table)
    assert "code_insee" not in plan.small_communes
    assert plan.decision("code_insee").action == "keep"
    assert not scan.finding("code_insee").keep_requires_exception


def test_no_flag_when_rows_are_legal_entities() -> None:
    fake = Faker("fr_FR")
    fake.seed_instance(3)
    n = 30
    table = make_table(
        {
            "raison_sociale": [f"{fake.company()} SARL" for _ in range(n)],
            "siret": [fake.siret().replace(" ", "") for _ in range(n)],
            "code_insee": [SMALL[i % 3] for i in range(n)],
        }
    )
    scan = scan_table(table)
    plan = plan_for_schema(scan, table)
    assert plan.subject == "legal_entity"
    assert plan.small_communes == {}
    assert plan.decision("code_insee").action == "keep"
    assert not any("habitants" in e for e in scan.finding("code_insee").evidence)


def test_no_flag_when_rows_are_places() -> None:
    table = make_table(
        {
            "nom_parking": [f"Parking {i}" for i in range(20)],
            "nb_places": [str(10 + i) for i in range(20)],
            "code_insee": [SMALL[i % 3] for i in range(20)],
        }
    )
    scan = scan_table(table)
    plan = plan_for_schema(scan, table)
    assert plan.subject == "facility"
    assert plan.small_communes == {}


def test_postal_code_column_of_persons_in_small_communes() -> None:
    data = _persons()
    data["code_postal"] = ["05460" if c in SMALL else "75011" for c in data.pop("code_insee")]
    table = make_table(data)
    scan = scan_table(table)
    plan = plan_for_schema(scan, table)
    assert plan.small_communes["code_postal"]["rows"] == 7
    evidence = scan.finding("code_postal").evidence
    assert any("7 lignes concernent 1 code postal desservant des communes de moins de" in e for e in evidence)
    assert plan.decision("code_postal").params["method"] == "departement"


def test_applied_plan_generalises_to_the_departement() -> None:
    table = make_table(_persons())
    plan = plan_for_schema(scan_table(table), table)
    out, log = apply_plan(table, plan)
    assert set(out.df["code_insee"]) == {"75", "01", "05", "48"}
    assert log.entry("code_insee").cells_changed == 60


def test_only_small_communes_choice_keeps_the_large_ones() -> None:
    assert any(c["method"] == "small_commune_departement" for c in generalisation_choices("commune"))
    table = make_table(_persons())
    plan = plan_for_schema(scan_table(table), table)
    plan = plan.with_decision(replace(plan.decision("code_insee"),
                                      params={"method": "small_commune_departement", "category": "commune"}))
    out, _ = apply_plan(table, plan)
    assert set(out.df["code_insee"]) == {"75056", "01053", "01", "05", "48"}
    assert small_to_departement("Albaret-le-Comtal") == "48"
    assert small_to_departement("75056") == "75056"


def test_commune_names_now_reach_their_departement_offline() -> None:
    assert commune_to_departement("Bourg-en-Bresse") == "01"
    assert commune_to_departement("Nulle-Part-sur-Rien") == ""


def test_a_kept_commune_name_follows_the_postal_code_to_the_departement() -> None:
    data = _persons(small_rows=0)
    data["commune"] = ["Paris" if c == "75056" else "Bourg-en-Bresse" for c in data.pop("code_insee")]
    data["code_postal"] = ["75011" if c == "Paris" else "01000" for c in data["commune"]]
    table = make_table(data)
    plan = plan_for_schema(scan_table(table), table)
    plan = plan.with_decision(replace(plan.decision("code_postal"), action="generalise"))
    d = plan.decision("commune")
    assert (d.action, d.params["method"]) == ("generalise", "commune_departement")
    out, _ = apply_plan(table, plan)
    assert set(out.df["commune"]) == {"75", "01"}


def test_generalise_to_the_intercommunalite() -> None:
    from capnum_desktop.core.privacy.small_communes import to_epci

    assert to_epci("01001") == "CC de la Dombes"
    assert to_epci("75111") == to_epci("75056") == "Métropole du Grand Paris"  # arrondissement -> its city's
    assert to_epci("29155") == "29"  # Ouessant belongs to no EPCI: its département
    assert to_epci("05460", category="postal_code") == to_epci("05001")
    assert to_epci("pas une commune") == ""
    assert any(c["method"] == "epci" for c in generalisation_choices("commune"))
    table = make_table(_persons())
    plan = plan_for_schema(scan_table(table), table)
    plan = plan.with_decision(replace(plan.decision("code_insee"), params={"method": "epci", "category": "commune"}))
    out, _ = apply_plan(table, plan)
    assert "CC de la Dombes" in set(out.df["code_insee"]) and not set(out.df["code_insee"]) & set(SMALL)


def test_the_processing_report_cites_the_threshold_its_source_and_what_was_done() -> None:
    from capnum_desktop.core.privacy import build_processing_report
    from capnum_desktop.core.privacy.report import render_html

    table = make_table(_persons())
    scan = scan_table(table)
    plan = plan_for_schema(scan, table)
    _out, log = apply_plan(table, plan)
    report = build_processing_report(source_name="personnes.csv", scan=scan, plan=plan, log=log)
    part = report["small_communes"]
    assert part["threshold"] == 2000 and "DPO" in part["source"]
    assert any(x["reference"] == "Arrêté du 19 juillet 2007 (recensement)" for x in part["legal_basis"])
    (column,) = part["columns"]
    assert (column["column"], column["rows"], column["communes"], column["action"]) == ("code_insee", 7, 3,
                                                                                     "generalise")
    page = render_html(report)
    assert "<h2>Petites communes</h2>" in page and "moins de 2\u202f000 habitants" in page
    companies = build_processing_report(source_name="c.csv", scan=scan, plan=replace(plan, small_communes={}),
                                        log=log)
    assert companies["small_communes"] is None and "Petites communes" not in render_html(companies)
