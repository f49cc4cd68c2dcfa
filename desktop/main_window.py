"""The main window: composes the map, its controller, the panels and the menus, and wires them.

No GIS logic and no page calls here: :class:`~desktop.map.controller.MapController` keeps the
map in step with the state, the panels read and write the state, and the window opens the
dialogs the menus ask for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from desktop.appsettings import settings
from desktop.export_actions import ExportActions
from desktop.i18n import install_language, region_name
from desktop.icons import app_icon
from desktop.map.controller import MapController
from desktop.map.prefetch import adopt, remember_page
from desktop.map.view import MapView, grab_when_painted
from desktop.notify import Notifier, in_language, plain_message_box
from desktop.panels import connect_event
from desktop.panels.layers import LayersPanel
from desktop.panels.region import RegionPanel
from desktop.panels.region_picker import RegionPicker
from desktop.panels.targets import TargetsPanel
from desktop.plan_actions import PlanActions
from desktop.pngsave import save_png
from desktop.progress_actions import ProgressActions
from desktop.state import AppState, all_provinces, province_choices, province_levels
from desktop.state_notice import StateNotice, above
from desktop.workers import Worker, run_worker
from desktop.workspace_actions import WorkspaceActions
from geodata.atlas import AtlasData
from geodata.errors import InfraAtlasError
from geodata.paths import atomic_path
from geodata.vocab import LANGUAGES, NATIONAL

if TYPE_CHECKING:
    from desktop.dialogs.about import AboutDialog
    from desktop.dialogs.document import DocumentDialog


class MainWindow(QMainWindow):
    """Infra Atlas's main window.

    Parameters
    ----------
    state : AppState
        What the user is looking at.
    data : AtlasData
        Targets, layers and corridors.
    quiet : bool
        Report errors in the status bar instead of dialogs (headless runs and tests).
    map_view : MapView, optional
        The map view, when one was made before the window (a page loading ahead).

    Attributes
    ----------
    map : MapView
        The map.
    controller : MapController
        Builds and updates the map (``controller.rebuild()`` draws it again).

    Signals
    -------
    view_ready()
        The map is drawn, the selection applied, and the panels filled.
    """

    view_ready = Signal()

    def __init__(
        self,
        state: AppState,
        data: AtlasData,
        quiet: bool = False,
        parent: QWidget | None = None,
        map_view: MapView | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.data = data
        self.setWindowIcon(app_icon())
        self.resize(1400, 900)
        self.map = MapView(self) if map_view is None else map_view
        self.state_notice = StateNotice(self)  # a damaged or unwritable data folder, above the map
        self.notifier = Notifier(self, self.statusBar(), quiet=quiet)
        # the shared workspace: File > Workspace, its name in the status bar, its bar, its poll
        self.workspace = WorkspaceActions(self, data, self.notifier, self._on_plans_changed)
        self.controller = MapController(state, data, self.map, self.notifier, self)
        self.exports = ExportActions(state, data, self.map, self.notifier, self)
        self.plans = PlanActions(self, data, state, self.notifier, self._on_plans_changed)
        self.progress_actions = ProgressActions(
            self, data, state, self.notifier, self._on_plans_changed
        )
        self._workers: set[Worker] = set()
        self._build_panels()
        self._build_menus()
        self.setAcceptDrops(True)  # a boundary file dropped anywhere opens the import dialog
        self.map.setAcceptDrops(False)  # (the web view would otherwise take the drop)
        self._wire()
        self.retranslate()
        self.targets_panel.set_targets(self.data.targets)
        self._show_progress()
        self.state_notice.check()
        self.workspace.start()  # a shared workspace that is down is said at once, off this thread
        # Last: a view loading ahead goes on drawing off screen until then (a view put in a
        # window is hidden until the window is shown, and a hidden page does not draw).
        if map_view is not None:
            adopt(map_view, self)
        self.setCentralWidget(above(self.workspace.bar, above(self.state_notice, self.map)))

    # ----------------------------------------------------------------- composition
    def _build_panels(self) -> None:
        self.layers_panel = LayersPanel(self.state, self)
        self.region_panel = RegionPanel(self.state, self)
        self.targets_panel = TargetsPanel(self.state, self)
        self.layers_dock = self._dock("layers", self.layers_panel, Qt.LeftDockWidgetArea)
        self.region_dock = self._dock("region", self.region_panel, Qt.RightDockWidgetArea)
        self.targets_dock = self._dock("targets", self.targets_panel, Qt.BottomDockWidgetArea)
        self.region_picker = RegionPicker(self.state, self)
        self.toolbar = self.addToolBar("regions")
        self.toolbar.setObjectName("toolbar_regions")
        self.toolbar.addWidget(self.region_picker)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self, menu: QMenu, slot: Callable, shortcut=None, checkable: bool = False
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.import_action = self._action(self.file_menu, self.import_targets, "Ctrl+I")
        self.import_boundaries_action = self._action(self.file_menu, self.import_boundaries)
        self.file_menu.addActions(list(self.plans.actions))
        self.file_menu.addActions(list(self.progress_actions.actions))
        self.file_menu.addSeparator()
        self.file_menu.addActions(list(self.exports.actions))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.workspace.action)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close, QKeySequence.Quit)
        self.view_menu = bar.addMenu("")
        self._build_view_menu(self.view_menu)
        self.boundaries_menu = bar.addMenu("")
        self.versions_action = self._action(self.boundaries_menu, self.show_versions)
        self.help_menu = bar.addMenu("")
        self.about_action = self._action(self.help_menu, self.show_about, QKeySequence.HelpContents)
        self._sync_checks()

    def _build_view_menu(self, menu: QMenu) -> None:
        """Provinces (the featured ones, the national view, any), zoom to fit, language, panels."""
        self.province_group = QActionGroup(self)
        # none is checked while a province without a shortcut is shown
        self.province_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.province_actions: dict[str, QAction] = {}
        for i, code in enumerate(province_choices(), start=1):
            action = self._action(
                menu, lambda _=False, c=code: self._show_province(c), f"Ctrl+{i}", True
            )
            self.province_group.addAction(action)
            self.province_actions[code] = action
        self.choose_province_action = self._action(menu, self.choose_province, "Ctrl+P")
        menu.addSeparator()
        self.fit_action = self._action(
            menu, lambda: self.controller.rebuild(keep_view=False), "Ctrl+0"
        )
        menu.addSeparator()
        self.language_group = QActionGroup(self)
        self.language_actions = {
            lang: self._action(
                menu, lambda _=False, lg=lang: self.state.set_language(lg), checkable=True
            )
            for lang in LANGUAGES
        }
        for action in self.language_actions.values():
            self.language_group.addAction(action)
        menu.addSeparator()
        self.panel_actions = [
            menu.addAction(d.toggleViewAction())
            for d in (self.layers_dock, self.region_dock, self.targets_dock)
        ]

    def retranslate(self) -> None:
        """Set every text of the window in the current language."""
        self._set_title()
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import targets (CSV/Excel)..."))
        self.import_boundaries_action.setText(self.tr("Import &boundaries..."))
        self.exports.retranslate()
        self.plans.retranslate()
        self.progress_actions.retranslate()
        self.workspace.retranslate()
        self.boundaries_menu.setTitle(self.tr("&Boundaries"))
        self.versions_action.setText(self.tr("Boundary &versions..."))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        for code, action in self.province_actions.items():
            action.setText(self._province_label(code))
        self.choose_province_action.setText(self.tr("&Choose province..."))
        self.fit_action.setText(self.tr("Zoom to &province"))
        self.language_actions["zh"].setText("中文")
        self.language_actions["en"].setText("English")
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Infra Atlas"))
        self.layers_dock.setWindowTitle(self.tr("Layers"))
        self.region_dock.setWindowTitle(self.tr("Region"))
        self.targets_dock.setWindowTitle(self.tr("Targets"))

    def _set_title(self) -> None:
        """Name the province shown, then the app, in the window's title."""
        app = self.tr("Infra Atlas - new infrastructure plans")
        self.setWindowTitle(f"{self._province_label(self.state.province)} - {app}")

    def _province_label(self, code: str) -> str:
        """Name a province in the window's language (from the region catalogue)."""
        if code == NATIONAL:
            return self.tr("China (national view)")
        return region_name(code, self.state.language)

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802 - Qt API
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _wire(self) -> None:
        state, controller = self.state, self.controller
        controller.busy.connect(self.progress.setVisible)
        controller.built.connect(self._on_built)
        controller.built.connect(self.exports.show_metrics)  # names the view's default title
        controller.style_shown.connect(self.layers_panel.show_style)
        controller.ready.connect(self._on_map_ready)
        connect_event(self, state.province_changed, self._on_province_changed)
        connect_event(self, state.language_changed, self._on_language)
        connect_event(self, state.region_selected, self._show_selection)
        self.region_panel.source_requested.connect(self.show_source)
        self.region_panel.target_activated.connect(state.select_target)
        self.region_panel.add_figure_requested.connect(self.progress_actions.add_figure)
        self.targets_panel.source_requested.connect(self.show_source)
        self.state_notice.repaired.connect(self._on_state_repaired)

    def _sync_checks(self) -> None:
        """Check the province shown (none when it has no menu item) and the language."""
        for code, action in self.province_actions.items():
            action.setChecked(code == self.state.province)
        self.language_actions[self.state.language].setChecked(True)

    # ----------------------------------------------------------------- reactions
    def _on_built(self, result: dict) -> None:
        offered = [(m["id"], m["label_en"], m["label_zh"]) for m in result["metrics"]]
        self.layers_panel.set_metrics(offered)
        self.region_picker.set_regions(result["regions"])

    def _on_map_ready(self) -> None:
        remember_page(self.map, self.state.province, self.state.language)  # for the next start
        code = self.state.selected_region
        if code:
            self._show_details(code, then=self.view_ready.emit)
        else:
            self.view_ready.emit()

    def _on_province_changed(self, _province: str) -> None:
        self._sync_checks()
        self._set_title()
        self.region_panel.show_details(None)

    def _on_language(self, language: str) -> None:
        install_language(QApplication.instance(), language)  # retranslates every widget
        self.retranslate()  # (the province names follow the state even if Qt's language did not)
        self._sync_checks()
        self._show_selection(self.state.selected_region)

    def _show_selection(self, adcode: str | None) -> None:
        if adcode is None:
            self.region_panel.show_details(None)
        else:
            self._show_details(adcode)

    def _show_details(self, adcode: str, then: Callable[[], None] | None = None) -> None:
        """Fill the region panel (the layer may need loading, so off the GUI thread)."""

        def show(details) -> None:
            if self.state.selected_region == adcode:
                self.region_panel.show_details(details)
                self.region_dock.raise_()
            if then is not None:
                then()

        def failed(message: str, expected: bool) -> None:
            self.notifier.error(message, expected)

        state = self.state
        worker = Worker(self.data.details, adcode, state.province, state.level)
        run_worker(self._workers, worker, show, failed)

    # ----------------------------------------------------------------- actions
    def _show_province(self, code: str) -> None:
        """Show a province of the menu (its item stays checked even when clicked again)."""
        self.state.set_province(code)
        self._sync_checks()

    def choose_province(self) -> None:
        """Open View > Choose province: the layers panel's searchable province picker."""
        self.layers_dock.show()
        self.layers_dock.raise_()
        self.layers_panel.province_picker.open_search()

    def _on_plans_changed(self) -> None:
        """Show the targets of the visible plans (one was stored, hidden, shown or removed)."""
        self.data.reload_plans()
        self.targets_panel.set_targets(self.data.targets)
        self._show_progress()
        self.controller.rebuild()

    def _on_state_repaired(self, _done: list) -> None:
        """Read the repaired boundaries and plans again and redraw the map."""
        self.data.reload_boundaries()
        self._on_plans_changed()

    def _show_progress(self) -> None:
        """Show the targets' progress in the targets table and the region panel."""
        rows = self.data.progress()
        self.targets_panel.set_progress(rows)
        self.region_panel.set_progress(rows, self.data.observations)

    def import_targets(self, path: str | None = None) -> None:
        """Import the planner's own targets from a CSV or Excel sheet."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import targets"),
                str(Path.home()),
                self.tr("Tables (*.csv *.xlsx);;All files (*)"),
            )
        if not path:
            return
        try:
            result = self.data.import_targets(path)
        except InfraAtlasError as exc:
            self.notifier.error(exc, True)
            return
        except Exception as exc:  # noqa: BLE001 - routed through the notifier
            self.notifier.error(repr(exc), False)
            return
        self._on_plans_changed()
        summary = self.tr("Imported {0} targets from {1}").format(
            len(result.targets), result.source
        )
        self.notifier.info(summary)
        if result.errors and not self.notifier.quiet:
            said = (self.tr("line {0}: {1}").format(n, in_language(m)) for n, m in result.errors)
            lines = "\n".join(said)
            plain_message_box(
                self, self.tr("Import report"), f"{summary}\n\n{lines}", QMessageBox.Information
            )

    def import_boundaries(self, path: str | None = None):
        """Open the boundary import dialog (on ``path`` when a file was dropped)."""
        from desktop.dialogs.import_boundaries import ImportBoundariesDialog

        province = None if self.state.national else self.state.province
        dialog = ImportBoundariesDialog(path or None, province, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.stored.connect(self._on_boundaries_stored)
        dialog.show()
        return dialog

    def show_versions(self):
        """Open Boundaries > Boundary versions."""
        from desktop.dialogs.versions import VersionsDialog

        dialog = VersionsDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.activated.connect(self._on_boundaries_changed)
        dialog.show()
        return dialog

    def _on_boundaries_stored(self, info) -> None:
        """Show the province and level of a version just imported, with its boundaries."""
        self.data.reload_boundaries()  # before any rebuild the state changes below start
        self.notifier.info(
            self.tr("Boundary version {0} ({1}) stored and shown").format(info.version, info.source)
        )
        if info.level == "province":
            self.state.set_province(NATIONAL)
        elif info.province in all_provinces():
            self.state.set_province(info.province)
            if info.level in province_levels(info.province):
                self.state.set_level(info.level)
        self._on_boundaries_changed()

    def _on_boundaries_changed(self, message: str | None = None) -> None:
        """Forget the loaded layers and redraw the map with the active boundary versions."""
        self.data.reload_boundaries()
        if message:
            self.notifier.info(message)
        self.controller.rebuild(keep_view=False)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Accept a dragged boundary file."""
        if _dropped_boundary_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Open the import dialog on a dropped boundary file."""
        path = _dropped_boundary_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.import_boundaries(path)
        else:
            event.ignore()

    def show_source(self, file: str, quote: str) -> DocumentDialog:
        """Open the plan document at the quoted sentence, highlighted."""
        from desktop.dialogs.document import DocumentDialog

        dialog = DocumentDialog(file, quote, self)
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        """Show Help > About."""
        from desktop.dialogs.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.show()
        return dialog

    # ----------------------------------------------------------------- settings
    def restore_settings(self) -> None:
        """Restore the window geometry and dock layout saved last time."""
        s = settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        layout = s.value("window/state")
        if isinstance(layout, QByteArray):
            self.restoreState(layout)

    def save_settings(self) -> None:
        """Save the window geometry, dock layout, province and language."""
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("view/province", self.state.province)
        s.setValue("view/language", self.state.language)
        s.setValue("view/metric", self.state.metric)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Remember the window and the last view; stop looking at a shared workspace."""
        self.save_settings()
        self.workspace.stop()
        super().closeEvent(event)

    def screenshot(
        self,
        path: str | Path,
        delay_ms: int = 0,
        on_saved: Callable | None = None,
        on_failed: Callable[[str], None] | None = None,
    ) -> None:
        """Save the whole window to a PNG once Qt has the map's painted frame.

        Call it on ``view_ready``: the page reports ready two animation frames after it was
        drawn, but the frame reaches Qt a little later, and then not always at once; the map
        view is grabbed (after ``delay_ms``, then every 5 ms) until it is not blank, then the
        window. ``on_saved(path)`` is called once the PNG is written, ``on_failed(message)`` when
        it cannot be.
        """

        def unpainted() -> None:
            self.notifier.error(self.tr("The map has not been drawn yet: try again"), True)
            shoot()

        def shoot(_map_image: QImage | None = None) -> None:
            target = Path(path)
            try:
                with atomic_path(target, ".png") as tmp:  # complete or not at all
                    save_png(self.grab().toImage(), tmp)  # opaque RGB, quickly deflated
            except OSError as exc:
                self.notifier.error(self.tr("Could not write {0}").format(str(target)), True)
                if on_failed:
                    on_failed(str(exc))
                return
            if on_saved:
                on_saved(target)

        QTimer.singleShot(delay_ms, lambda: grab_when_painted(self.map, shoot, unpainted))


def _dropped_boundary_file(mime) -> str | None:
    """Return the local boundary file a drag carries (one file of a known type), or None."""
    from geodata.boundaries.importer.sources import SUFFIXES

    urls = [u for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
    if len(urls) != 1:
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).suffix.lower() in SUFFIXES else None
