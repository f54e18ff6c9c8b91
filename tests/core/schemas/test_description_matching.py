"""Word-order-free matching on a field's name, title and description (issue 17)."""

from __future__ import annotations

from capnum_desktop.core.schemas import load_schema, propose_mapping, schema_from_descriptor
from capnum_desktop.core.schemas.matching import _field_labels, bag_score, words

from .helpers import make_table

EQUIPMENT = {
    "fields": [
        {
            "name": "dateMiseEnService",
            "title": "Date de mise en service",
            "description": "Date à laquelle la borne a été raccordée au réseau, au format AAAA-MM-JJ.",
            "type": "date",
        },
        {
            "name": "nomResponsable",
            "title": "Nom du responsable",
            "description": "Nom de la personne qui suit la borne.",
            "type": "string",
        },
        {
            "name": "puissance",
            "title": "Puissance nominale",
            "description": "Puissance [nominale](https://fr.wikipedia.org/wiki/Puissance) de la borne, en kW.",
            "type": "number",
        },
    ]
}
ROWS = [
    ["2021-03-04", "Claire Martin", "22"],
    ["2022-11-30", "Paul Roux", "7,4"],
    ["2020-01-15", "Inès Diallo", "50"],
]


def _mapped(headers: list[str], descriptor: dict = EQUIPMENT) -> dict[str, str | None]:
    return propose_mapping(make_table(headers, ROWS), schema_from_descriptor(descriptor)).columns


def test_reworded_header_in_another_order_maps_to_its_field() -> None:
    mapped = _mapped(["Mise en service (date)", "Responsable (nom)", "Puissance nominale"])
    assert mapped == {
        "Mise en service (date)": "dateMiseEnService",
        "Responsable (nom)": "nomResponsable",
        "Puissance nominale": "puissance",
    }


def test_header_written_like_the_description_maps_through_it() -> None:
    headers = ["Borne raccordée au réseau le", "Responsable", "kW"]
    assert _mapped(headers)["Borne raccordée au réseau le"] == "dateMiseEnService"
    # The same header against the same field without its description: nothing says it is that field.
    bare = {"fields": [{k: v for k, v in f.items() if k != "description"} for f in EQUIPMENT["fields"]]}
    assert _mapped(headers, bare)["Borne raccordée au réseau le"] is None


def test_description_match_stays_below_a_title_match_and_needs_most_of_the_header() -> None:
    labels = {f.name: f for f in _field_labels(schema_from_descriptor(EQUIPMENT))}
    by_description = bag_score(words("Borne raccordée au réseau le"), labels["dateMiseEnService"])
    assert 0.6 <= by_description <= 0.8
    # Only « borne » and « date » are in the field's text: a header about something else stays out.
    assert bag_score(words("Date de révision de la borne"), labels["dateMiseEnService"]) == 0.0
    # A link's address is not read as words; its text is.
    assert "wikipedia" not in labels["puissance"].bag and "nominal" in "".join(labels["puissance"].bag)


def test_words_in_every_field_weigh_little() -> None:
    schema = load_schema("scdl/subventions")
    labels = _field_labels(schema)
    weights = labels[0].weights
    assert weights is not None
    assert weights["subvention"] < weights["convention"]


def test_sentence_header_for_the_subsidy_date() -> None:
    table = make_table(
        ["Date à laquelle la subvention a été attribuée", "Bénéficiaire", "Montant attribué"],
        [["2024-02-01", "Association Les Amis", "1500"], ["2024-03-12", "Club sportif", "800"]],
    )
    mapped = propose_mapping(table, load_schema("scdl/subventions")).columns
    assert mapped == {
        "Date à laquelle la subvention a été attribuée": "dateConvention",
        "Bénéficiaire": "nomBeneficiaire",
        "Montant attribué": "montant",
    }
