"""Start the desktop app (or paint it to a PNG for ``infra-atlas gui --screenshot``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from geodata.errors import InputError


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


def create_window(province: str | None = None, select: str | None = None, quiet: bool = False):
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

    Returns
    -------
    MainWindow
    """
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_language
    from geodata.atlas import AtlasData

    state = initial_state(province, select)
    install_language(QApplication.instance(), state.language)
    from desktop.main_window import MainWindow

    return MainWindow(state, AtlasData(), quiet=quiet)


def run(
    province: str | None = None, select: str | None = None, screenshot: str | None = None
) -> int:
    """Run the app; with ``screenshot`` paint the window to that PNG once the map is drawn.

    Returns
    -------
    int
        The process exit code.
    """
    if screenshot is not None and not str(screenshot).lower().endswith(".png"):
        raise InputError(f"--screenshot {screenshot!r} must name a .png file")
    _prepare_environment(headless=screenshot is not None)
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - must precede the QApplication
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.icons import app_icon
    from desktop.qtfonts import apply_app_font

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Infra Atlas")
    app.setOrganizationName("Infra Atlas")
    app.setWindowIcon(app_icon())
    apply_app_font(app)
    window = create_window(province, select, quiet=screenshot is not None)
    exit_code = {"value": 0}
    if screenshot is not None:
        out = Path(screenshot)
        out.parent.mkdir(parents=True, exist_ok=True)

        def done(_path: Path) -> None:
            app.quit()

        def timeout() -> None:
            sys.stderr.write("error: the map did not finish drawing within 120 s\n")
            exit_code["value"] = 1
            app.quit()

        window.view_ready.connect(lambda: window.screenshot(out, on_saved=done))
        QTimer.singleShot(120_000, timeout)
    else:
        window.restore_settings()
    # Shown first: a cached view starts loading at once, and a page must not lay out in a hidden
    # (zero-sized) view. A new view is built in a worker while the window paints itself.
    window.show()
    window.controller.rebuild(keep_view=False)
    app.exec()
    from desktop.map.view import release_pages

    release_pages()
    return exit_code["value"]
