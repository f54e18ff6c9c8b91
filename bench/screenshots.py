"""Screenshots of every page of the wizard on the demo file, to look at them (and at the English UI).

    python bench/screenshots.py [--out bench/out/screenshots] [--lang fr|en] [--offscreen]

By default it starts its own Xvfb (real X11 rendering through the xcb plugin, as on a desktop); with
``--offscreen`` it renders with Qt's offscreen plugin and QWidget.grab(). Prints the files written.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start_xvfb() -> subprocess.Popen | None:
    if not shutil.which("Xvfb"):
        return None
    display = ":97"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1440x960x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "screenshots"))
    parser.add_argument("--lang", default="fr", choices=["fr", "en"])
    parser.add_argument("--offscreen", action="store_true")
    args = parser.parse_args()
    xvfb = None if args.offscreen else start_xvfb()
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["CAPNUM_HOME"] = tempfile.mkdtemp(prefix="capnum-shots-")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        return shoot(out, args.lang)
    finally:
        if xvfb is not None:
            xvfb.terminate()


def shoot(out: Path, lang: str) -> int:
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.core.preferences import Preferences, save_preferences
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.application import build_window, create_app

    save_preferences(Preferences(bureau="Ministère de la Culture", user_name="Agent CapNum"))
    app, _ = create_app(lang)
    window = build_window()
    window.resize(1366, 860)
    window.show()

    def settle(cond=lambda: True, timeout: float = 30) -> None:
        end = time.time() + timeout
        while time.time() < end and not cond():
            app.processEvents()
            time.sleep(0.02)
        for _ in range(15):
            app.processEvents()
            time.sleep(0.01)

    written = []

    def snap(name: str, widget=None) -> None:
        widget = widget or window
        settle()
        path = out / f"{lang}-{len(written) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    snap("start")
    window.open_path(demo_file())
    settle(lambda: window.session.source_table is not None)
    snap("open")
    window.next_button.click()
    map_page = window.pages["map"]
    settle()
    snap("map-choose")
    map_page.use_button.click()
    settle(lambda: window.session.conformed is not None)
    snap("map")
    if "protect" in window.pages:
        window.next_button.click()
        settle(lambda: window.session.scan is not None and window.next_button.isEnabled())
        snap("protect")
        window.next_button.click()
        settle(lambda: window.current_step() == "verify")
    if "verify" in window.pages:
        settle(lambda: window.session.report is not None)
        snap("verify")
        settle(lambda: window.next_button.isEnabled())
        window.next_button.click()
    if "export" in window.pages:
        page = window.pages["export"]
        page.folder_edit.setText(str(Path(os.environ["CAPNUM_HOME"]) / "exports"))
        settle()
        snap("export")
        page.export_button.click()
        settle(lambda: window.session.export_result is not None)
        snap("export-done")
    from capnum_desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    dialog.show()
    snap("settings", dialog)
    dialog.close()
    window.session.clear()
    window.close()
    QApplication.processEvents()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
