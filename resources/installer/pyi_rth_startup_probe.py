"""Start-up probe: with ``CAPNUM_STARTUP_PROBE`` set, say on stderr when the first window is on screen.

A PyInstaller runtime hook (build.spec) that bench/startup_time.py also runs before the app in a source
checkout. Without the variable it does nothing and imports nothing. With it, QApplication is replaced by a
subclass that watches for the first top-level window to be exposed and prints
``CAPNUM_FIRST_WINDOW <epoch seconds>``; with ``CAPNUM_STARTUP_PROBE=quit`` the process then exits at once.
"""


def _install_probe(mode: str) -> None:
    import os
    import sys
    import time

    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QWindow

    class _FirstWindowProbe(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (
                not self.done
                and event.type() == QEvent.Type.Expose
                and isinstance(obj, QWindow)
                and obj.isTopLevel()
                and obj.isExposed()
            ):
                self.done = True
                print(f"CAPNUM_FIRST_WINDOW {time.time():.6f}", file=sys.stderr, flush=True)
                if mode == "quit":
                    os._exit(0)
            return False

    base = QtWidgets.QApplication

    class ProbedApplication(base):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._capnum_probe = _FirstWindowProbe(self)
            self.installEventFilter(self._capnum_probe)

    ProbedApplication.__name__ = base.__name__
    ProbedApplication.__qualname__ = base.__qualname__
    QtWidgets.QApplication = ProbedApplication


def _main() -> None:
    import os

    mode = os.environ.get("CAPNUM_STARTUP_PROBE", "")
    if mode:
        _install_probe(mode)


_main()
