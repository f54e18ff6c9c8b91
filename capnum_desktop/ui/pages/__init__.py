"""The five wizard pages, found by convention.

Step ``<id>`` lives in ``capnum_desktop.ui.pages.<id>_page`` and defines ``PAGE_CLASS`` (or a
class named like ``OpenPage``); the module is imported when the window builds the page.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class StepInfo:
    step_id: str
    module: str
    class_name: str
    title: str  # untranslated source text (context "Steps")


STEPS: tuple[StepInfo, ...] = (
    StepInfo("open", "open_page", "OpenPage", QT_TRANSLATE_NOOP("Steps", "Ouvrir")),
    StepInfo("map", "map_page", "MapPage", QT_TRANSLATE_NOOP("Steps", "Associer au schéma")),
    StepInfo("protect", "protect_page", "ProtectPage", QT_TRANSLATE_NOOP("Steps", "Protéger")),
    StepInfo("verify", "verify_page", "VerifyPage", QT_TRANSLATE_NOOP("Steps", "Vérifier")),
    StepInfo("export", "export_page", "ExportPage", QT_TRANSLATE_NOOP("Steps", "Exporter")),
)


def step_title(step: StepInfo) -> str:
    return QCoreApplication.translate("Steps", step.title)


def page_class(step: StepInfo) -> type:
    """The page class of a step. The five pages ship with the application: a page that fails to
    import is a bug to see at once, not a step to disable."""
    module = importlib.import_module(f"{__name__}.{step.module}")
    cls: type = getattr(module, "PAGE_CLASS", None) or getattr(module, step.class_name)
    return cls
