"""Interface language: Qt translators for the app's own strings and for Qt's.

Every user-visible string in ``desktop/`` goes through ``self.tr(...)`` with English source
text. :func:`install_language` installs the compiled Chinese catalogue
(``desktop/translations/infra_atlas_zh_CN.qm``) and Qt's own ``qtbase_zh_CN`` catalogue for
``"zh"``, or removes them for ``"en"``; Qt then sends ``QEvent.LanguageChange`` to every widget,
whose ``changeEvent`` calls its ``retranslate()``.

To add or change strings, edit the code, add the Chinese to ``desktop/translations/zh_CN.py``
and run ``python desktop/translations/update.py`` (see that script).
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from geodata.regions.catalogue import region
from geodata.vocab import LANGUAGES

TRANSLATIONS_DIR: Path = Path(__file__).resolve().parent / "translations"
"""Directory of the app's translation sources (.ts) and compiled catalogues (.qm)."""

APP_CATALOGUE: Path = TRANSLATIONS_DIR / "infra_atlas_zh_CN.qm"
"""The compiled Simplified Chinese catalogue of the app's strings."""

#: Translators this module installed, so the next call can remove them.
_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    """Return the directory holding Qt's own catalogues (``qtbase_zh_CN.qm`` ...)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _remove_installed(app: QCoreApplication) -> None:
    for translator in _installed:
        if shiboken6.isValid(translator):
            app.removeTranslator(translator)
    _installed.clear()


def install_language(app: QCoreApplication, language: str) -> None:
    """Switch the interface language of the running application.

    Parameters
    ----------
    app : QCoreApplication
        The running application.
    language : str
        ``"zh"`` for Simplified Chinese, ``"en"`` for the English source strings.

    Raises
    ------
    ValueError
        For any other language.
    FileNotFoundError
        When ``"zh"`` is asked for and the compiled catalogue is missing or unreadable: run
        ``python desktop/translations/update.py``.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    _remove_installed(app)
    if language == "en":
        english = system_language() == "en"
        QLocale.setDefault(QLocale.system() if english else QLocale(QLocale.Language.English))
        return
    translator = QTranslator(app)
    if not translator.load(str(APP_CATALOGUE)):
        raise FileNotFoundError(
            f"cannot load {APP_CATALOGUE}: run 'python desktop/translations/update.py' to build it"
        )
    qt_translator = QTranslator(app)
    if qt_translator.load("qtbase_zh_CN", qt_translations_dir()):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def current_language() -> str:
    """Return the language last installed: ``"zh"`` when the Chinese catalogue is in use."""
    return "zh" if any(shiboken6.isValid(t) for t in _installed) else "en"


def system_language() -> str:
    """Return ``"zh"`` when the system locale's language is Chinese, else ``"en"``."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def region_name(adcode: str, language: str | None = None) -> str:
    """Return a region's name from the catalogue, in one language.

    Parameters
    ----------
    adcode : str
        The region's 6-digit code.
    language : {"zh", "en"}, optional
        The interface language (:func:`current_language`) by default.

    Returns
    -------
    str
        ``"山西省"`` or ``"Shanxi"``; the code itself when the catalogue does not know it.
    """
    known = region(adcode)
    if known is None:
        return adcode
    if (language or current_language()) == "zh":
        return known.name_zh
    return known.name_en or known.name_zh


def region_choice(adcode: str, language: str | None = None) -> str:
    """Return a region's name for a list of choices: both names, the interface language's first.

    ``"Guangdong 广东省"`` in English, ``"广东省 Guangdong"`` in Chinese, so that typing either
    name finds it in a searchable list.
    """
    language = language or current_language()
    other = "en" if language == "zh" else "zh"
    first, second = region_name(adcode, language), region_name(adcode, other)
    return first if first == second else f"{first} {second}"
