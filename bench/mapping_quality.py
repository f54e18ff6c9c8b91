"""Map step figures: mapping accuracy on real files, and conversion speed on a generated 1M-row file.

Accuracy: the proposed mapping of every case in tests/core/schemas/data/expected_mappings.json (real
files from ../shared/reference, mapped by hand) is compared with the hand-made one. "Fields a person
would map" are the expected non-empty pairs; "false matches" are fields proposed for columns a person
leaves out. Headers that already are the field's name are reported apart, since they are easy.

Speed (``--rows N``, default 1 000 000): ``conform`` on a generated subsidies table written the French way
(``1 234,56 €``, ``15/03/2024``, ``oui/non``, SIRETs that lost their leading zero…).

Usage: python bench/mapping_quality.py [--rows 1000000] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from capnum_desktop.core.io import read_table  # noqa: E402
from capnum_desktop.core.schemas import conform, load_schema, propose_mapping  # noqa: E402
from capnum_desktop.core.schemas.quality import MappingScore, score_mapping  # noqa: E402
from capnum_desktop.core.schemas.text import clean_spaces  # noqa: E402
from capnum_desktop.core.table import SourceInfo, Table  # noqa: E402

DATA = REPO / "tests" / "core" / "schemas" / "data"
REFERENCE = REPO.parent / "shared" / "reference"


def accuracy() -> None:
    cases = json.loads((DATA / "expected_mappings.json").read_text(encoding="utf-8"))["cases"]
    total, hard = MappingScore(), MappingScore()
    print(f"{'file':<62} {'right':>7} {'false':>6} {'time':>6}")
    for case in cases:
        path = REFERENCE / case["file"]
        if not path.exists():
            print(f"{case['file']:<62} (absent)")
            continue
        schema = load_schema(
            str(DATA / case["schema"]) if case["schema"].endswith(".json") else case["schema"]
        )
        table = read_table(path)
        start = time.perf_counter()
        mapping = propose_mapping(table, schema)
        seconds = time.perf_counter() - start
        score = score_mapping(mapping, case["expected"], case.get("unmapped", []))
        renamed = {c: f for c, f in case["expected"].items() if clean_spaces(c) != f}
        hard = hard.add(score_mapping(mapping, renamed, case.get("unmapped", [])))
        total = total.add(score)
        print(
            f"{case['file']:<62} {score.right:>3}/{score.total:<3} {len(score.false_matches):>6} {seconds:>5.2f}s"
        )
        for column, want, got in score.wrong:
            print(f"    missed: {column!r} -> proposed {got!r}, expected {want!r}")
        for column, got in score.false_matches:
            print(f"    false match: {column!r} -> {got!r}")
    print(
        f"\nAll fields a person would map: {total.right}/{total.total} right = {total.accuracy:.1%}; "
        f"false matches on {len(total.false_matches)} of {total.unmapped_total} columns left out."
    )
    print(f"Headers that differ from the field name: {hard.right}/{hard.total} right = {hard.accuracy:.1%}.")


def generated(rows: int, seed: int = 1) -> Table:
    rng = np.random.default_rng(seed)
    cents = rng.integers(10_000, 90_000_000, rows)
    euros = pd.Series(cents // 100).map("{:,}".format).str.replace(",", "\u202f", regex=False)
    amount = euros + "," + pd.Series(cents % 100).astype(str).str.zfill(2) + " €"
    days = pd.to_datetime("2015-01-01") + pd.to_timedelta(rng.integers(0, 3650, rows), unit="D")
    date = pd.Series(days).dt.strftime("%d/%m/%Y")
    flags = pd.Series(rng.choice(["oui", "non", "Oui", "NON", "O", "N"], rows))
    siret = pd.Series(rng.choice(["35600000000048", "1234567400019", "55203253400646", "2,10104E+13"], rows))
    nature = pd.Series(
        rng.choice(["aide en numéraire", "Aide en nature", "AIDE EN NUMERAIRE", "autre"], rows)
    )
    names = pd.Series(rng.integers(0, 50_000, rows)).map(lambda i: f"Association {i}")
    df = pd.DataFrame(
        {
            "Nom du bénéficiaire": names,
            "SIRET du bénéficiaire": siret,
            "Montant": amount,
            "Date de la convention": date,
            "Aide notifiée à l'UE": flags,
            "Nature": nature,
        }
    ).astype(str)
    df.index = pd.RangeIndex(2, rows + 2, name="source_row")
    return Table(df, SourceInfo(Path("generated.csv"), "csv"))


def speed(rows: int) -> None:
    random.seed(1)
    table = generated(rows)
    schema = load_schema("scdl/subventions")
    start = time.perf_counter()
    mapping = propose_mapping(table, schema)
    proposed = time.perf_counter() - start
    start = time.perf_counter()
    result = conform(table, schema, mapping)
    converted = time.perf_counter() - start
    print(f"\n{rows:_} rows x {len(table.columns)} columns (generated, French writings)".replace("_", " "))
    print(f"  propose_mapping: {proposed:.2f} s   mapping: {mapping.columns}")
    print(f"  conform:         {converted:.2f} s   issues per field: {result.issue_counts}")
    print(f"  repairs: {[(r.field, r.code, r.count) for r in result.repairs]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    accuracy()
    if not args.no_speed:
        speed(args.rows)


if __name__ == "__main__":
    main()
