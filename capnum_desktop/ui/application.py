"""Create the QApplication and the main window."""

from __future__ import annotations

import argparse

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from capnum_desktop.resources import demo_file


def run(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.setWindowTitle(QApplication.translate("MainWindow", "CapNum Desktop"))
    path = demo_file() if args.demo else args.file
    label = QLabel(QApplication.translate("MainWindow", "Fichier : {path}").format(path=path or "—"))
    window.setCentralWidget(label)
    if args.self_test:
        return 0
    window.show()
    return app.exec()
