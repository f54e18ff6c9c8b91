"""A column that spells the same row's name (links to the person's page, logins) is flagged when the name
columns are: removing « nom » and « prénom » and publishing ``…/bertrand_alain11081p.html`` gives the names
back. Generated twin of the Senate's « réserve parlementaire » file (../shared/reference/real-files)."""

from __future__ import annotations

import unicodedata

from faker import Faker

from capnum_desktop.core.privacy import apply_plan, plan_for_schema, scan_table
from capnum_desktop.core.privacy.name_leaks import measure_leak, name_words_by_row

from .helpers import make_table


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c if c.isalnum() else "-" for c in ascii_text).strip("-")


def _reserve(n: int = 60) -> dict[str, list[str]]:
    """Grants chosen by members of parliament: beneficiary, amount, the member's name and links to their page."""
    fake = Faker("fr_FR")
    fake.seed_instance(18)
    first = [fake.first_name() for _ in range(n)]
    last = [fake.last_name() for _ in range(n)]
    return {
        "bénéficiaire": [f"Association {fake.city()}" for _ in range(n)],
        "montant versé (€)": [str(fake.random_int(500, 20000)) for _ in range(n)],
        "département": [fake.department()[0] for _ in range(n)],
        "prénom": first,
        "nom": last,
        "attributeur": [f"{b.upper()} {a}" for a, b in zip(first, last, strict=True)],
        "url_institution": [f"http://www.senat.fr/senateur/{_slug(b)}_{_slug(a)}{i:05d}p.html"
                            for i, (a, b) in enumerate(zip(first, last, strict=True))],
        "url_profil": [f"https://www.nossenateurs.fr/{_slug(a)}-{_slug(b)}" for a, b in zip(first, last, strict=True)],
        "programme": [str(fake.random_int(100, 400)) for _ in range(n)],
    }


def test_links_spelling_the_removed_names_are_flagged_and_removed() -> None:
    table = make_table(_reserve())
    scan = scan_table(table)
    for column in ("url_institution", "url_profil"):
        finding = scan.finding(column)
        assert finding is not None and finding.category == "name_in_value", column
        assert finding.default_action == "remove" and "RGPD art. 4(1)" in finding.legal_basis
        assert "60 valeurs sur 60 contiennent le nom de la personne de la même ligne" in finding.evidence[0]
    for column in ("bénéficiaire", "montant versé (€)", "programme"):
        assert scan.finding(column).category is None, column  # no name of the row in them
    plan = plan_for_schema(scan, table)
    out, _log = apply_plan(table, plan)
    assert not {"nom", "prénom", "attributeur", "url_institution", "url_profil"} & set(out.df.columns)
    assert {"bénéficiaire", "montant versé (€)", "programme"} <= set(out.df.columns)


def test_a_column_naming_someone_else_is_not_a_leak() -> None:
    """Places named after people (« Rue Victor Hugo ») on rows of other persons: no word of the row's name."""
    data = _reserve()
    fake = Faker("fr_FR")
    fake.seed_instance(3)
    data["adresse_salle"] = [f"Salle {fake.first_name()} {fake.last_name()}" for _ in data["nom"]]
    data.pop("url_institution")
    data.pop("url_profil")
    scan = scan_table(make_table(data))
    assert scan.finding("adresse_salle").category != "name_in_value"


def test_the_measure_counts_rows_with_both_a_name_and_a_value() -> None:
    table = make_table({"nom": ["Martin", "Durand", "", "Petit", "Moreau", "Lefèvre"],
                        "lien": ["/martin", "/autre", "/durand", "", "/moreau-2", "/lefevre"]})
    words = name_words_by_row(table.df, ["nom"])
    leak = measure_leak(table.df, "lien", ["nom"], words)
    assert (leak.matched, leak.compared, leak.example_row) == (3, 4, 2)  # « Lefèvre » matches « lefevre »
