"""The application icon (kept apart from the dialogs so that start-up imports little)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from resources import RESOURCES_DIR

ICON_DIR = RESOURCES_DIR / "icons"
ICON_SIZES = (16, 32, 64, 256)


def app_icon() -> QIcon:
    """Return the application icon, with the PNG rendered at each size in ``resources/icons``."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = ICON_DIR / f"infra-atlas-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
