"""A big layer's print simplification is kept in the cache and read back for the next figure."""

import numpy as np
import shapely

from geodata.paths import cache_dir
from geodata.printing import geometry


def dense_grid(n=4, vertices_per_side=8_000):
    """n x n unit squares sharing their edges (a clean coverage), each edge densified."""
    cells = [shapely.box(i, j, i + 1, j + 1) for i in range(n) for j in range(n)]
    return np.asarray(shapely.segmentize(cells, 1 / vertices_per_side), dtype=object)


def test_the_simplification_of_a_big_layer_is_cached(monkeypatch):
    regions = dense_grid()
    assert shapely.get_num_coordinates(regions).sum() > geometry.CACHED_VERTICES
    path = geometry._simplified_cache(regions, 0.01)
    path.unlink(missing_ok=True)
    first = geometry.simplified(regions, 0.01)
    assert path.is_file()
    assert shapely.get_num_coordinates(first).sum() < 100  # squares again: simplified
    assert shapely.coverage_is_valid(first)  # shared edges simplified once

    def no_work(*_args):
        raise AssertionError("simplified again")

    monkeypatch.setattr(geometry, "_simplify", no_work)
    again = geometry.simplified(regions, 0.01)
    assert shapely.equals_exact(again, first, tolerance=0).all()
    # another tolerance or other regions are other files
    assert geometry._simplified_cache(regions, 0.02) != path
    assert geometry._simplified_cache(regions[:-1], 0.01) != path
    monkeypatch.undo()
    path.write_bytes(path.read_bytes()[:-10])  # truncated: a miss, made again
    assert shapely.equals_exact(geometry.simplified(regions, 0.01), first, tolerance=0).all()


def test_a_small_layer_is_not_cached():
    regions = dense_grid(n=2, vertices_per_side=10)
    before = set((cache_dir() / "print").glob("*")) if (cache_dir() / "print").is_dir() else set()
    assert geometry._simplified_cache(regions, 0.01) is None
    geometry.simplified(regions, 0.01)
    after = set((cache_dir() / "print").glob("*")) if (cache_dir() / "print").is_dir() else set()
    assert after == before
