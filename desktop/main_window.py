"""The main window: composes the map and the panels and wires their signals. No GIS logic here."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from desktop.appsettings import settings  # noqa: F401 - the app settings, re-exported
from desktop.export_actions import ExportActions, grab_when_painted
from desktop.icons import app_icon
from desktop.map_view import MapView
from desktop.notify import Notifier, plain_message_box
from desktop.panels.layers import LayersPanel
from desktop.panels.region import RegionPanel
from desktop.panels.region_picker import RegionPicker
from desktop.panels.targets import TargetsPanel
from desktop.state import PROVINCE_CHOICES, AppState
from desktop.workers import Worker, run_worker
from geodata.atlas import AtlasData
from geodata.drawing import MapOptions
from geodata.paths import atomic_path

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

    Signals
    -------
    map_built(str)
        A map document was written and is loading (its path).
    view_ready()
        The map is drawn, the selection applied, and the panels filled.
    """

    map_built = Signal(str)
    view_ready = Signal()

    def __init__(
        self, state: AppState, data: AtlasData, quiet: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.data = data
        self.setWindowIcon(app_icon())
        self.resize(1400, 900)
        self.map = MapView(self)
        self.setCentralWidget(self.map)
        self.layers_panel = LayersPanel(state, self)
        self.region_panel = RegionPanel(state, self)
        self.targets_panel = TargetsPanel(state, self)
        self.layers_dock = self._dock("layers", self.layers_panel, Qt.LeftDockWidgetArea)
        self.region_dock = self._dock("region", self.region_panel, Qt.RightDockWidgetArea)
        self.targets_dock = self._dock("targets", self.targets_panel, Qt.BottomDockWidgetArea)
        self.region_picker = RegionPicker(state, self)
        self.toolbar = self.addToolBar("regions")
        self.toolbar.setObjectName("toolbar_regions")
        self.toolbar.addWidget(self.region_picker)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.notifier = Notifier(self, self.statusBar(), quiet=quiet)
        self._build_counter = itertools.count(1)
        self._latest_build = 0
        self._workers: set[Worker] = set()
        self._build_menus()
        self.setAcceptDrops(True)  # a boundary file dropped anywhere opens the import dialog
        self.map.setAcceptDrops(False)  # (the web view would otherwise take the drop)
        self._wire()
        self.retranslate()
        self.targets_panel.set_targets(self.data.targets)

    # ----------------------------------------------------------------- composition
    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu, slot: Callable, shortcut=None, checkable: bool = False) -> QAction:
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
        self.file_menu.addSeparator()
        self.exports = ExportActions(self, self.file_menu)  # Export view / figure / report
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close, QKeySequence.Quit)
        self.view_menu = bar.addMenu("")
        self.province_group = QActionGroup(self)
        self.province_actions: dict[str, QAction] = {}
        for i, code in enumerate(PROVINCE_CHOICES, start=1):
            action = self._action(
                self.view_menu,
                lambda _=False, c=code: self.state.set_province(c),
                f"Ctrl+{i}",
                checkable=True,
            )
            self.province_group.addAction(action)
            self.province_actions[code] = action
        self.view_menu.addSeparator()
        self.fit_action = self._action(self.view_menu, self.rebuild_map_fit, "Ctrl+0")
        self.view_menu.addSeparator()
        self.language_group = QActionGroup(self)
        self.language_actions = {
            lang: self._action(
                self.view_menu, lambda _=False, lg=lang: self.state.set_language(lg), checkable=True
            )
            for lang in ("zh", "en")
        }
        for action in self.language_actions.values():
            self.language_group.addAction(action)
        self.view_menu.addSeparator()
        self.panel_actions = [
            self.view_menu.addAction(d.toggleViewAction())
            for d in (self.layers_dock, self.region_dock, self.targets_dock)
        ]
        self.boundaries_menu = bar.addMenu("")
        self.versions_action = self._action(self.boundaries_menu, self.show_versions)
        self.help_menu = bar.addMenu("")
        self.about_action = self._action(self.help_menu, self.show_about, QKeySequence.HelpContents)
        self._sync_checks()

    def retranslate(self) -> None:
        """Set every text of the window in the current language."""
        self.setWindowTitle(self.tr("Infra Atlas - new infrastructure plans"))
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import targets (CSV/Excel)..."))
        self.import_boundaries_action.setText(self.tr("Import &boundaries..."))
        self.exports.retranslate()
        self.boundaries_menu.setTitle(self.tr("&Layers"))
        self.versions_action.setText(self.tr("Boundary &versions..."))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        names = {
            "140000": self.tr("Shanxi"),
            "330000": self.tr("Zhejiang"),
            "both": self.tr("Both provinces (national context)"),
        }
        for code, action in self.province_actions.items():
            action.setText(names[code])
        self.fit_action.setText(self.tr("Zoom to &province"))
        self.language_actions["zh"].setText("中文")
        self.language_actions["en"].setText("English")
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Infra Atlas"))
        self.layers_dock.setWindowTitle(self.tr("Layers"))
        self.region_dock.setWindowTitle(self.tr("Region"))
        self.targets_dock.setWindowTitle(self.tr("Targets"))

    def changeEvent(self, event) -> None:  # noqa: D102, N802 - Qt API
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _wire(self) -> None:
        s = self.state
        s.province_changed.connect(self._on_province_changed)
        s.level_changed.connect(lambda _lvl: self._on_layer_choice_changed())
        s.metric_changed.connect(lambda _m: self.restyle())
        s.classification_changed.connect(lambda *_: self.restyle())
        s.layers_changed.connect(self._on_layer_visibility)
        s.language_changed.connect(self._on_language)
        s.region_selected.connect(self._on_region_selected)
        s.target_selected.connect(self._on_target_selected)
        self.map.map_ready.connect(self._on_map_ready)
        self.map.region_clicked.connect(s.select_region)
        self.map.layer_toggled.connect(s.set_layer_visible)
        self.region_panel.source_requested.connect(self.show_source)
        self.region_panel.target_activated.connect(s.select_target)
        self.targets_panel.source_requested.connect(self.show_source)
        self.layers_panel.basemap_provider_changed.connect(lambda _p: self._basemap_changed())

    def _sync_checks(self) -> None:
        self.province_actions[self.state.province].setChecked(True)
        self.language_actions[self.state.language].setChecked(True)

    # ----------------------------------------------------------------- map building
    def map_options(self, keep_view: tuple[float, float, float] | None = None) -> MapOptions:
        """Return the map options for the current state."""
        return MapOptions(
            language=self.state.language,
            metric=self.state.metric,
            scheme=self.state.scheme,
            classes=self.state.classes,
            layers=dict(self.state.layers),
            basemap=self.layers_panel.basemap_provider,
            view=keep_view,
            selected=self.state.selected_region,
        )

    def rebuild_map(self, keep_view: bool = True) -> None:
        """Rebuild the map document off the GUI thread, keeping the zoom and centre."""
        if keep_view and self.map.is_ready:
            self.map.call("getView", callback=lambda v: self._start_build(_parse_view(v)))
        else:
            self._start_build(None)

    def rebuild_map_fit(self) -> None:
        """Rebuild the map and fit it to the layer."""
        self.rebuild_map(keep_view=False)

    def _start_build(self, view: tuple[float, float, float] | None) -> None:
        build = next(self._build_counter)
        self._latest_build = build
        self._busy(True, self.tr("Building the map..."))
        options = self.map_options()
        # A view built before loads at once (a file read); only a new one goes to a worker.
        cached = self.data.cached_view(self.state.province, self._level(), options)
        if cached is not None:
            self._on_built(build, cached, view)
            return
        self._run(
            self.data.prepare_view,
            self.state.province,
            self._level(),
            options,
            done=lambda result, b=build: self._on_built(b, result, view),
        )

    def _level(self) -> str:
        return self.state.level

    def _on_built(self, build: int, result: dict, view: tuple[float, float, float] | None) -> None:
        if build != self._latest_build:  # a newer build was started meanwhile
            return
        # Start Chromium first: the panels fill while it loads the page.
        self.map.set_allow_remote(bool(self.state.layers.get("basemap")))
        self.map.load_map(Path(result["path"]), view=view, selected=self.state.selected_region)
        offered = [(m["id"], m["label_en"], m["label_zh"]) for m in result["metrics"]]
        ids = [m[0] for m in offered]
        if self.state.metric not in ids:
            # the page already shows the fallback; record it so the panel and legend agree
            self.state.metric = "role" if "role" in ids else "plan_items"
        self.layers_panel.set_metrics(offered)
        self.region_picker.set_regions(result["regions"])
        self.map_built.emit(str(result["path"]))

    def _on_map_ready(self) -> None:
        # the page opened at the kept view, with the selection drawn (MapView.load_map)
        self._busy(False, self.tr("Map ready"))
        code = self.state.selected_region
        if code:
            self._show_details(code, then=self.view_ready.emit)
        else:
            self.view_ready.emit()
        # A view opened from the cache has not loaded its boundaries: load them (and write a big
        # layer's finer levels of detail) now, so the first click or metric switch is quick.
        # Not when quiet (screenshots, tests): the process may be about to exit.
        if not self.notifier.quiet:
            self._run(self.data.warm, self.state.province, self._level(), done=lambda _r: None)

    def restyle(self) -> None:
        """Recolour the map for the current metric and classes, without reloading geometry."""
        self._run(
            self.data.style,
            self.state.province,
            self._level(),
            self.state.metric,
            self.state.scheme,
            self.state.classes,
            done=lambda style: self.map.call("setStyle", style),
        )

    def _run(self, function: Callable, *args, done: Callable) -> None:
        def failed(message: str, expected: bool) -> None:
            self._busy(False)
            self.notifier.error(message, expected)

        run_worker(self._workers, Worker(function, *args), done, failed)

    def _busy(self, busy: bool, message: str | None = None) -> None:
        self.progress.setVisible(busy)
        if message:
            self.notifier.info(message)

    # ----------------------------------------------------------------- state reactions
    def _on_province_changed(self, _province: str) -> None:
        self._sync_checks()
        self.region_panel.show_details(None)
        self.rebuild_map(keep_view=False)

    def _on_layer_choice_changed(self) -> None:
        self.rebuild_map(keep_view=True)  # same province, another level: keep the view

    def _on_layer_visibility(self, layer: str, visible: bool) -> None:
        if layer == "basemap":
            self.rebuild_map()
        elif self.map.is_ready:
            self.map.call("setLayerVisible", layer, visible)

    def _basemap_changed(self) -> None:
        if self.state.layers.get("basemap"):
            self.rebuild_map()

    def _on_language(self, language: str) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.i18n import install_language

        install_language(QApplication.instance(), language)
        self._sync_checks()
        if self.map.is_ready:
            self.map.call("setLanguage", language)
        self._on_region_selected(self.state.selected_region)

    def _on_region_selected(self, adcode: str | None) -> None:
        if adcode is None:
            self.region_panel.show_details(None)
        else:
            self._show_details(adcode)
        if self.map.is_ready:
            self.map.call("selectRegion", adcode, True)

    def _show_details(self, adcode: str, then: Callable[[], None] | None = None) -> None:
        """Fill the region panel (the layer may need loading, so off the GUI thread)."""

        def show(details) -> None:
            if self.state.selected_region == adcode:
                self.region_panel.show_details(details)
                self.region_dock.raise_()
            if then is not None:
                then()

        self._run(self.data.details, adcode, self.state.province, self._level(), done=show)

    def _on_target_selected(self, target_id: str | None) -> None:
        target = self.data.target(target_id) if target_id else None
        if target is None or not self.map.is_ready:
            return
        if target.scope == "province":
            self.map.call("highlightProvince", target.province)
        else:
            self.map.call("highlightRegions", list(target.regions))
        self.notifier.info(f"{target.id}: {target.metric}")

    # ----------------------------------------------------------------- actions
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
        except Exception as exc:  # noqa: BLE001 - routed through the notifier
            from geodata.errors import InfraAtlasError

            self.notifier.error(
                str(exc) if isinstance(exc, InfraAtlasError) else repr(exc),
                isinstance(exc, InfraAtlasError),
            )
            return
        self.targets_panel.set_targets(self.data.targets)
        self.rebuild_map()
        summary = self.tr("Imported {0} targets from {1}").format(
            len(result.targets), result.source
        )
        if result.errors:
            lines = "\n".join(self.tr("line {0}: {1}").format(n, m) for n, m in result.errors)
            self.notifier.info(summary)
            if not self.notifier.quiet:
                plain_message_box(
                    self, self.tr("Import report"), f"{summary}\n\n{lines}", QMessageBox.Information
                )
        else:
            self.notifier.info(summary)

    def import_boundaries(self, path: str | None = None):
        """Open the boundary import dialog (on ``path`` when a file was dropped)."""
        from desktop.dialogs.import_boundaries import ImportBoundariesDialog

        province = self.state.province if self.state.province != "both" else None
        dialog = ImportBoundariesDialog(path or None, province, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.stored.connect(self._on_boundaries_stored)
        dialog.show()
        return dialog

    def show_versions(self):
        """Open Layers > Boundary versions."""
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
            self.state.set_province("both")
        elif info.province in ("140000", "330000"):
            self.state.set_province(info.province)
            self.state.set_level(info.level)
        self._on_boundaries_changed()

    def _on_boundaries_changed(self, message: str | None = None) -> None:
        """Forget the loaded layers and redraw the map with the active boundary versions."""
        self.data.reload_boundaries()
        if message:
            self.notifier.info(message)
        self.rebuild_map(keep_view=False)

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
        """Remember the window and the last view."""
        self.save_settings()
        super().closeEvent(event)

    def screenshot(
        self, path: str | Path, delay_ms: int = 0, on_saved: Callable | None = None
    ) -> None:
        """Save the whole window to a PNG once Qt has the map's painted frame.

        Call it on ``view_ready``: the page reports ready two animation frames after it was
        drawn, but the frame reaches Qt a little later, and then not always at once; the map
        view is grabbed (after ``delay_ms``, then every 5 ms) until it is not blank, then the
        window.
        """

        def unpainted() -> None:
            self.notifier.error(self.tr("The map has not been drawn yet: try again"), True)
            shoot()

        def shoot(_map_image: QImage | None = None) -> None:
            target = Path(path)
            try:
                with atomic_path(target, ".png") as tmp:  # complete or not at all
                    # opaque RGB, lightly compressed: written in a few tens of milliseconds
                    opaque = self.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
                    if not opaque.save(str(tmp), "PNG", 80):
                        raise OSError(f"Qt could not write {tmp}")
            except OSError:
                self.notifier.error(self.tr("Could not write {0}").format(str(target)), True)
                return
            if on_saved:
                on_saved(target)

        QTimer.singleShot(delay_ms, lambda: grab_when_painted(self.map, shoot, unpainted))


def _dropped_boundary_file(mime) -> str | None:
    """Return the local boundary file a drag carries (one file of a known type), or None."""
    from geodata.boundaries.importer.inspect import SUFFIXES

    urls = [u for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
    if len(urls) != 1:
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).suffix.lower() in SUFFIXES else None


def _parse_view(value: object) -> tuple[float, float, float] | None:
    try:
        view = json.loads(value) if isinstance(value, str) else None
        return (float(view["lat"]), float(view["lng"]), float(view["zoom"])) if view else None
    except (ValueError, KeyError, TypeError):
        return None
