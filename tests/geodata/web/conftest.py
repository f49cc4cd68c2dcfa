"""Fixtures shared by the web page tests."""

import numpy as np
import pytest

from geodata.boundaries.bundled import bundled_layer


@pytest.fixture(scope="module")
def shanxi_counties():
    """A real county-level sample: Shanxi's 117 counties (about 60,000 vertices)."""
    return np.asarray(bundled_layer("county", "140000").gdf.geometry.values)
