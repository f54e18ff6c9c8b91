"""conform(): schema-shaped output, source rows kept, every failure reported with its row, nothing blanked."""

from __future__ import annotations

import pandas as pd
import pytest

from capnum_desktop.core.errors import Cancelled
from capnum_desktop.core.jobs import CancelToken
from capnum_desktop.core.schemas import Mapping, conform, load_schema, propose_mapping, schema_from_descriptor
from capnum_desktop.core.schemas.conform import MESSAGES

from .helpers import make_table

COLUMNS = ["Bénéficiaire", "Montant", "Date convention", "Notifié UE", "Nature", "Remarque"]
ROWS = [
    ["Asso A", "1 234,56 €", "15/03/2024", "non", "Aide en numéraire", "r1"],
    ["Asso B", "beaucoup", "31/02/2024", "oui", "en nature", "r2"],
    ["Asso C", "12,5", "15 mars 2024", "peut-être", "aide en nature", "r3"],
]


def mapping() -> Mapping:
    return Mapping(
        columns={
            "Bénéficiaire": "nomBeneficiaire",
            "Montant": "montant",
            "Date convention": "dateConvention",
            "Notifié UE": "notificationUE",
            "Nature": "nature",
            "Remarque": None,
        }
    )


def test_output_is_schema_shaped_with_source_rows_and_canonical_values() -> None:
    table = make_table(COLUMNS, ROWS, first_row=5)
    schema = load_schema("scdl/subventions")
    result = conform(table, schema, mapping().with_constant("nomAttribuant", "Bureau des aides"))
    df = result.table.df
    assert list(df.columns) == schema.field_names
    assert list(df.index) == [5, 6, 7]
    assert list(df["montant"]) == ["1234.56", "beaucoup", "12.5"]
    assert list(df["dateConvention"]) == ["2024-03-15", "31/02/2024", "2024-03-15"]
    assert list(df["notificationUE"]) == ["non", "oui", "peut-être"]  # the field's own words (oui/non)
    assert list(df["nature"]) == ["aide en numéraire", "en nature", "aide en nature"]
    assert list(df["nomAttribuant"]) == ["Bureau des aides"] * 3
    assert list(df["idAttribuant"]) == ["", "", ""]
    assert all(isinstance(v, str) for v in df.to_numpy().ravel())


def test_every_bad_value_is_reported_with_row_field_and_french_text() -> None:
    result = conform(make_table(COLUMNS, ROWS, first_row=5), load_schema("scdl/subventions"), mapping())
    found = {(i.row, i.field, i.code) for i in result.issues}
    assert found == {
        (6, "montant", "type-number"),
        (6, "dateConvention", "type-date"),
        (7, "notificationUE", "type-boolean"),
        (6, "nature", "enum"),
    }
    assert result.issue_counts == {"montant": 1, "dateConvention": 1, "notificationUE": 1, "nature": 1}
    enum_issue = next(i for i in result.issues if i.code == "enum")
    assert enum_issue.column == "Nature" and enum_issue.value == "en nature"
    assert "aide en nature" in enum_issue.hint  # a suggestion and the allowed values
    for issue in result.issues:
        assert issue.message and issue.hint
        assert issue.value not in issue.message  # no cell value in messages (may be personal)
        assert "value" not in issue.to_dict()


def test_extra_columns_dropped_unless_kept_with_a_warning() -> None:
    table = make_table(COLUMNS, ROWS)
    schema = load_schema("scdl/subventions")
    assert "Remarque" not in conform(table, schema, mapping()).table.df.columns
    kept = conform(table, schema, mapping().with_kept("Remarque"))
    assert list(kept.table.df.columns)[-1] == "Remarque"
    assert list(kept.table.df["Remarque"]) == ["r1", "r2", "r3"]
    assert any("Remarque" in w and "standard" in w for w in kept.warnings)


def test_copy_and_bad_constant() -> None:
    table = make_table(COLUMNS, ROWS)
    schema = load_schema("scdl/subventions")
    m = mapping().with_copy("objet", "Bénéficiaire").with_constant("pourcentageSubvention", "cent")
    result = conform(table, schema, m)
    assert list(result.table.df["objet"]) == ["Asso A", "Asso B", "Asso C"]
    constant_issue = [i for i in result.issues if i.field == "pourcentageSubvention"]
    assert len(constant_issue) == 1 and constant_issue[0].row is None
    assert list(result.table.df["pourcentageSubvention"]) == ["cent"] * 3


