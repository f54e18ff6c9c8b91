"""The interface every wizard page follows, so the main window can drive them all alike.

A page is a QWidget built with ``(session, jobs, parent)``. The window calls :meth:`Page.enter`
when the user arrives on it and :meth:`Page.leave` when the user goes elsewhere; it asks
:meth:`Page.can_go_next` (and :meth:`Page.next_blocker` for the reason) to enable "Suivant", and
:meth:`Page.go_next` when the user clicks it (a page may run a job there and call
``self.sig_advance_requested`` when it is done). Pages never hold the data: the Session does.

To show things in the data grid (error colours, tooltips), a page uses ``self.grid`` (set by the
window): a :class:`capnum_desktop.ui.models.table_model.TableModel` with ``set_cell_marks``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QWidget

if TYPE_CHECKING:
    from capnum_desktop.ui.jobs import JobRunner
    from capnum_desktop.ui.models.table_model import TableModel
    from capnum_desktop.ui.session import Session


class Page(QWidget):
    """Base class of the five step pages (Ouvrir, Associer, Protéger, Vérifier, Exporter)."""

    step_id: str = ""
    """One of ``session.STEPS``: "open", "map", "protect", "verify", "export"."""
    grid_share: float = 0.4
    """Part of the height the data grid gets under this page (until the user moves the splitter)."""

    sig_state_changed = Signal()
    """Emitted when ``can_go_next``/``next_blocker`` may have changed (the window re-reads them)."""
    sig_advance_requested = Signal()
    """Emitted by a page that finished its work after ``go_next`` and wants the next step shown."""
    sig_error = Signal(object)
    """Emitted with an exception the window should show (CapnumError: a clear dialog; other: logged)."""
    sig_status = Signal(str)
    """Emitted with a short message for the status bar."""

    def __init__(self, session: Session, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.jobs = jobs
        self.grid: TableModel | None = None  # set by the main window

    def title(self) -> str:
        """The step's name for the navigation (translated)."""
        return self.step_id

    def subtitle(self) -> str:
        """One sentence saying what the step does (translated), shown under the page title."""
        return ""

    def enter(self) -> None:
        """The user arrives on this page: refresh from the session."""

    def leave(self) -> None:
        """The user goes to another page (cancel jobs that only matter here, save widget state)."""

    def can_go_next(self) -> bool:
        """Whether "Suivant" is enabled."""
        return True

    def next_blocker(self) -> str:
        """Why "Suivant" is disabled, in one sentence (translated); "" when it is enabled."""
        return ""

    def go_next(self) -> bool:
        """Called when the user clicks "Suivant". Return True to move on now; False when the page
        started some work and will emit ``sig_advance_requested`` itself when it is done."""
        return True

    def default_button(self) -> QAbstractButton | None:
        """The button Entrée activates when the keyboard is not in a field (None: « Suivant »)."""
        return None
