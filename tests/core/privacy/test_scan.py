from __future__ import annotations

import json
import time
from collections import Counter

import pandas as pd
import pytest

from capnum_desktop.core.errors import Cancelled
from capnum_desktop.core.jobs import CancelToken
from capnum_desktop.core.privacy import ScanResult, scan_table
from capnum_desktop.core.privacy.rules import load_rules
from capnum_desktop.core.privacy.scan import classify_column, sample_values
from capnum_desktop.core.table import SourceInfo, Table
from tests.conftest import reference
from tests.core.privacy.columns import PERSON_KINDS, Generator
from tests.core.privacy.helpers import make_table


def _classify(columns: list) -> list[tuple[str | None, str | None]]:
    rules = load_rules()
    return [(c.truth, classify_column(c.header, sample_values(pd.Series(c.values)), rules).category) for c in columns]


def test_generated_columns_reach_the_recall_and_precision_targets() -> None:
    """Smaller version of bench/privacy_detection.py: every category and the look-alikes, 12 columns each."""
    pairs = _classify(Generator(seed=5).columns(per_kind=12, rows=40))
    for cat in PERSON_KINDS:
        tp = sum(1 for t, f in pairs if t == cat and f == cat)
        n = sum(1 for t, _ in pairs if t == cat)
        fp = sum(1 for t, f in pairs if t != cat and f == cat)
        assert tp / n >= 0.9, f"{cat}: recall {tp}/{n}"
        assert tp / (tp + fp) >= 0.9, f"{cat}: precision {tp}/{tp + fp}"
    flagged_lookalikes = Counter(f for t, f in pairs if t is None and f is not None)
    assert not flagged_lookalikes, flagged_lookalikes


def test_company_names_amounts_decision_dates_and_sirets_are_not_personal() -> None:
    gen = Generator(seed=9)
    pairs = _classify(gen.columns(per_kind=10, rows=50, kinds=["company", "amount", "decision_date", "company_siret",
                                                               "product_code", "company_city"]))
    assert all(found is None for _, found in pairs), pairs


def test_scan_of_the_real_surveyors_directory(reference_dir) -> None:
    from capnum_desktop.core.io import read_table

    table = read_table(reference("real-files", "hydra-tests", "20190618-annuaire-diagnostiqueurs_compressed.csv.gz"))
    scan = scan_table(table)
    found = {f.column: f.category for f in scan.columns}
    assert found["Nom"] == "last_name" and found["Prenom"] == "first_name"
    assert found["Tel1"] == "phone" and found["Tel2"] == "phone"
    assert found["Adresse"] == "postal_address" and found["CP"] == "postal_code"
    assert found["Societe"] is None and found["Organisme"] is None and found["Date début validité"] is None
    nom = scan.finding("Nom")
    assert nom.default_action == "remove" and "RGPD art. 4(1)" in nom.legal_basis
    assert any("en-tête" in e for e in nom.evidence)
    # the evidence quotes no value of the file
    text = json.dumps(scan.to_dict(), ensure_ascii=False)
    for value in table.df["Nom"].unique().tolist() + table.df["Tel1"].unique().tolist():
        if len(value) > 3:
            assert value not in text


def test_senators_are_found_as_names_with_their_sex(reference_dir) -> None:
    from capnum_desktop.core.io import read_table

    table = read_table(reference("real-files", "reserve-parlementaire-bercy", "1409-Senat-reserve-2013-autre.csv"))
    scan = scan_table(table)
    found = {f.column: f.category for f in scan.columns}
    assert found["attributeur"] == "full_name" and found["nom"] == "last_name" and found["prénom"] == "first_name"
    assert found["sexe"] == "sex" and found["bénéficiaire"] is None
    assert found["montant versé en 2013 (€)"] is None
    assert scan.k_anonymity.quasi_identifiers == ("sexe",)


