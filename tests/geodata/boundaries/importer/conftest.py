"""The folder the messy boundary files of :mod:`tests.boundary_cases` are written to."""

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("boundary-cases")
