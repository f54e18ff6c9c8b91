"""The Mapping value object: immutable changes, one column per field, JSON round trip, missing fields."""

from __future__ import annotations

import json

from capnum_desktop.core.schemas import Mapping, load_schema, missing_required, unknown_fields


def base() -> Mapping:
    return Mapping(
        columns={"Nom": "nomBeneficiaire", "Somme": "montant", "Divers": None},
        confidence={"Nom": 0.9, "Somme": 0.7, "Divers": 0.0},
    )


def test_changes_return_new_mappings_and_leave_the_old_one_alone() -> None:
    m = base()
    m2 = m.with_column("Divers", "objet")
    assert m.columns["Divers"] is None and m2.columns["Divers"] == "objet"
    assert m2.confidence["Divers"] == 1.0  # the user's choice


def test_a_field_takes_one_column_only() -> None:
    m = base().with_column("Divers", "montant")
    assert m.columns == {"Nom": "nomBeneficiaire", "Somme": None, "Divers": "montant"}
    assert m.column_for("montant") == "Divers"


def test_constant_replaces_column_and_column_replaces_constant() -> None:
    m = base().with_constant("montant", "100")
    assert m.column_for("montant") is None and m.constants == {"montant": "100"}
    assert m.is_filled("montant")
    m = m.with_column("Somme", "montant")
    assert m.constants == {} and m.column_for("montant") == "Somme"


def test_copy_lets_one_column_feed_a_second_field_on_request() -> None:
    m = base().with_copy("objet", "Nom")
    assert m.column_for("nomBeneficiaire") == "Nom" and m.column_for("objet") == "Nom"
    assert sorted(m.mapped_fields) == ["montant", "nomBeneficiaire", "objet"]
    assert m.without_field("objet").column_for("objet") is None


def test_kept_extras_and_extra_columns() -> None:
    m = base()
    assert m.extra_columns == ["Divers"]
    kept = m.with_kept("Divers")
    assert kept.keep_extra == ("Divers",) and kept.extra_columns == []
    assert kept.with_kept("Divers", keep=False).keep_extra == ()
    assert kept.with_column("Divers", "objet").keep_extra == ()  # mapped columns are not "extra"


def test_round_trip_through_json() -> None:
    m = (
        base()
        .with_constant("nomAttribuant", "Bureau X")
        .with_kept("Divers")
        .with_null_values(["NA", "NA", "NC"])
    )
    m = m.with_copy("objet", "Nom")
    again = Mapping.from_dict(json.loads(json.dumps(m.to_dict())))
    assert again == m
    assert again.null_values == ("NA", "NC")


def test_missing_required_and_unknown_fields() -> None:
    schema = load_schema("scdl/subventions")
    m = base()
    missing = missing_required(schema, m)
    assert "nomBeneficiaire" not in missing and "montant" not in missing
    assert missing[:3] == ["nomAttribuant", "idAttribuant", "dateConvention"]
    assert "nomAttribuant" not in missing_required(schema, m.with_constant("nomAttribuant", "Ministère"))
    assert unknown_fields(schema, m.with_column("Divers", "champInconnu")) == ["champInconnu"]
