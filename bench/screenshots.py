"""Screenshots of every page of the wizard on the demo file, to look at them (and at the English UI).

    python bench/screenshots.py [--out bench/out/screenshots] [--lang fr|en] [--offscreen] [--sizes 1366x705,1280x720]

It shoots at the small laptop sizes agents have (1366×705: 1366×768 minus the Windows taskbar; 1280×720:
1920×1080 at 150 %), and prints, under each picture, what does not fit (ui.widgets.fit.clipped: a text
cut, a squeezed button, a control out of the window, a page's action button under the page's fold
such as « Exporter » — fit.out_of_sight), or « tout tient ».

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
    parser.add_argument("--sizes", default="1366x705,1280x720", help="window sizes, WIDTHxHEIGHT, comma-separated")
    args = parser.parse_args()
    xvfb = None if args.offscreen else start_xvfb()
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["CAPNUM_HOME"] = tempfile.mkdtemp(prefix="capnum-shots-")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
        return max(shoot(out, args.lang, size) for size in sizes)
    finally:
        if xvfb is not None:
            xvfb.terminate()


def year_sheets(path: Path) -> Path:
    """A workbook with a notes sheet and one sheet per year, all with the same columns."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["Subventions versées, une feuille par année."])
    for year in (2022, 2023, 2024):
        sheet = book.create_sheet(str(year))
        sheet.append(["Bénéficiaire", "Commune", "Montant"])
        for k in range(5):
            sheet.append([f"Association {k}", "Arles", 1000 * (k + 1)])
    book.save(path)
    return path


def shoot(out: Path, lang: str, size: tuple[int, int]) -> int:
    """Every page at one window size; 1 when something does not fit."""
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.core.preferences import Preferences, save_preferences
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.application import build_window, create_app
    from capnum_desktop.ui.widgets.fit import clipped

    save_preferences(Preferences(bureau="Ministère de la Culture", user_name="Agent CapNum"))
    app = QApplication.instance()
    if app is None:
        app, _ = create_app(lang)
    window = build_window()
    window.resize(*size)
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
    problems = 0

    def snap(name: str, widget=None) -> None:
        widget = widget or window
        settle()
        nonlocal problems
        path = out / f"{lang}-{size[0]}x{size[1]}-{len(written) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)
        cut = clipped(widget)
        problems += len(cut)
        print(path, f"({widget.width()}×{widget.height()})")
        for line in cut or ["tout tient"]:
            print("   ", line)

    snap("start")
    samples = Path(os.environ["CAPNUM_HOME"])
    damaged = samples / "budget-endommage.xlsx"  # a read error: what to do, « Ouvrir un autre fichier… »
    damaged.write_bytes(b"PK\x03\x04" + b"\x14\x00 pas une archive" * 20)
    window.open_path(damaged)
    settle(lambda: window.pages["open"].error_box.isVisible())
    snap("open-error")
    window.open_path(year_sheets(samples / "subventions-par-annee.xlsx"))  # sheets with the same columns
    settle(lambda: window.session.source_table is not None)
    snap("open-sheets")
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
        # one folder per size: a second export into the same folder would ask (a modal box) whether to replace it
        page.folder_edit.setText(str(Path(os.environ["CAPNUM_HOME"]) / f"exports-{size[0]}x{size[1]}"))
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
    window.deleteLater()
    QApplication.processEvents()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
