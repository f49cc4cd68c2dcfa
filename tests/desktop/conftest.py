"""Fixtures shared by the window tests."""

import pytest

from desktop.i18n import install_language
from tests.desktop.windows import open_drawn_window


@pytest.fixture
def chinese(qapp):
    """The app in Chinese for one test (English again after it)."""
    install_language(qapp, "zh")
    yield
    install_language(qapp, "en")


@pytest.fixture(scope="module")
def shanxi(qapp, request):
    """One drawn Shanxi window shared by a module's tests (opening one takes seconds).

    A module may set ``WINDOW_SIZE`` (width, height); the window's default size otherwise.
    """
    window = open_drawn_window("shanxi", size=getattr(request.module, "WINDOW_SIZE", None))
    yield window
    window.close()
    window.deleteLater()
