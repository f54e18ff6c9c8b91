from __future__ import annotations

import json
from dataclasses import replace

from capnum_desktop.core.privacy import (
    Decision,
    apply_plan,
    build_processing_report,
    default_plan,
    scan_table,
    suppress_small_counts,
    write_processing_report,
)
from tests.core.privacy.columns import Generator
from tests.core.privacy.helpers import make_table


def _people():
    gen = Generator(seed=11)
    mk = gen.makers()
    n = 30
    return make_table({
        "Nom et prénom": [gen.full_name() for _ in range(n)],
        "Téléphone": [mk["phone"]() for _ in range(n)],
        "NIR": [mk["nir"]() for _ in range(n)],
        "Adresse": [mk["postal_address"]() for _ in range(n)],
        "Âge": [str(20 + i) for i in range(n)],
        "Observations": [mk["free_text"]() + f" Tél. {mk['phone']()}" for _ in range(n)],
        "Montant": ["1500"] * n,
    }, name="/secret/folder/beneficiaires 2024.csv")


def test_report_has_every_column_action_law_and_count_and_no_personal_value(tmp_path) -> None:
    table = _people()
    scan = scan_table(table)
    plan = replace(default_plan(scan).with_decision(Decision(
        "Nom et prénom", "keep", category="full_name", exception="texte", exception_reference="décret 2017-779")),
        enforce_k=True)
    _out, log = apply_plan(table, plan)
    report = build_processing_report(source_name=str(table.source.path), scan=scan, plan=plan, log=log,
                                     user="Agent Test")
    assert report["source_file"] == "beneficiaires 2024.csv"  # no folder path
    cols = {c["column"]: c for c in report["columns"]}
    assert cols["NIR"]["action"] == "remove" and cols["NIR"]["cells_changed"] == 30
    assert any(x["reference"] == "RGPD art. 87" and x["text"] for x in cols["NIR"]["legal_basis"])
    assert cols["Âge"]["action"] == "generalise"
    assert cols["Observations"]["spans_masked"]["phone"] >= 30
    assert report["exceptions"] == [{"column": "Nom et prénom", "id": "texte", "label": cols["Nom et prénom"]["exception"]["label"],
                                     "reference": cols["Nom et prénom"]["exception"]["reference"],
                                     "cited_text": "décret 2017-779", "claimed_by": "Agent Test"}]
    assert report["k_anonymity"]["before"]["k"] == 1 and report["k_anonymity"]["after"]["k"] >= 11
    assert "DPO" in report["statement"]

    html_path, json_path = tmp_path / "out" / "rapport.html", tmp_path / "out" / "rapport.json"
    write_processing_report(report, html_path, json_path)
    assert json.loads(json_path.read_text(encoding="utf-8")) == report
    html = html_path.read_text(encoding="utf-8")
    assert "décret 2017-779" in html and "Agent Test" in html and "DPO" in html
    assert sorted(p.name for p in html_path.parent.iterdir()) == ["rapport.html", "rapport.json"]  # no temp file left
    dumped = json_path.read_text(encoding="utf-8") + html
    for column in ("Téléphone", "NIR", "Adresse", "Observations"):
        for value in table.df[column]:
            assert value not in dumped, column
    for value in table.df["Nom et prénom"]:
        assert value not in dumped


def test_report_includes_small_count_secrecy(tmp_path) -> None:
    table = make_table({"commune": ["A", "B", "C"], "n": ["4", "30", "25"]})
    _out, result = suppress_small_counts(table, ["n"])
    scan = scan_table(table)
    plan = default_plan(scan)
    _, log = apply_plan(table, plan)
    report = build_processing_report(source_name="agregats.csv", scan=scan, plan=plan, log=log, small_counts=result)
    assert report["small_counts"]["primary_count"] == 1 and report["small_counts"]["secondary_count"] == 1
    write_processing_report(report, tmp_path / "r.html", None)
    assert "Secret statistique" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_source_columns_left_out_with_personal_data_are_listed_as_not_published(tmp_path) -> None:
    """A « Téléphone » and a « Courriel » the schema has no field for: not exported, and the report says so."""
    from capnum_desktop.core.pipeline import prepare

    gen = Generator(seed=4)
    mk = gen.makers()
    lines = ["Bénéficiaire;Montant;Téléphone;Courriel;Remarque"]
    lines += [f"Association {i};{100 + i};{mk['phone']()};{mk['email']()};RAS" for i in range(30)]
    path = tmp_path / "aides.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = prepare(path, "scdl/subventions", None, tmp_path / "out")
    assert result.export is not None
    report = json.loads((tmp_path / "out" / "rapport-traitement.json").read_text(encoding="utf-8"))
    left = {x["column"]: x for x in report["left_out_columns"]}
    assert set(left) == {"Téléphone", "Courriel"}  # « Remarque » holds nothing personal
    assert left["Téléphone"]["sentence"] == "colonne « Téléphone » non publiée (téléphone repéré)"
    assert left["Courriel"]["sentence"] == "colonne « Courriel » non publiée (adresse e-mail repérée)"
    html_text = (tmp_path / "out" / "rapport-traitement.html").read_text(encoding="utf-8")
    assert "Colonne « Téléphone » non publiée (téléphone repéré)" in html_text
    assert "Colonne « Courriel » non publiée (adresse e-mail repérée)" in html_text
    assert "@" not in json.dumps(report["left_out_columns"]) and "@" not in html_text  # counts, never a value
    # the published columns name the agent's own column beside the schema field
    column = next(c for c in report["columns"] if c["column"] == "nomBeneficiaire")
    assert column["source_column"] == "Bénéficiaire"
    assert "« Bénéficiaire » → nomBeneficiaire" in html_text
