"""How the Vérifier and Protéger pages cope with a 1M-row table, in the real main window; prints figures.

Vérifier (the table of tests/ui/test_verify_page.py's ``big_table``: 4 fields, two rows in three with a
French date, so 666 667 type errors at 1M rows): validation + grid marks (background job) and what the UI
thread then spends showing them, building the error list, one cell typed in the grid (edit, partial
re-validation, marks), a whole-column fix (the schema's date conversion, re-validated in the background)
and its undo, and a search over the whole table. Protéger (1M generated rows with names, e-mails, phones,
birth dates, postal codes): the scan and applying the default plan, each through the page and its job.
For every step the longest event-loop stall (a 10 ms timer on the UI thread) is printed too.

    python bench/ui_pages.py [--rows 1000000] [--skip-protect] [--skip-verify]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from ui_responsiveness import StallMeter  # noqa: E402

DESCRIPTOR = {
    "name": "essai",
    "title": "Essai",
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True}},
        {"name": "date", "type": "date"},
        {"name": "commune", "type": "string", "constraints": {"required": True}},
        {"name": "statut", "type": "string", "constraints": {"enum": ["ouvert", "fermé"]}},
    ],
}


def wait_until(app: Any, done: Callable[[], bool], timeout: float = 600.0) -> float:
    """Run the event loop until ``done()``; returns the seconds it took."""
    t = time.perf_counter()
    while not done():
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - t > timeout:
            raise TimeoutError("the page did not finish in time")
    app.processEvents()
    return time.perf_counter() - t


def timed(obj: Any, name: str, sink: list[float]) -> None:
    """Wrap ``obj.name`` so each call's duration (UI thread) is appended to ``sink``."""
    original = getattr(obj, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            sink.append(time.perf_counter() - t)

    setattr(obj, name, wrapper)


def verify_table(rows: int) -> Any:
    from capnum_desktop.core.table import SourceInfo, Table, text_frame

    data = [[str(i), "15/03/2024" if i % 3 else "2024-03-15", f"Ville {i % 50}", "ouvert"] for i in range(rows)]
    return Table(text_frame(["id", "date", "commune", "statut"], data, list(range(2, rows + 2))),
                 SourceInfo(path=Path("essai.csv"), format="csv"))


def personal_table(rows: int) -> Any:
    """Names, e-mails, phones, birth dates and postal codes drawn from Faker fr_FR pools (fast at 1M rows)."""
    import numpy as np
    import pandas as pd
    from faker import Faker

    from capnum_desktop.core.table import SourceInfo, Table, text_frame

    fake = Faker("fr_FR")
    Faker.seed(3)
    rng = np.random.default_rng(3)
    pool = 3000

    def draw(values: list[str]) -> np.ndarray:
        return np.asarray(values, dtype=object)[rng.integers(0, len(values), rows)]

    last = draw([fake.last_name() for _ in range(pool)])
    first = draw([fake.first_name() for _ in range(pool)])
    emails = (pd.Series(first).str.lower() + "." + pd.Series(last).str.lower() + pd.Series(np.arange(rows)).astype(str)
              + "@exemple.fr").str.replace(" ", "", regex=False)
    frame = pd.DataFrame({
        "nom": last, "prénom": first, "email": emails.to_numpy(),
        "téléphone": draw([fake.phone_number() for _ in range(pool)]),
        "date de naissance": draw([fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y")
                                   for _ in range(pool)]),
        "code postal": draw([fake.postcode() for _ in range(pool)]),
        "montant": rng.integers(100, 50_000, rows).astype(str),
    })
    df = text_frame(list(frame.columns), frame.to_numpy().tolist(), list(range(2, rows + 2)))
    return Table(df, SourceInfo(path=Path("personnes.csv"), format="csv"))


def bench_verify(app: Any, window: Any, rows: int) -> None:
    from PySide6.QtCore import Qt

    from capnum_desktop.core.schemas import schema_from_descriptor
    from capnum_desktop.ui.dialogs.find_replace_dialog import find_matches, search_pattern

    t = time.perf_counter()
    table = verify_table(rows)
    print(f"\nVérifier — {rows:,} rows x 4 fields built in {time.perf_counter() - t:.1f} s")
    s, meter = window.session, StallMeter()
    page = window.pages["verify"]
    shown: list[float] = []
    timed(page, "_on_validated", shown)
    revalidated: list[float] = []
    timed(page, "_apply_revalidation", revalidated)

    s.set_source("essai.csv", None, table)
    s.set_schema(schema_from_descriptor(DESCRIPTOR, schema_id="essai"), None)
    s.set_mapping(SimpleNamespace(to_dict=lambda: {}), SimpleNamespace(table=table))
    window.central.setCurrentIndex(1)
    meter.start()
    window.show_step("verify")
    took = wait_until(app, lambda: s.report is not None and not window.jobs.is_running())
    stall = meter.stop()
    report = s.report
    print(f"validation + grid marks: {took:.2f} s ({report.error_count:,} errors); the UI thread then shows "
          f"them in {sum(shown):.2f} s (error list + grid marks); max event-loop stall {stall:.0f} ms")

    from capnum_desktop.ui.models.issues_model import digest_report

    t = time.perf_counter()
    digest = digest_report(report)
    grouped = time.perf_counter() - t
    t = time.perf_counter()
    page.issues.set_report(report, digest)
    print(f"error list: grouping and counts (job runner) {grouped:.3f} s; model built from them (UI thread) "
          f"{time.perf_counter() - t:.3f} s, {page.issues.rowCount()} groups")

    model = window.model
    col = model.column_index("date")
    durations = []
    picks = [r for r in (3, 1001, 1002, rows // 2, rows // 2 + 1, rows - 1, rows) if (r - 2) % 3][:5]
    stalls, on_ui = [], []
    for source_row in picks:  # French dates (source row r holds id r - 2), typed in ISO
        index = model.index(model.visible_row_of(source_row), col)
        meter.start()
        t = time.perf_counter()
        model.setData(index, "2024-03-15", Qt.ItemDataRole.EditRole)
        on_ui.append(time.perf_counter() - t)
        # in a report this big the cell is re-validated, marked and the list regrouped in the job runner
        wait_until(app, lambda: not window.jobs.is_running() and page._digest is not None
                   and page._digest.report is s.report)
        durations.append(time.perf_counter() - t)
        stalls.append(meter.stop())
    print(f"one cell edit (the edit on the UI thread; its re-validation, marks and the regrouped list from the "
          f"job runner), {len(durations)} edits: UI thread median {statistics.median(on_ui):.2f} s, until the "
          f"list shows it median {statistics.median(durations):.2f} s; max event-loop stall median "
          f"{statistics.median(stalls):.0f} ms, max {max(stalls):.0f} ms; errors now {s.report.error_count:,}")

    revalidated.clear()
    pushed: list[float] = []
    timed(page, "_push_bulk_fix", pushed)
    dialog = page.bulk_fix_dialog()  # the "Corriger une colonne" dialog, as the user fills it
    dialog.column_combo.setCurrentText("date")
    dialog.set_operation("convert")
    steps = s.undo_stack.count()
    meter.start()
    t = time.perf_counter()
    page.apply_bulk_fix(dialog)
    took = wait_until(app, lambda: s.undo_stack.count() > steps and bool(revalidated) and not window.jobs.is_running())
    stall = meter.stop()
    cells = len(getattr(s.undo_stack.command(steps), "edit", SimpleNamespace(rows=())).rows or ())
    print(f"whole-column fix (date conversion through the dialog, {cells:,} cells): {took:.2f} s until re-validated "
          f"(patch built in the job runner; applied on the UI thread in {sum(pushed):.2f} s; re-validation in the "
          f"job runner, UI part {sum(revalidated):.2f} s); max event-loop stall {stall:.0f} ms; "
          f"errors now {s.report.error_count:,}")
    dialog.deleteLater()

    saver = window.autosaver  # 1.5 s after the fix, the autosave writes it (24 MB: its cells' old and new values)
    meter.start()
    t = time.perf_counter()
    wait_until(app, lambda: not saver._timer.isActive() and (saver._writing is None or saver._writing.done()))
    print(f"autosave of the fix (timer, then written on the autosave thread): done {time.perf_counter() - t:.2f} s "
          f"after the re-validation; max event-loop stall {meter.stop():.0f} ms")

    revalidated.clear()
    meter.start()
    t = time.perf_counter()
    s.undo_stack.undo()
    wait_until(app, lambda: bool(revalidated) and not window.jobs.is_running())
    stall = meter.stop()
    print(f"undo of the column fix (Ctrl+Z) until re-validated: {time.perf_counter() - t:.2f} s, "
          f"max event-loop stall {stall:.0f} ms; errors back to {s.report.error_count:,}")

    columns = [str(c) for c in s.table.df.columns]
    for text in ("Ville 7", "15/03"):
        t = time.perf_counter()
        hits = find_matches(s.table.df, search_pattern(text, regex=False, case=False), columns)
        print(f"search « {text} » in every column: {time.perf_counter() - t:.2f} s, {len(hits):,} matching cells")
    window.jobs.shutdown()
    window.jobs.wait(60000)


def bench_protect(app: Any, rows: int) -> None:
    from capnum_desktop.ui.jobs import JobRunner
    from capnum_desktop.ui.pages.protect_page import ProtectPage
    from capnum_desktop.ui.session import Session

    t = time.perf_counter()
    table = personal_table(rows)
    print(f"\nProtéger — {rows:,} rows x {len(table.columns)} columns generated in {time.perf_counter() - t:.1f} s")
    session, jobs, meter = Session(), JobRunner(), StallMeter()
    session.set_source("personnes.csv", None, table)
    page = ProtectPage(session, jobs)
    page.show()
    shown: list[float] = []
    timed(page, "_on_scan_done", shown)
    meter.start()
    page.enter()
    took = wait_until(app, lambda: session.scan is not None and not jobs.is_running())
    stall = meter.stop()
    print(f"scan: {took:.2f} s, {len(page.cards)} columns flagged ({', '.join(page.cards)}); cards built in "
          f"{sum(shown):.2f} s on the UI thread; max event-loop stall {stall:.0f} ms")
    meter.start()
    t = time.perf_counter()
    page.apply(advance=False)
    took = wait_until(app, lambda: session.protected is not None and not jobs.is_running())
    stall = meter.stop()
    log = session.privacy_log
    print(f"apply the default plan: {took:.2f} s ({sum(e.cells_changed for e in log.entries):,} cells changed or "
          f"removed, columns left {session.table.columns}); max event-loop stall {stall:.0f} ms")
    jobs.shutdown()
    jobs.wait(60000)
    page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--skip-verify", action="store_true")
    parser.add_argument("--skip-protect", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        os.environ["CAPNUM_HOME"] = home  # settings and autosave of this run stay out of the user's folder
        from capnum_desktop.ui.application import build_window, create_app

        # as the app starts: translations, style, and Python's garbage collector run on the UI thread
        # (gc_guard), whose collections of a heap holding a million-error report are part of the stalls
        app, _ = create_app("fr")
        if not args.skip_verify:
            window = build_window(crash_check=False)
            window.show()
            bench_verify(app, window, args.rows)
            window.session.clear()
            window.close()
            window.autosaver.clean_exit()
        if not args.skip_protect:
            bench_protect(app, args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
