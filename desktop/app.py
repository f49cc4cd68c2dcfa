"""Start the desktop app (or paint it to a PNG for ``infra-atlas gui --screenshot``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.errors import InputError

if TYPE_CHECKING:  # (Qt is imported only once the environment is set)
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow
    from desktop.map.view import MapView


def _prepare_environment(headless: bool) -> None:
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in flags:
        # Chromium refuses to run its sandbox as root; this only happens in containers and CI.
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()


def initial_state(province: str | None = None, select: str | None = None):
    """Return the :class:`~desktop.state.AppState` the app opens on (arguments, then settings).

    Parameters
    ----------
    province : str, optional
        Any of the 34 provinces (``anhui``, ``安徽``, an adcode), or ``both`` for the national
        view; the last one used when omitted (the first featured one if that is unknown).
    select : str, optional
        Adcode of a region to select once the map is drawn.
    """
    from desktop.appsettings import settings
    from desktop.i18n import system_language
    from desktop.state import AppState, all_provinces, default_level, province_choices
    from geodata.plan.provinces import profile
    from geodata.regions.names import normalise_code
    from geodata.vocab import LANGUAGES, NATIONAL

    saved = settings()
    if province is None:
        province = str(saved.value("view/province", province_choices()[0]))
        if province != NATIONAL and province not in all_provinces():
            province = province_choices()[0]
    else:
        province = _app_province(province)
    language = str(saved.value("view/language", system_language()))
    state = AppState(
        province=province,
        level=default_level(province),
        language=language if language in LANGUAGES else LANGUAGES[0],
        # each province opens on the map its profile names (Shanxi on its urban layout)
        metric=profile(province).default_metric,
    )
    if select is not None:
        code = normalise_code(select)
        if code is None:
            raise InputError(f"--select {select!r} is not an adcode: give 6 digits, e.g. 140100")
        state.selected_region = code
    return state


def check_screenshot(value: str) -> Path:
    """Return the PNG file ``--screenshot`` names, its folder made; refuse what cannot be written.

    Raises
    ------
    InputError
        When the name does not end in .png, names a folder, or its folder cannot be made or
        written (read-only, full, not a folder).
    """
    from geodata.paths import unwritable_reason

    out = Path(value)
    if not str(value).lower().endswith(".png"):
        raise InputError(f"--screenshot {value!r} must name a .png file")
    if out.is_dir():
        raise InputError(f"--screenshot {value!r} is a folder: name a .png file in it")
    reason = unwritable_reason(out.parent)
    if reason is not None:
        raise InputError(
            f"--screenshot {value!r} cannot be written: its folder {out.parent} cannot be made "
            f"or written ({reason}); choose a folder you can write to"
        )
    return out


def _app_province(value: str) -> str:
    """Return the adcode of the province (or the national view) given as asked.

    Raises
    ------
    InputError
        When the value names no province.
    """
    from geodata.regions.catalogue import resolve_province
    from geodata.vocab import NATIONAL

    return value if value == NATIONAL else resolve_province(value)


def create_window(
    province: str | None = None,
    select: str | None = None,
    quiet: bool = False,
    map_view: MapView | None = None,
) -> MainWindow:
    """Create the application state, data and main window (the QApplication must exist).

    Parameters
    ----------
    province : str, optional
        A province's name, pinyin or adcode (``anhui``, ``340000``), or ``both``; the last one
        used when omitted.
    select : str, optional
        Adcode of a region to select once the map is drawn.
    quiet : bool
        Errors go to the status bar instead of dialogs.
    map_view : MapView, optional
        A view already loading a page (:func:`desktop.map.prefetch.load_ahead`), for the map.

    Returns
    -------
    MainWindow
    """
    from contextlib import nullcontext

    from PySide6.QtWidgets import QApplication

    from desktop.map.prefetch import processing_events

    # The window's modules are the bulk of a start: a page loading ahead goes on meanwhile.
    with processing_events() if map_view is not None else nullcontext():
        from desktop.i18n import install_language
        from desktop.main_window import MainWindow
        from geodata.atlas import AtlasData
        from geodata.statefiles import clean_stores

    clean_stores()  # what a killed import left (the window's notice says what is damaged)
    state = initial_state(province, select)
    install_language(QApplication.instance(), state.language)
    return MainWindow(state, AtlasData(), quiet=quiet, map_view=map_view)


def _page_ahead(province: str | None, select: str | None) -> MapView | None:
    """Return a view loading the page the last start drew (:mod:`desktop.map.prefetch`).

    None when the start names a province or a selection (the last page would not show them)
    or when there is nothing to load ahead.
    """
    if province is not None or select is not None:
        return None
    from desktop.map.prefetch import load_ahead

    return load_ahead()


def dress_application(app: QApplication) -> None:
    """Give the application its name (the settings' place), icon and font, as a start does."""
    from desktop.icons import app_icon
    from desktop.qtfonts import apply_app_font

    app.setApplicationName("Infra Atlas")
    app.setOrganizationName("Infra Atlas")
    app.setWindowIcon(app_icon())
    apply_app_font(app)


def start_message(data, state) -> str | None:
    """Return what the first map waits for when it is neither cached nor shipped, else None.

    A new data home opens the shipped map at once (:mod:`geodata.prebuilt`); a map of other
    data or options is built first, and China's provinces for the grey context too when no map
    was built in this data home yet: the longest wait, said in words.
    """
    from PySide6.QtCore import QCoreApplication

    from geodata import prebuilt
    from geodata.paths import cache_dir

    options = state.map_options()
    if data.cached_view(state.province, state.level, options) is not None:
        return None
    context = f"context/{data.context_key()}.json"
    if not (cache_dir() / context).is_file() and prebuilt.shipped(context) is None:
        return QCoreApplication.translate(
            "Start", "Preparing China's provinces and the map for the first time..."
        )
    return QCoreApplication.translate(
        "Start", "Building this map: it is new or its data changed..."
    )


def run(
    province: str | None = None, select: str | None = None, screenshot: str | None = None
) -> int:
    """Run the app; with ``screenshot`` paint the window to that PNG once the map is drawn.

    Returns
    -------
    int
        The process exit code.
    """
    from geodata.paths import data_home

    data_home()  # a relative $INFRA_ATLAS_HOME is refused before any window opens
    out = check_screenshot(screenshot) if screenshot is not None else None
    _prepare_environment(headless=screenshot is not None)
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - must precede the QApplication
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    ahead = _page_ahead(province, select)  # before anything else: the page loads meanwhile
    dress_application(app)
    window = create_window(province, select, quiet=screenshot is not None, map_view=ahead)
    exit_code = {"value": 0}
    if out is not None:

        def done(_path: Path) -> None:
            app.quit()

        def failed(message: str) -> None:
            sys.stderr.write(f"error: {' '.join(message.split())}\n")
            exit_code["value"] = 2
            app.quit()

        def timeout() -> None:
            sys.stderr.write("error: the map did not finish drawing within 120 s\n")
            exit_code["value"] = 1
            app.quit()

        window.view_ready.connect(lambda: window.screenshot(out, on_saved=done, on_failed=failed))
        QTimer.singleShot(120_000, timeout)
    else:
        window.restore_settings()
    # Shown first: a cached view starts loading at once, and a page must not lay out in a hidden
    # (zero-sized) view. A new view is built in a worker while the window paints itself.
    window.show()
    waiting = start_message(window.data, window.state)  # before the build installs a view
    window.controller.rebuild(keep_view=False)
    if waiting is not None:  # the first map is built: say what takes the time
        window.notifier.info(waiting, 0)
    app.exec()
    from desktop.map.view import release_pages

    release_pages()
    return exit_code["value"]
