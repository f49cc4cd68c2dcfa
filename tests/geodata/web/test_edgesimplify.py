"""Border-by-border simplification of a coverage: neighbours keep meeting exactly.

The coverages are made here: a grid of regions whose shared borders are dense wavy lines (many
vertices, each a little off the straight line), with an island, an enclave (a region filling
another's hole: a border with no node), a region with a single neighbour (two nodes), repeated
points and -0.0 coordinates; and Shanxi's real counties.
"""

import math

import numpy as np
import pytest
import shapely

from geodata.web.edgesimplify import NotACoverage, simplify_coverage_edges

WAVE = 0.004  # amplitude of the wavy borders, in degrees


def _wavy(a, b, n=200):
    """Points from ``a`` to ``b`` (excluded), waving across the straight line.

    The wave depends on the position along the line only, so the same border drawn from
    either end has the same points.
    """
    (x0, y0), (x1, y1) = a, b
    t = np.arange(n) / n
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    nx, ny = -dy / length, dx / length
    s = np.minimum(t, 1 - t)  # symmetric along the line: no wave at the ends
    wave = WAVE * np.sin(2 * math.pi * 7 * t) * np.minimum(1, 8 * s)
    return np.c_[x0 + dx * t + nx * wave, y0 + dy * t + ny * wave]


def _border(a, b):
    """The wavy border from ``a`` to ``b``, the same points whichever way it is walked."""
    if a <= b:
        return _wavy(a, b)
    return np.r_[[a], _wavy(b, a)[1:][::-1]]


def _ring(corners):
    """A closed ring along wavy borders between ``corners``."""
    points = [_border(corners[i], corners[(i + 1) % len(corners)]) for i in range(len(corners))]
    return np.r_[np.concatenate(points), points[0][:1]]


def _grid_coverage():
    """A 3 x 3 grid of unit squares with wavy borders, the middle one holding an enclave."""
    cells = []
    for i in range(3):
        for j in range(3):
            corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
            cells.append(_ring(corners))
    hole = [(1.3, 1.3), (1.7, 1.3), (1.7, 1.7), (1.3, 1.7)]
    hole_ring = _ring(hole)
    geoms = [shapely.Polygon(c) for c in cells]
    geoms[4] = shapely.Polygon(cells[4], [hole_ring[::-1]])
    enclave = shapely.Polygon(hole_ring)
    island = shapely.Polygon(_ring([(4.0, 0.0), (4.5, 0.0), (4.25, 0.4)]))
    return np.array([*geoms, enclave, island], dtype=object)


def _shared_points(a, b):
    """The coordinates two geometries' boundaries share, as a set of tuples."""
    pa = {tuple(p) for p in shapely.get_coordinates(a)}
    pb = {tuple(p) for p in shapely.get_coordinates(b)}
    return pa & pb


def _assert_borders_agree(source, simple):
    """Every pair of neighbours keeps the same points of their common border."""
    tree = shapely.STRtree(source)
    left, right = tree.query(source, predicate="touches")
    pairs = 0
    for i, j in zip(left, right, strict=True):
        if i >= j:
            continue
        border = _shared_points(source[i], source[j])
        if len(border) < 2:
            continue
        pairs += 1
        kept_i = {tuple(p) for p in shapely.get_coordinates(simple[i])} & border
        kept_j = {tuple(p) for p in shapely.get_coordinates(simple[j])} & border
        assert kept_i == kept_j, f"regions {i} and {j} keep different points of their border"
        assert len(kept_i) >= 2
    assert pairs > 0


