"""The Protect step's per-distinct-value paths (issue 18) give what the row-by-row pandas code gave.

``generalise_series``, masking and pseudonymising now factorise a column once and take the results back by
codes; k-anonymity combines integer codes instead of a groupby over strings. The reference functions
below are the code of before, kept here verbatim: each new path must return the same cells (the same
exception where the old one raised), the same counts and the same log, on Faker fr_FR data with ugly cells
(empty, blanks, None/NaN, unknown postal codes, impossible dates), for object columns of Python ``str``
and for pandas' Arrow-backed ``str`` columns.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
import pytest
from faker import Faker

from capnum_desktop.core.privacy import Decision, PrivacyPlan, apply_plan
from capnum_desktop.core.privacy import apply as apply_module
from capnum_desktop.core.privacy import risk as risk_module
from capnum_desktop.core.privacy import values as v
from capnum_desktop.core.privacy.apply import _changed, _mask, _pseudonymise, _suppress_mask, pseudonym
from capnum_desktop.core.privacy.generalise import LADDERS, METHOD_LABELS, METHODS, generalise_series
from capnum_desktop.core.privacy.risk import KAnonymityResult, enforce_k_anonymity, group_sizes, k_anonymity
from capnum_desktop.core.privacy.spans import mask_text
from capnum_desktop.core.table import SourceInfo, Table

# ---- the code of before (reference) ----------------------------------------------------------------


def old_generalise_series(series: pd.Series, method: str, params: dict[str, Any] | None = None) -> pd.Series:
    func = METHODS[method]
    extra = {k: val for k, val in (params or {}).items() if k != "method"}
    mapping = {value: ("" if value == "" else func(value, **extra)) for value in series.unique()}
    return series.map(mapping).astype(object)


def old_pseudonymise(series: pd.Series, key: bytes) -> pd.Series:
    mapping = {x: ("" if x == "" else pseudonym(x, key)) for x in series.unique()}
    return series.map(mapping).astype(object)


def old_changed(before: pd.Series, after: pd.Series) -> int:
    return int((before.astype(str) != after.astype(str)).sum())


def old_mask(series: pd.Series) -> tuple[pd.Series, Counter[str]]:
    total: Counter[str] = Counter()
    mapping = {}
    counts = series.value_counts(sort=False)
    for value, n in counts.items():
        masked, found = mask_text(value)
        mapping[value] = masked
        for kind, k in found.items():
            total[kind] += k * int(n)
    return series.map(mapping).astype(object), total


def old_group_sizes(df: pd.DataFrame, quasi_identifiers: list[str]) -> pd.Series:
    return df.groupby(list(quasi_identifiers), sort=False, dropna=False)[quasi_identifiers[0]].transform("size")


def old_k_anonymity(table: Table, quasi_identifiers: list[str], k: int = 11) -> KAnonymityResult:
    qis = [c for c in quasi_identifiers if c in table.df.columns]
    if not qis or table.row_count == 0:
        return KAnonymityResult(tuple(qis), None, k, 0, 0, table.row_count)
    counts = table.df.groupby(qis, sort=False, dropna=False).size()
    small = counts[counts < k]
    return KAnonymityResult(tuple(qis), int(counts.min()), k, int(small.sum()), len(small), table.row_count)


def old_enforce_k_anonymity(table: Table, quasi_identifiers: list[str], k: int = 11,
                            categories: dict[str, str] | None = None) -> tuple[Table, list[dict[str, Any]]]:
    categories = categories or {}
    qis = [c for c in quasi_identifiers if c in table.df.columns]
    steps: list[dict[str, Any]] = []
    current = table
    result = old_k_anonymity(current, qis, k)
    if result.ok:
        return current, steps
    original = table.df
    rungs = {c: list(LADDERS.get(categories.get(c, ""), [])) for c in qis}
    while not result.ok and any(rungs.values()):
        best = None
        for name, ladder in rungs.items():
            if not ladder:
                continue
            method, params = ladder[0]
            df = current.df.copy()
            df[name] = old_generalise_series(original[name], method, params)
            filled = original[name] != ""
            if (filled.any() and (df.loc[filled, name] == "").mean() > 0.5) or df[name].equals(current.df[name]):
                ladder.pop(0)
                continue
            trial = old_k_anonymity(current.with_df(df), qis, k)
            if best is None or trial.rows_at_risk < best[2].rows_at_risk:
                best = (name, df, trial, method, params)
        if best is None:
            continue
        name, df, trial, method, params = best
        rungs[name].pop(0)
        current, result = current.with_df(df), trial
        steps.append({"action": "generalise", "column": name, "method": method, "params": dict(params),
                      "label": METHOD_LABELS.get(method, method), "rows_at_risk_after": trial.rows_at_risk,
                      "k_after": trial.k})
    if not result.ok:
        df = current.df.copy()
        at_risk = old_group_sizes(df, qis) < k
        df.loc[at_risk, qis] = ""
        current = current.with_df(df)
        result = old_k_anonymity(current, qis, k)
        steps.append({"action": "suppress", "columns": list(qis), "rows": int(at_risk.sum()),
                      "rows_at_risk_after": result.rows_at_risk, "k_after": result.k})
    if not result.ok:
        keep = old_group_sizes(current.df, qis) >= k
        dropped = int((~keep).sum())
        current = current.with_df(current.df[keep])
        result = old_k_anonymity(current, qis, k)
        steps.append({"action": "drop_rows", "rows": dropped, "rows_at_risk_after": result.rows_at_risk,
                      "k_after": result.k})
    return current, steps


def old_sole_proprietor(series: pd.Series) -> pd.Series:
    mapping = {x: v.is_individual_entrepreneur(x) for x in series.unique()}
    return series.map(mapping).astype(bool)


# ---- data ------------------------------------------------------------------------------------------

ARROW = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' ``str``, as conformed columns hold
PYTHON = pd.StringDtype("python", na_value=np.nan)
DTYPES = {"object": object, "arrow": ARROW, "python": PYTHON}

UGLY_POSTAL = ["", " ", "75011", " 75011 ", "7501", "1400", "01400", "20090", "20200", "20190", "97411", "98800",
               "99999", "00000", "2A", "2b", "75", "974", "abc", "75 011", "75011-", "\u00a075011", "٧٥٠١١",
               "75011\n", "1234567", "20000", "20199", "20200", "97100", "98000", "00001", "99999", "96000"]
UGLY_DATES = ["", " ", "1980-03-15", "15/03/1980", "15.03.1980", "1980", "2031-01-01", "2023-02-30", "31/02/2020",
              "2020-13-01", "00/00/0000", "1899-12-31", "30-39 ans", "90 ans et plus", "hier", "2024-02-29",
              " 2001-07-02 ", "1980-3-5", "٢٠٠١-٠٧-٠٢", "29/02/2023", "29/02/2024", "2023-00-10", "2023-04-31",
              "0000-01-01", "9999-12-31", "2026-12-05", "2026-12-06", "1926-12-05", "1926-12-06", "05/12/1936",
              "06/12/1936", "2000-02-29", "1900-02-29", "31/12/1999", "01/13/1999", "1999-12-31T10:00",
              "1999-12-31\n"]
UGLY_AGES = ["", "0", "9", "10", "34", "89", "90", "120", "-3", "34 ans", "30-39 ans", "90 ans et plus", "abc", " 45 "]
UGLY_COMMUNES = ["", "Paris", "PARIS", "paris", "Saint-Denis", "Marseille", "2A004", "2a004", "97105", "75056",
                 "7501", "Ouessant", "Commune inconnue", " Lyon ", "13", "Bastia", "Y", "L'Île-d'Yeu"]
UGLY_TEXT = ["", " ", "Rien à signaler.", "Appel de M. Dupont au 06 12 34 56 78.", "Écrire à jean.dupont@example.fr",
             "IBAN FR76 3000 6000 0112 3456 7890 189", "NIR 1 84 12 75 123 456 78", "Mme Martin et Jean Durand",
             "Rue Victor Hugo"]
UGLY_GPS = ["", "48.8566, 2.3522", "48.8566 2.3522", "POINT(2.3522 48.8566)", "652000", "abc", "-21.1151"]
UGLY_NATIONALITY = ["", "Française", "française", "Belge", "Marocaine", "France / Union européenne / hors UE",
                    "Union européenne", "inconnue"]


def faker_columns(n: int, seed: int) -> dict[str, list[str]]:
    """n rows of Faker fr_FR values, with the ugly values above sprinkled in."""
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rnd = random.Random(seed)

    def mix(make: Any, ugly: list[str]) -> list[str]:
        return [rnd.choice(ugly) if rnd.random() < 0.25 else make() for _ in range(n)]

    return {
        "cp": mix(fake.postcode, UGLY_POSTAL),
        "naissance": mix(lambda: rnd.choice([fake.date_of_birth().isoformat(),
                                             fake.date_of_birth().strftime("%d/%m/%Y")]), UGLY_DATES),
        "age": mix(lambda: str(rnd.randint(0, 105)), UGLY_AGES),
        "commune": mix(fake.city, UGLY_COMMUNES),
        "commentaire": mix(lambda: rnd.choice([fake.sentence(), f"Appel de M. {fake.last_name()} au {fake.phone_number()}",
                                               f"Contact : {fake.email()}"]), UGLY_TEXT),
        "gps": mix(lambda: f"{fake.latitude()}, {fake.longitude()}", UGLY_GPS),
        "nationalite": mix(lambda: rnd.choice(["Française", "Italienne", "Sénégalaise"]), UGLY_NATIONALITY),
        "nom": mix(fake.last_name, ["", "DUPONT", "Dupont"]),
        "civilite": mix(lambda: rnd.choice(["M.", "Mme"]), ["", "M", "Madame"]),
        "beneficiaire": mix(lambda: rnd.choice([fake.company(), fake.name(), f"{fake.last_name()} EI"]), [""]),
    }


def column(values: list[Any], dtype: Any) -> pd.Series:
    return pd.Series(values, dtype=dtype, index=pd.RangeIndex(2, 2 + len(values), name="source_row"))


def with_missing(values: list[str], dtype_name: str, seed: int) -> list[Any]:
    """Some cells missing: None and NaN in object columns, NaN (the dtype's missing value) in ``str`` ones."""
    rnd = random.Random(seed)
    missing = [None, np.nan] if dtype_name == "object" else [np.nan]
    return [rnd.choice(missing) if rnd.random() < 0.1 else x for x in values]


def frame(columns: dict[str, list[Any]], dtype: Any) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    return pd.DataFrame({c: pd.Series(vals, dtype=dtype) for c, vals in columns.items()}).set_axis(
        pd.RangeIndex(2, 2 + n, name="source_row"))


def assert_same_cells(new: pd.Series, old: pd.Series, source: pd.Series) -> None:
    """Cell for cell (a missing cell must stay missing), and the dtype family of the source column kept."""
    assert new.index.equals(old.index) and new.name == old.name
    a, b = new.to_numpy(dtype=object), old.to_numpy(dtype=object)
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        assert (pd.isna(x) and pd.isna(y)) if pd.isna(y) else (type(x) is str and x == y), (i, x, y)
    if isinstance(source.dtype, pd.StringDtype):
        assert new.dtype == source.dtype  # Arrow ``str`` stays Arrow, no object column of Python strings
    else:
        assert new.dtype == object


def same_outcome(new: Any, old: Any, *args: Any, **kwargs: Any) -> tuple[Any, Any] | None:
    """Both results, or None when both raised the same kind of exception (a cell the method cannot read)."""
    try:
        expected = old(*args, **kwargs)
    except pd.errors.InvalidIndexError:
        return new(*args, **kwargs), None  # pandas' map refused a mapping with both None and NaN as keys
    except Exception as error:
        with pytest.raises(type(error)):
            new(*args, **kwargs)
        return None
    return new(*args, **kwargs), expected


def cell_by_cell(series: pd.Series, method: str, params: dict[str, Any]) -> pd.Series:
    """The method called on every cell in turn: what the mapping of before meant (where pandas let it)."""
    func = METHODS[method]
    return pd.Series([("" if x == "" else func(x, **params)) for x in series.to_numpy(dtype=object)],
                     index=series.index, name=series.name, dtype=object)


# ---- generalise, mask, pseudonymise --------------------------------------------------------------

METHOD_CASES = [
    ("departement", "cp", {}),
    ("commune_departement", "commune", {}),
    ("birth_date_band", "naissance", {"width": 10, "top": 90, "reference_date": "2026-12-05"}),
    ("birth_date_band", "naissance", {"width": 20, "top": 80, "reference_date": "2024-02-29"}),
    ("age_band", "age", {}),
    ("age_band", "age", {"width": 20, "top": 80}),
    ("month", "naissance", {}),
    ("year", "naissance", {}),
    ("grid", "gps", {"decimals": 1}),
    ("grid", "gps", {"decimals": 0}),
    ("nationality_group", "nationalite", {}),
    ("small_commune_departement", "commune", {"category": "commune"}),
    ("small_commune_departement", "cp", {"category": "postal_code"}),
    ("epci", "commune", {"category": "commune"}),
    ("epci", "cp", {"category": "postal_code"}),
]


@pytest.mark.parametrize("dtype_name", list(DTYPES))
@pytest.mark.parametrize(("method", "source", "params"), METHOD_CASES)
def test_generalise_series_gives_the_cells_of_before(dtype_name: str, method: str, source: str,
                                                     params: dict[str, Any]) -> None:
    values = faker_columns(1500, seed=7)[source]
    series = column(values, DTYPES[dtype_name])
    new = generalise_series(series, method, dict(params, method=method))
    assert_same_cells(new, old_generalise_series(series, method, params), series)
    assert new.nunique() < series.nunique() or method in ("grid", "small_commune_departement")
    # missing cells: the same cells, or the same error for a method that cannot read them
    gappy = column(with_missing(values, dtype_name, seed=1), DTYPES[dtype_name])
    both = same_outcome(generalise_series, old_generalise_series, gappy, method, params)
    if both is not None:
        assert_same_cells(both[0], both[1] if both[1] is not None else cell_by_cell(gappy, method, params), gappy)


@pytest.mark.parametrize("dtype_name", list(DTYPES))
def test_mask_gives_the_cells_and_span_counts_of_before(dtype_name: str) -> None:
    values = faker_columns(1200, seed=11)["commentaire"]
    for cells in (values, with_missing(values, dtype_name, seed=2)):
        series = column(cells, DTYPES[dtype_name])
        new, counts = _mask(series)
        old, old_counts = old_mask(series)
        assert_same_cells(new, old, series)
        assert list(counts.items()) == list(old_counts.items())  # same kinds in the same order (the log's JSON)
        assert counts["phone"] > 0 and counts["email"] > 0 and counts["name"] > 0


@pytest.mark.parametrize("dtype_name", list(DTYPES))
def test_pseudonymise_gives_the_pseudonyms_of_before(dtype_name: str) -> None:
    values = faker_columns(800, seed=5)["nom"]
    key = b"k" * 32
    series = column(values, DTYPES[dtype_name])
    assert_same_cells(_pseudonymise(series, key), old_pseudonymise(series, key), series)
    gappy = column(with_missing(values, dtype_name, seed=3), DTYPES[dtype_name])
    assert same_outcome(_pseudonymise, old_pseudonymise, gappy, key) is None  # a missing cell cannot be hashed


@pytest.mark.parametrize("dtype_name", list(DTYPES))
def test_sole_proprietor_cells_are_those_of_before(dtype_name: str) -> None:
    values = faker_columns(600, seed=9)["beneficiaire"]
    df = frame({"beneficiaire": values}, DTYPES[dtype_name])
    decision = Decision("beneficiaire", "suppress", category="sole_proprietor")
    new = _suppress_mask(df, decision, [], 11)
    old = old_sole_proprietor(df["beneficiaire"])
    assert new.dtype == bool and new.tolist() == old.tolist() and new.index.equals(old.index) and new.any()


def test_changed_cells_counts_as_before() -> None:
    rnd = random.Random(4)
    base = [rnd.choice(["a", "b", "", "c d", "é"]) for _ in range(500)]
    other = [x if rnd.random() < 0.7 else rnd.choice(["a", "z", ""]) for x in base]
    for left_dtype in DTYPES.values():
        for right_dtype in DTYPES.values():
            for left, right in ((base, other), (with_missing(base, "object", 1), other),
                                (base, with_missing(other, "arrow", 2)), ([1, 2, "3"] * 10, ["1", "x", 3] * 10)):
                if not all(isinstance(x, str) for x in left + right) and (left_dtype is not object
                                                                          or right_dtype is not object):
                    continue  # a non-text cell exists only in object columns
                a, b = column(left, left_dtype), column(right, right_dtype)
                assert _changed(a, b) == old_changed(a, b), (left_dtype, right_dtype)


@pytest.mark.parametrize("dtype_name", list(DTYPES))
def test_removed_cells_are_counted_as_before(dtype_name: str) -> None:
    series = column(with_missing(["a", "", " ", "b"] * 50, dtype_name, seed=6), DTYPES[dtype_name])
    assert int((series != "").sum()) == int((series.astype(str) != "").sum())


# ---- k-anonymity ------------------------------------------------------------------------------------


def assert_same_k(df: pd.DataFrame, qis: list[str], k: int) -> None:
    table = Table(df, SourceInfo(None, "csv"))  # type: ignore[arg-type]
    assert k_anonymity(table, qis, k) == old_k_anonymity(table, qis, k)
    new, old = group_sizes(df, qis), old_group_sizes(df, qis)
    assert new.index.equals(old.index) and new.tolist() == old.tolist()


@pytest.mark.parametrize("dtype_name", list(DTYPES))
def test_k_anonymity_and_group_sizes_are_those_of_before(dtype_name: str) -> None:
    data = faker_columns(3000, seed=13)
    rnd = random.Random(8)
    data["age"] = [rnd.choice(["", "30-39 ans", "40-49 ans", "50-59 ans"]) for _ in data["age"]]
    data["cp"] = [x[:2] for x in data["cp"]]
    dtype = DTYPES[dtype_name]
    for cells in (data, {c: with_missing(vals, dtype_name, seed=i) for i, (c, vals) in enumerate(data.items())}):
        df = frame(cells, dtype)
        for qis in (["civilite"], ["civilite", "age"], ["civilite", "age", "cp"], ["cp", "naissance", "commune"],
                    ["nom", "commentaire", "gps", "naissance", "commune", "cp"]):
            for k in (1, 2, 5, 11):
                assert_same_k(df, qis, k)


def test_k_anonymity_over_many_wide_columns_packs_its_codes_without_overflow() -> None:
    rnd = random.Random(3)
    n = 20_000
    wide = {f"c{i}": [str(rnd.randrange(5_000)) for _ in range(n)] for i in range(6)}  # 5000**6 > 2**62
    wide["c0"][:40] = ["same"] * 40
    for i in range(6):  # a group of 40 identical rows, and 10 pairs
        wide[f"c{i}"][:40] = ["same"] * 40
        wide[f"c{i}"][40:60] = [f"pair{j // 2}" for j in range(20)]
    for dtype in (object, ARROW):
        df = frame(wide, dtype)
        assert_same_k(df, list(wide), 11)
        table = Table(df, SourceInfo(None, "csv"))  # type: ignore[arg-type]
        result = k_anonymity(table, list(wide), 11)
        assert result.k == 1 and result.rows_at_risk == n - 40 and result.groups_at_risk == n - 40 - 10


def test_k_anonymity_of_an_empty_table_or_without_columns() -> None:
    for dtype in (object, ARROW):
        table = Table(frame({"a": []}, dtype), SourceInfo(None, "csv"))  # type: ignore[arg-type]
        assert k_anonymity(table, ["a"], 11) == old_k_anonymity(table, ["a"], 11)
        assert k_anonymity(table, [], 11) == old_k_anonymity(table, [], 11)
        assert group_sizes(table.df, ["a"]).tolist() == []


# ---- the whole step ----------------------------------------------------------------------------------


@pytest.fixture
def old_paths(monkeypatch: pytest.MonkeyPatch) -> Any:
    """apply_plan and enforce_k_anonymity run with the code of before, when asked."""

    def use() -> None:
        monkeypatch.setattr(apply_module, "generalise_series", old_generalise_series)
        monkeypatch.setattr(apply_module, "_mask", old_mask)
        monkeypatch.setattr(apply_module, "_pseudonymise", old_pseudonymise)
        monkeypatch.setattr(apply_module, "_changed", old_changed)
        monkeypatch.setattr(apply_module, "k_anonymity", old_k_anonymity)
        monkeypatch.setattr(apply_module, "group_sizes", old_group_sizes)
        monkeypatch.setattr(risk_module, "generalise_series", old_generalise_series)
        monkeypatch.setattr(risk_module, "k_anonymity", old_k_anonymity)
        monkeypatch.setattr(risk_module, "group_sizes", old_group_sizes)
        monkeypatch.setattr(apply_module, "enforce_k_anonymity", old_enforce_k_anonymity)

    return use


def people_plan(enforce: bool) -> PrivacyPlan:
    return PrivacyPlan([
        Decision("nom", "pseudonymise", category="last_name"),
        Decision("civilite", "keep", category="sex"),
        Decision("cp", "generalise", {"method": "departement"}, category="postal_code"),
        Decision("commune", "generalise", {"method": "epci", "category": "commune"}, category="commune"),
        Decision("naissance", "generalise", {"method": "birth_date_band", "reference_date": "2026-12-05"},
                 category="birth_date"),
        Decision("age", "suppress", {"k": 3}, category="age"),
        Decision("commentaire", "mask", category="free_text"),
        Decision("gps", "remove", category="gps"),
        Decision("beneficiaire", "suppress", category="sole_proprietor"),
        Decision("absente", "remove", category="email"),
    ], k=5, enforce_k=enforce)


def same_step(new: Table, new_log: Any, old: Table, old_log: Any, source: Table) -> None:
    assert list(new.df.columns) == list(old.df.columns) and new.df.index.equals(old.df.index)
    for name in new.df.columns:
        assert_same_cells(new.df[name], old.df[name].astype(object), source.df[name])
    new_dict, old_dict = new_log.to_dict(), old_log.to_dict()
    new_dict["applied_at"] = old_dict["applied_at"] = ""
    assert json.dumps(new_dict, ensure_ascii=False) == json.dumps(old_dict, ensure_ascii=False)


@pytest.mark.parametrize("dtype_name", ["object", "arrow"])
@pytest.mark.parametrize("enforce", [False, True])
def test_apply_plan_gives_the_table_and_log_of_before(dtype_name: str, enforce: bool, old_paths: Any,
                                                      tmp_path: Any) -> None:
    data = faker_columns(2500, seed=21)
    table = Table(frame(data, DTYPES[dtype_name]), SourceInfo(None, "csv"))  # type: ignore[arg-type]
    as_object = table.with_df(table.df.astype(object))
    plan = people_plan(enforce)
    new, new_log = apply_plan(table, plan, key_folder=tmp_path)
    assert new_log.entry("commentaire").spans_masked and new_log.entry("age").cells_changed > 0
    assert not enforce or (new_log.k_steps and new_log.k_after.ok)
    old_paths()
    # The reference is the code of before on object columns. On Arrow ``str`` columns it also logged, in
    # enforce_k_anonymity, generalisations that changed no cell (its ``equals`` saw an object column beside
    # an Arrow one as different), which the loop means to skip: the cells were the same, not the log.
    old, old_log = apply_plan(as_object, plan, key_folder=tmp_path)
    same_step(new, new_log, old, old_log, table)
    old_same_dtype, old_same_log = apply_plan(table, plan, key_folder=tmp_path)
    for name in new.df.columns:
        assert_same_cells(new.df[name], old_same_dtype.df[name].astype(object), table.df[name])
    if not enforce or dtype_name == "object":
        same_step(new, new_log, old_same_dtype, old_same_log, table)
    else:
        no_ops = [s for s in old_same_log.k_steps if s not in new_log.k_steps]
        assert no_ops and all(s["action"] == "generalise" for s in no_ops)


def test_apply_plan_withholds_the_rows_of_before(old_paths: Any, tmp_path: Any) -> None:
    data = faker_columns(1000, seed=2)
    data["siret"] = ["73282932000074" if i % 3 else "44229377500031" for i in range(1000)]
    data["categorie_juridique"] = ["5710" if i % 3 else "1000" for i in range(1000)]
    for dtype in (object, ARROW):
        table = Table(frame(data, dtype), SourceInfo(None, "csv"))  # type: ignore[arg-type]
        plan = replace(people_plan(False), decisions=[
            *people_plan(False).decisions,
            Decision("siret", "withhold", {"flag_column": "categorie_juridique", "flag_values": ["1000"]},
                     category="sole_proprietor")])
        new, new_log = apply_plan(table, plan, key_folder=tmp_path)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(apply_module, "generalise_series", old_generalise_series)
            patch.setattr(apply_module, "k_anonymity", old_k_anonymity)
            patch.setattr(apply_module, "group_sizes", old_group_sizes)
            patch.setattr(apply_module, "_mask", old_mask)
            old, old_log = apply_plan(table, plan, key_folder=tmp_path)
        assert new.df.index.equals(old.df.index) and new_log.rows_withheld == old_log.rows_withheld == 334
        assert new_log.k_after == old_log.k_after


def test_a_second_measure_of_the_same_arrow_columns_is_not_made_again(monkeypatch: pytest.MonkeyPatch) -> None:
    data = faker_columns(2000, seed=17)
    df = frame({c: data[c] for c in ("civilite", "cp", "naissance")}, ARROW)
    table = Table(df, SourceInfo(None, "csv"))  # type: ignore[arg-type]
    made: list[list[str]] = []
    real = risk_module.group_codes
    monkeypatch.setattr(risk_module, "group_codes", lambda frame_, qis: made.append(list(qis)) or real(frame_, qis))
    first = k_anonymity(table, ["civilite", "cp", "naissance"], 11)
    again = k_anonymity(table.with_df(df.copy()), ["naissance", "civilite", "cp"], 5)  # same arrays, other order
    assert len(made) == 1
    assert again == old_k_anonymity(table, ["naissance", "civilite", "cp"], 5) and first.k == again.k
    written = df.copy()
    written.loc[written.index[:1500], "cp"] = "75"  # pandas puts a new Arrow array in the column
    after = k_anonymity(table.with_df(written), ["civilite", "cp", "naissance"], 11)
    assert len(made) == 2 and after == old_k_anonymity(table.with_df(written), ["civilite", "cp", "naissance"], 11)
    assert after != first
    objects = table.with_df(df.astype(object))  # object columns are measured every time
    assert k_anonymity(objects, ["civilite", "cp"], 11) == k_anonymity(objects, ["civilite", "cp"], 11)
    assert len(made) == 4


@pytest.mark.parametrize("dtype_name", list(DTYPES))
def test_enforce_k_anonymity_takes_the_steps_of_before(dtype_name: str) -> None:
    data = faker_columns(3000, seed=31)
    rnd = random.Random(31)
    data["age"] = [rnd.choice([str(rnd.randint(18, 99)), ""]) for _ in data["age"]]
    table = Table(frame(data, DTYPES[dtype_name]), SourceInfo(None, "csv"))  # type: ignore[arg-type]
    as_object = table.with_df(table.df.astype(object))
    categories = {"civilite": "sex", "cp": "postal_code", "naissance": "birth_date", "age": "age",
                  "commune": "commune", "gps": "gps", "nationalite": "nationality"}
    for qis, k in ((["civilite", "age"], 5), (["civilite", "cp", "age"], 11), (["cp", "naissance", "nationalite"], 3),
                   (["gps", "commune", "age", "civilite"], 11), (["nom", "cp"], 2)):
        new, steps = enforce_k_anonymity(table, qis, k, categories)
        # the code of before on object columns (on Arrow ones it also logged steps that changed no cell)
        old, old_steps = old_enforce_k_anonymity(as_object, qis, k, categories)
        assert steps == old_steps, qis
        assert new.df.index.equals(old.df.index) and list(new.df.columns) == list(old.df.columns)
        for name in new.df.columns:
            assert_same_cells(new.df[name], old.df[name], table.df[name])
        assert any(s["action"] == "generalise" for s in steps) or qis == ["nom", "cp"]


def test_protecting_the_same_table_again_measures_its_columns_once(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Any) -> None:
    table = Table(frame(faker_columns(1500, seed=23), ARROW), SourceInfo(None, "csv"))  # type: ignore[arg-type]
    plan = people_plan(False)
    plan = replace(plan, decisions=[d for d in plan.decisions if d.column != "age"])  # no group_sizes
    qis = plan.quasi_identifier_columns()
    measured: list[tuple[str, ...]] = []
    real = risk_module.group_codes
    monkeypatch.setattr(risk_module, "group_codes", lambda df, q: measured.append(tuple(q)) or real(df, q))
    k_anonymity(table, qis, plan.k)  # the scan's measure
    logs = [apply_plan(table, plan, key_folder=tmp_path)[1] for _ in range(3)]  # the agent applies, changes, again
    assert measured.count(tuple(qis)) == 1 + 3  # the original once, each protected table once
    assert all(log.k_before == logs[0].k_before == old_k_anonymity(table, qis, plan.k) for log in logs)


def test_k_anonymity_sentence_says_its_counts_in_the_right_number() -> None:
    """« 1 ligne est seule … », « 12 lignes sont … » (the sentence said « 1 lignes sont »)."""
    from capnum_desktop.core.privacy.risk import KAnonymityResult

    one = KAnonymityResult(("code_postal",), 1, 11, 1, 1, 50)
    many = KAnonymityResult(("code_postal", "age"), 2, 11, 12, 6, 50)
    assert one.sentence("fr") == ("1 ligne est seule dans son groupe pour « code_postal » (moins de 11 lignes) : "
                                  "elle pourrait être ré-identifiée.")
    assert many.sentence("fr").startswith("12 lignes sont dans des groupes de moins de 11 lignes")
    assert "le plus petit groupe compte 2 lignes" in many.sentence("fr")
    assert one.sentence("en").startswith("1 row is alone in its group")


def test_kept_samples_and_counts_go_with_their_columns() -> None:
    """The scan's samples (cells that may be personal data) and the k-anonymity counts are not kept once
    the table is gone (weak references with a callback)."""
    import gc

    import pandas as pd

    from capnum_desktop.core.privacy import risk, scan

    df = pd.DataFrame({"nom": [f"Nom {i}" for i in range(300)], "cp": ["75001", "13001", "69001"] * 100},
                      dtype="str")
    scan.sample_values(df["nom"], 20)
    risk.group_counts(df, ["nom", "cp"])
    arrays = [df[c].array._pa_array for c in df.columns]
    assert any(entry[0]() is arrays[0] for entry in scan._SAMPLED)
    assert any(any(ref() is arrays[1] for ref in refs) for refs, _ in risk._MEASURED)
    del df, arrays
    gc.collect()
    assert all(entry[0]() is not None for entry in scan._SAMPLED)
    assert all(all(ref() is not None for ref in refs) for refs, _ in risk._MEASURED)


@pytest.mark.parametrize("dtype", ["str", "string[pyarrow]", "object"])
def test_a_removed_column_counts_its_missing_cells_as_changed(dtype: str) -> None:
    """As the count of before (``astype(str) != ""``): a missing cell of a removed column is a changed cell,
    whatever the column's text type (string[pyarrow] compares NA to NA, which ``sum`` skipped)."""
    from pathlib import Path

    import pandas as pd

    from capnum_desktop.core.privacy import PrivacyPlan, apply_plan
    from capnum_desktop.core.privacy.plan import Decision
    from capnum_desktop.core.table import SourceInfo, Table

    df = pd.DataFrame({"nom": pd.Series(["a", None, ""], dtype=dtype), "x": ["1", "2", "3"]}, index=[2, 3, 4])
    plan = PrivacyPlan(decisions=(Decision(column="nom", category="last_name", action="remove"),))
    _, log = apply_plan(Table(df, SourceInfo(Path("x.csv"), "csv")), plan)
    assert [e.cells_changed for e in log.entries if e.column == "nom"] == [2]
