"""Which standard a table follows, found from its columns (issue 13: « the schema found from the columns »)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from faker import Faker

from capnum_desktop.cli import main
from capnum_desktop.core.io import read_table
from capnum_desktop.core.schemas.ranking import rank_schemas, schema_for_table
from tests.conftest import reference

COVOITURAGE_HEADER = [  # the layout of transport.data.gouv.fr's BNLC export: the 18 fields + 7 of its own
    "id_local", "ID producteur du lieu", "nom_lieu", "ad_lieu", "com_lieu", "insee", "type", "date_maj",
    "ouvert", "source", "Xlong", "Ylat", "nbre_pl", "nbre_pmr", "duree", "horaires", "proprio", "lumiere",
    "comm", "Geo_point", "Nom_officiel_région", "Nom_officiel_département", "Code _officiel_région",
    "Code _officiel_département", "Ouvert (binaire)",
]


def covoiturage_file(folder: Path, name: str = "subventions_export.csv", rows: int = 12) -> Path:
    """A car-pooling places file named like a subsidies file: only its columns say what it is."""
    faker = Faker("fr_FR")
    faker.seed_instance(13)
    lines = [";".join(COVOITURAGE_HEADER)]
    for i in range(rows):
        lat, lon = faker.latitude(), faker.longitude()
        lat, lon = f"{41 + float(lat) % 9:.6f}", f"{-4 + float(lon) % 12:.6f}"
        insee = faker.numerify("76###")
        lines.append(";".join([
            f"{insee}-C-{i:03}", f"C-{i:03}", f"Aire {faker.city()}", faker.street_address(), faker.city().upper(),
            insee, "Parking relais", "2019-08-28", "true", "200076958", lon, lat, str(10 + i), "1", "",
            "00:00-00:00", "Département", "true", "", f"{lat}. {lon}", "Normandie", "Seine-Maritime", "28",
            "76", "1",
        ]))
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="cp1252")
    return path


def unrelated_file(folder: Path) -> Path:
    """A table no bundled standard describes (a library's loans)."""
    faker = Faker("fr_FR")
    faker.seed_instance(7)
    lines = ["Cote de l'ouvrage;Titre du livre;Rayon;Nombre de prêts"]
    lines += [f"{faker.bothify('??-####')};{faker.sentence(nb_words=3)};{faker.word()};{i}" for i in range(15)]
    path = folder / "prets.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_covoiturage_columns_win_over_the_file_name(tmp_path: Path) -> None:
    table = read_table(covoiturage_file(tmp_path))
    ranked = rank_schemas(table)
    best = ranked[0]
    assert best.schema_id == "etalab/schema-lieux-covoiturage" and best.fits
    assert best.required_filled == best.required_total == 8
    assert best.score > ranked[1].score + 0.3  # not a close call
    assert not any(c.fits for c in ranked[1:])
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)


def test_no_standard_fits_a_library_table_so_a_schema_is_inferred(tmp_path: Path) -> None:
    table = read_table(unrelated_file(tmp_path))
    schema, candidates, note = schema_for_table(table)
    assert len(candidates) == 3 and not candidates[0].fits
    assert schema.source == "inferred"
    assert "Aucun schéma du catalogue ne correspond" in note and candidates[0].title in note


def test_schema_for_table_says_which_standard_it_chose(tmp_path: Path) -> None:
    schema, candidates, note = schema_for_table(read_table(covoiturage_file(tmp_path)))
    assert schema.id == "etalab/schema-lieux-covoiturage" and candidates[0].schema_id == schema.id
    assert "Lieux de covoiturage" in note and "d'après les colonnes" in note


def test_map_without_schema_ranks_the_catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = covoiturage_file(tmp_path)
    assert main(["map", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "etalab/schema-lieux-covoiturage"
    assert len(data["candidates"]) == 3 and data["candidates"][0]["schema"] == data["schema"]
    assert all(0 <= c["score"] <= 1 for c in data["candidates"])
    assert data["mapping"]["Xlong"] == "Xlong" and data["missing_required"] == []


def test_prepare_without_schema_uses_the_best_standard(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = covoiturage_file(tmp_path)
    main(["prepare", str(path), "-o", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert "« Lieux de covoiturage » (etalab/schema-lieux-covoiturage" in out
    datapackage = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert "Xlong" in json.dumps(datapackage)


def test_the_reference_covoiturage_export_is_recognised() -> None:
    path = reference("real-files", "transport-site-bnlc", "csv_latin1.csv")
    best = rank_schemas(read_table(path), limit=1)[0]
    assert best.schema_id == "etalab/schema-lieux-covoiturage" and best.fits


def test_scores_left_out_under_the_floor_could_not_have_reached_it(tmp_path: Path) -> None:
    """The ranking skips the pairs whose header is too far from the field for any content to lift them to
    the threshold (issue 18): the pairs at or above it are exactly those of the full score table, for every
    standard of the catalogue, on a table with named and anonymous columns."""
    from capnum_desktop.core.schemas.matching import THRESHOLD, detect_null_tokens, profile_table, score_table
    from capnum_desktop.core.schemas.ranking import _catalogue_schemas

    table = read_table(covoiturage_file(tmp_path))
    table = table.with_df(table.df.rename(columns={"insee": "Colonne 6", "date_maj": "Unnamed: 8"}))
    profiles = profile_table(table.df, detect_null_tokens(table))
    left_out = 0
    for schema in _catalogue_schemas():
        full = score_table(table, schema, profiles=profiles)
        floored = score_table(table, schema, profiles=profiles, floor=THRESHOLD)
        kept = floored[floored["score"] >= THRESHOLD].reset_index(drop=True)
        assert kept.equals(full[full["score"] >= THRESHOLD].reset_index(drop=True)), schema.id
        left_out += len(full) - len(floored)
    assert left_out > 0  # the floor does leave pairs out
