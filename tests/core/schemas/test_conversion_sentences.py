"""Values the Map step could not convert: their sentences from code and parameters, French or English (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from capnum_desktop.core.schemas import conform, propose_mapping, schema_from_descriptor
from capnum_desktop.core.schemas.conform import MESSAGES, conversion_text
from capnum_desktop.core.table import SourceInfo, Table

# Every entry of the table in both languages with the same parameters: tests/test_sentence_tables.py


def test_conversion_issues_in_french_and_english() -> None:
    fields = [{"name": "montant", "type": "number"},
              {"name": "siret", "type": "string", "constraints": {"pattern": "^\\d{14}$"}},
              {"name": "statut", "type": "string", "constraints": {"enum": ["actif", "inactif"]}}]
    schema = schema_from_descriptor({"name": "t", "fields": fields}, schema_id="t")
    frame = pd.DataFrame({"montant": ["douze"], "siret": ["2.16901E+13"], "statut": ["autre"]}, dtype=object)
    frame.index = [2]
    table = Table(frame, SourceInfo(Path("x.csv"), "csv"))
    issues = {i.field: i for i in conform(table, schema, propose_mapping(table, schema)).issues}
    assert issues["montant"].message == MESSAGES["type-number"][0] == "Valeur non reconnue comme un nombre."
    assert issues["montant"].text("en") == ("Value not recognised as a number.",
                                            "Write a number, with a decimal comma or point (e.g. 1234,56).")
    assert issues["siret"].message.startswith("Numéro SIRET abîmé par Excel")
    assert issues["siret"].text("en")[0].startswith("SIRET number damaged by Excel")
    assert issues["statut"].hint == "Choisissez une des valeurs autorisées : « actif », « inactif »."
    assert issues["statut"].text("en")[1] == 'Choose one of the allowed values: "actif", "inactif".'


def test_a_close_value_and_a_fixed_value() -> None:
    params = {"allowed": ["actif"], "more": False, "suggestion": "actif", "constant": True}
    assert conversion_text("enum", params) == (
        "Valeur fixe : Valeur hors de la liste autorisée par le schéma.",
        "Valeur proche autorisée : « actif ». Choisissez une des valeurs autorisées : « actif ».")
    assert conversion_text("enum", params, "en")[1] == 'Close allowed value: "actif". Choose one of the allowed values: "actif".'
    assert conversion_text("bizarre", {}, "en") == ("Value not converted.", "Correct the value in the file.")
