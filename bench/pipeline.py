"""The whole preparation against a plain copy, in one run (issue 18): prints the ratios.

    python bench/pipeline.py [--rows 1000000] [--skip-validate] [--repeat 2]

Uses the 1M-row x 12-column French CSV (cp1252, ``;``, decimal comma, dd/mm/yyyy, CRLF, quoted multi-line
comments) and the same rows as an xlsx that ``bench/open_files.py`` generates (cached under bench/out/).
Every measure is a **whole process** (interpreter start and imports included), run one after the other in
this run, so the ratios compare like with like on the same machine at the same moment. Peak memory is
each process's own (``os.wait4``).

| measure | yardstick | target |
|---|---|---|
| ``capnum inspect`` CSV | pandas ``read_csv(dtype=str)`` | <= 0.6x |
| ``capnum inspect`` xlsx | fastexcel ``load_sheet().to_pandas()`` | <= 1.25x |
| ``capnum prepare`` CSV, no schema | pandas read + ``to_csv`` | <= 2x |
| ``capnum prepare`` CSV, ``--schema`` (plan masks free text) | pandas read + ``to_csv`` | <= 2x |
| ``capnum apply`` of that recipe | pandas read + ``to_csv`` | <= 2x |
| validation (``bench/validate.py``) | ``frictionless validate`` | >= 25x faster |

Peak memory target: <= 1.5 GB for each capnum process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from open_files import COLUMNS, OUT, write_csv, write_xlsx  # noqa: E402

PANDAS_READ = (
    "import sys, pandas as pd; "
    "df = pd.read_csv(sys.argv[1], dtype=str, sep=';', encoding='cp1252', keep_default_na=False)"
)
PANDAS_COPY = PANDAS_READ + "; df.to_csv(sys.argv[2], index=False)"
FASTEXCEL_READ = (
    "import sys, fastexcel; "
    "df = fastexcel.read_excel(sys.argv[1]).load_sheet(0).to_pandas()"
)

# A schema written for the generated rows: with it, prepare maps by name, converts dates and decimal
# commas, removes the direct identifiers and masks persons' names inside the comment (free text).
SCHEMA = {
    "name": "bench-subventions",
    "title": "Subventions (banc d'essai)",
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True}},
        {"name": "civilite", "type": "string"},
        {"name": "nom", "type": "string"},
        {"name": "prenom", "type": "string"},
        {"name": "email", "type": "string", "format": "email"},
        {"name": "telephone", "type": "string"},
        {"name": "code_postal", "type": "string", "constraints": {"pattern": "^[0-9]{5}$"}},
        {"name": "ville", "type": "string"},
        {"name": "date_naissance", "type": "date"},
        {"name": "montant", "type": "number"},
        {"name": "siret", "type": "string", "constraints": {"pattern": "^[0-9]{14}$"}},
        {"name": "commentaire", "type": "string"},
    ],
}
assert [f["name"] for f in SCHEMA["fields"]] == COLUMNS


def run(command: list[str]) -> tuple[float, float, int, float]:
    """Seconds, peak RSS in MB, exit code and CPU seconds (user + system, all threads) of one whole process.

    On a shared machine the wall-clock time depends on what else runs; the CPU time much less so."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        print(f"  ! {' '.join(command[:4])}… exited {proc.returncode}: {err.strip()[-300:]}")
    return seconds, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def capnum(*args: str) -> list[str]:
    """The ``capnum`` entry point of THIS source tree (an installed ``capnum`` may run another checkout)."""
    code = f"import sys; sys.path.insert(0, {str(REPO)!r}); from capnum_desktop.cli import run; run()"
    return [sys.executable, "-c", code, *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--skip-validate", action="store_true", help="do not run bench/validate.py")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run every measure and its yardstick N times (the machine is shared: give ranges)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    csv_path = OUT / f"people_{args.rows}_cp1252.csv"
    xlsx = OUT / f"people_{args.rows}.xlsx"
    for path, writer in ((csv_path, write_csv), (xlsx, write_xlsx)):
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            writer(tmp, args.rows)
            tmp.rename(path)
    # capnum's own modules compiled once, as an installed or frozen app has them: with
    # PYTHONDONTWRITEBYTECODE set (as on the reference machine) every measured process would compile
    # capnum's source again (~0.1 s), while pandas' installed modules are read compiled
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "capnum_desktop")], check=False,
                   stdout=subprocess.DEVNULL)
    ratios: dict[str, list[tuple[float, float, float]]] = {}  # label -> (ratio, seconds, peak MB) per run
    for run_number in range(1, args.repeat + 1):
        if args.repeat > 1:
            print(f"run {run_number}/{args.repeat}", flush=True)
        for label, ratio, seconds, peak in _one_run(csv_path, xlsx):
            ratios.setdefault(label, []).append((ratio, seconds, peak))
    if args.repeat > 1:
        print("ranges over the runs (ratio, seconds, peak MB):")
        for label, runs in ratios.items():
            r, s_, m = zip(*runs, strict=True)
            print(f"  {label:<26}{min(r):5.2f}-{max(r):.2f}x  {min(s_):.1f}-{max(s_):.1f} s  "
                  f"{min(m):.0f}-{max(m):.0f} MB")
    if not args.skip_validate:
        print("validation (bench/validate.py):", flush=True)
        subprocess.run([sys.executable, str(BENCH / "validate.py")], check=False)
    return 0


