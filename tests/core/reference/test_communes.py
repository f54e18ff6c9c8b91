"""The bundled list of communes: look-ups by code, name and postal code, and the row-wise checks."""

from __future__ import annotations

import gzip

import pandas as pd
import pytest

from capnum_desktop.core.reference import communes
from capnum_desktop.core.reference.commune_columns import review_communes
from capnum_desktop.resources import resource_path


def test_bundled_file_is_compact_and_dated() -> None:
    path = resource_path("reference", "communes.tsv.gz")
    assert path.stat().st_size < 600_000
    info = communes.reference_info()
    assert info["millesime"].isdigit() and "decoupage-administratif" in info["source"]
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    assert lines[0].split("\t") == info["columns"]
    assert len(lines) - 1 == info["communes"] > 34_000


def test_lookup_by_code() -> None:
    bourg = communes.commune("01053")
    assert bourg is not None and bourg.name == "Bourg-en-Bresse" and "01000" in bourg.postal_codes
    assert bourg.departement == "01" and bourg.is_current
    assert communes.commune("97411").departement == "974"
    assert communes.is_commune_code("2A004")  # Ajaccio, Corse-du-Sud
    assert not communes.is_commune_code("01999") and not communes.is_commune_code("1053")


def test_population_for_small_commune_flagging() -> None:
    assert communes.population("75056") > 2_000_000
    assert communes.population("13201") > 10_000  # a municipal arrondissement has its own
    small = [
        c for c in communes._index().rows if c.is_current and c.population is not None and c.population < 50
    ]
    assert small, "the list has communes under 50 inhabitants"
    assert communes.population(small[0].code) < 50
    assert communes.population("00000") is None


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        ("Bourg-en-Bresse", {}, "01053"),
        ("BOURG EN BRESSE", {}, "01053"),
        ("st etienne", {}, "42218"),
        ("Havre (Le)", {}, "76351"),
        ("Saint-Denis", {}, None),  # several communes: no guess
        ("Saint-Denis", {"departement": "93"}, "93066"),
        ("Saint-Denis", {"postal_code": "97400"}, "97411"),
        ("Nulle-Part-sur-Mer", {}, None),
    ],
)
def test_code_for_name(name: str, kwargs: dict[str, str], expected: str | None) -> None:
    assert communes.code_for_name(name, **kwargs) == expected


def test_postal_codes() -> None:
    assert {c.code for c in communes.communes_for_postal_code("01000")} >= {"01053"}
    assert communes.postal_code_matches("01053", "01000") is True
    assert communes.postal_code_matches("13055", "13008") is True  # Marseille and its arrondissements
    assert communes.postal_code_matches("13208", "13008") is True
    assert communes.postal_code_matches("01053", "75001") is False
    assert communes.postal_code_matches("01053", "00001") is None  # unknown postal code: no verdict


def test_review_resolves_names_with_the_rows_postal_code_and_lists_mismatches() -> None:
    codes = pd.Series(["01053", "Saint-Denis", "99999", "01053", ""], index=[2, 3, 4, 5, 6])
    postal = pd.Series(["01000", "93200", "01000", "75001", ""], index=codes.index)
    review = review_communes(codes, postal)
    assert list(review.codes) == ["01053", "93066", "99999", "01053", ""]
    assert list(review.resolved) == [False, True, False, False, False]
    assert review.unknown_rows == [4] and review.mismatched_rows == [5]
    assert any("75001" in w and "Bourg-en-Bresse" in w for w in review.warnings)
    assert any("absent" in w and "4" in w for w in review.warnings)


def test_review_without_postal_column_only_checks_codes() -> None:
    review = review_communes(pd.Series(["01053", "75056"]))
    assert review.warnings == [] and not review.resolved.any()


def test_commune_name_field_detection() -> None:
    from capnum_desktop.core.reference.commune_columns import is_commune_name_field

    assert is_commune_name_field("COMMUNE_NOM") and is_commune_name_field("ADR_COMMUNE")
    assert is_commune_name_field("ville") and not is_commune_name_field("code_commune")
    assert not is_commune_name_field("COLL_INSEE") and not is_commune_name_field("nom")


def test_names_checked_against_code_then_postal_code() -> None:
    from capnum_desktop.core.reference.commune_columns import review_commune_names

    names = pd.Series(["Bourg-en-Bresse", "Marseille", "Paris 15e", "BOURG EN BRESSE CEDEX", "Lyon", "Nice"])
    codes = pd.Series(["01053", "01053", "", "", "", ""])
    postal = pd.Series(["", "", "75015", "01000", "69006", "01000"])
    warnings = review_commune_names(names, codes, postal)
    assert len(warnings) == 2
    assert "code INSEE" in warnings[0] and "ligne 1" in warnings[0] and "Marseille" in warnings[0]
    assert "code postal" in warnings[1] and "ligne 5" in warnings[1] and "Nice" in warnings[1]
    assert review_commune_names(pd.Series(["Saint-Denis"]), postal=pd.Series(["99999"])) == []  # no verdict


def test_official_names_folded_together_as_one_by_one() -> None:
    """name_key of every official name, folded in one pass (issue 18), is name_key's own answer; the pass
    falls back to one by one for a line break or text decoded twice."""
    names = [c.name for c in communes._index().rows]
    assert communes._name_keys(names) == [communes.name_key(n) for n in names]
    odd = ["Saint-Étienne (La)", " St  Denis ", "Ste\u00a0Marie", "L'Haÿ-les-Roses", "Havre (Le)", "A\nB",
           "RÃ©union", "Œuvre\u2028Sts"]
    assert communes._name_keys(odd) == [communes.name_key(n) for n in odd]
    plain = odd[:5] + odd[7:]  # neither a line break nor text decoded twice: the one-pass fold
    assert communes._name_keys(plain) == [communes.name_key(n) for n in plain]
    assert communes.official_name_key("Bourg-en-Bresse") == "bourg en bresse"
    assert communes.official_name_key("pas une commune !") == communes.name_key("pas une commune !")
