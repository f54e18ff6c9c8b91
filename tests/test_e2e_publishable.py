"""End to end (issue 13): files an agent can publish as they come out of ``prepare``.

Generated files (Faker fr_FR) for several national schemas mix companies, sole traders, facilities and
personal contacts. For each: the output is valid, or its invalidity is reported as it is (the written
CSV judged as the national validator would, by name, gives the same verdict); no personal value is in
any written file; and no field the schema requires was removed or emptied by Protéger.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from faker import Faker

from capnum_desktop.core.pipeline import prepare
from capnum_desktop.core.schemas import load_schema
from capnum_desktop.core.validation.verdict import judge_file

N = 48


def _fake(seed: int) -> Faker:
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    return fake


def _siret(fake: Faker) -> str:
    return fake.siret().replace(" ", "")


def _personal_email(fake: Faker, first: str, last: str) -> str:
    return f"{first}.{last}@{fake.free_email_domain()}".lower().replace(" ", "")


def _mobile(fake: Faker) -> str:
    return "06" + "".join(str(fake.random_digit()) for _ in range(8))


def subventions(fake: Faker) -> tuple[list[str], list[list[str]], set[str]]:
    """Beneficiaries: companies and associations, every fourth a sole trader (a person's name and SIRET);
    a personal contact column (the beneficiary's own e-mail) that no schema field asks for."""
    header = ["nomAttribuant", "idAttribuant", "dateConvention", "nomBeneficiaire", "idBeneficiaire", "objet",
              "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "notificationUE",
              "pourcentageSubvention", "courriel_contact"]
    rows, personal = [], set()
    attributor = _siret(fake)  # the town hall's SIRET (valid key)
    for i in range(N):
        first, last = fake.first_name(), fake.last_name()
        sole = i % 4 == 0
        name = f"{first} {last}" if sole else f"{fake.company()} {fake.random_element(['SARL', 'SAS', 'SA'])}"
        siret = _siret(fake)
        email = _personal_email(fake, first, last)
        personal.add(email)
        if sole:
            personal |= {name, siret}
        rows.append(["Ville de Bourg-en-Bresse", attributor, f"2024-0{1 + i % 9}-1{i % 9}", name, siret,
                     f"Soutien au projet {fake.word()}", str(1000 + 37 * i), "aide en numéraire", "unique",
                     "2024-06-30", "false", "0.5", email])
    return header, rows, personal


def stationnement(fake: Faker) -> tuple[list[str], list[list[str]], set[str]]:
    """Car parks run by companies: coordinates, address, operator SIRET; a personal phone of the attendant."""
    header = ["id", "nom", "insee", "adresse", "type_usagers", "gratuit", "nb_places", "hauteur_max", "num_siret",
              "Xlong", "Ylat", "tel_gardien", "nom_gardien"]
    rows, personal = [], set()
    for i in range(N):
        phone, guard = _mobile(fake), fake.name()
        personal |= {phone, guard}
        rows.append([f"01053-P-{i:03d}", f"Parking {fake.street_name()}", "01053", fake.street_address(), "tous",
                     "true", str(50 + i), "N/A", _siret(fake), f"{5.2 + i / 997:.6f}", f"{46.2 + i / 991:.6f}",
                     phone, guard])
    return header, rows, personal


def fontaines(fake: Faker) -> tuple[list[str], list[list[str]], set[str]]:
    """Drinking fountains (facilities) with the e-mail of the agent who surveyed them (personal)."""
    header = ["id", "type_fontaine", "latitude", "longitude", "code_commune_insee", "conditions_acces",
              "accessible_pmr", "remplissage_contenant_possible", "email_agent"]
    rows, personal = [], set()
    for i in range(N):
        email = _personal_email(fake, fake.first_name(), fake.last_name())
        personal.add(email)
        rows.append([f"F{i:04d}", "borne fontaine", f"{45.75 + i / 1013:.6f}", f"{4.83 + i / 1009:.6f}", "69123",
                     "aucune", "true", "true", email])
    return header, rows, personal


def mediation(fake: Faker) -> tuple[list[str], list[list[str]], set[str]]:
    """Places of digital mediation: address and postal code of the place (kept), and the mobile and
    private e-mail of the volunteer who runs it (personal, not required)."""
    header = ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj", "telephone", "courriels"]
    rows, personal = [], set()
    for i in range(N):
        first, last = fake.first_name(), fake.last_name()
        phone, email = _mobile(fake), _personal_email(fake, first, last)
        personal |= {phone, email}
        rows.append([f"med-{i}", _siret(fake), f"Espace numérique {fake.street_name()}", "Lyon", "69003",
                     fake.street_address(), "2024-05-02", phone, email])
    return header, rows, personal


def defibrillateurs(fake: Faker) -> tuple[list[str], list[list[str]], set[str]]:
    """Defibrillators (facilities) whose schema requires the operator's phone and e-mail (professional
    contacts: kept), with the name and mobile of the volunteer who checks them (personal: not published)."""
    header = ["nom", "lat_coor1", "long_coor1", "acc", "acc_lib", "disp_j", "disp_h", "tel1", "etat_fonct",
              "fab_rais", "modele", "num_serie", "dermnt", "expt_siren", "expt_rais", "expt_tel1", "expt_email",
              "nom_referent", "portable_referent"]
    rows, personal = [], set()
    siren = fake.siren().replace(" ", "")
    for i in range(N):
        referent, mobile = fake.name(), _mobile(fake)
        personal |= {referent, mobile}
        rows.append([f"DAE {fake.street_name()}", f"{48.1 + i / 1013:.6f}", f"{-1.68 + i / 1009:.6f}", "Extérieur",
                     "true", "7j/7", "24h/24", "+33299000000", "En fonctionnement", "Schiller", "Fred PA-1",
                     f"SN{i:06d}", "2024-03-01", siren, "Ville de Rennes", "+33223620000", "dae@ville-rennes.fr",
                     referent, mobile])
    return header, rows, personal


CASES = {
    "atlasante/schema-dae": defibrillateurs,
    "scdl/subventions": subventions,
    "etalab/schema-stationnement": stationnement,
    "datagouv/schema-fontaine-eau": fontaines,
    "LaMednum/standard-mediation-num": mediation,
}


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)


def _exported_csv(folder: Path, result: Any) -> Path:
    files = getattr(getattr(result, "export", None), "files", {}) or {}
    for key in ("csv", "data"):
        if key in files:
            return Path(files[key])
    return next(p for p in folder.glob("*.csv"))


@pytest.mark.parametrize("schema_id", sorted(CASES))
def test_prepared_file_is_publishable_or_honestly_reported(tmp_path: Path, schema_id: str) -> None:
    header, rows, personal = CASES[schema_id](_fake(len(schema_id)))
    source = tmp_path / "source.csv"
    _write(source, header, rows)
    out = tmp_path / "out"
    result = prepare(source, schema_id, out_dir=out)

    # no personal value in any written file (data, metadata, reports, recipe)
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            leaked = sorted(x for x in personal if x in text)
            assert not leaked, f"{path.name} contains personal values: {leaked[:3]}"

    # no required field removed or emptied by Protéger (every generated required value was filled)
    schema = load_schema(schema_id)
    data = _exported_csv(out, result)
    with data.open(encoding="utf-8-sig", newline="") as fh:
        written = list(csv.DictReader(fh, delimiter=","))
    assert written, "the export must not be empty"
    mapped_required = [f for f in schema.required_fields if f in header]
    for name in mapped_required:
        assert name in written[0], f"Protéger removed the required field {name}"
        assert all(row[name] != "" for row in written), f"Protéger emptied the required field {name}"
    plan = result.recipe.privacy if isinstance(result.recipe.privacy, dict) else {}
    for d in plan.get("decisions", []):
        if d["column"] in schema.required_fields:
            assert d["action"] not in ("remove", "suppress") or "Conflit" in d.get("note", "")

    # the verdict tells the truth: the written CSV, judged as it is, agrees with what prepare said
    verdict = judge_file(data, schema, convert=False)
    assert verdict.raw.valid == result.valid, verdict.raw.summary()
    report = json.loads((out / "rapport-traitement.json").read_text(encoding="utf-8"))
    if schema_id == "scdl/subventions":  # the sole traders' rows are withheld, counted, with the law cited
        assert report["rows_withheld"]["rows"] == N // 4
        assert any(x["reference"] == "CRPA L312-1-2" for x in report["rows_withheld"]["legal_basis"])
        assert len(written) == N - N // 4
    else:
        assert report["subject"]["kind"] == "facility" or report["subject"]["kind"] == "legal_entity"
        assert len(written) == N


def test_every_generated_case_is_valid_once_prepared(tmp_path: Path) -> None:
    """These generated files fill every required field well: after prepare they are all publishable."""
    verdicts = {}
    for schema_id, make in CASES.items():
        header, rows, _ = make(_fake(len(schema_id)))
        source = tmp_path / f"{schema_id.replace('/', '_')}.csv"
        _write(source, header, rows)
        result = prepare(source, schema_id, out_dir=tmp_path / source.stem)
        verdicts[schema_id] = (result.valid, result.report.summary())
    assert all(ok for ok, _ in verdicts.values()), verdicts
