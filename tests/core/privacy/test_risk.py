from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from capnum_desktop.core.privacy import enforce_k_anonymity, k_anonymity, suppress_small_counts
from capnum_desktop.core.privacy.aggregates import _as_int
from tests.core.privacy.helpers import make_table


def test_k_is_the_smallest_group_and_rows_at_risk_are_counted() -> None:
    table = make_table({"sexe": ["H"] * 12 + ["F"] * 3, "cp": ["75011"] * 15})
    result = k_anonymity(table, ["sexe", "cp"], k=11)
    assert result.k == 3 and result.rows_at_risk == 3 and result.groups_at_risk == 1
    assert not result.ok and "3 lignes" in result.sentence()
    assert k_anonymity(table, [], 11).k is None


def test_enforce_generalises_before_suppressing_and_keeps_source_rows() -> None:
    rng = random.Random(1)
    ages = [str(rng.randint(20, 69)) for _ in range(200)]
    cps = [rng.choice(["75011", "75012", "75013", "69001", "69002"]) for _ in range(200)]
    table = make_table({"age": ages, "cp": cps, "montant": ["1"] * 200})
    assert not k_anonymity(table, ["age", "cp"], 11).ok
    out, steps = enforce_k_anonymity(table, ["age", "cp"], 11, {"age": "age", "cp": "postal_code"})
    assert k_anonymity(out, ["age", "cp"], 11).ok
    assert steps[0]["action"] == "generalise"
    # the intercommunality is tried before the département: here it is enough, and keeps more of the place
    assert [s["method"] for s in steps if s.get("column") == "cp"] == ["epci"]
    assert set(out.df["cp"]) <= {"Métropole du Grand Paris", "Métropole de Lyon", ""}
    assert list(out.df.index) == list(table.df.index)[: len(out.df)] or set(out.df.index) <= set(table.df.index)
    assert "montant" in out.df.columns


def test_the_departement_comes_when_the_intercommunality_is_not_enough() -> None:
    """Two EPCI of the Ain with a handful of rows each: only the département gathers 11 rows."""
    cps = ["01000"] * 6 + ["01100"] * 6  # Bourg-en-Bresse (CA du Bassin de Bourg) and Oyonnax (Haut-Bugey)
    table = make_table({"cp": cps})
    out, steps = enforce_k_anonymity(table, ["cp"], 11, {"cp": "postal_code"})
    assert [s["method"] for s in steps if s["action"] == "generalise"] == ["epci", "departement"]
    assert set(out.df["cp"]) == {"01"}


def test_enforce_drops_rows_only_when_suppression_is_not_enough() -> None:
    table = make_table({"profession": ["Boulanger"] * 3 + ["Notaire"] * 2})
    out, steps = enforce_k_anonymity(table, ["profession"], 3, {"profession": "profession"})
    assert [s["action"] for s in steps] == ["suppress", "drop_rows"]
    assert out.row_count == 3


def test_small_counts_primary_and_secondary_suppression() -> None:
    table = make_table({
        "region": ["Nord", "Sud", "Est", "Total"],
        "hommes": ["25", "40", "12", "77"],
        "femmes": ["3", "30", "15", "48"],
        "total": ["28", "70", "27", "125"],
    })
    out, result = suppress_small_counts(table, ["hommes", "femmes"], total_column="total", label_column="region")
    assert result.primary == [(2, "femmes")]
    assert out.df.loc[2, "femmes"] == ""
    assert len(result.secondary) >= 2  # the row and the column of the secret each lose another cell
    _assert_no_lonely_secret(out.df, ["hommes", "femmes"], "total", [5])
    assert list(out.df.index) == [2, 3, 4, 5]


def _assert_no_lonely_secret(df, count_columns, total_column, total_rows) -> None:
    inner = [i for i in df.index if i not in total_rows]
    cols = count_columns + ([total_column] if total_column else [])
    for c in cols:
        cells = [df.loc[i, c] for i in inner] + [df.loc[t, c] for t in total_rows]
        assert sum(1 for x in cells if x == "") != 1, c
    if total_column:
        for i in df.index:
            cells = [df.loc[i, c] for c in cols]
            assert sum(1 for x in cells if x == "") != 1, i


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 60), min_size=3, max_size=3), min_size=2, max_size=6))
def test_no_secret_can_be_recomputed_from_the_totals(rows: list[list[int]]) -> None:
    data = {"a": [str(r[0]) for r in rows], "b": [str(r[1]) for r in rows], "c": [str(r[2]) for r in rows]}
    data["total"] = [str(sum(r)) for r in rows]
    table = make_table(data)
    out, result = suppress_small_counts(table, ["a", "b", "c"], total_column="total", threshold=10)
    _assert_no_lonely_secret(out.df, ["a", "b", "c"], "total", [])
    for i, c in result.primary:
        assert 1 <= _as_int(table.df.loc[i, c]) <= 10


def test_small_count_threshold_is_checked() -> None:
    import pytest

    from capnum_desktop.core.errors import CapnumError

    with pytest.raises(CapnumError):
        suppress_small_counts(make_table({"n": ["1"]}), ["n"], threshold=11)
