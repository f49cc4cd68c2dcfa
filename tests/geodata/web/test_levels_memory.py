"""Levels of detail of a big layer: encoded in blocks, the same as in one go.

A national county layer (4 million vertices) is encoded a block of features at a time, so its
levels never hold the whole layer's temporary arrays at once; these tests check that doing so
changes nothing in what is written, on Shanxi's real counties with the thresholds lowered.
"""

import gc

import numpy as np
import pytest
import shapely

from geodata.web import levels
from geodata.web.levels import (
    LOD_ZOOMS,
    GeometryLevels,
    decode_geometry,
    encode_geometries,
    geometry_hash,
    release_memory,
    simplify_level,
)


def _with_odd_features(geoms):
    """The counties with a missing geometry, a point and a collection holding a polygon."""
    odd = [
        None,
        shapely.Point(112, 37),
        shapely.GeometryCollection(
            [shapely.Point(1, 2), shapely.Polygon([(110, 36), (110.5, 36), (110.5, 36.5)])]
        ),
    ]
    return np.array([odd[0], *geoms[:40], odd[1], *geoms[40:], odd[2]], dtype=object)


def test_encoding_in_small_blocks_writes_the_same_text(shanxi_counties, monkeypatch):
    geoms = _with_odd_features(shanxi_counties)
    whole = encode_geometries(geoms, 10**5)
    monkeypatch.setattr(levels, "ENCODE_BLOCK_VERTICES", 500)  # a block per feature or so
    assert encode_geometries(geoms, 10**5) == whole
    # and the text is the geometry: decoded, it is the source rounded to the scale
    first = decode_geometry(whole[1], 10**5)
    assert shapely.hausdorff_distance(first, geoms[1]) < 2e-5
    assert whole[0] == [] and whole[41] == []  # nothing for no geometry and for a point
    assert len(whole[-1]) == 1  # the collection's polygon


def test_big_values_and_negative_coordinates_round_trip():
    # far from the origin at the finest scale: values of 6 chunks, negative deltas
    ring = [(-179.999999, -89.5), (179.999999, -89.5), (179.999999, 89.5), (-179.999999, 89.5)]
    polygon = shapely.Polygon(ring, [[(-1, -1), (1, -1), (0, 1)]])
    (encoded,) = encode_geometries(np.array([polygon], dtype=object), 10**6)
    back = decode_geometry(encoded, 10**6)
    assert shapely.equals_exact(back.geoms[0], polygon, tolerance=1e-6)


@pytest.mark.parametrize("edge_vertices", [5_000, 10**9])
def test_a_level_with_odd_features_is_its_simplified_geometry_encoded(
    shanxi_counties, monkeypatch, tmp_path, edge_vertices
):
    monkeypatch.setattr(levels, "EDGE_VERTICES", edge_vertices)  # border by border, or not
    geoms = _with_odd_features(shanxi_counties)
    layer = GeometryLevels(geoms, root=tmp_path)
    scale = levels.level_scale(10, layer.max_abs_lat)
    expected = encode_geometries(simplify_level(geoms, 10, layer.max_abs_lat), scale)
    level = layer.level(LOD_ZOOMS.index(10))
    assert level.scale == scale and level.features == expected
    assert expected[0] == [] and len(expected[-1]) == 1


def test_completing_levels_writes_what_computing_each_level_writes(
    shanxi_counties, monkeypatch, tmp_path
):
    monkeypatch.setattr(levels, "EDGE_VERTICES", 20_000)
    completed = GeometryLevels(shanxi_counties, root=tmp_path / "a")
    scripts = completed.complete(0)
    assert [p.name for p in scripts] == ["level-6.js", "level-8.js", "level-10.js", "level-12.js"]
    each = GeometryLevels(shanxi_counties, root=tmp_path / "b")
    for index in (1, 2, 3, 4):
        assert completed.level(index).features == each.level(index).features
    release_memory()  # hands freed memory back; nothing else changes
    assert completed.level(4).features == each.level(4).features


def test_the_hash_of_an_array_is_remembered_until_it_changes_or_goes(shanxi_counties):
    geoms = shanxi_counties.copy()
    key = geometry_hash(geoms)
    assert geometry_hash(geoms) == key == geometry_hash(shanxi_counties.copy())
    geoms[0] = shapely.box(110, 36, 111, 37)  # an array changed in place is hashed again
    changed = geometry_hash(geoms)
    assert changed != key
    assert changed == geometry_hash(np.array(list(geoms), dtype=object))
    remembered = len(levels._HASHES)
    del geoms
    gc.collect()
    assert len(levels._HASHES) == remembered - 1


def test_another_array_of_the_same_geometries_is_not_hashed_again(shanxi_counties, monkeypatch):
    """A frame's copy of the geometry column (the page and its levels each get one)."""
    key = geometry_hash(shanxi_counties)
    hashed = []
    real = levels._hash_wkb
    monkeypatch.setattr(levels, "_hash_wkb", lambda g: hashed.append(len(g)) or real(g))
    assert geometry_hash(shanxi_counties.copy()) == key
    assert geometry_hash(np.array(list(shanxi_counties), dtype=object)) == key
    assert hashed == []
    other = shanxi_counties.copy()
    other[0] = shapely.box(110, 36, 111, 37)  # other geometries: hashed
    assert geometry_hash(other) != key and hashed == [len(other)]
