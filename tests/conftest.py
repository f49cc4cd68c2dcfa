"""Test set-up shared by every test package.

Qt runs offscreen in the real web engine; QtWebEngine is imported before pytest-qt's qtbot
creates the QApplication (it must be, or the web view cannot share OpenGL contexts). User state
goes to a temporary ``$INFRA_ATLAS_HOME``, never to the developer's real data directory.
"""

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ["INFRA_ATLAS_HOME"] = tempfile.mkdtemp(prefix="infra-atlas-test-home-")

try:  # must precede the QApplication that qtbot creates
    from PySide6 import QtWebEngineWidgets  # noqa: F401
except (
    ImportError
):  # pragma: no cover - PySide6 is a hard dependency; fail in the tests that use it
    pass

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The directory of small real data files used by the tests."""
    return DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root."""
    return REPO


@pytest.fixture(scope="session")
def all_targets():
    """The bundled targets."""
    from geodata.plan.targets import load_targets

    return load_targets()


@pytest.fixture(scope="session", autouse=True)
def _release_web_pages():
    """Delete the web pages before QApplication and its web profile are torn down."""
    yield
    import sys

    if "desktop.map.view" in sys.modules:
        sys.modules["desktop.map.view"].release_pages()