def test_sole_proprietors_from_a_juridical_category_column() -> None:
    table = make_table({
        "siret": ["73282932000074", "44229377500031", "35600000000048"] * 5,
        "categorie_juridique": ["5710", "1000", "5499"] * 5,
        "montant": ["100", "200", "300"] * 5,
    })
    scan = scan_table(table)
    siret = scan.finding("siret")
    assert siret.category == "sole_proprietor"
    assert siret.default_params["flag_column"] == "categorie_juridique"
    assert scan.finding("montant").category is None


def test_scan_result_round_trips_through_json() -> None:
    gen = Generator(seed=2)
    cols = {c.header + str(i): c.values for i, c in enumerate(gen.columns(1, rows=30, kinds=["email", "age", "company"]))}
    scan = scan_table(make_table(cols))
    again = ScanResult.from_dict(json.loads(json.dumps(scan.to_dict())))
    assert again.to_dict() == scan.to_dict()


def test_empty_table_and_empty_columns() -> None:
    scan = scan_table(make_table({"Nom": [], "Montant": []}))
    assert scan.finding("Nom").category == "last_name"  # the header alone is a reason to look
    assert scan.finding("Nom").confidence < 0.5
    assert scan.k_anonymity.k is None


def test_cancel_stops_the_scan() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        scan_table(make_table({"a": ["x"]}), cancel=token)


@pytest.mark.slow
def test_a_million_rows_scan_in_a_few_seconds() -> None:
    gen = Generator(seed=4)
    n = 1_000_000
    base = {c.header: c.values for c in gen.columns(1, rows=1000, kinds=["full_name", "email", "phone", "postal_code",
                                                                         "age", "amount", "company", "decision_date"])}
    df = pd.DataFrame({k: pd.Series(val * (n // 1000), dtype=object) for k, val in base.items()})
    df.index = pd.RangeIndex(2, n + 2, name="source_row")
    table = Table(df, SourceInfo(path=__import__("pathlib").Path("big.csv"), format="csv"))
    start = time.perf_counter()
    scan = scan_table(table)
    elapsed = time.perf_counter() - start
    assert elapsed < 10, elapsed
    assert scan.finding(list(base)[1]).category == "email"


def test_a_nir_hidden_in_a_reference_column_is_found_and_masked_everywhere() -> None:
    from capnum_desktop.core.privacy import apply_plan, default_plan

    refs = [f"DOS-2024-{i:04d}" for i in range(30)]
    refs[7] = "DOS-2024-0007 (NIR 2 95 10 99 126 111 93)"
    table = make_table({"Référence": refs})
    scan = scan_table(table)
    finding = scan.finding("Référence")
    assert finding.category == "free_text" and finding.default_action == "mask"
    assert "NIR" in finding.evidence[0]
    out, log = apply_plan(table, default_plan(scan))
    assert out.df["Référence"].iloc[7] == "DOS-2024-0007 (NIR [NIR masqué])"
    assert out.df["Référence"].iloc[0] == "DOS-2024-0000"
    assert log.entry("Référence").spans_masked == {"nir": 1}


def test_commune_names_under_a_nom_header_are_not_surnames(reference_dir) -> None:
    from capnum_desktop.core.io import read_table

    table = read_table(reference("real-files", "parrainages-communes-2022", "codesinseecommunesgeolocalisees.csv"))
    scan = scan_table(table)
    assert scan.finding("Nom").category is None
    assert scan.finding("code_postal").category == "postal_code"  # 1400: leading zero lost, still a postal code
    assert scan.finding("pop99").category is None and scan.finding("surface").category is None


def test_numbers_one_and_two_are_not_sex_without_a_header() -> None:
    table = make_table({"N° poste": ["1", "2"] * 10, "Sexe": ["1", "2"] * 10, "Genre": ["H", "F"] * 10})
    scan = scan_table(table)
    assert scan.finding("N° poste").category is None
    assert scan.finding("Sexe").category == "sex" and scan.finding("Genre").category == "sex"