def _one_run(csv_path: Path, xlsx: Path) -> list[tuple[str, float, float, float]]:
    """Every measure once, each right after the yardsticks of this run: (label, ratio, seconds, peak MB)."""
    found: list[tuple[str, float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        schema_path = tmp / "schema.json"
        schema_path.write_text(json.dumps(SCHEMA), encoding="utf-8")
        python = sys.executable
        pandas_read = run([python, "-c", PANDAS_READ, str(csv_path)])
        pandas_copy = run([python, "-c", PANDAS_COPY, str(csv_path), str(tmp / "copy.csv")])
        fast = run([python, "-c", FASTEXCEL_READ, str(xlsx)])
        measures = [
            ("inspect CSV", capnum("inspect", str(csv_path)), pandas_read, "pandas read_csv", 0.6),
            ("inspect xlsx", capnum("inspect", str(xlsx)), fast, "fastexcel to_pandas", 1.25),
            ("prepare CSV, no schema", capnum("prepare", str(csv_path), "-o", str(tmp / "p1")),
             pandas_copy, "pandas read+to_csv", 2.0),
            ("prepare CSV, --schema", capnum("prepare", str(csv_path), "--schema", str(schema_path),
                                             "-o", str(tmp / "p2")), pandas_copy, "pandas read+to_csv", 2.0),
        ]
        for label, command, (base_s, _base_mb, _, base_cpu), base_label, target in measures:
            seconds, peak, code, cpu = run(command)
            found.append((label, seconds / base_s, seconds, peak))
            print(f"{label:<26}{seconds:8.1f} s {peak:7.0f} MB  exit {code}  {seconds / base_s:5.2f}x "
                  f"{base_label} {base_s:.1f} s (target <= {target}x); CPU {cpu:.1f} s vs {base_cpu:.1f} s = "
                  f"{cpu / base_cpu:.2f}x", flush=True)
        recipe = tmp / "p2" / "recipe.json"
        if recipe.exists():
            seconds, peak, code, cpu = run(capnum("apply", str(recipe), str(csv_path), "-o", str(tmp / "p3")))
            base_s, base_cpu = pandas_copy[0], pandas_copy[3]
            found.append(("apply recipe", seconds / base_s, seconds, peak))
            print(f"{'apply recipe':<26}{seconds:8.1f} s {peak:7.0f} MB  exit {code}  {seconds / base_s:5.2f}x "
                  f"pandas read+to_csv {base_s:.1f} s (target <= 2.0x); CPU {cpu:.1f} s vs {base_cpu:.1f} s = "
                  f"{cpu / base_cpu:.2f}x", flush=True)
        else:
            print("apply recipe: no recipe.json written by the --schema prepare")
        shutil.rmtree(tmp / "p1", ignore_errors=True)
    print(f"yardsticks: pandas read_csv {pandas_read[0]:.1f} s / {pandas_read[1]:.0f} MB, "
          f"read+to_csv {pandas_copy[0]:.1f} s / {pandas_copy[1]:.0f} MB, "
          f"fastexcel {fast[0]:.1f} s / {fast[1]:.0f} MB (load average {os.getloadavg()[0]:.1f})", flush=True)
    return found


if __name__ == "__main__":
    sys.exit(main())
