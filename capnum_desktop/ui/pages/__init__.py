"""The five wizard pages.

Each page module is imported when the window builds its page (explicit imports, so a renamed class
is an error at once, not a guess that fails later).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class StepInfo:
    step_id: str
    title: str  # untranslated source text (context "Steps")


STEPS: tuple[StepInfo, ...] = (
    StepInfo("open", QT_TRANSLATE_NOOP("Steps", "Ouvrir")),
    StepInfo("map", QT_TRANSLATE_NOOP("Steps", "Associer au schéma")),
    StepInfo("protect", QT_TRANSLATE_NOOP("Steps", "Protéger")),
    StepInfo("verify", QT_TRANSLATE_NOOP("Steps", "Vérifier")),
    StepInfo("export", QT_TRANSLATE_NOOP("Steps", "Exporter")),
)


def step_title(step: StepInfo) -> str:
    return QCoreApplication.translate("Steps", step.title)


def page_class(step: StepInfo) -> type:
    """The page class of a step. The five pages ship with the application: a page that fails to
    import is a bug to see at once, not a step to disable."""
    if step.step_id == "open":
        from capnum_desktop.ui.pages.open_page import OpenPage

        return OpenPage
    if step.step_id == "map":
        from capnum_desktop.ui.pages.map_page import MapPage

        return MapPage
    if step.step_id == "protect":
        from capnum_desktop.ui.pages.protect_page import ProtectPage

        return ProtectPage
    if step.step_id == "verify":
        from capnum_desktop.ui.pages.verify_page import VerifyPage

        return VerifyPage
    if step.step_id == "export":
        from capnum_desktop.ui.pages.export_page import ExportPage

        return ExportPage
    raise ValueError(f"unknown step {step.step_id!r}")
