"""Proposed mappings: right on real files (>= 90% of what a person maps), sensible on generated ones."""

from __future__ import annotations

import random

import pytest
from faker import Faker
from stdnum import luhn

from capnum_desktop.core.io import read_table
from capnum_desktop.core.schemas import load_schema, propose_mapping, score_table
from capnum_desktop.core.schemas.matching import detect_null_tokens, label_similarity, words
from capnum_desktop.core.schemas.quality import MappingScore, score_mapping
from tests.conftest import reference

from .helpers import expected_cases, make_table, schema_ref

CASES = expected_cases()


def _score(case: dict) -> MappingScore:
    table = read_table(reference(*case["file"].split("/")))
    mapping = propose_mapping(table, load_schema(schema_ref(case["schema"])))
    return score_mapping(mapping, case["expected"], case.get("unmapped", []))


@pytest.fixture(scope="module")
def scores() -> dict[str, MappingScore]:
    return {case["file"]: _score(case) for case in CASES}


def test_real_files_at_least_90_percent_right_and_no_false_match(scores: dict[str, MappingScore]) -> None:
    total = MappingScore()
    for score in scores.values():
        total = total.add(score)
    assert total.total >= 130
    assert total.accuracy >= 0.9, total.wrong
    assert len(total.false_matches) <= 1, total.false_matches


@pytest.mark.parametrize(
    "file",
    [c["file"] for c in CASES if "helios" not in c["file"]],
)
def test_each_real_file_mapped_as_a_person_would(scores: dict[str, MappingScore], file: str) -> None:
    score = scores[file]
    assert score.wrong == [] and score.false_matches == []


def test_human_headers_use_the_legal_labels_and_confidence_is_high() -> None:
    table = read_table(reference("real-files", "api-subventions-asso", "SCDL_DILCRAH_2019.csv"))
    mapping = propose_mapping(table, load_schema("scdl/subventions"))
    assert all(0.8 <= mapping.confidence[c] <= 1.0 for c in table.columns)
    assert mapping.column_for("idRAE") == "Numéro de référencement au répertoire des entreprises"


@pytest.mark.parametrize(
    ("column", "field", "at_least"),
    [
        ("Montant total de la subvention*", "montant", 0.75),
        ("date de la convention", "dateConvention", 0.95),
        ("N° SIRET", "siret", 0.95),
    ],
)
def test_label_similarity_examples(column: str, field: str, at_least: float) -> None:
    assert label_similarity(words(column), words(field)) >= at_least


def test_only_generic_words_in_common_is_weak() -> None:
    assert label_similarity(words("DATE_EMISSION"), words("dateConvention")) <= 0.55
    assert label_similarity(words("nom"), words("nomBeneficiaire")) <= 0.55


def _siret(fake: Faker) -> str:
    body = fake.numerify("#############")
    return body + luhn.calc_check_digit(body)


def test_content_decides_between_columns_with_uninformative_headers() -> None:
    """Columns called 'colonne 1..4' (issue 17): values alone map a column when they point at one field only."""
    fake = Faker("fr_FR")
    Faker.seed(11)
    rows = [
        [
            fake.company(),
            _siret(fake),
            fake.date(pattern="%d/%m/%Y"),
            f"{random.randint(100, 99999)},{random.randint(0, 99):02d}",
        ]
        for _ in range(40)
    ]
    table = make_table(["colonne 1", "colonne 2", "colonne 3", "colonne 4"], rows)
    scores = score_table(table, load_schema("scdl/subventions")).set_index(["column", "field"])["score"]
    assert scores["colonne 2", "idBeneficiaire"] > scores["colonne 1", "idBeneficiaire"]
    assert scores["colonne 3", "dateConvention"] > scores["colonne 2", "dateConvention"]
    assert scores["colonne 4", "montant"] > scores["colonne 3", "montant"]
    mapping = propose_mapping(table, load_schema("scdl/subventions"))
    # dd/mm/yyyy values tell a date field (the period field wants ISO text), 14-digit SIRETs a SIRET field;
    # names and amounts tell nothing on their own
    assert mapping.columns["colonne 3"] == "dateConvention"
    assert mapping.columns["colonne 2"] in ("idAttribuant", "idBeneficiaire")
    assert mapping.columns["colonne 1"] is None and mapping.columns["colonne 4"] is None


def test_content_breaks_a_tie_between_similar_headers() -> None:
    fake = Faker("fr_FR")
    Faker.seed(5)
    rows = [[fake.company(), _siret(fake)] for _ in range(30)]
    table = make_table(["Bénéficiaire", "SIRET bénéficiaire"], rows)
    mapping = propose_mapping(table, load_schema("scdl/subventions"))
    assert mapping.field_for("SIRET bénéficiaire") == "idBeneficiaire"
    assert mapping.field_for("Bénéficiaire") == "nomBeneficiaire"


def test_typed_field_refuses_a_column_whose_values_do_not_fit() -> None:
    rows = [["pas une date", "x"], ["toujours pas", "y"], ["non", "z"]]
    table = make_table(["Date versement prévue", "autre"], rows)
    scores = score_table(table, load_schema("scdl/subventions")).set_index(["column", "field"])["score"]
    good = make_table(["Date versement prévue"], [["2024-01-02"], ["2024-02-03"], ["2024-03-04"]])
    good_scores = score_table(good, load_schema("scdl/subventions")).set_index(["column", "field"])["score"]
    assert (
        scores["Date versement prévue", "dateConvention"]
        < good_scores["Date versement prévue", "dateConvention"]
    )


def test_one_column_feeds_at_most_one_field_and_each_field_one_column() -> None:
    table = make_table(["montant", "Montant", "montant total"], [["1", "2", "3"]])
    mapping = propose_mapping(table, load_schema("scdl/subventions"))
    fields = [f for f in mapping.columns.values() if f]
    assert fields.count("montant") == 1
    assert len(fields) == len(set(fields))


def test_null_tokens_detected() -> None:
    table = make_table(["a", "b"], [["NA", "x"], ["1", "NC"], ["2", "#"], ["3", "ok"]])
    assert set(detect_null_tokens(table)) == {"NA", "NC", "#"}
    assert propose_mapping(table, load_schema("scdl/prenoms")).null_values


def test_remembered_constants_fill_only_fields_without_a_column() -> None:
    table = make_table(["Nom du bénéficiaire", "Attribuant"], [["Asso", "Mairie"]])
    remembered = {"nomAttribuant": "Bureau des aides", "idAttribuant": "12000123400023", "inconnu": "x"}
    mapping = propose_mapping(table, load_schema("scdl/subventions"), constants=remembered)
    assert mapping.field_for("Attribuant") == "nomAttribuant"
    assert mapping.constants == {"idAttribuant": "12000123400023"}


def test_values_shaped_like_the_field_examples_count_as_evidence() -> None:
    from capnum_desktop.core.schemas import schema_from_descriptor

    schema = schema_from_descriptor(
        {
            "fields": [
                {"name": "dossier", "type": "string", "example": "AB-1234"},
                {"name": "libre", "type": "string"},
            ]
        }
    )
    table = make_table(["ref"], [["XY-9876"], ["CD-0001"], ["texte"]])
    scores = score_table(table, schema).set_index("field")["evidence"]
    assert scores["dossier"] == pytest.approx(0.6 * 2 / 3)
    assert scores["libre"] == 0.0
