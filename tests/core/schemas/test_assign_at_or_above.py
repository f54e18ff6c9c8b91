"""The ranking's assignment without pandas (issue 18) equals assign_pairs on the filtered score table."""

from __future__ import annotations

import random

import pandas as pd

from capnum_desktop.core.schemas import matching
from capnum_desktop.core.schemas.catalogue import list_schemas, schema_for_scoring
from tests.core.privacy.helpers import make_table

COLUMNS = ["column", "field", "name", "compatibility", "evidence", "score"]


def _before(scores: pd.DataFrame, threshold: float) -> dict[str, tuple[str, float]]:
    return matching.assign_pairs(scores[scores["score"] >= threshold])


def test_equal_on_tie_heavy_score_tables() -> None:
    rng = random.Random(18)
    for _ in range(2000):
        rows = [(f"c{rng.randint(0, 6)}", f"f{rng.randint(0, 7)}", rng.choice([0.0, 0.5, 0.7, 0.98, 1.0]), 0.0, 0.0,
                 rng.choice([0.6, 0.65, 0.7, 0.7000000000000001, 0.9, 1.0, float("nan")]))
                for _ in range(rng.randint(0, 40))]
        frame = pd.DataFrame(rows, columns=COLUMNS)
        for threshold in (matching.THRESHOLD, 0.0, 0.9):
            assert matching.assign_at_or_above(frame, threshold) == _before(frame, threshold)


def test_equal_for_every_catalogue_standard() -> None:
    table = make_table({
        "Nom du bénéficiaire": ["Association A", "Club B", "NA"],
        "SIRET": ["73282932000074", "44306184100047", ""],
        "Montant": ["1200", "350,5", "12"],
        "Date de la convention": ["2024-01-05", "05/02/2024", ""],
        "code postal": ["75001", "69003", "13001"],
        "Colonne 7": ["a", "b", "c"],
        "latitude": ["48.8566", "45.764", "43.2965"],
        "id": ["1", "2", "3"],
    })
    nulls = matching.detect_null_tokens(table)
    profiles = matching.profile_table(table.df, nulls)
    for entry in list_schemas():
        scores = matching.score_table(table, schema_for_scoring(entry.id), null_values=nulls, profiles=profiles,
                                      floor=matching.THRESHOLD)
        assert matching.assign_at_or_above(scores, matching.THRESHOLD) == _before(scores, matching.THRESHOLD)
