"""Fixtures of the print tests: matplotlib settings restored, one atlas per module."""

import matplotlib
import pytest

from geodata.atlas import AtlasData


@pytest.fixture(autouse=True)
def _restore_rcparams():
    with matplotlib.rc_context():
        yield


@pytest.fixture(scope="module")
def data():
    return AtlasData()
