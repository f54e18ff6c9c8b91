"""Validation speed: capnum vs ``frictionless validate`` on the same CSV, same run; prints figures.

1M rows x 12 fields (default), a schema that uses every constraint (required, unique, primary key,
pattern, enum, minimum/maximum, minLength/maxLength, formats email/date/datetime/year/boolean)
plus a SIRET custom check; 0.1 % of cells per field made wrong, duplicated ids, blank rows (1 in 2,000)
and ragged rows (1 in 5,000 lacks its last cell, 1 in 5,000 has one too many), as issue 14 asks.

    python bench/validate.py [--rows 1000000] [--skip-frictionless]

capnum's time includes reading the CSV (core/io ``read_table``) and judging the file as it is
(``validate_raw``: cells plus the structure the reader recorded, as ``capnum validate`` does). The error
counts compared are the row-level errors frictionless knows (type, constraint, unique, primary key,
blank row, missing and extra cell).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from capnum_desktop.core.io import read_table  # noqa: E402
from capnum_desktop.core.validation.verdict import validate_raw  # noqa: E402
from tests.core.validation.generated import SCHEMA, generate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--error-rate", type=float, default=0.001)
    parser.add_argument("--skip-frictionless", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        df = generate(args.rows, seed=42, error_rate=args.error_rate, edge=False)
        csv_path = folder / "data.csv"
        df.to_csv(csv_path, index=False, encoding="utf-8")
        make_ragged(csv_path, every=5000)
        schema_path = folder / "schema.json"
        schema_path.write_text(json.dumps({k: v for k, v in SCHEMA.items() if k != "custom_checks"}), encoding="utf-8")
        print(f"generated {args.rows:,} rows x {len(df.columns)} fields in {time.perf_counter() - t:.1f} s "
              f"({csv_path.stat().st_size / 1e6:.0f} MB)")
        del df

        t0 = time.perf_counter()
        table = read_table(csv_path)
        t1 = time.perf_counter()
        report = validate_raw(table, SCHEMA)
        t2 = time.perf_counter()
        ours = Counter(code for _, _, code, _ in report.cell_level())
        print(f"capnum: read {t1 - t0:.2f} s + validate {t2 - t1:.2f} s = {t2 - t0:.2f} s; "
              f"{sum(ours.values()):,} row errors {dict(ours)}; "
              f"+ {report.error_count - sum(ours.values()):,} SIRET custom-check errors")

        if args.skip_frictionless:
            return 0
        t3 = time.perf_counter()
        out = subprocess.run(
            ["frictionless", "validate", "data.csv", "--schema", "schema.json", "--json",
             "--limit-errors", "100000000"],
            cwd=folder, capture_output=True, text=True,
        )
        t4 = time.perf_counter()
        data = json.loads(out.stdout)
        theirs = Counter(e["type"] for task in data["tasks"] for e in task["errors"])
        print(f"frictionless validate: {t4 - t3:.2f} s; {sum(theirs.values()):,} row errors {dict(theirs)}")
        same = theirs == ours
        print(f"same error counts: {same}; capnum is {(t4 - t3) / (t2 - t0):.1f}x faster (read + validate)")
        return 0 if same else 1


def make_ragged(path: Path, every: int) -> None:
    """Make 1 data line in ``every`` one cell short and the next one cell long (blank lines left alone;
    the last column, a postal code, never holds a comma)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i in range(1, len(lines)):
        if lines[i].strip(","):
            if i % every == 1:
                lines[i] = lines[i].rsplit(",", 1)[0]
            elif i % every == 2:
                lines[i] += ",en trop"
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
