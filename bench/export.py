"""Export speed on a generated table (1M rows x 12 fields by default); prints figures.

    python bench/export.py [--rows 1000000]

Times: the CSV alone (pyarrow writer, as export_dataset uses it), the JSON records, and the whole
``export_dataset`` (validation passed in, so only writing is timed), then checks the CSV reads back.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pyarrow.csv as pacsv  # noqa: E402

from capnum_desktop.core.export import ExportOptions, export_dataset  # noqa: E402
from capnum_desktop.core.export.writers import text_arrow_table, write_csv, write_json_records  # noqa: E402
from capnum_desktop.core.preparation import Preparation  # noqa: E402
from capnum_desktop.core.table import SourceInfo, Table  # noqa: E402
from capnum_desktop.core.validation import validate_table  # noqa: E402
from tests.core.validation.generated import SCHEMA, generate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    df = generate(args.rows, seed=1, dirty=False)
    df.iloc[::1000, 2] = 'Dupont, "Jean"\nsuite'  # cells that need quoting
    table = Table(df, SourceInfo(Path("bench.csv"), "csv"))
    fields = {f["name"]: f for f in SCHEMA["fields"]}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        arrow = text_arrow_table(df)
        with (folder / "a.csv").open("wb") as fh:
            write_csv(arrow, fh, bom=False, eol="\n")
        t_csv = time.perf_counter() - t
        size = (folder / "a.csv").stat().st_size / 1e6
        back = pacsv.read_csv(folder / "a.csv", parse_options=pacsv.ParseOptions(newlines_in_values=True),
                              convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(df.columns, "string")))
        same = back.num_rows == len(df) and back.column("nom").to_pylist()[:2000] == df["nom"].tolist()[:2000]
        print(f"CSV (pyarrow, quoting when needed): {t_csv:.2f} s, {size:.0f} MB, reads back identical: {same}")

        t = time.perf_counter()
        with (folder / "a.json").open("wb") as fh:
            write_json_records(df, fields, fh)
        print(f"JSON records (typed): {time.perf_counter() - t:.2f} s, {(folder / 'a.json').stat().st_size / 1e6:.0f} MB")

        report = validate_table(table, SCHEMA)
        t = time.perf_counter()
        preparation = Preparation(schema=SCHEMA, export_options=ExportOptions(title="Bench"))
        result = export_dataset(table, preparation, folder / "out", report=report)
        print(f"export_dataset (CSV + JSON + datapackage + reports, atomic): {time.perf_counter() - t:.2f} s, "
              f"{len(result.files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
