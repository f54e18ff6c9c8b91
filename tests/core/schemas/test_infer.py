"""infer_schema(): types, required, formats from text data; the file it came from conforms to it."""

from __future__ import annotations

from faker import Faker

from capnum_desktop.core.io import read_table
from capnum_desktop.core.schemas import Mapping, conform, infer_schema
from tests.conftest import reference

from .helpers import make_table


def test_types_required_and_formats_from_french_text() -> None:
    fake = Faker("fr_FR")
    Faker.seed(4)
    rows = [
        [
            str(i),
            f"{fake.pyfloat(min_value=0, max_value=9999, right_digits=2):.2f}".replace(".", ","),
            fake.date(pattern="%d/%m/%Y"),
            fake.random_element(["oui", "non"]),
            fake.email(),
            fake.postcode(),
            fake.city() if i % 3 else "",
            f"https://exemple.fr/{i}",
        ]
        for i in range(1, 61)
    ]
    rows[0][5] = "01000"  # a code with a leading zero stays text
    table = make_table(["n", "montant", "date", "actif", "courriel", "cp", "ville", "lien"], rows)
    schema = infer_schema(table)
    types = {f["name"]: (f["type"], f.get("format")) for f in schema.fields}
    assert types == {
        "n": ("integer", None),
        "montant": ("number", None),
        "date": ("date", None),
        "actif": ("boolean", None),
        "courriel": ("string", "email"),
        "cp": ("string", None),
        "ville": ("string", None),
        "lien": ("string", "uri"),
    }
    assert "n" in schema.required_fields and "ville" not in schema.required_fields
    assert schema.source == "inferred" and schema.warnings == ()
    result = conform(table, schema, Mapping(columns={c: c for c in table.columns}))
    assert result.issues == []
    assert result.table.df["actif"].isin(["true", "false"]).all()


def test_mixed_column_stays_text_and_empty_column_is_optional_text() -> None:
    table = make_table(["a", "b"], [["1", ""], ["deux", ""], ["3", ""]])
    schema = infer_schema(table)
    assert [f["type"] for f in schema.fields] == ["string", "string"]
    assert schema.required_fields == ["a"]


def test_zero_one_columns_are_counts_not_flags() -> None:
    table = make_table(["compte"], [["0"], ["1"], ["1"]])
    assert infer_schema(table).fields[0]["type"] == "integer"


def test_real_archive_register_inferred_then_conformed_without_loss() -> None:
    table = read_table(reference("real-files", "archives-registre-entrees", "Avignon.csv"))
    schema = infer_schema(table)
    kinds = {f["name"]: f["type"] for f in schema.fields}
    assert kinds["dateEntree"] == "date"
    assert kinds["mlEntree"] == "number"  # "7,5" with decimal commas
    assert kinds["ID"] == "integer"
    result = conform(table, schema, Mapping(columns={c: c for c in table.columns}, null_values=("NA",)))
    assert result.issues == []
    assert result.table.df["dateEntree"].iloc[0] == "2003-01-21"


def test_given_name_and_title_are_kept() -> None:
    schema = infer_schema(make_table(["a"], [["1"]]), name="mes-donnees", title="Mes données")
    assert schema.id == "mes-donnees" and schema.title == "Mes données"
    assert infer_schema(make_table(["a"], [["1"]], name="Liste été.csv")).id == "liste-ete"
