"""Typing ratchet: mypy --strict on ``capnum_desktop/core`` and ``capnum_desktop/ui`` never gets worse.

The goal is a core with no strict-mode error; until then each package is held to the error count
recorded in ``tests/mypy_baseline.json``. A change that adds errors fails here with the package's
errors listed; a change that removes some should lower the baseline (``python tests/test_typing.py
--update`` rewrites it from a fresh run), so the count only goes down. The configuration (strict,
which files) is ``[tool.mypy]`` in pyproject.toml; mypy's cache (``.mypy_cache``) keeps a rerun to
a second or two, a cold run takes about ten seconds.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).with_name("mypy_baseline.json")
PACKAGES = ("capnum_desktop/core", "capnum_desktop/ui")
ERROR = re.compile(r"^(?P<path>[^:\n]+\.py):\d+(?::\d+)?: error: ", re.MULTILINE)


def mypy_errors() -> dict[str, list[str]]:
    """Strict-mode error lines per package, from one mypy run over both packages."""
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-color-output", "--no-error-summary", *PACKAGES],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    if proc.returncode not in (0, 1) or ("error:" not in proc.stdout and proc.returncode == 1):
        raise RuntimeError(f"mypy did not run (code {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    errors: dict[str, list[str]] = defaultdict(list)
    for line in proc.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            path = match["path"].replace("\\", "/")
            package = next((p for p in PACKAGES if path.startswith(p + "/")), "other")
            errors[package].append(line)
    return {p: errors.get(p, []) for p in (*PACKAGES, "other")}


def test_mypy_error_count_per_package_never_exceeds_the_baseline() -> None:
    pytest.importorskip("mypy", reason="mypy is in the test extra: pip install -e '.[test]'")
    baseline: dict[str, int] = json.loads(BASELINE.read_text(encoding="utf-8"))
    errors = mypy_errors()
    assert not errors["other"], "mypy found errors outside core/ and ui/:\n" + "\n".join(errors["other"])
    worse = {p: (len(errors[p]), baseline[p]) for p in PACKAGES if len(errors[p]) > baseline[p]}
    details = "\n".join(line for p in worse for line in errors[p])
    assert not worse, (
        f"mypy --strict errors went up (found, allowed): {worse}. Fix the new errors below "
        f"(the baseline only goes down):\n{details}"
    )


def test_error_lines_are_counted_per_package() -> None:
    """The parser behind the ratchet: Windows or POSIX paths, with or without a column."""
    lines = [
        "capnum_desktop/core/edits.py:12: error: Missing type parameters  [type-arg]",
        "capnum_desktop\\ui\\jobs.py:3:5: error: Returning Any  [no-any-return]",
        "capnum_desktop/core/edits.py:12: note: See https://mypy.readthedocs.io",
    ]
    found = [m["path"].replace("\\", "/") for line in lines if (m := ERROR.match(line))]
    assert found == ["capnum_desktop/core/edits.py", "capnum_desktop/ui/jobs.py"]


if __name__ == "__main__":
    if "--update" in sys.argv:
        counts = {p: len(lines) for p, lines in mypy_errors().items() if p in PACKAGES}
        BASELINE.write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
        print(f"{BASELINE.name}: {counts}")
    else:
        for package, lines in mypy_errors().items():
            print(f"{package}: {len(lines)}")
