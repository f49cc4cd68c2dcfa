"""A fresh data directory for the tests that store boundary versions."""

from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh data directory, so imports here never change other tests' boundaries."""
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    return tmp_path / "home"
