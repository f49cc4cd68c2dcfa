"""File > Export view / Export figure / Region report, run off the GUI thread.

The main window creates one :class:`ExportActions` and puts its actions in the File menu. Each
action asks with :class:`~desktop.dialogs.export.ExportDialog`, then writes the file in a
:class:`~desktop.workers.Worker` thread (the window stays responsive) and reports through the
notifier and a small non-modal notice with "Open file" and "Show in folder". It needs the
state, the data, the map view and the notifier, never the window. The figures and reports
themselves come from :class:`~geodata.atlas.AtlasData`, in the window's language; this module
only gathers what the window shows.

A view image is the map as drawn without what is only there to be clicked: the page is drawn
again offscreen (:class:`ViewRenderer`) with Leaflet's controls hidden, the legend kept when
asked for and the user's title on top (plain text); the live window is never touched.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QObject,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.map.freshgrab import grab_fresh
from desktop.map.view import MapView
from desktop.notify import Notifier
from desktop.panels import connect_event
from desktop.state import AppState
from desktop.workers import Worker, run_worker
from geodata.errors import InputError
from geodata.i18n import tr as engine_text  # (not ``tr``: lupdate would collect it)
from geodata.paths import atomic_path
from geodata.plan.provinces import profile
from geodata.vocab import NATIONAL

if TYPE_CHECKING:
    from desktop.dialogs.export import ExportRequest
    from geodata.atlas import AtlasData

#: Screen resolution assumed for the DPI written into view images (CSS pixels).
SCREEN_DPI = 96
#: How long a 2x/3x re-render may take to load before the export gives up (ms).
RENDER_TIMEOUT_MS = 60_000
#: How often to ask the offscreen page whether it has finished drawing (ms).
RENDER_POLL_MS = 100
#: How long to wait for finer boundaries and basemap tiles before grabbing what is drawn (ms).
SETTLE_WAIT_MS = 10_000

#: What the live page shows beyond its document: the view, and what the app changed since.
SNAPSHOT_JS = """JSON.stringify((function (A) {
  return {view: JSON.parse(A.getView()), style: A.style, layers: A.layers, lang: A.lang,
          selected: A.selected, detail: A.D.lod ? A.detailLevel : null,
          highlighted: A.highlighted.map(function (l) { return l.feature.properties.adcode; })};
})(InfraAtlas))"""

#: Show a snapshot in a freshly loaded page of the same document (the view last: selecting
#: does not pan, but restyling and toggling must not move the map either way).
APPLY_JS = """(function (A, s) {
  A.setStyle(s.style);
  Object.keys(s.layers).forEach(function (k) {
    if (!!A.layers[k] !== !!s.layers[k]) { A.setLayerVisible(k, s.layers[k]); }
  });
  if (A.lang !== s.lang) { A.setLanguage(s.lang); }
  A.selectRegion(s.selected, false);
  A.clearHighlight();
  A.highlighted = s.highlighted.map(function (c) { return A.byCode[c]; }).filter(Boolean);
  A.reapplyHighlight();
  A.setView(s.view.lat, s.view.lng, s.view.zoom);
  return true;
})(InfraAtlas, %s)"""

#: Whether the finer boundaries of the live page, the basemap tiles and the title's font have
#: arrived.
SETTLED_JS = """(function (A, detail) {
  var tiles = document.querySelectorAll('img.leaflet-tile:not(.leaflet-tile-loaded)').length;
  return (detail === null || A.detailLevel >= detail) && tiles === 0
    && window.atlasExportDressed !== false;
})(InfraAtlas, %s)"""

#: What an exported view keeps of Leaflet's controls: the scale bar (part of the map).
KEPT_CONTROLS = (".leaflet-control-scale",)
#: The title band at the top of an exported view (over the map, in the page's font).
TITLE_CSS = """.atlas-export-title {
  position: absolute; top: 0; left: 0; right: 0; z-index: 1001; pointer-events: none;
  padding: 8px 16px; background: rgba(255, 255, 255, 0.92); color: #1a1a1a;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); text-align: center; font-family: inherit;
  font-size: 20px; line-height: 26px; font-weight: 700; white-space: pre-wrap;
  overflow-wrap: anywhere;
}"""

#: Dress the offscreen page for the image: hide the controls (CSS), keep a basemap's credit
#: without Leaflet's, add the title as text (never markup). A title waits for its font.
DRESS_JS = """(function (A, o) {
  var style = document.createElement('style');
  style.id = 'atlas-export-style';
  style.textContent = o.css;
  document.head.appendChild(style);
  if (o.credit && A.map.attributionControl) { A.map.attributionControl.setPrefix(false); }
  window.atlasExportDressed = true;
  if (o.title) {
    var title = document.createElement('div');
    title.className = 'atlas-export-title';
    title.textContent = o.title;
    A.map.getContainer().appendChild(title);
    if (document.fonts) {
      window.atlasExportDressed = false;
      var done = function () { window.atlasExportDressed = true; };
      var css = getComputedStyle(title);
      document.fonts.load(css.fontWeight + ' ' + css.fontSize + ' ' + css.fontFamily, o.title)
        .then(done, done);
    }
  }
  return true;
})(InfraAtlas, %s)"""


def export_css(legend: bool, credit: bool) -> str:
    """Return the style sheet of an exported view.

    Parameters
    ----------
    legend : bool
        Keep the map's legend.
    credit : bool
        Keep the attribution control (an online basemap's tiles must credit their provider).
    """
    kept = KEPT_CONTROLS + ((".atlas-legend",) if legend else ())
    kept += (".leaflet-control-attribution",) if credit else ()
    nots = "".join(f":not({k})" for k in kept)
    hidden = (
        f".leaflet-control-container .leaflet-control{nots}",
        f".leaflet-control-container .leaflet-bar{nots}",
    )
    return f"{', '.join(hidden)} {{ display: none !important; }}\n{TITLE_CSS}"


def save_view_image(image: QImage, size: QSize, path: Path, dpi: int) -> Path:
    """Scale a grabbed view to ``size`` and write it as PNG with ``dpi`` in its metadata.

    Runs in a worker thread (QImage is reentrant). The file is written next to ``path`` and
    renamed, so a failed export never leaves half a file.

    Raises
    ------
    InputError
        When the PNG cannot be written.
    """
    if image.size() != size:
        image = image.scaled(size, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    with atomic_path(path, ".png") as tmp:
        if not image.save(str(tmp), "PNG"):
            raise InputError(f"could not write {path}: check that the folder is writable")
    return path


class ViewRenderer(QObject):
    """Draw the live map again, in an offscreen page, at ``scale`` times its resolution.

    The image shows the map as drawn, not the window's controls: the zoom buttons, the credit,
    any layer switch or button are hidden in the offscreen page (the live one keeps them), the
    legend stays when ``legend`` is True, and ``title`` is added at the top as plain text.

    Grabbing the screen and scaling it up only blurs it. Instead a hidden :class:`MapView`
    (same page class, profile, interceptor and bridge as the live one) loads the same map
    document with Chromium's zoom factor at ``scale`` and a widget ``scale`` times larger: the
    CSS viewport is the live one's, so the same centre and zoom show the same area, while text,
    lines and the canvas are rasterised at ``scale`` device pixels per CSS pixel. The live
    page's view, style, layers, language and highlight are copied over once it is ready.
    Everything runs on signals and timers; the GUI never waits.

    Parameters
    ----------
    live : MapView
        The window's map.
    scale : int
        1, 2 or 3 device pixels per CSS pixel.
    parent : QObject, optional
    legend : bool
        Keep the map's legend.
    title : str
        Plain text drawn at the top ("" for none).
    keep_page : bool
        Keep the offscreen page (:attr:`view`) after drawing, to look into it; :meth:`release`
        deletes it. By default it is deleted at once.

    Signals
    -------
    rendered(QImage)
        The drawn view (``scale`` times the live widget's size on a 1x screen).
    failed(str)
        The page could not be drawn (the message for the user).
    """

    rendered = Signal(QImage)
    failed = Signal(str)

    def __init__(
        self,
        live: MapView,
        scale: int,
        parent: QObject | None = None,
        *,
        legend: bool = True,
        title: str = "",
        keep_page: bool = False,
    ) -> None:
        super().__init__(parent)
        self.live = live
        self.scale = scale
        self.legend = legend
        self.title = title
        self.keep_page = keep_page
        self.css_size = live.size()
        self.view: MapView | None = None
        self._snapshot: dict | None = None
        self._done = False
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(self._on_timeout)
        self._settling = QElapsedTimer()

    def start(self) -> None:
        """Read the live page's state, then load the offscreen page."""
        self._timeout.start(RENDER_TIMEOUT_MS)
        self.live.map_page.runJavaScript(SNAPSHOT_JS, 0, self._on_snapshot)

    def _on_snapshot(self, result: object) -> None:
        if self._done:
            return
        try:
            self._snapshot = json.loads(str(result))
        except ValueError:
            self._finish(self._still_loading())
            return
        path = self.live.current_path
        if path is None:
            self._finish(self._still_loading())
            return
        view = MapView()
        self.view = view
        view.setAttribute(Qt.WA_DontShowOnScreen, True)  # drawn, never on the screen
        view.setAttribute(Qt.WA_QuitOnClose, False)
        view.set_allow_remote(self.live.interceptor.allow_remote)
        view.show()
        # Aim at scale device pixels per CSS pixel whatever the screen's own ratio.
        zoom = self.scale / view.devicePixelRatioF()
        view.setZoomFactor(zoom)
        view.resize(round(self.css_size.width() * zoom), round(self.css_size.height() * zoom))
        view.loadFinished.connect(self._on_loaded)
        view.map_ready.connect(self._on_ready)
        view.load_map(path)

    def _on_loaded(self, ok: bool) -> None:
        if not ok and not self._done:
            self._finish(self._not_drawn())

    def _on_ready(self) -> None:
        if self._done or self.view is None:
            return
        code = APPLY_JS % json.dumps(self._snapshot)
        self.view.map_page.runJavaScript(code, 0, lambda _ok: self._dress())
        self._settling.start()

    def _dress(self) -> None:
        """Hide the controls, keep or hide the legend, add the title; then wait for the map."""
        if self._done or self.view is None:
            return
        credit = bool(self.live.interceptor.allow_remote)  # tiles drawn: credit their source
        dress = {"css": export_css(self.legend, credit), "credit": credit, "title": self.title}
        code = DRESS_JS % json.dumps(dress)
        self.view.map_page.runJavaScript(code, 0, lambda _ok: self._poll_settled())

    def _poll_settled(self) -> None:
        if self._done or self.view is None:
            return
        if self._settling.elapsed() > SETTLE_WAIT_MS:  # draw what has arrived
            self._settled(True)
            return
        code = SETTLED_JS % json.dumps(self._snapshot.get("detail"))
        self.view.map_page.runJavaScript(code, 0, self._settled)

    def _settled(self, settled: object) -> None:
        if self._done or self.view is None:
            return
        if settled is True:
            grab_fresh(
                self.view,
                self._on_grabbed,
                lambda: self._finish(self._not_drawn()),
                alive=lambda: not self._done and self.view is not None,
            )
        else:
            QTimer.singleShot(RENDER_POLL_MS, self, self._poll_settled)

    def _on_grabbed(self, image: QImage) -> None:
        self._finish(None, image)

    def _on_timeout(self) -> None:
        if not self._done:
            self._finish(self._not_drawn())

    # The export action's own messages (and their translations).
    @staticmethod
    def _still_loading() -> str:
        return QCoreApplication.translate(
            "ExportActions", "The map is still loading: export the view once it is drawn"
        )

    @staticmethod
    def _not_drawn() -> str:
        return QCoreApplication.translate(
            "ExportActions", "The map has not been drawn yet: try the export again"
        )

    def _finish(self, message: str | None, image: QImage | None = None) -> None:
        """Report once, and delete the offscreen page (unless asked to keep it)."""
        if self._done:
            return
        self._done = True
        self._timeout.stop()
        if not self.keep_page:
            self.release()
        if image is not None:
            self.rendered.emit(image)
        else:
            self.failed.emit(message or "")

    def release(self) -> None:
        """Delete the offscreen page."""
        view, self.view = self.view, None
        if view is not None:
            view.hide()
            view.deleteLater()


def write_figure(
    data: Any,
    province: str,
    level: str,
    options: Any,
    request: ExportRequest,
    language: str | None = None,
) -> Path:
    """Build and save a print figure (worker thread).

    The figure is in ``language`` (the window's) whatever ``options`` say; a national figure
    carries the request's approval number and disclaimer.
    """
    from geodata.printing.output import save_figure

    if language is not None:
        options = dataclasses.replace(options, language=language)
    extra = {}
    if province == NATIONAL:
        extra = {"approval": request.approval, "disclaimer": request.disclaimer}
    fig = data.figure(province, level, options, request.page, request.orientation, **extra)
    return save_figure(fig, request.path, request.dpi)


def write_report(
    data: Any, adcode: str, province: str, level: str, language: str, request: ExportRequest
) -> Path:
    """Write a region report in ``language`` (the window's) (worker thread)."""
    return data.region_report(adcode, request.path, province, level, language=language)


class ExportActions(QObject):
    """The export actions of a main window: Export view, Export figure, Region report.

    Parameters
    ----------
    state : AppState
        What is shown (province, level, metric, selection...).
    data : AtlasData
        Draws the figures and writes the reports.
    view : MapView
        The live map (exported as shown).
    notifier : Notifier
        Reports progress and errors.
    parent : QWidget
        Owns the actions and the export dialog.

    Attributes
    ----------
    actions : tuple of QAction
        The three actions, for the File menu.
    notice : QMessageBox or None
        The last "Exported ..." notice (non-modal, with "Open file" and "Show in folder").
    open_url : callable
        Opens a URL with the desktop's program for it (:meth:`QDesktopServices.openUrl`); a
        seam where tests put a recorder instead of launching programs.

    Signals
    -------
    exported(str)
        A file was written (its path).
    failed(str)
        An export failed (the message shown to the user).
    """

    exported = Signal(str)
    failed = Signal(str)

    open_url: Callable[[QUrl], bool] = staticmethod(lambda url: QDesktopServices.openUrl(url))
    # (a lambda: staticmethod() of a PySide function copies its __doc__, which PySide makes on
    # demand with its signature tools: about 20 ms of every start)

    def __init__(
        self,
        state: AppState,
        data: AtlasData,
        view: MapView,
        notifier: Notifier,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.data = data
        self.view = view
        self.notifier = notifier
        self.parent_widget = parent
        self._workers: set[Worker] = set()
        self._renderers: set[ViewRenderer] = set()
        self.notice: QMessageBox | None = None
        self._metrics: dict[str, dict] = {}
        self.view_action = self._action(self.export_view, "Ctrl+E")
        self.figure_action = self._action(self.export_figure, "Ctrl+Shift+E")
        self.report_action = self._action(self.export_report)
        self.actions = (self.view_action, self.figure_action, self.report_action)
        for event in (state.region_selected, state.province_changed, state.level_changed):
            connect_event(self, event, lambda *_: self._sync_enabled())
        self._sync_enabled()
        self.retranslate()

    def _action(self, slot: Callable, shortcut: str | None = None) -> QAction:
        action = QAction(self.parent_widget)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action

    def _sync_enabled(self) -> None:
        self.report_action.setEnabled(self.state.selected_region is not None)

    def retranslate(self) -> None:
        """Set the actions' texts in the current language."""
        self.view_action.setText(self.tr("Export &view..."))
        self.figure_action.setText(self.tr("Export &figure..."))
        self.report_action.setText(self.tr("&Region report..."))
        self.report_action.setStatusTip(self.tr("Select a region first"))

    # ----------------------------------------------------------------- asking
    def _base_name(self, suffix: str = "") -> str:
        state = self.state
        province = "china" if state.national else profile(state.province).slug or state.province
        metric = state.metric.replace(":", "-").replace("|", "-").replace("/", "-")
        return f"infra-atlas-{province}-{suffix or metric}"

    def default_title(self) -> str:
        """Return the view's title as the window shows it: the province, then the metric."""
        state = self.state
        language = state.language
        if state.national:
            place = engine_text("figure.china", language)
        else:
            from desktop.i18n import region_name

            place = region_name(state.province, language)
        return f"{place} · {self._metric_label()}"

    def show_metrics(self, built: dict) -> None:
        """Keep the names of the metrics a map offers (the controller's ``built`` result)."""
        self._metrics = {str(m["id"]): dict(m) for m in built.get("metrics", [])}

    def _metric_label(self) -> str:
        """Return the shown metric's name in the window's language (its id when unknown)."""
        state = self.state
        metrics = dict(self._metrics)
        if state.metric not in metrics:  # not told: the bundle of the view shown, if cached
            try:  # (file reads only: fine on the GUI thread)
                bundle = self.data.cached_view(state.province, state.level, state.map_options())
            except (OSError, ValueError):
                bundle = None
            metrics = {str(m["id"]): m for m in (bundle or {}).get("metrics", [])}
        metric = metrics.get(state.metric, {})
        label = metric.get(f"label_{state.language}") or metric.get("label_en")
        return str(label or state.metric)

    def ask(self, kind: str, base_name: str) -> ExportRequest | None:
        """Show the export dialog; return the request, or None when cancelled."""
        from desktop.dialogs.export import ExportDialog  # when asked: not at start-up

        title = self.default_title() if kind == "view" else ""
        dialog = ExportDialog(
            kind, base_name, self.parent_widget, title=title, national=self.state.national
        )
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.request

    # ----------------------------------------------------------------- exports
    def export_view(self, request: ExportRequest | None = None) -> bool:
        """Save the map as drawn at 1x, 2x or 3x the screen size (PNG), without its controls.

        The view is drawn again offscreen at that resolution (:class:`ViewRenderer`), so text
        and borders stay sharp (an upscaled screen grab is blurred) and the zoom buttons and
        credit can be left out without touching the window; the legend stays when the request
        asks for it, and its title is drawn at the top.

        Returns
        -------
        bool
            True when an export started.
        """
        view = self.view
        if request is None:
            request = self.ask("view", self._base_name("view"))
            if request is None:
                return False
        if not view.is_ready:
            self._fail(self.tr("The map is still loading: export the view once it is drawn"))
            return False
        size = QSize(view.width() * request.scale, view.height() * request.scale)
        dpi = SCREEN_DPI * request.scale

        def save(image: QImage) -> None:
            self._start(save_view_image, image, size, request.path, dpi)

        renderer = ViewRenderer(
            view, request.scale, self, legend=request.legend, title=request.title
        )
        self._renderers.add(renderer)

        def done() -> None:
            self._renderers.discard(renderer)
            renderer.deleteLater()

        renderer.rendered.connect(lambda image: (done(), save(image)))
        renderer.failed.connect(lambda message: (done(), self._fail(message)))
        self.notifier.info(self.tr("Exporting..."))
        renderer.start()
        return True

    def export_figure(self, request: ExportRequest | None = None) -> bool:
        """Write a print figure of the layer shown with the current metric and style."""
        if request is None:
            request = self.ask("figure", self._base_name())
            if request is None:
                return False
        state = self.state
        options = state.map_options()
        self._start(
            write_figure, self.data, state.province, state.level, options, request, state.language
        )
        return True

    def export_report(self, request: ExportRequest | None = None) -> bool:
        """Write the one-page PDF report of the selected region."""
        state = self.state
        adcode = state.selected_region
        if adcode is None:
            self._fail(self.tr("Select a region first (click it on the map)"))
            return False
        if request is None:
            request = self.ask("report", self._base_name(adcode))
            if request is None:
                return False
        self._start(
            write_report, self.data, adcode, state.province, state.level, state.language, request
        )
        return True

    def _start(self, function: Callable, *args: Any) -> None:
        self.notifier.info(self.tr("Exporting..."))

        def finished(path: object) -> None:
            self.notifier.info(self.tr("Exported {0}").format(str(path)), 10000)
            self.show_notice(Path(str(path)))
            self.exported.emit(str(path))

        def failed(message: str, expected: bool) -> None:
            self.notifier.error(message, expected)
            self.failed.emit(message)

        run_worker(self._workers, Worker(function, *args), finished, failed)

    def _fail(self, message: str) -> None:
        self.notifier.error(message, True)
        self.failed.emit(message)

    # ----------------------------------------------------------------- after writing
    def show_notice(self, path: Path) -> QMessageBox:
        """Say where ``path`` was written, with "Open file" and "Show in folder" (non-modal)."""
        if self.notice is not None:
            self.notice.close()  # one notice at a time: the last export's
        box = QMessageBox(
            QMessageBox.Information,
            self.tr("Export"),
            self.tr("Exported {0}").format(str(path)),
            QMessageBox.Close,
            self.parent_widget,
        )
        box.setTextFormat(Qt.PlainText)  # a file name is never markup
        box.setWindowModality(Qt.NonModal)
        box.setAttribute(Qt.WA_DeleteOnClose)
        open_file = box.addButton(self.tr("&Open file"), QMessageBox.ActionRole)
        show_folder = box.addButton(self.tr("Show in &folder"), QMessageBox.ActionRole)
        open_file.clicked.connect(lambda: self.open_file(path))
        show_folder.clicked.connect(lambda: self.show_in_folder(path))
        box.destroyed.connect(lambda: self._forget_notice(box))
        self.notice = box
        box.show()
        return box

    def _forget_notice(self, box: QMessageBox) -> None:
        if self.notice is box:
            self.notice = None

    def open_file(self, path: Path) -> None:
        """Open a written file with the desktop's program for it."""
        self.open_url(QUrl.fromLocalFile(str(path)))

    def show_in_folder(self, path: Path) -> None:
        """Open the folder of a written file in the file manager."""
        self.open_url(QUrl.fromLocalFile(str(path.parent)))
