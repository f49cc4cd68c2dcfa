"""Fixtures shared by the window tests."""

import pytest

from desktop.i18n import install_language


@pytest.fixture
def chinese(qapp):
    """The app in Chinese for one test (English again after it)."""
    install_language(qapp, "zh")
    yield
    install_language(qapp, "en")
