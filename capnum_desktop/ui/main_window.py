"""The main window: five steps on the left, the current page above the data grid, Back/Next below.

It wires pages to the Session and the JobRunner and holds no data logic. The start screen shows until
a file is chosen. Menus: Fichier, Édition (undo/redo), Aide. Files can be dropped on the window.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.table import Table
from capnum_desktop.core.view_order import view_order
from capnum_desktop.resources import demo_file
from capnum_desktop.ui import session as S
from capnum_desktop.ui.errors import show_error
from capnum_desktop.ui.jobs import JobRunner
from capnum_desktop.ui.models.table_model import TableModel
from capnum_desktop.ui.pages import STEPS, StepInfo, page_class, step_title
from capnum_desktop.ui.pages.base import Page
from capnum_desktop.ui.qsettings import add_recent_file, ui_settings
from capnum_desktop.ui.session import Session
from capnum_desktop.ui.start_screen import StartScreen
from capnum_desktop.ui.widgets.keyboard import DialogFocusOrder, chain_focus, is_text_editor, reading_order
from capnum_desktop.ui.widgets.progress_panel import ProgressPanel

log = logging.getLogger(__name__)

def open_filter() -> str:
    """File-dialog filter (translated when called, after the translator is installed)."""
    return QCoreApplication.translate(
        "MainWindow", "Tableaux (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;Tous les fichiers (*)")


class GridView(QTableView):
    """The data grid's view: arrows move inside it, Tab and Ctrl+Tab always leave it (no keyboard trap).

    Tab while a cell is being typed saves the cell and leaves the grid too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.focusNextPrevChild(not backwards)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        leaving = hint in (QAbstractItemDelegate.EndEditHint.EditNextItem,
                           QAbstractItemDelegate.EndEditHint.EditPreviousItem)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if leaving else hint)
        if leaving:
            self.focusNextPrevChild(hint == QAbstractItemDelegate.EndEditHint.EditNextItem)


BACKGROUND_FILTER_ROWS = 100_000
"""From this many rows the grid's filter is made in the job runner (~0.5 s at a million rows)."""