def test_a_grid_with_an_enclave_and_an_island_stays_a_coverage():
    source = _grid_coverage()
    tolerance = WAVE / 2
    simple = simplify_coverage_edges(source, tolerance)
    assert shapely.coverage_is_valid(source)
    assert shapely.coverage_is_valid(simple), "a gap or an overlap between neighbours"
    assert shapely.is_valid(simple).all()
    _assert_borders_agree(source, simple)
    # within the tolerance of the source, with far fewer points
    assert shapely.hausdorff_distance(source, simple).max() <= tolerance * 1.0001
    before = shapely.get_num_coordinates(source).sum()
    assert shapely.get_num_coordinates(simple).sum() < before / 4
    # the enclave still fills the middle region's hole, the island is still there
    assert shapely.equals(shapely.get_interior_ring(simple[4].geoms[0], 0), simple[9].boundary)
    assert simple[10].area > 0.5 * source[10].area


def test_a_tolerance_larger_than_a_region_keeps_it_a_triangle():
    source = _grid_coverage()
    simple = simplify_coverage_edges(source, 10.0)  # every border becomes straight
    assert shapely.coverage_is_valid(simple)
    for polygon in shapely.get_parts(simple):
        assert shapely.get_num_coordinates(polygon.exterior) >= 4  # at least a triangle
        assert polygon.area > 0
    # the nodes are kept: where three or four regions meet, and where a border meets the outline
    kept = {tuple(p) for p in shapely.get_coordinates(simple)}
    nodes = {(i, j) for i in range(4) for j in range(4)} - {(0, 0), (3, 0), (0, 3), (3, 3)}
    assert nodes <= kept


def test_repeated_points_and_negative_zero_are_the_same_point():
    left = shapely.Polygon([(-1, 0), (-0.0, 0), (0, 0), (0.0, 0.5), (0, 1), (0, 1), (-1, 1)])
    right = shapely.Polygon([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0.5)])
    simple = simplify_coverage_edges(np.array([left, right], dtype=object), 0.01)
    assert shapely.coverage_is_valid(simple)
    assert abs(simple[0].area - 1) < 1e-12 and abs(simple[1].area - 1) < 1e-12
    # the repeated points are gone; (0, 0.5) is kept by both or by neither
    assert shapely.get_num_coordinates(simple[0]) == shapely.get_num_coordinates(simple[1])


def test_a_ring_without_three_distinct_points_is_refused():
    flat = shapely.Polygon([(0, 0), (1, 1), (0, 0), (0, 0)])
    with pytest.raises(NotACoverage, match="three distinct points"):
        simplify_coverage_edges(np.array([shapely.box(2, 2, 3, 3), flat], dtype=object), 0.1)


def test_shanxi_counties_keep_their_common_borders(shanxi_counties):
    tolerance = 0.002
    simple = simplify_coverage_edges(shanxi_counties, tolerance)
    _assert_borders_agree(shanxi_counties, simple)
    assert shapely.hausdorff_distance(shanxi_counties, simple).max() <= tolerance * 1.0001
    # the province is the same shape: its area within a thousandth
    source_area = shapely.area(shanxi_counties).sum()
    assert abs(shapely.area(simple).sum() / source_area - 1) < 1e-3
    assert (
        shapely.get_num_coordinates(simple).sum()
        < shapely.get_num_coordinates(shanxi_counties).sum() / 3
    )


def test_empty_parts_and_z_coordinates_are_taken_as_they_come():
    """An empty polygon (or an empty part of one) has no ring: it stays empty, nothing fails."""
    left, right = shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)
    with_empty_part = shapely.from_wkt("MULTIPOLYGON (((5 5, 6 5, 6 6, 5 6, 5 5)), EMPTY)")
    lifted = shapely.from_wkt("POLYGON Z ((2 0 7, 3 0 7, 3 1 7, 2 1 7, 2 0 7))")
    geoms = np.array(
        [left, shapely.Polygon(), right, shapely.MultiPolygon(), with_empty_part, lifted],
        dtype=object,
    )
    simple = simplify_coverage_edges(geoms, 0.1)
    assert simple[1].is_empty and simple[3].is_empty
    for i in (0, 2, 4, 5):
        assert shapely.equals(simple[i], shapely.force_2d(geoms[i])), i
    assert not shapely.has_z(simple).any()