def test_repairs_and_null_tokens_are_counted_not_listed_by_value() -> None:
    table = make_table(["siret", "insee", "x"], [["35600000000048.0", "1001", "NA"], ["NA", "75056", "1"]])
    schema = load_schema("etalab/schema-lieux-covoiturage")
    m = Mapping(columns={"siret": None, "insee": "insee", "x": "Xlong"}, null_values=("NA",))
    result = conform(table, schema, m)
    assert list(result.table.df["insee"]) == ["01001", "75056"]
    assert list(result.table.df["Xlong"]) == ["", "1"]
    codes = {(r.field, r.code): r for r in result.repairs}
    assert codes["insee", "leading-zeros"].count == 1 and codes["insee", "leading-zeros"].rows == (2,)
    assert codes["Xlong", "null-token"].count == 1
    assert not result.issues


def test_missing_source_column_is_a_warning_not_a_crash() -> None:
    result = conform(
        make_table(["a"], [["1"]]), load_schema("scdl/prenoms"), Mapping(columns={"disparue": "ENFANT_SEXE"})
    )
    assert any("disparue" in w for w in result.warnings)
    assert list(result.table.df["ENFANT_SEXE"]) == [""]


def test_progress_and_cancel() -> None:
    table = make_table(COLUMNS, ROWS)
    schema = load_schema("scdl/subventions")
    seen: list[float] = []
    conform(table, schema, mapping(), progress=lambda f, m="": seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        conform(table, schema, mapping(), cancel=token)


def test_issue_list_is_capped_but_counts_are_complete() -> None:
    rows = [[f"pas un nombre {i}"] for i in range(50)]
    result = conform(
        make_table(["m"], rows),
        load_schema("scdl/subventions"),
        Mapping(columns={"m": "montant"}),
        max_issues_per_field=10,
    )
    assert len(result.issues) == 10 and result.issue_counts["montant"] == 50


def test_every_issue_code_has_a_french_message() -> None:
    for code in (
        "type-number",
        "type-integer",
        "type-date",
        "type-datetime",
        "type-boolean",
        "type-year",
        "enum",
    ):
        message, hint = MESSAGES[code]
        assert message and hint


def test_propose_then_conform_on_generated_french_file() -> None:
    """A generated subsidies file with French writings converts cleanly."""
    from faker import Faker

    fake = Faker("fr_FR")
    Faker.seed(2)
    rows = []
    for _ in range(200):
        amount = fake.pyfloat(min_value=100, max_value=900000, right_digits=2)
        rows.append(
            [
                fake.company(),
                f"{amount:,.2f} €".replace(",", "\u202f").replace(".", ","),
                fake.date_between("-3y").strftime("%d/%m/%Y"),
                fake.random_element(["oui", "non", "Oui", "NON"]),
            ]
        )
    table = make_table(
        ["Nom du bénéficiaire", "Montant de la subvention", "Date de la convention", "Aide notifiée à l'UE"],
        rows,
    )
    schema = load_schema("scdl/subventions")
    m = propose_mapping(table, schema)
    assert m.field_for("Montant de la subvention") == "montant"
    assert m.field_for("Date de la convention") == "dateConvention"
    assert m.field_for("Aide notifiée à l'UE") == "notificationUE"
    result = conform(table, schema, m)
    assert result.issues == []
    assert pd.to_numeric(result.table.df["montant"]).min() >= 100
    assert result.table.df["dateConvention"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()


def test_commune_names_resolved_with_postal_code_and_mismatches_warned() -> None:
    schema = schema_from_descriptor(
        {"fields": [{"name": "code_insee", "type": "string"}, {"name": "code_postal", "type": "string"}]}
    )
    table = make_table(
        ["commune", "cp"], [["Saint-Denis", "93200"], ["Bourg-en-Bresse", "01000"], ["1053", "75001"]]
    )
    result = conform(table, schema, Mapping(columns={"commune": "code_insee", "cp": "code_postal"}))
    assert list(result.table.df["code_insee"]) == ["93066", "01053", "01053"]
    codes = {r.code: r.count for r in result.repairs}
    assert codes == {"commune-name": 2, "leading-zeros": 1}
    assert any("ne correspondent pas sur 1 ligne" in w and "75001" in w for w in result.warnings)


def test_commune_name_checked_against_postal_code_in_conform() -> None:
    schema = schema_from_descriptor(
        {
            "fields": [
                {"name": "ADR_COMMUNE", "type": "string"},
                {"name": "ADR_CODEPOSTAL", "title": "Code postal", "type": "string"},
            ]
        }
    )
    table = make_table(["ville", "cp"], [["Lyon", "69006"], ["Nice", "01000"]])
    result = conform(table, schema, Mapping(columns={"ville": "ADR_COMMUNE", "cp": "ADR_CODEPOSTAL"}))
    assert list(result.table.df["ADR_COMMUNE"]) == ["Lyon", "Nice"]  # never changed
    (warning,) = [w for w in result.warnings if "ADR_COMMUNE" in w]
    assert "code postal" in warning and "ligne 3" in warning
