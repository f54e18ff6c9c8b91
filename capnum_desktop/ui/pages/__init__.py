"""The five wizard pages, found by convention so a page's module can land independently.

Step ``<id>`` lives in ``capnum_desktop.ui.pages.<id>_page`` and defines ``PAGE_CLASS`` (or a
class named like ``OpenPage``). A page whose module is absent is listed disabled in the navigation.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

log = logging.getLogger(__name__)


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


def page_class(step: StepInfo) -> type | None:
    """The page class of a step, or None when its module has not landed (or fails to import)."""
    name = f"{__name__}.{step.module}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        log.exception("page %s cannot be imported", name)
        return None
    except Exception:
        log.exception("page %s cannot be imported", name)
        return None
    return getattr(module, "PAGE_CLASS", None) or getattr(module, step.class_name, None)
