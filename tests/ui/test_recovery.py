"""Autosave and crash recovery: kill the app mid-work, start again, resume where it was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading

from capnum_desktop.core import autosave

CHILD = textwrap.dedent("""
    import sys, time
    from capnum_desktop.core import autosave
    from capnum_desktop.ui.application import create_app, build_window
    from capnum_desktop.resources import demo_file
    from capnum_desktop.core.edits import CellEdit
    from capnum_desktop.ui.undo import push_edit
    app, _ = create_app("fr")
    w = build_window(); w.show()
    def wait(cond):
        end = time.time() + 30
        while not cond():
            app.processEvents(); time.sleep(0.01)
            if time.time() > end: sys.exit(3)
    w.open_path(demo_file())
    wait(lambda: w.session.source_table is not None)
    w.show_step("map")
    w.pages["map"].choose_schema("scdl/subventions")
    wait(lambda: w.session.conformed is not None)
    old = w.session.table.df.at[5, "objet"]
    push_edit(w.session, CellEdit(5, "objet", old, "Objet corrigé à la main"))
    wait(lambda: ((autosave.load_state() or {}).get("recipe") or {}).get("edits"))
    print("READY", flush=True)
    while True:
        app.processEvents(); time.sleep(0.05)
""")


def test_killed_app_offers_to_resume_and_resumes(qtbot) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(child.stdout.readline()), daemon=True)
        reader.start()
        reader.join(90)  # never hang the suite if the child gets stuck
        assert lines and lines[0].strip() == "READY"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)

    state = autosave.load_state()
    assert state["schema_ref"] == "scdl/subventions" and state["step"] == 1
    assert state["recipe"]["kind"] == "capnum-recipe" and state["recipe"]["schema"]["id"] == "scdl/subventions"
    assert json.dumps(state, ensure_ascii=False).count("Objet corrigé à la main") == 1  # a non-personal edit keeps its value

    from capnum_desktop.ui.application import build_window

    window = build_window()
    window.show()
    try:
        assert window.autosaver.crashed_last_time
        assert window.start_screen.resume_frame.isVisibleTo(window.start_screen)
        assert "subventions-demo.xlsx" in window.start_screen.resume_label.text()
        window.start_screen.resume_button.click()
        qtbot.waitUntil(lambda: window.current_step() == "map" and window.session.conformed is not None,
                        timeout=20000)
        assert window.session.schema.id == "scdl/subventions"
        assert window.session.table.df.at[5, "objet"] == "Objet corrigé à la main"
        assert window.pages["map"].fields_table.rowCount() == len(window.session.schema.fields)
        assert window.model.data(window.model.index(1, window.model.column_index("objet"))) == "Objet corrigé à la main"
    finally:
        window.session.clear()
        window.close()
        window.deleteLater()


def test_personal_edits_are_saved_without_their_value(qtbot) -> None:
    from types import SimpleNamespace

    from capnum_desktop.core.edits import CellEdit
    from capnum_desktop.ui.recovery import session_state
    from capnum_desktop.ui.session import Session
    from capnum_desktop.ui.undo import push_edit
    from tests.ui.conftest import make_table

    session = Session()
    session.set_source("t.csv", None, make_table(["a"], [["1"]]))
    session.set_mapping(SimpleNamespace(to_dict=lambda: {}),
                        SimpleNamespace(table=make_table(["nom", "n"], [["Dupont", "1"]])))
    from capnum_desktop.core.privacy import scan_table

    session.scan = scan_table(session.conformed)
    assert [f.column for f in session.scan.flagged] == ["nom"]
    push_edit(session, CellEdit(2, "nom", "Dupont", "Durand"))
    push_edit(session, CellEdit(2, "n", "1", "2"))
    text = json.dumps(session_state(session), ensure_ascii=False)
    assert "Dupont" not in text and "Durand" not in text
    assert '"personal": true' in text and '"new": "2"' in text


def test_clean_close_leaves_nothing_to_resume(qtbot) -> None:
    from capnum_desktop.ui.application import build_window

    window = build_window()
    assert not window.autosaver.crashed_last_time
    window.close()
    window.deleteLater()
    again = build_window()
    assert not again.autosaver.crashed_last_time and again.autosaver.pending() is None
    again.close()
    again.deleteLater()


def test_resume_after_the_privacy_step(qtbot) -> None:
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.application import build_window

    first = build_window()
    first.show()
    first.open_path(demo_file())
    qtbot.waitUntil(lambda: first.session.source_table is not None, timeout=15000)
    first.next_button.click()
    first.pages["map"].choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: first.session.conformed is not None, timeout=15000)
    first.next_button.click()
    qtbot.waitUntil(lambda: first.session.scan is not None and first.next_button.isEnabled(), timeout=20000)
    first.next_button.click()
    qtbot.waitUntil(lambda: first.current_step() == "verify", timeout=20000)
    columns = first.session.table.columns
    first.autosaver.save_now()
    first.autosaver = None  # as if killed: nothing cleaned up
    first.session.clear()
    first.close()
    first.deleteLater()

    window = build_window()
    window.show()
    try:
        assert window.autosaver.resume(window)
        qtbot.waitUntil(lambda: window.current_step() == "verify", timeout=20000)
        assert window.session.protected is not None and window.session.plan is not None
        assert window.session.table.columns == columns
    finally:
        window.session.clear()
        window.close()
        window.deleteLater()


def test_the_timers_save_is_written_off_the_ui_thread(qtbot, monkeypatch) -> None:
    """Issue 16: after a column fix of a million rows the autosave document is 24 MB of JSON (~1 s): the
    timer's save takes the session's state on the UI thread and writes it on the autosave thread;
    discarding waits for that write, so a late write cannot bring a cleared state back."""
    import time

    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui import recovery
    from capnum_desktop.ui.application import build_window

    on_ui: list[bool] = []
    real = recovery.autosave.save_state

    def slow(state):
        on_ui.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.3)
        return real(state)

    monkeypatch.setattr(recovery.autosave, "save_state", slow)
    window = build_window()
    window.show()
    try:
        window.open_path(demo_file())
        qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
        window.autosaver.save_soon()
        window.autosaver.discard()  # while the write sleeps: it waits for it, then clears
        assert on_ui == [False] and autosave.load_state() is None
        window.autosaver.save_soon()
        assert window.autosaver.pending()["path"] == str(demo_file())  # reading waits for the write too
        window.autosaver.save_now()  # « keep for later »: written at once, on the UI thread
        assert on_ui == [False, False, True]
    finally:
        window.autosaver.discard()
        window.session.clear()
        window.close()
