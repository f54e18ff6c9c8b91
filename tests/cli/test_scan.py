from __future__ import annotations

import json

from capnum_desktop.cli import main
from tests.conftest import reference


def test_scan_json_contract(reference_dir, capsys) -> None:
    path = reference("real-files", "hydra-tests", "20190618-annuaire-diagnostiqueurs_compressed.csv.gz")
    assert main(["scan", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"columns", "k_anonymity"}
    cols = {c["column"]: c for c in out["columns"]}
    for c in out["columns"]:
        assert set(c) >= {"column", "category", "confidence", "evidence", "action", "legal_basis"}
    assert cols["Tel1"]["category"] == "phone" and cols["Tel1"]["action"] == "remove"
    assert "CRPA L312-1-2" in cols["Nom"]["legal_basis"]
    assert cols["Societe"]["category"] is None
    assert set(out["k_anonymity"]) >= {"quasi_identifiers", "k", "rows_at_risk"}
    assert "DELAHAYE" not in json.dumps(out)


def test_scan_text_output_in_french(reference_dir, capsys) -> None:
    path = reference("real-files", "reserve-parlementaire-bercy", "1409-Senat-reserve-2013-autre.csv")
    assert main(["scan", str(path)]) == 0
    text = capsys.readouterr().out
    assert "« attributeur » : Nom et prénom" in text
    assert "Action proposée : Supprimer la colonne" in text
    assert "DPO" in text


def test_scan_of_a_missing_file_is_a_french_error(tmp_path, capsys) -> None:
    assert main(["scan", str(tmp_path / "absent.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur") and "Traceback" not in err


def test_scan_with_schema_proposes_the_schema_aware_plan(tmp_path, capsys) -> None:
    """Car parks under the covoiturage schema: the required coordinates are kept, and the text says why."""
    source = tmp_path / "parkings.csv"
    rows = ["id_local;nom_lieu;insee;Xlong;Ylat"] + [
        f"01053-C-{i:03d};Parking {i};01053;{5.2 + i / 997:.6f};{46.2 + i / 991:.6f}" for i in range(30)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["scan", str(source), "--schema", "etalab/schema-lieux-covoiturage", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    cols = {c["column"]: c for c in out["columns"]}
    assert cols["Xlong"]["action"] == "keep" and "considérant 14" in cols["Xlong"]["note"]
    assert out["subject"]["kind"] == "facility"
    assert main(["scan", str(source), "--schema", "etalab/schema-lieux-covoiturage"]) == 0
    text = capsys.readouterr().out
    assert "Action proposée : Conserver" in text and "lieux ou équipements" in text


def test_scan_json_gives_the_small_communes_measure_per_column(tmp_path, capsys) -> None:
    from tests.core.privacy.test_small_communes import _persons

    data = _persons()
    source = tmp_path / "personnes.csv"
    names = list(data)
    lines = [";".join(names)] + [";".join(data[c][i] for c in names) for i in range(len(data[names[0]]))]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["scan", str(source), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["small_communes"] == {"code_insee": {"rows": 7, "communes": 3, "threshold": 2000}}


def test_scan_lang_en_says_everything_in_english(tmp_path, capsys) -> None:
    """``capnum scan --lang en`` (issue 16): evidence, labels, rules, notes, the subject and the risk in English,
    from the same codes as the French; keys, categories, actions and references unchanged."""
    source = tmp_path / "parkings.csv"
    rows = ["id_local;nom_lieu;insee;Xlong;Ylat;courriel"] + [
        f"01053-C-{i:03d};Parking {i};01053;{5.2 + i / 997:.6f};{46.2 + i / 991:.6f};agent{i}@exemple.fr"
        for i in range(30)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["scan", str(source), "--schema", "etalab/schema-lieux-covoiturage"]
    assert main([*args, "--json"]) == 0
    french = json.loads(capsys.readouterr().out)
    assert main([*args, "--json", "--lang", "en"]) == 0
    english = json.loads(capsys.readouterr().out)
    fr_cols, en_cols = ({c["column"]: c for c in out["columns"]} for out in (french, english))
    assert [(c["category"], c["action"], c["legal_basis"]) for c in fr_cols.values()] == \
        [(c["category"], c["action"], c["legal_basis"]) for c in en_cols.values()]
    assert en_cols["Xlong"]["label"] == "Geographic coordinates"
    assert en_cols["Xlong"]["note"].startswith("Kept: an attribute of a place or facility")
    assert en_cols["Xlong"]["explanation"].startswith("Precise coordinates point to a home")
    assert any(e.startswith("30 of 30 values (100%) ") for e in en_cols["Xlong"]["evidence"])
    assert english["subject"]["note"].startswith("The schema") and french["subject"]["note"].startswith("Le schéma")
    assert english["k_anonymity"]["sentence"].startswith("No quasi-identifier kept")
    assert main([*args, "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "\"Xlong\": Geographic coordinates (confidence " in text
    assert "  Proposed action: Keep. Precise coordinates" in text and "  Legal basis: " in text
    assert "Re-identification risk: No quasi-identifier kept" in text
    assert "CapNum is an aid" in text
    assert not any(word in text for word in ("valeurs", "Conservée", "Action proposée", "Base légale", "colonnes"))


def test_scan_of_a_missing_file_in_english(tmp_path, capsys) -> None:
    assert main(["scan", str(tmp_path / "absent.csv"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