class DataGrid(QWidget):
    """The always-visible grid: a filter box and a table view over a :class:`TableModel`."""

    def __init__(self, model: TableModel, parent: QWidget | None = None,
                 sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder),
                 jobs: JobRunner | None = None) -> None:
        """``sort``: the sort indicator to show (the model is already sorted that way); ``jobs``: where a
        filter over a big table is made (without it, every filter is made at once)."""
        super().__init__(parent)
        self.model = model
        self.jobs = jobs
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filtrer les lignes…"))
        self.filter_edit.setAccessibleName(self.tr("Filtrer les lignes"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_column = QComboBox(self)
        self.filter_column.setAccessibleName(self.tr("Colonne filtrée"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hint")
        # no access key: every letter of « Filtre » is taken on some page (Fichier, Importer, Licence,
        # Déduire du tableau, Relancer, Exporter); Ctrl+F (Édition > Filtrer les lignes) reaches the box
        filter_label = QLabel(self.tr("Filtre :"), self)
        filter_label.setBuddy(self.filter_edit)
        self.filter_edit.setToolTip(self.tr("Filtrer les lignes (Ctrl+F)"))
        self.view = GridView(self)
        self.view.setAccessibleName(self.tr("Données du tableau"))
        self.view.setAccessibleDescription(self.tr("Flèches pour aller de cellule en cellule, F2 pour modifier, "
                                                   "Tab pour sortir du tableau"))
        # sorting on before the model is set: the view then does not sort the model (a rebuilt grid
        # over a million sorted rows must not sort them again)
        self.view.horizontalHeader().setSortIndicator(*sort)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.setModel(model)
        if jobs is not None:
            model.sort_elsewhere = self._sort_in_background
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(140)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                                  | QTableView.EditTrigger.AnyKeyPressed)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 2)
        top.addWidget(self.filter_column, 1)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.filter_column.currentIndexChanged.connect(self._filter_timer.start)
        model.modelReset.connect(self._on_model_reset)
        model.layoutChanged.connect(self._update_count)
        if model.table is not None:
            self._on_model_reset()

    def _on_model_reset(self) -> None:
        columns = self.model.columns
        current = [self.filter_column.itemText(i) for i in range(1, self.filter_column.count())]
        if current != columns:
            self.filter_column.blockSignals(True)
            self.filter_column.clear()
            self.filter_column.addItem(self.tr("Toutes les colonnes"))
            self.filter_column.addItems(columns)
            self.filter_column.blockSignals(False)
        self._update_count()

    def _apply_filter(self) -> None:
        col = self.filter_column.currentIndex() - 1
        text, column = self.filter_edit.text(), (col if col >= 0 else None)
        table = self.model.table
        if self.jobs is None or table is None or table.row_count < BACKGROUND_FILTER_ROWS:
            self.model.set_filter(text, column)
            return
        # a million rows: the rows are chosen in the job runner, the window stays responsive meanwhile
        columns, sort = self.model.order_inputs()
        self.count_label.setText(self.tr("Filtrage en cours…"))
        self.jobs.start("filter", view_order, columns, text, column, sort,
                        on_done=partial(self._show_filtered, table, text, column, sort),
                        on_failed=lambda _exc: self.model.set_filter(text, column),
                        on_cancelled=self._update_count)

    def _sort_in_background(self, column: int, order: Qt.SortOrder) -> bool:
        """A header click on a big table: the order is made in the job runner (the old one stays on screen
        meanwhile, the header already shows the new one); False for a small table (sorted at once)."""
        table = self.model.table
        if self.jobs is None or table is None or table.row_count < BACKGROUND_FILTER_ROWS:
            return False
        columns, _ = self.model.order_inputs()
        text, in_column = self.model.filter_state()
        sort = None if column < 0 else (column, order == Qt.SortOrder.DescendingOrder)
        self.count_label.setText(self.tr("Tri en cours…"))
        self.jobs.start("sort", view_order, columns, text, in_column, sort,
                        on_done=partial(self._show_sorted, table, (text, in_column), column, order),
                        on_failed=lambda _exc: self.model.sort_now(column, order),
                        on_cancelled=self._update_count)
        return True

    def _show_sorted(self, table: Table, filtered: tuple[str, int | None], column: int, order: Qt.SortOrder,
                     positions: Any) -> None:
        """The order made in the background, if the table and the filter are still those it was made for."""
        if self.model.table is not table or self.model.filter_state() != filtered:
            self.model.sort(column, order)  # another table or filter meanwhile: made again for them
            return
        self.model.show_sorted(column, order, positions)

    def _show_filtered(self, table: Table, text: str, column: int | None, sort: tuple[int, bool] | None,
                       order: Any) -> None:
        """The rows chosen in the background, if the table and the sort are still those they were chosen on."""
        current = self.filter_column.currentIndex() - 1
        if (text, column) != (self.filter_edit.text(), current if current >= 0 else None):
            return  # the filter changed meanwhile: a newer job runs
        if self.model.table is not table or self.model.order_inputs()[1] != sort:
            self._apply_filter()  # another table or another sort meanwhile: chosen again for them
            return
        self.model.show_filtered(text, column, order)

    def _update_count(self) -> None:
        table = self.model.table
        if table is None:
            self.count_label.setText("")
            return
        shown, total = self.model.rowCount(), table.row_count
        if shown == total:
            self.count_label.setText(self.tr("{n} lignes × {c} colonnes").format(
                n=_int(total), c=len(self.model.columns)))
        else:
            self.count_label.setText(self.tr("{shown} lignes affichées sur {n}").format(
                shown=_int(shown), n=_int(total)))

    def go_to_cell(self, source_row: int, field: str) -> bool:
        """Select and show a cell (clears the filter if it hides the row)."""
        col = self.model.column_index(field)
        row = self.model.visible_row_of(source_row)
        if row is None and self.filter_edit.text():
            self.filter_edit.clear()
            self._apply_filter()
            row = self.model.visible_row_of(source_row)
        if row is None or col is None:
            return False
        index = self.model.index(row, col)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)
        self.view.setFocus()
        return True


GRID_MIN_HEIGHT = 100
"""The grid's height on a small screen: its filter line, the header and a row or two (the page comes first)."""


def _int(n: int) -> str:
    """A count with French thin-space thousands (the UI is French first)."""
    return f"{n:,}".replace(",", "\u202f")


class MainWindow(QMainWindow):
    """The application window."""

    sig_page_changed = Signal(str)
    """Emitted with the step id when another step's page is shown."""

    def __init__(self, session: Session | None = None, jobs: JobRunner | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("CapNum Desktop"))
        self.setAcceptDrops(True)
        self.session = session or Session(self)
        self.jobs = jobs or JobRunner(self)
        self.model = TableModel(self.session, self)
        self.autosaver: Any = None  # set by application.py (ui.recovery.Autosaver)
        self.pages: dict[str, Page] = {}
        self.steps: list[StepInfo] = list(STEPS)
        self._current: str | None = None
        self._user_split = False
        self._pending_language: str | None = None
        self._nav_driven = False  # a step shown from the steps list keeps the keyboard there
        self._focus_pending: Page | None = None  # a page whose first control gets the keyboard once shown
        self._focus_timer = QTimer(self)  # made once: the widgets built again on a language change reuse it
        self._focus_timer.setSingleShot(True)
        self._focus_timer.setInterval(0)
        self._focus_timer.timeout.connect(self.apply_focus_order)
        app = QApplication.instance()
        if app is not None:  # every CapNum dialog gets Tab in reading order when shown (removed with the window)
            self._dialog_focus_order = DialogFocusOrder(self)
            app.installEventFilter(self._dialog_focus_order)

        cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        cancel_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        cancel_shortcut.activated.connect(self._on_escape)
        cancel_shortcut.setEnabled(False)  # only while a task runs: Échap must still close editors
        self.jobs.sig_idle_changed.connect(lambda idle: cancel_shortcut.setEnabled(not idle))
        self.jobs.sig_idle_changed.connect(self._on_jobs_idle_changed)

        self._build_ui()
        self.session.sig_changed.connect(self._on_session_changed)
        self.session.sig_step_requested.connect(self._on_step_requested)
        self.session.undo_stack.cleanChanged.connect(self._update_title)
        self._restore_geometry()
        self.resize(1200, 800) if not ui_settings().contains("geometry") else None
        self._update_navigation()

    def _build_ui(self, sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)) -> None:
        """Every widget, menu and page, in the installed language (built again on a language change
        around the same session, job runner and grid model)."""
        # --- navigation
        self.nav = QListWidget(self)
        self.nav.setObjectName("stepNav")
        self.nav.setAccessibleName(self.tr("Étapes"))
        self.nav.setAccessibleDescription(self.tr("Les cinq étapes de la préparation ; flèches pour choisir"))
        self.nav.setFixedWidth(250)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = {}
        self._page_frames: dict[str, QScrollArea] = {}
        self.page_stack = QStackedWidget(self)
        for i, step in enumerate(self.steps):
            item = QListWidgetItem(f"{i + 1}. {step_title(step)}")
            item.setData(Qt.ItemDataRole.UserRole, step.step_id)
            self.nav.addItem(item)
            cls = page_class(step)
            if cls is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("Cette étape n'est pas disponible dans cette version."))
                continue
            page = cls(self.session, self.jobs, self)
            page.grid = self.model
            page.step_id = step.step_id
            page.sig_state_changed.connect(self._update_navigation)
            page.sig_state_changed.connect(self._schedule_focus_order)
            page.sig_advance_requested.connect(self.go_next)
            page.sig_error.connect(self.show_error)
            page.sig_status.connect(self._show_status)
            if hasattr(page, "sig_open_other_requested"):  # Ouvrir, after a read error
                page.sig_open_other_requested.connect(self.choose_file)
            self.pages[step.step_id] = page
            self.page_stack.addWidget(self._scrolled(page))
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)

        # --- page header, grid, buttons
        self.page_title = QLabel(self)
        self.page_title.setObjectName("pageTitle")
        self.page_subtitle = QLabel(self)
        self.page_subtitle.setObjectName("hint")
        self.page_subtitle.setWordWrap(True)
        self.grid = DataGrid(self.model, self, sort=sort, jobs=self.jobs)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.page_stack)
        self.splitter.addWidget(self.grid)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_user_split", True))
        self.back_button = QPushButton(self.tr("◀ &Précédent"), self)
        self.back_button.setAccessibleName(self.tr("Étape précédente"))
        self.back_button.setToolTip(self.tr("Étape précédente (Alt+←)"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("&Suivant ▶"), self)
        self.next_button.setObjectName("primaryButton")
        self.next_button.setAccessibleName(self.tr("Étape suivante"))
        self.next_button.setToolTip(self.tr("Étape suivante (Alt+→ ; Entrée hors d'un champ de saisie)"))
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.blocker_label = QLabel(self)
        self.blocker_label.setObjectName("hint")
        self.blocker_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.blocker_label, 1)
        buttons.addWidget(self.next_button)

        wizard = QWidget(self)
        right = QVBoxLayout()
        right.addWidget(self.page_title)
        right.addWidget(self.page_subtitle)
        right.addWidget(self.splitter, 1)
        right.addLayout(buttons)
        wizard_layout = QHBoxLayout(wizard)
        wizard_layout.addWidget(self.nav)
        wizard_layout.addLayout(right, 1)

        self.start_screen = StartScreen(self)
        self.start_screen.sig_open_requested.connect(self.choose_file)
        self.start_screen.sig_demo_requested.connect(self.open_demo)
        self.start_screen.sig_path_chosen.connect(self.open_path)
        self.start_screen.sig_resume_requested.connect(self.resume)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.start_screen)
        self.central.addWidget(wizard)
        self.setCentralWidget(self.central)

        self.progress_panel = ProgressPanel(self.jobs, self)
        self.statusBar().addPermanentWidget(self.progress_panel)
        self._build_menus()
        self.start_screen.open_button.setFocus()

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        """A new menu bar (the old one, its menus and actions are deleted with it)."""
        bar = QMenuBar(self)
        self.setMenuBar(bar)
        file_menu = bar.addMenu(self.tr("&Fichier"))
        self.open_action = QAction(self.tr("&Ouvrir…"), bar)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_file)
        file_menu.addAction(self.open_action)
        demo_action = QAction(self.tr("Ouvrir la &démonstration"), bar)
        demo_action.triggered.connect(self.open_demo)
        file_menu.addAction(demo_action)
        self.recent_menu = file_menu.addMenu(self.tr("Fichiers &récents"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.close_action = QAction(self.tr("&Fermer le fichier"), bar)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close_file)
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        settings_action = QAction(self.tr("&Paramètres…"), bar)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.show_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quitter"), bar)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(self.tr("É&dition"))
        self.undo_action = self.session.undo_stack.createUndoAction(bar, self.tr("&Annuler"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.session.undo_stack.createRedoAction(bar, self.tr("&Rétablir"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = QAction(self.tr("Rechercher et rem&placer…"), bar)
        self.find_action.setShortcut(QKeySequence("Ctrl+H"))
        self.find_action.triggered.connect(self.show_find_replace)
        edit_menu.addAction(self.find_action)
        filter_action = QAction(self.tr("&Filtrer les lignes"), bar)
        filter_action.setShortcut(QKeySequence("Ctrl+F"))
        filter_action.triggered.connect(lambda: self.grid.filter_edit.setFocus())
        edit_menu.addAction(filter_action)
        edit_menu.addSeparator()
        self.next_action = QAction(self.tr("Étape &suivante"), bar)
        self.next_action.setShortcut(QKeySequence("Alt+Right"))
        self.next_action.triggered.connect(self._on_next_button_clicked)
        edit_menu.addAction(self.next_action)
        self.back_action = QAction(self.tr("Étape pré&cédente"), bar)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.triggered.connect(self.go_back)
        edit_menu.addAction(self.back_action)

        help_menu = bar.addMenu(self.tr("&Aide"))
        about_action = QAction(self.tr("À &propos de CapNum"), bar)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)
        logs_action = QAction(self.tr("Ouvrir le dossier des &journaux"), bar)
        logs_action.triggered.connect(self._open_log_folder)
        help_menu.addAction(logs_action)

    def _fill_recent_menu(self) -> None:
        from capnum_desktop.ui.qsettings import recent_files

        self.recent_menu.clear()
        files = recent_files()
        if not files:
            action = self.recent_menu.addAction(self.tr("(aucun)"))
            action.setEnabled(False)
        for path in files:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=str(path): self.open_path(p))

    # -- opening -----------------------------------------------------------------------------------
    def choose_file(self) -> None:
        if not self._confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Ouvrir un tableau"), "", open_filter())
        if path:
            self.open_path(path, confirmed=True)

    def open_demo(self) -> None:
        self.open_path(str(demo_file()))

    def open_path(self, path: str | Path, confirmed: bool = False) -> None:
        """Go to the Ouvrir step and read ``path`` (preview first, then the whole file)."""
        if not confirmed and not self._confirm_discard():
            return
        path = Path(path)
        if not path.exists():
            from capnum_desktop.core.errors import InputFileError

            self.show_error(InputFileError(self.tr("Le fichier {name} est introuvable.").format(name=path.name)))
            return
        self.jobs.cancel()
        self.session.clear()
        if self.autosaver is not None:
            self.autosaver.discard()
        add_recent_file(path)
        self.central.setCurrentIndex(1)
        self.show_step("open")
        page = self.pages.get("open")
        if page is not None and hasattr(page, "load_path"):
            page.load_path(path)

    def resume(self) -> None:
        if self.autosaver is not None:
            self.central.setCurrentIndex(1)
            self.show_step("open")
            self.autosaver.resume(self)

    def close_file(self) -> None:
        if not self._confirm_discard():
            return
        self.jobs.cancel()
        self.session.clear()
        if self.autosaver is not None:
            self.autosaver.discard()
        self.start_screen.refresh()
        self.central.setCurrentIndex(0)
        self.start_screen.open_button.setFocus()

    def _confirm_discard(self) -> bool:
        """Ask before throwing away unexported work; True when it is fine to go on."""
        if not self.session.has_unsaved_work():
            return True
        answer = QMessageBox.question(
            self, self.tr("Travail non exporté"),
            self.tr("Le travail en cours n'a pas été exporté. L'abandonner ?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- navigation ----------------------------------------------------------------------------------
    def step_index(self, step_id: str) -> int:
        return next(i for i, s in enumerate(self.steps) if s.step_id == step_id)

    def current_step(self) -> str | None:
        return self._current

    def current_page(self) -> Page | None:
        return self.pages.get(self._current or "")

    def reachable(self, step_id: str) -> bool:
        """A step can be shown once every step before it is done (absent pages do not block)."""
        if self.session.source_table is None and step_id != "open":
            return False
        for step in self.steps[: self.step_index(step_id)]:
            if step.step_id in self.pages and not self.session.step_done(step.step_id):
                return False
        return step_id in self.pages

    def show_step(self, step_id: str) -> None:
        page = self.pages.get(step_id)
        if page is None:
            return
        if self._current == step_id:
            self._update_navigation()
            return
        previous = self.current_page()
        if previous is not None:
            previous.leave()
        self._current = step_id
        self.page_stack.setCurrentWidget(self._page_frames[step_id])
        self._share_splitter(page)
        self.page_title.setText(f"{self.step_index(step_id) + 1}. {page.title()}")
        self.page_subtitle.setText(page.subtitle())
        self.session.set_step(self.step_index(step_id))
        page.enter()
        self._update_navigation()
        self.apply_focus_order()
        self._focus_first_control(page)
        self.sig_page_changed.emit(step_id)

    def go_next(self) -> None:
        page = self.current_page()
        if page is None:
            return
        for step in self.steps[self.step_index(page.step_id) + 1:]:
            if step.step_id in self.pages:
                if self.reachable(step.step_id):
                    self.show_step(step.step_id)
                return

    def go_back(self) -> None:
        page = self.current_page()
        if page is None:
            return
        for step in reversed(self.steps[: self.step_index(page.step_id)]):
            if step.step_id in self.pages:
                self.show_step(step.step_id)
                return

    def _on_next_button_clicked(self) -> None:
        page = self.current_page()
        if page is None or not self.next_button.isEnabled() or not page.can_go_next():
            return
        if page.go_next():
            self.go_next()

    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.steps):
            step_id = self.steps[row].step_id
            if step_id != self._current and self.reachable(step_id):
                self._nav_driven = self.nav.hasFocus() and self._current is not None
                try:
                    self.show_step(step_id)
                finally:
                    self._nav_driven = False
            elif step_id != self._current:
                self._update_navigation()

    def _update_navigation(self) -> None:
        """Mark each step done / current / to do / unavailable, and enable Back/Next."""
        done_mark, todo_mark = "✓", "○"
        for i, step in enumerate(self.steps):
            item = self.nav.item(i)
            if step.step_id not in self.pages:
                continue
            done = self.session.step_done(step.step_id)
            current = step.step_id == self._current
            mark = "▶" if current else (done_mark if done else todo_mark)
            item.setText(f"{mark}  {i + 1}. {step_title(step)}")
            state = (self.tr("étape en cours") if current else self.tr("terminée") if done
                     else self.tr("à faire") if self.reachable(step.step_id) else self.tr("pas encore accessible"))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{i + 1}. {step_title(step)}, {state}")
            item.setToolTip(state)
            enabled = self.reachable(step.step_id)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled if enabled else Qt.ItemFlag.NoItemFlags
            item.setFlags(flags)
        if self._current is not None:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.step_index(self._current))
            self.nav.blockSignals(False)
        page = self.current_page()
        index = self.step_index(self._current) if self._current else 0
        self.back_button.setEnabled(page is not None and index > 0)
        self.back_action.setEnabled(self.back_button.isEnabled())
        later = [s for s in self.steps[index + 1:] if s.step_id in self.pages]
        can = page is not None and page.can_go_next() and bool(later)
        self.next_button.setEnabled(can)
        self.next_action.setEnabled(can)
        self.blocker_label.setText("" if can or page is None else page.next_blocker())
        self._update_title()

    def _update_title(self) -> None:
        name = self.session.path.name if self.session.path else ""
        dirty = "*" if self.session.has_unsaved_work() else ""
        self.setWindowTitle(f"{name}{dirty} — CapNum Desktop" if name else "CapNum Desktop")

    # -- keyboard and small screens -----------------------------------------------------------------
    def _scrolled(self, page: Page) -> QScrollArea:
        """The page in a frameless scroll area: on a short screen (1366×705) a page taller than its room
        scrolls instead of pushing the window, and its buttons, below the screen's edge."""
        frame = QScrollArea(self)
        frame.setObjectName("pageFrame")
        frame.setWidget(page)
        frame.setWidgetResizable(True)
        frame.setFrameShape(QScrollArea.Shape.NoFrame)
        frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's controls, not to their frame
        self._page_frames[page.step_id] = frame
        return frame

    def _share_splitter(self, page: Page) -> None:
        """The page gets its share of the height and at least what it needs; on a small screen the grid
        shrinks down to a few rows (until the user moves the splitter)."""
        if self._user_split:
            return
        total = max(sum(self.splitter.sizes()), 400)
        grid = int(total * page.grid_share)
        wanted = max(page.minimumSizeHint().height(), page.sizeHint().height())  # its cards, table, list
        room = total - wanted - self.splitter.handleWidth()
        grid = max(min(grid, room), min(GRID_MIN_HEIGHT, total // 2))
        self.splitter.setSizes([total - grid, grid])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        page = self.current_page()
        if page is not None:
            QTimer.singleShot(0, lambda p=page: self._share_splitter(p) if p is self.current_page() else None)

    def _schedule_focus_order(self) -> None:
        self._focus_timer.start()

    def focus_chain(self) -> list[QWidget]:
        """What Tab goes through on a step, in reading order: the steps, the page, the grid (filter,
        column, cells), then Précédent and Suivant."""
        page = self.current_page()
        chain: list[QWidget] = [self.nav]
        if page is not None:
            chain += reading_order(page, visible_only=False)
        chain += [self.grid.filter_edit, self.grid.filter_column, self.grid.view, self.back_button, self.next_button]
        return chain

    def apply_focus_order(self) -> None:
        """Tab follows the reading order of the page shown (cards and tables filled later included)."""
        if self.central.currentIndex() == 1:
            chain_focus(self.focus_chain())
            page = self.current_page()
            if page is not None:
                self._share_splitter(page)  # its cards or table may have just been filled: room for them
            focused = QApplication.focusWidget()
            if page is None or self._focus_pending is not page:
                return
            if focused is not None and (page.isAncestorOf(focused) or self.grid.isAncestorOf(focused)):
                self._focus_pending = None
            elif focused is None or focused is self.nav or not focused.isVisible():
                self._focus_first_control(page)

    def _focus_first_control(self, page: Page) -> None:
        """Arriving on a step, the keyboard is on the page's first control (not left on Suivant, where a
        second Entrée would skip the step). A page still reading gets it when its controls show up."""
        focused = QApplication.focusWidget()
        if self._nav_driven or (focused is not None and self.grid.isAncestorOf(focused)):
            self._focus_pending = None
            return  # the user walks the steps list or works in the grid: leave the keyboard there
        first = next((w for w in reading_order(page) if w.isEnabled()), None)
        self._focus_pending = page  # until the keyboard is seen on the page (it may be reading still)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)
        elif focused is None or not focused.isVisible() or focused is self.next_button:
            self.nav.setFocus(Qt.FocusReason.TabFocusReason)

    def default_button(self) -> QAbstractButton | None:
        """What Entrée activates when the keyboard is not in a field: the page's own default button when
        it has one (Exporter), else Suivant; on the start screen, « Ouvrir un fichier »."""
        if self.central.currentIndex() == 0:
            return self.start_screen.open_button
        page = self.current_page()
        own = page.default_button() if page is not None else None
        if own is not None and own.isVisible() and own.isEnabled():
            return own
        return self.next_button if self.next_button.isEnabled() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Entrée outside a field activates the button that has the keyboard, else the default one."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            focused = QApplication.focusWidget()
            if focused is self.nav or not is_text_editor(focused):
                own = isinstance(focused, (QPushButton, QToolButton)) and focused.isEnabled()
                on_start = self.central.currentIndex() == 0
                target = focused if own else None if on_start else self.default_button()
                if target is not None:
                    event.accept()
                    target.click() if target is not self.next_button else self._on_next_button_clicked()
                    return
        super().keyPressEvent(event)

    # -- session --------------------------------------------------------------------------------------
    def _on_session_changed(self, what: str) -> None:
        if what == S.TABLE:
            self.model.set_table(self.session.table)
            self.model.editable = self.session.conformed is not None
            self.grid.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        if what == S.PRIVACY and self.session.scan is not None:
            self.model.personal_fields = _personal_fields(self.session.scan)
        if what != S.STEP:
            self._update_navigation()

    def _on_step_requested(self, step_id: str) -> None:
        """An undo or redo changed a step from elsewhere: show that step, so the user sees what was put back."""
        if self.current_step() != step_id:
            self.show_step(step_id)

    def _on_escape(self) -> None:
        """Échap stops the running task (the panel's Cancel button, from the keyboard)."""
        if self.jobs.is_running():
            self.jobs.cancel()
            self._show_status(self.tr("Tâche annulée."))

    def show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- dialogs ----------------------------------------------------------------------------------------
    def show_about(self) -> None:
        try:
            from capnum_desktop.ui.about_dialog import show_about
        except ImportError:
            from capnum_desktop import __version__

            QMessageBox.about(self, self.tr("À propos de CapNum"),
                              self.tr("CapNum Desktop {version}").format(version=__version__))
            return
        show_about(self)

    def show_find_replace(self) -> None:
        try:
            from capnum_desktop.ui.dialogs import find_replace_dialog
        except ImportError:
            self.grid.filter_edit.setFocus()
            return
        opener = getattr(find_replace_dialog, "show_find_replace", None)
        if opener is not None:
            opener(self)

    def show_settings(self) -> None:
        """Paramètres; a new language applies as soon as the dialog is closed with OK."""
        from capnum_desktop.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_settings_accepted(dialog))
        dialog.open()

    def _on_settings_accepted(self, dialog: Any) -> None:
        chosen = dialog.chosen_language()
        if chosen is not None:
            self.set_language(chosen)

    # -- language -----------------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Show the interface in ``lang`` without restarting: every widget is built again around the same
        session (file, mapping, decisions, edits, undo history) and the same step is shown. While a task
        runs the change waits for its end (its result goes to the pages that started it)."""
        from capnum_desktop.ui.i18n import current_language

        if lang == current_language() and self._pending_language is None:
            return
        self._pending_language = lang
        if self.jobs.is_running():
            self._show_status(self.tr("La langue changera dès que la tâche en cours sera terminée."))
            return
        QTimer.singleShot(0, self._apply_pending_language)

    def _on_jobs_idle_changed(self, idle: bool) -> None:
        if idle and self._pending_language is not None:
            QTimer.singleShot(0, self._apply_pending_language)  # after the job's callbacks have run

    def _apply_pending_language(self) -> None:
        from capnum_desktop.ui.i18n import current_language, install_translators

        lang = self._pending_language
        if lang is None or self.jobs.is_running():
            return  # done already, or a new task started: the next idle signal comes back here
        self._pending_language = None
        app = QCoreApplication.instance()
        if lang != current_language() and app is not None:
            install_translators(app, lang)
        self.rebuild_ui()
        log.info("interface language: %s", lang)

    def rebuild_ui(self) -> None:
        """Build every widget again in the installed language, keeping what the user sees: the step, the
        page contents, the grid (same model: sort, filter, marks), the splitter and the dialogs' input."""
        from capnum_desktop.ui.language_switch import carry_inputs, show_export_result

        self._commit_grid_editor()
        old_pages, old_grid, old_central = self.pages, self.grid, self.central
        old_panel, old_find = self.progress_panel, getattr(self, "_find_replace_dialog", None)
        step, on_start = self._current, self.central.currentIndex() == 0
        resume_offered = self.start_screen.resume_frame.isVisibleTo(self.start_screen)
        splitter_state = self.splitter.saveState()
        header = old_grid.view.horizontalHeader()
        sort = (header.sortIndicatorSection(), header.sortIndicatorOrder())

        self.statusBar().removeWidget(old_panel)
        old_panel.deleteLater()
        self._current = None
        self._build_ui(sort=sort)  # setCentralWidget deletes the old pages, setMenuBar the old menus
        old_central.hide()
        for step_id, page in self.pages.items():
            if step_id in old_pages:
                carry_inputs(old_pages[step_id], page)  # what was typed; the rest is the session's
        show_export_result(self.session, old_pages.get("export"), self.pages.get("export"))
        self._show_open_page_state(old_pages.get("open"))
        carry_inputs(old_grid, self.grid)  # the filter (already applied to the model)
        self.splitter.restoreState(splitter_state)
        if resume_offered:
            self.refresh_resume_offer()
        if not on_start:
            self.central.setCurrentIndex(1)
            if step is not None:
                self.show_step(step)
        self._update_navigation()
        if old_find is not None:
            self._rebuild_find_replace(old_find)

    def _show_open_page_state(self, old: Page | None) -> None:
        """Ouvrir shows what was read (the page's labels are filled when a file is read)."""
        page = self.pages.get("open")
        if page is None or not hasattr(page, "show_loaded"):
            return
        if self.session.source_table is not None and self.session.path is not None:
            page.show_loaded(self.session.path, self.session.read_options, self.session.source_table)
        elif old is not None and getattr(old, "preview", None) is not None and hasattr(old, "current_options"):
            # a preview whose full read failed: not in the session (nothing was read), shown from the old page
            page.path, page.preview = old.path, old.preview
            page.show_loaded(old.path, old.current_options(), old.preview)

    def refresh_resume_offer(self) -> None:
        """The start screen's offer to resume saved unfinished work (hidden when there is none)."""
        from capnum_desktop.ui.recovery import describe_state

        pending = self.autosaver.pending() if self.autosaver is not None else None
        self.start_screen.show_resume(describe_state(pending) if pending else None)

    def _commit_grid_editor(self) -> None:
        """A cell being typed in the grid is saved (as an undoable edit) before the grid is rebuilt."""
        view = self.grid.view
        editor = view.indexWidget(view.currentIndex()) if view.currentIndex().isValid() else None
        if editor is not None:
            view.commitData(editor)
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _rebuild_find_replace(self, old: QWidget) -> None:
        """The find-and-replace dialog again, in the new language, with what was typed in it."""
        from capnum_desktop.ui.dialogs.find_replace_dialog import FindReplaceDialog
        from capnum_desktop.ui.language_switch import carry_inputs

        visible = old.isVisible()
        self._find_replace_dialog = FindReplaceDialog(self)
        self._find_replace_dialog.refresh_columns()
        carry_inputs(old, self._find_replace_dialog)
        old.hide()
        old.deleteLater()
        if visible:
            self._find_replace_dialog.show()

    def _open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from capnum_desktop import paths

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

    # -- window events ----------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                self.open_path(url.toLocalFile())
                return

    def ask_keep_work(self) -> str:
        """Closing with unexported work: "keep" (resume at next start), "drop" or "cancel"."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quitter CapNum"))
        box.setText(self.tr("Le travail en cours n'a pas été exporté."))
        box.setInformativeText(self.tr("Le garder pour le reprendre au prochain démarrage ?"))
        keep = box.addButton(self.tr("&Garder pour plus tard"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(self.tr("&Abandonner"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("A&nnuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return "keep" if clicked is keep else "drop" if clicked is drop else "cancel"

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.has_unsaved_work():
            answer = self.ask_keep_work()
            if answer == "cancel":
                event.ignore()
                return
            if self.autosaver is not None:
                self.autosaver.save_now() if answer == "keep" else self.autosaver.discard()
        elif self.autosaver is not None:
            self.autosaver.discard()
        if self.autosaver is not None:
            self.autosaver.clean_exit()
        self.jobs.shutdown()
        self._save_geometry()
        event.accept()

    def _save_geometry(self) -> None:
        settings = ui_settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("splitter", self.splitter.saveState())
        settings.sync()

    def _restore_geometry(self) -> None:
        settings = ui_settings()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)


def _personal_fields(scan: Any) -> set[str]:
    """Columns the privacy scan flagged (their edits never store values)."""
    from capnum_desktop.core.pipeline import personal_fields

    return set(personal_fields(scan))
