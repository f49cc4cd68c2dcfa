"""The shipped CJK font in Qt widgets.

Chinese place names must render in the panels and dialogs on a machine that has no CJK system
font, so the app registers the Noto Sans SC files that :mod:`geodata.fonts` ships with Qt's font
database and makes that family the application font. The map (QtWebEngine) and the figures
(matplotlib) use the same files through :mod:`geodata.web.assets` and :mod:`geodata.fonts`.

A ``QGuiApplication`` must exist before any function here is called.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication, QRawFont

from geodata.fonts import CJK_FONT_BOLD_PATH, CJK_FONT_FAMILY, CJK_FONT_PATH

#: Font files already added to Qt's font database in this process, with their font ids.
_registered: dict[Path, int] = {}


def _require_app() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("create the QApplication before registering fonts with Qt")


def register_qt_font() -> str:
    """Add the shipped Noto Sans SC files to Qt's application font database.

    Both weights (regular and bold) are added once per process; calling the function again
    changes nothing.

    Returns
    -------
    str
        The family name the files register, ``"Noto Sans SC"``.

    Raises
    ------
    RuntimeError
        When no ``QGuiApplication`` exists yet, or Qt cannot read a font file.
    FileNotFoundError
        When a shipped font file is missing from ``resources/fonts``.
    """
    _require_app()
    family = CJK_FONT_FAMILY
    for path in (CJK_FONT_PATH, CJK_FONT_BOLD_PATH):
        path = path.resolve()
        if path in _registered:
            continue
        if not path.is_file():
            raise FileNotFoundError(f"shipped CJK font is missing: {path}")
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the font {path}: is the file damaged?")
        _registered[path] = font_id
        families = QFontDatabase.applicationFontFamilies(font_id)
        if path == CJK_FONT_PATH.resolve() and families:
            family = families[0]
    return family


def apply_app_font(app: QGuiApplication) -> QFont:
    """Make the shipped CJK family the application font, keeping the platform's size.

    The platform's own families stay behind it as fallbacks.

    Parameters
    ----------
    app : QGuiApplication
        The running application.

    Returns
    -------
    QFont
        The font that was set.
    """
    family = register_qt_font()
    font = QFont(app.font())
    others = [name for name in font.families() or [font.family()] if name != family]
    font.setFamilies([family, *others])
    app.setFont(font)
    return font


def qt_font(point_size: float | None = None, bold: bool = False) -> QFont:
    """Return a font of the shipped CJK family (registering it first).

    Parameters
    ----------
    point_size : float, optional
        Size in points; the application font's size by default.
    bold : bool, default False
        Use the bold weight.
    """
    family = register_qt_font()
    font = QFont(family)
    if point_size is not None:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def missing_glyphs_qt(text: str) -> list[str]:
    """Return the characters of ``text`` the registered CJK font has no glyph for.

    Like :func:`geodata.fonts.missing_glyphs`, the answer lists what is *not* covered: an empty
    list means Qt can draw all of ``text`` with the shipped font, without falling back on a
    system font.

    Parameters
    ----------
    text : str
        Text to check, e.g. the place names a panel shows.

    Returns
    -------
    list of str
        Each missing character once, in order of first appearance; control characters (line
        breaks, tabs) are ignored.
    """
    font = qt_font()
    raw = QRawFont.fromFont(font)
    if not raw.isValid() or raw.familyName() != font.family():
        raw = QRawFont(str(CJK_FONT_PATH), 12.0)
    metrics = QFontMetrics(font)
    missing = []
    for char in dict.fromkeys(text):
        if unicodedata.category(char) == "Cc":
            continue
        if raw.isValid():
            covered = raw.supportsCharacter(ord(char))
        else:  # pragma: no cover - only when the font file cannot be read at all
            covered = metrics.inFontUcs4(ord(char))
        if not covered:
            missing.append(char)
    return missing
