"""The Qt bindings keep Python's reference counts right (PySide6 6.12.0 did not).

PySide6 6.12.0 dropped a reference to ``None`` on every call of a method that returns nothing,
and one to ``True`` in ``QSettings.value(..., type=bool)``; after enough calls the interpreter
aborted ("Fatal Python error: bool_dealloc"). ``pyproject.toml`` keeps that release out; these
tests fail if a release with the same fault is installed.
"""

import gc
import sys

from PySide6.QtCore import QSettings, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox

CALLS = 200


def refcounts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def leaked(call) -> tuple[int, int, int]:
    """Return how many references to None, True and False ``CALLS`` calls of ``call`` lost."""
    call()  # first-call caches
    before = refcounts()
    for _ in range(CALLS):
        call()
    after = refcounts()
    return tuple(b - a for a, b in zip(after, before, strict=True))


def test_void_widget_calls_keep_none_alive(qtbot):
    box, combo = QCheckBox(), QComboBox()
    qtbot.addWidget(box)
    qtbot.addWidget(combo)
    combo.addItems(["a", "b"])

    def calls() -> None:
        box.setChecked(True)
        box.setToolTip("")
        combo.setCurrentIndex(1)
        with QSignalBlocker(combo):
            pass

    assert leaked(calls)[0] <= 0


def test_settings_keep_none_and_booleans_alive(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("flag", "true")

    def calls() -> None:
        settings.setValue("key", 1)
        settings.value("flag", False, type=bool)

    lost_none, lost_true, _ = leaked(calls)
    assert lost_none <= 0
    assert lost_true <= 0
