"""Issue 17: agents' header habits (DBF-truncated names, abbreviations, reworded labels, anonymous columns
whose values tell the field) are mapped right at least 90 % of the time. The whole-catalogue figures are in
bench/README.md (python bench/mapping_habits.py); here a sample of standards keeps the test quick."""

from __future__ import annotations

import pytest

from capnum_desktop.core.schemas import load_schema, propose_mapping
from capnum_desktop.core.schemas.matching import is_anonymous
from tests.core.schemas.habits import (
    HABITS,
    abbreviated_header,
    dbf_header,
    habit_table,
    reordered_header,
    reworded_header,
)
from tests.ui.conftest import make_table

SAMPLE = (
    "scdl/subventions",
    "etalab/schema-lieux-covoiturage",
    "etalab/schema-irve-statique",
    "atlasante/schema-dae",
    "datagouv/schema-fontaine-eau",
    "etalab/schema-stationnement-cyclable",
)


@pytest.mark.parametrize("habit", HABITS)
def test_each_habit_is_mapped_right_nine_times_in_ten(habit: str) -> None:
    right = total = 0
    for schema_id in SAMPLE:
        schema = load_schema(schema_id)
        table, expected = habit_table(schema, habit)
        mapping = propose_mapping(table, schema)
        total += len(expected)
        right += sum(mapping.field_for(column) == field for column, field in expected.items())
    assert total >= 10
    assert right / total >= 0.9, f"{habit}: {right}/{total}"


def test_the_habits_write_headers_as_agents_do() -> None:
    field = {"name": "date_mise_en_service", "title": "Date de mise en service"}
    assert dbf_header(field) == "DATE_MISE_"
    assert reworded_header(field) == "Mise service (date)"
    assert reordered_header(field) == "Service date mise"
    assert (
        reordered_header({"name": "montant", "title": "Montant total de la subvention"})
        == "Subvention montant total"
    )
    assert reordered_header({"name": "objet", "title": "Objet"}) is None
    assert abbreviated_header({"name": "telephone", "title": "Numéro de téléphone"}) == "N° tél."
    assert abbreviated_header({"name": "objet", "title": "Objet"}) is None


def test_anonymous_columns_are_mapped_by_their_values() -> None:
    """`Colonne 7` headers: an INSEE code, a date, a boolean, coordinates, a value of the schema's list."""
    schema = load_schema("etalab/schema-lieux-covoiturage")
    rows = [
        [
            f"76{540 + i:03d}",
            f"2024-03-{10 + i}",
            "true" if i % 2 else "false",
            f"{1.05 + i / 100:.6f}",
            f"{49.44 + i / 100:.6f}",
            "Parking relais",
        ]
        for i in range(10)
    ]
    table = make_table(["Colonne 3", "Colonne 5", "Unnamed: 6", "champ 7", "col8", ""], rows)
    mapping = propose_mapping(table, schema)
    # true/false fit « ouvert » and « lumiere » alike: left to the agent rather than guessed
    assert mapping.columns == {
        "Colonne 3": "insee",
        "Colonne 5": "date_maj",
        "Unnamed: 6": None,
        "champ 7": "Xlong",
        "col8": "Ylat",
        "": "type",
    }
    assert is_anonymous("Colonne 12") and is_anonymous("") and not is_anonymous("Code postal")


def test_the_official_list_tells_insee_codes_from_postal_codes() -> None:
    """Both fields take five digits (and an address field's character class takes them too): the bundled list
    of communes says which column holds INSEE codes and which postal codes."""
    schema = load_schema("scdl/equipements")
    codes = ["01053", "2A004", "75056", "69123", "13055", "33063"] * 2
    postal = ["01000", "75001", "69002", "13008", "33000", "20000"] * 2
    table = make_table(["Colonne 1", "Colonne 2"], [[c, p] for c, p in zip(codes, postal, strict=True)])
    mapping = propose_mapping(table, schema)
    assert mapping.field_for("Colonne 2") == "ADR_CODEPOSTAL"
    assert mapping.field_for("Colonne 1") != "ADR_CODEPOSTAL"
    marchandises = load_schema("CEREMA/schema-arrete-circulation-marchandises")
    only_codes = make_table(["Colonne 3"], [[c] for c in codes])
    assert propose_mapping(only_codes, marchandises).field_for("Colonne 3") == "COLL_INSEE"


def test_numbers_from_a_short_list_find_their_field() -> None:
    """A number field whose enum is [0, 1, 2] (indice de durabilité): the list tells the field."""
    from capnum_desktop.core.schemas.matching import content_scores, profile_column

    field = {"name": "accessibilite_compteur_usage", "type": "number", "constraints": {"enum": [0, 1, 2]}}
    inside = profile_column(make_table(["c"], [[v] for v in ["0", "1", "2", "1", "0"]]).df["c"])
    outside = profile_column(make_table(["c"], [[v] for v in ["12", "35", "7", "1", "0"]]).df["c"])
    assert content_scores(inside, field, ())[1] >= 0.7 - 1e-9
    assert content_scores(outside, field, ())[1] < 0.35
